"""Rule tests for the event coder on hand-built spaCy Docs: no model needed.

Each sentence is made up; its parse is written by hand as (word, lemma, pos, dep, head index, morph). Actors are
resolved by a small stand-in resolver so these tests check only the coder's rules.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.coder import EventCoder
from newsevents.langdata import load_language
from newsevents.records import Article, Entity

ACTORS = {"russie": ("RUS", ""), "moscou": ("RUS", "GOV"), "kiev": ("UKR", "GOV"), "ukraine": ("UKR", ""),
          "paris": ("FRA", "GOV"), "berlin": ("DEU", "GOV"), "russe": ("RUS", ""), "russes": ("RUS", ""), "police": ("---", "COP"),
          "manifestants": ("---", "CVL")}


class StubContext:
    """Resolves a noun phrase to the first known word of its subtree; pronouns to nothing."""

    def add_doc(self, doc, offset=0):
        return []

    def add_places(self, places):
        pass

    def paragraph_starts(self):
        return [0]

    def resolve(self, tok):
        for t in tok.subtree:
            if t.lower_ in ACTORS:
                code, sector = ACTORS[t.lower_]
                return (Entity(code, sector, t.text, (t.idx, t.idx + len(t.text))),)
        return ()

    def mentions_in(self, doc, start, end):
        return []

    def main_country(self):
        return None

    def modifier_actors(self, tok):
        for c in tok.children:
            if c.dep_ == "amod" and c.lower_ in ACTORS:
                return self.resolve(c)
        return ()

    def relational(self, tok):
        return False


class StubActors:
    def article(self, published):
        return StubContext()


class NoDates:
    def find(self, *args, **kwargs):
        return []

    def is_day_word(self, word):
        return word.lower() in ("lundi", "jeudi", "hier")


class NoPlaces:
    def resolve(self, name, countries=frozenset()):
        return None

    def event_place(self, trigger, exclude=(), offset=0, material=True, countries=frozenset()):
        return None

    def fronted(self, ent, sent_start=0):
        return False

    def context_countries(self, doc):
        return frozenset()

    def named_places(self, doc):
        return []


@pytest.fixture(scope="module")
def coder():
    return EventCoder(load_language("fr"), None, actors=StubActors(), dates=NoDates(), places=NoPlaces())


VOCAB = spacy.blank("fr").vocab  # lexical attributes (lower_, is_punct) without a trained model


def parse(rows):
    """rows: (word, lemma, pos, dep, head, morph) with 0-based head indices; the root points to itself."""
    words = [r[0] for r in rows]
    doc = Doc(VOCAB, words=words, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
              deps=[r[3] for r in rows], heads=[r[4] for r in rows], morphs=[r[5] for r in rows],
              sent_starts=[True] + [False] * (len(rows) - 1))
    return doc


def code(coder, rows, published="2024-03-10"):
    doc = parse(rows)
    return coder.code(Article("t", doc.text, published), [(0, doc)])


def dyads(events):
    return sorted((e.event_type, e.cameo_code, e.actor[0].code if e.actor else None,
                   e.recipient[0].code if e.recipient else None, e.modality) for e in events)


def test_transitive_verb_subject_to_object(coder):
    # Moscou a critiqué Paris .
    rows = [("Moscou", "Moscou", "PROPN", "nsubj", 2, ""), ("a", "avoir", "AUX", "aux:tense", 2, "Mood=Ind"),
            ("critiqué", "critiquer", "VERB", "ROOT", 2, "VerbForm=Part"), ("Paris", "Paris", "PROPN", "obj", 2, ""),
            (".", ".", "PUNCT", "punct", 2, "")]
    assert dyads(code(coder, rows)) == [("ACCUSE", "111", "RUS", "FRA", "asserted")]


def test_conditional_is_alleged_and_object_pattern_refines_code(coder):
    # Moscou aurait livré des armes à Kiev .
    rows = [("Moscou", "Moscou", "PROPN", "nsubj", 2, ""), ("aurait", "avoir", "AUX", "aux:tense", 2, "Mood=Cnd"),
            ("livré", "livrer", "VERB", "ROOT", 2, "VerbForm=Part"), ("des", "un", "DET", "det", 4, ""),
            ("armes", "arme", "NOUN", "obj", 2, ""), ("à", "à", "ADP", "case", 6, ""),
            ("Kiev", "Kiev", "PROPN", "obl:arg", 2, ""), (".", ".", "PUNCT", "punct", 2, "")]
    assert dyads(code(coder, rows)) == [("AID", "072", "RUS", "UKR", "alleged")]


def test_passive_agent_is_actor(coder):
    # Kiev a été bombardée par la Russie .
    rows = [("Kiev", "Kiev", "PROPN", "nsubj:pass", 3, ""), ("a", "avoir", "AUX", "aux:tense", 3, ""),
            ("été", "être", "AUX", "aux:pass", 3, ""), ("bombardée", "bombarder", "VERB", "ROOT", 3, ""),
            ("par", "par", "ADP", "case", 6, ""), ("la", "le", "DET", "det", 6, ""),
            ("Russie", "Russie", "PROPN", "obl:agent", 3, ""), (".", ".", "PUNCT", "punct", 3, "")]
    assert dyads(code(coder, rows)) == [("ASSAULT", "195", "RUS", "UKR", "asserted")]


def test_negation(coder):
    # Berlin n' a pas condamné Moscou .
    rows = [("Berlin", "Berlin", "PROPN", "nsubj", 4, ""), ("n'", "ne", "ADV", "advmod", 4, ""),
            ("a", "avoir", "AUX", "aux:tense", 4, ""), ("pas", "pas", "ADV", "advmod", 4, ""),
            ("condamné", "condamner", "VERB", "ROOT", 4, ""), ("Moscou", "Moscou", "PROPN", "obj", 4, ""),
            (".", ".", "PUNCT", "punct", 4, "")]
    assert dyads(code(coder, rows)) == [("ACCUSE", "111", "DEU", "RUS", "negated")]


def test_reporting_verb_is_attribution_not_event(coder):
    # Paris a affirmé que Moscou a frappé Kiev .
    rows = [("Paris", "Paris", "PROPN", "nsubj", 2, ""), ("a", "avoir", "AUX", "aux:tense", 2, ""),
            ("affirmé", "affirmer", "VERB", "ROOT", 2, ""), ("que", "que", "SCONJ", "mark", 6, ""),
            ("Moscou", "Moscou", "PROPN", "nsubj", 6, ""), ("a", "avoir", "AUX", "aux:tense", 6, ""),
            ("frappé", "frapper", "VERB", "ccomp", 2, ""), ("Kiev", "Kiev", "PROPN", "obj", 6, ""),
            (".", ".", "PUNCT", "punct", 2, "")]
    events = code(coder, rows)
    assert dyads(events) == [("ASSAULT", "195", "RUS", "UKR", "asserted")]
    assert events[0].attribution is not None and events[0].attribution.text == "Paris"
    assert events[0].attribution.code == "FRA"


def test_selon_gives_attribution(coder):
    # Moscou a frappé Kiev , selon Paris .
    rows = [("Moscou", "Moscou", "PROPN", "nsubj", 2, ""), ("a", "avoir", "AUX", "aux:tense", 2, ""),
            ("frappé", "frapper", "VERB", "ROOT", 2, ""), ("Kiev", "Kiev", "PROPN", "obj", 2, ""),
            (",", ",", "PUNCT", "punct", 6, ""), ("selon", "selon", "ADP", "case", 6, ""),
            ("Paris", "Paris", "PROPN", "obl:mod", 2, ""), (".", ".", "PUNCT", "punct", 2, "")]
    event = code(coder, rows)[0]
    assert (event.attribution.text, event.attribution.code) == ("Paris", "FRA")
    assert event.modality == "asserted"  # a named source keeps 'asserted' (ANNOTATION.md)


def test_intent_noun_makes_visit_intended_agree(coder):
    # Berlin a exprimé sa volonté de visiter Kiev .
    rows = [("Berlin", "Berlin", "PROPN", "nsubj", 2, ""), ("a", "avoir", "AUX", "aux:tense", 2, ""),
            ("exprimé", "exprimer", "VERB", "ROOT", 2, ""), ("sa", "son", "DET", "det", 4, "Poss=Yes"),
            ("volonté", "volonté", "NOUN", "obj", 2, ""), ("de", "de", "ADP", "mark", 6, ""),
            ("visiter", "visiter", "VERB", "acl", 4, "VerbForm=Inf"), ("Kiev", "Kiev", "PROPN", "obj", 6, ""),
            (".", ".", "PUNCT", "punct", 2, "")]
    assert dyads(code(coder, rows)) == [("AGREE", "036", "DEU", "UKR", "intended")]


def test_reciprocal_meeting_coded_both_ways(coder):
    # Paris et Berlin se sont rencontrés .
    rows = [("Paris", "Paris", "PROPN", "nsubj", 5, ""), ("et", "et", "CCONJ", "cc", 2, ""),
            ("Berlin", "Berlin", "PROPN", "conj", 0, ""), ("se", "se", "PRON", "expl:comp", 5, ""),
            ("sont", "être", "AUX", "aux:tense", 5, ""), ("rencontrés", "rencontrer", "VERB", "ROOT", 5, ""),
            (".", ".", "PUNCT", "punct", 5, "")]

    class Compound(StubContext):
        def resolve(self, tok):
            if tok.lower_ == "paris":
                return (Entity("FRA", "GOV", "Paris", (0, 5)), Entity("DEU", "GOV", "Berlin", (9, 15)))
            return super().resolve(tok)

    class CompoundActors:
        def article(self, published):
            return Compound()

    c = EventCoder(load_language("fr"), None, actors=CompoundActors(), dates=NoDates(), places=NoPlaces())
    assert dyads(code(c, rows)) == [("CONSULT", "040", "DEU", "FRA", "asserted"),
                                    ("CONSULT", "040", "FRA", "DEU", "asserted")]


def test_refusal_of_conflictual_act_is_that_act_negated(coder):
    # Berlin refuse de condamner Moscou .
    rows = [("Berlin", "Berlin", "PROPN", "nsubj", 1, ""), ("refuse", "refuser", "VERB", "ROOT", 1, ""),
            ("de", "de", "ADP", "mark", 3, ""), ("condamner", "condamner", "VERB", "xcomp", 1, ""),
            ("Moscou", "Moscou", "PROPN", "obj", 3, ""), (".", ".", "PUNCT", "punct", 1, "")]
    assert dyads(code(coder, rows)) == [("ACCUSE", "111", "DEU", "RUS", "negated")]


def test_demand_absorbs_its_complement(coder):
    # Paris exige le retrait de la Russie .
    rows = [("Paris", "Paris", "PROPN", "nsubj", 1, ""), ("exige", "exiger", "VERB", "ROOT", 1, ""),
            ("le", "le", "DET", "det", 3, ""), ("retrait", "retrait", "NOUN", "obj", 1, ""),
            ("de", "de", "ADP", "case", 6, ""), ("la", "le", "DET", "det", 6, ""),
            ("Russie", "Russie", "PROPN", "nmod", 3, ""), (".", ".", "PUNCT", "punct", 1, "")]
    assert [e.event_type for e in code(coder, rows)] == ["REQUEST"]


def test_event_noun_with_demonym_actor_and_sur_recipient(coder):
    # Les frappes russes sur Kiev ont repris .
    rows = [("Les", "le", "DET", "det", 1, ""), ("frappes", "frappe", "NOUN", "nsubj", 6, ""),
            ("russes", "russe", "ADJ", "amod", 1, ""), ("sur", "sur", "ADP", "case", 4, ""),
            ("Kiev", "Kiev", "PROPN", "nmod", 1, ""), ("ont", "avoir", "AUX", "aux:tense", 6, ""),
            ("repris", "reprendre", "VERB", "ROOT", 6, ""), (".", ".", "PUNCT", "punct", 6, "")]
    assert dyads(code(coder, rows)) == [("ASSAULT", "195", "RUS", "UKR", "asserted")]


def test_no_trigger_no_event(coder):
    # Paris a parlé .
    rows = [("Paris", "Paris", "PROPN", "nsubj", 2, ""), ("a", "avoir", "AUX", "aux:tense", 2, ""),
            ("parlé", "parler", "VERB", "ROOT", 2, ""), (".", ".", "PUNCT", "punct", 2, "")]
    assert code(coder, rows) == []


def test_event_spans_point_into_text(coder):
    rows = [("Moscou", "Moscou", "PROPN", "nsubj", 2, ""), ("a", "avoir", "AUX", "aux:tense", 2, ""),
            ("critiqué", "critiquer", "VERB", "ROOT", 2, ""), ("Paris", "Paris", "PROPN", "obj", 2, ""),
            (".", ".", "PUNCT", "punct", 2, "")]
    doc = parse(rows)
    event = coder.code(Article("t", doc.text, "2024-03-10"), [(0, doc)])[0]
    start, end = event.event_span
    assert doc.text[start:end] == "a critiqué" == event.event_text
    assert event.date.value == "2024-03-10" and event.date.precision == "publication"
    assert event.id == coder.code(Article("t", doc.text, "2024-03-10"), [(0, doc)])[0].id
