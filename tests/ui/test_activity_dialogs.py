"""The account's editing dialogs as a user meets them.

- An interaction's time: left as it was, the instant stored is kept (the second 03:30 of the
  night Riga's clocks go back was saved an hour earlier when only the subject changed); a time
  typed in a DST gap or overlap is explained under the field, with the rule applied, before
  it is saved (it was saved moved, with nothing said).
- A survey answer and a gift can be about one of the account's people: a detractor's score
  recorded in the app asks for a call (the stay-in-touch rule reads only answers about a
  person, and the dialog had no way to name one).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QComboBox, QLabel

from accountdesk.core import i18n
from accountdesk.core.clock import fixed_clock
from accountdesk.core.db.engine import Database
from accountdesk.core.queries.details import account_detail
from accountdesk.core.records import AccountInput
from accountdesk.core.services import activity
from accountdesk.core.services.accounts import contact_for_edit, create_account, update_contact
from accountdesk.core.services.activity import GiftInput, InteractionInput, SurveyInput
from accountdesk.core.services.followups import raise_stay_in_touch
from accountdesk.core.timekeeping.zones import resolve_wall_time
from people import person_at


def add_account(db: Database, name: str = "Baltic Timber") -> str:
    return create_account(db, AccountInput(name, "LV", timezone="Europe/Riga", city="Riga"))


def add_contact(db: Database, account: str, given: str = "Anna", family: str = "Ozola") -> str:
    return person_at(db, account, given, family, country="LV", zone="Europe/Riga")


#: The second 03:30 in Riga on 27 October 2024 (the clocks went back at 04:00 EEST).
SECOND_HALF_PAST_THREE = datetime(2024, 10, 27, 1, 30, tzinfo=UTC)


def _interaction_dialog(ctx: object, db: Database, when: datetime) -> tuple[object, str, str]:
    from accountdesk.ui.activity import InteractionDialog

    account = add_account(db)
    anna = add_contact(db, account)
    activity.log_interaction(
        db,
        InteractionInput(
            "call", when, [anna], occurred_zone="Europe/Riga", subject="Autumn prices"
        ),
    )
    item = account_detail(db, account).interactions[0]
    return InteractionDialog(ctx, account, item), account, item.id  # type: ignore[arg-type]


def test_an_edit_that_leaves_the_time_keeps_the_instant_stored(ctx: object, db: Database) -> None:
    dialog, account, _id = _interaction_dialog(ctx, db, SECOND_HALF_PAST_THREE)
    assert dialog.text("occurred_at").endswith("03:30")  # type: ignore[attr-defined]
    dialog.fields["subject"].setText("Autumn prices, agreed")  # type: ignore[attr-defined]
    dialog.save()  # type: ignore[attr-defined]
    stored = account_detail(db, account).interactions[0]
    assert stored.subject == "Autumn prices, agreed"
    assert stored.occurred_at == SECOND_HALF_PAST_THREE  # was 00:30 UTC: the first 03:30
    assert not dialog.time_note.isVisibleTo(dialog)  # type: ignore[attr-defined]
    dialog.deleteLater()  # type: ignore[attr-defined]


def test_a_time_in_the_gap_is_explained_before_it_is_saved(ctx: object, db: Database) -> None:
    dialog, account, _id = _interaction_dialog(ctx, db, datetime(2025, 3, 28, 9, tzinfo=UTC))
    note = dialog.time_note  # type: ignore[attr-defined]
    typed = i18n.format_datetime_input(datetime(2025, 3, 30, 3, 30))
    dialog.fields["occurred_at"].setText(typed)  # type: ignore[attr-defined]
    expected = resolve_wall_time(datetime(2025, 3, 30, 3, 30), "Europe/Riga")
    assert expected.kind == "gap" and expected.message
    assert note.isVisibleTo(dialog) and expected.message in note.text()
    dialog.save()  # type: ignore[attr-defined]
    assert account_detail(db, account).interactions[0].occurred_at == expected.instant
    # back to an ordinary time, the note goes
    dialog.fields["occurred_at"].setText(  # type: ignore[attr-defined]
        i18n.format_datetime_input(datetime(2025, 3, 30, 10, 0))
    )
    assert not note.isVisibleTo(dialog) and note.text() == ""
    dialog.deleteLater()  # type: ignore[attr-defined]


def test_a_time_typed_twice_over_says_which_is_used(ctx: object, db: Database) -> None:
    dialog, account, _id = _interaction_dialog(ctx, db, datetime(2024, 10, 20, 9, tzinfo=UTC))
    dialog.fields["occurred_at"].setText(  # type: ignore[attr-defined]
        i18n.format_datetime_input(datetime(2024, 10, 27, 3, 30))
    )
    expected = resolve_wall_time(datetime(2024, 10, 27, 3, 30), "Europe/Riga")
    assert expected.kind == "overlap" and expected.message
    assert expected.message in dialog.time_note.text()  # type: ignore[attr-defined]
    dialog.save()  # type: ignore[attr-defined]
    assert account_detail(db, account).interactions[0].occurred_at == expected.instant
    dialog.deleteLater()  # type: ignore[attr-defined]


def test_a_changed_zone_reads_the_time_there(ctx: object, db: Database) -> None:
    from accountdesk.ui.forms import set_combo

    dialog, account, _id = _interaction_dialog(ctx, db, datetime(2025, 5, 5, 7, tzinfo=UTC))
    assert dialog.text("occurred_at").endswith("10:00")  # type: ignore[attr-defined]
    set_combo(dialog.fields["timezone"], "Asia/Bangkok")  # type: ignore[attr-defined]
    dialog.save()  # type: ignore[attr-defined]
    stored = account_detail(db, account).interactions[0]
    assert stored.occurred_at == datetime(2025, 5, 5, 3, tzinfo=UTC)  # 10:00 in Bangkok


def _people_box(dialog: object) -> QComboBox:
    box = dialog.fields["contact"]  # type: ignore[attr-defined]
    assert isinstance(box, QComboBox)
    return box


def test_a_detractors_answer_about_a_person_asks_for_a_call(ctx: object, db: Database) -> None:
    from accountdesk.ui.activity import SurveyDialog
    from accountdesk.ui.forms import set_combo

    account = add_account(db)
    anna = add_contact(db, account)
    peteris = add_contact(db, account, "Pēteris", "Bērziņš")
    people = account_detail(db, account).contacts
    dialog = SurveyDialog(ctx, account, people=people)  # type: ignore[arg-type]
    box = _people_box(dialog)
    # "the account as a whole" first, then the account's people as its Contacts tab lists them
    assert [box.itemData(i) for i in range(box.count())] == ["", peteris, anna]
    assert box.itemText(1) == "Pēteris Bērziņš"
    set_combo(box, peteris)
    dialog.fields["score"].setText("2")  # type: ignore[union-attr]
    # answered today by the clock the stay-in-touch rule runs on below: an answer older than
    # a year sets no cadence (the dialog's own today is the tests' fixed March 2025)
    dialog.set_text("date", datetime.now(UTC).date())
    dialog.save()
    assert account_detail(db, account).surveys[0].contact_id == peteris
    later = fixed_clock(datetime.now(UTC) + timedelta(days=3))
    raised = raise_stay_in_touch(db, clock=later, user_zone="Europe/Riga")
    with db.reader() as session:
        from accountdesk.core.db.models import FollowUp

        about = {session.get(FollowUp, id_).contact_id for id_ in raised}  # type: ignore[union-attr]
    assert about == {peteris}  # Anna has no cadence: no tier, no answer
    dialog.deleteLater()


def test_an_answer_keeps_its_person_when_edited(ctx: object, db: Database) -> None:
    from accountdesk.ui.activity import GiftDialog, SurveyDialog

    account = add_account(db)
    anna = add_contact(db, account)
    activity.save_survey(db, SurveyInput(account, "nps", 9, "2025-03-01", anna))
    activity.save_gift(db, GiftInput(account, "given", "Amber", "2025-03-01", anna))
    detail = account_detail(db, account)
    survey = SurveyDialog(ctx, account, detail.surveys[0], people=detail.contacts)  # type: ignore[arg-type]
    gift = GiftDialog(ctx, account, detail.gifts[0], people=detail.contacts)  # type: ignore[arg-type]
    for dialog in (survey, gift):
        assert dialog.text("contact") == anna
        assert not dialog.is_dirty()
        dialog.save()
    detail = account_detail(db, account)
    assert detail.surveys[0].contact_id == anna and detail.gifts[0].contact_id == anna
    survey.deleteLater()
    gift.deleteLater()


def test_someone_no_longer_at_the_account_is_kept(ctx: object, db: Database) -> None:
    """An answer about a person who has moved on is shown as such and saved as recorded, not
    quietly made the whole account's."""
    from accountdesk.ui.activity import SurveyDialog

    account = add_account(db)
    other = add_contact(db, account)
    activity.save_survey(db, SurveyInput(account, "csat", 4, "2025-03-01", other))
    moved = contact_for_edit(db, other)  # then moved to another account
    update_contact(db, other, replace(moved.data, account_id=add_account(db, "Elsewhere SIA")))
    detail = account_detail(db, account)
    dialog = SurveyDialog(ctx, account, detail.surveys[0], people=detail.contacts)  # type: ignore[arg-type]
    assert dialog.text("contact") == other
    dialog.fields["comment"].setPlainText("Fine")  # type: ignore[union-attr]
    dialog.save()
    assert account_detail(db, account).surveys[0].contact_id == other
    dialog.deleteLater()


