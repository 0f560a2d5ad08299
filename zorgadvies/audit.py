"""Audit log (JSON lines) of one assessment, and replaying it.

The log holds a header (the input's canonical facts and their sha256, the knowledge base's version
and sha256, the size threshold), every rule firing in order with the facts it matched, and a result
line with the report's sha256. Because the header carries the canonical facts themselves, a replay
needs nothing but the log: it re-runs the assessment with today's knowledge base and says whether
the result is the same, what differs, and whether the knowledge base has changed since.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from . import __version__
from .api import Advisor
from .engine import Firing
from .errors import InputError
from .facts import Facts
from .atleast import plain
from .report import Report

__all__ = ["LOG_FORMAT", "ReplayResult", "audit_lines", "facts_digest", "read_log", "replay"]

LOG_FORMAT = "zorgadvies-audit/1"


def _canonical(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def outcome_digest(report: Report) -> str:
    """sha256 of the report without its knowledge block: what was concluded, whatever the version."""
    data = report.to_dict()
    del data["knowledge"]
    return hashlib.sha256(_canonical(data).encode()).hexdigest()


def facts_digest(facts: Facts) -> str:
    """sha256 of the canonical facts (normalised answers, sorted keys): the input's identity."""
    return hashlib.sha256(_canonical(facts.to_dict()).encode()).hexdigest()


def _firing_line(seq: int, stratum: int, firing: Firing) -> dict[str, Any]:
    return {
        "type": "firing",
        "seq": seq,
        "stratum": stratum,
        "rule": firing.rule,
        "outcome": firing.outcome,
        "facts": {s: plain(v) for s, v in firing.matched},
        "conditions": [c.describe() for c in firing.conditions],
    }


def audit_lines(adv: Advisor, facts: Facts, firings: Sequence[Firing], report: Report, *, source: str | None = None) -> list[str]:
    """The audit log of one assessment, one JSON document per line."""
    rules = adv.pack.by_id()
    header = {
        "type": "header",
        "format": LOG_FORMAT,
        "zorgadvies": __version__,
        "input": {"file": source, "sha256": facts_digest(facts), "size_threshold": facts.size_threshold},
        "knowledge": {"version": report.knowledge_version, "sha256": report.knowledge_sha256},
        "extra_rules": [str(p) for p in adv.pack.roots[1:]],
        "facts": facts.to_dict(),
    }
    lines = [_canonical(header)]
    for seq, firing in enumerate(firings, start=1):
        lines.append(_canonical(_firing_line(seq, rules[firing.rule].stratum, firing)))
    result = {
        "type": "result",
        "firings": len(firings),
        "report_sha256": hashlib.sha256(report.to_json().encode()).hexdigest(),
        "outcome_sha256": outcome_digest(report),
        "stages": {p.id: p.stage for p in report.pillars},
        "recommendations": [r.id for r in report.recommendations],
    }
    lines.append(_canonical(result))
    return [line + "\n" for line in lines]


def read_log(path: str | Path) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any]]:
    """Header, firings and result of an audit log; a malformed log is an InputError with its line."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot be read as an audit log ({exc})", file=name) from None
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not a JSON line: {exc.msg}", file=name, line=number) from None
        if not isinstance(entry, dict) or "type" not in entry:
            raise InputError("an audit-log line is an object with a 'type'", file=name, line=number)
        entries.append((number, entry))
    if not entries or entries[0][1]["type"] != "header" or entries[0][1].get("format") != LOG_FORMAT:
        raise InputError(f"not a zorgadvies audit log (the first line must be a '{LOG_FORMAT}' header)", file=name, line=1)
    if entries[-1][1]["type"] != "result":
        raise InputError("the audit log is incomplete: it has no result line", file=name, line=entries[-1][0])
    firings = [e for _, e in entries[1:-1] if e["type"] == "firing"]
    return entries[0][1], firings, entries[-1][1]


@attrs.frozen
class ReplayResult:
    identical: bool
    knowledge_changed: bool
    logged_knowledge: dict[str, Any]
    current_knowledge: dict[str, Any]
    only_in_log: tuple[dict[str, Any], ...]
    only_now: tuple[dict[str, Any], ...]
    stage_changes: tuple[tuple[str, int | None, int | None], ...]
    recommendations_gone: tuple[str, ...]
    recommendations_new: tuple[str, ...]
    report_identical: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "identical": self.identical,
            "report_identical": self.report_identical,
            "knowledge_changed": self.knowledge_changed,
            "logged_knowledge": self.logged_knowledge,
            "current_knowledge": self.current_knowledge,
            "firings_only_in_log": list(self.only_in_log),
            "firings_only_now": list(self.only_now),
            "stage_changes": [{"pillar": p, "logged": a, "now": b} for p, a, b in self.stage_changes],
            "recommendations_gone": list(self.recommendations_gone),
            "recommendations_new": list(self.recommendations_new),
        }


def replay(adv: Advisor, path: str | Path) -> ReplayResult:
    """Re-run the assessment recorded in the log at ``path`` and compare."""
    header, logged, result = read_log(path)
    try:
        facts = adv.load(header["facts"], size_threshold=header["input"]["size_threshold"])
    except InputError as exc:
        raise InputError(f"the logged facts no longer load: {exc.message}", file=str(path), line=1, field=exc.field) from None
    _, firings, _ = adv.run(facts)
    report = adv.assess(facts)
    now = [json.loads(line) for line in audit_lines(adv, facts, firings, report)[1:-1]]

    def key(entry: dict[str, Any]) -> str:
        return _canonical({k: entry[k] for k in ("stratum", "rule", "outcome", "facts", "conditions")})

    logged_keys = {key(e): e for e in logged}
    now_keys = {key(e): e for e in now}
    only_in_log = tuple(logged_keys[k] for k in logged_keys if k not in now_keys)
    only_now = tuple(now_keys[k] for k in now_keys if k not in logged_keys)
    stages_now = {p.id: p.stage for p in report.pillars}
    stage_changes = tuple(
        (pid, result["stages"].get(pid), stages_now.get(pid))
        for pid in sorted(set(result["stages"]) | set(stages_now))
        if result["stages"].get(pid) != stages_now.get(pid)
    )
    recs_now = [r.id for r in report.recommendations]
    current = {"version": report.knowledge_version, "sha256": report.knowledge_sha256}
    # The conclusions are compared without the report's knowledge block: a new knowledge version
    # that concludes the same is reported as "knowledge changed", not as a different result.
    report_identical = outcome_digest(report) == result.get("outcome_sha256")
    return ReplayResult(
        identical=not only_in_log and not only_now and report_identical,
        knowledge_changed=header["knowledge"] != current,
        logged_knowledge=header["knowledge"],
        current_knowledge=current,
        only_in_log=only_in_log,
        only_now=only_now,
        stage_changes=stage_changes,
        recommendations_gone=tuple(r for r in result["recommendations"] if r not in recs_now),
        recommendations_new=tuple(r for r in recs_now if r not in result["recommendations"]),
        report_identical=report_identical,
    )
