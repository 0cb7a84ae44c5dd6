"""Bytes to text: encoding detection, newline and control-character clean-up.

Accepts UTF-8 (with or without BOM), UTF-16 (with or without BOM), GB18030/GBK and Big5;
refuses Japanese, Korean and other text in a legacy encoding by name, and reads only
regular files. Every failure is a `DecodeError` whose message names the reason in one
line; callers add the file name.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

# Larger files are refused rather than read into memory: no newspaper page is this big.
MAX_BYTES = 512 * 1024 * 1024
# How a refusal for want of memory begins (it may pass: the library reads the page again).
OUT_OF_MEMORY = "there is not enough memory"
# Share of invalid UTF-8 bytes tolerated (and replaced with U+FFFD) before the file is
# taken to be in another encoding; a short page may have a few all the same.
_MAX_INVALID_RATIO = 0.002
_MIN_INVALID = 3
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
    """A page's bytes as text. Raises DecodeError with a one-line reason."""
    if not data:
        raise DecodeError("the file is empty")
    if data.isspace():
        raise DecodeError("the file holds only white space")
    try:
        decoded = _decode(data)
    except MemoryError:
        raise DecodeError(f"{OUT_OF_MEMORY} to decode it") from None
    # isspace() stops at the first letter, where strip() would copy the whole page.
    if not decoded.text:
        raise DecodeError("the file is empty")
    if decoded.text.isspace():
        raise DecodeError("the file holds only white space")
    return decoded


def _decode(data: bytes) -> Decoded:
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
    # UTF-8 with a few damaged bytes comes before the legacy encodings, which read nearly
    # any run of high bytes, UTF-8 among them, as (wrong) characters.
    decoded = _tolerant(data, "UTF-8", "utf-8")
    if decoded is None or _legacy_rather(data, decoded):
        return _legacy(data)
    return decoded


def _legacy_rather(data: bytes, utf8: Decoded) -> bool:
    """Whether a short page that UTF-8 reads with a few replacements is rather GB18030 or
    Big5: those read it without a fault, and it holds fewer characters from beyond the
    two-byte range of UTF-8 (where Chinese is) than invalid sequences."""
    # Only the floor of the tolerance lets a page in a legacy encoding through: in a
    # longer one, nearly every other byte is an invalid sequence.
    if len(data) * _MAX_INVALID_RATIO > _MIN_INVALID:
        return False
    if utf8.replaced <= len(_BEYOND_TWO_BYTES.findall(utf8.text)):
        return False
    for codec in ("gb18030", "cp950"):
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return True
    return False


