"""Organisations, assessment rounds, respondents and their answers, on the store.

These functions hold what the web app does with the data; the verdicts come from the library:
a round's facts (:func:`round_facts`) are an ordinary facts mapping with respondents and the
consultant's consensus answers, assessed by :class:`zorgadvies.api.Advisor`, and a respondent's
questionnaire is in :mod:`zorgadvies.web.questionnaire`.

Every lookup takes the consultant's account id: an organisation of another consultant is
:class:`NotFound`, exactly as one that does not exist.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

import attrs
from sqlalchemy import Connection, Table, delete, func, insert, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..api import Advisor
from ..facts import DISC_COLOURS, ROLES, SECTORS
from ..interview import Interview
from ..report import Report
from ..store.models import Answer, AnswerChange, Assessment, Consensus, Note, Organisation, Person, Respondent, Round
from .security import hash_token, new_token, when

__all__ = [
    "Closed",
    "NotFound",
    "RoundView",
    "add_note",
    "add_person",
    "add_respondent",
    "add_workbook_respondent",
    "close_round",
    "create_organisation",
    "create_round",
    "delete_organisation",
    "get_organisation",
    "get_round",
    "list_organisations",
    "organisation_data",
    "organisation_document",
    "organisation_export",
    "previous_assessment",
    "questionnaire",
    "round_facts",
    "round_view",
    "revoke_respondent",
    "set_consensus",
    "store_answer",
]


class NotFound(LookupError):
    """Not there, or not this consultant's (the two are not told apart)."""


class Closed(Exception):
    """The round is closed (or the link revoked): it takes no answers."""


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _clean(text: str, limit: int = 200) -> str:
    return " ".join(text.split())[:limit]


# -- organisations --------------------------------------------------------------------------------


def list_organisations(session: Session, account_id: int) -> Sequence[Organisation]:
    return session.execute(
        select(Organisation).where(Organisation.owner_id == account_id).order_by(Organisation.name, Organisation.id)
    ).scalars().all()


#: Row ids are 32-bit integers on both databases; a larger number in a URL is simply not there.
_MAX_ID = 2**31 - 1


def _valid_id(n: int) -> bool:
    return 1 <= n <= _MAX_ID


def get_organisation(session: Session, account_id: int, org_id: int) -> Organisation:
    org = session.get(Organisation, org_id) if _valid_id(org_id) else None
    if org is None or org.owner_id != account_id:
        raise NotFound
    return org


def create_organisation(session: Session, account_id: int, name: str, sector: str | None, employees: int | None) -> Organisation:
    name = _clean(name)
    if not name:
        raise ValueError("geef de naam van de organisatie")
    if sector is not None and sector not in SECTORS:
        raise ValueError(f"onbekende sector '{sector}'")
    if employees is not None and not 0 <= employees <= 10_000_000:
        raise ValueError("aantal medewerkers moet tussen 0 en 10.000.000 liggen")
    org = Organisation(owner_id=account_id, name=name, sector=sector, employees=employees, created_at=when())
    session.add(org)
    session.flush()
    return org


def people(session: Session, org: Organisation) -> Sequence[Person]:
    return session.execute(select(Person).where(Person.organisation_id == org.id).order_by(Person.position, Person.id)).scalars().all()


def add_person(session: Session, org: Organisation, name: str, roles: Sequence[str], disc: Sequence[str]) -> Person:
    name = _clean(name)
    if not name:
        raise ValueError("geef de naam van de persoon")
    bad = [r for r in roles if r not in ROLES] + [c for c in disc if c not in DISC_COLOURS]
    if bad:
        raise ValueError(f"onbekende rol of kleur '{bad[0]}'")
    if not roles:
        raise ValueError("kies minstens één rol")
    position = session.execute(select(func.count()).select_from(Person).where(Person.organisation_id == org.id)).scalar_one()
    person = Person(organisation_id=org.id, position=position, name=name, roles_json=_dump(list(dict.fromkeys(roles))),
                    disc_json=_dump(list(dict.fromkeys(disc))) if disc else None)
    session.add(person)
    session.flush()
    return person


