"""Canonical entities in the store: resolution across articles, alias, merge, split, CLI."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from newskb.cli import cli
from newskb.model import Article, Entity, Extraction, Mention
from newskb.resolve import canon
from newskb.store import open_store
from newskb.store.sql import SqliteDb
from newskb.store.sql.canon import SqlCanon


def _x(key: str, day: int, *ents: tuple[str, str, tuple[str, ...], tuple[str, ...]]) -> Extraction:
    text = " ".join(n for n, _t, als, _r in ents for n in (n, *als)) or "x"
    digest = hashlib.sha256(key.encode()).hexdigest()
    art = Article(
        id=digest[:16], sha256=digest, path=f"{key}.txt", text=text,
        published=dt.date(2025, 3, day),
    )  # fmt: skip
    out, pos = [], 0
    for i, (name, etype, aliases, roles) in enumerate(ents, start=1):
        ms = []
        for n in (name, *aliases):
            at = text.index(n, pos)
            ms.append(Mention(at, at + len(n), n, "name"))
            pos = at + len(n)
        out.append(
            Entity(id=f"E{i}", name=name, type=etype, mentions=tuple(ms), roles=roles,  # type: ignore[arg-type]
                   aliases=aliases)
        )  # fmt: skip
    return Extraction(article=art, entities=tuple(out))


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "t.db")
    store = open_store(path)
    batch = [
        _x(
            "a",
            18,
            ("Karoline Leavitt", "PERSON", ("Caroline Levitt",), ("White House spokeswoman",)),
        ),
        _x("b", 19, ("Karolina Leavit", "PERSON", (), ("press secretary",))),
        _x("c", 20, ("Taras Hnatiuk", "PERSON", (), ()), ("Eurowire", "ORG", (), ())),
        _x("d", 21, ("Taras Hnatyuk", "PERSON", (), ()), ("Mike Johnson", "PERSON", (), ())),
        _x("e", 22, ("Boris Johnson", "PERSON", (), ())),
    ]
    store.add_batch(batch)
    with store.batch() as tx:
        canon.resolve_batch(tx.canon, batch)
        again = canon.resolve_batch(tx.canon, batch)  # idempotent
    assert again == 7
    store.close()
    return path


def test_spelling_variants_across_articles_become_one_entity(db: str) -> None:
    with open_store(db) as store:
        c = store.entity("Caroline Levitt")
        assert c.name == "Karoline Leavitt"
        assert len(c.articles) == 2
        assert [r[0] for r in c.roles] == ["White House spokeswoman", "press secretary"]
        assert [r[1] for r in c.roles] == ["2025-03-18", "2025-03-19"]
        h = store.entity("Taras Hnatyuk")
        assert len(h.articles) == 2 and h.id == "nkb:person:taras-hnatiuk"
        assert canon.find(SqlCanon(SqliteDb(store.conn)), "Mike Johnson") != canon.find(
            SqlCanon(SqliteDb(store.conn)), "Boris Johnson"
        )
        names = [e.name for e in store.entities(limit=100)]
        assert len(names) == len(set(names))


def test_alias_merge_split(db: str) -> None:
    with open_store(db) as store:
        conn = store.conn
        ix = SqlCanon(SqliteDb(conn))
        mj = canon.find(ix, "Mike Johnson")
        canon.add_alias(ix, mj, "Speaker Johnson")
        assert canon.find(ix, "speaker johnson") == mj
        keep = canon.merge(ix, "Boris Johnson", "Mike Johnson")
        assert canon.find(ix, "Mike Johnson") == keep
        assert len(store.entity(keep).articles) == 2
        new = canon.split(ix, keep, "Mike Johnson")
        assert new != keep
        assert len(store.entity(new).articles) == 1
        assert len(store.entity(keep).articles) == 1


def test_cli_lists_searches_and_shows(db: str) -> None:
    r = CliRunner().invoke(cli, ["entities", "--db", db, "search", "levitt", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert '"Karoline Leavitt"' in r.output
    r = CliRunner().invoke(cli, ["entities", "--db", db, "show", "Karoline Leavitt"])
    assert r.exit_code == 0, r.output
    assert "White House spokeswoman" in r.output and "2025-03-18" in r.output
    r = CliRunner().invoke(cli, ["entities", "--db", db, "merge", "Taras Hnatiuk", "Eurowire"])
    assert r.exit_code == 0, r.output


def test_a_fold_keeps_the_dropped_rows_wikidata_id(tmp_path: Path) -> None:
    # regression: a row linked to Florida's Wikidata id folded into an older row of the same
    # state without one (an article with no US context) lost the id for all 181 articles
    with open_store(str(tmp_path / "kb.db")) as store:
        ix = SqlCanon(SqliteDb(store.conn))
        ix.add_canon("geonames:1", "Florida", "GPE", None, "2026-12-08")
        ix.add_canon("Q812", "Florida", "GPE", "Q812", "2026-12-08")
        ix.add_canon("nkb:gpe:x", "X", "GPE", None, "2026-12-08")
        ix.fold("geonames:1", "Q812")
        ix.fold("geonames:1", "nkb:gpe:x")  # a row without an id never clears one
        row = store.conn.execute("SELECT kb_id FROM canon WHERE id = 'geonames:1'").fetchone()
        assert row[0] == "Q812"
        # another name's id stays with it ("Sky News" folded into "CBS News")
        ix.add_canon("nkb:org:cbs-news", "CBS News", "ORG", None, "2026-12-08")
        ix.add_canon("Q1", "Sky News", "ORG", "Q1", "2026-12-08")
        ix.fold("nkb:org:cbs-news", "Q1")
        row = store.conn.execute("SELECT kb_id FROM canon WHERE id = 'nkb:org:cbs-news'").fetchone()
        assert row[0] is None


class _Ids:
    """A canon index of ids only, counting the look-ups ``_fresh_id`` makes."""

    def __init__(self, taken: set[str]) -> None:
        self.taken, self.asked = taken, 0

    def exists(self, cid: str) -> bool:
        self.asked += 1
        return cid in self.taken


def test_fresh_ids_follow_the_taken_ones_in_a_few_lookups() -> None:
    """Regression (issue 21): a name no evidence joins ("Elian" alone) gets a new row per
    article; the next free ``~n`` was found by asking for every taken one in turn (the store's
    cost per article grew with the store). The id is the same; the look-ups are logarithmic."""
    e = Entity(id="E1", name="Elian", type="PERSON", mentions=(Mention(0, 5, "Elian", "name"),))
    base = "nkb:person:elian"
    for k in (0, 1, 2, 3, 4, 7, 8, 9, 1000):
        taken = ({base} if k else set()) | {f"{base}~{n}" for n in range(2, k + 1)}
        ix = _Ids(taken)
        want = base if k == 0 else f"{base}~{k + 1}"
        assert canon._fresh_id(ix, e) == want  # type: ignore[arg-type]
        assert ix.asked <= 3 + 2 * max(1, k).bit_length()


def test_a_crowded_alias_reads_only_the_candidates_it_can_keep(db: str) -> None:
    """``by_alias`` with a limit gives the first rows of the full answer, in its order."""
    with open_store(db) as store:
        ix = SqlCanon(SqliteDb(store.conn))  # type: ignore[attr-defined]
        for n in range(30):
            cid = f"nkb:person:elian~{n + 2}"
            ix.add_canon(cid, "Elian", "PERSON", None, "2025-03-01T00:00:00+00:00")
            ix.add_alias(cid, "Elian", "elian", "text")
        every = ix.by_alias("elian", "PERSON")
        assert len(every) == 30
        assert ix.by_alias("elian", "PERSON", canon.MAX_CANDIDATES) == every[:12]
