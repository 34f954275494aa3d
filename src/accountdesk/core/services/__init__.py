"""Use cases: every write the app makes, one transaction per user action."""