def delete_organisation(session: Session, org: Organisation) -> None:
    """The organisation with everything about it: people, rounds, respondents, answers, notes, history."""
    session.execute(delete(Assessment).where(Assessment.organisation_id == org.id))
    session.delete(org)  # the database cascades to people, rounds and all below them
    session.flush()


# -- rounds ---------------------------------------------------------------------------------------


def rounds_of(session: Session, org: Organisation) -> Sequence[Round]:
    return session.execute(select(Round).where(Round.organisation_id == org.id).order_by(Round.created_at, Round.id)).scalars().all()


def create_round(session: Session, org: Organisation, name: str) -> Round:
    name = _clean(name) or "Ronde"
    rnd = Round(organisation_id=org.id, name=name, created_at=when())
    session.add(rnd)
    session.flush()
    return rnd


def get_round(session: Session, account_id: int, round_id: int) -> tuple[Round, Organisation]:
    rnd = session.get(Round, round_id) if _valid_id(round_id) else None
    if rnd is None:
        raise NotFound
    return rnd, get_organisation(session, account_id, rnd.organisation_id)


def respondents_of(session: Session, rnd: Round) -> Sequence[Respondent]:
    return session.execute(select(Respondent).where(Respondent.round_id == rnd.id).order_by(Respondent.id)).scalars().all()


def add_respondent(session: Session, rnd: Round, name: str, role: str | None) -> tuple[Respondent, str]:
    """A respondent with a new personal link; returns it and the token (shown once, stored hashed)."""
    if rnd.closed_at:
        raise Closed
    name = _clean(name)
    if not name:
        raise ValueError("geef de naam van de respondent")
    if role is not None and role not in ROLES:
        raise ValueError(f"onbekende rol '{role}'")
    if any(r.name == name for r in respondents_of(session, rnd)):
        raise ValueError(f"er is al een respondent '{name}' in deze ronde")
    token = new_token()
    resp = Respondent(round_id=rnd.id, name=name, role=role, token_hash=hash_token(token), created_at=when())
    session.add(resp)
    session.flush()
    return resp, token


def add_workbook_respondent(session: Session, adv: Advisor, rnd: Round, org: Organisation, account_id: int,
                            workbook: bytes, filename: str) -> tuple[Respondent, int]:
    """A respondent who filled in the questionnaire workbook (``zorgadvies vragenlijst``) instead of a link.

    The workbook is read as ``zorgadvies assess --werkmap`` reads it (:func:`zorgadvies.workbook.read_workbook`:
    one clear error naming the sheet and cell of what does not fit); it must be of this
    organisation. Its respondent (name and role from the Gegevens sheet) joins the round with the
    answers and notes given, each kept in the answer history as entered by the consultant, and
    counts as done. A note beside a question left open becomes a note of the round on that
    question. Returns the respondent and the number of answers. ``InputError`` for a workbook
    that does not fit, ``ValueError`` for one of another organisation or a name already in the round.
    """
    from ..workbook import read_workbook

    if rnd.closed_at:
        raise Closed
    read = read_workbook(workbook, adv.kb, name=_clean(filename, 100) or "werkmap.xlsx")
    if _clean(read["organisation"]).casefold() != _clean(org.name).casefold():
        raise ValueError(f"deze werkmap is van '{_clean(read['organisation'])}', niet van '{org.name}' (Gegevens!B1)")
    resp, _token = add_respondent(session, rnd, read["name"], read["role"])  # the link is not shown: nobody needs it
    now = when()
    conn = session.connection()
    for question, value in read["answers"].items():
        store_answer(conn, rnd.id, resp.id, question, value, read["notes"].get(question), f"account:{account_id}", now)
    for question, note in read["notes"].items():
        if question not in read["answers"]:
            add_note(session, rnd, account_id, f"{resp.name}: {note}", question)
    resp.completed_at = now
    session.flush()
    return resp, len(read["answers"])


