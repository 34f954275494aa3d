"""The holidays of one country load only that country's module of the ``holidays`` package."""

from __future__ import annotations

import subprocess
import sys

import pytest
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


EVERY_COUNTRY = """
import sys
from pathlib import Path
import holidays
import pytest
import pytest
from holidays.registry import COUNTRIES
from accountdesk.core.culture.calendar import _country_class
folder = Path(holidays.__file__).parent / "countries"
def builds_on_another(module):
    return "holidays.countries." in (folder / f"{module}.py").read_text(encoding="utf-8")
codes = [(m, names[1]) for m, names in COUNTRIES.items()]
territories_first = sys.argv[1] == "territories first"
first = [code for m, code in codes if builds_on_another(m) == territories_first]
ours = {code: _country_class(code) for code in first}
alone = "holidays.countries" not in sys.modules
ours.update({code: _country_class(code) for _m, code in codes})
import holidays.countries
for code, cls in ours.items():
    theirs = getattr(holidays, code).get_entity()
    assert cls is theirs or (issubclass(theirs, cls) and cls.__module__ == theirs.__module__), code
print(len(ours), alone)
"""


@pytest.mark.parametrize("order", ["countries first", "territories first"])
def test_every_country_loads_alone_in_either_order(order: str) -> None:
    # American Samoa's module builds on the United States' (and 20 more like it): loading one
    # of those before, after or without the package must give the package's own classes
    out = subprocess.run(
        [sys.executable, "-c", EVERY_COUNTRY, order], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr[-2000:]
    count, alone = out.stdout.split()
    assert int(count) == len(COUNTRIES)
    assert alone == ("True" if order == "countries first" else "False")


def test_every_country_is_the_class_the_package_would_use() -> None:
    import holidays.countries

    for _module, (_name, alpha2, *_rest) in COUNTRIES.items():
        ours = _country_class(alpha2)
        theirs = getattr(holidays, alpha2).get_entity()
        # the package's two-letter name is an alias subclass in the same module
        assert ours is theirs or (issubclass(theirs, ours) and ours.__module__ == theirs.__module__)
    assert _country_class("XX") is None
    assert country_holidays("LV", years=2026)[__import__("datetime").date(2026, 11, 18)]
