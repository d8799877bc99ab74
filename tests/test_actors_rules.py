"""Actor resolution rules on hand-built parses (no trained model): names, capitals, titles with demonyms,
"de" complements, appositions, coordination, dates, coreference, modifiers. Sentences are made up."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsevents.actors import ActorResolver
from newsevents.langdata import load_language


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("fr")


@pytest.fixture(scope="module")
def resolver(blank):
    return ActorResolver(load_language("fr"), nlp=blank)


def parse(blank, rows, sent_starts=None):
    """rows: (word, head index, dep, pos[, morph]); a head equal to the token's own index marks the root."""
    words = [r[0] for r in rows]
    spaces = [not (i + 1 < len(rows) and rows[i + 1][0] in {",", ".", "-"}) and not w.endswith("'")
              and w != "-" for i, w in enumerate(words)]
    return Doc(blank.vocab, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
               pos=[r[3] for r in rows], morphs=[r[4] if len(r) > 4 else "" for r in rows],
               sent_starts=sent_starts)


def codes(entities):
    return [(e.code, e.sector) for e in entities]


# "La Russie et la Corée du Nord ont signé un accord ."
RUSSIE_COREE = [("La", 1, "det", "DET"), ("Russie", 8, "nsubj", "PROPN", "Gender=Fem|Number=Sing"),
                ("et", 4, "cc", "CCONJ"), ("la", 4, "det", "DET"), ("Corée", 1, "conj", "PROPN"),
                ("du", 6, "case", "ADP"), ("Nord", 4, "nmod", "PROPN"), ("ont", 8, "aux", "AUX"),
                ("signé", 8, "ROOT", "VERB"), ("un", 10, "det", "DET"), ("accord", 8, "obj", "NOUN"),
                (".", 8, "punct", "PUNCT")]


def test_coordinated_countries_give_one_entity_each_with_its_own_span(blank, resolver):
    doc = parse(blank, RUSSIE_COREE)
    ctx = resolver.article("2024-06-19")
    ctx.add_doc(doc, 100)
    found = ctx.resolve(doc[1])
    assert codes(found) == [("RUS", ""), ("PRK", "")]
    assert [e.entity_text for e in found] == ["La Russie", "la Corée du Nord"]
    assert found[0].span == (100, 109)
    assert found[1].span == (113, 129)


def test_mentions_carry_article_offsets(blank, resolver):
    doc = parse(blank, RUSSIE_COREE)
    ctx = resolver.article(None)
    mentions = ctx.add_doc(doc, 50)
    assert [(m.kind, m.code, m.start, m.end) for m in mentions] == [("country", "RUS", 1, 2),
                                                                     ("country", "PRK", 4, 7)]
    assert (mentions[1].char_start, mentions[1].char_end) == (50 + 16, 50 + 29)  # "Corée du Nord"
    assert ctx.mentions_in(doc, 3, 8) == [mentions[1]]


def test_a_doc_without_parse_gives_names_only(blank, resolver):
    doc = blank("Le président russe a rencontré Xi Jinping à Pékin.")
    ctx = resolver.article("2023-03-21")
    mentions = ctx.add_doc(doc, 0)
    assert [(m.kind, m.code) for m in mentions if m.kind != "agent"] == [("demonym", "RUS"), ("person", "CHN"),
                                                                         ("capital", "CHN")]
    assert [(e.code, e.sector, e.name) for e in ctx.resolve(doc[5])] == [("CHN", "GOV", "Xi Jinping")]
    assert ctx.resolve(doc[1]) == () and ctx.modifier_actors(doc[1]) == ()


def test_a_doc_not_added_is_an_error(blank, resolver):
    doc = parse(blank, RUSSIE_COREE)
    with pytest.raises(ValueError, match="add_doc"):
        resolver.article(None).resolve(doc[1])


def sentence(blank, resolver, rows, published="2022-07-01", prior=None):
    ctx = resolver.article(published)
    offset = 0
    for p in prior or ():
        pdoc = parse(blank, p)
        ctx.add_doc(pdoc, offset)
        offset += len(pdoc.text) + 1
    doc = parse(blank, rows)
    ctx.add_doc(doc, offset)
    return ctx, doc


