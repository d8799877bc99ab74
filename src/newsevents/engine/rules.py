"""Named rules and the one registry that orders them per stage.

A :class:`Rule` is a name, a stage, a kind and a function. The stages, in the order the coder runs them:

* ``suppression``: drop rules run on every candidate in a first pass (background, descriptions, conditions);
* ``labels``: drop rules run on every candidate in a second pass (labels, manners, contents, aims);
* ``roles``: actor and recipient steps, fallbacks and requirements, run on each surviving candidate;
* ``recoding``: modality and the CAMEO recoding that depends on it (intent, threat).

The kind says how the runner (:func:`run_candidate_rules`) uses the function's result:

* ``drop``: ``fn(coder, trigger, state) -> bool`` (suppression, labels) or ``fn(coder, candidate, state) -> bool``
  (roles): True drops the candidate and records the rule's name;
* ``actors`` / ``recipients``: a fallback, ``fn(coder, candidate, state) -> tuple[Entity, ...]``, called only
  while the candidate has no actor (recipient); a non-empty result becomes its actors (recipients); no recipient
  fallback runs for a reciprocal frame whose actors are two distinct parties (each is the other's recipient);
* ``step``: ``fn(coder, candidate, state) -> bool``, changes the candidate; True means it did something (recorded
  in the trace and, for rules of a ``group``, the other rules of that group are then skipped: the group is an
  if / elif chain written as data).

The order of the rules of a stage is the order of :data:`REGISTRY`'s lists (:mod:`newsevents.engine.rulebook`
fills it), never nesting in code.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

STAGES = ("suppression", "labels", "roles", "recoding")
KINDS = ("drop", "actors", "recipients", "step")


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule: ``name`` (unique, snake_case), ``stage`` (one of :data:`STAGES`), ``kind`` (one of
    :data:`KINDS`), ``fn`` (see the module docstring) and ``group`` (rules of one group are exclusive: after one
    fires the others are skipped). The function's docstring gives an example sentence and its effect."""

    name: str
    stage: str
    kind: str
    fn: Callable
    group: str | None = None

    @property
    def doc(self) -> str:
        """The rule's description: its function's docstring."""
        return (self.fn.__doc__ or "").strip()


class Registry:
    """Rules by stage, in order. :meth:`add` raises ``ValueError`` for an unknown stage or kind or a name used
    twice; :meth:`get` raises ``KeyError`` naming an unknown rule."""

    def __init__(self) -> None:
        self._stages: dict[str, list[Rule]] = {stage: [] for stage in STAGES}
        self._by_name: dict[str, Rule] = {}

    def add(self, stage: str, kind: str, name: str, fn: Callable, group: str | None = None) -> Rule:
        """Append a rule to ``stage``; returns it."""
        if stage not in self._stages:
            raise ValueError(f"rule {name!r}: unknown stage {stage!r} (one of {', '.join(STAGES)})")
        if kind not in KINDS:
            raise ValueError(f"rule {name!r}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
        if name in self._by_name:
            raise ValueError(f"rule {name!r} registered twice")
        rule = Rule(name, stage, kind, fn, group)
        self._stages[stage].append(rule)
        self._by_name[name] = rule
        return rule

    def stage(self, stage: str) -> tuple[Rule, ...]:
        """The rules of ``stage`` in the order they run."""
        return tuple(self._stages[stage])

    def get(self, name: str) -> Rule:
        """The rule called ``name``."""
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"no rule named {name!r}") from None

    def __iter__(self):
        return (rule for stage in STAGES for rule in self._stages[stage])

    def __len__(self) -> int:
        return len(self._by_name)


def first_drop(rules: tuple[Rule, ...], coder, trigger, state) -> str | None:
    """The name of the first ``drop`` rule of ``rules`` that fires on ``trigger`` (later ones are not run), or
    None."""
    for rule in rules:
        if rule.fn(coder, trigger, state):
            return rule.name
    return None


def run_candidate_rules(rules: tuple[Rule, ...], coder, cand, state) -> bool:
    """Run ``rules`` in order on a :class:`~newsevents.engine.state.Candidate`; returns False as soon as a
    ``drop`` rule drops it (True when it survives). Each rule that fires is noted in the state's trace."""
    fired_groups: set[str] = set()
    for rule in rules:
        if rule.group is not None and rule.group in fired_groups:
            continue
        kind = rule.kind
        if kind == "recipients" or kind == "actors":  # a fallback: only while that slot is empty
            if getattr(cand, kind):
                continue
            if kind == "recipients" and cand.trig.frame.reciprocal \
                    and len({(a.code, a.sector) for a in cand.actors}) >= 2:
                continue  # "des heurts entre la police et des manifestants": the sides are each other's recipients
            found = rule.fn(coder, cand, state)
            setattr(cand, kind, found)
            fired = bool(found)
        elif rule.fn(coder, cand, state):
            if kind == "drop":
                if state.may_spare() and state.spares(cand.trig.token.i, rule.name, cand):
                    continue
                state.note(cand.trig, rule.name, "dropped")
                return False
            fired = True
        else:
            fired = False
        if fired:
            if rule.group is not None:
                fired_groups.add(rule.group)
            if state.trace is not None:
                state.note(cand.trig, rule.name, "fired", _describe(kind, cand))
    return True


def _describe(kind: str, cand) -> str:
    """A short note of what a rule that fired left on the candidate (for the trace)."""
    if kind == "actors":
        return ", ".join(f"{e.code}/{e.sector or '-'} {e.entity_text!r}" for e in cand.actors)
    if kind == "recipients":
        return ", ".join(f"{e.code}/{e.sector or '-'} {e.entity_text!r}" for e in cand.recipients)
    return f"{cand.cameo or cand.trig.frame.cameo} {cand.modality}".strip()
