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
