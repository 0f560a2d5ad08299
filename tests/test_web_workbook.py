"""A respondent who filled in the questionnaire workbook instead of a link: the consultant uploads it.

On SQLite and PostgreSQL (the ``db_url`` fixture). The workbook is the one the organisation page
offers (``/orgs/{id}/vragenlijst``, the CLI's ``zorgadvies vragenlijst``), filled in as a person
does in Excel; its answers must join the round as the CLI's ``assess --werkmap`` reads them, with
their history, and a workbook that does not fit must be one clear error that stores nothing.
"""

from __future__ import annotations

import io
import re
from typing import Any

import pytest

pytest.importorskip("litestar", reason="the web extra is not installed")

from litestar import Litestar
from litestar.testing import TestClient
from openpyxl import load_workbook

from webutil import admin_client, consultant_client, csrf, make_round, post
from zorgadvies.api import advisor
from zorgadvies.store import open_store
from zorgadvies.web.app import create_app
from zorgadvies.workbook import ANSWER_COL, NOTE_COL, answer_labels, read_workbook

KB = advisor().kb
ANSWERS = {"mp_strategie": "basisstrategie", "zelf_innovatie": "gedefinieerd", "rol_hoofd_innovatie_aanwezig": "ja"}
NOTES = {"mp_strategie": "alleen een jaarplan", "mp_draagvlak": "weet ik niet, vraag de bestuurder"}


