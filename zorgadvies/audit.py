"""Audit log (JSON lines) of one assessment, and replaying it.

The log holds a header (the input's canonical facts and their sha256, the knowledge base's version
and sha256, the size threshold), every rule firing in order with the facts it matched, and a result
line with the report's sha256. Because the header carries the canonical facts themselves, a replay
needs nothing but the log: it re-runs the assessment with today's knowledge base and says whether
the result is the same, what differs, and whether the knowledge base has changed since.

Replay reads nothing but the log (the header's ``input.file`` is only a label) and checks every
digest in it before it trusts it: ``result.lines_sha256`` (the exact bytes of every line before
the result line), ``input.sha256`` against the embedded facts, and the firing count. These digests
catch damage and careless edits; anyone can recompute them. With a key (``--audit-key FILE``) the
log gets a last line ``{"type": "signature", "algorithm": "hmac-sha256", ...}``: an HMAC-SHA256 over
every byte before it, which only a holder of the key can make (docs/auditor-guide.md).
"""

from __future__ import annotations

import hashlib
import hmac
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
from .yamlio import read_bounded
from .messages import t

__all__ = [
    "LOG_FORMAT",
    "MAX_LOG_BYTES",
    "ReplayResult",
    "audit_lines",
    "facts_digest",
    "read_key",
    "read_log",
    "replay",
]

LOG_FORMAT = "zorgadvies-audit/1"
SIGNATURE_ALGORITHM = "hmac-sha256"
#: A log larger than this is refused before it is read (a real log is tens of kilobytes).
MAX_LOG_BYTES = 64 * 1024 * 1024
#: A key shorter than this is refused: HMAC is only as strong as its key.
MIN_KEY_BYTES = 16
MAX_KEY_BYTES = 4096


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


def key_id(key: bytes) -> str:
    """A short, public name of a key (so an auditor can tell which key signed), not the key."""
    return hashlib.sha256(b"zorgadvies-audit-key\0" + key).hexdigest()[:16]


def _sign(key: bytes, body: str) -> str:
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


def read_key(path: str | Path) -> bytes:
    """The HMAC key in ``path``: its bytes without surrounding whitespace, 16 to 4096 of them."""
    name = str(path)
    key = read_bounded(path, MAX_KEY_BYTES + 1024, make_error=InputError, what=t("audit.what_key")).strip()
    if not MIN_KEY_BYTES <= len(key) <= MAX_KEY_BYTES:
        raise InputError(
            t("audit.audit_key_holds_bytes", MIN_KEY_BYTES=MIN_KEY_BYTES, MAX_KEY_BYTES=MAX_KEY_BYTES), file=name
        )
    return key


def audit_lines(
    adv: Advisor, facts: Facts, firings: Sequence[Firing], report: Report, *, source: str | None = None, key: bytes | None = None
) -> list[str]:
    """The audit log of one assessment, one JSON document per line; signed when ``key`` is given."""
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
        "lines_sha256": hashlib.sha256("".join(line + "\n" for line in lines).encode("utf-8")).hexdigest(),
    }
    lines.append(_canonical(result))
    out = [line + "\n" for line in lines]
    if key is not None:
        signature = {"type": "signature", "algorithm": SIGNATURE_ALGORITHM, "key_id": key_id(key), "hmac": _sign(key, "".join(out))}
        out.append(_canonical(signature) + "\n")
    return out


@attrs.frozen
class _Log:
    header: dict[str, Any]
    firings: list[dict[str, Any]]
    result: dict[str, Any]
    result_line: int
    before_result: str  # the exact text of every line before the result line
    before_signature: str  # ... and before the signature line
    signature: dict[str, Any] | None
    signature_line: int


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_digest(value: object) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)


#: Line type -> the fields it must have and a check of each. A log is refused at the first line
#: that does not fit, so that no later step meets a missing key or a value of the wrong type.
_SHAPES: dict[str, dict[str, Any]] = {
    "header": {
        "input": lambda v: isinstance(v, dict) and _is_digest(v.get("sha256")) and _is_int(v.get("size_threshold")) and v["size_threshold"] >= 1,
        "knowledge": lambda v: isinstance(v, dict) and isinstance(v.get("version"), str) and isinstance(v.get("sha256"), str),
        "facts": lambda v: isinstance(v, dict),
    },
    "firing": {
        "seq": _is_int,
        "stratum": _is_int,
        "rule": lambda v: isinstance(v, str),
        "outcome": lambda v: isinstance(v, str),
        "facts": lambda v: isinstance(v, dict),
        "conditions": lambda v: isinstance(v, list),
    },
    "result": {
        "firings": _is_int,
        "report_sha256": _is_digest,
        "outcome_sha256": _is_digest,
        "stages": lambda v: isinstance(v, dict) and all(s is None or _is_int(s) for s in v.values()),
        "recommendations": lambda v: isinstance(v, list) and all(isinstance(r, str) for r in v),
    },
    "signature": {
        "algorithm": lambda v: v == SIGNATURE_ALGORITHM,
        "key_id": lambda v: isinstance(v, str),
        "hmac": _is_digest,
    },
}


def _check_shape(entry: dict[str, Any], file: str, line: int) -> None:
    for field, ok in _SHAPES[entry["type"]].items():
        if field not in entry:
            raise InputError(t("audit.malformed_audit_log_line", entry=entry['type'], field=field), file=file, line=line)
        if not ok(entry[field]):
            raise InputError(t("audit.malformed_audit_log_line_2", entry=entry['type'], field=field), file=file, line=line)