# "Pyongyang a salué le Kremlin ."
PYONGYANG = [("Pyongyang", 2, "nsubj", "PROPN"), ("a", 2, "aux", "AUX"), ("salué", 2, "ROOT", "VERB"),
             ("le", 4, "det", "DET"), ("Kremlin", 2, "obj", "PROPN"), (".", 2, "punct", "PUNCT")]


def test_capitals_and_seats_of_power_are_the_government(blank, resolver):
    ctx, doc = sentence(blank, resolver, PYONGYANG)
    assert codes(ctx.resolve(doc[0])) == [("PRK", "GOV")]
    assert codes(ctx.resolve(doc[4])) == [("RUS", "GOV")]
    assert ctx.resolve(doc[4])[0].entity_text == "le Kremlin"


@pytest.mark.parametrize("rows, head, expected", [
    # le président russe a parlé
    ([("le", 1, "det", "DET"), ("président", 3, "nsubj", "NOUN"), ("russe", 1, "amod", "ADJ"),
      ("a", 3, "aux", "AUX"), ("parlé", 4, "ROOT", "VERB")], 1, ("RUS", "GOV")),
    # le ministre nord-coréen des Affaires étrangères a parlé
    ([("le", 1, "det", "DET"), ("ministre", 7, "nsubj", "NOUN"), ("nord-coréen", 1, "amod", "ADJ"),
      ("des", 4, "case", "ADP"), ("Affaires", 1, "nmod", "NOUN"), ("étrangères", 4, "amod", "ADJ"),
      ("a", 7, "aux", "AUX"), ("parlé", 7, "ROOT", "VERB")], 1, ("PRK", "GOV")),
    # l' armée ukrainienne avance
    ([("l'", 1, "det", "DET"), ("armée", 3, "nsubj", "NOUN"), ("ukrainienne", 1, "amod", "ADJ"),
      ("avance", 3, "ROOT", "VERB")], 1, ("UKR", "MIL")),
    # la police française arrive
    ([("la", 1, "det", "DET"), ("police", 3, "nsubj", "NOUN"), ("française", 1, "amod", "ADJ"),
      ("arrive", 3, "ROOT", "VERB")], 1, ("FRA", "COP")),
    # le ministre des Affaires étrangères de la Russie a parlé
    ([("le", 1, "det", "DET"), ("ministre", 9, "nsubj", "NOUN"), ("des", 3, "case", "ADP"),
      ("Affaires", 1, "nmod", "NOUN"), ("étrangères", 3, "amod", "ADJ"), ("de", 7, "case", "ADP"),
      ("la", 7, "det", "DET"), ("Russie", 3, "nmod", "PROPN"), ("a", 9, "aux", "AUX"),
      ("parlé", 9, "ROOT", "VERB")], 1, ("RUS", "GOV")),
    # les forces de Kiev avancent
    ([("les", 1, "det", "DET"), ("forces", 4, "nsubj", "NOUN"), ("de", 3, "case", "ADP"),
      ("Kiev", 1, "nmod", "PROPN"), ("avancent", 4, "ROOT", "VERB")], 1, ("UKR", "MIL")),
    # des milliers de manifestants iraniens défilent
    ([("des", 1, "det", "DET"), ("milliers", 5, "nsubj", "NOUN"), ("de", 3, "case", "ADP"),
      ("manifestants", 1, "nmod", "NOUN"), ("iraniens", 3, "amod", "ADJ"), ("défilent", 5, "ROOT", "VERB")],
     1, ("IRN", "CVL")),
    # l' armée russe en Ukraine avance: the place is not the actor's country
    ([("l'", 1, "det", "DET"), ("armée", 5, "nsubj", "NOUN"), ("russe", 1, "amod", "ADJ"),
      ("en", 4, "case", "ADP"), ("Ukraine", 1, "nmod", "PROPN"), ("avance", 5, "ROOT", "VERB")],
     1, ("RUS", "MIL")),
    # les Serbes du Kosovo manifestent: people of a place
    ([("les", 1, "det", "DET"), ("Serbes", 4, "nsubj", "NOUN"), ("du", 3, "case", "ADP"),
      ("Kosovo", 1, "nmod", "PROPN"), ("manifestent", 4, "ROOT", "VERB")], 1, ("KSV", "CVL")),
])
def test_title_or_sector_word_with_a_country(blank, resolver, rows, head, expected):
    ctx, doc = sentence(blank, resolver, rows)
    assert codes(ctx.resolve(doc[head])) == [expected]


