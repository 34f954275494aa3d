"""Why the system refused a file is said in the user's language (core/errors.py::os_reason),
not in the system's English, wherever a file cannot be read or written."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from accountdesk.core import i18n
from accountdesk.core.errors import os_reason
from accountdesk.core.io.csv_format import CsvImportError, read_sample


@pytest.mark.parametrize("lang", ["fa", "lv", "sl", "th", "tr"])
def test_the_common_reasons_speak_the_language(lang: str) -> None:
    missing = FileNotFoundError(errno.ENOENT, "No such file or directory")
    denied = PermissionError(errno.EACCES, "Permission denied")
    with i18n.use_language("en"):
        english = [os_reason(missing), os_reason(denied)]
    with i18n.use_language(lang):
        said = [os_reason(missing), os_reason(denied)]
    assert all(s.strip() and s not in english for s in said), said
    with i18n.use_language("en"):
        assert os_reason(missing) == "there is no such file or folder"
        # a reason not listed keeps the system's words
        assert os_reason(OSError(errno.EIO, "Input/output error")) == "Input/output error"


def test_a_missing_import_file_is_said_in_the_language(tmp_path: Path) -> None:
    with i18n.use_language("lv"), pytest.raises(CsvImportError) as caught:
        read_sample(tmp_path / "nav.csv")
    assert "No such file or directory" not in str(caught.value)
    with i18n.use_language("lv"):
        assert os_reason(FileNotFoundError(errno.ENOENT, "x")) in str(caught.value)
