"""The word lists that decide an event's participants (read by ``roles``)."""

from __future__ import annotations

RECIPIENT_PREPS = frozenset({"with", "to", "against", "on", "from", "toward", "towards", "into"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
SWAP_LEMMAS = frozenset({"host"})  # the subject hosts: the visitor is the actor
NOUN_RECIPIENT_PREPS = RECIPIENT_PREPS | {"for"}
OBJECT_RECIPIENT_PREPS = NOUN_RECIPIENT_PREPS | {"by"}  # "rejected calls by Kofi Annan"
MEDIATION = frozenset({"mediation", "mediate", "mediator", "broker", "arbitrate", "arbitration"})
STATIVE_PASSIVES = frozenset({"oppose", "commit", "prepare", "determine", "resolve", "dispose"})
# nouns of acts done to someone: the possessor is the one acted on ("his arrest", "Gomes's
# extradition"), a compound is the charge or the kind ("a DUI arrest", "a drug arrest")
PATIENT_NOUNS = frozenset(
    """arrest detention capture indictment conviction extradition deportation execution
    assassination kidnapping abduction release expulsion sentencing prosecution trial
    imprisonment jailing internment killing murder death shooting stabbing beating""".split()  # noqa: SIM905
)
# legal verbs whose bare active use with no object is a reduced passive: "two officers charged
# over the shooting", "a man arrested on Monday" (the subject is the one acted on)
PATIENT_VERBS = frozenset(
    """arrest charge indict convict sentence detain jail imprison acquit extradite deport""".split()  # noqa: SIM905
)
# a noun trigger that is the object of one of these is seen, told or suffered by the subject,
# not done by it ("Verisign spotted an attack", "a warship foiled a pirate attack")
ONLOOKER_VERBS = frozenset(
    """spot see witness notice report describe detect discover investigate condemn denounce
    deny blame recall mention fear foil thwart prevent repel repulse survive suffer face
    escape follow watch cover film photograph document recount remember""".split()  # noqa: SIM905
)


# events of several sides: an unnamed side conjoined with a named one is a party too
SIDED = frozenset({"AGREE", "CONSULT", "COOPERATE"})


# event types done in words: a region they happen in is not what they act on
VERBAL_TYPES = frozenset(
    {"CONSULT", "AGREE", "REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN", "COOPERATE"}
)


# acts done to a place itself ("shelled Kharkiv", "the invasion of Iraq"); killing, shooting,
# arresting or charging someone somewhere is done to people, the place is only where
TO_PEOPLE = frozenset(
    """kill murder shoot shot injure wound stab beat arrest detain charge indict accuse convict
    sentence jail imprison release free capture abduct kidnap killing shooting murder death
    arrest stabbing beating""".split()  # noqa: SIM905
)
