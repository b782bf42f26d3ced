"""Isso under load, on loopback only: 200 comments from 20 concurrent clients, none lost.

The guard is relaxed for this test (Isso's default lets one address post two comments
a minute); a last test shows the default guard still refuses a flood.
"""

from __future__ import annotations

import statistics
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.isso.conftest import request, running_isso

CLIENTS = 20
COMMENTS = 200
DEADLINE_SECONDS = 90  # the whole load test stops by itself within this time
REQUEST_TIMEOUT = 30
URIS = [f"/article-{n}/" for n in range(5)]
ORIGIN = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def relaxed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("isso-load")
    with running_isso(folder, ORIGIN, ratelimit=10_000, direct_reply=10_000) as isso:
        yield isso


def test_200_comments_from_20_clients_none_lost(relaxed, capsys):
    started = time.monotonic()
    deadline = started + DEADLINE_SECONDS
    lock = threading.Lock()
    answers: list[tuple[int, float, int | None]] = []  # (status, seconds, comment id)
    failures: list[str] = []

    def client(number: int) -> None:
        for n in range(COMMENTS // CLIENTS):
            if time.monotonic() > deadline:
                with lock:
                    failures.append(f"client {number}: deadline reached before comment {n}")
                return
            uri = URIS[(number + n) % len(URIS)]
            body_text = f"Commentaire {number}-{n} : la charge ne perd rien."
            path = f"/new?uri={urllib.parse.quote(uri)}"
            sent = time.perf_counter()
            try:
                status, answer = request(
                    relaxed.port,
                    "POST",
                    path,
                    {"text": body_text, "author": f"Client {number}", "title": "Charge"},
                    timeout=REQUEST_TIMEOUT,
                )
            except OSError as error:  # refused, reset or timed out: an unanswered request
                with lock:
                    failures.append(f"client {number}, comment {n}: {error!r}")
                continue
            elapsed = time.perf_counter() - sent
            with lock:
                answers.append(
                    (status, elapsed, answer.get("id") if isinstance(answer, dict) else None)
                )

    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(client, range(CLIENTS)))
    total = time.monotonic() - started

    latencies = sorted(seconds for _, seconds, _ in answers)
    figures = (
        f"Isso load: {len(answers)}/{COMMENTS} answered in {total:.2f} s "
        f"({len(answers) / total:.1f} requests/s) by {CLIENTS} clients; "
        f"latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {latencies[int(0.95 * (len(latencies) - 1))] * 1000:.0f} ms, "
        f"max {latencies[-1] * 1000:.0f} ms"
        if latencies
        else "Isso load: no answer"
    )
    with capsys.disabled():
        print("\n" + figures)

    assert not failures, failures[:5]
    assert len(answers) == COMMENTS, "every request answered"
    statuses = {status for status, _, _ in answers}
    assert statuses == {202}, statuses  # all accepted, all pending (moderation on)
    ids = {comment_id for _, _, comment_id in answers}
    modes = relaxed.modes()
    assert len(ids) == COMMENTS and ids <= set(modes), "no comment lost"
    assert len(modes) == COMMENTS and set(modes.values()) == {2}


def test_default_guard_refuses_a_flood(tmp_path):
    with running_isso(tmp_path, ORIGIN) as isso:  # production guard: 2 a minute
        statuses = [isso.post("/article-0/", f"Message numéro {n}.")[0] for n in range(3)]
    assert statuses == [202, 202, 403]
