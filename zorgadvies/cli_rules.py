"""CLI commands: rules (registered on the main group by zorgadvies.cli)."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add this module's commands to ``group``."""
