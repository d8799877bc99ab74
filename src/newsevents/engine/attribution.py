"""Attribution: the source a sentence or an event cites ("selon X", reporting verbs)."""
from __future__ import annotations

from ..records import Attribution
from .frames import Trigger
from .syntax import word_memo


class Sources:
    """Sources cited by a sentence or an event.
    A mixin of :class:`~newsevents.engine.coder.EventCoder`."""

    def _sentence_attribution(self, context, sent, offset) -> Attribution | None:
        """"selon X" / "d'après X" anywhere in the sentence, or "comme l'a rapporté X". ``sent``: the sentence
        Span or the list of its tokens (read twice)."""
        rel = self.lex.rel
        preps = self.lex.cue("attribution_preps")
        is_case, reporting = word_memo(self, "dep=case"), word_memo(self, "reporting_lemma")  # by hash: each
        for tok in sent:  # label's and lemma's string is read once, not at every token
            case = is_case.get(tok.dep)
            if case is None:
                case = is_case[tok.dep] = tok.dep_ == rel.case_marker
            if case and (tok.lower_ in preps or (  # "d'après" is "d'" + fixed "après"
                    tok.lower_ in self.lex.cue("elided_de") and any(
                        c.lower_ in self.lex.cue("after_words") and c.dep_ == rel.fixed for c in tok.children))):
                return self._attribution_from(tok.head, context, offset)
        for tok in sent:
            known = reporting.get(tok.lemma)
            if known is None:
                known = reporting[tok.lemma] = tok.lemma_.lower() in self._reporting
            if not known or tok.pos_ != "VERB":
                continue
            incise = tok.dep_ == rel.parataxis  # "X a fait Y, a indiqué l'agence Reuters"
            if incise or any(c.lower_ in self.lex.cue("report_incise_marks") and c.dep_ == rel.clause_marker
                             for c in tok.children):
                deps = (*self.lex.label("subjects"),
                        rel.object,)  # the inverted subject ("comme l'a rapporté KCNA") is often tagged obj
                subj = next((c for c in tok.children if c.dep_ in deps and c.pos_ != "PRON"), None)
                if subj is not None:
                    return self._attribution_from(subj, context, offset)
        return None

    def _event_attribution(self, trig: Trigger, context, offset) -> Attribution | None:
        """The subject of a reporting verb whose complement clause holds the trigger."""
        rel = self.lex.rel
        node = trig.token
        for _ in range(6):
            if node.head.i == node.i:
                return None
            dep = node.dep_
            node = node.head
            if dep in (rel.clausal_complement, rel.parataxis) and node.lemma_.lower() in self._reporting:
                subj = next((c for c in node.children if c.dep_ in self.lex.label("subjects")), None)
                if subj is not None and subj.pos_ != "PRON":
                    return self._attribution_from(subj, context, offset)
                return None
        return None

    def _attribution_from(self, head, context, offset) -> Attribution:
        """The source phrase headed by ``head``, without clauses attached to it (", accompagnée de ..."), and
        its resolved actor."""
        rel = self.lex.rel
        relative = self.lex.label("relative_clause")
        clauses = {t.i for c in head.children if c.dep_ in (rel.adnominal_clause, rel.adverbial_clause, rel.parataxis)
                   or c.dep_ in relative
                   for t in c.subtree}
        kept = [t.i for t in head.subtree if t.i not in clauses]
        left, right = min(kept), max(i for i in kept if i <= head.i or all(j in kept for j in range(head.i, i)))
        toks = list(head.doc[left:right + 1])
        while len(toks) > 1 and toks[0].dep_ in (rel.case_marker, rel.punctuation, rel.clause_marker, rel.coordinator):
            toks = toks[1:]
        while len(toks) > 1 and toks[-1].dep_ in (rel.punctuation, rel.coordinator):
            toks = toks[:-1]
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        entities = context.resolve(head)
        code, sector = (entities[0].code, entities[0].sector) if entities else ("---", "")
        text = head.doc[toks[0].i:toks[-1].i + 1].text  # == doc.text[start:end], without building the whole text
        return Attribution(text=text, span=(start + offset, end + offset), code=code, sector=sector)
