"""The holidays of one country load only that country's module of the ``holidays`` package."""

from __future__ import annotations

import subprocess
import sys

from holidays.registry import COUNTRIES

from accountdesk.core.culture.calendar import _country_class, country_holidays

PROBE = """
import sys
from datetime import date
from accountdesk.core.culture.calendar import holidays_between, weekend_days
names = [h.name for h in holidays_between("IR", None, date(2026, 3, 19), date(2026, 3, 25), "en")]
print(sorted(weekend_days("IR")), "Nowruz" in " ".join(names))
loaded = sorted(m for m in sys.modules if m.startswith("holidays.countries."))
print("holidays.countries" in sys.modules, loaded)
"""


def test_one_country_loads_one_module() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == "[4] True"  # Iran's Friday weekend and Nowruz, from the package's data
    assert out[1] == "False ['holidays.countries.iran']"


def test_every_country_is_the_class_the_package_would_use() -> None:
    import holidays.countries

    for _module, (_name, alpha2, *_rest) in COUNTRIES.items():
        ours = _country_class(alpha2)
        theirs = getattr(holidays, alpha2).get_entity()
        # the package's two-letter name is an alias subclass in the same module
        assert ours is theirs or (issubclass(theirs, ours) and ours.__module__ == theirs.__module__)
    assert _country_class("XX") is None
    assert country_holidays("LV", years=2026)[__import__("datetime").date(2026, 11, 18)]
