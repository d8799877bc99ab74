"""The learned trigger model (:mod:`newsevents.learned`) and actor choice (:mod:`newsevents.learned_roles`):
features, scoring, saving, and the coder's use of them (veto, proposal, rescue, model actor) on hand-built parses
with small hand-made models -- no trained weights involved."""
from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from newsevents.coder import EventCoder
from newsevents.langdata import load_language
from newsevents.actor_data import Mention
from newsevents.learned import TriggerModel, candidate, dense_vector, features, packaged_model, synthetic_slots
from newsevents.learned_roles import RoleModel, dep_path, role_features
from newsevents.lexicon import Lexicon
from newsevents.records import Article

from test_coder_rules import ACTORS, NoDates, NoPlaces, StubActors, StubContext

VOCAB = spacy.blank("fr").vocab


REL = Lexicon.from_data(load_language("fr")).rel  # the French parser's labels


def parse(rows):
    """rows: (word, lemma, pos, dep, head, morph), 0-based heads, one sentence."""
    return Doc(VOCAB, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[r[4] for r in rows], morphs=[r[5] for r in rows],
               sent_starts=[True] + [False] * (len(rows) - 1))


# Moscou a critiqué Paris .  (critiquer is a lexicon verb: ACCUSE 111)
CRITICISE = [("Moscou", "Moscou", "PROPN", "nsubj", 2, ""), ("a", "avoir", "AUX", "aux:tense", 2, ""),
             ("critiqué", "critiquer", "VERB", "ROOT", 2, "VerbForm=Part"), ("Paris", "Paris", "PROPN", "obj", 2, ""),
             (".", ".", "PUNCT", "punct", 2, "")]
# Moscou a zébulonné Paris .  (a made-up verb no lexicon knows)
UNKNOWN_VERB = [("Moscou", "Moscou", "PROPN", "nsubj", 2, ""), ("a", "avoir", "AUX", "aux:tense", 2, ""),
                ("zébulonné", "zébulonner", "VERB", "ROOT", 2, "VerbForm=Part"),
                ("Paris", "Paris", "PROPN", "obj", 2, ""), (".", ".", "PUNCT", "punct", 2, "")]


def toy_model(weights: dict[str, dict[str, float]], veto=0.9, propose=0.5, rescue=1.01) -> TriggerModel:
    """A model whose only features are the given names, with one weight per (label, name); no vector weights."""
    labels = ["", "ACCUSE", "ASSAULT"]
    names = sorted({n for per in weights.values() for n in per})
    vocab = {n: i for i, n in enumerate(names)}
    coef = np.zeros((len(labels), len(vocab)), dtype=np.float32)  # a blank vocabulary has no word vectors
    for label, per in weights.items():
        for name, w in per.items():
            coef[labels.index(label), vocab[name]] = w
    return TriggerModel(labels, vocab, coef, np.array([2.0, 0.0, 0.0], dtype=np.float32),
                        {"ACCUSE": "111", "ASSAULT": "190"}, {}, veto, propose, {}, rescue)


def coder_with(model):
    return EventCoder(load_language("fr"), None, actors=StubActors(), dates=NoDates(), places=NoPlaces(),
                      model=model)


def code(coder, rows):
    doc = parse(rows)
    return [(e.event_type, e.cameo_code, e.event_text) for e in coder.code(Article("t", doc.text, "2024-03-10"),
                                                                         [(0, doc)])]


def test_features_name_the_parse_not_words_of_the_engine():
    doc = parse(CRITICISE)
    names = features(doc[2], "ACCUSE", frozenset({"ACCUSE"}), True, REL)
    assert {"lem=critiquer", "pos=VERB", "dep=ROOT", "rule=ACCUSE", "lex=ACCUSE", "first=True", "root",
            "cdep=obj", "c=aux:tense=avoir", "m=VerbForm=Part"} <= set(names)
    assert candidate(doc[2]) and not candidate(doc[1]) and not candidate(doc[4])  # "a" is too short, "." no word


def test_probabilities_are_a_softmax_of_the_summed_weights():
    model = toy_model({"ACCUSE": {"lem=critiquer": 3.0}, "": {"dep=ROOT": 1.0}})
    p = model.probabilities([(["lem=critiquer", "dep=ROOT", "unseen"], np.zeros(0))])[0]
    scores = np.array([2.0 + 1.0, 3.0, 0.0])
    assert np.allclose(p, np.exp(scores) / np.exp(scores).sum(), atol=1e-6)


