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
