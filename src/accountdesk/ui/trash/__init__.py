"""The trash: what was deleted, with restore and delete-for-good."""
