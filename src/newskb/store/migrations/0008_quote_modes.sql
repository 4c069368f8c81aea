-- newskb store, version 8: what a quote attributes (speech | thought | intention | knowledge).
-- NULL for quotes stored before the field existed; an old store gains the column in place.
ALTER TABLE quotes ADD COLUMN mode TEXT;
CREATE INDEX quotes_mode ON quotes(mode);
