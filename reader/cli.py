"""Headless commands: `ocr-reader export ...`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader import cli_search, cluster
from reader.app import Parser
from reader.cli_search import fail as _fail
from reader.core import annotations as notes_io
from reader.core import memory, publish
from reader.core.annotations import COLOURS, Placed
from reader.core.decode import DecodeError
from reader.core.document import is_page_file, load, load_stream
from reader.core.export import explain, to_text
from reader.core.model import Document
from reader.progress import Progress
from reader.store import paths, versions
from reader.store.db import Store, StoreError, default_path
from reader.store.files import (
    OUTPUTS,
    OverwritesInput,
    earlier_outputs,
    guard,
    output_key,
    outputs_in,
    plan_outputs,
    record_outputs,
    remember_outputs,
    write_all,
    write_atomic,
)

PROG = "ocr-reader"
EXIT_BAD_INPUT = 2
# A page named "-" is read from standard input, and an output named "-" is standard output.
STDIO = "-"
STDIN_NAME = "<stdin>"


def iter_pages(
    paths: Sequence[str], skipped: list[Path] | None = None, changed: list[Path] | None = None
) -> Iterator[tuple[Path, Path | None]]:
    """The files named, with folders expanded to the pages inside them (sorted), each
    with the folder it was found in (None for a file named itself); "-" stands for
    standard input. Given `skipped` (an export, which writes), a file in a folder that an
    earlier export wrote there and nobody has changed since (files.earlier_outputs) is an
    output, not a page: it goes there instead; one written so but changed since goes in
    `changed` too, read as a page. A page found twice (a folder and a page
    in it, both named) is read once, where it is found first."""
    seen: set[str] = set()

    def first_time(page: Path) -> bool:
        key = output_key(page)
        if key in seen:
            return False
        seen.add(key)
        return True

    for name in paths:
        path = Path(name)
        if name != STDIO and path.is_dir():
            outputs = earlier_outputs(path, changed=changed) if skipped is not None else set()
            for p in sorted(path.rglob("*")):
                if not is_page_file(p):
                    continue
                if skipped is not None and output_key(p) in outputs:
                    skipped.append(p)
                    continue
                if first_time(p):
                    yield p, path
        elif name == STDIO or first_time(path):
            yield path, None


def _say_skipped(skipped: Sequence[Path], changed: Sequence[Path] = ()) -> None:
    for files, what in (
        (skipped, "written by an earlier export (listed in {}), not read as pages"),
        (changed, "written by an earlier export (listed in {}) but changed since, or "
         "their pages gone: never written over, and read as pages where they are pages"),
    ):  # fmt: skip
        if files:
            more = len(files) - 1
            also = "" if not more else f" and {more:,} more file{'s' if more > 1 else ''}"
            _fail(f"{files[0]}{also}: {what.format(OUTPUTS)}")


def _targets(
    found: Sequence[tuple[Path, Path | None]], out: Path | None, suffix: str, many: bool
) -> list[Path | None] | None:
    """Each page's output (None: standard output), or None after a one-line refusal when
    the one output file named is one of the pages read."""
    if out is not None and many:
        # Never onto a file of the user's there, nor an output edited since it was written.
        return list(plan_outputs(found, out, suffix, outputs_in(out)))
    if out is not None:
        try:
            guard(out, [page for page, _root in found])
        except OverwritesInput:
            _fail(f"{out}: that is one of the pages being read; choose another output name")
            return None
    return [out] * len(found)


def _read_page(
    page: Path, store: Store | None, say: Callable[[str], None]
) -> versions.Resolved | None:
    """The page read, reflowed, corrected and annotated from the store, as the window shows
    it; what the user should know about it goes to `say`. None when it cannot be read."""
    stdin = str(page) == STDIO
    try:
        doc = load_stream(sys.stdin.buffer, STDIN_NAME) if stdin else load(page)
    except DecodeError as exc:
        say(f"{STDIN_NAME if stdin else page}: {exc}")
        return None
    if doc.source.warning:
        say(f"{doc.source.path}: warning: {doc.source.warning}")
    resolved = versions.resolve(doc, store)
    if resolved.carried is not None:
        say(f"{page}: {resolved.carried.message()}")
    if resolved.corrections is not None:
        for edit, reason in resolved.corrections.failed:
            say(f"{page}: correction not applied ({reason}): {edit.describe()}")
    return resolved


def _documents(
    pages: Sequence[Path], failed: list[Path], store: Store | None = None
) -> Iterator[tuple[int, Path, versions.Resolved]]:
    """Each page (with its index) as _read_page gives it; one that cannot be read is
    reported and added to `failed`, and the others go on."""
    for index, page in enumerate(pages):
        resolved = _read_page(page, store, _fail)
        if resolved is None:
            failed.append(page)
            continue
        yield index, page, resolved


# What each page of an export makes, by the option that asks for it (else "publish"), in
# order of precedence: --combine keeps the page for one output of them all.
_MAKES = {"part": "combine", "explain": "explain", "lines": "lines", "indent": "indent"}


@dataclass(frozen=True)
class PageJob:
    """One page of an export: plain data, so that a worker of a cluster can take it."""

    index: int
    page: Path
    target: Path | None  # None: the output goes back to the caller, for standard output
    make: str  # "publish", "explain", "lines", "indent", or "part" (kept for --combine)
    options: publish.Options
    annotations: bool = False
    title: str = ""  # of a web page or book; "" for the page's own


@dataclass
class PageDone:
    """What became of one page: the lines to report (in order), and its output when the
    caller writes it."""

    index: int
    messages: list[str] = field(default_factory=list)
    stop: bool = False  # the output or the store failed: the export stops here, status 2
    unread: bool = False  # the page could not be read; the other pages go on
    data: Iterable[bytes] | None = None  # for standard output
    part: publish.Part | None = None  # for one output of all the pages (--combine)


def export_page(job: PageJob, inputs: Sequence[Path], store: Store | None) -> PageDone:
    """Read, reflow and write one page of an export (never onto one of `inputs`): the one
    step of a local export and of every worker of a cluster's."""
    done = PageDone(job.index)
    try:
        resolved = _read_page(job.page, store, done.messages.append)
    except StoreError as exc:
        done.messages.append(str(exc))
        done.stop = True
        return done
    if resolved is None:
        done.unread = True
        return done
    doc = resolved.doc
    found = [p.annotation for p in resolved.placed] if job.annotations else []
    part = publish.Part(doc, annotations=found)
    data: bytes | Iterator[bytes]
    if job.make == "part":
        done.part = part
        return done
    own = {"explain": explain, "lines": _lines, "indent": lambda d: to_text(d, indent=True)}
    if job.make in own:
        # Plain text of their own, in the encoding and with the line ends asked for.
        text = own[job.make](doc).replace("\n", publish.NEWLINES[job.options.newline])
        data = text.encode(job.options.encoding)
    else:
        data = publish.publish_stream([part], job.options, title=job.title)
    if job.target is None:
        done.data = (data,) if isinstance(data, bytes) else data
    elif problem := _write(data, job.target, inputs):
        done.messages.append(problem)
        done.stop = True
    return done


