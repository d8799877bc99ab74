"""One sentence through the coder's stages, in this order:

1. candidates (:data:`CANDIDATE_STAGES`, a list of ``fn(coder, state)``): lexicon and synthetic triggers, then
   triggers inside names dropped; a stage inserted into ``EventCoder.candidate_stages`` after
   :func:`match_triggers` sees and may change ``state.triggers`` (veto or add candidates);
2. suppression: the ``suppression`` then the ``labels`` rules of :mod:`newsevents.engine.rulebook`, each a pass
   over every candidate (the first rule that fires drops it);
3. absorption (:data:`ABSORPTION_STAGES`): acts inside an answered request, the topic of an event noun, acts in
   the complement of a demand, threat, refusal or pledge;
4. roles, then recoding and modality (rules of the ``roles`` and ``recoding`` stages, per candidate);
5. date, attribution and place, the government of a state act, one event per actor x recipient;
6. post-filters (:data:`POSTFILTERS`): events nobody does, unnamed repeats, duplicates.

Every candidate a rule drops records the rule's name in the trace, when there is one
(:class:`~newsevents.engine.trace.Trace`).
"""
from __future__ import annotations

from ..records import Event
from ..docview import view_of
from .frames import STATE_ACT_ROOTS, SYNTHETIC_LEMMAS
from .rulebook import REGISTRY
from .rules import first_drop, run_candidate_rules
from .state import Candidate, SentenceState

BACKGROUND = "background_participle"
SUPPRESSION_PASSES = ("suppression", "labels")
"""Rule stages run as passes over all candidates, in this order."""


def match_triggers(coder, s: SentenceState) -> None:
    """Candidates: every token the lexicon matches ("a attaqué"), then the synthetic frames: reported
    obligations ("X a déclaré que Y devait ..."), verbless headline visits, fronted-place visits."""
    s.triggers = [t for t in (coder._match(tok) for tok in lexicon_words(coder, s.tokens)) if t is not None]
    s.triggers += coder._obligations(s.tokens) + coder._headline_visits(s.sent, s.context) \
        + coder._fronted_place_visits(s.sent, s.context)
    if s.trace is not None:
        for t in s.triggers:
            s.note(t, "synthetic" if t.frame.lemma in SYNTHETIC_LEMMAS else "lexicon", "candidate",
                   f"frame {t.frame.lemma} {t.frame.cameo}")


_LEXICAL_MAX = 200_000  # words remembered per coder before the memo starts afresh


def lexicon_words(coder, tokens) -> list:
    """The tokens among ``tokens`` (spaCy Tokens) that ``Candidates._match`` can make triggers: those whose
    lowercase lemma is a verb or noun of ``coder.lex``, or whose lowercase text is a lexicon noun or a known verb
    form (every branch of the match needs one of these). The answer is memoised on the coder per (lemma, text)
    hash pair, so a word's strings are read once, not at every occurrence; the result is the same as trying
    every token."""
    lex = coder.lex
    entry = getattr(coder, "_lexical_memo", None)
    if entry is None or entry[0] is not lex or len(entry[1]) > _LEXICAL_MAX:
        entry = (lex, {})
        coder._lexical_memo = entry
    memo = entry[1]
    out = []
    for tok in tokens:
        key = (tok.lemma, tok.orth)
        known = memo.get(key)
        if known is None:
            lemma, low = tok.lemma_.lower(), tok.text.lower()
            known = memo[key] = (lemma in lex.verbs or lemma in lex.nouns or low in lex.nouns
                                 or low in lex.verb_forms)
        if known:
            out.append(tok)
    return out


def drop_in_names(coder, s: SentenceState) -> None:
    """Rule ``in_name``: "l'Organisation de libération de la Palestine": an event noun inside a name is
    dropped."""
    kept = []
    for t in s.triggers:
        if t.is_noun and coder._in_name(t.token, s.context):
            s.note(t, "in_name", "dropped")
        else:
            kept.append(t)
    s.triggers = kept


CANDIDATE_STAGES = (match_triggers, drop_in_names)
"""The candidate stages in order; ``EventCoder.candidate_stages`` is a list copy a caller may extend."""


