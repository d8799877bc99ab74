"""The Spanish language pack loads, mirrors the French pack's files and keys, and its parse hooks are data."""
from __future__ import annotations

import pytest

from newsevents.langdata import LanguageData, LanguageDataError, load_language
from newsevents.lexicon import Lexicon

FR, ES = load_language("fr"), load_language("es")


def test_every_french_file_has_a_spanish_counterpart():
    assert {n for n in FR.files if not n.startswith("verbs")} <= set(ES.files)


@pytest.mark.parametrize("name", ["cues", "dates", "places", "agents"])
def test_spanish_file_has_the_french_top_level_keys(name):
    assert set(FR.file(name)) <= set(ES.file(name))


def test_spanish_syntax_has_every_french_word_list_and_label_set():
    fr, es = FR.file("syntax"), ES.file("syntax")
    assert set(fr["words"]) <= set(es["words"]) and set(fr["labels"]) == set(es["labels"])


def test_spanish_lexicon_builds_and_folds_accents():
    lex = Lexicon.from_data(ES)
    assert lex.verbs["reprimir"] and lex.nouns["motin"] == lex.nouns["motín"]
    assert "segun" in lex.cue("attribution_preps") and "según" in lex.cue("attribution_preps")
    assert lex.verb_lemma("reprimio") == "reprimir" and lex.verb_lemma("incendian") == "incendiar"
    assert lex.repairs == ("name_subjects", "enclitic_lemmas", "dateline_subjects", "ser_passives", "reflexive_clitics",
                           "marked_objects")


def test_french_lexicon_keeps_its_own_morphology_and_accents():
    lex = Lexicon.from_data(FR)
    assert "motin" not in lex.nouns and lex.verb_lemma("sanctionne") == "sanctionner"
    assert lex.repairs == ("name_subjects", "present_lemmas", "participle_heads", "date_objects", "weekday_objects",
                           "absolute_subjects", "weekday_clauses", "finite_clause_roots", "coordinated_subject_roots",
                           "fronted_place_subjects", "participle_conjuncts")


def test_unknown_repair_is_an_error_naming_file_and_repair():
    from newsevents.engine.coder import EventCoder

    files = dict(ES.files)
    files["syntax"] = {**files["syntax"], "repairs": ["ser_passives", "no_such_repair"]}
    with pytest.raises(LanguageDataError, match=r"lang/es/syntax.yaml: unknown parse repair\(s\) \['no_such_repair'\]"):
        EventCoder(LanguageData("es", files, "x"))


def test_bad_verb_forms_table_is_an_error_naming_the_file():
    files = dict(ES.files)
    files["syntax"] = {**files["syntax"], "verb_forms": {"ar": ["a", "an"]}}
    with pytest.raises(LanguageDataError, match=r"lang/es/syntax.yaml: verb_forms"):
        Lexicon.from_data(LanguageData("es", files, "x"))


def test_capital_headlines_are_lowercased_for_the_parser_only_when_whole_lines_are_capitals():
    from newsevents.pipeline import for_parser

    text = "COLONOS CORTAN LA CARRETERA DE JERICO\nLa ONU y la OEA condenan."
    out = for_parser(text)
    assert out == "colonos cortan la carretera de jerico\nLa ONU y la OEA condenan." and len(out) == len(text)
    assert for_parser("ONU OEA") == "ONU OEA"  # too short to be a headline


def test_lowered_headline_lines_are_recorded_and_keep_names_and_acronyms_matchable():
    """A headline parsed in lower case still matches "ONU" (an acronym) and capitalised names."""
    import spacy

    from newsevents.actors import _case_ok
    from newsevents.pipeline import changed_lines, for_parser

    text = "LA ONU AMENAZA CON RETIRARSE DE BOSNIA\nLa onu y bosnia, en minúsculas."
    assert changed_lines(text, for_parser(text)) == [(0, 38)]
    doc = spacy.blank("es")(for_parser(text))
    onu = [t for t in doc if t.text == "onu"]
    assert _case_ok(doc[onu[1].i:onu[1].i + 1], "upper") is False  # written in lower case: no acronym
    doc.user_data["lowered_capitals"] = changed_lines(text, for_parser(text))
    assert _case_ok(doc[onu[0].i:onu[0].i + 1], "upper") and _case_ok(doc[onu[0].i:onu[0].i + 1], "T", "person")
    assert not _case_ok(doc[onu[0].i:onu[0].i + 1], "T", "org")  # one capitalised word: maybe a common word
    assert _case_ok(doc[3:5], "TT")  # "con retirarse" as a two-word capitalised name: written in capitals
    assert _case_ok(doc[3:5], "")  # a word list entry: any case
    assert _case_ok(doc[onu[1].i:onu[1].i + 1], "upper") is False


def test_basic_iso_dates_of_petrarch_gold_are_read():
    from newsevents.evaluate import gold_articles

    [article] = gold_articles([{"id": "a", "text": "x", "date": "19940614", "lang": "es", "events": []}])
    assert article.published == "1994-06-14"


def test_note_header_of_the_fight_gold_is_not_coded():
    from newsevents.evaluate import gold_articles

    [article] = gold_articles([{"id": "a", "text": "20000610 20000610_NYN_P1_P1 | Hombres &quot;armados&quot; "
                                "hirieron a dos.", "date": "20181220", "events": []}])
    assert article.text == 'Hombres "armados" hirieron a dos.'


def test_generated_fallback_verb_files_are_left_out_when_the_pack_says_so():
    extra = {"source": "t", "fallback": True, "verbs": {"zzatacar": [{"cameo": "190"}]}}
    files = {**ES.files, "verbs_generated": extra}
    assert "zzatacar" not in Lexicon.from_data(LanguageData("es", files, "x")).verbs
    own = {k: v for k, v in ES.files["verbs"].items() if k != "fallback_verbs"}
    files = {**files, "verbs": own}
    assert "zzatacar" in Lexicon.from_data(LanguageData("es", files, "x")).verbs


def test_spanish_actor_grammar_has_its_own_pronouns_and_genitive():
    """The Spanish pack's ``agents.yaml`` grammar replaces the French default lists of the actor resolver."""
    from newsevents.actor_data import grammar_of

    grammar = grammar_of(ES)
    assert {"ella", "ellos", "ellas"} <= grammar.subject_pronouns and "il" not in grammar.subject_pronouns
    assert "el" not in grammar.subject_pronouns | grammar.sing_pronouns  # "él" folds to the article "el"
    assert "del" in grammar.de_cases and "du" not in grammar.de_cases
    assert "ellos" in grammar.plur_pronouns and "ella" in grammar.fem_pronouns
    assert "varios" in grammar.indefinite_plural and dict(grammar.quant_words)["dos"] == 2
