from importlib.metadata import version

import accountdesk


def test_the_installed_version_is_the_one_in_the_package() -> None:
    # pyproject.toml reads it from src/accountdesk/__init__.py; a stale install would differ
    assert accountdesk.__version__ == version("accountdesk")
    assert accountdesk.__version__.count(".") == 2
