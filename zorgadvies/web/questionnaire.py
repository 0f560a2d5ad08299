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
from typing import Any, cast

import attrs
from sqlalchemy import Table, bindparam, select, update

from ..api import Advisor
from ..interview import Interview, Step
from ..livefast import fast_live_questions
from ..quickscan import QuickInterview, quick_questions
from ..store import Store
from ..store.models import Answer, Organisation, Person, Respondent, Round
from .rounds import Closed, NotFound, organisation_document, store_answer
from .security import hash_token, when

__all__ = ["Named", "Questionnaire", "RespondentInterview", "open_questionnaire", "record", "set_completed"]

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


@attrs.frozen
class Named:
    """What a page shows of a stored respondent or organisation: its name."""

    id: int
    name: str


@attrs.define
class Questionnaire:
    """One respondent's questionnaire as loaded from the store (for one request)."""

    respondent: Named
    round_id: int
    closed: bool
    completed: bool
    organisation: Named
    interview: RespondentInterview
    answers: dict[str, Any]
    notes: dict[str, str]

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


# The statements of the hot path, built once (SQLAlchemy caches their compiled form by structure,
# but building a statement costs as much again as running it on SQLite). Core, not the ORM: no
# identity map or unit of work for a handful of columns (docs/performance.md).
_resp, _round, _org, _person, _answer = (cast(Table, model.__table__) for model in (Respondent, Round, Organisation, Person, Answer))
_BY_LINK = (
    select(_resp.c.id, _resp.c.name, _resp.c.revoked_at, _resp.c.completed_at, _round.c.id.label("round_id"),
           _round.c.closed_at, _org.c.id.label("org_id"), _org.c.name.label("org_name"), _org.c.sector, _org.c.employees)
    .join(_round, _round.c.id == _resp.c.round_id)
    .join(_org, _org.c.id == _round.c.organisation_id)
    .where(_resp.c.token_hash == bindparam("token_hash"))
)
_PEOPLE = (select(_person.c.name, _person.c.roles_json, _person.c.disc_json)
           .where(_person.c.organisation_id == bindparam("org_id")).order_by(_person.c.position, _person.c.id))
_ANSWERS = select(_answer.c.question, _answer.c.value_json, _answer.c.note).where(_answer.c.respondent_id == bindparam("resp_id"))
# Whether the link still takes answers (not revoked, round open), and whether it was complete.
_OPEN = (select(_resp.c.completed_at).join(_round, _round.c.id == _resp.c.round_id)
         .where(_resp.c.id == bindparam("resp_id"), _resp.c.revoked_at.is_(None), _round.c.closed_at.is_(None)))
_COMPLETED = update(_resp).where(_resp.c.id == bindparam("resp_id")).values(completed_at=bindparam("completed_at"))


def open_questionnaire(store: Store, adv: Advisor, token: str) -> Questionnaire:
    """The questionnaire of a personal link, in one reading transaction.

    Raises :class:`NotFound` for a link that is not one or is revoked; a closed round is returned
    (the caller shows that it is closed and takes no answers).
    """
    with store.connect(reading=True) as conn:
        found = conn.execute(_BY_LINK, {"token_hash": hash_token(token)}).one_or_none()
        if found is None or found.revoked_at:
            raise NotFound
        listed = conn.execute(_PEOPLE, {"org_id": found.org_id}).all()
        rows = conn.execute(_ANSWERS, {"resp_id": found.id}).all()
    data = organisation_document(found.org_name, found.sector, found.employees, [tuple(p) for p in listed])
    answers = {q: json.loads(v) for q, v, _ in rows}
    notes = {q: n for q, _, n in rows if n}
    # The organisation part is the consultant's: the questionnaire starts at the questions (what the
    # consultant left unknown stays unknown).
    unknown = [f"organisation.{k}" for k in ("sector", "employees") if k not in data["organisation"]]
    interview = RespondentInterview(adv, data=data | {"answers": answers}, state={"people": "done", "unknown": unknown})
    return Questionnaire(Named(found.id, found.name), found.round_id, bool(found.closed_at), bool(found.completed_at),
                         Named(found.org_id, found.org_name), interview, dict(answers), notes)


def record(store: Store, questionnaire: Questionnaire, question: str, value: object, note: str | None,
           finished: bool | None = None) -> None:
    """Store one checked answer with its history entry, in one short writing transaction.

    ``finished`` (when given) records whether the respondent has now answered everything.
    Raises :class:`Closed` when the round closed or the link was revoked in the meantime.
    """
    note = (note or "").strip()[:2000] or None
    resp_id = questionnaire.respondent.id
    with store.connect() as conn:
        still = conn.execute(_OPEN, {"resp_id": resp_id}).one_or_none()
        if still is None:  # the round closed or the link was revoked in the meantime
            raise Closed
        now = when()
        store_answer(conn, questionnaire.round_id, resp_id, question, value, note, f"respondent:{resp_id}", now)
        if finished is not None and bool(still.completed_at) != finished:
            conn.execute(_COMPLETED, {"resp_id": resp_id, "completed_at": now if finished else None})
    if finished is not None:
        questionnaire.completed = finished
    if note:
        questionnaire.notes[question] = note
    else:
        questionnaire.notes.pop(question, None)


def set_completed(store: Store, questionnaire: Questionnaire, finished: bool) -> None:
    """Record whether the respondent has answered everything (a write only when that changes)."""
    if questionnaire.completed == finished:
        return
    with store.connect() as conn:
        conn.execute(_COMPLETED, {"resp_id": questionnaire.respondent.id, "completed_at": when() if finished else None})
    questionnaire.completed = finished
