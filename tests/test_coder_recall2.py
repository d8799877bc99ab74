"""Recall rules (second round) on made-up French sentences, with the real spaCy model (one rule per test).

Each expectation is what a human coder following eval/ANNOTATION.md would write for the sentence.
"""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def typed(events):
    return {(e.event_type, e.actor[0].code if e.actor else None, e.recipient[0].code if e.recipient else None)
            for e in events}


def test_charge_participle_is_an_accusation_by_the_captor(pipeline):
    events = code(pipeline, "La police turque a annoncé l'arrestation de trois journalistes grecs accusés "
                            "d'espionnage.")
    assert ("ACCUSE", "TUR", "GRC") in typed(events)


def test_charge_participle_with_killer_as_accuser(pipeline):
    events = code(pipeline, "Au Mali, plusieurs villageois, accusés de trahison, tués par des djihadistes.")
    assert "ACCUSE" in {e.event_type for e in events}


def test_accused_pronoun_is_the_actor_of_the_act(pipeline):
    events = code(pipeline, "La Russie a bombardé Kharkiv mardi. Le président ukrainien l'accuse de viser des "
                            "quartiers habités.")
    assert ("ASSAULT", "RUS") in {(e.event_type, e.actor[0].code) for e in events
                                  if e.actor and e.event_text == "viser"}


def test_accused_with_conjunct_is_the_actor_of_the_act(pipeline):
    events = code(pipeline, "La Russie a accusé l'Ukraine et ses alliés de refuser des pourparlers.")
    assert ("REJECT", "UKR", "RUS") in typed(events)


def test_absolute_clause_subject_repaired():
    # "..., Moscou étant accusé par Kiev ...": the parser hung "Moscou" and "accusé" on the noun "mois"
    import spacy
    from spacy.tokens import Doc

    from types import SimpleNamespace

    from newsevents.coder import EventCoder
    from newsevents.langdata import load_language
    from newsevents.lexicon import Lexicon

    coder = SimpleNamespace(lex=Lexicon.from_data(load_language("fr")))  # the repair reads only the lexicon
    words = ["les", "mois", ",", "Moscou", "étant", "accusé", "par", "Kiev"]
    heads = [1, 1, 5, 1, 5, 1, 7, 5]
    deps = ["det", "ROOT", "punct", "nmod", "aux:pass", "acl", "case", "obl:agent"]
    pos = ["DET", "NOUN", "PUNCT", "PROPN", "AUX", "VERB", "ADP", "PROPN"]
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos)
    EventCoder._absolute_subjects(coder, doc)
    assert (doc[3].head.i, doc[3].dep_) == (5, "nsubj:pass")
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc[3].pos_ = "ADP"  # not a noun: left alone
    EventCoder._absolute_subjects(coder, doc)
    assert (doc[3].head.i, doc[3].dep_) == (1, "nmod")


def test_meeting_partner_phrase_right_after_the_noun(pipeline):
    # the parser may hang "avec le Premier ministre britannique" on the name after it, not on "entretien"
    events = code(pipeline, "Le président polonais prendra la parole en fin de journée à l'issue d'un entretien "
                            "avec le Premier ministre britannique Rishi Sunak.")
    assert {("CONSULT", "POL", "GBR"), ("CONSULT", "GBR", "POL")} <= typed(events)


@pytest.mark.parametrize("text", [
    "La garde côtière grecque a levé jeudi le blocus imposé deux jours plus tôt aux chalutiers turcs, ont "
    "indiqué des pêcheurs.",
    "Les forces soudanaises ont levé dimanche le blocus imposé depuis un mois aux convois tchadiens, ont affirmé "
    "des témoins.",
])
def test_object_after_weekday_parsed_as_adjunct_or_incise_subject(pipeline, text):
    assert "RETREAT" in {e.event_type for e in code(pipeline, text)}


