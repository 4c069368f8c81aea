"""Tense of the clause a time expression sits in, from spaCy's tags and dependencies.

-1: past ("met on Tuesday"), +1: future ("will meet on Tuesday", "is to meet", "plans to"),
2 (``SCHEDULED``): simple present ("takes effect on Tuesday"), 0: unknown. Used to read
"Tuesday" or "in March" as the last or the next one. Sentences the selective parser left
unparsed get their tense from their words (``tense_of_words``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from newskb.nlp.docs import token_table

SCHEDULED = 2  # simple present: ahead for a weekday ("takes effect Thursday"), not for a month
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "gon"})
_FUTURE_NOUNS = frozenset(
    {
        "agreement",
        "plan",
        "proposal",
        "offer",
        "bid",
        "deal",
        "pact",
        "intention",
        "commitment",
        "promise",
        "pledge",
        "option",
        "contract",
        "accord",
        "bill",
        "attempt",
        "effort",
        "decision",
    }
)
_FUTURE_HEADS = frozenset({"plan", "schedule", "expect", "due", "set", "intend", "aim", "hope"})


def _verb_of(tok: Token) -> Token:
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT" or t.head is t:
            return t
        t = t.head
    return t


_REPORTING = frozenset({"say", "tell", "report", "announce", "add", "note", "state", "be", "have"})


def _tense(verb: Token, depth: int = 0) -> int:
    children = list(verb.children)
    for c in children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX:
            return 1
    if verb.lower_ in _FUTURE_AUX or (
        verb.lemma_ in ("schedule", "plan", "due", "set", "slate", "expect")
        and not _past_form(verb, children)
    ):
        return 1  # "is scheduled for Tuesday", not "planned to pay on Friday"
    if verb.tag_ in ("VB", "VBG") and any(
        c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "would") for c in children
    ):
        return 1  # "could come Tuesday", "would be traveling Thursday"
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in children):
        return (
            _infinitive(verb, depth) if depth < 3 else 0
        )  # "plans to leave Tuesday", but "staged rallies to mark Friday"
    if verb.tag_ == "VBG" and any(c.lower_ in ("is", "are", "'s", "'re") for c in children):
        return 1  # "is meeting on Tuesday"
    head = verb.head
    # "is going to meet", "plans to meet", "is to meet", "is scheduled to meet"
    if verb.dep_ == "xcomp" and head is not verb:
        if head.lemma_ in _FUTURE_HEADS or head.lower_ in ("going", "is", "are"):
            return 1
        inner = _tense(head, depth + 1) if head.dep_ != "xcomp" and depth < 3 else 0
        if inner:
            return inner
    if verb.tag_ in ("VBD",):
        return -1
    for c in children:
        if c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" and c.lower_ not in ("would", "could"):
            return -1
        if c.dep_ == "aux" and c.lemma_ == "have" and verb.tag_ == "VBN":
            return -1
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        # "a ruling expected by June" looks ahead; "the record set on Aug. 6" is past
        return 1 if verb.lemma_ in ("expect", "slate") else -1
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in _REPORTING:
        return SCHEDULED  # "the truce takes effect on Thursday" (but "as of May, it holds ...")
    return 0


def _past_form(verb: Token, children: list[Token]) -> bool:
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in children)


def _past_perfect(tok: Token) -> bool:
    """ "had been scheduled", "had been due": ``tok`` or the copula it hangs on has "had"."""
    for t in (tok, tok.head):
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in t.children):
            return True
    return False


def _infinitive(verb: Token, depth: int) -> int:
    """A to-infinitive looks ahead of its governor: "plans/is set/is ready to meet Friday" is
    future; otherwise it takes the governor's tense ("extended the offer to buy it Friday")."""
    head = verb.head
    for _ in range(4):
        if head is verb or head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
            break
        if (
            head.lower_ in _FUTURE_ADJ
            or head.lemma_ in _FUTURE_HEADS
            or head.lemma_ in _FUTURE_NOUNS
        ):
            # "ready to leave", "due to expire", "an agreement to buy it in January"; but a plan
            # in the past perfect is an old one: "had been due to expire Friday". Other
            # adjectives look nowhere: "made it difficult to meet demand into the summer"
            return -1 if _past_perfect(head) else 1
        head = head.head
    if head is verb or head.lemma_ in _FUTURE_HEADS or head.lower_ in ("going", "is", "are"):
        return -1 if head is not verb and _past_perfect(head) else 1
    if head.lemma_ in ("want", "seek", "try", "agree", "promise", "decide", "vow", "threaten"):
        return 1 if head.tag_ not in ("VBD", "VBN") else 0
    return _tense(head, depth + 1) if head.dep_ != "xcomp" else 0


_FUTURE_WORDS = frozenset(
    {
        "will",
        "'ll",
        "shall",
        "would",
        "wo",
        "going",
        "plans",
        "plan",
        "scheduled",
        "due",
        "expected",
        "expects",
        "upcoming",
        "next",
    }
)


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# adjectives whose to-infinitive lies ahead ("ready to sign", "likely to fall", "poised to win")
_FUTURE_ADJ = _set(
    "ready due likely unlikely poised set sure certain bound slated eager prepared willing "
    "about keen determined expected scheduled"
)


