"""Numbers and scripts in the reports: the language's own minus, plus and percent signs
(CLDR), placed as readers of a right-to-left language expect."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest

from accountdesk.core import i18n
from accountdesk.core.bidi import LRI, PDI, isolate, isolate_acronyms
from accountdesk.core.db.engine import open_database
from accountdesk.core.records import AccountInput, ContactInput
from accountdesk.core.reports import documents as d
from accountdesk.core.reports.textlayout import TextStyle, layout
from accountdesk.core.services.accounts import create_account, create_contact

LRM = "\u200e"


@pytest.mark.parametrize(
    ("lang", "decimal", "percent", "change", "falls", "still"),
    [
        ("en", "-33.5", "-33.0%", "+12.0%", "-2.5", "0.0"),
        ("fa", f"{LRM}−۳۳٫۵", f"{LRM}−۳۳٫۰٪", f"{LRM}+۱۲٫۰٪", f"{LRM}−۲٫۵", "۰٫۰"),
        ("sl", "−33,5", "−33,0\u00a0%", "+12,0\u00a0%", "−2,5", "0,0"),
        ("tr", "-33,5", "-%33,0", "+%12,0", "-2,5", "0,0"),
    ],
)
def test_signs_and_percent_are_the_languages_own(
    lang: str, decimal: str, percent: str, change: str, falls: str, still: str
) -> None:
    with i18n.use_language(lang):
        assert i18n.format_decimal(-33.5) == decimal
        assert i18n.format_percent(-33) == percent
        assert i18n.format_change(12, 1, percent=True) == change
        assert i18n.format_change(-2.5, 1) == falls
        assert i18n.format_change(-0.04, 1) == still  # no "−0.0"


def test_persian_minus_and_percent_stay_on_the_left_and_right_in_a_right_to_left_line() -> None:
    """Laid out in a right-to-left paragraph, ‎−۳۳٪ reads minus, digits, percent from left to
    right (not ۳۳- as the ASCII hyphen gave); the mark itself is not drawn."""
    with i18n.use_language("fa"):
        text = "تغییر " + i18n.format_percent(-33, 0)
    (line,) = layout(text, 1e9, TextStyle(), rtl=True)
    shown = line.visual_text
    assert LRM not in shown
    assert shown.startswith("−۳۳٪")
    assert shown.endswith("تغییر"[::-1])


@pytest.mark.parametrize("before", ["شباهت", "Anita", "شباهت (", ""])
def test_a_persian_percentage_reads_digits_then_percent_wherever_it_stands(before: str) -> None:
    """Without a sign as with one: after a Persian word the digits count as Arabic numbers
    and a bare ۳۳٪ was laid out ٪۳۳, after a Latin one ۳۳٪."""
    with i18n.use_language("fa"):
        shown = i18n.format_percent(33, 0)
    (line,) = layout(f"{before} {shown} تا", 1e9, TextStyle(), rtl=True)
    assert "۳۳٪" in line.visual_text
    assert "٪۳۳" not in line.visual_text


def test_latin_acronyms_are_isolated_so_a_persian_label_reads_right_to_left() -> None:
    assert isolate_acronyms("CSAT (سهم ۴ تا ۵)") == f"{LRI}CSAT{PDI} (سهم ۴ تا ۵)"
    assert isolate_acronyms("توزیع NPS و CAC") == f"توزیع {LRI}NPS{PDI} و {LRI}CAC{PDI}"
    # a standard's name with its number is one unit ("4217 ISO" read backwards)
    assert isolate_acronyms("ISO 4217، مثلاً JPY") == f"{LRI}ISO 4217{PDI}، مثلاً {LRI}JPY{PDI}"
    assert isolate_acronyms("تاریخ ISO 8601") == f"تاریخ {LRI}ISO 8601{PDI}"
    # a number the sentence gives, not the code's: Persian digits, or after a comma
    assert isolate_acronyms("NPS ۴۵ است") == f"{LRI}NPS{PDI} ۴۵ است"
    assert isolate_acronyms("ارز JPY, 2 واحد") == f"ارز {LRI}JPY{PDI}, 2 واحد"
    # English, a Latin name, what is isolated already: as they are
    assert isolate_acronyms("CSAT (share of 4–5)") == "CSAT (share of 4–5)"
    named = "گزارش " + isolate("SIA ABC")
    assert isolate_acronyms(named) == named
    (line,) = layout(isolate_acronyms("CSAT (سهم ۴ تا ۵)"), 1e9, TextStyle(), rtl=True)
    # read right to left: CSAT first (on the right), then the Persian words
    # left to right as drawn (a right-to-left run's letters reversed, its brackets mirrored
    # when drawn): "(۵ تا ۴ سهم) CSAT"
    assert line.visual_text == ")۵ ات ۴ مهس( CSAT"


def test_chart_ticks_are_numbers_of_the_language() -> None:
    from accountdesk.core.reports.charts import _tick_format

    assert _tick_format("fa")(-50.0) == f"{LRM}−۵۰"
    assert _tick_format("fa")(1500.0) == "۱٬۵۰۰"
    assert _tick_format("en")(-50.0) == "-50"
    assert _tick_format("sl")(2.5) == "2,5"


# --- text copied out of a Persian or Thai PDF ------------------------------------------------

NOW = datetime(2027, 1, 15, 9, 0, tzinfo=UTC)
PEOPLE = {
    "fa": ("IR", "Asia/Tehran", "شرکت پارس صنعت", ("آقای", "مهدی", "حسینی"), "Asia/Tehran"),
    "th": ("TH", "Asia/Bangkok", "บริษัท ล้านนาดีไซน์ จำกัด", ("คุณ", "สุดารัตน์", "รัตนพันธ์"), ""),
}
_MARKS = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def _copied(pdf: Path) -> str:
    """What pdftotext gives, as a reader compares it: NFKC (Persian presentation forms, Thai
    SARA AM) and without the embedding marks pdftotext puts around right-to-left runs."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKC", out.stdout).translate(_MARKS)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
