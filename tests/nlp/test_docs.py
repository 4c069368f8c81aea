"""The per-doc views extractors share."""

from __future__ import annotations

from newskb import nlp
from newskb.nlp.docs import text_of, token_table


def test_token_table_matches_the_tokens() -> None:
    doc = nlp.parse_many(["Hello  world, it's 3.5\nnew line é à ok"])[0]
    assert text_of(doc) == doc.text
    assert token_table(doc) == ([t.text for t in doc], [t.idx for t in doc])
