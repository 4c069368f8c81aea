"""The regex grammar of English time expressions: one compiled pattern per rule family.

Each rule's pattern finds candidate extents; its normaliser (in ``rules.py``) turns the match into
a TIMEX3 type and value or rejects it. Patterns are compiled once, at import.
"""

from __future__ import annotations

import re

from newskb.extract.times.lexicon import (
    MONTH,
    NUM_WORD,
    NUMBER,
    ORDINAL,
    PART_OF_DAY,
    SEASON,
    UNIT,
    WEEKDAY,
    YEAR,
    ZONE_ABBREVIATIONS,
)

IC = re.IGNORECASE
B = r"(?<![\w'-])"  # left word boundary (no hyphen or apostrophe before)
E = r"(?!\w|-\w)"  # right word boundary ("Friday's" ends after "Friday")
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# a day read out on air: "March eighth", "May twenty-first"
DAY_WORD = (
    r"(?:(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    r"thirtieth|twentieth|nineteenth|eighteenth|seventeenth|sixteenth|fifteenth|fourteenth|"
    r"thirteenth|twelfth|eleventh|tenth|ninth|eighth|seventh|sixth|fifth|fourth|third|second|"
    r"first)"
)

# modifiers kept in the extent, value unchanged
PREMOD = re.compile(
    r"(?:\b(?:early|late|mid|earlier|later|around|about|approximately|nearly|almost|"
    r"more\s+than|less\s+than|at\s+least|up\s+to|roughly|some|the\s+end\s+of|"
    r"the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|"
    r"the\s+remainder\s+of|the\s+close\s+of|the\s+turn\s+of|the\s+(?:early|late|mid))"
    r"(?:\s+|-))+$",
    IC,
)

