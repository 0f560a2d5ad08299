"""A disk cache for what an Advisor reads at start-up (knowledge base, rule packs, graph closure).

Reading and checking ~300 YAML files costs more than everything else a CLI call does, so the
checked result is pickled once per content: the cache key is the sha256 of every knowledge and rule
file (the same digest reports carry), the zorgadvies source files' sizes and modification times, the
Python version and the load options. Any change to any of them is a cache miss, never a stale hit.

The cache lives in ``$ZORGADVIES_CACHE_DIR``, else ``$XDG_CACHE_HOME/zorgadvies``, else
``~/.cache/zorgadvies``; ``ZORGADVIES_CACHE=0`` turns it off. A cache that cannot be read or
written is simply not used.

Unpickling can run code, so a cache file is only read when nobody but the user can have written it
(docs/security.md): the folder is created 0700, and a folder or file that is not owned by the
user, or that its group or others may write, is neither read nor written. The checks are made on
the opened folder and file descriptors (``fstat``, ``O_NOFOLLOW``, ``dir_fd``), so the folder cannot
be swapped between the check and the read. Where these calls do not exist (Windows), the cache
lives in the user's own profile folder and ``ZORGADVIES_CACHE_DIR`` must name a folder of the user.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import secrets
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .knowledge import tree_digest
from .paths import KNOWLEDGE_DIR, RULES_DIR
from .messages import t

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


def _private(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else."""
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


_POSIX = hasattr(os, "geteuid") and os.open in os.supports_dir_fd


def _open_folder(folder: Path) -> int | None:
    """A descriptor of ``folder`` (created 0700 if missing) when it is private to this user."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return None
    if not _private(os.fstat(fd)):
        os.close(fd)
        return None
    return fd


def _read(folder_fd: int, name: str) -> object:
    fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=folder_fd)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not (stat.S_ISREG(info.st_mode) and _private(info)):
            raise PermissionError(t("cache.private_file", name=name))
        return pickle.load(handle)


def _write(folder_fd: int, name: str, value: object) -> None:
    tmp = f".{name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600, dir_fd=folder_fd)
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, name, src_dir_fd=folder_fd, dst_dir_fd=folder_fd)
    except BaseException:
        os.unlink(tmp, dir_fd=folder_fd)
        raise


def cached(load: Callable[[list[str], str | Path | None, bool], T], rules: list[str], knowledge: str | Path | None, cases: bool) -> T:
    """``load(rules, knowledge, cases)``, from the disk cache when its inputs have not changed."""
    folder = cache_dir()
    if folder is None or not _POSIX:
        return _cached_plain(load, rules, knowledge, cases, folder)
    try:
        name = f"advisor-{_key(rules, knowledge, cases)}.pickle"
    except OSError:  # a pack folder that cannot be read: let the loader report it properly
        return load(rules, knowledge, cases)
    folder_fd = _open_folder(folder)
    if folder_fd is None:  # missing and not creatable, or shared with others: do not use it
        return load(rules, knowledge, cases)
    try:
        try:
            return _read(folder_fd, name)  # type: ignore[return-value]
        except Exception:  # noqa: BLE001 - missing, truncated, foreign or unsafe: rebuild
            pass
        value = load(rules, knowledge, cases)
        try:
            _write(folder_fd, name, value)
        except OSError:
            pass
        return value
    finally:
        os.close(folder_fd)


def _cached_plain(
    load: Callable[[list[str], str | Path | None, bool], T], rules: list[str], knowledge: str | Path | None, cases: bool, folder: Path | None
) -> T:
    """Windows: the cache in the user's profile; no descriptor-relative calls to check it with."""
    if folder is None:
        return load(rules, knowledge, cases)
    try:
        path = folder / f"advisor-{_key(rules, knowledge, cases)}.pickle"
    except OSError:
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
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        with tmp.open("xb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass
    return value
