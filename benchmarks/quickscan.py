"""Which questions belong in the quick scan: measured over generated organisations.

Run:  .venv/bin/python benchmarks/quickscan.py [--organisations 80] [--seed 2026] [--pick 5] [--shortlist 30]
      [--criterion closer|changes] [--write knowledge/quickscan.yaml]

The quick scan (``zorgadvies interview --quick``, docs/interview.md) always asks the intake (sector,
size, the people with roles and DISC colours), the six self-placements and the key-role questions.
This script measures which further questions change the *first advice* most often, where the first
advice is the report's focus list ("Nu aan de slag", at most 7 recommendations):

1. A seeded generator makes organisations with a latent stage per pillar; every answer is drawn
   near that stage (an ordered choice around the matching position, a yes/no more often yes at a
   higher stage, the self-placement within one stage of it); the themes of seed 004 follow one
   overall maturity. People, roles and DISC colours are drawn too. About one answer in ten is
   ``onbekend``.
2. The quick base of each organisation is its intake, self-placements and role answers.
3. Greedy: in each round, every candidate question is added (with that organisation's own answer)
   to the quick base plus the questions picked so far, and we count in how many organisations the
   focus list changes (as a set of ids), and in how many it changes *towards* the focus list on all
   of that organisation's answers (it then shares more of it). ``--criterion closer`` (default)
   picks the question that most often brings the first advice closer, ``changes`` the one that
   changes it most often at all. Round 1 measures every question of the questionnaire; later rounds
   the ``--shortlist`` best of round 1 (to keep the run at about two to three minutes).

Prints the figures; ``--write`` records the picked questions and their figures in the quick-scan
list the interview reads. Also prints how much of the focus list on all answers the quick scan's
focus list already holds (before and after the picked questions). Deterministic for a given seed
and knowledge base.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from zorgadvies.api import Advisor, advisor
from zorgadvies.facts import DISC_COLOURS, ROLE_QUESTIONS, SECTORS
from zorgadvies.knowledge import PILLAR_IDS, Question
from zorgadvies.quickscan import QUICK_LIMIT, base_questions

ROOT = Path(__file__).resolve().parent.parent


def _near(question: Question, level: float, rng: random.Random) -> str:
    """An answer to ``question`` for an organisation at ``level`` (0..1), with some noise."""
    values = question.value_ids
    if rng.random() < 0.1:
        return "onbekend"
    if question.type == "boolean":
        return "ja" if rng.random() < 0.15 + 0.7 * level else "nee"
    if question.ordered:
        position = level * (len(values) - 1) + rng.gauss(0, 0.7)
        return values[min(len(values) - 1, max(0, round(position)))]
    return rng.choice(values)


def generate(adv: Advisor, rng: random.Random, number: int) -> dict[str, Any]:
    """One organisation in the facts format, answering every question."""
    stages = {p: rng.randint(1, 4) for p in PILLAR_IDS}
    overall = sum(stages.values()) / len(stages)
    employees = rng.choice([15, 40, 120, 300, 800, 2500])
    people = []
    holders = {}
    for role in ("hoofd_innovatie", "hoofd_implementatie"):
        if rng.random() < 0.6:
            holders[role] = {"name": f"{role} {number}", "roles": [role], "disc": rng.sample(DISC_COLOURS, rng.randint(1, 2))}
    if len(holders) == 2 and rng.random() < 0.3:  # one person holds both roles
        holders["hoofd_innovatie"]["roles"].append("hoofd_implementatie")
        del holders["hoofd_implementatie"]
    people = list(holders.values())
    answers: dict[str, str] = {}
    for qid, question in adv.kb.questions.items():
        if qid.startswith("zelf_"):
            pillar = qid.removeprefix("zelf_")
            placed = min(4, max(1, stages[pillar] + rng.choice([-1, 0, 0, 0, 1])))
            answers[qid] = question.value_ids[placed - 1]
        elif qid in ROLE_QUESTIONS.values():
            role = next(r for r, q in ROLE_QUESTIONS.items() if q == qid)
            answers[qid] = "ja" if any(role in p["roles"] for p in people) else "nee"
        else:
            pillar = next((t for t in question.informs if t in stages), None)
            level = (stages[pillar] if pillar else overall) - 1
            answers[qid] = _near(question, level / 3, rng)
    return {
        "organisation": {"name": f"Gegenereerd {number}", "sector": rng.choice(SECTORS), "employees": employees},
        "people": people,
        "answers": answers,
    }


def _focus(adv: Advisor, data: dict[str, Any], keep: set[str]) -> frozenset[str]:
    sub = dict(data, answers={q: v for q, v in data["answers"].items() if q in keep})
    return frozenset(f.id for f in adv.assess(sub).focus)


def measure(adv: Advisor, organisations: int, seed: int, pick: int, shortlist: int, criterion: str) -> dict[str, Any]:
    rng = random.Random(seed)
    orgs = [generate(adv, rng, n) for n in range(organisations)]
    base = set(base_questions(adv.kb))
    candidates = [q for q in adv.kb.questions if q not in base]
    order = list(adv.kb.questions)
    # The focus list on all answers: what the quick scan's first advice should come close to.
    full = [_focus(adv, org, set(order)) for org in orgs]

    def shared(focus: frozenset[str], target: frozenset[str]) -> float:
        return len(focus & target) / len(target) if target else 1.0

    def agreement(keep: set[str]) -> float:
        return sum(shared(_focus(adv, org, keep), f) for org, f in zip(orgs, full)) / len(orgs)

    chosen: list[str] = []
    figures: list[dict[str, Any]] = []
    first_round: dict[str, tuple[int, int]] = {}
    runs = len(orgs)
    started = time.perf_counter()
    for round_number in range(pick):
        keep = base | set(chosen)
        before = [_focus(adv, org, keep) for org in orgs]
        key = 0 if criterion == "changes" else 1
        pool = candidates if round_number == 0 else sorted(first_round, key=lambda q: (-first_round[q][key], q))[:shortlist]
        counts: dict[str, tuple[int, int]] = {}  # (focus list changes, focus list gets closer to the full one)
        for qid in pool:
            if qid in chosen:
                continue
            changes = closer = 0
            for org, old, target in zip(orgs, before, full):
                new = _focus(adv, org, keep | {qid})
                changes += new != old
                closer += shared(new, target) > shared(old, target)
            counts[qid] = (changes, closer)
            runs += len(orgs)
        if round_number == 0:
            first_round = dict(counts)
        best = min(counts, key=lambda q: (-counts[q][key], -counts[q][1 - key], order.index(q)))
        chosen.append(best)
        figures.append({"question": best, "changes_focus": counts[best][0], "closer_to_full": counts[best][1], "of": len(orgs)})
        print(
            f"round {round_number + 1}: {best}: changes the focus list in {counts[best][0]}, brings it closer to the "
            f"full advice in {counts[best][1]} of {len(orgs)} organisations",
            flush=True,
        )
    elapsed = time.perf_counter() - started
    agree_base, agree_quick = agreement(base), agreement(base | set(chosen))
    print(f"share of the full advice's focus list already in the quick scan's: base {agree_base:.0%}, with the picks {agree_quick:.0%}")
    top = sorted(first_round, key=lambda q: (-first_round[q][key], q))[:12]
    print("round 1, the twelve most effective on their own (changes, closer):")
    for qid in top:
        print(f"  {qid}: {first_round[qid][0]}, {first_round[qid][1]} of {len(orgs)}")
    print(f"{runs} assessments in {elapsed:.0f} s")
    return {
        "seed": seed,
        "organisations": organisations,
        "criterion": criterion,
        "picked": figures,
        "agreement": {"base": round(agree_base, 3), "quick": round(agree_quick, 3)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=80)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--pick", type=int, default=None, help="questions to pick (default: up to the limit of 15)")
    parser.add_argument("--shortlist", type=int, default=30)
    parser.add_argument(
        "--criterion",
        choices=["closer", "changes"],
        default="closer",
        help="pick what most often changes the focus list towards the advice on all answers (closer), or at all (changes)",
    )
    parser.add_argument("--write", type=Path, help="write the picked questions to this quick-scan list")
    args = parser.parse_args()
    adv = advisor()
    room = QUICK_LIMIT - len(base_questions(adv.kb)) - 2  # sector and size count as questions too
    pick = room if args.pick is None else min(args.pick, room)
    result = measure(adv, args.organisations, args.seed, pick, args.shortlist, args.criterion)
    if args.write:
        header = (
            "# The questions the quick scan asks besides the intake, the self-placements and the key roles:\n"
            "# measured by benchmarks/quickscan.py (docs/interview.md). Regenerate, do not edit by hand.\n"
        )
        body = {
            "measured": {
                "seed": result["seed"],
                "organisations": result["organisations"],
                "criterion": result["criterion"],
                "focus_shared_with_full_advice": result["agreement"],
            },
            "questions": [
                {"id": f["question"], "changes_focus": f"{f['changes_focus']} of {f['of']}", "closer_to_full": f"{f['closer_to_full']} of {f['of']}"}
                for f in result["picked"]
            ],
        }
        args.write.write_text(header + yaml.safe_dump(body, sort_keys=False, allow_unicode=True), encoding="utf-8")
        print(f"written: {args.write}", file=sys.stderr)


if __name__ == "__main__":
    main()