def get_respondent(session: Session, rnd: Round, respondent_id: int) -> Respondent:
    resp = session.get(Respondent, respondent_id) if _valid_id(respondent_id) else None
    if resp is None or resp.round_id != rnd.id:
        raise NotFound
    return resp


def revoke_respondent(session: Session, resp: Respondent) -> None:
    resp.revoked_at = resp.revoked_at or when()


_answers, _changes = cast(Table, Answer.__table__), cast(Table, AnswerChange.__table__)
_CHANGE = insert(_changes)
_upserts: dict[str, Any] = {}


def _upsert(dialect: str) -> Any:
    """Insert the answer, or update it when its value or note differs: a row counts only when stored.

    One statement (``INSERT ... ON CONFLICT DO UPDATE ... WHERE``) instead of a read and a write:
    on PostgreSQL one round trip fewer. It returns a row when the answer was inserted or changed
    and none when it was the same: then no history entry is written. (RETURNING needs SQLite 3.35,
    from 2021; Python 3.11's own builds and the supported Linux distributions have it.)
    """
    found = _upserts.get(dialect)
    if found is None:
        stmt = (sqlite_insert if dialect == "sqlite" else pg_insert)(_answers)
        found = _upserts[dialect] = stmt.on_conflict_do_update(
            index_elements=[_answers.c.respondent_id, _answers.c.question],
            set_={"value_json": stmt.excluded.value_json, "note": stmt.excluded.note, "updated_at": stmt.excluded.updated_at},
            where=or_(_answers.c.value_json.is_distinct_from(stmt.excluded.value_json),
                      _answers.c.note.is_distinct_from(stmt.excluded.note)),
        ).returning(_answers.c.id)  # not the row count: through psycopg it was -1 for this statement
    return found


def store_answer(conn: Connection, round_id: int, respondent_id: int, question: str, value: object, note: str | None,
                 actor: str, now: str) -> bool:
    """Store a respondent's answer with its history row (``actor``: who, ``now``: when), in the
    caller's transaction: the one place where answers are written (a respondent's questionnaire,
    an uploaded workbook). The same value and note again change nothing and leave no history
    row; returns whether anything was stored."""
    text = _dump(value)
    stored = conn.execute(_upsert(conn.dialect.name), {"respondent_id": respondent_id, "question": question,
                                                      "value_json": text, "note": note, "updated_at": now})
    if stored.first() is None:
        return False
    conn.execute(_CHANGE, {"round_id": round_id, "respondent_id": respondent_id, "question": question,
                           "value_json": text, "note": note, "actor": actor, "changed_at": now})
    return True


def answers_of(session: Session, resp: Respondent) -> dict[str, Any]:
    rows = session.execute(select(Answer).where(Answer.respondent_id == resp.id)).scalars().all()
    return {row.question: json.loads(row.value_json) for row in rows}


def notes_of(session: Session, resp: Respondent) -> dict[str, str]:
    rows = session.execute(select(Answer).where(Answer.respondent_id == resp.id, Answer.note.is_not(None))).scalars().all()
    return {row.question: row.note for row in rows if row.note}


def organisation_data(session: Session, org: Organisation) -> dict[str, Any]:
    """The organisation part of a facts document: the organisation and its people, as the consultant entered them."""
    return organisation_document(org.name, org.sector, org.employees,
                                 [(p.name, p.roles_json, p.disc_json) for p in people(session, org)])


