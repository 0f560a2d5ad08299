"""Seed 002's table reproduced: an organisation answering a cell's descriptor lands in that cell."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import zorgadvies

CELLS = yaml.safe_load((Path(__file__).parent / "data" / "cells.yaml").read_text(encoding="utf-8"))


def test_all_24_cells_are_covered() -> None:
    pillars = [p.id for p in zorgadvies.load_knowledge().pillars]
    assert sorted((c["pillar"], c["stage"]) for c in CELLS) == sorted((p, s) for p in pillars for s in (1, 2, 3, 4))


@pytest.mark.parametrize("cell", CELLS, ids=lambda c: f"{c['pillar']}-{c['stage']}")
def test_cell_is_classified_at_its_stage(cell) -> None:
    report = zorgadvies.assess({"organisation": {"name": "cel"}, "answers": cell["answers"]})
    pillar = report.pillar(cell["pillar"])
    assert pillar.stage == cell["stage"], cell["descriptor"]
    assert pillar.evidence, "a stage is never concluded without evidence"
    assert {e.stage for e in pillar.evidence} == set(range(1, cell["stage"] + 1))
    if cell["stage"] < 4:
        assert pillar.missing and any(r.status == "fails" for r in pillar.missing)


@pytest.mark.parametrize("cell", [c for c in CELLS if c["stage"] >= 2], ids=lambda c: f"{c['pillar']}-{c['stage']}")
def test_forgetting_an_answer_of_the_cell_never_raises_the_stage(cell) -> None:
    # Drop each answer in turn: the pillar may become undetermined or lower, never higher, and is
    # never a confident guess above what the remaining answers prove.
    for qid in cell["answers"]:
        answers = {k: v for k, v in cell["answers"].items() if k != qid}
        pillar = zorgadvies.assess({"organisation": {"name": "cel"}, "answers": answers}).pillar(cell["pillar"])
        assert pillar.stage is None or pillar.stage <= cell["stage"], qid
