"""explain, what-if and path: what they return is right and minimal, not merely present."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

from zorgadvies.api import Advisor
from zorgadvies.errors import InputError
from zorgadvies.explain import explain
from zorgadvies.logic import conditions
from zorgadvies.whatif import Change, apply_changes, outcome_after, parse_assignments, path_to_stage, suggest

from conftest import ROOT

# These tests compare English message text; the default language is Dutch (zorgadvies/messages.py).
pytestmark = pytest.mark.usefixtures("english")

GERICHT = "stages/innovatie/2-gerichte-experimenten"  # all: inn_experimenten >= gerichte_doelen, inn_visie >= bredere_visie
PROCES = "reflectie/proces-ontwerpen"  # any: inn_breedte is technologie, kf_processen is aanbodgericht
HANDIG = "reflectie/tech-handig"  # soc_digitale_vaardigheden at most wisselend (laag < wisselend < goed)
ZUIDOEVER = ROOT / "examples" / "welzijn-zuidoever.yaml"
HEIDEZOOM = ROOT / "examples" / "ouderenzorg-heidezoom.yaml"


def _facts(adv: Advisor, **answers: Any) -> Any:
    return adv.load({"organisation": {"name": "T"}, "answers": answers})


def _rule_trace(adv: Advisor, rule: str, **answers: Any) -> Any:
    expl = explain(adv, _facts(adv, **answers), rule)
    assert expl.kind == "rule" and expl.id == rule and len(expl.rules) == 1
    return expl, expl.rules[0]


def test_a_failed_rule_names_only_the_false_condition_and_the_one_change_that_fixes_it(adv: Advisor) -> None:
    expl, trace = _rule_trace(adv, GERICHT, inn_experimenten="ad_hoc_uitproberen", inn_visie="bredere_visie")
    assert (trace.outcome, expl.applies) == ("fails", False)
    assert [(c.fact.subject, c.fact.answer) for c in trace.failed] == [("inn_experimenten", "ad_hoc_uitproberen")]
    assert trace.unknown == () and trace.matched == ()
    # The lowest value that satisfies "at least gerichte_doelen" (closest to the current answer).
    assert trace.would_fire_with == (Change("inn_experimenten", "gerichte_doelen", "ad_hoc_uitproberen"),)
    assert trace.verified is True
    assert expl.summary == "De regel is niet afgegaan: een voorwaarde is onwaar."
    assert [s.ref for s in trace.sources] == list(adv.pack.by_id()[GERICHT].sources)


def test_an_undecided_rule_names_the_missing_answer(adv: Advisor) -> None:
    expl, trace = _rule_trace(adv, GERICHT, inn_visie="langetermijndoelen")
    assert trace.outcome == "unknown" and trace.failed == ()
    assert [(c.fact.subject, c.fact.answer, c.fact.label) for c in trace.unknown] == [("inn_experimenten", None, "onbekend")]
    assert trace.would_fire_with == (Change("inn_experimenten", "gerichte_doelen", None),)
    assert expl.summary_en == "The rule is undecided: an answer is missing."


def test_a_fired_rule_shows_the_facts_it_matched_and_no_suggestion(adv: Advisor) -> None:
    expl, trace = _rule_trace(adv, GERICHT, inn_experimenten="continu_meten_leren", inn_visie="bredere_visie")
    assert (trace.outcome, expl.applies) == ("fires", True)
    assert {(f.subject, f.answer) for f in trace.matched} == {("inn_experimenten", "continu_meten_leren"), ("inn_visie", "bredere_visie")}
    assert (trace.failed, trace.unknown, trace.would_fire_with, trace.verified) == ((), (), None, None)


def test_both_conditions_false_need_both_changes(adv: Advisor) -> None:
    _, trace = _rule_trace(adv, GERICHT, inn_experimenten="ad_hoc_uitproberen", inn_visie="geen")
    assert {c.fact.subject for c in trace.failed} == {"inn_experimenten", "inn_visie"}
    assert set(trace.would_fire_with) == {Change("inn_experimenten", "gerichte_doelen", "ad_hoc_uitproberen"), Change("inn_visie", "bredere_visie", "geen")}
    assert trace.verified is True


def test_an_alternative_needs_one_change_not_two(adv: Advisor) -> None:
    rule = adv.pack.by_id()[PROCES]
    facts = _facts(adv, inn_breedte="ook_werkprocessen", kf_processen="uitgangspunt")
    changes = suggest(adv, rule, adv.engine_facts(facts))
    assert changes is not None and len(changes) == 1
    after, _ = outcome_after(adv, facts, changes)
    assert after[PROCES] == "fires"


def test_the_suggested_value_is_the_closest_that_satisfies(adv: Advisor) -> None:
    rule = adv.pack.by_id()[HANDIG]
    # From goed, "at most wisselend" is met by wisselend (one step) rather than laag (two).
    assert suggest(adv, rule, adv.engine_facts(_facts(adv, soc_digitale_vaardigheden="goed"))) == [Change("soc_digitale_vaardigheden", "wisselend", "goed")]
    # A rule that already fires needs no change.
    assert suggest(adv, rule, adv.engine_facts(_facts(adv, soc_digitale_vaardigheden="laag"))) == []


def test_a_condition_on_a_derived_fact_cannot_be_answered(adv: Advisor) -> None:
    # The size variants test organisation.size_class, which no answer changes.
    rule = adv.pack.by_id()["advies/omvang/innovatie-groot"]
    facts = adv.load({"organisation": {"name": "T", "employees": 10}, "people": [], "answers": {}})
    assert suggest(adv, rule, adv.engine_facts(facts)) is None


def test_a_pillar_explanation_is_its_evidence_and_its_next_stage(adv: Advisor) -> None:
    facts = adv.load(ZUIDOEVER)
    report = adv.assess(facts)
    for result in report.pillars:
        expl = explain(adv, facts, result.id)
        assert expl.kind == "pillar" and expl.applies is (result.stage is not None)
        # The evidence of the stage, then the met criteria above stage_min (higher_evidence).
        assert [t.rule for t in expl.rules] == [e.rule for e in result.evidence + result.higher_evidence]
        assert all(t.outcome == "fires" for t in expl.rules)
        assert [(t.rule, t.outcome) for t in expl.why_not] == [(m.rule, m.status) for m in result.missing]
        if result.stage is not None:
            assert f"{adv.kb.stage(result.stage).nl} ({result.stage})" in expl.summary
        else:
            assert "onbepaald" in expl.summary and all(q in expl.summary for q in result.settle)


def test_a_recommendation_chain_is_every_prerequisite_in_dependency_order(adv: Advisor) -> None:
    facts = adv.load(HEIDEZOOM)
    ranks = {r.id: r.rank for r in adv.assess(facts).recommendations}
    graph = adv.graph
    for rec in ("innovatie-naar-georganiseerd", "innovatie-naar-geoptimaliseerd"):
        expl = explain(adv, facts, rec)
        ids = [link.id for link in expl.chain]
        assert set(ids) == nx.ancestors(graph, rec) and len(ids) == len(set(ids))
        position = {node: i for i, node in enumerate(ids + [rec])}
        assert all(position[u] < position[v] for u, v in graph.subgraph(position).edges)
        for link in expl.chain:
            assert (link.fired, link.rank) == (link.id in ranks, ranks.get(link.id))
            assert link.reason and link.title == adv.kb.recommendations[link.id].title
        assert expl.applies is (rec in ranks)


def test_an_unknown_id_is_refused_with_a_suggestion(adv: Advisor) -> None:
    with pytest.raises(InputError, match="innovatie"):
        explain(adv, _facts(adv), "innovatei")


def _level(result: Any) -> int:
    return result.stage or result.at_least or 0


@pytest.mark.parametrize(("example", "pillar", "target"), [(ZUIDOEVER, "innovatie", 3), (HEIDEZOOM, "metrics_evaluatie", 4)])
def test_a_path_reaches_its_target_and_every_change_is_needed(adv: Advisor, example: Any, pillar: str, target: int) -> None:
    facts = adv.load(example)
    before = adv.assess(facts).pillar(pillar)
    path = path_to_stage(adv, facts, pillar, target)
    assert path.reached and path.target == target
    assert (path.stage_before, path.at_least_before) == (before.stage, before.at_least)
    after = adv.assess(apply_changes(adv, facts, {c.question: c.value for c in path.changes})).pillar(pillar)
    assert _level(after) >= target and (path.stage_after, path.at_least_after) == (after.stage, after.at_least)
    assert [c.question for c in path.changes] == sorted(c.question for c in path.changes)
    for change in path.changes:
        assert change.current == facts.answers.get(change.question) and change.value != change.current
        without = {c.question: c.value for c in path.changes if c != change}
        assert _level(adv.assess(apply_changes(adv, facts, without)).pillar(pillar)) < target, f"{change} is not needed"
    # The transition advice of every step from the current stage up to and including the target.
    steps = [f"{pillar}-naar-{adv.kb.stage(n).id}" for n in range(_level(before) + 1, target + 1)]
    assert list(path.recommendations) == [s for s in steps if s in adv.kb.recommendations]
    assert path.recommendations and path.recommendations[-1] == f"{pillar}-naar-{adv.kb.stage(target).id}"


def test_a_path_to_a_stage_already_reached_changes_nothing(adv: Advisor) -> None:
    facts = adv.load(HEIDEZOOM)
    path = path_to_stage(adv, facts, "innovatie", 2)
    assert path.reached and path.changes == () and path.recommendations == ()


def test_a_path_from_nothing_starts_at_stage_one(adv: Advisor) -> None:
    path = path_to_stage(adv, _facts(adv), "merk", 2)
    assert path.reached and (path.stage_before, path.at_least_before) == (None, 1)  # the floor
    assert all(c.current is None for c in path.changes)
    assert path.recommendations == ("merk-naar-gedefinieerd",)


@pytest.mark.parametrize(("pillar", "target", "field"), [("innovatei", 2, "--pillar"), ("innovatie", 5, "--target"), ("innovatie", 0, "--target")])
def test_a_path_refuses_a_bad_pillar_or_target(adv: Advisor, pillar: str, target: int, field: str) -> None:
    with pytest.raises(InputError) as caught:
        path_to_stage(adv, _facts(adv), pillar, target)
    assert caught.value.field == field


def test_assignments_are_parsed_and_checked(adv: Advisor) -> None:
    assert parse_assignments([" inn_visie = geen ", "mp_inzet=ad_hoc_communicatie"], adv) == {"inn_visie": "geen", "mp_inzet": "ad_hoc_communicatie"}
    with pytest.raises(InputError, match="QUESTION=VALUE"):
        parse_assignments(["inn_visie"], adv)
    with pytest.raises(InputError, match="unknown question id 'inn_visi'"):
        parse_assignments(["inn_visi=geen"], adv)
    with pytest.raises(InputError) as caught:
        apply_changes(adv, _facts(adv), {"inn_visie": "nooit"})
    assert caught.value.file == "--set"


def test_the_json_of_an_explanation_says_what_the_objects_say(adv: Advisor) -> None:
    # `zorgadvies explain --format json` prints to_dict(): every field, under its documented key.
    expl = explain(adv, _facts(adv, inn_experimenten="ad_hoc_uitproberen", inn_visie="bredere_visie"), GERICHT)
    data = expl.to_dict()
    assert list(data) == ["id", "kind", "title", "title_en", "applies", "summary", "summary_en", "rules", "prerequisites", "why_not"]
    assert (data["id"], data["kind"], data["applies"], data["prerequisites"], data["why_not"]) == (GERICHT, "rule", False, [], [])
    assert (data["title"], data["summary_en"]) == (expl.title, "The rule did not fire: a condition is false.")
    [rule] = data["rules"]
    assert (rule["rule"], rule["outcome"], rule["matched"], rule["unknown"], rule["verified"]) == (GERICHT, "fails", [], [], True)
    assert rule["title_en"] == adv.pack.by_id()[GERICHT].title_en
    question = adv.kb.questions["inn_experimenten"]
    assert rule["failed"] == [{
        "condition": "inn_experimenten at_least gerichte_doelen",
        "requirement": f"minstens '{question.label('gerichte_doelen', 'nl')}'",
        "requirement_en": f"at least '{question.label('gerichte_doelen', 'en')}'",
        "subject": "inn_experimenten", "question": question.nl, "question_en": question.en,
        "answer": "ad_hoc_uitproberen", "label": question.label("ad_hoc_uitproberen", "nl"), "label_en": question.label("ad_hoc_uitproberen", "en"),
    }]
    assert rule["would_fire_with"] == [{"question": "inn_experimenten", "value": "gerichte_doelen", "current": "ad_hoc_uitproberen"}]
    section = adv.kb.sections[rule["sources"][0]["ref"]]
    document = adv.kb.document(section.document)
    assert rule["sources"][0] == {
        "ref": rule["sources"][0]["ref"], "document": document.title, "section": section.title, "summary": section.summary_nl,
        "document_en": document.title_en, "section_en": section.title_en, "summary_en": section.summary_en,
    }


def test_the_json_of_a_fired_rule_lists_the_matched_answers_in_words(adv: Advisor) -> None:
    data = explain(adv, _facts(adv, soc_digitale_vaardigheden="laag"), HANDIG).to_dict()
    question = adv.kb.questions["soc_digitale_vaardigheden"]
    [rule] = data["rules"]
    assert rule["outcome"] == "fires" and rule["would_fire_with"] is None and rule["verified"] is None
    assert rule["matched"] == [{"subject": "soc_digitale_vaardigheden", "question": question.nl, "question_en": question.en, "answer": "laag",
                                "label": question.label("laag", "nl"), "label_en": question.label("laag", "en")}]


def test_a_reflection_question_is_explained_by_the_rules_that_offer_it(adv: Advisor) -> None:
    offered = explain(adv, _facts(adv, soc_digitale_vaardigheden="laag"), "tech-handig")
    assert (offered.kind, offered.applies, offered.title) == ("reflection", True, adv.kb.reflections["tech-handig"].nl)
    assert offered.summary == "Wordt als reflectievraag voorgelegd." and offered.summary_en == "Offered as a reflection question."
    assert [t.rule for t in offered.rules] == [HANDIG] and offered.rules[0].outcome == "fires"
    # The reflection question's own sources come after the rule's.
    assert [s.ref for s in offered.rules[0].sources] == list(dict.fromkeys(adv.pack.by_id()[HANDIG].sources + adv.kb.reflections["tech-handig"].sources))
    not_offered = explain(adv, _facts(adv, soc_digitale_vaardigheden="goed"), "tech-handig")
    assert not_offered.applies is False and not_offered.summary == "Wordt niet voorgelegd: geen regel is afgegaan."
    assert not_offered.summary_en == "Not offered: no rule fired."


def test_the_json_of_a_recommendation_lists_its_prerequisites(adv: Advisor) -> None:
    facts = adv.load(HEIDEZOOM)
    expl = explain(adv, facts, "innovatie-naar-georganiseerd")
    data = expl.to_dict()
    assert data["prerequisites"] == [{"id": c.id, "title": c.title, "fired": c.fired, "rank": c.rank, "reason": c.reason} for c in expl.chain]
    assert data["kind"] == "recommendation" and data["title_en"] == adv.kb.recommendations["innovatie-naar-georganiseerd"].title_en


def test_a_recommendation_summary_names_its_rank_and_rule(adv: Advisor) -> None:
    facts = adv.load(HEIDEZOOM)
    report = adv.assess(facts)
    fired = report.recommendations[1]
    expl = explain(adv, facts, fired.id)
    rule = next(t.rule for t in expl.rules if t.outcome == "fires")
    assert expl.applies and expl.summary.startswith(f"Van toepassing (rang {fired.rank}): regel {rule} is afgegaan. Deze rang omdat: ")
    assert expl.summary_en.startswith(f"Applies (rank {fired.rank}): rule {rule} fired. This rank because: ")
    # A recommendation not given: either no rule that can give it fired, or one fired while its aim
    # is already met (moot_when); the summary says which, and the traces agree.
    given = {x.id for x in report.recommendations}
    seen = set()
    for absent in sorted(r for r in adv.kb.recommendations if r not in given):
        other = explain(adv, facts, absent)
        assert not other.applies
        moot = other.summary_en == "Not given: according to the answers the aim of this recommendation is already met."
        if all(t.outcome != "fires" for t in other.rules) and not moot:
            assert other.summary_en == "Does not apply: none of the rules that can give this recommendation fired."
            seen.add("none fired")
        else:
            assert other.summary_en.startswith("Not given: "), other.summary_en
            seen.add("not given")
    assert "none fired" in seen


# --- what-if on integer questions (none in the built-in questionnaire, so built here) -------------

def _integer(minimum: int | None = None, maximum: int | None = None) -> Any:
    from zorgadvies.knowledge import Question

    return Question("n", "integer", "n", "n", "", "", (), (), minimum=minimum, maximum=maximum)


def test_integer_candidates_span_the_range_and_its_ends() -> None:
    from zorgadvies.whatif import _candidates

    assert _candidates(_integer(3, 7)) == [3, 4, 5, 6, 7]
    unbounded = _candidates(_integer())
    assert unbounded[:3] == [0, 1, 2] and unbounded[-2:] == [200, 10_000] and len(unbounded) == 202
    high = _candidates(_integer(-5, 1000))
    assert high[0] == -5 and 195 in high and 196 not in high and high[-1] == 1000
    assert _candidates(_integer(20_000)) == [20_000]


def test_the_integer_value_closest_to_the_current_one() -> None:
    from zorgadvies.logic import Cond
    from zorgadvies.whatif import _value_for

    question = _integer(0, 100)
    at_least_10 = [Cond("question", "n", "at_least", 10)]
    assert _value_for(question, at_least_10, 3) == 10
    assert _value_for(question, at_least_10, None) == 10
    assert _value_for(question, [Cond("question", "n", "at_most", 40)], 90) == 40
    assert _value_for(question, at_least_10 + [Cond("question", "n", "at_most", 5)], 3) is None


def test_assignments_of_an_integer_question_become_numbers() -> None:
    class KB:
        questions = {"n": _integer(), "c": _integer()}

    class Adv:
        kb = KB()

    got = parse_assignments(["n=12", "c=-3", "c=x"], Adv())  # type: ignore[arg-type]
    assert got == {"n": 12, "c": "x"}
    assert parse_assignments(["n=-4", "c=a=b"], Adv()) == {"n": -4, "c": "a=b"}  # type: ignore[arg-type]
    assert parse_assignments(["n=4-"], Adv()) == {"n": "4-"}  # type: ignore[arg-type]


def test_a_bad_assignment_names_the_option_and_suggests(adv: Advisor) -> None:
    with pytest.raises(InputError) as caught:
        parse_assignments(["inn_visi=geen"], adv)
    assert caught.value.file == "--set" and caught.value.hint is not None and "inn_visie" in caught.value.hint
    with pytest.raises(InputError) as caught:
        parse_assignments(["=geen"], adv)
    assert caught.value.file == "--set" and caught.value.message == "expected QUESTION=VALUE, not '=geen'"
    with pytest.raises(InputError) as caught:
        apply_changes(adv, _facts(adv), {"inn_visie": "bredere_visi"})
    assert (caught.value.file, caught.value.field) == ("--set", "answers.inn_visie")
    assert caught.value.hint is not None and "bredere_visie" in caught.value.hint
    assert "bredere_visi" in caught.value.message


def test_a_what_if_keeps_the_size_threshold(adv: Advisor) -> None:
    facts = adv.load({"organisation": {"name": "T", "employees": 120}, "answers": {}}, size_threshold=100)
    changed = apply_changes(adv, facts, {"inn_visie": "geen"})
    assert changed.organisation.size_class == "groot" and changed.answers["inn_visie"] == "geen"


def test_the_json_of_a_path(adv: Advisor) -> None:
    path = path_to_stage(adv, adv.load(ZUIDOEVER), "innovatie", 2)
    assert path.to_dict() == {
        "pillar": "innovatie",
        "target": 2,
        "before": {"stage": path.stage_before, "at_least": path.at_least_before},
        "after": {"stage": path.stage_after, "at_least": path.at_least_after},
        "reached": True,
        "changes": [{"question": c.question, "value": c.value, "current": c.current} for c in path.changes],
        "recommendations": ["innovatie-naar-gedefinieerd"],
    }
    assert path.changes and path.stage_after == 2


def test_the_suggestion_with_the_fewest_changes_wins_and_the_first_on_a_tie(adv: Advisor) -> None:
    rule = adv.pack.by_id()[PROCES]
    # Neither alternative holds: both need one change; the first alternative (inn_breedte) is taken.
    facts = _facts(adv, inn_breedte="ook_werkprocessen", kf_processen="uitgangspunt")
    assert suggest(adv, rule, adv.engine_facts(facts)) == [Change("inn_breedte", "technologie", "ook_werkprocessen")]
    # Unknown answers count like wrong ones: the suggestion says the answer is unknown now.
    assert suggest(adv, rule, adv.engine_facts(_facts(adv))) == [Change("inn_breedte", "technologie", None)]


# --- suggestions and paths: the cases the mutation run showed untested ---------------------------

def test_a_suggestion_changes_only_the_condition_that_is_false_whichever_comes_first(adv: Advisor) -> None:
    rule = adv.pack.by_id()[GERICHT]
    facts = _facts(adv, inn_experimenten="gepland_gevolgd_geevalueerd", inn_visie="geen")
    assert suggest(adv, rule, adv.engine_facts(facts)) == [Change("inn_visie", "bredere_visie", "geen")]


def test_a_rule_that_already_fires_through_one_alternative_needs_nothing(adv: Advisor) -> None:
    rule = adv.pack.by_id()[PROCES]
    assert suggest(adv, rule, adv.engine_facts(_facts(adv, inn_breedte="technologie"))) == []


def test_an_alternative_that_answers_cannot_reach_does_not_stop_the_search(adv: Advisor) -> None:
    # innovatie-klein: small AND (no head of innovation (a derived fact) OR no expertise in house).
    rule = adv.pack.by_id()["advies/omvang/innovatie-klein"]
    facts = adv.load({"organisation": {"name": "T", "employees": 10}, "answers": {"infra_inn_expertise": "volledig"}})
    changes = suggest(adv, rule, adv.engine_facts(facts))
    assert changes == [Change("infra_inn_expertise", "geen", "volledig")]


def test_a_kept_condition_that_cannot_be_met_falls_back_to_the_rule_alone(adv: Advisor) -> None:
    from zorgadvies.logic import Cond

    rule = adv.pack.by_id()[GERICHT]
    facts = adv.engine_facts(_facts(adv, inn_experimenten="ad_hoc_uitproberen", inn_visie="bredere_visie"))
    impossible = {"inn_experimenten": [Cond("question", "inn_experimenten", "at_most", 0, "ad_hoc_uitproberen")]}
    assert suggest(adv, rule, facts, keep=impossible) == [Change("inn_experimenten", "gerichte_doelen", "ad_hoc_uitproberen")]
    # A kept condition that can be met is honoured: the value then satisfies both.
    higher = {"inn_experimenten": [Cond("question", "inn_experimenten", "at_least", 2, "gepland_gevolgd_geevalueerd")]}
    assert suggest(adv, rule, facts, keep=higher) == [Change("inn_experimenten", "gepland_gevolgd_geevalueerd", "ad_hoc_uitproberen")]


def test_equally_close_values_are_taken_in_name_order(adv: Advisor) -> None:
    from zorgadvies.logic import Cond
    from zorgadvies.whatif import _value_for

    # inn_draagvlak: solistisch < per_project < breed_proactief < ingebed_dagelijks. From per_project,
    # solistisch and breed_proactief are both one step away: the name decides, not the scale.
    question = adv.kb.questions["inn_draagvlak"]
    assert _value_for(question, [Cond("question", "inn_draagvlak", "is_not", "per_project")], "per_project") == "breed_proactief"


def test_a_path_to_stage_one_is_already_there(adv: Advisor) -> None:
    path = path_to_stage(adv, _facts(adv), "merk", 1)
    assert path.reached and path.target == 1 and path.recommendations == ()


def test_a_path_from_an_open_stage_starts_at_what_is_certain(adv: Advisor) -> None:
    # Innovatie: stage 2 met, stage 3 unknown -> at least 2; the route is the one step to 3.
    answers = {"inn_marketingstrategie": "continu_verbonden", "inn_experimenten": "continu_meten_leren", "inn_visie": "langetermijndoelen",
               "inn_selectiecriteria": "ja", "inn_organisatiedoelen": "onbekend"}
    facts = _facts(adv, **answers)
    path = path_to_stage(adv, facts, "innovatie", 3)
    assert (path.stage_before, path.at_least_before) == (None, 2)
    assert path.recommendations == ("innovatie-naar-georganiseerd",)
    # An answer given as onbekend is shown as unknown now, like a missing one.
    assert all(c.current is None for c in path.changes if c.question == "inn_organisatiedoelen")
    assert "inn_organisatiedoelen" in {c.question for c in path.changes}
    assert path.reached and (path.stage_after or path.at_least_after) == 3


@pytest.mark.parametrize("pillar", ["marketingpraktijk", "merk", "innovatie", "metrics_evaluatie"])
def test_a_path_from_nothing_asks_only_what_the_gates_need(adv: Advisor, pillar: str) -> None:
    # Stage 1 is the floor: its criterion (the basic question answered) is no gate, so a path to
    # stage 2 changes only answers that a stage-2 gate tests, and each of them is needed.
    facts = _facts(adv)
    path = path_to_stage(adv, facts, pillar, 2)
    gated = {c.subject for r in adv.pack.criteria(pillar, 2) for c in conditions(r.when)}
    assert path.reached and path.changes and {c.question for c in path.changes} <= gated
    for change in path.changes:
        without = {c.question: c.value for c in path.changes if c != change}
        assert _level(adv.assess(apply_changes(adv, facts, without)).pillar(pillar)) < 2, change


# --- explain: derived facts, stage facts and the pillar summaries ---------------------------------

def test_a_derived_or_stage_fact_is_named_in_words(adv: Advisor) -> None:
    from zorgadvies.facts import FACT_LABELS

    facts = adv.load({"organisation": {"name": "T", "employees": 10}, "answers": {}})
    [trace] = explain(adv, facts, "advies/ontwikkeling/innovatie-naar-georganiseerd").rules
    [stage] = trace.unknown
    assert (stage.fact.subject, stage.fact.text, stage.fact.text_en) == ("stage.innovatie", "Stadium van de pijler innovatie", "Stage of the pillar innovatie")
    assert (stage.fact.answer, stage.fact.label, stage.fact.label_en) == (None, "onbekend", "unknown")
    [trace] = explain(adv, facts, "advies/omvang/innovatie-klein").rules
    role = next(c.fact for c in trace.unknown if c.fact.subject == "roles.hoofd_innovatie.present")
    assert (role.text, role.text_en) == FACT_LABELS["roles.hoofd_innovatie.present"]
    assert (role.label, role.label_en) == ("onbekend", "unknown")
    # A known derived fact is shown as its value: the large variant fails on size class klein.
    size = explain(adv, facts, "advies/omvang/innovatie-groot").rules[0]
    [line] = [c for c in size.failed if c.fact.subject == "organisation.size_class"]
    assert (line.fact.answer, line.fact.label, line.fact.label_en) == ("klein", "klein", "klein")
    assert (line.fact.text, line.fact.text_en) == FACT_LABELS["organisation.size_class"]


def test_the_summary_of_an_open_and_of_an_established_pillar(adv: Advisor) -> None:
    facts = _facts(adv)
    result = adv.assess(facts).pillar("innovatie")
    expl = explain(adv, facts, "innovatie")
    assert (expl.id, expl.kind, expl.title, expl.title_en, expl.applies) == ("innovatie", "pillar", "Innovatie", "Innovation", False)
    bounds = f"minstens {result.stage_min}, hoogstens {result.stage_max}"
    assert expl.summary.startswith(f"Innovatie: onbepaald: {bounds}")
    assert expl.summary.endswith(f"; nog te beantwoorden: {', '.join(result.settle)}.")
    assert expl.summary_en.startswith(f"Innovation: undetermined: at least {result.stage_min}, at most {result.stage_max}")
    assert expl.summary_en.endswith(f"; answer: {', '.join(result.settle)}.")
    established = explain(adv, adv.load(HEIDEZOOM), "innovatie")
    stage = adv.assess(adv.load(HEIDEZOOM)).pillar("innovatie")
    assert stage.stage is not None and established.applies
    name, name_en = adv.kb.stage(stage.stage).nl, adv.kb.stage(stage.stage).en
    span, span_en = ("2", "2") if stage.stage == 2 else (f"2 t/m {stage.stage}", f"2 to {stage.stage}")
    assert established.summary.startswith(f"Innovatie: {name} ({stage.stage}); alle criteria van stadium {span} zijn vervuld.")
    assert established.summary_en.startswith(f"Innovation: {name_en} ({stage.stage}); every criterion of stage {span_en} is met.")
    if stage.missing_stage:
        nxt = adv.kb.stage(stage.missing_stage)
        assert established.summary.endswith(f" {nxt.nl} is niet bereikt: zie 'waarom niet'.")
        assert established.summary_en.endswith(f" {nxt.en} is not reached: see 'why not'.")


def test_path_text_says_the_bounds_as_the_report_does() -> None:
    # The before and after of `zorgadvies path` read like the text report (render/labels.bounds_text).
    from zorgadvies.api import advisor as _advisor
    from zorgadvies.render.explain_text import render_path
    from zorgadvies.whatif import path_to_stage

    adv = _advisor()
    facts = adv.load(ROOT / "tests" / "real" / "zorggroep-elde-maasduinen.yaml")
    text = render_path(path_to_stage(adv, facts, "innovatie", 3), adv.kb)
    assert text.startswith("Innovatie: onbepaald: minstens 1, hoogstens 4 → doel Georganiseerd (3)")
    assert "onbepaald, minstens" not in text
    english = render_path(path_to_stage(adv, facts, "merk", 2), adv.kb, "en")
    assert english.startswith("Brand and brand personality: undetermined: at least 1, at most 4 → target")
