from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run(tmp_path: Path) -> Run:
    """Run the installed ``accountdesk`` command line in a clean environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACCOUNTDESK_")}
    env["ACCOUNTDESK_HOME"] = str(tmp_path / "home")
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)
    exe = Path(sys.executable).with_name("accountdesk")

    def _run(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(exe), *args],
            stdin=subprocess.DEVNULL,  # not the developer's terminal: nothing may wait for it
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=300,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"{args} failed: {result.stderr}")
        return result

    return _run
