"""French roles (session 10): who takes part in an event noun of a "lors de" adjunct, and who imposes a prison
term; made-up sentences with the real spaCy model, expectations following eval/ANNOTATION.md."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def _dyads(events, cameo):
    return {(e.actor[0].code, e.recipient[0].code) for e in events if e.cameo_code == cameo
            and e.actor and e.recipient}


def test_a_meeting_in_a_lors_de_adjunct_involves_the_subject(pipeline):
    # rule adverb_occasion: the parser reads "lors" as an adverb with "d'une rencontre" as its oblique; the
    # meeting's sides are the subject of "a déclaré" and its "avec" partner
    events = code(pipeline, "Le président français a déclaré lors d'une rencontre avec le premier ministre japonais "
                            "que la guerre devait cesser.")
    assert _dyads(events, "040") == {("FRA", "JPN"), ("JPN", "FRA")}


def test_the_subject_of_a_passive_took_no_part_in_its_lors_de_adjunct(pipeline):
    # "tués lors de combats": the soldiers underwent the fighting, they are not its sides
    events = code(pipeline, "Trois soldats maliens ont été tués lors de combats avec des rebelles touaregs.")
    assert not [e for e in events if "combats" in e.event_text and e.actor
                and e.actor[0].entity_text.startswith("Trois soldats")]


def test_a_lors_de_adjunct_naming_no_partner_gives_no_participant(pipeline):
    # "lors d'un sommet": the partner would come from the story alone, the rule leaves it
    events = code(pipeline, "Le président sénégalais a déclaré lors d'un sommet que la guerre devait cesser.")
    assert not [e for e in events if "sommet" in e.event_text]


def test_the_prison_term_is_imposed_by_the_convicting_court(pipeline):
    # rule sentencing_actor: the court named as the conviction's agent, not a court of the convicted's country
    events = code(pipeline, "Le procès a ravivé le débat au Liberia. L'ancien chef rebelle libérien a été condamné "
                            "à la réclusion par la cour d'assises de Paris.")
    assert ("FRA", "LBR") in _dyads(events, "173")
    assert ("LBR", "LBR") not in _dyads(events, "173")


def test_the_prison_term_takes_the_convictions_implied_court(pipeline):
    # "condamné vendredi à Paris": the conviction's place gives its court (FRA JUD), and the prison term's
    events = code(pipeline, "Le militant syrien a été condamné vendredi à Paris à dix ans de prison.")
    assert {(e.actor[0].code, e.actor[0].sector) for e in events if e.cameo_code == "173"} == {("FRA", "JUD")}


def test_a_complaint_about_a_deportation_does_not_make_its_author(pipeline):
    # only a conviction or coercion verb passes its actor to the coercion noun it governs
    events = code(pipeline, "Un collectif français saisit la justice à propos de la déportation en Russie "
                            "d'enfants ukrainiens.")
    assert not [e for e in events if "déportation" in e.event_text and e.actor and e.actor[0].code == "FRA"]


def test_a_participle_coordinated_with_a_complement_noun_shares_the_subject(pipeline):
    # repair participle_conjuncts: "publié" was parsed as a conjunct of the noun "cérémonie"; it is one of the
    # verb "ont assisté", whose subject publishes the joint statement
    events = code(pipeline, "Les présidents russe et chinois ont assisté, vendredi, à la cérémonie d'ouverture "
                            "des Jeux et publié une longue déclaration commune.")
    assert _dyads(events, "057") == {("RUS", "CHN"), ("CHN", "RUS")}


def test_the_repair_hangs_the_participle_on_the_verb(nlp, pipeline):
    doc = nlp("Les présidents ont assisté, vendredi, à la cérémonie d'ouverture des Jeux et publié une déclaration.")
    publie = next(t for t in doc if t.text == "publié")
    pipeline.coder._participle_conjuncts(doc)
    assert publie.head.text == "assisté"


def test_the_repair_leaves_a_participle_with_its_own_auxiliary(nlp, pipeline):
    # "et a publié": a finite verb of its own, not a shared compound tense; the parse is left as it is
    doc = nlp("Le ministre a assisté à la cérémonie et a publié un communiqué.")
    before = [t.head.i for t in doc]
    pipeline.coder._participle_conjuncts(doc)
    assert [t.head.i for t in doc] == before


def test_an_agentless_sentence_pronounced_is_by_the_courts(pipeline):
    # lexicon: "prononcer une peine", "requérir une peine" without an agent imply the courts (JUD) of the place
    events = code(pipeline, "Des peines de prison ferme ont été prononcées en France contre les membres d'un réseau "
                            "de fraude.")
    assert {(e.cameo_code, e.actor[0].code, e.actor[0].sector) for e in events if "prononcées" in e.event_text
            and e.actor} == {("116", "FRA", "JUD")}


def test_a_penalty_required_by_a_named_prosecutor_keeps_the_prosecutor(pipeline):
    events = code(pipeline, "Le procureur allemand a requis deux ans de prison contre une ancienne secrétaire.")
    assert {(a.entity_text, a.sector) for e in events if e.cameo_code == "112" for a in e.actor} \
        == {("Le procureur allemand", "JUD")}