def _export_local(
    jobs: Sequence[PageJob],
    inputs: Sequence[Path],
    store: Store | None,
    progress: Callable[[int, int], None],
) -> Generator[PageDone, None, None]:
    for done, job in enumerate(jobs, start=1):
        result = export_page(job, inputs, store)
        progress(done, len(jobs))
        yield result


def _options(args: argparse.Namespace) -> publish.Options:
    return publish.Options(
        format=args.format,
        encoding=args.encoding or "utf-8",
        newline=args.newline or "LF",
        paragraphs=args.paragraphs or "blank",
        bylines=not args.no_bylines,
        end_matter=not args.no_end_matter,
        datelines=not args.no_datelines,
        captions=not args.no_captions,
        # JSON is the whole document unless asked otherwise; the texts leave furniture out.
        furniture=args.format == "json" if args.furniture is None else args.furniture,
        annotations=args.annotations,
        pretty=args.pretty,
    )


def _misfit(args: argparse.Namespace, several: bool) -> str | None:
    """Why the options asked for cannot all be kept in the format asked for, or None: an
    option the output would not use is refused, never dropped without a word."""
    fmt = args.format
    own = [
        name
        for name, asked in (
            ("--explain", args.explain),
            ("--lines", args.lines),
            ("--indent", args.indent),
        )
        if asked
    ]
    if len(own) > 1:
        return f"{own[0]} and {own[1]} each write a text of their own: choose one"
    if own and args.combine:
        return f"{own[0]} writes each page's own text: it cannot be used with --combine"
    if own and fmt != "txt":
        return f"{own[0]} writes plain text, not {fmt}: leave -f {fmt} out"
    if args.pretty and fmt != "json":
        return "--pretty is for -f json"
    if args.paragraphs not in (None, "blank") and (fmt != "txt" or own):
        return f"--paragraphs {args.paragraphs} is for -f txt" + (f", not {own[0]}" if own else "")
    if args.encoding not in (None, "utf-8") and fmt not in ("txt", "md"):
        return f"--encoding {args.encoding} is for -f txt and md ({fmt} is written in UTF-8)"
    if args.newline not in (None, "LF") and fmt not in ("txt", "md"):
        return f"--newline {args.newline} is for -f txt and md"
    if args.annotations and fmt not in ("md", "html", "epub", "json"):
        return f"--annotations is for -f md, html, epub and json ({fmt} has no place for them)"
    if args.title is not None and fmt not in ("html", "epub"):
        return "--title is for -f html and epub"
    if args.title is not None and several:
        return "--title names one page or book: with several pages, add --combine"
    return None


