"""Language data files load, validate, and are traced by a checksum."""
from __future__ import annotations

import pytest
import yaml

from newsevents.codes import PLOVER_TYPES, load_cameo
from newsevents.langdata import LanguageDataError, _StrictLoader, load_language
from newsevents.lexicon import Lexicon


def test_french_data_loads_with_sources_and_checksum():
    data = load_language("fr")
    assert {"verbs", "cues"} <= set(data.files)
    assert all(f.get("source") for f in data.files.values())
    assert len(data.checksum) == 16


def test_unknown_language_is_a_clear_error():
    with pytest.raises(LanguageDataError, match="no language data for 'xx'"):
        load_language("xx")


def test_duplicate_keys_are_refused():
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'visiter'"):
        yaml.load("visiter: 1\nvisiter: 2\n", Loader=_StrictLoader)  # noqa: S506


def test_lexicon_frames_have_valid_codes_and_cover_every_plover_type():
    lex = Lexicon.from_data(load_language("fr"))
    cameo = load_cameo()
    types = set()
    for frames in list(lex.verbs.values()) + list(lex.nouns.values()):
        for frame in frames:
            assert cameo[frame.cameo].plover_event, frame
            types.add(cameo.plover(frame.cameo))
    assert types == set(PLOVER_TYPES)


def test_lexicon_covers_cameo_roots_03_to_20():
    lex = Lexicon.from_data(load_language("fr"))
    roots = {f.cameo[:2] for frames in list(lex.verbs.values()) + list(lex.nouns.values()) for f in frames}
    assert {f"{n:02d}" for n in range(3, 21)} <= roots


def test_reporting_verbs_are_not_event_verbs_unless_listed_as_both():
    lex = Lexicon.from_data(load_language("fr"))
    both = lex.cue("reporting_verbs") & set(lex.verbs)
    assert both <= lex.cue("reporting_event_verbs")


def test_bad_frame_names_file_and_entry(monkeypatch):
    data = load_language("fr")
    broken = dict(data.files)
    broken["verbs"] = {"source": "test", "verbs": {"visiter": [{"cameo": "999"}]}, "nouns": {}}
    from newsevents.langdata import LanguageData

    with pytest.raises(LanguageDataError, match=r"lang/fr/verbs.yaml: verbs.visiter: '999'"):
        Lexicon.from_data(LanguageData("fr", broken, "x"))


def test_unknown_cue_or_label_is_an_error_naming_file_and_key():
    lex = Lexicon.from_data(load_language("fr"))
    with pytest.raises(LanguageDataError, match=r"lang/fr/cues.yaml, lang/fr/syntax.yaml \(words\): no cue list "
                                                r"'reportng_verbs'"):
        lex.cue("reportng_verbs")
    with pytest.raises(LanguageDataError, match=r"lang/fr/syntax.yaml: labels: no label set 'passive_agnet'"):
        lex.label("passive_agnet")
    assert lex.label("passive_agent") == {"obl:agent"} and "n’" in lex.cue("negation_particles")


@pytest.mark.parametrize("syntax, message", [
    ({"source": "t", "words": {"bare": "ne"}}, r"syntax.yaml: words.bare: expected a list of strings"),
    ({"source": "t", "words": {"pronouns": ["il", True]}}, r"syntax.yaml: words.pronouns: expected"),
    ({"source": "t", "labels": ["obl:arg"]}, r"syntax.yaml: labels: expected a mapping"),
    ({"source": "t", "words": {"reporting_verbs": ["dire"]}}, r"words.reporting_verbs: already a cue list"),
    ({"source": "t"}, r"syntax.yaml: relations: expected a mapping"),
    ({"source": "t", "relations": {"object": "obj"}}, r"syntax.yaml: relations: missing nominal_subject, "),
    ({"source": "t", "relations": {"objet": "obj"}}, r"syntax.yaml: relations.objet: no such relation"),
    ({"source": "t", "relations": {"object": ["obj"]}}, r"syntax.yaml: relations.object: expected a label"),
])
def test_syntax_lists_are_validated(syntax, message):
    from newsevents.langdata import LanguageData

    data = load_language("fr")
    broken = dict(data.files)
    broken["syntax"] = syntax
    with pytest.raises(LanguageDataError, match=message):
        Lexicon.from_data(LanguageData("fr", broken, "x"))


def test_implied_actor_must_be_a_sector_code():
    broken = dict(load_language("fr").files)
    broken["verbs"] = {"source": "test", "verbs": {"écrouer": [{"cameo": "173", "implied_actor": "judges"}]},
                       "nouns": {}}
    from newsevents.langdata import LanguageData

    with pytest.raises(LanguageDataError, match=r"verbs.écrouer: 'implied_actor' must be a sector code"):
        Lexicon.from_data(LanguageData("fr", broken, "x"))


def test_contractions_and_headline_prepositions_come_from_syntax_yaml():
    lex = Lexicon.from_data(load_language("fr"))
    assert lex.contractions["au"] == "à" and lex.contractions["des"] == "de"
    assert lex.headline_visit.cameo == "042" and "chez" in lex.headline_visit.recipient
    assert {"près", "sur"} <= lex.cue("place_cases")


def test_a_noun_coded_with_a_cameo_root_in_a_set():
    from newsevents.engine.frames import ANSWERED_ROOTS, HIT_ROOTS
    from newsevents.lexicon import Frame

    nouns = {"appel": (Frame("appel", "100"),), "atentado": (Frame("atentado", "180"),), "vide": ()}
    lex = Lexicon(verbs={}, nouns=nouns, support_verbs=frozenset())
    assert lex.coded_noun("Appel") and lex.coded_noun("vide") and not lex.coded_noun("table")
    assert lex.coded_noun("appel", ANSWERED_ROOTS) and not lex.coded_noun("appel", HIT_ROOTS)
    assert not lex.coded_noun("vide", ANSWERED_ROOTS)  # a noun with no frame has no root
    assert lex.coded_noun("Atentado", HIT_ROOTS)  # lowercased
    assert not lex.coded_noun("atentádo", HIT_ROOTS) and lex.coded_noun("atentádo", HIT_ROOTS, folded=True)
    assert not lex.coded_noun("appél") and lex.coded_noun("appél", folded=True)
