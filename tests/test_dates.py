"""Tests for newsevents.dates: table rows (sentence, publication date, expected words, value, precision), as in
dateparser's tests. Every sentence is made up for these tests; expected values are worked out by hand from the
calendar (2024-01-24 is a Wednesday, 2024-01-21 a Sunday, 2022-06-22 a Wednesday, 2022-10-24 a Monday)."""
from __future__ import annotations

import copy

import pytest

from newsevents.dates import DateResolver, TimeExpression, fold, nearest
from newsevents.langdata import LanguageData, LanguageDataError, load_language
from newsevents.records import EventDate

WED = "2024-01-24"


@pytest.fixture(scope="module")
def resolver() -> DateResolver:
    return DateResolver(load_language("fr"))


ROWS = [
    # absolute dates
    ("Le sommet s'est tenu le 15 janvier 2024 à Genève.", WED, "15 janvier 2024", "2024-01-15", "day"),
    ("Le traité de paix date du 14 juillet 1789.", WED, "14 juillet 1789", "1789-07-14", "day"),
    ("Un accord a été signé le 15/01/2024 à Doha.", WED, "15/01/2024", "2024-01-15", "day"),
    ("Le décret, daté du 2024-01-15, entre en vigueur.", WED, "2024-01-15", "2024-01-15", "day"),
    ("La note du 12 janv. 2024 a fuité.", WED, "12 janv. 2024", "2024-01-12", "day"),
    ("Le dossier du 15/01/24 est clos.", WED, "15/01/24", "2024-01-15", "day"),
    # day and month, year from the publication date
    ("Les pourparlers ont repris le 3 février.", "2024-03-10", "3 février", "2024-02-03", "day"),
    ("Le ministre a été reçu le 1er mars.", "2024-03-05", "1er mars", "2024-03-01", "day"),
    ("La délégation arrivera le 1ᵉʳ avril.", "2024-03-28", "1ᵉʳ avril", "2024-04-01", "day"),
    ("L'attaque a eu lieu le 20 décembre.", WED, "20 décembre", "2023-12-20", "day"),
    ("Les élections sont prévues le 9 juin.", WED, "9 juin", "2024-06-09", "day"),
    ("Il a démissionné le 12 septembre dernier.", WED, "12 septembre dernier", "2023-09-12", "day"),
    ("Le vote aura lieu le 12 septembre prochain.", WED, "12 septembre prochain", "2024-09-12", "day"),
    ("La conférence s'ouvrira jeudi 1er février.", WED, "jeudi 1er février", "2024-02-01", "day"),
    # the weekday picks the year: 2023-12-30 was a Saturday, 2024-12-30 is a Monday
    ("Le raid de samedi 30 décembre a fait dix morts.", "2024-07-10", "samedi 30 décembre", "2023-12-30", "day"),
    ("Le marché sera fermé samedi 15/12.", "2018-12-14", "samedi 15/12", "2018-12-15", "day"),
    # months
    ("Les troupes se sont retirées en septembre.", WED, "septembre", "2023-09", "month"),
    ("Les combats de septembre 2023 ont fait des victimes.", WED, "septembre 2023", "2023-09", "month"),
    ("Lors du sommet de septembre dernier, ils ont signé.", "2024-01-21", "septembre dernier", "2023-09", "month"),
    ("Le scrutin se tiendra en mars prochain.", WED, "mars prochain", "2024-03", "month"),
    ("Les manifestations de mars dernier ont surpris.", "2024-03-15", "mars dernier", "2023-03", "month"),
    ("Une enquête a été ouverte début mars.", "2022-03-21", "début mars", "2022-03", "month"),
    ("Les négociations reprendront à la mi-janvier.", "2024-01-05", "à la mi-janvier", "2024-01", "month"),
    ("Les grèves de mai ont paralysé le pays.", "2024-08-10", "mai", "2024-05", "month"),
    ("Le cessez-le-feu de Mars reste fragile.", "2024-06-01", "Mars", "2024-03", "month"),
    ("Les barricades de Mai 68 sont restées célèbres.", "2018-05-02", "Mai 68", "1968-05", "month"),
    ("Il ne reviendra pas avant fevrier.", WED, "fevrier", "2024-02", "month"),
    # years
    ("La production a chuté en 2023.", WED, "2023", "2023", "year"),
    ("La dette devrait baisser fin 2023.", WED, "fin 2023", "2023", "year"),
    ("Lors du sommet de l'année dernière, rien n'a changé.", "2024-01-21", "année dernière", "2023", "year"),
    ("Le contrat a été rompu l'an dernier.", WED, "an dernier", "2023", "year"),
    ("Les exportations progressent cette année.", WED, "cette année", "2024", "year"),
    ("Le pays est en guerre depuis 2014.", WED, "depuis 2014", "2014/2024", "interval"),
    ("Ce courant est né dans les années 1990.", WED, "les années 1990", "1990/1999", "interval"),
    ("Le plan couvre la période 2014-2018.", WED, "2014-2018", "2014/2018", "interval"),
    ("Le mandat court de 2014 à 2018.", WED, "de 2014 à 2018", "2014/2018", "interval"),
    # weekdays (publication on Wednesday 2024-01-24 unless said)
    ("L'agence l'a annoncé dimanche.", WED, "dimanche", "2024-01-21", "day"),
    ("L'agence l'a annoncé dimanche.", "2024-01-21", "dimanche", "2024-01-21", "day"),
    ("Il est rentré lundi dernier.", WED, "lundi dernier", "2024-01-22", "day"),
    ("Il est rentré lundi dernier.", "2024-01-22", "lundi dernier", "2024-01-15", "day"),
    ("Les tirs ont repris mardi soir.", WED, "mardi soir", "2024-01-23", "day"),
    ("Le ministre a été entendu jeudi matin.", WED, "jeudi matin", "2024-01-18", "day"),
    ("Le conseil se réunira lundi prochain.", WED, "lundi prochain", "2024-01-29", "day"),
    ("Les syndicats ont manifesté ce lundi.", WED, "ce lundi", "2024-01-22", "day"),
    ("La visite aura lieu vendredi de la semaine prochaine.", WED, "vendredi de la semaine prochaine",
     "2024-02-02", "day"),
    # relative days
    ("Pyongyang a annoncé aujourd’hui un nouvel essai.", WED, "aujourd’hui", "2024-01-24", "day"),
    ("Le président a parlé hier soir à la télévision.", WED, "hier soir", "2024-01-23", "day"),
    ("Les combats ont cessé avant-hier.", WED, "avant-hier", "2024-01-22", "day"),
    ("Le sommet s'ouvre demain à Rome.", WED, "demain", "2024-01-25", "day"),
    ("Un drone a été abattu ce matin.", WED, "ce matin", "2024-01-24", "day"),
    ("Le cabinet s'était réuni la veille.", "2022-10-24", "la veille", "2022-10-23", "day"),
    ("Le scrutin a été annulé hier samedi.", "2024-01-21", "hier samedi", "2024-01-20", "day"),
    # weeks, weekends, months as calendar units
    ("Les négociations ont échoué cette semaine.", WED, "cette semaine", "2024-01-22/2024-01-28", "interval"),
    ("Les négociations ont échoué la semaine dernière.", WED, "semaine dernière", "2024-01-15/2024-01-21",
     "interval"),
    ("Un entrepôt a brûlé pendant le week-end dernier.", "2022-06-22", "week-end dernier",
     "2022-06-18/2022-06-19", "interval"),
    ("L'inflation a reculé le mois dernier.", WED, "mois dernier", "2023-12", "month"),
    ("Les prix ont encore monté ce mois-ci.", WED, "ce mois-ci", "2024-01", "month"),
    # ranges
    ("Le chef de la diplomatie a séjourné au Chili entre le 15 et le 17 janvier.", "2024-01-21",
     "entre le 15 et le 17 janvier", "2024-01-15/2024-01-17", "interval"),
    ("Le forum se tient du 15 au 17 janvier.", "2024-01-21", "du 15 au 17 janvier", "2024-01-15/2024-01-17",
     "interval"),
    ("Les pluies ont duré du 28 février au 2 mars.", "2024-03-10", "du 28 février au 2 mars",
     "2024-02-28/2024-03-02", "interval"),
    ("La trêve a tenu du 28 décembre au 3 janvier.", "2024-01-10", "du 28 décembre au 3 janvier",
     "2023-12-28/2024-01-03", "interval"),
    ("Le congrès s'est tenu les 6 et 7 mars 2022.", WED, "les 6 et 7 mars 2022", "2022-03-06/2022-03-07",
     "interval"),
    ("Un incendie s'est déclaré dans la nuit de samedi à dimanche.", "2022-10-24",
     "dans la nuit de samedi à dimanche", "2022-10-22/2022-10-23", "interval"),
    ("L'armée est déployée depuis le 24 février.", "2022-03-22", "depuis le 24 février",
     "2022-02-24/2022-03-22", "interval"),
    ("Des restrictions sont imposées depuis août 2021.", "2022-05-21", "depuis août 2021", "2021-08/2022-05",
     "interval"),
    # counts of units
    ("Le navire a coulé il y a deux jours.", WED, "il y a deux jours", "2024-01-22", "day"),
    ("Le navire a coulé il y a trois semaines.", WED, "il y a trois semaines", "2024-01-03", "day"),
    ("Le navire a coulé il y a deux mois.", WED, "il y a deux mois", "2023-11", "month"),
    ("Le navire a coulé il y a dix ans.", WED, "il y a dix ans", "2014", "year"),
    ("Le verdict tombera dans deux semaines.", WED, "dans deux semaines", "2024-02-07", "day"),
    ("Les routes sont bloquées depuis presque trois semaines.", "2022-12-29", "depuis presque trois semaines",
     "2022-12-08/2022-12-29", "interval"),
    ("Les prix ont flambé au cours des trois derniers jours.", WED, "trois derniers jours",
     "2024-01-21/2024-01-24", "interval"),
]


