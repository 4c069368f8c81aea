"""The tables of the cross-article stages: stories (incremental clustering, near-duplicates,
the candidate index, document frequencies, the user's merge/split log) and the agreements
ledger, plus the tables only one backend has."""

from __future__ import annotations

from newskb.store.schema.model import Index, Table, col, nn, ref, span
from newskb.store.schema.tables import ARTICLE

STORIES = Table(
    "stories",
    (
        col("id"),  # 'S' + first 12 hex of the founding article id
        col("title"),
        col("first_seen", "date"),  # earliest publication date of its articles
        col("last_seen", "date"),
        nn("size", "int", "0"),
        nn("touched", "int", "0"),  # article sequence number of its last change
        nn("state", "json", "'{}'"),  # bounded centroid, entity/place/date counts
        nn("outlets", "json", "'[]'"),
        col("merged_into"),  # set when a user merged it into another story
        nn("created_at", "timestamp"),
        nn("updated_at", "timestamp"),
    ),
    primary_key=("id",),
    indexes=(Index("stories_touched", ("touched",)),),
)

STORY_MEMBERS = Table(
    "story_members",
    (
        col("article_id"),  # articles.id (no reference: the evaluation runs without articles)
        ref("story_id", "stories(id)", deferred=True),  # a split moves members first
        nn("seq", "int"),  # arrival order
        nn("path"),
        col("title"),
        col("published", "date"),
        col("outlet"),
        nn("how"),  # new | joined | duplicate | update | user | split
        nn("score", "real", "0"),
        col("duplicate_of"),  # the original this article copies or updates
        nn("features", "json"),  # the member's bounded vector, entities, places
        nn("assigned_at", "timestamp"),
    ),
    primary_key=("article_id",),
    indexes=(
        Index("story_members_story", ("story_id", "seq")),
        Index("story_members_dup", ("duplicate_of",)),
    ),
)

STORY_POSTINGS = Table(
    "story_postings",
    (nn("key"), nn("story_id"), nn("touched", "int"), col("last_seen", "date")),
    primary_key=("key", "story_id"),
    indexes=(
        Index("story_postings_recent", ("key", "touched DESC")),
        Index("story_postings_story", ("story_id",)),
    ),
    without_rowid=True,
    note="inverted index: key ('t:' term, 'e:' entity, 'p:' place) -> stories, newest first",
)

STORY_DF = Table(
    "story_df", (col("term"), nn("df", "int")), primary_key=("term",), without_rowid=True
)

STORY_META = Table(
    "story_meta",
    (col("key"), nn("value", "int")),
    primary_key=("key",),
    without_rowid=True,
    seed="INSERT INTO story_meta(key, value) VALUES ('documents', 0), ('seq', 0)",
)

STORY_MINHASH = Table(
    "story_minhash",
    (col("article_id"), nn("sig", "blob")),
    primary_key=("article_id",),
    without_rowid=True,
    note="MinHash signatures, for near-duplicates (syndication, updates)",
)

STORY_LSH = Table(
    "story_lsh",
    (nn("band", "int"), nn("bucket", "bigint"), nn("article_id")),
    primary_key=("band", "bucket", "article_id"),
    without_rowid=True,
)

STORY_EDITS = Table(
    "story_edits",
    (
        col("id", "serial"),
        nn("at", "timestamp"),
        nn("action"),  # merge | split | auto-split (re-check at ingest)
        nn("story_id"),
        nn("other"),  # merge: the story merged in; split: the new story
        nn("articles", "json", "'[]'"),
    ),
)

AGREEMENTS = Table(
    "agreements",
    (
        col("id"),  # 'A' + 10 hex of the first report's (article, event)
        nn("object"),
        nn("object_key"),  # normalised content words, space-joined, sorted
        nn("parties", "json", "'[]'"),  # canonical names
        nn("party_keys", "json", "'[]'"),  # kb id where known, else lower-cased name
        col("first_agreed"),  # reported dates stay text: a record may carry a partial date
        nn("status"),  # agreed | in force | violated | abandoned
        col("status_date"),
    ),
    primary_key=("id",),
    indexes=(Index("agreements_status", ("status",)),),
)

AGREEMENT_HISTORY = Table(
    "agreement_history",
    (
        ref("agreement_id", "agreements(id)"),
        ref("article_id", ARTICLE),
        col("date"),
        nn("status"),
        nn("event_id"),
        *span("trigger", text=False),
        *span("sentence", text=False),
    ),
    primary_key=("agreement_id", "article_id", "event_id"),
    indexes=(Index("agreement_history_article", ("article_id",)),),
)

# PostgreSQL only: the schema version (SQLite keeps it in PRAGMA user_version), and what a
# type conversion could not carry over (a date that was no date), kept as it was.
NEWSKB_META = Table(
    "newskb_meta", (col("key"), col("value")), primary_key=("key",), dialects=("postgresql",)
)
SCHEMA_KEPT = Table(
    "schema_kept",
    (
        nn("table_name"),
        nn("column_name"),
        nn("row_key", "json"),  # the row's primary key values, in key order
        col("value"),  # the original text
        nn("kept_at", "timestamp", "now()"),
    ),
    dialects=("postgresql",),
)

STORY_TABLES = (
    STORIES, STORY_MEMBERS, STORY_POSTINGS, STORY_DF, STORY_META, STORY_MINHASH, STORY_LSH,
    STORY_EDITS,
)  # fmt: skip
LEDGER_TABLES = (AGREEMENTS, AGREEMENT_HISTORY)
PG_ONLY = (NEWSKB_META, SCHEMA_KEPT)
