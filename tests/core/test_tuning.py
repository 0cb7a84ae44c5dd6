"""The engine's thresholds are one frozen object that every stage is given."""

from __future__ import annotations

import dataclasses

import pytest

from reader.core.document import split_source_lines
from reader.core.lines import content_lines
from reader.core.reflow import reflow
from reader.core.segment import build_articles
from reader.core.tuning import TUNING, Tuning

PAGE = "\n".join(
    [
        "春耕备耕正当时",
        "新华社记者 王五 赵六",
        "眼下正是春耕备耕的关键时节，三晋大地处处涌动着春耕热潮，",
        "农机手们驾驶着拖拉机来回穿梭。",
    ]
)


def articles(tuning: Tuning = TUNING):
    lines = content_lines(split_source_lines(PAGE))
    blocks, _decisions, _reading = reflow(lines, tuning=tuning)
    return build_articles(blocks, tuning)


def test_tuning_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        TUNING.wider = 7  # type: ignore[misc]


def test_the_tuning_given_is_the_one_used() -> None:
    assert articles()[0].title == "春耕备耕正当时"
    assert articles(Tuning()) == articles()
    # A headline is at most `standalone_chars` long: shorter than this one, it is not one.
    short = articles(dataclasses.replace(TUNING, standalone_chars=6))
    assert all(a.title is None for a in short)
