"""The web application (Litestar): pages for consultants and respondents, and the JSON API.

Routes are thin: they read the request, call :mod:`zorgadvies.web.accounts`,
:mod:`zorgadvies.web.rounds` or the library, and hand the result to a template. No verdict,
ranking or combination logic lives here or in the templates.

Security (docs/privacy.md, docs/deployment.md): sessions are random cookies stored hashed
(HttpOnly, SameSite=Lax, Secure when ``secure_cookies``); every form carries a CSRF token (the
API, authenticated by bearer token, has none); a Content Security Policy allows only the
package's own static files, no inline script or style; templates autoescape every text.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Annotated, Any

from litestar import Litestar, MediaType, Request, Response, Router, get, post
from litestar.config.csrf import CSRFConfig
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.datastructures import Cookie, UploadFile
from litestar.enums import RequestEncodingType
from litestar.exceptions import HTTPException, NotAuthorizedException, NotFoundException, PermissionDeniedException
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import YamlRenderPlugin
from litestar.params import Body, FromPath
from litestar.response import Redirect, Template
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..api import Advisor, advisor
from ..errors import InputError, ZorgadviesError
from ..facts import DISC_COLOURS, ROLE_LABELS, ROLES, SECTORS
from ..interview import AnswerError
from ..messages import using_language
from ..store import Store, open_store
from ..store.models import Account
from . import accounts as acc
from . import questionnaire as qn
from . import rounds as rnd
from ..render.pdf import pdf_available as _pdf_available
from .api import COMPONENTS, api_router
from .security import content_disposition

__all__ = ["SESSION_COOKIE", "create_app"]

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "zorgadvies_session"
Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
Upload = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.MULTI_PART)]

#: The largest workbook upload: the reader's own limit (5 MB, zorgadvies.workbook) and room for the form around it.
WORKBOOK_UPLOAD_LIMIT = 6 * 1024 * 1024

CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
#: The downloaded HTML report is a stand-alone document with its own inline styles and SVG; still no script.
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'"


@functools.cache
def pdf_available() -> bool:
    """Whether this server can make PDFs (asked once per worker: the check imports WeasyPrint)."""
    return _pdf_available()


class LoginRequired(Exception):
    """No (valid) session: the browser goes to the log-in page."""


def _security_headers(app: ASGIApp) -> ASGIApp:
    """Add the CSP and friends to every response that does not set its own."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                extra = [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                headers += [(k, v) for k, v in extra if k not in present]
                if scope.get("scheme") == "https":
                    headers.append((b"strict-transport-security", b"max-age=31536000"))
                message["headers"] = headers
            await send(message)

        await app(scope, receive, wrapped)

    return middleware


