"""The PostgreSQL schema's versions: a new store is built from the one description
(``store.schema``, ``fresh``); an existing one is brought up to it by the versions below,
applied in order, each in one transaction under an advisory lock, and recorded in
``newskb_meta``. Versions 1-7 are the hand-written history (dates and JSON as text); version 8
converts such a store to the described types in place (``v8_typed.sql``); version 9 partitions
the search table by rowid range (``v9_partitioned.sql``).

Full-text search is a ``tsvector`` (title weight A, text weight B) with a GIN index, since
version 7 in a narrow table of its own (``article_search``) kept by a trigger.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from newskb.store.schema import DESCRIPTION, postgres_ddl

V1 = """
CREATE TABLE articles (
    rowid BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL UNIQUE,
    source_key TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    supersedes TEXT,
    current INTEGER NOT NULL DEFAULT 1,
    path TEXT NOT NULL,
    url TEXT,
    source TEXT,
    format TEXT NOT NULL,
    title TEXT,
    published TEXT,
    dateline_place TEXT,
    dateline_agency TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    text TEXT NOT NULL,
    raw TEXT NOT NULL,
    extraction TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    fts tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', text), 'B')
    ) STORED
);
CREATE INDEX articles_source_key ON articles(source_key, version);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_fts ON articles USING GIN (fts);
CREATE TABLE updates (
    article_id TEXT NOT NULL REFERENCES articles(id),
    seq INTEGER NOT NULL, label TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    published TEXT,
    PRIMARY KEY (article_id, seq)
);
CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, kb_id TEXT,
    roles TEXT NOT NULL DEFAULT '[]', characterisations TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX entities_name ON entities(name);
CREATE INDEX entities_kb ON entities(kb_id);
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    entity_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, kind TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id, entity_id);
CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL, kind TEXT NOT NULL, speaker_entity TEXT,
    speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT,
    cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
    content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content_text TEXT NOT NULL,
    PRIMARY KEY (article_id, local_id)
);
CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, value TEXT NOT NULL, timezone TEXT, utc TEXT,
    PRIMARY KEY (article_id, local_id)
);
CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL, type TEXT NOT NULL, mode TEXT, status TEXT NOT NULL,
    actors TEXT NOT NULL DEFAULT '[]', recipients TEXT NOT NULL DEFAULT '[]',
    location TEXT, time TEXT, quote TEXT,
    trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    agreement TEXT,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX events_type ON events(type);
