"""Entity mention and linking scores on MEANTIME and GUM (names only).

Name level (default, ``spans="name"``), the CoNLL/OntoNotes convention: gold mentions that are
proper names (GUM: headed by a proper noun, or a name apposed to a common-noun head; MEANTIME:
NAM and PRE.NAM) are cut to the name itself, without determiners, titles or descriptions; names
nested in a longer name are dropped. Types: GUM person/organization/place and MEANTIME
PER/ORG/LOC map to PER/ORG/LOC; ours PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; everything
else (GUM object/event/abstract..., MEANTIME PRO/FIN/MIX; our NORP, PRODUCT, EVENT...) is not
scored. ``spans="phrase"`` keeps the corpora's whole noun phrases.

Mentions are scored exact (same offsets) and by overlap (one-to-one greedy), typed (PER, ORG,
LOC: spaCy's GPE, LOC and FAC count as LOC) and untyped. Predictions that overlap a gold name
of a type the corpus does not score (products, events...) are left out rather than counted
wrong. Linking accuracy: share of gold names with a Wikidata id whose overlapping predicted
mention carries that id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newskb.eval.corpora import load_gum, load_meantime
from newskb.eval.metrics import f1
from newskb.model import PRF, Article, EntityScores, GoldDoc

TYPE_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
SCORED = ("PER", "ORG", "LOC")

Pred = tuple[int, int, str, str | None, str]  # start, end, type, wikidata, entity id
PRONOUNS = frozenset(["he", "him", "his", "himself", "she", "her", "hers", "herself"])


def _prf(hit_p: int, hit_g: int, n_pred: int, n_gold: int) -> PRF:
    p = hit_p / n_pred if n_pred else 0.0
    r = hit_g / n_gold if n_gold else 0.0
    return PRF(round(p, 4), round(r, 4), round(f1(p, r), 4), n_gold, n_pred)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match(
    gold: Sequence[tuple[int, int, str]], pred: Sequence[Pred], exact: bool, typed: bool
) -> int:
    used: set[int] = set()
    hits = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i in used or (typed and p[2] != g[2]):
                continue
            if (p[0], p[1]) == (g[0], g[1]) if exact else _overlap((p[0], p[1]), (g[0], g[1])):
                used.add(i)
                hits += 1
                break
    return hits


def predict_ours(docs: Sequence[GoldDoc]) -> list[list[Pred]]:
    """Our extractor's name and pronoun mentions for each gold document's text."""
    from newskb import nlp
    from newskb.extract.entities import entities_of

    parsed = nlp.parse_many([d.text for d in docs])
    out: list[list[Pred]] = []
    for d, doc in zip(docs, parsed, strict=True):
        digest = hashlib.sha256(d.text.encode()).hexdigest()
        art = Article(
            id=digest[:16], sha256=digest, path=d.name, text=d.text, published=d.published
        )
        preds: list[Pred] = []
        for e in entities_of(art, doc):
            t = TYPE_MAP.get(e.type, "other")
            for m in e.mentions:
                if m.kind in ("name", "short"):
                    preds.append((m.start, m.end, t, e.kb_id, e.id))
                elif m.kind == "pronoun":
                    preds.append((m.start, m.end, "pronoun", None, e.id))
        out.append(sorted(preds))
    return out


def predict_spacy(docs: Sequence[GoldDoc]) -> list[list[Pred]]:
    """The baseline: spaCy's own entities, unchanged."""
    from newskb import nlp

    parsed = nlp.parse_many([d.text for d in docs])
    return [
        [(e.start_char, e.end_char, TYPE_MAP.get(e.label_, "other"), None, "") for e in doc.ents]
        for doc in parsed
    ]


def score(corpus: str, docs: Sequence[GoldDoc], preds: Sequence[Sequence[Pred]]) -> EntityScores:
    tot = {k: [0, 0] for k in ("et", "eu", "ot", "ou")}  # hits_pred, hits_gold share one count
    n_gold = n_pred = 0
    linked = correct = pred_linked = 0
    pron_gold = pron_done = pron_right = 0
    for d, ps in zip(docs, preds, strict=True):
        named = [m for m in d.mentions if m.named]
        gold = [(m.start, m.end, m.type) for m in named if m.type in SCORED]
        unscored = [(m.start, m.end) for m in named if m.type not in SCORED]
        kept = [
            p for p in ps if p[2] in SCORED and not any(_overlap((p[0], p[1]), u) for u in unscored)
        ]
        n_gold += len(gold)
        n_pred += len(kept)
        for key, exact, typed in (("et", 1, 1), ("eu", 1, 0), ("ot", 0, 1), ("ou", 0, 0)):
            tot[key][0] += _match(gold, kept, bool(exact), bool(typed))
        for m in named:
            if not m.wikidata or m.type not in SCORED:
                continue
            linked += 1
            over = [p for p in kept if _overlap((p[0], p[1]), (m.start, m.end))]
            if not over:
                continue
            best = max(over, key=lambda p: min(p[1], m.end) - max(p[0], m.start))
            if best[3] is not None:
                pred_linked += 1
                correct += best[3] == m.wikidata
        p_gold, p_done, p_right = _pronouns(d, ps)
        pron_gold += p_gold
        pron_done += p_done
        pron_right += p_right
    prf = {k: _prf(v[0], v[0], n_pred, n_gold) for k, v in tot.items()}
    return EntityScores(
        corpus=corpus,
        docs=len(docs),
        exact_typed=prf["et"],
        exact_untyped=prf["eu"],
        overlap_typed=prf["ot"],
        overlap_untyped=prf["ou"],
        linked_gold=linked,
        link_accuracy=round(correct / linked, 4) if linked else 0.0,
        link_precision=round(correct / pred_linked, 4) if pred_linked else 0.0,
        pronouns_gold=pron_gold,
        pronoun_accuracy=round(pron_right / pron_gold, 4) if pron_gold else 0.0,
        pronoun_precision=round(pron_right / pron_done, 4) if pron_done else 0.0,
    )


