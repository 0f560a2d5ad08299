"""The one message table: every help text and error message, Dutch and English side by side.

``t(key, **params)`` returns the message of ``key`` in the current language with ``params`` filled in
(``str.format`` placeholders; the placeholders of the Dutch and the English text are the same, a test
checks it). The current language is a context variable: the CLI sets it from ``--lang``; without it,
``ZORGADVIES_LANG``, else the locale (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``: a value
starting with ``en`` means English); Dutch by default. Library errors are raised with ``t(...)``, so
their text is in the language current at the time they are raised.

Keys are grouped by the module that uses them (``facts.``, ``safeio.``, ``cli.``...); ``click.`` keys
translate click's own strings (their English text is click's msgid, see zorgadvies/cli/lang.py).
No text lives anywhere else: a key that no module uses is an error (tests/test_messages.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar, Token

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LANG_ENV",
    "MESSAGES",
    "current_language",
    "resolve_language",
    "set_language",
    "t",
    "using_language",
]

#: The languages of every message, in the order of the pairs in MESSAGES.
LANGUAGES = ("nl", "en")

DEFAULT_LANGUAGE = "nl"

#: Environment variable that chooses the language when --lang is not given (before the locale).
LANG_ENV = "ZORGADVIES_LANG"

#: The locale variables, in the order POSIX consults them for messages.
_LOCALE_ENV = ("LC_ALL", "LC_MESSAGES", "LANG")

_CURRENT: ContextVar[str | None] = ContextVar("zorgadvies_language", default=None)


def _language_of(value: str) -> str:
    return "en" if value.strip().lower().startswith("en") else "nl"


def resolve_language(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language to use: ``explicit`` (``--lang``), else $ZORGADVIES_LANG, else the locale, else Dutch."""
    if explicit:
        return _language_of(explicit)
    env = os.environ if environ is None else environ
    chosen = env.get(LANG_ENV, "").strip()
    if chosen:
        return _language_of(chosen)
    for name in _LOCALE_ENV:
        value = env.get(name, "").strip()
        if value:  # the first one set decides, as for every POSIX program
            return _language_of(value)
    return DEFAULT_LANGUAGE


def current_language() -> str:
    """The language set for this context, or the one the environment chooses."""
    return _CURRENT.get() or resolve_language()


def set_language(lang: str | None) -> Token[str | None]:
    """Set the language of this context (``None``: back to the environment's choice)."""
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return _CURRENT.set(lang)


@contextmanager
def using_language(lang: str | None) -> Iterator[str]:
    """Run a block in ``lang``; the previous language is restored afterwards."""
    token = set_language(lang)
    try:
        yield current_language()
    finally:
        _CURRENT.reset(token)


def t(key: str, **params: object) -> str:
    """The message ``key`` in the current language, with ``params`` filled in."""
    nl, en = MESSAGES[key]
    text = en if current_language() == "en" else nl
    return text.format(**params) if params else text


#: key -> (Dutch, English). Dutch addresses the reader as "u", as the interview and the reports do.
MESSAGES: dict[str, tuple[str, str]] = {
    # --- errors.py -------------------------------------------------------------------------------
    "errors.did_you_mean": ("bedoelde u '{hint}'?", "did you mean '{hint}'?"),
}
