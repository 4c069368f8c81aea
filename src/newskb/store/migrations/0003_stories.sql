-- newskb store, version 3: stories (incremental clustering), membership, near-duplicates,
-- the candidate index, incremental document frequencies and the user merge/split log.
CREATE TABLE stories (
    id TEXT PRIMARY KEY,                  -- 'S' + first 12 hex of the founding article id
    title TEXT,
    first_seen TEXT,                      -- earliest publication date of its articles
    last_seen TEXT,
    size INTEGER NOT NULL DEFAULT 0,
    touched INTEGER NOT NULL DEFAULT 0,   -- article sequence number of its last change
    state TEXT NOT NULL DEFAULT '{}',     -- JSON: bounded centroid, entity/place/date counts
    outlets TEXT NOT NULL DEFAULT '[]',
    merged_into TEXT,                     -- set when a user merged it into another story
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX stories_touched ON stories(touched);

CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY,          -- articles.id (no FK: the eval runs without articles)
    story_id TEXT NOT NULL REFERENCES stories(id),
    seq INTEGER NOT NULL,                 -- arrival order
    path TEXT NOT NULL,
    title TEXT,
    published TEXT,
    outlet TEXT,
    how TEXT NOT NULL,                    -- new | joined | duplicate | update | user | split
    score REAL NOT NULL DEFAULT 0,
    duplicate_of TEXT,                    -- the original this article copies or updates
    features TEXT NOT NULL,               -- JSON: the member's bounded vector, entities, places
    assigned_at TEXT NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id, seq);
CREATE INDEX story_members_dup ON story_members(duplicate_of);

-- inverted index: key ('t:' term, 'e:' entity, 'p:' place) -> stories, newest first
CREATE TABLE story_postings (
    key TEXT NOT NULL,
    story_id TEXT NOT NULL,
    touched INTEGER NOT NULL,
    last_seen TEXT,
    PRIMARY KEY (key, story_id)
) WITHOUT ROWID;
CREATE INDEX story_postings_recent ON story_postings(key, touched DESC);
CREATE INDEX story_postings_story ON story_postings(story_id);

CREATE TABLE story_df (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE story_meta (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO story_meta(key, value) VALUES ('documents', 0), ('seq', 0);

-- MinHash signatures and their LSH bands, for near-duplicates (syndication, updates)
CREATE TABLE story_minhash (
    article_id TEXT PRIMARY KEY,
    sig BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE story_lsh (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (band, bucket, article_id)
) WITHOUT ROWID;

CREATE TABLE story_edits (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,                 -- merge | split | auto-split (re-check at ingest)
    story_id TEXT NOT NULL,
    other TEXT NOT NULL,                  -- merge: the story merged in; split: the new story
    articles TEXT NOT NULL DEFAULT '[]'
);
