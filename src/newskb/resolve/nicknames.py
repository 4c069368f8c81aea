"""Given names and the short forms news writes for them ("Katie" Jenkin is Kathryn Jenkin,
"Jerry" Ortiz is Jeremy Ortiz). Each group is one name's forms; a short form may belong to
several names ("Jerry": Jeremy, Gerald, Gerard, Jerome), never making those names one.
Prefixes ("Rob" / "Robert") need no row: ``evidence.given_agree`` joins them already."""

from __future__ import annotations

import functools

_GROUPS = (
    "katherine kathryn catherine kathleen katie kate kathy cathy kat",
    "elizabeth beth betty bettie betsy liz lizzie eliza libby",
    "margaret maggie peggy meg",
    "william bill billy will willy",
    "robert bob bobby rob robbie",
    "richard dick rick ricky rich",
    "james jim jimmy jamie",
    "john jack johnny",
    "jeremy jerry",
    "gerald jerry gerry",
    "gerard jerry gerry",
    "jerome jerry",
    "maurice mo",
    "morris mo",
    "alexander alex alexandros alexis sasha",
    "alexandra alex sandra sandy",
    "anthony tony",
    "antonio tony",
    "charles charlie chuck chas",
    "edward ed eddie ted teddy ned",
    "theodore ted teddy theo",
    "henry harry hank",
    "lawrence larry",
    "michael mike mikey mick",
    "nicholas nick nicky",
    "patrick pat paddy",
    "patricia pat patty trish",
    "rebecca becky",
    "victoria vicky tori",
    "abigail abby",
    "jennifer jenny jen",
    "susan sue susie",
    "thomas tom tommy",
    "timothy tim",
    "joseph joe joey",
    "daniel dan danny",
    "david dave davey",
    "stephen steve stevie",
    "steven steve stevie",
    "matthew matt",
    "andrew andy drew",
    "benjamin ben benny",
    "samuel sam sammy",
    "gregory greg",
    "douglas doug",
    "kenneth ken kenny",
    "raymond ray",
    "walter walt",
    "francis frank frankie",
    "franklin frank",
    "christopher chris",
    "christine chris chrissy",
    "donald don donnie",
    "ronald ron ronnie",
    "jeffrey jeff",
    "geoffrey jeff geoff",
    "leonard len lenny leo",
    "peter pete",
    "philip phil",
    "frederick fred freddie",
    "albert al bert",
    "alfred al alfie",
)


@functools.cache
def _forms() -> dict[str, frozenset[int]]:
    """Name form -> the groups it belongs to."""
    out: dict[str, set[int]] = {}
    for i, group in enumerate(_GROUPS):
        for form in group.split():
            out.setdefault(form, set()).add(i)
    return {k: frozenset(v) for k, v in out.items()}


def one_name(a: str, b: str) -> bool:
    """Whether two (lower-case) given names are forms of one name ("katie" / "kathryn")."""
    forms = _forms()
    return bool(forms.get(a, frozenset()) & forms.get(b, frozenset()))
