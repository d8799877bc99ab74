"""Sectors of actors on made-up French sentences parsed by the real model (fr_core_news_md): titles given in
the text, relatives, demonym nouns for people, opposition, former office holders."""
from __future__ import annotations

import pytest

from newsevents.actors import ActorResolver
from newsevents.langdata import load_language

from coding import code

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def resolver(nlp):
    return ActorResolver(load_language("fr"), nlp=nlp)


def resolve(nlp, resolver, text, head, published="2023-05-10"):
    doc = nlp(text)
    ctx = resolver.article(published)
    ctx.add_doc(doc, 0)
    tok = next(t for t in doc if t.text == head)
    return [(e.code, e.sector) for e in ctx.resolve(tok)]


@pytest.mark.parametrize("text, head, published, expected", [
    # out of office by the date, but the text gives a present title: the title's sector
    ("Le président Reagan a menacé la Libye de représailles.", "président", "1995-06-01", [("USA", "GOV")]),
    ("Le général Michel Aoun a fermé le port de Beyrouth.", "général", "2000-03-01", [("LBN", "MIL")]),
    # a former title keeps ELI; so does a generic word for a leader; a person in office keeps the dated role
    ("Amman a critiqué le dirigeant nationaliste israélien Ariel Sharon.", "dirigeant", "2000-01-01",
     [("ISR", "ELI")]),
    ("L'ancien président Reagan a critiqué la Libye.", "président", "1995-06-01", [("USA", "ELI")]),
    ("Le président Emmanuel Macron a reçu le roi du Maroc.", "président", "2023-05-10", [("FRA", "GOV")]),
    # an organisation whose sector changed: rebels until 1994, then the ruling party
    ("Le Front patriotique rwandais a gagné les élections.", "Front", "2003-08-30", [("RWA", "PTY")]),
    ("Le Front patriotique rwandais a attaqué Kigali.", "Front", "1990-10-05", [("RWA", "REB")]),
    # an event noun whose actor is a person with a title in office on the date: the title's sector
    ("Madrid a salué une déclaration du président Reagan.", "déclaration", "1990-01-01", [("USA", "GOV")]),
])
def test_title_in_the_text_and_dated_roles(nlp, resolver, text, head, published, expected):
    assert resolve(nlp, resolver, text, head, published) == expected


def test_a_title_before_a_comma_counts_when_the_name_heads_the_phrase(nlp, resolver):
    """The parser may make the name the subject and the title a modifier: the title still gives the sector."""
    text = "Le chef de l'Etat ivoirien, Laurent Gbagbo, a rejeté l'offre de la France."
    assert resolve(nlp, resolver, text, "Laurent", "2015-01-01") == [("CIV", "GOV")]
    assert resolve(nlp, resolver, "Laurent Gbagbo a rejeté l'offre.", "Laurent", "2015-01-01") == [("CIV", "ELI")]


