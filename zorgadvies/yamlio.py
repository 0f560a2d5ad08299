"""Safe, line-aware loading of YAML and JSON documents.

PyYAML's ``safe_load`` already refuses ``!!python/...`` tags, but it still constructs every other
explicit tag, turns ``2026-01-01`` into a ``date`` (not JSON-serialisable) and expands aliases (the
"billion laughs" attack). We want plain data only, so we walk the composed node tree ourselves:
explicit tags and aliases are refused, timestamps stay strings, duplicate keys are an error, and every
value's line is remembered so that later validation can point at ``file:line``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .errors import ZorgadviesError
from .messages import t

__all__ = ["Document", "load_document", "parse_text"]

# libyaml's C loader when PyYAML was built with it (the wheels are): the same safe semantics, ~10x
# faster on the knowledge base and rule packs that every start reads.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: No facts file, rule or knowledge file needs more; deeper input is refused before it is built (the
#: builder is recursive, and a deeply nested document is a classic denial-of-service input).
MAX_DEPTH = 32
#: The most digits a whole number may have: no count, year or rank needs more, and Python refuses
#: to convert more than 4300 (a traceback otherwise).
MAX_DIGITS = 18
#: The default largest file :func:`load_document` reads (knowledge and rule files). Facts files
#: have their own, smaller limit (zorgadvies.facts.max_facts_bytes).
MAX_DOCUMENT_BYTES = 16 * 2**20

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class Document:
    """Plain data plus the line of each field.

    ``lines`` maps a dotted path (``answers.mp_strategie``, ``people.0.disc``) to its 1-based line.
    """

    def __init__(self, data: Any, lines: dict[str, int], file: str | None) -> None:
        self.data = data
        self.lines = lines
        self.file = file

    def line(self, path: str) -> int | None:
        """The line of ``path`` or of its nearest enclosing field."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path.rpartition(".")[0]
        return self.lines.get("")


def _join(prefix: str, key: object) -> str:
    return f"{prefix}.{key}" if prefix else str(key)


