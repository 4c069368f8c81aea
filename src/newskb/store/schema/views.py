"""Views that show names instead of article-local ids, for Datasette and plain SQL: the same
columns on both backends (each dialect spells JSON and string aggregation its own way)."""

from __future__ import annotations

from newskb.store.schema.model import View

QUOTES_WITH_SPEAKERS_SQL = """CREATE VIEW quotes_with_speakers AS
SELECT q.article_id, q.local_id, q.kind,
       COALESCE(e.name, q.speaker_text) AS speaker,
       q.speaker_text, q.cue_text, q.content_text,
       a.title, a.published
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN entities e ON e.article_id = q.article_id AND e.local_id = q.speaker_entity"""

QUOTES_WITH_SPEAKERS = View(
    "quotes_with_speakers", QUOTES_WITH_SPEAKERS_SQL, QUOTES_WITH_SPEAKERS_SQL,
    note="every quote with its speaker's name",
)  # fmt: skip

_EVENTS_NAMED = """CREATE VIEW events_named AS
SELECT v.article_id, v.local_id, v.type, v.mode, v.status,
       {actors} AS actors,
       {recipients} AS recipients,
       (SELECT e.name FROM entities e
          WHERE e.article_id = v.article_id AND e.local_id = v.location) AS location,
       COALESCE(t.utc, t.value) AS event_time,
       v.trigger_text,
       substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS sentence,
       {agreement} AS agreement,
       a.title, a.published, a.source
FROM events v
JOIN articles a ON a.id = v.article_id AND a.current = 1
LEFT JOIN times t ON t.article_id = v.article_id AND t.local_id = v.time"""

_SQLITE_NAMES = """(SELECT group_concat(e.name, '; ') FROM json_each(v.{col}) j
          JOIN entities e ON e.article_id = v.article_id AND e.local_id = j.value)"""
_PG_NAMES = """(SELECT string_agg(e.name, '; ' ORDER BY j.n)
          FROM jsonb_array_elements_text(v.{col}) WITH ORDINALITY AS j(value, n)
          JOIN entities e ON e.article_id = v.article_id AND e.local_id = j.value)"""

EVENTS_NAMED = View(
    "events_named",
    _EVENTS_NAMED.format(
        actors=_SQLITE_NAMES.format(col="actors"),
        recipients=_SQLITE_NAMES.format(col="recipients"),
        agreement="json_extract(v.agreement, '$.object')",
    ),
    _EVENTS_NAMED.format(
        actors=_PG_NAMES.format(col="actors"),
        recipients=_PG_NAMES.format(col="recipients"),
        agreement="v.agreement ->> 'object'",
    ),
    note="who did what to whom, with names: actors, recipients and the place by name",
)

_ENTITIES_CANONICAL = """CREATE VIEW entities_canonical AS
SELECT e.article_id, e.local_id, e.name, e.type, l.canon_id,
       c.name AS canonical_name, COALESCE(c.kb_id, e.kb_id) AS kb_id, a.title, a.published
FROM entities e
JOIN articles a ON a.id = e.article_id AND a.current = 1
LEFT JOIN entity_links l ON l.article_id = e.article_id AND l.local_id = e.local_id
LEFT JOIN canon c ON c.id = l.canon_id"""

ENTITIES_CANONICAL = View(
    "entities_canonical", _ENTITIES_CANONICAL, _ENTITIES_CANONICAL,
    note="every article's entity with the canonical entity it was resolved to",
)  # fmt: skip

_STORY_ARTICLES = """CREATE VIEW story_articles AS
SELECT m.story_id, s.title AS story_title, m.seq, m.article_id, m.how, m.duplicate_of,
       a.title, a.published, m.outlet, a.path
FROM story_members m
JOIN stories s ON s.id = m.story_id
JOIN articles a ON a.id = m.article_id"""

STORY_ARTICLES = View(
    "story_articles", _STORY_ARTICLES, _STORY_ARTICLES,
    note="stories with their articles, in arrival order",
)  # fmt: skip

_AGREEMENT_STEPS = """CREATE VIEW agreement_steps AS
SELECT g.id AS agreement_id, g.object, g.parties, g.status AS current_status,
       h.date, h.status, substr(a.text, h.sentence_start + 1,
       h.sentence_end - h.sentence_start) AS sentence, h.article_id, a.title, a.published
FROM agreement_history h
JOIN agreements g ON g.id = h.agreement_id
JOIN articles a ON a.id = h.article_id"""

AGREEMENT_STEPS = View(
    "agreement_steps", _AGREEMENT_STEPS, _AGREEMENT_STEPS,
    note="each reported step of an agreement, with the article behind it",
)  # fmt: skip

VIEWS = (QUOTES_WITH_SPEAKERS, EVENTS_NAMED, ENTITIES_CANONICAL, STORY_ARTICLES, AGREEMENT_STEPS)
