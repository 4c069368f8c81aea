"""English words for times and the regex pieces built from them (compiled once, at import)."""

from __future__ import annotations

MONTH_NAMES: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAY_NAMES: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(MONTH_NAMES, start=1):
    MONTHS[_name] = _i
    MONTHS[_name[:3]] = _i
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {}
for _i, _name in enumerate(WEEKDAY_NAMES, start=1):
    WEEKDAYS[_name] = _i
    WEEKDAYS[_name[:3]] = _i
WEEKDAYS.update({"tues": 2, "wednes": 3, "thur": 4, "thurs": 4})

UNITS: dict[str, str] = {
    "second": "S", "minute": "MIN", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "centurie": "CE", "weekend": "WE", "season": "SE", "semester": "M6",
}  # fmt: skip

SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(SMALL)}
NUMBER_WORDS.update({w: (i + 2) * 10 for i, w in enumerate(TENS)})
NUMBER_WORDS.update({"a": 1, "an": 1, "one": 1, "a single": 1, "a couple of": 2, "couple of": 2})
NUMBER_WORDS.update({"hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12})
VAGUE_NUMBERS = (
    "a few", "few", "several", "many", "some", "a number of", "numerous", "a couple",
    "the next few", "dozens of", "hundreds of", "thousands of", "a handful of",
)  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "last": 4, "final": 4,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "noon": "MI", "dawn": "MO", "daybreak": "MO", "dusk": "EV",
}  # fmt: skip
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip

# Zone abbreviations -> IANA zones (facts from the tz database; DST comes from zoneinfo).
ZONE_ABBREVIATIONS: dict[str, str] = {
    "UTC": "UTC", "GMT": "UTC", "Z": "UTC", "EST": "America/New_York", "EDT": "America/New_York",
    "ET": "America/New_York", "CST": "America/Chicago", "CDT": "America/Chicago",
    "CT": "America/Chicago", "MST": "America/Denver", "MDT": "America/Denver",
    "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "PT": "America/Los_Angeles",
    "BST": "Europe/London", "CET": "Europe/Paris", "CEST": "Europe/Paris",
    "EET": "Europe/Kyiv", "EEST": "Europe/Kyiv", "MSK": "Europe/Moscow", "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul", "HKT": "Asia/Hong_Kong", "SGT": "Asia/Singapore",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "IST": "Asia/Kolkata",
}  # fmt: skip


def alt(words: object) -> str:
    """A regex alternation of ``words`` (longest first, spaces match any whitespace)."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(i.replace(".", r"\.").replace(" ", r"\s+") for i in items) + ")"


def _month_words() -> list[str]:
    out = []
    for name in MONTHS:
        out.append(name if len(name) > 4 or name in ("june", "july", "may") else name + r"\.?")
    return out


MONTH = "(?:" + "|".join(sorted(_month_words(), key=len, reverse=True)) + r")(?![a-z])"
WEEKDAY = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.)"
)
NUM_WORD = (
    r"(?:(?:" + "|".join(TENS) + r")(?:[-\s](?:" + "|".join(SMALL[1:10]) + r"))?|"
    + "|".join(sorted(SMALL, key=len, reverse=True)) + ")"
)  # fmt: skip
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2)?|" + NUM_WORD + r"(?:\s+and\s+a\s+half)?|"
    r"(?:a\s+)?couple\s+of|a\s+single|a\s+dozen|(?:a|one)\s+hundred|half\s+an?|an?\s+half|"
    r"an?(?:\s+and\s+a\s+half)?|"
    + alt(VAGUE_NUMBERS)[3:-1] + ")"
)  # fmt: skip
UNIT = (
    r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|"
    r"centur(?:y|ie)|weekend)s?"
)
ORDINAL = r"(?:" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"|1st|2nd|3rd|4th)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
