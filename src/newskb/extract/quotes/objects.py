"""Attributions whose content is the cue's object, not a clause (PolNeAR's convention).

"O'Malley criticized [Sanders and Clinton]", "He proposed [a safe zone inside Syria]",
"Sanders accused [him of preventing ...]", "Dave Gorab called [the show "the conservative news
show of record."]", "Sanders called for [a ban]", "The candidates talked about [immigration]".
The cue is a verb of stance or speech with a noun-phrase object (plus the object's predicate:
"called X Y", "described X as Y", "accused X of Y"), or a verb with its preposition ("called
for", "talk about", "referred to"); the source is its subject, a person or group (never "it").
These are reported as ``indirect`` speech; GUM, whose units are clauses, never annotates them.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Token

from newskb.extract.quotes.cues import CueLexicon
from newskb.extract.quotes.indirect import (
    NON_SOURCES,
    VERBAL,
    Candidate,
    Lines,
    _runs,
    _speaker,
    _words,
)
from newskb.extract.quotes.speaker import (
    SUBJECTS,
    TokSpan,
    is_passive,
    phrase,
    source_phrase,
    subject_of,
)

# verbs whose object is what was said or stood for
OBJECT_CUES = frozenset(
    {"criticize", "criticise", "accuse", "defend", "propose", "praise", "denounce", "endorse",
     "cite", "describe", "condemn", "blame", "dismiss", "reject", "slam", "blast",
     "mock", "tout", "applaud", "demand", "question", "echo", "reiterate", "call", "deny",
     "announce", "acknowledge", "predict", "recommend", "urge", "promise", "pledge", "vow",
     "threaten", "discuss", "support", "oppose", "unveil", "ridicule", "decry", "lament"}
)  # fmt: skip
# verb + preposition cues: the preposition's object is the content
PREP_CUES = frozenset(
    {("call", "for"), ("talk", "about"), ("speak", "about"), ("speak", "of"), ("refer", "to"),
     ("comment", "on"), ("complain", "about"), ("warn", "about"), ("warn", "of"),
     ("warn", "against"), ("argue", "for"), ("argue", "against"), ("push", "for"),
     ("call", "on"), ("lash", "at"), ("rail", "against"), ("testify", "about"), ("joke", "about")}
)  # fmt: skip
# what a finding's source is called ("the poll showed [a dead heat]")
EVIDENCE = frozenset({"poll", "polls", "polling", "survey", "record", "result", "number", "study"})
# passive verbs raising a reported clause's subject ("X is expected to ...")
RAISED = frozenset({"expect", "say", "believe", "think", "know", "rumor", "rumour", "report"})
OBJECT_LEMMAS = OBJECT_CUES | {v for v, _ in PREP_CUES}
# an object that is no content: "called him", "defended himself", "denied it"
EMPTY_OBJECTS = frozenset(
    {"it", "this", "that", "them", "him", "her", "me", "us", "you", "himself", "herself",
     "themselves", "itself", "what", "which", "something", "anything", "everything", "one"}
)  # fmt: skip
PREDICATE = frozenset({"oprd", "xcomp"})
# pronoun objects that are content with their predicate ("called [it a mistake]")
NAMED = frozenset({"it", "this", "that", "them", "him", "her", "us", "me", "you"})
PREDICATE_PREPS = frozenset({"as", "of", "for"})
SOURCE_POS = frozenset({"PROPN", "NOUN", "PRON"})
NOT_SOURCES = frozenset(
    {"it", "this", "that", "there", "which", "what", "they", "you", "one", "nobody", "who"}
)


def stances(doc: Doc, lex: CueLexicon, lines: Lines) -> list[Candidate]:
    """Intentions ("X wants to ...") and noun-phrase stances ("X criticized Y"), in text order.
    They are read after every clausal attribution and kept only outside those (see
    ``find_quotes``)."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        lemma = tok.lemma_.lower()
        if lemma in lex.intention:
            found = _intention(doc, tok, lines, lex)
            if found is not None:
                out.append(found)
        elif lemma in RAISED and (raised := _raised(doc, tok, lines)) is not None:
            out.append(raised)
        elif lemma in OBJECT_LEMMAS:
            obj = object_cue(doc, tok, *lines.of(tok.i))
            if obj is not None:
                out.append(Candidate(obj[1], obj[0], (obj[2],)))
        elif lemma == "show" and _evidence(tok):
            obj = object_cue(doc, tok, *lines.of(tok.i), objects={"show"}, preps=frozenset())
            if obj is not None:
                out.append(Candidate(obj[1], obj[0], (obj[2],)))
    return out