def test_whom_an_interaction_was_with_is_put_right(ctx: object, db: Database) -> None:
    """A call logged against the wrong person was put right only by deleting it and logging
    it again: the dialog now ticks the account's people it was with."""
    from accountdesk.ui.activity import InteractionDialog
    from accountdesk.ui.forms import ChoiceList

    account = add_account(db)
    anna = add_contact(db, account)
    peteris = add_contact(db, account, "Pēteris", "Bērziņš")
    activity.log_interaction(
        db, InteractionInput("call", datetime(2025, 3, 10, 9, tzinfo=UTC), [anna], subject="Q")
    )
    detail = account_detail(db, account)
    dialog = InteractionDialog(ctx, account, detail.interactions[0], people=detail.contacts)  # type: ignore[arg-type]
    box = dialog.fields["with"]
    assert isinstance(box, ChoiceList)
    assert box.keys() == (anna,) and not dialog.is_dirty()
    box.set_keys([peteris, anna])
    assert dialog.is_dirty()
    dialog.save()
    stored = account_detail(db, account).interactions[0]
    assert set(stored.participant_ids) == {anna, peteris}
    dialog.deleteLater()
    detail = account_detail(db, account)
    again = InteractionDialog(ctx, account, detail.interactions[0], people=detail.contacts)  # type: ignore[arg-type]
    # SPEC: an interaction is with one or more contacts; unticking everyone is refused, said
    # under the field (it was saved with nobody and no longer showed on anyone's page)
    again.fields["with"].set_keys([])  # type: ignore[union-attr]
    assert not again.try_save()
    error = again.errors["with"]
    assert error.isVisibleTo(again) and error.text() == "Choose at least one person it was with"
    assert set(account_detail(db, account).interactions[0].participant_ids) == {anna, peteris}
    again.deleteLater()


