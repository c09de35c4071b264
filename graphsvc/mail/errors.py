"""The one error of the mail package, so the caller can record a failed notification."""

from __future__ import annotations

from graphsvc.errors import DomainError


class MailError(DomainError):
    """A notification could not be composed or delivered; `detail` says what to check.

    Messages name settings and hosts, never people: the caller stores and logs them next to the
    match (notification "failed") and offers a resend.
    """
