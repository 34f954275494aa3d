"""Everything that is not GUI. Nothing below this package imports QtWidgets or QtGui.

One tzdata: every ``ZoneInfo`` in the process (the app's, Babel's, the holidays package's …)
reads the ``tzdata`` package AccountDesk ships, never the system's ``/usr/share/zoneinfo``
(often older) nor ``PYTHONTZPATH``. With an empty search path, :mod:`zoneinfo` falls back to
the package, so a zone's rules are the same on every machine and ``accountdesk --version``
names them. This runs first, when anything in the core is imported.
"""

import zoneinfo as _zoneinfo

import tzdata as _tzdata  # type: ignore[import-untyped]

_zoneinfo.reset_tzpath(to=[])
_zoneinfo.ZoneInfo.clear_cache()  # nothing read from the system's files stays in use

#: The IANA release of the time zone rules in use, e.g. "2025c".
TZDATA_VERSION: str = _tzdata.IANA_VERSION