@pytest.mark.parametrize("lang", ["fa", "th"])
def test_names_copied_out_of_the_report_are_as_stored(lang: str, tmp_path: Path) -> None:
    country, zone, name, (honorific, given, family), _unused = PEOPLE[lang]
    db = open_database(tmp_path / "names.db")
    account = create_account(db, AccountInput(name=name, country=country, timezone=zone))
    create_contact(
        db,
        ContactInput(
            account_id=account, honorific=honorific, given_name=given, family_name=family,
            country=country, timezone=zone, job_title="ผู้จัดการสำนักงาน" if lang == "th" else None,
        ),
    )  # fmt: skip
    pdf = tmp_path / "a.pdf"
    d.account_report(db, account, pdf, lang=lang, now=NOW, user_zone=zone)
    db.close()
    text = _copied(pdf)
    assert not any(0xE000 <= ord(ch) <= 0xF8FF for ch in text)  # no private-use codes
    stored = unicodedata.normalize("NFKC", name)
    assert stored in text
    # the name as the report addresses the contact: Mr Hosseini, Khun Sudarat
    shown = f"{honorific} {family}" if lang == "fa" else f"{honorific}{given}"
    assert unicodedata.normalize("NFKC", shown) in text
    if lang == "th":  # marks above and below letters stay in their words
        for words in ("ผู้จัดการสำนักงาน", "ผู้ดูแล"):  # a job title, a label
            assert unicodedata.normalize("NFKC", words) in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
@pytest.mark.parametrize("bold", [False, True])
def test_copied_persian_words_keep_the_space_between_them(bold: bool, tmp_path: Path) -> None:
    """ "دوره پیشین" (a column heading) was copied as "دورهپیشین": ReportLab wrote the width of
    the initial "پ" (a glyph reached through a private-use code) in the font's units, twice
    its advance, so the word overlapped the space after it (fonts._TextFont)."""
    from reportlab.pdfgen.canvas import Canvas

    from accountdesk.core.reports import fonts
    from accountdesk.core.reports.textlayout import draw_line

    pdf = tmp_path / "words.pdf"
    canvas = Canvas(str(pdf), initialFontName=fonts.require(fonts.font_name(fonts.LATIN)))
    style = TextStyle(size=8.5, bold=bold)
    texts = ["دوره پیشین", "خانه پیشین", "این دوره"]
    for row, text in enumerate(texts):
        for line in layout(text, 400, style, rtl=True):
            draw_line(canvas, line, 50, 780 - 20 * row, 400, style, rtl=True)
    canvas.save()
    copied = _copied(pdf).split("\n")
    for text in texts:
        assert unicodedata.normalize("NFKC", text) in copied
