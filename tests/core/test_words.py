"""jieba's dictionary read in slices, so that loading it never holds the window up."""

from __future__ import annotations


def test_the_sliced_dictionary_cache_reads_back_what_was_written(tmp_path) -> None:
    from reader.core import words

    freq = {f"词{n}": n for n in range(45_001)}  # three slices, the last one short
    path = tmp_path / "sliced.cache"
    words._write_sliced(path, "jieba 0.42|dict.txt|1|2", freq, 123)
    assert words._read_sliced(path, "jieba 0.42|dict.txt|1|2") == (freq, 123)
    # Made from another dictionary or jieba: not used.
    assert words._read_sliced(path, "jieba 0.43|dict.txt|1|2") is None
    # Cut short or damaged: not used (jieba's own cache serves).
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert words._read_sliced(path, "jieba 0.42|dict.txt|1|2") is None
    path.write_bytes(b"\x00garbage")
    assert words._read_sliced(path, "jieba 0.42|dict.txt|1|2") is None
    assert words._read_sliced(tmp_path / "missing.cache", "x") is None


def test_the_sliced_cache_holds_jiebas_own_dictionary(tmp_path) -> None:
    from reader.core import words

    jieba = words.load()
    stamp = words._dictionary_stamp(jieba)
    words._write_sliced(tmp_path / "sliced.cache", stamp, jieba.dt.FREQ, jieba.dt.total)
    freq, total = words._read_sliced(tmp_path / "sliced.cache", stamp)
    assert total == jieba.dt.total and freq == jieba.dt.FREQ
