"""The quick scan: a short interview that gives estimates for all six pillars and a first advice.

``zorgadvies interview --quick`` asks the intake (name, sector, size, the people with their roles
and DISC colours), then at most :data:`QUICK_LIMIT` questions counting sector and size: the six
self-placements (``zelf_<pillar>``), the key-role questions (skipped for a role someone listed
holds) and the few questions that, measured over generated organisations, most often change the
first advice towards the advice on all answers (``knowledge/quickscan.yaml``, written by
``benchmarks/quickscan.py``; see docs/interview.md). It writes an ordinary facts file: ``assess`` reads it, and the full interview
resumes from it (``zorgadvies interview --resume FILE``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .api import Advisor
from .errors import KnowledgeError, did_you_mean
from .facts import ROLE_QUESTIONS
from .interview import Interview
from .knowledge import KnowledgeBase
from .schema import Checker
from .stages import SELF_PLACEMENT_PREFIX
from .yamlio import load_document
from .messages import t

__all__ = ["QUICK_LIMIT", "QuickInterview", "base_questions", "measured_questions", "quick_questions"]

#: The most questions the quick scan asks, sector and size included (issue 9 point 3).
QUICK_LIMIT = 15
#: Intake questions that count towards the limit: sector and size.
_INTAKE_COUNTED = 2


def base_questions(kb: KnowledgeBase) -> tuple[str, ...]:
    """The self-placements and the key-role questions, in questionnaire order."""
    wanted = {f"{SELF_PLACEMENT_PREFIX}{p.id}" for p in kb.pillars} | set(ROLE_QUESTIONS.values())
    return tuple(q for q in kb.questions if q in wanted)


def measured_questions(kb: KnowledgeBase) -> tuple[str, ...]:
    """The measured questions of ``knowledge/quickscan.yaml``, checked against the questionnaire."""
    doc = load_document(Path(kb.root) / "quickscan.yaml", make_error=KnowledgeError)
    check = Checker(doc, KnowledgeError)
    raw = check.mapping(doc.data, "")
    check.keys(raw, "", ["questions"], ["measured"])
    result: list[str] = []
    for i, item in enumerate(check.sequence(raw["questions"], "questions")):
        entry = check.mapping(item, f"questions.{i}")
        check.keys(entry, f"questions.{i}", ["id"], ["changes_focus", "closer_to_full"])
        qid = check.text(entry["id"], f"questions.{i}.id")
        if qid not in kb.questions:
            raise check.fail(f"questions.{i}.id", t("common.unknown_question_id", qid=qid), did_you_mean(qid, kb.questions))
        if qid in result:
            raise check.fail(f"questions.{i}.id", t("quickscan.question_listed_twice", qid=qid))
        result.append(qid)
    return tuple(result)


def quick_questions(kb: KnowledgeBase) -> tuple[str, ...]:
    """Everything the quick scan may ask after the intake, in the order it asks (within the limit)."""
    base = base_questions(kb)
    extra = [q for q in measured_questions(kb) if q not in base]
    room = max(0, QUICK_LIMIT - _INTAKE_COUNTED - len(base))
    return base + tuple(extra[:room])


class QuickInterview(Interview):
    """The interview restricted to :func:`quick_questions` (the intake is the same).

    With ``meta`` it asks the assessment block too, but not the targets: a first conversation
    sets no targets (the full interview asks them when it resumes from the quick scan's file).
    """

    asks_targets = False

    def __init__(self, adv: Advisor, **kwargs: Any) -> None:
        super().__init__(adv, **kwargs)
        self.quick = quick_questions(self.kb)

    def _skipped(self) -> set[str]:
        # Asking whether there is a Hoofd Innovatie is pointless once someone listed holds the role.
        facts = self.facts() if self.people else None
        return {q for role, q in ROLE_QUESTIONS.items() if facts is not None and facts.holders(role)}

    def remaining(self) -> list[str]:
        answered, skipped = self.answered(), self._skipped()
        return [q for q in self.quick if q not in answered and q not in skipped]

    def progress(self) -> tuple[int, int]:
        answered, skipped = self.answered(), self._skipped()
        asked = [q for q in self.quick if q not in skipped]
        return sum(1 for q in asked if q in answered), len(asked)
