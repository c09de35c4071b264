"""The one error the local-Neo4j manager raises on purpose.

Every failure a developer can fix (missing Java or Maven, a taken port, a server that will not
start) becomes a `LocalDbError` whose message says what went wrong *and what to do next*, so the
CLI can print it as is, without a traceback.
"""

from __future__ import annotations


class LocalDbError(Exception):
    """A local-database problem with a human message that ends in the next step to take."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
