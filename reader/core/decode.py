"""Bytes to text: encoding detection, newline and control-character clean-up.

Accepts UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK. Every failure is a
`DecodeError` whose message names the reason in one line; callers add the file name.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

# Larger files are refused rather than read into memory: no newspaper page is this big.
MAX_BYTES = 512 * 1024 * 1024
# Share of invalid UTF-8 bytes tolerated (and replaced with U+FFFD) before the file is
# taken to be in another encoding.
_MAX_INVALID_RATIO = 0.002
# Bytes decoded first when a page fails to decode cleanly, to rule an encoding out cheaply:
# at least this many, and a share of the file large enough to hold more invalid sequences
# than the file may have in all when it is in another encoding (about one in two bytes).
_SAMPLE = 1024
_SAMPLE_SHARE = 64

_CONTROL_CODES = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]
_CONTROL: dict[int, str | None] = dict.fromkeys(_CONTROL_CODES)
_CONTROL.update({0x09: " ", 0x200B: None, 0xFEFF: None, 0x2028: "\n", 0x2029: "\n", 0x85: "\n"})

_MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/EPUB file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3", "an SQLite database"),
]


class DecodeError(Exception):
    """The bytes cannot be read as an OCR text page. The message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    newline: str
    replaced: int = 0

    @property
    def warning(self) -> str | None:
        if self.replaced:
            return f"{self.replaced} invalid byte sequence(s) replaced with �"
        return None


