"""Helpers for the web tests: a logged-in consultant, a filled-in round, CSRF tokens from pages."""

from __future__ import annotations

import re
from typing import Any

from litestar import Litestar
from litestar.testing import TestClient

from zorgadvies.store import Store
from zorgadvies.web.accounts import first_admin_link

PASSWORD = "correct horse battery"
_CSRF = re.compile(r'name="_csrf_token" value="([^"]+)"')
_LINK = re.compile(r'<code class="link-out"[^>]*>(https?://[^<]+)</code>')


def csrf(client: TestClient[Litestar], path: str = "/login") -> str:
    page = client.get(path)
    match = _CSRF.search(page.text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def post(client: TestClient[Litestar], path: str, data: dict[str, Any], *, page: str = "/login") -> Any:
    return client.post(path, data={**data, "_csrf_token": csrf(client, page)}, follow_redirects=False)


def admin_client(app: Litestar, store: Store, email: str = "admin@example.nl") -> TestClient[Litestar]:
    with store.session() as session:
        token = first_admin_link(session)
    assert token
    client = TestClient(app, base_url="http://testserver.local")
    response = post(client, f"/setup/{token}", {"email": email, "password": PASSWORD, "password2": PASSWORD}, page=f"/setup/{token}")
    assert response.status_code == 303, response.text
    return client


def consultant_client(app: Litestar, admin: TestClient[Litestar], email: str) -> TestClient[Litestar]:
    page = post(admin, "/accounts", {"email": email, "name": email.split("@")[0], "admin": "nee"}, page="/accounts")
    assert page.status_code == 201 or page.status_code == 200, page.text
    link = _LINK.search(page.text)
    assert link
    path = link.group(1).split("testserver.local", 1)[1]
    client = TestClient(app, base_url="http://testserver.local")
    response = post(client, path, {"email": "", "password": PASSWORD, "password2": PASSWORD}, page=path)
    assert response.status_code == 303, response.text
    return client


def new_link(page_text: str) -> str:
    """The path of the personal link a page just showed."""
    match = _LINK.search(page_text)
    assert match, page_text[:3000]
    return match.group(1).split("testserver.local", 1)[1]


def make_round(client: TestClient[Litestar], name: str, respondents: list[tuple[str, str]]) -> tuple[int, int, list[str]]:
    """An organisation with one person and a round with ``respondents``; (org id, round id, link paths)."""
    response = post(client, "/orgs", {"name": name, "sector": "thuiszorg", "employees": "85"}, page="/")
    assert response.status_code == 303, response.text
    org_id = int(response.headers["location"].rsplit("/", 1)[1])
    response = post(client, f"/orgs/{org_id}/people", {"name": "Anna de Vries", "roles": ["hoofd_innovatie", "manager"], "disc": ["geel"]}, page=f"/orgs/{org_id}")
    assert response.status_code == 303, response.text
    response = post(client, f"/orgs/{org_id}/rounds", {"name": "Voorjaar 2026"}, page=f"/orgs/{org_id}")
    round_id = int(response.headers["location"].rsplit("/", 1)[1])
    links = []
    for person, role in respondents:
        page = post(client, f"/rounds/{round_id}/respondents", {"name": person, "role": role}, page=f"/rounds/{round_id}")
        assert page.status_code in (200, 201), page.text
        links.append(new_link(page.text))
    return org_id, round_id, links


_QUESTION = re.compile(r'name="question" value="([^"]+)"')
_OPTIONS = re.compile(r'name="answer" value="([^"]+)"')


def answer_next(client: TestClient[Litestar], link: str, pick: str = "first", note: str = "") -> str | None:
    """Answer the question the link shows now (``first``/``last`` option or a value); the question id or None when done."""
    page = client.get(link)
    assert page.status_code == 200, page.text
    match = _QUESTION.search(page.text)
    if match is None:
        assert "Dank u wel" in page.text
        return None
    options = [v for v in _OPTIONS.findall(page.text) if v not in ("onbekend", "nvt")]
    if pick == "first":
        value = options[0] if options else "3"
    elif pick == "last":
        value = options[-1] if options else "7"
    else:
        value = pick
    response = client.post(link, data={"question": match.group(1), "answer": value, "note": note, "_csrf_token": _CSRF.search(page.text).group(1)},  # type: ignore[union-attr]
                           follow_redirects=False)
    # Saved, and the answer is the next question's page (or the done page) at once.
    assert response.status_code == 200 and ("Dank u wel" in response.text or _QUESTION.search(response.text)), response.text
    return match.group(1)
