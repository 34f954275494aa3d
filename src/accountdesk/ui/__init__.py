"""The desktop app (PySide6). A thin client of :mod:`accountdesk.core`: it calls services for
writes and query functions for reads, and never holds a database session."""
