"""The learned override of rule drops (:mod:`newsevents.learned_keep`): features, scoring, saving, and the
coder's use of it on a hand-built parse with small hand-made models -- no trained weights involved."""
from __future__ import annotations

import numpy as np

from newsevents.learned import TriggerModel
from newsevents.learned_keep import KeepModel, keep_features

from test_learned import code, coder_with, parse, toy_model

# Une attaque a été signalée .  -> "attaque" (a lexicon noun, ASSAULT 190) with nobody named: the rules drop it
BARE_ATTACK = [("Une", "un", "DET", "det", 1, ""), ("attaque", "attaque", "NOUN", "nsubj:pass", 4, ""),
               ("a", "avoir", "AUX", "aux:tense", 4, ""), ("été", "être", "AUX", "aux:pass", 4, ""),
               ("signalée", "signaler", "VERB", "ROOT", 4, ""), (".", ".", "PUNCT", "punct", 4, "")]
DROPS = frozenset({"no_participants", "actor_required"})


def keeper(weight: float, threshold: float = 0.5, rules=DROPS, actor: bool = False) -> KeepModel:
    """A drop override whose one feature is the rule-crossed lemma "attaque", with ``weight``."""
    vocab = {f"drop_lem={rule}|attaque": i for i, rule in enumerate(sorted(DROPS))}
    return KeepModel(vocab, np.full(len(vocab), weight, dtype=np.float32), -2.0, threshold, frozenset(rules), actor)


def with_keep(keep: KeepModel) -> TriggerModel:
    model = toy_model({}, veto=1.01, propose=1.01, rescue=1.01)  # the trigger model itself does nothing
    model.keep = keep
    return model


def test_features_add_the_rule_alone_and_crossed():
    doc = parse(BARE_ATTACK)
    names = keep_features(doc[1], ["lem=attaque"], "no_participants", "ASSAULT")
    assert names == ["lem=attaque", "drop=no_participants", "drop_type=no_participants|ASSAULT",
                     "drop_lem=no_participants|attaque", "drop_pos=no_participants|NOUN"]


def test_probability_is_the_logistic_of_the_summed_weights():
    keep = keeper(3.0)
    assert np.isclose(keep.probability(["drop_lem=no_participants|attaque", "unseen"]), 1 / (1 + np.exp(-1.0)))
    assert np.isclose(keep.probability([]), 1 / (1 + np.exp(2.0)))


def test_structural_drops_and_other_rules_are_never_overruled():
    keep = keeper(3.0, rules=DROPS | {"absorbed"})
    assert keep.overrules("no_participants") and not keep.overrules("absorbed")
    assert not keep.overrules("background_participle")
    assert not keeper(3.0, threshold=1.01).overrules("no_participants")


def test_save_and_load_keep_the_override(tmp_path):
    model = with_keep(keeper(3.0, threshold=0.6, actor=True))
    model.save(tmp_path / "m.npz")
    again = TriggerModel.load(tmp_path / "m.npz").keep
    assert (again.vocab, again.threshold, again.rules, again.actor) == (model.keep.vocab, 0.6, DROPS, True)
    assert np.isclose(again.probability(["drop_lem=no_participants|attaque"]),
                      model.keep.probability(["drop_lem=no_participants|attaque"]))


def test_a_sure_override_keeps_a_dropped_trigger():
    assert code(coder_with(None), BARE_ATTACK) == []
    assert code(coder_with(with_keep(keeper(6.0))), BARE_ATTACK) == [("ASSAULT", "190", "attaque")]


def test_an_unsure_override_or_another_rule_changes_nothing():
    assert code(coder_with(with_keep(keeper(1.0))), BARE_ATTACK) == []  # p ~ 0.27 < 0.5
    assert code(coder_with(with_keep(keeper(6.0, rules={"recipient_required"}))), BARE_ATTACK) == []
    assert code(coder_with(with_keep(keeper(6.0, threshold=1.01))), BARE_ATTACK) == []


def test_with_actor_required_a_kept_trigger_needs_a_learned_actor():
    # nobody is named in the sentence, so the learned actor choice (absent here) finds no one: the drop stands
    assert code(coder_with(with_keep(keeper(6.0, actor=True))), BARE_ATTACK) == []


def test_a_known_lemma_no_frame_matched_takes_its_frame_of_the_likeliest_type():
    from newsevents.engine.learned_stage import known_frame_trigger
    from test_learned import CRITICISE

    model = toy_model({}, veto=1.01, propose=1.01, rescue=1.01)
    coder = coder_with(model)
    tok = parse(CRITICISE)[2]  # "critiqué": lexicon verb critiquer, ACCUSE frames
    sure = np.array([0.2, 0.7, 0.1])  # labels "", ACCUSE, ASSAULT
    assert known_frame_trigger(coder, tok, sure) is None  # switched off by default
    model.propose_known = 0.5
    trig = known_frame_trigger(coder, tok, sure)
    assert trig.frame.lemma == "critiquer" and coder.cameo.plover(trig.frame.cameo) == "ACCUSE" and not trig.is_noun
    assert known_frame_trigger(coder, tok, np.array([0.6, 0.3, 0.1])) is None  # not sure enough
    assert known_frame_trigger(coder, parse(BARE_ATTACK)[4], sure) is None  # "signaler": no frame of its own
