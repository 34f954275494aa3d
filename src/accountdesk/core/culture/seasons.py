"""Seasons: multi-day periods that change how business is done, with short advice.

Dates are computed per year, never hard-coded per year:

* **Ramadan** starts on the 1 Ramadan dates of the ``holidays`` package's Islamic (Umm al-Qura
  based) lunar table (``_IslamicLunar.ramadan_beginning_dates``) and ends the day before Eid
  al-Fitr from the same table. Real start dates depend on moon sighting and can differ by a day
  per country, so the season is an estimate; a country whose holidays have Islamic dates of
  their own has the fast its own table gives, to the day before its own Eid al-Fitr
  (:func:`_own_fast`).
* **Eid al-Adha** from the same table, four days.
* **Lunar New Year** and **Chuseok** from the package's Chinese lunisolar table (Korea's
  **Seollal** and Chuseok from its Korean variant, a day later in some years): a week from the
  eve in mainland China and Taiwan, where business stops for a week or more; the eve to the
  fourth day in Singapore, Malaysia, Hong Kong and Macau, which keep two or three public days
  (and a day in lieu of a Sunday); the eve to the day after next in Korea (three public days,
  and a day in lieu of a Sunday). **Diwali** from its Hindu lunisolar table; **Nowruz** from
  the package's Iranian holidays (the day named Nowruz), through Sizdah Bedar twelve days
  later; **Carnival** and **Holy Week** from Easter (``dateutil.easter``).
* **Eid al-Fitr** (four days from the first of Shawwal), **Hajj** (8–13 Dhu al-Hijjah, Saudi
  Arabia) and **Muharram** (1–10 Muharram, the mourning days up to Ashura; Shia-majority
  countries) from the same Islamic table; a country that keeps Ashura as a public holiday
  has its Muharram end on it (Iran's Ashura 2025 was on 6 July, the table's on the 5th).
* A season that *is* a feast (Eid al-Fitr, Eid al-Adha) is, for a country with holidays, the
  country's own days off around its own date of the feast (the Islamic calendar its holidays
  are dated by, :func:`accountdesk.core.culture.calendar.islamic_calendar`), whatever its list
  calls them (Nigeria's "Id el Fitr", Indonesia's joint holidays): Iran's Eid al-Fitr 2026 is
  on 21–22 March, not the table's 20–23 March; none where the country keeps no day off for it
  (Kazakhstan's Eid al-Fitr). Its advice says "several days" only where it is more than one,
  and Ramadan's says shorter office hours only where they are (:data:`RAMADAN_SHORTER_HOURS`).
  :func:`seasons_between` applies this.
* **Tết** from the Vietnamese variant of the Chinese lunisolar table (Vietnam's New Year differs
  from China's in some years).
* **Jewish High Holidays** (Rosh Hashanah eve to Simchat Torah) and **Passover** from the
  package's Hebrew lunisolar table; **Buddhist Lent** (Khao Phansa to Ok Phansa) from its Thai
  lunisolar table.
* **Thanksgiving** (fourth Thursday of November to Sunday) and **Midsummer** (Baltic fixed
  dates; the Nordic Midsummer weekend is the Friday between 19 and 25 June) by rule.
* A country's own days off (:func:`_own_span`): Songkran in Thailand and the April New Year
  of Laos, Cambodia and Myanmar, each with its own days and name; Nowruz outside Iran; the
  New Year holidays of Russia and its neighbours (Russia's and Kyrgyzstan's first week of
  January, Kazakhstan's days in lieu). The days in a row from the first public holiday of the
  name to the last (the weekend and other days off between them included, and a day off in
  place of a working day moved next to them: Russia's 9 January 2026), near the
  usual date; none where they are fewer than three days (Uzbekistan's 1 January is a
  holiday, not a season), nor where the holiday is not kept (Nowruz in Afghanistan).
* Fixed periods: Japan's Golden Week (29 April – 5 May), Obon (13–16 August) and New Year
  (28 December – 4 January), China's Golden Week (1–7 October), the European August, the
  Nordic July, Christmas to New Year and the southern summer (20 December – 31 January;
  to the end of February in Chile and Argentina, whose main holiday month is February).
* A season whose dates are the Islamic table's estimate is ``estimated``, and shown marked.

Every date here is an estimate of when business slows down, not an official holiday list: the
holidays themselves come from :mod:`accountdesk.core.culture.calendar`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from dateutil.easter import easter

from accountdesk.core.i18n import N_, _, current_language, use_language, with_remarks

if TYPE_CHECKING:
    from accountdesk.core.culture.calendar import Holiday

MUSLIM_MAJORITY = frozenset(
    [
        "AE",
        "AF",
        "AL",
        "AZ",
        "BD",
        "BF",
        "BH",
        "BN",
        "DJ",
        "DZ",
        "EG",
        "GM",
        "GN",
        "ID",
        "IQ",
        "IR",
        "JO",
        "KG",
        "KM",
        "KW",
        "KZ",
        "LB",
        "LY",
        "MA",
        "ML",
        "MR",
        "MV",
        "MY",
        "NE",
        "OM",
        "PK",
        "PS",
        "QA",
        "SA",
        "SD",
        "SL",
        "SN",
        "SO",
        "SY",
        "TD",
        "TJ",
        "TM",
        "TN",
        "TR",
        "UZ",
        "YE",
    ]
)
#: Where office hours are shorter during Ramadan, by law or by the government's yearly
#: decision (in the public sector at least, and many private firms follow): the Ramadan
#: season says so there; elsewhere it says that many keep the fast and claims no shorter hours
#: (Turkey, Albania, Kazakhstan, Azerbaijan and the other secular states keep their hours, and
#: most people there do not fast at work). The shorter working day itself, where the law
#: fixes it, is :data:`accountdesk.core.culture.calendar.RAMADAN_HOURS` (all of which are here).
#:
#: - AE, SA, QA, KW, BH, OM: the labour laws (``RAMADAN_HOURS``).
#: - EG, JO, IQ, PS: the cabinet's (Egypt's, Jordan's, Iraq's, the Palestinian Authority's)
#:   yearly circular on government hours in Ramadan (a late start, an early end).
#: - DZ, MA, TN: the public sector's Ramadan timetable (Tunisia's "séance unique", Morocco's
#:   and Algeria's shorter continuous day), decreed every year.
#: - IR: the government's Ramadan hours for its offices, announced every year.
#: - PK, BD: the federal (Pakistan) and Ministry of Public Administration (Bangladesh)
#:   notices of Ramadan office hours; banks follow.
#: - ID: the Ministry of Administrative Reform's circular on civil servants' Ramadan hours
#:   (32½ hours a week instead of 37½).
#: - MY: the Public Service Department's Ramadan hours for civil servants (a shorter lunch
#:   break, an earlier end).
RAMADAN_SHORTER_HOURS = frozenset(
    ["AE", "SA", "QA", "KW", "BH", "OM", "EG", "JO", "IQ", "PS", "DZ", "MA", "TN", "IR", "PK",
     "BD", "ID", "MY"]
)  # fmt: skip
#: Where the Lunar New Year stops business for a week or more (the Spring Festival holidays).
LUNAR_NEW_YEAR = frozenset(["CN", "TW"])
#: Where it is two or three public days (a day in lieu of a Sunday) and offices reopen after
#: them; Korea's Seollal is its own season. Not Indonesia or Brunei, where it is one public
#: holiday among others (their holidays list it) and offices reopen the next day.
LUNAR_NEW_YEAR_DAYS = frozenset(["SG", "MY", "HK", "MO"])
SHIA_MOURNING = frozenset(["IR", "IQ", "BH", "AZ", "LB"])
BALTIC_MIDSUMMER = frozenset(["LV", "EE", "LT"])
NORDIC = frozenset(["SE", "FI", "NO", "DK", "IS"])
BUDDHIST_LENT = frozenset(["TH", "LA", "KH", "MM"])
#: Where Nowruz is kept as a spring New Year besides Iran (whose two weeks are a season of
#: their own): each with its own days off (:func:`_own_span`). Afghanistan kept it until 2021;
#: the ``holidays`` package has no Nowruz there since, and so no season.
NOWRUZ = frozenset(["AF", "AZ", "TJ", "KZ", "UZ", "KG", "TM"])
DIWALI = frozenset(["IN", "NP", "SG", "MY", "MU", "FJ", "TT", "GY", "SR", "LK"])
EUROPEAN_AUGUST = frozenset(
    ["FR", "IT", "ES", "PT", "GR", "BE", "HR", "SI", "MT", "CY", "LU", "AT", "CH"]
)
CHRISTMAS = frozenset(
    [
        "US",
        "CA",
        "GB",
        "IE",
        "FR",
        "DE",
        "IT",
        "ES",
        "PT",
        "NL",
        "BE",
        "LU",
        "AT",
        "CH",
        "LI",
        "DK",
        "SE",
        "NO",
        "FI",
        "IS",
        "PL",
        "CZ",
        "SK",
        "HU",
        "SI",
        "HR",
        "LV",
        "LT",
        "EE",
        "MT",
        "AU",
        "NZ",
        "ZA",
        "BR",
        "AR",
        "CL",
        "CO",
        "PE",
        "MX",
        "UY",
        "PY",
        "BO",
        "EC",
        "VE",
        "CR",
        "PA",
        "GT",
        "HN",
        "SV",
        "NI",
        "DO",
        "CU",
        "PR",
        "PH",
        "KE",
        "NG",
        "GH",
        "UG",
        "TZ",
        "ZM",
        "ZW",
        "NA",
        "BW",
    ]
)
#: Where the New Year (and Christmas, where it is kept in January) may be several days off:
#: each with its own days off (:func:`_own_span`), a season only where they make one (Russia's
#: and Kyrgyzstan's first week of January; not Uzbekistan's or Tajikistan's 1 January).
NEW_YEAR_DAYS = frozenset(["RU", "BY", "KZ", "UZ", "KG", "TJ", "AM", "AZ", "GE", "MD"])
SOUTHERN_SUMMER = frozenset(["AU", "NZ", "ZA", "UY", "BR", "PY"])
#: Where the summer holidays run through February too (Santiago and Buenos Aires empty in
#: February; school starts in March).
LONG_SOUTHERN_SUMMER = frozenset(["AR", "CL"])
CARNIVAL = frozenset(["BR", "BO", "TT", "UY"])
HOLY_WEEK = frozenset(
    [
        "ES",
        "PT",
        "MX",
        "AR",
        "CL",
        "CO",
        "PE",
        "EC",
        "VE",
        "BO",
        "PY",
        "UY",
        "CR",
        "GT",
        "HN",
        "SV",
        "NI",
        "PA",
        "DO",
        "PH",
    ]
)


@dataclass(frozen=True)
class Season:
    key: str
    name: str
    start: date
    end: date
    advice: str
    countries: frozenset[str]
    #: Its dates come from a lunar table's estimate (the Islamic calendar's, announced late) or
    #: from holidays whose dates are estimated: shown marked, as such holidays are.
    estimated: bool = False

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class _Def:
    key: str
    name: str  # N_() marked
    advice: str  # N_() marked
    countries: frozenset[str]
    dates: Callable[[int], list[tuple[date, date]] | list[tuple[date, date, bool]]]
    #: The feast the season is, as the Islamic calendar the country's holidays are dated by
    #: names its dates (``"eid_al_fitr_dates"``): the season is the country's days off around
    #: its own date of the feast, whatever the holidays are called there (:func:`_own_feast`).
    feast: str | None = None
    #: The season is the country's own days off of these holidays (English names, as the
    #: ``holidays`` package gives them; a name is found inside a longer one: "Nowruz" in
    #: "International Nowruz Day"), near the dates above, and is none where they are fewer
    #: than :data:`_FEWEST_OWN_DAYS` days (:func:`_own_span`).
    own: tuple[str, ...] = ()
    #: The advice (``N_()`` marked) for a country and the season's dates there, where it is
    #: not the same everywhere: :data:`advice` is then what it says where nothing is known.
    advice_there: Callable[[str, date, date], str] | None = None


def _fixed(m1: int, d1: int, m2: int, d2: int) -> Callable[[int], list[tuple[date, date]]]:
    def dates(year: int) -> list[tuple[date, date]]:
        end_year = year if (m2, d2) >= (m1, d1) else year + 1
        return [(date(year, m1, d1), date(end_year, m2, d2))]

    return dates


@cache
def _islamic() -> object:
    from holidays.calendars.islamic import _IslamicLunar

    return _IslamicLunar()


def _ramadan(year: int) -> list[tuple[date, date, bool]]:
    cal = _islamic()
    starts = cal.ramadan_beginning_dates(year)  # type: ignore[attr-defined]
    fitrs = [d for d, _est in cal.eid_al_fitr_dates(year)]  # type: ignore[attr-defined]
    fitrs += [d for d, _est in cal.eid_al_fitr_dates(year + 1)]  # type: ignore[attr-defined]
    result = []
    for start, estimated in starts:
        if start.year != year:
            continue
        after = [f for f in fitrs if f > start]
        end = min(after) - timedelta(days=1) if after else start + timedelta(days=29)
        result.append((start, end, bool(estimated)))
    return result


def _eid_al_fitr(year: int) -> list[tuple[date, date, bool]]:
    days = _islamic().eid_al_fitr_dates(year)  # type: ignore[attr-defined]
    return [(d, d + timedelta(days=3), bool(est)) for d, est in days if d.year == year]


def _hajj(year: int) -> list[tuple[date, date, bool]]:
    days = _islamic().eid_al_adha_dates(year)  # type: ignore[attr-defined]
    return [
        (d - timedelta(days=2), d + timedelta(days=3), bool(est))
        for d, est in days
        if d.year == year
    ]


def _muharram(year: int) -> list[tuple[date, date, bool]]:
    starts = _islamic().hijri_new_year_dates(year)  # type: ignore[attr-defined]
    # 1 Muharram to Ashura (10 Muharram); a country that keeps Ashura has its own dates
    return [(d, d + _TO_ASHURA, bool(est)) for d, est in starts if d.year == year]


#: From 1 Muharram to Ashura, the 10th.
_TO_ASHURA = timedelta(days=9)


def _eid_al_adha(year: int) -> list[tuple[date, date, bool]]:
    days = _islamic().eid_al_adha_dates(year)  # type: ignore[attr-defined]
    return [(d, d + timedelta(days=3), bool(est)) for d, est in days if d.year == year]


def _lunar_new_year(
    last: int, variant: str | None = None
) -> Callable[[int], list[tuple[date, date]]]:
    """The Lunar New Year's eve to the ``last``-th day after the New Year's day, in the Chinese
    lunisolar calendar or its ``variant`` (KOREAN_CALENDAR)."""

    def dates(year: int) -> list[tuple[date, date]]:
        from holidays.calendars.chinese import _ChineseLunisolar

        table = _ChineseLunisolar() if variant is None else _ChineseLunisolar(variant)
        found, _est = table.lunar_new_year_date(year)
        if found is None:
            return []
        return [(found - timedelta(days=1), found + timedelta(days=last))]

    return dates


def _tet(year: int) -> list[tuple[date, date]]:
    from holidays.calendars.chinese import _ChineseLunisolar

    found, _est = _ChineseLunisolar("VIETNAMESE_CALENDAR").lunar_new_year_date(year)
    if found is None:
        return []
    return [(found - timedelta(days=2), found + timedelta(days=5))]


def _jewish_high_holidays(year: int) -> list[tuple[date, date]]:
    from holidays.calendars.hebrew import _HebrewLunisolar

    rosh = _HebrewLunisolar().rosh_hashanah_date(year)
    sukkot = _HebrewLunisolar().sukkot_date(year)
    if rosh is None or sukkot is None:
        return []
    return [(rosh - timedelta(days=1), sukkot + timedelta(days=7))]


def _passover(year: int) -> list[tuple[date, date]]:
    from holidays.calendars.hebrew import _HebrewLunisolar

    found = _HebrewLunisolar().passover_date(year)
    if found is None:
        return []
    return [(found - timedelta(days=1), found + timedelta(days=6))]


def _buddhist_lent(year: int) -> list[tuple[date, date]]:
    from holidays.calendars.thai import _ThaiLunisolar

    cal = _ThaiLunisolar()
    start, end = cal.khao_phansa_date(year), cal.ok_phansa_date(year)
    if start is None or end is None:
        return []
    return [(start, end)]


def _thanksgiving(year: int) -> list[tuple[date, date]]:
    first = date(year, 11, 1)
    thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return [(thursday, thursday + timedelta(days=3))]


def _nordic_midsummer(year: int) -> list[tuple[date, date]]:
    start = date(year, 6, 19)
    eve = start + timedelta(days=(4 - start.weekday()) % 7)
    return [(eve, eve + timedelta(days=2))]


def _chuseok(year: int) -> list[tuple[date, date]]:
    from holidays.calendars.chinese import _ChineseLunisolar

    found, _est = _ChineseLunisolar("KOREAN_CALENDAR").mid_autumn_date(year)
    if found is None:
        return []
    return [(found - timedelta(days=1), found + timedelta(days=1))]


def _diwali(year: int) -> list[tuple[date, date]]:
    from holidays.calendars.hindu import _HinduLunisolar

    found, _est = _HinduLunisolar().diwali_date(year)
    if found is None:
        return []
    return [(found - timedelta(days=2), found + timedelta(days=2))]


def _nowruz(year: int) -> list[tuple[date, date]]:
    from accountdesk.core.culture.calendar import country_holidays

    start = date(year, 3, 21)  # the equinox, when the package has no data for the year
    iran = country_holidays("IR", years=year, language="en_US")
    for day in sorted(iran):
        if day.month == 3 and "Nowruz" in iran.get_list(day):
            start = day
            break
    return [(start, start + timedelta(days=12))]


def _long_southern_summer(year: int) -> list[tuple[date, date]]:
    """20 December to the last day of February (the 29th in a leap year)."""
    return [(date(year, 12, 20), date(year + 1, 3, 1) - timedelta(days=1))]


def _carnival(year: int) -> list[tuple[date, date]]:
    e = easter(year)
    return [(e - timedelta(days=50), e - timedelta(days=46))]


def _holy_week(year: int) -> list[tuple[date, date]]:
    e = easter(year)
    return [(e - timedelta(days=7), e)]


_FAST_SHORTER_HOURS = N_(
    "Fasting month: shorter office hours, no lunch meetings, slower decisions; "
    "evening (iftar) invitations are an honour."
)
_FAST = N_(
    "Fasting month: many people keep the fast, though not everyone: don't press for a lunch "
    "meeting, and plan evening events around the meal that breaks the fast (iftar); an "
    "invitation to one is an honour."
)


def _fast_advice(country: str, _start: date, _end: date) -> str:
    """Shorter office hours only where they are (:data:`RAMADAN_SHORTER_HOURS`)."""
    return _FAST_SHORTER_HOURS if country in RAMADAN_SHORTER_HOURS else _FAST


def _days_advice(several: str, one: str) -> Callable[[str, date, date], str]:
    """The advice of a feast of several days off, or of one (Albania's Eid al-Fitr)."""
    return lambda _country, start, end: one if start == end else several


DEFINITIONS: tuple[_Def, ...] = (
    _Def(
        "ramadan",
        N_("Ramadan"),
        _FAST,
        MUSLIM_MAJORITY | frozenset({"NG"}),
        _ramadan,
        advice_there=_fast_advice,
    ),
    _Def(
        "eid_al_adha",
        N_("Eid al-Adha"),
        N_("Several days of family holiday; offices close and replies wait until after it."),
        MUSLIM_MAJORITY,
        _eid_al_adha,
        feast="eid_al_adha_dates",
        advice_there=_days_advice(
            N_("Several days of family holiday; offices close and replies wait until after it."),
            N_(
                "The Feast of Sacrifice: a public holiday spent with family; offices close that "
                "day and replies wait until the next working day."
            ),
        ),
    ),
    _Def(
        "nowruz",
        N_("Nowruz"),
        N_("Persian New Year: about two weeks of holidays and visits; little business gets done."),
        frozenset({"IR"}),
        _nowruz,
    ),
    _Def(
        "nowruz_days",
        N_("Nowruz"),
        N_("The spring New Year: public holidays and family visits; offices reopen after them."),
        NOWRUZ,
        _fixed(3, 21, 3, 21),
        own=("Nowruz", "Nooruz", "Navruz", "Novruz", "Nauryz", "Spring Festival"),
    ),
    _Def(
        "songkran",
        N_("Songkran"),
        N_("New Year water festival: offices close for days and many travel home."),
        frozenset({"TH"}),
        _fixed(4, 13, 4, 15),
        own=("Songkran",),
    ),
    _Def(
        "pi_mai",
        N_("Pi Mai (Lao New Year)"),
        N_("New Year water festival: offices close for days and many travel home."),
        frozenset({"LA"}),
        _fixed(4, 14, 4, 16),
        own=("Lao New Year",),
    ),
    _Def(
        "khmer_new_year",
        N_("Khmer New Year"),
        N_("New Year water festival: offices close for days and many travel home."),
        frozenset({"KH"}),
        _fixed(4, 14, 4, 16),
        own=("Khmer New Year",),
    ),
    _Def(
        "thingyan",
        N_("Thingyan (Myanmar New Year)"),
        N_("New Year water festival: offices close for days and many travel home."),
        frozenset({"MM"}),
        _fixed(4, 13, 4, 16),
        own=("Myanmar New Year",),
    ),
    _Def(
        "lunar_new_year",
        N_("Lunar New Year"),
        N_(
            "The year's biggest family holiday: factories and offices stop for a week or more; "
            "send greetings, not deadlines."
        ),
        LUNAR_NEW_YEAR,
        _lunar_new_year(6),
    ),
    _Def(
        "lunar_new_year_days",
        N_("Lunar New Year"),
        N_(
            "Two or three public holidays, with a day in lieu of one that falls on a Sunday; "
            "many offices close early on the eve and reopen after the holidays. Send greetings "
            "before the break; when visiting, bring mandarin oranges in pairs."
        ),
        LUNAR_NEW_YEAR_DAYS,
        _lunar_new_year(3),
    ),
    _Def(
        "seollal",
        N_("Seollal (Lunar New Year)"),
        N_(
            "Korean New Year: three public days (the eve, the day and the day after, with a "
            "day in lieu of one that falls on a Sunday) that most people spend travelling home "
            "to family; gift sets are sent before it and offices reopen after."
        ),
        frozenset({"KR"}),
        _lunar_new_year(2, "KOREAN_CALENDAR"),
    ),
    _Def(
        "japan_golden_week",
        N_("Golden Week (Japan)"),
        N_("A cluster of national holidays: many offices close and travel is booked out."),
        frozenset({"JP"}),
        _fixed(4, 29, 5, 5),
    ),
    _Def(
        "obon",
        N_("Obon"),
        N_("Mid-August week for visiting family graves; many companies close."),
        frozenset({"JP"}),
        _fixed(8, 13, 8, 16),
    ),
    _Def(
        "china_golden_week",
        N_("Golden Week (China)"),
        N_("National Day week: offices and factories close; plan orders around it."),
        frozenset({"CN"}),
        _fixed(10, 1, 10, 7),
    ),
    _Def(
        "chuseok",
        N_("Chuseok"),
        N_("Korean harvest festival: three days with family; gifts are exchanged before it."),
        frozenset({"KR"}),
        _chuseok,
    ),
    _Def(
        "diwali",
        N_("Diwali"),
        N_("Festival of lights: sweets and greetings are welcome; business pauses for some days."),
        DIWALI,
        _diwali,
    ),
    _Def(
        "european_august",
        N_("European August"),
        N_(
            "Summer holidays: many firms run a skeleton crew; expect decisions in September, "
            "once people are back."
        ),
        EUROPEAN_AUGUST,
        _fixed(8, 1, 8, 31),
    ),
    _Def(
        "christmas_new_year",
        N_("Christmas to New Year"),
        N_("Offices are thin and decisions wait until January; send greetings early."),
        CHRISTMAS,
        _fixed(12, 24, 1, 1),
    ),
    _Def(
        "new_year_days",
        N_("New Year holidays"),
        N_(
            "The New Year's public holidays (with Christmas, where it is kept in January): "
            "offices close and decisions wait until they reopen."
        ),
        NEW_YEAR_DAYS,
        _fixed(1, 1, 1, 1),
        own=("New Year", "Christmas"),
    ),
    _Def(
        "southern_summer",
        N_("Southern summer holidays"),
        N_("Main summer holidays: many decision makers are away until February."),
        SOUTHERN_SUMMER,
        _fixed(12, 20, 1, 31),
    ),
    _Def(
        "long_southern_summer",
        N_("Southern summer holidays"),
        N_(
            "Main summer holidays, January and February: offices run on holiday staff and "
            "many decision makers are away until March."
        ),
        LONG_SOUTHERN_SUMMER,
        _long_southern_summer,
    ),
    _Def(
        "carnival",
        N_("Carnival"),
        N_("Carnival days stop business; nothing moves until Ash Wednesday afternoon."),
        CARNIVAL,
        _carnival,
    ),
    _Def(
        "holy_week",
        N_("Holy Week"),
        N_("Easter week (Semana Santa): many take the whole week off."),
        HOLY_WEEK,
        _holy_week,
    ),
    _Def(
        "eid_al_fitr",
        N_("Eid al-Fitr"),
        N_(
            "The feast that ends Ramadan: offices close for several days; send greetings and "
            "expect replies after the break."
        ),
        MUSLIM_MAJORITY | frozenset({"NG"}),
        _eid_al_fitr,
        feast="eid_al_fitr_dates",
        advice_there=_days_advice(
            N_(
                "The feast that ends Ramadan: offices close for several days; send greetings "
                "and expect replies after the break."
            ),
            N_(
                "The feast that ends Ramadan: a public holiday, and offices close that day; "
                "send greetings and expect replies the next working day."
            ),
        ),
    ),
    _Def(
        "hajj",
        N_("Hajj"),
        N_(
            "Pilgrimage days: Mecca and Jeddah are crowded, flights and hotels are full and many "
            "people are away."
        ),
        frozenset({"SA"}),
        _hajj,
    ),
    _Def(
        "muharram",
        N_("Muharram mourning"),
        N_(
            "The first ten days of Muharram, up to Ashura, are a time of mourning: no cheerful "
            "promotions or celebrations."
        ),
        SHIA_MOURNING,
        _muharram,
    ),
    _Def(
        "tet",
        N_("Tết (Lunar New Year)"),
        N_(
            "Vietnam's biggest holiday: a week or more off, bonuses and gifts before it; "
            "business resumes slowly afterwards."
        ),
        frozenset({"VN"}),
        _tet,
    ),
    _Def(
        "jewish_high_holidays",
        N_("Jewish High Holidays"),
        N_(
            "From Rosh Hashanah through Yom Kippur to Sukkot many days are off; "
            "decisions are often put off until after the holidays."
        ),
        frozenset({"IL"}),
        _jewish_high_holidays,
    ),
    _Def(
        "passover",
        N_("Passover"),
        N_("A week of family holiday; many take the whole week off."),
        frozenset({"IL"}),
        _passover,
    ),
    _Def(
        "buddhist_lent",
        N_("Buddhist Lent"),
        N_(
            "Three months when many abstain from alcohol and postpone weddings and housewarmings; "
            "avoid gifts of alcohol."
        ),
        BUDDHIST_LENT,
        _buddhist_lent,
    ),
    _Def(
        "japan_new_year",
        N_("New Year (Japan)"),
        N_("Most companies close from about 29 December to 3 January; send New Year cards."),
        frozenset({"JP"}),
        _fixed(12, 28, 1, 4),
    ),
    _Def(
        "thanksgiving",
        N_("Thanksgiving"),
        N_("A long family weekend: expect little response from Thursday to Monday."),
        frozenset({"US"}),
        _thanksgiving,
    ),
    _Def(
        "baltic_midsummer",
        N_("Midsummer"),
        N_("Midsummer (Līgo and Jāņi in Latvia) empties offices for several days around it."),
        BALTIC_MIDSUMMER,
        _fixed(6, 22, 6, 25),
    ),
    _Def(
        "nordic_midsummer",
        N_("Midsummer"),
        N_("Midsummer weekend starts the summer holidays; the Friday is a day off."),
        NORDIC,
        _nordic_midsummer,
    ),
    _Def(
        "nordic_july",
        N_("Nordic summer holidays"),
        N_("Many offices run on holiday staff through July; plan decisions for August."),
        NORDIC,
        _fixed(7, 1, 8, 10),
    ),
)


@lru_cache(maxsize=512)
def _raw_year(year: int) -> tuple[tuple[_Def, date, date, bool], ...]:
    """All seasons *starting* in ``year`` (untranslated)."""
    found: list[tuple[_Def, date, date, bool]] = []
    for definition in DEFINITIONS:
        for span in definition.dates(year):
            found.append((definition, span[0], span[1], len(span) > 2 and bool(span[-1])))
    return tuple(found)


@lru_cache(maxsize=512)
def _translated_year(year: int, lang: str) -> tuple[Season, ...]:
    with use_language(lang):
        return tuple(
            Season(d.key, _(d.name), start, end, _(d.advice), d.countries, estimated)
            for d, start, end, estimated in _raw_year(year)
        )


def all_seasons_between(start: date, end: date, lang: str | None = None) -> list[Season]:
    """Every season (any country) overlapping ``start`` … ``end``. Seasons start in the years
    1 to 9998: one that starts in 9999 may end after the last day a date can have."""
    code = lang or current_language().code
    result: list[Season] = []
    for year in range(max(start.year - 1, MINYEAR), min(end.year, MAXYEAR - 1) + 1):
        result.extend(s for s in _translated_year(year, code) if s.start <= end and s.end >= start)
    result.sort(key=lambda s: (s.start, s.key))
    return result


#: How far from the Islamic table's date a country's own dates of the holiday may lie.
_NEAR = timedelta(days=7)


def _moved(day: date, by: timedelta) -> date:
    """``day + by``, stopped at the first or last day a date can have."""
    if by >= timedelta(0):
        return date.max if date.max - day < by else day + by
    return date.min if day - date.min < -by else day + by


_FEAST_OF = {d.key: d.feast for d in DEFINITIONS if d.feast is not None}
_OWN_OF = {d.key: d.own for d in DEFINITIONS if d.own}
_ADVICE_THERE = {d.key: d.advice_there for d in DEFINITIONS if d.advice_there is not None}
#: A country's own days off make a season only when there are at least so many: one or two
#: public holidays are a holiday, which the holiday list names (Uzbekistan's 1 January).
_FEWEST_OWN_DAYS = 3


@lru_cache(maxsize=4096)
def _kept(country: str, holiday: str, year: int) -> tuple[tuple[date, date], ...]:
    """The runs of days in a row that are public holidays named ``holiday`` (English) in
    ``country`` in ``year``, first and last day each."""
    from accountdesk.core.culture import calendar

    days = sorted(
        {
            h.date
            for h in calendar.holidays_for_year(country, None, year, "en")
            if h.is_public and holiday in h.name
        }
    )
    runs: list[tuple[date, date]] = []
    for day in days:
        if runs and day - runs[-1][1] == timedelta(days=1):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return tuple(runs)


def _kept_near(country: str, holiday: str, near: date) -> tuple[date, date] | None:
    """The run of public holidays named ``holiday`` (English) in ``country`` nearest ``near``
    (within :data:`_NEAR`), or None."""
    runs = [
        run
        for year in range(max(near.year - 1, MINYEAR), min(near.year + 1, MAXYEAR) + 1)
        for run in _kept(country, holiday, year)
        if abs(run[0] - near) <= _NEAR
    ]
    return min(runs, key=lambda run: abs(run[0] - near)) if runs else None


def _day_off(holiday: Holiday) -> bool:
    """A day offices close for: a public holiday, or a day off for some there (Indonesia's
    joint holidays, Egypt's government days of Eid)."""
    return holiday.is_public or holiday.kept_by_some


@lru_cache(maxsize=4096)
def _own_spans(
    country: str, names: tuple[str, ...], year: int
) -> tuple[tuple[date, date, bool], ...]:
    """The country's days off of the holidays ``names`` (English, found inside a name) in
    ``year`` and around it: the runs from a day off of one of those names to the last one,
    days between them that are off too (the weekend there, another holiday: Azerbaijan's Eid
    al-Fitr inside its Novruz week) joined in, and a day off in place of a working day moved
    next to a run (across the weekend) joined to it (Russia's 9 January 2026, after the New
    Year's days): each with whether one of its dates is estimated."""
    from accountdesk.core.culture import calendar

    weekend = calendar.weekend_days(country)
    off: dict[date, bool] = {}  # a day off's day -> whether it is one of ``names``
    moved: set[date] = set()
    estimated: set[date] = set()
    for y in (year - 1, year, year + 1):
        for h in calendar.holidays_for_year(country, None, y, "en"):
            if _day_off(h):
                named = any(name in h.name for name in names)
                off[h.date] = off.get(h.date, False) or named
                if named and h.estimated:
                    estimated.add(h.date)
                if calendar.base_holiday_name(h.name) is None:
                    moved.add(h.date)

    def closed(day: date) -> bool:
        return day in off or day.weekday() in weekend

    def reach(day: date, step: timedelta) -> date:
        """The farthest day off in place of a moved working day from ``day`` in ``step``'s
        direction with nothing but such days and the weekend between."""
        found, day = day, day + step
        while day in moved or day.weekday() in weekend:
            if day in moved:
                found = day
            day += step
        return found

    spans: list[tuple[date, date, bool]] = []
    for day in sorted(d for d, named in off.items() if named):
        if spans:
            first, last, guessed = spans[-1]
            between = [last + timedelta(days=n) for n in range(1, (day - last).days)]
            if all(closed(d) for d in between):
                spans[-1] = (first, day, guessed or day in estimated)
                continue
        spans.append((day, day, day in estimated))
    one_day = timedelta(days=1)
    return tuple(
        (reach(first, -one_day), reach(last, one_day), guessed) for first, last, guessed in spans
    )


def _own_span(country: str, key: str, near: date) -> tuple[date, date, bool] | None:
    """The country's own days off of the season ``key`` (:data:`_Def.own`) nearest the generic
    date ``near`` (within :data:`_NEAR`), when they are at least :data:`_FEWEST_OWN_DAYS`
    days; else None: the country has no such season that year."""
    names = _OWN_OF[key]
    found = [
        span
        for span in _own_spans(country, names, near.year)
        if abs(span[0] - near) <= _NEAR or span[0] <= near <= span[1]
    ]
    if not found:
        return None
    span = min(found, key=lambda span: abs(span[0] - near))
    return span if (span[1] - span[0]).days + 1 >= _FEWEST_OWN_DAYS else None


#: First days of the fast a country's religious authority has published, where the Islamic
#: table its holidays are dated by says another (the ``holidays`` package dates Turkey's
#: holidays by the Umm al-Qura table, whose 1 Ramadan 1447 is 18 February 2026); each with its
#: source. :func:`_own_fast` takes them before the table.
#:
#: - TR 2026: 19 February, the Presidency of Religious Affairs' (Diyanet) calendar of
#:   religious days for 2026 (the first sahur in the night of 18–19 February; Ramazan
#:   Bayramı on 20 March, as the table has it).
OWN_FAST_STARTS: dict[str, tuple[date, ...]] = {
    "TR": (date(2026, 2, 19),),
}


@lru_cache(maxsize=4096)
def _own_fast(country: str, near: date) -> tuple[date, date, bool] | None:
    """The fast as ``country``'s holidays date it: from its calendar's 1 Ramadan nearest
    ``near`` (the generic start, within :data:`_NEAR`) to the day before its own Eid al-Fitr
    (:func:`accountdesk.core.culture.calendar.islamic_calendar`, the table its holiday list
    is made from: Malaysia's fast runs 19 February – 20 March 2026, its Eid on the 21st, and
    the "additional holiday" of the 20th is not taken for Eid), or from the first day its
    religious authority published (:data:`OWN_FAST_STARTS`: Turkey's 19 February 2026);
    whether either end is only estimated. None for a country without Islamic holidays."""
    from accountdesk.core.culture import calendar

    cal = calendar.islamic_calendar(country)
    if cal is None:
        return None
    years = range(max(near.year - 1, MINYEAR), min(near.year + 1, MAXYEAR) + 1)
    starts = [(d, bool(e)) for y in years for d, e in cal.ramadan_beginning_dates(y)]
    published = [(d, False) for d in OWN_FAST_STARTS.get(country, ()) if abs(d - near) <= _NEAR]
    starts = published or [(d, e) for d, e in starts if d is not None and abs(d - near) <= _NEAR]
    if not starts:
        return None
    start, start_estimated = min(starts, key=lambda found: abs(found[0] - near))
    eids = [(d, bool(e)) for y in years for d, e in cal.eid_al_fitr_dates(y)]
    after = [(d, e) for d, e in eids if d is not None and start < d <= start + timedelta(days=31)]
    if not after:
        return None
    eid, eid_estimated = min(after)
    # a lunar month lasts 29 or 30 days: an estimated start that makes it shorter or longer
    # than the country's Eid allows (Nigeria's table: 19 February, its Eid 19 March 2026) is
    # set by the Eid
    days = (eid - start).days
    if days not in (29, 30) and start_estimated:
        start = eid - timedelta(days=29 if days < 29 else 30)
    return start, eid - timedelta(days=1), start_estimated or eid_estimated


def _days_off_named(country: str, day: date) -> set[str]:
    """The names (English, without the package's forms around them) of the days off on
    ``day`` in ``country``."""
    from accountdesk.core.culture import calendar

    return {
        name
        for h in calendar.holidays_for_year(country, None, day.year, "en")
        if h.date == day and _day_off(h) and (name := calendar.base_holiday_name(h.name))
    }


def _feast_names(country: str, feast: str, day: date) -> tuple[str, ...]:
    """The names ``country`` gives the feast it keeps on ``day`` (its date by the method
    ``feast`` of its Islamic calendar): those of the days off on it that are on its date a
    year before or after too, where there are such: Nowruz, on Iran's Eid al-Fitr of 2026, is
    a solar feast and not the Eid's."""
    from accountdesk.core.culture import calendar

    names = _days_off_named(country, day)
    cal = calendar.islamic_calendar(country)
    others: set[str] = set()
    for year in (day.year - 1, day.year + 1):
        if MINYEAR < year < MAXYEAR:
            for other, _e in getattr(cal, feast)(year):
                if other is not None and other != day:
                    others |= _days_off_named(country, other)
    return tuple(sorted(names & others or names))


def _own_feast(country: str, feast: str, near: date) -> tuple[date, date, bool] | None:
    """The country's days off of the feast whose date the Islamic calendar its holidays are
    dated by gives by the method ``feast`` (``"eid_al_fitr_dates"``), nearest ``near`` (the
    generic date, within :data:`_NEAR`): the holidays on that date, by the names the
    country's list gives them (Nigeria's "Id el Fitr", Indonesia's "Eid al-Adha" with its
    "Eid al-Adha Joint Holiday"), their run of days (:func:`_own_spans`); whether a date is
    estimated. None where the country keeps no day off on its date (Kazakhstan's Eid
    al-Fitr: offices are open); ``near`` itself, four days, where the table has no date."""
    from accountdesk.core.culture import calendar

    fallback = (near, near + timedelta(days=3), True)
    cal = calendar.islamic_calendar(country)
    if cal is None:
        return fallback
    years = range(max(near.year - 1, MINYEAR), min(near.year + 1, MAXYEAR) + 1)
    days = [d for y in years for d, _e in getattr(cal, feast)(y) if d is not None]
    days = [d for d in days if abs(d - near) <= _NEAR]
    if not days:
        return fallback
    day = min(days, key=lambda d: abs(d - near))
    names = _feast_names(country, feast, day)
    if not names:
        return None
    return next(
        (span for span in _own_spans(country, names, day.year) if span[0] <= day <= span[1]),
        None,
    )


def _own_dates(country: str, season: Season) -> Season | None:
    """``season`` with ``country``'s own dates when it is a holiday the country keeps. Where the
    country's Eid al-Fitr comes later than the generic one, its Ramadan is as many days later,
    start and end, and ends the day before (Iran's fast runs 19 February – 20 March 2026, its
    Eid on the 21st, where the generic table has 18 February – 19 March and the 20th): the
    month's sighting comes later at both ends and keeps the table's 29 or 30 days (a fast
    stretched at one end only would last 31). A holiday that starts earlier (Saudi Arabia's,
    from the last day of the fast) does not move the fast."""
    if season.key == "muharram":  # ends on the country's own Ashura (Iran's is often later)
        ashura = _kept_near(country, "Ashura", season.end)
        if ashura is None:
            return season
        return replace(season, start=ashura[1] - _TO_ASHURA, end=ashura[1])
    if season.key == "ramadan":
        fast = _own_fast(country, season.start)
        if fast is None:
            return season
        return replace(season, start=fast[0], end=fast[1], estimated=fast[2])
    feast = _FEAST_OF.get(season.key)
    if feast is None:
        return season
    own = _own_feast(country, feast, season.start)
    if own is None:
        return None
    return replace(season, start=own[0], end=own[1], estimated=own[2])


def season_title(season: Season, *also: str) -> str:
    """A season's name as the panel, the account summary, Today, the Countries screen and the
    command line show it: "estimated date" in brackets after it when its dates are an
    estimate (Ramadan and Eid in a year the Islamic table only estimates), as such a holiday
    is marked, and ``also`` in the same brackets (its span: "Ramadan (estimated date, 8 Feb –
    8 Mar 2027)", :func:`i18n.with_remarks`); the name is isolated."""
    return with_remarks(season.name, [_("estimated date") if season.estimated else "", *also])


def season_name(key: str) -> str:
    """The name of the season ``key`` in the UI language ("Ramadan")."""
    return _(next(d.name for d in DEFINITIONS if d.key == key))


def season_on(country: str, key: str, day: date, lang: str | None = None) -> Season | None:
    """The season ``key`` of ``country`` (with its own dates) that ``day`` is in, or None."""
    return next((s for s in seasons_between(country, day, day, lang) if s.key == key), None)


def _of_country(country: str, season: Season, lang: str | None) -> Season | None:
    """``season`` as ``country`` has it: its own days off (:data:`_Def.own`: Laos's New Year
    from the 14th, none for Uzbekistan's one New Year's Day), else its own dates of the
    holiday it is (:func:`_own_dates`); with the advice for the country and those dates
    (:data:`_Def.advice_there`: shorter hours in Ramadan where they are; Albania's one day
    of Eid al-Fitr)."""
    found: Season | None
    if season.key in _OWN_OF:
        own = _own_span(country, season.key, season.start)
        if own is None:
            return None
        found = replace(season, start=own[0], end=own[1], estimated=own[2])
    else:
        found = _own_dates(country, season)
    advice = _ADVICE_THERE.get(season.key)
    if found is None or advice is None:
        return found
    with use_language(lang or current_language().code):
        return replace(found, advice=_(advice(country, found.start, found.end)))


def seasons_between(country: str, start: date, end: date, lang: str | None = None) -> list[Season]:
    """The seasons that apply to ``country`` and overlap ``start`` … ``end``, by start date; a
    season that is a holiday the country keeps has the country's own dates, and one made of
    the country's own days off has those or is none."""
    cc = country.upper()
    wider = all_seasons_between(_moved(start, -_NEAR), _moved(end, _NEAR), lang)
    found = [
        own for s in wider if cc in s.countries and (own := _of_country(cc, s, lang)) is not None
    ]
    result = [s for s in found if s.start <= end and s.end >= start]
    result.sort(key=lambda s: (s.start, s.key))
    return result
