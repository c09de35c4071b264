"""Delivering notification mails: through SMTP when a server is configured, else to an outbox.

The outbox lets a development machine or a small office run without a mail server: staff open
the `.eml` files in any mail program. Failures raise `MailError` rather than being swallowed,
because the caller records the notification as failed and offers a resend. Neither log lines
nor error messages carry addresses or names: SMTP replies may quote the recipient, so they are
reduced to their class and code, and the original exception is not chained.
"""

from __future__ import annotations

import logging
import os
import re
import smtplib
import socket
import ssl
from collections.abc import Sequence
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path

from graphsvc.mail.compose import MATCH_HEADER
from graphsvc.mail.errors import MailError
from graphsvc.settings import Settings

log = logging.getLogger(__name__)
DEFAULT_SMTP_TIMEOUT_SECONDS = 30.0


def deliver(messages: Sequence[EmailMessage], settings: Settings) -> None:
    """Sends every message, or raises MailError saying which setting or server to check."""
    if not messages:
        return
    if settings.smtp_host:
        _send_smtp(messages, settings, settings.smtp_host)
        log.info("sent %d mail(s) for %s via SMTP", len(messages), _match_ids(messages))
    else:
        _write_outbox(messages, settings.outbox)
        log.info("wrote %d mail(s) for %s to the outbox", len(messages), _match_ids(messages))


def _match_ids(messages: Sequence[EmailMessage]) -> str:
    return ", ".join(sorted({_file_safe(m.get(MATCH_HEADER, "")) for m in messages}))


def _send_smtp(messages: Sequence[EmailMessage], settings: Settings, host: str) -> None:
    timeout = float(getattr(settings, "smtp_timeout_seconds", DEFAULT_SMTP_TIMEOUT_SECONDS))
    try:
        with smtplib.SMTP(host, settings.smtp_port, timeout=timeout) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_user:
                password = settings.smtp_password
                smtp.login(settings.smtp_user, password.get_secret_value() if password else "")
            for message in messages:
                smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as exc:
        raise MailError(_explain(exc, host, settings.smtp_port)) from None


def _explain(exc: BaseException, host: str, port: int) -> str:
    """What went wrong, in terms of the settings an operator can change."""
    server = f"the SMTP server at {host}:{port}"
    code = getattr(exc, "smtp_code", None)
    said = f" (reply {code})" if isinstance(code, int) else ""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"{server} refused the login{said}; check SMTP_USER and SMTP_PASSWORD"
    if isinstance(exc, smtplib.SMTPNotSupportedError) and "STARTTLS" in str(exc):
        return f"{server} does not offer STARTTLS; check SMTP_STARTTLS and SMTP_PORT"
    if isinstance(exc, smtplib.SMTPNotSupportedError) and "AUTH" in str(exc):
        return (
            f"{server} offers no login; check whether SMTP_USER should be set, and "
            "SMTP_STARTTLS (many servers offer login only after STARTTLS, usually on port 587)"
        )
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return f"{server} lacks SMTPUTF8, which a non-ASCII address needs; check the address"
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return f"{server} refused the sender address{said}; check GRAPHSVC_MAIL_FROM"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return (
            f"{server} refused a recipient's address; check the person's e-mail address, "
            "then resend"
        )
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return (
            f"{server} closed the connection; check SMTP_PORT and SMTP_STARTTLS "
            "(a port that expects TLS from the first byte, like 465, is not supported)"
        )
    if isinstance(exc, smtplib.SMTPException):
        return f"{server} rejected the mail{said} ({type(exc).__name__}); check the server's log"
    if isinstance(exc, ssl.SSLError):
        return (
            f"TLS with {server} failed ({type(exc).__name__}); check SMTP_STARTTLS, SMTP_PORT "
            "and that the server's certificate is valid for SMTP_HOST"
        )
    if isinstance(exc, socket.gaierror):
        return f"cannot resolve the SMTP host {host!r}; check SMTP_HOST"
    return (
        f"could not reach {server} ({type(exc).__name__}); check SMTP_HOST and SMTP_PORT and "
        "that the server is running and reachable from here"
    )


def _file_safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "", str(text))[:64] or "mail"


def _write_outbox(messages: Sequence[EmailMessage], folder: Path) -> None:
    """One `<UTC timestamp>-<match id>-<n>.eml` per message: sortable, no personal data in names.

    The folder and files are private to the service's user, since the mails hold contact
    details; each file is written under a temporary name and renamed, so a reader never sees
    half a mail.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for n, message in enumerate(messages, start=1):
            name = f"{stamp}-{_file_safe(message.get(MATCH_HEADER, ''))}-{n}.eml"
            partial = folder / f".{name}.part"
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as file:
                file.write(message.as_bytes(policy=policy.SMTP))
            partial.replace(folder / name)
    except OSError as exc:
        raise MailError(
            f"could not write to the outbox folder {folder} ({type(exc).__name__}: "
            f"{exc.strerror}); check GRAPHSVC_OUTBOX (or GRAPHSVC_HOME) and that the folder "
            "is writable by the service"
        ) from None