_BINARY_BYTES = bytes((*range(0x00, 0x09), *range(0x0E, 0x1B)))
# What a page of text is made of: line breaks, printable ASCII, general punctuation, CJK
# marks, Chinese characters and full-width forms.
_PAGE_CHARS = re.compile("[\t\n\r -~\u00b7\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _magic(data: bytes) -> str | None:
    """What the file is, where it starts like a known binary format."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def _mostly_controls(data: bytes) -> bool:
    """Control bytes (NUL and the like) in more than 1% of the file's first 64 KiB."""
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _BINARY_BYTES))
    return controls > max(8, len(sample) // 100)


def _newline_style(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [name for name, n in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if n]
    if not kinds:
        return "none"
    return kinds[0] if len(kinds) == 1 else "mixed"


_ASCII_CONTROLS = bytes(_CONTROL_CODES) + b"\t"
_OTHER_CONTROLS = [chr(c) for c in _CONTROL if c > 0x7F]


def _has_controls(text: str) -> bool:
    """True when the text holds a character that _CONTROL removes or replaces.

    Asked of every page, so it is answered with whole-string operations: the ASCII
    controls from the page's ASCII characters alone, the rest by plain searches.
    """
    ascii_ = text.encode("ascii", "ignore")
    if len(ascii_.translate(None, _ASCII_CONTROLS)) != len(ascii_):
        return True
    return any(c in text for c in _OTHER_CONTROLS)


def _clean(raw: str, encoding: str, replaced: int, controls: bool | None = None) -> Decoded:
    """`controls` is _has_controls(raw), where the caller knows it."""
    if "\r" in raw:
        newline = _newline_style(raw)
        text = raw.replace("\r\n", "\n").replace("\r", "\n")
    else:
        newline, text = "LF" if "\n" in raw else "none", raw
    if controls is None:
        controls = _has_controls(text)  # CR is none of them: the same as asked of raw
    if controls:
        text = text.translate(_CONTROL)
    return Decoded(text=text, encoding=encoding, newline=newline, replaced=replaced)


def decode_bytes(data: bytes) -> Decoded:
    if not data.strip():
        raise DecodeError("the file is empty" if not data else "the file holds only white space")
    for bom, enc, name in (
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (BOM)"),
        (codecs.BOM_UTF16_LE, "utf-16", "UTF-16LE"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16BE"),
    ):
        if data.startswith(bom):
            raw = data.decode(enc, errors="replace")
            return _clean(raw, name, raw.count("\ufffd"))
    what = _magic(data)
    if what:
        raise DecodeError(f"it is {what}, not text")
    # Most pages are clean UTF-8. Text decoded strictly from UTF-8 or GB18030 holds every
    # control byte of the file as a character, so a page without control characters
    # needs no count of its bytes.
    strict: str | None
    try:
        strict = data.decode("utf-8")
    except UnicodeDecodeError:
        strict = None
    controls = strict is not None and _has_controls(strict)
    if (strict is None or controls) and _mostly_controls(data):
        decoded = _utf16_without_bom(data)
        if decoded is None:
            raise DecodeError("it is binary data, not text")
        return decoded
    if strict is not None:
        return _clean(strict, "UTF-8", 0, controls)
    # UTF-8 with a few damaged bytes comes before GB18030, which reads nearly any run of
    # high bytes, UTF-8 among them, as (wrong) characters.
    decoded = _tolerant(data, "UTF-8", "utf-8")
    if decoded is None:
        try:
            decoded = _clean(data.decode("gb18030"), "GB18030", 0)
        except UnicodeDecodeError:
            decoded = _tolerant(data, "GB18030", "gb18030")
    if decoded is None:
        raise DecodeError("it is not valid UTF-8, UTF-16 or GB18030 text")
    return decoded


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text that came without its byte-order mark, or None.

    Its NUL bytes (in line breaks, spaces, digits, Latin letters and some Chinese
    characters) read as binary data. Read in the right byte order, nearly every
    character of a page is a Chinese character, a CJK or full-width mark or printable
    ASCII; read in the wrong one, line breaks and ASCII turn into other scripts.
    """
    if len(data) % 2:
        return None
    for codec, name in (("utf-16-le", "UTF-16LE (no BOM)"), ("utf-16-be", "UTF-16BE (no BOM)")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        if len(_PAGE_CHARS.findall(sample)) >= 0.95 * len(sample):
            return _clean(text, name, 0)
    return None


def _tolerant(data: bytes, name: str, codec: str) -> Decoded | None:
    """The page in this encoding with its few invalid bytes replaced, or None where
    there are too many of them."""
    # A page with a few damaged bytes keeps its encoding; a page written in another
    # encoding fails everywhere, often within its first few hundred bytes. A cut
    # through a character at the end of the sample adds at most a few marks.
    limit = max(3, len(data) * _MAX_INVALID_RATIO)
    sample = data[: max(_SAMPLE, len(data) // _SAMPLE_SHARE)]
    if sample.decode(codec, errors="replace").count("\ufffd") > limit + 4:
        return None
    raw = data.decode(codec, errors="replace")
    invalid = raw.count("\ufffd")
    return _clean(raw, name, invalid) if invalid <= limit else None


def read_path(path: str | os.PathLike[str]) -> tuple[bytes, Decoded]:
    """Read and decode a file. Raises DecodeError with a one-line reason."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise DecodeError("no such file") from None
    except PermissionError:
        raise DecodeError("permission denied") from None
    except OSError as exc:
        raise DecodeError(exc.strerror or str(exc)) from None
    if p.is_dir():
        raise DecodeError("it is a folder, not a file")
    if size > MAX_BYTES:
        raise DecodeError(
            f"it is too large ({size // (1024 * 1024)} MB; the limit is "
            f"{MAX_BYTES // (1024 * 1024)} MB)"
        )
    try:
        data = p.read_bytes()
    except PermissionError:
        raise DecodeError("permission denied") from None
    except OSError as exc:
        raise DecodeError(exc.strerror or str(exc)) from None
    return data, decode_bytes(data)


def read_stream(stream: BinaryIO) -> tuple[bytes, Decoded]:
    """Read and decode a page from a stream such as standard input, with the size
    limit of a file. Raises DecodeError with a one-line reason."""
    try:
        data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise DecodeError(exc.strerror or str(exc)) from None
    if len(data) > MAX_BYTES:
        raise DecodeError(f"it is too large (the limit is {MAX_BYTES // (1024 * 1024)} MB)")
    return data, decode_bytes(data)
