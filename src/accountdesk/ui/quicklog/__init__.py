"""Quick log (Ctrl+L): log a call, visit or message with a contact in one step."""
