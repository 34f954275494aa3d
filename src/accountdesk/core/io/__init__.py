"""Import and export: CSV (one row per contact), a full JSON export."""
