"""The learned actor choice: for an event trigger and an actor mentioned in its sentence, whether that actor acts.

The role rules (:mod:`newsevents.engine.roles`) find the actor of a trigger on fixed dependency paths (subject,
passive agent, "de" complement of an event noun...). The events the trigger model adds (rescued lexicon
triggers, proposed words) are mostly found where those paths fail, so most of them came out with a recipient
and no actor, which costs dyad and full F1. This model scores each (trigger, candidate actor) pair of a sentence;
the engine's roles-stage rule ``model_actor`` (:func:`newsevents.engine.learned_stage.model_actor`) gives an event
with no actor the best-scoring candidate when its probability reaches the model's ``threshold``.

It is a binary logistic regression (scikit-learn at training time, numpy at run time) over binary features of
the parse: the dependency path between the candidate and the trigger, their order and distance, the candidate's
dependency, part of speech, case marker and resolved sector, the trigger's part of speech and dependency and the
event's PLOVER type, crossed. Feature names are built from the parse, so this module holds no word of any
language. ``scripts/train_trigger_model.py`` trains it on the gold actor codes of the tune part (a candidate is
positive when its resolved country code is the gold source's) and ships it inside the trigger model's ``.npz``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SCOPES = ("added", "all")
"""Which events the actor choice may fill: ``added`` -- only those of triggers the trigger model added or rescued;
``all`` -- every event the rules leave with no actor."""


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def dep_path(cand, trig, longest: int = 4) -> str:
    """The dependency path from token ``cand`` up to the lowest common ancestor and down to token ``trig``:
    ``"nsubj^>obj"`` style (``^`` climbs from a dependent, ``>`` descends); ``"far"`` beyond ``longest`` steps,
    ``"none"`` when they share no ancestor (different sentences)."""
    up_c = [cand] + list(cand.ancestors)
    up_t = [trig] + list(trig.ancestors)
    index_t = {t.i: k for k, t in enumerate(up_t)}
    for k, tok in enumerate(up_c):
        if tok.i in index_t:
            down = up_t[:index_t[tok.i]]
            if k + len(down) > longest:
                return "far"
            climb = "".join(f"{t.dep_}^" for t in up_c[:k])
            return climb + "".join(f">{t.dep_}" for t in reversed(down))
    return "none"


def role_features(trig, cand, sector: str, plover: str, kind: str, case_marker: str) -> list[str]:
    """Binary feature names of candidate actor head token ``cand`` for trigger token ``trig`` (spaCy tokens of
    one sentence); ``sector``: the candidate's resolved sector ("" when none); ``plover``: the event's PLOVER
    type; ``kind``: the actor mention's kind (:class:`newsevents.actor_data.Mention`); ``case_marker``: the
    language's label of a nominal's preposition (``Lexicon.rel.case_marker``), whose lemma is a feature."""
    side = "before" if cand.i < trig.i else "after"
    path = dep_path(cand, trig)
    case = next((c.lemma_.lower() for c in cand.children if c.dep_ == case_marker), "")
    out = [f"side={side}", f"dist={_bucket(abs(cand.i - trig.i))}", f"path={path}", f"cdep={cand.dep_}",
           f"cpos={cand.pos_}", f"case={case}", f"sec={sector}", f"tpos={trig.pos_}", f"tdep={trig.dep_}",
           f"type={plover}", f"type_side={plover}|{side}", f"tpos_path={trig.pos_}|{path}",
           f"type_path={plover}|{path}", f"case_side={case}|{side}", f"tpos_case={trig.pos_}|{case}|{side}",
           f"cdep_side={cand.dep_}|{side}|{trig.pos_}", f"type_sec={plover}|{sector}", f"kind={kind}", f"kind_side={kind}|{side}"]
    if cand.head.i == trig.head.i and cand.i != trig.i:
        out.append(f"sibling={cand.dep_}")
    if cand.head.i == trig.i:
        out.append(f"child={cand.dep_}|{case}")
    return out


@dataclass
class RoleModel:
    """A trained actor choice (see the module docstring): ``vocab`` feature name -> column, ``coef``
    (len(vocab),) float32 weights, ``intercept``; ``threshold``: the probability a candidate needs to become the
    actor (above 1: switched off); ``scope``: one of :data:`SCOPES`; ``require``: whether an event of a trigger
    the trigger model added or rescued is dropped when it still has no actor (rule ``model_actor_required``)."""

    vocab: dict[str, int]
    coef: np.ndarray
    intercept: float
    threshold: float = 1.01
    scope: str = "added"
    require: bool = False

    def covers(self, model_trigger: bool) -> bool:
        """Whether the choice applies to an event, given whether its trigger was proposed or marked confident by
        the trigger model (scope ``added``: only then; ``all``: always)."""
        return self.scope == "all" or model_trigger

    def probabilities(self, rows: list[list[str]]) -> np.ndarray:
        """(n,) probability that each candidate (its feature names) is the actor."""
        scores = np.full(len(rows), self.intercept, dtype=np.float64)
        for i, names in enumerate(rows):
            cols = [self.vocab[name] for name in set(names) if name in self.vocab]
            if cols:
                scores[i] += float(self.coef[cols].sum())
        return 1.0 / (1.0 + np.exp(-scores))

    def to_meta(self) -> tuple[dict, np.ndarray]:
        """(JSON-able metadata, weights) for :meth:`newsevents.learned.TriggerModel.save`."""
        return ({"vocab": sorted(self.vocab, key=self.vocab.get), "intercept": float(self.intercept),
                 "threshold": self.threshold, "scope": self.scope, "require": self.require}, self.coef.astype(np.float32))

    @classmethod
    def from_meta(cls, meta: dict, coef: np.ndarray) -> "RoleModel":
        """The inverse of :meth:`to_meta`. Raises ``ValueError`` for an unknown scope."""
        if meta["scope"] not in SCOPES:
            raise ValueError(f"role model: unknown scope {meta['scope']!r} (one of {', '.join(SCOPES)})")
        vocab = {name: i for i, name in enumerate(meta["vocab"])}
        return cls(vocab, coef.astype(np.float32), float(meta["intercept"]), float(meta["threshold"]), meta["scope"],
                   bool(meta.get("require", False)))
