"""Parse repairs the coder makes in place before coding (typical errors of the French model)."""
from __future__ import annotations

import numpy
from spacy.attrs import HEAD, IS_ALPHA, LEMMA, LOWER, ORTH, POS
from spacy.symbols import AUX, VERB

from ..docview import drop_view
from .syntax import word_memo


REPAIRS = {"weekday_objects": "_reattach_weekday_objects", "absolute_subjects": "_absolute_subjects",
           "weekday_clauses": "_reattach_weekday_clauses", "ser_passives": "_ser_passives",
           "reflexive_clitics": "_reflexive_clitics", "marked_objects": "_marked_objects",
           "enclitic_lemmas": "_enclitic_lemmas", "dateline_subjects": "_dateline_subjects",
           "present_lemmas": "_present_lemmas", "participle_heads": "_participle_heads",
           "finite_clause_roots": "_finite_clause_roots", "fronted_place_subjects": "_fronted_place_subjects",
           "participle_conjuncts": "_participle_conjuncts", "date_objects": "_date_objects",
           "coordinated_subject_roots": "_coordinated_subject_roots", "name_subjects": "_name_subjects"}
"""Repair name (``repairs`` list of ``lang/<code>/syntax.yaml``) -> method of :class:`ParseRepairs`."""
DATELINE_TOKENS = 16
"""How far into a sentence a wire dateline may end (its dash), in tokens."""
DASHES = frozenset({"-", "–", "—"})