def test_probabilities_equal_the_column_sums_of_the_weights_bit_for_bit():
    from newsevents.learned import TriggerModel, unit

    rng = np.random.default_rng(3)
    labels, vocab = ["", "ACCUSE", "PROTEST", "ASSAULT"], {f"f{i}": i for i in range(300)}
    coef = rng.normal(size=(len(labels), len(vocab) + 8)).astype(np.float32)
    model = TriggerModel(labels, vocab, coef, rng.normal(size=len(labels)).astype(np.float32), {}, {}, 0.9, 1.01, {})
    rows = [([f"f{j}" for j in rng.integers(0, 300, size=k)] + ["unseen"], rng.normal(size=8).astype(np.float32))
            for k in (0, 1, 7, 9, 40, 130)]
    got = model.probabilities(rows)
    for (names, vector), p in zip(rows, got):  # the plain computation: columns of coef
        scores = model.intercept.copy()
        cols = [vocab[n] for n in names if n in vocab]
        if cols:
            scores += coef[:, cols].sum(axis=1)
        scores += coef[:, len(vocab):] @ unit(vector)
        scores -= scores.max()
        assert (np.exp(scores) / np.exp(scores).sum() == p).all()


def test_dense_features_are_unit_blocks_of_the_token_and_head_tok2vec_output():
    doc = parse(CRITICISE)
    doc.tensor = np.arange(len(doc) * 2, dtype=np.float32).reshape(len(doc), 2) + 1  # row i: (2i+1, 2i+2)
    dense = dense_vector(doc[0], ("tensor", "head_tensor"), 2)  # "Moscou", whose head is "critiqué" (row 2)
    assert np.allclose(dense, np.r_[np.array([1, 2]) / np.sqrt(5), np.array([5, 6]) / np.sqrt(61)])
    bare = parse(CRITICISE)  # no tok2vec output: zeros of the model's width
    assert np.allclose(dense_vector(bare[0], ("tensor",), 3), np.zeros(3))


def test_save_and_load_give_the_same_model(tmp_path):
    model = toy_model({"ACCUSE": {"lem=critiquer": 3.0}}, veto=0.8, propose=0.6, rescue=0.4)
    model.save(tmp_path / "m.npz")
    again = TriggerModel.load(tmp_path / "m.npz")
    assert (again.labels, again.vocab, again.veto, again.propose, again.rescue) == \
        (model.labels, model.vocab, 0.8, 0.6, 0.4)
    rows = [(["lem=critiquer"], np.zeros(0))]
    assert np.allclose(again.probabilities(rows), model.probabilities(rows), atol=1e-3)


def test_without_a_model_the_rules_code_alone():
    assert code(coder_with(None), CRITICISE) == [("ACCUSE", "111", "a critiqué")]
    assert code(coder_with(None), UNKNOWN_VERB) == []


def test_veto_drops_a_lexicon_trigger_the_model_takes_for_no_event():
    model = toy_model({"": {"lem=critiquer": 5.0}})  # p(no event) ~ 0.999
    assert code(coder_with(model), CRITICISE) == []


def test_proposal_codes_a_word_the_lexicon_lacks_with_the_type_code():
    model = toy_model({"ASSAULT": {"lem=zébulonner": 6.0}})  # p(ASSAULT) ~ 0.98
    assert code(coder_with(model), UNKNOWN_VERB) == [("ASSAULT", "190", "a zébulonné")]


def test_an_unsure_model_changes_nothing():
    model = toy_model({"ASSAULT": {"lem=zébulonner": 1.0}})  # p(ASSAULT) ~ 0.21, p(no event) ~ 0.58
    assert code(coder_with(model), UNKNOWN_VERB) == []
    assert code(coder_with(model), CRITICISE) == [("ACCUSE", "111", "a critiqué")]


def test_rescue_keeps_a_sure_trigger_that_has_no_participant():
    # Une attaque a été signalée .  -> "attaque" (a lexicon noun, ASSAULT 190) with nobody named is dropped by
    # the rules; a model sure that it is an attack keeps it, with no actor and no recipient.
    rows = [("Une", "un", "DET", "det", 1, ""), ("attaque", "attaque", "NOUN", "nsubj:pass", 4, ""),
            ("a", "avoir", "AUX", "aux:tense", 4, ""), ("été", "être", "AUX", "aux:pass", 4, ""),
            ("signalée", "signaler", "VERB", "ROOT", 4, ""), (".", ".", "PUNCT", "punct", 4, "")]
    assert code(coder_with(None), rows) == []
    sure = toy_model({"ASSAULT": {"lem=attaque": 6.0}}, rescue=0.5)
    assert code(coder_with(sure), rows) == [("ASSAULT", "190", "attaque")]
    sure.spare = False  # confidence then only opens the trigger to the learned role choices: nothing is spared
    assert code(coder_with(sure), rows) == []


