"""Run every zorgadvies command once and write each output into OUTDIR (tests/test_determinism.py).

Started once per PYTHONHASHSEED: the commands run in this one process through click's test runner,
so that a seed costs one interpreter start-up, not one per command. Output files (reports, batch
results) are written inside OUTDIR (the working directory) under fixed names; each printed output goes to <name>.out.

Not here: ``serve`` (a server; its pages are tested in tests/test_web*.py), ``interview`` (interactive),
and ``history`` / ``assess --save``, whose output carries the time of saving.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from click.testing import CliRunner

from zorgadvies.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
EX = ROOT / "examples"
HEIDEZOOM = str(EX / "ouderenzorg-heidezoom.yaml")
ZUIDOEVER = str(EX / "welzijn-zuidoever.yaml")
VENENDAL = str(EX / "eerstelijn-venendal-respondenten.yaml")


def commands(out: Path) -> dict[str, list[str]]:
    return {
        "assess-text": ["assess", HEIDEZOOM],
        "assess-text-en": ["assess", VENENDAL, "--lang", "en"],
        "assess-json": ["assess", VENENDAL, "--format", "json"],
        "assess-whatif": ["assess", ZUIDOEVER, "--format", "json", "--set", "inn_directietafel=ja"],
        "explain-pillar": ["explain", ZUIDOEVER, "innovatie", "--format", "json"],
        "explain-pillar-text": ["explain", HEIDEZOOM, "metrics_evaluatie"],
        # A recommendation with a branching prerequisite chain (the order once varied per seed).
        "explain-recommendation": ["explain", HEIDEZOOM, "innovatie-naar-georganiseerd", "--format", "json"],
        "explain-recommendation-text": ["explain", HEIDEZOOM, "innovatie-naar-geoptimaliseerd"],
        "explain-rule": ["explain", ZUIDOEVER, "advies/borging/geen-structurele-monitoring", "--format", "json"],
        "path-json": ["path", ZUIDOEVER, "--pillar", "innovatie", "--target", "3", "--format", "json"],
        "path-text": ["path", HEIDEZOOM, "--pillar", "metrics_evaluatie", "--target", "4"],
        **{f"graph-{fmt}": ["graph", "--format", fmt] for fmt in ("dot", "graphml", "json", "mermaid")},
        "report-md": ["report", HEIDEZOOM, "--output", "report.md"],
        "report-html": ["report", VENENDAL, "--output", "report.html"],
        "rules-list": ["rules", "list"],
        "rules-show": ["rules", "show", "advies/borging/geen-structurele-monitoring"],
        "schema-input": ["schema"],
        "schema-output": ["schema", "--kind", "output"],
        "diff-text": ["diff", str(EX / "eerstelijn-venendal.yaml"), VENENDAL],
        "diff-json": ["diff", str(EX / "eerstelijn-venendal.yaml"), VENENDAL, "--format", "json"],
        "batch": ["batch", str(EX), "--out", "batch.json", "--jobs", "1", "--peer", "Thuiszorg De Linde"],
        "vragen-text": ["vragen", ZUIDOEVER],
        "vragen-json": ["vragen", VENENDAL, "--format", "json"],
        "batch-csv": ["batch", str(EX), "--out", "batch.csv", "--jobs", "1"],
        "rules-criteria": ["rules", "criteria"],
        "rules-coverage": ["rules", "coverage"],
        "rules-test": ["rules", "test"],
        "rules-validate": ["rules", "validate"],
        "audit": ["assess", VENENDAL, "--format", "json", "--audit-log", "audit.jsonl"],
        "replay": ["replay", "audit.jsonl"],
        "new-rule": ["new-rule", "advies/test/voorbeeld", "--conclusion", "recommend:innovatie-naar-georganiseerd", "--dir", "pack"],
        "vragenlijst": ["vragenlijst", "--organisation", "Heidezoom", "-o", "vragenlijst.xlsx"],
    }


def main_(out: Path) -> int:
    # Output files under fixed relative names, so that no seed's output names its own folder.
    os.chdir(out)
    runner = CliRunner()
    failed = 0
    for name, args in commands(out).items():
        result = runner.invoke(main, args, catch_exceptions=False)
        (out / f"{name}.out").write_text(f"exit {result.exit_code}\n{result.output}", encoding="utf-8")
        failed += result.exit_code != 0
    # vragenlijst.xlsx stays: its bytes are compared like every other output (times in it are fixed).
    for name in sorted((out / "pack").rglob("*")):
        if name.is_file():
            (out / f"new-rule-{name.name}").write_bytes(name.read_bytes())
    shutil.rmtree(out / "pack")
    print(f"seed {os.environ.get('PYTHONHASHSEED')}: {failed} command(s) failed")
    return 0


if __name__ == "__main__":
    sys.exit(main_(Path(sys.argv[1])))
