"""A respondent's questionnaire behind a personal link: what to ask next, and saving an answer.

The order is the terminal's: the quick scan's questions first (``zorgadvies interview --quick``:
the self-placements, the key-role questions, the measured few; see docs/interview.md), then every
other question that can still change a conclusion, in interview order — what ``zorgadvies
interview --resume`` asks after a quick scan (:class:`RespondentInterview`). A respondent who stops
early has given the answers that say the most.

Answering is on the hot path of a round (docs/performance.md): one reading transaction loads the
respondent, the organisation and the answers (:func:`open_questionnaire`); the answer is checked
and the next question decided in memory, without the engine (:mod:`zorgadvies.livefast`); one short
writing transaction records the answer with its history entry (:func:`record`). On SQLite the
write lock is held only for that last step.
"""

from __future__ import annotations

import json
import threading
from typing import Any

import attrs
from sqlalchemy import select

from ..api import Advisor
from ..interview import Interview, Step
from ..livefast import fast_live_questions
from ..quickscan import QuickInterview, quick_questions
from ..store import Store
from ..store.models import Answer, AnswerChange, Organisation, Respondent, Round
from .rounds import Closed, NotFound, organisation_data
from .security import hash_token, when

__all__ = ["Questionnaire", "RespondentInterview", "open_questionnaire", "record", "set_completed"]

_quick: dict[str, tuple[str, ...]] = {}
_quick_lock = threading.Lock()


def _quick_questions(adv: Advisor) -> tuple[str, ...]:
    """:func:`quick_questions` of the advisor's knowledge, read once per process (it reads a file)."""
    with _quick_lock:
        found = _quick.get(adv.sha256)
        if found is None:
            found = _quick[adv.sha256] = quick_questions(adv.kb)
    return found


class RespondentInterview(QuickInterview):
    """The quick scan, then the rest of the interview: the questions in the order a respondent gets them.

    Answers, checks and steps are the interview's own; only the order of the questionnaire part
    differs from :class:`~zorgadvies.interview.Interview` (the quick scan's questions come first), and
    what can still change a conclusion is computed by :func:`~zorgadvies.livefast.fast_live_questions`
    (the same set as the engine gives, cheaper).
    """

    inline_notes = False  # the form has a note field of its own

    def __init__(self, adv: Advisor, **kwargs: Any) -> None:
        Interview.__init__(self, adv, **kwargs)  # not QuickInterview's: it reads the quick scan's file again
        self.quick = _quick_questions(adv)
        self._facts_memo: tuple[str, Any] | None = None

    def facts(self) -> Any:
        # Checking an answer and deciding what is live both need the facts: validate them once.
        key = json.dumps(self.data(), sort_keys=True, ensure_ascii=False, default=str)
        if self._facts_memo is None or self._facts_memo[0] != key:
            self._facts_memo = (key, super().facts())
        return self._facts_memo[1]

    def live(self) -> set[str]:
        if self._live is None:
            self._live = fast_live_questions(self.adv, self.facts())
        return self._live

    def remaining(self) -> list[str]:
        """The quick scan's open questions, then the other live ones in knowledge-base order."""
        quick = QuickInterview.remaining(self)
        return quick + [q for q in Interview.remaining(self) if q not in quick]

    def progress(self) -> tuple[int, int]:
        """(questions answered, answered + still to ask)."""
        answered = len(self.answered())
        return answered, answered + len(self.remaining())


@attrs.define
class Questionnaire:
    """One respondent's questionnaire as loaded from the store (for one request)."""

    respondent: Respondent
    round: Round
    organisation: Organisation
    interview: RespondentInterview
    answers: dict[str, Any]
    notes: dict[str, str]

    @property
    def closed(self) -> bool:
        return bool(self.round.closed_at)

    def next_step(self) -> Step | None:
        """The next question, or None when nothing that can change a conclusion is left to ask."""
        return self.interview.next()

    def step(self, question: str) -> Step:
        """The step of ``question`` (to change its answer); AnswerError for an unknown id, NotFound for no question."""
        step = self.interview.step(question)
        if not step.is_question:
            raise NotFound
        return step

    def answer(self, question: str, raw: str) -> object:
        """Check ``raw`` as the answer to ``question`` (AnswerError if it does not fit) and take it in."""
        value = self.interview.answer(self.step(question), raw)
        self.answers[question] = value
        return value


