"""Headless commands: `ocr-reader export ...`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from reader import cli_search
from reader.core import annotations as notes_io
from reader.core import publish
from reader.core.annotations import Placed
from reader.core.decode import DecodeError
from reader.core.document import is_page_file, load, load_stream
from reader.core.export import explain, to_text
from reader.core.model import Document
from reader.store import paths, versions
from reader.store.db import Store, StoreError, default_path
from reader.store.files import OverwritesInput, guard, plan_outputs, write_atomic

PROG = "ocr-reader"
EXIT_BAD_INPUT = 2
# A page named "-" is read from standard input, and an output named "-" is standard output.
STDIO = "-"
STDIN_NAME = "<stdin>"


def _fail(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def iter_pages(paths: Sequence[str]) -> Iterator[tuple[Path, Path | None]]:
    """The files named, with folders expanded to the .txt files inside them (sorted),
    each with the folder it was found in (None for a file named itself); "-" stands for
    standard input."""
    for name in paths:
        path = Path(name)
        if name != STDIO and path.is_dir():
            yield from ((p, path) for p in sorted(path.rglob("*")) if is_page_file(p))
        else:
            yield path, None


def _targets(
    found: Sequence[tuple[Path, Path | None]], out: Path | None, suffix: str, many: bool
) -> list[Path | None] | None:
    """Each page's output (None: standard output), or None after a one-line refusal when
    the one output file named is one of the pages read."""
    if out is not None and many:
        return list(plan_outputs(found, out, suffix))
    if out is not None:
        try:
            guard(out, [page for page, _root in found])
        except OverwritesInput:
            _fail(f"{out}: that is one of the pages being read; choose another output name")
            return None
    return [out] * len(found)


def _documents(
    pages: Sequence[Path], failed: list[Path], store: Store | None = None
) -> Iterator[tuple[int, Path, versions.Resolved]]:
    """Each page (with its index) read, reflowed, corrected and annotated from the store,
    as the window shows it; one that cannot be read is reported and added to `failed`,
    and the others go on."""
    for index, page in enumerate(pages):
        stdin = str(page) == STDIO
        try:
            doc = load_stream(sys.stdin.buffer, STDIN_NAME) if stdin else load(page)
        except DecodeError as exc:
            _fail(f"{STDIN_NAME if stdin else page}: {exc}")
            failed.append(page)
            continue
        if doc.source.warning:
            _fail(f"{doc.source.path}: warning: {doc.source.warning}")
        resolved = versions.resolve(doc, store)
        if resolved.carried is not None:
            _fail(f"{page}: {resolved.carried.message()}")
        if resolved.corrections is not None:
            for edit, reason in resolved.corrections.failed:
                _fail(f"{page}: correction not applied ({reason}): {edit.describe()}")
        yield index, page, resolved


def _options(args: argparse.Namespace) -> publish.Options:
    return publish.Options(
        format=args.format,
        encoding=args.encoding,
        newline=args.newline,
        paragraphs=args.paragraphs,
        bylines=not args.no_bylines,
        end_matter=not args.no_end_matter,
        datelines=not args.no_datelines,
        captions=not args.no_captions,
        # JSON is the whole document unless asked otherwise; the texts leave furniture out.
        furniture=args.format == "json" if args.furniture is None else args.furniture,
        annotations=args.annotations,
        pretty=args.pretty,
    )


def _output(args: argparse.Namespace) -> Path | None:
    """The file or folder named by -o, or None for standard output."""
    return Path(args.output) if args.output and args.output != STDIO else None


def _export(args: argparse.Namespace) -> int:
    found_pages = list(iter_pages(args.paths))
    pages = [page for page, _root in found_pages]
    if not pages:
        _fail("no pages (.txt or OCR output) found in " + ", ".join(args.paths))
        return EXIT_BAD_INPUT
    out = _output(args)
    many = (len(pages) > 1 or any(Path(p).is_dir() for p in args.paths)) and not args.combine
    if out is not None and many and out.exists() and not out.is_dir():
        _fail(f"{out}: several pages need an output folder, not a file (or --combine)")
        return EXIT_BAD_INPUT
    targets = _targets(found_pages, out, "explain.txt" if args.explain else args.format, many)
    if targets is None:
        return EXIT_BAD_INPUT
    if out is None and args.format == "epub" and (args.output is None or sys.stdout.isatty()):
        _fail("an EPUB is a binary file: give it a name with -o (or -o - for standard output)")
        return EXIT_BAD_INPUT
    options = _options(args)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    # Corrections made in the window apply here too (when there is a database at all).
    store = _open_store(args) if args.annotations or default_path().exists() else None
    if args.annotations and store is None:
        return EXIT_BAD_INPUT
    failed: list[Path] = []
    combined: list[publish.Part] = []
    try:
        for index, _page, resolved in _documents(pages, failed, store):
            doc = resolved.doc
            found = [p.annotation for p in resolved.placed] if args.annotations else []
            part = publish.Part(doc, annotations=found)
            if args.combine:
                combined.append(part)
                continue
            data: bytes | Iterator[bytes]
            if args.explain:
                data = explain(doc).encode("utf-8")
            elif args.lines:
                data = _lines(doc).encode(options.encoding)
            elif args.indent:
                data = to_text(doc, indent=True).encode(options.encoding)
            else:
                data = publish.publish_stream([part], options)
            if not _emit(data, targets[index], pages):
                return EXIT_BAD_INPUT
        if combined:
            whole = publish.publish_stream(combined, options, title=args.title or "")
            if not _emit(whole, out, pages):
                return EXIT_BAD_INPUT
    except StoreError as exc:
        _fail(str(exc))
        return EXIT_BAD_INPUT
    finally:
        if store is not None:
            store.close()
    return EXIT_BAD_INPUT if failed else 0


def _lines(doc: Document) -> str:
    """The page's lines as a plain-text OCR export gives them: one a line, in reading
    order (from the boxes for OCR output), without indents or blank lines. A word the
    file marks as broken at a line end keeps the hyphen the page printed."""
    return "".join(
        line.strip().removesuffix("¬") + ("-" if line.strip().endswith("¬") else "") + "\n"
        for line in doc.source_lines
        if line.strip()
    )


def _open_store(args: argparse.Namespace) -> Store | None:
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    try:
        store = Store(default_path())
    except StoreError as exc:
        _fail(str(exc))
        return None
    if store.notice:
        _fail(store.notice)
    return store


def _emit(
    text: str | bytes | Iterable[bytes], out: Path | None, inputs: Sequence[Path] = ()
) -> bool:
    """Write to `out` (standard output for None), never onto one of `inputs`; bytes may
    come in pieces, written as they come."""
    try:
        if out is None:
            pieces = (text.encode("utf-8"),) if isinstance(text, str) else text
            if isinstance(pieces, bytes):
                pieces = (pieces,)
            sys.stdout.flush()
            for piece in pieces:
                sys.stdout.buffer.write(piece)
            sys.stdout.buffer.flush()
        else:
            write_atomic(out, text, inputs=[p for p in inputs if str(p) != STDIO])
    except OSError as exc:
        _fail(f"{out}: cannot write: {exc.strerror or exc}")
        return False
    return True


def _annotations_export(args: argparse.Namespace) -> int:
    store = _open_store(args)
    if store is None:
        return EXIT_BAD_INPUT
    out = _output(args)
    fmt = args.format
    try:
        if not args.paths:
            if fmt == "page-md":
                _fail("--format page-md needs the page files")
                return EXIT_BAD_INPUT
            found = store.by_tag(args.tag) if args.tag else store.all()
            title = f"#{args.tag}" if args.tag else "All annotations"
            placed = [Placed(a, None) for a in found]
            return 0 if _emit(notes_io.render(fmt, title, placed, None), out) else 2
        found_pages = list(iter_pages(args.paths))
        pages = [page for page, _root in found_pages]
        many = len(pages) > 1
        suffix = "md" if fmt == "page-md" else fmt
        targets = _targets(found_pages, out, f"annotations.{suffix}", many)
        if targets is None:
            return EXIT_BAD_INPUT
        failed: list[Path] = []
        for index, _page, resolved in _documents(pages, failed, store):
            doc, placed = resolved.doc, resolved.placed
            if args.tag:
                key = args.tag.casefold()
                placed = [p for p in placed if key in (t.casefold() for t in p.annotation.tags)]
            if fmt == "page-md":
                text = notes_io.page_markdown(doc, placed)
            else:
                name = Path(doc.source.path).name
                text = notes_io.render(fmt, name, placed, doc, resolved.edits)
            if not _emit(text, targets[index], pages):
                return EXIT_BAD_INPUT
        return EXIT_BAD_INPUT if failed else 0
    except StoreError as exc:
        _fail(str(exc))
        return EXIT_BAD_INPUT
    finally:
        store.close()


def _annotations_import(args: argparse.Namespace) -> int:
    # Every file is read and checked whole before the store is opened: one item refused
    # and nothing at all is stored.
    files: list[notes_io.Imported] = []
    for name in args.files:
        try:
            files.append(notes_io.read_import(name))
        except notes_io.ImportError_ as exc:
            _fail(f"{name}: {exc}")
            return EXIT_BAD_INPUT
        except RecursionError:
            _fail(f"{name}: not an annotation export (nested too deeply to read)")
            return EXIT_BAD_INPUT
        except MemoryError:
            _fail(f"{name}: too large to read")
            return EXIT_BAD_INPUT
    store = _open_store(args)
    if store is None:
        return EXIT_BAD_INPUT
    try:
        added = updated = unchanged = conflicts = 0
        for imported in files:
            merged = store.merge(imported.annotations)
            added += merged.added
            updated += merged.updated
            unchanged += merged.unchanged
            conflicts += merged.conflicts
            store.merge_edits(imported.corrections)
        print(
            f"{added} added, {updated} updated, {unchanged} already present, "
            f"{conflicts} conflicts (kept both)"
        )
        return 0
    except StoreError as exc:
        _fail(str(exc))
        return EXIT_BAD_INPUT
    finally:
        store.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Reader for OCR text of newspaper pages"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    exp = sub.add_parser(
        "export", help="reflow pages and write clean text, Markdown, HTML, EPUB or JSON"
    )
    exp.add_argument(
        "paths", nargs="+", help="page files or folders of .txt pages (- for standard input)"
    )
    exp.add_argument("--format", "-f", choices=publish.FORMATS, default="txt")
    exp.add_argument(
        "-o",
        "--output",
        help="output file (one page) or folder (several pages); - or none: standard output",
    )
    exp.add_argument(
        "--combine", action="store_true", help="all pages into one output (one book, one file)"
    )
    exp.add_argument("--title", help="title of a combined HTML page or EPUB")
    exp.add_argument("--encoding", choices=publish.ENCODINGS, default="utf-8", help="txt, md")
    exp.add_argument("--newline", choices=list(publish.NEWLINES), default="LF", help="txt, md")
    exp.add_argument(
        "--paragraphs",
        choices=publish.PARAGRAPH_STYLES,
        default="blank",
        help="txt: blank lines between blocks, or a full-width indent and no blank lines",
    )
    exp.add_argument(
        "--indent",
        action="store_true",
        help="txt: blank lines between blocks and two full-width spaces before paragraphs",
    )
    exp.add_argument("--no-bylines", action="store_true", help="leave bylines out")
    exp.add_argument("--no-end-matter", action="store_true", help="leave end matter out")
    exp.add_argument(
        "--no-datelines", action="store_true", help="leave datelines and jump markers out"
    )
    exp.add_argument("--no-captions", action="store_true", help="leave photo captions out")
    exp.add_argument(
        "--furniture",
        action=argparse.BooleanOptionalAction,
        help="keep page furniture (running heads, page dates); json keeps it unless --no-furniture",
    )
    exp.add_argument(
        "--annotations",
        action="store_true",
        help="include highlights and notes (md, html, epub, json) from the data folder",
    )
    exp.add_argument(
        "--pretty", action="store_true", help="json: indented for people (compact otherwise)"
    )
    exp.add_argument("--data-dir", help="the data folder to read annotations from")
    exp.add_argument(
        "--explain", action="store_true", help="print why each line was joined or split"
    )
    exp.add_argument(
        "--lines",
        action="store_true",
        help="txt: the OCR lines in reading order, one a line, as a plain-text export of the "
        "OCR program would give them (for OCR output with boxes)",
    )
    exp.set_defaults(func=_export)

    notes = sub.add_parser("annotations", help="export or import highlights, tags and notes")
    notes_sub = notes.add_subparsers(dest="action", required=True)
    nexp = notes_sub.add_parser(
        "export",
        help="annotations of pages, of a tag, or all of them",
        description="With pages: their annotations, found again in the current text. "
        "Without: every stored annotation (or those of --tag).",
    )
    nexp.add_argument("paths", nargs="*", help="page files or folders (default: all documents)")
    nexp.add_argument("--tag", help="only annotations with this tag")
    nexp.add_argument(
        "--format",
        "-f",
        choices=(*notes_io.EXPORT_FORMATS, "page-md"),
        default="md",
        help="md, W3C Web Annotation json, csv, or page-md: the page with ==highlights== "
        "and notes as footnotes",
    )
    nexp.add_argument("-o", "--output", help="output file (or folder for several pages)")
    nexp.add_argument("--data-dir", help="the data folder to read (as for the window)")
    nexp.set_defaults(func=_annotations_export)
    nimp = notes_sub.add_parser("import", help="merge a JSON export into the store, by id")
    nimp.add_argument("files", nargs="+", help="Web Annotation JSON files")
    nimp.add_argument("--data-dir", help="the data folder to write (as for the window)")
    nimp.set_defaults(func=_annotations_import)

    find = sub.add_parser(
        "search", help="search the library (either script)", description=cli_search.DESCRIPTION
    )
    cli_search.add_arguments(find)  # `ocr-reader search` itself runs reader.cli_search alone
    return parser


def run(argv: Sequence[str]) -> int:
    return cli_search.dispatch(build_parser().parse_args(list(argv)))
