"""Quotes: direct, indirect, mixed, interrupted, nested, unnamed; speakers resolved (real model)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newskb.extract import extract
from newskb.extract.quotes.cues import lexicon
from newskb.extract.quotes.direct import regions
from newskb.ingest import read_path
from newskb.model import Article, Extraction, Quote
from newskb.nlp import parse_many


def run(text: str) -> Extraction:
    article = Article(id="t", sha256="t", path="t", text=text)
    return extract(article, parse_many([text])[0])


def names(x: Extraction) -> dict[str, str]:
    return {e.id: e.name for e in x.entities}


def spans_ok(x: Extraction) -> None:
    text = x.article.text
    for q in x.quotes:
        assert text[q.content.start : q.content.end] == q.content.text
        for s, e in q.content.fragments:
            assert q.content.start <= s < e <= q.content.end
        if q.speaker is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text


def only(x: Extraction) -> Quote:
    spans_ok(x)
    assert len(x.quotes) == 1, x.quotes
    return x.quotes[0]


# --- quote marks, no model ------------------------------------------------------------------
def test_regions_straight_curly_and_paragraph_continuation() -> None:
    text = 'He said "go now". “First part.\n“Second part,” she said.'
    found = [(text[r.start : r.end], len(r.pieces)) for r in regions(text)]
    assert found == [("go now", 1), ("First part.\n“Second part,", 2)]


def test_regions_unbalanced_marks_close_at_paragraph_end() -> None:
    text = 'He said "this never ends\nNext paragraph "here'
    found = [text[r.start : r.end] for r in regions(text)]
    assert found == ["this never ends", "here"]
    assert regions('"') == [] and regions("”“") == []


def test_regions_british_single_quotes_but_not_apostrophes() -> None:
    text = "'We are fixing a pipe, not a war,' he said. The players' union didn't agree."
    assert [text[r.start : r.end] for r in regions(text)] == ["We are fixing a pipe, not a war,"]


def test_lexicon_is_built_from_data_with_seed() -> None:
    lex = lexicon()
    assert {"say", "tell", "claim", "stress", "warn"} <= lex.speech
    assert "think" in lex.cognition and "according to" in lex.phrases


# --- extraction -----------------------------------------------------------------------------
def test_sentence_final_cue_direct_quote() -> None:
    x = run('Maria Lopez arrived in Geneva on Monday. "The talks went well," Lopez said.')
    q = only(x)
    assert (q.kind, q.content.text, q.cue and q.cue.text) == (
        "direct",
        "The talks went well",
        "said",
    )
    assert q.speaker is not None and names(x)[q.speaker.entity or ""] == "Maria Lopez"


def test_interrupted_quote_is_one_quote_with_fragments() -> None:
    x = run('"The talks," Maria Lopez said, "went very well indeed."')
    q = only(x)
    assert q.kind == "direct" and len(q.content.fragments) == 2
    text = x.article.text
    assert [text[s:e] for s, e in q.content.fragments] == ["The talks", "went very well indeed."]


def test_second_sentence_quote_is_a_new_quote_of_the_same_speaker() -> None:
    x = run(
        '"This is a narrow deal," Ines Vandermeer told reporters. "Nobody fires near the plant."'
    )
    spans_ok(x)
    assert [(q.kind, q.content.text, q.content.fragments) for q in x.quotes] == [
        ("direct", "This is a narrow deal", ()),
        ("direct", "Nobody fires near the plant.", ()),
    ]
    assert {q.speaker.text for q in x.quotes if q.speaker} == {"Ines Vandermeer"}


def test_quote_across_paragraphs_with_pronoun_speaker() -> None:
    x = run(
        "Maria Lopez spoke to reporters.\n“We will not give up. We will keep pushing.\n"
        "“Nobody should doubt that,” she said."
    )
    q = only(x)
    assert q.kind == "direct" and "\n" in q.content.text and len(q.content.fragments) == 2
    assert q.speaker is not None and q.speaker.text == "she"
    assert names(x)[q.speaker.entity or ""] == "Maria Lopez"


def test_mixed_quote() -> None:
    q = only(run('Maria Lopez said the talks were "a great success for everyone" and would go on.'))
    assert q.kind == "mixed" and '"a great success for everyone"' in q.content.text


def test_nested_quote_gets_its_own_speaker() -> None:
    x = run("\"He told me, 'we will win the war,'\" Maria Lopez said.")
    spans_ok(x)
    by_cue = {q.cue.text: q for q in x.quotes if q.cue is not None}
    assert by_cue["said"].speaker is not None and by_cue["said"].speaker.text == "Maria Lopez"
    assert by_cue["told"].content.text == "we will win the war"
    assert by_cue["told"].speaker is not None and by_cue["told"].speaker.text == "He"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Officials said that the bridge would reopen.",
            "Officials",
            "that the bridge would reopen",
        ),
        (
            "The budget will grow, Finance Minister Anna Berg warned on Tuesday.",
            "Finance Minister Anna Berg",
            "The budget will grow",
        ),
        (
            "John Smith, who said that the plan had failed, resigned.",
            "John Smith",
            "that the plan had failed",
        ),
    ],
)
def test_indirect_speech(text: str, speaker: str, content: str) -> None:
    q = only(run(text))
    assert q.kind == "indirect" and q.content.text == content
    assert q.speaker is not None and q.speaker.text == speaker


def test_unbalanced_marks_and_no_quotes_do_not_crash() -> None:
    x = run('He said "this never ends and it goes on\n" and then " again')
    spans_ok(x)
    assert run("The river rose overnight.").quotes == ()


def test_garbled_input_never_breaks_spans() -> None:
    rng = random.Random(7)
    pieces = ['"', "“", "”", "'", "‘", "’", "«", "»", " said ", ", she said.", " according to "]
    pieces += ["\n", "\n\n", " the minister ", "that ", "We will win", ". ", ",", "Путин заявил"]
    texts = ["", " ", '"', "according to ,", '" said "']
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))) for _ in range(60)]
    for text, doc in zip(texts, parse_many(texts), strict=True):
        x = extract(Article(id="t", sha256="t", path="t", text=text), doc)
        spans_ok(x)
        for q in x.quotes:
            assert q.content.start < q.content.end
            assert q.speaker is None or q.speaker.text.strip()


def test_seed_reported_statements(seed_path: Path) -> None:
    article = next(read_path(str(seed_path)))
    assert isinstance(article, Article)
    x = extract(article, parse_many([article.text])[0])
    spans_ok(x)
    ents = names(x)
    found = [q.content.text[:30] for q in x.quotes]

    def quote_with(start: str) -> Quote:
        hits = [q for q in x.quotes if q.content.text.startswith(start)]
        assert hits, f"no quote starting {start!r}; got {list(found)}"
        return hits[0]

    leavitt = next(e.id for e in x.entities if "Leavitt" in e.name or "Levitt" in e.name)
    for start, said in [
        ("that it was about achieving peace", "She"),
        ("that this war of Russia against Ukraine", "She"),
        ("that both leaders spoke", "She"),
        ("Trump and Putin agreed", "her"),
    ]:
        q = quote_with(start)
        assert q.kind == "indirect" and q.speaker is not None
        assert (q.speaker.text, q.speaker.entity) == (said, leavitt)
    scavino = quote_with("that President Trump is currently in the Oval Office")
    assert scavino.speaker is not None and scavino.speaker.text.endswith("Den Scavino")
    assert "Scavino" in ents[scavino.speaker.entity or ""]
    nbc = quote_with("that the conversation was over")
    assert nbc.speaker is not None and ents[nbc.speaker.entity or ""] == "NBC News"
    russian = quote_with("the conversation between Donald Trump and Vladimir Putin")
    assert russian.speaker is not None and russian.speaker.text == "a Russian source"
    assert russian.speaker.entity is None and russian.cue is not None
    assert all(q.kind == "indirect" for q in x.quotes)
    assert not any(q.speaker and q.speaker.text == "UNN" for q in x.quotes)