def organisation_document(name: str, sector: str | None, employees: int | None,
                          listed: Sequence[tuple[str, str, str | None]]) -> dict[str, Any]:
    """:func:`organisation_data` from stored values: (name, roles JSON, DISC JSON or None) per person, in order."""
    data: dict[str, Any] = {"organisation": {"name": name}}
    if sector:
        data["organisation"]["sector"] = sector
    if employees is not None:
        data["organisation"]["employees"] = employees
    if listed:
        data["people"] = [
            {"name": person, "roles": json.loads(roles)} | ({"disc": json.loads(disc)} if disc else {})
            for person, roles, disc in listed
        ]
    return data


# -- the consultant's part of a round -------------------------------------------------------------


def consensus_of(session: Session, rnd: Round) -> dict[str, Any]:
    rows = session.execute(select(Consensus).where(Consensus.round_id == rnd.id).order_by(Consensus.question)).scalars().all()
    return {row.question: json.loads(row.value_json) for row in rows}


def set_consensus(session: Session, adv: Advisor, rnd: Round, account_id: int, question: str, value: str, note: str | None) -> None:
    """Record (or with an empty value withdraw) the consensus answer to ``question``."""
    if rnd.closed_at:
        raise Closed
    q = adv.kb.questions.get(question)
    if q is None:
        raise NotFound
    row = session.execute(select(Consensus).where(Consensus.round_id == rnd.id, Consensus.question == question)).scalar_one_or_none()
    now = when()
    note = (note or "").strip()[:2000] or None
    if not value:
        if row is not None:
            session.delete(row)
            session.add(AnswerChange(round_id=rnd.id, question=question, value_json=None, note=note, actor=f"account:{account_id}", changed_at=now))
        return
    # The same checks as any answer: the interview reads the value as it reads a typed answer.
    checker = Interview(adv, data={"organisation": {"name": "?"}, "answers": {}}, state={"people": "done", "unknown": ["organisation.sector", "organisation.employees"]})
    checker.inline_notes = False  # the form has its own note field; "12 # x" is not a number here
    parsed = checker.answer(checker.step(question), value)
    text = _dump(parsed)
    if row is None:
        session.add(Consensus(round_id=rnd.id, question=question, value_json=text, note=note, account_id=account_id, updated_at=now))
    else:
        row.value_json, row.note, row.account_id, row.updated_at = text, note, account_id, now
    session.add(AnswerChange(round_id=rnd.id, question=question, value_json=text, note=note, actor=f"account:{account_id}", changed_at=now))
    session.flush()


def add_note(session: Session, rnd: Round, account_id: int, text: str, question: str | None = None) -> None:
    text = text.strip()[:5000]
    if not text:
        raise ValueError("een lege notitie is niet opgeslagen")
    session.add(Note(round_id=rnd.id, question=question or None, text=text, account_id=account_id, created_at=when()))


def round_facts(session: Session, rnd: Round, org: Organisation) -> dict[str, Any]:
    """The round as a facts mapping (input format): organisation, people, respondents, consensus."""
    data = organisation_data(session, org)
    respondents = []
    for resp in respondents_of(session, rnd):
        if resp.revoked_at:
            continue
        answers = answers_of(session, resp)
        if answers:
            respondents.append({"name": resp.name} | ({"role": resp.role} if resp.role else {}) | {"answers": answers})
    if respondents:
        data["respondents"] = respondents
    data["answers"] = consensus_of(session, rnd)
    return data


@attrs.frozen
class RoundView:
    """What the round page shows, computed by the library (the template only lays it out)."""

    report: Report
    facts: dict[str, Any]
    completion: list[tuple[Respondent, int]]  # respondent, questions answered
    #: Per pillar: name, bounds (the words of render.labels.bounds_text, as the text report says them),
    #: stage_min/stage_max, texts of the disputed questions it rests on, conflicts in words, and the
    #: previous assessment's stage with the change (None without a previous one).
    pillars: list[dict[str, Any]]
    disputes: list[dict[str, Any]]  # question, text, answers [(name, label)], combined label, consensus, current
    options: dict[str, list[tuple[str, str]]]  # disputed question -> (value, label) for the consensus form
    consensus: list[dict[str, Any]]  # every consensus answer recorded: question text, answer label, note, when
    previous: str | None = None  # when the previous assessment was saved


