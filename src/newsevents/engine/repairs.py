"""Parse repairs the coder makes in place before coding (typical errors of the French model)."""
from __future__ import annotations

from .frames import SUBJECT_DEPS


class ParseRepairs:
    """Repairs of parser errors, in place, before a Doc is coded.
    A mixin of :class:`~newsevents.engine.coder.EventCoder`."""

    def _reattach_weekday_objects(self, doc) -> None:
        """Repair one parser error in place: after "verbe + jour de la semaine", the verb's object is often
        parsed as a modifier of the day ("a rejeté jeudi un appel de l'ONU": "appel" under "jeudi"). A
        determined noun phrase with no preposition right after a weekday that modifies a verb is re-attached to
        the verb as its object (also when the parser made it an adjunct of the verb or the subject of a
        reporting incise after it: "a levé vendredi le blocus ..., ont indiqué des responsables"), unless the verb
        already has one, is a reporting verb or has no subject before it
        (then the phrase is an inverted subject: "a indiqué mercredi le groupe"). Day words are the date
        resolver's (:meth:`~newsevents.dates.DateResolver.is_day_word`: weekdays and "hier", "aujourd'hui"...);
        day parts and day numbers ("jeudi soir", "jeudi 1er septembre") are not noun phrases with a determiner
        and stay where they are."""
        if not doc.has_annotation("DEP"):
            return
        for day in _tokens_with_dep(doc, ("obl:mod", "obl", "xcomp")):
            if not self.dates.is_day_word(day.text):
                continue
            verb = day.head
            if verb.pos_ not in ("VERB", "AUX") or verb.i > day.i or any(c.dep_ == "case" for c in day.children):
                continue
            if any(c.dep_ == "obj" for c in verb.children) or verb.lemma_.lower() in self._reporting:
                continue
            if verb.dep_ in ("ROOT", "ccomp", "parataxis") and not any(
                    c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children):
                continue  # "ont manifesté dimanche les habitants": an inverted subject, not an object
            obj = next((c for c in day.children if c.dep_ in ("nmod", "appos", "obj") and c.i > day.i
                        and c.pos_ in ("NOUN", "PROPN") and not any(x.dep_ == "case" for x in c.children)
                        and any(x.dep_ == "det" and x.i < c.i for x in c.children)), None)
            if obj is None:  # "a levé vendredi le blocus imposé ..., ont indiqué des responsables": the parser
                nxt = doc[day.i + 2] if day.i + 2 < len(doc) else None  # made it the subject of the incise
                if nxt is not None and doc[day.i + 1].dep_ == "det" and doc[day.i + 1].head.i == nxt.i \
                        and nxt.pos_ == "NOUN" and not any(c.dep_ == "case" for c in nxt.children) and (
                            (nxt.dep_ == "nsubj" and nxt.head.i > nxt.i and nxt.head.lemma_.lower() in self._reporting)
                            or (nxt.dep_ in ("obl", "obl:mod") and nxt.head.i == verb.i)):  # or an adjunct
                    obj = nxt
            if obj is None or any(t.dep_ == "punct" for t in doc[day.i + 1:obj.left_edge.i]):
                continue
            obj.head = verb
            obj.dep_ = "obj"
            if day.dep_ == "xcomp":  # "a accepté jeudi la demande": the day is no clause
                day.dep_ = "obl:mod"

    def _reattach_weekday_clauses(self, doc) -> None:
        """Repair one parser error in place: after "verbe + jour de la semaine", a "que" clause is often parsed
        as a relative clause of the day ("a assuré lundi qu'elle durcirait le siège"). When the clause
        has an object of its own ("que" then cannot be its object) it is re-attached to the verb as its
        complement clause, "que" as its conjunction. Day words as in :meth:`_reattach_weekday_objects`."""
        if not doc.has_annotation("DEP"):
            return
        for day in _tokens_with_dep(doc, ("obl:mod", "obl")):
            if not self.dates.is_day_word(day.text):
                continue
            verb = day.head
            if verb.pos_ != "VERB" or verb.i > day.i:
                continue
            for clause in [c for c in day.children if c.dep_ == "acl:relcl" and c.i > day.i]:
                que = doc[clause.left_edge.i]
                if que.lower_ not in self.lex.cue("complement_marks") or que.head.i != clause.i \
                        or que.i != day.i + 1 or not any(c.dep_ == "obj" and c.i > clause.i for c in clause.children):
                    continue
                clause.head = verb
                clause.dep_ = "ccomp"
                que.dep_ = "mark"
                que.pos_ = "SCONJ"

    def _absolute_subjects(self, doc) -> None:
        """Repair one parser error in place: in an absolute participle clause ("..., Moscou étant accusé par les
        Occidentaux d'avoir ..."), the parser often hangs the subject and the participle on an earlier noun
        instead of linking them. A name or noun right before "étant" / "ayant" that governs no phrase of its own
        (only a determiner, an adjective, a name part) and does not govern the participle becomes its subject
        (passive after "étant", active after "ayant"); those participles are the ``participle_auxiliaries`` words of
        the language's ``syntax.yaml``."""
        if not doc.has_annotation("DEP"):
            return
        lower = doc.to_array("LOWER")  # the lowercase forms in one array (no Token object per word)
        strings = doc.vocab.strings
        participles = self.lex.cue("participle_auxiliaries")
        if not any((lower == strings[word]).any() for word in participles):
            return
        for aux in doc:
            if aux.lower_ not in participles or aux.i == 0 or not aux.dep_.startswith("aux"):
                continue
            verb, subject = aux.head, doc[aux.i - 1]
            if verb.i <= aux.i or subject.pos_ not in ("PROPN", "NOUN") or subject.head.i == verb.i \
                    or any(c.dep_.startswith("nsubj") for c in verb.children) \
                    or any(c.dep_ not in ("det", "amod", "flat:name") for c in subject.children) \
                    or any(a.i == subject.i for a in verb.ancestors):
                continue
            subject.head = verb
            subject.dep_ = "nsubj:pass" if aux.dep_ == "aux:pass" else "nsubj"


def _tokens_with_dep(doc, labels: tuple[str, ...]) -> list:
    """The tokens of ``doc`` whose dependency label is one of ``labels``, in order, read from one array of the
    Doc's labels (a Token object is made only for those)."""
    deps = doc.to_array("DEP")
    keys = {doc.vocab.strings[label] for label in labels}
    return [doc[i] for i, dep in enumerate(deps.tolist()) if dep in keys]
