"""The vCard content-line syntax: folding, escaping, parameters, encodings (RFC 2426, RFC 6350,
RFC 6868; vCard 2.1's quoted-printable and bare parameters)."""

from __future__ import annotations

import codecs

import pytest

from accountdesk.core.io.vcard import (
    VCardImportError,
    components,
    escape,
    fold,
    list_items,
    parse,
    unescape,
)


def _card(*lines: str, version: str = "4.0") -> bytes:
    return "\r\n".join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD", ""]).encode()


def test_rfc6350_folding_example_unfolds_to_one_line() -> None:
    # RFC 6350 §3.2: a line break followed by one white-space character is removed.
    data = _card("NOTE:This is a long description", "  that exists on a long line.")
    [card] = parse(data)
    assert card.first("NOTE") is not None
    assert card.first("NOTE").text == "This is a long description that exists on a long line."  # type: ignore[union-attr]


def test_a_character_split_by_folding_comes_back_whole() -> None:
    name = "Bērziņa".encode()
    cut = name.index("ē".encode()) + 1  # in the middle of the two bytes of ē
    data = b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:" + name[:cut] + b"\r\n " + name[cut:]
    data += b"\r\nEND:VCARD\r\n"
    [card] = parse(data)
    assert card.first("FN").text == "Bērziņa"  # type: ignore[union-attr]


def test_lf_only_line_ends_and_tab_folding_are_read() -> None:
    data = b"BEGIN:VCARD\nVERSION:3.0\nFN:Anna\n\tBerzina\nEND:VCARD\n"
    [card] = parse(data)
    assert card.first("FN").text == "AnnaBerzina"  # type: ignore[union-attr]


def test_rfc6350_text_escapes() -> None:
    # RFC 6350 §3.4 and the NOTE example of §6.7.2.
    [card] = parse(_card(r"NOTE:This fax number is operational 0800 to 1715\n EST\, Mon-Fri."))
    assert card.first("NOTE").text == (  # type: ignore[union-attr]
        "This fax number is operational 0800 to 1715\n EST, Mon-Fri."
    )
    assert unescape(r"a\\b\;c\,d\Ne") == "a\\b;c,d\ne"
    assert unescape(r"keep \x as written") == r"keep \x as written"


def test_structured_values_split_on_unescaped_semicolons_only() -> None:
    # RFC 6350 §6.6.4: ORG:ABC\, Inc.;North American Division;Marketing
    [card] = parse(_card(r"ORG:ABC\, Inc.;North American Division;Marketing"))
    org = card.first("ORG")
    assert org is not None
    assert [unescape(c) for c in components(org.value)] == [
        "ABC, Inc.",
        "North American Division",
        "Marketing",
    ]
    # RFC 6350 §6.2.2: N:Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.,A.C.P.
    [card] = parse(_card("N:Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.,A.C.P."))
    n = card.first("N")
    assert n is not None
    parts = components(n.value)
    assert list_items(parts[2]) == ["Philip", "Paul"]
    assert list_items(parts[4]) == ["Jr.", "M.D.", "A.C.P."]
    # RFC 6350 §6.7.1: CATEGORIES:INTERNET,IETF,INDUSTRY,INFORMATION TECHNOLOGY
    [card] = parse(_card("CATEGORIES:INTERNET,IETF,INDUSTRY,INFORMATION TECHNOLOGY"))
    assert list_items(card.first("CATEGORIES").value) == [  # type: ignore[union-attr]
        "INTERNET",
        "IETF",
        "INDUSTRY",
        "INFORMATION TECHNOLOGY",
    ]


