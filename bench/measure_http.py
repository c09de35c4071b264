"""HTTP under load: 32 concurrent clients on `GET /people/{id}` and on the candidate list.

The server runs as `uvicorn` in a process of its own against the bench database; the clients
are 32 threads with a keep-alive connection each. Everything shares the machine's cores (server,
Neo4j and clients), so the figure is what this machine serves, not what a server would.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from random import Random

import httpx

from bench.programme import sample_ids
from bench.timing import Figure, Summary
from graphsvc.graph.db import Graph
from graphsvc.services import tokens

CLIENTS = 32


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(uri: str, user: str, password: str, workers: int) -> Iterator[str]:
    """`graphsvc`'s app under uvicorn on a free port; yields its base URL."""
    port = _free_port()
    env = {
        **os.environ,
        "NEO4J_URI": uri,
        "NEO4J_USER": user,
        "NEO4J_PASSWORD": password,
        "GRAPHSVC_HOME": tempfile.mkdtemp(prefix="bench-home-"),
    }
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "graphsvc.api.main:app",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    log = Path(env["GRAPHSVC_HOME"]) / "server.log"  # the driver's notices stay out of the table
    errors = log.open("w")
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        else:
            raise RuntimeError("the API server did not come up")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        errors.close()


def hammer(base: str, token: str, paths: list[str], seconds: float) -> tuple[int, int, Summary]:
    """`CLIENTS` threads request random paths for `seconds`; (ok, errors, latencies)."""
    stop = time.perf_counter() + seconds
    lock = threading.Lock()
    ok = errors = 0
    latencies: list[float] = []

    def client(n: int) -> None:
        nonlocal ok, errors
        rng = Random(n)
        mine: list[float] = []
        good = bad = 0
        with httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=30
        ) as http:
            while time.perf_counter() < stop:
                started = time.perf_counter()
                try:
                    status = http.get(rng.choice(paths)).status_code
                except httpx.HTTPError:
                    status = 0
                mine.append(time.perf_counter() - started)
                good, bad = (good + 1, bad) if status == 200 else (good, bad + 1)
        with lock:
            ok, errors = ok + good, errors + bad
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return ok, errors, Summary(latencies or [0.0])


def measure_http(
    graph: Graph, credentials: tuple[str, str, str], *, size: int, seconds: float, workers: int
) -> list[Figure]:
    """Requests per second with 32 clients, for a person read and for the candidate list."""
    staff = tokens.create_token(graph, role="staff", name=f"bench-{time.time_ns()}")
    viewer = tokens.create_token(graph, role="viewer", name=f"bench-{time.time_ns()}")
    people = sample_ids(graph, label="DoorOpener", count=2000)
    participants = sample_ids(graph, label="Participant", count=2000)
    person_paths = [f"/api/v1/people/{p}" for p in people]
    # a staff read that shows contact details is audited (its event rides a shared group commit)
    cases = [
        ("HTTP GET /people/{id}, 32 clients (staff)", staff, person_paths, 500),
        ("HTTP GET /people/{id}, 32 clients (viewer)", viewer, person_paths, 500),
        (
            "HTTP candidates, 32 clients (staff)",
            staff,
            [f"/api/v1/participants/{p}/candidates" for p in participants],
            100,
        ),
    ]
    figures = []
    with server(*credentials, workers=workers) as base:
        for measure, token, paths, goal in cases:
            hammer(base, token, paths[:50], 1.0)  # warm-up: plans, pools, caches
            ok, errors, latency = hammer(base, token, paths, seconds)
            rate = ok / seconds
            figures.append(
                Figure(
                    measure=measure,
                    size=f"{size:,}",
                    unit="req/s",
                    median=round(rate),
                    p99=None,
                    goal=f">= {goal} req/s, 0 errors",
                    met=rate >= goal and errors == 0,
                    runs=ok + errors,
                    note=f"{errors} errors; latency p50 {latency.median * 1000:.0f} ms, "
                    f"p99 {latency.p99 * 1000:.0f} ms; {workers} uvicorn worker(s), "
                    f"{seconds:.0f} s",
                )
            )
    return figures
