"""CSRF tokens for every self-service form: a signed double-submit.

The page sets a random value in an HttpOnly, SameSite=Lax cookie and puts a signed copy of it in
the form. A POST is accepted only when the form's token is a valid, recent signature of the
cookie it arrives with. Another site can make a browser send the cookie but cannot read it, so it
cannot produce the matching token; and nothing is stored on the server, so any replica can check.
"""

from __future__ import annotations

import hmac
import secrets

from itsdangerous import BadSignature, URLSafeTimedSerializer

COOKIE = "dn_csrf"
FIELD = "csrf_token"


class CsrfGuard:
    """Issues and checks form tokens bound to the browser's CSRF cookie."""

    def __init__(self, secret: str, max_age_seconds: int) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt="dorrnat-csrf")
        self._max_age = max_age_seconds

    def cookie_value(self, current: str | None) -> str:
        """The browser's cookie value, or a new one when it has none (or a malformed one)."""
        if (
            current
            and 20 <= len(current) <= 64
            and current.replace("-", "").replace("_", "").isalnum()
        ):
            return current
        return secrets.token_urlsafe(24)

    def form_token(self, cookie: str) -> str:
        """The hidden field's value for a page served to the holder of `cookie`."""
        return str(self._serializer.dumps(cookie))

    def check(self, cookie: str | None, token: str | None) -> bool:
        """Whether the posted token was issued for this cookie, recently enough."""
        if not cookie or not token or len(token) > 300:
            return False
        try:
            signed = self._serializer.loads(token, max_age=self._max_age)
        except BadSignature:
            return False
        return isinstance(signed, str) and hmac.compare_digest(signed, cookie)
