-- newskb store, version 6: media credits ("Image: NAME", "(AP Photo/Evan Vucci)"): who made an
-- image, video or recording an article carries, with the caption it credits. Offsets into the
-- article's text, like every other fact table.
CREATE TABLE credits (
    article_id TEXT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,                -- 'C1', 'C2', ... within the article
    medium TEXT NOT NULL,                  -- image | photo | video | audio | graphic | other
    source_entity TEXT,                    -- the article's entity with the same span, if any
    source_start INTEGER NOT NULL, source_end INTEGER NOT NULL, source_text TEXT NOT NULL,
    agency_start INTEGER, agency_end INTEGER, agency_text TEXT,
    content_start INTEGER, content_end INTEGER,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX credits_source ON credits(source_text);
