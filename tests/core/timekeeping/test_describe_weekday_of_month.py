"""A monthly rule on one weekday ("the 3rd Monday") is described by a sentence of that
weekday's own, with an ordinal of its own: a Slovenian translator could not inflect one
"{ordinal} {weekday}" template ("Vsak mesec tretji dan, ki je sreda"), and the Repeat box's
preset said the rule another way than the Repeats column ("ponedeljek v tretjem tednu")."""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from functools import cache

import pytest

from accountdesk.core import i18n
from accountdesk.core.timekeeping.recurrence import RRULE_PRESETS, describe_rrule, preset

#: What a Slovenian translator writes (native review rev18's 3rd): the ordinal and the words
#: around the weekday agree with its gender (ponedeljek and petek masculine, sreda feminine).
SENTENCES = {
    "Every month on the {ordinal} Monday": "Vsak {ordinal} ponedeljek v mesecu",
    "Every month on the {ordinal} Wednesday": "Vsaka {ordinal} sreda v mesecu",
    "Every month on the {ordinal} Friday": "Vsak {ordinal} petek v mesecu",
}
ORDINALS = {
    ("which Monday of the month", "3rd"): "tretji",
    ("which Wednesday of the month", "3rd"): "tretja",
    ("which Wednesday of the month", "last"): "zadnja",
    ("which Friday of the month", "last"): "zadnji",
}
EVERY_N = {
    "Every {n} months on the {ordinal} Wednesday": "Vsaka {ordinal} sreda vsakih {n} mesecev",
}


class Slovenian(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return SENTENCES.get(message, message)

    def pgettext(self, context: str, message: str) -> str:
        return ORDINALS.get((context, message), message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return EVERY_N.get(msgid2, msgid1 if n == 1 else msgid2)


@pytest.fixture
def slovenian(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    real = i18n._catalog
    compiled = cache(lambda code: Slovenian() if code == "sl" else real(code))
    monkeypatch.setattr(i18n, "_catalog", compiled)
    i18n.reload_catalogs()
    try:
        with i18n.use_language("sl"):
            yield
    finally:
        monkeypatch.undo()
        i18n.reload_catalogs()


@pytest.mark.usefixtures("slovenian")
def test_each_weekday_has_its_own_sentence_and_ordinal() -> None:
    assert describe_rrule("FREQ=MONTHLY;BYDAY=3MO") == "Vsak tretji ponedeljek v mesecu"
    assert describe_rrule("FREQ=MONTHLY;BYDAY=3WE") == "Vsaka tretja sreda v mesecu"
    assert describe_rrule("FREQ=MONTHLY;BYDAY=-1FR") == "Vsak zadnji petek v mesecu"
    assert describe_rrule("FREQ=MONTHLY;BYDAY=WE;BYSETPOS=-1") == "Vsaka zadnja sreda v mesecu"
    assert describe_rrule("FREQ=MONTHLY;INTERVAL=5;BYDAY=3WE") == (
        "Vsaka tretja sreda vsakih 5 mesecev"
    )


@pytest.mark.usefixtures("slovenian")
def test_the_preset_is_the_rule_described() -> None:
    assert preset("monthly_3rd_monday").title == "Vsak tretji ponedeljek v mesecu"
    for item in RRULE_PRESETS:
        assert item.title == describe_rrule(item.rule)


@pytest.mark.parametrize(
    ("rule", "described"),
    [
        ("FREQ=MONTHLY;BYDAY=1MO", "Every month on the 1st Monday"),
        ("FREQ=MONTHLY;BYDAY=2TU", "Every month on the 2nd Tuesday"),
        ("FREQ=MONTHLY;BYDAY=3WE", "Every month on the 3rd Wednesday"),
        ("FREQ=MONTHLY;BYDAY=4TH", "Every month on the 4th Thursday"),
        ("FREQ=MONTHLY;BYDAY=5FR", "Every month on the 5th Friday"),
        ("FREQ=MONTHLY;BYDAY=-1SA", "Every month on the last Saturday"),
        ("FREQ=MONTHLY;BYDAY=-2SU", "Every month on the second to last Sunday"),
        ("FREQ=MONTHLY;BYDAY=SU;BYSETPOS=-2", "Every month on the second to last Sunday"),
        ("FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR", "Every 2 months on the last Friday"),
        ("FREQ=MONTHLY;INTERVAL=3;COUNT=4;BYDAY=3MO", "Every 3 months on the 3rd Monday, 4 times"),
        ("FREQ=MONTHLY;BYDAY=-3MO", "FREQ=MONTHLY;BYDAY=-3MO"),  # no words for it: the rule
    ],
)
def test_every_weekday_and_ordinal_in_english(rule: str, described: str) -> None:
    assert describe_rrule(rule) == described
