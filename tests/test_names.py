"""Actor filters typed by people: codes and country names (newsevents.names), in French, English and Spanish."""
from __future__ import annotations

import pytest

from newsevents.names import ActorNameError, ActorNames, resolve_actor


@pytest.fixture(scope="module")
def names():
    return ActorNames.for_language("fr")


@pytest.mark.parametrize("typed, code", [
    ("France", "FRA"), ("france", "FRA"), ("Russie", "RUS"), ("RUSSIE", "RUS"), ("Etats-Unis", "USA"),
    ("États-Unis", "USA"), ("Corée du Nord", "PRK"), ("Allemagne", "DEU"), ("russe", "RUS"),
    ("Germany", "DEU"), ("North Korea", "PRK"), ("United Kingdom", "GBR"),
    ("Russie MIL", "RUSMIL"), ("france gov", "FRAGOV"),
    ("RUS", "RUS"), ("rusgov", "RUSGOV"), ("*MIL", "*MIL"), ("*mil", "*MIL"), ("---MIL", "---MIL"), ("IGO", "IGO"),
    ("Chine", "CHN"),  # a name, not CHI + NE
    ("Estados Unidos", "USA"), ("Alemania", "DEU"), ("Estados Unidos GOV", "USAGOV"),  # Spanish, a packed language
])
def test_resolve(names, typed, code):
    assert names.resolve(typed) == code
    assert resolve_actor(typed) == code


@pytest.mark.parametrize("typed, hint", [("Frnace", "France (FRA)"), ("Rusie", "Russie (RUS)"), ("XYZ", None),
                                         ("", None)])
def test_unknown_names_say_what_is_expected(names, typed, hint):
    with pytest.raises(ActorNameError) as err:
        names.resolve(typed)
    message = str(err.value)
    assert "FRA" in message and "RUSGOV" in message and "*MIL" in message
    if hint:
        assert f"did you mean {hint}" in message


def test_labels(names):
    assert names.label("RUS") == "Russie"
    assert names.label("RUSMIL") == "Russie MIL"
    assert names.label("*MIL") == "any country MIL"
    assert names.label("QQQ") == "QQQ"