# "Le président russe , Vladimir Poutine , a parlé ."
APPOS = [("Le", 1, "det", "DET"), ("président", 8, "nsubj", "NOUN"), ("russe", 1, "amod", "ADJ"),
         (",", 4, "punct", "PUNCT"), ("Vladimir", 1, "appos", "PROPN"), ("Poutine", 4, "flat:name", "PROPN"),
         (",", 4, "punct", "PUNCT"), ("a", 8, "aux", "AUX"), ("parlé", 8, "ROOT", "VERB")]


def test_apposition_gives_one_actor_with_the_person_name(blank, resolver):
    ctx, doc = sentence(blank, resolver, APPOS)
    (entity,) = ctx.resolve(doc[1])
    assert (entity.code, entity.sector, entity.name) == ("RUS", "GOV", "Vladimir Poutine")
    assert entity.entity_text == "Le président russe, Vladimir Poutine"


def test_person_appositive_parsed_as_a_second_subject(blank, resolver):
    rows = list(APPOS)
    rows[4] = ("Vladimir", 8, "nsubj", "PROPN")
    ctx, doc = sentence(blank, resolver, rows)
    (entity,) = ctx.resolve(doc[1])
    assert entity.name == "Vladimir Poutine"


@pytest.mark.parametrize("words, published, expected", [
    (["Poutine"], "2024-01-21", ("RUS", "GOV")),
    (["Choe"], "2023-03-01", ("PRK", "GOV")),
    (["Lavrov"], "2001-01-01", ("RUS", "ELI")),       # before he was minister: not yet in office
    (["Kim", "Jong", "Un"], "2020-01-01", ("PRK", "GOV")),
    (["Kim", "Jong", "-", "un"], "2020-01-01", ("PRK", "GOV")),
    (["Nétanyahou"], "2022-01-01", ("ISR", "OPP")),
])
def test_persons_by_name_and_publication_date(blank, resolver, words, published, expected):
    n = len(words)
    rows = [(w, 0, "ROOT" if i == 0 else "flat:name", "PROPN") for i, w in enumerate(words)]
    rows += [("a", n + 1, "aux", "AUX"), ("parlé", n + 1, "ROOT", "VERB")]
    rows[0] = (words[0], n + 1, "nsubj", "PROPN")
    ctx, doc = sentence(blank, resolver, rows, published)
    assert codes(ctx.resolve(doc[0])) == [expected]


def test_lowercase_word_is_not_a_capitalised_name(blank, resolver):
    # "une grenade a explosé": Grenade (GRD) needs a capital
    rows = [("une", 1, "det", "DET"), ("grenade", 3, "nsubj", "NOUN"), ("a", 3, "aux", "AUX"),
            ("explosé", 3, "ROOT", "VERB")]
    ctx, doc = sentence(blank, resolver, rows)
    assert ctx.resolve(doc[1]) == ()


def test_every_capitalised_word_of_a_name_needs_its_capital(blank, resolver):
    # "Le monde a changé": not the newspaper Le Monde
    rows = [("Le", 1, "det", "DET"), ("monde", 3, "nsubj", "NOUN"), ("a", 3, "aux", "AUX"),
            ("changé", 3, "ROOT", "VERB")]
    ctx, doc = sentence(blank, resolver, rows)
    assert ctx.mentions_in(doc, 0, len(doc)) == []
    rows[1] = ("Monde", 3, "nsubj", "PROPN")
    ctx, doc = sentence(blank, resolver, rows)
    assert [(m.kind, m.code) for m in ctx.mentions_in(doc, 0, len(doc))] == [("media", "FRA")]


