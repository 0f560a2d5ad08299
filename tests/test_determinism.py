"""Every command's output is byte-identical whatever PYTHONHASHSEED is (no order from a set or a
hash leaks into any output). One subprocess per seed runs all commands (tests/helpers)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

DRIVER = ROOT / "tests" / "helpers" / "run_every_command.py"
SEEDS = ("0", "1", "4242")


def _outputs(seed: str, folder: Path) -> dict[str, bytes]:
    folder.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": seed}
    run = subprocess.run([sys.executable, str(DRIVER), str(folder)], env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_every_command_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    runs = {seed: _outputs(seed, tmp_path / f"seed-{seed}") for seed in SEEDS}
    first = runs[SEEDS[0]]
    # Every command ran and succeeded, and the report and batch files were written.
    assert {"report.md", "report.html", "batch.json", "batch.csv", "explain-recommendation.out", "vragen-json.out", "audit.jsonl",
            "rules-test.out", "replay.out", "new-rule-voorbeeld.yaml", "vragenlijst.xlsx"} <= set(first)
    failed = [name for name, data in first.items() if name.endswith(".out") and not data.startswith(b"exit 0\n")]
    assert failed == []
    for seed in SEEDS[1:]:
        assert set(runs[seed]) == set(first)
        differ = [name for name in first if runs[seed][name] != first[name]]
        assert differ == [], f"PYTHONHASHSEED={seed} changes the output of {differ}"
