"""Rule-based coreference inside one article: names, short names, titles and pronouns.

Names are grouped first (a surname alone joins the full name that shares it; spelling variants
of one surname join; acronyms join their expansion). Title mentions ("the president") and
pronouns (she, his, they) then attach to the most salient compatible entity before them: the
one mentioned most recently, preferring sentence subjects, never of the wrong gender.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

from spacy.tokens import Doc

from newskb.extract.entities.roles import ROLE_HEADS
from newskb.extract.entities.spans import NameSpan
from newskb.model import EntityType, KbEntry
from newskb.resolve.keys import initials, norm, person_tokens, phonetic, similarity, tokens

PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
WINDOW = 6  # sentences a pronoun or title may look back
MARGIN = 0.15  # how much more salient the chosen entity must be than the next one


@dataclass
class Cluster:
    type: EntityType
    mentions: list[tuple[int, int, str, str, int]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    characterisations: list[str] = field(default_factory=list)
    gender: str | None = None
    kb: KbEntry | None = None
    either: bool = False  # a surname alone that two people named before could be
    qid: str | None = None  # the Wikidata id (the entry's, or from resolve.wikidata)

    @property
    def names(self) -> list[str]:
        return [m[2] for m in self.mentions if m[3] in ("name", "short")]

    @property
    def best(self) -> str:
        return max(self.names, key=lambda n: (len(tokens(n)), len(n)), default="")


class Sentences:
    """Token index -> sentence number (one sentence when the doc has no boundaries)."""

    def __init__(self, doc: Doc) -> None:
        try:
            self.starts = [s.start for s in doc.sents]
            self.ends = [s.end for s in doc.sents]
        except ValueError:
            self.starts, self.ends = [0], [len(doc)]

    def of(self, tok: int) -> int:
        return max(bisect.bisect_right(self.starts, tok) - 1, 0)

    def bounds(self, tok: int) -> tuple[int, int]:
        i = self.of(tok)
        return self.starts[i], self.ends[i]


def _same_person(a: str, c: Cluster) -> str | None:
    """How name ``a`` joins person cluster ``c``: "name", "short" or None."""
    ta = person_tokens(a)
    if not ta:
        return None
    for b in dict.fromkeys(c.names):  # each name once: a name said 3,000 times is one name
        tb = person_tokens(b)
        if ta == tb:
            return "name"
        if len(ta) == 1 and len(tb) > 1 and ta[0] in (tb[-1], tb[0]):
            return "short"
        if (
            len(ta) == 1
            and len(tb) > 1
            and phonetic(ta[0]) == phonetic(tb[-1])
            and ta[0][0] == tb[-1][0]
        ):
            return "short"
        if len(ta) > 1 and len(tb) == 1 and tb[0] == ta[-1]:
            return "name"
        same_sound = len(ta) > 1 and len(tb) > 1 and phonetic(ta[-1]) == phonetic(tb[-1])
        if same_sound and (ta[0] == tb[0] or similarity(a, b) >= 0.85):
            return "name"
    return None


def _same_thing(a: str, etype: str, c: Cluster) -> str | None:
    key = norm(a)
    for b in dict.fromkeys(c.names):
        if norm(b) == key:
            return "name"
        if a.isupper() and len(a) >= 2 and initials(b) == key and len(tokens(b)) > 1:
            return "short"
        if b.isupper() and len(b) >= 2 and initials(a) == norm(b) and len(tokens(a)) > 1:
            return "name"
    return None


def _holder(s: NameSpan, clusters: list[Cluster]) -> Cluster | None:
    """The person cluster already holding ``s``'s full name: the name goes there before any
    cluster it would join by surname ("John Jenkin" again after "Jenkin" was said of his sister
    Katie Jenkin is John)."""
    words = person_tokens(s.text) if s.type == "PERSON" else []
    if len(words) < 2:
        return None
    for c in reversed(clusters):
        if c.type == "PERSON" and any(person_tokens(b) == words for b in dict.fromkeys(c.names)):
            return c
    return None


def _two_people_of(s: NameSpan, clusters: list[Cluster]) -> bool:
    """Whether a surname alone could be either of two people named in full before it, under
    different given names (his sister Katie Jenkin and John Jenkin)."""
    words = person_tokens(s.text) if s.type == "PERSON" else []
    if len(words) != 1:
        return False
    given: set[str] = set()
    for c in clusters:
        if c.type != "PERSON":
            continue
        for b in dict.fromkeys(c.names):
            tb = person_tokens(b)
            if len(tb) > 1 and tb[-1] == words[0] and len(tb[0]) > 1:
                given.add(tb[0])
                break
    return len(given) > 1


def cluster_names(spans: list[NameSpan]) -> list[Cluster]:
    clusters: list[Cluster] = []
    for s in spans:
        kind: str | None = None
        target = _holder(s, clusters)
        if target is not None:
            kind = "name"
        for c in reversed(clusters if target is None else []):
            if s.type == "PERSON" and c.type == "PERSON":
                kind = None if c.either else _same_person(s.text, c)
            elif s.type != "PERSON" and c.type != "PERSON" and c.type == s.type:
                kind = _same_thing(s.text, s.type, c)
            if kind:
                target = c
                break
        either = kind == "short" and _two_people_of(s, clusters)
        if either:
            target = None  # "Jenkin" beside John and Katie Jenkin: no guess at which
        if target is None or kind is None:
            target, kind = Cluster(type=s.type, either=either), "name"
            clusters.append(target)
        target.mentions.append((s.start, s.end, s.text, kind, s.tok))
    return clusters


def merge_linked(clusters: list[Cluster]) -> list[Cluster]:
    """Clusters linked to one gazetteer entry, or left with one name and type, become one."""
    by_id: dict[str, Cluster] = {}
    out: list[Cluster] = []
    for c in clusters:
        key = c.kb.id if c.kb is not None else f"{c.type}:{norm(c.best)}"
        have = by_id.get(key)
        if have is None:
            by_id[key] = c
            out.append(c)
            continue
        have.mentions.extend(c.mentions)
        have.roles.extend(r for r in c.roles if r not in have.roles)
        have.characterisations.extend(
            r for r in c.characterisations if r not in have.characterisations
        )
        have.gender = have.gender or c.gender
        have.qid = have.qid or c.qid
    for c in out:
        c.mentions.sort()
    return out


def _salience(doc: Doc, sents: Sentences, c: Cluster, tok: int, sent: int) -> float | None:
    """How salient ``c`` is at token ``tok``: None when it has no mention in the window."""
    before = [m for m in c.mentions if m[4] < tok]
    if not before:
        return None
    last = before[-1][4]
    dist = sent - sents.of(last)
    if dist > WINDOW:
        return None
    has_dep = doc.has_annotation("DEP")
    subj = has_dep and doc[last].dep_ in ("nsubj", "nsubjpass")
    return -float(dist) + (0.8 if subj else 0.0) + 0.4 * math.log(len(before)) + 1e-3 * last


def _resolve_at(
    doc: Doc, sents: Sentences, clusters: list[Cluster], tok: int, want: str | None, kinds: set[str]
) -> Cluster | None:
    sent = sents.of(tok)
    scored: list[tuple[float, int, Cluster]] = []
    for c in clusters:
        if c.type not in kinds:
            continue
        if want is not None and c.gender is not None and c.gender != want:
            continue
        score = _salience(doc, sents, c, tok, sent)
        if score is None:
            continue
        if want is not None and c.gender == want:
            score += 0.5
        scored.append((score, id(c), c))
    if not scored:
        return None
    scored.sort(key=lambda x: -x[0])
    if len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN:
        return None  # too close to call: better no link than a wrong speaker
    return scored[0][2]


def _in_name(tok: int, clusters: list[Cluster], doc: Doc) -> bool:
    t = doc[tok]
    return any(m[0] <= t.idx < m[1] for c in clusters for m in c.mentions)


def add_pronouns(doc: Doc, sents: Sentences, clusters: list[Cluster]) -> None:
    """Attach he/she/they-type pronouns to the most salient compatible entity before them."""
    for t in doc:
        low = t.lower_
        if t.pos_ != "PRON" and low not in PRONOUN_GENDER:
            continue
        if low in PRONOUN_GENDER:
            c = _resolve_at(doc, sents, clusters, t.i, PRONOUN_GENDER[low], {"PERSON"})
        elif low in PLURAL:
            c = _plural(doc, sents, clusters, t.i)
        else:
            continue
        if c is not None:
            if low in PRONOUN_GENDER and c.gender is None:
                c.gender = PRONOUN_GENDER[low]  # what the text says about them from now on
            c.mentions.append((t.idx, t.idx + len(t.text), t.text, "pronoun", t.i))
            c.mentions.sort(key=lambda m: m[4])


def _plural(doc: Doc, sents: Sentences, clusters: list[Cluster], tok: int) -> Cluster | None:
    """``they`` -> an organisation, unless several people were just named (a group of them)."""
    sent = sents.of(tok)
    lo = sents.starts[max(sent - 1, 0)]
    people = {id(c) for c in clusters if c.type == "PERSON" for m in c.mentions if lo <= m[4] < tok}
    if len(people) >= 2:
        return None
    c = _resolve_at(doc, sents, clusters, tok, None, {"ORG", "PERSON"})
    if (
        c is None
        or c.type != "ORG"
        or sent - sents.of(max(m[4] for m in c.mentions if m[4] < tok)) > 1
    ):
        return None
    return c


def add_titles(doc: Doc, sents: Sentences, clusters: list[Cluster]) -> None:
    """``the president`` / ``the spokeswoman`` -> the person last named with that role."""
    for t in doc:
        if t.i == 0 or t.tag_ not in ("NN", "NNP") or t.lower_ not in ROLE_HEADS:
            continue
        det = doc[t.i - 1]
        if det.lower_ != "the" or _in_name(t.i, clusters, doc):
            continue
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and (nxt.pos_ == "PROPN" or nxt.lower_ == "of"):
            continue
        word = t.lower_
        holders = [
            c
            for c in clusters
            if c.type == "PERSON"
            and any(
                word in tokens(r) for r in (*c.roles, *(c.kb.roles if c.kb is not None else ()))
            )
        ]
        c = _resolve_at(doc, sents, holders, t.i, None, {"PERSON"})
        if c is not None:
            c.mentions.append(
                (
                    det.idx,
                    t.idx + len(t.text),
                    doc[det.i : t.i + 1].text,
                    "title",
                    t.i,
                )
            )
            c.mentions.sort(key=lambda m: m[4])