def test_an_interaction_stored_with_nobody_is_edited_without_choosing_one(
    ctx: object, db: Database
) -> None:
    """One stored with nobody (an older import's) is saved with nobody when an edit leaves it
    so: the user is not made to invent whom it was with to correct its subject."""
    from accountdesk.core.validation import keeping
    from accountdesk.ui.activity import InteractionDialog

    account = add_account(db)
    anna = add_contact(db, account)
    with keeping(from_file=True):  # as an import of an older file wrote it
        activity.log_interaction(
            db,
            InteractionInput(
                "call", datetime(2025, 3, 10, 9, tzinfo=UTC), account_id=account, subject="Q"
            ),
        )
    detail = account_detail(db, account)
    assert detail.interactions[0].participant_ids == ()
    dialog = InteractionDialog(ctx, account, detail.interactions[0], people=detail.contacts)  # type: ignore[arg-type]
    dialog.fields["subject"].setText("Q2 prices")  # type: ignore[union-attr]
    assert dialog.try_save()
    stored = account_detail(db, account).interactions[0]
    assert (stored.subject, stored.participant_ids) == ("Q2 prices", ())
    dialog.deleteLater()
    again = InteractionDialog(ctx, account, stored, people=detail.contacts)  # type: ignore[arg-type]
    again.fields["with"].set_keys([anna])  # type: ignore[union-attr]  # or someone chosen
    assert again.try_save()
    assert account_detail(db, account).interactions[0].participant_ids == (anna,)
    again.deleteLater()


def test_someone_it_was_with_who_moved_on_is_kept(ctx: object, db: Database) -> None:
    from accountdesk.ui.activity import InteractionDialog

    account = add_account(db)
    other = add_contact(db, add_account(db, "Elsewhere SIA"))
    activity.log_interaction(
        db,
        InteractionInput(
            "meeting", datetime(2025, 3, 10, 9, tzinfo=UTC), [other], account_id=account
        ),
    )
    detail = account_detail(db, account)
    dialog = InteractionDialog(ctx, account, detail.interactions[0], people=detail.contacts)  # type: ignore[arg-type]
    assert dialog.text("with") == other
    dialog.fields["subject"].setText("Visit")  # type: ignore[union-attr]
    dialog.save()
    assert account_detail(db, account).interactions[0].participant_ids == (other,)
    dialog.deleteLater()


