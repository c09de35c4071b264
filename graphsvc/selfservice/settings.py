"""The self-service settings (`GRAPHSVC_SELF_*`): link lifetimes, reminder delays, rate limits.

They live apart from `graphsvc.settings` because they only concern this package; the signing
secret is still the service's one `GRAPHSVC_SESSION_SECRET`.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class SelfServiceSettings(BaseSettings):
    """Every delay is in days unless its name says otherwise; see the README's Self-service."""

    model_config = SettingsConfigDict(env_prefix="GRAPHSVC_SELF_", env_file=".env", extra="ignore")

    public_url: str = Field(
        default="http://127.0.0.1:8000",
        description="Where people reach the service; the links in mails start with it.",
    )
    # How long a link in a mail works. Long enough for a holiday, short enough that an old
    # forwarded mail stops being a key.
    confirm_link_days: int = Field(default=7, ge=1)
    match_link_days: int = Field(default=30, ge=1)
    meeting_link_days: int = Field(default=45, ge=1)
    contacts_link_days: int = Field(default=45, ge=1)
    follow_up_link_days: int = Field(default=60, ge=1)
    profile_link_days: int = Field(default=14, ge=1)
    # An invitation holds a name and an address of someone who has not consented: it is erased
    # when unanswered after this many days (and its link stops working at the same moment).
    invitation_days: int = Field(default=21, ge=1)

    # Reminders: each is sent once, this many days after the thing it waits for.
    remind_match_days: int = Field(default=3, ge=1)
    remind_meeting_days: int = Field(default=3, ge=1)
    remind_doors_days: int = Field(default=5, ge=1)
    remind_invitation_days: int = Field(default=7, ge=1)
    remind_confirm_days: int = Field(default=2, ge=1)
    # Matches made and meetings recorded by staff through the API get their link mails from
    # the hourly run; only recent ones, so imported history never mails anybody.
    catch_up_hours: int = Field(default=48, ge=0)

    # Rate limits: at most `*_per_ip` (or `*_per_email`) attempts per `rate_window_seconds`.
    rate_window_seconds: int = Field(default=3600, ge=1)
    signup_per_ip: int = Field(default=20, ge=1)
    signup_per_email: int = Field(default=3, ge=1)
    link_per_ip: int = Field(default=120, ge=1)
    link_per_subject: int = Field(default=30, ge=1)
    csrf_max_age_seconds: int = Field(default=4 * 3600, ge=60)

    @property
    def base_url(self) -> str:
        """`public_url` without a trailing slash."""
        return self.public_url.rstrip("/")


@lru_cache(maxsize=1)
def get_self_settings() -> SelfServiceSettings:
    """The process's self-service settings, read once."""
    return SelfServiceSettings()