def test_accents_and_case_do_not_matter(blank, resolver):
    rows = [("les", 1, "det", "DET"), ("ETATS-UNIS", 3, "nsubj", "PROPN"), ("ont", 3, "aux", "AUX"),
            ("parlé", 3, "ROOT", "VERB")]
    ctx, doc = sentence(blank, resolver, rows)
    assert codes(ctx.resolve(doc[1])) == [("USA", "")]


# "Le ministre malien , Issa Konaté , est arrivé ." then "Konaté a parlé ."
LEARN = [("Le", 1, "det", "DET"), ("ministre", 8, "nsubj", "NOUN"), ("malien", 1, "amod", "ADJ"),
         (",", 4, "punct", "PUNCT"), ("Issa", 1, "appos", "PROPN"), ("Konaté", 4, "flat:name", "PROPN"),
         (",", 4, "punct", "PUNCT"), ("est", 8, "aux", "AUX"), ("arrivé", 8, "ROOT", "VERB"),
         (".", 8, "punct", "PUNCT")]
KONATE = [("Konaté", 2, "nsubj", "PROPN"), ("a", 2, "aux", "AUX"), ("parlé", 2, "ROOT", "VERB"),
          (".", 2, "punct", "PUNCT")]


def test_a_person_named_with_a_title_is_known_later_by_surname(blank, resolver):
    ctx, doc = sentence(blank, resolver, KONATE, prior=[LEARN])
    (entity,) = ctx.resolve(doc[0])
    assert (entity.code, entity.sector, entity.name, entity.entity_text) == ("MLI", "GOV", "Issa Konaté", "Konaté")


def test_an_unknown_name_without_title_stays_unknown(blank, resolver):
    ctx, doc = sentence(blank, resolver, KONATE)
    assert ctx.resolve(doc[0]) == ()


# "Les deux pays négocient ."
DEUX_PAYS = [("Les", 2, "det", "DET"), ("deux", 2, "nummod", "NUM"), ("pays", 3, "nsubj", "NOUN", "Number=Plur"),
             ("négocient", 3, "ROOT", "VERB"), (".", 3, "punct", "PUNCT")]


def test_les_deux_pays_are_the_last_two_countries(blank, resolver):
    ctx, doc = sentence(blank, resolver, DEUX_PAYS, prior=[PYONGYANG, RUSSIE_COREE])
    found = ctx.resolve(doc[2])
    assert sorted(codes(found)) == [("PRK", ""), ("RUS", "")]
    assert {e.entity_text for e in found} == {"Les deux pays"}


# "Il a salué la décision ." / "Elle a protesté ."
IL = [("Il", 2, "nsubj", "PRON"), ("a", 2, "aux", "AUX"), ("salué", 2, "ROOT", "VERB"), (".", 2, "punct", "PUNCT")]
ELLE = [("Elle", 2, "nsubj", "PRON"), ("a", 2, "aux", "AUX"), ("protesté", 2, "ROOT", "VERB"),
        (".", 2, "punct", "PUNCT")]
# "Emmanuel Macron a rencontré Olaf Scholz ."
MACRON_SCHOLZ = [("Emmanuel", 3, "nsubj", "PROPN"), ("Macron", 0, "flat:name", "PROPN"), ("a", 3, "aux", "AUX"),
                 ("rencontré", 3, "ROOT", "VERB"), ("Olaf", 3, "obj", "PROPN"), ("Scholz", 4, "flat:name", "PROPN"),
                 (".", 3, "punct", "PUNCT")]


def test_pronouns_take_the_subject_of_the_last_sentence(blank, resolver):
    ctx, doc = sentence(blank, resolver, IL, "2022-05-01", prior=[MACRON_SCHOLZ])
    (entity,) = ctx.resolve(doc[0])
    assert (entity.code, entity.sector, entity.name, entity.entity_text) == ("FRA", "GOV", "Emmanuel Macron", "Il")
    assert entity.span[1] - entity.span[0] == 2


