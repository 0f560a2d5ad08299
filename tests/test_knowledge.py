"""The knowledge base and rule packs are complete and cross-referenced."""

from __future__ import annotations

import pytest

from zorgadvies.api import advisor
from zorgadvies.knowledge import PILLAR_IDS
from zorgadvies.logic import conditions

_ADV = advisor()
KB = _ADV.kb
PACK = _ADV.pack


def test_five_source_documents_with_sections() -> None:
    assert [d.id for d in KB.documents] == [
        "innovatiepijler",
        "sociale-innovatie",
        "ontwikkelmodel",
        "twaalf-cases",
        "organiseren-om-te-innoveren",
    ]
    assert all(d.sections for d in KB.documents)


def test_six_pillars_four_stages_and_24_cells() -> None:
    assert [p.id for p in KB.pillars] == list(PILLAR_IDS)
    assert [s.nl for s in KB.stages] == ["Geïnitieerd", "Gedefinieerd", "Georganiseerd", "Geoptimaliseerd"]
    assert all(set(p.cells) == {1, 2, 3, 4} for p in KB.pillars)


@pytest.mark.parametrize("rule", PACK.rules, ids=lambda r: r.id)
def test_rule_cites_existing_sections(rule) -> None:
    assert rule.sources
    assert all(ref in KB.sections for ref in rule.sources)


@pytest.mark.parametrize("pillar", PILLAR_IDS)
@pytest.mark.parametrize("stage", [1, 2, 3, 4])
def test_every_cell_has_criteria(pillar: str, stage: int) -> None:
    assert PACK.criteria(pillar, stage)


def test_innovatie_criteria_rest_on_seed_000_as_well() -> None:
    for stage in (2, 3, 4):
        refs = {ref for rule in PACK.criteria("innovatie", stage) for ref in rule.sources}
        assert any(ref.startswith("innovatiepijler#") for ref in refs), stage


def test_every_pillar_question_is_used_by_a_rule() -> None:
    used = {c.subject for rule in PACK.rules for c in conditions(rule.when)}
    pillar_questions = {q.id for q in KB.questions.values() if set(q.informs) & set(PILLAR_IDS) and q.id[:3] in ("mp_", "kf_", "inn", "mer", "met", "cl_")}
    assert pillar_questions - used == set()


def test_questions_have_texts_in_both_languages() -> None:
    for q in KB.questions.values():
        assert q.nl and q.en and q.help_nl and q.help_en, q.id
        assert q.sources, q.id
