"""Start `zorgadvies serve` as a real process on a free localhost port (browser, schemathesis, benchmark)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(database: str, *, workers: int = 1, timeout: float = 90) -> Iterator[tuple[str, str | None]]:
    """(base URL, first admin's set-up link or None) of a server on ``database``; stopped afterwards."""
    port = free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "zorgadvies", "serve", "--database", database, "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    lines: list[str] = []
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + timeout
        link = None
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            found = re.search(r"(http://\S+/setup/\S+)", line)
            if found:
                link = found.group(1).replace(f"localhost:{port}", f"127.0.0.1:{port}")
            if line.startswith("zorgadvies serve:") and "(database:" in line:  # the banner, in either language
                if link is None:
                    # The set-up line follows at once when there is one.
                    nxt = proc.stdout.readline()
                    lines.append(nxt)
                    found = re.search(r"(http://\S+/setup/\S+)", nxt)
                    link = found.group(1).replace(f"localhost:{port}", f"127.0.0.1:{port}") if found else None
                break
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError("server stopped:\n" + "".join(lines) + (proc.stdout.read() or "")) from None
                time.sleep(0.2)
        else:
            raise RuntimeError("server did not start in time:\n" + "".join(lines))
        yield base, link
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
