"""Quotes: direct, indirect, mixed, interrupted, nested, unnamed; speakers resolved (real model)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newskb.extract import extract
from newskb.extract.quotes.cues import lexicon
from newskb.extract.quotes.direct import double_regions, doubled_apostrophes, regions
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


def test_double_regions_jump_between_marks_and_line_ends() -> None:
    # double_regions skips from one mark or line end to the next (it once walked every
    # character): guillemets, a quotation split by a line end, one left open at the end
    text = 'He said "we will win" and “they\nwill not” then "open'
    got = [(r.pieces, r.closed) for r in double_regions(text)]
    assert got == [(((9, 20),), True), (((27, 31), (32, 40)), True), (((48, 52),), False)]
    text = "a «b» c\n\n“para one\n\n“para two” end"
    got = [(r.pieces, r.closed) for r in double_regions(text)]
    assert got == [(((3, 4),), True), (((10, 18), (21, 29)), True)]
    assert double_regions("no marks at all\n") == []


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
    # the White House statement she released, read out without quote marks, in two blocks
    for start in ("Today, President Trump and President Putin", "The leaders agreed that"):
        q = quote_with(start)
        assert q.speaker is not None and q.speaker.entity == leavitt
        assert q.speaker.text == "White House spokeswoman Caroline Levitt"
        assert q.cue is not None and q.cue.text == "released"


# --- constructions and span conventions (see the package docstring) --------------------------
def test_content_keeps_a_clause_subject_the_parser_hung_on_the_cue() -> None:
    q = only(run("Some residents believe the old movement in reaction to the arrest helped."))
    assert q.speaker is not None and q.speaker.text == "Some residents"
    assert q.content.text == "the old movement in reaction to the arrest helped"


def test_content_drops_addressee_and_circumstance_keeps_that() -> None:
    q = only(run("The mayor told reporters on Monday that the bridge would reopen in May."))
    assert (q.speaker and q.speaker.text, q.cue and q.cue.text) == ("The mayor", "told")
    assert q.content.text == "that the bridge would reopen in May"


def test_parenthetical_i_think_takes_what_follows() -> None:
    x = run("Had it happened five hours earlier, I think the death toll would have been higher.")
    q = only(x)
    assert q.kind == "indirect" and q.speaker is not None and q.speaker.text == "I"
    assert q.content.text == "the death toll would have been higher"


def test_i_think_counts_without_any_other_parse_trigger() -> None:
    q = only(run("I think people love that old bridge."))
    assert (q.kind, q.speaker and q.speaker.text, q.cue and q.cue.text) == (
        "indirect",
        "I",
        "think",
    )


def test_passive_cue_subject_is_not_the_source() -> None:
    assert run("I was told that my mother had attacked the church.").quotes == ()
    assert run("It was reported that the talks had collapsed overnight.").quotes == ()


def test_second_cue_hung_on_the_first_clause_keeps_the_first_subject() -> None:
    x = run("They claimed Paris was a volunteer and claim she has a vested interest in lying.")
    spans_ok(x)
    claim = next(q for q in x.quotes if q.cue is not None and q.cue.text == "claim")
    assert claim.speaker is not None and claim.speaker.text == "They"
    assert claim.content.text == "she has a vested interest in lying"


def test_mean_needs_a_person() -> None:
    assert run("Public domain means that anyone can copy the recordings.").quotes == ()
    q = only(run("I mean, the obvious question is why the alliance should exist at all."))
    assert q.speaker is not None and q.speaker.text == "I" and q.cue and q.cue.text == "mean"


def test_source_keeps_modifiers_but_not_time_phrases() -> None:
    q = only(run("Senior researcher Mu Li of the University of Sydney said the rate fell sharply."))
    assert q.speaker is not None
    assert q.speaker.text == "Senior researcher Mu Li of the University of Sydney"
    q = only(run("A leaked internal letter seen by Sky News says the forms are due in weeks."))
    assert q.speaker is not None and q.speaker.text == "A leaked internal letter seen by Sky News"
    q = only(run("Posts on the message board for the critics said that the site was down."))
    assert q.speaker is not None and q.speaker.text == "Posts on the message board for the critics"
    q = only(run("Den Scavino at 16:00 Kyiv time reported that the call had started."))
    assert q.speaker is not None and q.speaker.text == "Den Scavino"


def test_according_to_with_apposition_and_in_the_words_of() -> None:
    x = run(
        "According to the team's coach, Ali Mehraban, the robot scored two points.\n"
        'By the end, the case was grim and, in the words of the prosecutor, "the child spent '
        'months crying and scratching."'
    )
    spans_ok(x)
    got = {
        (q.cue.text if q.cue else None, q.speaker.text if q.speaker else None): q for q in x.quotes
    }
    acc = got[("According to", "the team's coach")]
    assert acc.content.text == "the robot scored two points"
    words = got[("in the words of", "the prosecutor")]
    assert words.content.text == "the child spent months crying and scratching."
    assert words.kind in ("direct", "mixed")


def test_colon_introduces_the_next_paragraph() -> None:
    x = run(
        "In a statement, the Church denied these allegations:\n"
        "She was never forced to be there. She was never forced to work in the engine room. "
        "Critics also claimed she was a volunteer.\n"
    )
    spans_ok(x)
    q = next(q for q in x.quotes if q.cue is not None and q.cue.text == "denied")
    assert q.speaker is not None and q.speaker.text == "the Church"
    assert q.content.text == (
        "She was never forced to be there. She was never forced to work in the engine room"
    )


def test_colon_quote_after_a_subordinate_speech_verb() -> None:
    x = run(
        "Sunak defended the record whilst promising an update from the minister: "
        '"We are working as quickly as possible to bring that legislation forward."'
    )
    q = only(x)
    assert q.kind == "direct" and q.speaker is not None and q.speaker.text == "Sunak"
    assert q.cue is not None and q.cue.text == "promising"


def test_nearest_cue_wins_and_it_can_be_a_source() -> None:
    x = run(
        '"Fifteen shells fell near the posts," said KCNA. '
        '"Foolhardy provocation deserves harsh punishment," it added.'
    )
    spans_ok(x)
    by_content = {q.content.text: q for q in x.quotes}
    first = by_content["Fifteen shells fell near the posts"]
    second = by_content["Foolhardy provocation deserves harsh punishment"]
    assert first.speaker is not None and first.speaker.text == "KCNA"
    assert second.speaker is not None and second.speaker.text == "it"
    assert second.cue is not None and second.cue.text == "added"


def test_cue_inside_its_clause_takes_what_follows() -> None:
    q = only(run("We look for what we think will make a good story."))
    assert (q.speaker and q.speaker.text, q.cue and q.cue.text) == ("we", "think")
    assert q.content.text == "will make a good story"


def test_evidence_verb_keeps_a_listed_subject() -> None:
    q = only(
        run("Results of the studies show dicot species, such as soybean and cotton, lose yield.")
    )
    assert q.cue is not None and q.cue.text == "show"
    assert q.content.text == "dicot species, such as soybean and cotton, lose yield"


def test_participle_cue_takes_its_noun_as_source() -> None:
    q = only(run("The ministry released a statement saying that the talks had failed."))
    assert (q.speaker.text if q.speaker else None, q.cue.text if q.cue else None) == (
        "a statement",
        "saying",
    )
    assert q.content.text == "that the talks had failed"


def test_relative_gap_after_third_person_cue_is_no_quote() -> None:
    x = run("Pop art was about what the public really thought was important in those years.")
    assert x.quotes == ()


def test_irregular_past_cue_semicolon_and_postnominal_title() -> None:
    x = run(
        "The researchers found that ozone caused most of the damage; yields fell anyway.\n"
        "Tom Molomby, SC, said the parents had acted in good faith."
    )
    spans_ok(x)
    got = [(q.speaker.text if q.speaker else None, q.content.text) for q in x.quotes]
    assert got == [
        ("The researchers", "that ozone caused most of the damage"),
        ("Tom Molomby, SC", "the parents had acted in good faith"),
    ]


def test_quotation_signed_with_a_dash_takes_the_name() -> None:
    x = run(
        "The video stays online.\n"
        "\"So far, it's the Internet: 1, Scientology: 0. But it's a long game.\" - Matthew Ingram\n"
        'He read the book "War and Peace" - twice.\n'
    )
    spans_ok(x)
    got = [(q.kind, q.speaker.text if q.speaker else None, q.cue) for q in x.quotes]
    assert got == [("direct", "Matthew Ingram", None)]


def test_doubled_apostrophes_become_curly_marks_of_the_same_length() -> None:
    text = "''We need Chapter 9,'' he said. (''Yes'''s not) x''"
    out = doubled_apostrophes(text)
    assert out == "““We need Chapter 9,”” he said. (““Yes””'s not) x””"
    assert len(out) == len(text)


def test_single_quotes_do_not_run_over_a_line_end() -> None:
    text = "'We are fixing it,' he said.\n'Open line\nNot closed,' she said."
    assert [text[r.start : r.end] for r in regions(text)] == ["We are fixing it,"]