_PAST_MARKS = _set("was were had did ago last yesterday earlier")
_PAST_FORMS = _set(
    "said told began came went met took made left brought bought sold fell rose won lost gave "
    "got held kept led paid ran saw sent spent stood struck thought wrote chose drove flew "
    "fought found grew knew meant sought shot spoke threw woke withdrew became"
)
_TO_FUTURE = frozenset(
    {"set", "due", "expected", "scheduled", "going", "plans", "planning", "ready", "is", "are"}
)
# a verb in the simple present before a weekday or date schedules it: "talks resume on Thursday",
# "the truce takes effect at 06:00 on Thursday" (words that are rarely nouns before a date)
_SCHEDULE_PRESENT = _set(
    "resume resumes begin begins starts ends expire expires takes opens closes meets convene "
    "convenes reconvene reconvenes arrives lapses returns continues leaves visits travels "
    "holds faces launches applies apply start end arrive leave meet travel"
)
# "the truce expires October 1", "takes effect on May 5": a scheduling verb in the present
# before a month or date in the same clause puts it ahead (a stative one does not: "as of May,
# it accounts for ...")
_SCHEDULING = re.compile(
    r"\b(?<!\bthe\s)(?<!\bits\s)(?<!\ba\s)(?<!\ban\s)(?<!\bto\s)(?:"
    + "|".join(sorted(_SCHEDULE_PRESENT - {"holds", "faces", "continues", "returns"}))
    + r"|takes?\s+effect|comes?\s+into\s+force)\b[^.;:!?\n]{0,40}$",
    re.I,
)


def scheduled_before(text: str, start: int) -> bool:
    """Does a scheduling verb in the present ("expires", "takes effect") lead up to ``start``?"""
    return _SCHEDULING.search(text, max(0, start - 70), start) is not None


_DETERMINERS = _set("the a an its his her their our your this that these those")
_BE = frozenset({"be", "been", "being", "is", "are", "'s", "'re", "am"})
_NOT_PAST = frozenset({"need", "feed", "speed", "proceed", "exceed", "indeed", "succeed", "seed"})


def tense_of_words(tok: Token) -> int:
    """Tense from the words of an unparsed sentence (selective parsing leaves some without tags):
    the last future marker or past form before the expression, else the first one after it."""
    before, after = 0, 0
    prev = ""
    future_seen = False
    for t in tok.sent:
        w = t.lower_
        cue = 0
        if w in _FUTURE_WORDS or (w == "to" and prev in _TO_FUTURE):
            cue = 1
            future_seen = True
        elif w in _SCHEDULE_PRESENT and prev not in _DETERMINERS and prev != "to":
            cue = SCHEDULED
        elif w in _PAST_MARKS or (
            (w in _PAST_FORMS or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST))
            and prev not in _BE
            and not future_seen
        ):
            cue = -1  # "met", "announced"; not "will be named", "would be paid on a fixed date"
        if cue and t.i < tok.i:
            before = cue
        elif cue and t.i > tok.i and not after:
            after = cue
        prev = w
    return before or after


def _scheduled_head(tok: Token) -> bool:
    """ "Talks resume on Thursday": the parser may read "resume" as a noun, but a
    scheduling verb in the present on the way up from the date schedules it."""
    t = tok
    for _ in range(4):
        if t.head is t:
            return False
        t = t.head
        if t.tag_ == "VB" and t.head.tag_ in ("VBD", "VBN"):
            return False  # a bare infinitive under a past verb: "let the offensive begin"
        if t.lower_ in _SCHEDULE_PRESENT and t.tag_ not in ("VBD", "VBN", "VBG", "MD"):
            prev = t.nbor(-1).lower_ if t.i > 0 else ""
            return prev not in _DETERMINERS and prev != "to"
        if t.pos_ in ("VERB", "AUX") and t.tag_ != "NN":
            return False
    return False


def _present_copula(tok: Token) -> bool:
    """ "The deadline is Friday", "the vote is on Thursday", "he is in Brussels on Thursday":
    a day said of the subject with a present "is" lies ahead (a past one takes "was"); the day
    must hang on the copula itself, not on a noun ("the toll is 50 after the quake on Monday")."""
    head = tok.head
    if head.dep_ == "prep" and head.head is not head:
        head = head.head
    return (
        head is not tok
        and head.lemma_ == "be"
        and head.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
    )


# "the deadline is Friday", "the vote is on Thursday", "talks are set for Monday"
_IS_ON = re.compile(
    r"\b(?:(?-i:is|are)\s+(?:(?:set|slated|due|scheduled)\s+)?(?:(?:for|on|until)\s+)?|"
    r"as\s+(?:early|soon)\s+as\s+)$",  # "as early as Friday": the soonest it may come
    re.I,
)


def is_on(text: str, start: int) -> bool:
    """Does a present "is"/"are" (and no more) come right before the day at ``start``? A day
    the subject is (on) lies ahead: a past one would take "was". So does the day in "as early
    as Friday", "as soon as Tuesday": the soonest something may come."""
    return _IS_ON.search(text, max(0, start - 40), start) is not None


def tense_reader(doc: Doc | None) -> Callable[[int], int]:
    """A function: character offset -> tense of its clause (0 when there is no parse). A doc the
    selective parser left wholly unparsed still has sentences: their words give the tense."""
    if doc is None or len(doc) == 0:
        return lambda _offset: 0
    if not doc.has_annotation("DEP") and not doc.has_annotation("SENT_START"):
        return lambda _offset: 0
    starts: list[int] = []
    cache: dict[int, int] = {}

    def at(offset: int) -> int:
        if not starts:  # built on first use: most texts never ask
            starts.extend(token_table(doc)[1])
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        if i not in cache:
            tok = doc[i]
            if tok.dep == 0:
                cache[i] = tense_of_words(tok)
            else:
                tense = _tense(_verb_of(tok))
                ahead = tense == 0 and _present_copula(tok)
                cache[i] = SCHEDULED if ahead or (tense <= 0 and _scheduled_head(tok)) else tense
        return cache[i]

    return at
