"""The exported JSON Schemas describe what zorgadvies really reads and writes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

import zorgadvies
from zorgadvies.cli import main
from zorgadvies.facts import input_schema
from zorgadvies.report_schema import report_schema

from conftest import EXAMPLES, ROOT

INPUT = input_schema(zorgadvies.load_knowledge())
OUTPUT = report_schema()
runner = CliRunner()


def test_schemas_are_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(INPUT)
    jsonschema.Draft202012Validator.check_schema(OUTPUT)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_fits_the_input_schema(example: Path) -> None:
    jsonschema.validate(yaml.safe_load(example.read_text(encoding="utf-8")), INPUT)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_report_fits_the_output_schema(example: Path) -> None:
    jsonschema.validate(json.loads(zorgadvies.assess(example).to_json()), OUTPUT)


# The answers that take Welzijn Zuidoever's Innovatie pillar from stage 1 to stage 2.
TO_STAGE_2 = {
    "inn_deskundigheid": "bij_enkelen", "inn_experimenten": "gerichte_doelen", "inn_marketingstrategie": "eerste_koppeling",
    "inn_selectiecriteria": "ja", "inn_verantwoordelijkheid": "vaste_medewerker", "inn_visie": "bredere_visie",
}


def test_a_what_if_report_fits_the_output_schema_and_says_what_changed() -> None:
    example = ROOT / "examples" / "welzijn-zuidoever.yaml"
    sets = [a for q, v in TO_STAGE_2.items() for a in ("--set", f"{q}={v}")]
    result = runner.invoke(main, ["assess", str(example), "--format", "json", *sets])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    jsonschema.validate(report, OUTPUT)
    # The report is the assessment of the changed answers, and its what_if part names the change.
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    data["answers"].update(TO_STAGE_2)
    changed = json.loads(zorgadvies.assess(data).to_json())
    assert report["pillars"] == changed["pillars"] and report["recommendations"] == changed["recommendations"]
    assert report["what_if"]["set"] == TO_STAGE_2
    moves = {p["id"]: (p["old"]["stage"], p["new"]["stage"], p["change"]) for p in report["what_if"]["changes"]["pillars"]}
    assert moves["innovatie"] == (1, 2, "up")
    assert all(change == "same" for pid, (_, _, change) in moves.items() if pid != "innovatie")
    # The schema describes the what_if part: a malformed one is refused.
    report["what_if"]["set"] = ["inn_visie"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, OUTPUT)


def test_the_output_schema_can_fail() -> None:
    report = json.loads(zorgadvies.assess(EXAMPLES[0]).to_json())
    del report["pillars"][0]["evidence"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, OUTPUT)


def test_the_input_schema_rejects_an_unknown_question() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"organisation": {"name": "x"}, "answers": {"mp_strategi": "ja"}}, INPUT)


@pytest.mark.parametrize(("kind", "name"), [("input", "facts.schema.json"), ("output", "report.schema.json")])
def test_exported_schemas_are_up_to_date(kind: str, name: str, tmp_path: Path) -> None:
    target = tmp_path / name
    assert runner.invoke(main, ["schema", "--kind", kind, "--output", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8") == (ROOT / "docs" / "schemas" / name).read_text(encoding="utf-8"), (
        f"regenerate with: zorgadvies schema --kind {kind} --output docs/schemas/{name}"
    )


@pytest.mark.parametrize("kind", ["input", "output"])
def test_every_field_of_the_schemas_has_a_description(kind: str) -> None:
    from zorgadvies.api import advisor as _advisor
    from zorgadvies.facts import input_schema
    from zorgadvies.report_schema import report_schema

    schema = input_schema(_advisor().kb) if kind == "input" else report_schema()
    missing: list[str] = []

    def walk(node, path: str) -> None:
        if isinstance(node, dict):
            for name, prop in (node.get("properties") or {}).items():
                if not (isinstance(prop, dict) and prop.get("description")):
                    missing.append(f"{path}.{name}")
                walk(prop, f"{path}.{name}")
            for key, value in node.items():
                if key != "properties":
                    walk(value, path)
        elif isinstance(node, list):
            for item in node:
                walk(item, path)

    walk(schema, kind)
    assert missing == []
