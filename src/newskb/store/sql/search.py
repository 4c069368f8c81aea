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
from newskb.store.sql import Db, db_of, like

FIND_COUNT_CAP = 1000  # counts stop at this + 1 ("more than 1,000")
SENTENCE_ARTICLES = 500  # an event's sentence is searched in this many newest article matches
KINDS = ("quotes", "events", "agreements", "articles")


def find(conn: Any, text: str, *, limit: int = 10) -> Found:
    """Everything matching ``text``: up to ``limit`` of each kind, newest first (articles best
    first), and how many of each match (up to ``FIND_COUNT_CAP`` + 1).

    ``conn`` is the store's own connection (``sqlite3`` or psycopg): the article search on
    SQLite needs it, everything else reads through the ``Db`` adapter."""
    from newskb.store import read
    from newskb.store.sql.quotes import count_quotes, find_quotes

    db = db_of(conn)
    words = " ".join(text.split())
    if not words.strip():
        return Found(query=words, counts=tuple((k, 0) for k in KINDS))
    quotes = find_quotes(db, text=words, limit=limit, newest_first=True)
    events = find_events(db, words, limit=limit)
    agreements = find_agreements(db, words)
    articles = read.list_articles(conn, q=words, limit=limit)[0]
    counts = (
        ("quotes", count_quotes(db, cap=FIND_COUNT_CAP, text=words)),
        ("events", count_events(db, words)),
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
            "SELECT f.id FROM articles f WHERE f.fts @@ plainto_tsquery('english', :words) "
            f"ORDER BY f.rowid DESC LIMIT {SENTENCE_ARTICLES}"
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
        "(v.agreement::json ->> 'object')"
        if db.dialect == "postgresql"
        else "json_extract(v.agreement, '$.object')"
    )
    match = fts_query(text)
    args.update(pat=like(text), word=text.strip(), match=match, words=match.replace('"', " "))
    names = (
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
        terms.append(
            f"(v.article_id IN ({_fts_articles(db)}) AND lower(substr(a.text, "
            "v.sentence_start + 1, v.sentence_end - v.sentence_start)) LIKE lower(:pat) "
            "ESCAPE '\\')"
        )
    return "(" + " OR ".join(terms) + ")"


def find_events(db: Db, text: str, *, limit: int = 10, offset: int = 0) -> list[EventRow]:
    """Events matching ``text`` (current article versions), newest first."""
    from newskb.store import read

    return read.list_events(db, text=text, limit=limit, cursor=read.encode_cursor({"o": offset}))[0]


def count_events(db: Db, text: str) -> int:
    args: dict[str, Any] = {"cap": FIND_COUNT_CAP + 1}
    term = event_match(db, text, args)
    sql = (
        "SELECT count(*) FROM (SELECT 1 FROM events v JOIN articles a ON a.id = v.article_id "
        f"WHERE a.current = 1 AND {term} LIMIT :cap) x"
    )
    return int(db.one(sql, args)[0])


# --- agreements -----------------------------------------------------------------------------
def find_agreements(db: Db, text: str) -> list[AgreementRow]:
    """Agreements whose object or a party's name contains ``text``, newest first (at most
    ``FIND_COUNT_CAP`` + 1)."""
    from newskb.store import read_timelines as rt

    low = text.strip().lower()
    if not rt._ledger(db):
        rows = rt.list_agreements(db, FIND_COUNT_CAP * 4)
        return [
            g for g in rows if low in g.object.lower() or any(low in p.lower() for p in g.parties)
        ][: FIND_COUNT_CAP + 1]
    found = db.rows(
        "SELECT g.id, g.object, g.parties, g.status, g.first_agreed, "
        "(SELECT count(*) FROM agreement_history h WHERE h.agreement_id = g.id) AS steps "
        "FROM agreements g WHERE lower(g.object) LIKE lower(:pat) ESCAPE '\\' "
        "OR lower(g.parties) LIKE lower(:pat) ESCAPE '\\' "
        "ORDER BY COALESCE(g.status_date, g.first_agreed, '') DESC, g.id LIMIT :cap",
        {"pat": like(text), "cap": FIND_COUNT_CAP + 1},
    )
    out = []
    for r in found:
        parties = tuple(str(p) for p in json.loads(r[2] or "[]"))
        if low in str(r[1]).lower() or any(low in p.lower() for p in parties):
            out.append(
                AgreementRow(
                    id=r[0],
                    object=str(r[1] or r[0]),
                    parties=parties,
                    status=str(r[3] or "agreed"),
                    date=r[4],
                    steps=int(r[5]),
                )
            )
    return out


# --- articles -------------------------------------------------------------------------------
def count_articles(db: Db, text: str) -> int:
    """Current articles the full-text index matches for ``text``, up to the cap + 1."""
    match = fts_query(text)
    if not match:
        return 0
    cap = FIND_COUNT_CAP + 1
    if db.dialect == "postgresql":
        sql = (
            "SELECT count(*) FROM (SELECT 1 FROM articles a WHERE a.current = 1 AND "
            "a.fts @@ plainto_tsquery('english', :words) LIMIT :cap) x"
        )
    else:
        sql = (
            "SELECT count(*) FROM (SELECT 1 FROM articles_fts JOIN articles a ON "
            "a.rowid = articles_fts.rowid WHERE articles_fts MATCH :match AND a.current = 1 "
            "LIMIT :cap) x"
        )
    return int(db.one(sql, {"match": match, "words": match.replace('"', " "), "cap": cap})[0])
