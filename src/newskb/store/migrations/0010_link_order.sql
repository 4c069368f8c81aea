-- newskb store, version 10: an entity's article links in article order straight from an index
-- (the canon's profile reads its first 20 articles; the old index on canon_id alone sorted
-- every link of a much-reported entity for that, per candidate, per batch).
CREATE INDEX entity_links_canon_article ON entity_links(canon_id, article_id, local_id);
DROP INDEX entity_links_canon;
