"""How a report is rendered: audience, template folder and branding (logo, colour, introduction).

The options are validated here, once, because each of them ends up inside the HTML: a colour goes
into the stylesheet, the logo into an ``<img src="data:...">``. Only a ``#rrggbb`` colour and a
PNG, JPEG or SVG logo (checked by its first bytes, at most 512 kB) get through.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from pathlib import Path

import attrs

from ..errors import ZorgadviesError
from ..messages import t

__all__ = ["RenderOptions", "load_intro", "load_logo", "parse_colour"]

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_LOGO_MAX = 512 * 1024
_LOGO_KINDS = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))


@attrs.frozen
class RenderOptions:
    """Options for :func:`~zorgadvies.render.html.render_html` and the Markdown renderer.

    ``audit``: add the evidence, rule and question ids, knowledge version and digest (the
    consultant's and auditor's appendix); the default is the client report without them.
    ``template_dir``: a folder whose templates replace the built-in ones of the same name.
    ``logo``: a ``data:`` URI (see :func:`load_logo`). ``accent``: ``#rrggbb``.
    ``intro``: the introduction paragraph(s) of the management summary (plain text).
    ``previous``: the stages of the previous assessment (from the history), drawn on the radar.
    """

    audit: bool = False
    template_dir: Path | None = None
    logo: str | None = None
    accent: str | None = None
    intro: str | None = None
    previous: Mapping[str, int | None] | None = None  # pillar id -> stage of the previous assessment
    previous_label: str | None = None  # e.g. the date it was saved

    def __attrs_post_init__(self) -> None:
        if self.accent is not None:
            parse_colour(self.accent)
        if self.logo is not None and not self.logo.startswith(("data:image/png;base64,", "data:image/jpeg;base64,", "data:image/svg+xml;base64,")):
            raise ZorgadviesError(t("render_options.logo_must_data_uri"))


def parse_colour(text: str, field: str = "--accent") -> str:
    """A ``#rrggbb`` colour, lower case; anything else is refused (it goes into the stylesheet)."""
    if not _COLOUR.fullmatch(text):
        raise ZorgadviesError(t("render_options.colour_write_as_rrggbb", field=field, text=text))
    return text.lower()


def load_logo(path: str | Path) -> str:
    """The logo file as a ``data:`` URI, so that the report stays one self-contained file."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ZorgadviesError(t("render_options.cannot_read_logo", strerror=exc.strerror), file=str(file)) from None
    if len(data) > _LOGO_MAX:
        raise ZorgadviesError(t("render_options.logo_kb_at_most", value=len(data) // 1024, value2=_LOGO_MAX // 1024), file=str(file))
    kind = next((mime for magic, mime in _LOGO_KINDS if data.startswith(magic)), None)
    if kind is None and data.lstrip()[:200].lower().startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096].lower():
        kind = "image/svg+xml"  # shown through <img>, where an SVG cannot run scripts or fetch anything
    if kind is None:
        raise ZorgadviesError(t("render_options.logo_png_jpeg_svg"), file=str(file))
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def load_intro(path: str | Path) -> str:
    """The introduction text (UTF-8 plain text; blank lines separate paragraphs)."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise ZorgadviesError(t("render_options.cannot_read_introduction", reason=reason), file=str(file)) from None
    return text.strip()
