"""zorgadvies: explainable advice for Dutch care organisations on organising innovation and marketing.

The public API is what ``__all__`` lists; everything else is internal and may change.
"""

from __future__ import annotations

from .api import Advisor, assess
from .errors import EngineError, InputError, KnowledgeError, RulePackError, ZorgadviesError
from .facts import Facts, load_facts
from .knowledge import KnowledgeBase, load_knowledge
from .report import PillarResult, Recommendation, Report

__version__ = "0.1.0"

__all__ = [
    "Advisor",
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
    "assess",
    "load_facts",
    "load_knowledge",
]