# Formats whose output is one document: two of them one after another are not one.
_WHOLE = ("html", "epub", "json")


def _file_named(out: Path) -> bool:
    """Whether a name not yet taken reads as an output file's (pages.txt, all.md), not a
    folder's: several pages written to it would make a folder of that name."""
    return out.suffix.lower().lstrip(".") in (*publish.FORMATS, "htm", "markdown")


def _output(args: argparse.Namespace) -> Path | None:
    """The file or folder named by -o, or None for standard output."""
    return Path(args.output) if args.output and args.output != STDIO else None


def _export(args: argparse.Namespace) -> int:
    skipped: list[Path] = []
    changed: list[Path] = []
    found_pages = list(iter_pages(args.paths, skipped, changed))
    _say_skipped(skipped, changed)
    pages = [page for page, _root in found_pages]
    if not pages:
        _fail("no pages (.txt or OCR output) found in " + ", ".join(args.paths))
        return EXIT_BAD_INPUT
    if args.cluster is not None and STDIO in map(str, pages):
        _fail("--cluster reads pages from files: standard input (-) is read without it")
        return EXIT_BAD_INPUT
    out = _output(args)
    several = len(pages) > 1 or any(Path(p).is_dir() for p in args.paths)
    # A folder named by -o (one there, or written as one: out/) takes the page's output
    # under the page's name.
    folder = out is not None and (out.is_dir() or args.output.endswith(("/", os.sep)))
    many = (several or folder) and not args.combine
    if problem := _misfit(args, several and not args.combine):
        _fail(f"{problem}; nothing written")
        return EXIT_BAD_INPUT
    if out is not None and many and not folder and (out.exists() or _file_named(out)):
        _fail(f"{out}: several pages need an output folder, not a file (or --combine)")
        return EXIT_BAD_INPUT
    if out is not None and folder and out.exists() and not out.is_dir():
        _fail(f"{out}: not a folder (it is a file); nothing written")
        return EXIT_BAD_INPUT
    if out is not None and args.combine and folder:
        one = out / f"all.{args.format}"
        _fail(f"{out}: that names a folder; --combine writes one file: name it (-o {one})")
        return EXIT_BAD_INPUT
    if out is None and len(pages) > 1 and not args.combine and args.format in _WHOLE:
        _fail(
            f"several pages to standard output would be {args.format} documents one after "
            f"another: add --combine for one, or name an output folder with -o; nothing "
            "written"
        )
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
    make = next(
        (name for name in ("part", "explain", "lines", "indent") if getattr(args, _MAKES[name])),
        "publish",
    )
    jobs = [
        PageJob(index, page, targets[index], make, options, args.annotations, args.title or "")
        for index, page in enumerate(pages)
    ]
    progress = Progress("exporting")
    # A batch of pages into files: not one page, nor over what goes to the terminal.
    progress.live = progress.live and out is not None and len(pages) > 1
    results: Generator[PageDone, None, None]
    if args.cluster is None:
        results = _export_local(jobs, pages, store, progress)
    else:
        store_path = None if store is None else str(store.path.absolute())
        results = cluster.run(args.cluster, jobs, pages, store_path, progress)
    failed: list[Path] = []
    emitted = False  # a page's output written to standard output
    gap = publish.NEWLINES[options.newline].encode(options.encoding)
    combined: list[publish.Part] = []
    written: list[tuple[Path, list[Path]]] = []  # each output with the pages it holds
    try:
        for done in results:
            messages = list(done.messages)
            left = len(pages) - len(written) - len(failed) - 1
            if done.stop and messages and left > 0:
                # A full disk: the export stops there, and says so in the line. (Not how
                # many pages were left: a cluster's workers may have gone on ahead.)
                at = f"page {done.index + 1:,} of {len(pages):,}"
                messages[-1] += f"; export stopped there, at {at}"
            for message in messages:
                progress.note(f"{PROG}: {message}")
            if done.stop:
                return EXIT_BAD_INPUT
            if done.unread:
                failed.append(pages[done.index])
            elif done.part is None and (target := targets[done.index]) is not None:
                written.append((target, [pages[done.index]]))
            if done.part is not None:
                combined.append(done.part)
            if done.data is not None:
                # Pages' texts one after another: a blank line between, so that a page's
                # first line (its title) is not read as its last paragraph's.
                if emitted and args.format != "jsonl" and not _emit(gap, None):
                    return EXIT_BAD_INPUT
                if not _emit(done.data, None):
                    return EXIT_BAD_INPUT
                emitted = True
        if combined:
            whole = publish.publish_stream(combined, options, title=args.title or "")
            if not _emit(whole, out, pages):
                return EXIT_BAD_INPUT
            if out is not None:
                written.append((out, [p for p in pages if p not in failed]))
    except (StoreError, cluster.ClusterError) as exc:
        _fail(str(exc))
        return EXIT_BAD_INPUT
    finally:
        results.close()  # a cluster started for the export stops with it
        if store is not None:
            store.close()
        if out is not None and written:  # what was written, also of an export cut short
            if many:  # the folder's files named here: known for outputs by the next export
                record_outputs(out, written)
            else:
                _remember(out.parent, written, found_pages)
    if progress.live:
        workers = "" if args.cluster is None else f" on {cluster.describe(args.cluster)}"
        progress.finish(
            f"exported {len(pages) - len(failed):,} of {len(pages):,} pages in "
            f"{progress.elapsed():.1f} s{workers}"
        )
    elif failed and len(pages) > 1:
        # Said of a batch with pages not read: how many were exported, none or some (of
        # one page, its own line said it all).
        _fail(
            f"{len(pages) - len(failed):,} of {len(pages):,} pages exported; "
            f"{cli_search.pages_count(len(failed))} not read (said above)"
        )
    return EXIT_BAD_INPUT if failed else 0


