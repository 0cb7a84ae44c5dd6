"""Exports on a Dask cluster: `ocr-reader export ... --cluster ADDRESS` (a running
scheduler) or `--cluster local:N` (N worker processes on this machine).

Each worker reads, reflows and writes its pages with the step a local export takes
(reader.cli.export_page), so the outputs are the same files with the same bytes. This side
hands out the pages and reports each one once every page before it is reported, so messages
come in page order as without a cluster; what goes to standard output comes back here to be
written. The pages, the output folder and the data folder must be at the same paths on
every worker (one machine, or a shared file system). Dask is an optional dependency
(`pip install 'ocr-reader[cluster]'`), imported only here and only for --cluster.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.store.db import Store, StoreError

if TYPE_CHECKING:  # reader.cli imports this module
    from reader.cli import PageDone, PageJob

INSTALL = "--cluster needs Dask's distributed scheduler: pip install 'ocr-reader[cluster]'"
LOCAL = "local"
CONNECT_TIMEOUT_S = 10
# Pages go to the workers in batches: a task costs the scheduler and the workers several
# milliseconds, as much as an ordinary page takes to read, so one a page would double the
# work. Each worker thread gets several batches (so all finish at about the same time),
# and a batch holds at most this many pages (so the progress line moves).
BATCH_MAX = 32
BATCHES_PER_THREAD = 8
# Batches handed out ahead of the first one not yet reported, for each worker thread:
# enough to keep every worker busy, few enough that finished ones waiting their turn stay
# few.
AHEAD_PER_THREAD = 4
# Dask's own log lines (a worker started, the event loop was slow, a worker stopped in the
# middle of a page when the export stopped) would mix with the export's report on standard
# error; what goes wrong comes back through the pages' results and is said in one line.
_QUIET = {"DASK_LOGGING__DISTRIBUTED": "critical"}


class ClusterError(Exception):
    """The cluster could not be used: one line for the user."""


def where(text: str) -> str | int:
    """The --cluster argument: a scheduler's address, or the number of workers of a
    cluster to start on this machine (`local:N`; `local` alone: one a core)."""
    if text == LOCAL:
        return os.cpu_count() or 1
    if text.startswith(LOCAL + ":"):
        count = text[len(LOCAL) + 1 :]
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"local:N needs a number of workers of at least 1, not {count!r}")
        return int(count)
    return text


def describe(place: str | int) -> str:
    """Where the export ran, for its summary line."""
    return f"{place} local workers" if isinstance(place, int) else place


def run(
    place: str | int,
    jobs: Sequence[PageJob],
    inputs: Sequence[Path],
    store_path: str | None,
    progress: Callable[[int, int], None],
) -> Generator[PageDone, None, None]:
    """Each job's result, in the jobs' order, as the workers finish them; `progress(done,
    total)` is called as each page finishes, in whatever order. Raises ClusterError."""
    with _client(place) as client:
        import asyncio  # here, not at the command line's start: it takes 70 ms to import

        from distributed import KilledWorker  # a worker died on a page, again and again

        try:
            yield from _results(client, jobs, inputs, store_path, progress)
        except ImportError as exc:
            raise ClusterError(
                f"the workers cannot import ocr-reader ({exc}): install it on every worker"
            ) from None
        except (OSError, KilledWorker, asyncio.TimeoutError, asyncio.CancelledError) as exc:
            # OSError: the connection to the scheduler or a worker was lost
            raise ClusterError(f"the cluster failed: {_reason(exc)}") from None


def _results(
    client: Any,
    jobs: Sequence[PageJob],
    inputs: Sequence[Path],
    store_path: str | None,
    progress: Callable[[int, int], None],
) -> Iterator[PageDone]:
    from distributed import as_completed

    total = len(jobs)
    threads = sum(client.nthreads().values()) or 1
    size = max(1, min(BATCH_MAX, total // (threads * BATCHES_PER_THREAD)))
    batches = [jobs[start : start + size] for start in range(0, total, size)]
    ahead = AHEAD_PER_THREAD * threads
    # Every worker needs the list of inputs (no output is written onto one): sent once.
    [shared] = client.scatter([tuple(inputs)], broadcast=True)
    # Results are fetched here rather than by as_completed, which would still be fetching
    # those of pages in flight when an export that stops early closes the client.
    finished = as_completed()
    ready: dict[int, list[PageDone]] = {}
    submitted = reported = done = 0

    def submit() -> None:
        nonlocal submitted
        while submitted < len(batches) and submitted - reported < ahead:
            batch = (submitted, batches[submitted])
            finished.add(client.submit(work, batch, shared, store_path, pure=False))
            submitted += 1

    submit()
    for future in finished:
        number, results = future.result()
        done += len(batches[number])
        progress(done, total)
        ready[number] = results
        while reported in ready:
            yield from ready.pop(reported)
            reported += 1
        submit()


def work(
    batch: tuple[int, Sequence[PageJob]], inputs: Sequence[Path], store_path: str | None
) -> tuple[int, list[PageDone]]:
    """A batch of pages, on a worker: export_page with the worker's own connection to the
    store, and the output made bytes when it goes back to be written to standard output.
    A page that stops the export (its output could not be written) ends the batch, as it
    ends a local export."""
    from reader.cli import PageDone, export_page

    number, jobs = batch
    store = None
    if store_path is not None:
        if not Path(store_path).is_file():
            return number, [
                PageDone(
                    jobs[0].index,
                    [
                        f"{store_path}: no annotation database at this path on the worker; "
                        "the data folder must be at the same path on every worker"
                    ],
                    stop=True,
                )
            ]
        try:
            store = Store(store_path, check=False)  # the caller has checked it
        except StoreError as exc:
            return number, [PageDone(jobs[0].index, [str(exc)], stop=True)]
    results = []
    try:
        for job in jobs:
            result = export_page(job, inputs, store)
            if result.data is not None:
                result.data = (b"".join(result.data),)
            results.append(result)
            if result.stop:
                break
    finally:
        if store is not None:
            store.close()
    return number, results


@contextmanager
def _client(place: str | int) -> Iterator[Any]:
    # Read when distributed is first imported, here and in each worker process it starts
    # (they inherit the environment); a level the user set is kept.
    for name, value in _QUIET.items():
        os.environ.setdefault(name, value)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError(INSTALL) from None
    if isinstance(place, int):
        with (
            LocalCluster(
                n_workers=place,
                threads_per_worker=1,  # the engine is pure Python: a process a page
                processes=True,
                dashboard_address=":0",  # a free port: 8787 may be taken by another cluster
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    import asyncio  # loaded with distributed already

    try:
        client = Client(place, timeout=CONNECT_TIMEOUT_S)
    except (OSError, ValueError, TypeError, asyncio.TimeoutError) as exc:
        raise ClusterError(f"cannot reach a Dask scheduler at {place}: {_reason(exc)}") from None
    with client:
        yield client


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
