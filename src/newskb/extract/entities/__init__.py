"""Entities: one ``Entity`` per real-world thing per article, with all its mentions.

spaCy's NER, corrected by our rules (``spans``), grouped by rule-based coreference (``coref``),
with roles and characterisations read next to each name (``roles``), and linked to canonical
names and ids (``newskb.resolve``). Pure: no I/O beyond the package's own data files.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from spacy.tokens import Doc

from newskb.extract.entities import roles as _roles
from newskb.extract.entities.coref import (
    Cluster,
    Sentences,
    add_pronouns,
    add_titles,
    cluster_names,
    merge_linked,
)
from newskb.extract.entities.document import harmonise
from newskb.extract.entities.orgcheck import check_orgs
from newskb.extract.entities.personcheck import check_people, trim_openers
from newskb.extract.entities.spans import LABELS, name_spans
from newskb.extract.registry import extractor
from newskb.model import Article, Entity, Extraction, Mention
from newskb.resolve import geo
from newskb.resolve.keys import norm, tokens
from newskb.resolve.link import link
from newskb.resolve.wikidata import qid_for

__all__ = ["LABELS", "entities_of", "extract_entities"]


def _describe(doc: Doc, sents: Sentences, clusters: list[Cluster]) -> None:
    """Roles, characterisations and gender hints written around each person name."""
    for c in clusters:
        if c.type != "PERSON":
            continue
        for start, end, _text, _kind, last in c.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            s0, s1 = sents.bounds(span.start)
            if span.start > s0:  # "Mrs. Clinton", "spokeswoman Jane Doe": no parse needed
                c.gender = c.gender or _roles.word_gender(doc[span.start - 1].text)
            for d in (_roles.before(doc, span.start, s0), _roles.after(doc, last, s1)):
                if d is None:
                    continue
                c.gender = c.gender or d.gender
                target = c.roles if d.is_role else c.characterisations
                if d.text and d.text not in target:
                    target.append(d.text)


def _link(clusters: list[Cluster]) -> None:
    countries = {
        c.kb.country for c in clusters if c.kb is not None and c.kb.country and c.type == "GPE"
    }
    places = [c for c in clusters if c.type in ("GPE", "LOC", "FAC")]
    for c in places:  # countries first: they help choose among cities of one name
        c.kb = geo.country(c.best)
        if c.kb is not None and c.kb.country:
            countries.add(c.kb.country)
    for c in places:
        if c.kb is None:
            c.kb = link(c.best, c.type, (), countries)
    for c in clusters:
        if c.type in ("GPE", "LOC", "FAC"):
            continue
        if c.type in ("PERSON", "ORG"):
            c.kb = link(c.best, c.type, c.roles, countries)
        if c.kb is not None and c.type == "PERSON" and c.kb.gender:
            c.gender = c.kb.gender
    # the countries of the article's places, each place's own left out ("Florida" linked to a
    # Cuban town is no evidence that the article speaks of Cuba)
    seen = Counter(c.kb.country for c in places if c.kb is not None and c.kb.country)
    is_place = {id(c) for c in places}
    for c in clusters:
        own = c.kb.country if c.kb is not None and id(c) in is_place else None
        context = {k for k, n in seen.items() if n > (k == own)}
        c.qid = qid_for(c.kb, c.best, c.type, context)


def _kind(c: Cluster, text: str, kind: str, full: int) -> str:
    """A person's surname alone, or an acronym, is a ``short`` mention of the full name."""
    if kind not in ("name", "short"):
        return kind
    if c.type == "PERSON":
        return "short" if len(tokens(text)) < full else "name"
    bare = text[4:] if text[:4].lower() == "the " else text
    return "short" if bare.isupper() and full > 1 and len(tokens(bare)) == 1 else "name"


def _entity(i: int, c: Cluster) -> Entity:
    name = c.kb.name if c.kb is not None else c.best
    full = len(tokens(name))
    mentions = tuple(
        Mention(start=s, end=e, text=t, kind=_kind(c, t, k, full))  # type: ignore[arg-type]
        for s, e, t, k, _tok in sorted(c.mentions)
    )
    etype = c.kb.type if c.kb is not None and c.type != "PERSON" else c.type
    if c.type == "ORG" and etype in ("GPE", "LOC") and not c.best.replace(".", "").isupper():
        etype = "ORG"  # a country written as its team or government ("England won 2 - 1")
    seen = {norm(name)}
    aliases: list[str] = []
    for n in c.names:
        if norm(n) not in seen:
            seen.add(norm(n))
            aliases.append(n)
    return Entity(
        id=f"E{i}",
        name=name,
        type=etype,
        mentions=mentions,
        kb_id=c.qid,
        roles=tuple(c.roles),
        characterisations=tuple(c.characterisations),
        aliases=tuple(aliases),
    )


def entities_of(article: Article, doc: Doc) -> tuple[Entity, ...]:
    sents = Sentences(doc)
    clusters = cluster_names(harmonise(doc, trim_openers(name_spans(article, doc))))
    check_people(doc, clusters)
    check_orgs(doc, clusters)
    _describe(doc, sents, clusters)
    _link(clusters)
    clusters = merge_linked(clusters)
    add_titles(doc, sents, clusters)
    add_pronouns(doc, sents, clusters)
    clusters.sort(key=lambda c: min(m[0] for m in c.mentions))
    return tuple(_entity(i, c) for i, c in enumerate(clusters, start=1))


@extractor("entities")
def extract_entities(article: Article, doc: Doc, so_far: Extraction) -> Extraction:
    return dataclasses.replace(so_far, entities=entities_of(article, doc))
