"""The JSON API under ``/api/v1`` (OpenAPI at ``/api/v1/schema``).

``POST /api/v1/assess`` is stateless: facts in (the facts file format as JSON), the report out,
byte for byte what ``zorgadvies assess --format json`` prints. The other endpoints read the
organisations, rounds, respondents, answers and reports of the consultant who owns the bearer token
(made on the account page); another consultant's data is 404, as if it did not exist.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import MediaType, Request, Response, Router, get, post
from litestar.exceptions import NotAuthorizedException
from litestar.openapi import ResponseSpec
from litestar.openapi.spec import Components, SecurityScheme
from litestar.params import Body, FromPath

from ..store import Store
from ..store.models import Account, Organisation, Respondent, Round
from . import accounts as acc
from . import rounds as rnd

__all__ = ["api_router"]


class OrganisationOut(msgspec.Struct):
    id: int
    name: str
    sector: str | None
    employees: int | None
    created_at: str


class RoundOut(msgspec.Struct):
    id: int
    organisation_id: int
    name: str
    created_at: str
    closed_at: str | None


class RespondentOut(msgspec.Struct):
    id: int
    name: str
    role: str | None
    created_at: str
    revoked_at: str | None
    completed_at: str | None


class AnswersOut(msgspec.Struct):
    respondents: dict[str, dict[str, Any]]
    consensus: dict[str, Any]


class ErrorOut(msgspec.Struct):
    error: str


#: What every endpoint that reads a consultant's data declares: a bearer token, 401 without, 404 for
#: what is not there or not the token owner's.
_TOKEN: dict[str, Any] = {
    "security": [{"bearer": []}],
    "responses": {
        401: ResponseSpec(ErrorOut, description="No valid API token"),
        404: ResponseSpec(ErrorOut, description="Not there, or not yours"),
    },
}


def _org(o: Organisation) -> OrganisationOut:
    return OrganisationOut(o.id, o.name, o.sector, o.employees, o.created_at)


def _round(r: Round) -> RoundOut:
    return RoundOut(r.id, r.organisation_id, r.name, r.created_at, r.closed_at)


def _respondent(r: Respondent) -> RespondentOut:
    return RespondentOut(r.id, r.name, r.role, r.created_at, r.revoked_at, r.completed_at)


def _store(request: Request[Any, Any, Any]) -> Store:
    store: Store = request.app.state.store
    return store


def _owner(request: Request[Any, Any, Any]) -> Account:
    header = request.headers.get("authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else None
    with _store(request).session() as session:
        account = acc.account_for_api_token(session, token)
    if account is None:
        raise NotAuthorizedException("a valid API token is needed (Authorization: Bearer ...)")
    return account


@post("/assess", sync_to_thread=True, status_code=200, summary="Assess one organisation (stateless)",
      responses={422: ResponseSpec(ErrorOut, description="The facts are invalid: one line naming the field"),
}, security=[])
def assess(request: Request[Any, Any, Any], data: Annotated[dict[str, Any], Body(description="A facts file as JSON (zorgadvies schema --kind input)")]) -> Response[dict[str, Any]]:
    """The report for the facts, exactly as ``zorgadvies assess --format json`` prints it."""
    # ask_next as the CLI computes it, so that the body equals `assess --format json` byte for byte.
    report = request.app.state.adv.assess(data, ask_next=True)
    # Bytes are sent as they are (the annotation only documents the shape in the OpenAPI document).
    return Response(report.to_json().encode("utf-8"), media_type=MediaType.JSON)


@get("/organisations", sync_to_thread=True, summary="Your organisations", **_TOKEN)
def organisations(request: Request[Any, Any, Any]) -> list[OrganisationOut]:
    owner = _owner(request)
    with _store(request).session() as session:
        return [_org(o) for o in rnd.list_organisations(session, owner.id)]


@get("/organisations/{org_id:int}", sync_to_thread=True, summary="One organisation", **_TOKEN)
def organisation(request: Request[Any, Any, Any], org_id: FromPath[int]) -> OrganisationOut:
    owner = _owner(request)
    with _store(request).session() as session:
        return _org(rnd.get_organisation(session, owner.id, org_id))


@get("/organisations/{org_id:int}/rounds", sync_to_thread=True, summary="The rounds of an organisation", **_TOKEN)
def rounds(request: Request[Any, Any, Any], org_id: FromPath[int]) -> list[RoundOut]:
    owner = _owner(request)
    with _store(request).session() as session:
        return [_round(r) for r in rnd.rounds_of(session, rnd.get_organisation(session, owner.id, org_id))]


@get("/rounds/{round_id:int}", sync_to_thread=True, summary="One round", **_TOKEN)
def round_(request: Request[Any, Any, Any], round_id: FromPath[int]) -> RoundOut:
    owner = _owner(request)
    with _store(request).session() as session:
        return _round(rnd.get_round(session, owner.id, round_id)[0])


@get("/rounds/{round_id:int}/respondents", sync_to_thread=True, summary="The respondents of a round", **_TOKEN)
def respondents(request: Request[Any, Any, Any], round_id: FromPath[int]) -> list[RespondentOut]:
    owner = _owner(request)
    with _store(request).session() as session:
        return [_respondent(r) for r in rnd.respondents_of(session, rnd.get_round(session, owner.id, round_id)[0])]


@get("/rounds/{round_id:int}/answers", sync_to_thread=True, summary="Every respondent's answers and the consensus", **_TOKEN)
def answers(request: Request[Any, Any, Any], round_id: FromPath[int]) -> AnswersOut:
    owner = _owner(request)
    with _store(request).session() as session:
        the_round = rnd.get_round(session, owner.id, round_id)[0]
        return AnswersOut(
            respondents={r.name: rnd.answers_of(session, r) for r in rnd.respondents_of(session, the_round)},
            consensus=rnd.consensus_of(session, the_round),
        )


@get("/rounds/{round_id:int}/report", sync_to_thread=True, summary="The round's report (as assess --format json)", **_TOKEN)
def report(request: Request[Any, Any, Any], round_id: FromPath[int]) -> Response[dict[str, Any]]:
    owner = _owner(request)
    with _store(request).session() as session:
        the_round, org = rnd.get_round(session, owner.id, round_id)
        facts = rnd.round_facts(session, the_round, org)
    body, _, _ = rnd.render_report(request.app.state.adv, facts, "json")
    return Response(body, media_type=MediaType.JSON)  # type: ignore[arg-type]


api_router = Router(
    path="/api/v1",
    route_handlers=[assess, organisations, organisation, rounds, round_, respondents, answers, report],
    tags=["zorgadvies"],
)
COMPONENTS = Components(security_schemes={"bearer": SecurityScheme(type="http", scheme="bearer")})