def test_duration_and_sentiment_are_edited_and_shown(ctx: object, db: Database) -> None:
    """An interaction's duration and sentiment were stored but could be neither edited nor
    seen: the dialog edits both, the account's list shows the sentiment."""
    from accountdesk.ui.activity import InteractionDialog
    from accountdesk.ui.forms import FormDialog

    dialog, account, _id = _interaction_dialog(ctx, db, datetime(2025, 3, 10, 9, tzinfo=UTC))
    assert isinstance(dialog, FormDialog)
    assert dialog.text("duration") == "" and dialog.text("sentiment") == ""
    dialog.fields["duration"].setText("45")  # type: ignore[union-attr]
    dialog.set_text("sentiment", "negative")
    dialog.save()
    stored = account_detail(db, account).interactions[0]
    assert (stored.duration_minutes, stored.sentiment) == (45, "negative")
    dialog.deleteLater()
    again = InteractionDialog(ctx, account, stored)  # type: ignore[arg-type]
    assert again.text("duration") == "45" and again.text("sentiment") == "negative"
    again.fields["duration"].setText("")  # type: ignore[union-attr]
    again.set_text("sentiment", "")
    again.save()
    stored = account_detail(db, account).interactions[0]
    assert (stored.duration_minutes, stored.sentiment) == (None, None)
    again.deleteLater()


@pytest.mark.parametrize(
    ("typed", "reason"),
    [("-5", "must be between 0 and 1,440"), ("1441", "must be between 0 and 1,440"),
     ("an hour", "is not a whole number")],
)  # fmt: skip
def test_a_duration_out_of_reason_is_refused_at_its_field(
    ctx: object, db: Database, typed: str, reason: str
) -> None:
    from accountdesk.core.validation import ValidationError

    dialog, account, _id = _interaction_dialog(ctx, db, datetime(2025, 3, 10, 9, tzinfo=UTC))
    dialog.fields["duration"].setText(typed)  # type: ignore[attr-defined]
    with pytest.raises(ValidationError) as error:
        dialog.save()  # type: ignore[attr-defined]
    assert str(error.value) == f"Duration \u201c{typed}\u201d: {reason}"
    assert account_detail(db, account).interactions[0].duration_minutes is None
    dialog.deleteLater()  # type: ignore[attr-defined]


def test_a_stored_duration_longer_than_a_day_is_kept_by_an_edit(ctx: object, db: Database) -> None:
    """A two-day workshop read from a file keeps its duration when its subject is edited."""
    from accountdesk.core.validation import keeping
    from accountdesk.ui.activity import InteractionDialog

    account = add_account(db)
    anna = add_contact(db, account)
    with keeping(from_file=True):
        activity.log_interaction(
            db,
            InteractionInput(
                "meeting", datetime(2025, 3, 10, 9, tzinfo=UTC), [anna], duration_minutes=2880
            ),
        )
    item = account_detail(db, account).interactions[0]
    dialog = InteractionDialog(ctx, account, item)  # type: ignore[arg-type]
    dialog.fields["subject"].setText("Workshop")  # type: ignore[union-attr]
    dialog.save()
    stored = account_detail(db, account).interactions[0]
    assert (stored.subject, stored.duration_minutes) == ("Workshop", 2880)
    dialog.deleteLater()