# a date may follow or precede a day range's hyphen: "12-13 April", "March 3-4"
_B_DAY = r"(?<![\w'])(?<!(?<!\d)-)"
_E_DAY = r"(?!\w|-(?!\d{1,2}(?!\d))\w)"
DATE_FULL = re.compile(
    _B_DAY + r"(?:(?P<wd>" + WEEKDAY + r"),?\s+)?(?:"
    r"(?P<m1>" + MONTH + r")\s+(?P<d1>" + DAYNUM + r"|(?-i:" + DAY_WORD + r")(?![\s-]+(?:"
    r"quarter|half|time|week|day|month|year|place)))(?:(?:,\s*|\s+)(?P<y1>" + YEAR + r"))?"
    r"|(?:the\s+)?(?P<d2>" + DAYNUM + r")(?:\s+of)?\s+(?P<m2>" + MONTH + r")"
    r"(?:,?\s+(?P<y2>" + YEAR + r"))?"
    r"|(?P<y3>" + YEAR + r")-(?P<m3>0[1-9]|1[0-2])-(?P<d3>[0-2]\d|3[01])"
    r"|(?P<m4>0?[1-9]|1[0-2])/(?P<d4>[0-2]?\d|3[01])/(?P<y4>" + YEAR + r"|\d\d)"
    r")" + _E_DAY,
    IC,
)
MONTH_YEAR = re.compile(
    B + r"(?:(?:mid|early|late)-)?(?P<m>" + MONTH + r")(?:,?\s+|\s+of\s+)(?P<y>" + YEAR + r")" + E,
    IC,
)
MONTH_ALONE = re.compile(
    B + r"(?:(?P<rel>last|next|this|(?:the\s+)?(?:previous|following|coming))\s+)?"
    r"(?:(?:mid|early|late)-)?"
    r"(?P<m>" + MONTH + r")" + E,
    IC,
)
YEAR_RE = re.compile(
    B + r"(?:(?:mid|early|late|post|pre)-)?"
    r"(?:(?P<pre>the\s+year|fiscal(?:\s+year)?|(?:calendar|model)\s+year|FY)\s*)?"
    r"(?<![$£€\d.,])(?P<y>" + YEAR + r")(?![\d,.]\d|\s*%|-\d|\d)" + E,
    IC,
)
FY_SHORT = re.compile(r"\bFY\s?'?(?P<y>\d\d)\b")
DECADE = re.compile(
    B + r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<c>1[6-9]|20)?(?P<d>\d)0'?s|'(?P<d2>\d)0s|"
    r"(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))" + E,
    IC,
)
CENTURY = re.compile(
    B + r"(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<o>" + ORDINAL + r"))[\s-]+century" + E,
    IC,
)
QUARTER = re.compile(
    B + r"(?:(?P<det>the|its|this|last|next|that|a|their|his|her|our)\s+)?"
    r"(?P<mods>(?:(?:current|latest|most\s+recent|last|past|previous|prior|year-earlier|"
    r"year-ago|comparable|corresponding|same|fiscal|calendar|flat|" + YEAR + r"(?:'s)?|"
    r"(?:last|next|this)\s+year's)[\s-]+)*)"
    r"(?:(?P<ord>first\s+two|first|second|third|fourth|final|last(?=[\s-]+half)|"
    r"1st|2nd|3rd|4th)[\s-]+"
    r"(?:fiscal[\s-]+|calendar[\s-]+)?)?(?P<unit>quarter|half|period)(?P<pl>s)?"
    r"(?:\s+of\s+(?:(?P<pyear>" + YEAR + r")|fiscal\s+(?P<pfy>" + YEAR + r")|"
    r"(?P<prel>this|last|next)\s+year|the\s+(?P<pcur>current|previous)\s+year|"
    r"the\s+(?:fiscal\s+|calendar\s+)?year(?!\s+(?:before|after|earlier|ago|ended|ending)\b))"
    r"|\s+(?P<last>last|next|this)\s+year|,?\s+(?P<ayear>" + YEAR + r")|"
    r"\s+(?P<ago>a\s+year\s+(?:ago|earlier)))?" + E,
    IC,
)
Q_SHORT = re.compile(
    r"\b(?:(?P<y0>" + YEAR + r")\s*)?Q(?P<q>[1-4])(?:\s*(?:of\s+)?(?P<y>" + YEAR + r"))?\b"
)
RELATIVE = re.compile(
    B + r"(?P<rel>this\s+past|this|last|next|past|previous|coming|current|following|that|"
    r"the\s+(?:current|past|last|next|coming|previous|following|same|present|very))\s+"
    r"(?P<what>(?:second|minute|hour|day|week|weekend|fortnight|month|quarter|year|decade|"
    r"century|season|" + SEASON + r"|" + PART_OF_DAY + r"))" + E,
    IC,
)
RELATIVE_WD = re.compile(
    B + r"(?P<rel>this(?:\s+coming|\s+past)?|last|next|past|previous|coming|the\s+following|"
    r"the\s+previous)\s+(?P<wd>" + WEEKDAY + r")(?:\s+(?P<pod>" + PART_OF_DAY + r"))?" + E,
    IC,
)
DEICTIC = re.compile(
    B + r"(?:(?:(?:mid|early|late)[\s-]*)?(?P<pod0>morning|afternoon|evening)\s+)?"
    r"(?P<w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|"
    r"the\s+day\s+after\s+tomorrow|overnight)(?:(?:'s)?\s+(?P<pod>" + PART_OF_DAY + r"))?" + E,
    IC,
)
SEASON_RE = re.compile(
    B
    + r"(?:(?P<det>the|this|last|next|that)\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<s>"
    + SEASON
    + r")(?:\s+(?:of\s+)?(?P<y>"
    + YEAR
    + r")|\s+of\s+(?P<yrel>last|this|next)\s+year)?"
    + E,
    IC,
)
REFS = re.compile(
    B + r"(?P<w>now|right\s+now|just\s+now|currently|at\s+present|presently|nowadays|"
    r"these\s+days|the\s+present|current|recently|lately|long\s+ago|"
    r"the\s+past|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|(?<=in\s)future|"
    r"recent\s+(?:years|months|weeks|days|decades|times)|"
    r"coming\s+(?:years|months|weeks|days|quarters)|the\s+(?:near|short)\s+term|"
    r"the\s+(?:days|weeks|months|years)\s+ahead|"
    r"a\s+later\s+date|soon)" + E,
    IC,
)
WEEKDAY_RE = re.compile(
    B + r"(?:(?P<pod0>early|late)\s+)?(?P<wd>" + WEEKDAY + r")(?P<pl>s)?"
    r"(?:\s+(?P<pod>" + PART_OF_DAY + r")(?P<podpl>(?<!overnight)s)?)?" + E,
    IC,
)
# "every Monday and Thursday", "Monday and Tuesday nights": a weekday coordinated with a set
SET_BEFORE_WD = re.compile(
    r"\b(?:every|each)\s+"
    + WEEKDAY
    + r"(?:\s*,\s*"
    + WEEKDAY
    + r")*(?:\s*,?\s+(?:and|or)\s+|\s*,\s*)$",
    IC,
)
SET_AFTER_WD = re.compile(
    r"\s*,?\s+(?:and|or)\s+" + WEEKDAY + r"(?:(?P<pl>s)|\s+(?P<pod>" + PART_OF_DAY + r")s)" + E,
    IC,
)
AGO = re.compile(
    B + r"(?P<n>" + NUMBER + r")[\s-]+(?:or\s+so\s+)?(?P<u>" + UNIT + r")(?:\s+or\s+so)?\s+"
    r"(?P<dir>ago|earlier|before|later|hence|from\s+now|back)" + E,
    IC,
)
DURATION = re.compile(
    B + r"(?:(?P<det>the|a|an|another|an\s+additional|each\s+of\s+the)\s+)?"
    r"(?:(?P<rel>first|last|past|next|coming|final|latest|previous|following|initial|"
    r"entire|whole|full|better\s+part\s+of\s+the)\s+)?"
    r"(?:(?P<n0>\d+|" + NUM_WORD + r")(?:\s+(?:to|or)\s+|\s*[-–]\s*))?"  # "12 to 18 months"
    r"(?P<n>" + NUMBER + r")(?:\s+|-)(?:(?:more|additional|straight|consecutive|full|long|"
    r"trading|business|working|calendar)\s+)?(?P<u>" + UNIT + r")"
    r"(?:(?P<half>\s+and\s+a\s+half)|(?P<suf>-long|-old|\s+old))?" + E,  # "an hour and a half"
    IC,
)
# "the day before", "the day after" said alone (not "the day before the vote"): one day off the
# narrative's day ("later in the day" is left alone: TimeML gold rarely tags it)
DAY_OFF = re.compile(B + r"the\s+day\s+(?P<off>before|after)(?=\s*[,.;:)])", IC)
# "by mid-afternoon", "buy orders in the morning": that part of the narrative's day (not "in the
# morning of March 3", whose day comes after it)
MID_POD = re.compile(
    B + r"(?:mid[\s-]?|(?<=\bin\s)the\s+)(?P<pod>morning|afternoon|evening)(?!\s+of\b)" + E, IC
)
UNIT_ADJ = re.compile(B + r"(?P<u>" + UNIT + r")-(?:long|old)" + E, IC)  # "decades-long"
BARE_UNITS = re.compile(
    r"\b(?:for|in|over|within|than|after|take|takes|took|lasted)\s+"
    r"(?P<x>(?:(?<=over\s)the\s+)?(?P<u>(?:second|minute|hour|day|week|month|year|decade)s|"
    r"centuries))" + E,
    IC,
)
SET_RE = re.compile(
    B + r"(?:(?P<adv>daily|weekly|monthly|yearly|hourly|nightly|biweekly)|"
    r"(?:every|each)\s+(?:other\s+)?(?:(?P<n>" + NUM_WORD + r"|\d+)\s+)?"
    r"(?P<u>" + UNIT + r"|" + WEEKDAY + r"|" + MONTH + r"|" + PART_OF_DAY + r"|" + SEASON + r")|"
    r"(?:once|twice|\d+\s+times|" + NUM_WORD + r"\s+times)\s+(?:a|an|per|every)\s+"
    r"(?P<u2>" + UNIT + r")|per\s+(?P<u3>second|minute|hour|day|week|month|year))" + E,
    IC,
)
A_UNIT = re.compile(r"(?<=\s)(?P<det>a|an)\s+(?P<u>day|week|month|year|hour)" + E, IC)
# "at 10:30 last night", "this morning at 9": a day and the half of it the hour is in
_DAY_PART = r"last\s+night|tonight|this\s+(?:morning|afternoon|evening)"
CLOCK = re.compile(
    B
    + r"(?:(?P<pre>"
    + WEEKDAY
    + r"|today|yesterday|tomorrow|tonight|"
    + _DAY_PART
    + r")(?:,)?\s+(?:at\s+)?)?"
    r"(?:(?P<h>[01]?\d|2[0-4])[:.](?P<mi>[0-5]\d)(?:\s*(?P<ap>[ap]\.?\s?m\b\.?))?"
    r"|(?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>[ap]\.?\s?m\b\.?)"
    r"|(?P<h3>1[0-2]|0?[1-9]|" + NUM_WORD + r")\s+o'clock"
    r"|(?P<h4>1[0-2]|0?[1-9])\s+in\s+the\s+(?P<pod4>morning|afternoon|evening)"
    r"|(?P<noon>noon|midnight|midday))"
    r"(?:\s+(?P<paren>\()?(?P<zone>(?-i:(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)|"
    r"(?-i:" + "|".join(sorted(ZONE_ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w])|"
    r"local\s+time|"
    r"(?-i:(?:[A-Z][\w'’.-]+\s+){1,3})time)(?(paren)\)))?"
    r"(?:,?\s+(?:on\s+)?(?P<post>" + WEEKDAY + r"|today|yesterday|tomorrow|" + _DAY_PART + r"|"
    r"(?P<pm>" + MONTH + r")\s+(?P<pd>" + DAYNUM + r")))?" + E,
    IC,
)
RANGE_HEAD = re.compile(r"(?<![\w'-])(?P<d>" + DAYNUM + r")\s*[-–]\s*$")
RANGE_TAIL = re.compile(r"\s*(?:-|–|to|through|until|till|and)\s*(?P<d>" + DAYNUM + r")" + E, IC)
HOLIDAY = re.compile(
    B + r"(?P<h>Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)|Thanksgiving(?:\s+Day)?|"
    r"Independence\s+Day|Halloween|Valentine's\s+Day|Boxing\s+Day|May\s+Day|Labou?r\s+Day|"
    r"Election\s+Day|Easter(?:\s+Sunday|\s+Monday|\s+week)?)" + E
)
HALF_YEAR = re.compile(r"(?P<y>" + YEAR + r")-H(?P<h>[12])")
YEAR_ADJ = re.compile(
    B + r"(?P<w>year-earlier|year-ago|year-end|year's\s+end|year\s+end|the\s+weekend|"
    r"the\s+year|earlier\s+in\s+the\s+year|later\s+in\s+the\s+year|"
    r"the\s+(?:full|fiscal|current|current\s+fiscal|latest\s+fiscal|calendar)\s+year)" + E,
    IC,
)
SPOKEN_YEAR = re.compile(
    B + r"(?:(?P<pm>" + MONTH + r")\s+|(?:the\s+)?(?P<ps>" + SEASON + r")\s+of\s+|"
    r"(?P<py>the\s+year)\s+)?"
    r"(?:(?P<c>nineteen|twenty)[\s-]+(?P<r>" + NUM_WORD + r")|"
    r"(?P<k>two\s+thousand)(?:(?:\s+and)?[\s-]+(?P<r2>" + NUM_WORD + r"))?)" + E,
    IC,
)
MONTH_REL_YEAR = re.compile(
    B + r"(?P<m>" + MONTH + r")\s+(?:of\s+)?(?P<rel>last|this|next)\s+year" + E, IC
)
WEEK_OF = re.compile(
    B + r"the\s+week\s+of\s+(?P<m>" + MONTH + r")\s+(?P<d>" + DAYNUM + r")"
    r"(?:,?\s+(?P<y>" + YEAR + r"))?" + E,
    IC,
)
