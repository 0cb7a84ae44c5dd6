"""Headless commands: `ocr-reader export ...`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from reader.core.decode import DecodeError
from reader.core.document import load
from reader.core.export import FORMATS, explain, render
from reader.store.files import write_atomic

PROG = "ocr-reader"
EXIT_BAD_INPUT = 2


def _fail(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def iter_pages(paths: Sequence[str]) -> Iterator[Path]:
    """The files named, with folders expanded to the .txt files inside them (sorted)."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


def _export(args: argparse.Namespace) -> int:
    pages = list(iter_pages(args.paths))
    if not pages:
        _fail("no .txt pages found in " + ", ".join(args.paths))
        return EXIT_BAD_INPUT
    out = Path(args.output) if args.output else None
    many = len(pages) > 1 or any(Path(p).is_dir() for p in args.paths)
    if out is not None and many and out.exists() and not out.is_dir():
        _fail(f"{out}: several pages need an output folder, not a file")
        return EXIT_BAD_INPUT
    status = 0
    for page in pages:
        try:
            doc = load(page)
        except DecodeError as exc:
            _fail(f"{page}: {exc}")
            status = EXIT_BAD_INPUT
            continue
        if doc.source.warning:
            _fail(f"{page}: warning: {doc.source.warning}")
        text = explain(doc) if args.explain else render(doc, args.format, indent=args.indent)
        try:
            if out is None:
                sys.stdout.write(text)
            elif many:
                write_atomic(
                    out / f"{page.stem}.{'explain.txt' if args.explain else args.format}", text
                )
            else:
                write_atomic(out, text)
        except OSError as exc:
            _fail(f"{out}: cannot write: {exc.strerror or exc}")
            return EXIT_BAD_INPUT
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Reader for OCR text of newspaper pages"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    exp = sub.add_parser("export", help="reflow pages and write clean text, Markdown or JSON")
    exp.add_argument("paths", nargs="+", help="page files or folders of .txt pages")
    exp.add_argument("--format", "-f", choices=FORMATS, default="txt")
    exp.add_argument("-o", "--output", help="output file (one page) or folder (several pages)")
    exp.add_argument(
        "--indent", action="store_true", help="start paragraphs with two full-width spaces (txt)"
    )
    exp.add_argument(
        "--explain", action="store_true", help="print why each line was joined or split"
    )
    exp.set_defaults(func=_export)
    return parser


def run(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
