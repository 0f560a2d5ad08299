"""Benchmark of `zorgadvies serve`: simulated respondents answering concurrently over localhost.

Run:  make bench-serve   (or .venv/bin/python benchmarks/serve_bench.py [--respondents 200]
                          [--questions 0] [--think 1.5 4.5] [--workers 2] [--time-limit 900]
                          [--database postgresql://...])

Starts `zorgadvies serve` on a fresh database (a temporary SQLite file, or the given URL) on a
free port of 127.0.0.1, creates an organisation and a round with N respondents through the web
forms, and lets N asyncio clients answer their questionnaires at the same time, each pausing a
random think time between answers (a person reads the question). `--questions 0` answers the whole
questionnaire; a positive number stops each respondent after that many answers. Bounded in count
(N x questions) and in time (--time-limit: clients stop asking new questions after it).

Measures the time from sending an answer to having the next question (POST, then the redirected
GET), and afterwards checks through the JSON API that the stored answers are exactly those sent.
Also reports the server's CPU time per answer (user + system time of the server process and its
workers, from /proc, over the answering phase) and the simulated clients' own: unlike the
latencies these depend little on what else runs on the machine. Prints the figures; nothing is asserted (docs/performance.md records
them with the command).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from webserver import running_server  # noqa: E402

PASSWORD = "correct horse battery"
_CSRF = re.compile(r'name="_csrf_token" value="([^"]+)"')
_QUESTION = re.compile(r'name="question" value="([^"]+)"')
_OPTIONS = re.compile(r'name="answer" (?:type="radio" )?value="([^"]+)"')
_LINK = re.compile(r'<code class="link-out"[^>]*>(https?://[^<]+)</code>')


def _form(client: httpx.Client, path: str, data: dict[str, Any], page: str) -> httpx.Response:
    token = _CSRF.search(client.get(page).text).group(1)  # type: ignore[union-attr]
    return client.post(path, data={**data, "_csrf_token": token})


def prepare(base: str, setup_link: str, n: int) -> tuple[str, int, list[str]]:
    """Admin account, an organisation and a round with n respondents; (API token, round id, link paths)."""
    path = setup_link.split(base, 1)[1]
    with httpx.Client(base_url=base, follow_redirects=True, timeout=60) as client:
        _form(client, path, {"email": "bench@example.nl", "password": PASSWORD, "password2": PASSWORD}, path)
        org = _form(client, "/orgs", {"name": "Benchmark Zorg", "sector": "ouderenzorg", "employees": "400"}, "/")
        org_path = str(org.url.path)
        rnd = _form(client, f"{org_path}/rounds", {"name": "Meting"}, org_path)
        round_path = str(rnd.url.path)
        links = []
        for i in range(n):
            page = _form(client, f"{round_path}/respondents", {"name": f"Respondent {i + 1:03d}", "role": ""}, round_path)
            links.append(_LINK.search(page.text).group(1).split("/r/", 1)[1])  # type: ignore[union-attr]
        token_page = _form(client, "/account/api-token", {}, "/")
        token = re.search(r'<code class="link-out">([^<]+)</code>', token_page.text).group(1)  # type: ignore[union-attr]
    return token, int(round_path.rsplit("/", 1)[1]), links


async def respondent(base: str, token: str, seed: int, limit: int, think: tuple[float, float], deadline: float,
                     timings: list[float], sent: dict[str, dict[str, str]], name: str, errors: list[str], retries: list[str]) -> None:
    rng = random.Random(seed)
    answers: dict[str, str] = {}
    sent[name] = answers
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        page = await client.get(f"/r/{token}")
        count = 0
        while time.monotonic() < deadline and (limit == 0 or count < limit):
            question = _QUESTION.search(page.text)
            if question is None:
                break  # the done page
            options = [v for v in _OPTIONS.findall(page.text) if v not in ("nvt",)] or ["onbekend"]
            value = rng.choice(options) if 'id="answer-number"' not in page.text else str(rng.randint(0, 50))
            csrf = _CSRF.search(page.text).group(1)  # type: ignore[union-attr]
            await asyncio.sleep(rng.uniform(*think))
            form = {"question": question.group(1), "answer": value, "note": "", "_csrf_token": csrf}
            start = time.perf_counter()
            try:
                page = await client.post(f"/r/{token}", data=form, follow_redirects=True)
            except httpx.TransportError:
                # The server closed an idle keep-alive connection just as it was reused: send again
                # on a new one, as a browser does (the same answer twice is stored once).
                retries.append(name)
                page = await client.post(f"/r/{token}", data=form, follow_redirects=True)
            elapsed = time.perf_counter() - start
            if page.status_code != 200:
                errors.append(f"{name}: {page.status_code} on {question.group(1)}")
                break
            timings.append(elapsed)
            answers[question.group(1)] = value
            count += 1


def check_stored(base: str, api_token: str, round_id: int, sent: dict[str, dict[str, str]]) -> tuple[int, int]:
    """(answers sent, answers stored differently or missing) through GET /api/v1/rounds/{id}/answers."""
    with httpx.Client(base_url=base, timeout=120) as client:
        stored = client.get(f"/api/v1/rounds/{round_id}/answers", headers={"Authorization": f"Bearer {api_token}"}).json()["respondents"]
    total = sum(len(a) for a in sent.values())
    wrong = 0
    for name, answers in sent.items():
        got = {q: str(v) for q, v in stored.get(name, {}).items()}
        wrong += sum(1 for q, v in answers.items() if got.get(q) != v) + len(set(got) - set(answers))
    return total, wrong


def server_cpu(port: int) -> float | None:
    """CPU seconds (user + system) used so far by `zorgadvies serve --port PORT` and its workers; None without /proc."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    root = None
    tick = os.sysconf("SC_CLK_TCK")
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        times[pid] = (int(fields[11]) + int(fields[12])) / tick
        if b"serve" in cmdline and b"--port" in cmdline and cmdline[cmdline.index(b"--port") + 1] == str(port).encode():
            root = pid
    if root is None:
        return None
    family, changed = {root}, True
    while changed:
        grown = family | {pid for pid, parent in parents.items() if parent in family}
        changed, family = grown != family, grown
    return sum(times[pid] for pid in family)


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=200)
    parser.add_argument("--questions", type=int, default=0, help="answers per respondent (0: the whole questionnaire)")
    parser.add_argument("--think", type=float, nargs=2, default=(1.5, 4.5), metavar=("MIN", "MAX"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--time-limit", type=float, default=900)
    parser.add_argument("--database", help="a postgresql:// URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        database = args.database or str(Path(tmp) / "bench.sqlite3")
        with running_server(database, workers=args.workers) as (base, link):
            assert link, "the database must be new (no admin yet)"
            api_token, round_id, tokens = prepare(base, link, args.respondents)
            timings: list[float] = []
            sent: dict[str, dict[str, str]] = {}
            errors: list[str] = []
            retries: list[str] = []
            port = int(base.rsplit(":", 1)[1])
            cpu_before, client_before = server_cpu(port), time.process_time()
            started = time.monotonic()
            deadline = started + args.time_limit

            async def run() -> None:
                await asyncio.gather(*(
                    respondent(base, token, i, args.questions, tuple(args.think), deadline, timings, sent, f"Respondent {i + 1:03d}", errors, retries)
                    for i, token in enumerate(tokens)
                ))

            asyncio.run(run())
            wall = time.monotonic() - started
            cpu_after, client_cpu = server_cpu(port), time.process_time() - client_before
            total, wrong = check_stored(base, api_token, round_id, sent)
    backend = "PostgreSQL" if args.database else "SQLite"
    print(f"backend {backend}, {args.workers} workers, {args.respondents} respondents, think {args.think[0]}-{args.think[1]} s")
    print(f"answers: {len(timings)} in {wall:.0f} s ({len(timings) / wall:.1f}/s); errors: {len(errors)}; resent on a new connection: {len(retries)}")
    if timings:
        print(f"save+next: median {statistics.median(timings) * 1000:.1f} ms, p95 {pct(timings, 95) * 1000:.1f} ms, "
              f"p99 {pct(timings, 99) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms")
    if cpu_before is not None and cpu_after is not None and timings:
        print(f"server CPU: {(cpu_after - cpu_before) * 1000 / len(timings):.1f} ms per answer ({cpu_after - cpu_before:.1f} s in all, "
              f"{(cpu_after - cpu_before) / wall:.2f} cores on average); the clients: {client_cpu * 1000 / len(timings):.1f} ms per answer")
    print(f"stored answers checked: {total} sent, {wrong} missing or different")
    for line in errors[:5]:
        print("  " + line)


if __name__ == "__main__":
    main()
