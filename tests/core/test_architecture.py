"""The core stays free of GUI code, and the UI stays free of database sessions."""

from __future__ import annotations

import ast
from pathlib import Path

import accountdesk

SRC = Path(accountdesk.__file__).parent
CORE = SRC / "core"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_core_never_imports_qt_widgets_or_gui() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        for name in _imports(path):
            if name.startswith(("PySide6.QtWidgets", "PySide6.QtGui", "accountdesk.ui")):
                offenders.append(f"{path.relative_to(SRC)}: {name}")
    assert offenders == []


def test_qtcore_appears_in_at_most_one_core_module() -> None:
    users = [
        path.relative_to(SRC)
        for path in CORE.rglob("*.py")
        if any(name.startswith("PySide6") for name in _imports(path))
    ]
    assert len(users) <= 1, users


def test_ui_never_opens_a_session() -> None:
    ui = SRC / "ui"
    offenders = [
        f"{path.relative_to(SRC)}: {name}"
        for path in ui.rglob("*.py")
        for name in _imports(path)
        if name in {"sqlalchemy.orm.Session", "sqlalchemy.orm.sessionmaker"}
    ]
    assert offenders == []
