"""The rule-author commands: rules list/show/validate/test/coverage and new-rule (docs/rule-authoring.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from zorgadvies import ruletools
from zorgadvies.api import advisor
from zorgadvies.cli import main
from zorgadvies.errors import KnowledgeError
from zorgadvies.facts import ROLE_QUESTIONS
from zorgadvies.graph import build_graph
from zorgadvies.knowledge import Edge
from zorgadvies.logic import conditions
from zorgadvies.paths import KNOWLEDGE_DIR, RULES_DIR

from conftest import ROOT

# These tests compare English message text; the default language is Dutch (zorgadvies/messages.py).
pytestmark = pytest.mark.usefixtures("english")

PACKS = ROOT / "tests" / "data" / "packs"
BROKEN = PACKS / "broken"
ANKER = PACKS / "het-anker"
WRONG = PACKS / "wrong-expectation"

runner = CliRunner()
_ADV = advisor(cases=True)


def run(*args: str):
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def where(path: Path, marker: str) -> str:
    """``file:line`` of the first line of ``path`` containing ``marker``, as validate prints it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if marker in text)
    return f"{ruletools.display_path(path)}:{line}"


# --- rules list -----------------------------------------------------------------------------------


def test_list_shows_every_rule_sorted_with_its_conclusion() -> None:
    result = run("rules", "list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    ids = [line.split()[0] for line in lines]
    assert ids == sorted(r.id for r in _ADV.pack.rules + _ADV.pack.retired)
    row = next(line for line in lines if line.startswith("stages/metrics_evaluatie/2-kpis-gedefinieerd "))
    assert row.split()[1:4] == ["stable", "criterion", "metrics_evaluatie/2"]
    assert "Er zijn KPI's voor marketing gedefinieerd" in row
    assert any(line.split()[2:4] == ["recommend", "visie-formuleren"] for line in lines)
    assert any(line.split()[2:4] == ["reflect", "proces-begrijpen"] for line in lines)


def test_list_json_and_extra_pack() -> None:
    result = run("rules", "list", "--format", "json", "--rules", ANKER)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    anker = {r["id"]: r for r in rows if r["id"].startswith("anker/")}
    assert set(anker) == {"anker/keten-regionaal", "anker/techniek-organiseren-vroeg"}
    assert anker["anker/keten-regionaal"]["conclusion"] == "recommend soc-regionaal-samenwerken"
    assert anker["anker/keten-regionaal"]["then"] == {"kind": "recommend", "target": "soc-regionaal-samenwerken"}
    assert anker["anker/techniek-organiseren-vroeg"]["status"] == "experimental"


# --- rules show -----------------------------------------------------------------------------------


def test_show_criterion_rule_in_words() -> None:
    result = run("rules", "show", "stages/metrics_evaluatie/2-kpis-gedefinieerd")
    assert result.exit_code == 0, result.output
    out = result.output
    rule = _ADV.pack.by_id()["stages/metrics_evaluatie/2-kpis-gedefinieerd"]
    assert rule.title in out and rule.title_en in out and rule.description in out
    # sources with document and section titles
    assert "ontwikkelmodel#metrics-evaluatie — Zorgmarketing ontwikkelmodel" in out
    assert "› Metrics en evaluatie" in out
    # the condition in words, with the question text
    assert f"{_ADV.kb.questions['met_kpis'].nl} [met_kpis] is minstens 'enkele'" in out
    # the conclusion, with the cell it encodes
    assert "criterium: Metrics en evaluatie, stadium 2 (Gedefinieerd)" in out
    assert _ADV.kb.pillar("metrics_evaluatie").cells[2][0] in out
    # and every case
    for case in rule.cases:
        assert case.name in out


def test_show_recommendation_and_reflection_texts() -> None:
    result = run("rules", "show", "advies/cases/keten-samenwerking")
    assert result.exit_code == 0, result.output
    rec = _ADV.kb.recommendations["keten-samenwerking"]
    assert f"aanbeveling keten-samenwerking: {rec.title}" in result.output
    assert rec.body in result.output
    assert "Wanneer (alle van):" in result.output and "  - een van:" in result.output
    result = run("rules", "show", "reflectie/proces-begrijpen", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert _ADV.kb.reflections["proces-begrijpen"].en in result.output
    assert "is at most 'wisselend'" in result.output


def test_show_accepts_the_last_part_of_an_id() -> None:
    result = run("rules", "show", "visie-ontbreekt")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("advies/visie/visie-ontbreekt\n")


def test_show_unknown_id_suggests_the_closest() -> None:
    result = run("rules", "show", "advies/visie/visie-ontbrek")
    assert result.exit_code == 2
    assert "unknown rule 'advies/visie/visie-ontbrek'" in result.output
    assert "(did you mean 'advies/visie/visie-ontbreekt'?)" in result.output


def test_show_rule_of_an_extra_pack_with_stage_condition() -> None:
    result = run("rules", "show", "anker/techniek-organiseren-vroeg", "--rules", ANKER)
    assert result.exit_code == 0, result.output
    assert "stadium van Innovatie [stage: innovatie] is hoogstens 1 (Geïnitieerd)" in result.output
    assert "stratum: 1" in result.output


# --- rules validate -------------------------------------------------------------------------------


def test_validate_builtin_pack_is_clean() -> None:
    result = run("rules", "validate")
    assert result.exit_code == 0, result.output
    total = len(_ADV.pack.rules) + len(_ADV.pack.retired)
    assert result.output == f"{total} rules, 0 errors\n"


def test_validate_worked_example_pack_is_clean() -> None:
    result = run("rules", "validate", ANKER)
    assert result.exit_code == 0, result.output
    assert result.output.endswith(" 0 errors\n")


# Every mistake in tests/data/packs/broken: (file, a text on the offending line, what is printed).
BROKEN_ERRORS = [
    ("org/onbekende-vraag.yaml", "mp_strategi,", "when.all.0.question: unknown question 'mp_strategi' (did you mean 'mp_strategie'?)"),
    ("org/onbekende-vraag.yaml", "organisation.sektor", "when.all.1.fact: unknown fact 'organisation.sektor' (did you mean 'organisation.sector'?)"),
    ("org/foute-bron.yaml", "sources:", "sources.0: unknown source section 'ontwikkelmodel#metrics-evalutie' (did you mean 'ontwikkelmodel#metrics-evaluatie'?)"),
    ("org/dubbel-b.yaml", "id:", "id: the id must be the file's path below the pack (did you mean 'org/dubbel-b'?)"),
    ("org/dubbel-b.yaml", "id:", "id: duplicate rule id 'org/dubbel-a' (also in tests/data/packs/broken/org/dubbel-a.yaml:3)"),
    ("org/verkeerd-pad.yaml", "id:", "id: the id must be the file's path below the pack (did you mean 'org/verkeerd-pad'?)"),
    ("org/onbekende-aanbeveling.yaml", "recommend:", "then.recommend: unknown recommendation 'visie-formuleern' (did you mean 'visie-formuleren'?)"),
    ("org/onbekende-reflectie.yaml", "reflect:", "then.reflect: unknown reflection question 'tech-handi' (did you mean 'tech-handig'?)"),
    ("org/zonder-fails.cases.yaml", "- name:", "cases: every rule needs a case that fires and one that fails: add a case with 'expect: fails'"),
    ("org/verkeerde-cases.cases.yaml", "rule:", "rule: the cases belong to another rule (did you mean 'org/verkeerde-cases'?)"),
    ("org/ongeldig-antwoord.cases.yaml", "weinig", "cases.1.answers.met_kpis: answer must be one of geen, enkele, samenhangende_set, onbekend or nvt, not 'weinig'"),
    # 64, not 2**7: met_kpis in [enkele, samenhangende_set] covers the top of an ordered choice and
    # compiles to one rank test (engine.py), so it is one branch.
    ("org/te-breed.yaml", "all:", "when: one alternative of this rule opens 64 condition branches in the engine (at most 48"),
    ("org/te-veel-alternatieven.yaml", "all:", "when: too many alternatives (more than 32 once expanded): split the rule"),
    ("org/zonder-grootteklasse.yaml", "all:", "when: recommends the 'klein' variant 'inrichting-innovatie-klein' but does not require"),
    ("org/wees.cases.yaml", "rule:", "cases without a rule: there is no wees.yaml beside it"),
    ("org/slordige-kop.yaml", "title:", "missing required field 'modified': add 'modified:'"),
    ("org/slordige-kop.yaml", "title:", "missing required field 'description_en': add 'description_en:'"),
    ("org/slordige-kop.yaml", "descripton_en", "descripton_en: unknown field 'descripton_en' (did you mean 'description_en'?)"),
    ("org/kapot.yaml", "then:", "malformed YAML"),
    ("org/diep-fout.yaml", "misschien", "when.all.1.any.0.is: 'misschien' is not an answer of mp_strategie"),
    ("org/diep-fout.yaml", "keten_ambulant", "when.all.1.any.1.all.0.at_least: 'at_least' needs an ordered choice"),
]


def test_validate_reports_every_error_of_a_broken_pack_with_file_and_line() -> None:
    result = run("rules", "validate", BROKEN)
    assert result.exit_code == 2
    lines = result.output.splitlines()
    for file, marker, text in BROKEN_ERRORS:
        location = where(BROKEN / file, marker)
        expected = f"{location}: {text}"
        assert any(line.startswith(expected) for line in lines), f"missing: {expected}\n{result.output}"
    # files without a line: the .yml file the loader would pass over
    assert f"{ruletools.display_path(BROKEN / 'org/oud.yml')}: is never loaded: rule and case files end in '.yaml' (did you mean 'oud.yaml'?)" in lines
    errors = len(BROKEN_ERRORS) + 1
    assert len(lines) == errors + 1, result.output  # nothing else reported
    assert lines[-1] == f"{len(_ADV.pack.rules) + len(_ADV.pack.retired) + 16} rules, {errors} errors"
    # the built-in pack, validated beside it, contributes no error
    assert not any(line.startswith("rules/") for line in lines)


def test_validate_only_the_extra_pack() -> None:
    result = run("rules", "validate", BROKEN, "--only")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == f"16 rules, {len(BROKEN_ERRORS) + 1} errors"
    assert run("rules", "validate", "--only").exit_code == 2  # nothing to validate: a usage error


def test_validate_api_returns_errors_sorted_by_file_and_line() -> None:
    validation = ruletools.validate([BROKEN], builtin=False)
    assert not validation.ok
    keys = [(e.file or "", e.line or 0) for e in validation.errors]
    assert keys == sorted(keys)
    assert validation.summary == f"16 rules, {len(BROKEN_ERRORS) + 1} errors"


def test_validate_reports_every_cycle_in_a_knowledge_copy(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, knowledge)
    added = []
    for name, before, after in (
        ("organisatie.yaml", "visie-communiceren", "visie-formuleren"),
        ("ontwikkeling.yaml", "marketingpraktijk-naar-georganiseerd", "marketingpraktijk-naar-gedefinieerd"),
    ):
        path = knowledge / "edges" / name
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text
            + f"\n- before: {before}\n  after: {after}\n  reason: \"Omgekeerd.\"\n  reason_en: \"Reversed.\"\n"
            "  sources: [organiseren-om-te-innoveren#visie]\n",
            encoding="utf-8",
        )
        added.append((ruletools.display_path(path), len(text.splitlines()) + 2, before, after))
    result = run("rules", "validate", "--knowledge", knowledge)
    assert result.exit_code == 2
    cycles = [line for line in result.output.splitlines() if "the dependency graph has a cycle" in line]
    assert len(cycles) == 2, result.output
    for file, line, before, after in added:
        assert any(c.startswith(f"{file}:{line}: the dependency graph has a cycle: ") and f"{before} -> {after}" in c for c in cycles)


def test_build_graph_refuses_a_cycle() -> None:
    kb = _ADV.kb
    reverse = Edge("visie-communiceren", "visie-formuleren", "r", "r", ("organiseren-om-te-innoveren#visie",), "x.yaml", 7)
    with pytest.raises(KnowledgeError, match="cycle: .*visie-formuleren.*visie-communiceren"):
        build_graph(attrs.evolve(kb, edges=kb.edges + (reverse,)))


def test_validate_missing_folder() -> None:
    result = run("rules", "validate", "no-such-pack")
    assert result.exit_code == 2
    assert "no-such-pack: is not a folder of rules" in result.output


# --- rules test -----------------------------------------------------------------------------------


def test_rules_test_passes_on_the_builtin_pack() -> None:
    result = run("rules", "test")
    assert result.exit_code == 0, result.output
    total = sum(len(r.cases) for r in _ADV.pack.rules)
    assert result.output == f"{total} passed, 0 failed\n"


def test_rules_test_fails_on_a_wrong_expectation() -> None:
    result = run("rules", "test", WRONG)
    assert result.exit_code == 2
    lines = result.output.splitlines()
    cases = WRONG / "org" / "verkeerde-verwachting.cases.yaml"
    location = where(cases, 'name: "faalt"')
    assert lines[0] == f"FAILED org/verkeerde-verwachting::faalt: expected fires, engine fails, reference fails ({location})"
    total = sum(len(r.cases) for r in _ADV.pack.rules) + 2
    assert lines[-1] == f"{total - 1} passed, 1 failed"


def test_rules_test_only_the_extra_pack_verbose() -> None:
    result = run("rules", "test", ANKER, "--only", "-v")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == "9 passed, 0 failed"
    assert all(line.startswith("PASSED anker/") for line in lines[:-1])


# --- rules coverage -------------------------------------------------------------------------------


def test_coverage_of_the_builtin_pack() -> None:
    result = run("rules", "coverage", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    used = {c.subject for r in _ADV.pack.rules for c in conditions(r.when) if c.kind == "question"}
    used |= set(ROLE_QUESTIONS.values())  # used through the role facts they settle
    used |= {f"zelf_{p.id}" for p in _ADV.kb.pillars}  # read by the stage classifier, not by a rule
    used |= {  # ... and the questions of the aims and deliberate choices of advice
        c.subject
        for r in _ADV.pack.rules
        for f in (r.moot_when, r.chosen_otherwise[0] if r.chosen_otherwise else None)
        if f is not None
        for c in conditions(f)
    }
    assert data["questions"]["not_used"] == sorted(set(_ADV.kb.questions) - used)
    assert data["rules"]["total"] == len(_ADV.pack.rules)
    assert data["cases"] == sum(len(r.cases) for r in _ADV.pack.rules)
    assert len(data["examples"]) == len(list((ROOT / "examples").glob("*.yaml")))
    text = run("rules", "coverage")
    assert text.exit_code == 0
    assert "Questions that no rule uses" in text.output
    assert f"rules exercised ({data['rules']['exercised_by_cases']} by cases" in text.output.splitlines()[-1]


def test_coverage_lists_what_nothing_reaches(tmp_path: Path) -> None:
    pack = tmp_path / "pack" / "org"
    pack.mkdir(parents=True)
    (pack / "nooit.yaml").write_text(
        (ANKER / "anker" / "keten-regionaal.yaml").read_text(encoding="utf-8").replace("anker/keten-regionaal", "org/nooit"),
        encoding="utf-8",
    )
    (pack / "nooit.cases.yaml").write_text(
        "rule: org/nooit\ncases:\n  - name: niets bekend\n    answers: {}\n    expect: unknown\n", encoding="utf-8"
    )
    empty = tmp_path / "leeg.yaml"
    empty.write_text("organisation: {name: Leeg}\nanswers: {}\n", encoding="utf-8")
    result = run("rules", "coverage", "--rules", tmp_path / "pack", "--examples", empty, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["rules"]["not_exercised"] == ["org/nooit"]
    assert "keten_meerdere_diensten" not in data["questions"]["not_used"]
    assert data["examples"] == [ruletools.display_path(empty)]


# --- new-rule -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "conclusion",
    ["recommend:inrichting-innovatie-klein", "recommend:visie-formuleren", "reflect:tech-handig", "criterion:merk/3"],
)
def test_new_rule_scaffold_passes_validate_and_test(tmp_path: Path, conclusion: str) -> None:
    result = run("new-rule", "mijn_org/nieuwe-regel", "--conclusion", conclusion, "--dir", tmp_path)
    assert result.exit_code == 0, result.output
    rule = tmp_path / "mijn_org" / "nieuwe-regel.yaml"
    cases = tmp_path / "mijn_org" / "nieuwe-regel.cases.yaml"
    doc = tmp_path / "mijn_org" / "nieuwe-regel.md"
    assert all(p.exists() for p in (rule, cases, doc))
    assert "TODO placeholder" in rule.read_text(encoding="utf-8")
    assert "TODO placeholder" in cases.read_text(encoding="utf-8")
    assert "zorgadvies rules validate" in result.output
    validated = run("rules", "validate", tmp_path)
    assert validated.exit_code == 0, validated.output
    tested = run("rules", "test", tmp_path, "--only")
    assert tested.exit_code == 0, tested.output
    assert tested.output == "3 passed, 0 failed\n"
    shown = run("rules", "show", "mijn_org/nieuwe-regel", "--rules", tmp_path)
    assert shown.exit_code == 0 and "TODO" in shown.output
    text = rule.read_text(encoding="utf-8")
    assert "\nbasis: afgeleid" in text and "\nquote: " in text, "the scaffold states its basis and quote"


def test_new_rule_with_title(tmp_path: Path) -> None:
    result = run("new-rule", "org/x", "--conclusion", "reflect:tech-handig", "--dir", tmp_path, "--title", "Techniek blijft liggen")
    assert result.exit_code == 0, result.output
    assert 'title: "Techniek blijft liggen"' in (tmp_path / "org" / "x.yaml").read_text(encoding="utf-8")


def test_new_rule_refuses_to_overwrite(tmp_path: Path) -> None:
    args = ("new-rule", "org/x", "--conclusion", "reflect:tech-handig", "--dir", tmp_path)
    assert run(*args).exit_code == 0
    rule = tmp_path / "org" / "x.yaml"
    rule.write_text(rule.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (tmp_path / "org").iterdir()}
    again = run(*args)
    assert again.exit_code == 2
    assert "already exists" in again.output
    assert {p: p.read_bytes() for p in (tmp_path / "org").iterdir()} == before
    # also when only the doc stub is in the way: nothing at all is written
    (tmp_path / "org" / "y.md").write_text("mine\n", encoding="utf-8")
    refused = run("new-rule", "org/y", "--conclusion", "reflect:tech-handig", "--dir", tmp_path)
    assert refused.exit_code == 2 and "already exists" in refused.output
    assert not (tmp_path / "org" / "y.yaml").exists() and not (tmp_path / "org" / "y.cases.yaml").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("org/x", "--conclusion", "recommend:visie-formuleern"), "unknown recommendation 'visie-formuleern' (did you mean 'visie-formuleren'?)"),
        (("org/x", "--conclusion", "criterion:merk/5"), "needs a stage from 1 to 4"),
        (("org/x", "--conclusion", "advies:visie"), "is not a conclusion"),
        (("x", "--conclusion", "reflect:tech-handig"), "is not a rule id"),
        (("advies/visie/visie-ontbreekt", "--conclusion", "reflect:tech-handig"), "a rule 'advies/visie/visie-ontbreekt' already exists"),
    ],
)
def test_new_rule_refuses_bad_arguments(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = run("new-rule", *args, "--dir", tmp_path)
    assert result.exit_code == 2
    assert message in result.output
    assert not any(tmp_path.iterdir())


def test_new_rule_default_folder_is_the_checkouts_rules() -> None:
    assert ruletools.default_rules_dir() == RULES_DIR


# --- the worked example of docs/rule-authoring.md -------------------------------------------------


def test_worked_example_adds_advice_and_a_reflection_question() -> None:
    facts = PACKS / "het-anker.facts.yaml"
    plain = json.loads(run("assess", facts, "--format", "json").output)
    extra = json.loads(run("assess", facts, "--format", "json", "--rules", ANKER).output)
    assert "soc-regionaal-samenwerken" not in {r["id"] for r in plain["recommendations"]}
    rec = next(r for r in extra["recommendations"] if r["id"] == "soc-regionaal-samenwerken")
    assert rec["rule"] == "anker/keten-regionaal"
    reflections = {q["id"]: q for q in extra["reflection_questions"]}
    assert reflections["tech-organiseren"]["rule"] == "anker/techniek-organiseren-vroeg"


# --- validate never crashes, and never passes what the loader refuses -----------------------------

_VALID = {
    "title": "Testregel",
    "title_en": "Test rule",
    "id": "fuzz/regel",
    "status": "stable",
    "description": "Een regel.",
    "description_en": "A rule.",
    "sources": ["ontwikkelmodel#metrics-evaluatie"],
    "basis": "vermeld",
    "quote": "q",
    "modified": "2026-11-23",
    "when": {"all": [{"question": "met_kpis", "at_least": "enkele"}, {"any": [{"fact": "organisation.size_class", "is": "klein"}]}]},
    "then": {"criterion": {"pillar": "merk", "stage": 2}},
}
_CASES = {
    "rule": "fuzz/regel",
    "cases": [
        {"name": "a", "answers": {"met_kpis": "enkele"}, "organisation": {"employees": 10}, "expect": "fires"},
        {"name": "b", "answers": {"met_kpis": "geen"}, "expect": "fails"},
    ],
}

_junk = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-3, 5), st.sampled_from(["", "ja", "merk", "enkele", "met_kpis", "is", "all", "any", "fuzz/regel", "klein"])),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["all", "any", "question", "fact", "stage", "is", "in", "at_least", "criterion", "pillar", "stage", "x"]), inner, max_size=3)),
    max_leaves=8,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, prefix + (i,))


