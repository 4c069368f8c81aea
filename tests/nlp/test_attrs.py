"""Our attribute ruler must give exactly what spaCy's gives, token by token."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from tests.conftest import need_shared

from newskb import nlp
from newskb.nlp.attrs import FastAttributeRuler, fast_ruler

TEXTS = [
    # words the exception patterns name: contractions, "gonna", "y'all", "nothin'", "there is"
    "Y'all ain't gonna believe it, but there's nothin' left. Let's go, he said.",
    "There are two reasons. She didn't know that the talks, which were planned, had failed.",
    "The minister has been told, and they do not have to wait; this is what I'm saying.",
    "\n\nKyiv • UNN\n\nThat was all.  It is what it is.\n",
    "",
]


def _upto_parser(model: Language, texts: list[str]) -> list[Doc]:
    docs = list(model.tokenizer.pipe(texts))  # type: ignore[union-attr]
    for name in ("tok2vec", "tagger", "parser"):
        docs = list(model.get_pipe(name).pipe(docs))  # type: ignore[attr-defined]
    return docs


def _same(model: Language, texts: list[str]) -> int:
    stock = model.get_pipe("attribute_ruler")
    ours = fast_ruler(model)
    assert isinstance(ours, FastAttributeRuler)
    docs = _upto_parser(model, texts)
    copies = [d.copy() for d in docs]
    for doc, other in zip(docs, copies, strict=True):
        stock(doc)  # type: ignore[operator]
        ours(other)
        for a, b in zip(doc, other, strict=True):
            assert (a.tag_, a.pos_, str(a.morph), a.lemma_, a.dep_) == (
                b.tag_,
                b.pos_,
                str(b.morph),
                b.lemma_,
                b.dep_,
            ), (a.text, a.i, doc.text[:60])
    return sum(len(d) for d in docs)


def test_exceptions_and_tag_map_match_spacy() -> None:
    assert _same(nlp.load(), TEXTS) > 60


def test_exception_words_are_changed_at_all() -> None:
    """The exceptions really apply (else equality above would prove little): "ai" of "ain't"."""
    model = nlp.load()
    doc = _upto_parser(model, ["We ain't done."])[0]
    fast_ruler(model)(doc)
    assert [t.lemma_ for t in doc if t.lower_ == "ai"] == ["be"]


def test_same_on_real_news(corpora: Path) -> None:
    root = need_shared(corpora / "tempeval3" / "TBAQ-cleaned" / "TimeBank")
    from newskb.ingest import read_paths
    from newskb.model import Article

    files = sorted(root.glob("*.tml"))[:25]
    texts = [a.text for a in read_paths(files) if isinstance(a, Article)]
    assert _same(nlp.load(), texts) > 5000


def test_a_two_word_exception_right_after_another_candidate_is_matched() -> None:
    """Regression: a candidate (the line break) one token before "There" cut the matcher's
    window short, so "There was" missed its two-word exception (was -> VERB)."""
    text = "It rained all day.\nThere was a problem with the roof."
    assert _same(nlp.load(), [text]) > 10
    doc = _upto_parser(nlp.load(), [text])[0]
    fast_ruler(nlp.load())(doc)
    assert [(t.text, t.pos_) for t in doc if t.text == "was"] == [("was", "VERB")]