def _pronouns(d: GoldDoc, preds: Sequence[Pred]) -> tuple[int, int, int]:
    """(gold he/she pronouns whose chain names a person, ones we resolved, ones resolved right).

    Right = the entity we attached the pronoun to has a name mention overlapping a named
    mention of the pronoun's gold chain."""
    named: dict[str, list[tuple[int, int]]] = {}
    for m in d.mentions:
        if m.named and m.type == "PER" and m.cluster:
            named.setdefault(m.cluster, []).append((m.start, m.end))
    ours = {(p[0], p[1]): p[4] for p in preds if p[2] == "pronoun"}
    names_of: dict[str, list[tuple[int, int]]] = {}
    for p in preds:
        if p[2] != "pronoun":
            names_of.setdefault(p[4], []).append((p[0], p[1]))
    gold = done = right = 0
    for m in d.mentions:
        if m.cluster not in named or d.text[m.start : m.end].lower() not in PRONOUNS:
            continue
        gold += 1
        eid = ours.get((m.start, m.end))
        if eid is None:
            continue
        done += 1
        chain = named[m.cluster] if m.cluster else []
        right += any(_overlap(a, b) for a in names_of.get(eid, []) for b in chain)
    return gold, done, right


def load(
    corpus: str, root: Path | None = None, genre: str | None = None, spans: str = "name"
) -> list[GoldDoc]:
    """Gold documents; ``spans="name"`` cuts named mentions to their proper name (name-level
    NER), ``"phrase"`` keeps the corpus's whole noun phrases."""
    names = spans == "name"
    if corpus == "meantime":
        return list(load_meantime(root, names=names))
    if corpus == "gum":
        return list(load_gum(root, genre, names=names))
    raise ValueError(f"unknown corpus {corpus!r} (meantime, gum)")


def evaluate(
    corpus: str,
    root: Path | None = None,
    genre: str | None = None,
    system: str = "newskb",
    limit: int | None = None,
    spans: str = "name",
) -> EntityScores:
    docs = load(corpus, root, genre, spans)[:limit]
    predict: Callable[[Sequence[GoldDoc]], Iterable[Sequence[Pred]]]
    predict = predict_spacy if system == "spacy" else predict_ours
    return score(corpus, docs, list(predict(docs)))


# --- cross-document resolution on ECB+ (topics 1-35) ---------------------------------------------
_ECB_ENTITY = ("HUMAN_PART", "LOC_", "NON_HUMAN_PART")


@dataclass(frozen=True, slots=True)
class CrossDocScores:
    """Pairwise merge precision/recall over gold-aligned name mentions in different
    documents, and B-cubed over the same mentions."""

    documents: int
    mentions: int
    gold_pairs: int
    predicted_pairs: int
    pair_p: float
    pair_r: float
    pair_f1: float
    bcubed_p: float
    bcubed_r: float
    bcubed_f1: float


