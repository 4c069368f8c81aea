-- newskb store, version 9: mentions found by position inside their article, so "which mentions
-- lie inside this quote" reads a range, not every mention of the article (issue 23: the
-- entity page of a 390 KB article took 9 s on that scan, quotes x mentions).
CREATE INDEX mentions_start ON mentions(article_id, start);
