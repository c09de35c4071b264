"""The pure pieces: signed links, CSRF tokens, the sliding window, the form reader, wording."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from graphsvc import clock
from graphsvc.selfservice.csrf import CsrfGuard
from graphsvc.selfservice.forms import FormData, read_sign_up
from graphsvc.selfservice.links import PURPOSES, LinkRefused, LinkSigner
from graphsvc.selfservice.ratelimit import RateLimiter, hashed
from graphsvc.selfservice.settings import SelfServiceSettings
from graphsvc.selfservice.wording import MAILS, PAGES
from tests.test_selfservice_kit import participant_form

OPTIONS = SelfServiceSettings(_env_file=None, public_url="https://dorrnat.example/")
SIGNER = LinkSigner("a-secret-for-tests-only", OPTIONS)


def refused(purpose: str, token: str, **kwargs: object) -> str:
    try:
        SIGNER.verify(purpose, token, **kwargs)  # type: ignore[arg-type]
    except LinkRefused as exc:
        return exc.reason
    return "accepted"


def test_a_link_carries_ids_only_and_round_trips() -> None:
    url = SIGNER.url("met", "m_123", "p_456", lang="en")
    assert url.startswith("https://dorrnat.example/links/met/") and url.endswith("?lang=en")
    token = url.split("/")[-1].removesuffix("?lang=en")
    link = SIGNER.verify("met", token)
    assert (link.purpose, link.subject, link.person) == ("met", "m_123", "p_456")
    assert (
        link.link_id and link.link_id != SIGNER.verify("met", SIGNER.token("met", "m_123")).link_id
    )


def test_links_expire_per_purpose() -> None:
    old = clock.now() - timedelta(days=OPTIONS.confirm_link_days, minutes=1)
    assert refused("confirm", SIGNER.token("confirm", "p_1", at=old)) == "expired"
    assert refused("profile", SIGNER.token("confirm", "p_1")) == "invalid"
    assert refused("confirm", SIGNER.token("confirm", "p_1")) == "accepted"


@given(st.sampled_from(sorted(PURPOSES)), st.integers(min_value=0), st.characters())
def test_any_change_to_a_token_is_refused(purpose: str, position: int, char: str) -> None:
    token = SIGNER.token(purpose, "x_1", "p_1")  # type: ignore[arg-type]
    # The last character is left alone: base64's final character has spare bits, so a few
    # changes there decode to the very same signature (and are, rightly, the same link).
    i = position % (len(token) - 1)
    changed = token[:i] + char + token[i + 1 :]
    if changed != token:
        assert refused(purpose, changed) in ("invalid", "expired")


def test_a_link_from_another_secret_is_refused() -> None:
    other = LinkSigner("another-secret", OPTIONS)
    assert refused("confirm", other.token("confirm", "p_1")) == "invalid"


def test_csrf_tokens_are_bound_to_their_cookie_and_expire() -> None:
    guard = CsrfGuard("secret", max_age_seconds=60)
    cookie = guard.cookie_value(None)
    token = guard.form_token(cookie)
    assert guard.check(cookie, token)
    assert not guard.check(guard.cookie_value(None), token)
    assert not guard.check(cookie, None) and not guard.check(None, token)
    assert guard.cookie_value(cookie) == cookie and guard.cookie_value("<script>") != "<script>"


def test_rate_counter_keys_are_keyed_with_the_secret_and_hold_no_address() -> None:
    limiter = RateLimiter("secret")
    key = limiter.counter_key("signup-email", hashed("amira@example.org"))
    assert key == RateLimiter("secret").counter_key("signup-email", hashed("amira@example.org"))
    assert key != RateLimiter("other").counter_key("signup-email", hashed("amira@example.org"))
    assert key != limiter.counter_key("signup-ip", hashed("amira@example.org"))
    assert hashed("amira@example.org") not in key and "amira" not in key
    assert hashed(" Amira@Example.org ") == hashed("amira@example.org")


def test_the_form_reader_builds_a_person_and_names_broken_rules() -> None:
    items = [(k, v) for k, vs in participant_form("A B", "a@example.org").items()
             for v in (vs if isinstance(vs, list) else [vs])]  # fmt: skip
    result = read_sign_up(FormData(items), "participant")
    assert result.person is not None and result.errors == {}
    assert [s.weekday for s in result.person.availability] == [2, 4]
    broken = [(k, v) for k, v in items if k not in ("residence_permit", "consent")]
    result = read_sign_up(FormData(broken), "participant")
    assert result.person is None
    assert result.errors["consent"] == "err_consent"


def test_both_languages_have_every_text() -> None:
    assert set(PAGES["sv"]) == set(PAGES["en"])
    assert set(MAILS["sv"]) == set(MAILS["en"])