def previous_assessment(session: Session, org: Organisation, rnd: Round) -> Assessment | None:
    """The organisation's latest saved assessment before this round's own (a closed round's is excluded)."""
    saved = history_of(session, org)
    own = next((a for a in saved if a.round_id == rnd.id), None)
    earlier = [a for a in saved if a.round_id != rnd.id and (own is None or (a.saved_at, a.id) < (own.saved_at, own.id))]
    return earlier[-1] if earlier else None


def _pillar_rows(adv: Advisor, report: Report, previous: Assessment | None) -> list[dict[str, Any]]:
    from ..render.context import report_context
    from ..render.labels import bounds_text, stage_names, stage_text
    from ..render.options import RenderOptions
    from ..tracking import change_words, diff_reports

    names = stage_names(adv.kb)
    # The conflicts in the client report's words (the report's view model tells them).
    worded = {p["id"]: p for p in report_context(report, adv.kb, "nl", RenderOptions())["pillars"]}
    changes = {c.id: c for c in diff_reports(json.loads(previous.report_json), report).pillars} if previous else {}
    words = change_words("nl")
    rows = []
    for p in report.pillars:
        est = p.stage_estimate
        change = changes.get(p.id)
        rows.append({
            "id": p.id,
            "name": adv.kb.pillar(p.id).name("nl"),
            "bounds": bounds_text(p.stage, p.stage_min, p.stage_max, est.stage, est.basis, names, "nl"),
            "established": p.stage is not None,
            "stage_min": p.stage_min,
            "stage_max": p.stage_max,
            "disputed": [adv.kb.questions[q].text("nl") for q in p.disputed],
            "conflicts": [c["text"] for c in worded[p.id]["conflicts"]],
            "previous": stage_text(change.old_stage, change.old_at_least, names, "nl") if change and change.in_old else None,
            "change": words[change.change] if change else None,
        })
    return rows


def round_view(session: Session, adv: Advisor, rnd: Round, org: Organisation) -> RoundView:
    """The round as the consultant sees it: the library's report on the round's facts, in words."""
    facts = round_facts(session, rnd, org)
    report = adv.assess(facts)
    # Answered per respondent, counted in the database: the remaining questions per respondent would
    # cost an engine run each on every page view (the respondent's own page shows them).
    counts = dict(session.execute(
        select(Answer.respondent_id, func.count()).join(Respondent, Respondent.id == Answer.respondent_id)
        .where(Respondent.round_id == rnd.id).group_by(Answer.respondent_id)
    ).all())
    completion = [(resp, int(counts.get(resp.id, 0))) for resp in respondents_of(session, rnd)]
    previous = previous_assessment(session, org, rnd)
    labels = answer_labels(adv)
    settled = consensus_of(session, rnd)
    disputes, options = [], {}
    for d in (report.respondents or {}).get("disputed", []):
        q = d["question"]
        label = labels.get(q, {})
        disputes.append({
            "question": q,
            "text": adv.kb.questions[q].text("nl"),
            "answers": [(name, label.get(str(v), str(v))) for name, v in d["answers"].items()],
            "combined": label.get(str(d["combined"]), str(d["combined"])),
            "consensus": d["consensus"],
            "current": str(settled[q]) if q in settled else "",  # preselected in the consensus form
        })
        options[q] = [(v, t) for v, t in label.items() if v not in ("ja", "nee") or adv.kb.questions[q].type == "boolean"]
    rows = session.execute(select(Consensus).where(Consensus.round_id == rnd.id).order_by(Consensus.question)).scalars().all()
    consensus = [
        {"question": row.question, "text": adv.kb.questions[row.question].text("nl") if row.question in adv.kb.questions else row.question,
         "answer": labels.get(row.question, {}).get(str(value := json.loads(row.value_json)), str(value)), "note": row.note,
         "at": row.updated_at}
        for row in rows
    ]
    return RoundView(report, facts, completion, _pillar_rows(adv, report, previous), disputes, options, consensus,
                     previous.saved_at if previous else None)