# Characters of three or four bytes in UTF-8, U+FFFD aside.
_BEYOND_TWO_BYTES = re.compile("[\u0800-\ufffc\U00010000-\U0010ffff]")


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text that came without its byte-order mark, or None.

    Its NUL bytes (in line breaks, spaces, digits, Latin letters and some Chinese
    characters) read as binary data. Read in the right byte order, nearly every
    character of a page is a Chinese character, a CJK or full-width mark or printable
    ASCII; read in the wrong one, line breaks and ASCII turn into other scripts.
    """
    if len(data) % 2:
        return None
    for codec, name in _UTF16_ORDERS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _page_like(text[:4096]):
            return _clean(text, name, 0)
    return None


_UTF16_ORDERS = (("utf-16-le", "UTF-16LE (no BOM)"), ("utf-16-be", "UTF-16BE (no BOM)"))


def _page_like(sample: str) -> bool:
    return len(_PAGE_CHARS.findall(sample)) >= 0.95 * len(sample)


def _tolerant(data: bytes, name: str, codec: str) -> Decoded | None:
    """The page in this encoding with its few invalid bytes replaced, or None where
    there are too many of them."""
    # A page with a few damaged bytes keeps its encoding; a page written in another
    # encoding fails everywhere, often within its first few hundred bytes. A cut
    # through a character at the end of the sample adds at most a few marks.
    limit = max(_MIN_INVALID, len(data) * _MAX_INVALID_RATIO)
    sample = data[: max(_SAMPLE, len(data) // _SAMPLE_SHARE)]
    if sample.decode(codec, errors="replace").count("\ufffd") > limit + 4:
        return None
    raw = data.decode(codec, errors="replace")
    invalid = raw.count("\ufffd")
    return _clean(raw, name, invalid) if invalid <= limit else None


# GB18030 reads nearly any run of high bytes without an error, Big5 and Shift-JIS text
# among them, so a page that decodes is not yet a page read right. What tells the readings
# apart is what the text is made of under each: Chinese running text is full of a few very
# common characters, Japanese of kana and Korean of Hangul, while bytes read in the wrong
# encoding scatter over rare characters, other scripts and private-use code points.

# Among the most frequent characters of Chinese running text: a tenth or more of a page,
# and all but absent from text read in another encoding.
_FREQUENT_SIMPLIFIED = "的一是在不了有和人中国这为大"
_FREQUENT_TRADITIONAL = "的一是在不了有和人中國這為大"
_FREQUENT_SHARE = 0.02
_FREQUENT_HITS = 3
# Characters of a page decoded as GB18030 that must show it to be plainly Chinese.
_HEAD_CHARS = 1024
# Bytes given to the closer tests and the referee, from the line of the first non-ASCII byte.
_LEGACY_SAMPLE = 16384
# Share of common characters (see _gb2312_common) in a reading taken as the right one.
_COMMON_SHARE = 0.9
# A reading with more undecodable characters than this share is the wrong one.
_MAX_BAD_SHARE = 0.01
# What Japanese and Korean text is made of: kana (a fifth even of text dense with kanji),
# and Hangul with a third or more of it in the most frequent syllables. Chinese text read
# in their encodings has no kana and hardly any of those syllables; the letters a sample
# must hold keep one or two Chinese characters that happen to read so from counting. Big5
# reads as kana in EUC-JP more easily than anything does in the others.
_KANA = re.compile("[\u3041-\u30ff]")
_FREQUENT_KOREAN = re.compile("[이다의는에하고을가지한서로기리사으를수해대도시자정어나게것들]")
_FOREIGN = (
    ("cp932", _KANA, 0.1, 2),
    ("euc_jp", _KANA, 0.1, 3),
    ("euc_kr", _FREQUENT_KOREAN, 0.2, 2),
)
_NARROW = re.compile(r"[\x00-\x7f\s]+")
_FIRST_HIGH = re.compile(rb"[\x80-\xff]")
# No trail byte of GB18030, Big5, Shift-JIS or EUC is below 0x30: a sample cut after such a
# byte ends between characters.
_LAST_BOUNDARY = re.compile(rb"[\x00-\x2f][^\x00-\x2f]*\Z")

# The encodings charset_normalizer chooses among: their names and what text in them is.
# Its guesses at the language of a short text in a single-byte encoding are unreliable,
# so the user is told the script; code pages that read most Latin text the same as
# Windows-1252 (1250, 1254, 1257) are left out, as they would only take its name.
_REFEREE = {
    "gb18030": ("GB18030", "Chinese"),
    "cp950": ("Big5", "Chinese"),
    "cp932": ("Shift-JIS", "Japanese"),
    "euc_jp": ("EUC-JP", "Japanese"),
    "euc_kr": ("EUC-KR", "Korean"),
    "cp1251": ("Windows-1251", "Cyrillic"),
    "koi8_r": ("KOI8-R", "Cyrillic"),
    "cp1252": ("Windows-1252", "Western European"),
    "cp1253": ("Windows-1253", "Greek"),
    "cp1255": ("Windows-1255", "Hebrew"),
    "cp1256": ("Windows-1256", "Arabic"),
    "cp874": ("Windows-874", "Thai"),
}


def _legacy(data: bytes) -> Decoded:
    """A page that is not UTF-8: GB18030 or Big5, or refused with what it is."""
    gb = _strict_or_tolerant(data, "GB18030", "gb18030")
    # The common case, a GB18030 page of simplified Chinese, is settled on its first
    # thousand characters.
    if gb is not None and _plainly_chinese(gb.text[:_HEAD_CHARS], _FREQUENT_SIMPLIFIED):
        return gb
    return _settle(data, gb)


def _strict_or_tolerant(data: bytes, name: str, codec: str) -> Decoded | None:
    try:
        return _clean(data.decode(codec), name, 0)
    except UnicodeDecodeError:
        return _tolerant(data, name, codec)


def _plainly_chinese(text: str, frequent: str) -> bool:
    """Whether the most frequent Chinese characters make up a fair share of the text's
    characters outside ASCII."""
    hits = 0
    for char in frequent:
        hits += text.count(char)
        # The text's length bounds the characters outside ASCII, which are counted only
        # where that bound is not met already.
        if hits >= _FREQUENT_HITS and hits >= _FREQUENT_SHARE * len(text):
            return True
    wide = len(text) - len(text.encode("ascii", "ignore"))
    return hits >= _FREQUENT_HITS and hits >= _FREQUENT_SHARE * wide


@dataclass(frozen=True, slots=True)
class _Reading:
    """A sample as one encoding reads it: its characters outside ASCII, white space left
    out."""

    wide: str

    @classmethod
    def of(cls, sample: bytes, codec: str) -> _Reading:
        return cls(_NARROW.sub("", sample.decode(codec, errors="replace")))

    def share(self, count: int) -> float:
        return count / len(self.wide) if self.wide else 0.0

    @property
    def clean(self) -> bool:
        return self.share(self.wide.count("\ufffd")) <= _MAX_BAD_SHARE

    def common(self, chars: frozenset[str]) -> float:
        return self.share(sum(c in chars for c in self.wide))


def _settle(data: bytes, gb: Decoded | None) -> Decoded:
    """Big5, GB18030 or a refusal naming the language, for a page that is not plainly
    simplified Chinese in GB18030."""
    sample = _sample(data)
    blank = _blank(data, sample, gb)
    if blank is not None:
        return blank
    for codec, letters, share, least in _FOREIGN:
        reading = _Reading.of(sample, codec)
        found = len(letters.findall(reading.wide))
        if reading.clean and found >= least and reading.share(found) >= share:
            raise _not_chinese(codec)
    b5 = _Reading.of(sample, "cp950")
    b5_common = b5.common(_big5_common()) if b5.clean else 0.0
    gb_common = 0.0
    if gb is not None:
        gb_common = _Reading.of(sample, "gb18030").common(_gb2312_common())
    big5_first = b5_common > gb_common
    if big5_first and _plainly_chinese(b5.wide, _FREQUENT_TRADITIONAL):
        big5 = _big5(data)
        if big5 is not None:
            return big5
    # Short pages hold too few characters to count the frequent ones: the reading made of
    # common characters settles them.
    if gb is not None and gb_common >= _COMMON_SHARE and not big5_first:
        return gb
    if b5_common >= _COMMON_SHARE and big5_first:
        big5 = _big5(data)
        if big5 is not None:
            return big5
    return _refer(sample, data, gb)


def _refer(sample: bytes, data: bytes, gb: Decoded | None) -> Decoded:
    """What charset_normalizer makes of a page the tests above leave open."""
    from charset_normalizer import from_bytes  # only here: it takes a while to import

    try:
        # Not final: the sample may end inside a character.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        pass
    else:
        # Sound where it starts, the page as a whole is not.
        raise DecodeError("it is UTF-8 text with too many invalid bytes")
    best = from_bytes(sample, cp_isolation=list(_REFEREE)).best()
    encoding = best.encoding if best is not None else None
    if encoding == "cp950":
        big5 = _big5(data)
        if big5 is not None:
            return big5
    elif encoding in _REFEREE and encoding != "gb18030":
        raise _not_chinese(encoding)
    if gb is None:
        raise DecodeError("it is not valid UTF-8, UTF-16, GB18030 or Big5 text")
    return gb


def _not_chinese(codec: str) -> DecodeError:
    name, what = _REFEREE[codec]
    return DecodeError(f"it is {what} text ({name}), not Chinese")


def _blank(data: bytes, sample: bytes, gb: Decoded | None) -> Decoded | None:
    """The page where one of the encodings reads it as white space alone (full-width
    spaces, say), for decode_bytes to refuse; otherwise None."""
    if gb is not None and gb.text.isspace():
        return gb
    for codec, name in (("cp950", "Big5"), ("cp932", "Shift-JIS")):
        try:
            if sample.decode(codec).isspace():
                text = data.decode(codec)
                if text.isspace():
                    return _clean(text, name, 0)
        except UnicodeDecodeError:
            continue
    return None


def _sample(data: bytes) -> bytes:
    """A bounded piece of the page from the line of its first non-ASCII byte, ending
    between two characters."""
    first = _FIRST_HIGH.search(data)
    start = data.rfind(b"\n", 0, first.start()) + 1 if first else 0
    sample = data[start : start + _LEGACY_SAMPLE]
    if len(sample) == _LEGACY_SAMPLE:
        cut = _LAST_BOUNDARY.search(sample)
        if cut is not None:
            sample = sample[: cut.start() + 1]
    return sample


def _big5(data: bytes) -> Decoded | None:
    """The page as Big5: Microsoft's table (cp950), which most Big5 files were written
    with, or the Hong Kong one where only that reads it; None where neither does."""
    # cp950 and big5hkscs differ on common marks: cp950 reads A1E3 as the full-width
    # tilde and A145 as the hyphenation point that Taiwanese text uses in names, where
    # big5hkscs gives a tilde operator and a bullet.
    try:
        return _clean(data.decode("cp950"), "Big5", 0)
    except UnicodeDecodeError:
        pass
    try:
        return _clean(data.decode("big5hkscs"), "Big5-HKSCS", 0)
    except UnicodeDecodeError:
        return _tolerant(data, "Big5", "cp950")


def _characters(codec: str, leads: range, trails: list[int]) -> frozenset[str]:
    pairs = b"\n".join(bytes((lead, trail)) for lead in leads for trail in trails)
    # A pair the encoding lacks reads as U+FFFD, with its trail byte where that is ASCII.
    read = pairs.decode(codec, errors="replace").split("\n")
    return frozenset(c for c in read if len(c) == 1 and c != "\ufffd")


_GB_TRAILS = list(range(0xA1, 0xFF))
_BIG5_TRAILS = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]


@functools.cache
def _marks() -> frozenset[str]:
    """Punctuation and full-width forms that both GB2312 and Big5 have. Either encoding's
    marks read in the other turn into rarer symbols (GB's quotation marks into Big5's
    small brackets), so only the shared ones count as common."""
    shared = _characters("gb2312", range(0xA1, 0xA4), _GB_TRAILS) & _characters(
        "cp950", range(0xA1, 0xA4), _BIG5_TRAILS
    )
    # Dashes and dots each table writes with a code point of its own.
    return shared | frozenset("—–―·‧・")


@functools.cache
def _gb2312_common() -> frozenset[str]:
    """The marks and GB2312's 6,763 Chinese characters."""
    return _marks() | _characters("gb2312", range(0xB0, 0xF8), _GB_TRAILS)