@pytest.mark.parametrize("text, head, expected", [  # the (country, sector) pairs of the phrase headed by `head`
    # -- sector of the phrase
    # a relative of an office holder is a civilian of that country; the noun's own sector wins over a person
    # in its "de" complement
    ("La police a interrogé l'épouse du président Emmanuel Macron.", "épouse", [("FRA", "CVL")]),
    ("L'armée de Vladimir Poutine a bombardé la ville.", "armée", [("RUS", "MIL")]),
    # demonym nouns for some people: civilians; a bare definite plural stays the country
    ("Des Tunisiens ont manifesté devant l'ambassade.", "Tunisiens", [("TUN", "CVL")]),
    ("Israël a imposé un couvre-feu aux Palestiniens vivant à Hébron.", "Palestiniens", [("PSE", "CVL")]),
    ("La police a dispersé les Syriens qui manifestaient devant la mairie.", "Syriens", [("SYR", "CVL")]),
    ("Les Américains ont proposé un accord.", "Américains", [("USA", "")]),
    ("Russes et Ukrainiens négocient à Istanbul.", "Russes", [("RUS", ""), ("UKR", "")]),
    # opposition parties and candidates, deposed leaders, extremist organisations, the wounded
    ("Cinq partis d'opposition ont boycotté le scrutin au Togo.", "partis", [("TGO", "OPP")]),
    ("Le pouvoir a écarté les candidats de l'opposition tchadienne.", "candidats", [("TCD", "OPP")]),
    ("Des sympathisants de l'opposition kényane ont manifesté.", "sympathisants", [("KEN", "OPP")]),
    ("Le porte-parole de l'opposition sénégalaise a démenti.", "porte-parole", [("SEN", "OPP")]),
    ("Le président déchu du Niger a refusé de démissionner.", "président", [("NER", "ELI")]),
    ("Londres a interdit une organisation extrémiste irlandaise.", "organisation", [("IRL", "REB")]),
    ("Les secours ont évacué les blessés de la ville syrienne.", "blessés", [("SYR", "CVL")]),
    # a suspect or an attacker in ordinary crime is a civilian (eval/ANNOTATION.md: the usual sectors); CRM is
    # for gangs and cartels
    ("Le suspect a poignardé deux passants.", "suspect", [("---", "CVL")]),
    # a dissident is the opposition (Phoenix agents: DISSIDENT -> OPP); a photojournalist is the media
    ("La police a arrêté un dissident biélorusse.", "dissident", [("BLR", "OPP")]),
    ("La police indienne a arrêté une photojournaliste indienne.", "photojournaliste", [("IND", "MED")]),
    # a company named by what it is: business, even with a person's name in it
    ("La justice française a condamné la maison d'enchères Pierre Bergé.", "maison", [("FRA", "BUS")]),
    # prison staff are the police (Phoenix JAIL_GUARD COP); a prisoner stays a civilian
    ("Des détenus ont agressé un surveillant pénitentiaire français.", "surveillant", [("FRA", "COP")]),
    ("La police a arrêté un prisonnier malien évadé.", "prisonnier", [("MLI", "CVL")]),
    # -- a relative or associate is not the office holder
    # a relative or associate of an office holder (agents.yaml relation_nouns) is a civilian of that country,
    # however the parser attaches the office holder's name
    ("Un ex-collaborateur du président français Emmanuel Macron a été arrêté.", "ex-collaborateur",
     [("FRA", "CVL")]),
    ("La police a interrogé l'ancien collaborateur d'Emmanuel Macron.", "collaborateur", [("FRA", "CVL")]),
    # a name apposed to such a noun is learned as that civilian, not as the office holder
    ("Jean Dupont, ex-collaborateur du président français Emmanuel Macron, a été placé mardi en détention "
     "provisoire.", "Jean", [("FRA", "CVL")]),
    ("Marc Lefort, ancien collaborateur d'Emmanuel Macron, a été placé en détention provisoire.", "Marc",
     [("FRA", "CVL")]),
    # -- supporters of a person
    # supporters of a leader out of office or in the opposition are the opposition; of one in office, civilians
    ("Des partisans de l'ancien président Ahmed Ben Bella ont bloqué des routes en Algérie.", "partisans",
     [("DZA", "OPP")]),
    ("Des partisans de l'opposant Alexeï Navalny ont manifesté à Moscou.", "partisans", [("RUS", "OPP")]),
    ("Des partisans du président Emmanuel Macron ont manifesté.", "partisans", [("FRA", "CVL")]),
    # -- sector described by the head noun
    # a weapon as the head: fired by armed forces; an adjective of a sector on the head noun
    ("Des missiles russes ont frappé la ville de Kharkiv.", "missiles", [("RUS", "MIL")]),
    ("Des centaines de personnes manifestent contre la présence militaire française.", "présence",
     [("FRA", "MIL")]),
    ("Des femmes djihadistes ont attaqué le poste de Gao, au Mali.", "femmes", [("MLI", "REB")]),
    # a body or a sector word keeps its own sector; a nationality with no such word stays the country
    ("Le régime militaire birman a arrêté des opposants.", "régime", [("MMR", "GOV")]),
    ("Des Russes ont manifesté à Paris.", "Russes", [("RUS", "CVL")]),
    ("La présence française au Sahel est contestée.", "présence", [("FRA", "")]),
    # -- media and companies are named actors
    # media and companies of the dictionary: their country and MED / BUS, not the sector of a word in the name
    ("Dassault Aviation a livré des avions à l'Inde.", "Dassault", [("FRA", "BUS")]),
    ("BFMTV a révélé le contenu du rapport.", "BFMTV", [("FRA", "MED")]),
    ("Aeroflot a suspendu ses vols vers l'Europe.", "Aeroflot", [("RUS", "BUS")]),
    # -- sector from inside the phrase
    # the leader or spokesperson of an organisation with a sector takes that sector
    ("Le porte-parole du Hezbollah a rejeté l'offre.", "porte-parole", [("LBN", "REB")]),
    ("Le secrétaire général de la CFDT a appelé à la grève.", "secrétaire", [("FRA", "LAB")]),
    # heads of intergovernmental organisations are IGO GOV
    ("Le secrétaire général de l'OTAN a rencontré le ministre.", "secrétaire", [("IGO", "GOV")]),
    ("Le médiateur de l'ONU a rencontré les rebelles.", "médiateur", [("IGO", "GOV")]),
    # an office in a body of another sector: that body's sector (agents.yaml office_words)
    ("Des responsables du renseignement égyptien ont rencontré leurs homologues.", "responsables",
     [("EGY", "SPY")]),
    ("Un porte-parole de l'armée nigériane a démenti.", "porte-parole", [("NGA", "MIL")]),
    ("Un représentant de la société civile malienne a parlé.", "représentant", [("MLI", "CVL")]),
    ("Le porte-parole du ministère chinois a démenti.", "porte-parole", [("CHN", "GOV")]),
    ("Des militants du Hezbollah ont été arrêtés.", "militants", [("LBN", "REB")]),
    ("Des hommes d'une katiba djihadiste ont tué dix civils au Mali.", "hommes", [("MLI", "REB")]),
    ("La police militaire serbe a arrêté trois hommes.", "police", [("SRB", "MIL")]),
    # fighters of a named force take its sector, alone they stay armed non-state actors (REB)
    ("Le tribunal a condamné des mercenaires du groupe Wagner.", "mercenaires", [("RUS", "MIL")]),
    ("Des mercenaires ont attaqué le village malien.", "mercenaires", [("MLI", "REB")]),
    # an event noun whose actor is a sector noun: the sector noun's sector, not only its demonym's country
    ("Paris a dénoncé l'envoi de soldats turcs en Libye.", "envoi", [("TUR", "MIL")]),
])
def test_sector_of_the_phrase(nlp, resolver, text, head, expected):
    assert resolve(nlp, resolver, text, head) == expected


