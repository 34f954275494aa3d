"""A country's whole profile (facts, hours, etiquette) and its plain-text rendering for the CLI."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, time

from accountdesk.core import i18n
from accountdesk.core.bidi import plain
from accountdesk.core.calendars import year_of, year_span
from accountdesk.core.culture import calendar, countries, etiquette, seasons
from accountdesk.core.i18n import N_, _, join_list, use_language
from accountdesk.core.timekeeping.calendars import ShortDay
from accountdesk.core.timekeeping.workhours import shorter_end

CATEGORY_LABELS: dict[str, str] = {
    "public": N_("public"),
    "bank": N_("bank"),
    "half_day": N_("half day"),
    "optional": N_("optional"),
    "government": N_("government"),
    "school": N_("school"),
    "workday": N_("working day observance"),
    "armed_forces": N_("armed forces"),
    "unofficial": N_("unofficial"),
    "catholic": N_("Catholic"),
    "christian": N_("Christian"),
    "hindu": N_("Hindu"),
    "islamic": N_("Islamic"),
    "jewish": N_("Jewish"),
    "chinese": N_("Chinese"),
    "workers": N_("workers"),
    "hebrew": N_("Jewish"),  # the Hebrew calendar's holidays (Argentina, Iraq, Montenegro …)
    "orthodox": N_("Orthodox"),
    "protestant": N_("Protestant"),
    "sabian": N_("Mandaean"),  # Iraq's Sabian-Mandaean community
    "yazidi": N_("Yazidi"),
    # North Macedonia's and Argentina's days off for the members of a community
    "albanian": N_("Albanian community"),
    "armenian": N_("Armenian community"),
    "bosnian": N_("Bosniak community"),
    "roma": N_("Roma community"),
    "serbian": N_("Serbian community"),
    "turkish": N_("Turkish community"),
    "vlach": N_("Vlach community"),
    "de_facto": N_("customary day off"),  # Switzerland's and Sweden's days off in practice
    "optional_women": N_("optional for women"),  # India
}
MARKERS: dict[str, str] = {"do": "+", "dont": "-", "tip": "*"}


def category_label(category: str) -> str:
    label = CATEGORY_LABELS.get(category)
    return _(label) if label else category.replace("_", " ")


def kinds_beside(holiday: calendar.Holiday) -> str:
    """The kinds of ``holiday`` to show beside its name: those its name does not already say
    (Japan's "Bank Holiday" read "วันหยุดธนาคาร (วันหยุดธนาคาร)" in Thai, Qatar's March bank
    holiday "Marta banku brīvdiena (banku brīvdiena)" in Latvian); empty when none is left."""
    name = plain(str(holiday.name)).casefold()
    spaced = " " in name  # Thai writes no spaces between words: there, a label inside counts

    def said(label: str) -> bool:
        folded = label.casefold()
        if not spaced:
            return folded in name
        # a whole word: "bank" is not said by "Bankers' Day", nor "public" by "Republic Day"
        return re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", name) is not None

    return join_list(label for c in holiday.categories if not said(label := category_label(c)))


def average_disclaimer(*, for_person: bool) -> str:
    """The line under country notes: they describe a culture's average. ``for_person`` when
    they are shown beside one contact (their panel, a gift for them), which the line then
    speaks of; else (an account, a country, a gift for the account as a whole) it speaks of
    nobody in particular."""
    if for_person:
        return _(
            "Country notes describe a culture's average, never this person: "
            "their own notes and preferences always come first."
        )
    return _(
        "Country notes describe a culture's average, never an individual: "
        "a contact's own notes and preferences always come first."
    )


@dataclass(frozen=True)
class CountryProfile:
    code: str
    name: str
    languages: list[tuple[str, str]]  # (tag, name in the UI language)
    currency: str | None
    currency_name: str | None
    zones: list[str]
    main_zone: str | None  # None: the country keeps several clocks
    weekend: frozenset[int]
    weekend_names: list[str]
    business_hours: calendar.BusinessHours
    #: Days the law or custom makes shorter (Iran's Thursday, Ramadan in the Gulf, Latvia's
    #: day before a public holiday): their name and their hours, as the working-time rule
    #: counts them.
    shorter_days: list[tuple[str, time, time]]
    etiquette: etiquette.Etiquette | None

    @property
    def curated(self) -> bool:
        return self.etiquette is not None


def weekday_name(day: int) -> str:
    return str(i18n.current_locale().days["format"]["wide"][day])


def _languages(cc: str) -> list[tuple[str, str]]:
    return i18n.named_languages(countries.country_languages(cc))


def _shorter_days(cc: str) -> list[tuple[str, time, time]]:
    """The country's shorter days (:func:`calendar.shorter_days`, the list the working-time
    rule applies: :func:`calendar.short_day_on`) with their hours from the business hours'
    start, by that rule (:func:`workhours.shorter_end`)."""
    hours = calendar.business_hours(cc)
    start = hours.start.hour * 60 + hours.start.minute
    end = hours.end.hour * 60 + hours.end.minute
    found = []
    for rule in calendar.shorter_days(cc):
        minute = shorter_end(
            start, end, ShortDay(date.min, rule.name, rule.shortened, rule.at_most)
        )
        if minute is not None:
            found.append((rule.name, hours.start, time(minute // 60, minute % 60)))
    return found


def shorter_days_text(days: list[tuple[str, time, time]]) -> str:
    """ "Thursday 08:00–13:00; Ramadan 09:00–16:00" in the language (the Countries screen
    and ``accountdesk country``)."""
    return i18n.join_clauses(
        _("{name} {hours}").format(
            name=name,
            hours=_("{start}–{end}").format(
                start=i18n.format_time(start), end=i18n.format_time(end)
            ),
        )
        for name, start, end in days
    )


def country_profile(code: str, lang: str | None = None) -> CountryProfile:
    cc = code.upper()
    language = lang or i18n.current_language().code
    with use_language(language):
        currency = countries.country_currency(cc)
        weekend = calendar.weekend_days(cc)
        return CountryProfile(
            code=cc,
            name=i18n.country_name(cc),
            languages=_languages(cc),
            currency=currency,
            currency_name=i18n.currency_name(currency) if currency else None,
            zones=countries.country_zones(cc),
            main_zone=countries.main_zone(cc),
            weekend=weekend,
            weekend_names=[weekday_name(d) for d in sorted(weekend)],
            business_hours=calendar.business_hours(cc),
            shorter_days=_shorter_days(cc),
            etiquette=etiquette.load_etiquette(cc, language),
        )


def _columns(text: str) -> int:
    """How many columns of a terminal ``text`` takes: a Thai vowel or tone mark above or below
    its consonant takes none (nor does any other combining mark or format character), a wide
    (CJK) letter two. A heading's underline was as long as its code points: 12 "=" under the
    8 columns of "ญี่ปุ่น (JP)"."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _heading(text: str) -> list[str]:
    return ["", text, "-" * _columns(text)]


