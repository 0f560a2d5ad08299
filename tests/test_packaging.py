"""The sdist and wheel build, and the wheel works in a fresh virtual environment outside the checkout.

This is the slowest test (it builds, creates a venv and installs the dependencies, ~1 minute with a
warm pip cache); it needs the package registry, like `make test`'s own set-up does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)], check=True, capture_output=True)
    return out


def test_wheel_carries_knowledge_rules_and_types(dist: Path) -> None:
    wheel = next(dist.glob("zorgadvies-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "zorgadvies/py.typed" in names
    assert "zorgadvies/_data/knowledge/sources.yaml" in names
    for template in ("report.html.j2", "report.md.j2", "style.css.j2"):  # the report templates
        assert f"zorgadvies/render/templates/{template}" in names, template
    assert any(n.startswith("zorgadvies/_data/rules/stages/innovatie/") for n in names)
    assert {"zorgadvies/store/migrations/env.py", "zorgadvies/store/migrations/versions/0001_history.py"} <= names
    assert not any(n.startswith(("tests/", "examples/")) for n in names)


def test_sdist_carries_the_sources(dist: Path) -> None:
    sdist = next(dist.glob("zorgadvies-*.tar.gz"))
    names = tarfile.open(sdist).getnames()
    for part in ("/knowledge/sources.yaml", "/rules/stages/", "/zorgadvies/engine.py", "/Makefile"):
        assert any(part in n for n in names), part


def test_wheel_works_in_a_fresh_venv_outside_the_checkout(dist: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    wheel = next(dist.glob("zorgadvies-*.whl"))
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)], check=True)
    facts = tmp_path / "organisatie.yaml"
    facts.write_text((ROOT / "examples" / "thuiszorg-de-linde.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)} | {"ZORGADVIES_CACHE": "0"}
    result = subprocess.run(
        [str(venv / "bin" / "zorgadvies"), "assess", str(facts), "--format", "json"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    )
    assert '"schema_version"' in result.stdout
    html = subprocess.run(
        [str(venv / "bin" / "zorgadvies"), "report", str(facts), "--format", "html"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    )
    assert "Managementsamenvatting" in html.stdout  # the templates came along in the wheel
    # The store's migrations travel in the wheel: a save creates the database from them.
    saved = subprocess.run(
        [str(venv / "bin" / "zorgadvies"), "assess", str(facts), "--save", "--db", str(tmp_path / "h.sqlite3")],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )
    assert saved.returncode == 0, saved.stderr
    where = subprocess.run([str(py), "-c", "import zorgadvies.paths as p; print(p.RULES_DIR)"], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert "_data" in where.stdout and str(ROOT) not in where.stdout
