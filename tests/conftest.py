from __future__ import annotations

import itertools
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from zorgadvies.api import Advisor
from zorgadvies.logic import Formula
from zorgadvies.rulepack import Conclusion, Rule

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def pytest_addoption(parser: pytest.Parser) -> None:
    # Regenerating the golden reports is a separate, explicit step (docs/testing.md): without this
    # option tests/test_golden.py only compares and never writes.
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current code instead of comparing (review the diff!)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture()
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English (the default is Dutch): for tests that compare English message text.

    Set through the environment, so commands run in a subprocess follow it too.
    """
    monkeypatch.setenv("ZORGADVIES_LANG", "en")


@pytest.fixture()
def dutch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in Dutch whatever the locale of the machine running the tests."""
    monkeypatch.setenv("ZORGADVIES_LANG", "nl")


def synthetic_rule(rule_id: str, when: Formula, stage: int = 2, **extra: object) -> Rule:
    """A stage criterion over ``when`` with placeholder texts, for engine tests on generated packs."""
    return Rule(
        id=rule_id,
        title="t",
        title_en="t",
        status="stable",
        description="d",
        description_en="d",
        sources=("ontwikkelmodel#pijlers",),
        modified="2026-11-23",
        when=when,
        then=Conclusion("criterion", "innovatie", stage),
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="session")
def adv() -> Advisor:
    # A fresh Advisor per test session rather than the process-wide advisor(): the rule pack is
    # then compiled inside the session, so that a mutation test (which forks the process after a
    # first session) exercises the mutated compiler instead of an engine compiled before it.
    return Advisor(cases=False)


# --------------------------------------------------------------------------------------------
# Databases: every store test runs on SQLite and on PostgreSQL.

POSTGRES_ENV = "ZORGADVIES_TEST_POSTGRES"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str | None]:
    """A PostgreSQL URL: $ZORGADVIES_TEST_POSTGRES (.ci/run sets it) or a cluster started here.

    None (and the PostgreSQL tests skip, saying why) only where no server can be started.
    """
    url = os.environ.get(POSTGRES_ENV)
    if url:
        yield url
        return
    script = ROOT / ".ci" / "postgres"
    result = subprocess.run(["bash", str(script), "start"], capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        _POSTGRES_WHY.append(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "unknown reason")
        yield None
        return
    url = result.stdout.strip()
    try:
        yield url
    finally:
        subprocess.run(["bash", str(script), "stop", url], capture_output=True, timeout=120)


_POSTGRES_WHY: list[str] = []
_DB_COUNTER = itertools.count()


BACKENDS = ["sqlite", "postgresql"]


@contextmanager
def _fresh_database(kind: str, folder: Path, postgres_server: str | None) -> Iterator[str]:
    """A new, empty database on ``kind`` (its URL); dropped afterwards. Skips PostgreSQL, saying why, without a server."""
    from zorgadvies.store import forget_stores

    if kind == "sqlite":
        yield f"sqlite:///{folder / 'store.sqlite3'}"
        forget_stores()
        return
    if postgres_server is None:
        pytest.skip(f"no PostgreSQL server could be started: {_POSTGRES_WHY[0] if _POSTGRES_WHY else 'unknown'}")
    import sqlalchemy as sa

    name = f"t{os.getpid()}_{next(_DB_COUNTER)}"
    server = sa.make_url(postgres_server).set(drivername="postgresql+psycopg")
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    url = server.set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        forget_stores()
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path, postgres_server: str | None) -> Iterator[str]:
    """A fresh, empty database URL on each backend."""
    with _fresh_database(request.param, tmp_path, postgres_server) as url:
        yield url


@pytest.fixture(scope="module", params=BACKENDS)
def module_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, postgres_server: str | None) -> Iterator[str]:
    """As ``db_url``, shared by a module's tests (a server started once per backend)."""
    with _fresh_database(request.param, tmp_path_factory.mktemp(request.param), postgres_server) as url:
        yield url


# --------------------------------------------------------------------------------------------
# Known disagreements between the tool and a consultant's expectation (tests/descriptions and
# tests/real): each is kept as a failing expectation, marked strict-xfail with the reason the
# lead gave, so that it fails loudly the day the tool starts to agree (and the entry must go).

DISAGREEMENTS = ROOT / "tests" / "known-disagreements.yaml"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    import yaml

    entries = yaml.safe_load(DISAGREEMENTS.read_text(encoding="utf-8")) or []
    reasons = {e["test"]: e["reason"] for e in entries}
    seen = set()
    for item in items:
        key = item.nodeid.split("::", 1)[-1]
        if key in reasons:
            item.add_marker(pytest.mark.xfail(strict=True, reason=reasons[key]))
            seen.add(key)
    collected_all = any(i.nodeid.startswith("tests/test_descriptions.py") for i in items) and not config.option.keyword
    stale = sorted(set(reasons) - seen)
    if collected_all and stale:
        raise pytest.UsageError(f"{DISAGREEMENTS}: no such test (remove the entry): {stale[0]}")
