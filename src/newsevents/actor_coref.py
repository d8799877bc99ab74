"""Coreference state of :class:`~newsevents.actors.ArticleActors`: persons learned from apposed names,
referents of the article, and the antecedents of pronouns and bare titles. A mixin, split out of
:mod:`newsevents.actors`."""
from __future__ import annotations

import operator

from .actor_data import (_AGENT_ROLES, _ARG_DEPS, _FEM_PRONOUNS, _MASC_PRONOUNS, _PLUR_PRONOUNS, _TITLE_KIN,
                         NAMED_KINDS, ActorEntry, _DocInfo, _Referent, fold, sentence_starts)

_NAME_DEPS = ("flat:name", "flat", "fixed", "compound")
"""The labels that join the words of one name to its head ("Brigitte" <- "Bardot")."""


TIME_TAIL_DEPS = ("nmod", "obl", "obl:mod")
TIME_TAIL_POS = ("NOUN", "PROPN")
"""Labels and parts of speech of the time complements :meth:`_Coreference._time_tail` looks at."""

class _Coreference:
    """Persons and referents of one article, and antecedent search. A mixin of
    :class:`~newsevents.actors.ArticleActors` (which sets ``_referents`` and the other state)."""

    def _learn_persons(self, info: _DocInfo) -> None:
        """A name apposed to a titled actor ("le ministre malien, Abdoulaye Diop") becomes a person of this
        article: later "Diop" alone resolves to MLI GOV."""
        doc = info.doc
        for start, end in self._name_runs(doc):
            if any(i in info.by_token and info.by_token[i].kind != "agent" for i in range(start, end)):
                continue
            span = doc[start:end]
            root = span.root
            options = []
            if root.dep_ in ("appos", "flat:name", "nmod", "flat", "compound") and root.head.i < start:
                options.append(root.head)
            options += [c for c in root.children if c.dep_ == "appos" and c.i >= end]
            if start >= 2 and doc[start - 1].text == ",":
                prev = doc[start - 2]
                while prev.pos_ == "ADJ" and prev.head.i < prev.i:
                    prev = prev.head
                options.append(prev)
            title = None
            for t in options:
                tm = info.by_token.get(t.i)
                tentry = info.entries.get(tm.start) if tm is not None else None
                if tm is not None and tm.kind == "agent" and tentry is not None \
                        and tentry.role in ("titles", "words", "person_nouns"):
                    title, m = t, tm
                    break
            if title is None:
                continue
            ents = self._np_entities(title, coref=False, exclude=set(range(start, end)))
            if not ents or ents[0].code == "---":
                continue
            e = ents[0]
            name = span.text
            gender = {"Fem": "f", "Masc": "m"}.get((title.morph.get("Gender") or [""])[0])
            entry = ActorEntry("person", e.code, e.sector, name, gender=gender, word=info.entries[m.start].word)
            keys = {tuple(fold(t.text) for t in span)}
            last = doc[end - 1]
            if end - start >= 2 and last.text[:1].isupper() and len(last.text) > 2:
                keys.add((fold(last.text),))
            for key in keys:
                self._learned.setdefault(key, entry)
            for i in range(start, end):
                info.by_token.pop(i, None)
            self._add_mention(info, start, end, entry)

    def _collect_referents(self, info: _DocInfo) -> None:
        doc = info.doc
        seen_heads: set[int] = set()
        for m in list(info.mentions):
            entry = info.entries.get(m.start)
            if m.kind not in NAMED_KINDS and m.kind != "demonym" and not (
                    m.kind == "agent" and entry is not None and entry.role in _AGENT_ROLES):
                continue  # no referent (the branches below), nothing to compute
            head = doc[m.start] if m.end - m.start == 1 else doc[m.start:m.end].root
            if head.i in seen_heads:
                continue
            if m.kind in NAMED_KINDS:
                if head.dep_ in ("flat:name", "flat", "fixed", "compound"):
                    continue
                seen_heads.add(head.i)
                number = (head.morph.get("Number") or [""])[0]
                gender = (head.morph.get("Gender") or [""])[0]
                if m.kind == "person":
                    number = "Sing"
                    gender = {"f": "Fem", "m": "Masc"}.get(entry.gender or "", "")
                kind = {"person": "person", "capital": "country", "country": "country",
                        "contextual": "country"}.get(m.kind, "org")
                title = entry.at(self.published)[2] if entry is not None and m.kind == "person" else ""
                sector = self._person_sector(info, m) if m.kind == "person" else m.sector
                self._add_referent(info, head, m.code, sector, m.name, kind, number, gender, title)
            elif m.kind == "agent" and entry is not None and entry.role in _AGENT_ROLES:
                if head.dep_ not in _ARG_DEPS or head.pos_ not in ("NOUN", "PROPN"):
                    continue
                ents = self._np_entities(head, coref=False)
                if not ents or (ents[0].code == "---" and not self.resolver.main_country_fallback):
                    continue
                seen_heads.add(head.i)
                e = ents[0]
                number = (head.morph.get("Number") or [""])[0]
                gender = (head.morph.get("Gender") or [""])[0]
                if e.code == "---":  # "Des intellectuels ... Ils appellent": as the phrase itself would resolve
                    self._add_referent(info, head, "", e.sector, None, "stranger", number, gender, "")
                    continue
                kind = "title" if entry.role == "titles" else "org"
                self._add_referent(info, head, e.code, e.sector, e.name, kind, number, gender, entry.word)
            elif m.kind == "demonym" and head.pos_ in ("NOUN", "PROPN") and head.dep_ in _ARG_DEPS:
                ents = self._np_entities(head, coref=False)
                if ents:
                    self._add_referent(info, head, ents[0].code, ents[0].sector, None, "group",
                                       (head.morph.get("Number") or ["Plur"])[0], "", "")
        self._collect_strangers(info, seen_heads)
        self._sort_referents()

    def _sort_referents(self) -> None:
        """Keep ``_referents`` in text order (a stable sort by ``char_start``). Only the referents added since the
        last call are sorted when they all come after the others (paragraphs come in text order): the same list
        as sorting the whole of it, without the cost of re-sorting an article's referents at every paragraph."""
        refs, done = self._referents, getattr(self, "_referents_sorted", 0)
        key = operator.attrgetter("char_start")
        new = sorted(refs[done:], key=key)
        if done and new and refs[done - 1].char_start > new[0].char_start:
            refs.sort(key=key)
        else:
            refs[done:] = new
        self._referents_sorted = len(refs)

    def _collect_strangers(self, info: _DocInfo, seen_heads: set[int]) -> None:
        """Persons the dictionary does not know ("Brigitte Bardot accuse ... Elle accuse aussi ..."): a proper noun
        the parser tags as a person, heading its name in an argument position, becomes an antecedent for
        pronouns as a civilian of the paragraph's main country (what :meth:`_unknown_person` gives the name
        itself), of kind ``stranger`` (never the antecedent of a bare title) and no code: the country is looked
        up when the pronoun is resolved (:meth:`_stranger_entities`). Nothing when the language has no
        main-country fallback."""
        if not self.resolver.main_country_fallback:
            return
        doc = info.doc
        from spacy.symbols import PROPN

        per = doc.vocab.strings["PER"]
        codes = doc.to_array(["POS", "ENT_TYPE"]).tolist() if len(doc) else []  # no Token for other words
        for i, (pos, ent) in enumerate(codes):
            if pos != PROPN or ent != per:
                continue
            tok = doc[i]
            if tok.i in seen_heads or tok.dep_ not in _ARG_DEPS \
                    or any(t.i in info.by_token for t in tok.subtree if t.i == tok.i or t.dep_ in _NAME_DEPS):
                continue
            seen_heads.add(tok.i)  # the country is the paragraph's main one when the pronoun is resolved
            self._add_referent(info, tok, "", "CVL", None, "stranger", "Sing", "", "")

    def _stranger_entities(self, info: _DocInfo, pronoun, sector: str) -> list[Entity]:
        """A pronoun whose antecedent is a person the dictionary does not know ("Brigitte Bardot accuse ... Elle
        accuse aussi"): as the name itself (:meth:`_unknown_person`), a guessed actor of the paragraph's main
        country with ``sector``, spanning the pronoun; [] when no country is named."""
        main = self.main_country(paragraph=True)
        return [self._guess(self._entity(info, main, sector, pronoun.i, pronoun.i + 1, None))] if main else []

    def _time_tail(self, tok, head) -> bool:
        """True for a time complement the parser hung after the head of an actor's phrase ("à Accra en avril":
        "avril" under "Accra"): a noun of cue list ``time_nouns`` after the head. It is no part of the actor."""
        if tok.i < head.i or tok.pos_ not in TIME_TAIL_POS or tok.dep_ not in TIME_TAIL_DEPS:
            return False
        words = self.resolver.data.cached("actor_time_nouns", lambda data: frozenset(
            fold(w) for w in (data.file("cues").get("time_nouns") or ()) if "cues" in data.files))
        return fold(tok.lemma_) in words or fold(tok.text) in words

    def sector_referent(self, sector: str, before: int) -> str | None:
        """The code (ISO 3166-1 alpha-3 or ``IGO``) of the latest actor of ``sector`` (a CAMEO sector code) the
        article names before character ``before`` (0-based offset in the article), in the same paragraph or the
        first one (the headline and lead that set the story): "La CPI ... Il est accusé de crimes de guerre"
        gives IGO for the courts. None when there is none; a paragraph about another story starts fresh."""
        starts = [p for p in self.paragraph_starts() if p <= before]
        current = max(starts) if starts else 0
        first_end = min((p for p in self.paragraph_starts() if p > 0), default=None)
        for r in reversed(self._referents):
            if r.char_start >= before or r.sector != sector or r.code in ("", "---"):
                continue
            if r.char_start >= current or (first_end is not None and r.char_start < first_end):
                return r.code
        return None

    def _add_referent(self, info, head, code, sector, name, kind, number, gender, title):
        subject = head.dep_.startswith("nsubj") or (head.dep_ in ("appos", "flat:name")
                                                   and head.head.dep_.startswith("nsubj"))
        if info.sent_starts is None:
            info.sent_starts = sentence_starts(info.doc)
        sent_start = info.offset + (info.sent_starts[head.i] if info.sent_starts else 0)  # [] : no boundaries
        self._referents.append(_Referent(info.offset + head.idx, info.offset + head.idx + len(head), code,
                                         sector, name, kind, number, gender, subject, sent_start, title))

    def _recent_codes(self, char: int, n: int) -> list[str]:
        out: list[str] = []
        for r in reversed(self._referents):
            if r.char_start >= char or r.code in ("---", "IGO", ""):
                continue
            if r.code not in out:
                out.append(r.code)
            if len(out) == n:
                break
        return out

    def _recent_persons(self, char: int, n: int) -> list[_Referent]:
        out: list[_Referent] = []
        for r in reversed(self._referents):
            if r.char_start >= char or r.kind not in ("person", "title"):
                continue
            if all((r.name or r.code) != (o.name or o.code) for o in out):
                out.append(r)
            if len(out) == n:
                break
        return out

    def _title_antecedent(self, info, head, entry: ActorEntry) -> _Referent | None:
        char = info.offset + head.idx
        word = _TITLE_KIN.get(entry.word, entry.word)
        fallback = None
        for r in reversed(self._referents):
            if r.char_start >= char or r.kind not in ("person", "title"):
                continue
            if entry.sector and r.sector not in (entry.sector, "ELI"):
                continue
            title = fold(r.title)
            if word and (word in title or entry.word in title):
                return r
            if fallback is None:
                fallback = r
        return fallback

    def _pair_pronoun(self, tok) -> bool:
        """Rule ``pair_antecedents``: whether ``tok`` heads no noun and is (with the article before it) a word
        of the grammar's ``pair_pronouns`` ("Les deux ont signé", "Both signed", "Ambos firmaron")."""
        pairs = self.resolver.grammar.pair_pronouns
        if not pairs or tok.pos_ not in ("PRON", "NUM") or any(c.pos_ in ("NOUN", "PROPN") for c in tok.children):
            return False
        low = fold(tok.text)
        before = fold(tok.doc[tok.i - 1].text) + " " + low if tok.i > 0 else ""
        return low in pairs or before in pairs

    def _pair_entities(self, info, tok) -> list:
        """Rule ``pair_antecedents``: the two parties of a pair pronoun, the actors of distinct countries or
        organisations the latest sentence before it names (subjects first); [] unless there are exactly two
        ("Le président colombien a rencontré son homologue équatorien. Les deux ont signé": COL GOV, ECU GOV)."""
        char = info.offset + tok.idx
        cands = [r for r in self._referents if r.char_end <= char and r.code not in ("", "---")
                 and r.sent_start < info.offset + tok.sent.start_char]
        if not cands:
            return []
        last = max(r.sent_start for r in cands)
        seen: dict[str, _Referent] = {}
        for r in sorted((r for r in cands if r.sent_start == last), key=lambda r: (not r.subject, r.char_start)):
            seen.setdefault(r.code, r)
        if len(seen) != 2:
            return []
        return [self._entity(info, r.code, r.sector, tok.i, tok.i + 1, r.name) for r in seen.values()]

    def _antecedent(self, info, tok) -> _Referent | None:
        low = fold(tok.text)
        grammar = self.resolver.grammar
        number = "Plur" if low in grammar.plur_pronouns else "Sing"
        gender = "Masc" if low in grammar.masc_pronouns else "Fem" if low in grammar.fem_pronouns else ""
        char = info.offset + tok.idx
        cands = [r for r in self._referents if r.char_end <= char]
        def ok(r: _Referent) -> bool:
            if r.code == "---" and not r.name:
                return False
            if number == "Sing" and r.number == "Plur":
                return False
            if number == "Plur" and r.number != "Plur":
                return False
            if gender and r.gender and r.gender != gender:
                return False
            return True
        cands = [r for r in cands if ok(r)]
        if not cands:
            return None
        last_sent = max(r.sent_start for r in cands)
        in_sent = [r for r in cands if r.sent_start == last_sent]
        subjects = [r for r in in_sent if r.subject]
        return (subjects or in_sent)[-1] if not subjects else subjects[0]
