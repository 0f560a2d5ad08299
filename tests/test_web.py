"""zorgadvies serve: a whole round through the web app, on SQLite and PostgreSQL, plus the JSON API."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("litestar", reason="the web extra is not installed")

from click.testing import CliRunner
from litestar import Litestar
from litestar.testing import TestClient

from conftest import EXAMPLES
from webutil import PASSWORD, admin_client, answer_next, consultant_client, csrf, make_round, post
from zorgadvies.cli import main
from zorgadvies.history import load_history
from zorgadvies.store import open_store
from zorgadvies.web.app import SESSION_COOKIE, create_app


@pytest.fixture()
def site(db_url: str) -> Iterator[tuple[Litestar, Any, str]]:
    app = create_app(db_url)
    yield app, open_store(db_url), db_url


def test_a_round_from_start_to_report(site: tuple[Litestar, Any, str], tmp_path: Path) -> None:
    app, store, db_url = site
    admin = admin_client(app, store)
    org_id, round_id, links = make_round(admin, "Thuiszorg Het Anker", [("Directeur", "bestuurder"), ("Teamleider", "manager"), ("Wijkverpleegkundige", "zorgprofessional")])
    assert all(re.fullmatch(r"/r/[A-Za-z0-9_-]{32}", link) for link in links)  # 24 random bytes
    optimist, pessimist, halfway = (TestClient(app, base_url="http://testserver.local") for _ in range(3))

    asked = []
    for _ in range(6):
        asked.append(answer_next(optimist, links[0], "last", note="zie jaarplan"))
        answer_next(pessimist, links[1], "first")
    first = answer_next(halfway, links[2], "onbekend")  # 'weet ik niet' is always possible
    # The halfway respondent leaves and comes back later on a new device: the same link resumes.
    later = TestClient(app, base_url="http://testserver.local")
    page = later.get(links[2])
    assert f'value="{first}"' not in page.text and "Voortgang: 1 van" in page.text

    # An answer that does not fit is refused with a reason, and nothing is stored.
    token_page = optimist.get(links[0])
    question = re.search(r'name="question" value="([^"]+)"', token_page.text).group(1)  # type: ignore[union-attr]
    bad = optimist.post(links[0], data={"question": question, "answer": "misschien", "_csrf_token": csrf(optimist, links[0])})
    assert bad.status_code == 400 and 'role="alert"' in bad.text

    round_page = admin.get(f"/rounds/{round_id}")
    assert round_page.status_code == 200
    # Completion per respondent: the answers each gave (the bad one did not count).
    assert '<td>Directeur</td><td data-label="Rol">Bestuurder</td><td data-label="Beantwoord">6</td>' in round_page.text
    assert '<td>Wijkverpleegkundige</td><td data-label="Rol">Zorgprofessional</td><td data-label="Beantwoord">1</td>' in round_page.text
    assert "Geschillen" in round_page.text and "Directeur:" in round_page.text  # each respondent's answer
    disputed = re.findall(r'name="question" value="([^"]+)"', round_page.text)
    assert disputed and disputed[0] in asked

    # The consultant settles a dispute; it becomes the round's answer and enters the audit trail.
    response = post(admin, f"/rounds/{round_id}/consensus", {"question": disputed[0], "value": "onbekend", "note": "besproken"}, page=f"/rounds/{round_id}")
    assert response.status_code == 303, response.text
    response = post(admin, f"/rounds/{round_id}/notes", {"text": "Gesprek met het MT op 3 maart"}, page=f"/rounds/{round_id}")
    assert response.status_code == 303
    export = admin.get(f"/orgs/{org_id}/export").json()
    changes = export["rounds"][0]["answer_changes"]
    assert {c["actor"].split(":")[0] for c in changes} == {"respondent", "account"}
    assert export["rounds"][0]["facts"]["answers"] == {disputed[0]: "onbekend"}
    assert export["rounds"][0]["respondents"][0]["notes"] == {q: "zie jaarplan" for q in asked}

    # The report JSON equals what the CLI makes of the round's facts.
    facts_file = tmp_path / f"round-{round_id}.json"
    facts_file.write_text(json.dumps(export["rounds"][0]["facts"], ensure_ascii=False), encoding="utf-8")
    cli = CliRunner().invoke(main, ["assess", str(facts_file), "--format", "json"])
    assert admin.get(f"/rounds/{round_id}/report/json").text == cli.output
    html = admin.get(f"/rounds/{round_id}/report/html")
    assert html.status_code == 200 and "<svg" in html.text and "attachment" in html.headers["content-disposition"]
    assert admin.get(f"/rounds/{round_id}/report/markdown").text.startswith("#")

    # Closing: the history gets the assessment (the CLI's too: one store), links take no answers.
    response = post(admin, f"/rounds/{round_id}/close", {}, page=f"/rounds/{round_id}")
    assert response.status_code == 303
    saved = load_history("Thuiszorg Het Anker", db_url)
    # The history keeps the assessment itself, as `assess --save` does: what to ask next is shown, not stored.
    stored = json.loads(cli.output) | {"ask_next": None}
    assert len(saved) == 1 and saved[0].report == stored
    closed = later.get(links[2])
    assert closed.status_code == 410 and "gesloten" in closed.text
    refused = later.post(links[2], data={"question": question, "answer": "onbekend", "_csrf_token": csrf(later, "/login")}, follow_redirects=False)
    assert refused.status_code == 409
    assert post(admin, f"/rounds/{round_id}/consensus", {"question": disputed[0], "value": "ja"}, page="/").status_code == 409
    assert len(admin.get(f"/orgs/{org_id}/export").json()["rounds"][0]["answer_changes"]) == len(changes)

    # Deleting the organisation removes everything about it, its history included.
    assert post(admin, f"/orgs/{org_id}/delete", {"confirm": "Thuiszorg Het Anker"}, page=f"/orgs/{org_id}").status_code == 303
    assert admin.get(f"/orgs/{org_id}").status_code == 404
    assert load_history("Thuiszorg Het Anker", db_url) == []
    assert later.get(links[0]).status_code == 404


def test_security_basics(site: tuple[Litestar, Any, str]) -> None:
    app, store, _ = site
    admin = admin_client(app, store)
    page = admin.get("/")
    assert "script-src" not in page.headers["content-security-policy"] and "default-src 'none'" in page.headers["content-security-policy"]
    assert "<script" not in page.text and "style=" not in page.text
    # Session cookie: HttpOnly, SameSite; random; only its hash is stored.
    anon = TestClient(app, base_url="http://testserver.local")
    response = post(anon, "/login", {"email": "admin@example.nl", "password": PASSWORD})
    cookie = response.headers["set-cookie"]
    assert SESSION_COOKIE in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    # A form without the CSRF token is refused.
    assert admin.post("/orgs", data={"name": "X"}, follow_redirects=False).status_code == 403
    # User text is escaped everywhere.
    evil = "<script>alert(1)</script>"
    org_id, round_id, links = make_round(admin, evil, [(evil, "manager")])
    for path in ("/", f"/orgs/{org_id}", f"/rounds/{round_id}", links[0]):
        text = admin.get(path).text
        assert evil not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    # Log-in is throttled per e-mail address: after 5 failures even the right password waits.
    for _ in range(5):
        assert post(anon, "/login", {"email": "someone@example.nl", "password": "wrong"}).status_code == 401
    assert post(anon, "/login", {"email": "someone@example.nl", "password": "wrong"}).status_code == 429


def test_no_state_between_requests_outside_the_database(db_url: str) -> None:
    """Two app instances (two workers) on one database: a session and a CSRF token made by one work on the other."""
    one, two = create_app(db_url), create_app(db_url)
    store = open_store(db_url)
    client = admin_client(one, store)
    other = TestClient(two, base_url="http://testserver.local", cookies=dict(client.cookies))
    token = csrf(client, "/")
    response = other.post("/orgs", data={"name": "Via de tweede worker", "_csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    assert "Via de tweede worker" in client.get("/").text


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_api_assess_is_the_cli_output_byte_for_byte(example: Path, db_url: str) -> None:
    import yaml

    app = create_app(db_url)
    with TestClient(app) as client:
        data = yaml.safe_load(example.read_text(encoding="utf-8"))
        response = client.post("/api/v1/assess", json=data)
    cli = CliRunner().invoke(main, ["assess", str(example), "--format", "json"])
    assert response.status_code == 200 and response.content == cli.output.encode("utf-8")


def test_api_refuses_bad_facts_with_one_line(db_url: str) -> None:
    app = create_app(db_url)
    with TestClient(app) as client:
        response = client.post("/api/v1/assess", json={"organisation": {"name": "X"}, "answers": {"mp_inzet": "vaak"}})
        assert response.status_code == 422 and "mp_inzet" in response.json()["error"]
        assert client.get("/api/v1/organisations").status_code == 401


def test_web_messages_are_dutch_whatever_the_server_locale(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # $ZORGADVIES_LANG and the locale are the operator's; the pages and their errors stay Dutch.
    monkeypatch.setenv("ZORGADVIES_LANG", "en")
    app = create_app(db_url)
    with TestClient(app) as client:
        response = client.post("/api/v1/assess", json={"organisation": {"name": "X"}, "answers": {"mp_inzet": "vaak"}})
    assert response.status_code == 422
    assert "het antwoord moet een van" in response.json()["error"]
