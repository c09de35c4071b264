"""Composing the self-service mails and sending them through the service's one mail path.

Every mail to a member carries a footer link to their profile page (pause, reactivate, export,
erase); an invitation, sent to someone who is not a member, carries a "no thanks" link instead.
The `X-Dorrnat-Match` header carries the id the mail is about (a match, meeting, person or
invitation id), so the send log and outbox file names stay traceable without personal data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from typing import Any

from graphsvc.mail.compose import MATCH_HEADER
from graphsvc.mail.errors import MailError
from graphsvc.mail.send import deliver
from graphsvc.mail.wording import EN, SV, format_when
from graphsvc.models.person import Person
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.links import Purpose
from graphsvc.selfservice.wording import MAILS, Lang, lang_for

LinkSpec = tuple[Purpose, str]
"""(purpose, subject id) of a link for the mail's recipient."""


def one_line(text: str | None) -> str:
    """A name folded onto one line, so stored data can never add a header or a fake line."""
    return " ".join((text or "").split())


def when(moment: datetime | None, lang: Lang) -> str:
    """The meeting hour on the Stockholm clock, in the reader's language."""
    if moment is None:
        return "–"
    return format_when(moment, moment + timedelta(hours=1), SV if lang == "sv" else EN)


def compose(
    ctx: SelfService, *, to_name: str, to_addr: str, subject: str, body: str, ref: str
) -> EmailMessage:
    """One plain-text mail from the programme's address."""
    sender = ctx.settings.mail_from
    domain = parseaddr(sender)[1].rpartition("@")[2] or "dorrnat.invalid"
    message = EmailMessage()
    message["From"] = sender
    message["To"] = Address(display_name=one_line(to_name), addr_spec=to_addr)
    message["Subject"] = one_line(subject)
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain=domain)
    message["Auto-Submitted"] = "auto-generated"
    message[MATCH_HEADER] = ref
    message.set_content(body, cte="quoted-printable")
    return message


def person_mail(
    ctx: SelfService,
    person: Person,
    key: str,
    *,
    ref: str,
    links: Mapping[str, LinkSpec] | None = None,
    reminder: bool = False,
    lang: Lang | None = None,
    **fields: Any,
) -> EmailMessage:
    """The mail `key` (`<key>_subject`, `<key>_body`) to a member, with fresh links for them.

    Raises MailError when the person has no address (erased), naming the id only.
    """
    if not person.email or not person.name:
        raise MailError(f"person {person.id} has no name or e-mail address (erased?)")
    lang = lang or lang_for(person)
    texts = MAILS[lang]
    values = {k: one_line(v) if isinstance(v, str) else v for k, v in fields.items()}
    values["name"] = one_line(person.name)
    for name, (purpose, subject_id) in (links or {}).items():
        values[name] = ctx.signer.url(purpose, subject_id, person.id, lang=lang)
    subject = texts[f"{key}_subject"].format(**values)
    body = texts[f"{key}_body"].format(**values)
    if reminder:
        subject = texts["reminder_subject"].format(subject=subject)
        body = texts["reminder_intro"] + body
    body += texts["footer"].format(
        profile=ctx.signer.url("profile", person.id, person.id, lang=lang)
    )
    return compose(
        ctx, to_name=person.name, to_addr=person.email, subject=subject, body=body, ref=ref
    )


def invitation_mail(
    ctx: SelfService,
    invitation: Mapping[str, Any],
    *,
    introducer: str,
    participant: str,
    note: str | None,
    reminder: bool = False,
) -> EmailMessage:
    """The invitation to a named contact: who introduced them, for whom and (first time) why."""
    lang: Lang = "en" if invitation.get("lang") == "en" else "sv"
    texts = MAILS[lang]
    names = {"introducer": one_line(introducer), "participant": one_line(participant)}
    note_text = texts["invitation_note"].format(**names, note=note.strip()) if note else ""
    inv_id = str(invitation["id"])
    values = {
        **names,
        "name": one_line(str(invitation["name"])),
        "note": note_text,
        "days": ctx.options.invitation_days,
        "link": ctx.signer.url("invitation", inv_id, lang=lang),
        "decline": ctx.signer.url("invitation-decline", inv_id, lang=lang),
    }
    subject = texts["invitation_subject"].format(**values)
    body = texts["invitation_body"].format(**values)
    if reminder:
        subject = texts["reminder_subject"].format(subject=subject)
        body = texts["reminder_intro"] + body
    return compose(
        ctx,
        to_name=str(invitation["name"]),
        to_addr=str(invitation["email"]),
        subject=subject,
        body=body,
        ref=inv_id,
    )


def send(ctx: SelfService, messages: Sequence[EmailMessage]) -> None:
    """Delivers through SMTP or the outbox, as every mail of the service; raises MailError."""
    deliver(messages, ctx.settings)
