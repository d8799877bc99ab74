"""Sector words in context (a mixin of :class:`~newsevents.actors.ArticleActors`): which country and sector
a sector word of ``agents.yaml`` stands for ("le porte-parole du Hamas", "des milliers de Kurdes", "les forces
dirigées par le Vietnam", "le président" named before), and the sector of supporters and relatives."""
from __future__ import annotations

from .actor_data import _BINATIONAL, ActorEntry, Mention, _DocInfo, fold
from .docview import doc_view
from .records import Entity

NAME_MODIFIER_DEPS = frozenset({"compound", "flat", "flat:name", "nmod"})
"""Dependency labels of a proper noun that names the noun it hangs on ("the Hizbollah group": ``compound``; "le
groupe Hezbollah": ``flat:name`` or ``nmod`` without a preposition; an apposition is another description)."""

GROUP_KINDS = frozenset({"group", "igo", "org", "media"})
"""Mention kinds that can name a group noun (``_named_group``): organisations, not persons or countries."""


def supporters_sector(leader_sector: str) -> str:
    """The sector of the supporters of someone of sector ``leader_sector`` ("les partisans de X"): the
    opposition (OPP) when X is in the opposition or out of office (ELI), else civilians (CVL)."""
    return "OPP" if leader_sector in ("OPP", "ELI") else "CVL"


def described_sectors(raw: dict) -> dict[str, dict[str, str]]:
    """agents.yaml ``described_sectors`` as {"adjectives": {folded lemma: sector}, "weapons": {...}}; raises
    ValueError naming the key when a part is not a mapping of sector codes to word lists."""
    out: dict[str, dict[str, str]] = {"adjectives": {}, "weapons": {}}
    for part, table in raw.items():
        if part not in out or not isinstance(table, dict):
            raise ValueError(f"agents.yaml described_sectors: unknown or malformed part {part!r}")
        for sector, words in table.items():
            out[part].update({fold(w): str(sector) for w in words or ()})
    return out


HOME_BOUND_SECTORS = frozenset({"COP", "OPP", "LAB", "EDU"})
"""Sectors of groups that act at home (police, protesters, strikers, students), unlike armies or
governments acting abroad: a place their sentence names is where they are from."""


