"""PostgreSQL's full-text search (``store.postgres.search``): a narrow table of its own, the
article's rowid and its ``tsvector`` (title weight A, text weight B) under a GIN index, filled
by a statement trigger in the article's own transaction (COPY included), as SQLite's
``articles_fts``. SQLite's FTS5 table is described with ``articles`` (``FullText``)."""

from __future__ import annotations

from newskb.store.schema.model import Column, Index, Routine, Table

ARTICLE_SEARCH = Table(
    "article_search",
    (Column("rowid", "bigint"), Column("fts", "tsvector", not_null=True)),
    primary_key=("rowid",),
    indexes=(Index("article_search_fts", ("fts",), using="gin"),),
    dialects=("postgresql",),
)

_VECTOR = """CREATE FUNCTION article_search_vector(title TEXT, body TEXT) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', body), 'B')"""
_ADD = """CREATE FUNCTION article_search_add() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO article_search(rowid, fts)
    SELECT n.rowid, article_search_vector(n.title, n.text) FROM added n;
    RETURN NULL;
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
    Routine("article_search_add", "postgresql", _ADD),
    Routine("article_search_edit", "postgresql", _EDIT),
    Routine("articles_search_ai", "postgresql", _ADDED),
    Routine("articles_search_au", "postgresql", _EDITED),
)
