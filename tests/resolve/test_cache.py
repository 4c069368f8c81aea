"""The start-up cache: built once, loaded after; a corrupt, foreign or odd file is rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest

from newskb.resolve import cache, geo, places


def _table(calls: list[int], value: object = None) -> dict[str, object]:
    return cache.cached(
        "t",
        lambda: ["v1"],
        lambda: calls.append(1) or {"kyiv": 1, "rows": [b"x", (1, 2)]},
        lambda d: d if isinstance(d, dict) and "kyiv" in d else None,
    )


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSKB_CACHE_DIR", str(tmp_path / "c"))
    return tmp_path / "c"


def test_built_once_then_loaded(folder: Path) -> None:
    calls: list[int] = []
    first = _table(calls)
    assert _table(calls) == first == {"kyiv": 1, "rows": [b"x", (1, 2)]}
    assert calls == [1]
    assert len(list(folder.glob("t-*.bin"))) == 1
    assert not list(folder.glob(".*"))  # no temporary file left behind


def test_corrupt_file_is_rebuilt_not_trusted(folder: Path) -> None:
    calls: list[int] = []
    _table(calls)
    (path,) = folder.glob("t-*.bin")
    blob = bytearray(path.read_bytes())
    blob[-3] ^= 0xFF  # one flipped byte in the payload
    path.write_bytes(bytes(blob))
    assert _table(calls)["kyiv"] == 1
    assert calls == [1, 1]
    path.write_bytes(path.read_bytes()[:20])  # truncated
    assert _table(calls)["kyiv"] == 1 and calls == [1, 1, 1]
    assert _table(calls)["kyiv"] == 1 and calls == [1, 1, 1]  # the rewritten file is good


def test_foreign_or_misshapen_file_is_rebuilt(folder: Path) -> None:
    calls: list[int] = []
    other = cache.cached("t", lambda: ["v2"], lambda: {"kyiv": 2}, lambda d: d)  # another key
    assert other == {"kyiv": 2}
    (theirs,) = folder.glob("t-*.bin")
    mine = cache._key("t", ["v1"])
    (folder / f"t-{mine}.bin").write_bytes(theirs.read_bytes())
    assert _table(calls)["kyiv"] == 1 and calls == [1]  # their header names their key
    calls.clear()
    (folder / f"t-{mine}.bin").unlink()
    cache.cached("t", lambda: ["v1"], lambda: ["a list"], lambda d: d)  # valid file, odd shape
    assert _table(calls)["kyiv"] == 1 and calls == [1]


def test_off_builds_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSKB_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls: list[int] = []
    _table(calls)
    _table(calls)
    assert calls == [1, 1] and not any(tmp_path.iterdir())


def test_xdg_cache_home_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSKB_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "newskb"


def test_place_indexes_read_back_from_the_cache_give_the_same_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    names = ["Kyiv", "Victoria", "Springfield", "Russia", "US", "UKR", "Georgia", "Nowhereville"]

    def answers() -> list[object]:
        return [
            (
                places.lookup_place(n),
                places.zone_for_place(n),
                geo.city(n),
                geo.city(n, ("US",)),
                geo.major_place(n),
            )
            for n in names
        ]

    built = answers()  # built now, or read from this session's cache file
    assert built[0][1] == "Europe/Kyiv" and built[-1] == (None, None, None, None, False)

    def no_build() -> None:
        raise AssertionError("the cache file should have been used")

    monkeypatch.setattr(geo, "_build_cities", no_build)
    monkeypatch.setattr(places, "_Builder", no_build)
    for f in (geo._cities, places._index, places.lookup_place):
        f.cache_clear()
    try:
        assert answers() == built
    finally:
        for f in (geo._cities, places._index, places.lookup_place):
            f.cache_clear()


def test_region_names_read_back_from_the_cache_are_the_built_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # extract/entities/votes: the subdivision + continent names came to cost 0.2 s per process
    from newskb.extract.entities import votes

    votes._regions.cache_clear()
    first = votes._regions()  # built now, or read from this session's cache file
    built = frozenset(votes._build_regions())
    assert first == built and {"california", "europe"} <= built

    def no_build() -> None:
        raise AssertionError("the cache file should have been used")

    monkeypatch.setattr(votes, "_build_regions", no_build)
    votes._regions.cache_clear()
    try:
        assert votes._regions() == built
    finally:
        votes._regions.cache_clear()
