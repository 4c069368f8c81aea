"""Raw bytes to text: size, emptiness, binary and encoding checks with coded errors."""

from __future__ import annotations

import hashlib
import unicodedata

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
    """Decode article bytes to ``str`` or raise a coded input error.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted. Anything else that is not
    valid UTF-8 is refused rather than guessed, so offsets always refer to a faithful text.
    """
    if len(raw) > max_bytes:
        raise InputTooLarge(f"input is {len(raw)} bytes, the limit is {max_bytes}", path=path)
    if not raw.strip():
        raise EmptyInput("input is empty or only whitespace", path=path)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
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
            raise EncodingError(
                f"not valid UTF-8: {exc.reason} at byte {exc.start}", path=path
            ) from exc
    check_textual(text, path)
    return text


def check_textual(text: str, path: str) -> None:
    """Refuse text that is mostly control characters (binary that happened to decode)."""
    sample = text[:20000]
    if "\x00" in text:
        raise BinaryInput("input holds NUL characters: binary, not text", path=path)
    controls = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v"
    )
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
