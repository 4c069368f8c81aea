"""newskb: news articles to a source-attributed knowledge base.

The Python API. Imports are lazy, so ``import newskb`` stays fast (no spaCy until it is used):

- ``newskb.open("news.db" | "postgresql://...")``: a :class:`newskb.kb.KnowledgeBase` with
  ``ingest(paths)``, ``ingest_texts(texts)``, ``quotes(speaker=, about=, since=, mode=)``,
  ``events(type=, actor=, since=)``, ``entities()``, ``stories()``, ``timeline()``,
  ``agreements()``, each returning typed rows with ``.to_pandas()`` / ``.to_arrow()``;
- ``newskb.extract_text(text, published=...)``: the typed extraction of one article
  (:class:`newskb.model.Extraction`), as ``newskb ingest`` makes it;
- the spaCy component ``nlp.add_pipe("newskb")`` (module ``newskb.spacy_component``);
- ``newskb.schema_path()``: the JSON Schema of the JSONL output contract (``newskb.extract/1``).

>>> import newskb
>>> newskb.__version__
'0.1.0'
>>> newskb.schema_path().name
'extract-1.json'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "extract_text", "open", "schema_path"]

if TYPE_CHECKING:
    from newskb.kb import open_kb as open
    from newskb.schema import schema_path
    from newskb.text import extract_text

_LAZY = {"extract_text": "newskb.text", "schema_path": "newskb.schema", "open": "newskb.kb"}
_NAMES = {"open": "open_kb"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newskb' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), _NAMES.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
