"""Property-based fuzzing of the hardened surfaces: the output writer, the batch CSV reader, replay.

Each property says what must hold for any input: the writer writes exactly the text (sanitised)
or raises a ZorgadviesError and leaves nothing behind; the CSV reader returns one item per row or
one InputError, never another exception, and never loses the rows after a bad one; replay of any
mutation of a real log is a ReplayResult or an InputError.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zorgadvies.api import advisor
from zorgadvies.audit import ReplayResult, audit_lines, replay
from zorgadvies.batch import read_csv
from zorgadvies.cli.util import write_output
from zorgadvies.errors import InputError, ZorgadviesError
from zorgadvies.safeio import terminal_safe

from conftest import ROOT

ADV = advisor()
FUZZ = settings(max_examples=150, deadline=10000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
CONTROL = {chr(c) for c in [*range(0, 9), *range(11, 32), *range(0x7F, 0xA0), 0x2028, 0x2029]}


# --- the output writer -------------------------------------------------------------------------


@FUZZ
@given(text=st.text(alphabet=st.characters(blacklist_categories=())), mode=st.sampled_from([None, 0o600, 0o640, 0o644, 0o664]))
def test_the_writer_writes_exactly_the_sanitised_text_and_keeps_the_mode(text: str, mode: int | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.txt"
        if mode is not None:
            target.write_text("old")
            target.chmod(mode)
        write_output(text, str(target))
        expected = terminal_safe(text).encode("utf-8", errors="replace")
        assert target.read_bytes() == expected
        if mode is not None:
            assert stat.S_IMODE(target.stat().st_mode) == mode
        assert os.listdir(folder) == ["out.txt"]  # no temporary file left


@FUZZ
@given(text=st.text())
def test_the_sanitiser_leaves_no_control_character_and_keeps_json_lossless(text: str) -> None:
    shown = terminal_safe(text)
    assert not CONTROL & set(shown)
    encoded = json.dumps({"v": text}, ensure_ascii=False)
    assert json.loads(terminal_safe(encoded)) == {"v": text}


@FUZZ
@given(name=st.text(alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=40))
def test_the_writer_refuses_an_input_under_any_name(name: str) -> None:
    if name in (".", ".."):
        return
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / name
        try:
            source.write_text("facts")
        except OSError:  # a name the file system does not take
            return
        with pytest.raises(ZorgadviesError):
            write_output("report", str(source), inputs=[str(source)])
        assert source.read_text() == "facts"


# --- the batch CSV reader ------------------------------------------------------------------------

cells = st.lists(st.sampled_from(list('ab,;"\n\r\t =+-@') + ["é", "ja", "nee", "\x00"]), max_size=30).map("".join)


@FUZZ
@given(body=st.lists(cells, max_size=12))
def test_the_csv_reader_gives_items_or_one_input_error(body: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.csv"
        path.write_text("name,sector,visie_aanwezig\n" + "\n".join(body) + "\n", encoding="utf-8", newline="")
        try:
            items = read_csv(path, ADV.kb)
        except InputError:
            return
        lines = [int(item.source.rsplit(":", 1)[1]) for item in items]
        assert lines == sorted(set(lines))  # one item per row, in order
        for item in items:
            assert (item.data is None) == (item.error is not None)


@FUZZ
@given(before=st.integers(0, 5), after=st.integers(1, 5), bad=st.sampled_from(['"open quote', 'x' * 140_000, 'a"b"c"']))
def test_a_bad_csv_row_never_hides_the_rows_after_it(before: int, after: int, bad: str) -> None:
    rows = [f"Org {i},thuiszorg" for i in range(before)] + [bad + ",thuiszorg"] + [f"Later {i},ggz" for i in range(after)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.csv"
        path.write_text("name,sector\n" + "\n".join(rows) + "\n", encoding="utf-8")
        items = read_csv(path, ADV.kb)
    names = {item.name for item in items if item.data is not None}
    assert {f"Later {i}" for i in range(after)} <= names


# --- replay ------------------------------------------------------------------------------------


def _log() -> list[str]:
    facts = ADV.load(ROOT / "examples" / "thuiszorg-de-linde.yaml")
    report, firings = ADV.assess_traced(facts)
    return audit_lines(ADV, facts, firings, report, key=b"k" * 32)


LOG = _log()
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)


@st.composite
def mutated_logs(draw: st.DrawFn) -> str:
    lines = list(LOG)
    kind = draw(st.sampled_from(["byte", "drop", "swap", "value", "key", "truncate"]))
    i = draw(st.integers(0, len(lines) - 1))
    if kind == "byte":
        text = "".join(lines)
        pos = draw(st.integers(0, len(text) - 1))
        return text[:pos] + draw(st.characters(blacklist_categories=("Cs",))) + text[pos + 1 :]
    if kind == "drop":
        del lines[i]
    elif kind == "swap":
        j = draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind in ("value", "key"):
        entry = json.loads(lines[i])
        field = draw(st.sampled_from(sorted(entry)))
        if kind == "value":
            entry[field] = draw(json_values)
        else:
            del entry[field]
        lines[i] = json.dumps(entry, ensure_ascii=False) + "\n"
    else:
        text = "".join(lines)
        return text[: draw(st.integers(0, len(text)))]
    return "".join(lines)


@settings(max_examples=60, deadline=30000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=mutated_logs(), with_key=st.booleans())
def test_replay_of_any_mutated_log_is_a_result_or_an_input_error(text: str, with_key: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.jsonl"
        path.write_text(text, encoding="utf-8")
        try:
            result = replay(ADV, path, key=b"k" * 32 if with_key else None)
        except InputError:
            return
    assert isinstance(result, ReplayResult)
    if with_key and text != "".join(LOG):
        # With the key, no change to the signed bytes can pass: only blank-line edits outside them.
        assert text.replace("\n\n", "\n").strip() == "".join(LOG).strip() or result.integrity["signature"] == "verified"


def _write_many(args: tuple[str, int]) -> str | None:
    path, i = args
    try:
        write_output(f"writer {i}\n" * 20000, path)
    except ZorgadviesError as exc:  # a writer may fail cleanly, never leave a mixed file
        return str(exc)
    return None


def test_concurrent_writers_of_one_path_always_leave_one_whole_file(tmp_path: Path) -> None:
    import multiprocessing

    path = tmp_path / "out.txt"
    failures = []
    with multiprocessing.get_context("fork").Pool(4) as pool:
        for _ in range(60):
            errors = pool.map(_write_many, [(str(path), i) for i in range(4)])
            text = path.read_text()
            if len(set(text.splitlines())) != 1 or text.count("\n") != 20000 or any(errors):
                failures.append(errors)
    assert failures == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
