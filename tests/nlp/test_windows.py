"""NER on trigger windows must find what NER on the whole text finds."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc
from tests.conftest import need_shared

from newskb import nlp
from newskb.nlp import selective
from newskb.nlp.windows import Triggers, windows

NAMED = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}


def _ents(texts: list[str], ner_windows: bool) -> set[tuple[int, int, int, str]]:
    docs = selective.stage1(texts, nlp.load(), 64, nlp._chunks, ner_windows=ner_windows)
    return {(i, e.start_char, e.end_char, e.label_) for i, d in enumerate(docs) for e in d.ents}


def test_windows_merge_where_they_touch() -> None:
    mask = [False] * 20
    mask[5] = mask[8] = mask[18] = True
    assert windows(mask, reach=2) == [(3, 11), (16, 20)]
    assert windows([False] * 5, reach=3) == []


def test_triggers_are_names_numbers_and_time_words() -> None:
    model = nlp.load()
    doc: Doc = model.make_doc("The talks in Riyadh ended at 16:00 last week, he said. US aid")
    hits = [t.text for t, hit in zip(doc, Triggers(model).mask(doc), strict=True) if hit]
    # a capitalised function word starting a sentence is no name; all-caps "US" may be one
    assert hits == ["Riyadh", "16:00", "week", "US"]


def test_seed_entities_are_the_same_with_and_without_windows(seed_path: Path) -> None:
    from newskb.ingest import read_paths
    from newskb.model import Article

    (art,) = read_paths([seed_path])
    assert isinstance(art, Article)
    assert _ents([art.text], True) == _ents([art.text], False)


def test_article_without_any_trigger_has_no_entities_and_full_iob() -> None:
    docs = selective.stage1(["it was over, they said.\n"], nlp.load(), 64, nlp._chunks)
    assert docs[0].ents == () and docs[0].has_annotation("ENT_IOB")


def test_named_entities_agree_on_real_news(corpora: Path) -> None:
    root = need_shared(corpora / "tempeval3" / "TBAQ-cleaned" / "AQUAINT")
    from newskb.ingest import read_paths
    from newskb.model import Article

    files = sorted(root.glob("*.tml"))[:30]
    texts = [a.text for a in read_paths(files) if isinstance(a, Article)]
    whole = {e for e in _ents(texts, False) if e[3] in NAMED}
    ours = {e for e in _ents(texts, True) if e[3] in NAMED}
    same = len(whole & ours)
    assert len(whole) > 300
    # measured 0.997 precision / 0.994 recall on 120 TimeBank + AQUAINT articles
    assert same / len(ours) >= 0.99 and same / len(whole) >= 0.985
