"""Numbers given to the command line: ``country --year`` takes the year as the language writes
it, as a typed date does (i18n.parse_date_input): in Thai the Buddhist era's 2570 is 2027, the
year the profile's own heading and dates then show. It was taken as the Gregorian 2570:
"Holidays in 3113", and no holiday data. A seed that is not a number is said in words."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.mark.parametrize("typed", ["2570", "๒๕๗๐", "2027"])
def test_a_thai_year_in_the_buddhist_era(run: Run, typed: str) -> None:
    result = run("country", "TH", "--lang", "th", "--year", typed, check=True)
    assert "3113" not in result.stdout
    holidays = result.stdout.split("วันหยุดในปี 2570")[1]  # "Holidays in 2570"
    assert "1 ม.ค. 2570" in holidays  # New Year's Day 2027, in the Buddhist era
    assert "2569" not in holidays and "2571" not in holidays


def test_a_year_in_another_language_is_gregorian(run: Run) -> None:
    result = run("country", "TR", "--lang", "tr", "--year", "2570", check=True)
    assert "2570" in result.stdout
    assert "2027" not in result.stdout


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "accountdesk demo: argument --seed: must be a whole number"),
        ("tr", "accountdesk demo: --seed argümanı: tam sayı olmalı"),
    ],
)
def test_a_seed_that_is_not_a_number_is_said_in_words(run: Run, lang: str, expected: str) -> None:
    """``demo --seed x`` said "invalid int value: 'x'" (Python's name for the type), in
    Turkish "geçersiz int değeri"."""
    result = run("demo", "--db", "d.db", "--lang", lang, "--seed", "x")
    assert result.returncode == 2
    assert "int" not in result.stderr.splitlines()[-1]
    assert result.stderr.splitlines()[-1] == expected


@pytest.mark.parametrize(
    ("lang", "typed", "heading"),
    [
        ("tr", "Türkiye", "Türkiye (TR)"),
        ("tr", "Letonya", "Letonya (LV)"),
        ("th", "ไทย", "ไทย (TH)"),
        ("sl", "Latvija", "Latvija (LV)"),
        ("tr", "tr", "Türkiye (TR)"),
    ],
)
def test_country_takes_a_country_as_people_write_it(
    run: Run, lang: str, typed: str, heading: str
) -> None:
    """``report trip --country Türkiye`` and ``report portfolio --country Letonya`` took the
    name (validation.country); ``country Türkiye`` said it was not an ISO 3166 code."""
    result = run("country", typed, "--lang", lang, "--year", "2027", check=True)
    assert result.stdout.splitlines()[0] == heading
