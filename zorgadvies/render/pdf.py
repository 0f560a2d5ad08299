"""The report as PDF, through WeasyPrint (the optional extra ``zorgadvies[pdf]``).

The PDF is the HTML report (:func:`.html.render_html`) laid out by WeasyPrint with the same print
stylesheet that a browser uses: A4, the same page breaks. WeasyPrint needs Pango (and through it
HarfBuzz and fontconfig) from the system; see the README. Nothing is fetched: the HTML has no
external resources, and the URL fetcher refuses any that a custom template might add.
"""

from __future__ import annotations

from typing import Any

from ..errors import ZorgadviesError
from ..knowledge import KnowledgeBase
from ..report import Report
from .html import render_html
from .options import RenderOptions

__all__ = ["PDF_INSTALL_HINT", "pdf_available", "render_pdf"]

PDF_INSTALL_HINT = (
    "PDF output needs WeasyPrint: pip install 'zorgadvies[pdf]' (and the Pango library of the system, "
    "e.g. apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
)


def _weasyprint() -> Any:
    try:
        import weasyprint
    except (ImportError, OSError):  # OSError: WeasyPrint is there, the Pango library is not
        return None
    return weasyprint


def pdf_available() -> bool:
    """Whether :func:`render_pdf` can run here (WeasyPrint and its system libraries)."""
    return _weasyprint() is not None


def _no_fetching(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    if url.startswith("data:"):
        from weasyprint.urls import default_url_fetcher

        result: dict[str, Any] = default_url_fetcher(url, *args, **kwargs)
        return result
    raise ValueError(f"the report may not load {url[:80]!r}")


def render_pdf(report: Report, kb: KnowledgeBase, lang: str = "nl", options: RenderOptions | None = None) -> bytes:
    """The report as an A4 PDF document (bytes)."""
    weasyprint = _weasyprint()
    if weasyprint is None:
        raise ZorgadviesError(PDF_INSTALL_HINT)
    html = render_html(report, kb, lang, options)
    document = weasyprint.HTML(string=html, url_fetcher=_no_fetching)
    pdf: bytes = document.write_pdf()
    return pdf
