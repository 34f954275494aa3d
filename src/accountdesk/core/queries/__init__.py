"""Read-only views for lists, panels and reports: plain dataclasses and rows, no ORM objects.

One module per area (search, lists, details …); writes never go through here.
"""
