"""Regression tests for the adversarial review of issue 10 (D1-D19, output encodings, line editing).

Each test is named after what it guards and failed before its fix. The CLI is driven as a user
drives it (CliRunner, or a real process where streams, encodings or concurrency matter), so that
the tests keep their meaning when the internals change.
"""

from __future__ import annotations

import json
import re
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from zorgadvies.cli import main

# These tests compare English message text; the default language is Dutch (zorgadvies/messages.py).
pytestmark = pytest.mark.usefixtures("english")

runner = CliRunner()
EXAMPLE = ROOT / "examples" / "thuiszorg-de-linde.yaml"
CLI = [sys.executable, "-m", "zorgadvies"]


def run(*args: str, input: str | None = None):
    return runner.invoke(main, list(args), input=input, catch_exceptions=False)


def cli(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 120, encoding: str = "utf-8"
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "ZORGADVIES_CACHE": "0", **(env or {})}
    return subprocess.run([*CLI, *args], capture_output=True, encoding=encoding, errors="replace", env=full_env, cwd=cwd, timeout=timeout)


def one_error_line(text: str) -> None:
    """The CLI's promise for bad input: one line, no traceback."""
    assert "Traceback" not in text, text
    assert len(text.strip().splitlines()) == 1, text


def _yaml_string(text: str) -> str:
    # YAML refuses raw C1 controls in a stream, but takes them escaped in a double-quoted string.
    return re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def facts(tmp_path: Path, name: str = "Zorg Test", *, employees: object = 120, extra: str = "", filename: str = "f.yaml") -> Path:
    path = tmp_path / filename
    path.write_text(
        "organisation:\n"
        f"  name: {_yaml_string(name)}\n"
        "  sector: thuiszorg\n"
        f"  employees: {employees}\n"
        "answers:\n"
        "  mp_inzet: ad_hoc_communicatie\n" + extra,
        encoding="utf-8",
    )
    return path


# ---------------------------------------------------------------------------------------------
# D2, D3, D4: the output writer


