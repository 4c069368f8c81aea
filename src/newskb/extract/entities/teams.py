"""Sports teams named after their city, state or country ("Minnesota", "Seattle (7 - 9)",
"the bronze to Armenia"): in a sports report, a place name the words around it make a team is
an organisation wherever the report names it."""

from __future__ import annotations

import re

# Words only sports reports use often; two different ones make a report a sports report.
_SPORT_WORDS = frozenset(
    [
        "coach",
        "coaches",
        "playoff",
        "playoffs",
        "postseason",
        "touchdown",
        "touchdowns",
        "quarterback",
        "halftime",
        "rebounds",
        "innings",
        "inning",
        "league",
        "nba",
        "nfl",
        "nhl",
        "mlb",
        "championship",
        "championships",
        "tournament",
        "semifinal",
        "semifinals",
        "quarterfinal",
        "striker",
        "goalkeeper",
        "midfielder",
        "olympiad",
        "medal",
        "medals",
        "rookie",
        "roster",
        "pitcher",
        "pitchers",
        "baseman",
        "shortstop",
        "outfielder",
        "slugger",
        "bullpen",
        "linebacker",
        "touchdowns",
        "baseball",
        "football",
        "basketball",
        "hockey",
        "soccer",
        "rugby",
        "goalie",
    ]
)
_WORD = re.compile(r"[A-Za-z]+")
# A won-lost record in brackets after a team's name: "Seattle (7 - 9)".
_RECORD = re.compile(r"\s*\(\s*\d{1,2}\s*[-–—]\s*\d{1,2}\s*\)")
# What a team does, and what is said of it, right after its name.
_AFTER = re.compile(
    r"(?:\s+(?:beat|beats|defeated|defeats|routed|edged|topped|rallied|clinched|lost|won|trailed"
    r"|signed|picked up|released|traded|drafted|waived|acquired"
    r"|free agents?|coach|head coach|quarterback|general manager|fans|franchise|offense"
    r"|defense|roster|emerged from the locker room"
    r"|(?:and [A-Z][a-z]+ )?(?:have|has) (?:expressed|shown) interest)"
    r"|['’]s?\s+(?:(?:last|next|first|previous|home) )?(?:game|games|win|loss|season|lineup))\b"
)
# What is done to a team, right before its name ("a win over", "the bronze to").
_BEFORE = re.compile(
    r"\b(?:beat|beating|defeated|defeating|routed|edged|topped|against|versus|vs\.?|over"
    r"|lost to|losing to|(?:loss|losses|defeat|defeats) to"
    r"|(?:win|wins|victory) (?:over|against)"
    r"|(?:medal|gold|silver|bronze) (?:going )?to)\s+$"
)


def sports_report(text: str) -> bool:
    """Two different words of sport in the text ("coach", "playoffs", "medal")."""
    seen: set[str] = set()
    for w in _WORD.findall(text):
        lw = w.lower()
        if lw in _SPORT_WORDS:
            seen.add(lw)
            if len(seen) >= 2:
                return True
    return False


def team_cue(text: str, start: int, end: int, after_person: bool) -> bool:
    """The words around the place name at ``text[start:end]`` make it a team: a record after
    it, a result verb or a team word after it, a result before it, or a coach's name before it
    ("Randy Wittman (Minnesota)", "Eddie Jordan of Washington": ``after_person``)."""
    if _RECORD.match(text, end) or _AFTER.match(text, end):
        return True
    return after_person or _BEFORE.search(text, max(0, start - 24), start) is not None


# Before a club's nickname: "vs. Steelers", "the NBA's Charlotte Bobcats".
_VERSUS = re.compile(r"\b(?:vs\.?|versus)\s+$", re.IGNORECASE)
_LEAGUE_OWN = re.compile(r"\b(?:NBA|NFL|NHL|MLB|MLS)['’]s\s+$")


def club_name(text: str, start: int, end: int) -> bool:
    """A plural name after a league's possessive ("the NBA's Charlotte Bobcats"), or a plural
    word alone after "vs." ("vs. Steelers"): a club, not a person."""
    last = text[start:end].split()[-1]
    if not last.endswith("s") or last.endswith("ss") or not last[:1].isupper():
        return False
    if _LEAGUE_OWN.search(text, max(0, start - 8), start):
        return True
    return " " not in text[start:end] and _VERSUS.search(text, max(0, start - 9), start) is not None