@functools.cache
def _big5_common() -> frozenset[str]:
    """The marks and Big5's 5,401 frequently used characters (level 1)."""
    return _marks() | _characters("cp950", range(0xA4, 0xC7), _BIG5_TRAILS)


# Reading files. Only regular files are read: a named pipe blocks the reader until
# something writes to it, and a device such as /dev/zero never ends.
_CHUNK = 1024 * 1024
# Bytes read before a stream that cannot be a page whatever follows is refused.
_HEAD_BYTES = 65536
_NOT_FILES = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOCTTY", 0)
    # Opening a named pipe that has no writer would wait for one.
    | getattr(os, "O_NONBLOCK", 0)
)


def _not_a_file(mode: int) -> str | None:
    for test, what in _NOT_FILES:
        if test(mode):
            return f"it is {what}, not a file"
    return None if stat.S_ISREG(mode) else "it is not a regular file"


def _os_error(exc: OSError) -> DecodeError:
    if isinstance(exc, FileNotFoundError):
        return DecodeError("no such file")
    if isinstance(exc, PermissionError):
        return DecodeError("permission denied")
    return DecodeError(exc.strerror or str(exc))


def _too_large(size: int | None = None) -> DecodeError:
    limit = f"the limit is {MAX_BYTES // (1024 * 1024)} MB"
    if size is None:
        return DecodeError(f"it is too large ({limit})")
    return DecodeError(f"it is too large ({size // (1024 * 1024)} MB; {limit})")


