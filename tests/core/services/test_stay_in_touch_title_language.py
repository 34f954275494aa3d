"""A "Stay in touch" follow-up is shown in the language of the day, whatever language it was
raised in (it was stored translated: Persian in an English window, and on a team server the
language of whoever raised it); a title the user wrote over it is theirs, as written."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.db.models import FollowUp
from accountdesk.core.i18n import use_language
from accountdesk.core.queries.details import contact_detail
from accountdesk.core.queries.followups import list_follow_ups, reminded
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.services import followups as fu
from accountdesk.core.services import trash
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.services.activity import InteractionInput, log_interaction
from accountdesk.core.timekeeping.stay_in_touch import STAY_IN_TOUCH

NOW = datetime(2027, 9, 1, 8, tzinfo=UTC)
PERSIAN = "در تماس ماندن"  # the catalog's "Stay in touch"


@pytest.fixture
def anete(db: Database) -> str:
    account = create_account(
        db, AccountInput(name="SIA Ābele", country="LV", timezone="Europe/Riga")
    )
    return create_contact(
        db,
        ContactInput(
            account_id=account, given_name="Anete", family_name="Zariņa", country="LV",
            timezone="Europe/Riga", stay_in_touch_days=30,
        ),
    )  # fmt: skip


def _raised_in(db: Database, contact: str, lang: str) -> str:
    when = datetime(2027, 7, 1, 9, tzinfo=UTC)
    data = InteractionInput(kind="call", occurred_at=when, contact_ids=[contact])
    log_interaction(db, data, fixed_clock(when))
    with use_language(lang):
        [made] = fu.raise_stay_in_touch(db, fixed_clock(NOW), user_zone="Europe/Riga")
    return made


def _titles(db: Database, lang: str, text: str | None = None) -> list[str]:
    with use_language(lang):
        return [r.title for r in list_follow_ups(db, now=NOW, user_zone="UTC", text=text)]


def _stored(db: Database, follow_up: str) -> str:
    with db.reader() as session:
        found = session.get(FollowUp, follow_up)
        assert found is not None
        return found.title


def test_raised_in_persian_it_reads_in_english_and_back(db: Database, anete: str) -> None:
    made = _raised_in(db, anete, "fa")
    assert _titles(db, "en") == ["Stay in touch"]
    assert _titles(db, "fa") == [PERSIAN]
    with use_language("en"):
        assert reminded(db, [made])[made].title == "Stay in touch"
        assert [f.title for f in contact_detail(db, anete).follow_ups] == ["Stay in touch"]
        assert fu.for_edit(db, made).data.title == "Stay in touch"
    trash.delete(db, "follow_up", made)
    with use_language("lv"):
        assert [t.title for t in trash.list_trash(db)] == ["Uzturēt saikni"]


def test_one_stored_in_persian_before_reads_in_english(db: Database, anete: str) -> None:
    """Raised before the title was shown in the language of the day: stored in Persian."""
    made = fu.schedule(
        db,
        fu.FollowUpInput(anete, PERSIAN, datetime(2027, 9, 2, 10), origin=STAY_IN_TOUCH),
    ).id
    assert _titles(db, "en") == ["Stay in touch"]
    assert _titles(db, "lv") == ["Uzturēt saikni"]
    assert _titles(db, "en", text="touch") == ["Stay in touch"]  # found by what is shown
    assert _titles(db, "fa", text="تماس") == [PERSIAN]
    assert _stored(db, made) == PERSIAN  # nothing stored was rewritten


def test_found_by_the_words_it_is_shown_in(db: Database, anete: str) -> None:
    _raised_in(db, anete, "en")
    assert _titles(db, "fa", text="تماس") == [PERSIAN]
    assert _titles(db, "lv", text="saikn") == ["Uzturēt saikni"]


def test_a_title_the_user_wrote_is_kept_as_written(db: Database, anete: str) -> None:
    made = _raised_in(db, anete, "en")
    with use_language("fa"):  # the form as loaded, saved unchanged: nothing stored moves
        loaded = fu.for_edit(db, made)
        fu.edit(
            db, made, title=loaded.data.title, notes="agenda", rrule=None,
            local_due=loaded.data.local_due, expected_version=loaded.version,
        )  # fmt: skip
    assert _stored(db, made) == "Stay in touch"
    assert _titles(db, "lv") == ["Uzturēt saikni"]
    loaded = fu.for_edit(db, made)
    fu.edit(
        db, made, title="Ask about the renewal", notes=None, rrule=None,
        local_due=loaded.data.local_due, expected_version=loaded.version,
    )  # fmt: skip
    assert _titles(db, "fa") == ["Ask about the renewal"]


def test_the_titles_are_read_from_the_catalogs_once_not_for_every_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every raised row went through every UI language's catalog (six language switches, 24 µs
    a row): the titles it may be stored as are read once, the shown one looked up per row."""
    from accountdesk.core import i18n
    from accountdesk.core.timekeeping.stay_in_touch import shown_title

    i18n.reload_catalogs()
    real = i18n._translations
    lookups = 0

    def counted() -> Any:
        nonlocal lookups
        lookups += 1
        return real()

    monkeypatch.setattr(i18n, "_translations", counted)
    rows = 100
    for lang, shown in (("fa", PERSIAN), ("en", "Stay in touch")):
        with use_language(lang):
            assert {shown_title(PERSIAN, STAY_IN_TOUCH) for _row in range(rows)} == {shown}
    assert lookups <= 2 * rows + len(i18n.LANGUAGES)


def test_the_titles_follow_the_catalogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Catalogs compiled again (:func:`i18n.reload_catalogs`) give the titles anew."""
    import gettext
    from functools import cache

    from accountdesk.core import i18n
    from accountdesk.core.timekeeping.stay_in_touch import TITLE, generated_titles, shown_title

    new = "Sazināties ik pa laikam"

    class Catalog(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return new if message == TITLE else message

    real = i18n._catalog
    assert new not in generated_titles()
    try:
        compiled = cache(lambda code: Catalog() if code == "lv" else real(code))
        monkeypatch.setattr(i18n, "_catalog", compiled)
        i18n.reload_catalogs()
        assert new in generated_titles()
        with use_language("en"):
            assert shown_title(new, STAY_IN_TOUCH) == "Stay in touch"
        with use_language("lv"):
            assert shown_title(PERSIAN, STAY_IN_TOUCH) == new
    finally:
        monkeypatch.undo()
        i18n.reload_catalogs()
    assert new not in generated_titles()
