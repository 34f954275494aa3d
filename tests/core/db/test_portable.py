"""SQL written in SQLite's words, as psycopg takes it (core/db/portable.py)."""

from __future__ import annotations

import re

import pytest

from accountdesk.core.db import fts, portable
from accountdesk.core.queries import lists, today


class _Psycopg:
    """Stands for a psycopg connection: portable.is_postgres looks at the module's name."""


_Psycopg.__module__ = "psycopg.connection"
PG, LITE = _Psycopg(), object()


@pytest.mark.parametrize(
    ("sqlite", "postgres"),
    [
        ("SELECT a FROM t WHERE id = ? AND k = ?", "SELECT a FROM t WHERE id = %s AND k = %s"),
        ("WHERE k.key >= :q AND d.kind = :kind", "WHERE k.key >= %(q)s AND d.kind = %(kind)s"),
        ("WHERE f.words @@ CAST(:q AS tsquery)", "WHERE f.words @@ CAST(%(q)s AS tsquery)"),
        ("SELECT x::text FROM t WHERE y = :y", "SELECT x::text FROM t WHERE y = %(y)s"),
        ("AND c.subdivision IS ? AND c.work_end IS ?",
         "AND c.subdivision IS NOT DISTINCT FROM %s AND c.work_end IS NOT DISTINCT FROM %s"),
        ("SELECT group_concat(ref, ' ') FROM d", "SELECT string_agg(ref, ' ') FROM d"),
        ("SELECT 100 % 7, ?", "SELECT 100 %% 7, %s"),
        ("WHERE deleted_at IS NULL", "WHERE deleted_at IS NULL"),
    ],
)  # fmt: skip
def test_statements_are_rewritten_for_postgresql_only(sqlite: str, postgres: str) -> None:
    assert portable.statement(PG, sqlite) == postgres
    assert portable.statement(LITE, sqlite) == sqlite


def _statements() -> list[tuple[str, str]]:
    found = []
    for module in (fts, lists, today):
        for name, value in vars(module).items():
            if isinstance(value, str) and re.search(r"\b(SELECT|INSERT|DELETE)\b", value):
                found.append((f"{module.__name__}.{name}", value))
    return found


def test_the_statements_run_through_it_have_nothing_to_rewrite_inside_quotes() -> None:
    """The rewriting does not parse SQL (the module doc): no placeholder-like text, ``%`` or
    ``IS ?`` may stand inside a string literal of a statement that goes through it."""
    statements = _statements()
    assert len(statements) >= 8, statements
    for name, sql in statements:
        for literal in re.findall(r"'([^']*)'", sql):
            assert not re.search(r"\?|:[A-Za-z_]|%|\bIS\b", literal), (name, literal)
