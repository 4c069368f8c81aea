"""PostgreSQL's full-text search (``store.postgres.search``): a narrow table of its own, the
article's rowid and its ``tsvector`` (title weight A, text weight B) under a GIN index, filled
by a statement trigger in the article's own transaction (COPY included), as SQLite's
``articles_fts``. SQLite's FTS5 table is described with ``articles`` (``FullText``).

The table is partitioned by rowid range, ``PART_ROWS`` rowids a partition
(``article_search_p000000012`` holds rowids 1,200,000-1,299,999), each with its own GIN index,
so the newest matches of a word are read from the newest partitions only
(``article_search_newest``) instead of ANDing every match with a rowid range. The insert
trigger makes the partitions its rows need (``article_search_part``): a table of its own,
then ATTACHed, which takes no lock that waits for readers (CREATE TABLE ... PARTITION OF
would wait for every running search).
"""

from __future__ import annotations

from newskb.store.schema.model import Column, Index, Routine, Table

PART_ROWS = 100_000
"""Rowids a partition. Measured at 1M synthetic articles (2 cores): the newest 5,000 matches
of a word in 1-2% of the articles take 15-17 ms read from partitions of 100k (one partition
read past the cap at most), 40-50 ms as one table's matches ANDed with a rowid range."""

ARTICLE_SEARCH = Table(
    "article_search",
    (Column("rowid", "bigint"), Column("fts", "tsvector", not_null=True)),
    primary_key=("rowid",),
    indexes=(Index("article_search_fts", ("fts",), using="gin"),),
    dialects=("postgresql",),
    partition_by="RANGE (rowid)",
)

_VECTOR = """CREATE FUNCTION article_search_vector(title TEXT, body TEXT) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', body), 'B')"""
PART = f"""CREATE FUNCTION article_search_part(k BIGINT) RETURNS void LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
DECLARE
    name TEXT := 'article_search_p' || lpad(k::text, 9, '0');
BEGIN
    IF to_regclass(name) IS NULL THEN
        PERFORM pg_advisory_xact_lock(7236706, 2);
        IF to_regclass(name) IS NULL THEN
            EXECUTE format('CREATE TABLE %I (LIKE article_search)', name);
            EXECUTE format('ALTER TABLE article_search ATTACH PARTITION %I '
                'FOR VALUES FROM (%s) TO (%s)', name, k * {PART_ROWS}, (k + 1) * {PART_ROWS});
        END IF;
    END IF;
END $$"""
ADD = f"""CREATE FUNCTION article_search_add() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM article_search_part(k) FROM (SELECT DISTINCT rowid / {PART_ROWS} AS k FROM added) d;
    INSERT INTO article_search(rowid, fts)
    SELECT n.rowid, article_search_vector(n.title, n.text) FROM added n;
    RETURN NULL;
END $$"""
NEWEST = """CREATE FUNCTION article_search_newest(q tsquery, cap INTEGER)
    RETURNS TABLE(rowid BIGINT, score REAL) LANGUAGE plpgsql STABLE
    SET search_path FROM CURRENT SET enable_indexscan = off AS $$
DECLARE
    part TEXT;
    got BIGINT := 0;
    n BIGINT;
BEGIN
    FOR part IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'article_search'::regclass ORDER BY c.relname DESC LOOP
        RETURN QUERY EXECUTE format('SELECT s.rowid, ts_rank_cd(s.fts, $1) FROM %I s '
            'WHERE s.fts @@ $1 ORDER BY s.rowid DESC LIMIT $2', part) USING q, cap - got;
        GET DIAGNOSTICS n = ROW_COUNT;
        got := got + n;
        EXIT WHEN got >= cap;
    END LOOP;
END $$"""
_EDIT = """CREATE FUNCTION article_search_edit() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE article_search SET fts = article_search_vector(NEW.title, NEW.text)
    WHERE rowid = NEW.rowid;
    RETURN NULL;
END $$"""
_ADDED = """CREATE TRIGGER articles_search_ai AFTER INSERT ON articles
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION article_search_add()"""
_EDITED = """CREATE TRIGGER articles_search_au AFTER UPDATE OF title, text ON articles
    FOR EACH ROW EXECUTE FUNCTION article_search_edit()"""

SEARCH_ROUTINES = (
    Routine("article_search_vector", "postgresql", _VECTOR),
    Routine("article_search_part", "postgresql", PART),
    Routine("article_search_add", "postgresql", ADD),
    Routine("article_search_edit", "postgresql", _EDIT),
    Routine("article_search_newest", "postgresql", NEWEST),
    Routine("articles_search_ai", "postgresql", _ADDED),
    Routine("articles_search_au", "postgresql", _EDITED),
)