CREATE TABLE errors (
    id BIGSERIAL PRIMARY KEY,
    path TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL,
    first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, seen INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX errors_key ON errors(md5(path), code, md5(message));
CREATE VIEW quotes_with_speakers AS
SELECT q.article_id, q.local_id, q.kind,
       COALESCE(e.name, q.speaker_text) AS speaker,
       q.speaker_text, q.cue_text, q.content_text, a.title, a.published
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN entities e ON e.article_id = q.article_id AND e.local_id = q.speaker_entity;
"""

# version 2: media credits (SQLite's 0006_credits.sql)
V2 = """
CREATE TABLE credits (
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL, medium TEXT NOT NULL, source_entity TEXT,
    source_start INTEGER NOT NULL, source_end INTEGER NOT NULL, source_text TEXT NOT NULL,
    agency_start INTEGER, agency_end INTEGER, agency_text TEXT,
    content_start INTEGER, content_end INTEGER,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX credits_source ON credits(source_text);
"""

# version 3: the entity canon, stories and the agreements ledger (SQLite's 0002-0005), so the
# pipeline's derived stages and every query run on PostgreSQL too. Columns as SQLite's (dates
# and JSON stay ISO / JSON text: the shared SQL in ``store/sql`` reads both backends alike);
# edit logs get a real ``timestamptz``. A split moves members to its new story before writing
# the story's row (as SQLite, which checks no foreign keys): that key is checked at commit.
V3 = """
CREATE TABLE canon (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, kb_id TEXT,
    merged_into TEXT REFERENCES canon(id), created_at TEXT NOT NULL
);
CREATE INDEX canon_name ON canon(name);
CREATE TABLE canon_aliases (
    canon_id TEXT NOT NULL REFERENCES canon(id), alias TEXT NOT NULL, norm TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT 'text',
    PRIMARY KEY (canon_id, norm)
);
CREATE INDEX canon_aliases_norm ON canon_aliases(norm);
CREATE TABLE canon_keys (
    key TEXT NOT NULL, canon_id TEXT NOT NULL REFERENCES canon(id),
    PRIMARY KEY (key, canon_id)
);
CREATE TABLE canon_roles (
    canon_id TEXT NOT NULL REFERENCES canon(id), kind TEXT NOT NULL, text TEXT NOT NULL,
    article_id TEXT NOT NULL, published TEXT,
    PRIMARY KEY (canon_id, kind, text, article_id)
);
CREATE INDEX canon_roles_article ON canon_roles(article_id);
CREATE TABLE entity_links (
    article_id TEXT NOT NULL, local_id TEXT NOT NULL,
    canon_id TEXT NOT NULL REFERENCES canon(id),
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX entity_links_canon ON entity_links(canon_id);
CREATE TABLE canon_edits (
    id BIGSERIAL PRIMARY KEY, op TEXT NOT NULL, detail TEXT NOT NULL, at TEXT NOT NULL,
    logged_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE stories (
    id TEXT PRIMARY KEY, title TEXT, first_seen TEXT, last_seen TEXT,
    size INTEGER NOT NULL DEFAULT 0, touched INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT '{}', outlets TEXT NOT NULL DEFAULT '[]', merged_into TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX stories_touched ON stories(touched);
CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories(id) DEFERRABLE INITIALLY DEFERRED,
    seq INTEGER NOT NULL, path TEXT NOT NULL, title TEXT, published TEXT, outlet TEXT,
    how TEXT NOT NULL, score REAL NOT NULL DEFAULT 0, duplicate_of TEXT,
    features TEXT NOT NULL, assigned_at TEXT NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id, seq);
CREATE INDEX story_members_dup ON story_members(duplicate_of);
CREATE TABLE story_postings (
    key TEXT NOT NULL, story_id TEXT NOT NULL, touched INTEGER NOT NULL, last_seen TEXT,
    PRIMARY KEY (key, story_id)
);
CREATE INDEX story_postings_recent ON story_postings(key, touched DESC);
CREATE INDEX story_postings_story ON story_postings(story_id);
CREATE TABLE story_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL);
CREATE TABLE story_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO story_meta(key, value) VALUES ('documents', 0), ('seq', 0);
CREATE TABLE story_minhash (article_id TEXT PRIMARY KEY, sig BYTEA NOT NULL);
CREATE TABLE story_lsh (
    band INTEGER NOT NULL, bucket BIGINT NOT NULL, article_id TEXT NOT NULL,
    PRIMARY KEY (band, bucket, article_id)
);
CREATE TABLE story_edits (
    id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, action TEXT NOT NULL, story_id TEXT NOT NULL,
    other TEXT NOT NULL, articles TEXT NOT NULL DEFAULT '[]',
    logged_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE agreements (
    id TEXT PRIMARY KEY, object TEXT NOT NULL, object_key TEXT NOT NULL,
    parties TEXT NOT NULL DEFAULT '[]', party_keys TEXT NOT NULL DEFAULT '[]',
    first_agreed TEXT, status TEXT NOT NULL, status_date TEXT
);
CREATE INDEX agreements_status ON agreements(status);
CREATE TABLE agreement_history (
    agreement_id TEXT NOT NULL REFERENCES agreements(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    date TEXT, status TEXT NOT NULL, event_id TEXT NOT NULL,
    trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    PRIMARY KEY (agreement_id, article_id, event_id)
);
CREATE INDEX agreement_history_article ON agreement_history(article_id);
"""

# version 4: what a quote attributes (SQLite's 0008_quote_modes.sql); NULL for older quotes
V4 = """
ALTER TABLE quotes ADD COLUMN mode TEXT;
CREATE INDEX quotes_mode ON quotes(mode);
"""

# version 5: mentions found by position inside their article (SQLite's 0009_mention_starts.sql)
V5 = """
CREATE INDEX mentions_start ON mentions(article_id, start);
"""

# version 6: an entity's links in article order from an index (SQLite's 0010_link_order.sql)
V6 = """
CREATE INDEX entity_links_canon_article ON entity_links(canon_id, article_id, local_id);
DROP INDEX entity_links_canon;
"""

# version 7: full-text search in a narrow table of its own (``article_search``: the article's
# rowid and its tsvector, title weight A, text weight B, GIN-indexed) instead of a generated
# column of the wide ``articles`` table, so a search reads vectors, not articles
# (``store.postgres.search``). Filled by a statement trigger in the article's own transaction
# (COPY included), as SQLite's ``articles_fts``; existing rows are copied over.
V7 = """
CREATE TABLE article_search (rowid BIGINT PRIMARY KEY, fts tsvector NOT NULL);
CREATE FUNCTION article_search_vector(title TEXT, body TEXT) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', body), 'B');
CREATE FUNCTION article_search_add() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO article_search(rowid, fts)
    SELECT n.rowid, article_search_vector(n.title, n.text) FROM added n;
    RETURN NULL;
END $$;
CREATE FUNCTION article_search_edit() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE article_search SET fts = article_search_vector(NEW.title, NEW.text)
    WHERE rowid = NEW.rowid;
    RETURN NULL;
END $$;
CREATE TRIGGER articles_search_ai AFTER INSERT ON articles
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION article_search_add();
CREATE TRIGGER articles_search_au AFTER UPDATE OF title, text ON articles
    FOR EACH ROW EXECUTE FUNCTION article_search_edit();
INSERT INTO article_search(rowid, fts) SELECT rowid, fts FROM articles ORDER BY rowid;
CREATE INDEX article_search_fts ON article_search USING GIN (fts);
DROP INDEX articles_fts;
ALTER TABLE articles DROP COLUMN fts;
"""

# version 8: the described schema (timestamptz, jsonb, views with names), converted in place;
# written once by scripts/pg_typed_conversion.py from the description, frozen since.
V8 = (resources.files("newskb.store.postgres") / "v8_typed.sql").read_text(encoding="utf-8")

# version 9: the search table partitioned by rowid range, a GIN index a partition, made by the
# insert trigger as rows need them (``store.schema.search``); frozen as written.
V9 = (resources.files("newskb.store.postgres") / "v9_partitioned.sql").read_text(encoding="utf-8")

# version 10: an article's day straight from an index (SQLite's 0012_article_days.sql)
V10 = """
CREATE INDEX articles_id_published ON articles(id, published);
"""

VERSIONS: tuple[tuple[int, str], ...] = (
    (1, V1), (2, V2), (3, V3), (4, V4), (5, V5), (6, V6), (7, V7), (8, V8), (9, V9), (10, V10),
)  # fmt: skip
LOCK_KEY = 0x6E6B62  # advisory lock id for migrations ("nkb")


def fresh() -> str:
    """The SQL that builds a new store of the newest version (``newskb_meta`` exists already)."""
    return ";\n".join(postgres_ddl(DESCRIPTION, skip=("newskb_meta",)))


def build_old(conn: Any, version: int) -> None:
    """Build, in ``conn``'s current schema, a store as ``version`` left it (versions 1 to
    ``version`` applied in order: tests of in-place upgrades; a new store is ``fresh``)."""
    conn.execute("CREATE TABLE IF NOT EXISTS newskb_meta (key TEXT PRIMARY KEY, value TEXT)")
    for v, sql in VERSIONS:
        if v <= version:
            conn.execute(sql)
    conn.execute("INSERT INTO newskb_meta VALUES ('schema_version', %s)", (str(version),))
