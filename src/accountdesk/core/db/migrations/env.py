"""Alembic environment: runs on the connection AccountDesk hands over (no alembic.ini)."""

from __future__ import annotations

from typing import Any

from alembic import context

from accountdesk.core.db.models import Base


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    # The full-text tables are created with raw SQL; they are not part of the ORM metadata.
    return not (type_ == "table" and name is not None and name.startswith("search_"))


connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - AccountDesk always passes a connection
    raise RuntimeError("run migrations through accountdesk.core.db.migrations")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=include_object,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
