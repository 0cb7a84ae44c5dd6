"""Start-up: run a headless command, or open the reader window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from reader import __version__

COMMANDS = ("export", "annotations", "search")
VERSION = f"ocr-reader {__version__}"
EXIT_BAD_INPUT = 2


class Parser(argparse.ArgumentParser):
    """A parser that says a mistake in one line (what is wrong, and where the help is),
    not a block of usage: every refusal, of the window's options and the commands', is
    one line."""

    def error(self, message: str) -> NoReturn:
        from reader.progress import one_line

        print(f"ocr-reader: {one_line(message)} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def commands() -> list[tuple[str, str]]:
    """Each headless command with its one-line help, as the command line defines it."""
    from reader.cli import build_parser

    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in getattr(action, "_choices_actions", [])}
            return [(name, helps.get(name, "")) for name in action.choices]
    return [(name, "") for name in COMMANDS]


def epilog() -> str:
    """The commands, for the end of `ocr-reader --help`."""
    found = commands()
    width = max(len(name) for name, _help in found)
    lines = [f"  {name:<{width}}  {text}".rstrip() for name, text in found]
    return "\n".join(
        [
            "commands (run without the window):",
            *lines,
            "",
            "Run `ocr-reader COMMAND --help` for a command's options.",
        ]
    )


def _command_first(args: list[str]) -> list[str]:
    """The arguments with a command given after the data folder (`ocr-reader --data-dir D
    export PAGE`) put first, the folder after it: every command takes --data-dir as the
    window does, and the command, not the window, is what was asked for."""
    k = 0
    moved: list[str] = []
    while k < len(args) and (args[k] == "--data-dir" or args[k].startswith("--data-dir=")):
        step = 1 if "=" in args[k] else 2
        moved += args[k : k + step]
        k += step
    if moved and k < len(args) and args[k] in COMMANDS:
        # Right after the command (and the action of `annotations`): before any `--` that
        # ends the options, and before a --data-dir given after it, which then wins.
        at = k + (2 if args[k] == "annotations" and k + 1 < len(args) else 1)
        return [*args[k:at], *moved, *args[at:]]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _command_first(list(sys.argv[1:] if argv is None else argv))
    if args and args[0] == "search":  # apart, so that a search loads only what it uses
        from reader.cli_search import main as search

        return search(args[1:])
    if args and args[0] in COMMANDS:
        from reader.cli import run

        return run(args)
    if "--version" in args:  # answered without loading Qt
        print(VERSION)
        return 0
    # The window pulls in Qt; keep it off the command-line path.
    from reader.ui.main import run_gui

    return run_gui(args)
