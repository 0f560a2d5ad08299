"""Words several renderers share, so that a stage reads the same in the terminal, a diff and a report."""

from __future__ import annotations

from collections.abc import Mapping

from ..knowledge import KnowledgeBase

__all__ = ["ESTIMATE_WORDS", "OPERATOR_WORDS", "bounds_text", "stage_names", "stage_text"]

#: How a requirement reads before its value(s): "minstens 'Vooral communicatie ...'".
OPERATOR_WORDS = {
    "nl": {"is": "", "is_not": "niet ", "in": "een van ", "not_in": "geen van ", "at_least": "minstens ", "at_most": "hoogstens "},
    "en": {"is": "", "is_not": "not ", "in": "one of ", "not_in": "none of ", "at_least": "at least ", "at_most": "at most "},
}

_UNDETERMINED = {"nl": "onbepaald", "en": "undetermined"}
_AT_LEAST = {"nl": "minstens", "en": "at least"}
_AT_MOST = {"nl": "hoogstens", "en": "at most"}
_ESTIMATE = {"nl": "schatting", "en": "estimate"}

#: How the basis of a stage estimate reads: an estimate never reads like an established stage.
ESTIMATE_WORDS = {
    "nl": {"criteria": "op grond van de criteria die al voldaan zijn", "zelfinschatting": "zelfinschatting", "onbepaald": "geen schatting"},
    "en": {"criteria": "from the criteria already met", "zelfinschatting": "self-placement", "onbepaald": "no estimate"},
}


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


def bounds_text(
    stage: int | None, stage_min: int, stage_max: int, estimate: int | None, basis: str, names: Mapping[int, tuple[str, str]], lang: str
) -> str:
    """``Gedefinieerd (2)`` when established; otherwise the interval and, apart, the estimate:
    ``onbepaald: minstens 2, hoogstens 3; schatting: Georganiseerd (3) (zelfinschatting)``."""
    if stage is not None:
        return stage_text(stage, None, names, lang)
    idx = 0 if lang == "nl" else 1
    text = f"{_UNDETERMINED[lang]}: {_AT_LEAST[lang]} {stage_min}, {_AT_MOST[lang]} {stage_max}"
    if estimate is not None:
        name = names[estimate][idx] if estimate in names else str(estimate)
        text += f"; {_ESTIMATE[lang]}: {name} ({estimate}) ({ESTIMATE_WORDS[lang][basis]})"
    return text
