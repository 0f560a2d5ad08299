"""Benchmarks: speed and memory of assessments, measured, not asserted.

Run:  make bench   (or .venv/bin/python benchmarks/bench.py [--runs 1000] [--memory 10000] [--cold 15]
                        [--batch 600] [--synthetic 1000] [--ask 5] [--only NAME])

Prints one line per figure. Nothing here is a test: timings on a shared machine vary, so the figures
go into docs/performance.md with the command that produced them.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import zorgadvies
from zorgadvies.api import advisor
from zorgadvies.logic import reference_outcomes

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; falls back to the peak)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def median_us(samples: list[float]) -> float:
    return statistics.median(samples) * 1e6


def bench_assess(runs: int) -> None:
    adv = advisor()
    facts = [adv.load(p) for p in EXAMPLES]
    for f in facts:  # warm up
        adv.assess(f)
    full, engine_only, plain = [], [], []
    for i in range(runs):
        path = EXAMPLES[i % len(EXAMPLES)]
        t0 = time.perf_counter()
        zorgadvies.assess(path)
        full.append(time.perf_counter() - t0)
    for i in range(runs):
        f = facts[i % len(facts)]
        t0 = time.perf_counter()
        adv.assess(f)
        engine_only.append(time.perf_counter() - t0)
    # The same rules evaluated in plain Python over the same facts (both strata, stages included).
    staged = [adv.run(f)[0] for f in facts]
    rules = adv.pack.rules
    for i in range(runs):
        s = staged[i % len(staged)]
        t0 = time.perf_counter()
        reference_outcomes(rules, s)
        plain.append(time.perf_counter() - t0)
    print(f"rules: {len(rules)}; engine shards: {adv.engine.shard_count}; examples: {len(EXAMPLES)}")
    print(f"assess(path) median over {runs}: {median_us(full):.0f} µs")
    print(f"Advisor.assess(loaded facts) median over {runs}: {median_us(engine_only):.0f} µs")
    print(f"plain-Python evaluation of the same {len(rules)} rules, median over {runs}: {median_us(plain):.0f} µs")
    print(f"ratio assess(loaded facts) / plain Python: {statistics.median(engine_only) / statistics.median(plain):.1f}x")


def bench_memory(total: int) -> None:
    adv = advisor()
    facts = [adv.load(p) for p in EXAMPLES]
    checkpoints = {1_000, total}
    gc.collect()
    print(f"RSS before: {rss_mb():.1f} MB")
    first = None
    for i in range(1, total + 1):
        adv.assess(facts[i % len(facts)])
        if i in checkpoints:
            gc.collect()
            now = rss_mb()
            if i == 1_000:
                first = now
            print(f"RSS after {i} assessments: {now:.1f} MB")
    if first is not None:
        print(f"growth from 1,000 to {total}: {rss_mb() - first:+.1f} MB")


def bench_cold(runs: int) -> None:
    example = str(EXAMPLES[0])

    def timed(cmd: list[str]) -> float:
        samples = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            samples.append(time.perf_counter() - t0)
        return statistics.median(samples)

    cli = timed([sys.executable, "-m", "zorgadvies", "assess", example, "--format", "json"])
    nx = timed([sys.executable, "-c", "import networkx"])
    print(f"cold start `zorgadvies assess --format json` median of {runs}: {cli * 1000:.0f} ms")
    print(f"`python -c 'import networkx'` median of {runs}: {nx * 1000:.0f} ms (ratio {cli / nx:.2f}x)")


def bench_batch(count: int) -> None:
    """Batch on 1 and 2 worker processes; the speed-up includes starting the workers."""
    from zorgadvies.batch import BatchItem, run_batch

    adv = advisor()
    facts = [adv.load(p).to_dict() for p in EXAMPLES]
    items = []
    for i in range(count):
        data = dict(facts[i % len(facts)])
        data["organisation"] = dict(data["organisation"], name=f"Organisatie {i}")
        items.append(BatchItem(f"item{i}", data, data["organisation"]["name"]))
    timings = {}
    for jobs in (1, 2):
        t0 = time.perf_counter()
        results = run_batch(items, jobs=jobs)
        timings[jobs] = time.perf_counter() - t0
        assert len(results) == count and all(r.error is None for r in results)
    print(f"batch of {count}: 1 process {timings[1]:.2f} s, 2 processes {timings[2]:.2f} s (speed-up {timings[1] / timings[2]:.2f}x)")


def bench_synthetic(rules: int) -> None:
    """A generated pack of ``rules`` rules registers and runs (see tests/test_engine_limits.py)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_engine_limits import _synthetic_pack

    from zorgadvies.engine import Engine

    pack = _synthetic_pack(rules, seed=7)
    t0 = time.perf_counter()
    engine = Engine(pack)
    registered = time.perf_counter() - t0
    facts = {f"s{i}": (f"v{i % 6}", i % 6) for i in range(12)}
    samples = []
    for _ in range(50):
        t0 = time.perf_counter()
        firings = engine.run(facts)
        samples.append(time.perf_counter() - t0)
    print(f"synthetic pack of {rules} rules: {engine.shard_count} shards, registered in {registered * 1000:.0f} ms, "
          f"one run median {median_us(samples):.0f} µs, {len(firings)} firings")


def bench_ask(runs: int) -> None:
    """What ask_next costs: per facts file, the candidates, engine runs and the median time."""
    from zorgadvies.asknext import _values, ask_next, candidates  # noqa: PLC0415 - only this figure needs it

    adv = advisor()
    files = [ROOT / "tests" / "data" / "schets-eerste-gesprek.yaml", *EXAMPLES]
    for path in files:
        facts = adv.load(path)
        cands = candidates(adv, facts)
        engine_runs = 1 + sum(len(_values(adv.kb.questions[q], adv)) for q in cands)
        samples = []
        for _ in range(runs):
            t0 = time.perf_counter()
            items = ask_next(adv, facts, limit=None)
            samples.append(time.perf_counter() - t0)
        for _ in range(3):  # warm up
            adv.assess(facts)
        t0 = time.perf_counter()
        for _ in range(runs):
            adv.assess(facts)
        plain = (time.perf_counter() - t0) / runs
        print(
            f"ask_next {path.name}: {len(facts.answers)} answers, {len(cands)} candidates, {engine_runs} engine runs, "
            f"{len(items)} questions; median {statistics.median(samples) * 1000:.0f} ms "
            f"({statistics.median(samples) / engine_runs * 1000:.2f} ms per run; assess alone {plain * 1000:.1f} ms)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--memory", type=int, default=10_000, help="assessments for the RSS figures")
    parser.add_argument("--cold", type=int, default=15, help="process starts for the cold-start figure")
    parser.add_argument("--batch", type=int, default=600, help="organisations in the batch figure")
    parser.add_argument("--synthetic", type=int, default=1000, help="rules in the synthetic pack")
    parser.add_argument("--ask", type=int, default=5, help="repetitions of ask_next per facts file")
    parser.add_argument("--only", choices=["assess", "memory", "cold", "batch", "synthetic", "ask"], help="run one figure only")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, zorgadvies {zorgadvies.__version__}")
    figures = {
        "assess": lambda: bench_assess(args.runs),
        "memory": lambda: bench_memory(args.memory),
        "cold": lambda: bench_cold(args.cold),
        "batch": lambda: bench_batch(args.batch),
        "synthetic": lambda: bench_synthetic(args.synthetic),
        "ask": lambda: bench_ask(args.ask),
    }
    for name, figure in figures.items():
        if args.only in (None, name):
            figure()


if __name__ == "__main__":
    main()
