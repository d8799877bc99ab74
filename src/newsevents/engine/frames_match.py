"""Frame matching: whether a verb or noun frame of the lexicon fits a token in its parse."""
from __future__ import annotations

import unicodedata

from .. import entity_labels
from ..lexicon import Frame
from .syntax import word_memo


class FrameMatching:
    """Whether a frame's pattern (objects, prepositions, senses) fits a token.
    A mixin of :class:`~newsevents.engine.coder.EventCoder`."""

    def _verb_frame_matches(self, tok, frame: Frame):
        """The pattern object token when the frame names objects, None when it names none, False on no match."""
        rel = self.lex.rel
        children = list(tok.children)
        if frame.reflexive is True or frame.reflexive is False:  # read only when the frame asks (most do not)
            reflexive = self._reflexive(children) or tok.i in tok.doc.user_data.get("reflexive_verbs", ())
            if reflexive is not frame.reflexive:  # both booleans
                return False
        objects = [c for c in children if c.dep_ == rel.object and c.pos_ in ("NOUN", "PROPN")]
        if frame.objects_not and self._other_sense_object(tok, children, frame.objects_not):
            return False
        if frame.complements_not and self._other_sense_complement(tok, children, frame.complements_not):
            return False
        if frame.intransitive and (objects or tok.dep_ == rel.adnominal_clause):
            return False
        if frame.needs_patient and not self._has_patient(tok, children):
            return False
        if frame.passive and not self._passive(tok):
            return False  # "est accusé de fraude": only the passive leaves the accuser to be implied
        label = self.lex.label
        if any(c.dep_ in label("impersonal_subject") for c in children) \
                and any(c.dep_ == rel.copula or c.dep_ in label("passive_auxiliary") for c in children):
            return False  # impersonal passive: a norm, not an act ("il est interdit de publier...")
        nested = children + [g for c in children if c.dep_ == rel.object for g in c.children]
        if frame.complements and not any(self._lemma_in(c, frame.complements) for c in nested
                                         if self._complement_like(tok, c)):
            return False
        if frame.needs_complement and not self._has_needed_complement(tok, children, frame):
            return False
        if frame.objects:
            # "a levé vendredi le blocus": the parser hangs the object on the time word before it
            displaced = [g for c in children if c.dep_ in label("modifier_oblique")
                         and c.lemma_.lower() in self.lex.cue("time_nouns")
                         for g in c.children if g.dep_ == rel.nominal_modifier and g.pos_ in ("NOUN", "PROPN")
                         and g.i > c.i and next((x.lower_ for x in g.children if x.dep_ == rel.case_marker), None)
                         in (None, *self.lex.cue("partitive_articles"))]  # no preposition, or the partitive
            mistagged = [c for c in children if c.dep_ == rel.object and c.pos_ == "ADJ"]  # "demande « pardon »"
            # a relative pronoun stands for its antecedent: "l'ambassadeur, qui avait été rappelé", "les
            # troupes qu'il a déployées"
            relative = [tok.head for c in children if c.dep_ in label("patients")
                        and tok.dep_ in label("relative_clause") and c.morph.get("PronType") == ["Rel"]]
            complements = [c for c in children if c.dep_ in (rel.oblique, rel.open_complement)
                           or c.dep_ in label("argument_oblique") or c.dep_ in label("passive_subject")]
            for obj in objects + complements + displaced + mistagged + relative + self._quantified(children) \
                    + self._raised_patients(tok, children):
                if frame.objects_amod and not self._modifier_fits(obj, frame.objects_amod):
                    continue  # "lancer des manœuvres conjointes": the object's adjective decides
                if self._lemma_in(obj, frame.objects) or _in_slot_class(obj, frame.objects, obj in objects) \
                        or self._noun_modifier_object(obj, frame.objects):
                    return obj
                if self._measured(obj, frame.objects):
                    return obj
            if tok.dep_ == rel.adnominal_clause and self._lemma_in(tok.head, frame.objects):  # "le missile tiré jeudi"
                return tok.head
            return False
        return None

    def _has_needed_complement(self, tok, children, frame: Frame) -> bool:
        """Whether the verb ``tok`` has a complement introduced by one of the frame's ``needs_complement``
        prepositions: an oblique or clausal complement not fronted before it, a loose infinitive, or one the
        parser hung on the frame's pattern object (rule ``complement_on_object``)."""
        rel, label = self.lex.rel, self.lex.label
        return any(self._case_of(c) in frame.needs_complement for c in children
                   if (c.dep_ in label("obliques") or c.dep_ in (rel.open_complement, rel.clausal_complement))
                   and not _fronted(c, tok)) \
            or any(self._case_of(c) in frame.needs_complement for c in self._loose_infinitives(children)) \
            or self._complement_on_object(children, frame)

    def _complement_on_object(self, children, frame: Frame) -> bool:
        """Rule ``complement_on_object``: the complement a frame needs, hung by the parser on the frame's own
        pattern object ("a tiré plusieurs missiles sur la ville": "sur la ville" on "missiles"), counts as the
        verb's. Only for frames that name objects, and only on an object they name."""
        if not frame.objects:
            return False
        rel = self.lex.rel
        return any(self._case_of(g) in frame.needs_complement for c in children
                   if c.dep_ == rel.object and self._lemma_in(c, frame.objects)
                   for g in c.children if g.dep_ == rel.nominal_modifier and g.pos_ in ("NOUN", "PROPN"))

    def _raised_patients(self, tok, children) -> list:
        """The subject of the modal or raising verb a passive infinitive completes: "4 000 policiers devraient
        être mobilisés", "les otages pourraient être libérés" (the parser hangs the subject on "devoir")."""
        rel = self.lex.rel
        label = self.lex.label
        if tok.dep_ != rel.open_complement or any(c.dep_ in label("passive_subject") for c in children) \
                or not any(c.dep_ in label("passive_auxiliary") for c in children):
            return []
        return [c for c in tok.head.children if c.dep_ == rel.nominal_subject and c.pos_ in ("NOUN", "PROPN")]

    def _noun_modifier_object(self, obj, lemmas: frozenset[str]) -> bool:
        """"fired two artillery shells" (PETRARCH pattern "* ARTILLERY"): a noun modifying the object's head, for
        the languages whose parse labels such modifiers apart (``syntax.yaml`` label set ``object_modifiers``,
        English ``compound``; adjectives never count), names the pattern object as the head would. False for a
        language without the label set."""
        labels = self.lex.labels.get("object_modifiers", frozenset())
        return any(c.dep_ in labels and c.pos_ == "NOUN" and c.i < obj.i
                   and (c.lemma_.lower() in lemmas or c.lower_ in lemmas) for c in obj.children)

    def _modifier_fits(self, noun, lemmas: frozenset[str]) -> bool:
        """Whether the object noun, or the noun a quantity object measures, carries one of the adjectives."""
        return self._has_modifier(noun, lemmas) or self._quantified_modifier(noun, lemmas)

    def _quantified_modifier(self, noun, lemmas: frozenset[str]) -> bool:
        """Rule ``quantified_modifier``: when the object is a quantity noun (cue list ``quantity_nouns``), the
        adjective a frame's ``objects_amod`` asks for may sit on the noun it quantifies ("a rappelé l'ensemble de
        son personnel diplomatique": "diplomatique" modifies "personnel", the "de" complement of "ensemble").
        ``noun`` is a spaCy Token; True when one of its noun modifiers has a modifier among ``lemmas``."""
        if noun.lemma_.lower() not in self.lex.cue("quantity_nouns"):
            return False
        return any(c.dep_ == self.lex.rel.nominal_modifier and self._has_modifier(c, lemmas) for c in noun.children)

    def _has_modifier(self, noun, lemmas: frozenset[str]) -> bool:
        """Whether ``noun`` has a modifier among ``lemmas`` (a frame's ``objects_amod``): an adjective, or what
        the language's ``object_modifiers`` labels (syntax.yaml; ``amod`` when it has none) also admit, such as
        an English noun modifier ("artillery shells": ``compound``)."""
        rel = self.lex.rel
        labels = self.lex.labels.get("object_modifiers", frozenset({rel.adjectival_modifier}))
        return any(c.dep_ in labels and c.lemma_.lower() in lemmas for c in noun.children)

    def _complement_like(self, tok, c) -> bool:
        """``c`` (a child of ``tok`` or of its object) can carry a frame's ``complements``: an oblique, indirect
        object or noun modifier; an adverb of the verb ("abuser sexuellement"); a prepositional noun the parser
        took for an xcomp ("battu à mort"); an adjective completing the verb ("juge inacceptables les propos",
        "estime que X est injuste")."""
        rel = self.lex.rel
        label = self.lex.label
        return c.dep_ in label("obliques") or c.dep_ in (rel.indirect_object, rel.nominal_modifier) \
            or (c.dep_ == rel.adverbial_modifier and c.head.i == tok.i) \
            or (c.dep_ == rel.open_complement and c.pos_ == "NOUN"
                and any(g.dep_ == rel.case_marker for g in c.children)) \
            or (c.dep_ in (rel.open_complement, rel.clausal_complement) and c.pos_ == "ADJ" and c.head.i == tok.i)

    def _quantified(self, children) -> list:
        """Nouns the parser hangs on a quantity adverb of the verb instead of making them its object ("a
        accueilli plus de 12 000 réfugiés": "réfugiés" depends on "plus")."""
        rel = self.lex.rel
        label = self.lex.label
        return [g for c in children if c.dep_ == rel.adverbial_modifier and c.pos_ == "ADV" for g in c.children
                if g.pos_ in ("NOUN", "PROPN") and (g.dep_ in label("obliques") or g.dep_ == rel.nominal_modifier)]

    def _has_patient(self, tok, children) -> bool:
        """The verb has a patient: a direct object (a clitic too: "l'a arrêté"), a passive subject, the noun its
        participle modifies, or it is itself passive ("Arrêtés après la manifestation, ils..."). Without one,
        a ``needs_patient`` verb is used intransitively in another sense ("on n'arrêtera pas" = not stop)."""
        rel = self.lex.rel
        if any(c.dep_ in self.lex.label("patients") for c in children) or tok.dep_ == rel.adnominal_clause:
            return True
        return self._passive(tok)

    def _other_sense_object(self, tok, children, lemmas: frozenset[str]) -> bool:
        """The verb's patient (direct object, passive subject, or the noun its participle modifies) is one of
        ``lemmas`` (a frame's ``objects_not``): the verb is used in another sense ("les contrats seront arrêtés",
        "ont défendu la ville")."""
        rel = self.lex.rel
        patients = [c for c in children if c.dep_ in self.lex.label("patients") and c.pos_ in ("NOUN", "PROPN", "ADJ")]
        patients += [c for c in children if c.dep_ == rel.open_complement and c.pos_ == "NOUN"  # "se rend compte": the
                     and not any(g.dep_ == rel.case_marker for g in c.children)]  # bare noun parsed as a complement
        if tok.dep_ == rel.adnominal_clause and tok.head.pos_ == "NOUN":
            patients.append(tok.head)
        amounts = self.lex.cue("measure_nouns") | self.lex.cue("quantity_nouns")
        plural = "".join(sorted(self.lex.cue("plural_endings")))
        return any(p.lemma_.lower() in lemmas or p.lower_ in lemmas or (  # "certaines parties de la Constitution"
            {p.lemma_.lower(), p.lower_, p.lower_.rstrip(plural)} & amounts  # the lemmatiser gives "parties" -> "party"
            and any(c.dep_ == rel.nominal_modifier and c.lemma_.lower() in lemmas for c in p.children))
            for p in patients)

    def _other_sense_complement(self, tok, children, lemmas: frozenset[str]) -> bool:
        """The verb has an oblique complement with one of ``lemmas`` (a frame's ``complements_not``), or is a
        relative clause on such a noun whose pronoun is its oblique: the verb is used in another sense ("se
        movilizaban en dos vehículos", "el vehículo en que se movilizaba" travel, they do not protest)."""
        rel = self.lex.rel
        obliques = [c for c in children if c.dep_ in self.lex.label("obliques")]
        if any(self._lemma_in(c, lemmas) for c in obliques):
            return True
        return tok.dep_ in (rel.adnominal_clause, *self.lex.label("relative_clause")) \
            and self._lemma_in(tok.head, lemmas) \
            and any("Rel" in c.morph.get("PronType") for c in obliques)

    def _noun_frame_matches(self, tok, frame: Frame) -> bool:
        rel = self.lex.rel
        if frame.objects_amod and not self._has_modifier(tok, frame.objects_amod):
            return False
        label, cue = self.lex.label, self.lex.cue
        if frame.objects_de and not any(self._case_of(c) in cue("genitive_preps")
                                        and (self._lemma_in(c, frame.objects_de) or _in_slot_class(c, frame.objects_de))
                                        for c in tok.children if c.dep_ == rel.nominal_modifier):
            return False
        if frame.needs_support and not ((tok.dep_ in label("patients") or tok.dep_ in label("argument_oblique"))
                                        and tok.head.pos_ in ("VERB", "AUX")
                                        and tok.head.lemma_.lower() in self.lex.support_verbs) \
                and self._exchange_verb(tok) is None \
                and not self._supported_by_participle(tok):  # the counterpart of a deal is given, as the deal is
            return False
        if frame.needs_support and tok.dep_ in label("argument_oblique") and self._case_of(tok) in cue("dative_preps") \
                and any(c.dep_ == rel.object for c in tok.head.children):  # "faire face à la menace": the object is
            return False  # "face", the noun only its complement ("faire part de sa préoccupation" stays an event)
        if frame.needs_complement and not any(self._case_of(c) in frame.needs_complement for c in tok.children):
            return False
        if frame.governed_by and not self._governed_by(tok, frame.governed_by):
            return False
        if frame.complements:  # "le déploiement de soldats en soutien de X", also on the support verb
            around = list(tok.children) + (list(tok.head.children) if tok.dep_ == rel.object else [])
            if not any(self._lemma_in(c, frame.complements) for c in around
                       if c.i != tok.i and (c.dep_ in label("obliques") or c.dep_ == rel.nominal_modifier)):
                return False
        return True

    @staticmethod
    def _governed_by(tok, lemmas: frozenset[str]) -> bool:
        """``tok`` is inside a complement of a verb of ``lemmas``, up to three heads up through nouns ("condamné
        à cinq ans de prison": "prison" -> "ans" -> "condamné"); the first verb met decides."""
        node = tok
        for _ in range(3):
            if node.head.i == node.i:
                return False
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return node.lemma_.lower() in lemmas
        return False

    def _loose_infinitives(self, children) -> list:
        """Marked infinitive clauses the parser hung off the verb as an adverbial clause or off its object as a
        noun's clause: "a appelé les habitants à ne pas manifester" (advcl), "appelle ses ressortissants à
        quitter le pays" (acl of the object). They complete the verb as an ``xcomp`` would, except the clause of
        an event noun, which is its own ("a accepté la demande de la Bolivie d'ouvrir un dialogue")."""
        rel = self.lex.rel
        clauses = [c for c in children if c.dep_ == rel.adverbial_clause]
        clauses += [g for c in children if c.dep_ == rel.object and c.lemma_.lower() not in self.lex.nouns
                    for g in c.children if g.dep_ == rel.adnominal_clause]
        return [c for c in clauses if c.morph.get("VerbForm") == ["Inf"]]

    def _supported_by_participle(self, tok) -> bool:
        """A noun modified by a support verb's participle with its agent ("les propositions faites à la Chine
        par Moscou", "l'aide apportée par le Japon"): the support verb's passive, so the noun is an event."""
        rel = self.lex.rel
        return any(c.dep_ == rel.adnominal_clause and c.lemma_.lower() in self.lex.support_verbs
                   and c.morph.get("VerbForm") == ["Part"]
                   and any(g.dep_ in self.lex.label("passive_agent") or self._case_of(g) in self.lex.cue("agent_preps")
                           for g in c.children)
                   for c in tok.children)

    def _measured(self, tok, lemmas: frozenset[str]) -> bool:
        """The object is an amount of one of ``lemmas``: "13 milliards de mètres cubes de gaz", "des milliers de
        tonnes de blé" (through the cue list ``measure_nouns``, up to three levels of "de" complements; the
        parser may take "cubes" for an adjective)."""
        rel = self.lex.rel
        measures = self.lex.cue("measure_nouns")
        frontier = [tok]
        for _ in range(3):
            frontier = [c for n in frontier if n.lemma_.lower() in measures for c in n.children
                        if c.dep_ in (rel.nominal_modifier, rel.adjectival_modifier) and c.pos_ in ("NOUN", "ADJ")]
            if any(c.lemma_.lower() in lemmas or c.lower_ in lemmas for c in frontier):
                return True
        return False

    def _lemma_in(self, tok, lemmas: frozenset[str], depth: int = 0) -> bool:
        """``tok`` or the noun its quantity words measure has one of ``lemmas``: "des soldats", "des milliers de
        soldats", "des dizaines de milliers de soldats" (a chain of ``quantity_nouns``, up to three deep)."""
        rel = self.lex.rel
        lemma = tok.lemma_.lower()
        if lemma in lemmas or tok.lower_ in lemmas:
            return True
        if tok.text[:1].isupper() and not lemmas.isdisjoint(self._capital_variants(tok)):
            return True  # "renverser l'Etat": a capital written without its accent
        # "des dizaines de milliers de soldats": look through quantity nouns
        for c in tok.children:
            if c.dep_ == rel.nominal_modifier and (c.lemma_.lower() in lemmas or c.lower_ in lemmas):
                return True
            if c.dep_ == rel.nominal_modifier and depth < 2 and c.lemma_.lower() in self.lex.cue("quantity_nouns") \
                    and self._lemma_in(c, lemmas, depth + 1):
                return True
        return False

    def _capital_variants(self, tok) -> tuple[str, ...]:
        """The lowercase lemmas ``tok`` may stand for when its capital initial lost its accent, as the press writes
        capitals ("Etat" for "État", "Emeutes"): the lemma with its first letter replaced by each of the
        language's ``accented_capitals`` (cues.yaml) that folds to it; () for a language without that list or a
        lemma whose initial has no accented form."""
        memo = word_memo(self, "capital_variants")
        lemma = tok.lemma_.lower()
        found = memo.get(lemma)
        if found is None:
            accented = self.lex.cues.get("accented_capitals", frozenset())
            found = memo[lemma] = tuple(a + lemma[1:] for a in sorted(accented)
                                        if lemma and _folded(a) == lemma[0])
        return found