def suppress(coder, s: SentenceState) -> None:
    """Run the drop rules of :data:`SUPPRESSION_PASSES`. A pattern object ("lancer une attaque": "attaque")
    is part of its verb's event (rule ``pattern_object``), except the noun a background participle describes
    ("une attaque lancée" codes itself)."""
    first = REGISTRY.stage(SUPPRESSION_PASSES[0])
    background = REGISTRY.get(BACKGROUND).fn
    for t in s.triggers:
        fired = first_drop(first, coder, t, s)
        if t.obj is not None:
            describes = t.obj.i == t.token.head.i and (
                fired == BACKGROUND or (fired is not None and background(coder, t, s)))
            if not describes:
                s.consume(t.obj.i, "pattern_object")
        if fired is not None:
            s.consume(t.token.i, fired)
    for stage in SUPPRESSION_PASSES[1:]:
        rules = REGISTRY.stage(stage)
        for t in s.triggers:
            fired = first_drop(rules, coder, t, s)
            if fired is not None:
                s.consume(t.token.i, fired)


def answered_acts(coder, s: SentenceState) -> None:
    """Rule ``in_answered_request``: "a rejeté l'appel de l'ONU à cesser les frappes": the request "appel" is
    what the response answers; triggers inside it (relative clauses aside) are part of the response."""
    for t in s.triggers:
        act = coder._answered_act(t.token)
        if act is not None:
            s.answered[t.token.i] = act
            relative = {x.i for c in act.children if c.dep_ in coder.lex.label("relative_clause") for x in c.subtree}
            s.in_answer.update(x.i for x in act.subtree if x.i in s.by_token and x.i not in relative)
    for i in s.in_answer:
        s.consume(i, "in_answered_request")


def absorb_complements(coder, s: SentenceState) -> None:
    """An event in the complement of a demand, threat, pledge... is part of it (rule ``absorbed``): "exige le
    retrait des troupes". Rule ``noun_topic``: "les négociations sur un retrait": an event noun complement of
    another is its topic ("la menace de sanctions": a threat's content, absorbed). Rule ``refused_act``:
    "refuse de condamner": the refusal is dropped and the conflictual act it refuses is coded negated."""
    rel = coder.lex.rel
    refusal_verbs = coder.lex.cue("refusal_verbs")
    for trig in s.triggers:
        if trig.token.i in s.in_answer:
            continue
        if trig.is_noun and trig.token.dep_ == rel.nominal_modifier and trig.token.head.i in s.by_token:
            s.consume(trig.token.i, "noun_topic")
            if s.by_token[trig.token.head.i].frame.cameo[:2] == "13":
                s.absorbed.setdefault(trig.token.head.i, []).append(trig)
            continue
        governor = coder._absorbing_governor(trig.token, s.by_token)
        if governor is None:
            continue
        if governor.frame.lemma in refusal_verbs and not trig.is_noun and coder._is_conflict(trig.frame.cameo) \
                and coder._clausal_complement(trig.token, governor.token):  # "refuse de condamner", not
            # "rejette les accusations" nor "rejette une demande d'interroger des détenus arrêtés"
            s.consume(governor.token.i, "refused_act")
            s.negated_by_refusal.add(trig.token.i)
        else:
            s.consume(trig.token.i, "absorbed")
            s.absorbed.setdefault(governor.token.i, []).append(trig)


ABSORPTION_STAGES = (answered_acts, absorb_complements)
"""The absorption stages in order."""


def _unnamed_repeats(coder, events):
    return coder._unnamed_repeats(events)


def _dedupe(coder, events):
    return coder._dedupe(events)


def _unvoiced(coder, events):
    return coder._unvoiced(events)


POSTFILTERS = (("unvoiced", _unvoiced), ("unnamed_repeat", _unnamed_repeats), ("duplicate", _dedupe))
"""(rule name, ``fn(coder, events) -> kept events``) run in order on the events of a sentence."""