def _in_dutch(app: ASGIApp) -> ASGIApp:
    """Every request in Dutch: the pages are Dutch, and the library's messages (errors, labels)
    follow them rather than the server's locale or $ZORGADVIES_LANG, which are the operator's."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        with using_language("nl"):
            await app(scope, receive, send)

    return middleware


def _store(request: Request[Any, Any, Any]) -> Store:
    store: Store = request.app.state.store
    return store


def _adv(request: Request[Any, Any, Any]) -> Advisor:
    adv: Advisor = request.app.state.adv
    return adv


def _consultant(request: Request[Any, Any, Any]) -> Account:
    with _store(request).session() as session:
        account = acc.account_for_session(session, request.cookies.get(SESSION_COOKIE))
    if account is None:
        raise LoginRequired
    return account


#: role id -> its Dutch name, for the pages (the ids stay the form values).
_ROLE_NAMES = {role: ROLE_LABELS[role][0] for role in ROLES}


def _page(name: str, request: Request[Any, Any, Any], status_code: int = 200, **context: Any) -> Template:
    context.setdefault("account", None)
    return Template(template_name=name, context=context | {"version": __version__, "role_names": _ROLE_NAMES}, status_code=status_code)


def _text(form: dict[str, Any], name: str) -> str:
    value = form.get(name, "")
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value)


def _many(form: dict[str, Any], name: str) -> list[str]:
    value = form.get(name, [])
    return [str(v) for v in (value if isinstance(value, list) else [value]) if str(v)]


def _answer(form: dict[str, Any]) -> str:
    """The answer field: a number field with a 'weet ik niet' box sends both; the box wins."""
    values = [v for v in _many(form, "answer") if v.strip()]
    return "onbekend" if "onbekend" in values else (values[0] if values else "")


def _int_or_none(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"'{text}' is geen geheel getal") from None


def _link(request: Request[Any, Any, Any], path: str) -> str:
    return str(request.base_url).rstrip("/") + path


# -- consultants: log-in and accounts ---------------------------------------------------------------


@get("/login", sync_to_thread=False)
def login_page(request: Request[Any, Any, Any]) -> Template:
    return _page("login.html", request)


@post("/login", sync_to_thread=True)
def login(request: Request[Any, Any, Any], data: Form) -> Response[Any]:
    client = request.client.host if request.client else "?"
    with _store(request).session() as session:
        try:
            account = acc.log_in(session, _text(data, "email"), _text(data, "password"), client)
        except acc.Throttled:
            return _page("login.html", request, 429, error="Te veel mislukte pogingen. Probeer het over een kwartier opnieuw.")
        token = acc.start_session(session, account.id) if account is not None else None
    if token is None:
        return _page("login.html", request, 401, error="E-mailadres of wachtwoord klopt niet.")
    return _with_session(request, Redirect("/", status_code=303), token)


def _with_session(request: Request[Any, Any, Any], response: Response[Any], token: FromPath[str]) -> Response[Any]:
    response.set_cookie(Cookie(
        key=SESSION_COOKIE, value=token, httponly=True, samesite="lax", path="/",
        secure=request.app.state.secure_cookies, max_age=acc.SESSION_DAYS * 86400,
    ))
    return response


@post("/logout", sync_to_thread=True)
def logout(request: Request[Any, Any, Any]) -> Response[Any]:
    with _store(request).session() as session:
        acc.end_session(session, request.cookies.get(SESSION_COOKIE))
    response: Response[Any] = Redirect("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@get("/setup/{token:str}", sync_to_thread=False)
def setup_page(request: Request[Any, Any, Any], token: FromPath[str]) -> Template:
    return _page("setup.html", request, token=token)


@post("/setup/{token:str}", sync_to_thread=True)
def setup(request: Request[Any, Any, Any], token: FromPath[str], data: Form) -> Response[Any]:
    password = _text(data, "password")
    if password != _text(data, "password2"):
        return _page("setup.html", request, 400, token=token, error="De twee wachtwoorden verschillen.")
    try:
        with _store(request).session() as session:
            account = acc.complete_setup(session, token, _text(data, "email"), password)
            session_token = acc.start_session(session, account.id)
    except LookupError as exc:
        return _page("setup.html", request, 404, token=None, error=str(exc))
    except ValueError as exc:
        return _page("setup.html", request, 400, token=token, error=str(exc))
    return _with_session(request, Redirect("/", status_code=303), session_token)


@get("/accounts", sync_to_thread=True)
def accounts_page(request: Request[Any, Any, Any]) -> Template:
    account = _consultant(request)
    if not account.is_admin:
        raise PermissionDeniedException
    from sqlalchemy import select

    with _store(request).session() as session:
        everyone = session.execute(select(Account).order_by(Account.email)).scalars().all()
    return _page("accounts.html", request, account=account, accounts=everyone)


@post("/accounts", sync_to_thread=True)
def add_account(request: Request[Any, Any, Any], data: Form) -> Template:
    account = _consultant(request)
    if not account.is_admin:
        raise PermissionDeniedException
    from sqlalchemy import select

    error, link = None, None
    with _store(request).session() as session:
        try:
            token = acc.add_account(session, _text(data, "email"), _text(data, "name"), is_admin=_text(data, "admin") == "ja")
            link = _link(request, f"/setup/{token}")
        except ValueError as exc:
            error = str(exc)
        everyone = session.execute(select(Account).order_by(Account.email)).scalars().all()
    return _page("accounts.html", request, 400 if error else 200, account=account, accounts=everyone, error=error, link=link)


@post("/account/api-token", sync_to_thread=True)
def api_token(request: Request[Any, Any, Any]) -> Template:
    account = _consultant(request)
    with _store(request).session() as session:
        token = acc.new_api_token(session, session.merge(account))
    return _page("api_token.html", request, account=account, token=token)


# -- consultants: organisations and rounds ------------------------------------------------------------


@get("/", sync_to_thread=True)
def dashboard(request: Request[Any, Any, Any]) -> Template:
    account = _consultant(request)
    with _store(request).session() as session:
        orgs = rnd.list_organisations(session, account.id)
    return _page("dashboard.html", request, account=account, orgs=orgs, sectors=SECTORS)


@post("/orgs", sync_to_thread=True)
def create_org(request: Request[Any, Any, Any], data: Form) -> Response[Any]:
    account = _consultant(request)
    try:
        with _store(request).session() as session:
            org = rnd.create_organisation(session, account.id, _text(data, "name"), _text(data, "sector") or None,
                                          _int_or_none(_text(data, "employees")))
    except ValueError as exc:
        with _store(request).session() as session:
            orgs = rnd.list_organisations(session, account.id)
        return _page("dashboard.html", request, 400, account=account, orgs=orgs, sectors=SECTORS, error=str(exc))
    return Redirect(f"/orgs/{org.id}", status_code=303)


def _org_page(request: Request[Any, Any, Any], account: Account, org_id: int, status_code: int = 200, **extra: Any) -> Template:
    with _store(request).session() as session:
        org = rnd.get_organisation(session, account.id, org_id)
        context = {
            "org": org,
            "people": [(p, json.loads(p.roles_json), json.loads(p.disc_json) if p.disc_json else []) for p in rnd.people(session, org)],
            "rounds": rnd.rounds_of(session, org),
            "history": rnd.history_of(session, org),
        }
    return _page("organisation.html", request, status_code, account=account, roles=ROLES, colours=DISC_COLOURS, **context, **extra)


@get("/orgs/{org_id:int}", sync_to_thread=True)
def organisation(request: Request[Any, Any, Any], org_id: FromPath[int]) -> Template:
    return _org_page(request, _consultant(request), org_id)


@post("/orgs/{org_id:int}/people", sync_to_thread=True)
def add_person(request: Request[Any, Any, Any], org_id: FromPath[int], data: Form) -> Response[Any]:
    account = _consultant(request)
    try:
        with _store(request).session() as session:
            org = rnd.get_organisation(session, account.id, org_id)
            rnd.add_person(session, org, _text(data, "name"), _many(data, "roles"), _many(data, "disc"))
    except ValueError as exc:
        return _org_page(request, account, org_id, 400, error=str(exc))
    return Redirect(f"/orgs/{org_id}", status_code=303)


@post("/orgs/{org_id:int}/rounds", sync_to_thread=True)
def create_round(request: Request[Any, Any, Any], org_id: FromPath[int], data: Form) -> Redirect:
    account = _consultant(request)
    with _store(request).session() as session:
        org = rnd.get_organisation(session, account.id, org_id)
        new = rnd.create_round(session, org, _text(data, "name"))
    return Redirect(f"/rounds/{new.id}", status_code=303)


@post("/orgs/{org_id:int}/delete", sync_to_thread=True)
def delete_org(request: Request[Any, Any, Any], org_id: FromPath[int], data: Form) -> Response[Any]:
    account = _consultant(request)
    with _store(request).session() as session:
        org = rnd.get_organisation(session, account.id, org_id)
        if _text(data, "confirm").strip() != org.name:
            raise HTTPException(status_code=400, detail="typ de naam van de organisatie om te bevestigen")
        rnd.delete_organisation(session, org)
    return Redirect("/", status_code=303)


@get("/orgs/{org_id:int}/export", sync_to_thread=True)
def export_org(request: Request[Any, Any, Any], org_id: FromPath[int]) -> Response[str]:
    account = _consultant(request)
    with _store(request).session() as session:
        data = rnd.organisation_export(session, rnd.get_organisation(session, account.id, org_id))
    return Response(json.dumps(data, ensure_ascii=False, indent=2) + "\n", media_type=MediaType.JSON,
                    headers={"content-disposition": content_disposition(f"organisatie-{org_id}.json")})


@get("/orgs/{org_id:int}/compare", sync_to_thread=True)
def compare(request: Request[Any, Any, Any], org_id: FromPath[int]) -> Template:
    account = _consultant(request)
    with _store(request).session() as session:
        org = rnd.get_organisation(session, account.id, org_id)
        steps = rnd.compare_rounds(session, org)
    return _page("compare.html", request, account=account, org=org, steps=steps)


@get("/peers", sync_to_thread=True)
def peers(request: Request[Any, Any, Any]) -> Template:
    account = _consultant(request)
    with _store(request).session() as session:
        view = rnd.peer_view_of(session, _adv(request), account.id)
    stages = [(s.number, s.nl) for s in _adv(request).kb.stages]
    return _page("peers.html", request, account=account, view=view, stages=stages)


def _round_page(request: Request[Any, Any, Any], account: Account, round_id: int, status_code: int = 200, **extra: Any) -> Template:
    adv = _adv(request)
    with _store(request).session() as session:
        the_round, org = rnd.get_round(session, account.id, round_id)
        view = rnd.round_view(session, adv, the_round, org)
        notes = rnd.notes_for_round(session, the_round)
    return _page("round.html", request, status_code, account=account, round=the_round, org=org, view=view, kb=adv.kb,
                 notes=notes, roles=ROLES, pdf=pdf_available(), **extra)


@get("/rounds/{round_id:int}", sync_to_thread=True)
def round_page(request: Request[Any, Any, Any], round_id: FromPath[int]) -> Template:
    return _round_page(request, _consultant(request), round_id)


@post("/rounds/{round_id:int}/respondents", sync_to_thread=True)
def add_respondent(request: Request[Any, Any, Any], round_id: FromPath[int], data: Form) -> Template:
    account = _consultant(request)
    try:
        with _store(request).session() as session:
            the_round, _ = rnd.get_round(session, account.id, round_id)
            resp, token = rnd.add_respondent(session, the_round, _text(data, "name"), _text(data, "role") or None)
    except ValueError as exc:
        return _round_page(request, account, round_id, 400, error=str(exc))
    return _round_page(request, account, round_id, new_link=(resp.name, _link(request, f"/r/{token}")))


@post("/rounds/{round_id:int}/werkmap", sync_to_thread=True, request_max_body_size=WORKBOOK_UPLOAD_LIMIT)
def upload_workbook(request: Request[Any, Any, Any], round_id: FromPath[int], data: Upload) -> Template:
    """A respondent who filled in the questionnaire workbook: their answers join the round (rounds.add_workbook_respondent)."""
    account = _consultant(request)
    upload = data.get("werkmap")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _round_page(request, account, round_id, 400, error="kies een ingevulde werkmap (.xlsx) om toe te voegen")
    body = upload.file.read(WORKBOOK_UPLOAD_LIMIT + 1)
    try:
        with _store(request).session() as session:
            the_round, org = rnd.get_round(session, account.id, round_id)
            resp, answered = rnd.add_workbook_respondent(session, _adv(request), the_round, org, account.id, body, upload.filename)
            name = resp.name
    except (ValueError, InputError) as exc:
        return _round_page(request, account, round_id, 400, error=str(exc))
    counted = f"{answered} antwoord" if answered == 1 else f"{answered} antwoorden"
    return _round_page(request, account, round_id, added=f"De werkmap van {name} is toegevoegd: {counted}.")


@post("/rounds/{round_id:int}/respondents/{respondent_id:int}/revoke", sync_to_thread=True)
def revoke(request: Request[Any, Any, Any], round_id: FromPath[int], respondent_id: FromPath[int]) -> Redirect:
    account = _consultant(request)
    with _store(request).session() as session:
        the_round, _ = rnd.get_round(session, account.id, round_id)
        rnd.revoke_respondent(session, rnd.get_respondent(session, the_round, respondent_id))
    return Redirect(f"/rounds/{round_id}", status_code=303)


@post("/rounds/{round_id:int}/consensus", sync_to_thread=True)
def consensus(request: Request[Any, Any, Any], round_id: FromPath[int], data: Form) -> Response[Any]:
    account = _consultant(request)
    try:
        with _store(request).session() as session:
            the_round, _ = rnd.get_round(session, account.id, round_id)
            rnd.set_consensus(session, _adv(request), the_round, account.id, _text(data, "question"), _text(data, "value"), _text(data, "note"))
    except AnswerError as exc:
        return _round_page(request, account, round_id, 400, error=str(exc))
    return Redirect(f"/rounds/{round_id}#geschillen", status_code=303)


@post("/rounds/{round_id:int}/notes", sync_to_thread=True)
def add_note(request: Request[Any, Any, Any], round_id: FromPath[int], data: Form) -> Response[Any]:
    account = _consultant(request)
    try:
        with _store(request).session() as session:
            the_round, _ = rnd.get_round(session, account.id, round_id)
            rnd.add_note(session, the_round, account.id, _text(data, "text"), _text(data, "question") or None)
    except ValueError as exc:
        return _round_page(request, account, round_id, 400, error=str(exc))
    return Redirect(f"/rounds/{round_id}#notities", status_code=303)


@post("/rounds/{round_id:int}/close", sync_to_thread=True)
def close(request: Request[Any, Any, Any], round_id: FromPath[int]) -> Redirect:
    account = _consultant(request)
    with _store(request).session() as session:
        the_round, org = rnd.get_round(session, account.id, round_id)
        rnd.close_round(session, _adv(request), the_round, org)
    return Redirect(f"/rounds/{round_id}", status_code=303)


def _download_name(kind: str, org: Any, the_round: Any, suffix: str) -> str:
    from ..interview import slug

    return f"{kind}-{slug(org.name)}-{the_round.id}.{suffix}"


def _report_response(request: Request[Any, Any, Any], round_id: int, fmt: str, *, inline: bool) -> Response[Any]:
    account = _consultant(request)
    adv = _adv(request)
    with _store(request).session() as session:
        the_round, org = rnd.get_round(session, account.id, round_id)
        facts = rnd.round_facts(session, the_round, org)
        previous = rnd.previous_assessment(session, org, the_round)
    if fmt not in rnd.REPORT_FORMATS:
        raise NotFoundException
    if fmt == "pdf" and not pdf_available():
        return _page("error.html", request, 501, account=account, title="PDF niet beschikbaar",
                     message="Deze server kan geen PDF maken (de pdf-extra van zorgadvies is niet geïnstalleerd). Download het rapport als HTML en druk het af als PDF.")
    body, media_type, suffix = rnd.render_report(adv, facts, fmt, previous)
    headers = {"content-disposition": content_disposition(_download_name("rapport", org, the_round, suffix), inline=inline)}
    if fmt == "html":
        headers["content-security-policy"] = REPORT_CSP
    return Response(body, media_type=media_type, headers=headers)


@get("/rounds/{round_id:int}/report/{fmt:str}", sync_to_thread=True)
def report(request: Request[Any, Any, Any], round_id: FromPath[int], fmt: FromPath[str]) -> Response[Any]:
    """The client report as a download: html, pdf (with the pdf extra), markdown or json."""
    return _report_response(request, round_id, fmt, inline=False)


@get("/rounds/{round_id:int}/rapport", sync_to_thread=True)
def report_view(request: Request[Any, Any, Any], round_id: FromPath[int]) -> Response[Any]:
    """The client report (HTML) shown in the browser."""
    return _report_response(request, round_id, "html", inline=True)


@get("/orgs/{org_id:int}/vragenlijst", sync_to_thread=True)
def questionnaire_xlsx(request: Request[Any, Any, Any], org_id: FromPath[int]) -> Response[bytes]:
    """The questionnaire workbook with the organisation's name, as ``zorgadvies vragenlijst``."""
    account = _consultant(request)
    from ..interview import slug

    with _store(request).session() as session:
        org = rnd.get_organisation(session, account.id, org_id)
        body = rnd.questionnaire(_adv(request), org)
        name = f"vragenlijst-{slug(org.name)}.xlsx"
    return Response(body, media_type=rnd.XLSX, headers={"content-disposition": content_disposition(name)})


