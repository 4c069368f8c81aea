-- newskb store, version 1: articles with versions, FTS5, facts with offsets, errors.
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,              -- first 16 hex of sha256(raw bytes)
    sha256 TEXT NOT NULL UNIQUE,
    source_key TEXT NOT NULL,             -- url, else the input path: versions share it
    version INTEGER NOT NULL DEFAULT 1,
    supersedes TEXT,                      -- id of the version this one replaces
    current INTEGER NOT NULL DEFAULT 1,   -- 1 for the newest version of its source_key
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
    raw TEXT NOT NULL,                    -- the original, as decoded
    extraction TEXT NOT NULL,             -- the newskb.extract/1 object, JSON
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_source_key ON articles(source_key, version);
CREATE INDEX articles_published ON articles(published);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content="articles", content_rowid="rowid", tokenize='porter unicode61'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TABLE updates (
    article_id TEXT NOT NULL REFERENCES articles(id),
    seq INTEGER NOT NULL,
    label TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    published TEXT,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    kb_id TEXT,
    roles TEXT NOT NULL DEFAULT '[]',
    characterisations TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX entities_name ON entities(name);
CREATE INDEX entities_kb ON entities(kb_id);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    entity_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id, entity_id);

CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker_entity TEXT,
    speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT,
    cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
    content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content_text TEXT NOT NULL,
    PRIMARY KEY (article_id, local_id)
);

CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT NOT NULL, value TEXT NOT NULL, timezone TEXT, utc TEXT,
    PRIMARY KEY (article_id, local_id)
);

CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,
    type TEXT NOT NULL, mode TEXT, status TEXT NOT NULL,
    actors TEXT NOT NULL DEFAULT '[]', recipients TEXT NOT NULL DEFAULT '[]',
    location TEXT, time TEXT, quote TEXT,
    trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    agreement TEXT,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX events_type ON events(type);

CREATE TABLE errors (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    seen INTEGER NOT NULL DEFAULT 1,
    UNIQUE (path, code, message)
);

CREATE VIEW quotes_with_speakers AS
SELECT q.article_id, q.local_id, q.kind,
       COALESCE(e.name, q.speaker_text) AS speaker,
       q.speaker_text, q.cue_text, q.content_text,
       a.title, a.published
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN entities e ON e.article_id = q.article_id AND e.local_id = q.speaker_entity;
