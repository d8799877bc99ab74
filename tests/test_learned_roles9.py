"""Session 9: the learned actor choice never gives an act told in a relative clause the subject of the verb
that governs the relative's host noun (rule ``relative_host_governor`` of
:func:`~newsevents.engine.learned_stage.governs_relative_host`).

Made-up sentences, real spaCy model."""
from __future__ import annotations

import pytest

from coding import code

pytestmark = pytest.mark.model


def test_learned_actor_is_not_the_subject_governing_the_relatives_host(learned_pipeline):
    events = code(learned_pipeline, "Le gouvernement marocain a condamné l'attentat qui a tué neuf policiers au "
                                    "Niger.", "2023-05-12")
    assert not [e for e in events if e.event_type == "ASSAULT" and any(a.code == "MAR" for a in e.actor)]


def test_governs_relative_host_only_for_the_governing_verbs_subject(nlp):
    import types

    from newsevents.engine.learned_stage import governs_relative_host
    from newsevents.langdata import load_language
    from newsevents.lexicon import Lexicon

    Coder = types.SimpleNamespace(lex=Lexicon.from_data(load_language("fr")))  # the rule reads only the labels

    doc = nlp("Le gouvernement marocain a condamné l'attentat qui a tué neuf policiers.")
    by = {t.text: t for t in doc}
    assert by["tué"].dep_ == "acl:relcl" and by["gouvernement"].dep_ == "nsubj"
    assert governs_relative_host(Coder, by["tué"], by["gouvernement"])
    assert not governs_relative_host(Coder, by["condamné"], by["gouvernement"])  # the main clause's own act
    assert not governs_relative_host(Coder, by["tué"], by["policiers"])
