"""Validation at the service boundary: text no field stores, zones that are no place, consent
dates in the wrong order, letters in phone numbers; each refusal names field, value, reason."""

from __future__ import annotations

from datetime import date

import pytest

from accountdesk.core import validation as v
from accountdesk.core.db.engine import Database
from accountdesk.core.records import (
    AccountInput,
    ContactInput,
    ImportantDateInput,
    clean_account,
    clean_contact,
    clean_important_date,
    clean_tags,
)
from accountdesk.core.services.accounts import create_account, create_contact
from accountdesk.core.validation import ValidationError


def _contact(**kw: object) -> ContactInput:
    data: dict[str, object] = {
        "account_id": "a",
        "given_name": "Ilze",
        "country": "LV",
        "timezone": "Europe/Riga",
        **kw,
    }
    return ContactInput(**data)  # type: ignore[arg-type]


def _account(**kw: object) -> AccountInput:
    data: dict[str, object] = {"name": "Dzintars", "country": "LV", **kw}
    return AccountInput(**data)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "shown", "reason"),
    [
        ("Ac\x00me", "Ac\\u0000me", "control character (U+0000)"),
        ("Ac\x1bme", "Ac\\u001bme", "control character (U+001B)"),
        ("Ac\x7fme", "Ac\\u007fme", "control character (U+007F)"),
        ("Ac\x85me", "Ac\\u0085me", "control character (U+0085)"),
        ("Acme\nLtd", "Acme\\u000aLtd", "single line"),
        ("Acme\rLtd", "Acme\\u000dLtd", "single line"),
        ("Acme\tLtd", "Acme\\u0009Ltd", "control character (U+0009)"),
        ("Acme\u2028Ltd", "Acme\\u2028Ltd", "single line"),
        ("Ac\ud800me", "Ac\\ud800me", "broken character (U+D800"),
        ("Ac\udfffme", "Ac\\udfffme", "broken character (U+DFFF"),
        ("\u202eemca", "\\u202eemca", "direction control character (U+202E)"),
        ("Acme\u202a", "Acme\\u202a", "direction control character (U+202A)"),
        ("Ac\u2066me\u2069", "Ac\\u2066me\\u2069", "(U+2066)"),
        ("\u200b", "\\u200b", "only invisible characters"),
        ("\u200c\u200d", "\\u200c\\u200d", "only invisible characters"),
        ("\ufeff", "\\ufeff", "only invisible characters"),
        ("\u200b \u200b", "\\u200b \\u200b", "only invisible characters"),
    ],
)
def test_names_refuse_hidden_characters_and_show_them_escaped(
    value: str, shown: str, reason: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_account(_account(name=value))
    error = caught.value
    assert error.key == "name"
    assert error.field == "Name"
    assert reason in error.reason
    assert f"\u201c{shown}\u201d" in error.message
    # The message can be written anywhere: no surrogate or control character is left in it.
    error.message.encode("utf-8")
    assert not any(ch < " " for ch in error.message)


@pytest.mark.parametrize("key", ["given_name", "family_name", "job_title", "city", "honorific"])
def test_every_contact_text_field_refuses_a_nul(key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_contact(_contact(**{key: "x\x00y"}))
    assert caught.value.key == key
    assert "U+0000" in caught.value.reason


def test_multi_line_fields_keep_line_breaks_and_tabs_but_no_other_control_characters() -> None:
    values = clean_contact(
        _contact(personal_notes="Likes tea\r\n\tgreen\rno sugar", how_we_met="Fair\n2024")
    )
    assert values["personal_notes"] == "Likes tea\n\tgreen\nno sugar"
    assert values["how_we_met"] == "Fair\n2024"
    account = clean_account(_account(address="Brīvības 1\nRīga", notes="a\u2029b\tc"))
    assert account["address"] == "Brīvības 1\nRīga"
    assert account["notes"] == "a\u2029b\tc"
    with pytest.raises(ValidationError) as caught:
        clean_account(_account(notes="line\x0bvertical tab"))
    assert caught.value.key == "notes" and "U+000B" in caught.value.reason
    with pytest.raises(ValidationError) as caught:
        clean_contact(_contact(personal_notes="ok\n\u202edisguised"))
    assert caught.value.key == "personal_notes"


def test_text_that_needs_invisible_joiners_is_accepted() -> None:
    # Persian uses the zero-width non-joiner inside words; emoji sequences use the joiner.
    values = clean_account(_account(name="می\u200cخواهم 👩\u200d💻", notes="שלום عربي ไทย"))
    assert values["name"] == "می\u200cخواهم 👩\u200d💻"


def test_maximum_lengths_are_explicit_and_enforced() -> None:
    limit = v.MAX_LENGTHS["name"]
    assert clean_account(_account(name="x" * limit))["name"] == "x" * limit
    with pytest.raises(ValidationError, match=f"longer than {limit} characters"):
        clean_account(_account(name="x" * (limit + 1)))
    notes = v.MAX_LENGTHS["notes"]
    assert notes > 131_072  # longer than the csv module's default cell limit
    assert len(clean_account(_account(notes="n" * notes))["notes"]) == notes
    with pytest.raises(ValidationError) as caught:
        clean_account(_account(notes="n" * (notes + 1)))
    assert caught.value.key == "notes"
    assert len(caught.value.message) < 200  # the value is shown as an excerpt


def test_a_long_value_is_shown_around_the_bad_character() -> None:
    with pytest.raises(ValidationError) as caught:
        clean_account(_account(notes="a" * 5000 + "\x00" + "b" * 5000))
    message = caught.value.message
    assert message.startswith("Notes \u201c…aaaa")
    assert "aaaa\\u0000bbbb" in message
    assert "bbbb…\u201d" in message
    assert len(message) < 120


@pytest.mark.parametrize(
    "zone", ["localtime", "Factory", "factory", "posixrules", "posix/Europe/Riga", "right/UTC"]
)
def test_pseudo_zones_are_refused_for_contacts_and_accounts(zone: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_contact(_contact(timezone=zone))
    assert caught.value.key == "timezone"
    assert "place's time zone" in caught.value.reason
    with pytest.raises(ValidationError, match="place's time zone"):
        clean_account(_account(timezone=zone))


@pytest.mark.parametrize("zone", ["Europe/Riga", "Asia/Tehran", "UTC", "Etc/GMT-3"])
def test_real_zones_are_accepted(zone: str) -> None:
    assert clean_contact(_contact(timezone=zone))["timezone"] == zone


def test_consent_withdrawn_before_it_was_given_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        clean_contact(_contact(consent_given_on="2025-03-10", consent_withdrawn_on="2025-03-09"))
    error = caught.value
    assert error.key == "consent_withdrawn_on"
    assert error.field == "Consent withdrawn on"
    assert "before the consent was given" in error.reason
    values = clean_contact(
        _contact(consent_given_on="2025-03-10", consent_withdrawn_on="2025-03-10")
    )
    assert values["consent_withdrawn_on"] == date(2025, 3, 10)
    # Withdrawn with no date of consent on record is a fact worth keeping.
    assert clean_contact(_contact(consent_withdrawn_on="2025-01-01"))["consent_given_on"] is None


def test_marketing_is_refused_once_consent_is_withdrawn() -> None:
    """A list of people to mail picked by the opt-in included people who had withdrawn
    their consent: the opt-in is refused while the withdrawal stands, and says what to do."""
    with pytest.raises(ValidationError) as caught:
        clean_contact(
            _contact(
                lawful_basis="consent", consent_given_on="2026-01-01",
                consent_withdrawn_on="2026-02-01", marketing_opt_in=True,
            )
        )  # fmt: skip
    error = caught.value
    assert (error.key, error.field) == ("marketing_opt_in", "Marketing")
    assert str(error).startswith("Marketing: is on although consent was withdrawn on 1 Feb 2026;")
    assert "turn it off" in error.reason
    kept = clean_contact(_contact(consent_withdrawn_on="2026-02-01", marketing_opt_in=False))
    assert kept["marketing_opt_in"] is False
    assert clean_contact(_contact(marketing_opt_in=True))["marketing_opt_in"] is True


@pytest.mark.parametrize("number", ["+1-800-FLOWERS", "2612 3456 ext. 12", "26l23456", "2612345б"])
def test_letters_in_phone_numbers_are_refused(number: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_contact(_contact(phones=[number]))
    assert caught.value.key == "phone"
    assert "letters" in caught.value.reason
    assert number in caught.value.message


def test_a_phone_with_a_label_and_digits_is_fine() -> None:
    values = clean_contact(_contact(phones=["mobile:+371 2612 3456", ("home", "26123457")]))
    assert values["phones"] == [
        {"label": "mobile", "value": "+37126123456"},
        {"label": "home", "value": "+37126123457"},
    ]


@pytest.mark.parametrize("label", ["=cmd", "my phone", "a;b", ""])
def test_labels_of_addresses_and_numbers_are_one_word(label: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_contact(_contact(emails=[(label or " ", "ilze@example.lv")]))
    if label:
        assert caught.value.key == "email"
        assert "one word of letters" in caught.value.reason


def test_control_characters_in_e_mail_addresses_are_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        clean_contact(_contact(emails=["il\x00ze@example.lv"]))
    assert caught.value.key == "email" and "U+0000" in caught.value.reason


def test_tags_refuse_separators_and_hidden_characters() -> None:
    assert clean_tags([" key  account ", "Key Account", "=SUM(1)"]) == ["key account", "=SUM(1)"]
    for bad in ("a;b", "a,b", "a\x00b", "\u202eevil", "\u200b", "x" * 81):
        with pytest.raises(ValidationError) as caught:
            clean_tags([bad])
        assert caught.value.key == "tags"
    with pytest.raises(ValidationError, match="at most 100"):
        clean_tags([f"t{i}" for i in range(101)])


def test_important_date_labels_are_one_line_without_the_csv_marks() -> None:
    for bad in ("a;b", "line\nbreak", "later !noremind"):
        with pytest.raises(ValidationError) as caught:
            clean_important_date(ImportantDateInput("custom", 3, 8, label=bad))
        assert caught.value.key == "important_dates"
    label = clean_important_date(ImportantDateInput("custom", 3, 8, label="!noremind here"))
    assert label["label"] == "!noremind here"


def test_an_accepted_contact_is_stored_and_a_refused_one_writes_nothing(db: Database) -> None:
    account_id = create_account(db, _account())
    with pytest.raises(ValidationError):
        create_contact(db, _contact(account_id=account_id, given_name="Il\ud83dze"))
    contact_id = create_contact(db, _contact(account_id=account_id, given_name="Ilze 👩\u200d💻"))
    assert contact_id


def test_printable_escapes_only_what_cannot_be_seen() -> None:
    assert v.printable("Bērziņa مریم") == "Bērziņa مریم"
    assert v.printable("a\x00b\u202ec\ud800") == "a\\u0000b\\u202ec\\ud800"
    assert v.printable("می\u200cخواهم") == "می\u200cخواهم"
    assert v.printable("\u200c") == "\\u200c"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("posixrules", "place's time zone"),
        ("right/Europe/Riga", "place's time zone"),
        ("Europe/Riga\x00", "IANA time zone"),
    ],
)
def test_the_users_own_zone_setting_uses_the_same_zone_rule(
    db: Database, text: str, reason: str
) -> None:
    from accountdesk.core import settings

    with pytest.raises(settings.SettingError) as caught:
        settings.put(db, "user.zone", text)
    assert caught.value.key == "user.zone"
    assert reason in caught.value.reason
    assert v.printable(text) in caught.value.message
    assert settings.get(db, "user.zone") is None


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("latvija", "LV"),
        ("ประเทศไทย", "TH"),
        ("ایران", "IR"),
        ("Slovenija", "SI"),
        ("lv", "LV"),
        ("TUR", "TR"),
    ],
)
def test_a_country_may_be_written_as_people_write_it(written: str, code: str) -> None:
    assert v.country(written) == code


def test_a_name_that_is_no_country_is_refused_with_the_value() -> None:
    with pytest.raises(ValidationError, match="Narnia"):
        v.country("Narnia")


def test_a_stored_phone_number_is_shown_grouped_as_its_country_writes_it() -> None:
    from accountdesk.core.validation import phone, phone_shown

    assert phone_shown(phone("26 123 456", "LV")) == "+371 26 123 456"
    assert phone_shown(phone("0912 123 4567", "IR")) == "+98 912 123 4567"
    assert phone_shown(phone("081 234 5678", "TH")) == "+66 81 234 5678"
    assert phone_shown(phone("0532 123 45 67", "TR")) == "+90 532 123 45 67"
    # what is not a number is shown as stored, not dropped
    assert phone_shown("ask reception") == "ask reception"
    assert phone_shown("12345") == "12345"


@pytest.mark.parametrize("code", ["XXX", "xts", "XAU", "XDR", "CLF", "BOV"])
def test_a_code_that_is_not_money_one_holds_is_refused(code: str) -> None:
    """ISO 4217 also codes no currency (XXX), tests (XTS), precious metals (XAU), units of
    account (XDR, CLF) and funds (BOV): none is a currency an amount or a report is in."""
    with pytest.raises(v.ValidationError) as raised:
        v.currency(code)
    assert str(raised.value) == (
        f"Currency “{code}”: is an ISO 4217 code for something other than money (the code for "
        "no currency, a test code, a precious metal, a fund or a unit used only in bookkeeping); "
        "write a currency such as EUR"
    )


@pytest.mark.parametrize("code", ["EUR", "xof", "XAF", "XCD", "XPF", "DEM", "IRR"])
def test_currencies_of_countries_are_accepted_now_or_once(code: str) -> None:
    assert v.currency(code) == code.upper()
