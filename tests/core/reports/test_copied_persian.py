"""Persian copied out of a report is the stored text, not Arabic presentation forms.

HarfBuzz draws each Persian letter in its joining form (initial, medial, final), and the
PDF's ToUnicode map gave each form's own code (U+FExx, U+FBxx): ``pdftotext`` gave
"ﺷﺮﮐﺖ آرﯾﺎ ﺗﺠﺎرت" for the account "شرکت آریا تجارت", so the name copied from a report found
nothing when pasted into search.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from accountdesk.core.reports.textlayout import TextStyle, draw_text

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

NAMES = ("شرکت آریا تجارت", "خانم نگار جعفری", "لاله یزدی", "مهندس امیر موسوی")


def _presentation_form(ch: str) -> bool:
    return 0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF


@pytest.mark.parametrize("bold", [False, True])
def test_pdftotext_gives_back_persian_names_as_stored(tmp_path: Path, bold: bool) -> None:
    pdf = tmp_path / "names.pdf"
    canvas = Canvas(str(pdf))
    for i, name in enumerate(NAMES):
        draw_text(canvas, 72, 700 - 30 * i, name, TextStyle(size=12, bold=bold), True, 400)
    canvas.save()
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert not any(_presentation_form(ch) for ch in text), text
    # pdftotext puts a right-to-left line between RLE and PDF
    lines = [line.strip(" \u202b\u202c") for line in text.splitlines() if line.strip()]
    for name in NAMES:
        assert name in lines, (name, lines)


#: Words written with a half-space (ZWNJ), which copied text lost: "تهیهشده", "حسابها"
#: (review rev19's 7th).
HALF_SPACED = (
    "تهیه\u200cشده",
    "حساب\u200cها",
    "شاخص\u200cهای کلیدی",
    "علی\u200cزاده",
    "می\u200cخواهم",
)


@pytest.mark.parametrize("bold", [False, True])
def test_pdftotext_keeps_the_half_space_and_the_page_still_shows_none(
    tmp_path: Path, bold: bool
) -> None:
    from accountdesk.core.reports import fonts
    from accountdesk.core.reports.textlayout import shape

    pdf = tmp_path / "half.pdf"
    canvas = Canvas(str(pdf))
    for i, word in enumerate(HALF_SPACED):
        draw_text(canvas, 72, 700 - 30 * i, word, TextStyle(size=12, bold=bold), True, 400)
    canvas.save()
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [line.strip(" \u202b\u202c") for line in text.splitlines() if line.strip()]
    assert lines == list(HALF_SPACED)
    # drawn as wide as without its code: the letters either side still do not join, no gap
    font = fonts.font_name(fonts.PERSIAN, bold=bold)
    for word in HALF_SPACED:
        shaped, width = shape(word, font, 12)
        assert shaped.count("\u200c") == word.count("\u200c")
        assert shaped.count(" ") == word.count(" ")
        assert width < shape(word.replace("\u200c", " "), font, 12)[1]