@st.composite
def _damaged(draw):
    import copy

    rule, cases = copy.deepcopy(_VALID), copy.deepcopy(_CASES)
    for _ in range(draw(st.integers(1, 3))):
        target = draw(st.sampled_from([rule, cases]))
        paths = [p for p in _paths(target) if p]
        if not paths:  # an earlier step emptied this document: nothing left to damage in it
            continue
        path = draw(st.sampled_from(paths))
        parent = target
        for key in path[:-1]:
            parent = parent[key]
        if isinstance(parent, dict) and draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(_junk)
    return rule, cases


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(_damaged())
def test_validate_reports_errors_instead_of_crashing(tmp_path_factory, damaged) -> None:
    import yaml

    from zorgadvies.errors import ZorgadviesError
    from zorgadvies.rulepack import load_rules

    rule, cases = damaged
    pack = tmp_path_factory.mktemp("pack")
    (pack / "fuzz").mkdir()
    (pack / "fuzz" / "regel.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    (pack / "fuzz" / "regel.cases.yaml").write_text(yaml.safe_dump(cases, allow_unicode=True), encoding="utf-8")
    validation = ruletools.validate([pack], builtin=False)
    assert all("\n" not in line for line in validation.lines())
    try:
        load_rules(_ADV.kb, [pack], builtin=False)
    except ZorgadviesError:
        assert not validation.ok
