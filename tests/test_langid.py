"""detect_language: headlines and longer texts in the supported languages (lingua, no spaCy model)."""
from __future__ import annotations

import pytest

from newsevents.langid import LANGUAGES, SAMPLE_CHARS, detect_language

HEADLINES = [
    ("fr", "Guerre en Ukraine"),
    ("fr", "Moscou dément toute implication"),
    ("fr", "Macron reçoit Zelensky"),           # names would say English; the verb says French
    ("fr", "Biden à Paris"),
    ("fr", "Sanctions contre Moscou"),
    ("en", "The president said no"),
    ("en", "Rebels seize the northern town"),
    ("es", "El presidente dijo que no"),
    ("es", "Los rebeldes toman la ciudad"),
    ("de", "Der Präsident hat abgelehnt"),
    ("it", "Il governo ha deciso di dimettersi"),
    ("ru", "Президент отказался"),
    ("ar", "الرئيس يرفض الاتفاق"),
]


@pytest.mark.parametrize("expected, text", HEADLINES)
def test_headlines(expected, text):
    assert detect_language(text) == expected


LONG = [
    ("fr", "Le gouvernement a annoncé mardi l'envoi de nouvelles troupes dans le nord du pays, où les affrontements "
           "entre l'armée et les groupes rebelles se sont intensifiés depuis le début du mois. Selon le ministère "
           "de la défense, plusieurs villages ont été repris au cours du week-end."),
    ("en", "The government announced on Tuesday that it would send more troops to the north of the country, where "
           "fighting between the army and rebel groups has intensified since the beginning of the month. According "
           "to the defence ministry, several villages were retaken over the weekend."),
    ("es", "El gobierno anunció el martes el envío de nuevas tropas al norte del país, donde los enfrentamientos "
           "entre el ejército y los grupos rebeldes se han intensificado desde principios de mes. Según el "
           "ministerio de defensa, varias aldeas fueron recuperadas durante el fin de semana."),
]


@pytest.mark.parametrize("expected, text", LONG)
def test_long_texts(expected, text):
    assert len(text) > 200
    assert detect_language(text) == expected


def test_no_letters_is_unknown():
    assert detect_language("") is None
    assert detect_language("   ") is None
    assert detect_language("12 345 -- 2024/01/21") is None


def test_long_document_uses_a_sample():
    french = LONG[0][1] + "\n\n"
    text = french * 2000  # about 600 kB
    assert len(text) > 100 * SAMPLE_CHARS
    assert detect_language(text) == "fr"


def test_answer_is_in_the_configured_set():
    assert "fr" in LANGUAGES and "en" in LANGUAGES and "es" in LANGUAGES
    for _, text in HEADLINES + LONG:
        assert detect_language(text) in LANGUAGES


def test_deterministic():
    text = "Kiev sous les bombes"
    assert len({detect_language(text) for _ in range(5)}) == 1


def test_release_detectors_forgets_them_and_detection_still_works():
    from newsevents.langid import _detector, release_detectors

    text = "Le gouvernement a annoncé de nouvelles mesures pour les agriculteurs."
    before = detect_language(text)
    assert _detector.cache_info().currsize >= 1
    release_detectors()
    assert _detector.cache_info().currsize == 0
    assert detect_language(text) == before == "fr"  # the models load again


SUPPORTED = ("fr", "en", "es")

# Short texts in a supported language whose few lowercase words also fit a language with no pack (Dutch "met
# in", Portuguese "en"): with the packs preferred, they are coded, not skipped.
SHORT_SUPPORTED = [
    ("en", "Putin met Xi in Beijing."),
    ("en", "Merkel met Macron in Berlin."),
    ("en", "Erdogan met Putin in Sochi"),
    ("en", "Scholz and Macron met in Paris on Monday."),
    ("en", "Lula met Macron in Brasilia."),
    ("es", "Milei en Madrid"),
    ("fr", "Macron reçoit Zelensky"),
    ("fr", "Biden à Paris"),
    # fewer than four lowercase words: read with the names ('met in on' alone looked French)
    ("en", "Putin met Xi in Beijing on Monday."),
]

# Headlines clearly in a language with no pack keep that language: the preference is a margin, not a rule.
SHORT_OTHER = [
    ("de", "Der Präsident hat abgelehnt"),
    ("de", "Scholz trifft Macron in Paris"),
    ("de", "Die Polizei nimmt drei Demonstranten in Berlin fest"),
    ("it", "Il governo ha deciso di dimettersi"),
    ("it", "La polizia arresta due manifestanti a Milano"),
    ("pt", "Lula recebe Macron em Brasília"),
    ("pt", "Governo anuncia novas sanções contra a Rússia"),
    ("nl", "Rutte ontmoet Scholz in Den Haag"),
    ("nl", "Politie arresteert drie betogers in Amsterdam"),
    ("ru", "Президент отказался"),
    ("ar", "الرئيس يرفض الاتفاق"),
]


@pytest.mark.parametrize("expected, text", SHORT_SUPPORTED)
def test_short_texts_prefer_the_supported_languages(expected, text):
    assert detect_language(text, prefer=SUPPORTED) == expected


def test_without_a_preference_a_short_english_text_can_look_dutch():
    """What the preference fixes: lingua alone reads "met in" as Dutch."""
    assert detect_language("Putin met Xi in Madrid.") == "nl"


@pytest.mark.parametrize("expected, text", SHORT_OTHER)
def test_a_clear_other_language_is_kept_despite_the_preference(expected, text):
    assert detect_language(text, prefer=SUPPORTED) == expected


@pytest.mark.parametrize("expected, text", LONG)
def test_long_texts_with_a_preference(expected, text):
    assert detect_language(text, prefer=SUPPORTED) == expected


def test_the_preference_keeps_unknown_texts_unknown():
    assert detect_language("12 345 -- 2024/01/21", prefer=SUPPORTED) is None
