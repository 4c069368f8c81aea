"""Entities from spaCy NER: one ``Entity`` per distinct name and type, with all its mentions."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from newskb.extract.registry import extractor
from newskb.model import Article, Entity, EntityType, Extraction, Mention

LABELS: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "EVENT": "EVENT",
    "FAC": "FAC",
    "LAW": "LAW",
    "PRODUCT": "PRODUCT",
    "WORK_OF_ART": "WORK_OF_ART",
}


@extractor("entities")
def extract_entities(article: Article, doc: Doc, so_far: Extraction) -> Extraction:
    groups: dict[tuple[str, EntityType], list[Mention]] = {}
    for ent in doc.ents:
        etype = LABELS.get(ent.label_)
        if etype is None:
            continue
        name = ent.text.strip()
        if not name:
            continue
        start = ent.start_char + (len(ent.text) - len(ent.text.lstrip()))
        end = start + len(name)
        groups.setdefault((name, etype), []).append(Mention(start=start, end=end, text=name))
    entities = tuple(
        Entity(id=f"E{i}", name=name, type=etype, mentions=tuple(ms))
        for i, ((name, etype), ms) in enumerate(groups.items(), start=1)
    )
    return dataclasses.replace(so_far, entities=entities)
