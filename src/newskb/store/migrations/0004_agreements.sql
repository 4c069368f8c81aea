-- newskb store, version 4: the agreements ledger. An agreement is followed across articles:
-- each article that reports it (agreed, in force, violated, abandoned) adds a history row.
CREATE TABLE agreements (
    id TEXT PRIMARY KEY,                  -- 'A' + 10 hex of the first report's (article, event)
    object TEXT NOT NULL,                 -- "energy and infrastructure ceasefire"
    object_key TEXT NOT NULL,             -- normalised content words, space-joined, sorted
    parties TEXT NOT NULL DEFAULT '[]',   -- JSON list of canonical names
    party_keys TEXT NOT NULL DEFAULT '[]',-- JSON list: kb id where known, else lower-cased name
    first_agreed TEXT,                    -- date of the first 'agreed' report
    status TEXT NOT NULL,                 -- agreed | in force | violated | abandoned
    status_date TEXT                      -- date of the report that set the status
);
CREATE INDEX agreements_status ON agreements(status);

CREATE TABLE agreement_history (
    agreement_id TEXT NOT NULL REFERENCES agreements(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    date TEXT,
    status TEXT NOT NULL,
    event_id TEXT NOT NULL,
    trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    PRIMARY KEY (agreement_id, article_id, event_id)
);
CREATE INDEX agreement_history_article ON agreement_history(article_id);