def _year_text(start: date, end: date) -> str:
    """The Gregorian year ``start`` … ``end`` as the dates beside it write years: the Buddhist
    era's number in Thai (the same days: 2569 for 2026); else the Gregorian number said to be
    one, with the years of the language's calendar it spans ("۲۰۲۷ میلادی (۱۴۰۵–۱۴۰۶)": a
    bare "۲۰۲۷" headed a list of Solar Hijri dates), in the language's digits."""
    cal = i18n.current_calendar()
    own = year_of(start, cal)
    if year_span(own, cal) == (start, end):
        return i18n.localize_digits(str(own))
    last = year_of(end, cal)
    if last == start.year and own == start.year:  # the Gregorian calendar itself
        return i18n.localize_digits(str(start.year))
    years = i18n.localize_digits(f"{own}–{last}" if last != own else str(own))
    # TRANSLATORS: a Gregorian year heading a list of dates of another calendar, with the
    # years of that calendar it spans: "2027 AD (1405–1406)"
    return _("{year} of the Gregorian calendar ({years})").format(
        year=i18n.localize_digits(str(start.year)), years=years
    )


def render_country_text(code: str, year: int, lang: str) -> str:
    """The complete plain-text profile of a country for ``accountdesk country``."""
    cc = code.upper()
    with use_language(lang):
        profile = country_profile(cc, lang)
        title = f"{profile.name} ({cc})"
        lines = [title, "=" * _columns(title)]
        if profile.curated:
            lines.append(_("Curated etiquette notes: yes."))
        else:
            lines.append(_("No curated etiquette notes for this country yet: calendar facts only."))
        none = _("unknown")
        langs = join_list(f"{name} ({tag})" for tag, name in profile.languages) or none
        lines.append(_("Languages: {languages}").format(languages=langs))
        currency = f"{profile.currency_name} ({profile.currency})" if profile.currency else none
        lines.append(_("Currency: {currency}").format(currency=currency))
        zones = join_list(f"{i18n.zone_name(z)} ({z})" for z in profile.zones) or none
        lines.append(_("Time zones: {zones}").format(zones=zones))
        lines.append(_("Weekend: {days}").format(days=join_list(profile.weekend_names)))
        hours = profile.business_hours
        span = f"{i18n.format_time(hours.start)}–{i18n.format_time(hours.end)}"
        if hours.curated:
            lines.append(_("Business hours: {hours} (curated)").format(hours=span))
        else:
            lines.append(
                _("Business hours: {hours} (a default, not curated for this country)").format(
                    hours=span
                )
            )
        if profile.shorter_days:
            lines.append(
                _("Shorter days: {days}").format(days=shorter_days_text(profile.shorter_days))
            )
        notes = profile.etiquette
        if notes is not None:
            lines.extend(["", notes.summary])
            legend = join_list(
                f"{MARKERS[k]} {_(etiquette.KIND_LABELS[k])}" for k in ("do", "dont", "tip")
            )
            lines.append(_("Markers: {legend}").format(legend=legend))
            for section in etiquette.SECTIONS:
                lines.extend(_heading(_(etiquette.SECTION_TITLES[section])))
                for note in notes.sections.get(section, []):
                    lines.append(f"  {MARKERS.get(note.kind, '*')} {note.text}")
            if notes.phrases:
                lines.extend(_heading(_("Useful phrases")))
                for phrase in notes.phrases:
                    # the guide is an English respelling, for English readers only
                    said = f" [{phrase.pronunciation}]" if phrase.pronunciation else ""
                    lines.append(f"  {phrase.local}{said}: {phrase.meaning}")
            lines.extend(["", average_disclaimer(for_person=False)])
        start, end = date(year, 1, 1), date(year, 12, 31)
        named = _year_text(start, end)
        found_seasons = seasons.seasons_between(cc, start, end, lang)
        if found_seasons:
            lines.extend(_heading(_("Seasons in {year}").format(year=named)))
            for season in found_seasons:
                lines.append(
                    f"  {i18n.format_date(season.start)} – {i18n.format_date(season.end)}  "
                    f"{seasons.season_title(season)}: {season.advice}"
                )
        lines.extend(_heading(_("Holidays in {year}").format(year=named)))
        found = calendar.holidays_between(cc, None, start, end, lang)
        if not found:
            lines.append("  " + _("No holiday data for this country."))
        estimated_any = False
        for holiday in found:
            kinds = kinds_beside(holiday)
            mark = ""
            if holiday.estimated:
                mark = " *"
                estimated_any = True
            beside = f"  ({kinds})" if kinds else ""
            lines.append(f"  {i18n.format_date(holiday.date)}  {holiday.name}{mark}{beside}")
        if estimated_any:
            lines.append(_("* estimated date: lunar and Islamic holidays are confirmed late."))
    return "\n".join(lines) + "\n"
