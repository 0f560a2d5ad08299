"""At-least answers: ``{minstens: value}`` for an ordered question (docs/facts.md).

"Weet niet precies, maar minstens ...": the answer is one of the question's values from ``value``
upwards, and nothing is known about which. A condition is then decided by *every* value it could
be: met when all of them meet it, failed when none does, unknown otherwise (docs/facts.md gives
the resulting table per operator). The engine (zorgadvies/engine.py) and the reference evaluator
(zorgadvies/logic.py) both follow this definition.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["KEY", "Answer", "AtLeast", "plain"]

#: The key of an at-least answer in a facts file.
KEY = "minstens"


@attrs.frozen
class AtLeast:
    """An at-least answer: ``value`` or higher; ``options`` every value it may be, lowest first."""

    value: str
    options: tuple[str, ...]

    def __str__(self) -> str:
        return f"{KEY} {self.value}"

    def to_dict(self) -> dict[str, Any]:
        return {KEY: self.value}


#: An answer as the fact model holds it.
Answer = str | int | AtLeast


def plain(value: object) -> object:
    """A value ready for JSON/YAML: an at-least answer becomes ``{"minstens": value}``."""
    return value.to_dict() if isinstance(value, AtLeast) else value
