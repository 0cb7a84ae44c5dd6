"""`ocr-reader search`: the library searched from the command line.

Kept apart from reader.cli so that a search imports only what it uses (the store and
the library's query side), not the reflow engine and the exporters: a search of a small
library takes about a tenth of a second as a whole process.
"""

from __future__ import annotations

import argparse
import html
import io
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.app import Parser
from reader.progress import Progress, one_line
from reader.store import paths
from reader.store.db import Store, StoreError, default_path
from reader.store.library import Hit, IndexReport, Library, gone

PROG = "ocr-reader"
EXIT_BAD_INPUT = 2
LIMIT = 20  # results shown unless --limit says otherwise
DESCRIPTION = 'Words must all be there; "exact phrases" and -excluded words work too.'


def fail(message: str) -> None:
    """Say why, in one line on standard error; control characters are shown escaped."""
    print(f"{PROG}: {one_line(message)}", file=sys.stderr)


def _positive(text: str) -> int:
    """A count of 1 or more (a limit of 0 would find nothing, whatever the library holds)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not 1 or more")
    return value


def pages_count(count: int) -> str:
    return f"{count:,} page" if count == 1 else f"{count:,} pages"


def add_arguments(find: argparse.ArgumentParser) -> None:
    find.add_argument(
        "query",
        nargs="+",
        help='for example: 新质生产力 "科技创新" -吕梁 (either script; quoting the whole '
        "query is not needed)",
    )
    find.add_argument("--library", help="add this folder to the library (re-index what changed)")
    find.add_argument(
        "--limit",
        type=_positive,
        default=LIMIT,
        help=f"at most this many results (1 or more; {LIMIT} unless given)",
    )
    find.add_argument("--data-dir", help="the data folder (as for the window)")
    find.set_defaults(func=run_search)


def summary(report: IndexReport, seconds: float) -> str:
    """One line for the end of an indexing batch."""
    done = report.indexed  # (pages that could not be read are no pages indexed a second)
    rate = f", {done / seconds:,.0f} pages/s" if done and seconds > 0 else ""
    parts = [f"indexed {pages_count(report.indexed)} in {seconds:.1f} s{rate}"]
    if report.unchanged or report.restamped:
        parts.append(f"{report.unchanged + report.restamped:,} unchanged")
    if report.removed:
        parts.append(f"{report.removed:,} removed")
    if report.failed:
        parts.append(f"{report.failed:,} could not be read")
    return "; ".join(parts)


def _folders(count: int) -> str:
    """The library's folders and the verb: 'folder holds', '2 folders hold'."""
    return "folder holds" if count == 1 else f"{count:,} folders hold"


def _index(library: Library, folders: list[str]) -> None:
    progress = Progress("indexing")
    report = library.index(folders, progress=progress)
    if report.indexed or report.failed or report.removed:
        progress.finish(summary(report, progress.elapsed()))
    for path, why in report.unread:
        fail(f"{path}: not read: {why}")
    if report.failed > len(report.unread):
        fail(f"… and {report.failed - len(report.unread):,} more pages not read")


def run_search(args: argparse.Namespace) -> int:
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    if not args.library and not default_path().exists():
        # Nothing was ever indexed here: said so, and no database made for it.
        fail("the library is empty: add a folder with --library DIR")
        return EXIT_BAD_INPUT
    folder = Path(args.library) if args.library else None
    if folder is not None and not folder.is_dir():
        fail(f"{folder}: not a folder")
        return EXIT_BAD_INPUT
    hits: list[Hit] | None = None
    for salvage in (False, True):
        try:
            hits = _search(args, folder, salvage)
            break
        except StoreError as exc:
            if salvage or "damaged" not in str(exc):
                fail(str(exc))
                return EXIT_BAD_INPUT
            # Damage found past the file's header, while reading: salvaged as the other
            # commands and the window do, and the search run again.
        except ValueError as exc:
            fail(str(exc))
            return EXIT_BAD_INPUT
    if hits is None:
        return EXIT_BAD_INPUT
    more = len(hits) > args.limit
    hits = hits[: args.limit]
    bold, plain = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("【", "】")
    for n, hit in enumerate(hits, 1):
        snippet = html.unescape(hit.snippet.replace("<b>", bold).replace("</b>", plain))
        title = hit.title or f"(untitled article {hit.article + 1})"  # as the window says
        # A page deleted or moved since it was indexed is said so, as the window says it.
        where = f"{hit.path}  [article {hit.article + 1}]"
        if gone(hit.path):
            where += "  (no longer there: deleted or moved since it was indexed)"
        print(f"{n}. {title}  —  {where}")
        print(f"   {snippet}")
    if not hits:
        print("nothing found", file=sys.stderr)
        return 1
    if more:
        # Said where the results end, not taken for all of them.
        first = (
            "the first result is" if args.limit == 1 else f"the first {args.limit:,} results are"
        )
        fail(f"{first} shown and more match: --limit {args.limit * 10:,} shows more")
    return 0


