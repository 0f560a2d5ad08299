"""report --format pdf through WeasyPrint: page count, and the radar and the roadmap where they belong
(pages rendered to PNG with pdftoppm and looked at pixel by pixel). Skipped, saying why, where
WeasyPrint (pip install 'zorgadvies[pdf]') or poppler-utils are not installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import zorgadvies.render.pdf as pdf_module
from zorgadvies.cli import main
from zorgadvies.render.pdf import pdf_available

from conftest import ROOT
from test_report_render import _read_png

DEMO = ROOT / "examples" / "thuiszorg-de-linde.yaml"
runner = CliRunner()
needs_weasyprint = pytest.mark.skipif(not pdf_available(), reason="WeasyPrint is not installed: pip install 'zorgadvies[pdf]'")
needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftoppm", "pdftotext", "pdfinfo")), reason="poppler-utils (pdftoppm, pdftotext, pdfinfo) is not installed"
)


def test_without_weasyprint_the_pdf_is_refused_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "_weasyprint", lambda: None)
    out = tmp_path / "r.pdf"
    result = runner.invoke(main, ["report", str(DEMO), "-o", str(out)])
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "zorgadvies[pdf]" in result.output and not out.exists()


@pytest.fixture(scope="module")
def demo_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not pdf_available():
        pytest.skip("WeasyPrint is not installed: pip install 'zorgadvies[pdf]'")
    out = tmp_path_factory.mktemp("pdf") / "rapport.pdf"
    result = runner.invoke(main, ["report", str(DEMO), "-o", str(out)], catch_exceptions=False)  # .pdf: PDF
    assert result.exit_code == 0, result.output
    return out


@needs_weasyprint
@needs_poppler
def test_pdf_is_a4_and_at_most_12_pages(demo_pdf: Path) -> None:
    assert demo_pdf.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in demo_pdf.parent.iterdir()) == ["rapport.pdf"]  # no temporary left
    info = subprocess.run(["pdfinfo", str(demo_pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert 4 <= pages <= 12, pages
    # The budget is 12 pages (issue 11); the demo keeps a margin of two (9 on 2026-12-02) so that
    # more advice or a denser layout shows here before the budget itself is broken.
    assert pages <= 10, f"{pages} pages: within the budget of 12, but the margin of two is gone"
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info, re.M), info


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def _page_png(pdf: Path, page: int, tmp_path: Path) -> Path:
    stem = tmp_path / f"p{page}"
    subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", "80", "-png", "-singlefile", str(pdf), str(stem)], check=True)
    return stem.with_suffix(".png")


@needs_weasyprint
@needs_poppler
def test_radar_and_roadmap_are_on_their_pages(demo_pdf: Path, tmp_path: Path) -> None:
    pages = _pages(demo_pdf)
    assert 4 <= len(pages) <= 12, len(pages)
    # Page 1: the management summary with the radar (its labels are text in the PDF) and the focus list.
    assert "Managementsamenvatting".upper() in pages[0].upper() and "Nu aan de slag" in pages[0]
    assert "Marketingpraktijk" in pages[0] and "stadium vastgesteld" in pages[0]
    width, height, rows, bpp = _read_png(_page_png(demo_pdf, 1, tmp_path))

    def count(x0: float, x1: float, y0: float, y1: float, match) -> int:
        return sum(
            1
            for y in range(int(y0 * height), int(y1 * height))
            for x in range(int(x0 * width), int(x1 * width))
            if match(*rows[y][x * bpp : x * bpp + 3])
        )

    def stage_blue(r: int, g: int, b: int) -> bool:  # #1d4e89: the profile
        return abs(r - 0x1D) < 50 and abs(g - 0x4E) < 50 and abs(b - 0x89) < 50 and b > r + 50

    assert count(0, 0.5, 0.2, 0.6, stage_blue) > 40, "no radar profile in the left half of page 1"
    # The roadmap: a page that starts it, and every rank from 1 to the last in order after it.
    start = next(i for i, text in enumerate(pages) if "Routekaart" in text)
    assert start <= 4
    steps = next(i for i, text in enumerate(pages) if "Volgorde en afhankelijkheden" in text)
    assert start < steps and "Stap 1" in pages[steps]
    width, height, rows, bpp = _read_png(_page_png(demo_pdf, start + 2, tmp_path))  # a page inside the roadmap

    def ink(r: int, g: int, b: int) -> bool:
        return r + g + b < 3 * 200

    assert count(0.05, 0.48, 0.1, 0.9, ink) > 2000 and count(0.52, 0.95, 0.1, 0.9, ink) > 2000, "the roadmap runs in two columns"
