"""The Markdown and HTML reports: content, self-containedness, determinism, the CLI, and a look at
the HTML in headless Chromium (skipped when Chromium is not installed)."""

from __future__ import annotations

import base64
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from zorgadvies.api import advisor
from zorgadvies.cli import main
from zorgadvies.render.charts import graph_svg, radar_svg
from zorgadvies.render.html import render_html
from zorgadvies.render.markdown import cited_sources, markdown_images, render_markdown
from zorgadvies.render.options import RenderOptions

from conftest import EXAMPLES, ROOT

# These tests compare English message text; the default language is Dutch (zorgadvies/messages.py).
pytestmark = pytest.mark.usefixtures("english")

ADV = advisor()
KB = ADV.kb
REPORTS = {path.stem: ADV.assess(path) for path in EXAMPLES}
SVG = "{http://www.w3.org/2000/svg}"
AUDIT = RenderOptions(audit=True)


def _check_content(text: str, report, lang: str = "nl") -> None:
    for pillar in report.pillars:
        assert KB.pillar(pillar.id).name(lang) in text, pillar.id
    for rec in report.recommendations:
        assert rec.id in text, rec.id
    assert ("Bijlage: geciteerde bronnen" if lang == "nl" else "Appendix: sources cited") in text
    for ref in cited_sources(report, KB):
        assert ref in text, ref
    assert report.knowledge_sha256 in text
    assert report.knowledge_version in text


# --- content --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_markdown_holds_every_pillar_recommendation_and_source(name: str) -> None:
    report = REPORTS[name]
    text = render_markdown(report, KB, options=AUDIT)
    _check_content(text, report)
    assert text.startswith(f"# Zorgadvies: {report.organisation['name']}")
    # The roadmap is in rank order: the rank headings appear as 1, 2, 3, ...
    ranks = [int(m) for m in re.findall(r"^#### (\d+)\. ", text, flags=re.M)]
    assert ranks == list(range(1, len(report.recommendations) + 1))
    # Stand-alone Markdown embeds the radar; with an image stem it links the file instead.
    assert text.count("](data:image/svg+xml;base64,") == 1
    linked = render_markdown(report, KB, image_stem="rapport")
    assert "](rapport-radar.svg)" in linked
    assert "data:image" not in linked


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_html_holds_every_pillar_recommendation_and_source(name: str) -> None:
    report = REPORTS[name]
    text = render_html(report, KB, options=AUDIT)
    _check_content(text, report)
    for rec in report.recommendations:
        assert f'id="rec-{rec.id}"' in text
    for number in cited_sources(report, KB).values():
        assert f'id="bron-{number}"' in text and f'href="#bron-{number}"' in text


def test_english_report_uses_english_labels() -> None:
    report = REPORTS["welzijn-zuidoever"]
    for text in (render_markdown(report, KB, "en", options=AUDIT), render_html(report, KB, "en", options=AUDIT)):
        _check_content(text, report, "en")
        assert "Management summary" in text and "Roadmap" in text
        assert "Managementsamenvatting" not in text and "Routekaart" not in text
        assert report.recommendations[0].title_en in text
    assert '<html lang="en">' in render_html(report, KB, "en")


def test_undetermined_pillar_shows_at_least() -> None:
    report = REPORTS["welzijn-zuidoever"]
    assert report.pillar("metrics_evaluatie").stage is None
    pillar = report.pillar("metrics_evaluatie")
    assert (pillar.stage_min, pillar.stage_max) == (1, 2)
    md = render_markdown(report, KB)
    assert "| Metrics en evaluatie | onbepaald: minstens Geïnitieerd, hoogstens Gedefinieerd (geschat: Gedefinieerd (2), op grond van de criteria) | 1 of 2 |" in md
    assert "onbepaald: minstens Geïnitieerd, hoogstens Gedefinieerd (1 of 2)" in render_html(report, KB)


def test_report_without_answers_or_recommendations_renders() -> None:
    report = ADV.assess({"organisation": {"name": "Leeg"}, "answers": {}})
    assert not report.recommendations and all(p.stage is None for p in report.pillars)
    md = render_markdown(report, KB)
    assert "Er zijn geen aanbevelingen" in md and md.count("data:image/svg+xml") == 1
    html = render_html(report, KB)
    assert "Er zijn geen aanbevelingen" in html and "zg-graph" not in html
    _assert_balanced(html)
    assert list(markdown_images(report, KB, "nl", "x")) == ["x-radar.svg"]