def test_subject_pronouns_are_coref_mentions(blank, resolver):
    ctx = resolver.article("2022-05-01")
    ctx.add_doc(parse(blank, MACRON_SCHOLZ), 0)
    doc = parse(blank, IL)
    mentions = ctx.add_doc(doc, 40)
    assert [(m.kind, m.code, m.name, m.char_start) for m in mentions] == [("coref", "FRA", "Emmanuel Macron", 40)]


def test_pronoun_gender_must_agree(blank, resolver):
    # "Emmanuel Macron a rencontré Angela Merkel ." then "Elle ..."
    rows = [("Emmanuel", 3, "nsubj", "PROPN"), ("Macron", 0, "flat:name", "PROPN"), ("a", 3, "aux", "AUX"),
            ("rencontré", 3, "ROOT", "VERB"), ("Angela", 3, "obj", "PROPN"), ("Merkel", 4, "flat:name", "PROPN"),
            (".", 3, "punct", "PUNCT")]
    ctx, doc = sentence(blank, resolver, ELLE, "2018-05-01", prior=[rows])
    assert ctx.resolve(doc[0])[0].name == "Angela Merkel"
    ctx, doc = sentence(blank, resolver, IL, "2018-05-01", prior=[rows])
    assert ctx.resolve(doc[0])[0].name == "Emmanuel Macron"


# "Sergueï Lavrov a parlé ." then "Le ministre a ajouté ." / "La chancelière a ajouté ."
LAVROV = [("Sergueï", 2, "nsubj", "PROPN"), ("Lavrov", 0, "flat:name", "PROPN"), ("parlé", 2, "ROOT", "VERB"),
          (".", 2, "punct", "PUNCT")]


@pytest.mark.parametrize("title", ["ministre", "chancelière"])
def test_bare_title_refers_back_to_the_last_office_holder(blank, resolver, title):
    rows = [("Le" if title == "ministre" else "La", 1, "det", "DET"), (title, 3, "nsubj", "NOUN"),
            ("a", 3, "aux", "AUX"), ("ajouté", 3, "ROOT", "VERB")]
    ctx, doc = sentence(blank, resolver, rows, "2023-01-01", prior=[PYONGYANG, LAVROV])
    (entity,) = ctx.resolve(doc[1])
    assert (entity.code, entity.sector, entity.name) == ("RUS", "GOV", "Sergueï Lavrov")
    assert entity.entity_text == f"{rows[0][0]} {title}"


def test_le_regime_is_the_last_country_government(blank, resolver):
    rows = [("Le", 1, "det", "DET"), ("régime", 3, "nsubj", "NOUN"), ("a", 3, "aux", "AUX"),
            ("répondu", 3, "ROOT", "VERB")]
    # "La Russie et la Corée du Nord ont signé un accord ." : Corée du Nord is the last country named
    ctx, doc = sentence(blank, resolver, rows, prior=[RUSSIE_COREE])
    assert codes(ctx.resolve(doc[1])) == [("PRK", "GOV")]


# "des manifestants ont défilé ."
MANIFESTANTS = [("des", 1, "det", "DET"), ("manifestants", 3, "nsubj", "NOUN"), ("ont", 3, "aux", "AUX"),
                ("défilé", 3, "ROOT", "VERB")]
TEHERAN = [("Téhéran", 2, "nsubj", "PROPN"), ("a", 2, "aux", "AUX"), ("répondu", 2, "ROOT", "VERB"),
           (".", 2, "punct", "PUNCT")]


def test_sector_word_without_country_is_unknown_in_an_article_without_country(blank, resolver):
    ctx, doc = sentence(blank, resolver, MANIFESTANTS)
    assert codes(ctx.resolve(doc[1])) == [("---", "CVL")]


def test_sector_word_without_country_takes_the_article_main_country(blank, resolver):
    ctx, doc = sentence(blank, resolver, MANIFESTANTS, prior=[TEHERAN])
    assert codes(ctx.resolve(doc[1])) == [("IRN", "CVL")]
    no_fallback = ActorResolver(load_language("fr"), main_country_fallback=False, nlp=blank)
    ctx, doc = sentence(blank, no_fallback, MANIFESTANTS, prior=[TEHERAN])
    assert codes(ctx.resolve(doc[1])) == [("---", "CVL")]