class _SectorWords:
    """The sector-word rules of :class:`~newsevents.actors.ArticleActors` (its resolver, mentions, places and
    coreference state are the host's)."""

    def _agent_entities(self, info, head, m: Mention, entry: ActorEntry, s, e, coref) -> list[Entity]:
        """The entities a sector word (agents.yaml) stands for in its phrase [s, e): a counted or quantified
        group, a person or a country named with it, an antecedent, or the main country (guessed)."""
        counted = self._counted_agent(info, head, entry, s, e, coref)
        if counted is not None:
            return counted
        role = entry.role
        sector = entry.sector
        if role in ("words", "titles") and self._binational(head):  # "une journaliste franco-algérienne"
            return [self._entity(info, "---", sector, s, e, None)]
        person = self._apposed_name(info, head, e)
        if person is not None and role in ("titles", "words", "person_nouns"):
            sector_out = person.sector if person.kind == "person" or not sector else sector
            if person.kind == "person":
                sector_out = self._titled_sector(person.sector, role, sector, entry.word)
            return [self._entity(info, person.code, sector_out, s, person.end, person.name)]
        found = self._country_in(info, head)
        if found is not None:
            ents, sector = self._agent_with_country(info, head, found[0], entry, sector, s, e, coref)
            if ents is not None:
                return ents
        return self._agent_from_context(info, head, entry, sector, s, e, coref)

    def _described_sector(self, head) -> str | None:
        """The sector the noun ``head`` gets from what it is described as (agents.yaml ``described_sectors``):
        an adjective of a sector on it ("présence militaire", "femmes djihadistes") or a weapon as the noun
        itself ("des missiles russes"); None when neither."""
        table = self.resolver.described_sectors
        view = doc_view(head.doc)
        for c in [head.doc[i] for i in view.children[head.i] if view.deps[i] == "amod"]:
            sector = table["adjectives"].get(fold(c.lemma_)) or table["adjectives"].get(fold(c.text))
            if sector:
                return sector
        return table["weapons"].get(fold(head.lemma_)) or table["weapons"].get(fold(head.text))

    def _described(self, head, ents: list[Entity]) -> list[Entity]:
        """``ents`` of the phrase headed by ``head``, a nationality or a generic group of people (no sector, or
        CVL) taking the sector the head noun is described with (:meth:`_described_sector`): "la présence
        militaire française" -> FRA MIL, "un commando de femmes djihadistes" -> REB. Other sectors are kept."""
        if not ents or all(x.sector not in ("", "CVL") for x in ents):
            return ents
        sector = self._described_sector(head)
        if not sector:
            return ents
        return [Entity(x.code, sector, x.entity_text, x.span, x.name) if x.sector in ("", "CVL") and not x.name
                else x for x in ents]

    def _named_group(self, info, head, s, e, coref) -> list[Entity]:
        """"the Hizbollah group", "le groupe Hezbollah": a quantifier noun with no "of" complement whose name
        modifier (a proper noun hung on it with no preposition, not an apposition) names an organisation is that
        organisation, with its own sector; [] otherwise ("the group", "a Kurdish group", "la majorité, X")."""
        named = next((c for c in head.children if c.pos_ == "PROPN" and c.dep_ in NAME_MODIFIER_DEPS
                      and not any(g.dep_ == "case" for g in c.children)), None)
        mention = info.by_token.get(named.i) if named is not None else None
        if mention is None or mention.kind not in GROUP_KINDS:
            return []
        span = self._entity(info, "", "", s, e, None).span
        return [Entity(x.code, x.sector, head.doc[s:e].text, span, x.name)
                for x in self._np_entities(named, coref)[:1] if x.code]

    def _counted_agent(self, info, head, entry: ActorEntry, s, e, coref) -> list[Entity] | None:
        """Quantifiers ("des milliers de Kurdes"), country nouns ("les deux pays") and counted person nouns
        ("les deux dirigeants"): their entities (maybe none); None for any other sector word."""
        doc = head.doc
        role = entry.role
        if role == "quantifiers":
            de_cases = self.resolver.grammar.de_cases
            inner = next((c for c in head.children if c.dep_ == "nmod" and self._case(c) in de_cases), None)
            if inner is None:
                return self._named_group(info, head, s, e, coref)
            sub = self._np_entities(inner, coref)
            span = self._entity(info, "", "", s, e, None).span
            people = inner.i not in info.by_token and inner.morph.get("Number") == ["Plur"]
            return [Entity(x.code, x.sector or ("CVL" if people else ""), doc[s:e].text, span, x.name)
                    for x in sub[:1]]  # "thousands of Iraqi Kurds": a plural the dictionary does not know is people
        count = self._count(head)
        if role == "country_nouns":
            if not coref:
                return []
            n = count or 1
            codes = self._recent_codes(info.offset + head.idx, n)
            if len(codes) < n:
                return []
            return [self._entity(info, c, "", s, e, None) for c in reversed(codes)]
        if role == "person_nouns" and count and coref:
            refs = self._recent_persons(info.offset + head.idx, count)
            if len(refs) == count:
                return [self._entity(info, r.code, r.sector, s, e, r.name) for r in reversed(refs)]
            return []
        if role == "titles" and count >= 2 and coref and self._definite(head) and self._only_counted(head):
            # rule counted_titles: "the two leaders" after two named leaders are those two, not the last one
            # ("Les deux dirigeants ont signé"); a title with a country of its own ("les deux ministres
            # français") or with fewer persons named before is left to the other title rules
            refs = self._recent_persons(info.offset + head.idx, count)
            if len(refs) == count:
                return [self._entity(info, r.code, r.sector, s, e, r.name) for r in reversed(refs)]
        return None

    def _agent_with_country(self, info, head, fm: Mention, entry: ActorEntry, sector: str, s, e,
                            coref) -> tuple[list[Entity] | None, str]:
        """A sector word whose phrase names a country, person, organisation or sector noun ``fm`` ("le
        porte-parole du Hamas", "la compagne de X", "des responsables du renseignement"): (entities, sector),
        entities None when that gives no country (the caller goes on with the sector returned)."""
        doc = head.doc
        role = entry.role
        fm = self._sector_noun_of(info, head, fm)
        related = self._related_person_sector(info, head, fm, entry, sector)
        if related is not None:  # "le fils de X", "les partisans de l'ex-président X": not X's office
            return [self._entity(info, fm.code, related, s, e, None)], related
        if fm.kind == "person":
            root = doc[fm.start:fm.end].root
            path = [root]
            while path[-1].head.i != path[-1].i and path[-1].head.i != head.i and len(path) < 5:
                path.append(path[-1].head)
            if sector and any(t.dep_ == "nmod" and self._case(t) in self.resolver.grammar.de_cases for t in path):
                # "la compagne de X", "l'armée de X": the noun's own sector, the person's country
                return [self._entity(info, fm.code, sector, s, e, None)], sector
            sector_out = self._titled_sector(fm.sector, role, sector, entry.word)
            return [self._entity(info, fm.code, sector_out, s, e, fm.name)], sector
        if fm.kind == "agent":
            sub = self._np_entities(doc[fm.start:fm.end].root, coref)
            if sub and sub[0].sector and entry.word in self.resolver.office_words:
                sector = sub[0].sector  # "des responsables du renseignement" -> SPY, "un porte-parole de l'armée"
            elif sub and entry.word in self.resolver.supporter_nouns:  # "les partisans de l'ancien président"
                sector = supporters_sector(sub[0].sector)
            if sub and sub[0].code != "---":
                return [self._entity(info, sub[0].code, sector or sub[0].sector, s, e, sub[0].name)], sector
        else:
            if fm.code == "IGO" and fm.sector and not sector:
                sector = fm.sector
            elif fm.kind in ("igo", "org", "group", "media") and fm.sector not in ("", "GOV") and (
                    not sector or entry.word in self.resolver.office_words
                    or (sector == "GOV" and role in ("titles", "words"))):
                sector = fm.sector  # "le porte-parole du Hamas" -> REB, "le chef de la CGT" -> LAB
            if fm.code == "---" and fm.sector:  # "des responsables de la Croix-Rouge": the NGO's sector
                sector = fm.sector
            ents = [self._entity(info, fm.code, sector, s, e, fm.name if fm.kind != "demonym" else None)]
            if fm.kind in ("demonym", "country"):  # "les présidents chinois et russe", "US and British
                adj = doc[fm.start]                  # activists": one actor per demonym or country
                for c in adj.children:
                    cm = info.by_token.get(c.i)
                    if c.dep_ == "conj" and cm is not None and cm.kind in ("demonym", "country"):
                        cc = next((x for x in c.children if x.dep_ == "cc"), None)
                        first = cc.i if cc is not None and cc.i < c.i else c.i
                        # the first demonym's words: up to the "and" (English "British and Egyptian
                        # warships": the demonym before the noun, "British")
                        start = s if s < first else adj.i
                        stop = next((x.i for x in adj.children if x.dep_ == "cc" and adj.i < x.i < c.i), first)
                        ents[0] = self._entity(info, fm.code, sector, start, min(e, first, stop), None)
                        ents.append(self._entity(info, cm.code, sector, first, c.i + 1, None))
            return ents, sector
        return None, sector

    def _related_person_sector(self, info, head, fm: Mention, entry: ActorEntry, sector: str) -> str | None:
        """The sector of someone named by their relation to a person ``fm`` named after the noun ``head``: a
        relative or associate (agents.yaml ``relation_nouns``: "l'ex-collaborateur du président X") keeps the
        noun's own sector (a civilian); a supporter (``supporter_nouns``: "les partisans de X") is of the
        opposition when X is (or is out of office: "les partisans de l'ancien président X"), else a civilian.
        None for any other phrase."""
        if fm.kind != "person" or fm.start <= head.i:
            return None
        if entry.word in self.resolver.relation_nouns:
            return sector
        if entry.word in self.resolver.supporter_nouns:
            return supporters_sector(self._person_sector(info, fm))
        return None

    def _agent_from_context(self, info, head, entry: ActorEntry, sector: str, s, e, coref) -> list[Entity]:
        """A sector word with no country in its phrase: the leader it is led by, an antecedent title, the
        country last named, the main country (guessed), or ``---``."""
        role = entry.role
        leader = self._leader(head, coref)  # "les forces dirigées par le Vietnam"
        if leader is not None and role != "person_nouns":
            return [self._entity(info, leader.code, sector or leader.sector, s, e, None)]
        if role == "person_nouns" and not coref:
            return []
        view = doc_view(head.doc)
        deps, kids = view.deps, view.children
        named_here = any(view.pos[c] == "PROPN" and c not in info.by_token
                         and deps[c] in ("flat:name", "appos", "nmod", "flat", "compound")
                         and view.strings[view.orths[c]][:1].isupper()
                         and not any(deps[x] == "case" for x in kids[c]) for c in kids[head.i])
        if coref and self._is_bare(head) and not named_here:  # "le président X" names someone new
            if role == "titles" or role == "person_nouns":
                ref = self._title_antecedent(info, head, entry)
                if ref is not None:
                    return [self._entity(info, ref.code, ref.sector, s, e, ref.name)]
            if role in ("titles", "institutions"):  # "le régime", "la première ministre": the country last named
                codes = self._recent_codes(info.offset + head.idx, 1)
                if codes:
                    code = self._own_place(info, head, sector, codes[0]) if role == "institutions" else codes[0]
                    return [self._guess(self._entity(info, code, sector, s, e, None))]
        if role == "person_nouns":
            return []
        if any(deps[c] == "nmod" and fold(view.strings[view.orths[c]]) in self.resolver.stateless_regions
               for c in kids[head.i]):
            return [self._entity(info, "---", sector, s, e, None)]  # "les groupes armés du Sahel": no one country
        if coref and self.resolver.main_country_fallback:
            main = self.main_country(paragraph=True)  # a paragraph about another place starts fresh
            main = self._own_place(info, head, sector, main)  # a place of its own sentence wins
            if main is not None:
                return [self._guess(self._entity(info, main, sector, s, e, None))]
        return [self._entity(info, "---", sector, s, e, None)]

    def _own_place(self, info, head, sector: str, carried: str | None) -> str | None:
        """Rule own_sentence_place: the country of a home-bound group word (:data:`HOME_BOUND_SECTORS`), the
        active subject of its clause, is that of the places its own sentence names when they lie in one other
        country than ``carried`` (the country last named or the paragraph's, an ISO alpha-3 code or None): "Le
        Maroc a rappelé son ambassadeur. La police a dispersé une manifestation à Dakar" gives SEN COP. Else
        ``carried``."""
        if sector not in HOME_BOUND_SECTORS or head.dep_ != "nsubj":
            return carried
        sent = head.sent
        return self.sentence_country(info.offset + sent.start_char, info.offset + sent.end_char, carried)

    def _unknown_person(self, info: _DocInfo, head, s: int, e: int) -> list[Entity]:
        """A person the dictionary does not know ("Keyvan Emamverdi a été condamné", "la voyageuse Gabby
        Petito"), named by a proper noun the parser tags as a person (or a common noun with such a name): a
        civilian (CVL) of the paragraph's main country, recorded as a guess (as for sector words); [] when no
        country is named yet or for any other phrase."""
        named = head.pos_ == "PROPN" and head.ent_type_ == "PER" or head.pos_ == "NOUN" and any(
            c.pos_ == "PROPN" and c.ent_type_ == "PER" and c.dep_ in ("appos", "flat:name", "flat", "nmod")
            and not any(x.dep_ == "case" for x in c.children) for c in head.children)  # "la voyageuse Gabby Petito"
        if not named or not self.resolver.main_country_fallback:
            return []
        main = self.main_country(paragraph=True)
        return [self._guess(self._entity(info, main, "CVL", s, e, None))] if main is not None else []

    @staticmethod
    def _binational(head) -> bool:
        """True when a person word is described by a compound nationality ("un universitaire irano-suédois",
        "la journaliste américano-palestinienne": a combining form in -o, a hyphen, a demonym; one token or
        three). Whose national the person counts as cannot be told: ANNOTATION.md codes it ``---``."""
        doc = head.doc
        after = doc[head.i + 1:min(head.i + 4, len(doc))]
        words = [t.text.lower() for t in after]
        if words and _BINATIONAL.match(words[0]):
            return True
        return len(words) >= 3 and words[0].endswith("o") and words[0].isalpha() and len(words[0]) > 3 \
            and words[1] in ("-", "‑") and words[2].isalpha()

    def _leader(self, head, coref: bool) -> Entity | None:
        """The country of whoever leads a group named by a sector word with no country of its own: the agent
        of a participle of leading ("les forces dirigées par le Vietnam", "la coalition menée par l'Arabie
        saoudite"); the verbs are ``led_by_verbs`` of agents.yaml. None when there is no such participle."""
        view = doc_view(head.doc)
        for c in [head.doc[i] for i in view.children[head.i] if view.deps[i] == "acl"]:
            if fold(c.lemma_) in self.resolver.led_by_verbs:
                agent = next((g for g in c.children if g.dep_ == "obl:agent"
                              or self._case(g) in self.resolver.agent_preps), None)
                if agent is not None:
                    found = [x for x in self._np_entities(agent, coref) if x.code != "---"]
                    if found:
                        return found[0]
        return None
