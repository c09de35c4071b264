"""Keeping the self-service link tokens out of the server's access log.

A link in a mail (`/links/<purpose>/<token>`) is a key: whoever holds it can confirm, answer or
erase in the person's name until it expires. The server's access log (uvicorn's, one line per
request) would keep every token that was used, readable by anyone who reads logs. A filter on
that logger rewrites the line before any handler sees it: the purpose stays (so the log still
says what was done), the token becomes `[token]`, and so does any `token` query value.
"""

from __future__ import annotations

import logging
import re

ACCESS_LOGGER = "uvicorn.access"
_LINK_TOKEN = re.compile(r"(/links/[^/?#\s\"]+/)[^/?#\s\"]+")
_QUERY_TOKEN = re.compile(r"([?&](?:csrf_)?token=)[^&#\s\"]+", re.IGNORECASE)
REDACTED = "[token]"


def redact(text: str) -> str:
    """The text with every link token and `token` query value replaced."""
    return _QUERY_TOKEN.sub(rf"\g<1>{REDACTED}", _LINK_TOKEN.sub(rf"\g<1>{REDACTED}", text))


class RedactLinkTokens(logging.Filter):
    """Rewrites a record's message and arguments; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        return True


def install(logger_name: str = ACCESS_LOGGER) -> None:
    """Puts the filter on the access logger once per process (each uvicorn worker builds the
    app after configuring its logging, so every worker gets it)."""
    logger = logging.getLogger(logger_name)
    if not any(isinstance(f, RedactLinkTokens) for f in logger.filters):
        logger.addFilter(RedactLinkTokens())
