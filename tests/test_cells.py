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


PARTIAL = yaml.safe_load((Path(__file__).parent / "data" / "cells-partial.yaml").read_text(encoding="utf-8"))
_STAGE_IDS = ("geinitieerd", "gedefinieerd", "georganiseerd", "geoptimaliseerd")


def test_all_24_partial_cells_are_covered() -> None:
    pillars = [p.id for p in zorgadvies.load_knowledge().pillars]
    assert sorted((c["pillar"], c["stage"]) for c in PARTIAL) == sorted((p, s) for p in pillars for s in (1, 2, 3, 4))


@pytest.mark.parametrize("cell", PARTIAL, ids=lambda c: f"{c['pillar']}-{c['stage']}")
def test_partial_cell_gets_its_stage_or_estimate_inside_the_bounds(cell) -> None:
    """Only what the cell's sentences imply: the stage or, failing that, the estimate is that cell's."""
    report = zorgadvies.assess({"organisation": {"name": "cel"}, "answers": cell["answers"]})
    pillar = report.pillar(cell["pillar"])
    shown = pillar.stage if pillar.stage is not None else pillar.stage_estimate.stage
    assert shown == cell["stage"], (pillar.stage_min, pillar.stage_max, pillar.stage_estimate)
    assert pillar.stage_min <= cell["stage"] <= pillar.stage_max
    assert pillar.stage_estimate.basis == "criteria" and not pillar.conflicts
    # The other pillars were not described: nothing beyond the floor, no estimate, no conflict.
    for other in report.pillars:
        if other.id != cell["pillar"]:
            assert (other.stage_min, other.stage_max, other.stage_estimate.basis) == (1, 4, "onbepaald")


@pytest.mark.parametrize("cell", PARTIAL, ids=lambda c: f"{c['pillar']}-{c['stage']}")
def test_partial_cell_with_its_own_self_placement_agrees(cell) -> None:
    """The cell's facts plus the cell's own self-placement: no conflict, the same stage."""
    answers = cell["answers"] | {f"zelf_{cell['pillar']}": _STAGE_IDS[cell["stage"] - 1]}
    pillar = zorgadvies.assess({"organisation": {"name": "cel"}, "answers": answers}).pillar(cell["pillar"])
    assert not pillar.conflicts
    assert (pillar.stage if pillar.stage is not None else pillar.stage_estimate.stage) == cell["stage"]


@pytest.mark.parametrize("pillar_id", [c["pillar"] for c in PARTIAL if c["stage"] == 1])
@pytest.mark.parametrize("stage", [1, 2, 3, 4])
def test_each_cells_self_placement_alone_is_the_estimate(pillar_id: str, stage: int) -> None:
    pillar = zorgadvies.assess({"organisation": {"name": "cel"}, "answers": {f"zelf_{pillar_id}": _STAGE_IDS[stage - 1]}}).pillar(pillar_id)
    assert pillar.stage_estimate.stage == stage and pillar.stage_estimate.basis == "zelfinschatting"
    assert pillar.stage_min <= stage <= pillar.stage_max