SLOT_CLASSES = {"@person": entity_labels.PERSON, "@org": entity_labels.ORGANISATION, "@place": entity_labels.PLACE}
"""Classes a frame's ``objects`` list may name besides lemmas: a name the parser's entity recogniser labels as a
person ("a reçu Emmanuel Macron"), an organisation ("quitter le Forum des îles du Pacifique") or a place ("ont
quitté la Centrafrique")."""


def _in_slot_class(tok, objects: frozenset[str], direct: bool = True) -> bool:
    """``tok`` (a spaCy Token) is a capitalised name of a class of :data:`SLOT_CLASSES` that ``objects`` lists;
    ``@org`` and ``@place`` only for a direct object (``direct``): "prendre le pouvoir au Cambodge" does not take
    Cambodia."""
    return bool(tok.ent_type_) and tok.text[:1].isupper() and any(
        tok.ent_type_ in labels for slot, labels in SLOT_CLASSES.items()
        if slot in objects and (direct or slot == "@person"))


def _folded(char: str) -> str:
    """``char`` without its diacritics ("é" -> "e")."""
    return unicodedata.normalize("NFD", char)[:1]


def _fronted(c, verb) -> bool:
    """``c`` is an adjunct set before ``verb`` and closed by a comma ("Au Sénégal, Amnesty condamne le sort
    réservé aux enfants"): the scene of the clause, not the complement a frame's ``needs_complement`` asks for
    ("condamner à" a penalty)."""
    after = c.right_edge.i + 1
    return c.i < verb.i and after < verb.i and c.doc[after].is_punct and c.doc[after].text == ","

