"""Translated labels for the core's enumerations (stored values are English keys)."""

from __future__ import annotations

from collections.abc import Iterable

from accountdesk.core import icu
from accountdesk.core.db.fts import fold
from accountdesk.core.i18n import N_, _

#: The usual tiers (the stay-in-touch cadences know them); any other tier a user types is shown
#: as typed. A tier is one segment whatever its case or accents ("Gold", as other products'
#: exports write it, is the tier "gold"): :func:`folded_key`.
TIER = {"gold": N_("Gold"), "silver": N_("Silver"), "bronze": N_("Bronze")}
STATUS = {"prospect": N_("Prospect"), "active": N_("Active"), "lost": N_("Lost")}
CHANNEL = {
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "video": N_("Video call"),
    "messaging": N_("Messaging"),
    "in_person": N_("In person"),
}
BUYING_ROLE = {
    "decision_maker": N_("Decision maker"),
    "influencer": N_("Influencer"),
    "champion": N_("Champion"),
    "gatekeeper": N_("Gatekeeper"),
    "user": N_("User"),
}
FORMALITY = {"formal": N_("Formal"), "informal": N_("Informal")}
NAME_ORDER = {"given_first": N_("Given name first"), "family_first": N_("Family name first")}
LAWFUL_BASIS = {
    "consent": N_("Consent"),
    "contract": N_("Contract"),
    "legal_obligation": N_("Legal obligation"),
    "vital_interests": N_("Vital interests"),
    "public_task": N_("Public task"),
    "legitimate_interests": N_("Legitimate interests"),
}
INTERACTION_KIND = {
    "call": N_("Call"),
    "meeting": N_("Meeting"),
    "visit": N_("Visit"),
    "email": N_("E-mail"),
    "message": N_("Message"),
}
DATE_KIND = {
    "birthday": N_("Birthday"),
    "work_anniversary": N_("Work anniversary"),
    "custom": N_("Other date"),
}
DEAL_STATUS = {"open": N_("Open"), "won": N_("Won"), "lost": N_("Lost")}
#: The labels offered for e-mail addresses and phone numbers (stored as these words; a label
#: of the user's own is stored and shown as written).
LIST_LABEL = {"work": N_("work"), "home": N_("home"), "mobile": N_("mobile"), "other": N_("other")}
#: Where an open deal stands, in the order a deal moves through them.
DEAL_STAGE = {
    "lead": N_("Lead"),
    "qualified": N_("Qualified"),
    "proposal": N_("Proposal sent"),
    "negotiation": N_("Negotiation"),
}
SURVEY_KIND = {"nps": N_("NPS"), "csat": N_("CSAT")}
GIFT_DIRECTION = {"given": N_("Given"), "received": N_("Received")}
#: a follow-up's status (the Follow-ups screen's own filter names them alike)
FOLLOW_UP_STATUS = {"open": N_("Open"), "done": N_("Done")}
SENTIMENT = {"positive": N_("Positive"), "neutral": N_("Neutral"), "negative": N_("Negative")}


def folded_key(value: str) -> str:
    """How a stored key or a tier is compared: folded as search folds text (case and accents
    ignored, :func:`accountdesk.core.db.fts.fold`), so "Gold", "GOLD" and "gold" are one tier,
    grouped once and selected together (the reports' segments)."""
    return fold(value.strip())


def tier_spellings_among(stored: Iterable[str], tier: str) -> list[str]:
    """Every spelling of the tier ``tier`` among the ``stored`` tiers ("Gold", "gold": one
    tier, :func:`folded_key`), or ``tier`` itself when none is stored. Compared in Python, as
    SQL cannot fold alike on SQLite and PostgreSQL: the reports' segments and the lists' tier
    filter select the accounts with one of these."""
    wanted = folded_key(tier)
    return [v for v in stored if folded_key(v) == wanted] or [tier]


def tier_choices(stored: Iterable[str]) -> list[str]:
    """The tiers to choose from among the ``stored`` ones: one per tier whatever its case
    (:func:`folded_key`; its key when that is stored, "gold", else its first spelling in
    code-point order), in the order of their translated labels (:func:`label`) in the user's
    language. The Reports screen's segments and the lists' tier filter offer these."""
    tiers: dict[str, str] = {}
    for value in sorted(stored, key=lambda v: (v != canonical(TIER, v), v)):
        tiers.setdefault(folded_key(value), value)
    return icu.sorted_by(tiers.values(), lambda tier: label(TIER, tier))


def canonical(table: dict[str, str], value: str | None) -> str | None:
    """``value`` as the key of ``table`` it names whatever its case ("Gold": "gold"), else as
    written."""
    if not value:
        return value
    folded = folded_key(value)
    return folded if folded in table else value


def label(table: dict[str, str], key: str | None) -> str:
    """The translated label of ``key``, whatever its case ("Gold" is the tier "gold"); the
    key itself when it is not in ``table``."""
    if not key:
        return ""
    found = table.get(key) or table.get(folded_key(key))
    return _(found) if found else key
