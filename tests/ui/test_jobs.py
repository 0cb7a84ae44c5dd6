"""Background work always answers: done with its result, or failed with a reason ("" when
it was cancelled), even when the work has a bug."""

from __future__ import annotations

import pytest

from reader.core import publish
from reader.ui.jobs import Job, Jobs


def run(qtbot, work) -> tuple[str, object]:  # type: ignore[no-untyped-def]
    jobs = Jobs()
    answers: list[tuple[str, object]] = []
    jobs.start(work, lambda r: answers.append(("done", r)), lambda r: answers.append(("failed", r)))
    qtbot.waitUntil(lambda: bool(answers), timeout=10000)
    jobs.wait()
    assert len(answers) == 1
    return answers[0]


def test_a_result_comes_back(qtbot) -> None:
    assert run(qtbot, lambda _job: 42) == ("done", 42)


@pytest.mark.parametrize(
    "error, reason",
    [
        (OSError(28, "No space left on device"), "No space left on device"),
        (ValueError("not a page"), "not a page"),
        (MemoryError(), "not enough memory"),
        (KeyError("bug"), "unexpected error: KeyError('bug')"),
    ],
)
def test_a_failure_comes_back_with_its_reason(qtbot, error, reason) -> None:
    def work(_job: Job) -> None:
        raise error

    assert run(qtbot, work) == ("failed", reason)


def test_cancelled_work_says_so_with_no_reason(qtbot) -> None:
    def stops(job: Job) -> None:
        raise publish.Cancelled

    def asked_to_stop(job: Job) -> int:
        job.cancelled = True  # as the UI would, while the work runs
        return 1

    assert run(qtbot, stops) == ("failed", "")
    assert run(qtbot, asked_to_stop) == ("failed", "")


def test_progress_reaches_the_ui_thread(qtbot) -> None:
    jobs = Jobs()
    steps: list[tuple[int, int]] = []
    done: list[str] = []

    def work(job: Job) -> str:
        for n in range(3):
            job.signals.progress.emit(n + 1, 3)
        return "ok"

    jobs.start(work, done.append, progress=lambda d, t: steps.append((d, t)))
    qtbot.waitUntil(lambda: done == ["ok"], timeout=10000)
    jobs.wait()
    assert steps == [(1, 3), (2, 3), (3, 3)]
