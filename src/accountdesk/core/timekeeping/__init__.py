"""Time: wall time + IANA zone → instant, working hours, scheduling, the meeting planner,
recurrence, stay-in-touch cadences, reminders and iCalendar. Pure: no GUI, no database.

Modules: :mod:`.zones`, :mod:`.calendars`, :mod:`.workhours`, :mod:`.scheduling`,
:mod:`.planner`, :mod:`.recurrence`, :mod:`.stay_in_touch`, :mod:`.reminders`, :mod:`.ical`.
"""