def _remember(
    folder: Path,
    written: Sequence[tuple[Path, Sequence[Path]]],
    found: Sequence[tuple[Path, Path | None]],
) -> None:
    """List the outputs written in `folder` where it is a folder being read (one named,
    or one holding a page named): files.remember_outputs."""
    read = [root or page.parent for page, root in found if str(page) != STDIO]
    remember_outputs(folder, written, read)


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
    """Write to `out` (standard output for None), never onto one of `inputs`, saying so in
    one line when that fails."""
    problem = _write(text, out, inputs)
    if problem:
        _fail(problem)
    return problem is None


def _write(
    text: str | bytes | Iterable[bytes], out: Path | None, inputs: Sequence[Path] = ()
) -> str | None:
    """Write to `out` (standard output for None), never onto one of `inputs`; bytes may
    come in pieces, written as they come. Why it failed, or None."""
    try:
        if out is None:
            pieces = (text.encode("utf-8"),) if isinstance(text, str) else text
            if isinstance(pieces, bytes):
                pieces = (pieces,)
            sys.stdout.flush()
            for piece in pieces:
                write_all(sys.stdout.buffer, piece)
            sys.stdout.buffer.flush()
        else:
            write_atomic(out, text, inputs=[p for p in inputs if str(p) != STDIO])
    except BrokenPipeError:
        if out is None:
            raise  # the reader of standard output went away: the command ends quietly
        return f"{out}: cannot write: broken pipe"
    except OSError as exc:
        return f"{out or 'standard output'}: cannot write: {exc.strerror or exc}"
    return None


