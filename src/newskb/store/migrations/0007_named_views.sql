-- newskb store, version 7: views that show names instead of article-local ids, for Datasette
-- and plain SQL (views only: nothing stored changes, an old store gains them in place).

-- who did what to whom, with names: actors, recipients and the place by name, the event's time
CREATE VIEW events_named AS
SELECT v.article_id, v.local_id, v.type, v.mode, v.status,
       (SELECT group_concat(e.name, '; ') FROM json_each(v.actors) j
          JOIN entities e ON e.article_id = v.article_id AND e.local_id = j.value) AS actors,
       (SELECT group_concat(e.name, '; ') FROM json_each(v.recipients) j
          JOIN entities e ON e.article_id = v.article_id AND e.local_id = j.value) AS recipients,
       (SELECT e.name FROM entities e
          WHERE e.article_id = v.article_id AND e.local_id = v.location) AS location,
       COALESCE(t.utc, t.value) AS event_time,
       v.trigger_text,
       substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS sentence,
       json_extract(v.agreement, '$.object') AS agreement,
       a.title, a.published, a.source
FROM events v
JOIN articles a ON a.id = v.article_id AND a.current = 1
LEFT JOIN times t ON t.article_id = v.article_id AND t.local_id = v.time;

-- every article's entity with the canonical entity it was resolved to
CREATE VIEW entities_canonical AS
SELECT e.article_id, e.local_id, e.name, e.type, l.canon_id,
       c.name AS canonical_name, COALESCE(c.kb_id, e.kb_id) AS kb_id, a.title, a.published
FROM entities e
JOIN articles a ON a.id = e.article_id AND a.current = 1
LEFT JOIN entity_links l ON l.article_id = e.article_id AND l.local_id = e.local_id
LEFT JOIN canon c ON c.id = l.canon_id;

-- stories with their articles, in arrival order
CREATE VIEW story_articles AS
SELECT m.story_id, s.title AS story_title, m.seq, m.article_id, m.how, m.duplicate_of,
       a.title, a.published, m.outlet, a.path
FROM story_members m
JOIN stories s ON s.id = m.story_id
JOIN articles a ON a.id = m.article_id;

-- each reported step of an agreement, with the article behind it
CREATE VIEW agreement_steps AS
SELECT g.id AS agreement_id, g.object, g.parties, g.status AS current_status,
       h.date, h.status, substr(a.text, h.sentence_start + 1,
       h.sentence_end - h.sentence_start) AS sentence, h.article_id, a.title, a.published
FROM agreement_history h
JOIN agreements g ON g.id = h.agreement_id
JOIN articles a ON a.id = h.article_id;