def _intention(doc: Doc, cue: Token, lines: Lines, lex: CueLexicon) -> Candidate | None:
    """ "Trump wants [to build a wall]", "she wants [voters to know ...]", "the campaign plans
    [to ...]": an intention verb with its to-infinitive; the content runs from the verb's object
    (the infinitive's subject) or the "to" to the end of the infinitive clause."""
    lo, hi = lines.of(cue.i)
    comp = next(
        (
            c
            for c in cue.rights
            if c.dep_ in ("xcomp", "ccomp")
            and c.pos_ in VERBAL
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts)
            and lo <= c.i < hi
        ),
        None,
    )
    if comp is None or is_passive(cue) or cue.dep_ in ("amod", "acl", "xcomp", "pcomp"):
        return None
    start = comp.left_edge.i
    obj = next((c for c in cue.rights if c.dep_ in ("dobj", "dative") and c.i < comp.i), None)
    if obj is not None:
        start = min(start, obj.left_edge.i)
    if start <= cue.i or any(t.is_punct for t in doc[cue.i + 1 : start]):
        return None
    end = min(comp.right_edge.i + 1, hi)
    end = next((i for i in range(start, end) if doc[i].text == ";"), end)
    content = _runs(doc, list(range(start, end)))
    if not content or _words(doc, content) < 3:
        return None
    subj = subject_of(cue, lo, hi)
    if subj is None or subj.i > cue.i or subj.lower_ in NON_SOURCES or subj.lower_ == "it":
        return None
    if subj.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    speaker = _speaker(doc, cue, lo, hi, lex)
    if speaker is None:
        return None
    return Candidate((cue.i, cue.i + 1), speaker, content, open_end=True)


def object_cue(
    doc: Doc,
    cue: Token,
    lo: int,
    hi: int,
    objects: AbstractSet[str] = OBJECT_CUES,
    preps: AbstractSet[tuple[str, str]] = PREP_CUES,
) -> tuple[TokSpan, tuple[int, int], tuple[int, int]] | None:
    """(source, cue tokens, content tokens) of "X criticized Y" / "X called for Y", or None;
    ``objects`` and ``preps`` are the verbs read with an object or with a preposition."""
    lemma = cue.lemma_.lower()
    if cue.pos_ != "VERB" or is_passive(cue) or cue.dep_ in ("amod", "relcl", "pcomp"):
        return None
    if cue.dep_ == "acl" and cue.tag_ != "VBG":
        return None
    if any(c.dep_ in ("ccomp", "neg") for c in cue.children):
        return None  # a clause: the clausal rules read it; "did not criticize": no stance
    end_cue = cue.i + 1
    target: Token | None = None
    for c in cue.rights:
        if c.dep_ == "prep" and (lemma, c.lower_) in preps and c.i == cue.i + 1:
            target = next((o for o in c.children if o.dep_ == "pobj"), None)
            end_cue = c.i + 1
            break
        if c.dep_ == "dobj" and lemma in objects:
            target = c
            break
    if target is None or not lo <= target.i < hi:
        return None
    start, end = target.left_edge.i, target.right_edge.i + 1
    # the object's predicate: "called [the show "the conservative news show"]", "accused [him
    # of ...]", "described [X as Y]", "called [Trump a "pathological liar"]" (the predicate's
    # determiner or opening quote mark right after the object)
    pred = next((c for c in cue.rights if _predicate(c) and c.left_edge.i == end), None)
    if pred is not None:
        end = pred.right_edge.i + 1
    if target.lower_ in EMPTY_OBJECTS and not (pred is not None and target.lower_ in NAMED):
        return None  # "called him", "denied it"; but "called [it "predatory"]"
    after = target.right_edge.i + (1 if pred is not None else 2)
    if any(t.is_quote for t in doc[cue.i : min(after, hi)]):
        return None  # a quotation in (or right after) the object: the quote rules read it
    if target.pos_ not in ("NOUN", "PROPN", "PRON") or any(
        t.is_punct for t in doc[end_cue : target.left_edge.i]
    ):
        return None
    if end_cue < start:
        return None  # words between the cue and its object: "called on Monday for"
    if lemma == "call" and pred is None and end_cue == cue.i + 1:
        return None  # "called X" alone is a phone call or a naming
    end = min(end, hi)
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start < 2 and lemma not in ("criticize", "criticise", "endorse", "support", "oppose"):
        return None
    subj = next((c for c in cue.children if c.dep_ in SUBJECTS), None)
    if subj is None and cue.tag_ == "VBG" and _set_off(cue):
        # a participle speaks for its noun ("Pope Francis, calling Christmas a sham") or for
        # its verb's subject ("He rallied, calling for a ban")
        if cue.dep_ == "acl":
            subj = cue.head
        elif cue.dep_ == "advcl":
            subj = next((c for c in cue.head.children if c.dep_ in SUBJECTS), None)
    if subj is None or subj.i > cue.i or not lo <= subj.i < hi:
        return None
    if subj.pos_ not in SOURCE_POS or subj.lower_ in NOT_SOURCES:
        return None
    if subj.pos_ == "NOUN" and subj.ent_type_ == "" and not _agentive(subj):
        return None
    source = source_phrase(subj, cue, lo, hi) if subj.pos_ != "PRON" else phrase(subj, lo, hi)
    return source, (cue.i, end_cue), (start, end)


