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


def test_keywords_are_jieba_analyses_without_importing_it() -> None:
    """The page's keywords are jieba.analyse's TF-IDF keywords, order and weights alike
    (the weights up to the one factor that leaving out the Chinese stop words gives),
    Chinese stop words (他们, 这个) left out, made without importing jieba.analyse (which
    reads the part-of-speech tables)."""
    import subprocess
    import sys
    import warnings

    from reader.bundled import sample_pages
    from reader.core import words
    from reader.core.document import load

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)  # it leaves its IDF file open
        import jieba.analyse

    for page in sample_pages():
        for article in load(page).articles:
            text = "\n".join(b.text for b in article.blocks)
            every = jieba.analyse.extract_tags(text, topK=0, withWeight=True)
            kept = [(w, f) for w, f in every if w not in words._CHINESE_STOP]
            for count in (5, 30, 0):
                expected = kept[:count] if count else kept
                got = words.weighted_keywords(text, count)
                assert [w for w, _f in got] == [w for w, _f in expected]
                if got:
                    factor = got[0][1] / expected[0][1]
                    assert all(
                        abs(g - e * factor) <= 1e-9 * g
                        for (_w, g), (_v, e) in zip(got, expected, strict=True)
                    )
    script = (
        "import sys\nfrom reader.core import words\nwords.keywords('国务院总理会见外国客人')\n"
        "print(sorted(m for m in sys.modules if m.startswith(('jieba.analyse', 'jieba.posseg'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_index_tokens_keep_words_and_drop_punctuation_however_many_were_seen(
    monkeypatch,
) -> None:
    """The index holds jieba's word tokens, lower-cased, and no punctuation or white
    space. Whether a token is a word is remembered, up to a bound: past it the memory is
    cleared and the answers stay the same."""
    from reader.core import words

    text = "国务院召开常务会议，部署 COVID-19 防控。\n“十四五”规划！"
    expected = words.search_tokens(text)
    assert "，" not in expected and "“" not in expected and "。" not in expected
    assert "covid" in expected.split() and "国务院" in expected.split()
    monkeypatch.setattr(words._Worth, "KEEP", 5)
    monkeypatch.setattr(words, "_worth", words._Worth())
    for _ in range(3):
        assert words.search_tokens(text) == expected
        assert len(words._worth) <= 5


def test_keywords_leave_out_pronouns_in_either_script_and_keep_the_printed_form() -> None:
    """他們 is 他们 printed in traditional characters: neither is a keyword, however often
    a short text uses it. A keyword printed in traditional characters is weighed as its
    simplified form and given as printed."""
    from reader.core import words

    text = (
        "近来，无政府主义思潮在革命队伍中还有些市场。他們只会对准别人高声朗读，他們一面高喊"
        "大民主，一面却只给自己民主。无政府主义是同马列主义、毛泽东思想格格不入的，它是适应"
        "资产阶级反动路线的需要的。他們打着极左的旗号。"
    )
    for printed in (text, text.replace("他們", "他们")):
        found = words.keywords(printed, 5)
        assert "无政府主义" in found
        assert not {"他們", "他们", "一面"} & set(found)
    traditional = words.keywords(text.replace("无政府主义", "無政府主義"), 5)
    assert "無政府主義" in traditional and "无政府主义" not in traditional


def test_an_english_text_s_keywords_are_not_its_common_words() -> None:
    """An English article's keywords name what it is about: its common words (will, up,
    shall, said) and marks read as a word (.-) are passed over, as jieba passes over a
    few of them."""
    from reader.core import words

    text = (
        "The engineers of the boats will not go up the river. The boats shall stay, "
        "said the engineers' union, until the railroad meets the engineers' demands .- "
        "The railroad will answer the union on Monday; the boats will wait."
    ) * 3
    found = words.keywords(text, 5)
    assert {"engineers", "boats", "railroad", "union"} <= set(found)
    assert not {"will", "up", "shall", "said", ".-"} & set(found)


def test_an_english_text_s_keywords_are_each_once_and_no_scraps_of_ocr() -> None:
    """A 1903 page: PRESIDENT in a headline and President in the text were two keywords,
    and scraps of OCR (th, ar) and the commonest nouns (day) were offered as tags."""
    from reader.core import words

    text = (
        "PRESIDENT OPENS THE FAIR. The President spoke th ar on the day the fair opened; "
        "the President praised the Exposition and the Louisiana Purchase, and th ar day "
        "the Exposition closed its gates to the crowds that came to see the President."
    ) * 3
    found = words.keywords(text, 5)
    assert len({w.casefold() for w in found}) == len(found)
    assert "President" in found or "PRESIDENT" in found
    assert not {"th", "ar", "day"} & set(found)
    # In capitals or with a digit, two letters are a name: a Chinese page's AI, 5G.
    chinese = "人工智能AI和5G网络建设加快推进，AI应用场景不断丰富，5G基站数量持续增长。" * 4
    assert {"AI", "5G"} <= set(words.keywords(chinese, 8))
    # In English text two characters are a scrap whatever their case (w1 ll, ST, CO).
    scraps = "The council met in the hall w1 ll ST CO and the mayor spoke to the council. " * 4
    assert not {"w1", "ll", "ST", "CO"} & set(words.keywords(scraps, 8))