def test_sexual_assault_by_adverb(pipeline):
    assert ("ASSAULT", "1821") in {(e.event_type, e.cameo_code) for e in code(
        pipeline, "Des soldats russes ont abusé sexuellement de villageoises ukrainiennes.")}
    assert not code(pipeline, "Le ministre russe a abusé de son pouvoir.")  # another sense: no event


def test_que_clause_hung_on_weekday_is_reattached():
    # "L'UE a confirmé jeudi qu'elle durcirait l'embargo": the clause parsed as a relative of "jeudi"
    import types

    import spacy
    from spacy.tokens import Doc

    from newsevents.coder import EventCoder

    words = ["L'", "UE", "a", "confirmé", "jeudi", "qu'", "elle", "durcirait", "l'", "embargo"]
    heads = [1, 3, 3, 3, 3, 7, 7, 4, 9, 7]
    deps = ["det", "nsubj", "aux:tense", "ROOT", "obl:mod", "obj", "nsubj", "acl:relcl", "det", "obj"]
    pos = ["DET", "PROPN", "AUX", "VERB", "NOUN", "PRON", "PRON", "VERB", "DET", "NOUN"]
    from newsevents.langdata import load_language
    from newsevents.lexicon import Lexicon

    fake = types.SimpleNamespace(dates=types.SimpleNamespace(is_day_word=lambda w: w in ("mercredi", "jeudi")),
                                 lex=Lexicon.from_data(load_language("fr")))
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos)
    EventCoder._reattach_weekday_clauses(fake, doc)
    assert (doc[7].head.i, doc[7].dep_, doc[5].dep_) == (3, "ccomp", "mark")
    # a real relative clause ("le mercredi qu'il a choisi"): "que" is its object, left alone
    words = ["Il", "viendra", "mercredi", "qu'", "il", "a", "choisi"]
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=[1, 1, 1, 6, 6, 6, 2],
              deps=["nsubj", "ROOT", "obl:mod", "obj", "nsubj", "aux:tense", "acl:relcl"],
              pos=["PRON", "VERB", "NOUN", "PRON", "PRON", "AUX", "VERB"])
    EventCoder._reattach_weekday_clauses(fake, doc)
    assert (doc[6].head.i, doc[6].dep_) == (2, "acl:relcl")


def test_two_organisations_are_two_actors(pipeline):
    events = code(pipeline, "L'OSCE et l'Union européenne exhortent l'Arménie à rouvrir sa frontière.")
    requests = [e for e in events if e.event_type == "REQUEST"]
    assert len(requests) == 2 and {e.actor[0].code for e in requests} == {"IGO"}


def test_gathering_signatures_is_dissent(pipeline):
    events = code(pipeline, "Le parti d'opposition polonais a commencé à recueillir des signatures contre la "
                            "réforme.")
    assert ("PROTEST", "140") in {(e.event_type, e.cameo_code) for e in events}
    assert not code(pipeline, "La police a recueilli des témoignages.")  # other objects: no event


def test_conditional_cooperation_is_an_offer_not_a_threat(pipeline):
    events = code(pipeline, "Les insurgés colombiens ont affirmé qu'ils rencontreraient l'émissaire de l'Union "
                            "européenne si leur sécurité était garantie.")
    types = {e.event_type for e in events}
    assert "AGREE" in types and "THREATEN" not in types
    events = code(pipeline, "Le Japon a annoncé qu'il imposerait des sanctions à la Corée du Nord si elle "
                            "procédait à un essai nucléaire.")
    assert "THREATEN" in {e.event_type for e in events}  # a conflictual act on a condition stays a threat


def test_freeing_a_region_by_force_is_an_attack(pipeline):
    events = code(pipeline, "La Turquie affirme vouloir « libérer » militairement le nord de la Syrie.")
    assert ("ASSAULT", "TUR", "SYR") in typed(events)
    assert not code(pipeline, "La Turquie veut libérer le commerce.")  # no force, no object of the frames


def test_the_one_angered_is_the_accuser(pipeline):
    events = code(pipeline, "Les propos du président russe ont ulcéré la Pologne.")
    assert ("ACCUSE", "POL", "RUS") in typed(events)
