"""The language of the command line: --lang before anything runs, our help texts and click's own strings.

Help texts of our commands and options are message keys (``help="cli.assess"``) that ``localise``
replaces by the text in the current language just before click shows them. Click's own strings
(Usage:, Options, "Show this message and exit.", "No such option", "Missing argument"...) pass through
``gettext``; ``install_click_translations`` gives click's modules a ``NullTranslations`` that maps
click's English msgids to the Dutch of the ``click.`` keys in the message table (zorgadvies/messages.py).
"""

from __future__ import annotations

import gettext
import sys
from collections.abc import Callable, Sequence
from contextvars import ContextVar, Token
from typing import Any, TypeVar

import click

from ..facts import DEFAULT_MAX_FACTS_MB, MAX_INPUT_ENV
from ..messages import DEFAULT_LANGUAGE, LANG_ENV, LANGUAGES, MESSAGES, current_language, set_language, t

__all__ = ["ClickTranslations", "explicit_language", "install_click_translations", "lang_option", "localise", "messages_lang_option", "prescan_language"]

F = TypeVar("F", bound=Callable[..., Any])

#: The values our help texts may refer to ({max_mb}...); str.format ignores the ones a text does not use.
_HELP_PARAMS: dict[str, object] = {"max_mb": DEFAULT_MAX_FACTS_MB, "max_env": MAX_INPUT_ENV, "lang_env": LANG_ENV}

#: click's English msgid -> our key (the English text of a ``click.`` key is click's msgid).
_CLICK_KEYS = {en: key for key, (_, en) in MESSAGES.items() if key.startswith("click.")}


class ClickTranslations(gettext.NullTranslations):
    """Click's strings in the current language: Dutch from the message table, else click's English."""

    def gettext(self, message: str) -> str:
        key = _CLICK_KEYS.get(message)
        return t(key) if key and current_language() != "en" else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


_TRANSLATIONS = ClickTranslations()

#: The help texts of click's own options, in either language -> key (click makes the help option
#: when first needed, in the language of that moment, and keeps it).
_CLICK_HELP = {text: key for key in ("click.help", "click.version_help") for text in MESSAGES[key]}


def install_click_translations() -> None:
    """Point click's ``_`` and ``ngettext`` at ClickTranslations.

    Click calls ``gettext.gettext``, which only reads compiled catalogues of the process locale; its
    modules import the functions by name, so the translation is installed there (once, idempotent).
    """
    for module in list(sys.modules.values()):
        name = getattr(module, "__name__", "")
        if name != "click" and not name.startswith("click."):
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _TRANSLATIONS.gettext  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = _TRANSLATIONS.ngettext  # type: ignore[attr-defined]


def _translated(obj: Any, attr: str) -> None:
    original = obj.__dict__.setdefault(f"_zorgadvies_{attr}", getattr(obj, attr, None))
    if not isinstance(original, str):
        return
    if original in MESSAGES:
        setattr(obj, attr, t(original, **_HELP_PARAMS))
    elif original in _CLICK_HELP:  # click's own help and version options, made in either language
        setattr(obj, attr, t(_CLICK_HELP[original]))


def localise(command: click.Command, ctx: click.Context | None = None) -> None:
    """Give ``command`` and its options their help text in the current language (again each call)."""
    _translated(command, "help")
    _translated(command, "short_help")
    params = list(command.params)
    helper = command.get_help_option(ctx) if ctx is not None else getattr(command, "_help_option", None)
    if helper is not None:
        params.append(helper)
    for param in params:
        _translated(param, "help")


def prescan_language(args: Sequence[str]) -> str | None:
    """The value of ``--lang`` anywhere before ``--``, so that help and parse errors follow it too."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg.partition("=")[2] if arg.startswith("--lang=") else None
        if value in LANGUAGES:
            return value
    return None


#: The --lang given on the command line (before or after the command), set by the main group.
_EXPLICIT: ContextVar[str | None] = ContextVar("zorgadvies_explicit_lang", default=None)


def explicit_language(args: Sequence[str]) -> Token[str | None]:
    """Note the --lang of ``args`` and make it the messages' language (the group calls this first)."""
    lang = prescan_language(args)
    if lang is not None:
        set_language(lang)
    return _EXPLICIT.set(lang)


def _output_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    if value is not None:
        set_language(value)
        return value
    # Reports are written for the (Dutch) client: the locale changes the messages, not the output.
    return _EXPLICIT.get() or DEFAULT_LANGUAGE


#: ``--lang nl|en``: the language of the output, the help and the messages. Without it the output is
#: Dutch and the messages follow $ZORGADVIES_LANG, else the locale; ``zorgadvies --lang en CMD`` is the
#: same as ``zorgadvies CMD --lang en``.
def _lang(help_key: str, *, expose: bool) -> Callable[[F], F]:
    return click.option(
        "--lang", type=click.Choice(list(LANGUAGES)), default=None, callback=_output_language,
        is_eager=True, expose_value=expose, help=help_key,
    )


lang_option = _lang("cli.opt.lang", expose=True)

#: ``--lang nl|en`` on a command whose output has no language: the help and messages follow it.
messages_lang_option = _lang("cli.opt.messages_lang", expose=False)
