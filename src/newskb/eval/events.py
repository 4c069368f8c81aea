"""Score event coding on expert-coded sentences: PLOVER gold records and PETRARCH2 unit tests.

Each gold record is one sentence. The system's main event of a sentence is the event whose
trigger sits highest in the dependency tree; its PLOVER-coded type (``plover_type``: promised
cooperation is AGREE, threatened force THREATEN, refused cooperation REJECT) is compared with the
gold type (old PLOVER labels DEMAND/DISAPPROVE/INVESTIGATE/FIGHT mapped to the current ones as
the manual says; CAMEO codes through the CAMEO->PLOVER table).

- type accuracy: records with a gold PLOVER type whose main event has one of the gold types;
- actor (recipient) accuracy: records with a gold source (target) where one of the main event's
  actors (recipients) matches one: PLOVER gold by a shared content word with the gold actor text
  (a shared group word such as "forces" alone counts only when the system's name adds no word
  the gold text lacks: "refugees" matches "refugees fleeing ...", "Serb forces" not "Croat forces"),
  PETRARCH2 gold by dictionary code (same 3-letter root actor code);
- no-event precision: of the sentences the system gives no event, the share gold gives none.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from newskb.extract.events import dictionary, lexicon, plover_type
from newskb.extract.events.participants import BODIES, PEOPLE
from newskb.extract.registry import registered
from newskb.model import (
    ActorDictionary,
    Article,
    Event,
    EventScores,
    EventTypeScore,
    Extraction,
)
from newskb.nlp import parse_many

__all__ = ["CORPORA", "evaluate", "load_gold", "main_event", "petrarch_dictionary"]

CORPORA = ("plover", "petrarch2")
STOP = frozenset({"the", "of", "and", "in", "'s", "a", "an", "s", "to", "for", "on", "at"})
GENERIC = BODIES | PEOPLE


@dataclass(frozen=True, slots=True)
class Gold:
    id: str
    text: str
    date: str | None
    types: frozenset[str]
    actors: tuple[str, ...]  # actor texts (plover) or codes (petrarch2)
    recipients: tuple[str, ...]
    no_event: bool


def _texts(v: object) -> tuple[str, ...]:
    if not isinstance(v, list):
        return ()
    return tuple(str(a.get("actorText", "")) for a in v if isinstance(a, dict))


def _date(raw: str | None) -> str | None:
    if raw and re.fullmatch(r"\d{8}", raw):
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return raw if raw and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw) else None


def load_gold(corpora: Path, corpus: str) -> list[Gold]:
    lex = lexicon.load()
    out: list[Gold] = []
    if corpus == "plover":
        path = corpora / "plover" / "plover_gsr_cameo.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            label = lex.current_label(str(r["event"]))
            out.append(
                Gold(r["id"], r["text"], _date(r.get("date")), frozenset({label}),
                     _texts(r.get("source")), _texts(r.get("target")), False)
            )  # fmt: skip
        return out
    if corpus != "petrarch2":
        raise ValueError(f"unknown corpus {corpus!r}; one of {CORPORA}")
    path = corpora / "petrarch2" / "petr2_unittest_records.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        expected = r["expected"]
        if any("error" in e for e in expected):
            continue
        codes = [e for e in expected if "eventcode" in e]
        types = {lex.cameo_to_plover(str(e["eventcode"])) for e in codes}
        dropped = all(str(e["eventcode"])[:2] in ("01", "02") for e in codes)
        out.append(
            Gold(
                r["id"],
                r["text"],
                _date(r.get("date")),
                frozenset(t for t in types if t),
                tuple(str(e["sourcecode"]) for e in codes if e.get("sourcecode")),
                tuple(str(e["targetcode"]) for e in codes if e.get("targetcode")),
                not codes or dropped,
            )
        )
    return out


def petrarch_dictionary(corpora: Path) -> ActorDictionary:
    folder = corpora / "petrarch2"
    return dictionary.load(folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt")


BACKGROUND = frozenset({"acl", "relcl", "advcl", "appos", "npadvmod", "parataxis"})
CLAUSAL = frozenset({"ccomp", "xcomp", "conj", "pcomp"})


def _depth(doc: Doc, ev: Event) -> int:
    """How deep the trigger's clause sits: clause edges count 1, background clauses
    (relative, participial, adverbial) 3; a noun counts from the verb it belongs to."""
    span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 99
    tok, n = span[0], 0
    for _ in range(50):
        if tok.head.i == tok.i:
            break
        if tok.dep_ in BACKGROUND:
            n += 3
        elif tok.dep_ in CLAUSAL or tok.pos_ in ("VERB", "AUX", "ADJ"):
            n += 1
        tok = tok.head
    return n


def main_event(doc: Doc, x: Extraction) -> Event | None:
    """The event whose trigger is highest in the tree (first in the text on a tie)."""
    if not x.events:
        return None
    return min(x.events, key=lambda ev: (_depth(doc, ev), ev.trigger.start))


def _words(text: str) -> set[str]:
    text = re.sub(r"\b([a-z])\.", r"\1", text.lower())  # "U.N." -> "un"
    return {w for w in re.findall(r"[a-z0-9]+", text) if w not in STOP and len(w) > 1}


def _names(x: Extraction, ids: Iterable[str]) -> list[tuple[set[str], set[str]]]:
    """(words of the name and all mentions, capitalised words of the name) per entity."""
    by_id = {e.id: e for e in x.entities}
    out: list[tuple[set[str], set[str]]] = []
    for i in ids:
        e = by_id.get(i)
        if e is not None:
            every = _words(" ".join([e.name, *(m.text for m in e.mentions)]))
            proper = " ".join(w for w in e.name.split() if w[:1].isupper())
            out.append((every, _words(proper)))
    return out


def _generic(word: str) -> bool:
    """A word naming a kind of group or role ("forces", "police", "officials")."""
    stems = {word, word[:-1], word[:-2], word[:-3] + "y", word[:-3] + "man"}
    return bool(stems & GENERIC)


def _same(system: tuple[set[str], set[str]], gold: set[str]) -> bool:
    """A shared word counts when it is specific ("Serbian", "Kifaya"); sharing only a group word
    ("forces") counts when no proper word of the system's name is missing from the gold text
    ("university students" ~ "students throughout Indonesia", "Serb forces" !~ "Croat forces")."""
    every, proper = system
    shared = every & gold
    return any(not _generic(w) for w in shared) or (bool(shared) and proper <= gold)


def _text_match(x: Extraction, ids: Iterable[str], gold: tuple[str, ...]) -> bool:
    gold_words = [_words(g) for g in gold]
    return any(_same(p, g) for p in _names(x, ids) for g in gold_words)


def _code_match(x: Extraction, ids: Iterable[str], gold: tuple[str, ...]) -> bool:
    by_id = {e.id: e for e in x.entities}
    codes = {by_id[i].kb_id for i in ids if i in by_id and by_id[i].kb_id}
    return any(c and g and (c == g or c[:3] == g[:3]) for c in codes for g in gold)


def run_system(
    golds: list[Gold], actors: ActorDictionary | None = None
) -> list[tuple[Doc, Extraction]]:
    steps = registered()
    docs = parse_many([g.text for g in golds])
    out: list[tuple[Doc, Extraction]] = []
    for g, doc in zip(golds, docs, strict=True):
        pub = dt.date.fromisoformat(g.date) if g.date else None
        art = Article(id=g.id, sha256="", path=g.id, text=g.text, published=pub)
        x = steps["entities"](art, doc, Extraction(article=art))
        if actors is not None:
            x = dictionary.add_entities(doc, x, actors)
        x = steps["events"](art, doc, x)
        out.append((doc, x))
    return out


def evaluate(corpora: Path, corpus: str, actors: ActorDictionary | None = None) -> EventScores:
    """Score ``corpus`` (plover | petrarch2); ``actors`` overrides the corpus' dictionary."""
    golds = load_gold(corpora, corpus)
    if corpus == "petrarch2" and actors is None:
        actors = petrarch_dictionary(corpora)
    match = _code_match if corpus == "petrarch2" else _text_match
    typed = correct = a_gold = a_hit = r_gold = r_hit = 0
    none_pred = none_right = 0
    per_gold: Counter[str] = Counter()
    per_hit: Counter[str] = Counter()
    for g, (doc, x) in zip(golds, run_system(golds, actors), strict=True):
        ev = main_event(doc, x)
        if ev is None:
            none_pred += 1
            none_right += g.no_event
        if g.types:
            typed += 1
            label = sorted(g.types)[0]
            per_gold[label] += 1
            if ev is not None and plover_type(ev.type, ev.status) in g.types:
                correct += 1
                per_hit[label] += 1
        if g.actors:
            a_gold += 1
            a_hit += ev is not None and match(x, ev.actors, g.actors)
        if g.recipients:
            r_gold += 1
            r_hit += ev is not None and match(x, ev.recipients, g.recipients)

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    return EventScores(
        corpus=corpus,
        records=len(golds),
        typed=typed,
        type_accuracy=ratio(correct, typed),
        actor_accuracy=ratio(a_hit, a_gold),
        recipient_accuracy=ratio(r_hit, r_gold),
        actor_recipient_accuracy=ratio(a_hit + r_hit, a_gold + r_gold),
        actor_gold=a_gold,
        recipient_gold=r_gold,
        no_event_gold=sum(g.no_event for g in golds),
        no_event_predicted=none_pred,
        no_event_precision=ratio(none_right, none_pred) if none_pred else None,
        per_type=tuple(EventTypeScore(k, per_gold[k], per_hit[k]) for k in sorted(per_gold)),
    )