def test_sector_word_takes_the_country_of_the_places_when_no_country_is_named(blank, resolver):
    ctx = resolver.article("2022-07-01")
    doc = parse(blank, MANIFESTANTS)
    ctx.add_doc(doc, 0)
    ctx.add_places([("FRA", 30), ("BEL", 40), ("FRA", 50)])  # "à Bordeaux", "à Bruxelles", "à Lyon"
    assert codes(ctx.resolve(doc[1])) == [("FRA", "CVL")]
    ctx, doc = sentence(blank, resolver, MANIFESTANTS, prior=[TEHERAN])
    ctx.add_places([("FRA", 30), ("FRA", 50)])  # a country named beats the places
    assert codes(ctx.resolve(doc[1])) == [("IRN", "CVL")]


# "La Corée du Sud accuse le Nord ."
SUD_NORD = [("La", 1, "det", "DET"), ("Corée", 4, "nsubj", "PROPN"), ("du", 3, "case", "ADP"),
            ("Sud", 1, "nmod", "PROPN"), ("accuse", 4, "ROOT", "VERB"), ("le", 6, "det", "DET"),
            ("Nord", 4, "obj", "PROPN"), (".", 4, "punct", "PUNCT")]


def test_le_nord_is_north_korea_only_when_the_article_speaks_of_korea(blank, resolver):
    ctx, doc = sentence(blank, resolver, SUD_NORD)
    assert codes(ctx.resolve(doc[6])) == [("PRK", "")]
    rows = [("Le", 1, "det", "DET"), ("Nord", 3, "nsubj", "PROPN"), ("a", 3, "aux", "AUX"),
            ("voté", 3, "ROOT", "VERB")]
    ctx, doc = sentence(blank, resolver, rows, prior=[TEHERAN])
    assert ctx.resolve(doc[1]) == ()


# "les frappes russes et l' offensive de la Russie"
FRAPPES = [("les", 1, "det", "DET"), ("frappes", 1, "ROOT", "NOUN"), ("russes", 1, "amod", "ADJ"),
           ("et", 5, "cc", "CCONJ"), ("l'", 5, "det", "DET"), ("offensive", 1, "conj", "NOUN"),
           ("de", 8, "case", "ADP"), ("la", 8, "det", "DET"), ("Russie", 5, "nmod", "PROPN")]


def test_modifier_actors_of_event_nouns(blank, resolver):
    ctx, doc = sentence(blank, resolver, FRAPPES)
    (adj,) = ctx.modifier_actors(doc[1])
    assert (adj.code, adj.entity_text) == ("RUS", "russes")
    (nmod,) = ctx.modifier_actors(doc[5])
    assert (nmod.code, nmod.entity_text) == ("RUS", "la Russie")


def test_coordinated_demonyms_under_one_title(blank, resolver):
    # "les présidents chinois et russe ont parlé"
    rows = [("les", 1, "det", "DET"), ("présidents", 6, "nsubj", "NOUN"), ("chinois", 1, "amod", "ADJ"),
            ("et", 4, "cc", "CCONJ"), ("russe", 2, "conj", "ADJ"), ("ont", 6, "aux", "AUX"),
            ("parlé", 6, "ROOT", "VERB")]
    ctx, doc = sentence(blank, resolver, rows)
    found = ctx.resolve(doc[1])
    assert codes(found) == [("CHN", "GOV"), ("RUS", "GOV")]
    assert [e.entity_text for e in found] == ["les présidents chinois", "et russe"]


def test_sector_adjective_is_not_a_sector_noun(blank, resolver):
    # "l' opération militaire a commencé": militaire is an adjective here
    rows = [("l'", 1, "det", "DET"), ("opération", 4, "nsubj", "NOUN"), ("militaire", 1, "amod", "ADJ"),
            ("a", 4, "aux", "AUX"), ("commencé", 4, "ROOT", "VERB")]
    ctx, doc = sentence(blank, resolver, rows)
    assert ctx.mentions_in(doc, 0, len(doc)) == []
