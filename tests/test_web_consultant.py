"""The consultant's side of a round (issue 12.2): downloads, the live view in words, trend and peers.

On SQLite and PostgreSQL (the ``db_url`` fixture). Downloads are compared with what the CLI makes of
the round's facts (the same templates, byte for byte); the round page with the library's own words
for bounds, estimates and conflicts.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("litestar", reason="the web extra is not installed")

from click.testing import CliRunner
from litestar import Litestar
from markupsafe import escape
from litestar.testing import TestClient

from webutil import admin_client, answer_next, consultant_client, make_round, post
from zorgadvies.api import advisor
from zorgadvies.cli import main
from zorgadvies.render.labels import bounds_text, stage_names, stage_text
from zorgadvies.render.pdf import pdf_available
from zorgadvies.store import open_store
from zorgadvies.tracking import change_words, diff_reports
from zorgadvies.web.app import create_app


@pytest.fixture()
def consultant(db_url: str) -> tuple[Litestar, TestClient[Litestar]]:
    app = create_app(db_url)
    store = open_store(db_url)
    assert store is not None
    return app, admin_client(app, store)


def _answered_round(app: Litestar, client: TestClient[Litestar], name: str, picks: tuple[str, str] = ("last", "first"), n: int = 4) -> tuple[int, int]:
    org_id, round_id, links = make_round(client, name, [("Directeur", "bestuurder"), ("Teamleider", "manager")])
    for link, pick in zip(links, picks):
        respondent = TestClient(app, base_url="http://testserver.local")
        for _ in range(n):
            answer_next(respondent, link, pick)
    return org_id, round_id


def _facts_file(client: TestClient[Litestar], org_id: int, tmp_path: Path, index: int = -1) -> Path:
    facts = client.get(f"/orgs/{org_id}/export").json()["rounds"][index]["facts"]
    path = tmp_path / "round.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    return path


def test_downloads_are_the_cli_outputs(consultant: tuple[Litestar, TestClient[Litestar]], tmp_path: Path) -> None:
    app, client = consultant
    org_id, round_id = _answered_round(app, client, "Thuiszorg Het Anker")
    facts = _facts_file(client, org_id, tmp_path)
    # The client report: the CLI's `report` on the same facts, from the same templates, byte for byte.
    for fmt, media, suffix in (("html", "text/html", "html"), ("markdown", "text/markdown", "md")):
        response = client.get(f"/rounds/{round_id}/report/{fmt}")
        cli = CliRunner().invoke(main, ["report", str(facts), "--format", fmt])
        assert cli.exit_code == 0, cli.output
        assert response.status_code == 200 and response.text == cli.output, fmt
        assert response.headers["content-type"].startswith(media)
        assert response.headers["content-disposition"] == f'attachment; filename="rapport-thuiszorg-het-anker-{round_id}.{suffix}"'
    # Viewed in the browser: the same document, inline, under the report's own CSP (no script).
    view = client.get(f"/rounds/{round_id}/rapport")
    assert view.text == client.get(f"/rounds/{round_id}/report/html").text
    assert view.headers["content-disposition"].startswith("inline;")
    assert "script-src" not in view.headers["content-security-policy"] and "default-src 'none'" in view.headers["content-security-policy"]
    # JSON: `assess --format json`.
    cli = CliRunner().invoke(main, ["assess", str(facts), "--format", "json"])
    response = client.get(f"/rounds/{round_id}/report/json")
    assert response.text == cli.output and response.headers["content-type"] == "application/json"
    # An unknown format is not there.
    assert client.get(f"/rounds/{round_id}/report/exe").status_code == 404
    # The questionnaire workbook: `zorgadvies vragenlijst --organisation NAME`, read back.
    from openpyxl import load_workbook

    from zorgadvies.workbook import ANSWER_SHEET, INFO_SHEET

    response = client.get(f"/orgs/{org_id}/vragenlijst")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response.headers["content-disposition"] == 'attachment; filename="vragenlijst-thuiszorg-het-anker.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert "Thuiszorg Het Anker" in [c.value for row in book[INFO_SHEET].iter_rows() for c in row]
    codes = [row[0].value for row in book[ANSWER_SHEET].iter_rows(min_row=2)]
    assert set(codes) == set(advisor().kb.questions)


@pytest.mark.skipif(not pdf_available(), reason="WeasyPrint (the pdf extra, with Pango) is not installed: no PDF to download")
def test_the_pdf_report(consultant: tuple[Litestar, TestClient[Litestar]]) -> None:
    app, client = consultant
    org_id, round_id = _answered_round(app, client, "GGZ De Horizon", n=2)
    response = client.get(f"/rounds/{round_id}/report/pdf")
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == f'attachment; filename="rapport-ggz-de-horizon-{round_id}.pdf"'
    assert response.content.startswith(b"%PDF-")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True).stdout.decode()
        assert "GGZ De Horizon" in text


def test_download_names_from_hostile_organisation_names(consultant: tuple[Litestar, TestClient[Litestar]]) -> None:
    app, client = consultant
    hostile = '..\\..//etc/passwd"; x=\r\nSet-Cookie: a=b .html'
    org_id, round_id, _ = make_round(client, hostile, [("Directeur", "bestuurder")])
    for path in (f"/rounds/{round_id}/report/html", f"/rounds/{round_id}/report/json", f"/orgs/{org_id}/vragenlijst", f"/orgs/{org_id}/export"):
        response = client.get(path)
        assert response.status_code == 200, path
        header = response.headers["content-disposition"]
        name = re.fullmatch(r'attachment; filename="([A-Za-z0-9._-]+)"', header)
        assert name, (path, header)
        assert not name.group(1).startswith(".") and ".." not in name.group(1)
        assert "a=b" not in response.headers.get("set-cookie", "")  # no header smuggled in by a CRLF


def test_the_round_page_in_the_librarys_words(consultant: tuple[Litestar, TestClient[Litestar]]) -> None:
    app, client = consultant
    org_id, round_id = _answered_round(app, client, "Zorggroep De Vaart")
    # A self-placement the answers contradict (docs/stages.md): a conflict, told on the page.
    for question, value in (("met_kpis", "geen"), ("zelf_metrics_evaluatie", "geoptimaliseerd")):
        response = post(client, f"/rounds/{round_id}/consensus", {"question": question, "value": value, "note": "in het MT"}, page=f"/rounds/{round_id}")
        assert response.status_code == 303, response.text
    page = client.get(f"/rounds/{round_id}").text
    report = client.get(f"/rounds/{round_id}/report/json").json()
    kb = advisor().kb
    names = stage_names(kb)
    for p in report["pillars"]:
        est = p["stage_estimate"]
        words = bounds_text(p["stage"], p["stage_min"], p["stage_max"], est["stage"], est["basis"], names, "nl")
        row = re.search(rf"<th scope=\"row\">{re.escape(str(escape(kb.pillar(p['id']).name('nl'))))}</th>(.*?)</tr>", page, re.S)
        assert row and str(escape(words)) in row.group(1), (p["id"], words)
        assert f"minstens {p['stage_min']}, hoogstens {p['stage_max']}" in row.group(1)
    conflict = re.search(r'<tr class="conflict"><td colspan="\d">(.*?)</td></tr>', page, re.S)
    assert conflict and "Metrics" in conflict.group(1) and "past niet bij de antwoorden" in conflict.group(1)
    assert page.count('<tr class="conflict">') == sum(len(p["conflicts"]) for p in report["pillars"]) == 1
    # The consensus answers are listed with their note; disputes show each respondent's answer.
    consensus = page.split('id="h-consensus"', 1)[1].split("</section>", 1)[0]
    assert str(escape(kb.questions["met_kpis"].text("nl"))) in consensus and "in het MT" in consensus
    disputed = (report["respondents"] or {}).get("disputed", [])
    assert disputed  # the two respondents answered at the two ends of every scale
    assert "<strong>Directeur:</strong>" in page and "<strong>Teamleider:</strong>" in page
    # A consensus on a dispute is preselected in its form (changing it starts from what was agreed).
    question = next(d["question"] for d in disputed if kb.questions[d["question"]].type == "choice")
    value = kb.questions[question].values[1].id
    assert post(client, f"/rounds/{round_id}/consensus", {"question": question, "value": value}, page=f"/rounds/{round_id}").status_code == 303
    form = client.get(f"/rounds/{round_id}").text.split(f'name="question" value="{question}"', 1)[1].split("</form>", 1)[0]
    assert re.findall(r'<option value="([^"]*)" selected>', form) == [value]
    # The download links are on the page (PDF only where it can be made).
    for href in (f"/rounds/{round_id}/rapport", f"/rounds/{round_id}/report/html", f"/rounds/{round_id}/report/markdown",
                 f"/rounds/{round_id}/report/json", f"/orgs/{org_id}/vragenlijst"):
        assert f'href="{href}"' in page
    assert (f'href="/rounds/{round_id}/report/pdf"' in page) == pdf_available()


def test_trend_against_the_previous_round(consultant: tuple[Litestar, TestClient[Litestar]], tmp_path: Path) -> None:
    app, client = consultant
    org_id, first = _answered_round(app, client, "Thuiszorg De Brug", ("first", "first"))
    assert post(client, f"/rounds/{first}/close", {}, page=f"/rounds/{first}").status_code == 303
    assert "Vorige" not in client.get(f"/rounds/{first}").text  # nothing before the first round
    response = post(client, f"/orgs/{org_id}/rounds", {"name": "Najaar 2026"}, page=f"/orgs/{org_id}")
    second = int(response.headers["location"].rsplit("/", 1)[1])
    for question, value in (("met_kpis", "geen"), ("zelf_merk", "geoptimaliseerd")):
        post(client, f"/rounds/{second}/consensus", {"question": question, "value": value}, page=f"/rounds/{second}")
    page = client.get(f"/rounds/{second}").text
    export = client.get(f"/orgs/{org_id}/export").json()
    old = export["assessments"][0]["report"]
    new = client.get(f"/rounds/{second}/report/json").json()
    names, words = stage_names(advisor().kb), change_words("nl")
    assert "Vorige" in page
    changes = {c.id: c.change for c in diff_reports(old, new).pillars}
    for po, pn in zip(old["pillars"], new["pillars"]):
        row = re.search(rf"<th scope=\"row\">{re.escape(str(escape(pn['name'])))}</th>(.*?)</tr>", page, re.S)
        assert row, pn["id"]
        previous = stage_text(po["stage"], po["at_least"], names, "nl")
        assert f'<td data-label="Vorige">{escape(previous)}</td><td data-label="Trend">{escape(words[changes[pn["id"]]])}</td>' in row.group(1), (pn["id"], previous)
    # Metrics is established at stage 1 without KPIs, where the first round left it open: a change the trend shows.
    assert changes["metrics_evaluatie"] != "same"
    # The closed second round appears in the organisation's trend, in words (not the diff's codes).
    assert post(client, f"/rounds/{second}/close", {}, page=f"/rounds/{second}").status_code == 303
    trend = client.get(f"/orgs/{org_id}/compare").text
    assert trend.count("<tr>") == 1 + len(new["pillars"])
    assert not re.search(r"<td>(up|down|same|determined|undetermined|unclear)</td>", trend)
    assert any(w in trend for w in words.values())
    # The first round's view still compares with what came before it (nothing), not with the second.
    assert "Vorige" not in client.get(f"/rounds/{first}").text


def test_the_peer_view_from_five_organisations_on(consultant: tuple[Litestar, TestClient[Litestar]]) -> None:
    app, client = consultant
    other = consultant_client(app, client, "other@example.nl")
    for n in range(4):
        _, round_id, _ = make_round(client, f"Organisatie {n}", [])
        post(client, f"/rounds/{round_id}/close", {}, page=f"/rounds/{round_id}")
    for n in range(3):  # another consultant's organisations do not count
        _, round_id, _ = make_round(other, f"Andere {n}", [])
        post(other, f"/rounds/{round_id}/close", {}, page=f"/rounds/{round_id}")
    page = client.get("/peers").text
    assert "4 organisatie(s)" in page and "vanaf 5" in page and "<table" not in page
    _, round_id, _ = make_round(client, "Organisatie 4", [])
    post(client, f"/rounds/{round_id}/close", {}, page=f"/rounds/{round_id}")
    page = client.get("/peers").text
    assert "<table" in page and "5 organisaties" in page
    rows = re.findall(r"<tr><td>[^<]+</td>((?:<td>\d+</td>){5})</tr>", page)
    assert len(rows) == 6
    assert all(sum(int(n) for n in re.findall(r"\d+", row)) == 5 for row in rows)


def test_failed_log_in_counts_are_not_kept_past_their_window(db_url: str) -> None:
    """docs/privacy.md: the e-mail addresses and client addresses of failed log-ins go after 15 minutes."""
    from sqlalchemy import select

    from zorgadvies.store.models import LoginThrottle
    from zorgadvies.web.accounts import WINDOW, log_in
    from zorgadvies.web.security import when

    store = open_store(db_url)
    assert store is not None
    with store.session() as session:
        session.add(LoginThrottle(key="email:old@example.nl", failures=3, window_start=when(-2 * WINDOW)))
        session.add(LoginThrottle(key="email:recent@example.nl", failures=2, window_start=when(-WINDOW / 3)))
    with store.session() as session:
        assert log_in(session, "someone@example.nl", "wrong", "192.0.2.1") is None
    with store.session() as session:
        keys = set(session.execute(select(LoginThrottle.key)).scalars())
    assert keys == {"email:recent@example.nl", "email:someone@example.nl", "client:192.0.2.1"}
