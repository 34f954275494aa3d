"""Cultural intelligence: country facts, holidays, seasons and etiquette notes (no GUI).

Modules: :mod:`countries` (ISO facts), :mod:`calendar` (weekends, business hours, holidays),
:mod:`seasons` (multi-day periods such as Ramadan or Golden Week), :mod:`etiquette` (the shipped
notes in ``resources/etiquette``), :mod:`profile` (a country's whole profile and its plain-text
rendering) and :mod:`panel` (the "before you reach out" data and the Today block).
"""
