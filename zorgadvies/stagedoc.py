"""docs/stage-criteria.md, generated from the rule files: every stage gate with the sentence it rests on.

``zorgadvies rules criteria --output docs/stage-criteria.md`` writes it; a test checks that the file
in the repository is current. Rule files are the single source: the page only arranges them.
"""

from __future__ import annotations

from .knowledge import KnowledgeBase
from .rulepack import RulePack, Rule

__all__ = ["stage_criteria_markdown"]

_HEADER = """\
# Stage criteria: every gate and the sentence it rests on

Generated from the rule files by `zorgadvies rules criteria --output docs/stage-criteria.md`; do not
edit by hand (a test checks that this page is current). A pillar reaches a stage when every
**gate** (`basis: vermeld`: the source states it for that pillar and stage, as a general trait of
that stage, or in seed 000 for Innovatie) of that stage and of all lower stages is met. Criteria
marked *afgeleid* are our own inference: they are listed under the gates, inform advice and
explanations, and never decide a stage (docs/stages.md, docs/rule-authoring.md).
"""


def _line(rule: Rule) -> str:
    return f"- `{rule.id}`: {rule.title}  \n  {rule.quote}"


def stage_criteria_markdown(kb: KnowledgeBase, pack: RulePack) -> str:
    """The page, deterministic: pillars and stages in the model's order, rules by id."""
    lines = [_HEADER]
    for pillar in kb.pillars:
        lines.append(f"## {pillar.nl} ({pillar.en})\n")
        for n in range(1, 5):
            stage = kb.stage(n)
            lines.append(f"### {n}. {stage.nl}: {pillar.cells[n][0]}\n")
            gates = sorted(pack.criteria(pillar.id, n), key=lambda r: r.id)
            derived = sorted(pack.derived_criteria(pillar.id, n), key=lambda r: r.id)
            lines.append("Gates (vermeld):\n")
            lines += [_line(r) for r in gates]
            lines.append("")
            if derived:
                lines.append("Afgeleid (informs advice, not the stage):\n")
                lines += [_line(r) for r in derived]
                lines.append("")
    counts = [
        sum(len(pack.criteria(p.id, n)) for p in kb.pillars for n in range(1, 5)),
        sum(len(pack.derived_criteria(p.id, n)) for p in kb.pillars for n in range(1, 5)),
    ]
    lines.append(f"In all: {counts[0]} gates, {counts[1]} afgeleid criteria.\n")
    return "\n".join(lines)
