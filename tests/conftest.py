from __future__ import annotations

from pathlib import Path

import pytest

from zorgadvies.api import Advisor

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


@pytest.fixture(scope="session")
def adv() -> Advisor:
    # A fresh Advisor per test session rather than the process-wide advisor(): the rule pack is
    # then compiled inside the session, so that a mutation test (which forks the process after a
    # first session) exercises the mutated compiler instead of an engine compiled before it.
    return Advisor(cases=False)
