from __future__ import annotations

import codecs
import os
import socket
import threading
from pathlib import Path

import charset_normalizer
import pytest

from reader.core import decode
from reader.core.decode import DecodeError, decode_bytes, read_path, read_stream
from reader.core.document import load

PAGE = "　　作为中国特色社会主义事业的重要基石，\n国企在发展国民经济中发挥着作用。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PAGE.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + PAGE.encode("utf-8"), "UTF-8 (BOM)"),
        (PAGE.encode("utf-16"), "UTF-16LE"),
        (codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"), "UTF-16BE"),
        (PAGE.encode("gb18030"), "GB18030"),
        (PAGE.encode("gbk"), "GB18030"),
        # Without the byte-order mark that UTF-16 files should start with.
        (PAGE.encode("utf-16-le"), "UTF-16LE (no BOM)"),
        (PAGE.encode("utf-16-be"), "UTF-16BE (no BOM)"),
    ],
)
def test_encodings_are_detected_and_reported(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.text == PAGE


@pytest.mark.parametrize(("newline", "name"), [("\n", "LF"), ("\r\n", "CRLF"), ("\r", "CR")])
def test_line_ends_are_normalised(newline: str, name: str) -> None:
    decoded = decode_bytes(PAGE.replace("\n", newline).encode("utf-8"))
    assert decoded.newline == name
    assert decoded.text == PAGE


def test_control_characters_are_stripped_and_tabs_become_spaces() -> None:
    decoded = decode_bytes("国\x00企\x07在\t发展\x1b\n".encode())
    assert decoded.text == "国企在 发展\n"


def test_invalid_bytes_in_the_middle_are_replaced_and_counted() -> None:
    body = PAGE.encode("utf-8") * 200
    data = body[:1000] + b"\xff\xfe\xfa" + body[1000:]
    decoded = decode_bytes(data)
    assert decoded.encoding == "UTF-8"
    assert decoded.replaced >= 1
    assert decoded.warning and "replaced" in decoded.warning
    assert "国企" in decoded.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b" \n\n \r\n", "white space"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "PNG"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 8, "PDF"),
        (bytes(range(256)) * 64, "binary"),
        # Control bytes in files that would decode strictly: as UTF-8, and as GB18030.
        (b"\x00\x01\x02abc\n" * 2000, "binary"),
        (("国企".encode("gb18030") + b"\x00\x03") * 2000, "binary"),
    ],
)
def test_bad_input_gets_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


def test_latin_utf16_without_a_bom_is_read() -> None:
    text = "The new international airport opened on Monday.\n" * 40
    assert decode_bytes(text.encode("utf-16-le")).text == text


def test_binary_data_with_nuls_on_one_side_is_still_binary() -> None:
    # Bytes that decode as UTF-16 (NULs at odd offsets) into control characters.
    data = bytes(b for i in range(4000) for b in ((i * 7) % 32, 0))
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(data)


def test_undecodable_bytes_are_refused() -> None:
    # Random high bytes: neither UTF-8 nor GB18030 makes sense of them.
    noise = bytes((0x80 + (i * 37) % 0x7F) for i in range(4000)) + b"\x80\x80\xff" * 200
    with pytest.raises(DecodeError, match="not valid"):
        decode_bytes(noise)


