"""One article that names a person beside what two same-name canon rows were each seen with
folds the rows into one (issue 17: "Lindsay Lohan" stayed three people in ECB+ topic 1).
Everything else keeps them apart: an article beside one of them only, or another full name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from newskb.model import Article, Entity, Extraction, Mention
from newskb.resolve import canon
from newskb.store import open_store
from newskb.store.sql import SqliteDb
from newskb.store.sql.canon import SqlCanon


def _x(key: str, month: int, *names: tuple[str, str]) -> Extraction:
    """An article of the given month (months apart: the days never agree) naming ``names``."""
    text = " and ".join(n for n, _t in names)
    digest = hashlib.sha256(key.encode()).hexdigest()
    art = Article(
        id=digest[:16],
        sha256=digest,
        path=f"{key}.txt",
        text=text,
        published=dt.date(2010, month, 1),
    )
    out = []
    for i, (name, etype) in enumerate(names, start=1):
        at = text.index(name)
        m = Mention(at, at + len(name), name, "name")
        out.append(Entity(id=f"E{i}", name=name, type=etype, mentions=(m,)))  # type: ignore[arg-type]
    return Extraction(article=art, entities=tuple(out))


def _final_ids(path: Path, batch: list[Extraction]) -> dict[str, str]:
    """article key -> final canon id of its first entity, resolving one article at a time."""
    store = open_store(str(path))
    store.add_batch(batch)
    for x in batch:
        with store.batch() as tx:
            canon.resolve_batch(tx.canon, [x])
    ix = SqlCanon(SqliteDb(store.conn))  # type: ignore[attr-defined]
    out = {}
    for x in batch:
        cid = ix.link_of(x.article.id, x.entities[0].id) or ""
        while (up := ix.merged_into(cid)) is not None:
            cid = up
        out[x.article.path[:-4]] = cid
    store.close()
    return out


CLINIC = ("Betty Ford Center", "ORG")
LAWYER = ("Mark Heller", "PERSON")


def test_an_article_naming_both_contexts_folds_two_rows_of_one_name(tmp_path: Path) -> None:
    ids = _final_ids(
        tmp_path / "t.db",
        [
            _x("a", 1, ("Lindsay Lohan", "PERSON"), CLINIC),
            _x("b", 6, ("Lindsay Lohan", "PERSON"), LAWYER),
            _x("c", 11, ("Lindsay Lohan", "PERSON"), CLINIC, LAWYER),
        ],
    )
    assert ids["a"] == ids["b"] == ids["c"]


def test_an_article_beside_one_row_only_folds_nothing(tmp_path: Path) -> None:
    ids = _final_ids(
        tmp_path / "t.db",
        [
            _x("a", 1, ("Lindsay Lohan", "PERSON"), CLINIC),
            _x("b", 6, ("Lindsay Lohan", "PERSON"), LAWYER),
            _x("c", 11, ("Lindsay Lohan", "PERSON"), CLINIC),
        ],
    )
    assert ids["a"] == ids["c"] != ids["b"]


def test_rows_of_different_full_names_are_not_bridged(tmp_path: Path) -> None:
    # "Mark Heller" may be "Mark Jay Heller" or "Mark Ray Heller": a bridge would make those one
    ids = _final_ids(
        tmp_path / "t.db",
        [
            _x("a", 1, ("Mark Jay Heller", "PERSON"), CLINIC),
            _x("b", 6, ("Mark Ray Heller", "PERSON"), ("Lindsay Lohan", "PERSON")),
            _x("c", 11, ("Mark Heller", "PERSON"), CLINIC, ("Lindsay Lohan", "PERSON")),
        ],
    )
    assert ids["a"] != ids["b"]