def test_a_series_of_strikes_by_a_demonym_is_military(pipeline):
    """The demonym hangs on the quantity noun ("série ... russes"): still the armed forces."""
    events = code(pipeline, "Série de frappes russes sur Odessa.", "2023-05-10")
    assaults = [e for e in events if e.event_type == "ASSAULT"]
    assert assaults and [(a.code, a.sector) for a in assaults[0].actor] == [("RUS", "MIL")]


def test_an_unnamed_counterpart_of_a_government_is_its_government(pipeline):
    """The recipient of a condemnation is not named, only inferred from the story (Iran): its government."""
    text = ("Des enseignants belges ont été arrêtés en Iran. Le ministère belge des affaires étrangères "
            "a condamné vendredi une détention injustifiée.")
    events = code(pipeline, text, "2023-05-10")
    accuse = [e for e in events if e.event_type == "ACCUSE"]
    assert accuse and [(r.code, r.sector, r.entity_text) for r in accuse[0].recipient] == [("IRN", "GOV", "")]


@pytest.mark.parametrize("text, expected", [
    ("Le président sénégalais s'est rendu au Ghana mardi.", [("GHA", "GOV")]),  # the host government
    ("Des députés américains se sont rendus au Ghana mardi.", [("GHA", "")]),  # not a government's visit
])
def test_the_host_of_a_government_visit_is_its_government(pipeline, text, expected):
    events = code(pipeline, text, "2023-05-10")
    visits = [e for e in events if e.cameo_code == "042"]
    assert visits and [(r.code, r.sector) for r in visits[0].recipient] == expected


def test_a_pronoun_keeps_the_title_given_in_the_text(nlp, resolver):
    text = "Le président Reagan a menacé la Libye. Il a ensuite rencontré le roi du Maroc."
    assert resolve(nlp, resolver, text, "Il", "1995-01-01") == [("USA", "GOV")]


def test_an_unnamed_counterpart_of_an_intergovernmental_organisation_is_a_government(pipeline):
    text = "Des opposants ont été arrêtés au Tchad. L'ONU a condamné vendredi une détention injustifiée."
    events = code(pipeline, text, "2023-05-10")
    accuse = [e for e in events if e.event_type == "ACCUSE"]
    assert accuse and [(r.code, r.sector) for r in accuse[0].recipient] == [("TCD", "GOV")]


def test_an_implied_court_is_of_the_country_where_the_event_happens(pipeline):
    """The court of an agentless conviction is where the conviction happens ("à Paris"), not the place named
    in the description of the convicted person's son ("en Syrie")."""
    text = "La mère d'un jeune Français parti en Syrie a été condamnée vendredi à Paris à dix ans de prison."
    events = code(pipeline, text, "2023-05-10")
    convictions = [e for e in events if e.cameo_code == "116"]
    assert convictions and [(a.code, a.sector) for a in convictions[0].actor] == [("FRA", "JUD")]


def test_an_event_noun_described_as_military_gives_its_demonym_the_armed_forces(nlp, resolver):
    doc = nlp("Dernier jour des vastes manœuvres militaires chinoises autour de Taïwan.")
    ctx = resolver.article("2023-05-10")
    ctx.add_doc(doc, 0)
    noun = next(t for t in doc if t.text == "manœuvres")
    assert [(e.code, e.sector) for e in ctx.modifier_actors(noun)] == [("CHN", "MIL")]


def test_police_deployed_with_nobody_named_is_the_police(pipeline):
    """Police deployed or mobilised, no one named as deploying them: the police's own act (COP), not GOV."""
    events = code(pipeline, "Un important dispositif policier a été déployé samedi à Lyon.", "2023-05-10")
    mobilize = [e for e in events if e.cameo_code == "152"]
    assert mobilize and [(a.code, a.sector) for a in mobilize[0].actor] == [("FRA", "COP")]


def test_a_group_noun_named_by_an_organisation_is_that_organisation(nlp, resolver):
    """"le groupe Hezbollah": the quantifier "groupe" with no "de" complement is the organisation its proper noun
    names; a bare group, or a person in apposition to a quantifier, names none."""
    assert resolve(nlp, resolver, "Le groupe Hezbollah a attaqué une patrouille.", "groupe") == [("LBN", "REB")]
    assert resolve(nlp, resolver, "Le groupe a attaqué une patrouille.", "groupe") == []
