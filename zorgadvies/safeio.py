"""Safe output: the one atomic file writer and the one terminal sanitiser every command uses.

Writing (:func:`atomic_write`):

- a regular file (or a new path) is written to a unique temporary file in the same folder
  (``tempfile.mkstemp``: ``O_EXCL``, mode 0600, so a planted symlink cannot redirect it) and moved
  over the target with ``os.replace``. A failure never leaves half a file; of several processes that
  write one path at once, one whole file wins. An existing file keeps its permission bits; a new one
  gets 0666 minus the umask, as ``open()`` would give it.
- a character device or a FIFO (``/dev/null``, ``/dev/stdout``, a named pipe) is written to as a
  stream; it is never replaced by a regular file. Any other kind (a directory, a socket) is refused.
- an output that is also one of the command's inputs (the same file, by device and inode, whatever
  path names it) is refused before anything is written.

Showing (:func:`terminal_safe`): control characters that come from data (a name holding
``ESC ] 0 ; ... BEL``, a carriage return, a C1 control) never reach a terminal raw. They are
replaced by the six characters of their JSON escape (``\\u001b``), which keeps JSON output valid and
lossless and shows plain text readably. Newline and tab are kept.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import ZorgadviesError
from .messages import t

__all__ = ["atomic_write", "refuse_same_file", "terminal_safe"]

# C0 controls except tab and newline, DEL, C1 controls; and the Unicode line/paragraph separators,
# which some terminals and editors treat as line breaks.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def terminal_safe(text: str) -> str:
    """``text`` with every control character except newline and tab shown as ``\\uXXXX``."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def refuse_same_file(output: str | Path, inputs: Iterable[str | Path | None]) -> None:
    """Raise when ``output`` is the same file as any of ``inputs`` (device and inode).

    A folder among ``inputs`` (a batch source) also covers every file directly in it.
    """
    target = _identity(output)
    if target is None:
        return
    for source in inputs:
        if source is None:
            continue
        if _identity(source) == target:
            raise ZorgadviesError(t("safeio.also_input_refusing_overwrite", source=source), file=str(output))


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(text: str | bytes, output: str | Path, *, inputs: Iterable[str | Path | None] = ()) -> None:
    """Write ``text`` (str as UTF-8, or bytes as they are) to ``output`` as described in the module docstring."""
    target = Path(output)
    name = str(target)
    refuse_same_file(target, inputs)
    # A lone surrogate cannot be UTF-8: '?'.
    data = text if isinstance(text, bytes) else text.encode("utf-8", errors="replace")
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise ZorgadviesError(t("safeio.cannot_write_2", strerror=exc.strerror), file=name) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            try:
                with open(target, "wb") as stream:
                    stream.write(data)
            except OSError as exc:
                raise ZorgadviesError(t("safeio.cannot_write_2", strerror=exc.strerror), file=name) from None
            return
        kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file, device or pipe"
        raise ZorgadviesError(t("safeio.cannot_write", kind=kind), file=name)
    mode = stat.S_IMODE(info.st_mode) if info is not None else _new_file_mode()
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ZorgadviesError(t("safeio.cannot_write_2", strerror=exc.strerror), file=name) from None
    try:
        if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:  # also Ctrl-C halfway: never leave a temporary file behind
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ZorgadviesError(t("safeio.cannot_write_2", strerror=exc.strerror), file=name) from None
        raise
