"""The command line as a consultant and a developer use it, including every kind of bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import zorgadvies
from zorgadvies.cli import main

from conftest import EXAMPLES

# These tests compare English message text; the default language is Dutch (zorgadvies/messages.py).
pytestmark = pytest.mark.usefixtures("english")

runner = CliRunner()


def run(*args: str):
    return runner.invoke(main, list(args), catch_exceptions=False)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert zorgadvies.__version__ in result.output


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_assess_text_names_every_pillar_in_dutch(example: Path) -> None:
    result = run("assess", str(example))
    assert result.exit_code == 0, result.output
    for name in ("Marketingpraktijk", "Klantfocus en strategie", "Innovatie", "Merk", "Metrics en evaluatie", "Cultuur en leiderschap"):
        assert name in result.output
    assert "Waarom dit stadium" in result.output


def test_assess_text_in_english() -> None:
    result = run("assess", str(EXAMPLES[0]), "--lang", "en")
    assert result.exit_code == 0
    assert "Development stage per pillar" in result.output
    assert "Customer focus and strategy" in result.output


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_json_output_is_the_api_report(example: Path) -> None:
    result = run("assess", str(example), "--format", "json")
    assert result.exit_code == 0
    assert result.output == zorgadvies.assess(example, ask_next=True).to_json()  # the CLI always measures ask_next
    data = json.loads(result.output)
    assert {"schema_version", "knowledge", "organisation", "pillars", "recommendations", "reflection_questions"} <= set(data)
    assert set(data["knowledge"]) == {"version", "sha256"}
    assert [p["id"] for p in data["pillars"]] == list(zorgadvies.knowledge.PILLAR_IDS)
    for pillar in data["pillars"]:
        assert {"id", "stage", "stage_name", "evidence", "missing"} <= set(pillar)
        for ev in pillar["evidence"]:
            assert ev["rule"] and ev["facts"] and ev["sources"]


def test_json_is_byte_identical_across_processes() -> None:
    example = str(EXAMPLES[0])
    cmd = [sys.executable, "-m", "zorgadvies", "assess", example, "--format", "json"]
    first = subprocess.run(cmd, capture_output=True, check=True, env={"PYTHONHASHSEED": "1", "PATH": ""}).stdout
    second = subprocess.run(cmd, capture_output=True, check=True, env={"PYTHONHASHSEED": "2", "PATH": ""}).stdout
    assert first == second
    assert first.decode() == zorgadvies.assess(example, ask_next=True).to_json()


def test_schema_is_valid_json_listing_every_question() -> None:
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert set(schema["properties"]["answers"]["properties"]) == set(zorgadvies.load_knowledge().questions)


def test_schema_output_file(tmp_path: Path) -> None:
    target = tmp_path / "facts.schema.json"
    assert run("schema", "--output", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "zorgadvies facts file"


BASE = """organisation:
  name: Test
  sector: thuiszorg
  employees: 50
"""

BAD_INPUTS = {
    "unknown question": (BASE + "answers:\n  mp_strategi: ja\n", ["answers.mp_strategi", "unknown question", "did you mean"]),
    "wrong type": (BASE + "answers:\n  mp_inzet: 3\n", ["answers.mp_inzet", ":6:"]),
    "out of range choice": (BASE + "answers:\n  mp_inzet: altijd\n", ["answers.mp_inzet", "must be one of"]),
    "negative employees": ("organisation:\n  name: T\n  employees: -5\n", ["organisation.employees", "at least 0", ":3:"]),
    "unknown sector": ("organisation:\n  name: T\n  sector: ziekenhuiz\n", ["organisation.sector", "did you mean 'ziekenhuis'"]),
    "unknown DISC colour": (
        BASE + "people:\n  - name: A\n    roles: [hoofd_innovatie]\n    disc: [groene]\n",
        ["people.0.disc.0", "unknown DISC colour", "did you mean 'groen'"],
    ),
    "malformed YAML": ("organisation: [name: x\n", ["malformed YAML"]),
    "YAML python tag": (
        "organisation: !!python/object/apply:os.system ['echo hacked']\n",
        ["tag", "not allowed", ":1"],
    ),
    "YAML alias": ("a: &x {name: b}\norganisation: *x\n", ["aliases"]),
    "empty file": ("", ["empty"]),
    "only a comment": ("# nothing\n", ["no data"]),
    "not a mapping": ("- a\n- b\n", ["mapping"]),
    "unknown top-level field": (BASE + "answer:\n  mp_inzet: x\n", ["unknown field 'answer'", "did you mean 'answers'"]),
    "boolean answer garbage": (BASE + "answers:\n  inn_directietafel: misschien\n", ["answers.inn_directietafel", "ja, nee"]),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_one_line_and_exit_2(tmp_path: Path, name: str) -> None:
    text, expected = BAD_INPUTS[name]
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["assess", str(path)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert str(path) in lines[0]
    for part in expected:
        assert part in lines[0], (part, lines[0])
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_python_tag_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "facts.yaml"
    path.write_text(f"organisation: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    assert runner.invoke(main, ["assess", str(path)]).exit_code == 2
    assert not marker.exists()


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_bytes("organisation:\n  name: Zorg \xe9\xe9n\n".encode("latin-1"))
    result = runner.invoke(main, ["assess", str(path)])
    assert result.exit_code == 2
    assert "not UTF-8" in result.stderr and str(path) in result.stderr and ":2" in result.stderr


def test_malformed_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text('{\n  "organisation": {"name": "x",}\n}\n', encoding="utf-8")
    result = runner.invoke(main, ["assess", str(path)])
    assert result.exit_code == 2
    assert "malformed JSON" in result.stderr and f"{path}:2" in result.stderr


def test_json_facts_work(tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps({"organisation": {"name": "J", "employees": 10}, "answers": {"mp_inzet": "ad_hoc_communicatie"}}), encoding="utf-8")
    result = run("assess", str(path), "--format", "json")
    assert json.loads(result.output)["organisation"]["size_class"] == "klein"


def test_missing_file() -> None:
    result = runner.invoke(main, ["assess", "does/not/exist.yaml"])
    assert result.exit_code == 2
    assert "does/not/exist.yaml" in result.stderr and "no such file" in result.stderr


def test_size_threshold_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("organisation: {name: X, employees: 120}\n", encoding="utf-8")
    small = json.loads(run("assess", str(path), "--format", "json").output)
    large = json.loads(run("assess", str(path), "--format", "json", "--size-threshold", "100").output)
    assert small["organisation"]["size_class"] == "klein"
    assert large["organisation"]["size_class"] == "groot"


def test_a_nul_byte_in_a_file_name_is_an_input_error() -> None:
    # Found by tests/test_fuzz.py: the API took a str with a NUL byte as a path and raised ValueError.
    with pytest.raises(zorgadvies.ZorgadviesError, match="NUL byte"):
        zorgadvies.assess("examples\x00.yaml")