class SentenceCoder:
    """The sentence level of :class:`~newsevents.coder.EventCoder` (a mixin: the predicates and finders the
    rules call are the coder's methods)."""

    candidate_stages: list

    def _code_sentence(self, article, context, sent, offset, inherited, mentions=(), trace=None):
        """Events of one spaCy sentence ``sent`` (its Doc at character ``offset`` in ``article.text``) and the
        sentence's own attribution (or None). ``inherited``: the paragraph's attribution; ``mentions``: the
        article's actor mentions so far; ``trace``: a :class:`~newsevents.engine.trace.Trace` or None."""
        s = SentenceState(article, context, sent, offset, inherited, mentions,
                          trace.sentence(sent, offset) if trace is not None else None, tokens=list(sent))
        for stage in self.candidate_stages:
            stage(self, s)
        s.sentence_attribution = self._sentence_attribution(context, s.tokens, offset)
        if not s.triggers:
            return [], s.sentence_attribution
        s.by_token = {t.token.i: t for t in s.triggers}
        s.expressions = self.dates.find(article.text, article.published, sent.start_char + offset,
                                        sent.end_char + offset)
        suppress(self, s)
        for stage in ABSORPTION_STAGES:
            stage(self, s)
        out = []
        for trig in s.triggers:
            if trig.token.i not in s.consumed:
                out.extend(self._code_candidate(trig, s))
        return self._postfilter(out, s), s.sentence_attribution

    def _code_candidate(self, trig, s: SentenceState) -> list:
        """The events of one surviving candidate: roles, recoding, then one event per actor x recipient."""
        c = Candidate(trig)
        if not run_candidate_rules(REGISTRY.stage("roles"), self, c, s):
            return []
        run_candidate_rules(REGISTRY.stage("recoding"), self, c, s)
        trig = c.trig
        if s.expressions and self._future(trig.token):
            future = self.dates.find(s.article.text, s.article.published, s.sent.start_char + s.offset,
                                     s.sent.end_char + s.offset, tense="future")
            date = self._date(trig, s.sent, s.offset, self._own_tense(trig, s, future), s.article.published)
        else:
            date = self._date(trig, s.sent, s.offset, s.expressions, s.article.published)
        attribution = self._event_attribution(trig, s.context, s.offset) or s.sentence_attribution or s.inherited
        location = self._event_places(trig, s.offset, c.actors + c.recipients, c.actors)
        actors, recipients = c.actors, c.recipients
        if c.root in self.lex.cues.get("government_act_roots", STATE_ACT_ROOTS):  # a country that promises,
            actors = self._as_government(actors)  # demands, condemns or sanctions: its government
            if c.reciprocal:
                recipients = self._as_government(recipients)
            recipients = tuple(r for r in recipients if not any(self._one_entity(r, a) for a in actors)
                               or self._other_people(r, actors))  # "des internautes accusent les gilets jaunes"
        if c.root in STATE_ACT_ROOTS | {"07"}:
            recipients = self._inferred_counterpart(actors, recipients, visit=c.cameo[:3] in ("036", "042"))
        pairs = self._pairs(actors, recipients, c.reciprocal)
        if c.root in self.lex.cues.get("single_pair_roots", ()) and not (c.reciprocal and len(actors) >= 2
                                                                         and not recipients):
            pairs = pairs[:1]  # a gold with one event per mention; the coordinated subjects of a reciprocal act
            # stay two-way, as in French ("Colombia y Ecuador firmaron un acuerdo": COL -> ECU and ECU -> COL)
        return self._events(c, s, pairs, date, attribution, location)

    def _events(self, c: Candidate, s: SentenceState, pairs, date, attribution, location) -> list:
        """One :class:`~newsevents.records.Event` per (actor, recipient) pair of candidate ``c``;
        ``location``: the event's places, the main one first (empty when it has none)."""
        span = self._event_span(c.trig)
        start, end = span[0] + s.offset, span[1] + s.offset
        row = self.cameo[c.cameo]
        plover = self.cameo.plover(c.cameo)
        view = view_of(s.sent.doc)  # the sentence's words from the Doc's arrays (no Token per word)
        sentence = view.text(s.sent.start, s.sent.end)[0] if view is not None and len(s.sent) else s.sent.text
        out = []
        for actor, recipient in pairs:
            out.append(Event(
                doc_id=s.article.id, event_type=plover, cameo_code=c.cameo,
                mode=row.plover_mode, context=row.plover_context, goldstein=row.goldstein,
                quad_class=row.quad_class, actor=actor, recipient=recipient, modality=c.modality,
                event_text=s.article.text[start:end], event_span=(start, end),
                sentence=sentence, sentence_span=(s.sent.start_char + s.offset, s.sent.end_char + s.offset),
                lang=self.lang, date=date, attribution=attribution, location=location[0] if location else None,
                locations=location if len(location) > 1 else (),
                coder=self.coder_info))
        if s.trace is not None:
            for event in out:
                s.sources[event.id] = c.trig
        return out

    def _postfilter(self, events: list, s: SentenceState) -> list:
        """Run :data:`POSTFILTERS`; with a trace, note each event a filter removes on its candidate."""
        for name, keep in POSTFILTERS:
            kept = keep(self, events)
            if s.trace is not None:
                kept_ids = {id(e) for e in kept}
                for e in events:
                    if id(e) not in kept_ids and e.id in s.sources:
                        s.note(s.sources[e.id], name, "event dropped", _pair(e))
            events = kept
        if s.trace is not None:
            s.trace.events.extend(e.id for e in events)
        return events


def _pair(event) -> str:
    """"CODE actor -> recipient" of an event, for the trace."""
    def who(entities):
        return "+".join(f"{e.code}/{e.sector or '-'}" for e in entities) or "-"
    return f"{event.cameo_code} {who(event.actor)} -> {who(event.recipient)}"
