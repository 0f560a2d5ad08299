"""Property-based fuzzing: any input gives a Report or a ZorgadviesError, never another exception.

Covers the facts loader (text, bytes and in-memory mappings), the rule-pack loader and the CLI
(exit 0, or exit 2 with exactly one line on stderr). A hang would show up as a Hypothesis deadline;
the deadlines are generous (an example normally takes milliseconds) so that a loaded CI machine
cannot make them flaky.
"""

from __future__ import annotations

import string
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zorgadvies
from zorgadvies.api import Advisor, advisor
from zorgadvies.cli import main
from zorgadvies.errors import ZorgadviesError

from conftest import ROOT

ADV = advisor()
QUESTION_IDS = sorted(ADV.kb.questions)
SETTINGS = settings(max_examples=200, deadline=10000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["ja", "nee", "onbekend", "nvt", "groen", "rood", "SI", "ziekenhuis", "hoofd_innovatie", "ad_hoc_communicatie"]),
)
keys = st.one_of(
    st.sampled_from(["organisation", "people", "answers", "name", "sector", "employees", "roles", "disc", *QUESTION_IDS[:20]]),
    st.text(max_size=12),
)
plain = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5), max_leaves=25)


@st.composite
def facts_like(draw):
    """Mostly well-formed facts with random damage: the interesting inputs for a validator."""
    org = draw(st.dictionaries(st.sampled_from(["name", "sector", "employees", "extra"]), plain, max_size=4))
    answers = draw(st.dictionaries(st.sampled_from(QUESTION_IDS) | st.text(max_size=8), plain, max_size=8))
    people = draw(st.lists(st.dictionaries(st.sampled_from(["name", "roles", "disc", "x"]), plain, max_size=4), max_size=3))
    data = {"organisation": org, "answers": answers, "people": people}
    for key in draw(st.sets(st.sampled_from(list(data)))):
        data[key] = draw(plain)
    return data


def _assess_or_error(source) -> None:
    try:
        report = zorgadvies.assess(source)
    except ZorgadviesError as exc:
        assert "\n" not in str(exc)
    else:
        assert report.to_json()


@SETTINGS
@given(facts_like())
def test_mappings_give_a_report_or_a_zorgadvies_error(data) -> None:
    _assess_or_error(data)


@SETTINGS
@given(plain)
def test_any_plain_data_gives_a_report_or_a_zorgadvies_error(data) -> None:
    _assess_or_error(data)  # type: ignore[arg-type]


yaml_ish = st.text(alphabet=string.printable + "ëï€\t", max_size=200) | st.builds(
    lambda d: yaml.safe_dump(d, allow_unicode=True), facts_like()
)


@SETTINGS
@given(yaml_ish, st.sampled_from([".yaml", ".json"]))
def test_any_text_file_gives_a_report_or_a_zorgadvies_error(tmp_path_factory, text: str, suffix: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"facts{suffix}"
    path.write_text(text, encoding="utf-8")
    _assess_or_error(path)


@SETTINGS
@given(st.binary(max_size=200))
def test_any_bytes_give_a_report_or_a_zorgadvies_error(tmp_path_factory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "facts.yaml"
    path.write_bytes(raw)
    _assess_or_error(path)


runner = CliRunner()


@settings(max_examples=60, deadline=15000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(yaml_ish)
def test_cli_exits_0_or_2_with_one_line(tmp_path_factory, text: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["assess", str(path), "--format", "json"])
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()) == 1
        assert result.stdout == ""
    assert "Traceback" not in result.output


VALID_RULE = {
    "title": "t",
    "title_en": "t",
    "id": "fuzz/regel",
    "status": "stable",
    "description": "d",
    "description_en": "d",
    "sources": ["organiseren-om-te-innoveren#visie"],
    "basis": "afgeleid",
    "quote": "-",
    "modified": "2026-11-23",
    "when": {"all": [{"question": "visie_aanwezig", "is": "nee"}]},
    "then": {"recommend": "visie-formuleren"},
}


@st.composite
def damaged_rules(draw):
    rule = dict(VALID_RULE)
    for key in draw(st.sets(st.sampled_from(list(rule)), max_size=3)):
        if draw(st.booleans()):
            del rule[key]
        else:
            rule[key] = draw(plain)
    if draw(st.booleans()):
        rule[draw(st.sampled_from(["when", "then"]))] = draw(plain)
    return rule


@settings(max_examples=80, deadline=30000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(damaged_rules())
def test_rule_pack_loader_gives_a_pack_or_a_rule_pack_error(tmp_path_factory, rule) -> None:
    pack = tmp_path_factory.mktemp("pack")
    (pack / "fuzz").mkdir()
    (pack / "fuzz" / "regel.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    try:
        Advisor([pack])
    except ZorgadviesError as exc:
        assert "\n" not in str(exc)
        assert str(pack) in str(exc) or exc.file is None


def test_the_valid_rule_of_the_fuzzer_is_valid(tmp_path: Path) -> None:
    (tmp_path / "fuzz").mkdir()
    (tmp_path / "fuzz" / "regel.yaml").write_text(yaml.safe_dump(VALID_RULE), encoding="utf-8")
    assert "fuzz/regel" in Advisor([tmp_path]).pack.by_id()


def test_self_referential_mapping_is_an_error() -> None:
    data: dict = {"organisation": {"name": "x"}}
    data["answers"] = data
    _assess_or_error(data)


def test_root_is_importable_for_the_fixture() -> None:
    assert (ROOT / "rules").is_dir()