@pytest.mark.parametrize("text,published,words,value,precision", ROWS)
def test_resolves(resolver, text, published, words, value, precision):
    found = resolver.find(text, published)
    assert [(e.text, e.value, e.precision) for e in found] == [(words, value, precision)]
    start, end = found[0].span
    assert text[start:end] == words


UNRESOLVED_WITHOUT_PUBLICATION = [
    ("Le 3 février, il est arrivé.", "3 février"),
    ("L'agence l'a annoncé dimanche.", "dimanche"),
    ("Le président a parlé hier.", "hier"),
    ("Les négociations ont échoué la semaine dernière.", "semaine dernière"),
    ("L'armée est déployée depuis le 24 février.", "depuis le 24 février"),
    ("Le navire a coulé il y a deux jours.", "il y a deux jours"),
    ("En mars 20 personnes ont été arrêtées.", "mars"),
]


@pytest.mark.parametrize("text,words", UNRESOLVED_WITHOUT_PUBLICATION)
def test_relative_expressions_stay_unresolved_without_publication(resolver, text, words):
    assert [(e.text, e.value, e.precision) for e in resolver.find(text, None)] == [(words, None, "unresolved")]


ABSOLUTE_WITHOUT_PUBLICATION = [
    ("Le sommet s'est tenu le 15 janvier 2024.", "15 janvier 2024", "2024-01-15", "day"),
    ("La production a chuté en 2023.", "2023", "2023", "year"),
    ("Les combats de septembre 2023 ont repris.", "septembre 2023", "2023-09", "month"),
    # the end of "depuis" is unknown without a publication date: the year alone is kept
    ("Le pays est en guerre depuis 2014.", "2014", "2014", "year"),
]


