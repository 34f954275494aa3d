"""The command line's help says what every option and argument is, and speaks the user's
language: argparse's own words (usage, headings, errors) come from our catalogs."""

from __future__ import annotations

import argparse

import pytest

from accountdesk.cli import ARGPARSE_WORDS, build_parser, main
from accountdesk.core import i18n


def _actions(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _actions(sub, (*path, name))
        elif not isinstance(action, argparse._HelpAction):
            yield path, action


def test_every_option_and_argument_has_help() -> None:
    missing = [
        (" ".join(path), action.option_strings or action.dest)
        for path, action in _actions(build_parser())
        if not action.help or action.help == "show program's version number and exit"
    ]
    assert missing == []


@pytest.mark.parametrize("lang", ["fa", "lv", "sl", "th", "tr"])
def test_help_and_usage_errors_speak_the_language(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", lang, "search", "--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    with i18n.use_language(lang):
        usage = i18n._("usage: ")
        heading = i18n._("options")
    assert usage != "usage: " and shown.startswith(f"{usage}accountdesk search [-h]")
    assert heading != "options" and f"{heading}:" in shown
    assert "show this help message and exit" not in shown

    with pytest.raises(SystemExit) as done:
        main(["--lang", lang, "search"])  # the required words missing
    assert done.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith(f"{usage}accountdesk search [-h]")  # the prefix whole, once
    assert "the following arguments are required" not in error
    assert "text" in error


def test_every_argparse_word_is_one_argparse_uses() -> None:
    """A word argparse no longer writes would sit untranslatable in the catalogs."""
    import inspect

    source = inspect.getsource(argparse)
    for word in ARGPARSE_WORDS:
        assert repr(word)[1:-1] in source or word in source, word
