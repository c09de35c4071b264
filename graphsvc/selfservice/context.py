"""What every self-service request and run needs: settings, the link signer, CSRF, rate limits.

One `SelfService` per app (kept on `app.state`, made on first use) or per CLI run. Tests build
their own with a movable clock. The rate limits' counters live in the graph, so every process
(and every test's own `SelfService`) shares them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request

from graphsvc import clock
from graphsvc.selfservice.csrf import CsrfGuard
from graphsvc.selfservice.links import LinkSigner
from graphsvc.selfservice.ratelimit import RateLimiter
from graphsvc.selfservice.settings import SelfServiceSettings, get_self_settings
from graphsvc.settings import Settings


@dataclass
class SelfService:
    """The package's collaborators for one app or one run."""

    settings: Settings
    options: SelfServiceSettings
    signer: LinkSigner
    csrf: CsrfGuard
    limiter: RateLimiter
    now: Callable[[], datetime] = clock.now

    @classmethod
    def build(
        cls,
        settings: Settings,
        options: SelfServiceSettings | None = None,
        now: Callable[[], datetime] = clock.now,
    ) -> SelfService:
        """Wires the signer and CSRF guard to the service's one secret."""
        options = options or get_self_settings()
        secret = settings.session_secret.get_secret_value()
        return cls(
            settings=settings,
            options=options,
            signer=LinkSigner(secret, options, now),
            csrf=CsrfGuard(secret, options.csrf_max_age_seconds),
            limiter=RateLimiter(secret, now),
            now=now,
        )


def get_selfservice(request: Request) -> SelfService:
    """The app's `SelfService`, made from its settings on first use (and again when the app's
    settings object is replaced, so mail always goes where the app's settings say)."""
    found: SelfService | None = getattr(request.app.state, "selfservice", None)
    if found is None or found.settings is not request.app.state.settings:
        found = SelfService.build(request.app.state.settings)
        request.app.state.selfservice = found
    return found


SelfServiceDep = Annotated[SelfService, Depends(get_selfservice)]