def close_round(session: Session, adv: Advisor, rnd: Round, org: Organisation) -> Report:
    """Close the round (its links stop taking answers) and save its assessment in the history."""
    if rnd.closed_at:
        raise Closed
    report = adv.assess(round_facts(session, rnd, org))
    rnd.closed_at = when()
    session.flush()
    # The history row is written in the same transaction (the CLI's `history` shows it too).
    session.add(Assessment(
        organisation=report.organisation["name"], saved_at=rnd.closed_at, knowledge_version=report.knowledge_version,
        knowledge_sha256=report.knowledge_sha256, facts_digest=None,
        report_json=json.dumps(report.to_dict(), ensure_ascii=False), organisation_id=org.id, round_id=rnd.id,
    ))
    return report


def history_of(session: Session, org: Organisation) -> Sequence[Assessment]:
    """Saved assessments of the organisation: its closed rounds and CLI saves under the same name."""
    return session.execute(
        select(Assessment).where((Assessment.organisation_id == org.id) | ((Assessment.organisation_id.is_(None)) & (Assessment.organisation == org.name)))
        .order_by(Assessment.saved_at, Assessment.id)
    ).scalars().all()


def organisation_export(session: Session, org: Organisation) -> dict[str, Any]:
    """Everything stored about an organisation, for an AVG access request (docs/privacy.md)."""
    result: dict[str, Any] = organisation_data(session, org)
    result["rounds"] = []
    for rnd in rounds_of(session, org):
        changes = session.execute(select(AnswerChange).where(AnswerChange.round_id == rnd.id).order_by(AnswerChange.id)).scalars().all()
        notes = session.execute(select(Note).where(Note.round_id == rnd.id).order_by(Note.id)).scalars().all()
        result["rounds"].append({
            "name": rnd.name, "created_at": rnd.created_at, "closed_at": rnd.closed_at,
            "facts": round_facts(session, rnd, org),
            "respondents": [
                {"name": r.name, "role": r.role, "created_at": r.created_at, "revoked_at": r.revoked_at,
                 "completed_at": r.completed_at, "notes": notes_of(session, r)}
                for r in respondents_of(session, rnd)
            ],
            "answer_changes": [
                {"question": c.question, "value": None if c.value_json is None else json.loads(c.value_json), "note": c.note,
                 "actor": c.actor, "at": c.changed_at}
                for c in changes
            ],
            "notes": [{"question": n.question, "text": n.text, "at": n.created_at} for n in notes],
        })
    result["assessments"] = [{"saved_at": a.saved_at, "report": json.loads(a.report_json)} for a in history_of(session, org)]
    return result


def peer_view_of(session: Session, adv: Advisor, account_id: int) -> dict[str, Any]:
    """The batch peer view over the consultant's organisations (their latest saved assessment each).

    Shown from five organisations on (``zorgadvies.batch.DEFAULT_MIN_GROUP``), as in ``batch``.
    """
    from ..batch import BatchResult, peer_view

    results = []
    for org in list_organisations(session, account_id):
        saved = history_of(session, org)
        if not saved:
            continue
        report = json.loads(saved[-1].report_json)
        summary = {
            "name": report["organisation"]["name"],
            "stages": {p["id"]: p.get("stage") for p in report.get("pillars", [])},
        }
        results.append(BatchResult(source=f"organisation {org.id}", summary=summary, name=org.name))
    names = {p.id: (p.name("nl"), p.name("en")) for p in adv.kb.pillars}
    return peer_view(results, pillar_names=names)


