"""Auditors and consultants: explain / why-not, what-if, path, audit log and replay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import zorgadvies
from zorgadvies.api import Advisor, advisor
from zorgadvies.audit import read_log, replay
from zorgadvies.cli import main
from zorgadvies.explain import explain

from conftest import EXAMPLES, ROOT

# These tests compare English message text; the default language is Dutch (zorgadvies/messages.py).
pytestmark = pytest.mark.usefixtures("english")

runner = CliRunner()
ADV = advisor()
CELLS = yaml.safe_load((ROOT / "tests" / "data" / "cells.yaml").read_text(encoding="utf-8"))
HEIDEZOOM = ROOT / "examples" / "ouderenzorg-heidezoom.yaml"


def invoke(*args: str):
    result = runner.invoke(main, [str(a) for a in args])
    assert result.exit_code in (0, 1), result.output
    return result


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_explain_every_pillar_names_rules_facts_and_sources(example: Path) -> None:
    facts = ADV.load(example)
    report = ADV.assess(facts)
    for pillar in report.pillars:
        expl = explain(ADV, facts, pillar.id)
        # The criteria already met above stage_min (higher_evidence) are traced too.
        assert [t.rule for t in expl.rules] == [e.rule for e in pillar.evidence + pillar.higher_evidence]
        for trace in expl.rules:
            assert trace.outcome == "fires" and trace.matched and trace.sources
            assert all(f.answer is not None and f.text for f in trace.matched)
            assert all(s.document and s.section for s in trace.sources)
        assert [t.rule for t in expl.why_not] == [r.rule for r in pillar.missing]


def test_explain_text_names_the_rule_id() -> None:
    result = invoke("explain", HEIDEZOOM, "innovatie")
    assert "[stages/innovatie/2-selectie-op-criteria]" in result.output
    assert "Waarom niet" in result.output


def test_explain_fired_recommendation_shows_rule_facts_and_chain() -> None:
    result = invoke("explain", HEIDEZOOM, "hoofd-innovatie-profiel-aanvullen", "--format", "json")
    data = json.loads(result.output)
    assert data["applies"] is True
    fired = [r for r in data["rules"] if r["outcome"] == "fires"]
    assert fired[0]["rule"] == "advies/rollen/profiel-hoofd-innovatie-rood-blauw"
    assert {f["subject"]: f["answer"] for f in fired[0]["matched"]}["roles.hoofd_innovatie.disc"] == "rood"
    assert any(s["ref"] == "organiseren-om-te-innoveren#disc" for s in fired[0]["sources"])
    assert data["prerequisites"], "the recommendation has prerequisites in the graph"


@pytest.mark.parametrize("example", EXAMPLES[:4], ids=lambda p: p.stem)
def test_why_not_suggestions_are_true(example: Path) -> None:
    # For every recommendation that does not fire, a suggested set of answers (when the rule can be
    # satisfied by answers alone) really makes it fire when applied with --set.
    facts = ADV.load(example)
    fired = {r.id for r in ADV.assess(facts).recommendations}
    checked = 0
    for rec_id in sorted(set(ADV.kb.recommendations) - fired):
        expl = explain(ADV, facts, rec_id)
        assert not expl.applies
        for trace in expl.rules:
            # a rule may fire while its advice is not given: its aim is met, or chosen otherwise
            assert trace.outcome in ("fails", "unknown") or expl.summary.startswith("Niet gegeven")
            if trace.outcome == "fires":
                continue
            assert trace.failed or trace.unknown
            if trace.would_fire_with:
                assert trace.verified, (rec_id, trace.rule)
                sets = [f"{c.question}={c.value}" for c in trace.would_fire_with]
                result = invoke("assess", example, "--format", "json", *[a for s in sets for a in ("--set", s)])
                assert rec_id in {r["id"] for r in json.loads(result.output)["recommendations"]}
                checked += 1
                break
    assert checked > 0


def test_what_if_changes_the_stage_it_should() -> None:
    low = next(c for c in CELLS if c["pillar"] == "metrics_evaluatie" and c["stage"] == 2)
    high = next(c for c in CELLS if c["pillar"] == "metrics_evaluatie" and c["stage"] == 3)
    facts = {"organisation": {"name": "Wat-als"}, "answers": low["answers"]}
    sets = [f"{q}={v}" for q, v in high["answers"].items() if low["answers"].get(q) != v]
    path = Path(__import__("tempfile").mkdtemp()) / "whatif-facts.yaml"
    path.write_text(yaml.safe_dump(facts, allow_unicode=True), encoding="utf-8")
    result = invoke("assess", path, "--format", "json", *[a for s in sets for a in ("--set", s)])
    data = json.loads(result.output)
    pillar = next(p for p in data["pillars"] if p["id"] == "metrics_evaluatie")
    assert pillar["stage"] == 3
    change = next(c for c in data["what_if"]["changes"]["pillars"] if c["id"] == "metrics_evaluatie")
    assert (change["old"]["stage"], change["new"]["stage"]) == (2, 3)


def test_what_if_rejects_a_bad_assignment() -> None:
    result = runner.invoke(main, ["assess", str(HEIDEZOOM), "--set", "inn_directietafle=ja"])
    assert result.exit_code == 2
    assert "--set" in result.stderr and "did you mean 'inn_directietafel'" in result.stderr


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_path_answers_really_reach_the_target(example: Path) -> None:
    report = zorgadvies.assess(example)
    for pillar in report.pillars:
        current = pillar.stage or pillar.at_least or 0
        for target in range(current + 1, 5):
            result = invoke("path", example, "--pillar", pillar.id, "--target", target, "--format", "json")
            data = json.loads(result.output)
            assert data["reached"], (pillar.id, target)
            sets = [f"{c['question']}={c['value']}" for c in data["changes"]]
            assert sets, "reaching a higher stage needs at least one changed answer"
            after = json.loads(invoke("assess", example, "--format", "json", *[a for s in sets for a in ("--set", s)]).output)
            got = next(p for p in after["pillars"] if p["id"] == pillar.id)
            assert (got["stage"] or got["at_least"] or 0) >= target, (pillar.id, target, sets)


def test_audit_log_and_replay(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    invoke("assess", HEIDEZOOM, "--audit-log", log, "--format", "json")
    header, firings, result = read_log(log)
    assert header["knowledge"]["sha256"] == zorgadvies.assess(HEIDEZOOM).knowledge_sha256
    assert len(header["input"]["sha256"]) == 64
    assert len(firings) == result["firings"] > 0
    assert [f["seq"] for f in firings] == list(range(1, len(firings) + 1))
    out = invoke("replay", log)
    assert out.exit_code == 0 and "identiek" in out.output


RULE = """title: Extra regel
title_en: Extra rule
id: extra/test-regel
status: stable
description: d
description_en: d
sources: [organiseren-om-te-innoveren#visie]
basis: vermeld
quote: q
modified: 2026-11-23
when:
  all:
    - {question: visie_aanwezig, is: VALUE}
then:
  recommend: visie-formuleren
"""


def test_replay_detects_a_changed_rule(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "extra").mkdir(parents=True)
    rule_file = pack / "extra" / "test-regel.yaml"
    rule_file.write_text(RULE.replace("VALUE", "ja"), encoding="utf-8")
    facts = {"organisation": {"name": "R"}, "answers": {"visie_aanwezig": "ja"}}
    before = Advisor([pack])
    report, firings = before.assess_traced(before.load(facts))
    log = tmp_path / "audit.jsonl"
    from zorgadvies.audit import audit_lines

    log.write_text("".join(audit_lines(before, before.load(facts), firings, report)), encoding="utf-8")
    assert replay(Advisor([pack]), log).identical

    rule_file.write_text(RULE.replace("VALUE", "nee"), encoding="utf-8")
    again = replay(Advisor([pack]), log)
    assert not again.identical
    assert again.knowledge_changed
    assert any(e["rule"] == "extra/test-regel" for e in again.only_in_log)
    assert "visie-formuleren" in again.recommendations_gone


def test_replay_refuses_a_file_that_is_not_a_log(tmp_path: Path) -> None:
    bad = tmp_path / "x.jsonl"
    bad.write_text('{"type": "firing"}\n', encoding="utf-8")
    result = runner.invoke(main, ["replay", str(bad)])
    assert result.exit_code == 2 and f"{bad}:1" in result.stderr


def test_a_new_knowledge_version_with_the_same_conclusions_replays_as_identical(tmp_path: Path) -> None:
    import shutil

    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    before = Advisor(knowledge=knowledge)
    facts = before.load(HEIDEZOOM)
    report, firings = before.assess_traced(facts)
    from zorgadvies.audit import audit_lines

    log = tmp_path / "audit.jsonl"
    log.write_text("".join(audit_lines(before, facts, firings, report)), encoding="utf-8")
    manifest = knowledge / "manifest.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('version: "', 'version: "9'), encoding="utf-8")
    again = replay(Advisor(knowledge=knowledge), log)
    assert again.knowledge_changed and again.identical


def test_save_refuses_a_what_if(tmp_path: Path) -> None:
    result = runner.invoke(main, ["assess", str(HEIDEZOOM), "--set", "inn_directietafel=ja", "--save", "--db", str(tmp_path / "h.db")])
    assert result.exit_code == 2 and "--save" in result.stderr
    assert not (tmp_path / "h.db").exists()


def test_explain_gives_the_passage_summary_inline_and_the_reason_for_the_rank() -> None:
    import networkx as nx

    from zorgadvies.explain import explain
    from zorgadvies.render.explain_text import render_explanation

    adv = advisor()
    facts = adv.load(Path(__file__).parent.parent / "examples" / "thuiszorg-de-linde.yaml")
    report = adv.assess(facts)
    first = report.recommendations[0]
    expl = explain(adv, facts, first.id)

    later = len(nx.descendants(adv.graph, first.id) & {r.id for r in report.recommendations})
    assert f"Deze rang omdat: {later} aanbevelingen bouwen hierop voort" in expl.summary
    text = render_explanation(expl)
    for trace in expl.rules:
        for source in trace.sources:
            assert source.summary and f"          {source.summary}" in text
            assert "(Van Aanpak)" in source.document or adv.kb.document(adv.kb.sections[source.ref].document).publisher is None
