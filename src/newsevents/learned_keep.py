"""The learned override of rule drops: for a lexicon trigger a named rule is about to drop, whether to keep it.

The coder's drop rules (suppression and label rules, ``no_participants``, ``actor_required``...) were written on
the development sets; on unseen text they also drop right triggers (on the tune part of ``eval/train``, 272 gold
triggers of the right type, 165 of them for want of a participant). This model scores a (trigger, dropping rule)
pair: the trigger model's features of the word (:func:`newsevents.learned.features`) and the rule's name, alone
and crossed with the trigger's PLOVER type, lemma and part of speech. When the probability that the trigger is a
gold trigger of its type reaches ``threshold`` and the rule is one of ``rules``, the drop is overruled ("spared by
model_keep" in the trace) and the trigger is treated like one the trigger model rescued: open to the learned
actor and recipient choices of :mod:`newsevents.learned_roles` (and to their requirement of an actor). With
``actor`` on, a trigger dropped at the roles stage for want of an actor is kept only when the learned actor
choice finds one.

It is a binary logistic regression (scikit-learn at training time, numpy at run time); feature names are built
from the parse and the rule names, so this module holds no word of any language. ``scripts/train_trigger_model.py``
trains it on the drops of the rules alone on the tune part and ships it inside the trigger model's ``.npz``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

STRUCTURAL = frozenset({"pattern_object", "absorbed", "noun_topic", "refused_act", "in_name"})
"""Drops the model never overrules: the word is part of another trigger's event (keeping it would code the same
act twice)."""


def keep_features(tok, base: list[str], rule: str, rule_type: str, p_type: float | None = None) -> list[str]:
    """Feature names of a drop: ``base`` (the trigger model's features of token ``tok``), the dropping ``rule``'s
    name, and the name crossed with the trigger's PLOVER type ``rule_type``, lemma and part of speech; with
    ``p_type`` (the trigger model's probability of that type), its band alone and crossed with the rule."""
    out = base + [f"drop={rule}", f"drop_type={rule}|{rule_type}", f"drop_lem={rule}|{tok.lemma_.lower()}",
                  f"drop_pos={rule}|{tok.pos_}"]
    if p_type is not None:
        band = next(b for b in P_BANDS if p_type >= b)
        out += [f"kp={band}", f"kp_rule={rule}|{band}"]
    return out


P_BANDS = (0.7, 0.5, 0.3, 0.2, 0.1, 0.05, 0.0)
"""Lower bounds of the bands of the trigger model's probability that :func:`keep_features` names."""


@dataclass
class KeepModel:
    """A trained drop override (see the module docstring): ``vocab`` feature name -> column, ``coef``
    (len(vocab),) float32 weights, ``intercept``; ``threshold``: the probability a dropped trigger needs to be
    kept (above 1: switched off); ``rules``: the rule names it may overrule; ``actor``: whether a trigger dropped
    at the roles stage with no actor is kept only with an actor from the learned actor choice."""

    vocab: dict[str, int]
    coef: np.ndarray
    intercept: float
    threshold: float = 1.01
    rules: frozenset[str] = frozenset()
    actor: bool = True
    with_p: bool = False

    def probability(self, names: list[str]) -> float:
        """The probability that the dropped trigger with these feature names is a right trigger."""
        cols = [self.vocab[name] for name in set(names) if name in self.vocab]
        score = self.intercept + (float(self.coef[cols].sum()) if cols else 0.0)
        return float(1.0 / (1.0 + np.exp(-score)))

    def overrules(self, rule: str) -> bool:
        """Whether the model may keep a trigger that ``rule`` drops (it is switched on and the rule is one of
        its rules)."""
        return self.threshold <= 1.0 and rule in self.rules and rule not in STRUCTURAL

    def to_meta(self) -> tuple[dict, np.ndarray]:
        """(JSON-able metadata, weights) for :meth:`newsevents.learned.TriggerModel.save`."""
        return ({"vocab": sorted(self.vocab, key=self.vocab.get), "intercept": float(self.intercept),
                 "threshold": self.threshold, "rules": sorted(self.rules), "actor": self.actor,
                 "with_p": self.with_p},
                self.coef.astype(np.float32))

    @classmethod
    def from_meta(cls, meta: dict, coef: np.ndarray) -> "KeepModel":
        """The inverse of :meth:`to_meta`."""
        vocab = {name: i for i, name in enumerate(meta["vocab"])}
        return cls(vocab, coef.astype(np.float32), float(meta["intercept"]), float(meta["threshold"]),
                   frozenset(meta.get("rules", ())), bool(meta.get("actor", True)), bool(meta.get("with_p", False)))
