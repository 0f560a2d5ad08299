"""A whole round in Debian's Chromium (Playwright, launched with executable_path), with axe-core.

A consultant sets up the account, creates an organisation and a round with three respondents;
they answer on a phone-sized and a desktop window (one leaves halfway and resumes in a new
browser); the consultant settles a dispute, closes the round and downloads the report. Each page
is screenshot (into $ZORGADVIES_SCREENSHOTS when set, else the test's temp folder) and checked for
content; axe-core (vendored in tests/data/vendor, MPL-2.0) finds no serious or critical
accessibility violation on the pages a respondent and a consultant use. Keyboard only: one
respondent answers with Tab, arrow keys and Enter.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("litestar", reason="the web extra is not installed")
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed")

from webserver import running_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).resolve().parent / "data" / "vendor" / "axe.min.js"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-extensions", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PASSWORD = "correct horse battery"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no chromium (apt-get install chromium)")


class Shots:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.n = 0

    def take(self, page: Any, name: str, *, expect: str) -> None:
        # Waits (up to 10 s) until the text is there: a click may still be loading the next page.
        page.get_by_text(expect).first.wait_for(timeout=10_000)
        page.wait_for_load_state()
        self.n += 1
        page.screenshot(path=str(self.folder / f"{self.n:02d}-{name}.png"), full_page=True)
        # No page scrolls sideways, on the phone as on the desktop (a wide table scrolls inside itself).
        width, viewport = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width <= viewport, f"{name}: {width} px wide in a {viewport} px window"


def axe_check(page: Any, where: str) -> None:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, f"axe-core on {where}: {bad}"


def answer(page: Any, choose: str = "first") -> str:
    """Answer the question on the page with the mouse; returns its legend."""
    legend = page.locator("legend").first.inner_text()
    radios = page.locator("input[name=answer][type=radio]")
    if radios.count():
        values = [v for v in radios.evaluate_all("els => els.map(e => e.value)") if v not in ("onbekend", "nvt")]
        value = values[0] if choose == "first" else values[-1] if choose == "last" else choose
        page.locator(f"input[name=answer][value='{value}']").check()
    else:
        page.locator("#answer-number").fill("3" if choose == "first" else "40")
    page.get_by_role("button", name="Opslaan en verder").click()
    page.wait_for_load_state()
    return legend


def test_a_round_in_the_browser(tmp_path: Path, db_url: str) -> None:
    """The whole round, on SQLite and on PostgreSQL (db_url skips the latter, saying why, without a server)."""
    backend = db_url.split(":", 1)[0].split("+", 1)[0]
    folder = Path(os.environ.get("ZORGADVIES_SCREENSHOTS", tmp_path / "shots")) / backend
    folder.mkdir(parents=True, exist_ok=True)
    shots = Shots(folder)
    with running_server(db_url) as (base, setup_link), playwright.sync_playwright() as p:
        assert setup_link
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        consultant = browser.new_context(viewport=DESKTOP, bypass_csp=True, accept_downloads=True)
        page = consultant.new_page()
        page.goto(setup_link)
        shots.take(page, "setup", expect="Account instellen")
        page.get_by_label("E-mailadres").fill("adviseur@example.nl")
        page.get_by_label("Nieuw wachtwoord").fill(PASSWORD)
        page.get_by_label("Herhaal het wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Opslaan en inloggen").click()
        page.get_by_label("Naam").fill("Thuiszorg De Brug")
        page.get_by_label("Sector").select_option("thuiszorg")
        page.get_by_label("Aantal medewerkers").fill("85")
        page.get_by_role("button", name="Toevoegen").click()
        shots.take(page, "organisation", expect="Thuiszorg De Brug")
        page.get_by_label("Naam", exact=True).fill("Sanne Jansen")
        page.get_by_label("Hoofd Innovatie").check()
        page.get_by_label("geel").check()
        page.get_by_role("button", name="Persoon toevoegen").click()
        page.get_by_label("Naam van de nieuwe ronde").fill("Nulmeting 2026")
        page.get_by_role("button", name="Ronde openen").click()
        links = []
        for name, role in (("Bestuurder", "bestuurder"), ("Teamleider", "manager"), ("Wijkverpleegkundige", "zorgprofessional")):
            page.get_by_label("Naam of functie van de respondent").fill(name)
            page.get_by_label("Rol").select_option(role)
            page.get_by_role("button", name="Respondent toevoegen en link maken").click()
            links.append(page.locator("#new-link").inner_text().replace("localhost", "127.0.0.1"))
        shots.take(page, "round-links", expect="Persoonlijke link voor")
        axe_check(page, "the round page")
        round_url = page.url.removesuffix("/respondents")  # the link is shown on the answer to the POST

        # Respondent 1 on a phone, with the mouse; respondent 2 on a desktop, keyboard only.
        phone = browser.new_context(viewport=PHONE, bypass_csp=True, is_mobile=True, has_touch=True)
        r1 = phone.new_page()
        r1.goto(links[0])
        shots.take(r1, "respondent-phone-first", expect="Voortgang: 0 van")
        axe_check(r1, "a question")
        for _ in range(5):
            answer(r1, "last")
        shots.take(r1, "respondent-phone-later", expect="Voortgang: 5 van")

        desk = browser.new_context(viewport=DESKTOP, bypass_csp=True)
        r2 = desk.new_page()
        r2.goto(links[1])
        for _ in range(5):
            r2.locator("input[name=answer]").first.focus()  # the first option; then only the keyboard
            r2.keyboard.press("Space")
            r2.locator("#note").focus()
            r2.keyboard.type("volgens mij wel")
            r2.keyboard.press("Tab")
            r2.keyboard.press("Enter")
            r2.wait_for_load_state()
        shots.take(r2, "respondent-desktop-keyboard", expect="Voortgang: 5 van")

        # Respondent 3 answers two questions on a phone, leaves, and resumes in a new browser.
        leaving = browser.new_context(viewport=PHONE, bypass_csp=True)
        r3 = leaving.new_page()
        r3.goto(links[2])
        answer(r3, "onbekend")
        answer(r3, "first")
        leaving.close()
        back = browser.new_context(viewport=PHONE, bypass_csp=True)
        r3 = back.new_page()
        r3.goto(links[2])
        shots.take(r3, "respondent-resumed", expect="Voortgang: 2 van")
        answer(r3, "first")

        # The consultant sees completion and disputes, records a consensus, closes, downloads.
        page.goto(round_url)
        shots.take(page, "round-progress", expect="Vragen beantwoord")
        # Stages with their bounds in the text report's words, one row per pillar.
        stages = page.locator("table.stages tbody tr:not(.conflict)")
        assert stages.count() == 6 and "Marketingpraktijk" in stages.first.inner_text()
        assert all(("minstens" in t or "(" in t) for t in stages.all_inner_texts()), stages.all_inner_texts()
        rows = page.locator("table").first.inner_text()
        assert "Bestuurder\tBestuurder\t5" in rows and "Wijkverpleegkundige\tZorgprofessional\t3" in rows, rows
        assert page.get_by_role("heading", name="Geschillen").count() == 1
        dispute = page.locator("article.dispute").first
        assert "Bestuurder:" in dispute.inner_text() and "Teamleider:" in dispute.inner_text()
        select = dispute.locator("select")
        if select.count():
            select.select_option(index=1)
        else:
            dispute.locator("input[name=value]").fill("onbekend")
        dispute.get_by_label("Toelichting (optioneel)").fill("Besproken in het MT")
        dispute.get_by_role("button", name="Consensus vastleggen").click()
        shots.take(page, "consensus", expect="(uw consensus)")
        axe_check(page, "the round page with disputes")
        page.get_by_role("button", name="Ronde sluiten").click()
        shots.take(page, "closed", expect="Gesloten op")
        with page.expect_download() as info:
            page.get_by_role("link", name="Rapport voor de klant (HTML)").click()
        report = folder / "rapport.html"
        info.value.save_as(str(report))
        text = report.read_text(encoding="utf-8")
        assert "Thuiszorg De Brug" in text and "<svg" in text
        # The same report viewed in the browser from the round page.
        page.get_by_role("link", name="Rapport voor de klant bekijken").click()
        shots.take(page, "report", expect="Thuiszorg De Brug")
        assert page.locator("svg").count() >= 1

        late = browser.new_context(viewport=PHONE, bypass_csp=True).new_page()
        late.goto(links[2])
        shots.take(late, "respondent-after-close", expect="gesloten")
        browser.close()
