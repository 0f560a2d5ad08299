"""zorgadvies.assess from many threads, in a process pool and after fork gives the serial results.

durable-rules' C code is not thread-safe (ENGINE-NOTES.md: separate sessions on separate threads
segfaulted); the engine module serialises every call. These tests would crash the interpreter, or
return another assessment's results, if that guard were missing. The default run is small; the
full 8 x 2,500 run is behind the `stress` marker: `pytest -m stress`.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

import zorgadvies

from conftest import EXAMPLES

SERIAL = {str(p): zorgadvies.assess(p).to_json() for p in EXAMPLES}


def _hammer(threads: int, per_thread: int) -> None:
    barrier = threading.Barrier(threads)
    mismatches: list[str] = []

    def work(offset: int) -> int:
        barrier.wait()  # start together, to maximise interleaving
        done = 0
        for i in range(per_thread):
            path = EXAMPLES[(offset + i) % len(EXAMPLES)]
            if zorgadvies.assess(path).to_json() != SERIAL[str(path)]:
                mismatches.append(str(path))
            done += 1
        return done

    with ThreadPoolExecutor(max_workers=threads) as pool:
        total = sum(pool.map(work, range(threads)))
    assert total == threads * per_thread
    assert mismatches == []


def test_threads_give_the_serial_results() -> None:
    _hammer(threads=8, per_thread=40)


@pytest.mark.stress
def test_threads_stress_8_by_2500() -> None:
    _hammer(threads=8, per_thread=2500)


def _assess_json(path: str) -> str:
    return zorgadvies.assess(path).to_json()


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_process_pool_gives_the_serial_results(method: str) -> None:
    context = multiprocessing.get_context(method)
    paths = [str(p) for p in EXAMPLES] * 3
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        results = list(pool.map(_assess_json, paths))
    assert results == [SERIAL[p] for p in paths]


def test_assess_after_fork_while_another_thread_uses_the_engine() -> None:
    stop = threading.Event()

    def busy() -> None:
        while not stop.is_set():
            zorgadvies.assess(EXAMPLES[0])

    worker = threading.Thread(target=busy)
    worker.start()
    try:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: the engine lock may have been held by the busy thread at fork time
            try:
                os.close(read)
                data = zorgadvies.assess(EXAMPLES[1]).to_json().encode()
                os.write(write, data)
            finally:
                os._exit(0)
        os.close(write)
        chunks = []
        while chunk := os.read(read, 65536):
            chunks.append(chunk)
        os.close(read)
        _, status = os.waitpid(pid, 0)
    finally:
        stop.set()
        worker.join()
    assert os.waitstatus_to_exitcode(status) == 0
    assert b"".join(chunks).decode() == SERIAL[str(EXAMPLES[1])]
