"""Quote span conventions (source, cue, content boundaries): one test per rule (real model)."""

from __future__ import annotations

from tests.conftest import extract_checked

from newskb.model import Extraction, Quote

run = extract_checked  # real model, spans checked against the text


def by_cue(x: Extraction) -> dict[str, Quote]:
    return {q.cue.text: q for q in x.quotes if q.cue is not None}


def said(q: Quote) -> tuple[str | None, str | None, str]:
    return (q.speaker and q.speaker.text, q.cue and q.cue.text, q.content.text)


# --- content: where it ends -----------------------------------------------------------------
def test_content_runs_to_the_end_of_the_sentence() -> None:
    x = run(
        "Paris also claims that her passport was taken away from her and she was forced to "
        "work in the engine room."
    )
    assert [said(q) for q in x.quotes] == [
        (
            "Paris",
            "claims",
            "that her passport was taken away from her and she was forced to work in the "
            "engine room",
        )
    ]


def test_content_ends_with_the_relative_clause_holding_the_cue() -> None:
    x = run("John Smith, who said that the plan had failed, resigned.")
    assert [said(q) for q in x.quotes] == [("John Smith", "said", "that the plan had failed")]


def test_content_stops_where_a_coordinated_attribution_starts() -> None:
    x = by_cue(run("They also claimed Paris was a volunteer and claim she has a vested interest."))
    assert said(x["claimed"]) == ("They", "claimed", "Paris was a volunteer")
    assert said(x["claim"]) == ("They", "claim", "she has a vested interest")


def test_content_stops_at_a_with_clause_that_reports_its_own_claim() -> None:
    x = by_cue(
        run(
            "Officials say every claim will be assessed fairly, with the newspaper reporting "
            "that no one will be refused."
        )
    )
    assert said(x["say"]) == ("Officials", "say", "every claim will be assessed fairly")
    assert said(x["reporting"]) == ("the newspaper", "reporting", "that no one will be refused")


def test_participle_adding_speaks_for_the_subject_and_ends_the_first_content() -> None:
    x = by_cue(run("He said the plan had failed, adding that the minister would resign."))
    assert said(x["said"]) == ("He", "said", "the plan had failed")
    assert said(x["adding"]) == ("He", "adding", "that the minister would resign")


def test_inner_cue_content_ends_at_the_closing_quotation_mark() -> None:
    x = by_cue(run('"I thought that in real life it was really kind of magical," Allton said.'))
    assert said(x["thought"]) == ("I", "thought", "that in real life it was really kind of magical")
    assert said(x["said"])[:2] == ("Allton", "said")


# --- content: where it starts ---------------------------------------------------------------
def test_that_clause_after_an_addressee_and_a_circumstance() -> None:
    x = run(
        "Steve Whitmore told LA Weekly in a statement that the case was being dealt with as "
        "grand theft."
    )
    assert [said(q) for q in x.quotes] == [
        ("Steve Whitmore", "told", "that the case was being dealt with as grand theft")
    ]


def test_a_pronoun_that_is_no_complementiser() -> None:
    x = run("Maria Lopez spoke to reporters.\n“Nobody should doubt that,” she said.")
    assert [said(q) for q in x.quotes] == [("she", "said", "Nobody should doubt that")]


def test_cue_interrupting_its_clause_gives_both_halves() -> None:
    (q,) = run(
        "Institutional recipients, said Mauer, are required to exhibit the photographs every "
        "ten years."
    ).quotes
    assert (q.speaker and q.speaker.text, q.cue and q.cue.text) == ("Mauer", "said")
    text = q.content.text
    assert [text[s - q.content.start : e - q.content.start] for s, e in q.content.fragments] == [
        "Institutional recipients",
        "are required to exhibit the photographs every ten years",
    ]


def test_participle_clause_after_the_cue_is_not_content() -> None:
    x = run(
        "One poster admitted to being a part of the effort, writing in a blog post "
        '"I have loaded up the tool and started bombarding the homepage."'
    )
    (q,) = x.quotes
    assert q.content.text.startswith("I have loaded up the tool")