# -- respondents: the questionnaire behind a personal link ---------------------------------------------


def _question_page(request: Request[Any, Any, Any], q: qn.Questionnaire, token: str, step: Any, status_code: int = 200,
                   **extra: Any) -> Template:
    done, total = q.interview.progress()
    if step is None:
        kb = _adv(request).kb
        return _page("done.html", request, respondent=q.respondent, org=q.organisation, token=token, done=done,
                     answered=[(qid, kb.questions[qid]) for qid in kb.questions if qid in q.answers])
    return _page("question.html", request, status_code, respondent=q.respondent, org=q.organisation, step=step, token=token,
                 done=done, total=total, current=q.answers.get(step.key), note=q.notes.get(step.key, ""), **extra)


def _questionnaire(request: Request[Any, Any, Any], token: str, question: str | None = None) -> Template:
    q = qn.open_questionnaire(_store(request), _adv(request), token)
    if q.closed:
        return _page("closed.html", request, 410, org=q.organisation)
    step = q.step(question) if question else q.next_step()
    if question is None:
        qn.set_completed(_store(request), q, step is None)
    return _question_page(request, q, token, step)


@get("/r/{token:str}", sync_to_thread=True)
def respondent_start(request: Request[Any, Any, Any], token: FromPath[str]) -> Template:
    return _questionnaire(request, token)


