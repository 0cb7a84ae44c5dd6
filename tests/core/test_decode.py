from __future__ import annotations

import codecs

import pytest

from reader.core.decode import DecodeError, decode_bytes, read_path

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
