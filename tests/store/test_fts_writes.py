"""The SQLite writer indexes each batch's text itself (migration 11 dropped the per-row insert
trigger): every stored row is indexed once, versions and rollbacks included, and a store
indexed by the old trigger reads and writes on after the migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newskb.ingest import read_bytes
from newskb.model import Article, Entity, ErrorRecord, Extraction, Mention
from newskb.store import SqliteStore
from newskb.store.migrate import migrate


def ext(raw: bytes, path: str, *, twice: bool = False) -> Extraction:
    (a,) = read_bytes(raw, path=path)
    assert isinstance(a, Article)
    i = a.text.find("Kyiv")
    e = Entity("E1", "Kyiv", "GPE", (Mention(i, i + 4, "Kyiv"),))
    return Extraction(article=a, entities=(e, e) if twice else (e,))


def fts_problem(conn: sqlite3.Connection) -> str | None:
    """None when the full-text index holds exactly the articles' rows (checked against the
    articles table, not only the index's own structure)."""
    try:
        conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None


def test_versions_inside_one_batch_are_indexed_once_and_only_the_newest_is_current(
    tmp_path: Path,
) -> None:
    with SqliteStore(tmp_path / "kb.db") as store:
        store.add_batch([ext(b"Talks in Kyiv opened.\n", "feed/a.txt")])
        drafts = [ext(f"Talks in Kyiv, draft {i}.\n".encode(), "feed/a.txt") for i in (2, 3)]
        bad = ErrorRecord(code="NKB103", message="not valid UTF-8", path="bad.txt")
        other = ext(b"Rain over Kyiv.\n", "feed/b.txt")
        report = store.add_batch([drafts[0], bad, other, drafts[1], drafts[0]])
        assert (report.added, report.new_versions, report.skipped, report.errors) == (3, 2, 1, 1)
        rows = store.conn.execute(
            "SELECT id, version, current FROM articles WHERE source_key = 'feed/a.txt' "
            "ORDER BY version"
        ).fetchall()
        assert [(r[1], r[2]) for r in rows] == [(1, 0), (2, 0), (3, 1)]
        assert rows[2][0] == drafts[1].article.id
        assert fts_problem(store.conn) is None
        assert [h.id for h in store.search("talks")] == [drafts[1].article.id]
        assert len(store.search("talks", current_only=False)) == 3
        assert [h.id for h in store.search("rain")] == [other.article.id]
        assert [h.id for h in store.search("draft 2", current_only=False)] == [drafts[0].article.id]


def test_a_batch_failing_in_its_fact_rows_leaves_no_article_and_no_index_entry(
    tmp_path: Path,
) -> None:
    with SqliteStore(tmp_path / "kb.db") as store:
        store.add_batch([ext(b"Talks in Kyiv opened.\n", "a.txt")])
        # the same entity id twice: the entities insert fails after articles and index rows
        broken = [ext(b"Rain over Kyiv.\n", "b.txt"), ext(b"Snow in Kyiv.\n", "c.txt", twice=True)]
        with pytest.raises(sqlite3.IntegrityError):
            store.add_batch(broken)
        assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert fts_problem(store.conn) is None
        assert store.search("rain") == []
        store.add_batch(broken[:1])  # the store goes on: rowids after the rolled-back batch
        assert [h.id for h in store.search("rain")] == [broken[0].article.id]
        assert fts_problem(store.conn) is None


def test_a_store_indexed_by_the_old_trigger_migrates_and_stays_searchable(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, target=10)
    conn.execute(
        "INSERT INTO articles(id, sha256, source_key, path, format, title, text, raw, "
        "extraction, ingested_at) VALUES ('a1', 'a1', 'old.txt', 'old.txt', 'text', "
        "'Old talks', 'Ministers met in Geneva.', '', '{}', '2026')"
    )  # indexed by the version-10 trigger
    conn.close()
    with SqliteStore(db) as store:
        assert store.schema_version >= 11
        triggers = {
            r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
        assert "articles_ai" not in triggers and {"articles_ad", "articles_au"} <= triggers
        new = ext(b"Talks in Kyiv went on in Geneva.\n", "new.txt")
        store.add_batch([new])
        assert {h.id for h in store.search("Geneva")} == {"a1", new.article.id}
        assert fts_problem(store.conn) is None