def _filled(client: TestClient[Litestar], org_id: int, name: str = "Wijkverpleegkundige Piet", role: str | None = "zorgprofessional",
            organisation: str | None = None) -> bytes:
    """The organisation's workbook from the web, filled in: a name, a role, answers from the drop-downs, notes."""
    response = client.get(f"/orgs/{org_id}/vragenlijst")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    sheet, info = book["Vragenlijst"], book["Gegevens"]
    info["B3"] = name
    if role:
        info["B4"] = role
    if organisation is not None:
        info["B1"] = organisation
    for row in range(2, sheet.max_row + 1):
        qid = sheet.cell(row=row, column=1).value
        if qid in ANSWERS:
            sheet.cell(row=row, column=ANSWER_COL, value=answer_labels(KB.questions[qid])[ANSWERS[qid]])
        if qid in NOTES:
            sheet.cell(row=row, column=NOTE_COL, value=NOTES[qid])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload(client: TestClient[Litestar], round_id: int, body: bytes, filename: str = "piet.xlsx", token: str | None = None) -> Any:
    token = token if token is not None else csrf(client, f"/rounds/{round_id}")
    return client.post(f"/rounds/{round_id}/werkmap", data={"_csrf_token": token},
                       files={"werkmap": (filename, body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")},
                       follow_redirects=False)


@pytest.fixture()
def round_of(db_url: str) -> dict[str, Any]:
    app = create_app(db_url)
    store = open_store(db_url)
    assert store is not None
    admin = admin_client(app, store)
    alice = consultant_client(app, admin, "alice@example.nl")
    org_id, round_id, _ = make_round(alice, "Thuiszorg Het Anker", [("Directeur", "bestuurder")])
    return {"app": app, "alice": alice, "admin": admin, "org_id": org_id, "round_id": round_id}


def _stored(client: TestClient[Litestar], org_id: int) -> dict[str, Any]:
    return client.get(f"/orgs/{org_id}/export").json()["rounds"][0]  # type: ignore[no-any-return]


def test_an_uploaded_workbook_joins_the_round_as_the_cli_reads_it(round_of: dict[str, Any], tmp_path: Any) -> None:
    alice, org_id, round_id = round_of["alice"], round_of["org_id"], round_of["round_id"]
    body = _filled(alice, org_id)
    page = _upload(alice, round_id, body)
    assert page.status_code == 200, page.text
    assert "De werkmap van Wijkverpleegkundige Piet is toegevoegd: 3 antwoorden." in page.text
    # Listed as done, with a role in words.
    assert re.search(r"<td>Wijkverpleegkundige Piet</td><td[^>]*>Zorgprofessional</td><td[^>]*>3</td>\s*<td[^>]*>klaar</td>", page.text)

    # The answers are those the CLI reads from the same file, with their notes and history.
    path = tmp_path / "piet.xlsx"
    path.write_bytes(body)
    expected = read_workbook(path, KB)
    assert expected["answers"] == ANSWERS
    stored = _stored(alice, org_id)
    piet = next(r for r in stored["facts"]["respondents"] if r["name"] == "Wijkverpleegkundige Piet")
    assert piet == {"name": "Wijkverpleegkundige Piet", "role": "zorgprofessional", "answers": expected["answers"]}
    listed = next(r for r in stored["respondents"] if r["name"] == "Wijkverpleegkundige Piet")
    assert listed["notes"] == {"mp_strategie": "alleen een jaarplan"} and listed["completed_at"]
    changes = [(c["question"], c["value"], c["actor"]) for c in stored["answer_changes"]]
    assert sorted(changes) == sorted((q, v, "account:2") for q, v in ANSWERS.items())
    # A note beside a question left open is a note of the round on that question.
    assert stored["notes"] == [{"question": "mp_draagvlak", "text": "Wijkverpleegkundige Piet: weet ik niet, vraag de bestuurder",
                                "at": stored["notes"][0]["at"]}]


def test_a_workbook_that_does_not_fit_is_one_error_and_stores_nothing(round_of: dict[str, Any]) -> None:
    alice, org_id, round_id = round_of["alice"], round_of["org_id"], round_of["round_id"]
    before = _stored(alice, org_id)
    cases = [
        # Another organisation's workbook (the name in Gegevens!B1).
        (_filled(alice, org_id, organisation="Zorggroep Elders"), "piet.xlsx",
         "deze werkmap is van &#39;Zorggroep Elders&#39;, niet van &#39;Thuiszorg Het Anker&#39; (Gegevens!B1)"),
        # No workbook at all; the file name is the user's and comes back escaped.
        (b"%PDF-1.4 not a workbook", "<script>x</script>.xlsx", "&lt;script&gt;x&lt;/script&gt;.xlsx: "),
        # A role the questionnaire does not know (Gegevens!B4).
        (_filled(alice, org_id, role="chirurg"), "piet.xlsx", "Gegevens!B4"),
    ]
    for body, filename, said in cases:
        page = _upload(alice, round_id, body, filename)
        assert page.status_code == 400, page.text
        error = re.search(r'<p class="error" role="alert">([^<]*(?:<(?!/p>)[^<]*)*)</p>', page.text)
        assert error and said in error.group(1) and "\n" not in error.group(1), (said, error and error.group(1))
        assert "<script>x" not in page.text
    # The name of a respondent already in the round.
    assert _upload(alice, round_id, _filled(alice, org_id, name="Directeur")).status_code == 400
    assert _stored(alice, org_id) == before


def test_an_upload_needs_the_owner_an_open_round_and_the_csrf_token(round_of: dict[str, Any]) -> None:
    app, alice, admin, org_id, round_id = round_of["app"], round_of["alice"], round_of["admin"], round_of["org_id"], round_of["round_id"]
    body = _filled(alice, org_id)
    before = _stored(alice, org_id)
    # Another consultant: the round does not exist for them.
    bob = consultant_client(app, admin, "bob@example.nl")
    assert _upload(bob, round_id, body, token=csrf(bob, "/")).status_code == 404
    # Nobody logged in: the log-in page, nothing stored.
    anonymous = TestClient(app, base_url="http://testserver.local")
    assert _upload(anonymous, round_id, body, token=csrf(anonymous, "/login")).status_code in (302, 303, 401)
    # No CSRF token, or a wrong one.
    assert _upload(alice, round_id, body, token="").status_code == 403
    assert _upload(alice, round_id, body, token="x" * 40).status_code == 403
    assert _stored(alice, org_id) == before
    # A closed round takes no workbook.
    assert post(alice, f"/rounds/{round_id}/close", {}, page=f"/rounds/{round_id}").status_code == 303
    closed = _stored(alice, org_id)
    assert _upload(alice, round_id, body).status_code == 409
    assert _stored(alice, org_id) == closed


def test_an_oversized_upload_is_refused_before_it_is_read(round_of: dict[str, Any]) -> None:
    alice, org_id, round_id = round_of["alice"], round_of["org_id"], round_of["round_id"]
    before = _stored(alice, org_id)
    assert _upload(alice, round_id, b"0" * (7 * 1024 * 1024)).status_code == 413
    assert _stored(alice, org_id) == before
