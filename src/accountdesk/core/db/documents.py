"""The search document of an account or a contact: what the full-text index holds of it.

Made from a record's column values alone, without SQLAlchemy or a database: by the writer of
a change (:mod:`accountdesk.core.db.search`, which indexes them) and, for a large CSV
import, by the process that checks the file while the writer is behind
(:mod:`accountdesk.core.io.csv_check`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from accountdesk.core.db.fts import account_title, compound_parts, fold, name_title
from accountdesk.core.validation import calling_code_split


class Document(NamedTuple):  # a tuple: made and sent by the thousand in an import
    ref: str  # the account's or contact's id
    kind: str  # "account" | "contact"
    title: str
    body: str


def _joined(*parts: object) -> str:
    return " ".join([str(p) for p in parts if p])


#: The columns :func:`account_document` and :func:`contact_document` read (with the tags).
ACCOUNT_COLUMNS = ("id", "name", "city", "website", "industry", "notes")
CONTACT_COLUMNS = (
    "id",
    "given_name",
    "family_name",
    "name_order",
    "emails",
    "phones",
    "city",
    "job_title",
    "personal_notes",
    "how_we_met",
)


def phone_words(e164: str) -> list[str]:
    """The words a stored phone number (E.164, ``+905321234567``) is found by: its digits
    (905321234567), its national number (5321234567) and that number after the trunk prefix
    0 most countries dial at home (05321234567). A prefix of any of them finds the phone."""
    digits = _digits(e164)
    found = [digits]
    national = _national(e164, digits)
    if national is not None:
        found += [national, national if national.startswith("0") else "0" + national]
    return list(dict.fromkeys(w for w in found if w))


def national_number(e164: str) -> str | None:
    """The digits of a stored phone number (E.164) after its calling code (5321234567 for
    +905321234567); None for a number not written in E.164. Search (:func:`phone_words`) and
    an erase's search for the person's numbers call it (the calling codes:
    :func:`accountdesk.core.validation.calling_code_split`)."""
    return _national(e164, _digits(e164))


def _digits(e164: str) -> str:
    rest = e164[1:]
    if e164[:1] == "+" and rest.isdecimal():  # a stored number: no need to look at each
        return rest
    return "".join(filter(str.isdecimal, e164))


def _national(e164: str, digits: str) -> str | None:
    if not e164.startswith("+"):
        return None
    split = calling_code_split(digits)
    return (split[1] or None) if split is not None else None


def _folded_body(body: str) -> str:
    """The folded body of a document, with the parts of its Persian compounds as words."""
    return " ".join([fold(body), *compound_parts(body)])


def account_document(values: Mapping[str, Any], tags: Iterable[str] = ()) -> Document:
    """The search document of an account, from its column values (a row, a dict …): its name
    as title (with the other :func:`~accountdesk.core.db.fts.spellings` it may be typed as:
    :func:`~accountdesk.core.db.fts.account_title`)."""
    body = _joined(
        values.get("city"),
        values.get("website"),
        values.get("industry"),
        *tags,
        values.get("notes"),
    )
    return Document(values["id"], "account", account_title(values["name"]), _folded_body(body))


def contact_document(values: Mapping[str, Any], tags: Iterable[str] = ()) -> Document:
    """The search document of a contact: names as title (the parts, and the name as shown
    when it is written joined: :func:`~accountdesk.core.db.fts.name_title`); e-mails, phones
    (their digits with and without the country code:
    :func:`phone_words`) and the rest as body."""
    emails = [e["value"] for e in values.get("emails") or ()]
    phones = [p["value"] for p in values.get("phones") or ()]
    body = _joined(
        *emails,
        *(word for p in phones for word in phone_words(p)),
        values.get("city"),
        values.get("job_title"),
        *tags,
        values.get("personal_notes"),
        values.get("how_we_met"),
    )
    title = name_title(
        values["given_name"], values.get("family_name") or "", values.get("name_order") or ""
    )
    return Document(values["id"], "contact", title, _folded_body(body))
