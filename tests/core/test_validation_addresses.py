"""Web and e-mail addresses: a website must be a web address; a refused e-mail address among
several is named in the reason (the field's error label shows only the reason)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from accountdesk.core import i18n
from accountdesk.core import validation as v
from accountdesk.core.bidi import plain
from accountdesk.core.records import AccountInput, ContactInput, clean_account, clean_contact


def _account(website: str) -> dict[str, object]:
    return clean_account(AccountInput("Dzintars", "LV", website=website))


@pytest.mark.parametrize(
    "typed",
    [
        "example.com",
        "www.example.com",
        "https://www.example.com/en/about?x=1#top",
        "HTTP://Example.COM",
        "http://example.com:8080/",
        "koks.example/lv",
        "medium.com/@dzintars",
        "münchen.de",
        "https://ایران.ir",
        "xn--mnchen-3ya.de",
        "https://sub-domain.example.co.uk",
        "http://192.168.1.20/crm",
        # an intranet's own names, said to be addresses by a scheme or a port
        "http://intranet:8080",
        "https://crm/accounts",
        "http://localhost",
        "wiki:8443",
        "http://[2001:db8::1]/",
        "example.com.",
    ],
)
def test_a_web_address_is_kept_as_typed(typed: str) -> None:
    assert _account(f"  {typed} ")["website"] == typed


@pytest.mark.parametrize(
    "typed",
    [
        "not a url",
        "notaurl",
        "localhost",
        "https://",
        "n/a",
        "http://[not-an-address]/",
        "example.com/my page",
        "ftp://example.com",
        "javascript:alert(1)",
        "mailto:ilze@example.lv",
        "ilze@example.lv",
        "https://user@example.com",
        "example.com:port",
        "example.c",
        "example.123",
        "-example-.com",
        "example..com",
    ],
)
def test_text_that_is_no_web_address_is_refused(typed: str) -> None:
    with pytest.raises(v.ValidationError) as caught:
        _account(typed)
    assert caught.value.key == "website"
    assert caught.value.reason == (
        "is not a web address; write it like example.com or https://example.com"
    )
    assert f"“{typed}”" in str(caught.value)


def test_an_empty_website_is_none() -> None:
    assert _account("  ")["website"] is None


def test_a_refused_e_mail_address_among_several_is_named() -> None:
    data = ContactInput(
        "a",
        "Ilze",
        "LV",
        timezone="Europe/Riga",
        emails=["ilze@example.lv", "ilze(at)example.lv", "ilze@home.example"],
    )
    with pytest.raises(v.ValidationError) as caught:
        clean_contact(data)
    error = caught.value
    assert error.key == "email" and error.value == "ilze(at)example.lv"
    assert plain(error.reason) == "“ilze(at)example.lv” is not a valid e-mail address"
    assert error.reason.count("\u2066") == 1  # left to right inside a Persian sentence
    # the message names the address once
    assert plain(str(error)) == "E-mail: “ilze(at)example.lv” is not a valid e-mail address"


def test_the_message_of_a_named_address_starts_with_the_translated_field() -> None:
    with i18n.use_language("lv"), pytest.raises(v.ValidationError) as caught:
        v.email("ilze@x")
    assert "ilze@x" in caught.value.reason
    with i18n.use_language("lv"):
        assert str(caught.value).startswith(v.label("email") + ": ")


def test_a_website_stored_before_the_rule_still_saves_and_imports(
    tmp_path: Path,
) -> None:
    """The field kept any text before it had a rule: an account whose stored website is no web
    address saves while the website is left as it is (a new one typed is checked), and the
    app's own JSON and CSV exports of it import again (a file's website is kept as written)."""
    from sqlalchemy import text

    from accountdesk.core.db.engine import open_database
    from accountdesk.core.io.csv_io import export_csv, import_csv
    from accountdesk.core.io.json_io import export_json, import_json
    from accountdesk.core.services.accounts import (
        account_input,
        create_account,
        create_contact,
        update_account,
    )

    db = open_database(tmp_path / "a.db")
    try:
        account = create_account(db, AccountInput(name="Koks SIA", country="LV"))
        create_contact(db, ContactInput(account_id=account, given_name="Ilze", country="LV"))
        with db.transaction() as session:  # as the old rule let it be stored
            session.execute(
                text("UPDATE accounts SET website = 'n/a' WHERE id = :id"), {"id": account}
            )
        data = replace(account_input(db, account), notes="Called on Monday")
        update_account(db, account, data)
        assert account_input(db, account).website == "n/a"
        with pytest.raises(v.ValidationError) as caught:
            update_account(db, account, replace(data, website="still not one"))
        assert caught.value.key == "website"
        with (tmp_path / "out.json").open("w", encoding="utf-8") as out:
            export_json(db, out)
        with (tmp_path / "out.csv").open("w", encoding="utf-8", newline="") as out:
            export_csv(db, out)
    finally:
        db.close()
    for name, load in (("out.json", import_json), ("out.csv", import_csv)):
        fresh = open_database(tmp_path / f"fresh-{name}.db")
        try:
            load(fresh, tmp_path / name)
            with fresh.engine.connect() as conn:
                assert conn.execute(text("SELECT website FROM accounts")).scalar_one() == "n/a"
        finally:
            fresh.close()
