"""clean_text: normalisation table and machine-translation glue repair (no model needed)."""
from __future__ import annotations

import pytest

from newsevents.cleanup import GLUE_EXCLUDED, clean_text, glue_words

NAMES = frozenset({"Kim Jong Un", "Ukraine", "Etats-Unis", "Mali", "ONU", "Corée du Nord", "Pau", "Niger",
                   "Vladimir Poutine"})

NORMALISATION = [
    # (input, expected)
    ("L\u2019armée a tiré.", "L'armée a tiré."),
    ("Il a dit\u00a0: «\u202fnon\u202f».", "Il a dit : « non »."),
    ("« Bonjour » et \u201cadieu\u201d", "« Bonjour » et \u201cadieu\u201d"),
    ("un\t\tdeux   trois", "un deux trois"),
    ("ligne un   \r\nligne deux\rligne trois", "ligne un\nligne deux\nligne trois"),
    ("premier paragraphe.\n\n\n\n\nsecond paragraphe.", "premier paragraphe.\n\nsecond paragraphe."),
    ("  début et fin  \n", "début et fin"),
    ("sans\x07 contrôle\x1b ici\x00", "sans contrôle ici"),
    ("mot\u200bcollé et cou\u00adpure", "motcollé et coupure"),
    ("Pe\u0301kin", "Pékin"),  # NFC: e + combining acute -> é
    ("saut\fde page", "saut\nde page"),
    ("", ""),
    ("   \n\t  ", ""),
]


@pytest.mark.parametrize("raw, expected", NORMALISATION)
def test_normalisation(raw, expected):
    assert clean_text(raw) == expected


GLUE = [
    ("Kim Jong Unlors de sa visite à Moscou", "Kim Jong Un lors de sa visite à Moscou"),
    ("La Ukraineun pays voisin", "La Ukraine un pays voisin"),
    ("les Etats-Unisont annoncé", "les Etats-Unis ont annoncé"),
    ("l'ONUet la Corée du Nordle lendemain", "l'ONU et la Corée du Nord le lendemain"),
    ("Vladimir Poutinedans son discours", "Vladimir Poutine dans son discours"),
    # kept as they are
    ("Ukraine. missiles", "Ukraine. missiles"),
    ("Le Malien a voté.", "Le Malien a voté."),            # Mali + "en": a real word, never split
    ("Le Nigeria et le Niger.", "Le Nigeria et le Niger."),   # "ia" is no function word
    ("Paula est arrivée.", "Paula est arrivée."),           # "Pau" is too short a name to split
    ("Unlors seul", "Unlors seul"),                         # "Un" is a fragment of a name, not the name
    ("Ukrainemissiles", "Ukrainemissiles"),                 # "missiles" is no function word
]


@pytest.mark.parametrize("raw, expected", GLUE)
def test_glue_repair(raw, expected):
    assert clean_text(raw, NAMES) == expected


def test_glue_needs_known_name():
    assert clean_text("Kim Jong Unlors de sa visite") == "Kim Jong Unlors de sa visite"
    assert clean_text("Zelenskyun discours", NAMES) == "Zelenskyun discours"


def test_glue_words_come_from_spacy_without_excluded():
    words = glue_words()
    assert {"lors", "un", "et", "le", "ont", "dans"} <= words
    assert not words & GLUE_EXCLUDED
    assert "en" not in words and "a" not in words


def test_deterministic_and_idempotent():
    raw = "Kim Jong Unlors de la réunion,\u00a0l\u2019ONU  a réagi.\r\n\r\n\r\nFin."
    once = clean_text(raw, NAMES)
    assert once == "Kim Jong Un lors de la réunion, l'ONU a réagi.\n\nFin."
    assert clean_text(raw, NAMES) == once
    assert clean_text(once, NAMES) == once


def test_rejects_non_text():
    with pytest.raises(TypeError):
        clean_text(b"octets")


def test_ten_megabyte_document():
    paragraph = "Le ministre a annoncé\u00a0mardi que l\u2019armée avait repris la ville. Kim Jong Unlors de sa visite.\r\n\r\n"
    raw = paragraph * (10_000_000 // len(paragraph))
    cleaned = clean_text(raw, NAMES)
    expected_paragraph = "Le ministre a annoncé mardi que l'armée avait repris la ville. Kim Jong Un lors de sa visite."
    assert cleaned.startswith(expected_paragraph + "\n\n" + expected_paragraph)
    assert cleaned.count("Kim Jong Un lors") == raw.count("Kim Jong Unlors")
