"""A bounded load run on loopback: mixed reads and writes, then a check that nothing was lost.

`python -m bench.load [--seconds 60] [--clients 16] [--max-requests 200000]` serves the API in
this process on 127.0.0.1 (NEO4J_URI, else the local server), drives it with asyncio clients for
a fixed time and request budget, and afterwards looks up every write the service acknowledged
(201) in the graph. It prints a table and writes `bench/results/load.json`. Traffic never
leaves this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import statistics
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from rich.console import Console
from rich.table import Table

from graphsvc.api.app import create_app
from graphsvc.connection import open_graph, start_local
from graphsvc.graph.people import get_people
from graphsvc.services import tokens
from graphsvc.services.bootstrap import prepare_database
from graphsvc.settings import get_settings
from tests import factories

RESULTS = Path(__file__).resolve().parent / "results"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Tally:
    """What the clients saw: latencies per kind, errors, and the ids acknowledged."""

    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = {}
        self.errors: list[str] = []
        self.acknowledged: list[str] = []

    def add(self, kind: str, seconds: float) -> None:
        self.latency.setdefault(kind, []).append(seconds)


async def _client(
    base: str,
    token: str,
    deadline: float,
    budget: list[int],
    seeds: list[str],
    tally: Tally,
    rng: random.Random,
    run_tag: int,
) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as http:
        while time.monotonic() < deadline and budget[0] > 0:
            budget[0] -= 1
            roll = rng.random()
            start = time.perf_counter()
            try:
                if roll < 0.25:
                    kind = "POST person"
                    body = (
                        factories.participant() if rng.random() < 0.6 else factories.door_opener()
                    )
                    body["email"] = f"load-{run_tag}-{rng.getrandbits(64):x}@example.org"
                    response = await http.post("/api/v1/people", json=body)
                    if response.status_code == 201:
                        tally.acknowledged.append(response.json()["id"])
                elif roll < 0.65:
                    kind = "GET person"
                    response = await http.get(f"/api/v1/people/{rng.choice(seeds)}")
                elif roll < 0.85:
                    kind = "GET candidates"
                    response = await http.get(f"/api/v1/participants/{seeds[0]}/candidates")
                else:
                    kind = "GET people list"
                    response = await http.get("/api/v1/people", params={"limit": 20})
            except httpx.TransportError as exc:  # a timeout is an error of the run, not a crash
                tally.add(kind, time.perf_counter() - start)
                tally.errors.append(f"{kind}: {type(exc).__name__}")
                continue
            tally.add(kind, time.perf_counter() - start)
            if response.status_code >= 400:
                tally.errors.append(f"{kind}: {response.status_code}")


def run(seconds: float, clients: int, max_requests: int) -> dict[str, Any]:
    """Serves, loads, checks; returns the figures."""
    settings = get_settings()
    if not settings.neo4j_uri:
        start_local(settings)
    graph = open_graph(settings)
    prepare_database(graph)
    token = tokens.create_token(graph, role="staff", name="load-run")
    app = create_app(settings, graph=graph)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    seeds = [
        httpx.post(
            f"{base}/api/v1/people",
            json=body,
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,  # the first writes on a fresh database warm its caches
        ).json()["id"]
        for body in [
            factories.participant(email=f"seed-{i}-{time.time_ns()}@example.org") for i in range(5)
        ]
        + [
            factories.door_opener(email=f"seed-d{i}-{time.time_ns()}@example.org")
            for i in range(20)
        ]
    ]
    # Seeded clients repeat their choices; the tag keeps e-mails new on a database used before.
    run_tag = time.time_ns()
    tally, budget = Tally(), [max_requests]
    deadline = time.monotonic() + seconds

    async def drive() -> None:
        await asyncio.gather(
            *[
                _client(base, token, deadline, budget, seeds, tally, random.Random(i), run_tag)
                for i in range(clients)
            ]
        )

    load_before = os.getloadavg()
    began = time.perf_counter()
    asyncio.run(drive())
    elapsed = time.perf_counter() - began
    load_after = os.getloadavg()
    server.should_exit = True
    thread.join(timeout=30)
    found = {p.id for p in get_people(graph, ids=tally.acknowledged)}
    graph.close()
    return {
        "machine": {"cores": os.cpu_count(), "platform": platform.platform()},
        # The machine is shared: the 1/5/15-minute load averages say how busy it was anyway.
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "seconds": round(elapsed, 1),
        "clients": clients,
        "requests": sum(len(v) for v in tally.latency.values()),
        "rate_per_s": round(sum(len(v) for v in tally.latency.values()) / elapsed, 1),
        "errors": len(tally.errors),
        "error_samples": tally.errors[:10],
        "acknowledged_writes": len(tally.acknowledged),
        "acknowledged_writes_found": len(found),
        "per_kind": {
            kind: {
                "count": len(v),
                "rate_per_s": round(len(v) / elapsed, 1),
                "median_ms": round(statistics.median(v) * 1000, 1),
                "p99_ms": round(sorted(v)[max(0, int(len(v) * 0.99) - 1)] * 1000, 1),
            }
            for kind, v in sorted(tally.latency.items())
        },
    }


def main() -> None:
    """Command-line entry: run, print, write the JSON; exit 1 on errors or lost writes."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--max-requests", type=int, default=200_000)
    args = parser.parse_args()
    figures = run(args.seconds, args.clients, args.max_requests)
    table = Table("kind", "count", "req/s", "median ms", "p99 ms", title="load run")
    for kind, f in figures["per_kind"].items():
        table.add_row(
            kind, str(f["count"]), str(f["rate_per_s"]), str(f["median_ms"]), str(f["p99_ms"])
        )
    console = Console()
    console.print(table)
    console.print(
        f"{figures['requests']} requests in {figures['seconds']} s, {figures['errors']} errors; "
        f"{figures['acknowledged_writes_found']}/{figures['acknowledged_writes']} "
        "acknowledged writes found in the graph"
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(figures, indent=2))
    lost = figures["acknowledged_writes"] - figures["acknowledged_writes_found"]
    raise SystemExit(1 if figures["errors"] or lost else 0)


if __name__ == "__main__":
    main()
