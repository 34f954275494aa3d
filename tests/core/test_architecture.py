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


#: Modules the UI must not import: screens read through core.queries and write through
#: core.services, so no SQLAlchemy and no ORM models.
UI_BANNED = ("sqlalchemy", "accountdesk.core.db.models")


def _banned_imports(root: Path) -> list[str]:
    return [
        f"{path.relative_to(root).as_posix()}: {name}"
        for path in sorted(root.rglob("*.py"))
        for name in _imports(path)
        if name.startswith(UI_BANNED)
    ]


def test_ui_never_opens_a_session() -> None:
    assert _banned_imports(SRC / "ui") == []


def test_the_ui_ban_finds_offenders(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "screen.py").write_text(
        "import sqlalchemy\n"
        "from sqlalchemy.orm import Session\n"
        "import accountdesk.core.db.engine\n"
        "def load():\n"
        "    from accountdesk.core.db.models import Contact\n"
        "    from accountdesk.core.db import models\n",
        encoding="utf-8",
    )
    found = _banned_imports(tmp_path)
    assert {
        "reports/screen.py: sqlalchemy",
        "reports/screen.py: sqlalchemy.orm.Session",
        "reports/screen.py: accountdesk.core.db.models.Contact",
        "reports/screen.py: accountdesk.core.db.models",
    } <= set(found)
    assert not any("engine" in item for item in found)
