"""The quick scan (zorgadvies interview --quick): what it asks, what its file gives, resuming the
full interview from it, and the real command driven through a pseudo-terminal."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

import zorgadvies
from zorgadvies.api import Advisor
from zorgadvies.errors import KnowledgeError
from zorgadvies.facts import ROLE_QUESTIONS
from zorgadvies.interview import Interview
from zorgadvies.knowledge import load_knowledge
from zorgadvies.quickscan import QUICK_LIMIT, QuickInterview, base_questions, measured_questions, quick_questions

from conftest import ROOT
from test_interview import _conclusions, _interview_from, _reply, terminal  # noqa: F401 - the pty fixture, shared

# These tests compare English message text; the default language is Dutch (zorgadvies/messages.py).
pytestmark = pytest.mark.usefixtures("english")

PLACED = {"marketingpraktijk": 2, "klantfocus_strategie": 2, "innovatie": 1, "merk": 3, "metrics_evaluatie": 1, "cultuur_leiderschap": 2}


def _organisation(adv: Advisor, *, people: bool = True) -> dict[str, Any]:
    """An example's answers with self-placements added: what a consultant knows in the room."""
    data = yaml.safe_load((ROOT / "examples" / "thuiszorg-de-linde.yaml").read_text(encoding="utf-8"))
    for pillar, stage in PLACED.items():
        data["answers"][f"zelf_{pillar}"] = adv.kb.questions[f"zelf_{pillar}"].value_ids[stage - 1]
    if not people:
        data["people"] = []
        data.pop("people_complete", None)
    return data


def _run(adv: Advisor, data: dict[str, Any], **kw: Any) -> tuple[QuickInterview, list[str]]:
    iv = QuickInterview(adv, **kw)
    asked = []
    while (step := iv.next()) is not None:
        asked.append(step.key)
        iv.answer(step, _reply(iv, step, data))
        assert len(asked) < 60, "the quick scan does not end"
    return iv, asked


def test_the_quick_list_stays_within_the_limit(adv: Advisor) -> None:
    quick = quick_questions(adv.kb)
    assert len(quick) + 2 <= QUICK_LIMIT  # sector and size count as questions
    assert quick[: len(base_questions(adv.kb))] == base_questions(adv.kb)
    assert {f"zelf_{p.id}" for p in adv.kb.pillars} <= set(quick)
    assert set(ROLE_QUESTIONS.values()) <= set(quick)
    assert measured_questions(adv.kb), "knowledge/quickscan.yaml lists the measured questions"


def test_quick_scan_asks_the_intake_then_at_most_fifteen(adv: Advisor) -> None:
    data = _organisation(adv, people=False)
    iv, asked = _run(adv, data)
    questions = [k for k in asked if k in adv.kb.questions]
    intake = [k for k in asked if k not in adv.kb.questions]
    assert intake[:3] == ["organisation.name", "organisation.sector", "organisation.employees"]
    assert "person.name" in intake
    assert len(questions) + 2 <= QUICK_LIMIT
    assert questions == list(quick_questions(adv.kb))  # nobody listed: the role questions are asked
    # The file it writes gives estimates for all six pillars and a first advice.
    report = zorgadvies.assess(iv.data())
    for pillar in report.pillars:
        assert pillar.stage_estimate.stage is not None, pillar.id
        assert pillar.stage_min <= pillar.stage_estimate.stage <= pillar.stage_max
    assert report.recommendations and report.focus


def test_a_listed_role_holder_skips_its_role_question(adv: Advisor) -> None:
    data = _organisation(adv)
    held = {r for p in data["people"] for r in p["roles"]}
    _, asked = _run(adv, data)
    for role, question in ROLE_QUESTIONS.items():
        assert (question in asked) == (role not in held), role


def test_the_full_interview_resumes_from_a_quick_scan(adv: Advisor, tmp_path: Path) -> None:
    out = tmp_path / "snel.yaml"
    data = _organisation(adv)
    quick, _ = _run(adv, data, path=out)
    saved = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert saved["answers"] == quick.data()["answers"]
    full = Interview.resume(adv, out)
    step = full.next()
    assert step is not None and step.is_question and step.key not in quick.answered()
    assert set(quick.answered()) <= full.answered()
    # Finishing it concludes what the full interview from scratch concludes.
    while (step := full.next()) is not None:
        full.answer(step, _reply(full, step, data))
    scratch, _ = _interview_from(adv, data)
    assert _conclusions(zorgadvies.assess(full.data())) == _conclusions(zorgadvies.assess(scratch.data()))


def test_a_broken_quick_list_is_refused_with_its_line(tmp_path: Path) -> None:
    root = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", root)
    target = root / "quickscan.yaml"
    first = measured_questions(load_knowledge(root))[0]
    target.write_text(target.read_text(encoding="utf-8").replace(f"id: {first}", f"id: {first}x", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"quickscan.yaml:\d+: .*unknown question id '{first}x'"):
        measured_questions(load_knowledge(root))


def test_terminal_quick_scan(adv: Advisor, terminal: Any, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "snel.yaml"
    data = _organisation(adv, people=False)
    term = terminal("interview", "--quick", "--out", str(out))
    term.expect(r"Snelle scan: .*ten hoogste 15 vragen")
    shadow = QuickInterview(adv, meta=True)
    while (step := shadow.next()) is not None:
        reply = _reply(shadow, step, data)
        if step.is_question:
            term.expect(rf"\({step.key}\)\n")
            term.expect(r"Antwoord \(.*\): ")
        else:
            term.expect(re.escape(step.text.split("\n")[0][:30]))
        term.type(reply)
        shadow.answer(step, reply)
    term.expect(r"Snelle scan klaar: \d+ vragen beantwoord")
    term.expect(r"Ontwikkelstadium per pijler")
    term.expect(r"schatting")
    term.expect(r"Nu aan de slag")
    term.expect(r"zorgadvies interview --resume [^\n]*snel\.yaml")
    term.expect(r"zorgadvies assess [^\n]*snel\.yaml")
    assert term.wait() == 0
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["answers"] == shadow.data()["answers"]
    # The quick scan asks the assessment block but sets no targets (docs/interview.md).
    saved = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert saved["assessment"] == data["assessment"] and "doelen" not in saved
    assert "Doel voor" not in term.screen and "Deel 4 van 4 — Vragenlijst" in term.screen
