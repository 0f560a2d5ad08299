"""The Jinja2 environments behind the HTML and Markdown reports.

Templates ship in ``zorgadvies/render/templates``; a folder given as ``template_dir`` comes first,
so a consultancy replaces any one of them (``report.html.j2``, ``style.css.j2``, a single block
file) without copying the rest. Both environments escape every value by default:

- HTML: Jinja2's autoescaping (``&``, ``<``, ``>``, quotes). Only the charts, which
  :mod:`.charts` builds from escaped text, are passed in as :class:`markupsafe.Markup`.
- Markdown: every ``{{ value }}`` goes through :func:`md_escape` (a ``finalize`` hook), unless it is
  ``Markup`` (code spans, links and images the renderer builds itself).

The sandboxed environment is used so that a template from a ``--template`` folder cannot reach
Python internals through attribute access.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from ..errors import ZorgadviesError
from ..messages import t

__all__ = ["Markup", "TEMPLATE_NAMES", "md_code", "md_escape", "render_template"]

#: The templates a ``--template`` folder may replace (see docs/reports.md).
TEMPLATE_NAMES = ("report.html.j2", "style.css.j2", "report.md.j2")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def md_escape(text: object) -> str:
    """Escape text for Markdown, so that knowledge-base and client text is shown literally."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    escaped = _ENTITY.sub(r"\\&", escaped)
    return " ".join(escaped.split())


def md_code(text: str) -> Markup:
    """An inline code span that survives backticks in the text."""
    return Markup(f"`{text}`" if "`" not in text else f"`` {text} ``")


def _md_finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return md_escape(value)


_ENVS: dict[tuple[str, str | None], SandboxedEnvironment] = {}


def _environment(kind: str, template_dir: Path | None) -> SandboxedEnvironment:
    key = (kind, None if template_dir is None else str(template_dir))
    env = _ENVS.get(key)
    if env is not None:
        return env
    loaders: list[Any] = []
    if template_dir is not None:
        if not template_dir.is_dir():
            raise ZorgadviesError(t("render_templating.template_folder_does_exist"), file=str(template_dir))
        loaders.append(FileSystemLoader(str(template_dir)))
    loaders.append(PackageLoader("zorgadvies.render", "templates"))
    if kind == "html":
        env = SandboxedEnvironment(loader=ChoiceLoader(loaders), autoescape=True, undefined=StrictUndefined,
                                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    else:
        env = SandboxedEnvironment(loader=ChoiceLoader(loaders), autoescape=False, undefined=StrictUndefined,
                                   finalize=_md_finalize, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
        env.filters["code"] = md_code
    if template_dir is None:  # a folder's templates may change between calls (a consultant editing them)
        _ENVS[key] = env
    return env


def render_template(kind: str, name: str, context: dict[str, Any], template_dir: Path | None = None) -> str:
    """Render template ``name`` of ``kind`` ('html' or 'markdown') with ``context``."""
    from jinja2 import TemplateError

    env = _environment(kind, template_dir)
    try:
        return env.get_template(name).render(context)
    except TemplateError as exc:
        where = getattr(exc, "filename", None) or name
        line = getattr(exc, "lineno", None)
        raise ZorgadviesError(t("render_templating.template_error", value=exc.message or exc), file=str(where), line=line) from None
