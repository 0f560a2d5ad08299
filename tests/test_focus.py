"""Focus ("Nu aan de slag") and what to ask next (ask_next, zorgadvies vragen)."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import zorgadvies
from zorgadvies.api import advisor
from zorgadvies.asknext import AUDIENCES, answer_label, answered_share, ask_next, candidates, load_audiences, told
from zorgadvies.cli import main
from zorgadvies.errors import KnowledgeError
from zorgadvies.graph import closure
from zorgadvies.knowledge import load_knowledge
from zorgadvies.ranking import FOCUS_SIZE, focus, rank

from conftest import EXAMPLES, ROOT
from test_recommendations import dags

# These tests compare English message text; the default language is Dutch (zorgadvies/messages.py).
pytestmark = pytest.mark.usefixtures("english")

ADV = advisor()
KB = ADV.kb
SPARSE = ROOT / "tests" / "data" / "schets-eerste-gesprek.yaml"
THEMES = ["a", "b", "c", "d", "e"]


# --- focus --------------------------------------------------------------------------------------


@st.composite
def fired_graphs(draw):
    """A generated graph and fired set (as for the ranking test), each recommendation in a theme."""
    graph, fired = draw(dags())
    themes = {node: draw(st.sampled_from(THEMES)) for node in sorted(graph.nodes)}
    return graph, themes, sorted(fired)


@settings(max_examples=300, deadline=None)
@given(fired_graphs(), st.integers(min_value=1, max_value=8))
def test_focus_rule_on_generated_graphs(case, size) -> None:
    graph, themes, fired = case
    ranked = rank(closure(graph), fired)
    names = {t: (t.upper(), t) for t in THEMES}
    chosen = focus(closure(graph), ranked, themes, names, size=size)
    ids = [c.id for c in chosen]
    fired_set = set(fired)
    # Only what can start now: no fired (direct or indirect) prerequisite.
    for rec in ids:
        assert not nx.ancestors(graph, rec) & fired_set
    startable = [r for r in ranked.order if not nx.ancestors(graph, r) & fired_set]
    assert len(ids) == min(size, len(startable)) and len(set(ids)) == len(ids)
    # Spread over the themes: a theme is only doubled when every startable theme is in.
    covered = {themes[r] for r in ids}
    if len(ids) - len(covered) > 0:
        assert covered == {themes[r] for r in startable}
    # Shown in rank order, with the rank of the full list; the same whatever the order fired.
    assert [c.rank for c in chosen] == sorted(ranked.order.index(r) + 1 for r in ids)
    assert chosen == focus(closure(graph), rank(closure(graph), list(reversed(fired))), themes, names, size=size)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_focus_in_every_example(example: Path) -> None:
    report = zorgadvies.assess(example)
    by_id = {r.id: r for r in report.recommendations}
    assert 1 <= len(report.focus) <= FOCUS_SIZE
    for item in report.focus:
        rec = by_id[item.id]
        assert rec.requires == () and item.rank == rec.rank
        assert item.reason.startswith("Kan nu starten") and item.reason_en.startswith("Can start now")
    if len(report.recommendations) > FOCUS_SIZE:
        assert len(report.focus) == min(FOCUS_SIZE, sum(1 for r in report.recommendations if not r.requires))


def test_focus_leads_the_text_output() -> None:
    result = CliRunner().invoke(main, ["assess", str(ROOT / "examples" / "thuiszorg-de-linde.yaml"), "--brief"])
    assert result.exit_code == 0
    assert result.output.index("Nu aan de slag") < result.output.index("Aanbevelingen (belangrijkste eerst)")


# --- ask_next -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sparse():
    facts = ADV.load(SPARSE)
    return facts, ask_next(ADV, facts, limit=None)


def _verdict(report) -> tuple:
    return tuple(_bounds(p) for p in report.pillars), frozenset(r.id for r in report.recommendations)


def _bounds(pillar) -> tuple:
    return pillar.stage_min, pillar.stage_max, pillar.stage_estimate.stage


def test_ask_next_is_off_unless_asked_for() -> None:
    assert zorgadvies.assess(SPARSE).ask_next is None
    assert json.loads(zorgadvies.assess(SPARSE).to_json())["ask_next"] is None
    assert zorgadvies.assess(SPARSE, ask_next=True).ask_next


def test_ask_next_on_sparse_facts(sparse) -> None:
    facts, items = sparse
    assert answered_share(KB, facts) < 0.5
    assert len(items) >= 10
    # The documented order (docs/ask-next.md#order): told first, self-placements after the other
    # questions of their group, then the weighed score and the score.
    weights = told(KB, facts)
    weighed = {i.question: (1 + math.log2(weights[i.question])) * i.score if i.question in weights else 0 for i in items}
    keys = [(not weights.get(i.question), i.question.startswith("zelf_"), -weighed[i.question], -i.score) for i in items]
    assert keys == sorted(keys)
    assert weights.get(items[0].question) and not items[0].question.startswith("zelf_")
    answered = {q for q, v in facts.answers.items() if v != "onbekend"}
    assert not answered & {i.question for i in items}
    assert {i.ask for i in items} <= set(AUDIENCES)
    assert len({i.question for i in items}) == len(items)


def test_every_question_in_ask_next_changes_the_verdict_through_the_public_api(sparse) -> None:
    """What ask_next claims, checked with plain assessments: some answer changes what it names."""
    facts, items = sparse
    before = ADV.assess(facts)
    before_recs = {r.id for r in before.recommendations}
    for item in items[:12]:
        question = KB.questions[item.question]
        after = {v: ADV.assess(attrs.evolve(facts, answers={**facts.answers, item.question: v})) for v in question.value_ids}
        for decision in item.decides:
            if decision.kind == "pillar":
                old = _bounds(before.pillar(decision.id))
                assert any(_bounds(r.pillar(decision.id)) != old for r in after.values()), decision.what
            elif decision.kind == "recommendation":
                # Decided: fired for some answer, or for some answer its rules all fail, while now it is open.
                assert decision.id not in before_recs
                assert any(decision.id in {r.id for r in rep.recommendations} for rep in after.values()) or "niet" in decision.what, decision.what


def test_told_counts_what_the_organisation_said_about_a_questions_topics() -> None:
    # merk_kernwaarden informs merk; visie_aanwezig informs visie and innovatie; An is hoofd_innovatie.
    facts = ADV.load({"organisation": {"name": "T"}, "people": [{"name": "An", "roles": ["hoofd_innovatie"]}],
                      "answers": {"merk_kernwaarden": "vastgelegd", "visie_aanwezig": "ja", "mp_strategie": "onbekend"}})
    weights = told(KB, facts)
    assert weights["merk_strategie"] == 1  # merk
    assert weights["inn_visie"] == 1  # innovatie and visie, both from one answer: counted once
    assert weights["rol_hoofd_innovatie_aanwezig"] == 2  # rollen (An) and innovatie (visie_aanwezig)
    assert weights["rol_hoofd_implementatie_aanwezig"] == 1  # rollen (An)
    assert "mp_strategie" not in weights and "kf_focus" not in weights  # onbekend tells nothing
    assert told(KB, ADV.load({"organisation": {"name": "T"}, "answers": {}})) == {}


def test_a_self_placement_of_an_untold_pillar_never_comes_before_a_told_question() -> None:
    # Zorggroep Elde Maasduinen (tests/real): the sources speak of innovation, roles and one core
    # value. The self-placements of the marketing pillars nobody talked about come after every
    # question about those; the first questions test criteria or advice, not a self-placement.
    facts = ADV.load(ROOT / "tests" / "real" / "zorggroep-elde-maasduinen.yaml")
    items = ask_next(ADV, facts, limit=None)
    weights = told(KB, facts)
    asked = [i.question for i in items]
    first_untold = next(n for n, q in enumerate(asked) if q not in weights)
    assert all(q in weights for q in asked[:first_untold]) and all(q not in weights for q in asked[first_untold:])
    for pillar in ("marketingpraktijk", "klantfocus_strategie", "metrics_evaluatie"):
        assert f"zelf_{pillar}" not in weights and asked.index(f"zelf_{pillar}") > first_untold
    assert not any(q.startswith("zelf_") for q in asked[:10])
    assert {i.score for i in items if i.question == "inn_visie"} == {3.333}  # 10/3, to three decimals


def test_what_a_question_decides_names_answers_by_their_dutch_label(sparse) -> None:
    _, items = sparse
    checked = 0
    for item in items:
        question = KB.questions[item.question]
        if question.type != "choice":
            continue
        for decision in item.decides:
            for value in question.value_ids:
                assert f"‘{value}’" not in decision.what and f"‘{value}’" not in decision.what_en, (item.question, decision.what)
            assert any(f"‘{answer_label(KB, question, v, 'nl')}’" in decision.what for v in question.value_ids), decision.what
            checked += 1
    assert checked >= 10
    placement = next(i for i in items if i.question.startswith("zelf_"))
    assert "‘Geïnitieerd’" in " ".join(d.what for d in placement.decides)
    assert "‘Initiated’" in " ".join(d.what_en for d in placement.decides)


def test_answer_labels_are_short_and_tell_the_answers_apart() -> None:
    for question in KB.questions.values():
        for lang in ("nl", "en"):
            labels = [answer_label(KB, question, v, lang) for v in question.value_ids]
            assert len(set(labels)) == len(labels) and all(labels), (question.id, labels)
    vorm = KB.questions["rol_implementatie_vorm"]
    assert answer_label(KB, vorm, "vast_team", "nl") == "Een vast implementatieteam met vaste leden"  # cut before 'bijv.'
    assert answer_label(KB, KB.questions["visie_aanwezig"], "ja", "en") == "yes"
    assert answer_label(KB, KB.questions["visie_aanwezig"], "nvt", "nl") == "nvt"  # not ja/nee: itself
    shared = KB.questions["visie_gedeeld"]  # two answers start alike: said in full
    assert answer_label(KB, shared, shared.value_ids[-1], "nl") == shared.label(shared.value_ids[-1])


def test_questions_left_out_change_nothing(sparse) -> None:
    facts, items = sparse
    listed = {i.question for i in items}
    left_out = [q for q in candidates(ADV, facts) if q not in listed][:8]
    base = _verdict(ADV.assess(facts))
    for qid in left_out:
        for value in KB.questions[qid].value_ids:
            assert _verdict(ADV.assess(attrs.evolve(facts, answers={**facts.answers, qid: value}))) == base, (qid, value)


def test_a_fully_answered_example_has_little_left_to_ask() -> None:
    facts = ADV.load(ROOT / "examples" / "thuiszorg-de-linde.yaml")
    assert len(ask_next(ADV, facts, limit=None)) <= 2


def test_ask_next_json_is_byte_identical_across_processes() -> None:
    cmd = [sys.executable, "-m", "zorgadvies", "vragen", str(SPARSE), "--format", "json"]
    first = subprocess.run(cmd, capture_output=True, check=True, env={"PYTHONHASHSEED": "1", "PATH": ""}).stdout
    second = subprocess.run(cmd, capture_output=True, check=True, env={"PYTHONHASHSEED": "2", "PATH": ""}).stdout
    assert first == second and json.loads(first)


def test_sparse_text_output_starts_with_what_to_ask() -> None:
    result = CliRunner().invoke(main, ["assess", str(SPARSE), "--brief"])
    assert result.exit_code == 0
    assert result.output.index("Vraag nu door") < result.output.index("Ontwikkelstadium per pijler")
    dense = CliRunner().invoke(main, ["assess", str(ROOT / "examples" / "thuiszorg-de-linde.yaml"), "--brief"])
    assert "Vraag nu door" not in dense.output.split("Ontwikkelstadium per pijler")[0]


def test_vragen_prints_a_guide_grouped_by_whom_to_ask(sparse) -> None:
    _, items = sparse
    result = CliRunner().invoke(main, ["vragen", str(SPARSE)])
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("Gespreksleidraad — Schets")
    audiences = load_audiences(KB)
    headings = [f"## {audiences.names[a][0]}" for a in AUDIENCES if any(i.ask == a for i in items)]
    positions = [out.index(h) for h in headings]
    assert positions == sorted(positions) and len(headings) >= 3
    for item in items:
        assert f"[{item.question};" in out
    missing = CliRunner().invoke(main, ["vragen", "bestaat-niet.yaml"])
    assert missing.exit_code == 2 and "Traceback" not in missing.output


# --- whom to ask: knowledge/audiences.yaml ------------------------------------------------------


def test_every_question_has_an_explicit_audience() -> None:
    audiences = load_audiences(KB)
    assert sorted(audiences.of_question) == sorted(KB.questions)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("visie_aanwezig, visie_vastgesteld_bestuur", "visie_aanwezg, visie_vastgesteld_bestuur", "unknown question id 'visie_aanwezg'.*visie_aanwezig"),
        ("kf_stimuleren, cl_motivatie", "kf_stimuleren, cl_motivatie, visie_aanwezig", "already asked of 'bestuur'"),
        ("id: zorgmedewerkers", "id: zorgmedewerker", "zorgmedewerker"),
    ],
)
def test_a_broken_audience_file_is_refused_with_its_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    root = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", root)
    target = root / "audiences.yaml"
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=message) as info:
        load_audiences(load_knowledge(root))
    assert "audiences.yaml:" in str(info.value)


def test_a_report_with_ask_next_and_focus_matches_the_schema() -> None:
    import jsonschema

    from zorgadvies.report_schema import report_schema

    sparse = json.loads(zorgadvies.assess(SPARSE, ask_next=True).to_json())
    assert sparse["ask_next"]
    jsonschema.validate(sparse, report_schema())
    data = json.loads(zorgadvies.assess(ROOT / "examples" / "thuiszorg-de-linde.yaml", ask_next=True).to_json())
    assert data["focus"]
    jsonschema.validate(data, report_schema())
    data["focus"] = [data["focus"][0]] * 8  # more than seven
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, report_schema())


# --- the conversation guide and the answered share, exactly --------------------------------------

from zorgadvies.asknext import guide_data, render_guide  # noqa: E402
from zorgadvies.report import AskNext, Decision  # noqa: E402

_GUIDE_ITEMS = (
    AskNext("visie_aanwezig", "nl-tekst", "en-text", "bestuur", 2.5, (Decision("recommendation", "visie-formuleren", "wat nl", "what en"),)),
    AskNext("inn_experimenten", "x", "x", "innovatie", 1.25, ()),
    AskNext("inn_visie", "y", "y", "bestuur", 1.0, (Decision("pillar", "innovatie", "a nl", "a en"), Decision("pillar", "merk", "b nl", "b en"))),
)


def test_guide_data_groups_by_audience_in_the_fixed_order() -> None:
    groups = guide_data(_GUIDE_ITEMS, KB)
    assert [g["ask"] for g in groups] == ["bestuur", "innovatie"]  # AUDIENCES order, only those asked
    assert groups[0]["name"] == ("Raad van Bestuur of directie", "Executive board or management")
    assert groups[0]["questions"] == [_GUIDE_ITEMS[0], _GUIDE_ITEMS[2]]
    assert groups[1]["questions"] == [_GUIDE_ITEMS[1]]
    assert set(groups[0]) == {"ask", "name", "questions"}


def test_the_guide_reads_as_documented() -> None:
    # Written by hand from docs/ask-next.md: a title, the count, per audience a heading, numbered
    # questions (numbering runs on across groups) with id and score, each decision on its own line.
    innovatie = load_audiences(KB).names["innovatie"]
    assert render_guide(_GUIDE_ITEMS, KB, "Org") == "\n".join([
        "Gespreksleidraad — Org",
        "",
        "3 vragen waarvan het antwoord het oordeel verandert, per gesprekspartner; de belangrijkste eerst (score: gemiddeld aantal veranderingen).",
        "",
        "## Raad van Bestuur of directie",
        f"  1. {KB.questions['visie_aanwezig'].text('nl')}  [visie_aanwezig; score 2.5]",
        "       → wat nl",
        f"  2. {KB.questions['inn_visie'].text('nl')}  [inn_visie; score 1]",
        "       → a nl",
        "       → b nl",
        "",
        f"## {innovatie[0]}",
        f"  3. {KB.questions['inn_experimenten'].text('nl')}  [inn_experimenten; score 1.25]",
    ]) + "\n"
    english = render_guide(_GUIDE_ITEMS, KB, "Org", "en")
    assert english.startswith("Conversation guide — Org\n\n3 questions whose answer changes the verdict")
    assert "## Executive board or management\n" in english and f"## {innovatie[1]}\n" in english
    assert f"  1. {KB.questions['visie_aanwezig'].text('en')}  [visie_aanwezig; score 2.5]\n       → what en\n" in english
    assert render_guide((), KB, "Org") == "Gespreksleidraad — Org\n\nEr is geen vraag meer waarvan het antwoord een stadium, een aanbeveling of een conflict verandert.\n"
    assert render_guide((), KB, "Org", "en").endswith("No question is left whose answer changes a stage, a recommendation or a conflict.\n")


def test_answered_share_counts_known_answers_of_the_questionnaire() -> None:
    facts = ADV.load({"organisation": {"name": "T"}, "answers": {"visie_aanwezig": "ja", "mp_inzet": "onbekend", "inn_visie": "geen"}})
    assert answered_share(KB, facts) == 2 / len(KB.questions)
    assert answered_share(KB, attrs.evolve(facts, answers={**facts.answers, "geen_vraag": "ja"})) == 2 / len(KB.questions)
    assert answered_share(attrs.evolve(KB, questions={}), facts) == 1.0


def test_what_a_self_placement_and_a_yes_no_question_decide_exactly() -> None:
    # One stated trait of Innovatie (bounds 1-4, no estimate). A self-placement keeps the bounds and
    # becomes the estimate (docs/stages.md), so each answer gives "1–4 (schatting N)"; the
    # transition advice follows it. visie_aanwezig = nee fires the advice to set a vision and the
    # three that need one fail: 4 changes for 'nee', 0 for 'ja', score 4/2 = 2.
    facts = ADV.load({"organisation": {"name": "T"}, "answers": {"inn_selectiecriteria": "ja"}})
    items = {i.question: i for i in ask_next(ADV, facts, limit=None)}
    placement = items["zelf_innovatie"]
    assert placement.ask == "innovatie" and placement.score == 5.0
    assert placement.decides[0] == Decision(
        "pillar", "innovatie",
        "stadium Innovatie (nu 1–4): ‘Geïnitieerd’ → 1–4 (schatting 1); ‘Gedefinieerd’ → 1–4 (schatting 2); "
        "‘Georganiseerd’ → 1–4 (schatting 3); ‘Geoptimaliseerd’ → 1–4 (schatting 4)",
        "stage Innovation (now 1–4): ‘Initiated’ → 1–4 (estimate 1); ‘Defined’ → 1–4 (estimate 2); "
        "‘Organised’ → 1–4 (estimate 3); ‘Optimised’ → 1–4 (estimate 4)",
    )
    assert [d.kind for d in placement.decides] == ["pillar", "recommendation", "recommendation", "recommendation"]
    vision = items["visie_aanwezig"]
    assert vision.ask == "bestuur" and vision.score == 2.0
    formulate = next(d for d in vision.decides if d.id == "visie-formuleren")
    title = KB.recommendations["visie-formuleren"]
    assert formulate.what == f"aanbeveling '{title.title}' (nu nog open): ‘nee’ → wel; anders ongewijzigd"
    assert formulate.what_en == f"recommendation '{title.title_en}' (now still open): ‘no’ → yes; otherwise unchanged"
    complete = next(d for d in vision.decides if d.id == "visie-aanvullen")
    assert complete.what.endswith("(nu nog open): ‘nee’ → niet; anders ongewijzigd")
    assert complete.what_en.endswith("(now still open): ‘no’ → no; otherwise unchanged")


def test_the_answers_tried_for_an_integer_question_are_the_thresholds_and_their_neighbours() -> None:
    # No question of the questionnaire is an integer today, so the branch is checked on its own:
    # every threshold a rule tests on the question, one below and one above, inside its range.
    from types import SimpleNamespace

    from zorgadvies.asknext import _values
    from zorgadvies.knowledge import Question
    from zorgadvies.logic import All, Cond

    def rule(*conds: Cond) -> SimpleNamespace:
        return SimpleNamespace(when=All(tuple(conds)))

    adv = SimpleNamespace(pack=SimpleNamespace(rules=[
        rule(Cond("question", "n", "at_least", 5), Cond("question", "other", "at_least", 50)),
        rule(Cond("question", "n", "at_most", 0)),
        rule(Cond("question", "n", "is", "5")),  # not an integer: no threshold
    ]))
    question = Question("n", "integer", "n", "n", "", "", (), (), minimum=0, maximum=5)
    assert _values(question, adv) == [0, 1, 4, 5]  # -1 and 6 lie outside 0..5
    unbounded = attrs.evolve(question, minimum=None, maximum=None)
    assert _values(unbounded, adv) == [-1, 0, 1, 4, 5, 6]
    assert _values(KB.questions["visie_aanwezig"], adv) == ["ja", "nee"]
    assert _values(KB.questions["inn_visie"], adv) == list(KB.questions["inn_visie"].value_ids)


@pytest.mark.parametrize(
    ("edit", "where"),
    [
        (lambda text: "- a\n", r"audiences\.yaml:1: (?![\w.]+: )"),  # not a mapping: no field to name
        (lambda text: "a: [\n", r"audiences\.yaml:2: "),  # YAML that does not parse
        (lambda text: text + "extra: 1\n", r"audiences\.yaml:\d+: extra: .*'extra'"),
        (lambda text: text.replace("default: innovatie", "default: innovatiee"), r"audiences\.yaml:\d+: default: .*'innovatiee'.*'innovatie'"),
        (lambda text: text.replace("id: zorgmedewerkers", "id: bestuur"), r"audiences\.yaml:\d+: audiences\.4\.id: .*'bestuur'"),
        (lambda text: text.replace("id: zorgmedewerkers", "id: zorgmedewerker"), r"audiences\.yaml:\d+: audiences\.4\.id: .*'zorgmedewerker'"),
    ],
)
def test_a_broken_audience_file_names_file_line_and_field(tmp_path: Path, edit, where: str) -> None:
    # The wording may follow the message table; the place (file:line: field:) and the values not.
    root = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", root)
    target = root / "audiences.yaml"
    target.write_text(edit(target.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=where):
        load_audiences(load_knowledge(root))


def test_the_audience_default_is_read() -> None:
    assert load_audiences(KB).default == "innovatie"
    assert load_audiences(KB).of("geen_vraag") == "innovatie" and load_audiences(KB).of("visie_aanwezig") == "bestuur"


def test_a_self_placement_above_the_bounds_decides_a_conflict() -> None:
    # Two stated traits of Gedefinieerd and a failing gate of Georganiseerd: bounds 1-2, estimate 2.
    # Placing Innovatie in Georganiseerd or Geoptimaliseerd contradicts the criteria: a conflict,
    # and the bounds win (the estimate stays); Geïnitieerd lies inside and becomes the estimate.
    facts = ADV.load({"organisation": {"name": "T"}, "answers": {"inn_selectiecriteria": "ja", "inn_marketingstrategie": "eerste_koppeling"}})
    placement = next(i for i in ask_next(ADV, facts, limit=None) if i.question == "zelf_innovatie")
    assert [d.kind for d in placement.decides] == ["pillar", "conflict", "recommendation", "recommendation"]
    by_kind = {d.kind: d for d in placement.decides}
    assert by_kind["conflict"] == Decision(
        "conflict", "innovatie:zelf_innovatie",
        "conflict bij Innovatie (nu geen conflict): ‘Georganiseerd’ / ‘Geoptimaliseerd’ → conflict; anders ongewijzigd",
        "conflict in Innovation (now no conflict): ‘Organised’ / ‘Optimised’ → conflict; otherwise unchanged",
    )
    assert by_kind["pillar"].what == "stadium Innovatie (nu 1–2 (schatting 2)): ‘Geïnitieerd’ → 1–2 (schatting 1); anders ongewijzigd"
    # An answer that fails a gate of Gedefinieerd establishes Geïnitieerd: the range reads "1".
    facts = ADV.load({"organisation": {"name": "T"}, "answers": {"inn_selectiecriteria": "ja"}})
    marketing = next(i for i in ask_next(ADV, facts, limit=None) if i.question == "inn_marketingstrategie")
    assert marketing.decides[0].what.startswith("stadium Innovatie (nu 1–4): ‘Innovatie is geen onderdeel van de marketingstrategie’ → 1; ")
    assert marketing.decides[0].what_en.startswith("stage Innovation (now 1–4): ‘Innovation is not part of the marketing strategy’ → 1; ")


def test_a_recommendation_counts_the_rules_that_give_it_as_a_check_of_a_choice() -> None:
    from zorgadvies.asknext import _recommend_rules

    rules = _recommend_rules(ADV)
    checks = sorted(r.id for r in ADV.pack.rules if r.chosen_otherwise is not None and r.chosen_otherwise[1] == "inrichting-keuze-toetsen")
    assert checks and sorted(rules["inrichting-keuze-toetsen"]) == checks
    for rule in ADV.pack.rules:
        if rule.then.kind == "recommend":
            assert rule.id in rules[str(rule.then.target)]
    assert list(rules) == sorted(rules)


def test_labels_that_would_read_alike_are_said_in_full() -> None:
    from zorgadvies.knowledge import Choice, Question

    question = Question("q", "choice", "q", "q", "", "", (), (), values=(
        Choice("a", "Soms (bijv. bij grote projecten)", "Sometimes (e.g. for large projects)"),
        Choice("b", "Soms (bijv. op verzoek)", "Sometimes (e.g. on request)"),
        Choice("c", "Altijd, bijv. bij elk project", "Always, e.g. for every project"),
    ))
    assert answer_label(KB, question, "a", "nl") == "Soms (bijv. bij grote projecten)"
    assert answer_label(KB, question, "b", "en") == "Sometimes (e.g. on request)"
    assert answer_label(KB, question, "c", "nl") == "Altijd" and answer_label(KB, question, "c", "en") == "Always"
    assert answer_label(KB, question, "x", "nl") == "x"  # not one of its answers: itself
    reis = KB.questions["kf_klantreis"]  # "(globaal)" is an aside; "medewerker(s)" is part of a word
    assert answer_label(KB, reis, "beperkt", "nl") == "Voor één of enkele doelgroepen of zorgpaden is de reis in kaart gebracht"
    assert answer_label(KB, KB.questions["mp_draagvlak"], KB.questions["mp_draagvlak"].value_ids[0], "nl").startswith("Alleen de communicatiemedewerker(s) ")
    assert answer_label(KB, KB.questions["rol_implementatie_vorm"], "vast_team", "en") == "A permanent implementation team with fixed members"


def test_audiences_are_read_once_per_knowledge_base() -> None:
    from zorgadvies.asknext import audiences

    first = audiences(KB)
    assert audiences(KB) is first and first == load_audiences(KB)
    other = load_knowledge(ROOT / "knowledge")
    assert audiences(other) is not first and audiences(other) == first and audiences(other) is audiences(other)


def test_an_onbekend_answer_is_still_a_candidate() -> None:
    facts = ADV.load({"organisation": {"name": "T"}, "answers": {"inn_selectiecriteria": "ja", "inn_marketingstrategie": "onbekend"}})
    assert "inn_marketingstrategie" in candidates(ADV, facts) and "inn_selectiecriteria" not in candidates(ADV, facts)


def test_an_integer_question_no_rule_tests_has_nothing_to_try() -> None:
    from types import SimpleNamespace

    from zorgadvies.asknext import _values
    from zorgadvies.knowledge import Question

    adv = SimpleNamespace(pack=SimpleNamespace(rules=[]))
    assert _values(Question("n", "integer", "n", "n", "", "", (), ()), adv) == []


def test_ask_next_keeps_at_most_limit_questions(sparse) -> None:
    facts, items = sparse
    assert [i.question for i in ask_next(ADV, facts, limit=3)] == [i.question for i in items[:3]]
    assert len(ask_next(ADV, facts)) == 10 < len(items)  # the report's default