def test_read_path_reasons(tmp_path) -> None:
    with pytest.raises(DecodeError, match="no such file"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(DecodeError, match="folder"):
        read_path(tmp_path)


# A news item in traditional Chinese, as a Taiwanese or Hong Kong paper would print it.
TRADITIONAL = (
    "新華社北京三月十二日電　國務院總理主持召開國務院常務會議，聽取關於今年以來經濟運行情況"
    "的匯報，研究部署進一步推動經濟持續回升向好的政策措施。會議指出，今年以來，各地區各部門"
    "認真貫徹落實黨中央、國務院決策部署，經濟發展總體保持穩定，就業和物價形勢基本平穩，民生"
    "保障有力有效。同時也要看到，外部環境更加複雜嚴峻，國內需求仍顯不足，部分企業生產經營困"
    "難，我們必須增強憂患意識，堅持穩中求進工作總基調。\n"
    "會議強調，要把擴大內需擺在更加突出的位置，加快釋放消費潛力，支持汽車、家電等大宗消費，"
    "發展服務消費和新型消費。要積極擴大有效投資，加快地方政府專項債券發行使用，推進重大工程"
    "項目建設。要進一步優化營商環境，依法保護民營企業產權和企業家權益，讓各類經營主體放心投"
    "資、安心經營、專心發展。\n"
    "會議還討論了關於加強農村教育和醫療衛生服務的意見。會議認為，辦好農村學校和基層醫院，是"
    "縮小城鄉差距、促進共同富裕的重要舉措。各級政府要加大投入，改善辦學和就醫條件，穩定鄉村"
    "教師和醫生隊伍，讓農民在家門口就能享受到優質的教育和醫療服務。記者在會後採訪了多位代表，"
    "他們表示，這些措施針對性強，對於提振市場信心、穩定社會預期具有重要意義。（本報記者　王明）\n"
)
JAPANESE = (
    "東京都は十二日、新しい防災計画を発表した。計画では、大地震が発生した場合に備えて、避難所"
    "の数を増やし、食料や水の備蓄を充実させることが盛り込まれている。知事は記者会見で「都民の"
    "皆さんの命を守るために、できることはすべてやる」と述べた。\n"
    "また、高齢者や障害のある人々への支援を強化するため、地域のボランティア団体との連携を進め"
    "る方針も示された。専門家は「一歩前進だが、実際の訓練を重ねることが大切だ」と話している。\n"
)
KOREAN = (
    "서울시는 12일 새로운 대중교통 정책을 발표했다. 이번 정책에 따르면 내년부터 버스와 지하철의 "
    "운행 시간이 늘어나고, 노인과 학생을 위한 요금 할인 혜택이 확대된다. 시장은 기자회견에서 "
    '"시민들이 더 편리하고 안전하게 이동할 수 있도록 최선을 다하겠다"고 말했다.\n'
)
RUSSIAN = (
    "Правительство объявило сегодня о новой программе поддержки малого бизнеса. По словам "
    "министра, в следующем году на эти цели будет выделено больше средств, чем когда-либо.\n"
)


def _one_line(exc: pytest.ExceptionInfo[DecodeError]) -> str:
    message = str(exc.value)
    assert message and "\n" not in message
    return message


@pytest.mark.parametrize("codec", ["big5", "cp950"])
def test_a_big5_page_is_read_as_big5(tmp_path: Path, codec: str) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(TRADITIONAL.encode(codec))
    _, decoded = read_path(page)
    assert decoded.encoding == "Big5"
    assert decoded.text == TRADITIONAL
    doc = load(page)
    assert doc.source.encoding == "Big5"
    assert "國務院總理主持召開國務院常務會議" in "".join(doc.source_lines)


def test_a_short_big5_page_is_read_as_big5(tmp_path: Path) -> None:
    text = "新華社北京電　國務院召開常務會議，研究經濟發展。\n會議指出，我們要穩定就業。\n"
    page = tmp_path / "short.txt"
    page.write_bytes(text.encode("big5"))
    _, decoded = read_path(page)
    assert (decoded.encoding, decoded.text) == ("Big5", text)


def test_big5_marks_are_read_as_windows_writes_them(tmp_path: Path) -> None:
    # Most Big5 files come from Windows, whose table (cp950) has the full-width tilde
    # and the hyphenation point that joins the parts of a transcribed name.
    text = "原住民作家瓦歷斯‧諾幹表示：「三月～五月是種植的季節。」\n" * 3
    page = tmp_path / "marks.txt"
    page.write_bytes(text.encode("cp950"))
    _, decoded = read_path(page)
    assert (decoded.encoding, decoded.text) == ("Big5", text)


@pytest.mark.parametrize(
    ("text", "codec", "reason"),
    [
        (JAPANESE, "cp932", "it is Japanese text (Shift-JIS), not Chinese"),
        (JAPANESE, "euc_jp", "it is Japanese text (EUC-JP), not Chinese"),
        (KOREAN, "euc_kr", "it is Korean text (EUC-KR), not Chinese"),
        (RUSSIAN, "cp1251", "it is Cyrillic text (Windows-1251), not Chinese"),
    ],
)
def test_text_in_another_legacy_encoding_is_refused_with_its_name(
    tmp_path: Path, text: str, codec: str, reason: str
) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(text.encode(codec))
    with pytest.raises(DecodeError) as exc:
        load(page)
    assert _one_line(exc) == reason


@pytest.mark.parametrize("text", [JAPANESE, KOREAN, RUSSIAN])
def test_utf8_text_in_any_language_still_opens(text: str) -> None:
    decoded = decode_bytes(text.encode("utf-8"))
    assert (decoded.encoding, decoded.text) == ("UTF-8", text)


def test_sample_pages_in_gb18030_are_read_exactly_without_the_referee(
    seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A page that is plainly simplified Chinese is settled by the fast test alone.
    def referee(*args: object, **kwargs: object) -> None:
        raise AssertionError("charset_normalizer consulted for a plain GB18030 page")

    monkeypatch.setattr(charset_normalizer, "from_bytes", referee)
    for seed in seed_paths:
        text = seed.read_text(encoding="utf-8")
        decoded = decode_bytes(text.encode("gb18030"))
        assert (decoded.encoding, decoded.text) == ("GB18030", text)


def test_short_gb18030_lines_are_not_taken_for_another_encoding(seed_paths: list[Path]) -> None:
    # Single lines hold too few characters for the fast test; every one still reads right.
    for seed in seed_paths:
        for line in seed.read_text(encoding="utf-8").splitlines():
            if len(line) >= 4 and not line.isascii():
                decoded = decode_bytes((line + "\n").encode("gb18030"))
                assert (decoded.encoding, decoded.text) == ("GB18030", line + "\n"), line


@pytest.mark.parametrize(
    "data",
    [
        "\u3000\u3000\n\u3000\n".encode(),
        "\u3000\xa0\t \r\n\u2003\n".encode(),
        "\u3000\u3000\n\u3000\n".encode("gb18030"),
        "\u3000\u3000\r\n\u3000\r\n".encode("big5"),
        codecs.BOM_UTF8 + "\u3000\n".encode(),
        "\u3000\n".encode("utf-16"),
    ],
)
def test_a_page_of_white_space_only_is_refused(data: bytes) -> None:
    with pytest.raises(DecodeError) as exc:
        decode_bytes(data)
    assert _one_line(exc) == "the file holds only white space"


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "empty.txt"
    page.write_bytes(b"")
    with pytest.raises(DecodeError, match=r"^the file is empty$"):
        read_path(page)


def _refusal(path: Path | str) -> str:
    """The reason `load` gives for the path; fails rather than hangs where it blocks."""
    outcome: list[BaseException | None] = []

    def read() -> None:
        try:
            load(path)
        except BaseException as exc:
            outcome.append(exc)
        else:
            outcome.append(None)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), f"reading {path} blocked"
    error = outcome[0]
    assert isinstance(error, DecodeError), error
    message = str(error)
    assert message and "\n" not in message
    return message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(
    tmp_path: Path, seed_paths: list[Path]
) -> None:
    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    assert _refusal(fifo) == "it is a named pipe (FIFO), not a file"
    # The reader is free for the next page.
    assert load(seed_paths[0]).articles


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    assert _refusal(device) == "it is a character device, not a file"


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no unix sockets here")
def test_a_socket_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a short relative name: socket paths are limited in length
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("page.txt")
        assert _refusal(tmp_path / "page.txt") == "it is a socket, not a file"


class _Endless:
    """A stream that never ends, such as a pipe from a runaway program."""

    def __init__(self, unit: bytes) -> None:
        self.unit = unit
        self.given = 0

    def read(self, size: int = -1) -> bytes:
        assert size >= 0, "asked for everything of an endless stream"
        self.given += size
        return (self.unit * (size // len(self.unit) + 1))[:size]


def test_an_endless_stream_of_text_stops_at_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "MAX_BYTES", 3 * 1024 * 1024 + 5)
    stream = _Endless("国企在发展国民经济中发挥着作用。\n".encode())
    with pytest.raises(DecodeError, match="too large") as exc:
        read_stream(stream)  # type: ignore[arg-type]
    _one_line(exc)
    assert stream.given == decode.MAX_BYTES + 1


def test_an_endless_stream_of_zero_bytes_is_refused_early() -> None:
    stream = _Endless(b"\0")
    with pytest.raises(DecodeError, match="binary data") as exc:
        read_stream(stream)  # type: ignore[arg-type]
    _one_line(exc)
    assert stream.given < decode.MAX_BYTES // 100


def test_a_file_that_says_it_is_empty_is_still_held_to_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    status = Path("/proc/self/status")
    if not status.exists() or status.stat().st_size != 0:
        pytest.skip("no /proc files that report a size of 0 here")
    monkeypatch.setattr(decode, "MAX_BYTES", 64)
    with pytest.raises(DecodeError, match="too large"):
        read_path(status)


def test_running_out_of_memory_is_one_line() -> None:
    class Exhausted:
        def read(self, size: int = -1) -> bytes:
            raise MemoryError

    with pytest.raises(DecodeError) as exc:
        read_stream(Exhausted())  # type: ignore[arg-type]
    assert _one_line(exc) == "there is not enough memory to read it"

    class Huge(bytes):
        def decode(self, *args: object, **kwargs: object) -> str:
            raise MemoryError

    with pytest.raises(DecodeError) as exc:
        decode_bytes(Huge(PAGE.encode("utf-8")))
    assert _one_line(exc) == "there is not enough memory to decode it"