def read_path(path: str | os.PathLike[str]) -> tuple[bytes, Decoded]:
    """Read and decode a regular file. Raises DecodeError with a one-line reason."""
    data = read_file(path)
    return data, decode_bytes(data)


def read_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a regular file, within the size limit (a FIFO, a device or a socket is
    refused before it is opened). Raises DecodeError with a one-line reason."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise _os_error(exc) from None
    what = _not_a_file(st.st_mode)
    if what:
        raise DecodeError(what)
    if st.st_size > MAX_BYTES:
        raise _too_large(st.st_size)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _os_error(exc) from None
    try:
        # The path may have been replaced by something else since it was looked at.
        what = _not_a_file(os.fstat(fd).st_mode)
        if what:
            raise DecodeError(what)
        data = _read_limited(functools.partial(os.read, fd))
    except OSError as exc:
        raise _os_error(exc) from None
    finally:
        os.close(fd)
    return data


def read_stream(stream: BinaryIO) -> tuple[bytes, Decoded]:
    """Read and decode a page from a stream such as standard input, with the size
    limit of a file. Raises DecodeError with a one-line reason."""
    try:
        data = _read_limited(stream.read)
    except OSError as exc:
        raise _os_error(exc) from None
    return data, decode_bytes(data)


def _read_limited(read: Callable[[int], bytes]) -> bytes:
    """Everything `read` gives up to its end, in chunks, asking for no more than
    MAX_BYTES + 1 bytes in all: a file may grow while it is read, or say it is smaller
    than it is (files in /proc say 0 bytes)."""
    chunks: list[bytes] = []
    total = 0
    looked = False
    try:
        while True:
            chunk = read(min(_CHUNK, MAX_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_BYTES:
                raise _too_large()
            if not looked and total >= _HEAD_BYTES:
                looked = True
                head = chunks[0] if len(chunks) == 1 else b"".join(chunks)
                reason = hopeless(head[:_HEAD_BYTES])
                if reason:
                    raise DecodeError(reason)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    except MemoryError:
        raise DecodeError(f"{OUT_OF_MEMORY} to read it") from None


def hopeless(head: bytes) -> str | None:
    """Why a file that starts like this is refused whatever follows, or None: so that
    a stream of binary data is not read up to the size limit first."""
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    what = _magic(head)
    if what:
        return f"it is {what}, not text"
    if not _mostly_controls(head):
        return None
    if any(_page_like(head[:8192].decode(codec, errors="replace")) for codec, _ in _UTF16_ORDERS):
        return None
    return "it is binary data, not text"