def test_someone_in_the_trash_it_was_with_is_shown_as_such_and_kept(
    ctx: object, db: Database
) -> None:
    """A person in the trash stays on the interaction: shown ticked as "someone in the trash",
    greyed (not to be chosen or unticked); a typo fixed keeps them, and restoring them shows
    the interaction on their page again. It was dropped, silently, and with nobody else on it
    the edit was refused."""
    from PySide6.QtCore import Qt

    from accountdesk.core.queries.details import contact_detail
    from accountdesk.core.services import trash
    from accountdesk.ui.activity import InteractionDialog
    from accountdesk.ui.forms import ChoiceList

    account = add_account(db)
    anna = add_contact(db, account)
    peteris = add_contact(db, account, "Pēteris", "Bērziņš")
    activity.log_interaction(
        db,
        InteractionInput(
            "visit", datetime(2025, 3, 10, 9, tzinfo=UTC), [anna, peteris], subject="Vist"
        ),
    )
    trash.delete(db, "contact", anna)
    detail = account_detail(db, account)
    assert detail.interactions[0].participant_ids == (peteris,)
    dialog = InteractionDialog(ctx, account, detail.interactions[0], people=detail.contacts)  # type: ignore[arg-type]
    box = dialog.fields["with"]
    assert isinstance(box, ChoiceList)
    assert dialog._shown("with") == "Pēteris Bērziņš, Someone in the trash (kept as recorded)"
    kept = box.item(1)
    assert kept is not None and kept.checkState() == Qt.CheckState.Checked
    assert not kept.flags() & (Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
    box.set_keys([])  # unticking everyone leaves the person in the trash
    assert box.keys() == (anna,)
    box.set_keys([peteris])
    dialog.fields["subject"].setText("Visit")  # type: ignore[union-attr]
    assert dialog.try_save()
    trash.restore(db, "contact", anna)
    stored = account_detail(db, account).interactions[0]
    assert (stored.subject, set(stored.participant_ids)) == ("Visit", {anna, peteris})
    assert [i.subject for i in contact_detail(db, anna).interactions] == ["Visit"]
    dialog.deleteLater()
    # with nobody else on it, the typo is fixed without choosing someone
    trash.delete(db, "contact", anna)
    trash.delete(db, "contact", peteris)
    detail = account_detail(db, account)
    again = InteractionDialog(ctx, account, detail.interactions[0], people=detail.contacts)  # type: ignore[arg-type]
    again.fields["subject"].setText("Site visit")  # type: ignore[union-attr]
    assert again.try_save()
    trash.restore(db, "contact", anna)
    trash.restore(db, "contact", peteris)
    stored = account_detail(db, account).interactions[0]
    assert (stored.subject, set(stored.participant_ids)) == ("Site visit", {anna, peteris})
    again.deleteLater()


def test_the_same_answer_twice_is_refused_under_the_score(ctx: object, db: Database) -> None:
    """Review rev14's 2nd: a second identical answer of the account as a whole counted twice
    in NPS; the dialog says why it is refused, under the score."""
    from accountdesk.ui.activity import SurveyDialog

    account = add_account(db)
    activity.save_survey(db, SurveyInput(account, "nps", 2, "2025-03-01"))
    dialog = SurveyDialog(ctx, account)  # type: ignore[arg-type]
    dialog.set_text("score", "2")
    dialog.set_text("date", "2025-03-01")
    assert not dialog.try_save()
    message = dialog.errors["score"].text()
    assert message.startswith("The same answer is recorded already") and "Baltic Timber" in message
    assert len(account_detail(db, account).surveys) == 1
    dialog.deleteLater()


def test_a_changed_currency_says_under_the_amount_that_it_is_not_converted(
    ctx: object, db: Database, qtbot: object
) -> None:
    """Review rev14's 7th, followed up: 5000 EUR made JPY, a whole number the yen can have,
    was saved as ¥5,000 with nothing said. The deal's and the gift's dialogs say under the
    amount that it is not converted, while the currency is not the stored one."""
    from accountdesk.ui.activity import DealDialog, GiftDialog

    account = add_account(db)
    activity.save_deal(db, activity.DealInput(account, "EU audit", "5000", "EUR", "open"))
    activity.save_gift(
        db, GiftInput(account, "given", "Wine", "2024-12-01", value="40", currency="EUR")
    )
    page = account_detail(db, account)
    deal = DealDialog(ctx, account, page.deals[0])  # type: ignore[arg-type]
    gift = GiftDialog(ctx, account, page.gifts[0])  # type: ignore[arg-type]
    for dialog in (deal, gift):
        qtbot.addWidget(dialog)  # type: ignore[attr-defined]
        note = dialog.findChild(QLabel, "currency_note")
        assert note is not None and not note.isVisibleTo(dialog)  # its own currency
        dialog.set_text("currency", "JPY")
        assert note.isVisibleTo(dialog)
        assert note.text() == "The amount is not converted to the new currency."
        dialog.set_text("currency", " eur ")  # the stored one, as typed
        assert not note.isVisibleTo(dialog)
    new = DealDialog(ctx, account, currency="EUR")  # type: ignore[arg-type]
    qtbot.addWidget(new)  # type: ignore[attr-defined]
    new.set_text("currency", "JPY")
    note = new.findChild(QLabel, "currency_note")
    assert note is None or not note.isVisibleTo(new)  # nothing stored: nothing to convert
