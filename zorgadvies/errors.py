"""The one error family of zorgadvies.

Every error knows where it comes from (a file, a line, a field) and, where it can, the value that was
probably meant. ``str(error)`` is always one line, so the CLI can print it as is.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .messages import t

__all__ = [
    "EngineError",
    "InputError",
    "KnowledgeError",
    "RulePackError",
    "ZorgadviesError",
    "did_you_mean",
]


def did_you_mean(value: object, choices: Iterable[object]) -> str | None:
    """Return the closest of ``choices`` to ``value``, or ``None`` when nothing is close."""
    options = sorted(str(c) for c in choices)
    found = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
    return found[0] if found else None


class ZorgadviesError(Exception):
    """Base class of every error zorgadvies raises on purpose.

    Parameters
    ----------
    message:
        What is wrong, in one sentence, in the current language (``messages.t``).
    file:
        The file the error is in, if any.
    line:
        The 1-based line in ``file``, if known.
    field:
        The dotted path of the offending field, e.g. ``answers.mp_strategie``.
    hint:
        The likely intended value; rendered as "bedoelde u ...?" ("did you mean ...?" in English).
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        self.hint = hint

    @property
    def where(self) -> str:
        """``file:line`` (or the parts that are known)."""
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file or ""

    def __str__(self) -> str:
        parts = [p for p in (self.where, self.field) if p]
        text = self.message if not parts else f"{': '.join(parts)}: {self.message}"
        if self.hint:
            text += f" ({t('errors.did_you_mean', hint=self.hint)})"
        # One line, always: a newline from a parser message must not break the CLI's promise.
        return " ".join(text.split())


class InputError(ZorgadviesError):
    """A facts file (or mapping) that cannot be read or does not fit the questionnaire."""


class KnowledgeError(ZorgadviesError):
    """The knowledge base under ``knowledge/`` is malformed."""


class RulePackError(ZorgadviesError):
    """A rule pack under ``rules/`` (or an extra pack) is malformed."""


class EngineError(ZorgadviesError):
    """The rules engine failed or reported an error it would otherwise have swallowed."""
