"""The OpenAPI document checked with schemathesis against the running server, on SQLite and PostgreSQL.

Every operation under /api/v1, with generated requests (the token of a consultant who owns an
organisation and a round): no 5xx, status codes, content types and bodies as the document says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("litestar", reason="the web extra is not installed")
schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")
httpx = pytest.importorskip("httpx")

from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance, status_code_conformance

from webserver import running_server

PASSWORD = "correct horse battery"
_CSRF = re.compile(r'name="_csrf_token" value="([^"]+)"')


def _form(client: Any, path: str, data: dict[str, str], page: str) -> Any:
    token = _CSRF.search(client.get(page).text).group(1)  # type: ignore[union-attr]
    return client.post(path, data={**data, "_csrf_token": token})


@pytest.fixture(scope="module")
def api(module_db_url: str) -> Iterator[tuple[str, str]]:
    """A server on SQLite and on PostgreSQL (module_db_url skips the latter, saying why, without a server)."""
    with running_server(module_db_url) as (base, link):
        assert link
        path = link.split(base, 1)[1]
        with httpx.Client(base_url=base, follow_redirects=True) as client:
            _form(client, path, {"email": "a@example.nl", "password": PASSWORD, "password2": PASSWORD}, path)
            org = _form(client, "/orgs", {"name": "Zorg & Co", "sector": "ggz", "employees": "40"}, "/")
            org_path = str(org.url.path)
            _form(client, f"{org_path}/rounds", {"name": "Ronde 1"}, org_path)
            page = _form(client, "/account/api-token", {}, "/")
            token = re.search(r'<code class="link-out">([^<]+)</code>', page.text).group(1)  # type: ignore[union-attr]
        yield base, token


def test_api_conforms_to_its_openapi_document(api: tuple[str, str]) -> None:
    # Each operation's strategy driven by Hypothesis here (schemathesis' own pytest plugin does not
    # load under this pytest version).
    base, token = api
    schema = schemathesis.openapi.from_url(f"{base}/api/v1/schema/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case: Any) -> None:
            case.call_and_validate(
                headers={"Authorization": f"Bearer {token}"},
                checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance],
            )

        check()
