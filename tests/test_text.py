"""newskb.extract_text and the lazy top-level API: the doctests in the docstrings run here."""

from __future__ import annotations

import doctest
import subprocess
import sys
from pathlib import Path

import pytest

import newskb
from newskb.errors import BadDate, BinaryInput
from newskb.ingest import read_path
from newskb.pipeline import process_batch
from newskb.serialize import to_dict

MODULES = ["newskb", "newskb.text", "newskb.schema", "newskb.export", "newskb.kb"]


@pytest.mark.parametrize("module", MODULES)
def test_doctests(module: str) -> None:
    mod = __import__(module, fromlist=["_"])
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_import_newskb_loads_no_spacy() -> None:
    code = "import sys, newskb; newskb.__version__; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_extract_text_of_the_seed_is_what_ingest_makes(seed_path: object) -> None:
    (article,) = read_path(str(seed_path))
    text = Path(str(seed_path)).read_text(encoding="utf-8")
    mine = to_dict(newskb.extract_text(text, path=str(seed_path)))
    (ref,) = process_batch([article])
    assert mine == to_dict(ref)  # type: ignore[arg-type]
    assert mine["doc"]["published"] == "2025-03-18" and mine["quotes"]


def test_extract_text_refuses_bad_input_with_codes() -> None:
    with pytest.raises(BadDate) as bad:
        newskb.extract_text("Talks resumed.", published="18/03/2025")
    assert bad.value.code == "NKB111"
    with pytest.raises(BinaryInput) as binary:
        newskb.extract_text("\x00\x01")
    assert binary.value.code == "NKB102" and binary.value.path == "<text>"
