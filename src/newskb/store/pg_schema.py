"""The PostgreSQL schema: the same tables and columns as SQLite's ``0001_init.sql``.

Full-text search is a stored ``tsvector`` column (title weight A, text weight B) with a GIN
index. Versions are applied in order, each in one transaction under an advisory lock, and
recorded in ``newskb_meta``.
"""

from __future__ import annotations

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

VERSIONS: tuple[tuple[int, str], ...] = ((1, V1), (2, V2))
LOCK_KEY = 0x6E6B62  # advisory lock id for migrations ("nkb")
