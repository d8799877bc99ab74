"""Role errors a new user reported (session 9, all three languages), on made-up sentences with the real
models: police or protesters with no country of their own take the place their sentence names over the carried
country (own_sentence_place), and a condemnation of a violent act is not addressed to the condemner's own people
(act_object of addressed_people / home_recipient)."""
from __future__ import annotations

import pytest

from newsevents.records import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipelines(pipeline):
    """The French pipeline of conftest and the English and Spanish ones (rules alone), by language code; a
    language whose model is absent is missing."""
    from newsevents.pipeline import Pipeline

    out = {"fr": pipeline}
    for lang in ("en", "es"):
        try:
            out[lang] = Pipeline(lang, force_lang=True, learned=False)
        except OSError:
            pass
    return out


def _dyads(pipelines, lang, text):
    """(actor, recipient) as "CODE/SECTOR" ("-" for none) of each event coded from ``text``."""
    if lang not in pipelines:
        pytest.skip(f"no {lang} model")
    [result] = list(pipelines[lang].process([Article("t", text, "2024-05-15", lang=lang)]))
    assert result.status == "ok", result.error
    part = lambda xs: f"{xs[0].code}/{xs[0].sector}" if xs else "-"  # noqa: E731
    return [(part(e.actor), part(e.recipient)) for e in result.events]


@pytest.mark.parametrize("lang,text,actor", [
    ("fr", "Le Pérou a rappelé son ambassadeur. Dimanche, la police a dispersé une marche d'étudiants à Nairobi.",
     "KEN/COP"),
    ("en", "Peru recalled its ambassador. Police in Nairobi dispersed hundreds of students on Sunday.", "KEN/COP"),
    ("es", "Perú retiró a su embajador. La policía dispersó una marcha de estudiantes en Nairobi.", "KEN/COP"),
])
def test_police_take_the_country_of_the_place_their_sentence_names(pipelines, lang, text, actor):
    assert actor in {a for a, _ in _dyads(pipelines, lang, text)}


def test_an_army_abroad_keeps_the_carried_country(pipelines):
    # armies act abroad: a place in their sentence is not where they are from
    text = "La Russie a menacé la Géorgie. Samedi, l'armée a bombardé des immeubles à Kharkiv."
    dyads = _dyads(pipelines, "fr", text)
    assert "UKR/MIL" not in {a for a, _ in dyads}


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le gouvernement indien condamne l'attentat."),
    ("en", "The Indian government condemned the bombing."),
    ("es", "Madrid condena el atentado."),
])
def test_a_condemned_attack_is_not_addressed_to_the_own_people(pipelines, lang, text):
    dyads = _dyads(pipelines, lang, text)
    assert dyads and all(not r.endswith("/CVL") for _, r in dyads)


def test_a_call_with_nobody_named_is_still_addressed_to_the_own_people(pipelines):
    assert ("FRA/GOV", "FRA/CVL") in _dyads(pipelines, "fr", "Le gouvernement français a appelé au calme.")
