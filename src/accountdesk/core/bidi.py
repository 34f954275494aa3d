"""User data kept in order inside translated text: Unicode bidi isolates (UAX #9).

A name, a phone number or a number put into a sentence takes part in the bidi algorithm of the
text around it. In a Persian sentence "+371 2000 0000" shows as "2000 0000 371+", the final
period of "Maíz Dorado S.A. de C.V." jumps to the front, and "4 h behind you" after a Persian
zone name becomes "h behind you 4". Wrapped in an isolate, the inserted text is laid out on
its own and then placed as one neutral unit, so it keeps its order and the sentence keeps its
own.

This module is the one home for that rule:

- :func:`isolate` for user data and other inserted text (names, subjects, holiday names,
  amounts): FSI … PDI, the direction taken from the text's first letter;
- :func:`ltr` for values that always read left to right (phone numbers, e-mail addresses,
  URLs, ISO codes, signed numbers and offsets): LRI … PDI;
- :func:`paragraph` (and :func:`line_marks`) for a label whose direction must be the
  interface's whatever its first letter (a heading that is just a Latin name, in a Persian
  window), with :func:`direction`, the direction a text has by itself;
- :func:`isolate_acronyms` for Latin acronyms inside right-to-left text ("CSAT (سهم ۴ تا ۵)");
- :func:`plain` to take the marks out again (searching, matching, comparing).

Helpers that insert data into translated sentences isolate what *they* insert, at that one
place (:func:`accountdesk.core.timekeeping.zones.offset_to_you`, for instance), not every
screen. Qt lays isolates out itself; the PDF reports resolve them in
:mod:`accountdesk.core.reports.textlayout`, which draws nothing for them.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable

LRI = "\u2066"  # LEFT-TO-RIGHT ISOLATE
RLI = "\u2067"  # RIGHT-TO-LEFT ISOLATE
FSI = "\u2068"  # FIRST STRONG ISOLATE: the direction of the text's first strong letter
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
LRM = "\u200e"  # LEFT-TO-RIGHT MARK
RLM = "\u200f"  # RIGHT-TO-LEFT MARK

INITIATORS = frozenset((LRI, RLI, FSI))
ISOLATE_CONTROLS = frozenset((LRI, RLI, FSI, PDI))
#: Every bidi formatting character: marks (LRM, RLM, ALM), embeddings and overrides
#: (LRE, RLE, PDF, LRO, RLO) and isolates.
BIDI_CONTROLS = ISOLATE_CONTROLS | frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e")


def _wrapped(text: str, initiators: frozenset[str]) -> bool:
    """Whether ``text`` is one isolate: it opens with one of ``initiators`` whose matching PDI
    is its last character."""
    if len(text) < 2 or text[0] not in initiators or text[-1] != PDI:
        return False
    depth = 0
    for i, ch in enumerate(text):
        if ch in INITIATORS:
            depth += 1
        elif ch == PDI and depth:
            depth -= 1
            if depth == 0:
                return i == len(text) - 1
    return False


def isolate(text: str) -> str:
    """``text`` as one unit laid out in the direction of its first strong letter (FSI … PDI).

    The empty string stays empty, and text that already is one isolate (from :func:`ltr` or
    :func:`isolate`) is returned as it is. So is text made of isolated parts and neutrals
    only, such as a list of isolated tags: an FSI finds no letter outside the inner isolates
    and would lay it out left to right (first tag on the left in a Persian window); its parts
    are units already, and the list follows the direction around it.
    """
    if not text or _wrapped(text, INITIATORS):
        return text
    if direction(text) is None and any(ch in INITIATORS for ch in text):
        return text
    return f"{FSI}{text}{PDI}"


def ltr(text: str) -> str:
    """``text`` as one unit that always reads left to right (LRI … PDI): phone numbers, e-mail
    addresses, URLs, ISO codes, signed numbers ("+03:30", "−5 h"). Empty stays empty."""
    if not text or _wrapped(text, frozenset((LRI,))):
        return text
    return f"{LRI}{text}{PDI}"


def direction(text: str) -> bool | None:
    """The direction ``text`` has by itself: that of its first strong letter outside isolates
    (UAX #9 rule P2): True right to left, False left to right, None without one."""
    depth = 0
    for ch in text:
        if ch in INITIATORS:
            depth += 1
        elif ch == PDI:
            depth = max(0, depth - 1)
        elif not depth:
            kind = unicodedata.bidirectional(ch)
            if kind == "L":
                return False
            if kind in ("R", "AL"):
                return True
    return None


def paragraph(text: str, rtl: bool) -> str:
    """Every line of ``text`` laid out in the interface's direction (``rtl``), with the marks
    of :func:`line_marks` around it."""
    lines = []
    for line in text.split("\n"):
        before, after = line_marks(line, rtl)
        lines.append(f"{before}{line}{after}")
    return "\n".join(lines)


def line_marks(line: str, rtl: bool) -> tuple[str, str]:
    """What to put before and after ``line`` (as shown: rich text without its tags) so it is
    laid out, and aligned, in the interface's direction (``rtl``).

    Qt takes a label's direction, and with it the side it is aligned to, from its first strong
    letter: a heading that is only an isolated Latin name, or an untranslated English sentence,
    would stand on the left of a Persian window. Where it looks depends on the label: a plain
    one skips isolates (UAX #9 rule P2), a selectable one (laid out by a text document) looks
    inside them, so an isolated Persian name would stand on the right of an English window. A
    line without a direction of its own outside isolates (:func:`direction`) therefore starts
    with the interface's mark (RLM or LRM) in both directions; a line whose own direction is
    the other one is also isolated, so it keeps its order inside. Other lines need nothing.
    """
    own = direction(line)
    if not line or own is rtl:
        return "", ""
    mark = RLM if rtl else LRM
    if own is None:
        return mark, ""
    return mark + FSI, PDI


#: A Latin acronym or code: two or more capital letters (and digits), not part of a longer word;
#: with the number in ASCII digits that follows it after a space, a standard's ("ISO 4217").
_ACRONYM = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]+(?: [0-9]+)*(?![A-Za-z0-9])")


