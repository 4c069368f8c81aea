"""Joins across articles that ECB+ dev topics showed missing (issue 17), and what still keeps
entities apart.

One article that names a person beside what two same-name canon rows were each seen with folds
the rows into one ("Lindsay Lohan" stayed three people in topic 1); an article beside one of
them only, or another full name, folds nothing. "O'Brien" alone is Jim O'Brien; "Mark Heller"
is "Mark Jay Heller"; a "person" called "Betty Ford Center" is the clinic; "Colts" is the
"Indianapolis Colts" spaCy typed GPE, but two police departments are not one; "Fred" is
"Frederick"; "Hunger Games" typed a work of art and an event is one thing beside one studio.
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

Named = tuple[str, str] | tuple[str, str, tuple[str, ...]]  # name, type[, aliases]


def _x(key: str, month: int, *names: Named) -> Extraction:
    """An article of the given month (months apart: the days never agree) naming ``names``."""
    text = " and ".join(n[0] for n in names)
    digest = hashlib.sha256(key.encode()).hexdigest()
    art = Article(
        id=digest[:16],
        sha256=digest,
        path=f"{key}.txt",
        text=text,
        published=dt.date(2010, month, 1),
    )
    out = []
    for i, (name, etype, *more) in enumerate(names, start=1):
        at = text.index(name)
        m = Mention(at, at + len(name), name, "name")
        aliases = more[0] if more else ()
        e = Entity(id=f"E{i}", name=name, type=etype, mentions=(m,), aliases=aliases)  # type: ignore[arg-type]
        out.append(e)
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


def test_an_elided_surname_alone_still_joins_its_full_name(tmp_path: Path) -> None:
    coach = ("Jim O'Brien", "PERSON", ("O'Brien",))
    ids = _final_ids(
        tmp_path / "t.db",
        [
            _x("a", 1, coach, ("Allen Iverson", "PERSON"), ("Philadelphia 76ers", "ORG")),
            _x(
                "b",
                6,
                ("O'Brien", "PERSON"),
                ("Allen Iverson", "PERSON"),
                ("Philadelphia 76ers", "ORG"),
            ),
        ],
    )
    assert ids["a"] == ids["b"]


def test_a_middle_name_apart_joins_on_context(tmp_path: Path) -> None:
    ids = _final_ids(
        tmp_path / "t.db",
        [
            _x("a", 1, ("Mark Jay Heller", "PERSON"), ("Lindsay Lohan", "PERSON")),
            _x("b", 6, ("Mark Heller", "PERSON"), ("Lindsay Lohan", "PERSON")),
            _x("c", 9, ("Mark Heller", "PERSON"), ("Warren Buffett", "PERSON")),
        ],
    )
    assert ids["a"] == ids["b"] != ids["c"]  # no shared neighbour: no join


def test_an_institution_typed_person_joins_the_organisation(tmp_path: Path) -> None:
    ids = _final_ids(
        tmp_path / "t.db",
        [
            _x("a", 1, CLINIC, ("Lindsay Lohan", "PERSON")),
            _x("b", 6, ("Betty Ford Center", "PERSON"), ("Palm Springs", "GPE")),
            _x("c", 9, ("Betty Ford", "PERSON"), ("Palm Springs", "GPE")),
        ],
    )
    assert ids["a"] == ids["b"] != ids["c"]


def test_a_team_without_its_place_joins_across_group_types(tmp_path: Path) -> None:
    team = ("Indianapolis Colts", "GPE")  # spaCy's type for the team in ECB+ topic 29
    ids = _final_ids(
        tmp_path / "t.db",
        [
            _x("a", 1, team, ("Peyton Manning", "PERSON")),
            _x("b", 6, ("Colts", "ORG"), ("Peyton Manning", "PERSON")),
        ],
    )
    assert ids["a"] == ids["b"]
    ids = _final_ids(  # nothing written beside both: no join
        tmp_path / "u.db",
        [
            _x("a", 1, team, ("Peyton Manning", "PERSON")),
            _x("b", 6, ("Colts", "ORG"), ("Samuel Colt", "PERSON")),
        ],
    )
    assert ids["a"] != ids["b"]


def test_two_police_departments_of_two_cities_stay_apart(tmp_path: Path) -> None:
    fbi = ("FBI", "ORG")
    ids = _final_ids(
        tmp_path / "t.db",
        [
            _x("a", 1, ("Boston Police Department", "ORG"), fbi),
            _x("b", 1, ("Chicago Police Department", "ORG"), fbi),
        ],
    )
    assert ids["a"] != ids["b"]


def test_a_short_given_name_joins_the_long_one_on_context(tmp_path: Path) -> None:
    # regression (ECB+ topic 28): "Fred LaRue" and "Frederick Cheney LaRue" were two people
    nixon = ("Richard Nixon", "PERSON")
    ids = _final_ids(
        tmp_path / "t.db",
        [
            _x("a", 1, ("Frederick Cheney LaRue", "PERSON"), nixon),
            _x("b", 6, ("Fred LaRue", "PERSON"), nixon),
            _x("c", 9, ("Frank LaRue", "PERSON"), nixon),  # another given name: never
        ],
    )
    assert ids["a"] == ids["b"] != ids["c"]


def test_one_name_typed_two_ways_joins_beside_a_shared_neighbour(tmp_path: Path) -> None:
    studio = ("Lionsgate", "ORG")
    ids = _final_ids(
        tmp_path / "t.db",
        [
            _x("a", 1, ("Hunger Games", "WORK_OF_ART"), studio),
            _x("b", 6, ("Hunger Games", "EVENT"), studio),
            _x("c", 8, ("Red Sox", "ORG"), ("Fenway Park", "FAC")),
            _x("d", 9, ("Red Sox", "MISC"), ("Fenway Park", "FAC")),
            _x("e", 10, ("Hunger Games", "MISC"), ("Olympia", "GPE")),  # nothing beside both
        ],
    )
    assert ids["a"] == ids["b"] != ids["e"]
    assert ids["c"] == ids["d"]


def test_a_name_typed_person_never_joins_a_loosely_typed_row(tmp_path: Path) -> None:
    studio = ("Lionsgate", "ORG")
    ids = _final_ids(
        tmp_path / "t.db",
        [
            _x("a", 1, ("Gary Ross", "WORK_OF_ART"), studio),
            _x("b", 6, ("Gary Ross", "PERSON"), studio),
        ],
    )
    assert ids["a"] != ids["b"]


def test_a_description_before_a_name_joins_the_name(tmp_path: Path) -> None:
    oscars = ("Academy Awards", "EVENT")
    ids = _final_ids(
        tmp_path / "t.db",
        [
            _x("a", 1, ("Ellen DeGeneres", "PERSON"), oscars),
            _x("b", 6, ("Comedian Ellen DeGeneres", "PERSON"), oscars),
        ],
    )
    assert ids["a"] == ids["b"]


def test_a_surname_alone_joins_the_one_full_name_despite_rows_of_the_surname(
    tmp_path: Path,
) -> None:
    # regression (ECB+ topic 34): "Gupta" rows of earlier articles hid Sanjay Gupta
    cnn, obama = ("CNN", "ORG"), ("Barack Obama", "PERSON")
    ids = _final_ids(
        tmp_path / "t.db",
        [
            _x("a", 1, ("Gupta", "PERSON"), ("Mumbai", "GPE")),
            _x("b", 2, ("Sanjay Gupta", "PERSON", ("Gupta",)), cnn, obama),
            _x("c", 3, ("Gupta", "PERSON"), cnn, obama),
            _x("d", 4, ("Gupta", "PERSON"), cnn),  # one piece of context is not enough
        ],
    )
    assert ids["b"] == ids["c"] != ids["a"]
    assert ids["d"] != ids["b"]


def _links(path: Path, x: Extraction) -> dict[str, str]:
    """entity name -> canon id, for one article resolved alone."""
    store = open_store(str(path))
    store.add_batch([x])
    with store.batch() as tx:
        canon.resolve_batch(tx.canon, [x])
    ix = SqlCanon(SqliteDb(store.conn))  # type: ignore[attr-defined]
    out = {e.name: ix.link_of(x.article.id, e.id) or "" for e in x.entities}
    store.close()
    return out


def test_a_surname_written_before_the_full_name_is_that_person(tmp_path: Path) -> None:
    # ECB+ 18_8: "Riva" (in-article coreference reads forwards) stood apart from "Paul Riva"
    ids = _links(tmp_path / "a.db", _x("a", 1, ("Riva", "PERSON"), ("Paul Riva", "PERSON")))
    assert ids["Riva"] == ids["Paul Riva"]
    # ECB+ 26_1: a surname of two words beside the full name
    lo = _x("c", 1, ("Lo Presti", "PERSON"), ("Gaetano Lo Presti", "PERSON"))
    ids = _links(tmp_path / "c.db", lo)
    assert ids["Lo Presti"] == ids["Gaetano Lo Presti"]
    # two people of that surname: the surname alone is neither
    two = _x("b", 1, ("Jenkin", "PERSON"), ("John Jenkin", "PERSON"), ("Katie Jenkin", "PERSON"))
    ids = _links(tmp_path / "b.db", two)
    assert ids["Jenkin"] not in (ids["John Jenkin"], ids["Katie Jenkin"])
    # nor, in a later article naming both, the one row that an earlier article joined it to
    ids = _links(tmp_path / "b.db", _x("d", 2, *(("Jenkin", "PERSON"), ("Katie Jenkin", "PERSON"))))
    again = _x("e", 3, ("Jenkin", "PERSON"), ("John Jenkin", "PERSON"), ("Katie Jenkin", "PERSON"))
    assert _links(tmp_path / "b.db", again)["Jenkin"] != ids["Katie Jenkin"]
