"""The public sign-up pages, the privacy page and the "send me my profile link" page."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from graphsvc.errors import InvalidInput
from graphsvc.graph.db import Graph
from graphsvc.models.person import EDUCATION_RANK
from graphsvc.selfservice import profile, signup
from graphsvc.selfservice.choices import load_choices
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.forms import (
    ROLE_OF,
    FormData,
    FormRole,
    SignUpForm,
    read_sign_up,
    reference_error,
)
from graphsvc.selfservice.ratelimit import hashed
from graphsvc.selfservice.web import (
    Page,
    client_ip,
    honeypot_filled,
    message,
    page_lang,
    refused_form,
)
from graphsvc.selfservice.wording import PAGES

FLAGS = {
    "door_opener": ("established_in_sweden", "retired"),
    "participant": ("foreign_background", "residence_permit"),
}
EMPTY: dict[str, Any] = {
    "name": "", "email": "", "phone": "", "home_place": "", "industry": "", "education_level": "",
    "education_field": "", "work_years": "", "years_in_sweden": "", "max_active_matches": "",
    "languages": [], "meeting_modes": [], "availability": [], "consent": False,
    "foreign_background": False, "residence_permit": False, "established_in_sweden": False,
    "retired": False,
}  # fmt: skip


def join_page(
    request: Request,
    graph: Graph,
    role: FormRole,
    *,
    result: SignUpForm | None = None,
    invitation: str | None = None,
    email: str | None = None,
) -> Page:
    """The sign-up form, empty or refilled with the errors of a refused attempt."""
    lang = page_lang(request)
    role_key = ROLE_OF[role]
    values = dict(result.values) if result else dict(EMPTY)
    if email is not None:
        values["email"] = email
    return Page(
        "join.html.j2",
        {
            "title": PAGES[lang][f"join_title_{role_key}"],
            "role_key": role_key,
            "values": values,
            "errors": result.errors if result else {},
            "submitted": result is not None,
            "choices": load_choices(graph, lang),
            "levels": list(EDUCATION_RANK),
            "flags": FLAGS[role_key],
            "invitation": invitation,
            "email_fixed": email is not None,
        },
        status=422 if result and result.errors else 200,
    )


def sign_up_limits(ctx: SelfService, request: Request, email: str) -> list[tuple[str, str, int]]:
    """Sign-ups count per address and per e-mail (hashed), so neither a flood from one place
    nor mail-bombing one address gets far."""
    options = ctx.options
    limits = [("signup-ip", client_ip(request), options.signup_per_ip)]
    if email:
        limits.append(("signup-email", hashed(email), options.signup_per_email))
    return limits


def join_submit(
    request: Request, ctx: SelfService, graph: Graph, role: FormRole, form: FormData
) -> Page:
    """Signs up, or shows the form again with what to correct. Success and a known address
    give the same page; a filled honeypot gets it too, and nothing is done."""
    t = PAGES[page_lang(request)]
    refused = refused_form(request, ctx, form, sign_up_limits(ctx, request, form.get("email")))
    if refused is not None:
        return refused
    done = message(t["done_title"], t["done_text"])
    if honeypot_filled(form):
        return done
    result = read_sign_up(form, role)
    if result.person is None:
        return join_page(request, graph, role, result=result)
    try:
        signup.sign_up(ctx, graph, result.person, lang=page_lang(request))
    except InvalidInput as exc:
        return join_page(request, graph, role, result=reference_error(result, exc))
    return done


def privacy_page(request: Request, ctx: SelfService) -> Page:
    """What is stored, why, who sees it, and the person's rights."""
    t = PAGES[page_lang(request)]
    return Page(
        "privacy.html.j2",
        {
            "title": t["privacy_title"],
            "invited": t["privacy_invited"].format(days=ctx.options.invitation_days),
        },
    )


def request_page(request: Request, *, error: str | None = None) -> Page:
    """The form asking for a profile link."""
    t = PAGES[page_lang(request)]
    errors = {"email": error} if error else {}
    return Page(
        "request.html.j2", {"title": t["request_title"], "errors": errors}, 422 if error else 200
    )


def request_submit(request: Request, ctx: SelfService, graph: Graph, form: FormData) -> Page:
    """Mails a profile link when the address is known; the page is the same either way."""
    t = PAGES[page_lang(request)]
    refused = refused_form(request, ctx, form, sign_up_limits(ctx, request, form.get("email")))
    if refused is not None:
        return refused
    done = message(t["request_done_title"], t["request_done_text"])
    if honeypot_filled(form):
        return done
    email = form.get("email")
    if "@" not in email or len(email) > 254:
        return request_page(request, error="err_email")
    profile.send_profile_link(ctx, graph, email)
    return done