# --- quotations -----------------------------------------------------------------------------
def test_a_cue_introduces_one_quotation() -> None:
    x = run('"We played well," Gomez said. "The team was tired at the end."')
    assert [said(q) for q in x.quotes] == [
        ("Gomez", "said", "We played well"),
        ("Gomez", None, "The team was tired at the end."),
    ]


def test_two_quotations_of_two_cues_are_no_interrupted_quote() -> None:
    x = run(
        'Cooper said her party has supported the idea "for months", and said it was '
        '"damning that the office is idle".'
    )
    assert [q.content.text for q in x.quotes] == [
        'her party has supported the idea "for months"',
        'it was "damning that the office is idle"',
    ]
    assert all(not q.content.fragments for q in x.quotes)


def test_quotation_of_a_message_inside_a_reported_clause() -> None:
    x = by_cue(
        run(
            "Some users reported that all they get is a message stating, "
            '"The word means search for truth".'
        )
    )
    assert x["reported"].kind == "mixed"
    assert said(x["stating"]) == ("a message", "stating", "The word means search for truth")


# --- source and cue -------------------------------------------------------------------------
def test_name_after_a_possessed_role_is_an_apposition() -> None:
    (q,) = run("His father Mohamed Hassan said he was taking his family to New York.").quotes
    assert said(q) == ("His father", "said", "he was taking his family to New York")


def test_name_after_a_bare_title_stays() -> None:
    (q,) = run("Curator Elaine Gustafon said the exhibit drew large crowds.").quotes
    assert said(q)[0] == "Curator Elaine Gustafon"


def test_thought_verbs_of_the_seed_and_questions() -> None:
    (q,) = run("I decided that the old model would not build the resource I envisioned.").quotes
    assert said(q)[:2] == ("I", "decided")
    assert run("The country will vote to determine whether citizens want a new flag.").quotes == ()


def test_infinitive_cue_speaks_for_the_controller_but_asks_no_question() -> None:
    x = run("That said, we are realistic enough to realize that this goal will take decades.")
    assert [said(q) for q in x.quotes] == [("we", "realize", "that this goal will take decades")]
    assert run("He declined to say whether the talks had failed.").quotes == ()
    # "that" is a pronoun: no knowledge shown, but her intention ("wanted [to show ...]")
    shown = run("She wanted to show that off to people.").quotes
    assert [(said(q), q.mode) for q in shown] == [
        (("She", "wanted", "to show that off to people"), "intention")
    ]


def test_clause_conjoined_to_the_cue_without_a_coordinator_is_its_content() -> None:
    x = run(
        "They estimated by 2050, increasing population and changing diet would increase world "
        "food needs by 50 percent."
    )
    assert [said(q)[:2] for q in x.quotes] == [("They", "estimated")]
    assert x.quotes[0].content.text.endswith("would increase world food needs by 50 percent")


def test_content_stops_before_a_crediting_cue_verb() -> None:
    x = run("She stressed that it was about achieving peace, reports UNN.")
    assert [said(q) for q in x.quotes] == [("She", "stressed", "that it was about achieving peace")]


def test_inverted_cue_whose_speaker_the_parser_made_its_object() -> None:
    """Regression: '"...," added KCNA.' had no speaker (the parser makes "KCNA" the object of
    "added")."""
    x = run('"We are in contact with all relevant parties and will act," added KCNA.\n')
    assert [said(q)[:2] for q in x.quotes] == [("KCNA", "added")]