def test_jieba_never_sees_a_run_of_characters_longer_than_its_hmm_can_take(monkeypatch) -> None:
    """jieba's HMM takes time that grows with the square of a run of characters without
    a mark (60,000 took 40 s, holding the page back from showing): the keywords and the
    page's terms hand it runs of RUN_LIMIT characters at most, every character kept."""
    import re

    from reader.core import words

    jieba = words.load()
    seen: list[str] = []
    cut = jieba.cut

    def recording(text, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(text)
        return cut(text, *args, **kwargs)

    monkeypatch.setattr(jieba, "cut", recording)
    page = "标题。" + "中" * 5_000 + "。国务院总理会见外国客人。"
    words.keywords(page)
    words.page_terms(page)
    assert len(seen) == 2
    for text in seen:
        assert max(map(len, re.findall(r"[\u3400-\u9fff]+", text))) <= words.RUN_LIMIT
        assert text.replace("\n", "") == page


def test_word_edges_in_a_long_run_are_found_in_pieces_at_their_places(monkeypatch) -> None:
    """Double-click selection cuts the block's text into words: a long run of characters
    without a mark is handed to jieba in pieces too, and the edges found in each are
    places in the whole text."""
    import re

    from reader.core import words

    jieba = words.load()
    seen: list[str] = []
    tokenize = jieba.tokenize

    def recording(text, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(text)
        return tokenize(text, *args, **kwargs)

    monkeypatch.setattr(jieba, "tokenize", recording)
    text = "国务院总理会见外国客人。" + "中" * 1_000 + "。国务院总理会见外国客人。"
    edges = words.word_edges.__wrapped__(text)
    assert "".join(seen) == text
    assert all(
        len(run) <= words.RUN_LIMIT for s in seen for run in re.findall(r"[\u3400-\u9fff]+", s)
    )
    assert edges[:5] == (0, 3, 5, 7, 9) and edges[-1] == len(text)
    tail = len(text) - len("国务院总理会见外国客人。")
    assert {tail, tail + 3, tail + 5} <= set(edges)


def test_a_long_pages_terms_are_those_of_its_first_characters(monkeypatch, tmp_path) -> None:
    """The page's terms are found in its first KEYWORD_PAGE characters: read from the
    blocks that hold them, not from the whole page joined (34 MB more on a 50 MB page)."""
    from reader.bundled import sample_pages
    from reader.core import words
    from reader.core.document import load
    from reader.core.kinds import BlockKind
    from reader.core.model import Article

    page = tmp_path / "long.txt"
    page.write_bytes(b"\n".join([sample_pages()[0].read_bytes()] * 12))
    doc = load(page)
    monkeypatch.setattr(words, "KEYWORD_PAGE", 30_000)
    seen: list[str] = []
    monkeypatch.setattr(words, "page_terms", lambda text: seen.append(text) or ())
    monkeypatch.setattr(words, "article_keywords", lambda doc: {})
    whole = "\n".join(b.text for _a, b in doc.iter_blocks() if b.kind != BlockKind.FURNITURE)
    assert len(whole) > 3 * 30_000
    read: list[int] = []
    blocks = Article.all_blocks

    def counted(article):  # type: ignore[no-untyped-def]
        read.append(1)
        return blocks(article)

    monkeypatch.setattr(Article, "all_blocks", counted)
    words.page_words(doc)
    assert seen == [whole[:30_000]]
    assert len(read) < len(doc.articles) / 2  # the articles read


def test_the_compact_idf_table_gives_each_word_jiebas_weight() -> None:
    """The IDF table held as one string of sorted words and an array of weights gives
    every word of jieba's table the weight jieba reads for it, the default for a word it
    does not hold, and the median of all weights."""
    from pathlib import Path

    from reader.core import words

    jieba = words.load()
    path = Path(jieba.__file__ or "").parent / "analyse" / "idf.txt"
    table: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            word, weight = line.strip().split(" ")
            table[word] = float(weight)
    idf = words.IdfTable(path.read_bytes().splitlines())
    assert len(idf) == len(table) > 200_000
    assert [w for w, weight in table.items() if idf.get(w, -1.0) != weight] == []
    assert idf.median == sorted(table.values())[len(table) // 2]
    for missing in ("", "不在表中的词语", "zzzz", "\U0002a700"):
        assert missing not in table and idf.get(missing, 7.5) == 7.5
    # A word that begins another sorts before it (国 before 国务院), as its line does.
    small = words.IdfTable("国务院 3.0\n国 1.0\n国务 2.0\n".encode().splitlines())
    assert [small.get(w, 0.0) for w in ("国", "国务", "国务院", "国务院令")] == [1.0, 2.0, 3.0, 0.0]
