"""Web and e-mail addresses: a website must be a web address; a refused e-mail address among
several is named in the reason (the field's error label shows only the reason)."""

from __future__ import annotations

import pytest

from accountdesk.core import i18n
from accountdesk.core import validation as v
from accountdesk.core.bidi import plain
from accountdesk.core.services.accounts import (
    AccountInput,
    ContactInput,
    clean_account,
    clean_contact,
)


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
        "https://example",
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
