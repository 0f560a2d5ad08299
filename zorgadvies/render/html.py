"""The report as one self-contained HTML file, in Dutch (default) or English.

Laid out by the Jinja2 template ``templates/report.html.j2`` (with ``style.css.j2``) from the view
model of :mod:`.context`; a ``template_dir`` in the options replaces any of them. Everything is
inline: the stylesheet, the radar (SVG) and the logo (a ``data:`` URI). Nothing is fetched from
anywhere, so the file opens offline, can be mailed as it is and prints to PDF on A4.

Two audiences: by default the client report (management summary, a page per pillar, the roadmap,
the reflection questions; no rule ids, question ids or digests); with ``RenderOptions(audit=True)``
the audit trail follows (evidence, ids, knowledge version and digest).
"""

from __future__ import annotations

from markupsafe import Markup

from ..knowledge import KnowledgeBase
from ..report import Report
from .charts import radar_svg
from .context import report_context
from .options import RenderOptions
from .templating import render_template

__all__ = ["render_html"]


def render_html(report: Report, kb: KnowledgeBase, lang: str = "nl", options: RenderOptions | None = None) -> str:
    """The report as one self-contained HTML document (inline CSS and SVG, no external resources)."""
    options = options or RenderOptions()
    context = report_context(report, kb, lang, options)
    # The chart is built from escaped text by .charts, so it may go in unescaped.
    context["radar"] = Markup(radar_svg(report, kb, lang, standalone=False, previous=options.previous).rstrip("\n"))
    return render_template("html", "report.html.j2", context, options.template_dir)
