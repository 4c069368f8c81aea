-- newskb store, version 2: canonical entities across articles (issue 4).
-- canon: one row per real-world thing; merged rows point at the row they were merged into.
CREATE TABLE canon (
    id TEXT PRIMARY KEY,                  -- Wikidata id, or a stable local id (nkb:...)
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    kb_id TEXT,                           -- Wikidata id when known
    merged_into TEXT REFERENCES canon(id),
    created_at TEXT NOT NULL
);
CREATE INDEX canon_name ON canon(name);

-- every spelling seen or given by a user; norm is the comparable form (keys.norm)
CREATE TABLE canon_aliases (
    canon_id TEXT NOT NULL REFERENCES canon(id),
    alias TEXT NOT NULL,
    norm TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT 'text',  -- text | gazetteer | user
    PRIMARY KEY (canon_id, norm)
);
CREATE INDEX canon_aliases_norm ON canon_aliases(norm);

-- blocking keys (phonetic / prefix of the surname): candidates come only from here
CREATE TABLE canon_keys (
    key TEXT NOT NULL,
    canon_id TEXT NOT NULL REFERENCES canon(id),
    PRIMARY KEY (key, canon_id)
);

-- roles and characterisations over time, dated by the article that states them
CREATE TABLE canon_roles (
    canon_id TEXT NOT NULL REFERENCES canon(id),
    kind TEXT NOT NULL,                   -- role | characterisation
    text TEXT NOT NULL,
    article_id TEXT NOT NULL,
    published TEXT,
    PRIMARY KEY (canon_id, kind, text, article_id)
);
CREATE INDEX canon_roles_article ON canon_roles(article_id);

-- per-article entities (entities.local_id) -> canonical id
CREATE TABLE entity_links (
    article_id TEXT NOT NULL,
    local_id TEXT NOT NULL,
    canon_id TEXT NOT NULL REFERENCES canon(id),
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX entity_links_canon ON entity_links(canon_id);

-- what users changed (alias, merge, split), for audit and replay
CREATE TABLE canon_edits (
    id INTEGER PRIMARY KEY,
    op TEXT NOT NULL,
    detail TEXT NOT NULL,
    at TEXT NOT NULL
);
