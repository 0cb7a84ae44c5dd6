"""Start-up: run a headless command, or open the reader window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

COMMANDS = ("export", "annotations", "search")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        from reader.cli import run

        return run(args)
    # The window pulls in Qt; keep it off the command-line path.
    from reader.ui.main import run_gui

    return run_gui(args)
