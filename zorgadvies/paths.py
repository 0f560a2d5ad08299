"""Where the built-in knowledge base and rule packs live.

In a checkout they are the top-level ``knowledge/`` and ``rules/`` folders (the design card fixes that
layout); in an installed wheel the build copies them into ``zorgadvies/_data/``. Looking for the
packaged copy first means an installed zorgadvies never reads a stray folder of the same name.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["KNOWLEDGE_DIR", "RULES_DIR"]

_PACKAGE = Path(__file__).resolve().parent
_DATA = _PACKAGE / "_data" if (_PACKAGE / "_data" / "knowledge").is_dir() else _PACKAGE.parent

KNOWLEDGE_DIR = _DATA / "knowledge"
RULES_DIR = _DATA / "rules"
