"""Colours that read whatever the palette: the one home of a text colour paired with a
background the code sets, and of a coloured text (a weekend's red) on the palette's own.

A light chip, cell or bar with no text colour of its own took the palette's: under a dark
theme (a KDE, GNOME or Windows dark palette) the meeting planner's legend, a holiday in the
month calendar and the reminder bar's "Dismiss" were near-white text on pale yellow, pink and
green. :func:`text_on` gives the text for a background the code sets, :func:`legible` makes a
coloured text light or dark enough for the background it is drawn on. Contrast is WCAG 2's
(relative luminance), and "reads" is its 4.5:1 for text.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor, QGuiApplication, QPalette

#: The text on a light background the code sets, and on a dark one.
DARK_TEXT = QColor("#1f1f1f")
LIGHT_TEXT = QColor("#ffffff")

#: The contrast text needs to read (WCAG 2, AA, text of a normal size).
READABLE = 4.5

#: The colour of a text that warns (an error under a field, an overdue follow-up, a holiday
#: today, the banner above a form), and of one that says something is fine (working time
#: there now, a repeat rule understood), and of a caution (outside working hours). Shown
#: through :func:`on_palette`, so that each reads on a light and a dark theme alike.
ALERT = "#b3261e"
GOOD = "#2e7d32"
CAUTION = "#9e6b00"

ColourLike = QColor | str


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: ColourLike) -> float:
    """WCAG 2's relative luminance: 0 for black, 1 for white."""
    c = QColor(colour)
    r, g, b = (_channel(v) for v in (c.redF(), c.greenF(), c.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: ColourLike, other: ColourLike) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black and white)."""
    a, b = sorted((luminance(one), luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def text_on(background: ColourLike) -> QColor:
    """The text colour for ``background``: near-black or white, whichever contrasts more."""
    dark, light = contrast(DARK_TEXT, background), contrast(LIGHT_TEXT, background)
    return QColor(DARK_TEXT if dark >= light else LIGHT_TEXT)


def legible(colour: ColourLike, background: ColourLike) -> QColor:
    """``colour`` as it reads on ``background``: itself when it does, else mixed toward white
    (on a dark background) or black (on a light one), its hue kept, until it does: the
    weekend's #c62828 red is a lighter red on a dark theme's base. Remembered per pair, since
    a list asks for its cells' colours as it paints them."""
    return QColor.fromRgba(_legible(QColor(colour).rgba(), QColor(background).rgba()))


@lru_cache(maxsize=256)
def _legible(colour: int, background: int) -> int:
    wanted = QColor.fromRgba(colour)
    if contrast(wanted, QColor.fromRgba(background)) >= READABLE:
        return colour
    toward = text_on(QColor.fromRgba(background))
    steps = 20
    for step in range(1, steps + 1):
        share = step / steps
        mixed = QColor.fromRgbF(
            wanted.redF() + (toward.redF() - wanted.redF()) * share,
            wanted.greenF() + (toward.greenF() - wanted.greenF()) * share,
            wanted.blueF() + (toward.blueF() - wanted.blueF()) * share,
        )
        mixed = QColor.fromRgba(mixed.rgba())  # as it is kept and drawn: 8 bits a channel
        if contrast(mixed, QColor.fromRgba(background)) >= READABLE:
            return mixed.rgba()
    return toward.rgba()


def on_palette(colour: ColourLike, role: QPalette.ColorRole = QPalette.ColorRole.Base) -> QColor:
    """``colour`` as it reads on the application palette's ``role`` (a view's base, a
    window's background): :func:`legible`."""
    return legible(colour, QGuiApplication.palette().color(role))


def text_style(colour: ColourLike, role: QPalette.ColorRole = QPalette.ColorRole.Window) -> str:
    """A style sheet's text colour: ``colour`` as it reads on the palette's ``role``
    (:func:`on_palette`), for a label on a window or a field's text on its base."""
    return f"color: {on_palette(colour, role).name()};"


def muted(role: QPalette.ColorRole = QPalette.ColorRole.Window) -> QColor:
    """The colour of secondary text ("and 12 more", a legend): the palette's mid tone made
    legible on its ``role`` (it was 1.7:1 on a light window, and darker than a dark theme's
    window)."""
    palette = QGuiApplication.palette()
    return legible(palette.color(QPalette.ColorRole.Mid), palette.color(role))


def muted_style(role: QPalette.ColorRole = QPalette.ColorRole.Window) -> str:
    """A style sheet's colour for secondary text: :func:`muted`."""
    return f"color: {muted(role).name()};"


def background_style(background: ColourLike) -> str:
    """A style sheet's background and the text colour that reads on it."""
    fill = QColor(background)
    return f"background: {fill.name()}; color: {text_on(fill).name()};"


def dark_palette() -> QPalette:
    """A dark desktop theme's palette, as KDE, GNOME and Windows give one to a Qt application
    (their common Fusion dark colours): the app never sets it, the tour (``scripts/tour.py
    --dark``) and the tests look at the screens in it. Its highlighted text is black, as in
    the themes that showed a form's message black on dark red."""
    role = QPalette.ColorRole
    palette = QPalette()
    window, base, text = QColor(53, 53, 53), QColor(35, 35, 35), QColor(230, 230, 230)
    for which, colour in (
        (role.Window, window), (role.WindowText, text), (role.Base, base),
        (role.AlternateBase, window), (role.Text, text), (role.Button, window),
        (role.ButtonText, text), (role.Highlight, QColor(42, 130, 218)),
        (role.HighlightedText, QColor(0, 0, 0)),
    ):  # fmt: skip
        palette.setColor(which, colour)
    return palette
