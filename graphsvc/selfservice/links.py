"""Signed, expiring, single-purpose links: the keys in every mail the programme sends.

A link is `/links/<purpose>/<token>`. The token is itsdangerous-signed with the service's
session secret and a salt per purpose, so a link made for confirming an address can never be
replayed as, say, an erasure. It carries ids only (the subject, the person acting, and a random
link id), never a name or an address, so URLs and access logs stay free of personal data. Its
timestamp makes it expire; links that change state are also recorded as used (`:UsedLink`) by
the services, so each works once.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, cast, get_args

from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer

from graphsvc import clock
from graphsvc.errors import DomainError
from graphsvc.selfservice.settings import SelfServiceSettings

Purpose = Literal[
    "confirm",
    "match-accept",
    "match-decline",
    "match-propose",
    "met",
    "contacts",
    "follow-up",
    "invitation",
    "invitation-decline",
    "profile",
]
PURPOSES: frozenset[str] = frozenset(get_args(Purpose))
RefusalReason = Literal["invalid", "expired", "used", "gone"]


class LinkRefused(DomainError):
    """The link cannot be used: tampered or unknown (`invalid`), too old, already used, or what
    it points at is no longer there (`gone`). Pages explain each in plain words."""

    def __init__(self, reason: RefusalReason) -> None:
        super().__init__(f"link refused: {reason}")
        self.reason: RefusalReason = reason


@dataclass(frozen=True)
class Link:
    """A verified link: what it is for, about what, for whom, and its own id (for use-once)."""

    purpose: Purpose
    subject: str
    person: str | None
    link_id: str
    issued_at: datetime


def _lifetime_days(settings: SelfServiceSettings, purpose: Purpose) -> int:
    return {
        "confirm": settings.confirm_link_days,
        "match-accept": settings.match_link_days,
        "match-decline": settings.match_link_days,
        "match-propose": settings.match_link_days,
        "met": settings.meeting_link_days,
        "contacts": settings.contacts_link_days,
        "follow-up": settings.follow_up_link_days,
        "invitation": settings.invitation_days,
        "invitation-decline": settings.invitation_days,
        "profile": settings.profile_link_days,
    }[purpose]


class _ClockSigner(TimestampSigner):
    """A timestamp signer that reads the programme's clock, which tests can move."""

    def __init__(self, *args: Any, now: Callable[[], datetime], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._now = now

    def get_timestamp(self) -> int:
        return int(self._now().timestamp())


class LinkSigner:
    """Makes and checks links with one secret; `now` is the clock (tests pass their own)."""

    def __init__(
        self,
        secret: str,
        settings: SelfServiceSettings,
        now: Callable[[], datetime] = clock.now,
    ) -> None:
        self._secret = secret
        self._settings = settings
        self._now = now

    def _serializer(self, purpose: Purpose, now: Callable[[], datetime]) -> URLSafeTimedSerializer:
        return URLSafeTimedSerializer(
            self._secret,
            salt=f"dorrnat-link-{purpose}",
            signer=_ClockSigner,
            signer_kwargs={"now": now},
        )

    def token(
        self,
        purpose: Purpose,
        subject: str,
        person: str | None = None,
        *,
        at: datetime | None = None,
    ) -> str:
        """A new token; each carries a fresh random link id, so each can be used once."""
        payload = {"s": subject, "p": person, "j": secrets.token_urlsafe(12)}
        moment = at or self._now()
        return str(self._serializer(purpose, lambda: moment).dumps(payload))

    def url(
        self,
        purpose: Purpose,
        subject: str,
        person: str | None = None,
        *,
        lang: str = "sv",
        at: datetime | None = None,
    ) -> str:
        """The whole address for a mail; English readers get `?lang=en` on the page."""
        suffix = "?lang=en" if lang == "en" else ""
        token = self.token(purpose, subject, person, at=at)
        return f"{self._settings.base_url}/links/{purpose}/{token}{suffix}"

    def verify(self, purpose: str, token: str, *, at: datetime | None = None) -> Link:
        """The link's content, or `LinkRefused` (`invalid` for an unknown purpose or a bad
        signature, `expired` past the purpose's lifetime)."""
        if purpose not in PURPOSES or len(token) > 400:
            raise LinkRefused("invalid")
        checked = cast(Purpose, purpose)  # checked against PURPOSES just above
        moment = at or self._now()
        max_age = _lifetime_days(self._settings, checked) * 86400
        try:
            payload, issued = self._serializer(checked, lambda: moment).loads(
                token, max_age=max_age, return_timestamp=True
            )
        except SignatureExpired:
            raise LinkRefused("expired") from None
        except BadSignature:
            raise LinkRefused("invalid") from None
        if not isinstance(payload, dict) or not isinstance(payload.get("s"), str):
            raise LinkRefused("invalid")
        person = payload.get("p")
        return Link(
            purpose=checked,
            subject=payload["s"],
            person=person if isinstance(person, str) else None,
            link_id=str(payload.get("j", "")),
            issued_at=issued,
        )
