from datetime import date

from accountdesk.core import i18n


def test_language_override_is_scoped() -> None:
    i18n.set_language("tr")
    with i18n.use_language("fa") as lang:
        assert lang.rtl
        assert i18n.is_rtl()
    assert i18n.current_language().code == "tr"


def test_country_names_come_from_cldr() -> None:
    assert i18n.country_name("LV") == "Latvia"
    with i18n.use_language("lv"):
        assert i18n.country_name("LV") == "Latvija"
    with i18n.use_language("fa"):
        assert i18n.country_name("IR") == "ایران"


def test_percent_takes_percentage_points() -> None:
    assert i18n.format_percent(12.5) == "12.5%"
    with i18n.use_language("tr"):
        assert i18n.format_percent(12.5) == "%12,5"
    assert i18n.format_date(date(2027, 3, 1)) == "1 Mar 2027"


def test_dates_follow_the_language_and_its_calendar() -> None:
    day = date(2027, 3, 21)
    expected = {
        "en": "21 Mar 2027",
        "lv": "2027. gada 21. marts",
        "sl": "21. mar. 2027",
        "th": "21 มี.ค. 2570",
        "tr": "21 Mar 2027",
        "fa": "۱ فروردین ۱۴۰۶",
    }
    for lang, text in expected.items():
        with i18n.use_language(lang):
            assert i18n.format_date(day) == text
    i18n.set_calendar_preference("gregorian")
    with i18n.use_language("fa"):
        assert i18n.format_date(day) == "۲۱ مارس ۲۰۲۷"
    with i18n.use_language("th"):
        assert i18n.format_date(day) == "21 มี.ค. 2027"


def test_a_yearly_date_without_a_year_stays_gregorian() -> None:
    assert i18n.format_month_day(5, 17) == "17 May"
    assert i18n.format_month_day(2, 29) == "29 Feb"
    with i18n.use_language("fa"):
        assert i18n.format_month_day(5, 17) == "۱۷ مه"


def test_a_persian_sentence_that_starts_with_a_latin_word_reads_right_to_left() -> None:
    """'AccountDesk از پیش … باز است' and 'CSV: …' began with a Latin word, so Qt and the
    terminals laid the Persian sentence out left to right (it read backwards from the right):
    a translation written in Persian letters starts with a right-to-left mark then. One that
    starts with a placeholder is left alone (what fills it is isolated where it is put), and so
    is every other language."""
    from accountdesk.core.bidi import RLM
    from accountdesk.core.i18n import _, use_language

    already_open = (
        "AccountDesk is already open on this database; that window was brought to the front."
    )
    with use_language("fa"):
        shown = _(already_open)
        assert shown.startswith(RLM + "AccountDesk") and "باز است" in shown
        assert not _("Today").startswith(RLM)  # Persian from its first letter
        assert not _("{sign}{hours} h").startswith(RLM)  # a placeholder first
    for lang in ("en", "th", "lv"):
        with use_language(lang):
            assert not _(already_open).startswith(RLM)


def test_phrases_are_joined_with_the_languages_semicolon() -> None:
    """Persian read "آخر هفته؛ تعطیل: …; کریسمس تا سال نو" with an ASCII semicolon."""
    items = ["a", "", "b"]
    expected = {"en": "a; b", "fa": "a؛ b", "th": "a, b", "lv": "a; b"}
    for lang, joined in expected.items():
        with i18n.use_language(lang):
            assert i18n.join_clauses(items) == joined


def test_a_currency_code_is_spaced_from_its_amount_as_cldr_says() -> None:
    """CLDR's currency spacing, which Babel leaves out: a code of letters beside the digits
    gets a no-break space ("TRY16,707.00" read as one word); a sign symbol does not."""
    with i18n.use_language("en"):
        assert i18n.format_currency(16707, "TRY") == "TRY\u00a016,707.00"
        assert i18n.format_currency(16707, "EUR") == "€16,707.00"
        assert i18n.format_currency(16707, "USD") == "US$16,707.00"
        assert i18n.format_currency(-5, "IRR") == "-IRR\u00a05"
    with i18n.use_language("lv"):
        assert i18n.format_currency(16707, "TRY") == "16\u00a0707,00\u00a0TRY"


def test_a_line_starts_with_the_languages_capital() -> None:
    with i18n.use_language("en"):
        assert i18n.sentence_start("in Riga time") == "In Riga time"
    with i18n.use_language("tr"):
        assert i18n.sentence_start("istanbul saati") == "İstanbul saati"
        assert i18n.sentence_start("ırmak") == "Irmak"
    with i18n.use_language("th"):
        assert i18n.sentence_start("เวลากรุงเทพ") == "เวลากรุงเทพ"


def test_the_message_a_translation_comes_from() -> None:
    """What is chosen by the English text (a menu item's letter) finds it from the translation
    shown, a Persian one with the mark it starts with too."""
    for lang in ("th", "fa", "lv"):
        with i18n.use_language(lang):
            assert i18n.source_text(i18n._("New account…")) == "New account…"
            assert i18n.source_text(i18n._("&File")) == "&File"
            assert i18n.source_text(i18n._("About AccountDesk")) == "About AccountDesk"
            assert i18n.source_text("ไทย") is None
    with i18n.use_language("fa"):
        message = "AccountDesk cannot keep its window settings in {path}: {reason}"
        assert i18n._(message).startswith("\u200f")  # a right-to-left mark before "AccountDesk"
        assert i18n.source_text(i18n._(message)) == message
    with i18n.use_language("en"):
        assert i18n.source_text("New account…") is None  # English is no translation


def test_a_list_cut_short_says_how_many_more() -> None:
    from accountdesk.core.i18n import cut_list, join_clauses

    assert cut_list(["a", "b"], 2) == "a, b"
    assert cut_list(["a", "b", "c", "d"], 2) == "a, b, and 2 more"
    assert cut_list(["a", "b", "c"], 2, join_clauses) == "a; b; and 1 more"
    with i18n.use_language("fa"):
        assert cut_list(["a", "b", "c"], 2) == "a،\u200f b،\u200f و ۱ مورد دیگر"
