"""The binary check of ``newskb.ingest.decode``: its control-character count is Unicode's."""

from __future__ import annotations

import unicodedata

import pytest

from newskb.errors import BinaryInput
from newskb.ingest.decode import _CONTROLS, check_textual


def _by_category(text: str) -> int:
    return sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")


def test_control_count_is_unicodes_cc_less_whitespace() -> None:
    # the regex that replaced a per-character category test counts the same characters
    every = "".join(chr(i) for i in range(0x3000))
    assert len(_CONTROLS.findall(every)) == _by_category(every) == 60


def test_text_with_some_controls_passes_and_mostly_controls_is_binary() -> None:
    check_textual("Officials said\x0c on Monday\x85 that talks\x1b would resume.", "a.txt")
    with pytest.raises(BinaryInput):
        check_textual("ok " + "\x01\x02\x9f" * 20, "b.txt")