def test_synthetic_frames_take_the_slots_the_lexicon_uses_most_for_the_root():
    slots = synthetic_slots(EventCoder(load_language("fr"), None, actors=StubActors(), dates=NoDates(),
                                       places=NoPlaces()).lex)
    assert slots[("19", False)] and all(isinstance(s, str) for s in slots[("19", False)])
    assert len(slots[("04", True)]) <= 4


def test_the_packaged_french_model_loads_with_thresholds_and_codes():
    model = packaged_model("fr")
    if model is None:
        pytest.fail("src/newsevents/data/trigger_model_fr.npz is missing: run scripts/train_trigger_model.py")
    assert model.labels[0] == "" and set(model.labels[1:]) <= {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
        "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    assert 0 < model.propose <= 1.01 and 0 < model.veto <= 1.01
    widths = {"vector": 300, "tensor": model.tensor_width, "head_tensor": model.tensor_width}
    assert model.coef.shape == (len(model.labels), len(model.vocab) + sum(widths[p] for p in model.dense))
    assert packaged_model("xx") is None


# -- the learned actor choice ------------------------------------------------------------------------------------

# Moscou : une attaque a été signalée .  ("Moscou" hangs on the noun as a dislocated phrase: no rule path makes it
# the actor, so the rules drop the attack, which has no participant)
DISLOCATED = [("Moscou", "Moscou", "PROPN", "dislocated", 6, ""), (":", ":", "PUNCT", "punct", 0, ""),
              ("une", "un", "DET", "det", 3, ""), ("attaque", "attaque", "NOUN", "nsubj:pass", 6, ""),
              ("a", "avoir", "AUX", "aux:tense", 6, ""), ("été", "être", "AUX", "aux:pass", 6, ""),
              ("signalée", "signaler", "VERB", "ROOT", 6, ""), (".", ".", "PUNCT", "punct", 6, "")]


class MentionContext(StubContext):
    """The stub resolver, which also lists each known word as an actor mention."""

    def mentions_in(self, doc, start, end):
        return [Mention(t.i, t.i + 1, t.idx, t.idx + len(t), *ACTORS[t.lower_], None, "country")
                for t in doc[start:end] if t.lower_ in ACTORS]


class MentionActors(StubActors):
    def article(self, published):
        return MentionContext()


def role_model(weights: dict[str, float], threshold=0.5, scope="all", require=False) -> RoleModel:
    names = sorted(weights)
    return RoleModel({n: i for i, n in enumerate(names)}, np.array([weights[n] for n in names], dtype=np.float32),
                     -2.0, threshold, scope, require)


def with_roles(roles, rescue=1.01) -> TriggerModel:
    model = toy_model({"ASSAULT": {"lem=attaque": 6.0}}, veto=1.01, propose=1.01, rescue=rescue)
    model.roles = roles
    return model


def code_actors(model, rows, recipients=False):
    coder = EventCoder(load_language("fr"), None, actors=MentionActors(), dates=NoDates(), places=NoPlaces(),
                       model=model)
    doc = parse(rows)
    return [(e.event_type, e.event_text, [a.code for a in e.actor]) + ((
             [r.code for r in e.recipient],) if recipients else ())
            for e in coder.code(Article("t", doc.text, "2024-03-10"), [(0, doc)])]


def test_dependency_paths_climb_to_the_common_ancestor_then_descend():
    doc = parse(CRITICISE)
    assert dep_path(doc[0], doc[2]) == "nsubj^"
    assert dep_path(doc[0], doc[3]) == "nsubj^>obj"
    assert dep_path(doc[2], doc[0]) == ">nsubj"
    assert dep_path(doc[0], doc[3], longest=1) == "far"


def test_role_features_name_order_distance_path_and_type():
    doc = parse(CRITICISE)
    names = role_features(doc[2], doc[0], "GOV", "ACCUSE", "country", REL.case_marker)
    assert {"side=before", "dist=2", "path=nsubj^", "cdep=nsubj", "cpos=PROPN", "sec=GOV", "tpos=VERB",
            "type=ACCUSE", "child=nsubj|", "kind=country"} <= set(names)
    assert "side=after" in role_features(doc[2], doc[3], "", "ACCUSE", "", REL.case_marker)


def test_role_probabilities_are_a_logistic_of_the_summed_weights():
    model = role_model({"cpos=PROPN": 3.0, "side=before": 0.5})
    p = model.probabilities([["cpos=PROPN", "side=before", "unseen"], []])
    assert np.allclose(p, [1 / (1 + np.exp(-1.5)), 1 / (1 + np.exp(2.0))])


def test_a_model_saved_with_its_role_model_loads_it_back(tmp_path):
    model = with_roles(role_model({"cpos=PROPN": 3.0}, threshold=0.7, scope="added", require=True))
    model.recipients = role_model({"side=after": 1.0}, threshold=0.4)
    model.save(tmp_path / "m.npz")
    loaded = TriggerModel.load(tmp_path / "m.npz")
    again = loaded.roles
    assert (again.vocab, again.threshold, again.scope, again.require) == ({"cpos=PROPN": 0}, 0.7, "added", True)
    assert np.allclose(again.probabilities([["cpos=PROPN"]]), [1 / (1 + np.exp(-1.0))])
    assert (loaded.recipients.vocab, loaded.recipients.threshold, loaded.recipients.scope) == \
        ({"side=after": 0}, 0.4, "all")
    with pytest.raises(ValueError, match="unknown scope"):
        RoleModel.from_meta({**model.roles.to_meta()[0], "scope": "some"}, model.roles.coef)


def test_model_actor_gives_an_event_with_no_actor_the_best_scored_mention():
    assert code_actors(None, DISLOCATED) == []  # no participant: dropped by the rules
    sure = role_model({"cpos=PROPN": 5.0})  # p 0.95
    assert code_actors(with_roles(sure), DISLOCATED) == [("ASSAULT", "attaque", ["RUS"])]
    unsure = role_model({"cpos=PROPN": 1.0})  # p 0.27
    assert code_actors(with_roles(unsure), DISLOCATED) == []


def test_scope_added_fills_only_the_triggers_the_model_rescued_and_require_drops_the_rest():
    sure = role_model({"cpos=PROPN": 5.0}, scope="added")
    assert code_actors(with_roles(sure), DISLOCATED) == []  # a lexicon trigger the model did not rescue
    assert code_actors(with_roles(sure, rescue=0.5), DISLOCATED) == [("ASSAULT", "attaque", ["RUS"])]
    unspared = with_roles(sure, rescue=0.5)
    unspared.spare = False  # not spared, but still open to the actor choice of scope "added"
    assert code_actors(unspared, DISLOCATED) == [("ASSAULT", "attaque", ["RUS"])]
    unsure = role_model({"cpos=PROPN": 1.0}, scope="added", require=True)
    assert code_actors(with_roles(unsure, rescue=0.5), DISLOCATED) == []  # rescued, still no actor: dropped
    unsure.require = False
    assert code_actors(with_roles(unsure, rescue=0.5), DISLOCATED) == [("ASSAULT", "attaque", [])]


# Berlin : Moscou a attaqué .  (the rules find the actor, RUS, and no recipient)
NO_RECIPIENT = [("Berlin", "Berlin", "PROPN", "dislocated", 4, ""), (":", ":", "PUNCT", "punct", 0, ""),
                ("Moscou", "Moscou", "PROPN", "nsubj", 4, ""), ("a", "avoir", "AUX", "aux:tense", 4, ""),
                ("attaqué", "attaquer", "VERB", "ROOT", 4, "VerbForm=Part"), (".", ".", "PUNCT", "punct", 4, "")]


def test_model_recipient_fills_an_empty_recipient_never_with_the_actor():
    assert code_actors(None, NO_RECIPIENT, True) == [("ASSAULT", "a attaqué", ["RUS"], [])]
    model = with_roles(None)
    model.recipients = role_model({"cpos=PROPN": 5.0})  # both names score the same: the actor is skipped
    assert code_actors(model, NO_RECIPIENT, True) == [("ASSAULT", "a attaqué", ["RUS"], ["DEU"])]
    model.recipients = role_model({"cpos=PROPN": 5.0, "cdep=dislocated": -9.0})
    assert code_actors(model, NO_RECIPIENT, True) == [("ASSAULT", "a attaqué", ["RUS"], [])]
