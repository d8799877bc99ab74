"""The event coder: from a parsed article to event records.

For each sentence: find trigger words (event verbs and event nouns of the lexicon), choose the frame that
matches, find the actor and the recipient on the dependency parse (subject / passive agent / shared subject of
coordinated or controlled verbs / antecedent of a relative pronoun; object or preposition complement), resolve
them to actors (:mod:`newsevents.actors`), and add modality, attribution, date and place. Conventions follow
eval/ANNOTATION.md (PLOVER manual where it differs from CAMEO):

* reporting verbs are attribution, not events; the event is in the reported clause;
* a visit is one event visitor -> host; a meeting with no host, and reciprocal verbs, are coded both ways;
* compound actors give one event per member (actor x recipient);
* an event in the complement of a demand, threat, refusal or pledge is part of that event, not another one,
  except "refuser de" + a conflictual act, which is that act, negated;
* intent (volonté, vouloir, promettre...) makes an event ``intended``; intended meetings, cooperation and aid
  are coded as the CAMEO 03 "express intent" codes (036, 031, 033...);
* background is not coded: participles with no agent modifying a complement, topics of reactions ("condamner
  l'attaque"), purpose clauses, conditions of threats, relative clauses describing a place, generic mentions;
* participants the sentence does not name but the story implies (the protesters' own government, the country
  where an arrest happens, the other party of the story) are *inferred*: their ``entity_text`` is "" and their
  span the empty span at the event words, so analysts can tell them from named ones.

Each cue list and frame lives in ``lang/<code>/verbs*.yaml`` and ``cues.yaml``; ``tests/test_coder_rules.py``
(hand-built parses) and ``tests/test_coder_model.py`` (the real model) test the rules one by one.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace

from .codes import load_cameo
from .engine.frames import (  # noqa: F401 (re-exported)
    ANSWERED_ROOTS, CLAUSE_LINKS, CONTRACTIONS, FRONTED_VISIT, HEADLINE_VISIT, IMPLIED_ACTOR_ROOTS, INTENT_CODES,
    OBLIGATION, OBLIQUE_DEPS, OFFER_ROOTS, PLACE_CASES, PLACE_RECIPIENT_CODES, PLACE_RECIPIENT_ROOTS, STATE_ACT_ROOTS,
    SUBJECT_DEPS, THREAT_CODES, THREAT_SPECIFIC, Trigger,
)
from .engine.sentence import CANDIDATE_STAGES, SentenceCoder
from .engine.trace import Trace
from .langdata import LanguageData
from .lexicon import Frame, Lexicon
from .records import Article, Attribution, Coder, Entity, Event, EventDate, Location

log = logging.getLogger(__name__)


class EventCoder(SentenceCoder):
    """Codes events in parsed articles. Built once per language; :meth:`code` is called per article.

    ``data`` is the language data (:func:`newsevents.langdata.load_language`); ``coder_info`` is recorded in
    every event's ``coder`` field. ``actors``, ``dates`` and ``places`` are the resolvers
    (:class:`~newsevents.actors.ActorResolver`, :class:`~newsevents.dates.DateResolver`,
    :class:`~newsevents.places.PlaceResolver`); each is built from the same data when not given. ``nlp``: the
    loaded spaCy pipeline, whose tokenizer the actor resolver reuses (a blank one is built when None).
    """

    def __init__(self, data: LanguageData, coder_info: Coder | None = None, *, actors=None, dates=None,
                 places=None, nlp=None):
        self.data = data
        self.lang = data.lang
        self.lex: Lexicon = data.cached("lexicon", Lexicon.from_data)
        self.cameo = load_cameo()
        self.coder_info = coder_info
        if actors is None:
            from .actors import ActorResolver

            actors = data.cached("actor_resolver", lambda d: ActorResolver(d, nlp=nlp))
        if dates is None:
            from .dates import DateResolver

            dates = data.cached("date_resolver", DateResolver)
        if places is None:
            from .places import PlaceResolver

            places = data.cached("place_resolver", PlaceResolver)
        self.actors, self.dates, self.places = actors, dates, places
        self._reporting = self.lex.cue("reporting_verbs")
        self._intent_verbs = self.lex.cue("intent_verbs")
        self._intent_nouns = self.lex.cue("intent_nouns")
        self.candidate_stages = list(CANDIDATE_STAGES)  # fn(coder, SentenceState); a stage may be inserted

    # -- article level ---------------------------------------------------------------------------------------

    def code(self, article: Article, docs: Iterable[tuple[int, object]], trace: Trace | None = None) -> list[Event]:
        """Code one article. ``docs`` yields (character offset in ``article.text``, spaCy Doc) pairs in order.
        Returns events in text order; ids are deterministic. With a ``trace``
        (:class:`~newsevents.engine.trace.Trace`), every candidate and each rule that fired on it or dropped it
        is recorded there."""
        context = self.actors.article(article.published)
        events: list[Event] = []
        seen: set[str] = set()
        last_attribution: Attribution | None = None
        mentions: list = []  # every actor mention of the article so far, in text order
        for offset, doc in docs:
            self._reattach_weekday_objects(doc)
            self._absolute_subjects(doc)
            self._reattach_weekday_clauses(doc)
            mentions.extend(context.add_doc(doc, offset))
            last_attribution = None  # a source named in one paragraph is not carried into the next
            for sent in doc.sents:
                sent_events, attribution = self._code_sentence(article, context, sent, offset, last_attribution,
                                                               mentions, trace)
                if attribution is not None and attribution.sector == "MED":
                    last_attribution = attribution  # a news agency stays the source of its paragraph
                for event in sent_events:
                    if event.id not in seen:
                        seen.add(event.id)
                        events.append(event)
        return self._narrative_dates(events)

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
        for day in doc:
            verb = day.head
            if day.dep_ not in ("obl:mod", "obl", "xcomp") or verb.pos_ not in ("VERB", "AUX") or verb.i > day.i \
                    or not self.dates.is_day_word(day.text) or any(c.dep_ == "case" for c in day.children):
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
        for day in doc:
            verb = day.head
            if day.dep_ not in ("obl:mod", "obl") or verb.pos_ != "VERB" or verb.i > day.i \
                    or not self.dates.is_day_word(day.text):
                continue
            for clause in [c for c in day.children if c.dep_ == "acl:relcl" and c.i > day.i]:
                que = doc[clause.left_edge.i]
                if que.lower_ not in ("que", "qu'", "qu’") or que.head.i != clause.i \
                        or que.i != day.i + 1 or not any(c.dep_ == "obj" and c.i > clause.i for c in clause.children):
                    continue
                clause.head = verb
                clause.dep_ = "ccomp"
                que.dep_ = "mark"
                que.pos_ = "SCONJ"

    @staticmethod
    def _absolute_subjects(doc) -> None:
        """Repair one parser error in place: in an absolute participle clause ("..., Moscou étant accusé par les
        Occidentaux d'avoir ..."), the parser often hangs the subject and the participle on an earlier noun
        instead of linking them. A name or noun right before "étant" / "ayant" that governs no phrase of its own
        (only a determiner, an adjective, a name part) and does not govern the participle becomes its subject
        (passive after "étant", active after "ayant")."""
        if not doc.has_annotation("DEP"):
            return
        for aux in doc:
            if aux.lower_ not in ("étant", "ayant") or aux.i == 0 or not aux.dep_.startswith("aux"):
                continue
            verb, subject = aux.head, doc[aux.i - 1]
            if verb.i <= aux.i or subject.pos_ not in ("PROPN", "NOUN") or subject.head.i == verb.i \
                    or any(c.dep_.startswith("nsubj") for c in verb.children) \
                    or any(c.dep_ not in ("det", "amod", "flat:name") for c in subject.children) \
                    or any(a.i == subject.i for a in verb.ancestors):
                continue
            subject.head = verb
            subject.dep_ = "nsubj:pass" if aux.dep_ == "aux:pass" else "nsubj"

    @staticmethod
    def _narrative_dates(events: list[Event]) -> list[Event]:
        """An event whose sentence gives no date takes the interval of the story's previous event dated by an
        interval ("entre le 15 et le 17 janvier": the visit the story narrates), rather than the publication
        date. A single day is not carried over: it dates one event, not a scene. Nor is the scene's interval given
        to an alleged event ("aurait fourni des missiles"): a claim the author keeps at a distance is no step of
        the narrated scene, and keeps the publication date (ANNOTATION.md: the publication date when the text
        gives none)."""
        last: EventDate | None = None
        out = []
        for event in events:
            if event.date.precision == "interval" and event.date.span is not None \
                    and not (event.date.text or "").lower().startswith("depuis"):
                last = event.date
            elif event.date.precision == "publication" and last is not None and event.modality != "alleged":
                event = replace(event, date=last)
            out.append(event)
        return out

    # -- sentence level --------------------------------------------------------------------------------------

    def _charging_party(self, trig: Trigger, by_token, context) -> tuple[Entity, ...]:
        """The accuser of people a charge participle describes with no agent of its own: the actor of the act
        done to the same people in the sentence, a noun event governing them ("l'arrestation de deux
        enseignants accusés d'espionnage": who arrests them accuses them) or another participle on them with an
        agent ("des femmes, accusées de sorcellerie, tuées par le groupe"), or the act the parser hung the
        participle on. Empty when there is none."""
        accused = trig.token.head
        others = [by_token.get(accused.i)]  # the parser may hang the participle on the act itself
        others += [by_token.get(accused.head.i)] if accused.dep_ == "nmod" else []
        others += [by_token.get(c.i) for c in accused.children if c.dep_ in ("acl", "conj") and c.i != trig.token.i]
        for other in others:
            if other is None or other.frame.cameo[:2] not in ("17", "18", "19", "20"):
                continue
            actors = self._participants(other, context)[0]
            if actors:
                return actors
        return ()

    @staticmethod
    def _charging_verb(tok, by_token) -> Trigger | None:
        """The accusing verb (CAMEO 112) whose "de" + infinitive complement ``tok`` is ("l'accuse de viser des
        civils", "a accusé Kiev et ses alliés de refuser des pourparlers": the parser may hang the infinitive on
        the accused noun or its conjunct), or None. The act is the accused's: its actor is the accusation's
        recipient."""
        before = next((t for t in reversed(tok.doc[:tok.i]) if not (t.is_punct or t.is_space)
                       and not (t.head.i == tok.i and t.dep_.startswith("aux"))), None)  # "d'avoir visé"
        if before is None or before.lower_ not in ("de", "d'", "d’"):  # "de « refuser »": by the word before,
            return None  # the parser may hang this "de" on the quote mark
        head = tok.head
        if tok.dep_ == "acl":  # "de refuser" hung on "alliés", conjunct of the object "Kiev"
            while head.dep_ == "conj" and head.head.i < head.i and head.head.pos_ != "VERB":
                head = head.head
            if head.dep_ not in ("obj", "conj"):  # a conjunct the parser hung on the verb itself
                return None
            head = head.head
        elif tok.dep_ not in ("xcomp", "ccomp", "advcl", "obl:arg"):
            return None
        charge = by_token.get(head.i)
        return charge if charge is not None and charge.frame.cameo == "112" and not charge.is_noun else None

    def _demanded_of(self, inner: list[Trigger], actors, context) -> tuple[Entity, ...]:
        """The recipient of a demand or appeal whose complement is a clause ("exige que la Russie retire ...",
        "sa demande qu'Israël assouplisse ..."): the actor of the act demanded, when it is not the demander (a
        different sector of the same country counts: rebels demanding that their government act)."""
        for sub in inner:
            if sub.is_noun:
                continue
            doers = tuple(d for d in self._participants(sub, context)[0] if not self._same_party(d, actors))
            if doers:
                return doers
        return ()

    def _captor(self, inner: list[Trigger], actors, context) -> tuple[Entity, ...]:
        """The one asked to release people: the agent or the country of the participle describing the captives
        ("la libération de deux Français arrêtés en Iran": its government; "... détenus par les talibans"); a
        release is asked of the captor, not of the captives. () when the sentence does not say who holds them."""
        for sub in inner:
            if not sub.is_noun or not sub.frame.cameo.startswith("084"):
                continue
            for captives in (c for c in sub.token.children if c.dep_ == "nmod" and self._case_of(c) == "de"):
                for acl in (c for c in captives.children if c.dep_ == "acl" and c.pos_ == "VERB"):
                    for c in acl.children:
                        if c.dep_ == "obl:agent" or self._case_of(c) == "par":
                            found = context.resolve(c)
                        elif c.dep_ in ("obl", "obl:arg", "obl:mod") and self._case_of(c) in ("en", "à", "dans") \
                                and c.pos_ == "PROPN":
                            found = self._as_government(context.resolve(c) or self._place_recipient(c, context))
                        else:
                            continue
                        found = tuple(f for f in found if not self._same_party(f, actors))
                        if found:
                            return found
        return ()

    def _demanded_of_object(self, tok, actors, context) -> tuple[Entity, ...]:
        """The recipient of a demand for something of someone: the actor of the object's "de" complement
        ("exigent la démission du président", "réclament la protection de l'Etat"), when not the demander."""
        for obj in (c for c in tok.children if c.dep_ == "obj" and c.pos_ == "NOUN"):
            for c in obj.children:
                if c.dep_ == "nmod" and self._case_of(c) == "de":
                    found = tuple(f for f in context.resolve(c) if not self._same_party(f, actors))
                    if found:
                        return found
        return ()

    @staticmethod
    def _one_entity(a: Entity, b: Entity) -> bool:
        """Same code and sector, except two organisations or unknown-country actors with different names
        ("l'ONU exhorte l'Union africaine": IGO and IGO, two parties)."""
        if a.code != b.code or a.sector != b.sector:
            return False
        return not (a.code in ("IGO", "---") and a.name and b.name and a.name != b.name)

    @staticmethod
    def _same_party(entity: Entity, actors) -> bool:
        """Whether ``entity`` is one of ``actors``: same country and same sector, or no sector on either side
        ("la Russie" and "Moscou" are one party; rebels and their country's government are two)."""
        return any(entity.code == a.code and (entity.sector == a.sector or not entity.sector or not a.sector)
                   for a in actors)

    @staticmethod
    def _place_sector(root: str, recipients):
        """The sector of a recipient known only from where the event happened ("des manifestations en Iran",
        "des arrestations au Tchad", "des frappes près d'Odessa"): protests are aimed at the government (GOV);
        repression and attacks at a place hit its people (CVL). Follows the dev gold's conventions
        (ANNOTATION.md: "the protesters' own government")."""
        sector = "GOV" if root == "14" else "CVL" if root in ("17", "18", "19", "20") else ""
        if not sector:
            return recipients
        return tuple(replace(r, sector=sector) if not r.sector and r.code not in ("---", "IGO") else r
                     for r in recipients)

    @staticmethod
    def _home_trip(actors, recipients) -> bool:
        """True when a visit (CAMEO 042) goes only to the visitor's own country ("le ministre nord-coréen se
        rendra à Pyongyang"): a trip home or inside one's country is no visit between two actors (ANNOTATION.md: a
        visit is visitor -> host)."""
        home = {a.code for a in actors if a.code and a.code != "IGO"}
        return bool(home) and bool(recipients) and all(r.code in home for r in recipients)

    @staticmethod
    def _unnamed_repeats(events: list[Event]) -> list[Event]:
        """An event whose participants are all inferred (none named in the text) repeats an event of the same
        type in the sentence that names its actor ("des milliers de dockers ont débrayé mardi, premier jour
        d'une grève illimitée": one strike); it is dropped."""
        def unnamed(e):
            return not any(x.entity_text for x in e.actor + e.recipient)

        named = {e.event_type for e in events if any(a.entity_text for a in e.actor)}
        return [e for e in events if not (unnamed(e) and e.event_type in named)]

    @staticmethod
    def _dedupe(events: list[Event]) -> list[Event]:
        """One event per (type, actor, recipient) in a sentence (two organisations are two parties, as in
        :meth:`_one_entity`); an event with no recipient is dropped when another of the same type and actor has one
        ("s'est rendu en Russie ... ce déplacement")."""
        def codes(entities):  # two organisations are two parties ("l'ONU et l'OTAN exhortent": IGO and IGO)
            return tuple((e.code, e.sector, e.name if e.code in ("IGO", "---") else None) for e in entities)

        with_recipient = {(e.event_type, codes(e.actor)) for e in events if e.recipient}
        named = {(e.event_type, codes(e.actor)) for e in events if any(r.entity_text for r in e.recipient)}
        kept, seen = [], set()
        for e in events:
            key = (e.event_type, codes(e.actor), codes(e.recipient))
            inferred = bool(e.recipient) and not any(r.entity_text for r in e.recipient)
            if key in seen or (not e.recipient and (e.event_type, codes(e.actor)) in with_recipient) or (
                    inferred and e.actor and (e.event_type, codes(e.actor)) in named):
                continue
            seen.add(key)
            kept.append(e)
        return kept

    # -- triggers and frames ----------------------------------------------------------------------------------

    def _match(self, tok) -> Trigger | None:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.morph.get("VerbForm") == ["Part"]):
            frames = self.lex.verbs.get(lemma)
            if not frames and (lemma == tok.lower_ or tok.pos_ == "VERB") and self.lex.verb_lemma(tok.text):
                lemma = self.lex.verb_lemma(tok.text)  # the lemmatizer gave up: "resserre", "demande" (demander)
                frames = self.lex.verbs.get(lemma)
            if frames and not self._is_reporting_use(tok, lemma):
                found = self._verb_frames(tok, frames)
                if found:
                    return found
        if tok.pos_ in ("NOUN", "ADJ", "ADV", "X", "PROPN") and lemma not in self.lex.nouns \
                and self._verb_in_disguise(tok):
            found = self._verb_frames(tok, self.lex.verbs.get(self.lex.verb_lemma(tok.text), ()))
            if found:
                return found
        if tok.pos_ in ("NOUN", "PROPN") and not (tok.ent_type_ in ("ORG", "PER", "MISC") and tok.text[:1].isupper()):
            frames = self.lex.nouns.get(lemma) or self.lex.nouns.get(tok.text.lower())
            if frames:
                fitting = [f for f in frames if self._noun_frame_matches(tok, f)]
                if fitting:  # the others are tried when the first one's participants do not fit
                    return Trigger(tok, fitting[0], None, True, tuple((f, None) for f in fitting[1:]))
        return None

    def _verb_frames(self, tok, frames) -> Trigger | None:
        """The first matching frame, with the other matching frames as alternatives."""
        matches = [(f, obj) for f in frames for obj in [self._verb_frame_matches(tok, f)] if obj is not False]
        if not matches:
            return None
        (frame, obj), rest = matches[0], tuple(matches[1:])
        return Trigger(tok, frame, obj, False, rest)

    @staticmethod
    def _in_name(tok, context) -> bool:
        """An event noun inside a name is no trigger ("l'Organisation de libération de la Palestine", "la cour
        d'appel", "le Front de libération nationale"): it lies after the first word of a multi-word actor mention,
        or, lowercase, inside a named entity of the parser that starts with a capital inside the sentence (a
        sentence's first word is capitalised anyway: "Série de frappes russes" is no name)."""
        doc, sent = tok.doc, tok.sent
        if any(m.start < tok.i < m.end for m in context.mentions_in(doc, sent.start, sent.end)):
            return True
        ent = next((e for e in doc.ents if e.start < tok.i < e.end), None)
        return ent is not None and ent.label_ in ("ORG", "MISC", "LOC") and doc[ent.start].text[:1].isupper() \
            and tok.text[:1].islower() and ent.start > sent.start and not doc[ent.start - 1].is_punct

    @staticmethod
    def _headline_visits(sent, context) -> list[Trigger]:
        """Verbless titles naming a person and a place: "Recep Tayyip Erdogan en RDC", "Nancy Pelosi à
        Taïwan" report a visit. The person must be a known office holder; the place comes with à/en/au."""
        root = sent.root
        if root.pos_ != "PROPN" or any(t.pos_ == "VERB" and t.head.i == root.i and t.dep_ not in ("parataxis",)
                                       for t in root.children):
            return []
        if not any(m.kind == "person" and m.start == root.i
                   for m in context.mentions_in(root.doc, root.i, root.right_edge.i + 1)):
            return []
        if not any(c.dep_ == "nmod" and EventCoder._case_of(c) in HEADLINE_VISIT.recipient for c in root.children):
            return []
        return [Trigger(root, HEADLINE_VISIT, None, False)]

    @staticmethod
    def _fronted_place(sent):
        """The place of a sentence-initial "À X," / "Au X," / "En X," adjunct of the main verb, or None."""
        first = next((t for t in sent if not t.is_space), None)
        if first is None or first.lower_ not in ("à", "a", "au", "aux", "en"):
            return None
        place = first.head
        if place.pos_ != "PROPN" or place.dep_ not in ("obl", "obl:mod") or place.head.pos_ not in ("VERB", "AUX") \
                or place.right_edge.i + 1 >= sent.end or place.doc[place.right_edge.i + 1].text != ",":
            return None
        return place

    def _fronted_place_visits(self, sent, context) -> list[Trigger]:
        """Office holders acting in a place named at the head of the sentence ("Au Bénin, Emmanuel Macron promet
        une aide militaire", "A Sotchi, Poutine et Erdogan renforcent ..."): each named person among the main
        verb's subjects is visiting that place (CAMEO 042); a head of government at home is dropped later as a
        home trip. Le Monde's headline convention, so only for the first sentence of a paragraph; the person must
        be a known office holder, and what he does there cooperative (a verb or object noun of CAMEO quad class 1
        or 2: "promet une aide", "signe un accord"), since "En Ukraine, le Kremlin intensifie les frappes" is done
        from afar."""
        place = self._fronted_place(sent)
        if place is None or sent.start != 0:
            return []
        verb = place.head
        acts = [self._match(t) for t in [verb] + [c for c in verb.children if c.dep_ == "obj"]]
        if not any(a is not None and self.cameo[a.frame.cameo].quad_class in (1, 2) for a in acts):
            return []
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i > verb.i:
            return []
        # the subject's words up to the verb (the parser may cut a name: "Emmanuel" nsubj, "Macron" advmod)
        persons = [m for m in context.mentions_in(sent.doc, subject.left_edge.i, verb.i)
                   if m.kind == "person" and m.sector == "GOV"]
        return [Trigger(sent.doc[m.start], FRONTED_VISIT, place, False) for m in persons]  # evidence: place, name

    def _obligations(self, sent) -> list[Trigger]:
        """Reported obligations: a "devoir" clause under a reporting verb ("a rappelé à l'Irak qu'il devait
        coopérer") is a demand by the reporter of the obligation's subject."""
        out = []
        for tok in sent:
            if tok.lemma_.lower() == "devoir" and tok.pos_ in ("VERB", "AUX") \
                    and self._obligation_reporter(tok) is not None \
                    and any(c.dep_ == "xcomp" for c in tok.children):
                out.append(Trigger(tok, OBLIGATION, None, False))
        return out

    def _obligation_reporter(self, tok):
        """The subject of the reporting verb an obligation is reported by: "X a déclaré que Y devait ..." or the
        incise "Y doit ..., a déclaré X" (whose inverted subject the parser may tag as object); None if none."""
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in self._reporting:
            return next((c for c in tok.head.children if c.dep_ in SUBJECT_DEPS), None)
        if any(c.dep_ in SUBJECT_DEPS and c.lower_ in ("nous", "je", "j'", "j’", "on") for c in tok.children):
            return None  # "« Nous devons rester vigilants », a déclaré X": the speaker's own duty, no demand
        for c in tok.children:
            if c.dep_ == "parataxis" and c.lemma_.lower() in self._reporting and c.i > tok.i:
                return next((g for g in c.children if g.dep_ in SUBJECT_DEPS + ("obj",) and g.pos_ != "PRON"), None)
        return None

    @staticmethod
    def _background_participle(trig: Trigger, expressions, offset) -> bool:
        """A past participle modifying a noun, with no agent, is background, not a reported event, when it has
        no date of its own ("la Cisjordanie occupée") or when its noun is a complement of another verb ("a levé
        l'état de siège décrété il y a un an"). "La roquette lancée mardi a frappé..." stays an event."""
        tok = trig.token
        if trig.is_noun or tok.dep_ != "acl" or tok.morph.get("VerbForm") != ["Part"]:
            return False
        if tok.morph.get("Tense") == ["Pres"]:  # "une résolution exigeant ...": active, not a past participle
            return False
        left, right = tok.idx, tok.right_edge.idx + len(tok.right_edge)
        dated = any(left <= e.span[0] - offset < right for e in expressions)
        if trig.frame.cameo == "192" and not dated and (tok.head.pos_ == "PROPN" or tok.doc[tok.i - 1].pos_ == "PROPN"):
            return True  # "la Cisjordanie occupée par Israël", "la Crimée annexée": a standing state of the place
        if any(c.dep_ == "obl:agent" or EventCoder._case_of(c) == "par" for c in tok.children):
            return False
        if trig.frame.cameo == "112" and not trig.frame.needs_actor:
            return False  # "des enseignants accusés d'espionnage": a charge laid on them, an event of its own
        if tok.head.dep_ in ("obj", "obl", "obl:arg", "obl:mod", "nmod"):
            return True
        return not dated

    def _consequence(self, trig: Trigger, by_token) -> bool:
        """A present participle stating the toll of an event of the same type is part of it: "les rebelles ont
        bombardé la ville, tuant vingt personnes" is one attack (PLOVER codes the act, not its toll)."""
        tok = trig.token
        if trig.is_noun or tok.morph.get("VerbForm") != ["Part"] or tok.morph.get("Tense") != ["Pres"] \
                or any(c.dep_ in SUBJECT_DEPS for c in tok.children):
            return False
        kinds = {self.cameo.plover(f.cameo) for f in (trig.frame, *(alt for alt, _ in trig.alternatives))}
        node = tok
        for _ in range(4):
            if node.head.i == node.i:
                return False
            node = node.head
            other = by_token.get(node.i)
            if other is not None and other is not trig and self.cameo.plover(other.frame.cameo) in kinds:
                return True
        return False

    def _affiliation_label(self, trig: Trigger, expressions, offset) -> bool:
        """A past participle of backing ("la milice, soutenue par la Syrie", "des laboratoires financés par
        Washington"; cue list ``affiliation_participles``) modifying a noun labels who the noun's referent is
        allied with, a standing relation rather than a reported act. A date of its own ("financés en mai par
        X") makes it an event again."""
        tok = trig.token
        if trig.is_noun or tok.dep_ != "acl" or tok.morph.get("VerbForm") != ["Part"] \
                or tok.morph.get("Tense") == ["Pres"] or tok.head.pos_ not in ("NOUN", "PROPN") \
                or tok.lemma_.lower() not in self.lex.cue("affiliation_participles"):
            return False
        left, right = tok.idx, tok.right_edge.idx + len(tok.right_edge)
        return not any(left <= e.span[0] - offset < right for e in expressions)

    def _same_act_adjunct(self, trig: Trigger, by_token) -> bool:
        """A gerund ("en se faisant exploser") or a present participle ("..., tuant vingt personnes") of the same
        PLOVER type as the clause it hangs on tells how that act was done or what it did: one act, coded once.
        :meth:`_consequence` covers the participle under its own governor; this also takes the gerund, and the
        participle the parser hung on the reporting verb of the sentence ("X ont bombardé Y, tuant vingt
        personnes, ont indiqué des témoins"), which stands for the act reported before it."""
        tok = trig.token
        if trig.is_noun or any(c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON" for c in tok.children):
            return False
        gerund = any(c.dep_ == "mark" and c.lower_ == "en" for c in tok.children) and (
            tok.morph.get("Tense") == ["Pres"] and tok.morph.get("VerbForm") == ["Part"]
            or any(c.morph.get("VerbForm") == ["Part"] and c.morph.get("Tense") == ["Pres"] for c in tok.children))
        participle = tok.dep_ in ("advcl", "acl") and tok.morph.get("VerbForm") == ["Part"] \
            and tok.morph.get("Tense") == ["Pres"]
        if not (gerund or participle):
            return False
        kind = self.cameo.plover(trig.frame.cameo)
        node = tok
        for _ in range(4):
            if node.head.i == node.i:
                break
            node = node.head
            other = by_token.get(node.i)
            if other is not None and other is not trig:
                return self.cameo.plover(other.frame.cameo) == kind
        if participle and tok.head.lemma_.lower() in self._reporting:
            before = [t for i, t in sorted(by_token.items()) if i < tok.i and not t.is_noun]
            return bool(before) and self.cameo.plover(before[-1].frame.cameo) == kind
        return False

    def _noun_purpose(self, trig: Trigger) -> bool:
        """A purpose clause ("pour interdire", "afin de protéger") of a noun ("un vote pour interdire les
        armes", "une pétition visant à pousser les députés à changer la loi afin d'interdire ...")
        states what the thing named is for, not an act that took place. :meth:`_purpose_clause` covers the
        purpose of another event."""
        tok = trig.token
        if trig.is_noun and tok.dep_ in ("obj", "obl:arg") and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head
        if tok.head.lower_ == "afin" and tok.head.dep_ == "advmod":
            tok = tok.head.head  # "afin/advmod d'interdire/obl:arg": the parser's other reading of "afin de"
        elif tok.dep_ not in ("advcl", "xcomp", "acl") or not any(
                c.dep_ == "mark" and c.lower_ in ("pour", "afin") for c in tok.children):
            return False
        node = tok
        for _ in range(5):
            if node.head.i == node.i:
                return False
            if node.dep_ in ("acl", "acl:relcl", "nmod", "advcl") and (node.head.pos_ == "NOUN" or (
                    node.head.pos_ not in ("VERB", "AUX") and node.head.dep_ == "ROOT")):
                return True  # "un vote pour interdire ...": also the root of a verbless title
            if node.dep_ not in ("advcl", "xcomp", "acl", "ccomp", "obj"):
                return False
            node = node.head
        return False

    def _text_content(self, trig: Trigger) -> bool:
        """An event inside what a text provides ("un accord prévoyant une manifestation", "des amendements
        prévoyant cinq ans de prison pour les soldats qui désertent"): the content of an
        agreement, law or plan (cue list ``content_verbs``, as a participle or relative clause of a noun), not
        an event that happened."""
        verbs = self.lex.cue("content_verbs")
        node = trig.token
        for _ in range(8):
            if node.head.i == node.i:
                return False
            node = node.head
            if node.lemma_.lower() in verbs and node.dep_ in ("acl", "acl:relcl") and node.head.pos_ == "NOUN":
                return True
        return False

    def _interview(self, trig: Trigger) -> bool:
        """"dans un entretien (accordé à la BBC)": an interview given to the press, not a meeting (cue list
        ``interview_nouns``). A meeting names its partner ("un entretien avec Olaf Scholz") or its two sides."""
        tok = trig.token
        if not trig.is_noun or tok.lemma_.lower() not in self.lex.cue("interview_nouns"):
            return False
        if any(self._case_of(c) in ("avec", "entre") or c.lemma_.lower() == "téléphonique" for c in tok.children):
            return False  # a partner, or a call ("dans un entretien téléphonique, Paris et Rome ont ...")
        if any(c.dep_ == "det" and c.morph.get("Poss") == ["Yes"] and c.morph.get("Number[psor]") == ["Plur"]
               for c in tok.children):
            return False  # "leur entretien": the two of them
        return self._case_of(tok) == "dans" or any(
            c.dep_ in ("acl", "acl:relcl") and c.lemma_.lower() in ("accorder", "donner", "publier", "diffuser")
            for c in tok.children)

    def _negated_pledge(self, trig: Trigger, by_token) -> bool:
        """A pledge (CAMEO 03 frame that absorbs its complement) never to yield ("a promis de ne jamais renoncer
        à son droit", "de ne jamais céder aux pressions") states defiance, not an intent to cooperate: no AGREE.
        A pledge not to attack ("de ne pas attaquer") stays one."""
        tok = trig.token
        if trig.is_noun or trig.frame.cameo[:2] != "03" or not trig.frame.absorbs:
            return False
        clauses = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")] + [
            g for c in tok.children if c.dep_ in ("obl:mod", "obj", "nmod")  # under a day word: "promis vendredi de"
            for g in c.children if g.dep_ in ("acl", "xcomp")]
        negations = self.lex.cue("negation_words")
        for clause in clauses:
            if any(c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’") for c in clause.children) \
                    and any(c.lemma_.lower() in negations or c.lower_ in negations for c in clause.children):
                inner = by_token.get(clause.i)
                if inner is None or not self._is_conflict(inner.frame.cameo):
                    return True
        return False

    def _violated(self, trig: Trigger) -> bool:
        """An agreement-like event noun that is the object of a breach ("ont violé le cessez-le-feu", cue list
        ``breach_verbs``) is what was broken, not a new act of the violator."""
        tok = trig.token
        if not trig.is_noun or tok.dep_ not in ("obj", "nsubj:pass"):
            return False
        breach = self.lex.cue("breach_verbs")

        def is_breach(word) -> bool:  # the tagger may take the participle for a noun: "d'avoir violé/NOUN le"
            low = word.lower_
            return word.lemma_.lower() in breach or any(
                low.endswith(end) and low[:-len(end)] + "er" in breach for end in ("é", "ée", "és", "ées"))

        head = tok.head
        if is_breach(head):
            return True
        return head.lemma_ == "avoir" and any(is_breach(t) for t in tok.doc[head.i + 1:tok.i])

    def _cleared_charge(self, trig: Trigger) -> bool:
        """A charge noun in the complement of a verb of clearing ("lavé de tous les soupçons par une
        tribunal", cue list ``clearing_verbs``) is what the person was cleared of: no accusation by the court."""
        tok = trig.token
        return trig.is_noun and tok.dep_ in ("obj", "obl", "obl:arg", "nsubj:pass") \
            and tok.head.lemma_.lower() in self.lex.cue("clearing_verbs")

    def _generic_mention(self, trig: Trigger, context) -> bool:
        """An event noun whose frame needs a specific incident (``needs_specific``: "la répression") and whose
        phrase names nobody is a generic mention (ANNOTATION.md), even where the place would imply its actor
        (:data:`IMPLIED_ACTOR_ROOTS`: "la répression s'accentue contre les opposants")."""
        return trig.is_noun and trig.frame.needs_specific and trig.frame.cameo[:2] in IMPLIED_ACTOR_ROOTS \
            and self._noun_participants(trig, context) == ((), ())

    @staticmethod
    def _place_description(tok) -> bool:
        """Inside a relative clause that describes a place ("au Kenya, où dix personnes ont été blessées pendant
        d'émeutes en mars"): background about the place, not the reported event."""
        node = tok
        for _ in range(6):
            if node.dep_ in ("acl:relcl", "advcl") and any(c.lower_ == "où" and c.pos_ == "PRON"
                                                           for c in node.children):
                return True
            if node.head.i == node.i:
                return False
            node = node.head
        return False

    def _reaction_topic(self, trig: Trigger, by_token) -> bool:
        """An event noun that is what another event reacts to ("condamner l'attaque russe", "a salué
        l'accord") is the topic of that reaction, not a separate event (ANNOTATION.md: background events)."""
        tok = trig.token
        if not trig.is_noun or tok.dep_ not in ("obj", "obl:arg"):
            return False
        governor = by_token.get(tok.head.i)
        return governor is not None and governor.frame.cameo[:2] in ("05", "11", "12", "14", "17")

    def _unowned_background(self, trig: Trigger, context) -> bool:
        """An event noun in a background adjunct ("après un rassemblement lié à une hausse des prix") whose
        phrase names no participant (no actor mention in it, relative clauses aside) is the cause or setting of
        the reported event, not an event. ANNOTATION.md codes background events only when specific: "après les
        frappes russes", "après des manifestations contre la France", "après l'arrestation de trois militants"
        stay events."""
        tok = trig.token
        if not trig.is_noun:
            return False
        preps = self.lex.cue("background_preps") - self.lex.cue("participation_preps")
        anchor = tok  # up through the noun phrase: "après une année marquée par des émeutes"
        for _ in range(4):
            if anchor.dep_ in ("obl", "obl:mod", "nmod") and self._case_of(anchor) in preps:
                break
            if anchor.dep_ not in ("nmod", "acl", "obl:agent", "obl:arg", "obl:mod") or anchor.head.i == anchor.i:
                return False
            anchor = anchor.head
        else:
            return False
        relative = {x.i for c in tok.children if c.dep_ == "acl:relcl" for x in c.subtree}
        phrase = {x.i for x in tok.subtree} - relative - {tok.i}
        mentions = context.mentions_in(tok.doc, tok.left_edge.i, tok.right_edge.i + 1)
        return not any(m.start in phrase for m in mentions)

    def _organiser_adjunct(self, trig: Trigger) -> bool:
        """"à l'appel de X" ("ont défilé à l'appel des syndicats") names who called the main event together: a
        circumstance of that event, not a request of its own (cue list ``organiser_nouns``). "répondre à l'appel
        de X" is no such adjunct."""
        tok = trig.token
        return trig.is_noun and tok.lemma_.lower() in self.lex.cue("organiser_nouns") \
            and self._case_of(tok) == "à" and any(c.dep_ == "det" and c.lemma_ == "le" for c in tok.children) \
            and tok.head.lemma_.lower() not in self.lex.cue("response_words")

    def _threat_condition(self, trig: Trigger, by_token) -> bool:
        """The condition of a threat ("menace de ... si le Maroc ne présente pas d'excuses") is part of the
        threat, not an event."""
        tok = trig.token
        clause = tok.head if trig.is_noun and tok.head.pos_ in ("VERB", "AUX") else tok
        if not any(c.dep_ == "mark" and c.lower_ == "si" for c in clause.children):
            return False
        node = clause.head
        for _ in range(4):
            governor = by_token.get(node.i)
            if governor is not None and (governor.frame.cameo[:2] == "13" or self._conditional(node)):
                return True  # "menace de ... si", "retirerait ses troupes si ...": the condition is not an event
            if node.head.i == node.i:
                return False
            node = node.head
        return False

    @staticmethod
    def _purpose_clause(trig: Trigger, by_token) -> bool:
        """A purpose clause ("pour réclamer", "afin de protester") of another event is its stated aim, not an
        event (ANNOTATION.md: a protest's stated demand is not coded separately)."""
        tok = trig.token
        if trig.is_noun and tok.dep_ in ("obj", "obl:arg") and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head  # "pour mener une médiation": the noun's verb is the purpose clause
        if tok.dep_ not in ("advcl", "xcomp", "acl") or not any(
                c.dep_ == "mark" and c.lower_ in ("pour", "afin") for c in tok.children):
            return False
        node = tok.head
        for _ in range(3):
            if node.i in by_token:
                return True
            if node.head.i == node.i:
                break
            node = node.head
        return False

    @staticmethod
    def _conditioned(tok) -> bool:
        """The verb's clause has a "si" condition ("retirerait ses troupes du Tchad si le président ne ..."),
        also when the parser hangs the condition on the reporting verb after the clause ("a annoncé qu'il
        retirerait ses troupes si ..."): a reported fact has no condition, the announced act does."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        if any(t.dep_ == "mark" and t.lower_ == "si" and t.i != verb.i for t in verb.subtree):
            return True
        if any(c.lower_ == "cas" and EventCoder._case_of(c) == "en" for c in verb.children):
            return True  # "en cas de refus, les contrats seront arrêtés"
        return verb.dep_ == "ccomp" and any(
            c.dep_ == "advcl" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "si" for m in c.children)
            for c in verb.head.children)

    def _self_announced(self, tok) -> bool:
        """A conditional clause under a reporting verb whose subject is the clause's own subject or a pronoun
        standing for it ("X a annoncé qu'il retirerait ses troupes")."""
        verb = tok if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ccomp" else tok.head
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in self._reporting:
            return False
        # a verb the tagger took for a noun ("qu'ils boycotteraient tout contact") keeps its own subject
        inner = next((c for c in list(tok.children) + list(verb.children) if c.dep_ in SUBJECT_DEPS), None)
        outer = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
        if inner is None or outer is None:
            return False
        if inner.dep_ == "nsubj:pass" and not any(c.dep_ == "obl:agent" or self._case_of(c) == "par"
                                                  for c in verb.children):
            return True  # "a prévenu que les contrats seraient arrêtés": no other doer than the speaker's side
        return inner.pos_ == "PRON" and inner.lower_ in ("il", "elle", "ils", "elles", "on") \
            or inner.lemma_ == outer.lemma_

    def _verb_in_disguise(self, tok) -> bool:
        """A token tagged noun/adjective that is a lexicon verb form used as a verb: it heads the sentence or
        has a subject, or directly follows a proper-noun subject ("la Russie sanctionne 29 Américains")."""
        if self.lex.verb_lemma(tok.text) is None:
            return False
        if any(c.dep_ in SUBJECT_DEPS for c in tok.children) or (
                tok.dep_ == "ROOT" and any(c.dep_ == "obj" for c in tok.children)):  # not "Incendies :"
            return not any(c.dep_ == "det" for c in tok.children)
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.pos_ == "NOUN" and self._headline_subject(tok) is not None:
            return True  # "l'opposition proteste": a verb the tagger made the noun's adjective
        return prev is not None and prev.pos_ == "PROPN" and not any(c.dep_ == "det" for c in tok.children)

    def _headline_subject(self, tok):
        """The subject of a headline verb the tagger took for an adjective of the noun before it ("l'opposition
        proteste", "l'Italie scelle un accord"): that noun, when ``tok`` is a present form of a lexicon verb
        ("-e", "-ent") hanging on it as ``amod`` right after it, and the lemmatizer did not know the word (its
        lemma is neither the form nor the verb: "proteste" -> "protest"). A real adjective keeps its own form as
        lemma ("une opposition ferme", "la situation critique"), so it is left alone. None otherwise."""
        head = tok.head
        low = tok.lower_
        if tok.dep_ != "amod" or head.i != tok.i - 1 or head.pos_ not in ("NOUN", "PROPN") \
                or not low.endswith(("e", "ent")) or low.endswith("ée") or any(True for _ in tok.children):
            return None
        verb = self.lex.verb_lemma(tok.text)
        if verb is None or tok.lemma_.lower() in (low, low.rstrip("s")):
            return None
        return head

    def _is_reporting_use(self, tok, lemma: str) -> bool:
        """A verb that is both an event and a reporting verb ("assurer", "annoncer") only reports when it
        has a clausal complement ("a assuré que...")."""
        if lemma not in self.lex.cue("reporting_event_verbs"):
            return False
        return any(c.dep_ in ("ccomp", "parataxis") for c in tok.children)

    def _verb_frame_matches(self, tok, frame: Frame):
        """The pattern object token when the frame names objects, None when it names none, False on no match."""
        children = list(tok.children)
        reflexive = self._reflexive(children)
        if frame.reflexive is True and not reflexive:
            return False
        if frame.reflexive is False and reflexive:
            return False
        objects = [c for c in children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")]
        if frame.objects_not and self._other_sense_object(tok, children, frame.objects_not):
            return False
        if frame.intransitive and (objects or tok.dep_ == "acl"):
            return False
        if frame.needs_patient and not self._has_patient(tok, children):
            return False
        if any(c.dep_ == "expl:subj" for c in children) and any(c.dep_ in ("aux:pass", "cop") for c in children):
            return False  # impersonal passive: a norm, not an act ("il est interdit de publier...")
        nested = children + [g for c in children if c.dep_ == "obj" for g in c.children]
        if frame.complements and not any(self._lemma_in(c, frame.complements) for c in nested
                                         if c.dep_ in ("obl", "obl:arg", "obl:mod", "iobj", "nmod")
                                         or (c.dep_ == "advmod" and c.head.i == tok.i)):  # "abuser sexuellement"
            return False
        if frame.needs_complement:
            if not any(self._case_of(c) in frame.needs_complement for c in children
                       if c.dep_ in ("obl", "obl:arg", "obl:mod", "xcomp", "ccomp")):
                return False
        if frame.objects:
            # "a levé vendredi le blocus": the parser hangs the object on the time word before it
            displaced = [g for c in children if c.dep_ == "obl:mod" and c.lemma_.lower() in self.lex.cue("time_nouns")
                         for g in c.children if g.dep_ == "nmod" and g.pos_ in ("NOUN", "PROPN")
                         and g.i > c.i and next((x.lower_ for x in g.children if x.dep_ == "case"), None)
                         in (None, "des")]  # no preposition, or the partitive "des"
            mistagged = [c for c in children if c.dep_ == "obj" and c.pos_ == "ADJ"]  # "demande « pardon »"
            # a relative pronoun stands for its antecedent: "l'ambassadeur, qui avait été rappelé", "les
            # troupes qu'il a déployées"
            relative = [tok.head for c in children if c.dep_ in ("obj", "nsubj:pass") and tok.dep_ == "acl:relcl"
                        and c.morph.get("PronType") == ["Rel"]]
            for obj in objects + [c for c in children if c.dep_ in ("obl:arg", "obl", "xcomp", "nsubj:pass")] \
                    + displaced + mistagged + relative:
                if frame.objects_amod and not any(c.dep_ == "amod" and c.lemma_.lower() in frame.objects_amod
                                                  for c in obj.children):
                    continue  # "lancer des manœuvres conjointes": the object's adjective decides
                if self._lemma_in(obj, frame.objects) or ("@person" in frame.objects and obj.pos_ == "PROPN"
                                                           and obj.ent_type_ == "PER"):
                    return obj
                if self._measured(obj, frame.objects):
                    return obj
            if tok.dep_ == "acl" and self._lemma_in(tok.head, frame.objects):  # "le missile tiré jeudi"
                return tok.head
            return False
        return None

    def _has_patient(self, tok, children) -> bool:
        """The verb has a patient: a direct object (a clitic too: "l'a arrêté"), a passive subject, the noun its
        participle modifies, or it is itself passive ("Arrêtés après la manifestation, ils..."). Without one,
        a ``needs_patient`` verb is used intransitively in another sense ("on n'arrêtera pas" = not stop)."""
        if any(c.dep_ in ("obj", "nsubj:pass") for c in children) or tok.dep_ == "acl":
            return True
        return self._passive(tok)

    def _other_sense_object(self, tok, children, lemmas: frozenset[str]) -> bool:
        """The verb's patient (direct object, passive subject, or the noun its participle modifies) is one of
        ``lemmas`` (a frame's ``objects_not``): the verb is used in another sense ("les contrats seront arrêtés",
        "ont défendu la ville")."""
        patients = [c for c in children if c.dep_ in ("obj", "nsubj:pass") and c.pos_ in ("NOUN", "PROPN", "ADJ")]
        patients += [c for c in children if c.dep_ == "xcomp" and c.pos_ == "NOUN"  # "se rend compte": the
                     and not any(g.dep_ == "case" for g in c.children)]  # bare noun parsed as a complement
        if tok.dep_ == "acl" and tok.head.pos_ == "NOUN":
            patients.append(tok.head)
        amounts = self.lex.cue("measure_nouns") | self.lex.cue("quantity_nouns")
        return any(p.lemma_.lower() in lemmas or p.lower_ in lemmas or (  # "certaines parties de la Constitution"
            {p.lemma_.lower(), p.lower_, p.lower_.rstrip("s")} & amounts  # the lemmatiser gives "parties" -> "party"
            and any(c.dep_ == "nmod" and c.lemma_.lower() in lemmas for c in p.children))
            for p in patients)

    def _noun_frame_matches(self, tok, frame: Frame) -> bool:
        if frame.objects_amod and not any(c.dep_ == "amod" and c.lemma_.lower() in frame.objects_amod
                                          for c in tok.children):
            return False
        if frame.objects_de and not any(self._case_of(c) == "de" and self._lemma_in(c, frame.objects_de)
                                        for c in tok.children if c.dep_ == "nmod"):
            return False
        if frame.needs_support and not (tok.dep_ in ("obj", "nsubj:pass", "obl:arg")
                                        and tok.head.pos_ in ("VERB", "AUX")
                                        and tok.head.lemma_.lower() in self.lex.support_verbs) \
                and self._exchange_verb(tok) is None \
                and not self._supported_by_participle(tok):  # the counterpart of a deal is given, as the deal is
            return False
        if frame.needs_support and tok.dep_ == "obl:arg" and self._case_of(tok) == "à" \
                and any(c.dep_ == "obj" for c in tok.head.children):  # "faire face à la menace": the object is
            return False  # "face", the noun only its complement ("faire part de sa préoccupation" stays an event)
        if frame.needs_complement and not any(self._case_of(c) in frame.needs_complement for c in tok.children):
            return False
        if frame.complements:  # "le déploiement de soldats en soutien de X", also on the support verb
            around = list(tok.children) + (list(tok.head.children) if tok.dep_ == "obj" else [])
            if not any(self._lemma_in(c, frame.complements) for c in around
                       if c.i != tok.i and c.dep_ in ("obl", "obl:arg", "obl:mod", "nmod")):
                return False
        return True

    def _supported_by_participle(self, tok) -> bool:
        """A noun modified by a support verb's participle with its agent ("les propositions faites à la Chine
        par Moscou", "l'aide apportée par le Japon"): the support verb's passive, so the noun is an event."""
        return any(c.dep_ == "acl" and c.lemma_.lower() in self.lex.support_verbs
                   and c.morph.get("VerbForm") == ["Part"]
                   and any(g.dep_ == "obl:agent" or self._case_of(g) == "par" for g in c.children)
                   for c in tok.children)

    def _measured(self, tok, lemmas: frozenset[str]) -> bool:
        """The object is an amount of one of ``lemmas``: "13 milliards de mètres cubes de gaz", "des milliers de
        tonnes de blé" (through the cue list ``measure_nouns``, up to three levels of "de" complements; the
        parser may take "cubes" for an adjective)."""
        measures = self.lex.cue("measure_nouns")
        frontier = [tok]
        for _ in range(3):
            frontier = [c for n in frontier if n.lemma_.lower() in measures for c in n.children
                        if c.dep_ in ("nmod", "amod") and c.pos_ in ("NOUN", "ADJ")]
            if any(c.lemma_.lower() in lemmas or c.lower_ in lemmas for c in frontier):
                return True
        return False

    def _lemma_in(self, tok, lemmas: frozenset[str], depth: int = 0) -> bool:
        """``tok`` or the noun its quantity words measure has one of ``lemmas``: "des soldats", "des milliers de
        soldats", "des dizaines de milliers de soldats" (a chain of ``quantity_nouns``, up to three deep)."""
        lemma = tok.lemma_.lower()
        if lemma in lemmas or tok.lower_ in lemmas:
            return True
        # "des dizaines de milliers de soldats": look through quantity nouns
        for c in tok.children:
            if c.dep_ == "nmod" and (c.lemma_.lower() in lemmas or c.lower_ in lemmas):
                return True
            if c.dep_ == "nmod" and depth < 2 and c.lemma_.lower() in self.lex.cue("quantity_nouns") \
                    and self._lemma_in(c, lemmas, depth + 1):
                return True
        return False

    @staticmethod
    def _case_of(tok) -> str | None:
        """The preposition introducing a nominal ("à" for "au Kremlin"), or the mark of a clause ("de")."""
        for c in tok.children:
            if c.dep_ in ("case", "mark"):
                low = c.lower_
                return CONTRACTIONS.get(low, (low,))[0]
        return None

    def _answered_act(self, tok):
        """The request, offer or ultimatum that a response word (cue list ``response_words``) answers: a noun
        complement whose lexicon frames include a root of :data:`ANSWERED_ROOTS` ("a rejeté l'appel de l'ONU",
        "a accepté jeudi la demande des rebelles", "refuse de répondre à l'exigence de X", "le rejet de ses
        demandes"); None when there is none. Such a request is no event of its own: the response is the event
        and the request's author its recipient (ANNOTATION.md, PLOVER REJECT / CONCEDE)."""
        responses = self.lex.cue("response_words")
        if tok.lemma_.lower() not in responses:
            return None
        if tok.pos_ in ("NOUN", "PROPN"):
            slots = [c for c in tok.children if c.dep_ == "nmod" and self._case_of(c) in ("de", "à")]
        else:
            verbs = [tok] + [c for c in tok.children if c.dep_ == "xcomp" and c.lemma_.lower() in responses]
            if tok.dep_ == "conj" and tok.head.lemma_ == "avoir" and tok.head.i < tok.i:
                verbs.append(tok.head)  # "a une nouvelle fois rejeté une offre": the object hangs on "a"
            slots = [c for v in verbs for c in v.children if c.dep_ in ("obj", "iobj")
                     or (c.dep_ in ("obl:arg", "obl") and self._case_of(c) in (None, "à"))]
        for c in slots:
            lemma = c.lemma_.lower()
            if c.pos_ == "NOUN" and any(f.cameo[:2] in ANSWERED_ROOTS for f in self.lex.nouns.get(lemma, ())):
                return c
        return None

    def _answer_participants(self, trig: Trigger, act, context, actors, recipients):
        """Participants of a response to the request ``act`` (:meth:`_answered_act`): the recipient is the
        request's author, named by a demonym or "de" complement ("une demande américaine", "l'appel des Nations
        unies"), a possessive ("ses demandes") or a participle's agent ("faites par X"); a response noun's actor
        is its "par" agent ("le refus de ses propositions par le Japon"). Falls back to the given ones."""
        author = context.modifier_actors(act)
        if not author:
            poss = next((c for c in act.children if c.dep_ == "det" and c.morph.get("Poss") == ["Yes"]), None)
            author = context.resolve(poss) if poss is not None else ()
        if not author:
            for acl in (c for c in act.children if c.dep_ == "acl" and c.pos_ in ("VERB", "ADJ")):
                agent = next((g for g in acl.children if g.dep_ == "obl:agent" or self._case_of(g) == "par"), None)
                if agent is not None:
                    author = context.resolve(agent)
                    break
        if trig.is_noun:
            agent = next((c for h in (trig.token, act) for c in h.children
                          if c.dep_ == "nmod" and self._case_of(c) == "par"), None)
            if agent is not None:
                actors = context.resolve(agent) or actors
        author = tuple(a for a in author if a.span not in {x.span for x in actors})
        return actors, (author or recipients)

    def _is_conflict(self, cameo: str) -> bool:
        return self.cameo[cameo].quad_class in (3, 4)

    @staticmethod
    def _under_modifier(tok, governor) -> bool:
        """``tok`` is inside a clause modifying a noun below ``governor``: a participle ("les accords conclus
        avec X") or a relative clause, not an infinitive complement ("le refus de fournir")."""
        node = tok
        while node.i != governor.i and node.head.i != node.i:
            if node.dep_ == "acl:relcl" or (node.dep_ == "acl" and node.pos_ in ("VERB", "AUX")
                                            and node.morph.get("VerbForm") != ["Inf"]):
                return True
            node = node.head
        return False

    @staticmethod
    def _clausal_complement(tok, governor) -> bool:
        """``tok`` is reached from ``governor`` through verb complements only ("refuse de s'engager à
        attaquer"), not through a noun phrase ("rejette une demande d'interroger des détenus arrêtés")."""
        node = tok
        while node.i != governor.i:
            if node.dep_ not in ("xcomp", "ccomp") or node.head.i == node.i:
                return False
            node = node.head
        return True

    def _absorbing_governor(self, tok, by_token) -> Trigger | None:
        """The nearest trigger above ``tok`` (within its clause chain) whose frame absorbs complements. A participle
        with its own agent is an event told about a complement, not part of the governing act ("demande une
        enquête sur la mort de la journaliste, abattue par un soldat"): None."""
        if tok.dep_ == "acl" and tok.morph.get("VerbForm") == ["Part"] and any(
                c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and self._case_of(c) == "par")
                for c in tok.children):
            return None
        node = tok
        steps = 0
        while node.head.i != node.i and steps < 6:
            dep = node.dep_
            node = node.head
            steps += 1
            trig = by_token.get(node.i)
            if trig is None and dep == "ccomp" and node.lemma_.lower() in self.lex.support_verbs:
                # "a renouvelé sa demande que la Serbie retire...": the clause hangs on the support verb
                trig = next((by_token[c.i] for c in node.children if c.dep_ == "obj" and c.i in by_token
                             and by_token[c.i].is_noun and by_token[c.i].frame.absorbs), None)
                if trig is not None:
                    return trig
            if trig is not None:
                if trig.frame.absorbs and dep in ("xcomp", "ccomp", "obj", "acl", "nmod", "obl:arg", "obl"):
                    return trig
                return None
            if dep in ("conj", "parataxis", "nsubj", "advcl", "acl:relcl") \
                    and not (dep == "acl:relcl" and node.lower_ == "ce" and node.pos_ == "PRON"):  # "appelé à ce que"
                return None
        return None

    # -- participants ----------------------------------------------------------------------------------------

    def _participants(self, trig: Trigger, context) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
        tok = trig.token
        if trig.is_noun:
            return self._noun_participants(trig, context)
        if trig.frame is HEADLINE_VISIT:  # the person's own words, not the whole title
            person = next(m for m in context.mentions_in(tok.doc, tok.i, tok.right_edge.i + 1)
                          if m.kind == "person" and m.start == tok.i)
            actor = Entity(person.code, person.sector, tok.doc[person.start:person.end].text,
                           (person.char_start, person.char_end), person.name)
            return (actor,), self._recipient(trig, context)
        if trig.frame is FRONTED_VISIT:
            person = next(m for m in context.mentions_in(tok.doc, tok.i, tok.sent.end)
                          if m.kind == "person" and m.start == tok.i)
            actor = Entity(person.code, person.sector, tok.doc[person.start:person.end].text,
                           (person.char_start, person.char_end), person.name)
            place = self._fronted_place(tok.sent)
            return (actor,), (context.resolve(place) or self._place_recipient(place, context))
        if trig.frame is OBLIGATION:
            reporter = self._obligation_reporter(tok)
            obliged = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
            if any(g.dep_ == "aux:pass" for c in tok.children if c.dep_ == "xcomp" for g in c.children):
                obliged = None  # "le gaz devra être payé en roubles": the subject is what is acted on
            told = next((c for c in tok.head.children if c.dep_ == "iobj" or (  # "a rappelé à l'Irak qu'il devait"
                c.dep_ in ("obl:arg", "obl", "obl:mod") and self._case_of(c) == "à")), None)
            if told is not None and (obliged is None or obliged.pos_ == "PRON") and context.resolve(told):
                obliged = told
            if tok.dep_ != "ccomp" and obliged is not None and not context.resolve(obliged):
                return (), ()  # an incise "Les Occidentaux doivent ..., estime X" on no actor: an opinion
            return (self._resolve_subject(reporter, context) if reporter is not None else (),
                    context.resolve(obliged) if obliged is not None else ())
        passive = self._passive(tok)
        if passive:
            nearby = list(tok.children) + [g for c in tok.children if c.dep_ == "obl:mod" for g in c.children]
            agent = next((c for c in nearby if c.dep_ == "obl:agent"  # "tiré jeudi par X": X may hang on jeudi
                          or (c.dep_ in ("obl", "obl:mod", "obl:arg", "nmod") and self._case_of(c) == "par")),
                         None)
            patient = next((c for c in tok.children if c.dep_ == "nsubj:pass"), None)
            if patient is None and tok.dep_ == "acl" or (patient is not None and tok.dep_ == "acl:relcl"
                                                         and patient.morph.get("PronType") == ["Rel"]):
                patient = tok.head  # "le missile tiré jeudi", "l'ambassadeur, qui a été rappelé"
            if patient is None:
                patient = self._inherited_subject(tok)
            actors = context.resolve(agent) if agent is not None else ()
            if trig.obj is not None and patient is not None and patient.i == trig.obj.i \
                    and "obj" not in trig.frame.recipient:  # "les sanctions imposées par Tokyo à X"
                owners = context.modifier_actors(patient) if not actors else ()
                recipients = self._recipient(trig, context, skip=patient)
                if owners:  # "l'ambassadeur de France au Mali a été rappelé": France recalls him from Mali
                    actors = owners
                    if any(r.span == o.span for r in recipients for o in owners):  # the owner found again
                        recipients = ()
                        for slot in (x for x in trig.frame.recipient if x not in ("de", "du", "des")):
                            found = self._recipient(replace(trig, frame=replace(trig.frame, recipient=(slot,))),
                                                    context, skip=patient)
                            if found and not any(f.code == o.code for f in found for o in owners):
                                recipients = found  # not "rappelé à Paris", home
                                break
            else:
                recipients = context.resolve(patient) if patient is not None else ()
            return actors, recipients
        undergone = self._undergone(tok)
        if undergone is not None and undergone[1] is not None:  # "X s'est vu refuser un visa par le Canada"
            patient, agent = undergone
            return (context.resolve(agent) if agent is not None else (),
                    self._resolve_subject(patient, context) if patient is not None else ())
        subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        headline = self._headline_subject(tok) if subject is None and tok.pos_ not in ("VERB", "AUX") else None
        if headline is not None:  # "l'opposition proteste": the noun's own phrase, not what the parser hung on it
            first = next(t for t in tok.doc[headline.left_edge.i:tok.i + 1] if not t.is_punct)
            words = tok.doc[first.i:tok.i].text
            actors = tuple(replace(e, entity_text=words, span=(e.span[1] - len(e.entity_text),
                                                               e.span[1] - len(e.entity_text) + len(words)))
                           if e.entity_text.endswith(tok.text) and e.entity_text.startswith(words) else e
                           for e in self._resolve_subject(headline, context)[:1])
            return actors, self._recipient(trig, context)
        if subject is None:
            subject = self._inherited_subject(tok) or self._stranded_subject(tok) or self._headless_subject(tok)
        actors = self._resolve_subject(subject, context) if subject is not None else ()
        if subject is None:  # "Après le tir, la Chine et la Russie refusent": subjects hung on the adjunct
            actors = tuple(e for c in self._adjunct_subjects(tok) for e in context.resolve(c))
        recipients = self._recipient(trig, context)
        return actors, recipients

    def _undergone(self, tok):
        """For an infinitive under reflexive "se voir" ("X s'est vu refuser un visa (par Y)", "se voit
        interdire de ..."), a passive in all but form: (the subject of "voir", who undergoes the act; the "par"
        agent on the infinitive or its object, or None). None when ``tok`` is not in that construction. Only
        the form with a named agent is recoded (an implied agent is not told by the sentence)."""
        head = tok.head
        if tok.dep_ != "xcomp" or head.lemma_.lower() != "voir" or not any(
                c.dep_ in ("expl:comp", "expl:pv", "obj", "iobj") and c.lower_ in ("se", "s'", "s’", "me", "m'",
                                                                                 "m’", "nous", "vous")
                for c in head.children):
            return None
        patient = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None) or self._inherited_subject(head)
        nearby = list(tok.children) + [g for c in tok.children if c.dep_ == "obj" for g in c.children]
        agent = next((c for c in nearby if c.dep_ == "obl:agent" or (
            c.dep_ in ("obl", "obl:mod", "nmod") and self._case_of(c) == "par")), None)
        return patient, agent

    @staticmethod
    def _stranded_subject(tok):
        """A subject the parser cut off as a root of its own: "Washington, avec ses alliés, a exigé ...",
        "Washington a exigé ..." parsed as two fragments (often two sentences). The name (a verbless proper
        noun or noun root) must end right before the verb's own words, with at most commas between; None
        otherwise."""
        if tok.dep_ != "ROOT" or tok.morph.get("VerbForm") == ["Inf"] or any(c.dep_ == "mark" for c in tok.children):
            return None  # "..., pour réclamer": an infinitive has no subject of its own
        doc = tok.doc
        i = tok.left_edge.i - 1
        while i >= 0 and doc[i].text == ",":
            i -= 1
        if i < 0 or doc[i].is_punct:
            return None
        node = doc[i]
        while node.head.i != node.i:
            node = node.head
        if node.i == tok.i or node.dep_ != "ROOT" or node.pos_ not in ("PROPN", "NOUN") \
                or any(t.pos_ in ("VERB", "AUX") for t in node.subtree):
            return None
        return node

    def _adjunct_subjects(self, verb) -> list:
        """Subjects the parser coordinated with a fronted adjunct: in "Après le tir de missile, la Chine et la
        Russie refusent de ...", "la Chine" and "la Russie" come out as conjuncts of "tir". For a finite verb
        with no subject: the proper-noun conjuncts of its "après/avant/malgré/..." adjunct (cue list
        ``background_preps``) that follow a comma and precede the verb; an infinitive takes those of the verb
        that controls it ("refusent de durcir"). [] otherwise."""
        while verb.dep_ == "xcomp" and verb.morph.get("VerbForm") == ["Inf"]:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or verb.morph.get("VerbForm") != ["Fin"]:
            return []
        for adjunct in verb.children:
            if adjunct.dep_ not in ("obl", "obl:mod") or adjunct.i > verb.i \
                    or self._case_of(adjunct) not in self.lex.cue("background_preps"):
                continue
            found = [c for c in adjunct.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i < verb.i]
            if found and any(t.text == "," for t in verb.doc[adjunct.i:found[0].i]) \
                    and not any(t.pos_ in ("VERB", "AUX") for t in verb.doc[found[0].i:verb.i]):
                return found
        return []

    @staticmethod
    def _headless_subject(verb):
        """A subject the parser left as a root of its own: "Israël et le Liban ont repris les négociations" parsed
        as a verbless "Israël et le Liban" followed by a subjectless clause. The nominal whose phrase ends right
        before the verb's clause (its auxiliaries), with no punctuation between, is the subject. Only for a
        clause heading the sentence with an auxiliary and no subject. None otherwise."""
        if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX"):
            return None
        left = verb.left_edge  # the parser may also have cut the sentence there: look in the doc
        if left.i == 0 or left.pos_ in ("PUNCT", "SCONJ", "ADP", "CCONJ"):
            return None
        node = verb.doc[left.i - 1]
        while node.head.i != node.i:
            node = node.head
        if node.i == verb.i or node.pos_ not in ("NOUN", "PROPN") or node.right_edge.i != left.i - 1 \
                or node.doc[left.i - 1].is_punct or not any(c.dep_.startswith("aux") for c in verb.children):
            return None
        return node

    def _frame_fits(self, frame: Frame, tok, actors, context) -> bool:
        """The frame's conditions on participants: actor sectors, and a patient that is an actor when
        ``needs_actor_patient`` ("l'opposante condamnée" is a conviction, "condamner l'attaque" a criticism)."""
        if not self._sectors_ok(frame, actors):
            return False
        if frame.needs_actor_patient:
            patient = next((c for c in tok.children if c.dep_ in ("obj", "nsubj:pass")), None)
            if frame in self.lex.nouns.get(frame.lemma, ()):  # an event noun: "la condamnation des trois opposants"
                patient = next((c for c in tok.children if c.dep_ == "nmod" and self._case_of(c) == "de"), None)
            if patient is None and tok.dep_ == "acl":
                patient = tok.head
            if patient is None or (patient.pos_ == "NOUN" and patient.lemma_.lower() in self.lex.nouns):
                return False
            kinds = {m.kind for m in context.mentions_in(patient.doc, patient.i, patient.i + 1)}
            if any(a.sector == "JUD" for a in actors):  # a court convicts states too ("condamnée par la CEDH")
                return bool(kinds) or patient.pos_ == "PROPN"
            return bool(kinds - {"country", "capital", "demonym", "region"}) or patient.ent_type_ == "PER"
        return True

    @staticmethod
    def _sectors_ok(frame: Frame, actors) -> bool:
        """A frame limited to some actor sectors needs an actor of one of them."""
        return frame.actor_sectors is None or any(a.sector in frame.actor_sectors for a in actors)

    def _needs_actor(self, trig: Trigger) -> bool:
        """Active verbs and agentive nouns ("visite de X") need an actor; passives ("ont été arrêtés") and
        patient nouns ("l'arrestation de X") may be coded with the recipient alone."""
        if trig.is_noun:
            return trig.frame.de != "recipient"
        if trig.frame.cameo[:2] in ("18", "19", "20"):  # "un attentat a tué un soldat": the attack is the cause,
            subject = next((c for c in trig.token.children if c.dep_ == "nsubj"), None)  # its author unnamed
            if subject is not None and any(c.dep_ == "case" for c in subject.children):
                subject = None  # "près de la ville" mis-read as the subject
            if subject is None and trig.token.dep_ == "acl" and any(c.dep_ == "aux:tense"
                                                                    for c in trig.token.children):
                subject = trig.token.head  # "Un attentat près de X a tué ..." parsed as the noun's clause
            if subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in self.lex.nouns:
                return False
        return not self._passive(trig.token)

    def _passive(self, tok) -> bool:
        """Passive voice: "a été arrêté", "les sanctions imposées". Verbs conjugated with "être" in the active
        (convenir, arriver, se rendre...) and reflexives are not passive even when the parser says so."""
        children = list(tok.children)
        if tok.lemma_.lower() in self.lex.cue("etre_verbs") or self._reflexive(children):
            return False
        if not any(c.dep_ == "aux:pass" for c in children) and any(
                c.dep_ == "aux:tense" and c.lemma_ == "avoir" for c in children):
            return False  # "la Serbie a catégoriquement rejeté": "avoir" makes an active past, whatever the tag
        if tok.dep_ == "conj" and tok.head.lemma_ == "avoir" and tok.head.i < tok.i \
                and tok.head.morph.get("VerbForm") == ["Fin"] and not any(c.dep_.startswith("aux") for c in children):
            return False  # "X a une nouvelle fois rejeté": the auxiliary parsed as the main verb
        if tok.lemma_.lower() in self.lex.cue("stative_participles") and not any(
                c.dep_ == "obl:agent" or self._case_of(c) == "par" for c in children):
            return False  # "Israël est opposé à ...": a stance of the subject, not a passive
        if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in children):
            return True
        # a bare past participle is passive: "le missile tiré jeudi", "Critiqué pour..., le pays veut"
        return tok.morph.get("VerbForm") == ["Part"] and tok.morph.get("Tense") != ["Pres"] \
            and not any(c.dep_.startswith("aux") for c in children) and not any(
                c.dep_ in ("nsubj", "obj") for c in children)

    @staticmethod
    def _reflexive(children) -> bool:
        return any(c.dep_.startswith("expl") or (c.lower_ in ("se", "s'", "s’") and c.pos_ == "PRON")
                   for c in children)

    def _resolve_subject(self, subject, context) -> tuple[Entity, ...]:
        """The actor of a subject; a relative pronoun stands for its antecedent. An event noun is no agent
        ("le voyage du ministre a permis de...", "la visite, qui comprenait des rencontres"): ()."""
        if subject.lower_ in ("qui", "lequel", "laquelle") and subject.head.dep_ in ("acl:relcl", "acl"):
            subject = subject.head.head
        if subject.pos_ == "NOUN" and subject.lemma_.lower() in self.lex.nouns:
            return ()
        if any(c.dep_ == "case" and CONTRACTIONS.get(c.lower_, (c.lower_,))[0] in PLACE_CASES
               for c in subject.children):  # "Au Canada, Justin Trudeau invoque": a fronted place taken for the
            conj = next((c for c in subject.children if c.dep_ in ("conj", "appos")), None)  # subject, its real one
            # a conjunct or an apposition
            return self._resolve_subject(conj, context) if conj is not None else ()
        found = context.resolve(subject)
        first = subject.left_edge
        doc = subject.doc
        # the parser sometimes cuts "Paris et Berlin ont appelé" after "Paris": a lone name, "et", the subject
        if first.i >= 2 and doc[first.i - 1].lower_ == "et" and doc[first.i - 2].dep_ == "ROOT" \
                and doc[first.i - 2].pos_ in ("PROPN", "NOUN") and doc[first.i - 2].head.i == first.i - 2:
            lone = doc[first.i - 2]
            if lone.left_edge.i == lone.i or lone.left_edge.dep_ == "det":
                found = context.resolve(lone) + found
        return found

    def _inherited_subject(self, tok):
        """Subject shared through coordination, control (xcomp), or a relative clause's antecedent."""
        node = tok
        for _ in range(5):
            if self._incise(node):
                return None
            if node.dep_ in ("xcomp", "conj", "advcl", "ccomp"):
                head = node.head
                subj = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
                if node.dep_ == "xcomp":  # object control: "appeler les Occidentaux à fournir"
                    obj = next((c for c in head.children if c.dep_ in ("obj", "iobj")), None)
                    if obj is not None and head.lemma_.lower() in ("appeler", "exhorter", "inviter", "pousser",
                                                                     "autoriser", "demander", "aider", "accuser",
                                                                     "soupçonner", "suspecter", "reprocher"):
                        return obj
                if subj is not None:
                    return subj
                node = head
                continue
            if node.dep_ in ("acl:relcl", "acl") and node.pos_ in ("VERB", "AUX"):
                if node.dep_ == "acl:relcl":
                    return node.head
                noun = node.head  # "sa volonté de visiter": the subject of the noun's verb
                if any(c.dep_ == "mark" for c in node.children) and noun.dep_ in ("obj", "nsubj:pass") \
                        and noun.head.pos_ in ("VERB", "AUX"):
                    subj = next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), None)
                    return subj if subj is not None else self._inherited_subject(noun.head)
                if node.morph.get("Tense") == ["Pres"] and noun.lemma_.lower() in self.lex.cue("document_nouns") \
                        and noun.head.pos_ in ("VERB", "AUX"):  # "a adopté une résolution exigeant ...": its author
                    if noun.dep_ == "obj":
                        subj = next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), None)
                        return subj if subj is not None else self._inherited_subject(noun.head)
                    if noun.dep_ == "nsubj:pass":
                        return next((c for c in noun.head.children if c.dep_ == "obl:agent"
                                     or self._case_of(c) == "par"), None)
                return None
            if node.dep_ == "ROOT" and node.pos_ in ("VERB", "AUX"):
                return self._series_subject(node)
            break
        return None

    def _incise(self, verb) -> bool:
        """A reporting incise after its clause, with its subject inverted: "X ont maltraité des migrants, a accusé
        samedi une ONG" (parsed as a subjectless ``advcl``/``conj`` of the first verb). Its subject is the noun
        after it, never the first clause's."""
        if verb.dep_ not in ("advcl", "conj") or verb.i < verb.head.i:
            return False
        lemma = verb.lemma_.lower()
        if lemma not in self.lex.cue("reporting_verbs") and lemma not in self.lex.cue("allegation_verbs"):
            return False
        if any(c.dep_ in SUBJECT_DEPS + ("cc", "mark") for c in verb.children):
            return False
        first = next((t for t in verb.subtree if not t.is_punct), verb)
        before = verb.doc[first.i - 1] if first.i > 0 else None
        right = [c for c in verb.children if c.i > verb.i and c.dep_ != "punct"]
        return before is not None and before.text == "," and bool(right) and right[-1].dep_ in ("obj", "nsubj") \
            and right[-1].pos_ in ("NOUN", "PROPN")

    def _series_subject(self, root):
        """The subject of a comma series of predicates the parser hangs under the last one.

        "Choe a transmis ses salutations, lui a demandé de ..., a exprimé sa gratitude": the parser makes the last
        verb the root, without a subject, and the earlier ones its unmarked ``advcl``/``conj`` dependents. The
        subject is that of the first predicate of the series (a clitic "lui"/"leur" mis-read as a subject is
        skipped). A dependent clause with a subordinator ("si", "alors que", "quand") is not part of the series,
        and neither is a reporting incise closing the sentence ("X ont fait Y, a accusé samedi une ONG"). Returns
        the subject token or None."""
        if root.lemma_.lower() in self.lex.cue("reporting_verbs"):
            return None
        right = [c for c in root.children if c.i > root.i and c.dep_ != "punct"]
        if right and right[-1].dep_ in ("obj", "nsubj") and right[-1].pos_ in ("NOUN", "PROPN"):
            return None  # the inverted subject of an incise ends the sentence
        node, found = root, None
        for _ in range(6):
            earlier = [c for c in node.children if c.dep_ in ("advcl", "conj") and c.i < node.i
                       and c.pos_ in ("VERB", "AUX") and not any(m.dep_ == "mark" for m in c.children)]
            if not earlier:
                break
            node = earlier[0]
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubj:pass")
                         and c.lower_ not in ("lui", "leur", "se", "en", "y")), None)
            if subj is not None:
                found = subj
        return found

    def _recipient(self, trig: Trigger, context, skip=None) -> tuple[Entity, ...]:
        tok = trig.token
        places = [tok] + ([trig.obj] if trig.obj is not None else [])
        # one level deeper: "deux tonnes de vivres à la Croix-Rouge", "arrivé lundi à Dakar", "des drones
        # armés aux rebelles"
        places += [c for h in list(places) for c in h.children
                   if (c.dep_ in ("nmod", "obl:mod", "obl") and self._case_of(c) in (None, "de")
                       and c.pos_ in ("NOUN", "PROPN"))
                   or (trig.obj is not None and h.i == trig.obj.i and c.dep_ == "acl" and c.pos_ == "VERB")]
        if "obj" in trig.frame.recipient and not trig.is_noun and tok.pos_ not in ("VERB", "AUX") \
                and tok.dep_ == "nmod" and tok.head.pos_ == "NOUN":  # "qu'ils boycotteraient tout contact avec
            found = context.resolve(tok.head) or self._place_recipient(tok.head, context)  # X": a verb taken
            if found:                                                                    # for a noun's modifier
                return found
        # "a critiqué jeudi la France": the parser hangs the object on the time word before it
        displaced = [g for c in tok.children if c.dep_ in ("obl:mod", "obj", "nmod")
                     and c.lemma_.lower() in self.lex.cue("time_nouns")
                     for g in c.children if g.dep_ in ("nmod", "obj") and g.pos_ in ("NOUN", "PROPN")
                     and g.i > c.i and self._case_of(g) is None
                     and not (trig.obj is not None and g.i == trig.obj.i)]
        for slot in trig.frame.recipient:
            if slot == "obj" and not any(c.dep_ == "obj" and c.lemma_.lower() not in self.lex.cue("time_nouns")
                                         for c in tok.children):
                for g in displaced:
                    found = context.resolve(g)
                    if found:
                        return found
            for holder in places:
                for c in holder.children:
                    if (skip is not None and c.i == skip.i) or (
                            trig.obj is not None and c.i == trig.obj.i and slot != "obj"
                            and not self._misparsed_object(trig, c, slot)):
                        continue
                    if slot == "obj" and c.dep_ == "obj":
                        found = context.resolve(c)
                    elif slot == "iobj" and (c.dep_ == "iobj" or (c.dep_ == "obl:arg" and c.pos_ == "PRON")):
                        found = context.resolve(c)
                    elif c.dep_ in OBLIQUE_DEPS and c.dep_ not in ("obj",) and self._case_of(c) == slot:
                        found = context.resolve(c)
                    else:
                        continue
                    if found:
                        return found
                    if c.pos_ in ("NOUN", "PROPN"):
                        found = self._place_recipient(c, context)
                        if found:
                            return found
        return ()

    def _misparsed_object(self, trig: Trigger, tok, slot: str) -> bool:
        """The pattern object matched only through a noun the parser hung under a recipient phrase ("a partagé
        avec le Canada des documents": "documents" under "Canada"): the phrase itself, with the
        frame's recipient preposition, is the recipient."""
        return self._case_of(tok) == slot and tok.lemma_.lower() not in trig.frame.objects \
            and tok.lower_ not in trig.frame.objects

    def _localised(self, entities, trig: Trigger, sent, context, offset) -> tuple[Entity, ...]:
        """Recipients named by a bare sector word ("23 personnes", "des manifestants") have no country of
        their own: the resolver gives them the article's main country (and records the guess in
        ``context.guessed``). When the event has a place ("à Tel-Aviv", "arrêtés en Russie": on the trigger, on
        its argument or on a verb of its adjunct clauses, not inside another phrase), the people hit there are
        that country's: the place's country replaces the guess. Other entities are kept as they are."""
        if not entities:
            return entities
        doc = sent.doc
        place = self._location(trig, offset)
        country = place.country if place is not None else None
        if not country:  # "ont tué dix personnes en se faisant exploser à Mogadiscio": a place of its adjunct clause
            for ent in sent.ents:
                node = ent.root.head
                if node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("obj", "nsubj", "nsubj:pass"):
                    node = node.head  # "ont tué douze personnes à Islamabad"
                while node.i != trig.token.i and node.pos_ in ("VERB", "AUX") and node.dep_ in ("advcl", "xcomp"):
                    node = node.head
                found = self.places.resolve(ent.text) if ent.label_ in ("LOC", "GPE") \
                    and node.i == trig.token.i and self._case_of(ent.root) in PLACE_CASES else None
                if found is not None and found.country:
                    country = found.country
                    break
        guessed = getattr(context, "guessed", ())  # spans the resolver gave the article's main country
        if not country:
            return entities
        return tuple(replace(e, code=country) if e.span in guessed and e.entity_text and e.code != country else e
                     for e in entities)

    @staticmethod
    def _enumerated(entities, sent, context, offset) -> tuple[Entity, ...]:
        """Complete a list of named actors the parser cut short: after the last named entity of ``entities``,
        further named actors of the same kinds (countries, capitals, organisations...) that follow it in an
        enumeration ("au Chili, au Pérou, à la Bolivie et, sous réserve, à Cuba": commas, "et"/"ou", a
        repeated preposition, determiners, one short aside between commas) are members too. A member that is
        the subject of a verb starts a new clause and ends the list. Returns ``entities`` plus the members
        found, one Entity each (article offsets, like the others)."""
        named = [e for e in entities if e.entity_text]
        if not named:
            return entities
        doc = sent.doc
        by_start = {m.start: m for m in context.mentions_in(doc, sent.start, sent.end)}
        inside = [m for m in by_start.values() if m.kind in ("country", "capital", "igo", "group", "org")
                  and any(e.span[0] <= m.char_start and m.char_end <= e.span[1] for e in named)]
        if not inside:
            return entities
        kinds = {m.kind for m in inside}
        # from the first member: the parser may have folded later ones into its phrase ("la Malaisie, le Laos")
        first = min(inside, key=lambda m: m.start)
        codes = {e.code for e in entities}
        out = list(entities)
        tok = doc[first.end - 1]
        i, aside = tok.i + 1, False
        while i < sent.end:
            t = doc[i]
            m = by_start.get(i)
            if m is not None and m.kind in kinds and i > tok.i + 1:
                if doc[m.start:m.end].root.dep_ in SUBJECT_DEPS or (
                        m.end < sent.end and doc[m.end].pos_ in ("VERB", "AUX")):
                    break  # "..., Moscou étant accusé": the subject of a new clause
                if m.code not in codes:
                    out.append(Entity(m.code, m.sector, doc[m.start:m.end].text, (m.char_start, m.char_end),
                                      m.name))
                    codes.add(m.code)
                i, aside = m.end, False
                continue
            if t.text == "," and not aside and i + 1 < sent.end and by_start.get(i + 1) is None:
                close = next((j for j in range(i + 2, min(i + 6, sent.end)) if doc[j].text == ","), None)
                if close is not None and not any(doc[j].pos_ in ("VERB", "AUX") or j in by_start
                                                 for j in range(i + 1, close)) \
                        and doc[i - 1].lower_ in ("et", "ou"):
                    i, aside = close + 1, True  # "et, sous conditions, à Cuba"
                    continue
            if t.text == "," or t.lower_ in ("et", "ou", "à", "au", "aux") or t.pos_ == "DET":
                i += 1
                continue
            break
        return tuple(out)

    @staticmethod
    def _context_recipient(mentions, actors, event_start: int) -> tuple[Entity, ...]:
        """When the sentence names no recipient, the other party the story is about: the nearest actor
        mentioned before the event words (``event_start``, an article offset) whose country is not the actor's
        ("Il l'accuse", or an elided recipient). ``mentions`` are the article's mentions so far, in order. Such an
        inferred recipient has no evidence words: its ``entity_text`` is "" and its span the empty span at
        ``event_start``."""
        codes = {a.code for a in actors}
        for m in reversed(mentions):
            if m.char_start >= event_start or m.code in codes or m.code == "---":
                continue
            if m.kind in ("country", "capital", "person", "igo", "group", "demonym"):
                return (Entity(m.code, "" if m.kind == "demonym" else m.sector, "", (event_start, event_start),
                               m.name),)
        return ()

    def _war_place(self, m, sent, offset) -> bool:
        """True when the mention ``m`` (of the sentence ``sent``) is the place of a conflict noun ("n'a pas
        critiqué la guerre au Yémen et vend des armes"): where that conflict is, not a party to the
        other events of the sentence, so no candidate for an elided recipient."""
        if not (sent.start_char + offset <= m.char_start < sent.end_char + offset):
            return False
        tok = sent.doc[m.start:m.end].root
        if self._case_of(tok) not in ("en", "au", "aux", "à", "dans"):
            return False
        # the noun it hangs on, or the noun right before it when the parser hung it on the verb
        before = sent.doc[tok.left_edge.i - 1] if tok.left_edge.i > sent.start else None
        nouns = [tok.head] if tok.dep_ == "nmod" else []
        nouns += [before] if before is not None and before.pos_ == "NOUN" else []
        for noun in nouns:
            if noun.lemma_.lower() in self.lex.cue("conflict_nouns"):  # "la guerre en Ukraine": no event noun
                return True
            frames = self.lex.nouns.get(noun.lemma_.lower(), ())
            if frames and all(self._is_conflict(f.cameo) for f in frames):
                return True
        return False

    def _protesters_of(self, trig: Trigger, by_token, context, actors) -> tuple[Entity, ...]:
        """When the pattern object of an act is a protest ("a empêché / interdit / dispersé la manifestation
        de X", "la marche organisée par X"), the act's recipient is the protest's actor: the protest noun's
        own actor, or that of a verb of which it is the object ("organisée par X")."""
        own = {(a.code, a.sector) for a in actors}
        for other in by_token.values():
            if other.token.i == trig.token.i or other.frame.cameo[:2] != "14":
                continue
            if other.token.i == trig.obj.i or (other.obj is not None and other.obj.i == trig.obj.i):
                found = tuple(a for a in self._participants(other, context)[0] if (a.code, a.sector) not in own)
                if found:
                    return found
        return ()

    def _threatened_place(self, trig: Trigger, inner, actors, offset) -> tuple[Entity, ...]:
        """The country where a threatened act would take place, as the threat's recipient: the place of the
        threat's pattern object ("une opération terrestre en Syrie") or of an act it absorbs; () when there is
        none or it is the actor's own country."""
        acts = ([Trigger(trig.obj, trig.frame, None, True)] if trig.obj is not None else []) + list(inner)
        codes = {a.code for a in actors}
        for act in acts:
            place = self._location(act, offset)
            if place is not None and place.country and place.country not in codes:
                return (Entity(place.country, "", place.text, place.span, None),)
        return ()

    def _que_clause_subject(self, tok, context, actors) -> tuple[Entity, ...]:
        """The named subject of a "que" clause completing a demand: the party asked to act ("exige que le
        Hamas renonce à ..."), before any participant of the events the clause names; () when the subject is a
        pronoun or names no actor other than the demander's country."""
        codes = {a.code for a in actors}
        for c in tok.children:
            if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in ("que", "qu'", "qu’") for m in c.children):
                subj = next((g for g in c.children if g.dep_ in SUBJECT_DEPS and g.pos_ != "PRON"), None)
                if subj is not None:
                    found = tuple(f for f in context.resolve(subj) if f.code not in codes)
                    if found:
                        return found
        return ()

    def _complement_recipient(self, tok, context, actors) -> tuple[Entity, ...]:
        """The recipient of a demand, threat or pledge named in its complement clause: the subject of a "que"
        clause ("a exigé que les Etats-Unis renoncent"), the subject of a "si" condition ("si Israël ne revenait
        pas"), or the object or oblique of an infinitive ("a menacé d'interdire le scrutin à Hébron")."""
        actor_codes = {a.code for a in actors}
        for clause in tok.subtree:  # "menace d'interrompre les négociations si les Etats-Unis ...": the condition's subject
            if clause.i != tok.i and any(m.dep_ == "mark" and m.lower_ == "si" for m in clause.children):
                subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
                found = tuple(f for f in (context.resolve(subj) if subj is not None else ())
                              if f.code not in actor_codes)
                if found:
                    return found
        for c in tok.children:
            if c.dep_ == "nmod" and tok.pos_ == "NOUN" and self._case_of(c) == "de":  # "la menace de sanctions
                for g in c.children:                                                  # contre la Chine"
                    if g.dep_ in ("nmod", "obl", "obl:arg") and self._case_of(g) in ("contre", "envers", "à", "en",
                                                                                     "sur"):
                        found = tuple(f for f in context.resolve(g) if f.code not in actor_codes)
                        if found:
                            return found
            if c.dep_ == "xcomp" and c.pos_ == "PROPN":  # "le Hamas menace Israël de représailles", mis-parsed
                found = tuple(f for f in context.resolve(c) if not self._same_party(f, actors))
                if found:
                    return found
            if c.dep_ in ("ccomp", "advcl", "xcomp", "acl") and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
                marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
                if c.dep_ == "advcl" and not marks & {"si", "que", "qu'", "qu’"}:
                    continue
                if c.dep_ == "acl" and not marks & {"de", "d'", "d’"}:  # "la menace de couper X"
                    continue
                order = [SUBJECT_DEPS] if c.dep_ not in ("xcomp", "acl") else [("obj", "iobj"),
                                                                               ("obl", "obl:arg", "obl:mod")]
                for deps in order:
                    for g in c.children:
                        if g.dep_ in deps and g.pos_ != "PRON" or (g.dep_ in deps and c.dep_ == "ccomp"):
                            found = context.resolve(g) or (self._place_recipient(g, context)
                                                           if g.pos_ in ("NOUN", "PROPN") else ())
                            found = tuple(f for f in found if not self._same_party(f, actors))
                            if found:
                                return found
        return ()

    def _implied_actor(self, trig: Trigger, sent, context, offset, recipients=(), sector=None
                       ) -> tuple[Entity, ...]:
        """The actor of an agentless arrest or protest: the country where it happens (the place attached to
        the event, else a place named in the sentence, else the country of the people arrested when the text
        names it -- a state's police arrests its own people: "des centaines d'entre eux ont été arrêtés" --,
        else the article's main country) with the sector of :data:`IMPLIED_ACTOR_ROOTS` (police for arrests,
        173-174) or ``sector``. Inferred: no evidence words, an empty span."""
        root = trig.frame.cameo[:2]
        country = None
        place = self._location(trig, offset)
        if place is not None and place.country:
            country = place.country
        else:
            found = self._sentence_place(sent)
            if found is not None:
                country = found[1].country
        guessed = getattr(context, "guessed", ())
        if country is None:
            country = next((r.code for r in recipients if r.code not in ("---", "IGO") and r.span not in guessed),
                           None)
        if country is None:
            country = context.main_country()
        if country is None:
            return ()
        if sector is None:
            sector = "COP" if trig.frame.cameo[:3] in ("173", "174") else IMPLIED_ACTOR_ROOTS[root]
        at = trig.token.idx + offset
        return (Entity(country, sector, "", (at, at), None),)

    def _protesters_hit(self, trig: Trigger) -> bool:
        """True for an agentless passive killing or wounding (CAMEO 18x-19x) of protesters ("cinq manifestants
        auraient été tués", "des centaines de protestataires ont été blessés"): the annotation gives it to the
        police of the country where it happened (as for agentless arrests)."""
        tok = trig.token
        if trig.is_noun or trig.frame.cameo[:2] not in ("18", "19") or not self._passive(tok):
            return False
        protesters = self.lex.cue("protester_nouns")
        patient = next((c for c in tok.children if c.dep_ == "nsubj:pass"), None)
        if patient is None and tok.dep_ == "conj":
            patient = next((c for c in tok.head.children if c.dep_ == "nsubj:pass"), None)
        if patient is None:
            return False
        return patient.lemma_.lower() in protesters or any(
            c.dep_ == "nmod" and c.lemma_.lower() in protesters for c in patient.children)

    def _in_source_phrase(self, tok) -> bool:
        """``tok`` hangs on a reporting verb through its subject, object or an adjunct, not through the
        reported clause: it says where the source is ("ont indiqué des responsables à Nairobi"), not where the
        event happened."""
        prev, node = tok, tok.head
        for _ in range(8):
            if node.lemma_.lower() in self._reporting and node.pos_ == "VERB":
                return prev.dep_ not in ("ccomp", "parataxis", "xcomp", "conj", "advcl")
            if node.head.i == node.i:
                return False
            prev, node = node, node.head
        return False

    def _sentence_place(self, sent):
        """The first place named in the sentence as where something happens ("en Syrie", "à Kharkiv", "près
        d'Odessa", "dans le détroit de Taïwan"), with its offline resolution: (entity span, Location) or None."""
        for ent in sent.ents:
            if ent.label_ not in ("LOC", "GPE"):
                continue
            root = ent.root
            cases = {self._case_of(root), root.head.lower_} | {c.lower_ for c in root.children}
            if root.dep_ == "nmod" and root.head.pos_ == "NOUN":  # "dans le détroit de Taïwan"
                cases.add(self._case_of(root.head))
            if not cases & set(PLACE_CASES) and not cases & {"près", "autour", "proche"}:
                continue
            if self._in_source_phrase(root):  # "..., ont indiqué des sources diplomatiques au Pakistan"
                continue
            place = self.places.resolve(ent.text)
            if place is not None and place.country:
                return ent, place
        return None

    def _recipient_from_place(self, trig: Trigger, sent, context, actors, offset) -> tuple[Entity, ...]:
        """Recipient of a protest, deployment, strike or arrest the sentence gives no recipient for: for a
        protest by civilians of a known country, their government; else the country of a place named in the
        sentence ("en Russie", "près d'Odessa"); else, for protests and coercion, the article's main country."""
        root = trig.frame.cameo[:2]
        place = self._location(trig, offset)
        if root == "14" and place is not None and self._issue_place(trig, place.span[0] - offset):
            place = None  # "ont défilé contre la guerre au Sahel": the war's place, not the protest's
        if place is not None and place.country and not any(a.code == place.country and a.sector in ("GOV", "")
                                                           for a in actors):
            return (Entity(place.country, "", place.text, place.span, None),)
        if root == "14" and actors and actors[0].code not in ("---", "IGO"):
            at = trig.token.idx + offset  # protesters' own government, inferred: no evidence words
            return (Entity(actors[0].code, "GOV", "", (at, at), None),)
        found = self._sentence_place(sent)
        if found is not None:
            ent, place = found
            return (Entity(place.country, "", ent.text, (ent.start_char + offset, ent.end_char + offset), None),)
        if root in ("14", "17"):
            main = context.main_country()
            if main:
                return (Entity(main, "", "", (sent.start_char + offset, sent.start_char + offset), None),)
        return ()

    @staticmethod
    def _coagents(verb, agent) -> list:
        """Nouns the parser coordinated with the participle ``verb`` instead of with its agent ``agent`` ("un
        appel lancé par Ottawa et l'Union africaine": "Union" hangs on "lancé", or on the noun it
        describes, as a conjunct): the other members of the agent phrase, in order; ``[]`` when there are none."""
        return [c for h in (verb, verb.head) for c in h.children
                if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") and c.i > agent.i
                and any(g.dep_ == "cc" for g in c.children)
                and not any(g.dep_ in SUBJECT_DEPS or g.dep_ == "case" for g in c.children)]

    def _issue_place(self, trig: Trigger, start: int) -> bool:
        """True when the place starting at character ``start`` (in the Doc) comes right after the "contre"
        complement of ``trig`` ("manifestent contre la guerre en Ukraine"): the parser hangs it on the verb,
        but it belongs to the issue protested against, not to where the protest happened."""
        for c in trig.token.children:
            if c.dep_ in OBLIQUE_DEPS and self._case_of(c) == "contre" and c.pos_ == "NOUN" \
                    and c.right_edge.i + 2 < len(c.doc) and c.doc[c.right_edge.i + 2].idx == start \
                    and c.doc[c.right_edge.i + 1].lower_ in ("en", "au", "aux", "à", "dans"):
                return True
        return False

    @staticmethod
    def _place_recipient(tok, context) -> tuple[Entity, ...]:
        """When a recipient phrase names no actor itself, its owner or place: the actor of its "de"
        complement or demonym ("l'appel du président Gbagbo", "une proposition indienne"), else the first
        country, capital or demonym inside it ("un dépôt de carburant en Russie", "le territoire russe")."""
        agent = next((c for c in tok.children if c.dep_ == "nmod" and EventCoder._case_of(c) == "par"), None)
        if agent is None and tok.dep_ == "obj" and not any(c.dep_ == "aux:pass" for c in tok.head.children):
            # an active verb has no agent: a "par" phrase right after its object is the object's
            agent = next((c for c in tok.head.children if c.dep_ in ("obl", "obl:mod", "obl:agent")
                          and EventCoder._case_of(c) == "par" and c.left_edge.i == tok.right_edge.i + 1), None)
        owner = context.resolve(agent) if agent is not None else ()  # "dénonce le rejet par l'OTAN de ...":
        if owner:                                                         # the act's author
            return owner
        owner = context.modifier_actors(tok)
        if owner:
            return owner
        skip = {t.i for c in tok.children if c.dep_ in ("acl:relcl", "acl") for t in c.subtree}
        left, right = tok.left_edge.i, tok.right_edge.i + 1
        for m in context.mentions_in(tok.doc, left, right):
            if m.kind in ("country", "capital", "demonym") and m.start not in skip:
                return (Entity(m.code, "", tok.doc[m.start:m.end].text, (m.char_start, m.char_end), m.name),)
        return ()

    def _noun_participants(self, trig: Trigger, context):
        tok, frame = trig.token, trig.frame
        actors: tuple[Entity, ...] = ()
        recipients: tuple[Entity, ...] = ()
        # a bare noun in a light-verb phrase ("ont fait don de fournitures", "porter plainte"): its "de"
        # complement is what is given or done, the verb's subject is the actor
        light = tok.dep_ == "obj" and tok.head.pos_ in ("VERB", "AUX") \
            and tok.head.lemma_.lower() in self.lex.support_verbs and not any(c.dep_ == "det" for c in tok.children)
        for c in tok.children:
            case = self._case_of(c)
            if c.dep_ == "nmod" and case == "de" and frame.de and not (light and frame.de == "actor"):
                found = context.resolve(c)
                if frame.de == "actor" and not actors:
                    actors = found
                elif frame.de == "recipient" and not recipients:
                    recipients = found
            elif c.dep_ == "nmod" and case == "par" and not actors:
                actors = context.resolve(c)
        # modifiers may hang on the quantity noun ("série de frappes russes sur Kharkiv") or on an adjectival
        # participle ("dialogue difficile entre l'Inde et le Pakistan")
        quantity = tok.head if tok.dep_ == "nmod" and tok.head.lemma_.lower() in self.lex.cue("quantity_nouns") \
            else None
        holders = [tok] + ([quantity] if quantity is not None else []) + [
            c for c in tok.children if c.dep_ == "acl" and c.pos_ in ("VERB", "ADJ")
            and not any(m.dep_ == "mark" for m in c.children)]  # not the clause of "sa demande qu'Israël ..."
        occasion = self._occasion_noun(tok)
        if occasion is not None:  # "à l'issue d'un entretien avec X": the parser may hang "avec X" on "issue"
            holders.append(occasion)
        if not actors and not (light and frame.de == "actor"):
            actors = tuple(replace(a, sector="MIL") if not a.sector and frame.cameo[:2] in ("19", "20") else a
                           for a in context.modifier_actors(tok)) or (
                tuple(replace(e, sector="MIL") if not e.sector and frame.cameo[:2] in ("19", "20") else e
                      for c in quantity.children if c.dep_ == "amod" for e in context.resolve(c))
                if quantity is not None else ())
            if frame.de == "recipient":  # "l'invasion de l'Ukraine": the "de" complement is the recipient
                de_spans = {e.span for c in tok.children if c.dep_ == "nmod" and self._case_of(c) == "de"
                            for e in context.resolve(c)}
                actors = tuple(a for a in actors if a.span not in de_spans)
            # "sa demande de retrait des troupes françaises": an event in the "de" complement is the content,
            # its participants are not the author
            content = [c for c in tok.children if c.dep_ == "nmod" and self._case_of(c) == "de"
                       and c.pos_ == "NOUN" and c.lemma_.lower() in self.lex.nouns]
            if content:
                inside = [e.span for c in content for e in context.resolve(c)]
                actors = tuple(a for a in actors if not any(s <= a.span[0] < e for s, e in inside))
        if not recipients:
            for slot in frame.recipient:
                for c in (c for h in holders for c in h.children if c.i != tok.i):
                    if c.dep_ in ("nmod", "obl", "obl:arg", "obl:mod", "acl") and self._case_of(c) == slot \
                            and (slot != "de" or frame.de != "actor"):
                        recipients = context.resolve(c)
                        if recipients:
                            break
                if recipients:
                    break
        if not recipients and tok.i + 1 < len(tok.doc):  # "un entretien avec le président sénégalais Macky
            prep = tok.doc[tok.i + 1]  # Sall": the parser may hang the phrase after the noun elsewhere
            if prep.dep_ == "case" and prep.lower_ in frame.recipient and prep.head.i > prep.i \
                    and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.head.i != tok.i:
                recipients = context.resolve(prep.head)
        if not actors:  # "un appel au calme lancé par Bruxelles"
            nearby = list(tok.children) + [g for c in tok.children if c.dep_ == "nmod" for g in c.children]
            for acl in (c for c in nearby if c.dep_ == "acl" and c.pos_ == "VERB"):
                agent = next((g for g in acl.children if g.dep_ == "obl:agent" or self._case_of(g) == "par"), None)
                if agent is not None:
                    actors = context.resolve(agent) + tuple(
                        e for g in self._coagents(acl, agent) for e in context.resolve(g))
                    break
        if frame.reciprocal and not actors and len(recipients) >= 2:  # "rencontre entre Macron et Scholz"
            return recipients, ()
        anchor = tok  # "une série de raids", "des dizaines de frappes": the quantity noun holds the position
        while anchor.dep_ == "nmod" and anchor.head.pos_ == "NOUN" and \
                anchor.head.lemma_.lower() in self.lex.cue("quantity_nouns"):
            anchor = anchor.head
        if occasion is not None and anchor.i == tok.i and (recipients or any(
                c.dep_ == "det" and c.morph.get("Definite") == ["Ind"] for c in tok.children)):
            # "au cours d'une conversation avec Y, X a ...": as "lors de"; not "au cours de la réunion", the
            # meeting told before
            anchor = occasion
        if not actors and anchor.dep_ in ("obl", "obl:mod") and (anchor is occasion or self._case_of(anchor) in
                                                                 self.lex.cue("participation_preps")):
            # "lors de sa visite, X a ...": X took part
            subject = next((c for c in anchor.head.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None:
                actors = self._resolve_subject(subject, context)
        if not actors:
            tok_dep, head = anchor.dep_, anchor.head
            idiom = tok_dep != "obj" and any(c.dep_ == "obj" and c.pos_ == "NOUN" for c in head.children)
            if tok_dep in ("obj", "obl:arg", "obl", "obl:mod", "nsubj:pass") and head.pos_ in ("VERB", "AUX") \
                    and not idiom \
                    and (head.lemma_.lower() in self.lex.support_verbs or tok_dep in ("nsubj:pass", "obj")):
                # not through a verb with its own object noun: "faire face à la menace" is no threat by the subject
                if tok_dep == "nsubj:pass":  # "sanctions imposées par Tokyo"
                    agent = next((c for c in head.children if self._case_of(c) == "par"), None)
                    actors = context.resolve(agent) if agent is not None else ()
                else:
                    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None) \
                        or self._inherited_subject(head)
                    if subject is not None:
                        actors = self._resolve_subject(subject, context)
                if not recipients and frame.recipient:
                    for c in head.children:
                        if c.i == anchor.i:
                            continue
                        if (c.dep_ in ("obl", "obl:arg", "obl:mod") and self._case_of(c) in frame.recipient) or \
                                ("iobj" in frame.recipient and c.dep_ == "iobj"):
                            recipients = context.resolve(c)
                            if recipients:
                                break
        if not actors and anchor.dep_ not in ("nmod", "obl", "obl:mod"):
            # "sa visite" as subject or object: the possessor; not in a modifier ("l'invitation lors de son
            # sommet"), where it refers back to some earlier occasion, not to a reported event
            poss = next((c for c in tok.children if c.dep_ == "det" and c.morph.get("Poss") == ["Yes"]), None)
            if poss is not None:
                actors = context.resolve(poss)
        exchanged = self._exchange_verb(tok)
        if exchanged is not None:  # "a fourni des missiles en échange d'une assistance de Moscou": to the supplier
            subject = next((c for c in exchanged.children if c.dep_ in SUBJECT_DEPS), None) \
                or self._inherited_subject(exchanged)
            if subject is not None:
                recipients = tuple(e for e in self._resolve_subject(subject, context)
                                   if e.span not in {a.span for a in actors})
        if tok.dep_ == "obj" and tok.head.pos_ in ("VERB", "AUX"):
            actors, recipients = self._announced_own(tok, context, actors, recipients)
        if frame.needs_specific and not self._specific(tok, actors, context):
            return (), ()
        return actors, recipients

    def _announced_own(self, tok, context, actors, recipients):
        """An event noun that is the object of a verb ("le Canada annonce l'envoi de 500
        soldats en appui à la Lettonie"): troops with no country of their own in the noun's phrase (the
        resolver's main-country guess) are the subject's; a beneficiary named by "en soutien de / en appui à X"
        on the verb is the recipient. Returns the (actors, recipients) pair, changed or not."""
        guessed = getattr(context, "guessed", ())
        verb = tok.head
        if actors and all(a.span in guessed for a in actors):
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            owners = self._resolve_subject(subject, context) if subject is not None else ()
            if owners and owners[0].code not in ("---", "IGO") and owners[0].span not in guessed:
                actors = tuple(replace(a, code=owners[0].code) for a in actors)
        if not recipients:
            for c in verb.children:
                if c.dep_ in ("obl", "obl:mod") and c.lemma_.lower() in self.lex.cue("support_nouns") \
                        and self._case_of(c) in ("en", "à", "au"):
                    found = next((context.resolve(g) for g in c.children if g.dep_ == "nmod"
                                  and self._case_of(g) in ("de", "à", "au", "aux", "du", "des")
                                  and context.resolve(g)), ())
                    if found:
                        recipients = found
                        break
        return actors, recipients

    def _occasion_noun(self, tok):
        """The occasion noun of "à l'issue de", "au cours de", "à l'occasion de" + the event noun ``tok`` (those
        nouns are in the cue list ``participation_preps``), when it is an adjunct of a verb: the event noun then
        involves that verb's subject, as after "lors de" ("à l'issue d'un entretien avec Y, X a déclaré"). None
        otherwise."""
        head = tok.head
        if tok.dep_ != "nmod" or self._case_of(tok) != "de" or head.pos_ != "NOUN" \
                or head.lemma_.lower() not in self.lex.cue("participation_preps") \
                or head.dep_ not in ("obl", "obl:mod") or self._case_of(head) not in ("à", "au"):
            return None
        return head

    def _exchange_verb(self, tok):
        """The verb of "X a fait A en échange de B" for the event noun B (a counterpart: B goes to X), or None.

        The phrase nouns are the ``exchange_nouns`` cue ("en échange de", "en contrepartie de", "en retour de")."""
        holder = tok.head
        if tok.dep_ != "nmod" or self._case_of(tok) != "de" or holder.lemma_.lower() not in \
                self.lex.cue("exchange_nouns") or self._case_of(holder) != "en":
            return None
        head = holder.head
        if head.pos_ in ("VERB", "AUX"):
            return head
        sent = tok.sent
        if head.i == sent.root.i and sent.start > 0 and sent.text[:1].islower():
            # a verbless fragment cut from the sentence before ("... aurait fourni des armes. missiles, en
            # échange de ..."): the deal is that sentence's last verb
            before = tok.doc[sent.start - 1].sent
            return next((t for t in reversed(before) if t.pos_ == "VERB"), None)
        return None

    @staticmethod
    def _specific(tok, actors, context) -> bool:
        """A specific incident, not a generic mention ("l'invasion russe" as the war's background): the noun
        has a named actor (not only a demonym), a participle with its own agent or date ("lancée jeudi"), or is
        the object of a verb ("a lancé son invasion"). ANNOTATION.md: generic mentions are not events."""
        demonyms = {e.span for c in tok.children if c.dep_ == "amod" for e in context.resolve(c)}
        if any(a.span not in demonyms for a in actors):
            return True
        if any(c.dep_ == "acl" and c.pos_ in ("VERB", "AUX") for c in tok.children):
            return True
        return tok.dep_ in ("obj",) and tok.head.pos_ in ("VERB", "AUX")

    @staticmethod
    def _inferred_counterpart(actors, recipients, visit: bool = False):
        """A recipient the text does not name (inferred: ``entity_text`` "") of a government's promise, demand,
        support, aid, condemnation or sanction (or an intergovernmental organisation's) is the other country's
        government: "Paris a dénoncé une arrestation" (in Iran) -> IRN GOV, as the dev gold codes such
        counterparts. With ``visit`` (CAMEO 036, 042), the host country of a government's visit is its government
        too, named or not ("le président turc en RDC" -> COD GOV)."""
        if not any(a.sector == "GOV" or a.code == "IGO" for a in actors):  # governments and their organisations
            return recipients
        return tuple(replace(r, sector="GOV") if (visit or not r.entity_text) and not r.sector
                     and r.code not in ("---", "IGO") else r for r in recipients)

    @staticmethod
    def _as_government(entities):
        return tuple(replace(e, sector="GOV") if e.sector == "" and e.code not in ("---", "IGO") else e
                     for e in entities)

    @staticmethod
    def _pairs(actors, recipients, reciprocal):
        """One (actor, recipient) pair of 1-tuples per member; both ways when reciprocal."""
        pairs = []
        if reciprocal and not recipients and len(actors) >= 2:
            for a in actors:
                for b in actors:
                    if a is not b and (a.code, a.sector) != (b.code, b.sector):
                        pairs.append(((a,), (b,)))
            return pairs
        for a in actors or [None]:
            for r in recipients or [None]:
                pairs.append(((a,) if a else (), (r,) if r else ()))
                if reciprocal and a and r:
                    pairs.append(((r,), (a,)))
        return pairs

    # -- modality ---------------------------------------------------------------------------------------------

    def _modality(self, trig: Trigger, sent) -> str:
        tok = trig.token
        cues = self.lex.cue
        chain = [tok]
        node = tok
        for _ in range(4):  # the trigger and the verbs/nouns governing it in its clause chain
            if node.head.i == node.i or node.dep_ in ("conj", "parataxis", "root", "ROOT"):
                break
            if node.dep_ in ("ccomp",) and node.head.lemma_.lower() in self._reporting:
                break
            if node.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ in ("pour", "afin")
                                                for c in node.children):
                break  # an adjunct clause keeps its own modality
            if node.dep_ == "obl:mod" or (node.dep_ in ("obl", "nmod") and self._case_of(node) in
                                          self.lex.cue("background_preps")):
                break  # "ont tenté de rassurer Moscou après l'attaque": the attack happened
            node = node.head
            chain.append(node)
        verb = tok if not trig.is_noun else (  # a noun takes its verb's tense and negation only as its object
            tok.head if tok.head.pos_ in ("VERB", "AUX") and tok.dep_ in ("obj", "nsubj:pass", "obl:arg", "nsubj")
            and not self._subject_of_other_act(tok) else tok)

        for n in chain:  # a condition ("si le Maroc ne présentait pas d'excuses") is hypothetical first
            if any(c.dep_ == "mark" and c.lower_ in cues("hypothetical_marks") for c in n.children):
                return "hypothetical"
        # negation on the trigger (or its verb): "n'a pas rencontré", "aucune visite"
        for n in {tok, verb}:
            has_ne = any(c.lower_ in ("ne", "n'", "n’") for c in n.children)
            # "pas"/"jamais" negate alone in headlines ("pas de visite"); "plus", "guère", "point" only with
            # "ne" ("bien plus ont été tués" is a comparison)
            if has_ne or any(c.lower_ in cues("negation_words") and c.dep_ == "advmod"
                             and c.lower_ in ("pas", "jamais") for c in n.children):
                return "negated"
        if trig.is_noun and any(c.lower_ in cues("negation_determiners") for c in tok.children):
            return "negated"
        # hypothetical: a "si" condition, a question, a modal of possibility, "imminent"
        for n in chain:
            if any(c.dep_ == "mark" and c.lower_ in cues("hypothetical_marks") for c in n.children):
                return "hypothetical"
        for n in chain[1:]:
            if n.lemma_.lower() in cues("hypothetical_verbs") and n.pos_ in ("VERB", "AUX"):
                return "hypothetical"
            if n.lemma_.lower() in cues("hypothetical_nouns") and n.pos_ == "NOUN":
                return "hypothetical"  # "la menace d'une offensive", "le risque d'une attaque"
            if n.lemma_.lower() == "cas" and n.pos_ == "NOUN" and self._case_of(n) == "en":
                return "hypothetical"  # "en cas d'attaque russe": a condition ("un cas de torture" is not)
        if any(c.dep_ == "amod" and c.lemma_.lower() in cues("hypothetical_words") for c in tok.children):
            return "hypothetical"
        if sent.text.rstrip().endswith("?"):
            return "hypothetical"
        # intended: future, intent verbs and nouns governing the trigger, "aller" + infinitive
        for n in chain[1:]:
            lemma = n.lemma_.lower()
            if lemma in self._intent_nouns and n.pos_ == "NOUN":
                return "intended"
            if lemma in cues("intent_adjectives") and n.pos_ == "ADJ":
                return "intended"
            if lemma in self._intent_verbs and n.pos_ in ("VERB", "AUX") and lemma not in ("devoir",):
                return "intended"
            if lemma == "devoir" and n.pos_ in ("VERB", "AUX"):
                return "intended"
        if any(c.lemma_.lower() in ("aller", "devoir") and c.dep_.startswith("aux") for c in verb.children):
            return "intended"
        if verb.morph.get("Tense") == ["Fut"] or any(c.morph.get("Tense") == ["Fut"] and c.dep_.startswith("aux")
                                                     for c in verb.children):
            return "intended"
        # alleged: conditional mood, allegation verbs above, "présumé", unnamed sources
        if self._conditional(verb):
            if any(self._conditional(n) and n.lemma_.lower() in cues("hypothetical_verbs") for n in chain):
                return "hypothetical"
            return "alleged"
        for n in chain[1:]:
            if n.lemma_.lower() in cues("allegation_verbs") and n.pos_ in ("VERB", "AUX"):
                return "alleged"
        if any(c.lower_ in cues("allegation_words") for c in tok.children):
            return "alleged"
        return "asserted"

    @staticmethod
    def _subject_of_other_act(tok) -> bool:
        """An event noun that is the subject of a verb with its own object ("les manœuvres n'ont pas changé le
        rapport de force"): the verb says what the event did, so its tense and negation are not the event's
        ("la rencontre n'a pas eu lieu" keeps them: "lieu" is part of the verb)."""
        return tok.dep_ == "nsubj" and any(c.dep_ == "obj" and c.lemma_.lower() != "lieu" for c in tok.head.children)

    @staticmethod
    def _future(tok) -> bool:
        """Future tense, or "aller"/"devoir" + infinitive ("se rendra", "va se rendre")."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        if verb.morph.get("Tense") == ["Fut"]:
            return True
        return any(c.dep_.startswith("aux") and (c.morph.get("Tense") == ["Fut"] or c.lemma_ in ("aller", "devoir"))
                   for c in verb.children) or (verb.dep_ == "xcomp" and verb.head.lemma_ in ("aller", "devoir"))

    def _conditional(self, verb) -> bool:
        """Conditional mood on the verb or its auxiliary ("aurait fourni", "retirerait"); the tagger's mood,
        or the form: infinitive stem + -ait/-aient (the tagger often reads "retirerait" as an imperfect)."""
        def form(tok) -> bool:
            if tok.morph.get("Mood") == ["Cnd"]:
                return True
            low = tok.lower_
            lemma = self.lex.verb_lemma(low) or tok.lemma_.lower()
            stem = lemma[:-1] if lemma.endswith("re") else lemma
            return len(stem) > 2 and low.startswith(stem) and low[len(stem):] in ("ait", "aient", "ais")
        return form(verb) or any(c.dep_.startswith("aux") and form(c) for c in verb.children)

    # -- attribution, date, place, span ------------------------------------------------------------------------

    def _sentence_attribution(self, context, sent, offset) -> Attribution | None:
        """"selon X" / "d'après X" anywhere in the sentence, or "comme l'a rapporté X"."""
        preps = self.lex.cue("attribution_preps")
        for tok in sent:
            if tok.dep_ == "case" and (tok.lower_ in preps or (  # "d'après" is "d'" + fixed "après"
                    tok.lower_ in ("d'", "d’") and any(c.lower_ == "après" and c.dep_ == "fixed"
                                                       for c in tok.children))):
                return self._attribution_from(tok.head, context, offset)
        for tok in sent:
            if tok.lemma_.lower() not in self._reporting or tok.pos_ != "VERB":
                continue
            incise = tok.dep_ == "parataxis"  # "X a fait Y, a indiqué l'agence Reuters"
            if incise or any(c.lower_ == "comme" and c.dep_ == "mark" for c in tok.children):
                deps = SUBJECT_DEPS + ("obj",)  # the inverted subject ("comme l'a rapporté KCNA") is often tagged obj
                subj = next((c for c in tok.children if c.dep_ in deps and c.pos_ != "PRON"), None)
                if subj is not None:
                    return self._attribution_from(subj, context, offset)
        return None

    def _event_attribution(self, trig: Trigger, context, offset) -> Attribution | None:
        """The subject of a reporting verb whose complement clause holds the trigger."""
        node = trig.token
        for _ in range(6):
            if node.head.i == node.i:
                return None
            dep = node.dep_
            node = node.head
            if dep in ("ccomp", "parataxis") and node.lemma_.lower() in self._reporting:
                subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
                if subj is not None and subj.pos_ != "PRON":
                    return self._attribution_from(subj, context, offset)
                return None
        return None

    def _attribution_from(self, head, context, offset) -> Attribution:
        """The source phrase headed by ``head``, without clauses attached to it (", accompagnée de ..."), and
        its resolved actor."""
        clauses = {t.i for c in head.children if c.dep_ in ("acl", "acl:relcl", "advcl", "parataxis")
                   for t in c.subtree}
        kept = [t.i for t in head.subtree if t.i not in clauses]
        left, right = min(kept), max(i for i in kept if i <= head.i or all(j in kept for j in range(head.i, i)))
        toks = list(head.doc[left:right + 1])
        while len(toks) > 1 and toks[0].dep_ in ("case", "punct", "mark", "cc"):
            toks = toks[1:]
        while len(toks) > 1 and toks[-1].dep_ in ("punct", "cc"):
            toks = toks[:-1]
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        entities = context.resolve(head)
        code, sector = (entities[0].code, entities[0].sector) if entities else ("---", "")
        return Attribution(text=head.doc.text[start:end], span=(start + offset, end + offset), code=code,
                           sector=sector)

    def _date(self, trig: Trigger, sent, offset, expressions, published) -> EventDate:
        """The temporal expression nearest the event words in its sentence, else the publication date
        (measured on the dev gold: 85.7% right, against 76.5% for the publication date alone)."""
        usable = [e for e in expressions if not e.text.lower().startswith("depuis")
                  or self._attached(e, trig.token, offset)]  # "détenus depuis le 12 février": not the request
        if usable:
            span = self._event_span(trig)
            target = (span[0] + offset, span[1] + offset)
            expr = min(usable, key=lambda e: (max(0, e.span[0] - target[1], target[0] - e.span[1]), e.span))
            return EventDate(expr.value, expr.text, expr.span, expr.precision)
        if published:
            return EventDate(published, None, None, "publication")
        return EventDate(None, None, None, "unresolved")

    @staticmethod
    def _attached(expr, tok, offset) -> bool:
        """Whether a temporal expression's words hang on the trigger itself (not on another word of the
        sentence)."""
        return any(expr.span[0] <= c.idx + offset < expr.span[1] for c in tok.children)

    def _location(self, trig: Trigger, offset) -> Location | None:
        """Where the event happened: a place complement ("à Kharkiv", "en Russie", "dans le Donbass") of the
        trigger (or of the verb an event noun is the object of), resolved offline; None when there is none."""
        tok = trig.token
        holders = [tok] + ([tok.head] if trig.is_noun and tok.head.pos_ in ("VERB", "AUX") else [])
        for holder in holders:
            for c in holder.children:
                if c.dep_ in ("obl", "obl:mod", "obl:arg", "nmod") and self._case_of(c) in ("à", "en", "dans") \
                        and c.ent_type_ in ("LOC", "GPE"):
                    ent = next((e for e in c.doc.ents if e.start <= c.i < e.end), None)
                    if ent is None:
                        continue
                    found = self.places.resolve(ent.text)
                    if found is not None:
                        return replace(found, text=ent.text, span=(ent.start_char + offset, ent.end_char + offset))
        return None

    @staticmethod
    def _event_span(trig: Trigger) -> tuple[int, int]:
        """Character span (in the Doc) of the event words: auxiliaries and negation before the trigger, the
        trigger, and the pattern object's phrase when there is one."""
        tok = trig.token
        toks = [tok] + [c for c in tok.children if c.dep_.startswith("aux") or c.dep_.startswith("expl")
                        or c.lower_ in ("ne", "n'", "n’", "pas")]
        if trig.obj is not None:
            toks += [t for t in trig.obj.subtree if t.dep_ not in ("acl", "acl:relcl", "punct")
                     and t.i <= trig.obj.i + 3]
        start = min(t.idx for t in toks)
        end = max(t.idx + len(t.text) for t in toks)
        return start, end
