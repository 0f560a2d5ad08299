"""Time of `live_questions` on the reference run: what the web questionnaire computes per answer.

Run:  .venv/bin/python benchmarks/live_questions.py

100 growing answer sets of one organisation (each adds one answer, values drawn with a fixed seed),
five passes; prints the best and the median time per call. Nothing is asserted (docs/performance.md
records the figures with the commit).
"""

from __future__ import annotations

import random
import statistics
import time

from zorgadvies.api import advisor
from zorgadvies.interview import live_questions
from zorgadvies.livefast import reference_run


def main() -> None:
    adv = advisor()
    data: dict = {"organisation": {"name": "X", "sector": "thuiszorg", "employees": 85}, "answers": {}}
    rng = random.Random(1)
    facts_list = []
    for q in list(adv.kb.questions.values())[:100]:
        data["answers"][q.id] = rng.choice(list(q.value_ids) if q.type == "choice" else ["ja", "nee"])
        facts_list.append(adv.load(data))
    passes = []
    for _ in range(5):
        start = time.perf_counter()
        for facts in facts_list:
            live_questions(adv, facts, run=lambda f: reference_run(adv, f))
        passes.append((time.perf_counter() - start) / len(facts_list) * 1000)
    print(f"live_questions on the reference run: best {min(passes):.2f} ms, median {statistics.median(passes):.2f} ms per call")


if __name__ == "__main__":
    main()
