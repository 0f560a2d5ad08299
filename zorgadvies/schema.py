"""Small helpers to check plain data read by :mod:`zorgadvies.yamlio` and fail with a location.

They keep validation code declarative enough to read like a schema, while every error names the
file, the line and the dotted field, and says what to write instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import ZorgadviesError, did_you_mean
from .yamlio import Document
from .messages import t

__all__ = ["Checker"]

_TYPE_NAMES = {str: "schema.type.text", int: "schema.type.int", bool: "schema.type.bool", list: "schema.type.list", dict: "schema.type.dict"}


class Checker:
    """Checks fields of one :class:`Document` and raises ``error_type`` with its location."""

    def __init__(self, doc: Document, error_type: type[ZorgadviesError]) -> None:
        self.doc = doc
        self.error_type = error_type

    def fail(self, path: str, message: str, hint: str | None = None) -> ZorgadviesError:
        return self.error_type(
            message, file=self.doc.file, line=self.doc.line(path), field=path or None, hint=hint
        )

    def mapping(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, t("schema.must_mapping_key_value", value=_describe(value)))
        return value

    def sequence(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(path, t("schema.must_list", value=_describe(value)))
        return value

    def keys(
        self, value: dict[str, Any], path: str, required: Iterable[str], optional: Iterable[str] = ()
    ) -> None:
        """Every required key present, no key outside ``required`` and ``optional``."""
        required = list(required)
        allowed = set(required) | set(optional)
        for key in value:
            if key not in allowed:
                raise self.fail(
                    _join(path, key), t("rulepack.unknown_field", key=key), hint=did_you_mean(key, allowed)
                )
        for key in required:
            if key not in value:
                raise self.fail(path, t("schema.missing_required_field_add", key=key))

    def text(self, value: Any, path: str, *, allow_empty: bool = False) -> str:
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            raise self.fail(path, t("schema.must_non_empty_text", value=_describe(value)))
        return value

    def integer(self, value: Any, path: str, low: int | None = None, high: int | None = None) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(path, t("schema.must_whole_number", value=_describe(value)))
        if low is not None and value < low:
            raise self.fail(path, t("schema.must_at_least", low=low, value=_describe(value)))
        if high is not None and value > high:
            raise self.fail(path, t("schema.must_at_most", high=high, value=_describe(value)))
        return value

    def choice(self, value: Any, path: str, choices: Iterable[str]) -> str:
        choices = list(choices)
        if not isinstance(value, str) or value not in choices:
            raise self.fail(
                path,
                t("schema.must_one", sorted=', '.join(sorted(choices)), value=_describe(value)),
                hint=did_you_mean(value, choices),
            )
        return value

    def text_list(self, value: Any, path: str) -> tuple[str, ...]:
        items = self.sequence(value, path)
        return tuple(self.text(item, _join(path, i)) for i, item in enumerate(items))


def _join(prefix: str, key: object) -> str:
    return f"{prefix}.{key}" if prefix else str(key)


def _describe(value: Any) -> str:
    if value is None:
        return t("schema.nothing")
    if isinstance(value, (dict, list)):
        return t(_TYPE_NAMES[type(value)])
    if isinstance(value, int) and value.bit_length() > 64:
        # repr() of a huge int costs quadratic time and fails beyond 4300 digits: describe it.
        return t("schema.big_number", digits=int(value.bit_length() * 0.30103) + 1)
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