class _Builder:
    def __init__(self, file: str | None, make_error: Callable[..., ZorgadviesError]) -> None:
        self.file = file
        self.make_error = make_error
        self.lines: dict[str, int] = {}
        self._constructor = yaml.SafeLoader("")

    def fail(self, node: yaml.Node, message: str) -> ZorgadviesError:
        return self.make_error(message, file=self.file, line=node.start_mark.line + 1)

    def build(self, node: yaml.Node, path: str) -> Any:
        self.lines[path] = node.start_mark.line + 1
        if node.tag not in _PLAIN_TAGS:
            raise self.fail(node, t("yamlio.yaml_tag_allowed_plain", tag=node.tag))
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self.fail(key_node, t("yamlio.mapping_key_must_plain"))
                key = str(self.scalar(key_node))
                if key in result:
                    raise self.fail(key_node, t("yamlio.duplicate_key", key=key))
                result[key] = self.build(value_node, _join(path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, _join(path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self.scalar(node)

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # dates stay text: JSON has no date type
        if node.tag == "tag:yaml.org,2002:int" and sum(c.isdigit() for c in node.value) > MAX_DIGITS:
            raise self.fail(node, t("yamlio.whole_number_more_than", MAX_DIGITS=MAX_DIGITS))
        if node.tag == "tag:yaml.org,2002:float" and node.value.lower().lstrip("+-") in (
            ".inf",
            ".nan",
        ):
            raise self.fail(node, t("yamlio.usable_number", value=node.value))
        return self._constructor.construct_object(node)


def _refuse_explicit_tags_and_aliases(
    text: str, file: str | None, make_error: Callable[..., ZorgadviesError]
) -> None:
    # Explicit tags are only visible at the event level: once composed, an explicit `!!str` and an
    # implicit string look the same, and `!!python/object/apply` must never reach a constructor.
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise make_error(t("yamlio.nested_more_than_levels", MAX_DEPTH=MAX_DEPTH), file=file, line=line)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if isinstance(event, yaml.AliasEvent):
            raise make_error(t("yamlio.yaml_aliases_name_are"), file=file, line=line)
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise make_error(t("yamlio.yaml_tag_allowed_plain", tag=tag), file=file, line=line)


def parse_text(
    text: str,
    *,
    file: str | None = None,
    fmt: str = "yaml",
    make_error: Callable[..., ZorgadviesError] = ZorgadviesError,
) -> Document:
    """Parse ``text`` as YAML (or JSON when ``fmt == 'json'``) into a :class:`Document`."""
    if not text.strip():
        raise make_error(t("batch.file_empty"), file=file)
    if fmt == "json":
        return _parse_json(text, file, make_error)
    try:
        _refuse_explicit_tags_and_aliases(text, file, make_error)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise make_error(t("yamlio.malformed_yaml", problem=exc.problem or exc.context), file=file, line=line) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors in practice
        raise make_error(t("yamlio.malformed_yaml", problem=exc), file=file) from None
    if node is None:
        raise make_error(t("yamlio.file_holds_no_data"), file=file)
    builder = _Builder(file, make_error)
    data = builder.build(node, "")
    return Document(data, builder.lines, file)


def _parse_json(text: str, file: str | None, make_error: Callable[..., ZorgadviesError]) -> Document:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                raise make_error(t("yamlio.duplicate_key", key=key), file=file)
            result[key] = value
        return result

    def constant(name: str) -> Any:
        raise make_error(t("yamlio.usable_number", value=name), file=file)

    def integer(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_DIGITS:
            raise make_error(t("yamlio.whole_number_more_than", MAX_DIGITS=MAX_DIGITS), file=file)
        return int(digits)

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant, parse_int=integer)
        _check_depth(data, file, make_error)
    except json.JSONDecodeError as exc:
        raise make_error(t("yamlio.malformed_json", msg=exc.msg), file=file, line=exc.lineno) from None
    except RecursionError:
        raise make_error(t("yamlio.malformed_json_nested_too"), file=file) from None
    return Document(data, {}, file)


def _check_depth(data: Any, file: str | None, make_error: Callable[..., ZorgadviesError]) -> None:
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > MAX_DEPTH:
                raise make_error(t("yamlio.nested_more_than_levels", MAX_DEPTH=MAX_DEPTH), file=file)
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)


def _size(count: int) -> str:
    return f"{count / 2**20:g} MB" if count >= 2**20 else f"{count} bytes"


def read_bounded(
    path: str | Path,
    max_bytes: int,
    *,
    make_error: Callable[..., ZorgadviesError] = ZorgadviesError,
    what: str | None = None,
    raise_with: str = "",
) -> bytes:
    """The bytes of ``path`` (``-`` is stdin), refusing more than ``max_bytes`` before parsing.

    The read itself is bounded, so a device (``/dev/zero``), a FIFO or stdin cannot exhaust memory.
    """
    name = str(path)
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open(path, "rb") as handle:
                raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise make_error(t("yamlio.no_such_file"), file=name) from None
    except IsADirectoryError:
        raise make_error(t("yamlio.directory_file"), file=name) from None
    except OSError as exc:
        raise make_error(t("yamlio.cannot_read", strerror=exc.strerror), file=name) from None
    except ValueError:  # the operating system takes no NUL byte in a file name
        raise make_error(t("yamlio.no_valid_file_name"), file=name.replace("\x00", "\\x00")) from None
    if len(raw) > max_bytes:
        raise make_error(t("yamlio.larger_than_limit_for", max_bytes=_size(max_bytes), what=what or t("yamlio.what_file"), raise_with=raise_with), file=name)
    return raw


def load_document(
    path: str | Path,
    *,
    make_error: Callable[..., ZorgadviesError] = ZorgadviesError,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    what: str | None = None,
    raise_with: str = "",
) -> Document:
    """Read ``path`` (``.json`` is JSON, anything else YAML; ``-`` is stdin) as strict UTF-8 and parse it."""
    name = str(path)
    raw = read_bounded(path, max_bytes, make_error=make_error, what=what, raise_with=raise_with)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise make_error(
            t("yamlio.utf_8_text_byte", raw=raw[exc.start], start=exc.start), file=name, line=line
        ) from None
    if "\x00" in text:
        raise make_error(t("yamlio.text_file_holds_nul"), file=name)
    fmt = "json" if Path(name).suffix.lower() == ".json" else "yaml"
    return parse_text(text, file=name, fmt=fmt, make_error=make_error)
