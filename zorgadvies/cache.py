"""A disk cache for what an Advisor reads at start-up (knowledge base, rule packs, graph closure).

Reading and checking ~300 YAML files costs more than everything else a CLI call does, so the
checked result is pickled once per content: the cache key is the sha256 of every knowledge and rule
file (the same digest reports carry), the zorgadvies source files' sizes and modification times, the
Python version and the load options. Any change to any of them is a cache miss, never a stale hit.

The cache lives in ``$ZORGADVIES_CACHE_DIR``, else ``$XDG_CACHE_HOME/zorgadvies``, else
``~/.cache/zorgadvies``; ``ZORGADVIES_CACHE=0`` turns it off. Like Python's own ``__pycache__``, it
is trusted as the user's own files: only the user who runs zorgadvies writes it. A cache that cannot
be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .knowledge import tree_digest
from .paths import KNOWLEDGE_DIR, RULES_DIR

__all__ = ["cache_dir", "cached"]

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    if os.environ.get("ZORGADVIES_CACHE", "1").lower() in ("0", "off", "no", "false"):
        return None
    if os.environ.get("ZORGADVIES_CACHE_DIR"):
        return Path(os.environ["ZORGADVIES_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zorgadvies"


def _key(rules: list[str], knowledge: str | Path | None, cases: bool) -> str:
    digest = hashlib.sha256()
    roots = [Path(knowledge) if knowledge is not None else KNOWLEDGE_DIR, RULES_DIR, *map(Path, rules)]
    for root in roots:
        digest.update(str(root.resolve()).encode() + b"\0")
    digest.update(tree_digest([r for r in roots if r.is_dir()]).encode())
    for source in sorted(_PACKAGE.rglob("*.py")):
        stat = source.stat()
        digest.update(f"{source.relative_to(_PACKAGE)}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    digest.update(f"{sys.version}\0{cases}".encode())
    return digest.hexdigest()


def cached(load: Callable[[list[str], str | Path | None, bool], T], rules: list[str], knowledge: str | Path | None, cases: bool) -> T:
    """``load(rules, knowledge, cases)``, from the disk cache when its inputs have not changed."""
    folder = cache_dir()
    if folder is None:
        return load(rules, knowledge, cases)
    try:
        path = folder / f"advisor-{_key(rules, knowledge, cases)}.pickle"
    except OSError:  # a pack folder that cannot be read: let the loader report it properly
        return load(rules, knowledge, cases)
    try:
        with path.open("rb") as handle:
            value: T = pickle.load(handle)
        return value
    except Exception:  # noqa: BLE001 - missing, truncated or foreign cache file: rebuild
        pass
    value = load(rules, knowledge, cases)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass
    return value
