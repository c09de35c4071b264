"""What the benchmark ran on: cores, memory, CPU model, load, Neo4j's version and memory.

The machine is shared (two cores, other engineers' test runs and servers on it), so the load
average before and after each run is recorded with the figures: a figure is only as good as
the quiet it was measured in.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path
from typing import Any

from bench.queries import Q
from graphsvc.graph.db import Graph


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages."""
    return [round(x, 2) for x in os.getloadavg()]


def _neo4j_memory(graph: Graph) -> str:
    """Heap and page cache as the server reports them (not as anyone believes they were set)."""
    found = {row["name"]: row["value"] for row in graph.read(Q.memory_settings)}
    heap = found.get("server.memory.heap.max_size", "?")
    cache = found.get("server.memory.pagecache.size", "?")
    return f"heap {heap}, page cache {cache}"


def server_cpu_seconds(graph: Graph) -> float:
    """CPU seconds the database server's process has used since it started."""
    return float(graph.read(Q.server_cpu)[0]["nanoseconds"]) / 1e9


def describe(graph: Graph) -> dict[str, Any]:
    """The machine and the database, for the results file."""
    server = graph.driver.get_server_info()
    return {
        "cores": os.cpu_count(),
        "memory_gb": _memory_gb(),
        "cpu_model": _cpu_model(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "neo4j_version": server.agent,
        "neo4j_address": f"{server.address[0]}:{server.address[1]}",
        "neo4j_memory": _neo4j_memory(graph),
        "load_average_at_start": load_average(),
    }
