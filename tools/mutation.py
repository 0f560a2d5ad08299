"""Mutation testing of the decision modules with mutmut (``make mutation``; docs/testing.md).

mutmut reads one configuration per directory, but every decision module has its own fast set of
tests that exercise it (seconds, not the whole suite). So each module runs in its own scratch copy
of the checkout under ``.mutation/<module>/`` with a generated ``setup.cfg``; mutmut then mutates
only that module's files and, per mutant, runs only the selected tests that reach the mutated
function. The score is (killed + timeout) / (all mutants); a mutant no selected test reaches
counts as surviving, so an unexercised function lowers the score instead of hiding.

    python tools/mutation.py                 # every module
    python tools/mutation.py stages explain  # some modules
    python tools/mutation.py --list          # the modules, their files and tests

Each module writes ``.mutation/<module>/summary.json`` and ``survivors.txt`` (the diff of every
surviving mutant), and the last line of the run is a table to paste into docs/testing.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
COPY = ("zorgadvies", "tests", "knowledge", "rules", "examples", "docs", "pyproject.toml", "README.md")


@dataclass(frozen=True)
class Target:
    files: tuple[str, ...]
    tests: tuple[str, ...]


# The decision modules and the fast tests that exercise each. A test listed here must not start
# a subprocess of zorgadvies (that would import the unmutated package) and should take seconds.
GOLDEN = "tests/test_golden.py"
NO_SUBPROCESS = (
    "--deselect", "tests/test_cli.py::test_json_is_byte_identical_across_processes",
    "--deselect", "tests/test_focus.py::test_ask_next_json_is_byte_identical_across_processes",
)
MODULES: dict[str, Target] = {
    "stages": Target(("zorgadvies/stages.py",), ("tests/test_stages.py", "tests/test_bounds.py", GOLDEN)),
    "facts": Target(
        ("zorgadvies/facts.py", "zorgadvies/atleast.py"),
        # Not test_bounds.py: its at-least parsing cases are repeated in test_facts_mutants.py,
        # and its Hypothesis runs made every surviving facts mutant slow.
        ("tests/test_facts_mutants.py", "tests/test_facts_semantics.py", "tests/test_respondents.py", GOLDEN, "tests/test_cli.py", "tests/test_schemas.py",
         "tests/test_open_world.py", *NO_SUBPROCESS),
    ),
    "explain": Target(("zorgadvies/explain.py",), ("tests/test_explain_whatif.py", "tests/test_audit.py::test_explain_every_pillar_names_rules_facts_and_sources")),
    "whatif": Target(("zorgadvies/whatif.py",), ("tests/test_explain_whatif.py",)),
    "ranking": Target(("zorgadvies/ranking.py",), ("tests/test_recommendations.py", "tests/test_focus.py", GOLDEN, *NO_SUBPROCESS)),
    "asknext": Target(("zorgadvies/asknext.py",), ("tests/test_focus.py", *NO_SUBPROCESS)),
    "logic": Target(("zorgadvies/logic.py",), ("tests/test_logic.py", "tests/test_engine_vs_reference.py", GOLDEN)),
    # Not the 1,200-rule pack of test_engine_limits (a minute per run): its sharding is exercised by
    # the small-shard test beside it.
    "engine": Target(
        ("zorgadvies/engine.py",),
        ("tests/test_engine_mutants.py", "tests/test_engine_limits.py", "tests/test_engine_vs_reference.py", "tests/test_bounds.py", GOLDEN,
         "--deselect", "tests/test_engine_limits.py::test_synthetic_1200_rule_pack_matches_reference"),
    ),
}


def _prepare(name: str, target: Target) -> Path:
    work = WORK / name
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    for item in COPY:
        source = ROOT / item
        if source.is_dir():
            shutil.copytree(source, work / item, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif source.is_file():
            shutil.copy2(source, work / item)
    # mutmut prefers [tool.mutmut] in pyproject.toml; ours has none, so this setup.cfg is read.
    lines = [
        "[mutmut]",
        "source_paths=zorgadvies",
        "only_mutate=" + "\n    ".join(target.files),
        "also_copy=knowledge\n    rules\n    examples\n    docs\n    README.md",
        "pytest_add_cli_args_test_selection=" + "\n    ".join(target.tests),
        "pytest_add_cli_args=-p\n    no:randomly\n    -p\n    no:cacheprovider\n    -q",
        "timeout_multiplier=5",
        "",
    ]
    (work / "setup.cfg").write_text("\n".join(lines), encoding="utf-8")
    return work


def _mutmut(work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("mutmut")
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    return subprocess.run([str(exe), *args], cwd=work, env=env, capture_output=True, text=True)


_SHOW = """
import sys
from mutmut.__main__ import find_mutant, status_by_exit_code
from mutmut.mutation.diff_apply import get_diff_for_mutant
for name in sys.argv[1:]:
    found = find_mutant(name)
    print(f"# {name}: {status_by_exit_code[found.exit_code_by_key[name]]}")
    print(get_diff_for_mutant(name, path=found.path))