@pytest.mark.parametrize("text,words,value,precision", ABSOLUTE_WITHOUT_PUBLICATION)
def test_absolute_expressions_resolve_without_publication(resolver, text, words, value, precision):
    assert [(e.text, e.value, e.precision) for e in resolver.find(text, None)] == [(words, value, precision)]


NOT_DATES = [
    "Le budget atteint 2,8 millions d'euros.",
    "Ils ont fêté le 75e anniversaire de l'alliance.",
    "Il habite dans le 17e arrondissement depuis peu.",
    "Plus de 2000 manifestants ont défilé.",
    "La sonde s'est posée sur la planète Mars.",
    "Avril Haines a témoigné devant le Sénat.",
    "Les manifestants se sont réunis au Champ-de-Mars.",
    "Le convoi a roulé sept jours sans escale.",
    "Chaque lundi, les familles se réunissent.",
    "La veille de l'élection, le candidat a parlé.",
    "Il y a quelques jours de cela, tout a changé.",
    "Le parti a obtenu 3/4 des voix et le 1/3 des sièges.",
    "Il a vu sa sœur et son frère dans deux pays.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(resolver, text):
    assert resolver.find(text, WED) == []


def test_several_expressions_in_order_without_overlap(resolver):
    text = "Arrivée le 15 janvier, la ministre est repartie mardi soir, selon l'agence, en 2024."
    found = resolver.find(text, WED)
    assert [e.text for e in found] == ["15 janvier", "mardi soir", "2024"]
    assert [e.value for e in found] == ["2024-01-15", "2024-01-23", "2024"]
    assert all(a.span[1] <= b.span[0] for a, b in zip(found, found[1:]))


def test_start_and_end_limit_the_search_and_spans_stay_in_text_offsets(resolver):
    text = "Hier, rien. Le 3 février, l'armée a attaqué. Demain, on verra."
    found = resolver.find(text, "2024-02-10", start=12, end=44)
    assert [(e.text, e.value) for e in found] == [("3 février", "2024-02-03")]
    assert found[0].span == (15, 24)


def test_since_does_not_reach_before_start(resolver):
    text = "depuis le 24 février"
    found = resolver.find(text, "2022-03-22", start=10)
    assert [(e.text, e.value, e.precision) for e in found] == [("24 février", "2022-02-24", "day")]


def test_tense_hint_moves_expressions_without_year_forward(resolver):
    text = "Il se rendra jeudi à Paris, puis en novembre à Rome."
    default = resolver.find(text, WED)
    future = resolver.find(text, WED, tense="future")
    assert [e.value for e in default] == ["2024-01-18", "2023-11"]
    assert [e.value for e in future] == ["2024-01-25", "2024-11"]
    # an explicit "dernier" wins over the hint
    assert resolver.find("Il est rentré lundi dernier.", WED, tense="future")[0].value == "2024-01-22"


def test_tense_past_ignores_the_six_month_window(resolver):
    assert resolver.find("Les élections ont eu lieu le 9 juin.", WED, tense="past")[0].value == "2023-06-09"
    assert resolver.find("Les élections ont eu lieu le 9 juin.", WED)[0].value == "2024-06-09"


def test_ce_week_end_in_a_monday_paper_is_the_weekend_just_past(resolver):
    assert resolver.find("Ce week-end, la police a chargé.", "2024-01-22")[0].value == "2024-01-20/2024-01-21"
    assert resolver.find("Ce week-end, la police chargera.", WED)[0].value == "2024-01-27/2024-01-28"


@pytest.mark.parametrize("published", ["24/01/2024", "2024-13-01", "hier", 20240124])
def test_bad_publication_date_raises(resolver, published):
    with pytest.raises(ValueError):
        resolver.find("Le 3 février.", published)


def test_bad_offsets_and_tense_raise(resolver):
    with pytest.raises(ValueError):
        resolver.find("Le 3 février.", WED, start=5, end=2)
    with pytest.raises(ValueError):
        resolver.find("Le 3 février.", WED, end=100)
    with pytest.raises(ValueError):
        resolver.find("Le 3 février.", WED, tense="present")


def test_publication_datetime_is_accepted(resolver):
    assert resolver.find("Il est parti hier.", "2024-01-24T08:30:00")[0].value == "2024-01-23"


def test_nearest_prefers_overlap_then_distance():
    a = TimeExpression((0, 5), "hier.", "2024-01-23", "day")
    b = TimeExpression((40, 48), "dimanche", "2024-01-21", "day")
    assert nearest([a, b], (42, 60)) is b
    assert nearest([a, b], (10, 20)) is a
    assert nearest([a, b], (30, 32), max_gap=5) is None
    assert nearest([], (0, 1)) is None


def test_to_event_date():
    expr = TimeExpression((3, 12), "3 février", "2024-02-03", "day")
    assert expr.to_event_date() == EventDate(value="2024-02-03", text="3 février", span=(3, 12), precision="day")


def test_fold_keeps_length_and_drops_accents():
    text = "Août, FÉVRIER, l’an 1ᵉʳ\u00a0mars – été"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "aout, fevrier, l'an 1er mars - ete"


def _broken(change) -> LanguageData:
    files = copy.deepcopy(load_language("fr").files)
    change(files["dates"])
    return LanguageData("xx", files, "0")


@pytest.mark.parametrize("change,words", [
    (lambda d: d["months"].pop(12), "months"),
    (lambda d: d["weekdays"].update({8: ["octidi"]}), "weekdays: entry 8"),
    (lambda d: d["relative_days"].update({"jadis": "longtemps"}), "relative_days: 'jadis'"),
    (lambda d: d["relative_periods"].update({"ce siècle": ["century", 0]}), "relative_periods: 'ce siècle'"),
    (lambda d: d.pop("since"), "missing key 'since'"),
    (lambda d: d.update({"numeric_order": "ymd"}), "numeric_order"),
])
def test_bad_data_file_names_file_and_entry(change, words):
    with pytest.raises(LanguageDataError) as err:
        DateResolver(_broken(change))
    assert "lang/xx/dates.yaml" in str(err.value)
    assert words in str(err.value)


@pytest.mark.parametrize("word,expected", [("jeudi", True), ("Dimanche", True), ("hier", True),
                                           ("aujourd'hui", True), ("demande", False), ("mai", False)])
def test_is_day_word(resolver, word, expected):
    assert resolver.is_day_word(word) is expected