def test_the_object_of_an_addressee_cue_is_never_the_inverted_speaker() -> None:
    from spacy.tokens import Doc as SpacyDoc

    from newskb.extract.quotes.speaker import subject_of
    from newskb.nlp import load

    words = ['"', "Yes", ",", '"', "told", "Reuters", "."]
    kw = {
        "heads": [4, 4, 4, 4, 4, 4, 4],
        "deps": ["punct", "intj", "punct", "punct", "ROOT", "dobj", "punct"],
        "pos": ["PUNCT", "INTJ", "PUNCT", "PUNCT", "VERB", "PROPN", "PUNCT"],
    }
    told = SpacyDoc(load().vocab, words=words, lemmas=[w.lower() for w in words], **kw)
    told[4].lemma_ = "tell"
    assert subject_of(told[4]) is None
    added = SpacyDoc(load().vocab, words=[*words[:4], "added", *words[5:]], **kw)
    added[4].lemma_ = "add"
    assert subject_of(added[4]) is not None and subject_of(added[4]).text == "Reuters"


def test_speaker_the_parser_hung_on_an_opening_participle() -> None:
    """Regression: 'Speaking in the parents' defense, Tom Molomby, SC, said that ...' gave no
    quote at all (the parser attached the name to "Speaking", leaving "said" without subject)."""
    x = run(
        "Speaking in the parents' defense, Tom Molomby, SC, said that, as the parents came from "
        "India, where homeopathy is in common use, they should be declared not guilty.\n"
    )
    assert [said(q)[:2] for q in x.quotes] == [("Tom Molomby, SC", "said")]


def test_a_thought_inside_what_someone_said_is_part_of_that_statement() -> None:
    """Regression: "Jafari said she felt ..." gave a second quote (she / felt) nested in the
    first; and "I think the talks will fail, he said" lost "he said" altogether (taken for an
    outlet crediting a report, like "She stressed that ..., reports UNN", which still is)."""
    x = run("Jafari said she felt Mohamed had been subject to Islamophobia.\n")
    assert [said(q) for q in x.quotes] == [
        ("Jafari", "said", "she felt Mohamed had been subject to Islamophobia")
    ]
    x = run("I think the talks will fail, he said.\n")
    assert [said(q) for q in x.quotes] == [("he", "said", "I think the talks will fail")]
    x = run("She stressed that the talks will fail, reports UNN.\n")
    assert [said(q)[:2] for q in x.quotes] == [("She", "stressed")]


def test_a_statement_read_out_without_quote_marks() -> None:
    """The seed's White House statement: paragraphs after "X released a statement" that the
    text continues with "She also noted ..." are X's; without that link nothing is guessed."""
    text = (
        "Spokeswoman Anna Berg released a statement on the talks in Geneva.\n"
        "Both delegations agreed to meet again next month to work on a lasting settlement.\n"
        "She also noted that the ceasefire had held for a week.\n"
    )
    x = run(text)
    got = [(said(q), q.kind) for q in x.quotes]
    assert got[0] == (
        (
            "Spokeswoman Anna Berg",
            "released",
            "Both delegations agreed to meet again next month to work on a lasting settlement.",
        ),
        "indirect",
    )
    assert got[1][0][:2] == ("She", "noted") and [q.id for q in x.quotes] == ["Q1", "Q2"]
    plain = run(
        "The ministry of Ukraine issued a statement on Monday.\n"
        "The protests continued in the capital for a third day, with thousands marching.\n"
        "Officials said the talks would resume next week.\n"
    )
    assert [said(q)[1] for q in plain.quotes] == ["said"]


def test_an_it_speaker_is_the_organisation_just_named_as_subject() -> None:
    x = run("The Kremlin denied any role. In a statement, it said the drones were not Russian.\n")
    # "denied [any role]" is the Kremlin's stance (a noun-phrase content), then "it said ..."
    denied, q = x.quotes
    assert denied.cue is not None and denied.cue.text == "denied"
    names = {e.id: e.name for e in x.entities}
    assert q.speaker is not None and names.get(q.speaker.entity or "") == "Kremlin"
    x = run("The talks collapsed after a week. It said that the report was a fabrication.\n")
    assert all(q.speaker is None or q.speaker.entity is None for q in x.quotes)
