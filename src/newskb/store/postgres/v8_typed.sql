-- newskb PostgreSQL store, version 8: dates as date, times as timestamptz (UTC), JSON
-- as jsonb, scores as double precision, converted in place, and the views that show names.
-- A value a type cannot hold as it was is first copied to schema_kept (table, column, the row's
-- key, the text). Written by scripts/pg_typed_conversion.py; history: never edited.
CREATE OR REPLACE FUNCTION pg_temp.nkb_date(v text) RETURNS date AS $$
BEGIN
    IF v IS NULL OR v !~ '^\d{4}-\d{2}-\d{2}' THEN RETURN NULL; END IF;
    RETURN substr(v, 1, 10)::date;
EXCEPTION WHEN others THEN RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION pg_temp.nkb_ts(v text) RETURNS timestamptz AS $$
BEGIN
    IF v IS NULL OR v !~ '^\d{4}-\d{2}-\d{2}' THEN RETURN NULL; END IF;
    RETURN v::timestamptz;
EXCEPTION WHEN others THEN RETURN NULL;
END $$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION pg_temp.nkb_json(v text) RETURNS jsonb AS $$
BEGIN
    RETURN v::jsonb;
EXCEPTION WHEN others THEN RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TABLE schema_kept (
    table_name TEXT NOT NULL,
    column_name TEXT NOT NULL,
    row_key JSONB NOT NULL,
    value TEXT,
    kept_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

DROP VIEW IF EXISTS quotes_with_speakers;

DROP VIEW IF EXISTS events_named;

DROP VIEW IF EXISTS entities_canonical;

DROP VIEW IF EXISTS story_articles;

DROP VIEW IF EXISTS agreement_steps;

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'articles', 'published', jsonb_build_array(id), published FROM articles WHERE published IS NOT NULL AND NOT (published ~ '^\d{4}-\d{2}-\d{2}$' AND pg_temp.nkb_date(published) IS NOT NULL);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'articles', 'ingested_at', jsonb_build_array(id), ingested_at FROM articles WHERE ingested_at IS NOT NULL AND NOT (ingested_at ~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$' AND pg_temp.nkb_ts(ingested_at) IS NOT NULL);

ALTER TABLE articles ALTER COLUMN published TYPE DATE USING pg_temp.nkb_date(published), ALTER COLUMN ingested_at TYPE TIMESTAMPTZ USING COALESCE(pg_temp.nkb_ts(ingested_at), 'epoch'::timestamptz);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'updates', 'published', jsonb_build_array(article_id, seq), published FROM updates WHERE published IS NOT NULL AND NOT (published ~ '^\d{4}-\d{2}-\d{2}$' AND pg_temp.nkb_date(published) IS NOT NULL);

ALTER TABLE updates ALTER COLUMN published TYPE DATE USING pg_temp.nkb_date(published);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'entities', 'roles', jsonb_build_array(article_id, local_id), roles FROM entities WHERE roles IS NOT NULL AND NOT (pg_temp.nkb_json(roles) IS NOT NULL);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'entities', 'characterisations', jsonb_build_array(article_id, local_id), characterisations FROM entities WHERE characterisations IS NOT NULL AND NOT (pg_temp.nkb_json(characterisations) IS NOT NULL);

ALTER TABLE entities ALTER COLUMN roles DROP DEFAULT, ALTER COLUMN roles TYPE JSONB USING COALESCE(pg_temp.nkb_json(roles), '[]'::jsonb), ALTER COLUMN roles SET DEFAULT '[]', ALTER COLUMN characterisations DROP DEFAULT, ALTER COLUMN characterisations TYPE JSONB USING COALESCE(pg_temp.nkb_json(characterisations), '[]'::jsonb), ALTER COLUMN characterisations SET DEFAULT '[]';

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'events', 'actors', jsonb_build_array(article_id, local_id), actors FROM events WHERE actors IS NOT NULL AND NOT (pg_temp.nkb_json(actors) IS NOT NULL);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'events', 'recipients', jsonb_build_array(article_id, local_id), recipients FROM events WHERE recipients IS NOT NULL AND NOT (pg_temp.nkb_json(recipients) IS NOT NULL);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'events', 'agreement', jsonb_build_array(article_id, local_id), agreement FROM events WHERE agreement IS NOT NULL AND NOT (pg_temp.nkb_json(agreement) IS NOT NULL);

ALTER TABLE events ALTER COLUMN actors DROP DEFAULT, ALTER COLUMN actors TYPE JSONB USING COALESCE(pg_temp.nkb_json(actors), '[]'::jsonb), ALTER COLUMN actors SET DEFAULT '[]', ALTER COLUMN recipients DROP DEFAULT, ALTER COLUMN recipients TYPE JSONB USING COALESCE(pg_temp.nkb_json(recipients), '[]'::jsonb), ALTER COLUMN recipients SET DEFAULT '[]', ALTER COLUMN agreement TYPE JSONB USING pg_temp.nkb_json(agreement);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'errors', 'first_seen', jsonb_build_array(id), first_seen FROM errors WHERE first_seen IS NOT NULL AND NOT (first_seen ~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$' AND pg_temp.nkb_ts(first_seen) IS NOT NULL);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'errors', 'last_seen', jsonb_build_array(id), last_seen FROM errors WHERE last_seen IS NOT NULL AND NOT (last_seen ~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$' AND pg_temp.nkb_ts(last_seen) IS NOT NULL);

ALTER TABLE errors ALTER COLUMN first_seen TYPE TIMESTAMPTZ USING COALESCE(pg_temp.nkb_ts(first_seen), 'epoch'::timestamptz), ALTER COLUMN last_seen TYPE TIMESTAMPTZ USING COALESCE(pg_temp.nkb_ts(last_seen), 'epoch'::timestamptz);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'canon', 'created_at', jsonb_build_array(id), created_at FROM canon WHERE created_at IS NOT NULL AND NOT (created_at ~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$' AND pg_temp.nkb_ts(created_at) IS NOT NULL);

ALTER TABLE canon ALTER COLUMN created_at TYPE TIMESTAMPTZ USING COALESCE(pg_temp.nkb_ts(created_at), 'epoch'::timestamptz);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'canon_roles', 'published', jsonb_build_array(canon_id, kind, text, article_id), published FROM canon_roles WHERE published IS NOT NULL AND NOT (published ~ '^\d{4}-\d{2}-\d{2}$' AND pg_temp.nkb_date(published) IS NOT NULL);

ALTER TABLE canon_roles ALTER COLUMN published TYPE DATE USING pg_temp.nkb_date(published);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'canon_edits', 'detail', jsonb_build_array(id), detail FROM canon_edits WHERE detail IS NOT NULL AND NOT (pg_temp.nkb_json(detail) IS NOT NULL);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'canon_edits', 'at', jsonb_build_array(id), at FROM canon_edits WHERE at IS NOT NULL AND NOT (at ~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$' AND pg_temp.nkb_ts(at) IS NOT NULL);

ALTER TABLE canon_edits ALTER COLUMN detail TYPE JSONB USING COALESCE(pg_temp.nkb_json(detail), 'null'::jsonb), ALTER COLUMN at TYPE TIMESTAMPTZ USING COALESCE(pg_temp.nkb_ts(at), 'epoch'::timestamptz);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'stories', 'first_seen', jsonb_build_array(id), first_seen FROM stories WHERE first_seen IS NOT NULL AND NOT (first_seen ~ '^\d{4}-\d{2}-\d{2}$' AND pg_temp.nkb_date(first_seen) IS NOT NULL);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'stories', 'last_seen', jsonb_build_array(id), last_seen FROM stories WHERE last_seen IS NOT NULL AND NOT (last_seen ~ '^\d{4}-\d{2}-\d{2}$' AND pg_temp.nkb_date(last_seen) IS NOT NULL);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'stories', 'state', jsonb_build_array(id), state FROM stories WHERE state IS NOT NULL AND NOT (pg_temp.nkb_json(state) IS NOT NULL);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'stories', 'outlets', jsonb_build_array(id), outlets FROM stories WHERE outlets IS NOT NULL AND NOT (pg_temp.nkb_json(outlets) IS NOT NULL);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'stories', 'created_at', jsonb_build_array(id), created_at FROM stories WHERE created_at IS NOT NULL AND NOT (created_at ~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$' AND pg_temp.nkb_ts(created_at) IS NOT NULL);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'stories', 'updated_at', jsonb_build_array(id), updated_at FROM stories WHERE updated_at IS NOT NULL AND NOT (updated_at ~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$' AND pg_temp.nkb_ts(updated_at) IS NOT NULL);

ALTER TABLE stories ALTER COLUMN first_seen TYPE DATE USING pg_temp.nkb_date(first_seen), ALTER COLUMN last_seen TYPE DATE USING pg_temp.nkb_date(last_seen), ALTER COLUMN state DROP DEFAULT, ALTER COLUMN state TYPE JSONB USING COALESCE(pg_temp.nkb_json(state), '{}'::jsonb), ALTER COLUMN state SET DEFAULT '{}', ALTER COLUMN outlets DROP DEFAULT, ALTER COLUMN outlets TYPE JSONB USING COALESCE(pg_temp.nkb_json(outlets), '[]'::jsonb), ALTER COLUMN outlets SET DEFAULT '[]', ALTER COLUMN created_at TYPE TIMESTAMPTZ USING COALESCE(pg_temp.nkb_ts(created_at), 'epoch'::timestamptz), ALTER COLUMN updated_at TYPE TIMESTAMPTZ USING COALESCE(pg_temp.nkb_ts(updated_at), 'epoch'::timestamptz);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'story_members', 'published', jsonb_build_array(article_id), published FROM story_members WHERE published IS NOT NULL AND NOT (published ~ '^\d{4}-\d{2}-\d{2}$' AND pg_temp.nkb_date(published) IS NOT NULL);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'story_members', 'features', jsonb_build_array(article_id), features FROM story_members WHERE features IS NOT NULL AND NOT (pg_temp.nkb_json(features) IS NOT NULL);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'story_members', 'assigned_at', jsonb_build_array(article_id), assigned_at FROM story_members WHERE assigned_at IS NOT NULL AND NOT (assigned_at ~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$' AND pg_temp.nkb_ts(assigned_at) IS NOT NULL);

ALTER TABLE story_members ALTER COLUMN published TYPE DATE USING pg_temp.nkb_date(published), ALTER COLUMN score DROP DEFAULT, ALTER COLUMN score TYPE DOUBLE PRECISION USING score::double precision, ALTER COLUMN score SET DEFAULT 0, ALTER COLUMN features TYPE JSONB USING COALESCE(pg_temp.nkb_json(features), 'null'::jsonb), ALTER COLUMN assigned_at TYPE TIMESTAMPTZ USING COALESCE(pg_temp.nkb_ts(assigned_at), 'epoch'::timestamptz);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'story_postings', 'last_seen', jsonb_build_array(key, story_id), last_seen FROM story_postings WHERE last_seen IS NOT NULL AND NOT (last_seen ~ '^\d{4}-\d{2}-\d{2}$' AND pg_temp.nkb_date(last_seen) IS NOT NULL);

ALTER TABLE story_postings ALTER COLUMN last_seen TYPE DATE USING pg_temp.nkb_date(last_seen);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'story_edits', 'at', jsonb_build_array(id), at FROM story_edits WHERE at IS NOT NULL AND NOT (at ~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$' AND pg_temp.nkb_ts(at) IS NOT NULL);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'story_edits', 'articles', jsonb_build_array(id), articles FROM story_edits WHERE articles IS NOT NULL AND NOT (pg_temp.nkb_json(articles) IS NOT NULL);

ALTER TABLE story_edits ALTER COLUMN at TYPE TIMESTAMPTZ USING COALESCE(pg_temp.nkb_ts(at), 'epoch'::timestamptz), ALTER COLUMN articles DROP DEFAULT, ALTER COLUMN articles TYPE JSONB USING COALESCE(pg_temp.nkb_json(articles), '[]'::jsonb), ALTER COLUMN articles SET DEFAULT '[]';

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'agreements', 'parties', jsonb_build_array(id), parties FROM agreements WHERE parties IS NOT NULL AND NOT (pg_temp.nkb_json(parties) IS NOT NULL);

INSERT INTO schema_kept (table_name, column_name, row_key, value) SELECT 'agreements', 'party_keys', jsonb_build_array(id), party_keys FROM agreements WHERE party_keys IS NOT NULL AND NOT (pg_temp.nkb_json(party_keys) IS NOT NULL);

ALTER TABLE agreements ALTER COLUMN parties DROP DEFAULT, ALTER COLUMN parties TYPE JSONB USING COALESCE(pg_temp.nkb_json(parties), '[]'::jsonb), ALTER COLUMN parties SET DEFAULT '[]', ALTER COLUMN party_keys DROP DEFAULT, ALTER COLUMN party_keys TYPE JSONB USING COALESCE(pg_temp.nkb_json(party_keys), '[]'::jsonb), ALTER COLUMN party_keys SET DEFAULT '[]';

ALTER TABLE canon_edits DROP COLUMN IF EXISTS logged_at;

ALTER TABLE story_edits DROP COLUMN IF EXISTS logged_at;

CREATE VIEW quotes_with_speakers AS
SELECT q.article_id, q.local_id, q.kind,
       COALESCE(e.name, q.speaker_text) AS speaker,
       q.speaker_text, q.cue_text, q.content_text,
       a.title, a.published
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN entities e ON e.article_id = q.article_id AND e.local_id = q.speaker_entity;

CREATE VIEW events_named AS
SELECT v.article_id, v.local_id, v.type, v.mode, v.status,
       (SELECT string_agg(e.name, '; ' ORDER BY j.n)
          FROM jsonb_array_elements_text(v.actors) WITH ORDINALITY AS j(value, n)
          JOIN entities e ON e.article_id = v.article_id AND e.local_id = j.value) AS actors,
       (SELECT string_agg(e.name, '; ' ORDER BY j.n)
          FROM jsonb_array_elements_text(v.recipients) WITH ORDINALITY AS j(value, n)
          JOIN entities e ON e.article_id = v.article_id AND e.local_id = j.value) AS recipients,
       (SELECT e.name FROM entities e
          WHERE e.article_id = v.article_id AND e.local_id = v.location) AS location,
       COALESCE(t.utc, t.value) AS event_time,
       v.trigger_text,
       substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS sentence,
       v.agreement ->> 'object' AS agreement,
       a.title, a.published, a.source
FROM events v
JOIN articles a ON a.id = v.article_id AND a.current = 1
LEFT JOIN times t ON t.article_id = v.article_id AND t.local_id = v.time;

CREATE VIEW entities_canonical AS
SELECT e.article_id, e.local_id, e.name, e.type, l.canon_id,
       c.name AS canonical_name, COALESCE(c.kb_id, e.kb_id) AS kb_id, a.title, a.published
FROM entities e
JOIN articles a ON a.id = e.article_id AND a.current = 1
LEFT JOIN entity_links l ON l.article_id = e.article_id AND l.local_id = e.local_id
LEFT JOIN canon c ON c.id = l.canon_id;

CREATE VIEW story_articles AS
SELECT m.story_id, s.title AS story_title, m.seq, m.article_id, m.how, m.duplicate_of,
       a.title, a.published, m.outlet, a.path
FROM story_members m
JOIN stories s ON s.id = m.story_id
JOIN articles a ON a.id = m.article_id;

CREATE VIEW agreement_steps AS
SELECT g.id AS agreement_id, g.object, g.parties, g.status AS current_status,
       h.date, h.status, substr(a.text, h.sentence_start + 1,
       h.sentence_end - h.sentence_start) AS sentence, h.article_id, a.title, a.published
FROM agreement_history h
JOIN agreements g ON g.id = h.agreement_id
JOIN articles a ON a.id = h.article_id;
