"""The English language pack: it names every list the French one does (the engine asks for them by name), and
it chooses which generated PETRARCH verb frames to use. No model needed."""
from __future__ import annotations

import pytest

from newsevents.langdata import LanguageData, LanguageDataError, load_language
from newsevents.lexicon import Lexicon


def test_the_english_pack_has_every_cue_list_word_list_and_label_set_of_the_french_one():
    fr, en = Lexicon.from_data(load_language("fr")), Lexicon.from_data(load_language("en"))
    assert set(fr.cues) - set(en.cues) == set()
    assert set(fr.labels) - set(en.labels) == set()


def _lexicon(generated):
    verbs = {"source": "t", "verbs": {"accuse": [{"cameo": "112"}]}}
    if generated is not None:
        verbs["generated_frames"] = generated
    files = {"cues": {"source": "t"}, "verbs": verbs,
             "verbs_petrarch": {"source": "t", "fallback": True,
                                "verbs": {"go": [{"cameo": "042"}],
                                          "lift": [{"cameo": "085", "objects": ["embargo"]}, {"cameo": "080"}]}}}
    return Lexicon.from_data(LanguageData("xx", files, "x"))


def test_generated_frames_all_patterned_or_none():
    assert set(_lexicon(None).verbs) == {"accuse", "go", "lift"}  # default: all
    patterned = _lexicon("patterned")
    assert set(patterned.verbs) == {"accuse", "lift"} and [f.cameo for f in patterned.verbs["lift"]] == ["085"]
    assert set(_lexicon("none").verbs) == {"accuse"}
    with pytest.raises(LanguageDataError, match="verbs.yaml: generated_frames: expected one of all, patterned, none"):
        _lexicon("some")


def test_english_uses_no_bare_petrarch_verb():
    lexicon = Lexicon.from_data(load_language("en"))
    assert "visit" in lexicon.verbs and "abhor" not in lexicon.verbs  # "abhor" is only in verbs_petrarch.yaml


def test_english_actor_grammar_names_english_subject_pronouns():
    from newsevents.actor_data import grammar_of

    grammar = grammar_of(load_language("en"))
    assert {"he", "she", "it", "they"} <= grammar.subject_pronouns and "il" not in grammar.subject_pronouns


def test_english_looks_for_an_elided_recipient_in_the_same_sentence_only():
    english, french = Lexicon.from_data(load_language("en")), Lexicon.from_data(load_language("fr"))
    assert english.setting("context_recipient_same_sentence") and english.setting("sector_phrase_recipient")
    assert not french.setting("context_recipient_same_sentence") and not french.setting("sector_phrase_recipient")
    with pytest.raises(KeyError):
        english.setting("no_such_setting")


@pytest.mark.parametrize("settings, message", [({"sector_phrase_recipent": True}, "unknown setting"),
                                               ({"sector_phrase_recipient": "yes"}, "expected true or false"),
                                               (["sector_phrase_recipient"], "expected a mapping")])
def test_a_bad_settings_entry_names_the_file_and_the_setting(settings, message):
    english = load_language("en")
    data = LanguageData("en", {**english.files, "cues": {**english.files["cues"], "settings": settings}},
                        english.checksum)
    with pytest.raises(LanguageDataError, match=f"lang/en/cues.yaml: settings.*{message}"):
        Lexicon.from_data(data)


def test_english_places_try_a_compass_adjective_away_only_when_the_whole_name_is_unknown():
    from newsevents.places import PlaceResolver

    places = PlaceResolver(load_language("en"))
    assert places.resolve("Western Cambodia").country == "KHM"
    assert places.resolve("in Eastern Ukraine").country == "UKR"
    assert (places.resolve("North Korea").country, places.resolve("South Africa").country) == ("PRK", "ZAF")
