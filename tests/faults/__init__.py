"""Fault tests: operations killed with SIGKILL at any moment (``harness.py``, run 20 times per
operation by ``test_sigkill.py`` and 200 times by ``run.py``), and property-based fuzzing of
the CSV and iCalendar importers (``test_fuzz_csv.py``, ``test_fuzz_ics.py``)."""
