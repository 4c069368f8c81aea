"""The output contract shipped as a JSON Schema: it is package data, it accepts what newskb
writes (every extraction test_cli.py makes of the examples and the seed is checked there too)
and it refuses what breaks the contract."""

from __future__ import annotations

import copy
import json
import tomllib
from typing import Any

import pytest

from newskb.schema import errors, load, schema_path
from newskb.serialize import to_dict
from newskb.text import extract_text
from tests.conftest import ROOT

TEXT = (
    '"The talks," Foreign Minister Andrii Sybiha said on Monday, "went well." '
    "Russia attacked Kharkiv at 06:00 Kyiv time on Tuesday, officials said."
)


@pytest.fixture(scope="module")
def obj() -> dict[str, Any]:
    return to_dict(extract_text(TEXT, published="2025-03-19"))


def test_schema_is_package_data() -> None:
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = conf["tool"]["setuptools"]["package-data"]["newskb"]
    assert "schema/*.json" in data
    assert schema_path().parent.name == "schema" and schema_path().is_file()
    assert load()["title"] == "newskb.extract/1"


def test_an_extraction_with_every_part_keeps_the_contract(obj: dict[str, Any]) -> None:
    assert obj["quotes"] and obj["times"] and obj["events"] and obj["entities"]
    assert any("fragments" in q["content"] for q in obj["quotes"])  # the interrupted quote
    assert errors(obj) == []


@pytest.mark.parametrize(
    ("path", "value", "why"),
    [
        (("quotes", 0, "kind"), "reported", "is not one of"),
        (("times", 0, "start"), -1, "< 0"),
        (("times", 0, "start"), "3", "is not integer"),
        (("events", 0, "actors"), ["Russia"], "does not match"),
        (("doc", "published"), "18/03/2025", "does not match"),
        (("entities", 0, "type"), "PER", "is not one of"),
        (("schema",), "newskb.extract/2", "no branch of oneOf"),
    ],
)
def test_a_broken_field_is_refused(
    obj: dict[str, Any], path: tuple[str | int, ...], value: Any, why: str
) -> None:
    bad = copy.deepcopy(obj)
    where: Any = bad
    for key in path[:-1]:
        where = where[key]
    where[path[-1]] = value
    found = errors(bad)
    assert found and any(why in e for e in found), found


def test_a_missing_field_is_refused(obj: dict[str, Any]) -> None:
    bad = copy.deepcopy(obj)
    del bad["quotes"][0]["speaker"]
    assert errors(bad) == ["$: no branch of oneOf matches", "$.quotes[0]: 'speaker' is required"]
    assert errors(bad["quotes"]) != []  # not even an object


def test_documented_optional_additions_are_allowed(obj: dict[str, Any]) -> None:
    more = copy.deepcopy(obj)
    more["doc"].update(
        published_at="2025-03-19T08:00:00+02:00", published_source="header", authors=["A. B."]
    )
    more["quotes"][0]["mode"] = "speech"
    more["something_new"] = {"any": "thing"}
    assert errors(more) == []
    more["quotes"][0]["mode"] = "shouting"
    assert errors(more) != []


def test_jsonschema_agrees_when_installed(obj: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")  # in [dev]; the checker above needs nothing
    validator = jsonschema.Draft202012Validator(load())
    jsonschema.Draft202012Validator.check_schema(load())
    bad = json.loads(json.dumps(obj))
    bad["times"][0]["type"] = "CLOCK"
    assert list(validator.iter_errors(obj)) == [] and errors(obj) == []
    assert list(validator.iter_errors(bad)) != [] and errors(bad) != []
