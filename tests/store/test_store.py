"""The SQLite store: idempotent, versioned, atomic per batch, searchable, errors kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newskb.errors import NotFound
from newskb.ingest import read_bytes, read_path
from newskb.model import Article, Entity, ErrorRecord, Extraction, Mention
from newskb.store import SqliteStore
from newskb.store.migrate import available


def art(raw: bytes, path: str = "a.txt") -> Article:
    (a,) = read_bytes(raw, path=path)
    assert isinstance(a, Article)
    return a


def ext(raw: bytes, path: str = "a.txt") -> Extraction:
    """An extraction with one entity (no model: the store does not care where facts came from)."""
    a = art(raw, path)
    i = a.text.find("Kyiv")
    ents = (Entity("E1", "Kyiv", "GPE", (Mention(i, i + 4, "Kyiv"),)),) if i >= 0 else ()
    return Extraction(article=a, entities=ents)


@pytest.fixture
def store(tmp_path: Path) -> SqliteStore:
    s = SqliteStore(tmp_path / "kb.db")
    yield s
    s.close()


def count(s: SqliteStore, table: str) -> int:
    return int(s.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_schema_is_migrated_and_wal(store: SqliteStore, tmp_path: Path) -> None:
    assert store.schema_version == available()[-1][0]
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    again = SqliteStore(tmp_path / "kb.db")  # re-opening migrates nothing twice
    assert again.schema_version == store.schema_version
    again.close()


def test_same_bytes_are_stored_once(store: SqliteStore) -> None:
    x = ext(b"Talks in Kyiv ended.\n")
    assert store.add_batch([x]).added == 1
    report = store.add_batch([x, ext(b"Talks in Kyiv ended.\n", path="copy/elsewhere.txt")])
    assert (report.added, report.skipped) == (0, 2)
    assert count(store, "articles") == 1 and count(store, "mentions") == 1


def test_edited_article_becomes_a_new_version_and_the_old_is_kept(store: SqliteStore) -> None:
    old = ext(b"Talks in Kyiv ended without a deal.\n", path="feed/story.txt")
    new = ext(b"Talks in Kyiv ended with a deal.\n", path="feed/story.txt")
    store.add_batch([old])
    report = store.add_batch([new])
    assert (report.added, report.new_versions) == (1, 1)
    assert store.stats().articles == 1 and store.stats().versions == 2
    v1, v2 = store.get(old.article.id), store.get(new.article.id)
    assert (v1.version, v1.current, v2.version, v2.current) == (1, False, 2, True)
    assert v2.supersedes == old.article.id
    assert v1.extraction.article.text == old.article.text  # the old text is unchanged
    assert [h.id for h in store.search("deal")] == [new.article.id]
    assert {h.id for h in store.search("deal", current_only=False)} == {
        old.article.id,
        new.article.id,
    }


def test_a_crash_inside_a_batch_loses_only_that_batch_and_a_rerun_completes_it(
    store: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    batches = [
        [ext(f"Story {b}-{i} from Kyiv.\n".encode(), f"s{b}{i}.txt") for i in range(3)]
        for b in range(3)
    ]
    store.add_batch(batches[0])
    from newskb.store.sqlite.write import SqliteBatch

    real = SqliteBatch._add_article
    calls = {"n": 0}

    def dying(self: SqliteBatch, x: Extraction, *args: Any) -> bool:
        calls["n"] += 1
        if calls["n"] == 2:  # the second article of the second batch
            raise KeyboardInterrupt("power cut")
        return real(self, x, *args)

    monkeypatch.setattr(SqliteBatch, "_add_article", dying)
    with pytest.raises(KeyboardInterrupt):
        store.add_batch(batches[1])
    monkeypatch.setattr(SqliteBatch, "_add_article", real)
    assert count(store, "articles") == 3  # batch 0 only: batch 1's first article rolled back
    assert count(store, "mentions") == 3
    for b in batches:  # the re-run: everything again
        store.add_batch(b)
    assert count(store, "articles") == 9 and count(store, "mentions") == 9
    ids = [x.article.id for b in batches for x in b]
    assert sorted(store.ids()) == sorted(ids)
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_fts_finds_a_word_from_the_seed(store: SqliteStore, seed_path: Path) -> None:
    (a,) = read_path(str(seed_path))
    assert isinstance(a, Article)
    store.add_batch([Extraction(article=a)])
    hits = store.search("ceasefire")
    assert [h.id for h in hits] == [a.id]
    assert "[ceasefire]" in hits[0].snippet.lower()
    assert store.search("Scavino")[0].id == a.id
    assert store.search("zzzunknownword") == []


def test_hostile_search_strings_are_only_words(store: SqliteStore) -> None:
    store.add_batch([ext(b"Talks in Kyiv ended.\n")])
    for q in ['" OR 1=1 --', "talks' ; DROP TABLE articles; --", "NEAR(a b)", "*", "talks*", ""]:
        store.search(q)
    assert count(store, "articles") == 1
    assert len(store.search('"talks" OR "nothing"')) == 0  # OR is a word here, not an operator


def test_errors_are_recorded_and_deduplicated(store: SqliteStore) -> None:
    e = ErrorRecord(code="NKB103", message="not valid UTF-8", path="bad.txt")
    store.add_batch([e])
    store.add_batch([e, ErrorRecord(code="NKB101", message="empty", path="empty.txt")])
    rows = store.conn.execute("SELECT path, code, seen FROM errors ORDER BY path").fetchall()
    assert [tuple(r) for r in rows] == [("bad.txt", "NKB103", 2), ("empty.txt", "NKB101", 1)]
    assert {r.path for r in store.errors()} == {"bad.txt", "empty.txt"}


def test_get_by_prefix_and_missing(store: SqliteStore) -> None:
    x = ext(b"Talks in Kyiv ended.\n")
    store.add_batch([x])
    assert store.get(x.article.id[:8]).extraction.article.id == x.article.id
    with pytest.raises(NotFound):
        store.get("ffffffffffffffff")


def test_readonly_store_cannot_write(store: SqliteStore, tmp_path: Path) -> None:
    store.add_batch([ext(b"Talks in Kyiv ended.\n")])
    ro = SqliteStore(tmp_path / "kb.db", readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        ro.conn.execute("DELETE FROM articles")
    assert ro.stats().articles == 1
    ro.close()


def test_new_store_uses_16k_pages_and_old_stores_keep_theirs(tmp_path: Path) -> None:
    import sqlite3

    from newskb.store.sqlite.store import PAGE_SIZE

    with SqliteStore(tmp_path / "new.db") as store:
        assert store.conn.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE == 16384
    old = tmp_path / "old.db"
    c = sqlite3.connect(old)
    c.execute("CREATE TABLE t (x)")  # written with the default 4 KiB pages
    c.close()
    with SqliteStore(old) as store:
        assert store.conn.execute("PRAGMA page_size").fetchone()[0] == 4096
