-- newskb store, version 11: the store's writer adds each batch's full-text entries itself, one
-- statement per batch (store/sqlite/write.py), instead of the per-row AFTER INSERT trigger:
-- FTS5 inside a trigger cost ~0.2 ms an article, half the ingest time of pre-extracted
-- records. The index and its definition are unchanged (same rows, same tokenizer): nothing is
-- rebuilt. The delete and update triggers stay (they keep rows changed by hand in step).
-- Whoever inserts into articles by hand adds the row to articles_fts too:
--   INSERT INTO articles_fts(rowid, title, text) SELECT rowid, title, text FROM articles ...
DROP TRIGGER IF EXISTS articles_ai;
