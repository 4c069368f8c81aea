"""The store's canon joins entities across articles only on evidence (issue 17).

Regression: "Matt Smith" the county attorney was merged with "Matt Smith" the actor, Brent and
Warren Jeffs into one person, and "Hewlett-Packard Co." / "... Company" kept apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from click.testing import CliRunner

from newskb.cli import cli
from newskb.model import Article, Entity, Extraction, Mention
from newskb.resolve import canon
from newskb.store import open_store
from newskb.store.sql import SqliteDb
from newskb.store.sql.canon import SqlCanon

Ent = tuple[str, str, tuple[str, ...]]  # name, type, roles


def _x(key: str, day: dt.date, *ents: Ent) -> Extraction:
    text = " and ".join(n for n, _t, _r in ents)
    digest = hashlib.sha256(key.encode()).hexdigest()
    art = Article(id=digest[:16], sha256=digest, path=f"{key}.txt", text=text, published=day)
    out = []
    for i, (name, etype, roles) in enumerate(ents, start=1):
        at = text.index(name)
        m = Mention(at, at + len(name), name, "name")
        out.append(Entity(id=f"E{i}", name=name, type=etype, mentions=(m,), roles=roles))  # type: ignore[arg-type]
    return Extraction(article=art, entities=tuple(out))


def _ids(path: Path, batch: list[Extraction]) -> dict[tuple[str, str], str]:
    store = open_store(str(path))
    store.add_batch(batch)
    with store.batch() as tx:
        canon.resolve_batch(tx.canon, batch)
    ix = SqlCanon(SqliteDb(store.conn))  # type: ignore[attr-defined]
    out = {
        (x.article.path, e.name): ix.link_of(x.article.id, e.id) or ""
        for x in batch
        for e in x.entities
    }
    edits = [
        json.loads(r[0]) for r in ix.db.rows("SELECT detail FROM canon_edits WHERE op = 'join'")
    ]
    out[("log", "")] = json.dumps(edits)
    store.close()
    return out


def test_same_name_different_roles_stay_two_people(tmp_path: Path) -> None:
    batch = [
        _x("a", dt.date(2011, 3, 1), ("Matt Smith", "PERSON", ("county attorney",))),
        _x("b", dt.date(2011, 9, 20), ("Matt Smith", "PERSON", ("actor",))),
        _x("c", dt.date(2011, 3, 2), ("Matt Smith", "PERSON", ("county attorney",))),
    ]
    ids = _ids(tmp_path / "t.db", batch)
    lawyer, actor = ids[("a.txt", "Matt Smith")], ids[("b.txt", "Matt Smith")]
    assert lawyer != actor
    assert actor.endswith("~2")
    assert ids[("c.txt", "Matt Smith")] == lawyer  # role and day agree: joined, and logged why
    log = json.loads(ids[("log", "")])
    assert [(j["canon"], j["evidence"]) for j in log] == [
        (lawyer, "same full name; role agrees: attorney")
    ]
    db = str(tmp_path / "t.db")
    r = CliRunner().invoke(cli, ["entities", "--db", db, "show", lawyer])
    assert r.exit_code == 0, r.output
    assert "joined on: Matt Smith" in r.output and "role agrees: attorney" in r.output
    r = CliRunner().invoke(cli, ["entities", "--db", db, "show", actor])
    assert "joined on" not in r.output


def test_a_different_first_name_never_joins(tmp_path: Path) -> None:
    day = dt.date(2011, 8, 4)
    batch = [
        _x("a", day, ("Warren Jeffs", "PERSON", ("polygamist leader",)), ("FLDS", "ORG", ())),
        _x("b", day, ("Brent Jeffs", "PERSON", ()), ("FLDS", "ORG", ())),
        _x("c", day, ("Rulon Jeffs", "PERSON", ()), ("FLDS", "ORG", ())),
    ]
    ids = _ids(tmp_path / "t.db", batch)
    people = {
        ids[(f"{k}.txt", f"{n} Jeffs")]
        for k, n in zip("abc", ("Warren", "Brent", "Rulon"), strict=True)
    }
    assert len(people) == 3
    assert ids[("a.txt", "FLDS")] == ids[("b.txt", "FLDS")] == ids[("c.txt", "FLDS")]


def test_legal_forms_of_one_company_join(tmp_path: Path) -> None:
    batch = [
        _x("a", dt.date(2011, 8, 18), ("Hewlett-Packard Co.", "ORG", ())),
        _x("b", dt.date(2012, 5, 23), ("Hewlett-Packard Company", "ORG", ())),
        _x("c", dt.date(2012, 5, 23), ("Hewlett Foundation", "ORG", ())),
    ]
    ids = _ids(tmp_path / "t.db", batch)
    hp = ids[("a.txt", "Hewlett-Packard Co.")]
    assert ids[("b.txt", "Hewlett-Packard Company")] == hp
    assert ids[("c.txt", "Hewlett Foundation")] != hp
    log = json.loads(ids[("log", "")])
    assert [j["evidence"] for j in log] == [
        "same name without legal form or spelling: hewlett packard"
    ]
