"""Raw bytes to text: size, emptiness, binary and encoding checks with coded errors."""

from __future__ import annotations

import hashlib
import re

from newskb.errors import BinaryInput, EmptyInput, EncodingError, InputTooLarge

MAX_BYTES = 8 * 1024 * 1024
"""Largest single article accepted; a news article is far below this."""

MAX_LINES = 20_000
"""Most lines in one article's text: more is a dump (a log, a list), not an article, and would
keep the parser busy for minutes (1M one-word lines is 2 MB but 2M tokens)."""


def digest(raw: bytes) -> tuple[str, str]:
    """Return (article id, full sha256) of the raw bytes."""
    full = hashlib.sha256(raw).hexdigest()
    return full[:16], full


def decode(raw: bytes, path: str, *, max_bytes: int = MAX_BYTES) -> str:
    """Decode article bytes to ``str`` or raise a coded input error (see ``decode_named``)."""
    return decode_named(raw, path, max_bytes=max_bytes)[0]


def decode_named(raw: bytes, path: str, *, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """Decode article bytes to (text, encoding name) or raise a coded input error.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. Bytes that are not
    UTF-8 and hold no UTF-8 sequence at all are a legacy single-byte encoding (cp1251, KOI8-U/R,
    cp1252, ISO-8859-x): ``charset_normalizer`` names it among those. Text mixing UTF-8 with
    other bytes is refused, as is anything that decodes to no text. Lone ``\r`` line ends become
    ``\n`` (same length, so offsets hold); ``\r\n`` is kept as written.
    """
    if len(raw) > max_bytes:
        raise InputTooLarge(f"input is {len(raw)} bytes, the limit is {max_bytes}", path=path)
    if not raw.strip():
        raise EmptyInput("input is empty or only whitespace", path=path)
    encoding = "utf-8"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"broken UTF-16: {exc.reason} at byte {exc.start}", path=path
            ) from exc
    else:
        if b"\x00" in raw:
            raise BinaryInput("input holds NUL bytes: binary, not text", path=path)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text, encoding = _legacy(raw, exc, path)
    check_textual(text, path)
    return unify_line_ends(text), encoding


_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
LEGACY = (
    "cp1251", "koi8_u", "koi8_r", "cp1252", "cp1250", "latin_1", "iso8859_2", "iso8859_5",
    "iso8859_7", "iso8859_9", "iso8859_13", "iso8859_15", "mac_cyrillic", "cp866",
)  # fmt: skip
"""The single-byte encodings news sources still use; detection chooses among these only."""
_KOI8_U_ONLY = frozenset("єіїґЄІЇҐ")


def _legacy(raw: bytes, exc: UnicodeDecodeError, path: str) -> tuple[str, str]:
    high = sum(1 for b in raw[:200_000] if b >= 0x80)
    in_utf8 = sum(len(m) for m in _UTF8_SEQ.findall(raw[:200_000]))
    if in_utf8 * 2 >= high:  # most non-ASCII bytes are UTF-8: a UTF-8 text with bad bytes
        raise EncodingError(
            f"mixed encodings: UTF-8 text with a stray byte ({exc.reason} at byte {exc.start})",
            path=path,
        ) from exc
    from charset_normalizer import from_bytes  # only for the rare legacy input

    best = from_bytes(raw[:200_000], cp_isolation=list(LEGACY)).best()
    if best is None or best.encoding not in LEGACY:
        raise EncodingError(
            f"not valid UTF-8 ({exc.reason} at byte {exc.start}) and no known legacy encoding",
            path=path,
        ) from exc
    name = best.encoding
    if name.startswith("koi8"):
        name = _koi8(raw)
    elif name in _LATIN and _western(raw):
        name = "cp1252"
    try:
        return raw.decode(name), name.replace("_", "-")
    except UnicodeDecodeError as exc2:  # pragma: no cover - detection decoded it already
        raise EncodingError(f"not valid {name}: {exc2.reason}", path=path) from exc2


_LATIN = frozenset({"cp1250", "latin_1", "iso8859_2", "iso8859_13", "iso8859_15", "iso8859_9"})
_WESTERN = frozenset(
    "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝœŒšŠžŽ€“”‘’–—…«»°£§©®·\xa0"
)


def _western(raw: bytes) -> bool:
    """Latin encodings agree on most letters; where they differ, a text whose every non-ASCII
    sign is a Western European letter or mark in cp1252 is cp1252 (the web's Latin default)."""
    as_1252 = raw.decode("cp1252", "replace")
    return all(ch in _WESTERN for ch in as_1252 if ord(ch) > 127)


def _koi8(raw: bytes) -> str:
    """KOI8-U differs from KOI8-R only where R has box-drawing signs and U has є і ї ґ: a text
    that reads those letters in KOI8-U is Ukrainian (Russian reads the same in both)."""
    as_u = raw.decode("koi8_u")
    return "koi8_u" if any(ch in _KOI8_U_ONLY for ch in as_u) else "koi8_r"


def unify_line_ends(text: str) -> str:
    """``\r`` alone (old Mac, or mixed files) becomes ``\n``; ``\r\n`` stays: same length."""
    if "\r" not in text:
        return text
    return _LONE_CR.sub("\n", text)


_LONE_CR = re.compile(r"\r(?!\n)")
# Unicode's control characters (general category Cc, fixed by its stability policy: C0, DEL,
# C1) less the five whitespace ones; a regex counts them ~20x faster than a category test
# per character.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def check_textual(text: str, path: str) -> None:
    """Refuse text that is mostly control characters (binary that happened to decode)."""
    sample = text[:20000]
    if "\x00" in text:
        raise BinaryInput("input holds NUL characters: binary, not text", path=path)
    controls = len(_CONTROLS.findall(sample))
    if controls > max(8, len(sample) // 20):
        raise BinaryInput(
            f"{controls} control characters in the first {len(sample)}: binary, not text",
            path=path,
        )
    if not any(ch.isalnum() for ch in sample) and not any(ch.isalnum() for ch in text):
        raise EmptyInput("input holds no letters or digits", path=path)


def check_lines(text: str, path: str) -> None:
    """Refuse an article text of more than ``MAX_LINES`` lines."""
    lines = text.count("\n")
    if lines > MAX_LINES:
        raise InputTooLarge(f"text has {lines} lines, the limit is {MAX_LINES}", path=path)