def compare_rounds(session: Session, org: Organisation) -> list[dict[str, Any]]:
    """The trend per pillar over the organisation's saved assessments (oldest first), from the
    library's diff, in the words of ``zorgadvies compare``."""
    from ..render.labels import stage_text
    from ..tracking import change_words, diff_reports

    saved = history_of(session, org)
    words = change_words("nl")
    steps = []
    for old, new in zip(saved, saved[1:]):
        diff = diff_reports(json.loads(old.report_json), json.loads(new.report_json))
        names = diff.stage_names
        steps.append({
            "old": old.saved_at, "new": new.saved_at, "knowledge_changed": diff.knowledge_changed,
            "pillars": [
                {"name": p.name,
                 "old": stage_text(p.old_stage, p.old_at_least, names, "nl") if p.in_old else "—",
                 "new": stage_text(p.new_stage, p.new_at_least, names, "nl") if p.in_new else "—",
                 "change": words[p.change]}
                for p in diff.pillars
            ],
            "resolved": len(diff.resolved), "added": len(diff.new),
        })
    return steps


def notes_for_round(session: Session, rnd: Round) -> Sequence[Note]:
    return session.execute(select(Note).where(Note.round_id == rnd.id).order_by(Note.id)).scalars().all()


def answer_labels(adv: Advisor) -> dict[str, dict[str, str]]:
    """Question id -> answer value -> its Dutch label (for showing answers; onbekend/nvt included)."""
    labels: dict[str, dict[str, str]] = {}
    for qid, question in adv.kb.questions.items():
        table = {"onbekend": "weet ik niet", "nvt": "niet van toepassing", "ja": "ja", "nee": "nee"}
        table.update({c.id: c.nl for c in question.values} if question.type == "choice" else {})
        labels[qid] = table
    return labels


#: Report formats a round can be downloaded in: format -> (media type, file suffix).
REPORT_FORMATS = {
    "html": ("text/html; charset=utf-8", "html"),
    "pdf": ("application/pdf", "pdf"),
    "markdown": ("text/markdown; charset=utf-8", "md"),
    "json": ("application/json", "json"),
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render_report(adv: Advisor, facts: dict[str, Any], fmt: str, previous: Assessment | None = None) -> tuple[bytes, str, str]:
    """(body, media type, file suffix) of the round's report in ``fmt``, by the library's renderers
    (HTML, PDF and Markdown byte for byte as ``zorgadvies report`` makes them from the round's facts,
    from the same templates; the JSON as ``assess --format json``). ``previous``: the assessment drawn on the radar, as ``report --previous``.

    Raises KeyError for an unknown format; ``zorgadvies.errors.ZorgadviesError`` for PDF where
    WeasyPrint is not installed.
    """
    media_type, suffix = REPORT_FORMATS[fmt]
    if fmt == "json":
        # With what to ask next, as `assess --format json` prints it.
        return adv.assess(facts, ask_next=True).to_json().encode("utf-8"), media_type, suffix
    report = adv.assess(facts)  # the client report, as `zorgadvies report` makes it
    from ..render.options import RenderOptions
    from ..tracking import radar_stages

    options = RenderOptions(previous=radar_stages(json.loads(previous.report_json)) if previous else None)
    if fmt == "html":
        from ..render.html import render_html

        return render_html(report, adv.kb, "nl", options).encode("utf-8"), media_type, suffix
    if fmt == "pdf":
        from ..render.pdf import render_pdf

        return render_pdf(report, adv.kb, "nl", options), media_type, suffix
    from ..render.markdown import render_markdown

    return render_markdown(report, adv.kb, "nl", options=options).encode("utf-8"), media_type, suffix


def questionnaire(adv: Advisor, org: Organisation) -> bytes:
    """The questionnaire workbook (xlsx) with the organisation's name, as ``zorgadvies vragenlijst``."""
    from ..workbook import questionnaire_workbook

    return questionnaire_workbook(adv.kb, org.name)
