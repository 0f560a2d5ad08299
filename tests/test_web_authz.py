"""Authorisation over the whole route table, generated from the app's routes (not listed by hand).

For every route and method: a consultant reaches none of another consultant's organisations,
rounds, respondents or reports (404, the same as for what does not exist, and nothing changes);
an anonymous visitor reaches nothing of a consultant's (log-in page or 401); a respondent's link
reaches only its own questionnaire; a closed round takes no answers. A route added later is
covered without touching this file; one whose parameters this file cannot fill fails it.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

pytest.importorskip("litestar", reason="the web extra is not installed")

from litestar import Litestar
from litestar.testing import TestClient

from webutil import admin_client, answer_next, consultant_client, csrf, make_round, post
from zorgadvies.store import open_store
from zorgadvies.web.app import create_app

#: Routes anybody may reach: log-in, account set-up, static files, the API description, health.
PUBLIC = re.compile(r"^/(login|setup/|static/|api/v1/schema|healthz$|api/v1/assess$)")
RESPONDENT = re.compile(r"^/r/")
_PARAM = re.compile(r"\{(\w+):(\w+)\}")


def _routes(app: Litestar) -> list[tuple[str, str]]:
    result = []
    for route in app.routes:
        for method in sorted(route.methods - {"OPTIONS", "HEAD"}):
            result.append((route.path, method))
    return result


def _fill(path: str, values: dict[str, Any]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        assert name in values, f"route {path}: no value for parameter {name!r}; teach test_web_authz.py about it"
        return str(values[name])

    return _PARAM.sub(one, path)


@pytest.fixture()
def two_consultants(db_url: str) -> dict[str, Any]:
    app = create_app(db_url)
    store = open_store(db_url)
    admin = admin_client(app, store)
    alice = consultant_client(app, admin, "alice@example.nl")
    bob = consultant_client(app, admin, "bob@example.nl")
    org_id, round_id, links = make_round(alice, "Zorggroep Alice", [("Directeur", "bestuurder"), ("Teamleider", "manager")])
    respondent = TestClient(app, base_url="http://testserver.local")
    question = answer_next(respondent, links[0], "first")
    bob_token = post(bob, "/account/api-token", {}, page="/").text
    bob_api = re.search(r'<code class="link-out">([^<]+)</code>', bob_token).group(1)  # type: ignore[union-attr]
    export = alice.get(f"/orgs/{org_id}/export").json()
    return {
        "app": app, "alice": alice, "bob": bob, "bob_api": bob_api, "links": links, "question": question,
        "values": {"org_id": org_id, "round_id": round_id, "respondent_id": 1, "fmt": "json", "question": question,
                   "file_path": "style.css", "path": "openapi.json"},
        "export": export,
    }


def _request(client: TestClient[Litestar], method: str, path: str, token: str | None = None, headers: dict[str, str] | None = None) -> Any:
    data = {"_csrf_token": token} if token else {}
    if method == "GET":
        return client.get(path, follow_redirects=False, headers=headers)
    return client.request(method, path, data=data, follow_redirects=False, headers=headers)


def test_another_consultant_reaches_nothing(two_consultants: dict[str, Any]) -> None:
    t = two_consultants
    app, bob, alice = t["app"], t["bob"], t["alice"]
    token = csrf(bob, "/")
    checked = 0
    for path, method in _routes(app):
        if PUBLIC.match(path) or RESPONDENT.match(path) or "{" not in path:
            continue
        url = _fill(path, t["values"])
        headers = {"authorization": f"Bearer {t['bob_api']}"} if path.startswith("/api/") else None
        response = _request(bob, method, url, token, headers)
        assert response.status_code == 404, f"{method} {url} as another consultant: {response.status_code}"
        checked += 1
    assert checked >= 15  # the route table really was walked (19 routes today)
    # Nothing of Alice's changed, and she still reaches all of it.
    assert alice.get(f"/orgs/{t['values']['org_id']}/export").json() == t["export"]
    assert alice.get(f"/rounds/{t['values']['round_id']}").status_code == 200


def test_anonymous_reaches_nothing_of_a_consultant(two_consultants: dict[str, Any]) -> None:
    t = two_consultants
    anon = TestClient(t["app"], base_url="http://testserver.local")
    token = csrf(anon, "/login")
    for path, method in _routes(t["app"]):
        if PUBLIC.match(path) or RESPONDENT.match(path):
            continue
        url = _fill(path, t["values"])
        response = _request(anon, method, url, token)
        if path.startswith("/api/"):
            assert response.status_code == 401, f"{method} {url}: {response.status_code}"
        else:
            assert response.status_code == 303 and response.headers["location"] == "/login", f"{method} {url}: {response.status_code}"
    assert t["alice"].get(f"/orgs/{t['values']['org_id']}/export").json() == t["export"]


def test_a_respondent_link_reaches_only_its_own_answers(two_consultants: dict[str, Any]) -> None:
    t = two_consultants
    first, second = t["links"]
    respondent = TestClient(t["app"], base_url="http://testserver.local")
    # The second respondent sees its own, empty questionnaire: not the first one's answer.
    page = respondent.get(second)
    assert "Voortgang: 0 van" in page.text and "Teamleider" in page.text and "Directeur" not in page.text
    changed = respondent.get(f"{first}/vraag/{t['question']}")
    assert changed.status_code == 200 and "checked" in changed.text  # its own answer, shown to change it
    assert "checked" not in respondent.get(f"{second}/vraag/{t['question']}").text
    # A link that is not one (or a changed character) reaches nothing.
    for bad in (first[:-1] + ("A" if first[-1] != "A" else "B"), "/r/" + "A" * 32):
        assert respondent.get(bad).status_code == 404
        assert respondent.post(bad, data={"question": t["question"], "answer": "onbekend", "_csrf_token": csrf(respondent, "/login")},
                               follow_redirects=False).status_code == 404
    # Respondent routes take no other parameters than the token and a question id.
    for path, _ in _routes(t["app"]):
        if RESPONDENT.match(path):
            assert set(_PARAM.findall(path)) <= {("token", "str"), ("question", "str")}, path


def test_a_closed_round_takes_no_answers_and_a_revoked_link_nothing(two_consultants: dict[str, Any]) -> None:
    t = two_consultants
    alice, round_id = t["alice"], t["values"]["round_id"]
    respondent = TestClient(t["app"], base_url="http://testserver.local")
    post(alice, f"/rounds/{round_id}/respondents/2/revoke", {}, page=f"/rounds/{round_id}")
    assert respondent.get(t["links"][1]).status_code == 404
    assert post(alice, f"/rounds/{round_id}/close", {}, page=f"/rounds/{round_id}").status_code == 303
    before = alice.get(f"/orgs/{t['values']['org_id']}/export").json()
    token = csrf(respondent, "/login")
    for link in t["links"]:
        response = respondent.post(link, data={"question": t["question"], "answer": "onbekend", "_csrf_token": token}, follow_redirects=False)
        assert response.status_code in (404, 409)
    for path in (f"/rounds/{round_id}/consensus", f"/rounds/{round_id}/respondents", f"/rounds/{round_id}/close"):
        response = post(alice, path, {"question": t["question"], "value": "onbekend", "name": "Nieuw"}, page="/")
        assert response.status_code == 409, path
    assert alice.get(f"/orgs/{t['values']['org_id']}/export").json() == before
