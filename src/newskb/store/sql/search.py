"""The one search box: quotes (content or speaker, any spelling), events, agreements and
articles matching the same words, a first page of each with capped counts. ``Store.find`` (the
CLI's ``newskb search --all``, the web page ``/search`` and the Python API) is this, on SQLite
and PostgreSQL alike.

What matches, per kind (case-insensitive, the words as one literal substring):

- a quote: its content, an entity mentioned inside it, or its speaker by any spelling, alias,
  surname or KB id (``store.sql.quotes``, ``text=``);
- an event: its trigger, its PLOVER type, its agreement's object, its location or an actor's
  or recipient's name, or its sentence where the article itself matches the full-text index
  (the sentence is only read in the ``SENTENCE_ARTICLES`` newest such articles, so a common
  word never makes the query read every article's text);
- an agreement: its object or a party's name;
- an article: the full-text index (ranked, with a snippet), as ``newskb search``.
"""

from __future__ import annotations

import json
from typing import Any

from newskb.model import AgreementRow, EventRow, Found
from newskb.store.rows import fts_query
from newskb.store.sql import Db, ci_like, db_of, like

FIND_COUNT_CAP = 1000  # counts stop at this + 1 ("more than 1,000")
SENTENCE_ARTICLES = 500  # an event's sentence is searched in this many newest article matches
KINDS = ("quotes", "events", "agreements", "articles")


def find(conn: Any, text: str, *, limit: int = 10) -> Found:
    """Everything matching ``text``: up to ``limit`` of each kind, newest first (articles best
    first), and how many of each match (up to ``FIND_COUNT_CAP`` + 1).

    ``conn`` is the store's own connection (``sqlite3`` or psycopg): the article search on
    SQLite needs it, everything else reads through the ``Db`` adapter."""
    from newskb.store import read
    from newskb.store.sql.quotes import newest_quotes

    db = db_of(conn)
    words = " ".join(text.split())
    if not words.strip():
        return Found(query=words, counts=tuple((k, 0) for k in KINDS))
    # quotes: ``newest_quotes`` (one pass, up to the cap); events: the matches' keys in
    # order up to the cap (their count), then the page's rows
    quotes, n_quotes = newest_quotes(db, cap=FIND_COUNT_CAP, limit=limit, text=words)
    keys = event_keys(db, words)
    events = events_by_keys(db, keys[:limit])
    agreements = find_agreements(db, words)
    articles = read.list_articles(conn, q=words, limit=limit)[0]
    counts = (
        ("quotes", n_quotes),
        ("events", len(keys)),
        ("agreements", len(agreements)),
        ("articles", count_articles(db, words)),
    )
    return Found(
        query=words,
        quotes=tuple(quotes),
        events=tuple(events),
        agreements=tuple(agreements[:limit]),
        articles=tuple(articles),
        counts=counts,
    )


# --- events ---------------------------------------------------------------------------------
def _fts_articles(db: Db) -> str:
    """A subquery: ids of the newest ``SENTENCE_ARTICLES`` articles the full-text index
    matches for ``:match`` (SQLite: the FTS5 query; PostgreSQL: ``:words``)."""
    if db.dialect == "postgresql":
        return (
            "SELECT f.id FROM article_search fs JOIN articles f ON f.rowid = fs.rowid "
            "WHERE fs.fts @@ plainto_tsquery('english', :words) "
            f"ORDER BY fs.rowid DESC LIMIT {SENTENCE_ARTICLES}"
        )
    return (
        "SELECT f.id FROM articles_fts JOIN articles f ON f.rowid = articles_fts.rowid "
        f"WHERE articles_fts MATCH :match ORDER BY articles_fts.rowid DESC "
        f"LIMIT {SENTENCE_ARTICLES}"
    )


def event_match(db: Db, text: str, args: dict[str, Any]) -> str:
    """The WHERE term matching an event (``v``, its article ``a``) to the words ``text``;
    its arguments are added to ``args``."""
    obj = (
        "(v.agreement::jsonb ->> 'object')"
        if db.dialect == "postgresql"
        else "json_extract(v.agreement, '$.object')"
    )
    match = fts_query(text)
    args.update(pat=like(text), word=text.strip(), match=match, words=match.replace('"', " "))
    names = (  # the articles naming a match first (one pass), then this event's roles
        "v.article_id IN (SELECT n.article_id FROM entities n "
        "WHERE lower(n.name) LIKE lower(:pat) ESCAPE '\\') AND "
        "EXISTS (SELECT 1 FROM entities en WHERE en.article_id = v.article_id "
        "AND lower(en.name) LIKE lower(:pat) ESCAPE '\\' "
        f"AND (en.local_id IN (SELECT j.value FROM {db.json_items('v.actors')}) "
        f"OR en.local_id IN (SELECT j.value FROM {db.json_items('v.recipients')}) "
        "OR en.local_id = v.location))"
    )
    terms = [
        "lower(v.trigger_text) LIKE lower(:pat) ESCAPE '\\'",
        "lower(v.type) = lower(:word)",
        f"lower({obj}) LIKE lower(:pat) ESCAPE '\\'",
        names,
    ]
    if match:
        terms.append(  # its own read of the article: the term needs the event row only
            f"(v.article_id IN ({_fts_articles(db)}) AND EXISTS (SELECT 1 FROM articles s "
            "WHERE s.id = v.article_id AND lower(substr(s.text, v.sentence_start + 1, "
            "v.sentence_end - v.sentence_start)) LIKE lower(:pat) ESCAPE '\\'))"
        )
    return ci_like(db, "(" + " OR ".join(terms) + ")")