def _annotations_export(args: argparse.Namespace) -> int:
    # A tag as it is typed or shown (#政策, #test tag#) is the tag.
    if args.tag is not None:
        args.tag = (notes_io.normalise_tags([args.tag]) or [""])[0]
        if not args.tag:
            _fail("--tag names no tag; nothing written")
            return EXIT_BAD_INPUT
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
            if args.tag and not found:
                # As search says nothing found: status 1, and nothing written.
                _fail(f"no annotation has the tag {notes_io.tag_label(args.tag)}; nothing written")
                return 1
            title = notes_io.tag_label(args.tag) if args.tag else "All annotations"
            placed = [Placed(a, None) for a in found]
            # Everything stored goes with everything: the corrections too (a tag is no
            # correction's).
            corrections = [] if args.tag else store.all_edits()
            text = notes_io.render(fmt, title, placed, None, corrections)
            return 0 if _emit(text, out) else 2
        # Every page, an export's outputs too: a note made on one is exported with it.
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
        added = updated = unchanged = conflicts = corrections = given = 0
        for imported in files:
            merged = store.merge(imported.annotations)
            added += merged.added
            updated += merged.updated
            unchanged += merged.unchanged
            conflicts += merged.conflicts
            corrections += store.merge_edits(imported.corrections)
            given += len(imported.corrections)
        said = (
            f"{added} added, {updated} updated, {unchanged} already present, "
            f"{conflicts} {'conflict' if conflicts == 1 else 'conflicts'} (kept both)"
        )
        if elsewhere := sum(imported.elsewhere for imported in files):
            said += (
                f"; of them, {elsewhere} made on no page of this reader (their source is not "
                "a page's text), placed on no page"
            )
        if given:
            said += f"; corrections: {corrections} added, {given - corrections} already present"
        recoloured = [colour for imported in files for colour in imported.unknown_colours]
        if recoloured:
            names = notes_io.recoloured(recoloured)
            said += (
                f"; 1 in a colour this reader does not have ({names}), shown in {COLOURS[0]}"
                if len(recoloured) == 1
                else f"; {len(recoloured)} in colours this reader does not have ({names}), "
                f"shown in {COLOURS[0]}"
            )
        print(said)
        return 0
    except StoreError as exc:
        _fail(str(exc))
        return EXIT_BAD_INPUT
    finally:
        store.close()


def _cluster_place(text: str) -> str | int:
    try:
        return cluster.where(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog=PROG, description="Reader for OCR text of newspaper pages")
    sub = parser.add_subparsers(dest="command", required=True)
    exp = sub.add_parser(
        "export", help="reflow pages and write clean text, Markdown, HTML, EPUB, JSON or JSON lines"
    )
    exp.add_argument(
        "paths",
        nargs="+",
        help="page files, or folders of them (.txt, OCR output with boxes); - for standard input",
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
    exp.add_argument("--title", help="html, epub: the title of the page or book")
    exp.add_argument("--encoding", choices=publish.ENCODINGS, help="txt, md (utf-8)")
    exp.add_argument("--newline", choices=list(publish.NEWLINES), help="txt, md (LF)")
    exp.add_argument(
        "--paragraphs",
        choices=publish.PARAGRAPH_STYLES,
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
    exp.add_argument(
        "--cluster",
        metavar="ADDRESS",
        type=_cluster_place,
        help="run on a Dask cluster: a scheduler's address (tcp://host:8786), or local:N for "
        "N worker processes here; needs pip install 'ocr-reader[cluster]'",
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
    if argv and argv[0] == "search":  # (as reader.app runs it, with a parser of its own)
        return cli_search.main(argv[1:])
    memory.map_big_blocks()  # for the pages this command reads (the window's loader does too)
    parser = build_parser()
    args, rest = parser.parse_known_args(list(argv))
    # Pages may follow the options too (export a.txt -f md b.txt): argparse takes the
    # pages up to the first option only.
    listed = next(
        (name for name in ("paths", "files") if isinstance(getattr(args, name, None), list)), None
    )
    after: list[str] = []  # after --, every word is a page, one that starts with - too
    if "--" in rest:
        k = rest.index("--")
        rest, after = rest[:k], rest[k + 1 :]
    if listed and all(not r.startswith("-") or r == STDIO for r in rest):
        getattr(args, listed).extend([*rest, *after])
    elif rest or after:
        command = " ".join(filter(None, (PROG, args.command, getattr(args, "action", None))))
        _fail(f"unrecognized arguments: {' '.join(rest + after)} (see {command} --help)")
        return EXIT_BAD_INPUT
    return cli_search.dispatch(args)
