"""placeholder"""

from datetime import time


def curated_hours(country: str) -> tuple[time, time] | None:
    return None
