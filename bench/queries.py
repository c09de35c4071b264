"""The benchmark's own named Cypher (`bench/cypher/bench/`), loaded by the service's registry.

They serve the baselines and the sampling only; everything measured on the service's side runs
the service's own queries.
"""

from __future__ import annotations

from pathlib import Path

from graphsvc.graph.queries import Registry

Q = Registry(Path(__file__).resolve().parent / "cypher").bench
