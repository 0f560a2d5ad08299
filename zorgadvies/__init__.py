"""zorgadvies: explainable advice for Dutch care organisations on organising innovation and marketing.

The public API is what ``__all__`` lists; everything else is internal and may change.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .api import Advisor, assess
from .errors import EngineError, InputError, KnowledgeError, RulePackError, ZorgadviesError
from .facts import Facts, load_facts
from .knowledge import KnowledgeBase, load_knowledge
from .report import PillarResult, Recommendation, Report

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .explain import explain
    from .interview import Interview
    from .render.context import report_context
    from .render.html import render_html
    from .render.markdown import render_markdown
    from .render.options import RenderOptions
    from .render.pdf import render_pdf
    from .whatif import apply_changes, path_to_stage
    from .workbook import questionnaire_workbook, read_workbook

#: The embedding surface beyond the core: imported on first use, so that `import zorgadvies` stays
#: cheap (Jinja2, openpyxl and WeasyPrint load only when their part is used). docs/embedding.md.
_LAZY = {
    "explain": "explain",
    "apply_changes": "whatif",
    "path_to_stage": "whatif",
    "render_html": "render.html",
    "render_markdown": "render.markdown",
    "render_pdf": "render.pdf",
    "report_context": "render.context",
    "RenderOptions": "render.options",
    "Interview": "interview",
    "questionnaire_workbook": "workbook",
    "read_workbook": "workbook",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'zorgadvies' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)

__all__ = [
    "Advisor",
    "Interview",
    "RenderOptions",
    "EngineError",
    "Facts",
    "InputError",
    "KnowledgeBase",
    "KnowledgeError",
    "PillarResult",
    "Recommendation",
    "Report",
    "RulePackError",
    "ZorgadviesError",
    "__version__",
    "apply_changes",
    "assess",
    "explain",
    "load_facts",
    "load_knowledge",
    "path_to_stage",
    "questionnaire_workbook",
    "read_workbook",
    "render_html",
    "render_markdown",
    "render_pdf",
    "report_context",
]