def test_output_writer_is_not_redirected_by_a_symlink_at_a_predictable_temp_name(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    out = tmp_path / "rapport.html"
    for planted in (".rapport.html.tmp",):
        (tmp_path / planted).symlink_to(victim)
    result = run("report", str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert victim.read_text() == "precious\n"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def _write_audit_log(path: str, barrier: threading.Barrier) -> int:
    barrier.wait()
    return cli("assess", str(EXAMPLE), "--audit-log", path).returncode


def test_concurrent_writers_of_one_output_leave_one_whole_file(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    for _ in range(2):
        barrier = threading.Barrier(4)
        codes: list[int] = []
        threads = [threading.Thread(target=lambda: codes.append(_write_audit_log(str(log), barrier))) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert codes == [0, 0, 0, 0]
        lines = log.read_text(encoding="utf-8").splitlines()
        assert json.loads(lines[0])["type"] == "header" and json.loads(lines[-1])["type"] == "result"
        assert all(json.loads(line) for line in lines)
        assert run("replay", str(log)).exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["audit.jsonl"]  # no temporary file left behind


def test_output_keeps_the_mode_of_an_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    out.write_text("old")
    out.chmod(0o600)
    assert run("schema", "-o", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert json.loads(out.read_text())["$schema"]


def test_output_to_a_fifo_is_streamed_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    result = run("schema", "-o", str(fifo))
    if not received:  # the old writer replaced the FIFO: unblock the reader
        with open(fifo, "wb"):
            pass
    reader.join(10)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(received[0])["$schema"]


def test_output_to_a_directory_is_refused(tmp_path: Path) -> None:
    result = cli("report", str(EXAMPLE), "-o", str(tmp_path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "is a directory" in result.stderr


def test_dash_as_output_means_stdout(tmp_path: Path) -> None:
    result = cli("schema", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["$schema"]
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["report", "{F}", "-o", "{F}"],
        ["report", "{F}", "-o", "{LINK}"],
        ["assess", "{F}", "--audit-log", "{F}"],
        ["batch", "{CSV}", "--out", "{CSV}"],
    ],
    ids=["report-same-path", "report-hard-link", "audit-log", "batch-csv"],
)
def test_an_output_that_is_an_input_is_refused_and_left_intact(tmp_path: Path, command: list[str]) -> None:
    f = facts(tmp_path)
    link = tmp_path / "other-name.html"
    os.link(f, link)
    csv_file = tmp_path / "x.csv"
    csv_file.write_text("name,sector\nZorg A,thuiszorg\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (f, csv_file)}
    args = [a.replace("{F}", str(f)).replace("{LINK}", str(link)).replace("{CSV}", str(csv_file)) for a in command]
    result = cli(*args)
    assert result.returncode == 2, result.stderr
    assert "input" in result.stderr
    assert {p: p.read_bytes() for p in before} == before


# ---------------------------------------------------------------------------------------------
# D15: control characters from data; Windows-style stdout


ESCAPES = "Zorg\x1b]0;owned\x07\x1b[2J\x9b31m\rX"


def _raw_controls(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_control_characters_from_data_never_reach_the_terminal(tmp_path: Path, fmt: str) -> None:
    f = facts(tmp_path, ESCAPES)
    result = cli("assess", str(f), "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert _raw_controls(result.stdout) == []
    if fmt == "json":  # and JSON stays valid and lossless
        assert json.loads(result.stdout)["organisation"]["name"] == ESCAPES


def test_control_characters_in_an_error_message_are_neutralised(tmp_path: Path) -> None:
    f = facts(tmp_path, extra='  "mp_x\\e]0;owned\\a\\e[2J": ja\n')
    result = cli("assess", str(f))
    assert result.returncode == 2
    one_error_line(result.stderr)
    assert _raw_controls(result.stderr) == []


def test_control_characters_never_reach_the_terminal_in_any_renderer(tmp_path: Path) -> None:
    f = facts(tmp_path, ESCAPES)
    for args in (["report", str(f), "--format", "markdown"], ["report", str(f)], ["explain", str(f), "innovatie"], ["graph", str(f)]):
        result = cli(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert _raw_controls(result.stdout) == [], args


@pytest.mark.parametrize("encoding", ["cp1252", "ascii", "latin-1"])
def test_no_output_encoding_crashes_a_command(tmp_path: Path, encoding: str) -> None:
    f = facts(tmp_path, "Zorg ≥ ✓ 😀 Ünïcode")
    for args in (["assess", str(f)], ["assess", str(f), "--format", "json"], ["report", str(f), "--format", "markdown"], ["rules", "list"], ["--help"]):
        result = cli(*args, env={"PYTHONIOENCODING": encoding}, encoding=encoding)
        assert result.returncode == 0, (args, result.stderr)
        assert "Traceback" not in result.stderr
    bad = cli("assess", str(tmp_path / "missing ✓.yaml"), env={"PYTHONIOENCODING": encoding}, encoding=encoding)
    assert bad.returncode == 2
    one_error_line(bad.stderr)


# ---------------------------------------------------------------------------------------------
# D1: the disk cache


class _Plant:
    """A pickle that, when loaded, creates the file ``marker``: stands in for any code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (open, (str(self.marker), "w"))


def _poison(folder: Path, marker: Path) -> int:
    import pickle

    planted = 0
    for path in folder.glob("advisor-*.pickle"):
        path.write_bytes(pickle.dumps(_Plant(marker)))
        planted += 1
    return planted


def _cache_run(folder: Path) -> subprocess.CompletedProcess[str]:
    return cli("assess", str(EXAMPLE), "--format", "json", env={"ZORGADVIES_CACHE": "1", "ZORGADVIES_CACHE_DIR": str(folder)})


@pytest.mark.parametrize("how", ["folder-world-writable", "file-world-writable", "file-of-another-user"])
def test_cache_never_unpickles_a_file_another_user_could_have_written(tmp_path: Path, how: str) -> None:
    folder = tmp_path / "cache"
    marker = tmp_path / "code-ran"
    assert _cache_run(folder).returncode == 0
    assert _poison(folder, marker) == 1
    if how == "folder-world-writable":
        folder.chmod(0o777)
    for path in folder.glob("advisor-*.pickle"):
        if how == "file-world-writable":
            path.chmod(0o666)
        elif how == "file-of-another-user":
            if os.geteuid() != 0:
                pytest.skip("chown to another user needs root")
            os.chown(path, 54321, 54321)
    result = _cache_run(folder)
    assert result.returncode == 0, result.stderr
    assert not marker.exists()


def test_cache_folder_is_created_private_whatever_the_umask(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "cache"
    old = os.umask(0)
    try:
        assert _cache_run(folder).returncode == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [stat.S_IMODE(p.stat().st_mode) for p in folder.glob("advisor-*.pickle")] == [0o600]


def test_cache_in_a_private_folder_is_still_used(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    assert _cache_run(folder).returncode == 0
    marker = tmp_path / "code-ran"
    assert _poison(folder, marker) == 1  # our own file: trusted, so the planted object is loaded ...
    _cache_run(folder)
    assert marker.exists()  # ... which shows the refusals above are the checks, not a dead cache


# ---------------------------------------------------------------------------------------------
# D8, D9: replay of a malformed or tampered log


@pytest.fixture(scope="module")
def audit_log(tmp_path_factory: pytest.TempPathFactory) -> str:
    log = tmp_path_factory.mktemp("log") / "audit.jsonl"
    assert run("assess", str(EXAMPLE), "--audit-log", str(log)).exit_code == 0
    return log.read_text(encoding="utf-8")


def _edit(text: str, line: int, change) -> str:  # type: ignore[no-untyped-def]
    lines = text.splitlines()
    entry = json.loads(lines[line])
    change(entry)
    lines[line] = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "\n".join(lines) + "\n"


MALFORMED = {
    "header-without-input": lambda e: e.pop("input"),
    "header-input-not-an-object": lambda e: e.update(input=[1]),
    "header-without-knowledge": lambda e: e.pop("knowledge"),
    "header-threshold-a-string": lambda e: e["input"].update(size_threshold="x"),
    "header-facts-a-number": lambda e: e.update(facts=5),
}


@pytest.mark.parametrize("change", list(MALFORMED), ids=list(MALFORMED))
def test_replay_of_a_malformed_log_is_exit_2_with_one_line(tmp_path: Path, audit_log: str, change: str) -> None:
    log = tmp_path / "bad.jsonl"
    log.write_text(_edit(audit_log, 0, MALFORMED[change]), encoding="utf-8")
    result = cli("replay", str(log))
    assert result.returncode == 2, result.stdout + result.stderr
    one_error_line(result.stderr)


@pytest.mark.parametrize("where", ["result-without-stages", "result-stages-a-list", "firing-without-rule"])
def test_replay_of_a_malformed_result_or_firing_is_exit_2(tmp_path: Path, audit_log: str, where: str) -> None:
    last = len(audit_log.splitlines()) - 1
    change = {
        "result-without-stages": (last, lambda e: e.pop("stages")),
        "result-stages-a-list": (last, lambda e: e.update(stages=[])),
        "firing-without-rule": (1, lambda e: e.pop("rule")),
    }[where]
    log = tmp_path / "bad.jsonl"
    log.write_text(_edit(audit_log, *change), encoding="utf-8")
    result = cli("replay", str(log))
    assert result.returncode == 2, result.stdout + result.stderr
    one_error_line(result.stderr)


def test_replay_reads_no_file_the_header_names(tmp_path: Path, audit_log: str) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("organisation:\n  name: GEHEIM-1234\n", encoding="utf-8")
    log = tmp_path / "evil.jsonl"
    log.write_text(_edit(audit_log, 0, lambda e: e.update(facts=str(secret))), encoding="utf-8")
    result = cli("replay", str(log))
    assert result.returncode == 2
    assert "GEHEIM" not in result.stdout + result.stderr


def test_replay_verifies_the_input_digest(tmp_path: Path, audit_log: str) -> None:
    log = tmp_path / "changed.jsonl"
    log.write_text(_edit(audit_log, 0, lambda e: e["input"].update(sha256="0" * 64)), encoding="utf-8")
    result = cli("replay", str(log))
    assert result.returncode == 2 and "sha256" in result.stderr
    one_error_line(result.stderr)


def test_replay_detects_a_firing_removed_from_the_log(tmp_path: Path, audit_log: str) -> None:
    lines = audit_log.splitlines(keepends=True)
    log = tmp_path / "cut.jsonl"
    log.write_text("".join(lines[:1] + lines[2:]), encoding="utf-8")
    result = cli("replay", str(log))
    assert result.returncode == 2
    one_error_line(result.stderr)


def _key(tmp_path: Path, name: str = "key", value: str = "k" * 32) -> Path:
    key = tmp_path / name
    key.write_text(value + "\n")
    return key


def test_a_signed_log_replays_with_its_key_and_is_refused_with_another(tmp_path: Path) -> None:
    log = tmp_path / "signed.jsonl"
    key = _key(tmp_path)
    assert run("assess", str(EXAMPLE), "--audit-log", str(log), "--audit-key", str(key)).exit_code == 0
    ok = run("replay", str(log), "--audit-key", str(key), "--format", "json")
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output)["integrity"]["signature"] == "verified"
    unchecked = run("replay", str(log), "--format", "json")
    assert json.loads(unchecked.output)["integrity"]["signature"] == "not_checked"
    wrong = cli("replay", str(log), "--audit-key", str(_key(tmp_path, "other", "o" * 32)))
    assert wrong.returncode == 2 and "signature" in wrong.stderr
    one_error_line(wrong.stderr)


def test_a_signed_log_changed_and_rehashed_is_caught_by_the_key(tmp_path: Path) -> None:
    """An attacker who recomputes every plain digest still cannot make the signature fit."""
    import hashlib

    log = tmp_path / "signed.jsonl"
    key = _key(tmp_path)
    assert run("assess", str(EXAMPLE), "--audit-log", str(log), "--audit-key", str(key)).exit_code == 0
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    result = json.loads(lines[-2])
    result["recommendations"] = result["recommendations"][:1]
    result["lines_sha256"] = hashlib.sha256("".join(lines[:-2]).encode()).hexdigest()
    lines[-2] = json.dumps(result, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    log.write_text("".join(lines), encoding="utf-8")
    assert cli("replay", str(log)).returncode == 1  # the plain digests fit: only "differs"
    signed = cli("replay", str(log), "--audit-key", str(key))
    assert signed.returncode == 2 and "signature" in signed.stderr


def test_an_unsigned_log_is_refused_when_a_key_is_given(tmp_path: Path, audit_log: str) -> None:
    log = tmp_path / "plain.jsonl"
    log.write_text(audit_log, encoding="utf-8")
    result = cli("replay", str(log), "--audit-key", str(_key(tmp_path)))
    assert result.returncode == 2 and "not signed" in result.stderr


def test_a_short_audit_key_is_refused(tmp_path: Path) -> None:
    result = cli("assess", str(EXAMPLE), "--audit-log", str(tmp_path / "a.jsonl"), "--audit-key", str(_key(tmp_path, value="short")))
    assert result.returncode == 2
    one_error_line(result.stderr)
    assert not (tmp_path / "a.jsonl").exists()


# ---------------------------------------------------------------------------------------------
# D5, D19: batch CSV in and out


@pytest.mark.parametrize("name", ["=1+2", "+1", "-2+3", "@SUM(A1:A2)", "\tcmd", "\r=cmd"])
def test_batch_csv_output_neutralises_spreadsheet_formulas(tmp_path: Path, name: str) -> None:
    import csv

    src = tmp_path / "in.csv"
    with src.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["name", "sector"], [name, "thuiszorg"], ["Gewoon", "nieuw=fout"]])
    out = tmp_path / "out.csv"
    cli("batch", str(src), "--out", str(out), "--jobs", "1")
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    stored = name.strip()  # the reader strips cells; what remains must still be neutralised
    assert rows[1][1] == ("'" + stored if stored[0] in "=+-@" else stored)


def test_batch_isolates_a_csv_row_with_an_unterminated_quote(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text('name,sector\nA,thuiszorg\n"B,thuiszorg\nC,thuiszorg\nD,ggz\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    result = cli("batch", str(src), "--out", str(out), "--jobs", "1")
    assert result.returncode == 2  # some failed
    assert f"{src}:3" in result.stderr
    body = out.read_text(encoding="utf-8")
    for name in ("A", "C", "D"):
        assert f",{name},thuiszorg," in body or f",{name},ggz," in body, body


def test_batch_isolates_a_csv_row_with_a_huge_cell(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("name,sector\nA,thuiszorg\nB" + "x" * 200_000 + ",thuiszorg\nC,ggz\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = cli("batch", str(src), "--out", str(out), "--jobs", "1")
    assert result.returncode == 2
    assert f"{src}:3" in result.stderr and "Traceback" not in result.stderr
    body = out.read_text(encoding="utf-8")
    assert ",A,thuiszorg," in body and ",C,ggz," in body


# ---------------------------------------------------------------------------------------------
# D7: size limit; D12: bounded numbers; D16: rules as one path


def test_a_facts_file_over_the_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    import time

    big = tmp_path / "big.yaml"
    big.write_text("organisation:\n  name: X\n# " + "x" * (6 * 2**20) + "\n", encoding="utf-8")
    started = time.monotonic()
    result = cli("assess", str(big))
    assert result.returncode == 2 and "MB" in result.stderr
    one_error_line(result.stderr)
    assert time.monotonic() - started < 20
    raised = cli("--max-input-mb", "10", "assess", str(big))
    assert "MB" not in raised.stderr  # over the default, under the raised limit: read


def test_a_device_is_read_with_the_same_bound() -> None:
    result = cli("assess", "/dev/zero", timeout=60)
    assert result.returncode == 2 and "MB" in result.stderr
    one_error_line(result.stderr)


def test_stdin_is_read_with_the_same_bound() -> None:
    proc = subprocess.run(
        [*CLI, "assess", "-"], input=b"organisation:\n  name: X\n" + b"#" * (6 * 2**20), capture_output=True, timeout=60,
        env={**os.environ, "ZORGADVIES_CACHE": "0"},
    )
    assert proc.returncode == 2 and b"MB" in proc.stderr
    ok = subprocess.run([*CLI, "assess", "-", "--format", "json"], input=EXAMPLE.read_bytes(), capture_output=True, timeout=60)
    assert ok.returncode == 0 and json.loads(ok.stdout)["organisation"]["name"] == "Thuiszorg De Linde"


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_huge_number_is_a_clear_error_not_a_traceback(tmp_path: Path, suffix: str) -> None:
    digits = "9" * 5000
    path = tmp_path / f"f{suffix}"
    if suffix == ".json":
        path.write_text('{"organisation": {"name": "X", "employees": %s}}' % digits)
    else:
        path.write_text(f"organisation:\n  name: X\n  employees: {digits}\n")
    result = cli("assess", str(path))
    assert result.returncode == 2
    one_error_line(result.stderr)
    assert "employees" in result.stderr or "digits" in result.stderr


def test_a_huge_number_from_the_api_is_an_input_error() -> None:
    import zorgadvies
    from zorgadvies.errors import InputError

    with pytest.raises(InputError, match="employees"):
        zorgadvies.assess({"organisation": {"name": "X", "employees": 10**5000}})


def test_api_takes_one_rule_pack_path_as_one_folder(tmp_path: Path) -> None:
    import zorgadvies
    from zorgadvies.errors import RulePackError

    base = zorgadvies.assess(EXAMPLE)
    empty = tmp_path / "pack"
    empty.mkdir()
    try:
        same = zorgadvies.assess(EXAMPLE, rules=str(empty))
    except RulePackError as exc:  # an empty pack may be refused; then it must name that folder
        assert str(empty) in str(exc)
    else:
        assert same.to_dict()["pillars"] == base.to_dict()["pillars"]
    with pytest.raises(TypeError):
        zorgadvies.assess(EXAMPLE, rules=5)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# D10, D18: the history database, driven through the CLI


def test_parallel_first_saves_to_a_new_history_database_lose_nothing(tmp_path: Path) -> None:
    for trial in range(3):
        db = tmp_path / f"history-{trial}.sqlite3"
        procs = [
            subprocess.Popen(
                [*CLI, "assess", str(EXAMPLE), "--save", "--db", str(db)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env={**os.environ, "ZORGADVIES_CACHE": "0"},
            )
            for _ in range(6)
        ]
        errors = [p.communicate(timeout=180)[1].decode() for p in procs]
        assert [p.returncode for p in procs] == [0] * 6, errors
        listed = cli("history", "Thuiszorg De Linde", "--db", str(db), "--format", "json")
        assert listed.returncode == 0, listed.stderr
        assert len(json.loads(listed.stdout)["assessments"]) == 6




@pytest.mark.parametrize(
    "shape",
    [[1, 2], {"pillars": "x"}, {"pillars": [5]}, {"pillars": [{"id": "innovatie", "stage": "drie"}]}, {"recommendations": 3}],
    ids=["list", "pillars-text", "pillar-number", "stage-text", "recommendations-number"],
)
def test_history_skips_a_stored_report_of_the_wrong_shape_with_a_warning(tmp_path: Path, shape: object) -> None:
    db = tmp_path / "h.sqlite3"
    for _ in range(2):
        assert run("assess", str(EXAMPLE), "--save", "--db", str(db)).exit_code == 0
    import sqlite3

    with sqlite3.connect(db) as conn:  # damage only the first saved row
        table, column, rowid = None, None, None
        for name in [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
            for row in conn.execute(f'SELECT rowid, * FROM "{name}" ORDER BY rowid').fetchall():
                for col, cell in zip(columns, row[1:]):
                    if table is None and isinstance(cell, str) and '"pillars"' in cell:
                        table, column, rowid = name, col, row[0]
        conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (json.dumps(shape), rowid))
    for fmt in ("text", "json"):
        result = cli("history", "Thuiszorg De Linde", "--db", str(db), "--format", fmt)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr and "warning" in result.stderr and "1" in result.stderr
    assert len(json.loads(result.stdout)["assessments"]) == 1


# ---------------------------------------------------------------------------------------------
# D6: a normal form that explodes; D17: validate what assess refuses

def _rule_text(rule_id: str, when: str) -> str:
    """test_audit's rule, with another id and condition."""
    from test_audit import RULE

    head, rest = RULE.split("when:\n", 1)
    return head.replace("extra/test-regel", rule_id) + "when:\n" + when + "then:" + rest.split("then:", 1)[1]


def _pack(tmp_path: Path, rule_id: str, when: str) -> Path:
    pack = tmp_path / "pack"
    path = pack / f"{rule_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_rule_text(rule_id, when), encoding="utf-8")
    return pack


def test_a_rule_whose_normal_form_explodes_is_refused_quickly_with_file_and_line(tmp_path: Path) -> None:
    import time

    pair = "      - any:\n          - {question: visie_aanwezig, is: ja}\n          - {question: visie_aanwezig, is: nee}\n"
    pack = _pack(tmp_path, "extra/groot", "  all:\n" + pair * 24)
    for args in (["rules", "validate", str(pack), "--only"], ["assess", str(EXAMPLE), "--rules", str(pack)]):
        started = time.monotonic()
        result = cli(*args, timeout=60)
        elapsed = time.monotonic() - started
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert "groot.yaml:" in result.stdout + result.stderr and "alternatives" in result.stdout + result.stderr
        assert elapsed < 15, elapsed  # the process, with start-up; the check itself is microseconds


def test_dnf_refuses_before_expanding() -> None:
    import time

    from zorgadvies.logic import All, Any, Cond, FormulaTooLarge, dnf, dnf_size

    c = Cond("question", "visie_aanwezig", "is", "ja")
    formula = All(tuple(Any((c, c)) for _ in range(40)))
    started = time.monotonic()
    assert dnf_size(formula) == 2**40
    with pytest.raises(FormulaTooLarge):
        dnf(formula)
    assert time.monotonic() - started < 1


def test_validate_only_reports_an_id_that_collides_with_a_built_in_rule(tmp_path: Path) -> None:
    taken = "advies/borging/geen-implementatieplan"
    assert (ROOT / "rules" / f"{taken}.yaml").is_file()
    pack = tmp_path / "pack"
    pack.mkdir()
    # A clean scaffold (passes validate --only), then given the id of a built-in rule.
    assert cli("new-rule", "extra/mijn-regel", "--conclusion", "recommend:visie-formuleren", "--dir", str(pack)).returncode == 0
    (pack / "advies" / "borging").mkdir(parents=True)
    for suffix in (".yaml", ".cases.yaml", ".md"):
        text = (pack / "extra" / f"mijn-regel{suffix}").read_text(encoding="utf-8").replace("extra/mijn-regel", taken)
        (pack / f"{taken}{suffix}").write_text(text, encoding="utf-8")
        (pack / "extra" / f"mijn-regel{suffix}").unlink()
    (pack / "extra").rmdir()
    refused = cli("assess", str(EXAMPLE), "--rules", str(pack))
    assert refused.returncode == 2
    validated = cli("rules", "validate", str(pack), "--only")
    assert validated.returncode == 2, validated.stdout
    assert taken in validated.stdout + validated.stderr


# ---------------------------------------------------------------------------------------------
# D11, D12, D13, D14: the interview; line editing at the prompts


def _interview_file(tmp_path: Path, name: str) -> Path:
    """A saved interview (as the interview writes it) for an organisation called ``name``."""
    from zorgadvies.api import advisor
    from zorgadvies.interview import Interview

    iv = Interview(advisor(), path=tmp_path / "iv.yaml")
    iv.organisation["name"] = name  # as a resumed or hand-edited file can hold it
    iv.save()
    return tmp_path / "iv.yaml"


@pytest.mark.parametrize("name", ["Zorg\nB.V.", "Zorg\rX", "Zorg\x85X", "Zorg\u2028X", "Zorg\x1b]0;t\x07", "Zorg # '\"{}: x"])
def test_an_interview_file_survives_any_character_in_a_name(tmp_path: Path, name: str) -> None:
    from zorgadvies.api import advisor
    from zorgadvies.interview import Interview, read_state

    path = _interview_file(tmp_path, name)
    assert advisor().load(path).organisation.name == name
    resumed = Interview.resume(advisor(), path)
    assert resumed.organisation["name"] == name
    assert read_state(path.read_text(encoding="utf-8"))["people"] == "todo"
    assert cli("assess", str(path)).returncode == 0


@pytest.mark.parametrize("typed", ["Zorg\x1b[D\x1b[DXX", "Zorg\x07"])
def test_the_interview_refuses_a_name_with_control_characters_at_the_prompt(typed: str) -> None:
    from zorgadvies.api import advisor
    from zorgadvies.interview import AnswerError, Interview

    iv = Interview(advisor())
    with pytest.raises(AnswerError):
        iv.answer(iv.next(), typed)  # type: ignore[arg-type]


def _piped_interview(tmp_path: Path, answers: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, "interview", "--out", str(tmp_path / "iv.yaml")],
        input="\n".join(answers) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ZORGADVIES_CACHE": "0"},
    )


@pytest.mark.parametrize("typed", ["²", "٣", "9" * 5000, "-" + "9" * 5000])
def test_the_interview_answers_odd_digits_and_huge_numbers_with_a_reason(tmp_path: Path, typed: str) -> None:
    # the assessment block (four Enters: today's date, then skipped), the name, then the sector
    # (a choice prompt), then employees (a number prompt)
    result = _piped_interview(tmp_path, ["", "", "", "", "Zorg Test", typed, "5", typed, "85"])
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "!" in result.stdout  # the odd answers were refused with a reason ...
    saved = (tmp_path / "iv.yaml").read_text(encoding="utf-8")
    assert "employees: 85" in saved  # ... and the good ones after them were taken


@pytest.mark.parametrize(
    "state",
    ['{"unknown": 5}', '{"unknown": [1, {"a": 2}]}', '{"people": 7, "pending_person": ["x"]}', '[1, 2]', '{"pending_person": "a\\nb"}'],
)
def test_resume_survives_a_damaged_state_line(tmp_path: Path, state: str) -> None:
    from zorgadvies.interview import STATE_MARK

    path = _interview_file(tmp_path, "Zorg Test")
    lines = [STATE_MARK + state if line.startswith(STATE_MARK) else line for line in path.read_text(encoding="utf-8").split("\n")]
    path.write_text("\n".join(lines), encoding="utf-8")
    result = subprocess.run(
        [*CLI, "interview", "--resume", str(path)], input="", capture_output=True, text=True, timeout=120,
        env={**os.environ, "ZORGADVIES_CACHE": "0"},
    )
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode in (0, 130), result.stderr


def test_arrow_keys_edit_the_line_at_an_interview_prompt(tmp_path: Path) -> None:
    from test_interview import Terminal

    out = tmp_path / "iv.yaml"
    term = Terminal(["interview", "--out", str(out)], tmp_path)
    try:
        for _ in range(4):  # the assessment block: today's date, then skip the other three
            term.expect(r"\(Enter = [^\n]*\): ")
            term.type("")
        term.expect(r"Naam van de organisatie: ")
        left = "\x1b[D"
        term.type(f"Zorgrg{left}{left}\x7f\x7fXX")  # type "Zorgrg", back two, delete two, type XX
        term.expect(r"Sector \(1-8.*\): ")
        term.ctrl_c()
        term.wait()
    finally:
        term.close()
    from zorgadvies.api import advisor

    assert advisor().load(out).organisation.name == "ZoXXrg"


# ---------------------------------------------------------------------------------------------
# Installing: make checks the build tools first; demo installs only the tool; metadata; LICENSE


def _make(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_make_explains_a_missing_compiler_for_every_os_before_pip_runs() -> None:
    result = _make("check-build", "COMPILERS=no-such-compiler")
    assert result.returncode != 0
    message = result.stdout.strip()
    assert len(message.splitlines()) == 1  # one paragraph
    for needle in ("C compiler", "Debian/Ubuntu", "build-essential", "Fedora", "macOS", "xcode-select", "Windows", "Build Tools"):
        assert needle in message, needle
    dry = _make("-n", "-B", ".venv-check/.tool", "VENV=.venv-check")
    lines = dry.stdout.splitlines()
    assert any("check-build" in line for line in lines)
    check = next(i for i, line in enumerate(lines) if "check-build" in line)
    pip = next(i for i, line in enumerate(lines) if "pip install" in line)
    assert check < pip


def test_make_demo_installs_only_the_tool_and_make_test_the_dev_extras() -> None:
    demo = _make("-n", "-B", "demo", "VENV=.venv-check")
    assert "pip install" in demo.stdout and "[dev]" not in demo.stdout
    test = _make("-n", "-B", "test", "VENV=.venv-check")
    assert "'.[dev]'" in test.stdout


def test_the_package_metadata_is_complete_and_its_description_links_nowhere_relative() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["authors"] and project["keywords"]
    assert "License :: OSI Approved :: MIT License" in project["classifiers"]
    assert {"Programming Language :: Python :: 3.11", "Programming Language :: Python :: 3.12"} <= set(project["classifiers"])
    assert "urls" not in project or all(u.startswith("https://") and "example" not in u for u in project["urls"].values())
    description = (ROOT / project["readme"]).read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+)\)", description)
    assert all(link.startswith("https://") for link in links), links
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License") and "the zorgadvies developers" in license_text
    assert project["license"] == {"text": "MIT"}


@pytest.mark.parametrize("doc", ["README.md", "docs/handleiding-adviseur.md"])
def test_the_docs_give_an_install_route_without_make_for_each_os(doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    assert "uv tool install --python 3.12" in text and "pipx install --python" in text
    assert "~/.local/bin/zorgadvies" in text and "%USERPROFILE%\\.local\\bin\\zorgadvies.exe" in text
    assert "Windows" in text and "macOS" in text


def test_batch_and_rule_tool_lines_on_the_terminal_hold_no_raw_control_characters(tmp_path: Path) -> None:
    folder = tmp_path / "in\x1b]0;owned\x07"
    folder.mkdir()
    src = folder / "rows.csv"
    src.write_text('name,sector\nA,thuiszorg\n"B,thuiszorg\n', encoding="utf-8")
    result = cli("batch", str(src), "--out", str(tmp_path / "out.json"), "--jobs", "1")
    assert result.returncode == 2 and "rows.csv:3" in result.stderr
    assert _raw_controls(result.stderr) == []
    pack = folder / "pack"
    (pack / "extra").mkdir(parents=True)
    (pack / "extra" / "x.yaml").write_text("title: x\n", encoding="utf-8")
    validated = cli("rules", "validate", str(pack), "--only")
    assert validated.returncode == 2 and "x.yaml" in validated.stdout
    assert _raw_controls(validated.stdout) == []