class ParseRepairs:
    """Repairs of parser errors, in place, before a Doc is coded; each language's ``syntax.yaml`` lists which
    run, in order (``repairs``). A mixin of :class:`~newsevents.engine.coder.EventCoder`."""

    def _repair(self, doc) -> None:
        """Run the repairs the language's ``syntax.yaml`` lists on ``doc``, in place, in their order (forgetting
        the Doc's array view first: :mod:`newsevents.docview`)."""
        drop_view(doc)
        for method in self._repair_methods:
            method(doc)

    def _repair_list(self) -> list:
        """The bound repair methods named by ``syntax.yaml`` ``repairs``. Raises
        :class:`~newsevents.langdata.LanguageDataError` naming the file and an unknown repair."""
        from ..langdata import LanguageDataError

        names = self.lex.repairs
        unknown = [n for n in names if n not in REPAIRS]
        if unknown:
            raise LanguageDataError(f"{self.lex.where}/syntax.yaml: unknown parse repair(s) {unknown}; known: "
                                    f"{sorted(REPAIRS)}")
        return [getattr(self, REPAIRS[n]) for n in names]

    def _ser_passives(self, doc) -> None:
        """Label the periphrastic passive of a model whose scheme has no passive subtypes (Spanish AnCora: "los
        manifestantes fueron detenidos por la policía" parses as nsubj + aux + obj/obl "por"): on a participle
        with a passive auxiliary (``passive_auxiliaries`` of ``syntax.yaml``: "ser"), the subject becomes the
        passive subject, the auxiliary the passive auxiliary and a complement introduced by an agent
        preposition ("por") the passive agent (labels ``passive_subject``, ``passive_auxiliary``,
        ``passive_agent``)."""
        rel = self.lex.rel
        if not doc.has_annotation("DEP"):
            return
        label, cue = self.lex.label, self.lex.cue
        subj, aux_label, agent = (next(iter(sorted(label(n)))) for n in
                                  ("passive_subject", "passive_auxiliary", "passive_agent"))
        auxiliaries, agent_preps = cue("passive_auxiliaries"), cue("agent_preps")
        first_aux = {}  # participle index -> its first passive auxiliary (only heads of such auxiliaries qualify)
        for c in _tokens_with_dep(doc, (rel.auxiliary, rel.copula)):
            if c.lemma_.lower() in auxiliaries:
                first_aux.setdefault(c.head.i, c)
        for i in sorted(first_aux):
            verb, aux = doc[i], first_aux[i]
            if verb.pos_ != "VERB" or verb.morph.get("VerbForm") != ["Part"]:
                continue
            children = list(verb.children)
            aux.dep_ = aux_label
            for c in children:
                if c.dep_ == rel.nominal_subject:
                    c.dep_ = subj
                elif c.dep_ in (rel.object, rel.oblique) and c.i > verb.i and self._case_of(c) in agent_preps:
                    c.dep_ = agent
            if not any(c.dep_ == agent for c in verb.children):
                self._lift_agent(verb, agent, agent_preps)

    def _lift_agent(self, verb, agent: str, agent_preps) -> None:
        """"fue muerta de un impacto de fusil por guerrilleros": the agent phrase hung on a noun of the
        passive's complement (two levels down at most, nominal links only) is re-attached to the passive."""
        rel = self.lex.rel
        level = [c for c in verb.children if c.dep_ in (rel.oblique, rel.object, rel.nominal_modifier) and c.i > verb.i]
        for _ in range(2):
            found = next((g for c in level for g in c.children if g.dep_ == rel.nominal_modifier and g.i > c.i
                          and g.pos_ in ("NOUN", "PROPN") and self._case_of(g) in agent_preps), None)
            if found is not None:
                found.head = verb
                found.dep_ = agent
                return
            level = [g for c in level for g in c.children if g.dep_ == rel.nominal_modifier]

    def _marked_objects(self, doc) -> None:
        """Repair a verb with two direct objects, one marked by the personal object preposition
        (``dative_preps`` of ``syntax.yaml``: Spanish "a"): the parser made a place name the object too
        ("ejecutaron en la vereda El Diamante a cuatro personas": the name becomes an oblique), or the verb and
        its unmarked object form one act whose marked complement is the indirect object ("dieron muerte a una
        persona": "a una persona" becomes iobj). An object introduced by another preposition ("con los
        rebeldes") becomes an oblique."""
        rel = self.lex.rel
        if not doc.has_annotation("DEP"):
            return
        marks = self.lex.cue("dative_preps")
        for tok in _tokens_with_dep(doc, (rel.object,)):  # "se reunió con los rebeldes" parsed with "los rebeldes"
            if self._case_of(tok) not in (None, *marks):  # as obj: an oblique
                tok.dep_ = rel.oblique
        # only a head of a compound, object or oblique can change (each verb's own children only)
        heads = sorted({t.head.i for t in _tokens_with_dep(doc, (rel.compound, rel.object, rel.oblique))
                        if t.head.i != t.i})
        for verb in (doc[i] for i in heads):
            for c in verb.children:  # "puso fin a la huelga": the light verb's noun parsed as a compound
                if c.dep_ == rel.compound and c.pos_ == "NOUN" and verb.pos_ == "VERB" and c.i > verb.i:
                    c.dep_ = rel.object
            self._personal_object(verb, marks)
            objects = [c for c in verb.children if c.dep_ == rel.object and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM")]
            if len(objects) < 2:
                continue
            marked = [c for c in objects if self._case_of(c) in marks]
            plain = [c for c in objects if self._case_of(c) is None]
            if len(marked) != 1 or not plain:
                continue
            for other in plain:
                if other.pos_ == "PROPN":
                    other.dep_ = rel.oblique
            if any(o.pos_ != "PROPN" for o in plain):
                marked[0].dep_ = rel.indirect_object

    def _personal_object(self, verb, marks) -> None:
        """"ejecutaron en zona rural a un indígena": a common noun or pronoun marked by the personal object
        preposition, parsed as an oblique of a lexicon verb that has no object and takes one (a frame with the
        object as recipient, or needing a patient), is its object."""
        rel = self.lex.rel
        frames = self.lex.verbs.get(verb.lemma_.lower())
        if not frames or not any(rel.object in f.recipient or f.needs_patient for f in frames) \
                or any(c.dep_ == rel.object for c in verb.children):
            return
        marked = next((c for c in verb.children if c.dep_ == rel.oblique and c.i > verb.i and c.pos_ in ("NOUN", "PRON")
                       and self._case_of(c) in marks), None)
        if marked is not None:
            marked.dep_ = rel.object

    def _reflexive_clitics(self, doc) -> None:
        """Label a reflexive clitic that the parser made the verb's object ("el Gobierno se reunió con ...":
        "se" as obj) with the language's reflexive clitic label, so that it is neither patient nor recipient.
        Clitics are ``reflexive_clitics`` of ``syntax.yaml`` tagged as reflexive (``Reflex=Yes``) or
        ``third_person_reflexives`` ("se")."""
        rel = self.lex.rel
        if not doc.has_annotation("DEP"):
            return
        clitics, target = self.lex.cue("reflexive_clitics"), sorted(self.lex.label("reflexive_clitic"))[0]
        third_person = self.lex.cue("third_person_reflexives")
        for tok in _tokens_with_dep(doc, (rel.object, rel.indirect_object)):
            if tok.pos_ == "PRON" and tok.lower_ in clitics \
                    and tok.i < tok.head.i + 2 and (tok.morph.get("Reflex") == ["Yes"] or tok.lower_ in third_person):
                tok.dep_ = target

    def _enclitic_lemmas(self, doc) -> None:
        """Give a verb written with enclitic pronouns its own lemma: the Spanish lemmatiser appends the pronoun's
        lemma ("manifestándose" -> "manifestar él", "arrestarlos" -> "arrestar él"; the appended lemmas are the
        words ``enclitic_lemmas`` of ``syntax.yaml``), so the lexicon would not find the verb. A verb that ends
        with a ``third_person_reflexives`` clitic ("reunirse") is listed in ``doc.user_data["reflexive_verbs"]``
        (token indices), which frame matching reads as a reflexive clitic."""
        pronouns, reflexives = self.lex.cue("enclitic_lemmas"), self.lex.cue("third_person_reflexives")
        # each lemma is split once per process: per document, a set difference and a disjointness test in C
        seen = self.__dict__.setdefault("_lemmas_seen", set())  # lemma hashes already looked at
        split = self.__dict__.setdefault("_enclitic_split", {})  # lemma hash -> the verb's lemma
        if len(seen) > 500_000:  # bounded memory on endless runs
            seen.clear()
            split.clear()
        keys, strings, reflexive = doc.to_array("LEMMA").tolist(), doc.vocab.strings, set()
        for key in set(keys).difference(seen):  # lemmas not met before
            verb, _, pronoun = strings[key].partition(" ")
            if pronoun in pronouns:
                split[key] = verb
            seen.add(key)
        if split.keys().isdisjoint(keys):
            return
        for i, key in enumerate(keys):
            if key in split and doc[i].pos_ in ("VERB", "AUX"):
                tok = doc[i]
                tok.lemma_ = split[key]
                if any(tok.lower_.endswith(r) for r in reflexives):
                    reflexive.add(i)
        if reflexive:
            doc.user_data["reflexive_verbs"] = frozenset(reflexive)

    def _dateline_subjects(self, doc) -> None:
        """A wire dateline before a sentence ("LA PAZ, Ene 29 (AFP) - El presidente instó ...": the words up to a
        dash right after a closing parenthesis, among the sentence's first :data:`DATELINE_TOKENS` tokens, with
        no verb) is no part of the clause: the parser made its place the verb's subject beside the real one. A
        subject inside it whose head lies after the dash is relabelled ``dep``."""
        rel = self.lex.rel
        if not doc.has_annotation("DEP") or not doc.has_annotation("SENT_START"):
            return
        for sent in doc.sents:
            words = doc[sent.start:min(sent.end, sent.start + DATELINE_TOKENS)]
            dash = next((t.i for t in words if t.text in DASHES and t.i > sent.start
                         and doc[t.i - 1].text == ")"), None)
            if dash is None or any(doc[i].pos_ in ("VERB", "AUX") for i in range(sent.start, dash)):
                continue
            for i in range(sent.start, dash):
                tok = doc[i]
                if tok.dep_ in self.lex.label("subjects") and tok.head.i > dash:
                    tok.dep_ = rel.unspecified

    def _present_lemmas(self, doc) -> None:
        """Give a present-tense verb the lemmatiser left as its own form ("présente ses excuses", "affiche ses
        distances", "tente de") the infinitive the language pack knows: the lexicon verb of that form
        (:meth:`~newsevents.lexicon.Lexicon.verb_lemma`), else the regular infinitive of a singular present form
        (a ``regular_present_endings`` ending of ``syntax.yaml`` replaced by a ``first_group_infinitive_endings``
        one: "présente" -> "présenter") when that infinitive is an event verb, a support verb or a word of a cue
        list (modal, reporting, intent verbs). Only verbs (VERB, AUX) whose lemma equals their lower-cased form
        change."""
        known = self.__dict__.get("_known_verbs")
        if known is None:
            known = frozenset(self.lex.verbs) | self.lex.support_verbs | frozenset(
                w for ws in self.lex.cues.values() for w in ws)
            self.__dict__["_known_verbs"] = known
        endings = sorted(self.lex.cue("regular_present_endings"), key=len, reverse=True)
        infinitives = sorted(self.lex.cue("first_group_infinitive_endings"))
        for tok in _unlemmatised_verbs(self, doc):
            lemma = self.lex.verb_lemma(tok.text)
            if lemma is None:
                lemma = next((tok.lower_[:-len(e)] + inf for e in endings for inf in infinitives
                              if tok.lower_.endswith(e) and tok.lower_[:-len(e)] + inf in known), None)
            if lemma is not None:
                tok.lemma_ = lemma

    def _participle_heads(self, doc) -> None:
        """Make a participle the head of its perfect auxiliary when the parser did the reverse ("pour avoir violé
        une jeune femme": "violé" tagged an adverb of the verb "avoir", which took the object): a token right
        after a ``perfect_auxiliaries`` verb that hangs on it, ending like a past participle
        (``past_participle_endings`` of ``syntax.yaml``) and a form of a lexicon verb, becomes a verb with the
        auxiliary's head, label and other dependents; the auxiliary becomes its tense auxiliary."""
        if not doc.has_annotation("DEP"):
            return
        auxiliaries, endings = self.lex.cue("perfect_auxiliaries"), tuple(self.lex.cue("past_participle_endings"))
        tense = sorted(self.lex.label("tense_auxiliary"))[0]
        todo = _participle_candidates(self, doc, auxiliaries, endings)
        while todo:
            tok = doc[todo.pop()]
            aux = doc[tok.i - 1]
            if tok.head.i != aux.i or aux.pos_ != "VERB" or aux.lemma_.lower() not in auxiliaries \
                    or tok.pos_ in ("VERB", "AUX") or not tok.lower_.endswith(endings):
                continue
            lemma = self.lex.verb_lemma(tok.text)
            if lemma is None:
                continue
            others = [c for c in aux.children if c.i != tok.i]
            tok.head = tok if aux.head.i == aux.i else aux.head
            tok.dep_, tok.pos_, tok.lemma_ = aux.dep_, "VERB", lemma
            aux.head, aux.dep_, aux.pos_ = tok, tense, "AUX"
            for c in others:
                c.head = tok
            if tok.i + 1 < len(doc) and (not todo or todo[-1] != tok.i + 1):
                todo.append(tok.i + 1)  # the next word now hangs on a verb: it may qualify in turn

    def _participle_conjuncts(self, doc) -> None:
        """Repair ``participle_conjuncts``: "Les présidents ont assisté à la cérémonie et publié une déclaration
        commune": the parser coordinated the second participle "publié" with the noun "cérémonie" of the first
        verb's complement. A past participle (``VerbForm=Part``) labelled ``conj`` on a noun, after a
        coordinating conjunction of its own and with no auxiliary or subject of its own, becomes a conjunct of
        the nearest verb above that noun (at most four steps up) when that verb has an auxiliary (a compound
        tense the two participles share) and comes before it; it then shares that verb's subject."""
        if not doc.has_annotation("DEP"):
            return
        rel, subjects = self.lex.rel, self.lex.label("subjects")
        for tok in _tokens_with_dep(doc, (rel.conjunct,)):
            head = tok.head
            if tok.pos_ != "VERB" or tok.morph.get("VerbForm") != ["Part"] or head.pos_ not in ("NOUN", "PROPN") \
                    or head.i > tok.i or not any(c.dep_ == rel.coordinator and c.i < tok.i for c in tok.children) \
                    or any(c.dep_.startswith(rel.auxiliary) or c.dep_ in subjects for c in tok.children):
                continue
            verb = head
            for _ in range(4):
                if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                    break
                verb = verb.head
            if verb.pos_ == "VERB" and verb.i < head.i and any(c.dep_.startswith(rel.auxiliary) for c in verb.children):
                tok.head = verb

    def _date_objects(self, doc) -> None:
        """Repair one parser error in place: a day or date the parser made a verb's direct object ("Des milliers
        d'enseignants ont manifesté lundi à Lyon": "lundi" obj of "manifesté", so an intransitive frame does not
        fit; "qui auront lieu le 8 novembre"). An ``obj`` of a verb that is a day word
        (:meth:`~newsevents.dates.DateResolver.is_day_word`) or lies inside a temporal expression the date
        resolver finds in the object's own phrase, which has no verb, becomes a temporal modifier (the
        ``modifier_oblique`` label of ``syntax.yaml``); not when a common noun hangs on it as its modifier ("le
        Japon enverra lundi de l'aide": the verb's object, which the frame finds through the day word)."""
        if not doc.has_annotation("DEP"):
            return
        objects = [t for t in _tokens_with_dep(doc, (self.lex.rel.object,))
                   if t.head.pos_ in ("VERB", "AUX") and t.head.i != t.i]
        if not objects:
            return
        target = sorted(self.lex.label("modifier_oblique"))[0]
        for tok in objects:
            if tok.pos_ in ("PRON", "PROPN", "VERB", "AUX"):
                continue
            if any(c.dep_ == self.lex.rel.nominal_modifier and c.pos_ == "NOUN" for c in tok.children):
                continue  # "enverra lundi de l'aide": the verb's object hangs on the day, which holds its place
            if not self.dates.is_day_word(tok.text):
                phrase = doc[tok.left_edge.i:tok.right_edge.i + 1]
                if any(t.pos_ in ("VERB", "AUX") for t in phrase):
                    continue
                start, end = tok.idx, tok.idx + len(tok.text)
                if not any(e.span[0] <= start and end <= e.span[1] for e in
                           self.dates.find(doc.text, None, phrase.start_char, phrase.end_char)):
                    continue
            tok.dep_ = target

    def _reattach_weekday_objects(self, doc) -> None:
        """Repair one parser error in place: after "verbe + jour de la semaine", the verb's object is often
        parsed as a modifier or conjunct of the day ("a rejeté jeudi un appel de l'ONU": "appel" under "jeudi";
        "a reçu mercredi, la présidente du parti"). A determined noun phrase with no preposition right after a
        weekday that modifies a verb is re-attached to the verb as its object (also when the parser made it an
        adjunct of the verb or the subject of a reporting incise after it: "a levé vendredi le blocus ..., ont
        indiqué des responsables"), unless the verb already has one, is a reporting verb or has no subject before
        it (then the phrase is an inverted subject: "a indiqué mercredi le groupe"). Day words are the date
        resolver's (:meth:`~newsevents.dates.DateResolver.is_day_word`: weekdays and "hier", "aujourd'hui"...);
        day parts and day numbers ("jeudi soir", "jeudi 1er septembre") are not noun phrases with a determiner
        and stay where they are."""
        rel = self.lex.rel
        if not doc.has_annotation("DEP"):
            return
        for day in _day_tokens(self, doc, (*self.lex.label("modifier_oblique"), rel.oblique, rel.open_complement)):
            verb = day.head
            if verb.pos_ not in ("VERB", "AUX") or verb.i > day.i \
                    or any(c.dep_ == rel.case_marker for c in day.children):
                continue
            if any(c.dep_ == rel.object for c in verb.children) or verb.lemma_.lower() in self._reporting:
                continue
            if verb.dep_ in (rel.root, rel.clausal_complement, rel.parataxis) and not any(
                    c.dep_ in self.lex.label("subjects") and c.i < verb.i for c in verb.children):
                continue  # "ont manifesté dimanche les habitants": an inverted subject, not an object
            obj = next((c for c in day.children if c.dep_ in (rel.nominal_modifier, rel.apposition, rel.object,
                                                              rel.conjunct) and c.i > day.i
                        and c.pos_ in ("NOUN", "PROPN") and not any(x.dep_ in (rel.case_marker, rel.coordinator)
                                                                    for x in c.children)
                        and not self.dates.is_day_word(c.text)
                        and any(x.dep_ == rel.determiner and x.i < c.i for x in c.children)), None)
            if obj is None:  # "a levé vendredi le blocus imposé ..., ont indiqué des responsables": the parser
                nxt = doc[day.i + 2] if day.i + 2 < len(doc) else None  # made it the subject of the incise
                if nxt is not None and doc[day.i + 1].dep_ == rel.determiner and doc[day.i + 1].head.i == nxt.i \
                        and nxt.pos_ == "NOUN" and not any(c.dep_ == rel.case_marker for c in nxt.children) and (
                            (nxt.dep_ == rel.nominal_subject and nxt.head.i > nxt.i
                             and nxt.head.lemma_.lower() in self._reporting)
                            or (nxt.dep_ in (rel.oblique, *self.lex.label("modifier_oblique"))
                                and nxt.head.i == verb.i)):  # or an adjunct
                    obj = nxt
            if obj is None or any(t.dep_ == rel.punctuation for t in doc[day.i + 1:obj.left_edge.i]):
                continue
            obj.head = verb
            obj.dep_ = rel.object
            if day.dep_ == rel.open_complement:  # "a accepté jeudi la demande": the day is no clause
                day.dep_ = sorted(self.lex.label("modifier_oblique"))[0]

    def _reattach_weekday_clauses(self, doc) -> None:
        """Repair one parser error in place: after "verbe + jour de la semaine", a "que" clause is often parsed
        as a relative clause of the day ("a assuré lundi qu'elle durcirait le siège"). When the clause
        has an object of its own ("que" then cannot be its object) it is re-attached to the verb as its
        complement clause, "que" as its conjunction. Day words as in :meth:`_reattach_weekday_objects`."""
        rel = self.lex.rel
        if not doc.has_annotation("DEP"):
            return
        for day in _day_tokens(self, doc, (*self.lex.label("modifier_oblique"), rel.oblique)):
            verb = day.head
            if verb.pos_ != "VERB" or verb.i > day.i:
                continue
            for clause in [c for c in day.children if c.dep_ in self.lex.label("relative_clause") and c.i > day.i]:
                que = doc[clause.left_edge.i]
                if que.lower_ not in self.lex.cue("complement_marks") or que.head.i != clause.i \
                        or que.i != day.i + 1 or not any(c.dep_ == rel.object and c.i > clause.i
                                                         for c in clause.children):
                    continue
                clause.head = verb
                clause.dep_ = rel.clausal_complement
                que.dep_ = rel.clause_marker
                que.pos_ = "SCONJ"

    def _absolute_subjects(self, doc) -> None:
        """Repair one parser error in place: in an absolute participle clause ("..., Moscou étant accusé par les
        Occidentaux d'avoir ..."), the parser often hangs the subject and the participle on an earlier noun
        instead of linking them. A name or noun right before "étant" / "ayant" that governs no phrase of its own
        (only a determiner, an adjective, a name part) and does not govern the participle becomes its subject
        (passive after "étant", active after "ayant"); those participles are the ``participle_auxiliaries`` words of
        the language's ``syntax.yaml``."""
        rel = self.lex.rel
        if not doc.has_annotation("DEP"):
            return
        lower = doc.to_array("LOWER")  # the lowercase forms in one array (no Token object per word)
        strings = doc.vocab.strings
        participles = self.lex.cue("participle_auxiliaries")
        where = sorted(i for word in participles for i in numpy.flatnonzero(lower == strings[word]).tolist())
        for aux in (doc[i] for i in where):  # only the participles' own tokens
            if aux.lower_ not in participles or aux.i == 0 or not aux.dep_.startswith(rel.auxiliary):
                continue
            verb, subject = aux.head, doc[aux.i - 1]
            if verb.i <= aux.i or subject.pos_ not in ("PROPN", "NOUN") or subject.head.i == verb.i \
                    or any(c.dep_.startswith(rel.nominal_subject) for c in verb.children) \
                    or any(c.dep_ not in (rel.determiner, rel.adjectival_modifier, *self.lex.label("name_parts"))
                           for c in subject.children) \
                    or any(a.i == subject.i for a in verb.ancestors):
                continue
            subject.head = verb
            passive = aux.dep_ in self.lex.label("passive_auxiliary")
            subject.dep_ = sorted(self.lex.label("passive_subject"))[0] if passive else rel.nominal_subject


    def _finite_clause_roots(self, doc) -> None:
        """Repair one parser error in place: a sentence whose main verb the parser hung as a noun's clause on a
        word of its subject, the subject's head then the root ("Le chef de la junte au pouvoir appelle ses
        compatriotes au calme": "appelle" an ``acl`` of "pouvoir", "chef" the root). A finite indicative verb
        labelled ``acl`` (not a relative clause), after a root noun or name and inside its phrase, with no
        subject and no relative pronoun of its own, becomes the root; the old root becomes its subject and the
        root's dependents after the verb (final punctuation) hang on the verb."""
        rel = self.lex.rel
        if not doc.has_annotation("DEP"):
            return
        for verb in _tokens_with_dep(doc, (rel.adnominal_clause,)):
            if verb.pos_ != "VERB" or verb.morph.get("VerbForm") != ["Fin"] or verb.morph.get("Mood") != ["Ind"]:
                continue
            root = verb.sent.root
            if root.pos_ not in ("NOUN", "PROPN") or root.i > verb.i or not any(a.i == root.i for a in verb.ancestors):
                continue
            if any(c.dep_ in self.lex.label("subjects") or c.morph.get("PronType") == ["Rel"] for c in verb.children):
                continue
            for c in self._promote_verb(verb, root, rel.nominal_subject):
                c.head = verb

    def _promote_verb(self, verb, root, dep: str) -> list:
        """Make ``verb`` its sentence's root in place of the noun ``root``, which hangs on it labelled ``dep``;
        returns the old root's dependents after the verb (as they were), for the caller to re-hang."""
        later = [c for c in root.children if c.i > verb.i]
        verb.head = verb
        verb.dep_ = self.lex.rel.root
        root.head = verb
        root.dep_ = dep
        return later

    def _coordinated_subject_roots(self, doc) -> None:
        """Repair one parser error in place: a sentence opening with two coordinated subjects whose first the parser
        made the root, the verb a conjunct of it with the second as its own subject ("Le Maroc et l'Algérie
        ont repris le dialogue": "Maroc" root, "repris" conj of "Maroc", "Algérie" its nsubj, "dialogue" a
        noun modifier of "Maroc"). A verb labelled ``conj`` of a root noun or name before it, whose subject
        comes after the root and after an ``and_words`` conjunction, the root's phrase opening the sentence
        with no preposition, and no verb or punctuation before that subject in the sentence ("Guerre en
        Ukraine : la Russie et ..." and "Aux JO, Poutine et Xi ..." stay as they are), becomes the root; the
        old root becomes its subject, the second subject the old root's conjunct; the old root's dependents
        after the verb hang on the verb (a bare noun becomes its object when it has none, a noun with a
        preposition an oblique)."""
        if not doc.has_annotation("DEP"):
            return
        ands = self.lex.cue("and_words")
        rel, subjects = self.lex.rel, self.lex.label("subjects")
        for verb in _tokens_with_dep(doc, (rel.conjunct,)):
            root = verb.head
            if verb.pos_ != "VERB" or root.pos_ not in ("NOUN", "PROPN") or root.head.i != root.i or root.i > verb.i:
                continue
            second = next((c for c in verb.children if c.dep_ in subjects and root.i < c.i < verb.i), None)
            if second is None or second.pos_ not in ("NOUN", "PROPN"):
                continue
            cc = next((c for c in (*verb.children, *second.children) if c.dep_ == rel.coordinator and c.lower_ in ands
                       and root.i < c.i < second.left_edge.i), None)
            if cc is None or root.left_edge.i != root.sent.start \
                    or any(c.dep_ == rel.case_marker for c in root.children) \
                    or any(t.pos_ in ("VERB", "PUNCT") for t in doc[root.sent.start:second.left_edge.i]) \
                    or any(root.i < c.i < verb.i and c.i > cc.i for c in root.children):
                continue
            later = self._promote_verb(verb, root, second.dep_)
            second.head = root
            second.dep_ = rel.conjunct
            cc.head = second
            for c in later:
                c.head = verb
                if c.dep_ == rel.nominal_modifier and c.pos_ in ("NOUN", "PROPN"):
                    cased = any(x.dep_ == rel.case_marker for x in c.children)
                    if cased:
                        c.dep_ = rel.oblique
                    elif not any(x.dep_ == rel.object for x in verb.children if x.i != c.i):
                        c.dep_ = rel.object

    def _name_subjects(self, doc) -> None:
        """Repair one tagger and parser error in place: a known person's name opening a sentence, read by a small
        model as a verb or an adverb ("Macron visitó Nigeria": "Macron" the root, "visitó" its ``xcomp``;
        "Macron a visité le Nigeria": "Macron" an ``advmod`` of "visité"). A sentence's first word, capitalised,
        by itself a person's name of the actor dictionaries and tagged VERB, AUX, ADV or ADJ becomes a name
        (PROPN): hung on a verb after it that has no subject, it becomes that verb's subject; the root, with a
        verb after it hanging on it that has no subject, that verb becomes the root and the name its subject (the
        name's dependents after the verb hang on the verb). The verb must be finite or have an auxiliary: a bare
        participle ("Macron appelé à ...", a headline's passive) is left alone."""
        rel = self.lex.rel
        if not doc.has_annotation("DEP") or not doc.has_annotation("SENT_START"):
            return
        subjects, passive_aux = self.lex.label("subjects"), self.lex.labels.get("passive_auxiliary", frozenset())

        def clause(verb) -> bool:  # a finite verb or one with an auxiliary, with no subject of its own
            return verb.pos_ == "VERB" and (verb.morph.get("VerbForm") == ["Fin"]
                                            or any(c.dep_.startswith(rel.auxiliary) for c in verb.children)) \
                and not any(c.dep_ in subjects for c in verb.children)

        def subject_label(verb) -> str:  # "Macron a été reçu": the passive subject
            passive = any(c.dep_ in passive_aux for c in verb.children)
            return sorted(self.lex.label("passive_subject"))[0] if passive else rel.nominal_subject

        for sent in doc.sents:
            name = sent[0]
            if name.pos_ not in ("VERB", "AUX", "ADV", "ADJ") or not name.is_alpha or not name.text[:1].isupper() \
                    or not self.actors.person_name(name.text):
                continue
            head = name.head
            if head.i != name.i:
                if head.i > name.i and clause(head):
                    name.pos_, name.dep_ = "PROPN", subject_label(head)
                continue
            verb = next((c for c in name.children if c.i > name.i and clause(c)), None)
            if verb is None:
                continue
            for c in self._promote_verb(verb, name, subject_label(verb)):
                c.head = verb
            name.pos_ = "PROPN"

    def _fronted_place_subjects(self, doc) -> None:
        """Repair one parser error in place: after a fronted place and its comma, a subject opened by the
        partitive article is read as the place's complement ("Au Maroc, des ONG appellent à ...": "des" a
        preposition, "ONG" a ``nmod`` of "Maroc"). A noun whose only marker is a ``partitive_articles`` word,
        after a comma, complement of a name or noun that modifies the verb right after the noun's phrase, before
        that verb, when the verb has no subject, becomes the verb's subject, the article its determiner."""
        rel = self.lex.rel
        if not doc.has_annotation("DEP"):
            return
        partitive = self.lex.cue("partitive_articles")
        for noun in _tokens_with_dep(doc, (rel.nominal_modifier,)):
            place = noun.head
            verb = place.head
            if noun.pos_ not in ("NOUN", "PROPN") or verb.pos_ not in ("VERB", "AUX") or place.i > noun.i \
                    or not place.dep_.startswith(rel.oblique) or verb.i <= noun.i or noun.i < 2:
                continue
            marks = [c for c in noun.children if c.dep_ in (rel.case_marker, rel.determiner)]
            if len(marks) != 1 or marks[0].lower_ not in partitive or marks[0].i != noun.left_edge.i \
                    or doc[marks[0].i - 1].text != ",":
                continue
            if any(c.dep_ in self.lex.label("subjects") for c in verb.children):
                continue
            between = doc[noun.right_edge.i + 1:verb.i]
            if any(t.head.i != verb.i or not (t.dep_.startswith((rel.auxiliary, rel.expletive))
                                              or t.dep_ == rel.adverbial_modifier)
                   for t in between):
                continue
            marks[0].dep_, marks[0].pos_ = rel.determiner, "DET"
            noun.head = verb
            noun.dep_ = rel.nominal_subject


def _tokens_with_dep(doc, labels: tuple[str, ...]) -> list:
    """The tokens of ``doc`` whose dependency label is one of ``labels``, in order, read from one array of the
    Doc's labels (a Token object is made only for those)."""
    deps = doc.to_array("DEP")
    keys = {doc.vocab.strings[label] for label in labels}
    return [doc[i] for i, dep in enumerate(deps.tolist()) if dep in keys]


def _unlemmatised_verbs(coder, doc) -> list:
    """The tokens of ``doc`` tagged VERB or AUX, alphabetic, whose lowercase lemma is their lowercase form (the
    candidates of :meth:`ParseRepairs._present_lemmas`), in order; read from arrays, each (lemma, form) pair's
    strings compared once per coder (:func:`~newsevents.engine.syntax.word_memo`)."""
    arr = doc.to_array([POS, IS_ALPHA, LEMMA, LOWER])
    rows = numpy.flatnonzero(((arr[:, 0] == VERB) | (arr[:, 0] == AUX)) & (arr[:, 1] != 0)).tolist()
    if not rows:
        return []
    memo, strings = word_memo(coder, "unlemmatised_verb"), doc.vocab.strings
    out = []
    for i in rows:
        key = (int(arr[i, 2]), int(arr[i, 3]))
        same = memo.get(key)
        if same is None:
            same = memo[key] = strings[key[0]].lower() == strings[key[1]]
        if same:
            out.append(doc[i])
    return out


def _participle_candidates(coder, doc, auxiliaries, endings: tuple) -> list[int]:
    """Token indices that may be a participle parsed under its perfect auxiliary (:meth:`ParseRepairs.
    _participle_heads`): hanging on the word before it, a VERB whose lowercase lemma is in ``auxiliaries``, not
    itself a VERB or AUX, its lowercase form ending with one of ``endings``; in decreasing order (a stack: the
    caller pops the next one), read from arrays with each word's strings tested once per coder."""
    if len(doc) < 2:
        return []
    arr = doc.to_array([HEAD, POS, LEMMA, LOWER])
    head, pos = arr[:, 0].astype("int64"), arr[:, 1]
    rows = numpy.flatnonzero((head[1:] == -1) & (pos[:-1] == VERB) & (pos[1:] != VERB) & (pos[1:] != AUX))
    if not len(rows):
        return []
    strings = doc.vocab.strings
    aux_memo, end_memo = word_memo(coder, "perfect_auxiliary"), word_memo(coder, "participle_ending")
    out = []
    for i in (rows + 1).tolist():
        lemma, low = int(arr[i - 1, 2]), int(arr[i, 3])
        is_aux = aux_memo.get(lemma)
        if is_aux is None:
            is_aux = aux_memo[lemma] = strings[lemma].lower() in auxiliaries
        if is_aux:
            ends = end_memo.get(low)
            if ends is None:
                ends = end_memo[low] = strings[low].endswith(endings)
            if ends:
                out.append(i)
    return out[::-1]


def _day_tokens(coder, doc, labels: tuple[str, ...]) -> list:
    """The tokens of ``doc`` whose dependency label is one of ``labels`` and whose text is a day word
    (:meth:`~newsevents.dates.DateResolver.is_day_word`), in order; each word's text tested once per coder."""
    memo, strings = word_memo(coder, "day_word"), doc.vocab.strings
    keys = {strings[label] for label in labels}
    arr = doc.to_array(["DEP", ORTH]).tolist()
    out = []
    for i, (dep, orth) in enumerate(arr):
        if dep in keys:
            day = memo.get(orth)
            if day is None:
                day = memo[orth] = coder.dates.is_day_word(strings[orth])
            if day:
                out.append(doc[i])
    return out
