from __future__ import annotations

from pathlib import Path

import pytest

from zorgadvies.api import Advisor, advisor

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture(scope="session")
def adv() -> Advisor:
    return advisor()