def test_text_is_escaped() -> None:
    name = "<script>alert(1)</script> & *Zorg* [x](https://example.org) | `c`"
    report = ADV.assess({"organisation": {"name": name, "sector": "welzijn", "employees": 10}, "answers": {}})
    for options in (RenderOptions(), AUDIT):
        html = render_html(report, KB, options=options)
        assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *Zorg*" in html
        _assert_balanced(html)
        md = render_markdown(report, KB, options=options)
        assert r"\<script\>alert(1)\</script\> & \*Zorg\* \[x\](https://example.org) \| \`c\`" in md
        assert "<script>" not in md
    for svg in (radar_svg(report, KB), graph_svg(report, KB)):
        ET.fromstring(svg)


# --- HTML: self-contained and well formed ---------------------------------------------------------


class _TagChecker(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    # SVG elements written self-closing (<circle .../>) arrive through handle_startendtag.

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.attrs.extend((tag, k, v) for k, v in attrs)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.attrs.extend((tag, k, v) for k, v in attrs)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else '-'}> at {self.getpos()}")
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()


def _assert_balanced(html: str) -> _TagChecker:
    checker = _TagChecker()
    checker.feed(html)
    checker.close()
    assert checker.errors == [], checker.errors[:5]
    assert checker.stack == [], checker.stack
    return checker


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_html_is_self_contained_and_balanced(name: str) -> None:
    html = render_html(REPORTS[name], KB)
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"nl\">")
    checker = _assert_balanced(html)
    assert not re.search(r"https?://", html), "nothing may point at the network, not even an xmlns"
    tags = {tag for tag, _, _ in checker.attrs}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
    for tag, attr, value in checker.attrs:
        assert attr not in ("src", "srcset"), (tag, attr)
        if attr in ("href", "xlink:href"):
            assert value and value.startswith("#"), (tag, value)
    assert "@import" not in html and "@font-face" not in html
    assert set(re.findall(r"url\(([^)]*)\)", html)) <= {"#zg-arrow"}
    # Accessible: headings in order, table headers, labelled charts.
    assert html.count("<h1>") == 1 and "<th scope=\"col\">" in html and "<th scope=\"row\">" in html
    assert 'role="img" aria-labelledby="zg-radar-title zg-radar-desc"' in html
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert "@media print" in html and "size: A4" in html


# --- the charts -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_radar_has_six_axes_and_four_rings(name: str) -> None:
    report = REPORTS[name]
    root = ET.fromstring(radar_svg(report, KB))
    assert root.tag == f"{SVG}svg"
    axes = [el for el in root.iter(f"{SVG}line") if el.get("class") == "axis"]
    assert len(axes) == 6
    polygons = [p for p in root.iter(f"{SVG}polygon") if p.get("class") is None]
    assert len(polygons) == 4 + 1  # four stage rings and the profile
    diamonds = [p for p in root.iter(f"{SVG}polygon") if p.get("class") == "estimate"]
    estimated = sum(1 for p in report.pillars if p.stage is None and p.stage_estimate.stage)
    assert len(diamonds) == estimated + (1 if estimated else 0)  # one per estimate, one in the legend
    squares = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "target"]
    assert len(squares) == len(report.targets) + (1 if report.targets else 0)
    assert len([p for p in root.iter(f"{SVG}polygon") if p.get("class") == "target-line"]) == (len(report.targets) == 6)
    assert all(len(p.get("points").split()) == 6 for p in polygons)
    hollow = [c for c in root.iter(f"{SVG}circle") if c.get("fill") == "#ffffff" and c.get("r") == "6.5"]
    assert len(hollow) == sum(1 for p in report.pillars if p.stage is None)
    desc = root.find(f"{SVG}desc").text
    for pillar in report.pillars:
        assert KB.pillar(pillar.id).name("nl") in desc


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_graph_has_a_box_per_recommendation_and_an_arrow_per_prerequisite(name: str) -> None:
    report = REPORTS[name]
    root = ET.fromstring(graph_svg(report, KB))
    nodes = [g for g in root.iter(f"{SVG}g") if g.get("class") == "node"]
    assert sorted(g.get("id") for g in nodes) == sorted(f"zg-node-{r.id}" for r in report.recommendations)
    arrows = [p for p in root.iter(f"{SVG}path") if p.get("marker-end")]
    assert len(arrows) == sum(len(r.requires) for r in report.recommendations)
    # The HTML report draws the same picture in two parts.
    parts = [ET.fromstring(graph_svg(report, KB, part=part)) for part in ("linked", "free")]
    in_parts = [g.get("id") for root_ in parts for g in root_.iter(f"{SVG}g") if g.get("class") == "node"]
    assert sorted(in_parts) == sorted(g.get("id") for g in nodes)
    assert len([p for p in parts[0].iter(f"{SVG}path") if p.get("marker-end")]) == len(arrows)
    # Boxes never overlap.
    boxes = [tuple(float(g.find(f"{SVG}rect").get(k)) for k in ("x", "y", "width", "height")) for g in nodes]
    for i, (x1, y1, w1, h1) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1 :]:
            assert x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1


