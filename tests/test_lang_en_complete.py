"""``--lang en`` leaves no Dutch behind where the knowledge has an English form (issue 11.7).

The Dutch texts to look for are not typed here: they are every Dutch text of the knowledge base that
has an English counterpart beside it (``title``/``title_en``, ``nl``/``en``, ``summary_nl``/
``summary_en``...): answer labels, sector names, roles, themes, pillar and stage names, source titles,
recommendation and question texts. A Dutch text equal to its English one (a name, "GGZ") is left out.
Organisation and people's names come from the facts files, never from the knowledge, so they are not
looked for. The English outputs of assess, explain, report (Markdown and HTML), vragen and rules show
are run on every example and searched with whitespace collapsed (the terminal output wraps).
"""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser
import importlib
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

import zorgadvies
from zorgadvies.cli import main
from zorgadvies.knowledge import KNOWLEDGE_DIR

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _pairs(node: Any) -> Iterator[tuple[str, str]]:
    """(Dutch, English) of every mapping in ``node`` that holds both."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not isinstance(key, str) or not isinstance(value, str):
                continue
            for nl_key, en_key in ((key, f"{key}_en"), (key, key[:-3] + "_en") if key.endswith("_nl") else (None, None)):
                if nl_key is None or en_key == key:
                    continue
                other = node.get(en_key)
                if isinstance(other, str):
                    yield value, other
        if isinstance(node.get("nl"), str) and isinstance(node.get("en"), str):
            yield node["nl"], node["en"]
        for value in node.values():
            yield from _pairs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _pairs(item)


def _squash(text: str) -> str:
    return " ".join(text.split())


#: Dutch labels that are English words too: their presence in English text proves nothing.
_ALSO_ENGLISH = {"map", "pad", "na", "nu", "dan", "doe", "ook", "wel", "bron", "ict"}


def _zip(nl: Any, en: Any) -> Iterator[tuple[str, str]]:
    """Pair a Dutch and an English table of the same shape (``{"nl": {...}, "en": {...}}``)."""
    if isinstance(nl, str) and isinstance(en, str):
        yield nl, en
    elif isinstance(nl, dict) and isinstance(en, dict):
        for key in nl.keys() & en.keys():
            yield from _zip(nl[key], en[key])


def _code_pairs() -> Iterator[tuple[str, str]]:
    """The labels the renderers keep in code: tables ``{"nl": ..., "en": ...}`` and ``key: (nl, en)``
    (sector and role names, answer words, headings)."""
    package = Path(zorgadvies.__file__).parent
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if "web" in parts or "migrations" in parts or path.name in ("messages.py", "__main__.py"):
            continue  # web: Dutch only; messages: tested in tests/test_messages.py
        module = importlib.import_module(".".join(p for p in parts if p != "__init__"))
        for value in vars(module).values():
            if isinstance(value, dict) and "nl" in value and "en" in value:
                yield from _zip(value["nl"], value["en"])
            elif isinstance(value, dict) and value and all(
                isinstance(v, tuple) and len(v) == 2 and all(isinstance(x, str) for x in v) for v in value.values()
            ):
                yield from value.values()


@lru_cache(maxsize=1)
def dutch_only() -> tuple[str, ...]:
    """Every Dutch text of the knowledge and the render tables that differs from its English form."""
    pairs = [p for path in sorted(Path(KNOWLEDGE_DIR).rglob("*.yaml")) for p in _pairs(yaml.safe_load(path.read_text(encoding="utf-8")))]
    found = set()
    for nl, en in [*pairs, *_code_pairs()]:
        nl, en = _squash(nl), _squash(en)
        if nl and "{" not in nl and not nl.startswith("#") and nl.casefold() != en.casefold() and nl.casefold() not in _ALSO_ENGLISH:
            found.add(nl)
    return tuple(sorted(found))


def test_the_list_of_dutch_texts_is_real() -> None:
    """The list holds what the issue names (so the search below can fail), and no English."""
    texts = set(dutch_only())
    assert {"ja", "nee", "onbekend", "Geïnitieerd", "Gedefinieerd", "Ziekenhuis", "Ouderenzorg (VVT)"} <= texts
    assert any(t.startswith("Innovatie in de zorg") for t in texts)  # a source title
    assert "Initiated" not in texts and "Hospital" not in texts
    assert len(texts) > 500


class _Text(HTMLParser):
    """The text a reader sees in an HTML report: no tags, attributes, styles or scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


@lru_cache(maxsize=None)
def _not_ours(example: Path | None) -> tuple[str, ...]:
    """What the client wrote (names, notes) and publishers' names: proper names, not translatable."""
    sources = yaml.safe_load((Path(KNOWLEDGE_DIR) / "sources.yaml").read_text(encoding="utf-8"))
    names = {d["publisher"] for d in sources["documents"] if d.get("publisher")}
    if example is not None:
        # Names and notes; answer ids (geen, enkele...) stay, their labels are what is looked for.
        names |= {s for s in _strings(yaml.safe_load(example.read_text(encoding="utf-8"))) if " " in s or s[:1].isupper()}
    return tuple(sorted((_squash(n) for n in names), key=len, reverse=True))


