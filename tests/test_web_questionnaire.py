"""A respondent's questionnaire on the web asks what the terminal asks, in the same order.

The terminal's order for a respondent is the quick scan (``zorgadvies interview --quick``) followed
by the full interview resumed from its answers (``zorgadvies interview --resume``): the web must ask
exactly that sequence, with the same skipping, for the same answers. The terminal side here is the
library's QuickInterview and Interview (the engine decides what is live); the web side is the app,
over HTTP, on SQLite and PostgreSQL (its next question comes from zorgadvies.livefast).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select, update

pytest.importorskip("litestar", reason="the web extra is not installed")

from litestar.testing import TestClient

from webutil import admin_client, make_round
from zorgadvies.api import advisor
from zorgadvies.interview import Interview
from zorgadvies.quickscan import QuickInterview, quick_questions
from zorgadvies.store import open_store
from zorgadvies.store.models import Answer, Respondent
from zorgadvies.web.app import create_app

_QUESTION = re.compile(r'name="question" value="([^"]+)"')
_CSRF = re.compile(r'name="_csrf_token" value="([^"]+)"')
_PROGRESS = re.compile(r"Voortgang: (\d+) van (\d+)")

#: What make_round gives the organisation: thuiszorg, 85 employees, one Hoofd Innovatie.
ORGANISATION = {
    "organisation": {"name": "Thuiszorg Het Anker", "sector": "thuiszorg", "employees": 85},
    "people": [{"name": "Anna de Vries", "roles": ["hoofd_innovatie", "manager"], "disc": ["geel"]}],
}


def scripted(seed: int) -> Callable[[str], str]:
    """A deterministic respondent: the answer (as typed) depends only on the question and the seed."""
    kb = advisor().kb

    def answer(question: str) -> str:
        q = kb.questions[question]
        pick = zlib.crc32(f"{seed}:{question}".encode())
        if q.type == "integer":
            return "onbekend" if pick % 5 == 0 else str((q.minimum or 0) + pick % 40)
        choices = list(q.value_ids if q.type == "choice" else ("ja", "nee")) + ["onbekend"]
        return choices[pick % len(choices)]

    return answer


def terminal_sequence(answer: Callable[[str], str]) -> list[str]:
    """The questions the terminal asks: the quick scan, then the full interview resumed from it."""
    adv = advisor()
    state = {"people": "done", "unknown": []}
    asked: list[str] = []

    def run(interview: Interview) -> dict[str, Any]:
        while (step := interview.next()) is not None:
            assert step.is_question, step.key
            asked.append(step.key)
            interview.answer(step, answer(step.key))
        return interview.data()

    data = run(QuickInterview(adv, data=ORGANISATION | {"answers": {}}, state=state))
    run(Interview(adv, data=data, state=state))
    return asked


def web_sequence(client: TestClient[Any], link: str, answer: Callable[[str], str]) -> tuple[list[str], list[tuple[int, int]]]:
    """The questions the web asks one respondent until the done page, and the progress shown on each."""
    asked, progress = [], []
    page = client.get(link)
    while (match := _QUESTION.search(page.text)) is not None:
        question = match.group(1)
        done, total = _PROGRESS.search(page.text).groups()  # type: ignore[union-attr]
        progress.append((int(done), int(total)))
        asked.append(question)
        page = client.post(link, data={"question": question, "answer": answer(question), "note": "",
                                       "_csrf_token": _CSRF.search(page.text).group(1)}, follow_redirects=False)  # type: ignore[union-attr]
        assert page.status_code == 200, page.text[:2000]
        assert len(asked) < 400, "the questionnaire does not end"
    assert "Dank u wel" in page.text
    return asked, progress


def test_the_web_asks_what_the_terminal_asks_quick_scan_first(db_url: str) -> None:
    app = create_app(db_url)
    admin = admin_client(app, open_store(db_url))
    _, round_id, links = make_round(admin, "Thuiszorg Het Anker", [("Directeur", "bestuurder"), ("Teamleider", "manager")])
    kb = advisor().kb
    for seed, link in enumerate(links):
        answer = scripted(seed)
        expected = terminal_sequence(answer)
        client = TestClient(app, base_url="http://testserver.local")
        asked, progress = web_sequence(client, link, answer)
        assert asked == expected
        # The quick scan comes first: its questions in its order, the Hoofd Innovatie question
        # skipped (someone in the people list holds the role); every other question after them.
        quick = [q for q in quick_questions(kb) if q != "rol_hoofd_innovatie_aanwezig"]
        assert asked[: len(quick)] == quick
        assert "rol_hoofd_innovatie_aanwezig" not in asked[: len(quick)]
        assert len(set(asked)) == len(asked) > len(quick)
        # Progress counts the answers given and what is still to ask.
        assert [done for done, _ in progress] == list(range(len(asked)))
        assert all(done < total for done, total in progress) and progress[-1][1] == len(asked)

        # Every answer was stored, once each, and the respondent counts as complete.
        with open_store(db_url).session() as session:
            stored = session.execute(
                select(Answer.question).join(Respondent, Respondent.id == Answer.respondent_id)
                .where(Respondent.round_id == round_id, Respondent.name == ("Directeur", "Teamleider")[seed])
            ).scalars().all()
            completed = session.execute(select(Respondent.completed_at).where(Respondent.name == ("Directeur", "Teamleider")[seed])).scalar_one()
        assert sorted(stored) == sorted(asked) and completed


def test_changing_an_answer_returns_to_the_questionnaire(db_url: str) -> None:
    app = create_app(db_url)
    admin = admin_client(app, open_store(db_url))
    org_id, _, links = make_round(admin, "Thuiszorg Het Anker", [("Directeur", "bestuurder")])
    client = TestClient(app, base_url="http://testserver.local")
    asked, _ = web_sequence(client, links[0], scripted(7))
    first = asked[0]  # a self-placement: change it to the highest stage
    page = client.get(f"{links[0]}/vraag/{first}")
    assert page.status_code == 200 and "checked" in page.text
    highest = advisor().kb.questions[first].value_ids[-1]
    response = client.post(links[0], data={"question": first, "answer": highest, "note": "toch hoger",
                                           "_csrf_token": _CSRF.search(page.text).group(1)}, follow_redirects=False)  # type: ignore[union-attr]
    assert response.status_code == 200 and ("Dank u wel" in response.text or _QUESTION.search(response.text))
    export = admin.get(f"/orgs/{org_id}/export").json()
    assert export["rounds"][0]["facts"]["respondents"][0]["answers"][first] == highest
    assert export["rounds"][0]["respondents"][0]["notes"] == {first: "toch hoger"}
    changes = [c for c in export["rounds"][0]["answer_changes"] if c["question"] == first]
    assert [c["value"] for c in changes][-1] == highest and len(changes) == 2


def test_a_hash_in_a_web_answer_is_not_a_note_mark(db_url: str) -> None:
    # The terminal splits "ja # note"; a web form has its own note field, so there the whole text
    # is the answer: refused as no answer, and nothing is stored or silently dropped.
    app = create_app(db_url)
    admin = admin_client(app, open_store(db_url))
    org_id, _, links = make_round(admin, "Thuiszorg Het Anker", [("Directeur", "bestuurder")])
    client = TestClient(app, base_url="http://testserver.local")
    page = client.get(links[0])
    first = _QUESTION.search(page.text).group(1)  # type: ignore[union-attr]
    value = advisor().kb.questions[first].value_ids[0]
    response = client.post(links[0], data={"question": first, "answer": f"{value} # notulen MT", "note": "",
                                           "_csrf_token": _CSRF.search(page.text).group(1)}, follow_redirects=False)  # type: ignore[union-attr]
    assert response.status_code == 400 and 'role="alert"' in response.text
    export = admin.get(f"/orgs/{org_id}/export").json()
    assert not export["rounds"][0]["facts"].get("respondents")  # no answer stored for anyone
    assert not export["rounds"][0]["respondents"][0]["notes"]
    plain = client.post(links[0], data={"question": first, "answer": value, "note": "notulen MT",
                                        "_csrf_token": _CSRF.search(response.text).group(1)}, follow_redirects=False)  # type: ignore[union-attr]
    assert plain.status_code == 200
    export = admin.get(f"/orgs/{org_id}/export").json()
    assert export["rounds"][0]["facts"]["respondents"][0]["answers"][first] == value
    assert export["rounds"][0]["respondents"][0]["notes"] == {first: "notulen MT"}


def test_recording_keeps_history_only_of_changes_and_refuses_a_closed_link(db_url: str) -> None:
    # record() is one upsert: the same answer again is no change (no history entry), another note
    # on the same value is one; a revoked link or a closed round takes nothing, even when the
    # questionnaire was opened before.
    from zorgadvies.store.models import AnswerChange, Round
    from zorgadvies.web import questionnaire as qn
    from zorgadvies.web.rounds import Closed

    app = create_app(db_url)
    store = open_store(db_url)
    assert store is not None
    admin = admin_client(app, store)
    _, round_id, links = make_round(admin, "Thuiszorg Het Anker", [("Directeur", "bestuurder"), ("Teamleider", "manager")])
    adv = advisor()
    q = qn.open_questionnaire(store, adv, links[0].rsplit("/", 1)[1])
    step = q.next_step()
    assert step is not None and not q.completed
    first, second = step.question.value_ids[:2]  # type: ignore[union-attr]

    def history() -> list[tuple[str | None, str | None]]:
        with store.session() as session:
            rows = session.execute(select(AnswerChange.value_json, AnswerChange.note).where(AnswerChange.round_id == round_id)
                                   .order_by(AnswerChange.id)).all()
        return [tuple(r) for r in rows]  # type: ignore[misc]

    def stored() -> list[tuple[str, str | None]]:
        with store.session() as session:
            return [tuple(r) for r in session.execute(select(Answer.value_json, Answer.note)).all()]  # type: ignore[misc]

    qn.record(store, q, step.key, q.answer(step.key, first), None)
    qn.record(store, q, step.key, q.answer(step.key, first), "  ")  # an empty note is no note: no change
    assert history() == [(f'"{first}"', None)] and stored() == [(f'"{first}"', None)]
    qn.record(store, q, step.key, q.answer(step.key, first), "notulen MT")
    qn.record(store, q, step.key, q.answer(step.key, second), "notulen MT")
    qn.record(store, q, step.key, q.answer(step.key, second), "notulen MT")
    assert history() == [(f'"{first}"', None), (f'"{first}"', "notulen MT"), (f'"{second}"', "notulen MT")]
    assert stored() == [(f'"{second}"', "notulen MT")] and q.notes == {step.key: "notulen MT"}

    # Completion is written when it changes, and read back as the questionnaire opens.
    qn.record(store, q, step.key, second, "notulen MT", finished=True)
    assert qn.open_questionnaire(store, adv, links[0].rsplit("/", 1)[1]).completed
    qn.set_completed(store, q, False)
    assert not qn.open_questionnaire(store, adv, links[0].rsplit("/", 1)[1]).completed

    # The other link's questionnaire, opened before its link is revoked, then the round closed.
    other = qn.open_questionnaire(store, adv, links[1].rsplit("/", 1)[1])
    with store.session() as session:
        session.execute(update(Respondent).where(Respondent.name == "Teamleider").values(revoked_at="2026-12-03T00:00:00Z"))
    with pytest.raises(Closed):
        qn.record(store, other, step.key, first, None)
    with store.session() as session:
        session.execute(update(Round).where(Round.id == round_id).values(closed_at="2026-12-03T00:00:00Z"))
    with pytest.raises(Closed):
        qn.record(store, q, step.key, first, "later")
    assert stored() == [(f'"{second}"', "notulen MT")] and len(history()) == 3
    assert qn.open_questionnaire(store, adv, links[0].rsplit("/", 1)[1]).closed