def test_parameters_quoted_listed_repeated_and_caret_encoded() -> None:
    [card] = parse(
        _card(
            'TEL;VALUE=uri;PREF=1;TYPE="voice,home":tel:+1-555-555-5555',
            "EMAIL;TYPE=work;TYPE=pref:a@example.com",
            # RFC 6350 §6.3.1: a quoted LABEL with a colon, commas and semicolons inside
            'ADR;GEO="geo:12.3457,78.910";LABEL="Mr. John Q. Public, Esq.;Any Town":;;123 Main '
            "Street;Any Town;CA;91921-1234;U.S.A.",
            # RFC 6868: ^n is a line break, ^' a double quote, ^^ a caret
            "X-THING;X-NOTE=\"a^nb ^'c^' ^^\":x",
        )
    )
    tel = card.first("TEL")
    assert tel is not None and tel.types == ["voice", "home"]
    assert tel.param("VALUE") == ["uri"] and tel.text == "tel:+1-555-555-5555"
    email = card.first("EMAIL")
    assert email is not None and email.types == ["work", "pref"]
    adr = card.first("ADR")
    assert adr is not None
    assert adr.param("GEO") == ["geo:12.3457,78.910"]
    assert adr.param("LABEL") == ["Mr. John Q. Public, Esq.;Any Town"]
    assert unescape(components(adr.value)[3]) == "Any Town"
    assert card.first("X-THING").param("X-NOTE") == ['a\nb "c" ^']  # type: ignore[union-attr]


def test_groups_and_case_of_names() -> None:
    [card] = parse(_card("item1.tel:+37126123456", "item1.X-ABLabel:_$!<Mobile>!$_"))
    tel = card.first("TEL")
    assert tel is not None and tel.group == "item1"
    assert card.label(tel) == "mobile"


def test_vcard_21_bare_parameters_quoted_printable_and_charsets() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"TEL;WORK;VOICE:+386 1 474 72 00\r\n"
        b"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=utf-8:Sre=C4=8Danje=0D=0A=\r\n"
        b"naslednji teden\r\n"
        b"N;CHARSET=windows-1252;QUOTED-PRINTABLE:=8Eagar;Toma=9E\r\n"
        b"END:VCARD\r\n"
    )
    [card] = parse(data)
    assert card.first("TEL").types == ["work", "voice"]  # type: ignore[union-attr]
    assert card.first("NOTE").text == "Srečanje\r\nnaslednji teden"  # type: ignore[union-attr]
    n = card.first("N")
    assert n is not None and n.value == "Žagar;Tomaž"


def test_utf16_files_and_byte_order_marks_are_read() -> None:
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:สมชาย ใจดี\r\nEND:VCARD\r\n"
    for data in (
        codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        codecs.BOM_UTF8 + text.encode(),
    ):
        [card] = parse(data)
        assert card.first("FN").text == "สมชาย ใจดี"  # type: ignore[union-attr]


def test_an_agent_card_nested_in_a_21_card_is_skipped() -> None:
    data = _card("FN:Boss", "AGENT:", "BEGIN:VCARD", "FN:Secretary", "END:VCARD", "TITLE:CEO")
    [card] = parse(data)
    assert [p.text for p in card.all("FN")] == ["Boss"]
    assert card.first("TITLE").text == "CEO"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "holds no vCard"),
        (b"hello\r\n", "Line 1 is not a vCard property"),
        (b"FN:Anna\r\n", "Line 1: FN is outside a card"),
        (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\n", "Card 1 has no END:VCARD"),
        (b"BEGIN:VCARD\r\nFN:Bad \xff byte\r\nEND:VCARD\r\n", "FN: is not UTF-8 text (byte 5)"),
        (
            b"BEGIN:VCARD\r\nFN;CHARSET=klingon:x\r\nEND:VCARD\r\n",
            "has a character set that is not known: klingon",
        ),
    ],
)
def test_unreadable_files_are_refused_with_the_place(data: bytes, expected: str) -> None:
    with pytest.raises(VCardImportError) as caught:
        parse(data)
    assert expected in caught.value.message
    assert caught.value.message.endswith("Nothing was imported.")


def test_escape_and_fold_write_what_parse_reads() -> None:
    text = "Line 1\nLine; two, with \\ and ยาวมาก " * 6
    line = "NOTE:" + escape(text)
    folded = fold(line)
    physical = folded.split("\r\n")
    assert physical[-1] == ""
    assert all(len(p.encode()) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:-1])
    [card] = parse(b"BEGIN:VCARD\r\n" + folded.encode() + b"END:VCARD\r\n")
    assert card.first("NOTE").text == text  # type: ignore[union-attr]
