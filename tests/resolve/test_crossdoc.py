"""Cross-article resolution in memory: keys find candidates, evidence decides, clusters grow."""

from __future__ import annotations

from newskb.model import Entity, EntityType, Mention
from newskb.resolve.crossdoc import Resolver, candidate_keys, entity_profile, named_keys
from newskb.resolve.evidence import Profile, may_join, placeless


def _e(i: int, name: str, etype: EntityType = "PERSON", roles: tuple[str, ...] = ()) -> Entity:
    return Entity(f"E{i}", name, etype, (Mention(0, len(name), name, "name"),), roles=roles)


def test_same_named_people_apart_without_evidence_together_with_it() -> None:
    r = Resolver()
    a = r.add("a1", [_e(1, "Matt Smith", roles=("actor",)), _e(2, "Doctor Who", "ORG")], None)
    b = r.add("a2", [_e(1, "Matt Smith", roles=("county attorney",)), _e(2, "Iowa", "GPE")], None)
    assert a["E1"] != b["E1"]
    c = r.add("a3", [_e(1, "Matt Smith"), _e(2, "Polk County", "GPE"), _e(3, "Iowa", "GPE")], None)
    assert r.final(c["E1"]) == r.final(b["E1"]) != r.final(a["E1"])
    assert any("iowa" in why for _c, _n, why in r.joins)


def test_brothers_never_merge_and_a_lone_surname_needs_one_candidate() -> None:
    r = Resolver()
    ctx = [_e(8, "FLDS", "ORG"), _e(9, "Texas", "GPE")]
    w = r.add("a1", [_e(1, "Warren Jeffs"), *ctx], None)["E1"]
    b = r.add("a2", [_e(1, "Brent Jeffs"), *ctx], None)["E1"]
    assert r.final(w) != r.final(b)
    lone = r.add("a3", [_e(1, "Jeffs"), *ctx], None)["E1"]
    assert r.final(lone) not in (r.final(w), r.final(b))  # two people of that surname


def test_a_cluster_absorbs_an_earlier_one_once_context_agrees() -> None:
    r = Resolver()
    first = r.add("a1", [_e(1, "Lindsay Lohan"), _e(2, "Malibu", "GPE")], None)["E1"]
    second = r.add("a2", [_e(1, "Lindsay Lohan"), _e(2, "Betty Ford Center", "ORG")], None)["E1"]
    assert r.final(first) != r.final(second)
    both = [_e(1, "Lindsay Lohan"), _e(2, "Malibu", "GPE"), _e(3, "Betty Ford Center", "ORG")]
    third = r.add("a3", both, None)["E1"]
    assert r.final(first) == r.final(second) == r.final(third)


def test_organisation_forms_and_middle_initials() -> None:
    assert placeless("New Orleans Saints") == "saints" and placeless("Saints") == ""
    assert "o:saints" in candidate_keys("New Orleans Saints", "ORG")
    ctx = frozenset(["nfl"])
    saints = Profile("Saints", "ORG", context=ctx)
    assert may_join(Profile("New Orleans Saints", "ORG", context=ctx), saints).join
    nixon = Profile("Richard M. Nixon", "PERSON", context=frozenset(["watergate"]))
    assert may_join(
        Profile("Richard Nixon", "PERSON", context=frozenset(["watergate"])), nixon
    ).join
    w = frozenset(["watergate"])
    assert not may_join(Profile("Richard K. Nixon", "PERSON", context=w), nixon).join
    bush = Profile("George H. W. Bush", "PERSON", context=w)
    d = may_join(Profile("George W. Bush", "PERSON", context=w), bush)
    assert not d.join and "middle" in d.reason


def test_profile_context_is_the_other_named_entities_keyed_once_per_article() -> None:
    # issue #21: the neighbours' keys are worked out once per article (named_keys), not once
    # per entity; the profile must not change: every other named entity, by Wikidata id or
    # profile key, never the entity itself, never one with no named mention
    pronoun_only = Entity("E4", "Acme Corp", "ORG", (Mention(0, 2, "it", "pronoun"),))
    linked = Entity("E5", "NATO", "ORG", (Mention(0, 4, "NATO"),), kb_id="Q7184")
    ents = [_e(1, "Ana Silva"), _e(2, "The Lisbon City Council", "ORG"), _e(3, "Lisbon", "GPE")]
    ents += [pronoun_only, linked]
    named = named_keys(ents)
    assert [i for i, _k in named] == ["E1", "E2", "E3", "E5"]
    for e in ents:
        p = entity_profile(e, ents, None, named)
        assert p == entity_profile(e, ents, None)
        assert p.context == frozenset(k for i, k in named if i != e.id)
    ana = entity_profile(ents[0], ents, None, named)
    assert "Q7184" in ana.context and "lisbon" in ana.context and "ana silva" not in ana.context


def test_neighbours_give_each_entity_the_keys_of_the_others() -> None:
    """``Neighbours.around`` is the walk it replaces (issue 21): every named key but the
    entity's own, which stays when another entity of the article has it too."""
    from newskb.resolve.crossdoc import Neighbours

    named = (("E1", "q1"), ("E2", "smith"), ("E3", "smith"), ("E4", "acme"), ("E5", "q1x"))
    ready = Neighbours(named)
    for eid in ("E1", "E2", "E3", "E4", "E5", "E9"):
        assert ready.around(eid) == frozenset(k for i, k in named if i != eid)
    assert ready.around("E4") == {"q1", "smith", "q1x"}
    assert ready.around("E2") == {"q1", "smith", "acme", "q1x"}