def open_questionnaire(store: Store, adv: Advisor, token: str) -> Questionnaire:
    """The questionnaire of a personal link, in one reading transaction.

    Raises :class:`NotFound` for a link that is not one or is revoked; a closed round is returned
    (the caller shows that it is closed and takes no answers).
    """
    with store.read() as session:
        found = session.execute(
            select(Respondent, Round, Organisation)
            .join(Round, Round.id == Respondent.round_id)
            .join(Organisation, Organisation.id == Round.organisation_id)
            .where(Respondent.token_hash == hash_token(token))
        ).one_or_none()
        if found is None or found[0].revoked_at:
            raise NotFound
        resp, rnd, org = found
        data = organisation_data(session, org)
        rows = session.execute(select(Answer.question, Answer.value_json, Answer.note).where(Answer.respondent_id == resp.id)).all()
    answers = {q: json.loads(v) for q, v, _ in rows}
    notes = {q: n for q, _, n in rows if n}
    # The organisation part is the consultant's: the questionnaire starts at the questions (what the
    # consultant left unknown stays unknown).
    unknown = [f"organisation.{k}" for k in ("sector", "employees") if k not in data["organisation"]]
    interview = RespondentInterview(adv, data=data | {"answers": answers}, state={"people": "done", "unknown": unknown})
    return Questionnaire(resp, rnd, org, interview, dict(answers), notes)


def record(store: Store, questionnaire: Questionnaire, question: str, value: object, note: str | None,
           finished: bool | None = None) -> None:
    """Store one checked answer with its history entry, in one short writing transaction.

    ``finished`` (when given) records whether the respondent has now answered everything.
    Raises :class:`Closed` when the round closed or the link was revoked in the meantime.
    """
    note = (note or "").strip()[:2000] or None
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    resp_id, round_id = questionnaire.respondent.id, questionnaire.round.id
    with store.session() as session:
        resp = session.execute(
            select(Respondent).join(Round, Round.id == Respondent.round_id)
            .where(Respondent.id == resp_id, Respondent.revoked_at.is_(None), Round.closed_at.is_(None))
        ).scalar_one_or_none()
        if resp is None:  # the round closed or the link was revoked in the meantime
            raise Closed
        now = when()
        row = session.execute(select(Answer).where(Answer.respondent_id == resp_id, Answer.question == question)).scalar_one_or_none()
        changed = True
        if row is None:
            session.add(Answer(respondent_id=resp_id, question=question, value_json=text, note=note, updated_at=now))
        elif (row.value_json, row.note) != (text, note):
            row.value_json, row.note, row.updated_at = text, note, now
        else:
            changed = False  # unchanged: no history entry
        if changed:
            session.add(AnswerChange(round_id=round_id, respondent_id=resp_id, question=question, value_json=text, note=note,
                                     actor=f"respondent:{resp_id}", changed_at=now))
        if finished is not None:
            _complete(resp, finished)
    if note:
        questionnaire.notes[question] = note
    else:
        questionnaire.notes.pop(question, None)


def set_completed(store: Store, questionnaire: Questionnaire, finished: bool) -> None:
    """Record whether the respondent has answered everything (a write only when that changes)."""
    if bool(questionnaire.respondent.completed_at) == finished:
        return
    with store.session() as session:
        resp = session.get(Respondent, questionnaire.respondent.id)
        if resp is not None:
            _complete(resp, finished)


def _complete(resp: Respondent, finished: bool) -> None:
    if finished and not resp.completed_at:
        resp.completed_at = when()
    elif not finished:
        resp.completed_at = None