@get("/r/{token:str}/vraag/{question:str}", sync_to_thread=True)
def respondent_change(request: Request[Any, Any, Any], token: FromPath[str], question: FromPath[str]) -> Template:
    try:
        return _questionnaire(request, token, question)
    except AnswerError:
        raise NotFoundException from None


@post("/r/{token:str}", sync_to_thread=True, status_code=200)
def respondent_answer(request: Request[Any, Any, Any], token: FromPath[str], data: Form) -> Template:
    """Save the answer and answer with the next question's page at once (one request per answer:
    the page's address, /r/{token}, is the questionnaire's own; saving the same answer again changes nothing)."""
    store = _store(request)
    q = qn.open_questionnaire(store, _adv(request), token)
    if q.closed:
        raise rnd.Closed
    question = _text(data, "question")
    try:
        value = q.answer(question, _answer(data))
    except AnswerError as exc:
        try:
            return _question_page(request, q, token, q.step(question), 400, error=str(exc))
        except AnswerError:
            raise NotFoundException from None
    step = q.next_step()
    qn.record(store, q, question, value, _text(data, "note"), finished=step is None)
    return _question_page(request, q, token, step)


@get("/healthz", sync_to_thread=False, include_in_schema=False)
def healthz() -> str:
    return "ok"


# -- errors ---------------------------------------------------------------------------------------------


