"""Golden reports: every example and organisation description has a reviewed expected report.

The expected JSON lives in tests/golden/<folder>/<name>.json and is compared byte for byte with
what ``zorgadvies assess FILE --format json`` prints. A change of a golden file is a reviewed diff:
regenerate them explicitly with ``make golden`` (``pytest tests/test_golden.py --update-golden``),
read ``git diff tests/golden``, and commit it. The test itself never writes without that option.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from zorgadvies.api import Advisor

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
# Every *.yaml in these folders is an organisation with a golden report, picked up automatically;
# a description's expectations (*.expect.yaml) are not an organisation.
FOLDERS = ("examples", "tests/descriptions", "tests/real")
CASES = [
    path
    for folder in FOLDERS
    for path in sorted((ROOT / folder).glob("*.yaml"))
    if not path.name.endswith(".expect.yaml")
]


def golden_path(case: Path) -> Path:
    return GOLDEN / case.parent.name / f"{case.stem}.json"


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_report_matches_its_golden_file(case: Path, adv: Advisor, update_golden: bool) -> None:
    actual = adv.assess(case).to_json()
    expected_path = golden_path(case)
    if update_golden:
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        expected_path.write_text(actual, encoding="utf-8")
        return
    assert expected_path.is_file(), f"no golden report for {case.relative_to(ROOT)}: run `make golden` and review it"
    expected = expected_path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), str(expected_path), "actual", n=2))
        pytest.fail(f"report of {case.relative_to(ROOT)} differs from its golden file:\n{diff[:6000]}")


def test_every_golden_file_belongs_to_an_organisation() -> None:
    # A golden file whose organisation was renamed or removed would otherwise rot unnoticed.
    wanted = {golden_path(case) for case in CASES}
    assert sorted(set(GOLDEN.rglob("*.json")) - wanted) == []


def test_the_golden_folders_are_not_empty() -> None:
    assert len([c for c in CASES if c.parent.name == "examples"]) >= 8