def event_keys(db: Db, text: str) -> list[tuple[str, str]]:
    """(article id, event id) of the events matching ``text``, newest first (as the events
    page), up to ``FIND_COUNT_CAP`` + 1."""
    from newskb.store.read import _WHEN

    args: dict[str, Any] = {"cap": FIND_COUNT_CAP + 1}
    term = event_match(db, text, args)
    rows = db.rows(
        # events first: an article row (a large one) is read for the matching events only
        "SELECT v.article_id, v.local_id FROM events v CROSS JOIN articles a "
        "LEFT JOIN times t ON t.article_id = v.article_id AND t.local_id = v.time "
        f"WHERE a.id = v.article_id AND a.current = 1 AND {term} "
        f"ORDER BY COALESCE({_WHEN}, '') DESC, a.rowid, v.trigger_start LIMIT :cap",
        args,
    )
    return [(str(r[0]), str(r[1])) for r in rows]


def events_by_keys(db: Db, keys: list[tuple[str, str]]) -> list[EventRow]:
    """The events with these keys, in the keys' order."""
    from newskb.store.read import _EVENT_SQL, event_rows

    if not keys:
        return []
    args: dict[str, Any] = {}
    terms = []
    for n, (aid, lid) in enumerate(keys):
        terms.append(f"(v.article_id = :a{n} AND v.local_id = :l{n})")
        args[f"a{n}"], args[f"l{n}"] = aid, lid
    rows = event_rows(db, db.rows(f"{_EVENT_SQL}WHERE {' OR '.join(terms)}", args))
    found = {(r.article_id, r.id): r for r in rows}
    return [found[k] for k in keys if k in found]


# --- agreements -----------------------------------------------------------------------------
def find_agreements(db: Db, text: str) -> list[AgreementRow]:
    """Agreements whose object and parties hold every word of ``text`` (in any order: "truce
    Zaporizhzhia" finds the "repair truce at Zaporizhzhia"), newest first (at most
    ``FIND_COUNT_CAP`` + 1)."""
    from newskb.store import read_timelines as rt

    words = [w.lower() for w in text.split()]

    def hit(g: AgreementRow) -> bool:
        said = " ".join((g.object, *g.parties)).lower()
        return all(w in said for w in words)

    if not rt._ledger(db):
        return [g for g in rt.list_agreements(db, FIND_COUNT_CAP * 4) if hit(g)][
            : FIND_COUNT_CAP + 1
        ]
    parties = "g.parties" if db.dialect == "sqlite" else "CAST(g.parties AS TEXT)"  # jsonb
    terms = " AND ".join(
        f"(lower(g.object) LIKE lower(:w{n}) ESCAPE '\\' "
        f"OR lower({parties}) LIKE lower(:w{n}) ESCAPE '\\')"
        for n in range(len(words))
    )
    found = db.rows(
        ci_like(
            db,
            "SELECT g.id, g.object, g.parties, g.status, g.first_agreed, "
            "(SELECT count(*) FROM agreement_history h WHERE h.agreement_id = g.id) AS steps "
            f"FROM agreements g WHERE {terms or '1 = 1'} "
            "ORDER BY COALESCE(g.status_date, g.first_agreed, '') DESC, g.id LIMIT :cap",
        ),
        {"cap": FIND_COUNT_CAP + 1, **{f"w{n}": like(w) for n, w in enumerate(words)}},
    )
    rows = [
        AgreementRow(
            id=r[0],
            object=str(r[1] or r[0]),
            parties=tuple(str(p) for p in json.loads(r[2] or "[]")),
            status=str(r[3] or "agreed"),
            date=r[4],
            steps=int(r[5]),
        )
        for r in found
    ]
    return [g for g in rows if hit(g)]  # a word in the JSON's syntax is not a party's name


# --- articles -------------------------------------------------------------------------------
def count_articles(db: Db, text: str) -> int:
    """Current articles the full-text index matches for ``text``, up to the cap + 1."""
    match = fts_query(text)
    if not match:
        return 0
    cap = FIND_COUNT_CAP + 1
    if db.dialect == "postgresql":
        sql = (
            "SELECT count(*) FROM (SELECT 1 FROM article_search s JOIN articles a ON "
            "a.rowid = s.rowid WHERE a.current = 1 AND "
            "s.fts @@ plainto_tsquery('english', :words) LIMIT :cap) x"
        )
    else:
        sql = (
            "SELECT count(*) FROM (SELECT 1 FROM articles_fts JOIN articles a ON "
            "a.rowid = articles_fts.rowid WHERE articles_fts MATCH :match AND a.current = 1 "
            "LIMIT :cap) x"
        )
    return int(db.one(sql, {"match": match, "words": match.replace('"', " "), "cap": cap})[0])
