"""A cheap HTTP/1.1 load client: keep-alive GETs on raw asyncio streams, every status checked.

The server, Neo4j and the clients share the machine's two cores, so whatever the clients spend
is taken from the server. Thirty-two `httpx.Client` threads spent about 2 ms of CPU per request
(header objects, the connection pool, the GIL handed between threads), as much as half of what
the server spent answering; a figure measured that way is partly the client's. Here one event
loop drives all connections and a request is a few bytes written and a header block parsed, a
tenth of that cost, so the figure is the server's.

Each connection sends one request at a time and reads the whole answer (by `Content-Length`, or
chunk by chunk) before the next, as a browser's keep-alive connection does. A status other than
200, a malformed answer, a closed connection or a timeout counts as an error, and the connection
is opened anew.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from random import Random
from urllib.parse import urlsplit

TIMEOUT_SECONDS = 30.0


@dataclass
class Tally:
    """What the clients saw: answers that were 200, errors, and each request's seconds."""

    ok: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    error_kinds: dict[str, int] = field(default_factory=dict)

    def error(self, kind: str) -> None:
        """Counts one failed request under `kind` (a status code or an exception's name)."""
        self.errors += 1
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1


class BadAnswer(Exception):
    """The server's bytes were not an HTTP/1.1 answer this client understands."""


async def _read_answer(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Reads one whole answer; (status, whether the server keeps the connection open)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    parts = lines[0].split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/1."):
        raise BadAnswer(lines[0][:80].decode("latin-1"))
    status = int(parts[1])
    length: int | None = None
    chunked = False
    keep_alive = parts[0] == b"HTTP/1.1"
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        value = value.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value
        elif name == b"connection":
            keep_alive = value != b"close"
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)  # the chunk and its CRLF
            if size == 0:
                break
    elif length is not None:
        await reader.readexactly(length)
    else:
        raise BadAnswer("an answer without Content-Length or chunks")
    return status, keep_alive


async def _connection(
    host: str, port: int, token: str, paths: list[str], rng: Random, stop: float, tally: Tally
) -> None:
    """One keep-alive connection's requests until `stop` (perf_counter seconds)."""
    prefix = b"GET "
    suffix = f" HTTP/1.1\r\nHost: {host}:{port}\r\nAuthorization: Bearer {token}\r\n\r\n".encode()
    writer: asyncio.StreamWriter | None = None
    reader: asyncio.StreamReader | None = None
    while time.perf_counter() < stop:
        started = time.perf_counter()
        try:
            if writer is None or reader is None:
                reader, writer = await asyncio.open_connection(host, port)
            writer.write(prefix + rng.choice(paths).encode() + suffix)
            status, keep_alive = await asyncio.wait_for(_read_answer(reader), TIMEOUT_SECONDS)
        except (
            OSError,
            asyncio.IncompleteReadError,
            asyncio.LimitOverrunError,
            BadAnswer,
            TimeoutError,
            ValueError,
        ) as exc:
            tally.latencies.append(time.perf_counter() - started)
            tally.error(type(exc).__name__)
            if writer is not None:
                writer.close()
            reader = writer = None
            continue
        tally.latencies.append(time.perf_counter() - started)
        if status == 200:
            tally.ok += 1
        else:
            tally.error(str(status))
        if not keep_alive:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


def hammer(base: str, token: str, paths: list[str], seconds: float, clients: int) -> Tally:
    """`clients` keep-alive connections GET random `paths` for `seconds`, all on one event
    loop in the calling thread; what they saw."""
    address = urlsplit(base)
    host, port = address.hostname or "127.0.0.1", address.port or 80
    tally = Tally()

    async def run() -> None:
        stop = time.perf_counter() + seconds
        await asyncio.gather(
            *(_connection(host, port, token, paths, Random(n), stop, tally) for n in range(clients))
        )

    asyncio.run(run())
    return tally
