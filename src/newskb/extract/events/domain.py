"""The domain of an article or a clause: sport and disaster news make no conflict events.

"Luck rallied his team", "the Chiefs were beaten 85-78", "officials stopped the game" are plays;
"three killed in bank fire", "climbers killed in falls" are accidents. A sport article is told by
its vocabulary (several distinct sport words, or a score such as "85-78"); a disaster or an
accident by a disaster word in the clause.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newskb.extract.events.lexicon import word_set
from newskb.nlp.docs import lower_words

SPORT = word_set(
    """match goal striker midfielder defender goalkeeper tournament championship league cup
    season playoff playoffs semifinal quarterfinal inning innings wicket touchdown penalty
    scorer coach squad fixture quarterback linebacker receiver rebound rebounds yard yards
    basketball football soccer baseball hockey tennis golf cricket rugby boxing boxer bout
    knockout heavyweight punch olympic olympics medal stadium roster nfl nba mlb nhl fifa
    uefa ncaa rookie game games team teammate score scored points"""
)
DISASTER = word_set(
    """earthquake quake tremor aftershock temblor storm hurricane typhoon cyclone tornado flood
    flooding landslide mudslide tsunami wildfire bushfire blaze eruption volcano avalanche
    drought blizzard crash accident collision derailment heatwave magnitude richter
    epicenter epicentre overdose inferno fall falls collapse collapsed disaster"""
)
# "opened fire", "exchange of fire", "ceasefire": fire as shooting, not a blaze
SHOOTING_FIRE = word_set("open opened exchange exchanged return returned cease come draw under")
SCORE = re.compile(r"\b\d{1,3} ?- ?\d{1,3}\b")
SPORT_ARTICLE_WORDS = 3


def sport_article(doc: Doc) -> bool:
    """Several distinct sport words, or a score and one sport word."""
    seen = lower_words(doc) & SPORT
    if len(seen) >= SPORT_ARTICLE_WORDS:
        return True
    return bool(seen) and SCORE.search(doc.text) is not None


def _blaze(tok: Token) -> bool:
    return (
        tok.lemma_.lower() == "fire"
        and tok.pos_ == "NOUN"
        and tok.head.lemma_.lower() not in SHOOTING_FIRE
        and not any(c.lower_ in SHOOTING_FIRE for c in tok.children)
    )


def disaster_clause(tokens: list[Token]) -> bool:
    """A disaster or accident word among ``tokens`` ("killed in the earthquake", "bank fire",
    "killed in a hit-and-run")."""
    return any(
        t.lemma_.lower() in DISASTER or t.lower_ in DISASTER or _blaze(t) or _hit_and_run(t)
        for t in tokens
    )


def _hit_and_run(tok: Token) -> bool:
    """'hit-and-run' (spaCy splits it: hit - and - run)."""
    doc = tok.doc
    return (
        tok.lower_ == "hit"
        and tok.i + 4 < len(doc)
        and doc[tok.i + 2].lower_ == "and"
        and doc[tok.i + 4].lower_ == "run"
    ) or tok.lower_ == "hit-and-run"


# an attack on computers is COERCE (mode cyber) in PLOVER, not ASSAULT
CYBER = word_set(
    """cyber cyberattack cyberattacks cyber-attack hacker hackers hacking hack hacked website
    websites web computer computers server servers malware botnet iframe vulnerability
    vulnerabilities exploit phishing ddos software patch spam spyware ransomware trojan"""
)


def cyber_clause(tokens: list[Token]) -> bool:
    """A computer word among ``tokens`` ("an iFrame attack on a Web site")."""
    return any(t.lower_ in CYBER or t.lemma_.lower() in CYBER for t in tokens)


# words of a campaign or an argument: an "attack" among them is words, not force
WORDY = word_set(
    """campaign campaigns candidate candidates candidacy debate debates speech speeches remark
    remarks comment comments editorial ad ads advert advertisement tweet tweets interview
    stump rhetoric swipe swipes insult insults criticism critique words record claim claims
    qualifications character integrity honesty policy policies primary primaries caucus
    caucuses nomination voter voters poll polls election elections""")  # fmt: skip
FORCE = word_set(
    """troops soldiers army military forces militants rebels gunmen gunman police bomb bombs
    rocket rockets missile missiles airstrike airstrikes shelling gun guns shot shots killed
    dead wounded injured weapon weapons fighters jets drone drones navy pirates knife stabbed
    bomber bombing terrorist terrorists explosion physically punched kicked""")  # fmt: skip
# a contest won or lost by votes: beating or capturing in it is no force
ELECTORAL = word_set(
    """poll polls election elections vote votes voters primary primaries caucus caucuses
    ballot ballots nomination percentage points seat seats race electoral polling""")  # fmt: skip


def wordy_clause(tokens: list[Token]) -> bool:
    """Campaign or argument words and no force words ("his attack that Clinton is not
    qualified", "attacks from the leading Republican candidate")."""
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    return bool(words & WORDY) and not words & FORCE


def electoral_clause(tokens: list[Token]) -> bool:
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    return bool(words & ELECTORAL) and not words & FORCE


CAMPAIGN = word_set(
    """campaign candidate candidates primary primaries caucus caucuses nomination nominee
    delegates voters poll polls polling debate debates convention endorsement endorse
    endorsed superdelegates electorate frontrunner front-runner gop democrats republicans"""
)
CAMPAIGN_ARTICLE_WORDS = 4


def campaign_article(doc: Doc) -> bool:
    """Election-campaign news: several distinct campaign words."""
    return len(lower_words(doc) & CAMPAIGN) >= CAMPAIGN_ARTICLE_WORDS


PARTY_POLITICS = word_set(
    """republican republicans democrat democrats democratic gop senate senator senators
    congress congressional congressman congresswoman lawmakers campaign election elections
    candidate candidates presidential voters partisan bipartisan nominee"""
)
PARTY_POLITICS_WORDS = 4


def party_politics_article(doc: Doc) -> bool:
    """News of party politics (a campaign, Congress, the parties): several distinct such
    words. There, support, refusal, meeting and threat words are mostly talk (issue 15)."""
    return campaign_article(doc) or len(lower_words(doc) & PARTY_POLITICS) >= PARTY_POLITICS_WORDS