def isolate_acronyms(text: str) -> str:
    """Every Latin acronym (NPS, CSAT, CAC, EUR) of a right-to-left text as a left-to-right
    isolate (:func:`ltr`), so that a Persian label that starts with one ("CSAT (سهم ۴ تا ۵)")
    takes its direction from its Persian words (rule P2 skips isolates) and reads right to
    left. A standard's name goes with its number ("ISO 4217"): isolated alone, the Persian
    currency example read "4217 ISO" (a right-to-left sentence's numbers follow its order).
    Text with no right-to-left letter outside isolates (an English label, a Latin name) is
    returned as it is, and so is what is already inside an isolate."""
    if not any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in _outside(text)):
        return text
    return outside_isolates(text, lambda run: _ACRONYM.sub(lambda m: ltr(m.group(0)), run))


def outside_isolates(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to each run outside its isolates (at any depth); what
    is inside an isolate is kept as it is."""
    out: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in INITIATORS:
            if depth == 0:
                out.append(change(text[start:i]))
                start = i
            depth += 1
        elif ch == PDI and depth:
            depth -= 1
            if depth == 0:
                out.append(text[start : i + 1])
                start = i + 1
    rest = text[start:]
    out.append(rest if depth else change(rest))
    return "".join(out)


def _outside(text: str) -> str:
    """The characters of ``text`` that are not inside an isolate."""
    depth = 0
    kept = []
    for ch in text:
        if ch in INITIATORS:
            depth += 1
        elif ch == PDI and depth:
            depth -= 1
        elif not depth:
            kept.append(ch)
    return "".join(kept)


def plain(text: str) -> str:
    """``text`` without bidi formatting characters (:data:`BIDI_CONTROLS`): the isolates and
    marks added here, and any pasted in with user input."""
    return "".join(ch for ch in text if ch not in BIDI_CONTROLS)


def to_terminal(text: str = "", *, err: bool = False, end: str = "\n") -> None:
    """Every line the command line writes (standard output, or standard error with ``err``:
    a problem or a remark), :func:`plain`: a terminal lays text out on its own and showed the
    isolates of the shared sentences as stray characters around a name, a time or a path ("moved
    to the trash on ⁨29 Nov 2026, 11:25⁩"), and a path copied from it carried them."""
    if err:
        sys.stderr.write(plain(text) + end)
    else:
        sys.stdout.write(plain(text) + end)
