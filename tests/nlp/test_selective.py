"""Selective parsing: NER + sentences everywhere, the full parse only where extractors look."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newskb import nlp
from newskb.nlp import prefilter
from newskb.nlp.selective import is_parsed

TEXT = (
    "The weather in Oslo was grey and wet. "
    "Karoline Leavitt said the talks in Geneva went well. "
    "Blue boats drifted past the harbour wall. "
    "Putin and Trump spoke on Tuesday at 16:00 Kyiv time."
)


def sents(doc: Doc) -> list[tuple[str, bool]]:
    return [(s.text.strip(), is_parsed(s)) for s in doc.sents]


def test_only_sentences_with_cues_times_or_triggers_are_parsed() -> None:
    (doc,) = nlp.parse_many([TEXT], mode="selective")
    assert doc.text == TEXT
    assert sents(doc) == [
        ("The weather in Oslo was grey and wet.", False),
        ("Karoline Leavitt said the talks in Geneva went well.", True),
        ("Blue boats drifted past the harbour wall.", False),
        ("Putin and Trump spoke on Tuesday at 16:00 Kyiv time.", True),
    ]
    # NER covers every sentence, parsed or not
    assert {"Oslo", "Karoline Leavitt", "Geneva", "Putin", "Trump"} <= {e.text for e in doc.ents}
    said = next(t for t in doc if t.text == "said")
    assert (said.lemma_, said.pos_, said.tag_, said.dep_) == ("say", "VERB", "VBD", "ROOT")
    assert said.morph.get("Tense") == ["Past"]
    assert said.head == said and next(t for t in doc if t.text == "Leavitt").head == said
    boats = next(t for t in doc if t.text == "boats")
    assert (boats.pos_, boats.dep_, boats.lemma_, boats.head) == ("", "", "boats", boats)


def test_a_parsed_sentence_matches_the_full_pipeline() -> None:
    (doc,) = nlp.parse_many([TEXT], mode="selective")
    part = list(doc.sents)[1]
    full = nlp.load()(part.text.strip())
    mine = [(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i - part.start) for t in part]
    ref = [(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i) for t in full]
    assert mine[: len(ref)] == ref


def test_full_mode_parses_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSKB_PARSE", "full")
    assert nlp.parse_mode() == "full"
    (doc,) = nlp.parse_many([TEXT])
    assert all(is_parsed(s) for s in doc.sents)


def test_declared_lexicons_extend_the_prefilter() -> None:
    text = "The committee will ratchet the fees. Gulls flew over the quiet grey harbour wall."
    assert not any(is_parsed(s) for s in nlp.parse_many([text])[0].sents)
    prefilter.declare("test", lemmas=["ratchet"], labels=())
    try:
        assert "ratcheting" in prefilter.trigger_words()
        assert sents(nlp.parse_many([text])[0]) == [
            ("The committee will ratchet the fees.", True),
            ("Gulls flew over the quiet grey harbour wall.", False),
        ]
    finally:
        prefilter.retract("test")
    assert "ratchet" not in prefilter.trigger_words()


def test_times_alone_and_names_holding_a_cue_word_ask_for_no_parse() -> None:
    text = (
        "The museum reopened on Tuesday at 16:00 after a year.\n"
        "The United States Open was sunny and bright.\n"
        "The ministry said the border would reopen in June."
    )
    assert sents(nlp.parse_many([text])[0]) == [
        ("The museum reopened on Tuesday at 16:00 after a year.", False),
        ("The United States Open was sunny and bright.", False),
        ("The ministry said the border would reopen in June.", True),
    ]


def test_event_declarations_are_gated_on_an_actor(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "A storm will ratchet the fees. Germany will ratchet the fees."
    monkeypatch.setattr(prefilter, "GATED_DECLARATIONS", frozenset({"test"}))
    prefilter.declare("test", lemmas=["ratchet"])
    try:
        parsed = [p for _, p in sents(nlp.parse_many([text])[0])]
    finally:
        prefilter.retract("test")
    assert parsed == [False, True]


def test_inflections_cover_regular_and_irregular_verbs() -> None:
    assert {"says", "said", "saying"} <= prefilter.inflect("say")
    assert {"stopped", "stopping", "stops"} <= prefilter.inflect("stop")
    assert {"agreed", "agreeing", "agrees"} <= prefilter.inflect("agree")
    assert {"denied", "denies"} <= prefilter.inflect("deny")


def test_a_mostly_selected_article_is_parsed_whole() -> None:
    text = (
        "Leavitt said the talks in Geneva with officials from Kyiv went very well indeed. "
        "Putin agreed on Monday to meet them again in Vienna next month. Gulls flew."
    )
    (doc,) = nlp.parse_many([text])
    assert all(is_parsed(s) for s in doc.sents) and len(list(doc.sents)) == 3
    assert [t.dep_ for t in doc[-3:]] == ["nsubj", "ROOT", "punct"]


def test_texts_keep_their_exact_text_long_and_empty() -> None:
    # over the 100k-character chunk size: parsed in pieces joined back into one Doc
    long = "Officials in Oslo said the port reopened.\n" + "Gulls flew over the quay.\n" * 3900
    texts = ["", "   \n", long, "No verbs here at all"]
    docs = nlp.parse_many(texts)
    assert [d.text for d in docs] == texts
    big = list(docs[2].sents)
    assert len(big) >= 3901
    assert is_parsed(big[0]) and not is_parsed(big[-1])
    assert [e.text for e in docs[2].ents][:1] == ["Oslo"]