def ecb_gold(path: Path) -> tuple[str, list[tuple[int, int, str]]]:
    """The article text (as ``stories.read_text`` writes it) and its entity mentions that
    ECB+ puts in a CROSS_DOC_COREF chain, as (start, end, chain). Markables in no chain are
    left out: the same person is often unlinked in one document and linked in the next, so
    they are not known singletons."""
    from xml.etree import ElementTree as ET

    from newskb.eval.stories import read_text

    root = ET.parse(path).getroot()
    text = read_text(path)
    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    for tok in root.iter("token"):
        form = (tok.text or "").replace("``", '"').replace("''", '"')
        at = text.find(form, pos) if form else -1
        if at >= 0 and at - pos <= 3:  # a dropped URL line leaves its tokens unfound
            offsets[tok.get("t_id", "")] = (at, at + len(form))
            pos = at + len(form)
    chains: dict[str, str] = {}
    for rel in root.iter("CROSS_DOC_COREF"):
        for src in rel.iter("source"):
            chains[src.get("m_id", "")] = rel.get("note", "")
    mentions: list[tuple[int, int, str]] = []
    markables = root.find("Markables")
    for m in markables if markables is not None else ():
        if not m.tag.startswith(_ECB_ENTITY):
            continue
        spans = [
            offsets[a.get("t_id", "")] for a in m.iter("token_anchor") if a.get("t_id") in offsets
        ]
        if not spans:
            continue
        chain = chains.get(m.get("m_id", ""))
        if chain:  # unlinked markables: ECB+ left their identity unannotated, not singletons
            mentions.append((min(s for s, _ in spans), max(e for _, e in spans), chain))
    return text, mentions


def _pairs_across(labels: Sequence[tuple[str, str]]) -> int:
    """Pairs of items sharing a label but lying in different documents ((label, doc) items)."""
    by_label: dict[str, int] = {}
    by_doc: dict[tuple[str, str], int] = {}
    for lab, doc in labels:
        by_label[lab] = by_label.get(lab, 0) + 1
        by_doc[(lab, doc)] = by_doc.get((lab, doc), 0) + 1
    return sum(n * (n - 1) // 2 for n in by_label.values()) - sum(
        n * (n - 1) // 2 for n in by_doc.values()
    )


def crossdoc_scores(items: Sequence[tuple[str, str, str]]) -> CrossDocScores:
    """Scores of (document, predicted cluster, gold chain) items, one per aligned mention.

    ECB+ links mentions across the documents of one sub-topic only (one real event: topic
    number plus ``ecb``/``ecbplus``; George W. Bush is two gold chains in the two events of
    topic 9), so pairs and B-cubed are counted within a sub-topic; resolution itself ran over
    all documents of all topics."""
    from collections import Counter

    from newskb.eval.stories import gold_story

    def story(d: str) -> str:
        return gold_story(Path(d))

    items = [(d, f"{story(d)}|{p}", f"{story(d)}|{g}") for d, p, g in items]

    same = _pairs_across([(f"{p}|{g}", d) for d, p, g in items])
    ppairs = _pairs_across([(p, d) for d, p, _ in items])
    gpairs = _pairs_across([(g, d) for d, _, g in items])
    both = Counter((p, g) for _, p, g in items)
    psize = Counter(p for _, p, _ in items)
    gsize = Counter(g for _, _, g in items)
    n = len(items) or 1
    bp = sum(c * c / psize[p] for (p, _g), c in both.items()) / n
    br = sum(c * c / gsize[g] for (_p, g), c in both.items()) / n
    pp = same / ppairs if ppairs else 1.0
    pr = same / gpairs if gpairs else 1.0
    return CrossDocScores(
        documents=len({d for d, _, _ in items}),
        mentions=len(items),
        gold_pairs=gpairs,
        predicted_pairs=ppairs,
        pair_p=round(pp, 4),
        pair_r=round(pr, 4),
        pair_f1=round(f1(pp, pr), 4),
        bcubed_p=round(bp, 4),
        bcubed_r=round(br, 4),
        bcubed_f1=round(f1(bp, br), 4),
    )


def evaluate_crossdoc(
    root: Path | None = None, topics: Iterable[int] | None = None, limit: int | None = None
) -> CrossDocScores:
    """Run extraction on ECB+ dev documents, resolve their entities across documents with
    ``resolve.crossdoc`` (the canon's rule), and score gold-aligned name mentions."""
    from newskb import nlp
    from newskb.eval.stories import DEFAULT_ROOT, DEV_TOPICS, documents
    from newskb.extract.entities import entities_of
    from newskb.resolve.crossdoc import Resolver

    paths = documents(root or DEFAULT_ROOT, topics or DEV_TOPICS)[:limit]
    golds = [ecb_gold(p) for p in paths]
    parsed = nlp.parse_many([t for t, _ in golds])
    resolver = Resolver()
    aligned: list[tuple[str, str, str]] = []
    for path, (text, gold), doc in zip(paths, golds, parsed, strict=True):
        digest = hashlib.sha256(text.encode()).hexdigest()
        art = Article(id=digest[:16], sha256=digest, path=str(path), text=text)
        ents = entities_of(art, doc)
        clusters = resolver.add(art.id, ents, None)
        spans = [
            (m.start, m.end, e.id)
            for e in ents
            if e.id in clusters
            for m in e.mentions
            if m.kind in ("name", "short")
        ]
        for gs, ge, chain in gold:
            over = [c for s, e, c in spans if _overlap((s, e), (gs, ge))]
            if over:
                aligned.append((path.name, clusters[over[0]], chain))
    return crossdoc_scores([(d, resolver.final(c), g) for d, c, g in aligned])
