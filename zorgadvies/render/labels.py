"""Words several renderers share, so that a stage reads the same in the terminal, a diff and a report."""

from __future__ import annotations

from collections.abc import Mapping

from ..knowledge import KnowledgeBase

__all__ = ["OPERATOR_WORDS", "stage_names", "stage_text"]

#: How a requirement reads before its value(s): "minstens 'Vooral communicatie ...'".
OPERATOR_WORDS = {
    "nl": {"is": "", "is_not": "niet ", "in": "een van ", "not_in": "geen van ", "at_least": "minstens ", "at_most": "hoogstens "},
    "en": {"is": "", "is_not": "not ", "in": "one of ", "not_in": "none of ", "at_least": "at least ", "at_most": "at most "},
}

_UNDETERMINED = {"nl": "onbepaald", "en": "undetermined"}
_AT_LEAST = {"nl": "minstens", "en": "at least"}


def stage_names(kb: KnowledgeBase) -> dict[int, tuple[str, str]]:
    """Stage number -> (Dutch name, English name)."""
    return {s.number: (s.nl, s.en) for s in kb.stages}


def stage_text(stage: int | None, at_least: int | None, names: Mapping[int, tuple[str, str]], lang: str) -> str:
    """``Gedefinieerd (2)``, ``onbepaald (minstens Geïnitieerd)`` or ``onbepaald``."""
    idx = 0 if lang == "nl" else 1
    if stage is not None:
        return f"{names[stage][idx] if stage in names else stage} ({stage})"
    if at_least:
        return f"{_UNDETERMINED[lang]} ({_AT_LEAST[lang]} {names[at_least][idx] if at_least in names else at_least})"
    return _UNDETERMINED[lang]
