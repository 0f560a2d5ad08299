"""Help and click's messages in Dutch by default, in English with --lang en (anywhere) or an English locale."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from zorgadvies.cli import main
from zorgadvies.messages import MESSAGES, t, using_language

# No variable of the machine running the tests may choose the language, except the one a test sets.
_CLEAN = {"ZORGADVIES_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}

#: Every command whose help comes from the message table (interview's help is converted with interview.py).
COMMANDS = [
    ["assess"], ["batch"], ["diff"], ["explain"], ["graph"], ["history"], ["new-rule"], ["path"],
    ["replay"], ["report"], ["rules"], ["rules", "list"], ["rules", "show"], ["rules", "validate"],
    ["rules", "test"], ["rules", "coverage"], ["rules", "criteria"], ["schema"], ["serve"],
    ["vragen"], ["vragenlijst"],
]  # fmt: skip


def run(args: list[str], **env: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, args, env={**_CLEAN, **env})
    return result.exit_code, result.output


def _words(key: str, lang: str) -> str:
    """The first words of a message: click wraps help, so a whole paragraph is not one line."""
    nl, en = MESSAGES[key]
    return " ".join((en if lang == "en" else nl).split()[:3])


def _help_key(args: list[str]) -> str:
    return "cli." + ".".join(a.replace("-", "_") for a in args)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_help_is_dutch_by_default_and_english_with_lang_en(args: list[str]) -> None:
    code, dutch = run([*args, "--help"])
    assert code == 0
    assert _words(_help_key(args), "nl") in dutch and _words("click.help", "nl") in dutch
    assert "Usage:" not in dutch and "Show this message" not in dutch and "Options:" not in dutch
    for where in ([*args, "--help", "--lang", "en"], ["--lang", "en", *args, "--help"], [*args, "--lang=en", "--help"]):
        code, english = run(where)
        assert code == 0, where
        assert _words(_help_key(args), "en") in english and "Usage:" in english and "Show this message and exit." in english
        assert "Gebruik:" not in english and "Opties:" not in english


def test_the_option_help_of_a_command_follows_the_language() -> None:
    _, dutch = run(["assess", "--help"])
    _, english = run(["assess", "--help", "--lang", "en"])
    for key in ("cli.assess.brief", "cli.assess.save", "cli.opt.rules"):
        assert _words(key, "nl") in dutch and _words(key, "en") in english


@pytest.mark.parametrize(
    ("env", "english"),
    [
        ({"LANG": "en_US.UTF-8"}, True),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"}, True),
        ({"LC_ALL": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, False),
        ({"LC_MESSAGES": "en_US.UTF-8"}, True),
        ({"ZORGADVIES_LANG": "nl", "LANG": "en_US.UTF-8"}, False),
        ({"ZORGADVIES_LANG": "en"}, True),
        ({"LANG": "C.UTF-8"}, False),
        ({}, False),
    ],
)
def test_the_locale_chooses_the_language_of_help(env: dict[str, str], english: bool) -> None:
    _, text = run(["--help"], **env)
    assert ("Usage:" in text) is english and ("Gebruik:" in text) is not english


def test_an_explicit_lang_wins_over_the_locale() -> None:
    _, text = run(["--help", "--lang", "nl"], LANG="en_US.UTF-8")
    assert "Gebruik:" in text


def test_clicks_errors_follow_the_language(tmp_path: pytest.TempPathFactory) -> None:
    code, dutch = run(["assess", "--bogus", "x"])
    assert code == 2
    with using_language("nl"):
        assert t("click.error", message=t("click.no_such_option", name="--bogus")) in dutch
    code, english = run(["assess", "--bogus", "x", "--lang", "en"])
    assert code == 2 and "Error: No such option '--bogus'." in english
    code, dutch = run(["assess"])
    with using_language("nl"):
        assert t("click.missing_argument") in dutch
    code, dutch = run(["assess", "--format", "xml", "x"])
    with using_language("nl"):
        assert t("click.not_one_of", value="xml", choices="'text', 'json'") in dutch
        assert "Invalid value" not in dutch


def test_one_run_does_not_change_the_language_of_the_next() -> None:
    run(["--lang", "en", "--help"])
    _, text = run(["--help"])
    assert "Gebruik:" in text
    _, text = run(["assess", "--help"])
    assert "Show this message" not in text


def test_the_output_stays_dutch_under_an_english_locale() -> None:
    """The locale changes help and messages; the report is for the (Dutch) client unless --lang says so."""
    from tests.conftest import EXAMPLES

    _, dutch = run(["assess", str(EXAMPLES[0]), "--brief"], LANG="en_US.UTF-8")
    _, explicit = run(["assess", str(EXAMPLES[0]), "--brief"], ZORGADVIES_LANG="nl")
    _, english = run(["--lang", "en", "assess", str(EXAMPLES[0]), "--brief"])
    _, english2 = run(["assess", str(EXAMPLES[0]), "--brief", "--lang", "en"])
    assert dutch == explicit and english == english2 and dutch != english
