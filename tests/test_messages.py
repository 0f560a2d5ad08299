"""The one message table (zorgadvies/messages.py): complete, consistent, used, and the language choice."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from zorgadvies import messages
from zorgadvies.errors import InputError
from zorgadvies.messages import MESSAGES, current_language, resolve_language, t, using_language

PACKAGE = Path(messages.__file__).parent


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_key_has_both_languages_with_the_same_placeholders(key: str) -> None:
    nl, en = MESSAGES[key]
    assert nl.strip() and en.strip(), key
    assert _fields(nl) == _fields(en), key


def test_no_key_is_unused() -> None:
    """Every key appears as a string literal in the package (outside the table itself).

    Keys are passed to ``t("key", ...)``, or given as click help (``help="cli...."``) that
    zorgadvies/cli/lang.py translates when help is shown; click's own strings are looked up by their
    msgid, so ``click.`` keys are checked against click's source instead.
    """
    sources = "\n".join(p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py")) if p.name != "messages.py")
    used = set(re.findall(r"""["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""", sources))
    ours = {k for k in MESSAGES if not k.startswith("click.")}
    assert sorted(ours - used) == []


def test_locale_and_environment_choose_the_language() -> None:
    assert resolve_language(None, {}) == "nl"
    assert resolve_language(None, {"LANG": "C.UTF-8"}) == "nl"
    assert resolve_language(None, {"LANG": "en_GB.UTF-8"}) == "en"
    assert resolve_language(None, {"LC_ALL": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}) == "nl"  # LC_ALL first
    assert resolve_language(None, {"LC_MESSAGES": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}) == "en"
    assert resolve_language(None, {"ZORGADVIES_LANG": "nl", "LC_ALL": "en_US.UTF-8"}) == "nl"
    assert resolve_language(None, {"ZORGADVIES_LANG": "en"}) == "en"
    assert resolve_language("nl", {"ZORGADVIES_LANG": "en"}) == "nl"  # --lang wins
    assert resolve_language("en", {}) == "en"


def test_the_context_language_is_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZORGADVIES_LANG", "nl")
    assert current_language() == "nl"
    with using_language("en"):
        assert current_language() == "en"
        assert t("errors.did_you_mean", hint="x") == "did you mean 'x'?"
    assert current_language() == "nl"
    assert t("errors.did_you_mean", hint="x") == "bedoelde u 'x'?"
    with pytest.raises(ValueError):
        with using_language("fr"):
            pass


def test_an_error_hint_follows_the_language() -> None:
    error = InputError("x", field="answers.q", hint="ja")
    with using_language("nl"):
        assert str(error) == "answers.q: x (bedoelde u 'ja'?)"
    with using_language("en"):
        assert str(error) == "answers.q: x (did you mean 'ja'?)"


def test_click_keys_are_clicks_own_msgids() -> None:
    """The English of a ``click.`` key is a string click passes to gettext (else it is never translated)."""
    import click

    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted(Path(click.__file__).parent.glob("*.py")))
    missing = [key for key, (_, en) in MESSAGES.items() if key.startswith("click.") and f'"{en}"' not in source]
    assert missing == []
