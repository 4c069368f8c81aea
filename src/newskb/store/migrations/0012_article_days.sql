-- newskb store, version 12: an article's publication day straight from an index. The canon
-- profile reads the days of an entity's articles through its links; each link fetched the
-- whole article row (text, raw, extraction: ~16 KB) for one date, so the profile of a
-- much-reported entity cost a page read per article (16x the index's cost, 2,000 articles).
CREATE INDEX articles_id_published ON articles(id, published);