def _raised(doc: Doc, cue: Token, lines: Lines) -> Candidate | None:
    """ "[Trump] is expected [to win the primary]", "[Clinton] is said [to favour ...]": a
    passive verb of saying or thinking raising its clause's subject; no source is named, the
    content is the subject and the infinitive, the cue the passive verb with its auxiliary."""
    lo, hi = lines.of(cue.i)
    if not is_passive(cue) or cue.dep_ not in ("ROOT", "ccomp", "conj"):
        return None
    subj = next((c for c in cue.children if c.dep_ == "nsubjpass" and lo <= c.i < cue.i), None)
    comp = next(
        (
            c
            for c in cue.rights
            if c.dep_ in ("xcomp", "ccomp")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts)
            and c.i < hi
        ),
        None,
    )
    if subj is None or comp is None or subj.lower_ in ("it", "there"):
        return None
    if any(c.dep_ == "agent" for c in cue.children):
        return None  # "is expected by analysts to": a source the clausal rules would read
    aux = [c.i for c in cue.lefts if c.dep_ in ("auxpass", "aux") and c.i > subj.right_edge.i]
    first = min(aux, default=cue.i)
    if any(t.is_punct for t in doc[subj.right_edge.i + 1 : first]):
        return None
    content = (
        (subj.left_edge.i, subj.right_edge.i + 1),
        (comp.left_edge.i, min(comp.right_edge.i + 1, hi)),
    )
    if comp.left_edge.i != cue.i + 1 or _words(doc, content) < 4:
        return None
    return Candidate(
        (first, cue.i + 1), None, _runs(doc, [i for s, e in content for i in range(s, e)])
    )


def _predicate(c: Token) -> bool:
    """An object's predicate: "called X [a liar]", "described X [as Y]"."""
    return c.dep_ in PREDICATE or (c.dep_ == "prep" and c.lower_ in PREDICATE_PREPS)


def _evidence(cue: Token) -> bool:
    """ "[The poll] showed [a dead heat]": "show" with an object reports what a poll, survey
    or record found (its clause, "shows [that ...]", is the clausal rules'). Other subjects show
    things, not findings ("he showed the letter"). PolNeAR train before the rule: 31 of the 36
    such "show" + object readings were gold attributions ("datum" subjects 0 of 2: left out)."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in EVIDENCE


def _set_off(cue: Token) -> bool:
    """A comma right before the participle."""
    return cue.i > 0 and cue.doc[cue.i - 1].text == ","


def _agentive(noun: Token) -> bool:
    """A common noun that can hold a position: a person or group word ("officials",
    "the campaign", "critics"), judged by the noun having a plural or a determiner; things that
    cannot speak ("the bill", "the plan") are ruled out by the lexicon of non-agents."""
    return noun.lemma_.lower() not in NON_AGENTS


NON_AGENTS = frozenset(
    {"bill", "plan", "law", "measure", "policy", "proposal", "deal", "move", "ad", "video",
     "campaign_ad", "rule", "program", "budget", "amendment", "tax", "order", "effort",
     "decision", "vote", "attack", "event", "speech", "debate", "election", "race", "book",
     "film", "show", "victory", "loss", "win", "change", "increase", "growth", "economy"}
)  # fmt: skip
