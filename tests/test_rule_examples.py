"""Every named rule of the coder has a made-up French example that makes it fire, on the real model (issue 9); a
rule only English data switches on (a cue list French does not have) has an English one.

One test per rule of :data:`~newsevents.engine.rulebook.REGISTRY` and per rule the candidate, absorption and
post-filter stages record (:mod:`newsevents.engine.sentence`, :mod:`newsevents.engine.learned_stage`): the
example of :data:`EXAMPLES` goes through ``Pipeline.trace`` and the rule's name must appear in the trace, on the
word it acts on, with the expected effect; where the example says so, the events coded from it must include the
ones a human coder following eval/ANNOTATION.md would write. A rule registered without an example fails.

Effects: ``dropped`` (the rule dropped the candidate), ``fired`` (a fallback or step changed it), ``candidate``
and ``confident`` (candidate stages), ``event dropped`` (post-filters), and ``silent`` for the few steps that do
their work without recording themselves (they return False by design): for those the test checks the expected
events, and that they are not coded when the rule is replaced by a step that does nothing.

The pipeline fixture codes with the rules alone; the learned model's rules run on the shipped model with the
thresholds given in the example (``model={}``: as shipped).
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from newsevents.engine.rulebook import REGISTRY
from newsevents.records import Article

pytestmark = pytest.mark.model

ENGINE = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "engine"
PUBLISHED = "2024-03-14"


@dataclasses.dataclass(frozen=True)
class Example:
    """``text``: the sentence(s); ``effect``: see the module docstring; ``on``: the word (token text) of the
    candidate the rule acts on; ``events``: events that must be coded ("TYPE CAMEO ACTORS -> RECIPIENTS
    MODALITY", parties as CODE/SECTOR joined by "+", "-" for none), ``()`` for "no event at all", None for not
    checked; ``note``: a substring of the trace's note for the step; ``published``: ISO 8601 date;
    ``model``: learned-model thresholds to switch on (the example then runs with the learned model); ``lang``:
    the language of the example (English for a rule only English data switches on)."""

    text: str
    effect: str
    on: str
    events: tuple[str, ...] | None = None
    note: str = ""
    published: str = PUBLISHED
    model: dict | None = None
    lang: str = "fr"


EXAMPLES: dict[str, Example] = {
    # -- suppression ------------------------------------------------------------------------------------------
    "background_participle": Example(
        "Le tribunal a libéré les militants arrêtés il y a un an.", "dropped", "arrêtés"),
    "wished_act": Example(
        "Kigali said it hoped French officials would be indicted for war crimes.", "dropped", "indicted", (),
        lang="en"),
    "purpose_clause": Example(
        "Des milliers d'infirmiers ont manifesté lundi à Lyon pour réclamer des hausses de salaire.", "dropped",
        "réclamer", ("PROTEST 141 FRA/HLH -> FRA/GOV asserted",)),
    "reaction_topic": Example(
        "Paris a condamné l'attaque russe contre Kiev.", "dropped", "attaque",
        ("ACCUSE 111 FRA/GOV -> RUS/- asserted",)),
    "place_description": Example(
        "Le pape s'est rendu à Bangui, où des rebelles ont attaqué l'armée en mars.", "dropped", "attaqué"),
    "threat_condition": Example(
        "La Russie menace de couper le gaz si l'Ukraine attaque la Crimée.", "dropped", "attaque",
        ("THREATEN 131 RUS/GOV -> UKR/- asserted",)),
    "consequence": Example(
        "Les rebelles ont bombardé la ville de Goma, tuant vingt personnes.", "dropped", "tuant"),
    "unowned_background": Example(
        "La police a arrêté dix personnes après un rassemblement lié à une hausse des prix.", "dropped",
        "rassemblement"),
    "tribute_gathering": Example(
        "Une foule s'est rassemblée samedi à Kiev pour honorer la mémoire du militant.", "dropped", "rassemblée",
        ()),
    "possessive_cause": Example(
        "Son combat contre les inégalités sociales va de pair avec un engagement sans faille.", "dropped", "combat",
        ()),
    "natural_cause": Example(
        "Onze personnes ont été tuées dans un carambolage près de Metz.", "dropped", "tuées", ()),
    "since_background": Example(
        "Depuis l'invasion du Kenya par l'Ouganda, des milliers de personnes ont fui vers la Tanzanie.", "dropped",
        "invasion"),
    "classifier_noun": Example(
        "Le centre de détention de Vilnius a été fermé par le gouvernement lituanien.", "dropped", "détention"),
    "organiser_adjunct": Example(
        "Des milliers de salariés ont défilé à Paris à l'appel des syndicats.", "dropped", "appel",
        ("PROTEST 141 FRA/LAB -> FRA/GOV asserted",)),
    # -- labels -----------------------------------------------------------------------------------------------
    "affiliation_label": Example(
        "L'armée israélienne a frappé la milice, soutenue par la Syrie.", "dropped", "soutenue"),
    "same_act_adjunct": Example(
        "Un kamikaze a attaqué la caserne de Kaboul en se faisant exploser.", "dropped", "exploser"),
    "noun_purpose": Example(
        "Une pétition pour interdire les armes a recueilli un million de signatures.", "dropped", "interdire", ()),
    "text_content": Example(
        "Le gouvernement et les syndicats ont signé un accord prévoyant une manifestation.", "dropped",
        "manifestation"),
    "interview": Example(
        "Le président ukrainien a critiqué la Russie dans un entretien accordé à la BBC.", "dropped", "entretien",
        ("ACCUSE 111 UKR/GOV -> RUS/- asserted",)),
    "violated": Example(
        "Le Venezuela a enfreint l'embargo.", "dropped", "embargo", ("REJECT 128 VEN/GOV -> - asserted",)),
    "cleared_charge": Example(
        "L'ancien ministre a été blanchi des accusations de corruption par un tribunal.", "dropped", "accusations",
        ()),
    "generic_mention": Example(
        "La répression s'accentue contre les opposants.", "dropped", "répression", ()),
    "negated_pledge": Example(
        "Le président serbe a promis de ne jamais renoncer à son droit sur le Kosovo.", "dropped", "promis", ()),
    # -- roles ------------------------------------------------------------------------------------------------
    "participants": Example(
        "La Russie a attaqué l'Ukraine.", "silent", "attaqué", ("ASSAULT 190 RUS/- -> UKR/- asserted",)),
    "shared_noun_modifiers": Example(
        "Les tirs de roquettes et frappes israéliennes sur Gaza ont repris jeudi.", "fired", "frappes",
        ("ASSAULT 195 ISR/MIL -> PSE/- asserted",)),
    "accused_actor": Example(
        "Kiev a bombardé Donetsk. Moscou l'accuse de viser des civils.", "fired", "viser",
        ("ASSAULT 190 UKR/GOV -> UKR/CVL alleged",), note="UKR/GOV"),
    "frame_sectors": Example(
        "L'opposition a protesté contre le gouvernement.", "fired", "protesté",
        ("ACCUSE 111 ---/OPP -> ---/GOV asserted",), note="frame protester 111"),
    "swapped_roles": Example(
        "Le président français a reçu la visite du chancelier allemand.", "fired", "reçu",
        ("CONSULT 042 DEU/GOV -> FRA/GOV asserted",)),
    "answered_request": Example(
        "La Russie a rejeté l'appel de l'ONU à cesser les frappes.", "fired", "rejeté",
        ("REJECT 120 RUS/GOV -> IGO/- asserted",)),
    "absorbed_acts": Example(
        "La France a promis d'aider le Liban.", "silent", "promis", ("AGREE 033 FRA/GOV -> LBN/- intended",)),
    "called_protest": Example(
        "Face aux gilets jaunes, la CGT appelle à manifester samedi.", "fired", "manifester",
        ("PROTEST 141 FRA/LAB -> FRA/GOV asserted",)),
    "hit_target": Example(
        "D'autres frappes ont touché la ville de Kharkiv.", "fired", "frappes",
        ("ASSAULT 195 - -> UKR/- asserted",), note="UKR/- 'Kharkiv'"),
    "demanded_of": Example(
        "La France a exigé que la Russie retire ses troupes d'Ukraine.", "fired", "exigé",
        ("REQUEST 100 FRA/GOV -> RUS/- asserted",), note="RUS"),
    "captor": Example(
        "Paris demande la libération de deux Français détenus en Iran.", "fired", "demande",
        ("REQUEST 100 FRA/GOV -> IRN/GOV asserted",), note="IRN/GOV"),
    "protesters_of": Example(
        "La police a empêché la manifestation organisée par des étudiants.", "fired", "empêché",
        ("COERCE 172 ---/COP -> ---/EDU asserted",), note="EDU"),
    "que_clause_subject": Example(
        "La Chine a exigé que le Japon renonce à ses essais.", "fired", "exigé",
        ("REQUEST 100 CHN/GOV -> JPN/- asserted",), note="JPN"),
    "absorbed_recipient": Example(
        "La France a promis de livrer des armes au Niger.", "fired", "promis",
        ("AGREE 033 FRA/GOV -> NER/- intended",), note="NER"),
    "complement_recipient": Example(
        "La Russie a menacé d'interrompre les négociations si les Etats-Unis ne retirent pas leurs missiles.",
        "fired", "menacé", ("THREATEN 134 RUS/GOV -> USA/- asserted",), note="USA"),
    "threatened_place": Example(
        "Ankara promet une nouvelle offensive à Alep.", "fired", "promet", ("THREATEN 138 TUR/GOV -> SYR/- asserted",),
        note="SYR"),
    "reciprocal": Example(
        "La France est convenue avec l'Allemagne de renforcer leur coopération.", "fired", "convenue",
        ("AGREE 030 FRA/GOV -> DEU/GOV intended", "AGREE 030 DEU/GOV -> FRA/GOV intended")),
    "demanded_doer": Example(
        "Le Mali exige le retrait des troupes françaises.", "fired", "exige",
        ("REQUEST 100 MLI/GOV -> FRA/MIL asserted",), note="FRA/MIL"),
    "demanded_of_object": Example(
        "Les manifestants exigent la démission du président.", "fired", "exigent",
        ("REQUEST 100 ---/CVL -> ---/GOV asserted",), note="président"),
    "promised_harm": Example(
        "Erdogan promet de bombarder les combattants kurdes.", "fired", "promet", note="138 asserted"),
    "sentenced": Example(
        "L'opposant russe a été condamné à huit ans de prison.", "fired", "prison",
        ("COERCE 173 RUS/JUD -> RUS/OPP asserted",), note="RUS/OPP"),
    "sentencing_actor": Example(
        "L'ancien chef rebelle libérien a été condamné à la réclusion par la cour d'assises de Paris.", "fired",
        "réclusion", ("COERCE 173 FRA/JUD -> LBR/REB asserted",), note="FRA/JUD"),
    "object_phrase_recipient": Example(
        "Sudanese forces launched artillery, mortar, and rocket fire against Ugandan positions.", "fired", "launched",
        note="UGA", lang="en"),
    "place_recipient": Example(
        "Des manifestations ont eu lieu en Iran.", "fired", "manifestations",
        ("PROTEST 141 IRN/CVL -> IRN/GOV asserted",),
        note="IRN/GOV"),
    "announcing_reporter": Example(
        "Moscou a prévenu qu'en cas de refus, les contrats seront arrêtés.", "fired", "arrêtés",
        ("THREATEN 131 RUS/GOV -> - asserted",), note="RUS/GOV"),
    "charging_party": Example(
        "L'Iran a annoncé l'arrestation de deux enseignants accusés d'espionnage.", "fired", "accusés",
        ("ACCUSE 112 IRN/GOV -> IRN/EDU asserted",), note="IRN"),
    "implied_actor": Example(
        "Dix opposants ont été arrêtés en Russie.", "fired", "arrêtés", ("COERCE 173 RUS/COP -> RUS/OPP asserted",),
        note="RUS/COP"),
    "means_actor": Example(
        "Four children were killed in an Israeli air strike on Friday.", "fired", "killed", note="ISR", lang="en"),
    "protesters_hit": Example(
        "Cinq manifestants ont été tués samedi à Khartoum.", "fired", "tués",
        ("ASSAULT 190 SDN/COP -> SDN/CVL asserted",),
        note="SDN/COP"),
    "unnamed_assailant": Example(
        "Un journaliste a été agressé à Lyon.", "fired", "agressé", ("ASSAULT 182 FRA/CVL -> FRA/MED asserted",),
        note="FRA/CVL"),
    "relative_passive": Example(
        "Sudan lifted a state of emergency that was imposed six months ago.", "dropped", "imposed",
        ("CONCEDE 081 SDN/- -> - asserted",), lang="en"),
    "no_participants": Example("Des frappes ont eu lieu.", "dropped", "frappes", ()),
    "actor_required": Example(
        "Le rejet des pouvoirs issus des élections a été annoncé.", "dropped", "rejet", ()),
    "recipient_required": Example("Le président a averti.", "dropped", "averti", ()),
    "conjunct_recipient": Example(
        "L'Iran a soutenu la guerre russe contre l'Ukraine et aurait fourni des drones.", "fired", "fourni",
        ("AID 072 IRN/- -> RUS/- alleged",), note="RUS"),
    "remember_recipients": Example(
        "L'Iran a soutenu la guerre russe contre l'Ukraine et aurait fourni des drones.", "silent", "soutenu",
        ("AID 072 IRN/- -> RUS/- alleged",)),
    "context_recipient": Example(
        "Les troupes russes ont bombardé Kiev. Le président ukrainien l'accuse.", "fired", "accuse",
        ("ACCUSE 112 UKR/GOV -> RUS/GOV asserted",), note="RUS"),
    "domestic_recipient": Example(
        "La justice iranienne a prononcé une condamnation à mort.", "fired", "prononcé",
        ("SANCTION 116 IRN/JUD -> IRN/CVL asserted",), note="IRN/CVL"),
    "addressed_people": Example(
        "Mercredi, le gouvernement français a appelé au calme.", "fired", "appelé",
        ("REQUEST 100 FRA/GOV -> FRA/CVL asserted",), note="FRA/CVL"),
    "home_recipient": Example(
        "Le premier ministre australien a reconnu sa défaite.", "fired", "reconnu",
        ("CONCEDE 080 AUS/GOV -> AUS/CVL asserted",), note="AUS/CVL"),
    "enumerated_recipients": Example(
        "La Chine a livré des vaccins au Chili, au Pérou, à la Bolivie et à Cuba.", "silent", "livré",
        ("AID 070 CHN/- -> PER/- asserted", "AID 070 CHN/- -> BOL/- asserted", "AID 070 CHN/- -> CUB/- asserted")),
    "lone_meeting": Example(
        "En pleine crise, le chef de l'État organise à Versailles le deuxième sommet Choose France.", "dropped",
        "sommet", ()),
    "home_trip": Example("Le ministre nord-coréen se rendra à Pyongyang.", "dropped", "rendra", ()),
    "recipientless_aid": Example(
        "Le juge a condamné la banque à verser 36 millions de dollars.", "dropped", "verser",
        ("SANCTION 116 ---/JUD -> ---/BUS asserted",)),
    "distinct_parties": Example(
        "Des soldats russes ont tiré sur des soldats russes.", "silent", "tiré",
        ("ASSAULT 190 RUS/MIL -> - asserted",)),
    # -- recoding ---------------------------------------------------------------------------------------------
    "modality": Example(
        "La Russie aurait livré des armes à la Syrie.", "fired", "livré", ("AID 072 RUS/- -> SYR/- alleged",),
        note="072 alleged"),
    "alleged_exchange": Example(
        "La Russie aurait libéré un Américain en échange de la libération d'un Russe.", "fired", "libération",
        note="0841 alleged"),
    "obligation_now": Example(
        "L'Ukraine a déclaré que la Russie devra payer.", "fired", "devra", ("REQUEST 100 UKR/GOV -> RUS/- asserted",),
        note="100 asserted"),
    "announced_intent": Example(
        "La France a annoncé qu'elle retirerait ses troupes du Mali.", "fired", "retirerait",
        ("CONCEDE 080 FRA/- -> MLI/- intended",), note="intended"),
    "conditioned_threat": Example(
        "La Russie a prévenu qu'en cas de refus, elle coupera le gaz à l'Ukraine.", "fired", "coupera",
        note="131 asserted"),
    "conditional_threat": Example(
        "Nigeria announced that it will withdraw its force from Chad unless elections are held.", "fired",
        "withdraw", ("THREATEN 130 NGA/GOV -> TCD/- asserted",), lang="en"),
    "intent_code": Example(
        "Le président français veut rencontrer le président russe.", "fired", "rencontrer",
        ("AGREE 036 FRA/GOV -> RUS/GOV intended",), note="036 intended"),
    "promise_content": Example(
        "La France promet de livrer des armes au Liban.", "fired", "promet", ("AGREE 033 FRA/GOV -> LBN/- intended",),
        note="033"),
    "threat_content": Example(
        "La Russie menace de couper le gaz à l'Ukraine.", "fired", "menace",
        ("THREATEN 131 RUS/GOV -> UKR/- asserted",),
        note="131"),
    "intended_one_way": Example(
        "Le président français veut rencontrer le président russe.", "fired", "rencontrer",
        ("AGREE 036 FRA/GOV -> RUS/GOV intended",)),
    "agree_intended": Example(
        "La France s'engage à coopérer avec l'Allemagne.", "fired", "engage", ("AGREE 031 FRA/GOV -> DEU/- intended",),
        note="intended"),
    # -- candidate, absorption and post-filter stages (engine/sentence.py, engine/learned_stage.py) ------------
    "lexicon": Example("La Russie a attaqué l'Ukraine.", "candidate", "attaqué", note="frame attaquer 190"),
    "synthetic": Example("Emmanuel Macron au Bénin.", "candidate", "Emmanuel",
                         ("CONSULT 042 FRA/GOV -> BEN/GOV asserted",),
                         note="frame (headline) 042"),
    "in_name": Example(
        "L'Organisation de libération de la Palestine a condamné Israël.", "dropped", "libération"),
    "pattern_object": Example(
        "La Russie a lancé une attaque contre l'Ukraine.", "dropped", "attaque",
        ("ASSAULT 190 RUS/- -> UKR/- asserted",)),
    "in_answered_request": Example(
        "La Russie a rejeté l'appel de l'ONU à cesser les frappes.", "dropped", "cesser"),
    "absorbed": Example(
        "Le Mali exige le retrait des troupes françaises.", "dropped", "retrait",
        ("REQUEST 100 MLI/GOV -> FRA/MIL asserted",)),
    "noun_topic": Example(
        "Les négociations sur un retrait des troupes russes ont repris.", "dropped", "retrait"),
    "refused_act": Example(
        "Paris a refusé de condamner Moscou.", "dropped", "refusé", ("ACCUSE 111 FRA/GOV -> RUS/GOV negated",)),
    "unvoiced": Example(
        "Le président est fortement critiqué pour sa gestion de la crise.", "event dropped", "critiqué", ()),
    "unnamed_repeat": Example(
        "Des milliers de dockers français ont débrayé mardi, premier jour d'une grève illimitée.", "event dropped",
        "grève", ("PROTEST 143 FRA/LAB -> FRA/GOV asserted",)),
    "duplicate": Example(
        "Le président français s'est rendu en Russie, une visite très attendue.", "event dropped", "visite"),
    "model_actor": Example(
        "Au Niger, des villageois ont fui après une attaque présumée de Boko Haram contre une caserne.", "fired",
        "attaque", note="NGA/REB", model={}),
    "model_actor_required": Example(
        "Des affrontements ont fait trois morts à Nantes.", "dropped", "affrontements", (), model={}),
    "model_recipient": Example(
        "Le Kremlin a menacé, dans un message adressé à l'Ukraine.", "fired", "menacé",
        ("THREATEN 130 RUS/GOV -> UKR/- asserted",), note="UKR", model={"recipient_threshold": 0.5}),
    "model_rescue": Example(
        "La Russie a lancé des frappes.", "confident", "frappes", ("ASSAULT 195 RUS/- -> - asserted",),
        note="p(ASSAULT)", model={"rescue": 0.5}),
}
"""Rule name -> its example."""

NO_EXAMPLE: dict[str, str] = {
    "model_veto": "the shipped trigger model has veto switched off (threshold 1.01); no natural sentence found whose "
                  "lexicon trigger it scores as no event at 0.6 (tests/test_learned.py covers the mechanism)",
    "model_proposal": "the shipped trigger model has proposals switched off (threshold 1.01); every assault or arrest "
                      "verb tried is already in the lexicon (tests/test_learned.py covers the mechanism)",
}
"""Rules with no natural example yet, and why: kept small (reported to the lead)."""

STAGE_FILES = ("sentence.py", "learned_stage.py")
STAGE_RULES = ("lexicon", "synthetic", "in_name", "pattern_object", "in_answered_request", "absorbed", "noun_topic",
               "refused_act", "unvoiced", "unnamed_repeat", "duplicate", "model_veto", "model_proposal", "model_rescue")
"""The rules the candidate, absorption and post-filter stages record (not in the registry)."""

ALL_RULES = [rule.name for rule in REGISTRY] + list(STAGE_RULES)


def describe(event) -> str:
    """"TYPE CAMEO ACTORS -> RECIPIENTS MODALITY" of an event (the format of :attr:`Example.events`)."""
    def who(entities):
        return "+".join(f"{e.code}/{e.sector or '-'}" for e in entities) or "-"
    return f"{event.event_type} {event.cameo_code} {who(event.actor)} -> {who(event.recipient)} {event.modality}"


def steps_on(trace, word: str) -> list:
    """Every trace step recorded on a candidate whose token text is ``word``."""
    return [step for sent in trace.sentences for cand in sent.candidates.values() if cand.text == word
            for step in cand.steps]


def run(pipeline, example: Example):
    """The trace and the described events of ``example``."""
    result, trace = pipeline.trace(Article("rule-example", example.text, example.published))
    return trace, [describe(e) for e in result.events]


def test_every_rule_has_an_example_or_a_reason():
    assert not set(EXAMPLES) & set(NO_EXAMPLE)
    assert set(ALL_RULES) == set(EXAMPLES) | set(NO_EXAMPLE), "add an example for each new rule to EXAMPLES"
    assert len(NO_EXAMPLE) <= 3, "NO_EXAMPLE must stay a short list of exceptions"
    effects = {"dropped", "fired", "candidate", "confident", "event dropped", "silent"}
    assert {ex.effect for ex in EXAMPLES.values()} <= effects


def test_stage_rules_are_every_name_the_stages_record():
    """A rule name recorded by the candidate, absorption or post-filter stages must be in STAGE_RULES."""
    recorded = set()
    for name in STAGE_FILES:
        source = (ENGINE / name).read_text(encoding="utf-8")
        recorded |= set(re.findall(r"(?:note|consume)\([^()\n]*?\"([a-z_]+)\"", source))
        recorded |= set(re.findall(r"\(\"([a-z_]+)\", _", source))  # POSTFILTERS: ("name", fn)
    recorded |= {"synthetic"}  # `"lexicon" if ... else "synthetic"`
    assert {"in_name", "pattern_object", "model_veto", "duplicate"} <= recorded  # the pattern reads the sources
    assert recorded <= set(STAGE_RULES), sorted(recorded - set(STAGE_RULES))
    assert not set(STAGE_RULES) & {rule.name for rule in REGISTRY}


def test_each_rule_docstring_quotes_its_tested_example():
    """The example a rule's docstring opens with is part of the sentence its test runs (same case aside)."""
    for rule in REGISTRY:
        quoted = re.match(r'"(.+?)"[ :]', rule.doc)
        assert quoted, f"rule {rule.name}: its docstring does not open with a quoted example"
        assert quoted.group(1).lower() in EXAMPLES[rule.name].text.lower(), \
            f"rule {rule.name}: docstring example {quoted.group(1)!r} is not in {EXAMPLES[rule.name].text!r}"


@pytest.mark.parametrize("name", ALL_RULES)
def test_rule_example(name, pipeline, request, monkeypatch):
    if name in NO_EXAMPLE:
        pytest.skip(f"no example for {name}: {NO_EXAMPLE[name]}")
    assert name in EXAMPLES, f"rule {name} has no example in EXAMPLES (tests/test_rule_examples.py)"
    example = EXAMPLES[name]
    if example.model is not None:
        learned_pipeline = request.getfixturevalue("learned_pipeline")
        model = learned_pipeline.coder.model
        overrides = dict(example.model)
        if "recipient_threshold" in overrides:  # the rule's mechanism, whatever threshold the shipped model has
            overrides["recipients"] = dataclasses.replace(model.recipients,
                                                          threshold=overrides.pop("recipient_threshold"))
        monkeypatch.setattr(learned_pipeline.coder, "model", dataclasses.replace(model, **overrides))
        pipeline = learned_pipeline
    if example.lang == "en":
        pipeline = request.getfixturevalue("english_pipeline")
    trace, events = run(pipeline, example)
    steps = [s for s in steps_on(trace, example.on) if s.rule == name]
    if example.effect == "silent":
        assert REGISTRY.get(name).kind == "step" and not steps
    else:
        assert any(s.effect == example.effect for s in steps), \
            f"{name} did not have effect {example.effect!r} on {example.on!r}: {steps_on(trace, example.on)}"
        assert any(example.note in s.note for s in steps if s.effect == example.effect), steps
    if example.events == ():
        assert events == [], events
    for expected in example.events or ():
        assert expected in events, f"{expected!r} not in {events}"
    if example.effect == "silent":
        assert_needed(pipeline, name, example)


def assert_needed(pipeline, name: str, example: Example) -> None:
    """A silent step is what codes the example's events: with the rule replaced by a step that does nothing,
    they are not all coded."""
    rule = REGISTRY.get(name)
    rules = REGISTRY._stages[rule.stage]
    index = rules.index(rule)
    rules[index] = dataclasses.replace(rule, fn=lambda coder, cand, state: False)
    try:
        _, events = run(pipeline, example)
    finally:
        rules[index] = rule
    assert not all(expected in events for expected in example.events), events