def _not_found(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    if request.url.path.startswith("/api/"):
        return Response({"error": "not found"}, status_code=404)
    return _page("error.html", request, 404, title="Niet gevonden", message="Deze pagina bestaat niet, of u hebt er geen toegang toe.")


def _closed(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    if request.url.path.startswith("/api/"):
        return Response({"error": "the round is closed"}, status_code=409)
    return _page("error.html", request, 409, title="Ronde gesloten", message="Deze ronde is gesloten en neemt geen wijzigingen meer aan.")


def _unauthorised(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    return Response({"error": "a valid API token is needed (Authorization: Bearer ...)"}, status_code=401)


def _login_required(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    return Redirect("/login", status_code=303)


def _input_error(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    if request.url.path.startswith("/api/"):
        return Response({"error": str(exc)}, status_code=422)
    return _page("error.html", request, 400, title="Ongeldige invoer", message=str(exc))


def create_app(database: str | Path | None = None, *, secure_cookies: bool = False) -> Litestar:
    """The app on ``database`` (a SQLite path or a URL; default: the user's data folder).

    Every worker builds its own app and engine; all shared state is in the database.
    """
    store = open_store(database)
    assert store is not None
    with store.session() as session:
        secret = acc.server_secret(session)
    html = Router(path="/", include_in_schema=False, route_handlers=[
        login_page, login, logout, setup_page, setup, accounts_page, add_account, api_token,
        dashboard, create_org, organisation, add_person, create_round, delete_org, export_org, compare, peers,
        round_page, add_respondent, upload_workbook, revoke, consensus, add_note, close, report, report_view, questionnaire_xlsx,
        respondent_start, respondent_change, respondent_answer, healthz,
    ])
    app = Litestar(
        route_handlers=[
            html,
            api_router,
            create_static_files_router(path="/static", directories=[HERE / "static"], include_in_schema=False),
        ],
        template_config=TemplateConfig(directory=HERE / "templates", engine=JinjaTemplateEngine),
        csrf_config=CSRFConfig(secret=secret, cookie_secure=secure_cookies, cookie_httponly=True, exclude=["/api/"]),
        # Only the JSON and YAML documents: the bundled viewers (Swagger UI, ReDoc, ...) load scripts from other sites.
        openapi_config=OpenAPIConfig(title="zorgadvies", version=__version__, path="/api/v1/schema", components=COMPONENTS,
                                     render_plugins=[YamlRenderPlugin()]),
        middleware=[_security_headers, _in_dutch],
        exception_handlers={
            NotFoundException: _not_found,
            rnd.NotFound: _not_found,
            rnd.Closed: _closed,
            LoginRequired: _login_required,
            NotAuthorizedException: _unauthorised,
            ZorgadviesError: _input_error,
        },
        debug=False,
    )
    app.state.store = store
    app.state.adv = advisor()
    app.state.secure_cookies = secure_cookies
    return app