# --- determinism and the CLI ----------------------------------------------------------------------

runner = CliRunner()


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_rendering_is_deterministic(name: str) -> None:
    again = ADV.assess(next(p for p in EXAMPLES if p.stem == name))
    for lang in ("nl", "en"):
        assert render_html(REPORTS[name], KB, lang) == render_html(again, KB, lang)
        assert render_markdown(REPORTS[name], KB, lang) == render_markdown(again, KB, lang)


def test_cli_writes_html_with_output(tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    result = runner.invoke(main, ["report", str(EXAMPLES[0]), "--format", "html", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output == ""
    first = out.read_bytes()
    assert first.decode() == render_html(ADV.assess(EXAMPLES[0]), KB)
    runner.invoke(main, ["report", str(EXAMPLES[0]), "-o", str(out)], catch_exceptions=False)  # html from the suffix
    assert out.read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.html"]  # no temporary left behind


def test_cli_writes_markdown_with_chart_files(tmp_path: Path) -> None:
    out = tmp_path / "rapport.md"
    result = runner.invoke(main, ["report", str(EXAMPLES[0]), "-o", str(out), "--lang", "en"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport-radar.svg", "rapport.md"]
    text = out.read_text(encoding="utf-8")
    assert "](rapport-radar.svg)" in text and "Management summary" in text
    ET.fromstring((tmp_path / "rapport-radar.svg").read_text(encoding="utf-8"))
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    runner.invoke(main, ["report", str(EXAMPLES[0]), "--format", "markdown", "-o", str(out), "--lang", "en"])
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_cli_markdown_links_survive_awkward_file_names(tmp_path: Path) -> None:
    out = tmp_path / "mijn rapport (concept).md"
    assert runner.invoke(main, ["report", str(EXAMPLES[0]), "-o", str(out)]).exit_code == 0
    assert (tmp_path / "mijn rapport (concept)-radar.svg").exists()
    assert "](mijn%20rapport%20%28concept%29-radar.svg)" in out.read_text(encoding="utf-8")


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"r{seed}.html"
        cmd = [sys.executable, "-m", "zorgadvies", "report", str(EXAMPLES[-1]), "--format", "html", "-o", str(out)]
        subprocess.run(cmd, check=True, env={**os.environ, "PYTHONHASHSEED": seed}, cwd=ROOT, timeout=300)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_cli_prints_markdown_with_embedded_charts() -> None:
    result = runner.invoke(main, ["report", str(EXAMPLES[0]), "--format", "markdown"], catch_exceptions=False)
    assert result.exit_code == 0
    uris = re.findall(r"\]\(data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)\)", result.output)
    assert len(uris) == 1
    assert ET.fromstring(base64.b64decode(uris[0])).tag == f"{SVG}svg"


def test_cli_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(main, ["report", str(tmp_path / "missing.yaml"), "--format", "html"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("zorgadvies: ")
    result = runner.invoke(main, ["report", str(EXAMPLES[0]), "-o", str(tmp_path / "no" / "dir" / "r.html")])
    assert result.exit_code == 2 and "cannot write" in result.output


# --- headless Chromium ----------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium); CI installs it")


def _chromium(tmp_path: Path, *args: str) -> None:
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", *args,
    ]  # fmt: skip
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)


def _read_png(path: Path, max_rows: int | None = None) -> tuple[int, int, list[bytes], int]:
    """Decode an 8-bit, non-interlaced RGB/RGBA PNG: (width, height, rows, bytes per pixel).

    Only the first ``max_rows`` rows are unfiltered (the rest is not needed and costs time).
    """
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(min(height, max_rows or height)):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = previous[i], previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows, bpp


@needs_chromium
def test_html_screenshot_in_headless_chromium(tmp_path: Path) -> None:
    page = tmp_path / "rapport.html"
    page.write_text(render_html(REPORTS["welzijn-zuidoever"], KB), encoding="utf-8")
    png = tmp_path / "rapport.png"
    _chromium(tmp_path, "--window-size=1200,2000", f"--screenshot={png}", page.as_uri())
    assert png.stat().st_size > 20_000
    # The radar sits in the left half of the management summary, below the cover and the
    # introduction (about y 330–800 at this width); the table of stages to its right.
    width, height, rows, bpp = _read_png(png, max_rows=1300)
    assert (width, height) == (1200, 2000)

    def count(x0: int, x1: int, y0: int, y1: int, match) -> int:
        return sum(
            1
            for y in range(y0, y1)
            for x in range(x0, x1, 2)
            if match(rows[y][x * bpp], rows[y][x * bpp + 1], rows[y][x * bpp + 2])
        )

    def ink(r: int, g: int, b: int) -> bool:
        return r + g + b < 3 * 235

    def stage_blue(r: int, g: int, b: int) -> bool:  # #1d4e89, the profile line and markers
        return abs(r - 0x1D) < 40 and abs(g - 0x4E) < 40 and abs(b - 0x89) < 40 and b > r + 60

    def open_orange(r: int, g: int, b: int) -> bool:  # #b34700, the undetermined pillar
        return r > 150 and 40 < g < 120 and b < 60

    radar = (0, 640, 330, 800)
    assert count(*radar, ink) > 3000, "the radar region is (nearly) blank"
    assert count(*radar, stage_blue) > 300, "no profile drawn in the radar"
    assert count(*radar, open_orange) > 50, "the undetermined pillar is not marked"
    assert count(660, 1200, 330, 810, ink) > 3000, "the stage table is missing"
    assert count(0, 1150, 0, 200, ink) > 2000, "the title block is missing"


def _print_pdf(tmp_path: Path, html: str) -> tuple[bytes, int]:
    page = tmp_path / "rapport.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "rapport.pdf"
    _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data))
    assert boxes and all(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2 for w, h in boxes), boxes
    return data, len(re.findall(rb"/Type\s*/Page\b", data))


PDFTOTEXT = shutil.which("pdftotext")


def _page_texts(tmp_path: Path) -> list[str]:
    out = subprocess.run([PDFTOTEXT, "-layout", str(tmp_path / "rapport.pdf"), "-"], check=True, capture_output=True, text=True).stdout
    return out.split("\f")


@needs_chromium
def test_demo_client_report_prints_on_at_most_12_a4_pages(tmp_path: Path) -> None:
    report = REPORTS["thuiszorg-de-linde"]
    _, pages = _print_pdf(tmp_path, render_html(report, KB))
    assert 4 <= pages <= 12, pages
    # The budget is 12 pages (issue 11); the demo keeps a margin of two (9 on 2026-12-02) so that
    # more advice or a denser layout shows here before the budget itself is broken.
    assert pages <= 10, f"{pages} pages: within the budget of 12, but the margin of two is gone"
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the page count was checked, the placement not")
    texts = _page_texts(tmp_path)
    # The management summary (with the focus list) fits on two pages: the pillars start by page 3.
    start = next(i for i, text in enumerate(texts) if "Waar u staat" in text)
    assert 1 <= start <= 2, start
    assert "Nu aan de slag" in "".join(texts[:start])
    assert "Routekaart" in "".join(texts[start:])


@needs_chromium
def test_audit_report_prints_to_a4_pdf(tmp_path: Path) -> None:
    _, pages = _print_pdf(tmp_path, render_html(REPORTS["thuiszorg-de-linde"], KB, options=AUDIT))
    assert pages > 12  # the audit trail is the long part


_ALL_FACTS = sorted(
    [*EXAMPLES, *(ROOT / "tests" / "descriptions").glob("*.yaml"), *(ROOT / "tests" / "real").glob("*.yaml")],
    key=lambda p: (p.parent.name, p.name),
)


@needs_chromium
def test_client_reports_fit_a_phone_without_sideways_scrolling(tmp_path: Path) -> None:
    """Every report (examples, descriptions, real organisations) at 390 px: the page never scrolls
    sideways; only the disputes table, one column per respondent, may scroll inside itself."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed")
    facts = [p for p in _ALL_FACTS if not p.name.endswith(".expect.yaml")]
    assert len(facts) >= 27
    too_wide = {}
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 390, "height": 844})
        for path in facts:
            html = tmp_path / f"{path.parent.name}-{path.stem}.html"
            html.write_text(render_html(ADV.assess(path), KB), encoding="utf-8")
            page.goto(html.as_uri())
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                too_wide[html.name] = width
        browser.close()
    assert too_wide == {}, f"reports wider than a 390 px phone: {too_wide}"