"""


def run_module(name: str, target: Target, max_children: int) -> dict[str, object]:
    work = _prepare(name, target)
    started = time.monotonic()
    # Streamed to run.log, so that `tail -f .mutation/<module>/run.log` shows the progress.
    with (work / "run.log").open("w", encoding="utf-8") as log:
        exe = Path(sys.executable).with_name("mutmut")
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        run = subprocess.run([str(exe), "run", "--max-children", str(max_children)], cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    if run.returncode != 0:
        raise SystemExit(f"mutmut failed for {name} (exit {run.returncode}); see {work / 'run.log'}")
    _mutmut(work, "export-cicd-stats")
    stats = json.loads((work / "mutants" / "mutmut-cicd-stats.json").read_text(encoding="utf-8"))
    listed = _mutmut(work, "results").stdout.splitlines()
    survivors = [line.split(":")[0].strip() for line in listed if line.strip().endswith(("survived", "no tests"))]
    # One process for every diff (``mutmut show`` per mutant costs a start-up each).
    diffs = subprocess.run([sys.executable, "-c", _SHOW, *survivors], cwd=work, capture_output=True, text=True)
    (work / "survivors.txt").write_text(diffs.stdout + diffs.stderr, encoding="utf-8")
    total = int(stats["total"]) - int(stats["skipped"])
    caught = int(stats["killed"]) + int(stats["timeout"])
    summary = {
        "module": name,
        "files": list(target.files),
        "mutants": total,
        "killed": caught,
        "survived": int(stats["survived"]),
        "no_tests": int(stats["no_tests"]),
        "score": round(100 * caught / total, 1) if total else None,
        "seconds": round(time.monotonic() - started),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip(),
        "survivors": survivors,
    }
    (work / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"some of: {', '.join(MODULES)} (default: all)")
    parser.add_argument("--max-children", type=int, default=2, help="parallel mutants (default 2: the machine's cores)")
    parser.add_argument("--list", action="store_true", help="list the modules, their files and tests")
    args = parser.parse_args(argv)
    if args.list:
        for name, target in MODULES.items():
            print(f"{name}: {' '.join(target.files)}\n    tests: {' '.join(target.tests)}")
        return 0
    unknown = [m for m in args.modules if m not in MODULES]
    if unknown:
        print(f"unknown module(s) {', '.join(unknown)}; choose from {', '.join(MODULES)}", file=sys.stderr)
        return 2
    rows = []
    for name in args.modules or list(MODULES):
        summary = run_module(name, MODULES[name], args.max_children)
        rows.append(summary)
        print(f"{name}: {summary['killed']}/{summary['mutants']} killed ({summary['score']} %), "
              f"{len(summary['survivors'])} surviving, {summary['seconds']} s", flush=True)  # type: ignore[arg-type]
    print("\n| module | mutants | killed | score | surviving | time | measured |\n|---|---|---|---|---|---|---|")
    for s in rows:
        print(f"| {s['module']} | {s['mutants']} | {s['killed']} | {s['score']} % | {len(s['survivors'])} | "  # type: ignore[arg-type]
              f"{s['seconds']} s | {s['date']}, {s['commit']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