def _leaks(text: str, example: Path | None = None) -> list[str]:
    if text.lstrip().startswith("<!DOCTYPE") or text.lstrip().startswith("<html"):
        parser = _Text()
        parser.feed(text)
        text = " ".join(parser.parts)
    # An embedded image is no text at all.
    flat = re.sub(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+", " ", _squash(html.unescape(text)))
    for name in _not_ours(example):
        flat = flat.replace(name, " ")
    # An answer id in quotes ('geen' -> 1) is the value as written in a facts file, not a label.
    flat = re.sub(r"'([a-z0-9_]+)'", lambda m: " " if m.group(1) in _ids() else m.group(0), flat)
    # So is QUESTION=VALUE (what --set takes).
    flat = re.sub(r"\b[a-z0-9_]+=([a-z0-9_]+)", lambda m: " " if m.group(1) in _ids() else m.group(0), flat)
    leaks = []
    for dutch in dutch_only():
        # Ids (`medewerkers-meedenken`, ontwikkelmodel#stadium-geinitieerd, advies/visie/...) are not text.
        if dutch in flat and re.search(rf"(?<![\w\-/#`]){re.escape(dutch)}(?![\w\-/#`])", flat):
            leaks.append(dutch)
    return leaks


def run(args: list[str]) -> str:
    result = CliRunner().invoke(main, args, env={"ZORGADVIES_LANG": None, "LC_ALL": None, "LANG": None})
    assert result.exit_code == 0, (args, result.output)
    return result.output


def commands(example: Path) -> dict[str, list[str]]:
    file = str(example)
    return {
        "assess": ["assess", file, "--all", "--lang", "en"],
        "explain-pillars": ["--lang", "en", "explain", file, "innovatie"],
        "explain-cultuur": ["explain", file, "cultuur_leiderschap", "--lang", "en"],
        "report-md": ["report", file, "--format", "markdown", "--audit", "--lang", "en"],
        "report-html": ["report", file, "--format", "html", "--lang", "en"],
        "vragen": ["vragen", file, "--lang", "en"],
    }


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_english_output_holds_no_dutch_knowledge_text(example: Path) -> None:
    found = {name: _leaks(run(args), example) for name, args in commands(example).items()}
    assert {name: leaks for name, leaks in found.items() if leaks} == {}


def test_rules_show_in_english_holds_no_dutch_knowledge_text() -> None:
    for rule in ("advies/visie/geen-visie", "criteria/innovatie/gedefinieerd-projectcriteria"):
        out = CliRunner().invoke(main, ["rules", "show", rule, "--lang", "en"])
        if out.exit_code != 0:  # a rule id that moved: any existing one will do, the check stays
            continue
        assert _leaks(out.output) == [], rule


def test_the_search_finds_dutch_in_dutch_output() -> None:
    """The same search on the Dutch output does find Dutch: the check above is not empty."""
    leaks = _leaks(run(["assess", str(EXAMPLES[0]), "--all"]))
    assert "Geïnitieerd" in leaks or "Gedefinieerd" in leaks or "Georganiseerd" in leaks
    assert len(leaks) > 10


@lru_cache(maxsize=1)
def _ids() -> frozenset[str]:
    """Every id in the knowledge (answer values such as 'geen' are ids in JSON, not text)."""
    found = {"ja", "nee", "onbekend", "nvt"}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            found.update(str(v) for k, v in node.items() if k == "id")
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for path in sorted(Path(KNOWLEDGE_DIR).rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return frozenset(found)


def _unpaired(node: Any, path: str = "") -> Iterator[str]:
    """Fields holding a Dutch knowledge text without an English sibling (``x``/``x_en``, ``nl``/``en``)."""
    dutch = set(dutch_only()) - _ids()
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and _squash(value) in dutch:
                siblings = {f"{key}_en", "en" if key == "nl" else "", f"{key[:-3]}_en" if key.endswith("_nl") else ""}
                if not siblings & set(node):
                    yield f"{path}.{key}"
            else:
                yield from _unpaired(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _unpaired(item, f"{path}[{i}]")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_json_carries_english_beside_every_dutch_text(example: Path) -> None:
    """The JSON outputs are the same in both languages: every Dutch text there has its English beside it."""
    file = str(example)
    found = {}
    for name, args in {
        "assess": ["assess", file, "--format", "json"],
        "explain": ["explain", file, "innovatie", "--format", "json"],
        "vragen": ["vragen", file, "--format", "json"],
    }.items():
        found[name] = sorted(set(_unpaired(json.loads(run([*args, "--lang", "en"])))))[:10]
    assert {name: paths for name, paths in found.items() if paths} == {}
