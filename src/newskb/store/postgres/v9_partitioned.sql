-- Schema version 9 (PostgreSQL), frozen: the search table partitioned by rowid range
-- (100,000 rowids a partition, each with its GIN index), the partitions made by the insert
-- trigger as rows need them, and the newest matches read partition by partition
-- (store/schema/search.py describes the same for a new store).
ALTER TABLE article_search RENAME TO article_search_v8;
ALTER INDEX article_search_pkey RENAME TO article_search_v8_pkey;
ALTER INDEX article_search_fts RENAME TO article_search_v8_fts;
CREATE TABLE article_search (
    rowid BIGINT,
    fts TSVECTOR NOT NULL,
    PRIMARY KEY (rowid)
) PARTITION BY RANGE (rowid);
CREATE FUNCTION article_search_part(k BIGINT) RETURNS void LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
DECLARE
    name TEXT := 'article_search_p' || lpad(k::text, 9, '0');
BEGIN
    IF to_regclass(name) IS NULL THEN
        PERFORM pg_advisory_xact_lock(7236706, 2);
        IF to_regclass(name) IS NULL THEN
            EXECUTE format('CREATE TABLE %I (LIKE article_search)', name);
            EXECUTE format('ALTER TABLE article_search ATTACH PARTITION %I '
                'FOR VALUES FROM (%s) TO (%s)', name, k * 100000, (k + 1) * 100000);
        END IF;
    END IF;
END $$;
SELECT article_search_part(k) FROM (SELECT DISTINCT rowid / 100000 AS k FROM article_search_v8) d;
INSERT INTO article_search(rowid, fts) SELECT rowid, fts FROM article_search_v8;
CREATE INDEX article_search_fts ON article_search USING GIN (fts);
DROP TABLE article_search_v8;
CREATE OR REPLACE FUNCTION article_search_add() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM article_search_part(k) FROM (SELECT DISTINCT rowid / 100000 AS k FROM added) d;
    INSERT INTO article_search(rowid, fts)
    SELECT n.rowid, article_search_vector(n.title, n.text) FROM added n;
    RETURN NULL;
END $$;
CREATE FUNCTION article_search_newest(q tsquery, cap INTEGER)
    RETURNS TABLE(rowid BIGINT, score REAL) LANGUAGE plpgsql STABLE
    SET search_path FROM CURRENT SET enable_indexscan = off AS $$
DECLARE
    part TEXT;
    got BIGINT := 0;
    n BIGINT;
BEGIN
    FOR part IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'article_search'::regclass ORDER BY c.relname DESC LOOP
        RETURN QUERY EXECUTE format('SELECT s.rowid, ts_rank_cd(s.fts, $1) FROM %I s '
            'WHERE s.fts @@ $1 ORDER BY s.rowid DESC LIMIT $2', part) USING q, cap - got;
        GET DIAGNOSTICS n = ROW_COUNT;
        got := got + n;
        EXIT WHEN got >= cap;
    END LOOP;
END $$;
