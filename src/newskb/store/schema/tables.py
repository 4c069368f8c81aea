"""The store's tables, described once: articles with their versions and full text, the facts
extracted from each article (offsets into its text), ingest errors, and the entity canon.

Columns keep the order the SQLite migrations gave them (an old store gains a column at the end).
"""

from __future__ import annotations

from newskb.store.schema.model import FullText, Index, Table, col, nn, ref, span

ARTICLE = "articles(id)"

ARTICLES = Table(
    "articles",
    (
        col("rowid", "serial"),
        nn("id"),  # first 16 hex of sha256(raw bytes)
        nn("sha256"),
        nn("source_key"),  # url, else the input path: versions share it
        nn("version", "int", "1"),
        col("supersedes"),  # id of the version this one replaces
        nn("current", "int", "1"),  # 1 for the newest version of its source_key
        nn("path"),
        col("url"),
        col("source"),
        nn("format"),
        col("title"),
        col("published", "date"),
        col("dateline_place"),
        col("dateline_agency"),
        nn("language", "text", "'en'"),
        nn("text"),
        nn("raw"),  # the original, as decoded
        # the newskb.extract/1 object as JSON text, kept verbatim (not jsonb): returned whole
        # and byte for byte (the API's article), never queried inside (the facts have their
        # own tables), and jsonb's parse cost a quarter of PostgreSQL's ingest CPU
        nn("extraction"),
        nn("ingested_at", "timestamp"),
    ),
    unique=(("id",), ("sha256",)),
    indexes=(
        Index("articles_source_key", ("source_key", "version")),
        Index("articles_published", ("published",)),
        # an article's day without its row: the canon's profile reads it per link (0012)
        Index("articles_id_published", ("id", "published")),
    ),
    fulltext=FullText(
        (("title", "A"), ("text", "B")),
        insert_trigger=False,  # the writer adds each batch's rows (migration 0011)
        pg_column=False,  # PostgreSQL: its own table (search.py)
    ),
)

UPDATES = Table(
    "updates",
    (
        ref("article_id", ARTICLE),
        nn("seq", "int"),
        nn("label"),
        nn("start", "int"),
        nn("end", "int"),
        col("published", "date"),
    ),
    primary_key=("article_id", "seq"),
)

ENTITIES = Table(
    "entities",
    (
        ref("article_id", ARTICLE),
        nn("local_id"),
        nn("name"),
        nn("type"),
        col("kb_id"),
        nn("roles", "json", "'[]'"),
        nn("characterisations", "json", "'[]'"),
    ),
    primary_key=("article_id", "local_id"),
    indexes=(Index("entities_name", ("name",)), Index("entities_kb", ("kb_id",))),
)

MENTIONS = Table(
    "mentions",
    (
        ref("article_id", ARTICLE),
        nn("entity_id"),
        nn("start", "int"),
        nn("end", "int"),
        nn("text"),
        nn("kind"),
    ),
    indexes=(
        Index("mentions_article", ("article_id", "entity_id")),
        Index("mentions_start", ("article_id", "start")),
    ),
)

QUOTES = Table(
    "quotes",
    (
        ref("article_id", ARTICLE),
        nn("local_id"),
        nn("kind"),
        col("speaker_entity"),
        *span("speaker", not_null=False),
        *span("cue", not_null=False),
        *span("content"),
        col("mode"),  # speech | thought | intention | knowledge; NULL before version 8
    ),
    primary_key=("article_id", "local_id"),
    indexes=(Index("quotes_mode", ("mode",)),),
)

TIMES = Table(
    "times",
    (
        ref("article_id", ARTICLE),
        nn("local_id"),
        nn("start", "int"),
        nn("end", "int"),
        nn("text"),
        nn("type"),
        nn("value"),  # a TIMEX3 value ('2025-03', 'PRESENT_REF'): text, not a date
        col("timezone"),
        col("utc"),
    ),
    primary_key=("article_id", "local_id"),
)

EVENTS = Table(
    "events",
    (
        ref("article_id", ARTICLE),
        nn("local_id"),
        nn("type"),
        col("mode"),
        nn("status"),
        nn("actors", "json", "'[]'"),
        nn("recipients", "json", "'[]'"),
        col("location"),
        col("time"),
        col("quote"),
        *span("trigger"),
        *span("sentence", text=False),
        col("agreement", "json"),
    ),
    primary_key=("article_id", "local_id"),
    indexes=(Index("events_type", ("type",)),),
)

ERRORS = Table(
    "errors",
    (
        col("id", "serial"),
        nn("path"),
        nn("code"),
        nn("message"),
        nn("first_seen", "timestamp"),
        nn("last_seen", "timestamp"),
        nn("seen", "int", "1"),
    ),
    indexes=(Index("errors_key", ("path", "code", "message"), True, md5=("path", "message")),),
)

CREDITS = Table(
    "credits",
    (
        ref("article_id", ARTICLE),
        nn("local_id"),  # 'C1', 'C2', ... within the article
        nn("medium"),  # image | photo | video | audio | graphic | other
        col("source_entity"),  # the article's entity with the same span, if any
        *span("source"),
        *span("agency", not_null=False),
        *span("content", not_null=False, text=False),
    ),
    primary_key=("article_id", "local_id"),
    indexes=(Index("credits_source", ("source_text",)),),
)

CANON_ID = "canon(id)"

CANON = Table(
    "canon",
    (
        col("id"),  # Wikidata id, or a stable local id (nkb:...)
        nn("name"),
        nn("type"),
        col("kb_id"),
        col("merged_into", references=CANON_ID),
        nn("created_at", "timestamp"),
    ),
    primary_key=("id",),
    indexes=(Index("canon_name", ("name",)),),
)

CANON_ALIASES = Table(
    "canon_aliases",
    (
        ref("canon_id", CANON_ID),
        nn("alias"),
        nn("norm"),  # the comparable form (resolve.keys.norm)
        nn("source", "text", "'text'"),  # text | gazetteer | user
    ),
    primary_key=("canon_id", "norm"),
    indexes=(Index("canon_aliases_norm", ("norm",)),),
)

CANON_KEYS = Table(
    "canon_keys",
    (nn("key"), ref("canon_id", CANON_ID)),
    primary_key=("key", "canon_id"),
    note="blocking keys: candidates come only from here",
)

CANON_ROLES = Table(
    "canon_roles",
    (
        ref("canon_id", CANON_ID),
        nn("kind"),  # role | characterisation
        nn("text"),
        nn("article_id"),
        col("published", "date"),
    ),
    primary_key=("canon_id", "kind", "text", "article_id"),
    indexes=(Index("canon_roles_article", ("article_id",)),),
)

ENTITY_LINKS = Table(
    "entity_links",
    (nn("article_id"), nn("local_id"), ref("canon_id", CANON_ID)),
    primary_key=("article_id", "local_id"),
    indexes=(Index("entity_links_canon_article", ("canon_id", "article_id", "local_id")),),
)

CANON_EDITS = Table(
    "canon_edits",
    (col("id", "serial"), nn("op"), nn("detail", "json"), nn("at", "timestamp")),
    note="what users changed (alias, merge, split), for audit and replay",
)

FACTS = (ARTICLES, UPDATES, ENTITIES, MENTIONS, QUOTES, TIMES, EVENTS, ERRORS)
CANON_TABLES = (CANON, CANON_ALIASES, CANON_KEYS, CANON_ROLES, ENTITY_LINKS, CANON_EDITS)
