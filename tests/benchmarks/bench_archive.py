"""A newspaper's lifetime: a generated library of 100,000 pages (ARCHIVE_PAGES to change
it), indexed on 2 cores, searched as the window searches, and opened in the library dock.

The pages are made as `bench_library` makes its 2,000: each of three or four real articles
with their paragraphs shuffled, so no two pages are copies. The dock's time runs from
reading the library's rows to the first paint of the dock; beside it, a bare QTreeWidget
filled with an item per page (as the dock was built before) on the same rows.

With ARCHIVE_COPIED=1 the library is made in minutes instead: 2,000 pages are indexed,
and their rows (documents, articles and index entries) are copied in SQL under other
folders until there are ARCHIVE_PAGES. Each article then stands many times in the
library, so a common word matches most of it: harder for the search than real pages.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.bench_library import _files, build, queries

PAGES = int(os.environ.get("ARCHIVE_PAGES", "100000"))
COPIED = os.environ.get("ARCHIVE_COPIED") == "1"
SEED_PAGES = 2000
QUERIES = 60


def copy_up(database: Path, pages: int) -> int:
    """Copy the library's rows into new subfolders until it holds `pages` pages; the
    pages it holds."""
    import sqlite3

    db = sqlite3.connect(database)
    try:
        columns = [r[1] for r in db.execute("PRAGMA table_info(library_documents)")]
        documents = db.execute("SELECT * FROM library_documents").fetchall()
        articles = db.execute(
            "SELECT a.path, a.article, a.title, a.text, a.fingerprint, i.title, i.body "
            "FROM library_articles a JOIN library_index i ON i.rowid = a.id"
        ).fetchall()
        held, copy = len(documents), 0
        path = columns.index("path")
        while held < pages:
            copy += 1
            tag = f"copy{copy:03d}"
            with db:
                for row in documents:
                    row = list(row)
                    # In a subfolder of the same library folder, as a later year's pages.
                    row[path] = str(Path(row[path]).parent / tag / Path(row[path]).name)
                    db.execute(
                        f"INSERT INTO library_documents({', '.join(columns)}) "
                        f"VALUES ({', '.join('?' * len(columns))})",
                        row,
                    )
                for old, k, title, text, key, title_tokens, body_tokens in articles:
                    new = str(Path(old).parent / tag / Path(old).name)
                    cur = db.execute(
                        "INSERT INTO library_articles(path, article, title, text, fingerprint) "
                        "VALUES (?, ?, ?, ?, ?)",
                        (new, k, title, text, key),
                    )
                    db.execute(
                        "INSERT INTO library_index(rowid, title, body) VALUES (?, ?, ?)",
                        (cur.lastrowid, title_tokens, body_tokens),
                    )
            held += len(documents)
        db.execute("INSERT INTO library_index(library_index) VALUES ('optimize')")
        db.commit()
        return held
    finally:
        db.close()


def _painted(app, widget) -> float:  # type: ignore[no-untyped-def]
    """Show `widget` and return the seconds until it has painted once."""
    from PySide6.QtCore import QEvent, QObject

    painted: list[float] = []

    class Watch(QObject):
        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    watch = Watch()
    viewport = widget.tree.viewport() if hasattr(widget, "tree") else widget.viewport()
    viewport.installEventFilter(watch)
    start = time.perf_counter()
    widget.show()
    while not painted:
        app.processEvents()
    viewport.removeEventFilter(watch)
    return painted[0] - start


def dock_times(root: Path) -> tuple[float, float, float, int]:
    """Seconds to read the rows, to fill the dock and to paint it; and the page count."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.store.library import Library
    from reader.ui.library import LibraryDock

    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    library = Library(*_files(root))
    folders, documents = library.folders(), library.documents()
    library.close()
    read = time.perf_counter() - start
    dock = LibraryDock()
    dock.resize(360, 700)
    start = time.perf_counter()
    dock.set_documents(folders, documents)
    filled = time.perf_counter() - start
    paint = _painted(app, dock)
    dock.close()
    return read, filled, paint, len(documents)


def bare_tree(root: Path) -> float:
    """A QTreeWidget with an item per page under its folder: seconds to fill and paint."""
    from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem

    from reader.store.library import Library

    app = QApplication.instance() or QApplication([])
    library = Library(*_files(root))
    folders, documents = library.folders(), library.documents()
    library.close()
    tree = QTreeWidget()
    tree.setColumnCount(3)
    tree.resize(360, 700)
    start = time.perf_counter()
    tops = {f: QTreeWidgetItem([Path(f).name, "", ""]) for f in folders}
    tree.addTopLevelItems(list(tops.values()))
    for doc in documents:
        QTreeWidgetItem(tops[doc.folder], [Path(doc.path).name, doc.date, str(doc.articles)])
    for item in tops.values():
        item.setExpanded(True)
    took = time.perf_counter() - start
    took += _painted(app, tree)
    tree.close()
    return took


def run() -> list[tuple[str, str, str, str]]:
    from reader.core import words
    from reader.store.library import Library

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "paper"
        size = build(folder, SEED_PAGES if COPIED else PAGES)
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.benchmarks.bench_library",
                str(root),
                str(folder),
                "--once",
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=7200,
        )
        elapsed, indexed, own, workers, *_ = json.loads(result.stdout.strip().splitlines()[-1])
        database = _files(root)[0]
        if COPIED:
            started = time.perf_counter()
            seed, indexed = indexed, copy_up(database, PAGES)
            copying = time.perf_counter() - started
            size = size * indexed // seed
        stored = sum(
            p.stat().st_size for p in database.parent.glob(database.name + "*") if p.is_file()
        )
        library = Library(*_files(root))
        words.load()
        latencies = []
        for query in queries(random.Random(5)):
            t = time.perf_counter()
            library.search(query)
            latencies.append(time.perf_counter() - t)
        library.close()
        read, filled, paint, rows = dock_times(root)
        bare = bare_tree(root)
    latencies.sort()
    median = statistics.median(latencies) * 1000
    p90 = latencies[int(len(latencies) * 0.9)] * 1000
    dock = read + filled + paint
    if COPIED:
        made = (
            f"index {SEED_PAGES:,} generated pages, then copy their rows in SQL to "
            f"{indexed:,} (as if {size / 1e9:.2f} GB of pages)",
            f"{elapsed:.0f} s, {SEED_PAGES / elapsed:.0f} pages/s; copying {copying:.0f} s",
            "—",
            "",
        )
    else:
        made = (
            f"index {PAGES:,} generated pages ({size / 1e9:.2f} GB), 2 worker processes",
            f"{elapsed:.0f} s, {indexed / elapsed:.0f} pages/s; peak {own:.0f} MB, "
            f"worker {workers:.0f} MB",
            "—",
            "",
        )
    return [
        made,
        (
            f"the library's database for {PAGES:,} pages",
            f"{stored / 1e9:.2f} GB ({stored / size:.2f}× the pages)",
            "—",
            "",
        ),
        (
            f"search {PAGES:,} pages in the window's process, {QUERIES} queries",
            f"median {median:.1f} ms, p90 {p90:.1f} ms",
            "median ≤ 50 ms",
            "meets" if median <= 50 else "below",
        ),
        (
            f"open the library dock on {rows:,} pages: read the rows, fill, first paint",
            f"{dock:.2f} s ({read:.2f} + {filled:.2f} + {paint:.2f}); a bare QTreeWidget "
            f"with an item per page: {bare:.2f} s ({bare / dock:.1f}×)",
            "at once",
            "",
        ),
    ]
