"""Erasing a person keeps the interactions they shared with other people (their records are not
rewritten), whose subject or notes may still name them (QA: "Maryam Zebarjadi asked for
discount" stayed in the database and its backup), and every other record that is not theirs:
accounts, other contacts, notes, follow-ups, deals, gifts … (review finding 4). Before the erase
those records are listed, to edit first; after it, the result says how many still mention them,
in the database and in the cleaned backups."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import Interaction
from accountdesk.core.i18n import use_language
from accountdesk.core.records import AccountInput, ContactInput, ImportantDateInput
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import InteractionInput, log_interaction
from accountdesk.core.services.duplicates import merge
from accountdesk.core.services.privacy import (
    Erasure,
    Mention,
    erase_contact,
    kept_mentions,
    mention_line,
    mentions_notice,
    more_mentions,
)

WHEN = datetime(2026, 5, 4, 21, 30, tzinfo=UTC)  # 5 May in Tehran (UTC+3:30)


def _contact(db: Database, account: str, given: str, family: str, **kw: object) -> str:
    data: dict[str, object] = {
        "account_id": account,
        "given_name": given,
        "family_name": family,
        "country": "IR",
        "timezone": "Asia/Tehran",
        **kw,
    }
    return create_contact(db, ContactInput(**data))  # type: ignore[arg-type]


def _log(
    db: Database, who: list[str], subject: str, notes: str | None = None, days: int = 0
) -> str:
    return log_interaction(
        db,
        InteractionInput(
            kind="call",
            occurred_at=WHEN + timedelta(days=days),
            contact_ids=who,
            subject=subject,
            notes=notes,
        ),
    )


@pytest.fixture
def world(db: Database) -> dict[str, str]:
    account = create_account(
        db, AccountInput(name="Pars Food", country="IR", timezone="Asia/Tehran")
    )
    maryam = _contact(
        db,
        account,
        "Maryam",
        "Zebarjadi",
        emails=["m.z@parsfood.example"],
        phones=["+98 912 345 6789"],
    )
    ali = _contact(db, account, "Ali", "Rahimi")
    return {"account": account, "maryam": maryam, "ali": ali}


def _subjects(mentions: list[Mention]) -> list[str]:
    return [m.subject for m in mentions]


def test_shared_interactions_that_name_them_are_listed_and_counted_after(
    db: Database, world: dict[str, str]
) -> None:
    maryam, ali = world["maryam"], world["ali"]
    both = [maryam, ali]
    _log(db, both, "Maryam Zebarjadi asked for discount")  # the QA case
    _log(db, both, "Price list", "call MARYAM back on Monday", days=1)  # any case
    _log(db, both, "Zebarjadi's order", days=2)  # a name with an ending
    _log(db, both, "Follow-up", "wrote to M.Z@parsfood.example", days=3)  # an e-mail address
    _log(db, both, "Samples", "her mobile: 0912-345 6789", days=4)  # a phone, as Iran writes it
    _log(db, both, "Quarterly review", "Ali presented the figures", days=5)  # not about her
    _log(db, both, "Summary", "the Maryamabad office", days=6)  # a longer word: not her
    _log(db, both, "Visit", "Tamaryam and rezebarjadi", days=7)  # inside a word: not her
    _log(db, [maryam], "Maryam alone", days=8)  # only hers: erased, so not listed
    trashed = _log(db, both, "Thanks", "maryam sent flowers", days=9)
    trash.delete(db, "interaction", trashed)

    found = kept_mentions(db, maryam)
    assert _subjects(found) == [
        "Maryam Zebarjadi asked for discount",
        "Price list",
        "Zebarjadi's order",
        "Follow-up",
        "Samples",
        "Thanks",
    ]
    assert [m.in_trash for m in found] == [False] * 5 + [True]
    assert found[0].occurred_at == WHEN

    erasure = erase_contact(db, maryam)
    assert erasure.mentions_left == 6
    assert erasure.done()[-1] == (
        "6 records were kept and still mention them in their text; edit them if they should not."
    )
    with db.reader() as session:  # the erase itself does not rewrite other people's records
        kept = set(session.scalars(select(Interaction.subject)))
    assert "Maryam Zebarjadi asked for discount" in kept
    assert "Maryam alone" not in kept


def test_names_are_compared_as_the_search_folds_them(db: Database, world: dict[str, str]) -> None:
    account, ali = world["account"], world["ali"]
    zaneta = _contact(db, account, "Žaneta", "Ozoliņa", country="LV", timezone="Europe/Riga")
    persian = _contact(db, account, "مریم", "زبرجدی")
    _log(db, [zaneta, ali], "Met zaneta OZOLINA")
    _log(db, [persian, ali], "تماس با مريم", days=1)  # Arabic yeh, as an Arabic keyboard types
    assert _subjects(kept_mentions(db, zaneta)) == ["Met zaneta OZOLINA"]
    assert _subjects(kept_mentions(db, persian)) == ["تماس با مريم"]


def test_a_short_name_counts_only_as_part_of_the_name_shown(
    db: Database, world: dict[str, str]
) -> None:
    account, ali = world["account"], world["ali"]
    li = _contact(db, account, "Li", "Na", country="CN", timezone="Asia/Shanghai")
    _log(db, [li, ali], "Lisbon trip", "Nana Ltd. invoice, li and na")  # not her name as shown
    _log(db, [li, ali], "Dinner", "LI NA paid", days=1)
    assert _subjects(kept_mentions(db, li)) == ["Dinner"]


def test_a_name_in_a_script_without_spaces_is_found_inside_a_run(
    db: Database, world: dict[str, str]
) -> None:
    account, ali = world["account"], world["ali"]
    taro = _contact(
        db, account, "太郎", "山田", name_order="family_first", country="JP", timezone="Asia/Tokyo"
    )
    somchai = _contact(db, account, "สมชาย", "ใจดี", country="TH", timezone="Asia/Bangkok")
    _log(db, [taro, ali], "会議", "昨日山田太郎さんと話した")
    _log(db, [somchai, ali], "โทร", "คุณสมชายโทรมา", days=1)
    assert _subjects(kept_mentions(db, taro)) == ["会議"]
    assert _subjects(kept_mentions(db, somchai)) == ["โทร"]


def test_a_duplicate_merged_into_them_is_looked_for_too(
    db: Database, world: dict[str, str]
) -> None:
    """The duplicates in the trash that were merged into them are erased with them: their
    spelling of the name is looked for as well, and an interaction only the two of them took
    part in goes."""
    account, maryam, ali = world["account"], world["maryam"], world["ali"]
    other = _contact(db, account, "Mariam", "Zebardjadi")
    _log(db, [other, ali], "Mariam Zebardjadi visited")
    _log(db, [other, maryam], "Zebardjadi and Zebarjadi", days=1)  # both are her
    merge(db, maryam, [other])
    assert _subjects(kept_mentions(db, maryam)) == ["Mariam Zebardjadi visited"]


def test_nothing_to_list_and_nothing_said_when_no_kept_interaction_names_them(
    db: Database, world: dict[str, str]
) -> None:
    _log(db, [world["maryam"], world["ali"]], "Quarterly review")
    assert kept_mentions(db, world["maryam"]) == []
    erasure = erase_contact(db, world["maryam"])
    assert erasure.mentions_left == 0
    assert erasure.done() == ["Maryam Zebarjadi was erased for good."]


def test_what_the_user_reads() -> None:
    mention = Mention("i1", WHEN, "call", "Maryam asked", in_trash=False)
    assert mention_line(mention, "Asia/Tehran") == "5 May 2026: \u2068Maryam asked\u2069"
    assert mention_line(mention, "UTC") == "4 May 2026: \u2068Maryam asked\u2069"
    untitled = Mention("i2", WHEN, "meeting", "", in_trash=True)
    assert mention_line(untitled, "UTC") == "4 May 2026: Meeting (in the trash)"
    assert mentions_notice("Maryam Zebarjadi", 1) == (
        "1 record is kept that mentions Maryam Zebarjadi; edit it first if it should not:"
    )
    assert mentions_notice("Maryam Zebarjadi", 2) == (
        "2 records are kept that mention Maryam Zebarjadi; edit them first if they should not:"
    )
    assert more_mentions(3) == "… and 3 more."
    assert Erasure("Maryam", mentions_left=1).done()[-1] == (
        "1 record was kept and still mentions them in its text; edit it if it should not."
    )
    with use_language("fa"):  # the day in the user's calendar
        assert mention_line(mention, "Asia/Tehran").startswith("۱۵ اردیبهشت ۱۴۰۵")


def test_every_kept_record_that_names_them_is_listed_and_counted_after(
    db: Database, world: dict[str, str]
) -> None:
    """Not only shared interactions: the account's notes, another contact's notes, notes,
    follow-ups, deals, gifts, survey answers, other people's dates, an interaction only someone
    else took part in (review finding 4: the erase said nothing of them)."""
    from accountdesk.core.db.models import Account
    from accountdesk.core.services.activity import (
        DealInput,
        GiftInput,
        SurveyInput,
        save_deal,
        save_gift,
        save_note,
        save_survey,
    )
    from accountdesk.core.services.followups import FollowUpInput, schedule

    account, maryam, ali = world["account"], world["maryam"], world["ali"]
    with db.transaction() as session:
        session.get_one(Account, account).notes = "Decision maker: Maryam Zebarjadi, 0912 345 6789"
    other = create_account(db, AccountInput(name="Zebarjadi Trading", country="IR"))
    neda = _contact(
        db, account, "Neda", "Karimi", personal_notes="Took over from Maryam as buyer",
        important_dates=[ImportantDateInput("custom", 6, 1, label="Maryam's farewell")],
    )  # fmt: skip
    _contact(db, account, "Reza", "Ahmadi", job_title="Assistant to m.z@parsfood.example")
    save_note(db, "Maryam told us about the tender", account_id=account)
    save_note(db, "Ask about Maryam", contact_id=ali)
    save_note(db, "Nothing about her", contact_id=ali)
    save_note(db, "Maryam's own note", contact_id=maryam)  # hers: erased
    schedule(db, FollowUpInput(ali, "Call Ali about Maryam's leave", datetime(2026, 6, 1, 10)))
    schedule(db, FollowUpInput(maryam, "Call Maryam", datetime(2026, 6, 2, 10)))  # hers
    save_deal(db, DealInput(account_id=account, title="Maryam's saffron order", amount="10",
                            currency="EUR"))  # fmt: skip
    save_gift(db, GiftInput(account_id=account, contact_id=ali, direction="given",
                            description="Book", given_on="2026-04-01",
                            notes="the one Maryam recommended"))  # fmt: skip
    save_survey(db, SurveyInput(account_id=account, contact_id=ali, kind="nps", score=9,
                                answered_on="2026-06-01", comment="Maryam was great"))  # fmt: skip
    _log(db, [ali], "Ali on Maryam", "she is on leave, call 0912 345 6789")
    trashed = _log(db, [neda], "Neda", "Maryam Zebarjadi's number", days=1)
    trash.delete(db, "interaction", trashed)

    found = kept_mentions(db, maryam)
    lines = [mention_line(m, "Asia/Tehran") for m in found]
    assert lines == [
        "Account \u2068Pars Food\u2069",
        "Account \u2068Zebarjadi Trading\u2069",
        "Contact \u2068Neda Karimi\u2069",
        "Contact \u2068Reza Ahmadi\u2069",
        "Important date \u2068Maryam's farewell\u2069 of \u2068Neda Karimi\u2069",
        "5 May 2026: \u2068Ali on Maryam\u2069",
        "6 May 2026: \u2068Neda\u2069 (in the trash)",
        "Follow-up \u2068Call Ali about Maryam's leave\u2069",
        "Deal \u2068Maryam's saffron order\u2069",
        "Gift \u2068Book\u2069",
        "Survey answer of 1 Jun 2026 from \u2068Ali Rahimi\u2069",
        lines[11],
        lines[12],
    ]
    assert lines[11].startswith("Note of ") and lines[11].endswith(" on \u2068Pars Food\u2069")
    assert lines[12].endswith(" on \u2068Ali Rahimi\u2069")
    assert other in [m.record_id for m in found] and neda in [m.record_id for m in found]

    erasure = erase_contact(db, maryam)

    assert erasure.mentions_left == len(found) == 13
    assert erasure.done()[-1] == (
        "13 records were kept and still mention them in their text; edit them if they should not."
    )


def test_nothing_is_counted_once_the_records_are_edited(
    db: Database, world: dict[str, str]
) -> None:
    from accountdesk.core.db.models import Account

    account, maryam = world["account"], world["maryam"]
    with db.transaction() as session:
        session.get_one(Account, account).notes = "Ask Maryam"
    assert [m.record for m in kept_mentions(db, maryam)] == ["account"]
    with db.transaction() as session:  # the user edits it first, as the question says
        session.get_one(Account, account).notes = "Ask the buyer"
    assert kept_mentions(db, maryam) == []
    assert erase_contact(db, maryam).mentions_left == 0
