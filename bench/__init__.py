"""Benchmarks of Dörrnät at the programme's scale: `python -m bench [--quick]`.

Each figure of issue 7's table is measured as the median and p99 of repeated runs, next to a
baseline run in the same process on the same data, against its own Neo4j (`NEO4J_URI`), never
the test suite's. Results go to `bench/results/*.json` with the machine they ran on.
"""