def _search(args: argparse.Namespace, folder: Path | None, salvage: bool) -> list[Hit] | None:
    """The library updated where it needs to be and searched; None after saying in one
    line why there is nothing to search. Raises StoreError, ValueError (the query).
    `salvage`: the whole file is checked first, and a damaged one salvaged."""
    # Creates or upgrades the database. No quick check of the whole file unless asked: it
    # grows with the library (65 ms at 2,000 pages); damage read later says so (StoreError
    # "damaged") and the caller asks again with `salvage`.
    try:
        store = Store(default_path(), check=salvage, salvage=salvage)
    except StoreError as exc:
        if salvage or "damaged" not in str(exc):
            raise
        # What can be read is kept, the damaged file moved aside, and the search runs on.
        store = Store(default_path(), check=True)
    if store.notice:
        fail(store.notice)
    store.close()
    words = paths.data_dir() / "userdict.txt"
    library = Library(default_path(), paths.cache_dir() / "jieba", words)
    try:
        if library.store.read_only:
            if folder is not None or library.outdated():
                fail(
                    "the data folder is read-only, so the library cannot be indexed: "
                    "searching what it already holds"
                )
        else:
            if folder is not None:
                _index(library, [library.add_folder(folder)])
            outdated = library.outdated()
            if outdated:
                fail(
                    f"the library was indexed by an older version; indexing its "
                    f"{library.outdated_pages():,} pages again so that either script finds "
                    "both"
                )
                _index(library, outdated)
            folders = library.folders()
            if folders and not library.count():
                # Folders kept with nothing of theirs indexed: a repaired database.
                fail(f"the library's {_folders(len(folders))} nothing indexed: indexing")
                _index(library, folders)
        if not library.count():
            if library.folders() and library.store.read_only:
                fail("nothing in the library's folders is indexed yet, and the data folder "
                     "is read-only")  # fmt: skip
            elif library.folders():
                fail("nothing in the library's folders could be indexed")
            else:
                fail("the library is empty: add a folder with --library DIR")
            return None
        # One more than shown, to say whether there are more.
        return library.search(args.query, limit=args.limit + 1)
    finally:
        library.close()


def main(argv: Sequence[str]) -> int:
    """`ocr-reader search ARGS`, without building the other commands' parser."""
    parser = Parser(prog=f"{PROG} search", description=DESCRIPTION)
    add_arguments(parser)
    return dispatch(parse_search(parser, argv))


def parse_search(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    """The search's arguments. The query may be typed as several words, before and after
    the options, an excluded one among them (思想政治 -吕梁): a word that starts with -
    and then a character no option's does (吕, a quote) is the query's, not an option
    argparse does not know. A Latin word left out (-tax) looks like one: it is said to
    go after --."""
    words = list(argv)
    ends = words.index("--") if "--" in words else len(words)
    options = set(parser._option_string_actions)
    latin = [
        w
        for w in words[:ends]
        if w[:1] == "-" and w[1:2].isascii() and w[1:2].isalpha() and w.split("=")[0] not in options
    ]
    if latin:
        parser.error(
            f"unrecognized arguments: {' '.join(latin)} (a Latin word left out goes after --: "
            f"search WORDS -- {latin[0]})"
        )
    excluded = {
        k
        for k, word in enumerate(words[:ends])
        if word[:1] == "-" and (not word[1:2].isascii() or word[1:2] == '"')
    }
    # Each such word is put in place as a word argparse takes for the query, then back
    # wherever it went (the query, or an option's value: --library -资料).
    marks = {f"\x00{k}": words[k] for k in excluded}
    marked = [f"\x00{k}" if k in excluded else w for k, w in enumerate(words)]
    # (argparse reads words among the options only without a --, which it loses then)
    parse = parser.parse_args if "--" in words else parser.parse_intermixed_args
    args = parse(marked)
    for name, value in vars(args).items():
        if isinstance(value, str) and value in marks:
            setattr(args, name, marks[value])
    args.query = " ".join(marks.get(word, word) for word in args.query)
    return args


def _data_folder_problem(path: Path) -> str | None:
    """Why the data folder named cannot be one (something other than a folder has the
    name, a loop of links, a name too long), or None; a folder not there yet is made."""
    try:
        path.resolve()
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except (OSError, RuntimeError) as exc:  # (resolve() says a loop with RuntimeError)
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return f"the data folder named cannot be used ({why.lower()})"
    if not stat.S_ISDIR(mode):
        return "the data folder named is not a folder"
    return None


def dispatch(args: argparse.Namespace) -> int:
    """Run a parsed command: its exit status, 130 when interrupted, 0 when the reader of
    its output went away."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        # Text the output's encoding cannot hold (a Latin-1 locale) is escaped, as the
        # messages on standard error are, not a traceback.
        sys.stdout.reconfigure(errors="backslashreplace")
    data_dir = getattr(args, "data_dir", None)
    problem = _data_folder_problem(Path(data_dir)) if data_dir else None
    if problem:
        fail(f"{data_dir}: {problem}; nothing done")
        return EXIT_BAD_INPUT
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        if sys.stderr.isatty():
            sys.stderr.write("\n")  # off the progress line, so the prompt starts its own
        return 130
    except BrokenPipeError:
        return 0
