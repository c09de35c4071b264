"""HTTP under load: 32 concurrent clients on `GET /people/{id}` and on the candidate list.

The server runs as `uvicorn` in a process of its own against the bench database; the clients
are 32 keep-alive connections on one event loop (`bench.http_client`, cheap enough that the
figure is the server's). Everything shares the machine's cores (server, Neo4j and clients), so
the figure is what this machine serves, not what a server would; the CPU the server and the
clients spent per request is reported beside it, which other work on the machine moves less.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench import cpu
from bench.http_client import hammer
from bench.programme import sample_ids
from bench.timing import Figure, Summary
from graphsvc.graph.db import Graph
from graphsvc.services import tokens

CLIENTS = 32


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Served:
    """A running API server: where it answers and its process (the parent of its workers)."""

    base: str
    pid: int


@contextmanager
def server(uri: str, user: str, password: str, workers: int) -> Iterator[Served]:
    """`graphsvc`'s app under uvicorn on a free port, with `workers` worker processes."""
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
        yield Served(base=base, pid=process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)
        errors.close()


def measure_http(
    graph: Graph,
    credentials: tuple[str, str, str],
    *,
    size: int,
    seconds: float,
    workers: int,
    with_candidates: bool = True,
) -> list[Figure]:
    """Requests per second with 32 clients, for a person read and (unless left out) for the
    candidate list."""
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
    if not with_candidates:
        cases = cases[:2]
    figures = []
    with server(*credentials, workers=workers) as served:
        for measure, token, paths, goal in cases:
            hammer(served.base, token, paths[:50], 1.0, CLIENTS)  # warm-up: plans, pools, caches
            server_before, client_before = cpu.tree_seconds(served.pid), time.process_time()
            tally = hammer(served.base, token, paths, seconds, CLIENTS)
            server_after, client_after = cpu.tree_seconds(served.pid), time.process_time()
            ok, errors, latency = tally.ok, tally.errors, Summary(tally.latencies or [0.0])
            rate = ok / seconds
            per_request = max(ok + errors, 1) / 1000  # CPU seconds -> ms per request
            server_ms = (
                (server_after - server_before) / per_request
                if server_before is not None and server_after is not None
                else None
            )
            client_ms = (client_after - client_before) / per_request
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
                    f"{seconds:.0f} s; CPU per request: server "
                    + (f"{server_ms:.2f} ms" if server_ms is not None else "not known")
                    + f", clients {client_ms:.2f} ms",
                    extra={
                        "errors_by_kind": tally.error_kinds,
                        "server_cpu_ms_per_request": server_ms,
                        "client_cpu_ms_per_request": client_ms,
                    },
                )
            )
    return figures
