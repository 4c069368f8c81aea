"""The output contract ``newskb.extract/1`` as a JSON Schema (draft 2020-12), shipped with the
package, and a small checker for it that needs no third-party package.

The checker knows the keywords the schema uses (``type``, ``const``, ``enum``, ``pattern``,
``minimum``, ``minLength``, ``minItems``, ``maxItems``, ``required``, ``properties``, ``items``,
``allOf``, ``anyOf``, ``oneOf``, local ``$ref``); any full validator (``jsonschema``) gives the
same verdicts on this schema.

>>> from newskb.schema import errors
>>> errors({"schema": "newskb.extract/1", "error": {"code": "NKB101", "message": "empty",
...                                                  "path": "a.txt"}})
[]
>>> errors({"schema": "newskb.extract/1", "error": {"code": "E1", "message": "", "path": ""}})
['$: no branch of oneOf matches', "$.error.code: 'E1' does not match ^NKB[0-9]{3}$"]
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["SCHEMA_FILE", "errors", "load", "schema_path"]

SCHEMA_FILE = "extract-1.json"
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def schema_path() -> Path:
    """The shipped JSON Schema file of ``newskb.extract/1``."""
    return Path(str(resources.files(__name__).joinpath(SCHEMA_FILE)))


@functools.cache
def load() -> dict[str, Any]:
    """The JSON Schema of ``newskb.extract/1`` as a dict."""
    schema: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
    return schema


def errors(obj: Any) -> list[str]:
    """Every way ``obj`` (one JSONL line, parsed) breaks the contract; empty when it keeps it."""
    root = load()
    out: list[str] = []
    _check(obj, root, root, "$", out)
    return out


def _is(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, _TYPES[name])


def _check(value: Any, node: dict[str, Any], root: dict[str, Any], at: str, out: list[str]) -> None:
    if "$ref" in node:
        target: Any = root
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        _check(value, target, root, at, out)
    kinds = node.get("type")
    if kinds is not None:
        names = [kinds] if isinstance(kinds, str) else kinds
        if not any(_is(value, n) for n in names):
            out.append(f"{at}: {type(value).__name__} is not {'/'.join(names)}")
            return
    if "const" in node and value != node["const"]:
        out.append(f"{at}: {value!r} is not {node['const']!r}")
    if "enum" in node and value not in node["enum"]:
        out.append(f"{at}: {value!r} is not one of {node['enum']}")
    if isinstance(value, str):
        if "pattern" in node and re.search(node["pattern"], value) is None:
            out.append(f"{at}: {value!r} does not match {node['pattern']}")
        if len(value) < node.get("minLength", 0):
            out.append(f"{at}: shorter than {node['minLength']}")
    if _is(value, "number") and "minimum" in node and value < node["minimum"]:
        out.append(f"{at}: {value} < {node['minimum']}")
    if isinstance(value, list):
        if len(value) < node.get("minItems", 0) or len(value) > node.get("maxItems", len(value)):
            out.append(f"{at}: {len(value)} items is outside the allowed count")
        if "items" in node:
            for i, item in enumerate(value):
                _check(item, node["items"], root, f"{at}[{i}]", out)
    if isinstance(value, dict):
        out.extend(f"{at}: {k!r} is required" for k in node.get("required", ()) if k not in value)
        for key, sub in node.get("properties", {}).items():
            if key in value:
                _check(value[key], sub, root, f"{at}.{key}", out)
    for sub in node.get("allOf", ()):
        _check(value, sub, root, at, out)
    for word in ("anyOf", "oneOf"):
        if word in node:
            found = [_sub_errors(value, sub, root, at) for sub in node[word]]
            fits = sum(not f for f in found)
            if fits == 0:  # say why the closest branch fails (fewest faults at this level)
                out.append(f"{at}: no branch of {word} matches")
                scores = [_closeness(f, at) for f in found]
                out.extend(found[scores.index(min(scores))])
            elif word == "oneOf" and fits > 1:
                out.append(f"{at}: {fits} branches of oneOf match")


def _closeness(found: list[str], at: str) -> tuple[int, int]:
    """How far a branch is from fitting: its faults at this level first, then all its faults."""
    return sum(e.startswith(f"{at}:") for e in found), len(found)


def _sub_errors(value: Any, node: dict[str, Any], root: dict[str, Any], at: str) -> list[str]:
    out: list[str] = []
    _check(value, node, root, at, out)
    return out
