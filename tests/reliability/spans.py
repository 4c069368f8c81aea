"""Check every span of an extraction, generically, over its spec JSON object."""

from __future__ import annotations

from typing import Any

from newskb.model import Extraction
from newskb.serialize import to_dict


def span_problems(x: Extraction) -> list[str]:
    """Every span-like object in ``x``'s JSON whose offsets or text do not fit its text.

    A span is any object with integer ``start``/``end`` (and, where present, ``text``); content
    ``fragments`` are checked too. Returns readable problems; empty means all is well.
    """
    obj = to_dict(x)
    text = obj["doc"]["text"]
    problems: list[str] = []

    def check(node: Any, where: str) -> None:
        if isinstance(node, dict):
            s, e = node.get("start"), node.get("end")
            if isinstance(s, int) and isinstance(e, int):
                if not 0 <= s <= e <= len(text):
                    problems.append(f"{where}: [{s}, {e}) outside text of {len(text)}")
                elif isinstance(node.get("text"), str) and text[s:e] != node["text"]:
                    problems.append(f"{where}: text[{s}:{e}]={text[s:e]!r} != {node['text']!r}")
            for fs, fe in node.get("fragments") or []:
                if not s <= fs <= fe <= e:
                    problems.append(f"{where}: fragment [{fs}, {fe}) outside [{s}, {e})")
            for k, v in node.items():
                check(v, f"{where}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                check(v, f"{where}[{i}]")

    check(obj, "$")
    return problems


def count_spans(x: Extraction) -> int:
    """How many span-like objects ``x`` holds (so a test can show it checked something)."""
    n = 0

    def walk(node: Any) -> None:
        nonlocal n
        if isinstance(node, dict):
            n += isinstance(node.get("start"), int) and isinstance(node.get("end"), int)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(to_dict(x))
    return n
