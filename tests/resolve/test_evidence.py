"""Merge evidence: same-named people join only on agreeing context; organisation name forms."""

from __future__ import annotations

import datetime as dt

from newskb.resolve.evidence import Profile, may_join
from newskb.resolve.keys import org_key


def _p(name: str, **kw: object) -> Profile:
    return Profile(name=name, type=str(kw.pop("type", "PERSON")), **kw)  # type: ignore[arg-type]


def test_same_name_alone_never_joins_two_people() -> None:
    actor = _p("Matt Smith", roles=frozenset(["actor"]), context=frozenset(["doctor who"]))
    lawyer = _p("Matt Smith", roles=frozenset(["county attorney"]), context=frozenset(["iowa"]))
    d = may_join(lawyer, actor)
    assert not d.join and "no role" in d.reason
    assert not may_join(_p("Matt Smith"), _p("Matt Smith")).join


def test_roles_that_differ_keep_people_apart_even_in_the_same_week() -> None:
    day = frozenset([dt.date(2011, 8, 4)])
    a = _p("Matt Smith", roles=frozenset(["actor"]), days=day)
    b = _p("Matt Smith", roles=frozenset(["county attorney"]), days=day)
    d = may_join(a, b)
    assert not d.join and "roles differ" in d.reason


def test_agreeing_role_place_or_company_joins_and_says_why() -> None:
    a = _p("Warren Jeffs", roles=frozenset(["polygamist sect leader"]))
    b = _p("Warren Jeffs", roles=frozenset(["sect leader"]), context=frozenset(["texas"]))
    d = may_join(a, b)
    assert d.join and "sect" in d.reason
    c = _p("Warren Jeffs", context=frozenset(["texas", "flds"]))
    assert may_join(c, b).join and "texas" in may_join(c, b).reason


def test_a_first_name_change_never_merges() -> None:
    warren = _p("Warren Jeffs", context=frozenset(["flds", "texas"]))
    for other in ("Brent Jeffs", "Rulon Jeffs"):
        d = may_join(_p(other, context=frozenset(["flds", "texas"])), warren)
        assert not d.join and "given names differ" in d.reason


def test_spelling_variants_and_initials_join_with_context() -> None:
    ctx = frozenset(["white house"])
    assert may_join(_p("Caroline Levitt", context=ctx), _p("Karoline Leavitt", context=ctx)).join
    assert may_join(_p("D. Scavino", context=ctx), _p("Dan Scavino", context=ctx)).join


def test_wikidata_ids_decide_when_both_sides_have_one() -> None:
    assert may_join(
        _p("HP", type="ORG", kb_id="Q80978"), _p("HPQ", type="ORG", kb_id="Q80978")
    ).join
    assert not may_join(
        _p("Apple", type="ORG", kb_id="Q312"), _p("Apple", type="ORG", kb_id="Q1")
    ).join


def test_organisation_forms_meet_under_one_key() -> None:
    forms = [
        "Hewlett-Packard Co.",
        "Hewlett-Packard Company",
        "Hewlett-Packard Corp.",
        "Hewlett-Packard (NYSE: HPQ)",
        "Hewlett-Packard",
    ]
    assert len({org_key(f) for f in forms}) == 1
    assert org_key("Israeli Defence Forces") == org_key("Israel Defense Forces")
    assert org_key("General Motors Corporation") == "general motors"
    assert org_key("Apple") != org_key("Apple Bank")
    d = may_join(_p("Hewlett-Packard Co.", type="ORG"), _p("Hewlett-Packard Company", type="ORG"))
    assert d.join and "hewlett packard" in d.reason


def test_types_must_agree() -> None:
    assert not may_join(_p("Jordan", type="PERSON"), _p("Jordan", type="GPE")).join


def test_a_group_name_typed_norp_joins_its_organisation_but_a_demonym_never() -> None:
    # ECB+ topic 6: spaCy typed the studio "Lionsgate" NORP in two articles, ORG elsewhere
    beside = frozenset(["hunger games"])
    studio = _p("Lionsgate", type="ORG", context=beside)
    d = may_join(_p("Lionsgate", type="NORP", context=beside), studio)
    assert d.join and "NORP / ORG" in d.reason
    airline = _p("American", type="ORG", context=frozenset(["chicago"]))
    people = _p("American", type="NORP", context=frozenset(["chicago"]))
    assert not may_join(people, airline).join
    assert not may_join(_p("Lionsgate", type="NORP"), studio).join  # no neighbour agrees


def test_a_team_typed_misc_joins_the_team_under_its_city_on_a_neighbour() -> None:
    # ECB+ topic 10: "Red Sox" MISC in most articles, "Boston Red Sox" ORG in two
    beside = frozenset(["mark teixeira"])
    team = _p("Boston Red Sox", type="ORG", context=beside)
    d = may_join(_p("Red Sox", type="MISC", context=beside), team)
    assert d.join and "red sox" in d.reason
    assert not may_join(_p("Red Sox", type="MISC", context=frozenset(["x"])), team).join
    assert not may_join(_p("Police", type="MISC", context=beside), team).join


def test_a_short_form_of_the_given_name_joins_with_context_but_two_names_never() -> None:
    # ECB+ 32 and 16: "Katie Jenkin" is Kathryn Jenkin, "Jerry Ortiz" is Jeremy Ortiz
    beside = frozenset(["millom"])
    assert may_join(_p("Katie Jenkin", context=beside), _p("Kathryn Jenkin", context=beside)).join
    assert may_join(_p("Jerry Ortiz", context=beside), _p("Jeremy Ortiz", context=beside)).join
    assert not may_join(_p("Katie Jenkin"), _p("Kathryn Jenkin")).join  # no context
    # "Jerry" may be Jeremy or Gerald; Jeremy and Gerald are not one name
    assert not may_join(_p("Jeremy Ortiz", context=beside), _p("Gerald Ortiz", context=beside)).join
    assert not may_join(
        _p("John Jenkin", context=beside), _p("Kathryn Jenkin", context=beside)
    ).join
