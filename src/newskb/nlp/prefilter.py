"""Which sentences need a full parse: a cheap word test run on NER + sentence-split tokens.

The selective parser (``newskb.nlp.selective``) tags, lemmatises and dependency-parses only the
sentences for which :func:`needs_parse` is true. A sentence qualifies when one of its tokens
(lower-cased surface form, outside any entity name) is a quote cue, when it holds a quote mark,
when it has an event trigger *and* a participant (an actor entity: PERSON, ORG,
GPE, NORP; or a pronoun or role noun), or when it contains one of the entity labels an
extractor asked for. Time words alone ask for no parse (``PARSE_FOR_TIMES``): the times
extractor reads tense where a parse exists and falls back to none elsewhere.
The lexicons are ours plus the ones the extractors ship (``CUE_LEXICON``,
``GATED_LEXICONS`` below).

Extractors declare what they need at import time, from their own lexicons::

    from newskb.nlp.prefilter import declare
    declare("quotes", lemmas=CUE_VERBS, words=("according",), marks=("“", "”"))

``lemmas`` are expanded to their inflected forms (say -> says, said, saying ...) because the
test runs before any lemmatiser. Declarations add to the built-in fallback lists below, so a
sentence parsed before still is. The word sets are built once per process (a declaration resets
them); nothing is compiled per article.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Span


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# --- built-in fallback lexicons (ours; small on purpose) ---------------------------------------
CUE_LEMMAS = _words(
    "say tell add note state stress warn report announce claim confirm deny insist explain "
    "write argue accuse urge declare reply respond suggest acknowledge admit assert believe "
    "comment emphasise emphasize indicate mention predict promise reveal quote recall "
    "complain estimate describe ask answer underline tweet post"
)
CUE_WORDS = ("according", "statement", "spokesman", "spokeswoman", "spokesperson", "quoted")
EVENT_LEMMAS = _words(
    "meet visit talk discuss negotiate agree sign ratify reject attack bomb shell kill wound "
    "invade seize capture arrest detain convict deport expel raid protest sanction threaten "
    "demand condemn accuse deploy withdraw launch explode elect resign appoint sue "
    "investigate suspend halt violate breach"
)
EVENT_WORDS = _words(
    "ceasefire truce talks summit agreement deal treaty accord negotiations phone call"
)
TIME_WORDS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday today tonight yesterday tomorrow ago a.m. p.m. o'clock gmt utc "
    "est edt cet cest bst msk"
)
QUOTE_MARKS = ('"', "“", "”", "„", "«", "»", "‘", "’", "‹", "›")
_NUMERIC = re.compile(r"^(?:1[5-9]\d\d|20\d\d|\d{1,2}[:.]\d\d|\d{1,2}(?:am|pm)|'\d\d)s?$")
_IRREGULAR = {
    "say": ("said",),
    "tell": ("told",),
    "find": ("found",),
    "feel": ("felt",),
    "hear": ("heard",),
    "show": ("shown",),
    "mean": ("meant",),
    "learn": ("learnt",),
    "write": ("wrote", "written"),
    "meet": ("met",),
    "fight": ("fought",),
    "seize": (),
    "shoot": ("shot",),
    "begin": ("began", "begun"),
    "break": ("broke", "broken"),
    "send": ("sent",),
    "strike": ("struck", "stricken"),
    "give": ("gave", "given"),
    "hold": ("held",),
    "take": ("took", "taken"),
    "speak": ("spoke", "spoken"),
    "leave": ("left",),
    "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"),
    "sell": ("sold",),
    "buy": ("bought",),
    "win": ("won",),
    "lose": ("lost",),
    "bring": ("brought",),
    "think": ("thought",),
    "know": ("knew", "known"),
    "see": ("saw", "seen"),
    "go": ("went", "gone"),
    "come": ("came",),
    "run": ("ran",),
    "keep": ("kept",),
    "lead": ("led",),
    "fall": ("fell", "fallen"),
    "rise": ("rose", "risen"),
    "drive": ("drove", "driven"),
    "draw": ("drew", "drawn"),
    "withdraw": ("withdrew", "withdrawn"),
    "undertake": ("undertook", "undertaken"),
    "swear": ("swore", "sworn"),
    "flee": ("fled",),
    "hit": (),
    "put": (),
    "set": (),
    "quit": (),
    "cut": (),
}


def inflect(lemma: str) -> set[str]:
    """The lower-cased forms of an English verb or noun lemma (over-generating is harmless)."""
    w = lemma.lower().strip()
    if not w:
        return set()
    if " " in w:  # a phrase: its first word decides (e.g. "according to")
        return inflect(w.split()[0]) if not w.split()[0].isalpha() else {w.split()[0]}
    forms = {w, *_IRREGULAR.get(w, ())}
    if w.endswith("e"):
        forms |= {w + "s", w + "d", w[:-1] + "ing", w + "ing", w + "r", w + "rs"}
    elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {w + "es", w + "ed", w + "ing"}
    else:
        forms |= {w + "s", w + "ed", w + "ing", w + "er", w + "ers"}
        if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms


@dataclass(frozen=True, slots=True)
class Needs:
    """What one extractor needs a parse for."""

    words: frozenset[str]
    marks: frozenset[str]
    labels: frozenset[str]
    verb_forms: frozenset[str] = frozenset()  # forms of lemmas that are triggers only as verbs


_DECLARED: dict[str, Needs] = {}


def declare(
    name: str,
    *,
    lemmas: Iterable[str] = (),
    words: Iterable[str] = (),
    marks: Iterable[str] = (),
    labels: Iterable[str] = (),
    verbs_only: Iterable[str] = (),
) -> None:
    """Ask for a full parse of every sentence holding one of these (called at import time).

    ``lemmas`` are inflected, ``words`` are taken as they are (lower-cased), ``marks`` are
    characters looked for in the sentence text, ``labels`` are NER labels (``PERSON``...).
    ``verbs_only`` names the ``lemmas`` that are triggers only as verbs ("share", not "shares"
    of a company): their forms ask for nothing right after a determiner or a number.
    A second declaration under the same ``name`` replaces the first.
    """
    forms: set[str] = set()
    for lemma in lemmas:
        forms |= inflect(lemma)
    forms |= {w.lower().strip() for w in words if w.strip()}
    verb_forms: set[str] = set()
    for lemma in verbs_only:
        verb_forms |= inflect(lemma)
    _DECLARED[name] = Needs(
        frozenset(forms), frozenset(marks), frozenset(labels), frozenset(verb_forms & forms)
    )
    _tables.cache_clear()


def retract(name: str) -> None:
    """Drop the declaration made under ``name`` (tests use it)."""
    if _DECLARED.pop(name, None) is not None:
        _tables.cache_clear()


def declared() -> dict[str, Needs]:
    return dict(_DECLARED)


# The other stages' shipped lexicons (first column of each TSV: a lemma or word). Read once per
# process when present; a missing or unreadable file just leaves the built-in lists. Quote cues
# always ask for a parse; event triggers and titles only in a sentence that names an actor
# (an entity labelled as in ACTOR_LABELS), since an event needs someone to attach to. Light and
# intent verbs ("hold", "plan": third column) make no event without an event word, which asks
# for the parse by itself. Title words need no parse (roles and coreference read the tokens).
CUE_LEXICON = "extract/quotes/data/cues.tsv"
GATED_LEXICONS = ("extract/events/data/lemmas.tsv",)
NOT_ON_THEIR_OWN = frozenset({"light", "intent"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Besides a named actor, these stand for a participant: personal pronouns and the role words
# of the titles lexicon ("the leaders agreed", "they signed").
ACTOR_LEXICON = "extract/entities/data/titles.tsv"
ACTOR_PRONOUNS = _words("i we you he she they it")
# Declarations whose words are gated like the event lexicon (an event needs someone to attach
# to), rather than asking for a parse wherever they occur.
GATED_DECLARATIONS = frozenset({"events"})
# Words before which a verb-only trigger form is a noun ("the shares", "its report"); only
# words that cannot stand as a subject themselves ("This gives him ..." is a verb).
NOUN_BEFORE = _words(
    "the a an its their his her our your my of per no every whose 's million billion thousand "
    "hundred %"
)
# Time expressions need no parse: the times extractor reads the tense from a parsed sentence
# when there is one and falls back to "no tense" otherwise. Set True to parse every sentence
# holding a time word or a year/clock-like number again.
PARSE_FOR_TIMES = False


def shipped_lemmas(*rels: str, skip_kinds: frozenset[str] = frozenset()) -> set[str]:
    """First-column entries of the extractors' TSV lexicons (``call_for`` -> ``call``), less
    the rows whose third column is one of ``skip_kinds``."""
    out: set[str] = set()
    root = resources.files("newskb")
    for rel in rels:
        try:
            text = root.joinpath(rel).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) > 2 and cols[2].strip() in skip_kinds:
                continue
            head = line.split("\t", 1)[0].strip().lower().replace("_", " ")
            if head:
                out.add(head.split()[0])
    return out


@dataclass(frozen=True, slots=True)
class Tables:
    always: frozenset[str]  # any of these: parse
    gated: frozenset[str]  # any of these and an actor entity in the sentence: parse
    marks: tuple[str, ...]
    labels: frozenset[str]
    actors: frozenset[str]  # words that stand for a participant (pronouns, role nouns)
    verb_only: frozenset[str]  # forms that ask for nothing after a determiner or number


@functools.lru_cache(maxsize=1)
def _tables() -> Tables:
    always: set[str] = set(CUE_WORDS) | (set(TIME_WORDS) if PARSE_FOR_TIMES else set())
    for lemma in (*CUE_LEMMAS, *shipped_lemmas(CUE_LEXICON)):
        always |= inflect(lemma)
    gated: set[str] = set(EVENT_WORDS)
    for lemma in (*EVENT_LEMMAS, *shipped_lemmas(*GATED_LEXICONS, skip_kinds=NOT_ON_THEIR_OWN)):
        gated |= inflect(lemma)
    marks: set[str] = set(QUOTE_MARKS)
    labels: set[str] = set()
    verb_only: set[str] = set()
    for need in _DECLARED.values():
        verb_only |= need.verb_forms
    for need in _DECLARED.values():  # a form some lemma has as a noun stays a trigger
        verb_only -= need.words - need.verb_forms
    for name, need in _DECLARED.items():
        if name in GATED_DECLARATIONS:
            gated |= need.words
        else:
            always |= need.words
        marks |= need.marks
        labels |= need.labels
    actors: set[str] = set(ACTOR_PRONOUNS)
    for lemma in shipped_lemmas(ACTOR_LEXICON):
        actors |= inflect(lemma)
    return Tables(
        frozenset(always),
        frozenset(gated - always),
        tuple(sorted(marks)),
        frozenset(labels),
        frozenset(actors),
        frozenset(verb_only - set(CUE_WORDS) - set(EVENT_WORDS)),
    )


def trigger_words() -> frozenset[str]:
    """Every lower-cased word that can make a sentence need a parse (built-ins + declarations)."""
    t = _tables()
    return t.always | t.gated


def needs_parse(sent: Span) -> bool:
    """True when ``sent`` (tokenised, NER'd, not yet parsed) needs the full parse."""
    t = _tables()
    gated: set[int] = set()  # tokens that are an event trigger or a title
    actor: set[int] = set()  # tokens that stand for a participant
    prev = ""
    for tok in sent:
        if tok.ent_type:  # a word inside a name ("United States", "Reporters ...") is no cue
            prev = ""
            continue
        low = tok.lower_
        after_det, prev = prev in NOUN_BEFORE or (prev[:1].isdigit()), low
        if after_det and low in t.verb_only:  # "its shares", "3,000 shares": a noun here
            continue
        if low in t.always:
            return True
        if PARSE_FOR_TIMES and (low[:1].isdigit() or low[:1] == "'") and _NUMERIC.match(low):
            return True
        if low in t.gated:
            gated.add(tok.i)
        if low in t.actors:
            actor.add(tok.i)
    text = sent.text
    if any(m in text for m in t.marks):
        return True
    if gated and actor and len(gated | actor) > 1:  # "the leaders agreed", "they signed"
        return True
    labels = entity_labels(sent)
    if gated and labels & ACTOR_LABELS:
        return True
    return bool(t.labels & labels)


def entity_labels(sent: Span) -> set[str]:
    """The labels of the entities wholly inside ``sent``: what ``{e.label_ for e in
    sent.ents}`` gives, read from the sentence's own tokens (``Span.ents`` walks every entity
    of the whole doc, once per sentence: quadratic in the article's length)."""
    labels: set[str] = set()
    label = ""  # the entity open at this token, begun inside the sentence
    for tok in sent:
        iob = tok.ent_iob  # 3 begin, 1 inside, 2 outside, 0 unset
        if iob == 1:
            continue
        if label:
            labels.add(label)
        label = tok.ent_type_ if iob == 3 else ""
    if label:
        doc = sent.doc
        if sent.end >= len(doc) or doc[sent.end].ent_iob != 1:
            labels.add(label)
    return labels
