"""One settings object for the whole service, read from the environment (and `.env`).

Secrets are `SecretStr` so they never print; outside development the service refuses to start
with a default session secret, because a guessable secret would let anyone forge a staff cookie.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET = "change-me-development-only"  # noqa: S105 - refused outside development


def default_home() -> Path:
    """The state dir for the local Neo4j, the outbox and other files the service keeps."""
    return Path.home() / ".local" / "share" / "graphsvc"


class MatchWeights(BaseSettings):
    """Weights of the candidate score; each shared neighbour adds its weight times its rarity.

    Never negative: the candidate query bounds scores from above by adding weights up."""

    model_config = SettingsConfigDict(env_prefix="GRAPHSVC_WEIGHT_", extra="ignore")

    language: float = Field(default=1.0, ge=0)
    industry_division: float = Field(default=3.0, ge=0)
    industry_section: float = Field(default=1.5, ge=0)
    field_detailed: float = Field(default=3.0, ge=0)
    field_narrow: float = Field(default=2.0, ge=0)
    field_broad: float = Field(default=1.0, ge=0)
    same_municipality: float = Field(default=3.0, ge=0)
    same_county: float = Field(default=1.5, ge=0)
    distance: float = Field(default=1.0, ge=0)
    distance_scale_km: float = Field(default=100.0, gt=0)


class Settings(BaseSettings):
    """Everything the service can be told from outside; see the README's settings table."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = Field(
        default="development", alias="GRAPHSVC_ENV"
    )
    home: Path = Field(default_factory=default_home, alias="GRAPHSVC_HOME")

    neo4j_uri: str | None = Field(default=None, alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", alias="NEO4J_USER")
    neo4j_password: SecretStr | None = Field(default=None, alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", alias="NEO4J_DATABASE")
    neo4j_port: int = Field(default=7687, alias="GRAPHSVC_NEO4J_PORT")

    session_secret: SecretStr = Field(
        default=SecretStr(DEFAULT_SECRET), alias="GRAPHSVC_SESSION_SECRET"
    )
    max_doors_per_meeting: int = Field(default=2, ge=1, alias="GRAPHSVC_MAX_DOORS_PER_MEETING")
    max_body_bytes: int = Field(default=1_000_000, alias="GRAPHSVC_MAX_BODY_BYTES")
    token_cache_seconds: float = Field(default=5.0, ge=0, alias="GRAPHSVC_TOKEN_CACHE_SECONDS")

    smtp_host: str | None = Field(default=None, alias="SMTP_HOST")
    smtp_port: int = Field(default=25, alias="SMTP_PORT")
    smtp_user: str | None = Field(default=None, alias="SMTP_USER")
    smtp_password: SecretStr | None = Field(default=None, alias="SMTP_PASSWORD")
    smtp_starttls: bool = Field(default=False, alias="SMTP_STARTTLS")
    smtp_timeout_seconds: float = Field(default=30.0, gt=0, alias="SMTP_TIMEOUT_SECONDS")
    mail_from: str = Field(default="Dörrnät <noreply@dorrnat.invalid>", alias="GRAPHSVC_MAIL_FROM")
    outbox_dir: Path | None = Field(default=None, alias="GRAPHSVC_OUTBOX")

    weights: MatchWeights = Field(default_factory=MatchWeights)

    @model_validator(mode="after")
    def _refuse_default_secret_in_production(self) -> Settings:
        if (
            self.environment == "production"
            and self.session_secret.get_secret_value() == DEFAULT_SECRET
        ):
            raise ValueError(
                "GRAPHSVC_SESSION_SECRET must be set to a long random value in production "
                "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`)."
            )
        return self

    @property
    def outbox(self) -> Path:
        """Where mails go when no SMTP server is configured."""
        return self.outbox_dir or self.home / "outbox"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read once."""
    return Settings()
