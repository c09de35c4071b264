"""The tests' own named Cypher (`tests/cypher/tests/`), loaded by the service's registry: reads
that compare whole graphs, which the service itself never needs."""

from __future__ import annotations

from pathlib import Path

from graphsvc.graph.queries import Registry

Q = Registry(Path(__file__).resolve().parent / "cypher").tests