def _parse_log(path: str | Path) -> _Log:
    name = str(path)
    raw = read_bounded(path, MAX_LOG_BYTES, make_error=InputError, what=t("audit.what_log"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(t("audit.cannot_read_as_audit"), file=name, line=raw[: exc.start].count(b"\n") + 1) from None
    # Split on "\n" only: the log's own line ends. (JSON escapes every newline inside a string.)
    entries: list[tuple[int, dict[str, Any], int]] = []  # (line number, entry, offset of the line)
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            raise InputError(t("audit.json_line", msg=msg), file=name, line=number) from None
        if not isinstance(entry, dict) or not isinstance(entry.get("type"), str) or entry["type"] not in _SHAPES:
            raise InputError(t("audit.audit_log_line_object"), file=name, line=number)
        entries.append((number, entry, start))
    if not entries or entries[0][1]["type"] != "header" or entries[0][1].get("format") != LOG_FORMAT:
        raise InputError(t("audit.zorgadvies_audit_log_first", LOG_FORMAT=LOG_FORMAT), file=name, line=1)
    signature: dict[str, Any] | None = None
    signature_line = 0
    before_signature = text
    if entries[-1][1]["type"] == "signature":
        signature_line, signature, sig_start = entries.pop()
        before_signature = text[:sig_start]
    if len(entries) < 2 or entries[-1][1]["type"] != "result":
        raise InputError(t("audit.audit_log_incomplete_has"), file=name, line=entries[-1][0])
    for number, entry, _ in entries:
        _check_shape(entry, name, number)
    for number, entry, _ in entries[1:-1]:
        if entry["type"] != "firing":
            raise InputError(t("audit.line_middle_audit_log", entry=entry['type']), file=name, line=number)
    if signature is not None:
        _check_shape(signature, name, signature_line)
    result_line, result, result_start = entries[-1]
    return _Log(
        header=entries[0][1],
        firings=[e for _, e, _ in entries[1:-1]],
        result=result,
        result_line=result_line,
        before_result=text[:result_start],
        before_signature=before_signature,
        signature=signature,
        signature_line=signature_line,
    )


def read_log(path: str | Path) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any]]:
    """Header, firings and result of an audit log; a malformed log is an InputError with its line."""
    log = _parse_log(path)
    return log.header, log.firings, log.result


def _verify(log: _Log, facts: Facts, key: bytes | None, file: str) -> dict[str, str]:
    """Check every digest the log holds (and its signature when a key is given); raise on a mismatch."""
    integrity = {}
    expected = log.result.get("lines_sha256")
    if expected is None:
        integrity["lines_sha256"] = "absent"
    elif not _is_digest(expected) or hashlib.sha256(log.before_result.encode("utf-8")).hexdigest() != expected:
        raise InputError(t("audit.audit_log_was_altered_3"), file=file, line=log.result_line)
    else:
        integrity["lines_sha256"] = "verified"
    if facts_digest(facts) != log.header["input"]["sha256"]:
        raise InputError(t("audit.audit_log_was_altered"), file=file, line=1)
    integrity["input_sha256"] = "verified"
    if log.result["firings"] != len(log.firings):
        raise InputError(
            t("audit.audit_log_was_altered_2", value=log.result['firings'], log=len(log.firings)),
            file=file,
            line=log.result_line,
        )
    if key is None:
        integrity["signature"] = "not_checked" if log.signature is not None else "absent"
    elif log.signature is None:
        raise InputError(t("audit.audit_log_signed_so"), file=file)
    elif not hmac.compare_digest(_sign(key, log.before_signature), log.signature["hmac"]):
        raise InputError(
            t("audit.audit_log_signature_does"), file=file, line=log.signature_line
        )
    else:
        integrity["signature"] = "verified"
    return integrity


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
    integrity: dict[str, str] = attrs.field(factory=dict)

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
            "integrity": dict(self.integrity),
        }


def replay(adv: Advisor, path: str | Path, *, key: bytes | None = None) -> ReplayResult:
    """Re-run the assessment recorded in the log at ``path`` and compare.

    Only what the log embeds is read. Every digest in the log is checked first, and with ``key``
    its HMAC signature; a log that fails a check is an InputError, never a replay.
    """
    log = _parse_log(path)
    header, logged, result = log.header, log.firings, log.result
    try:
        facts = adv.load(header["facts"], size_threshold=header["input"]["size_threshold"])
    except InputError as exc:
        raise InputError(t("audit.logged_facts_no_longer", message=exc.message), file=str(path), line=1, field=exc.field) from None
    integrity = _verify(log, facts, key, str(path))
    _, firings, _ = adv.run(facts)
    report = adv.assess(facts)
    now = [json.loads(line) for line in audit_lines(adv, facts, firings, report)[1:-1]]

    def firing_key(entry: dict[str, Any]) -> str:
        return _canonical({k: entry[k] for k in ("stratum", "rule", "outcome", "facts", "conditions")})

    logged_keys = {firing_key(e): e for e in logged}
    now_keys = {firing_key(e): e for e in now}
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
    gone = tuple(r for r in result["recommendations"] if r not in recs_now)
    new = tuple(r for r in recs_now if r not in result["recommendations"])
    # Every part of the result line counts: a log whose listed stages or recommendations were
    # edited is not "identical", even when its firings and digests still fit.
    return ReplayResult(
        identical=not (only_in_log or only_now or stage_changes or gone or new) and report_identical,
        knowledge_changed=header["knowledge"] != current,
        logged_knowledge=header["knowledge"],
        current_knowledge=current,
        only_in_log=only_in_log,
        only_now=only_now,
        stage_changes=stage_changes,
        recommendations_gone=gone,
        recommendations_new=new,
        report_identical=report_identical,
        integrity=integrity,
    )
