"""Actor dictionaries and actor resolution: who is named, and which country and sector they stand for.

Data: ``lang/<code>/countries.yaml`` (country names, demonyms, capitals and seats of power),
``lang/<code>/actors.yaml`` (organisations, media, armed groups, persons with dated roles) and
``lang/<code>/agents.yaml`` (sector words: "ministre" -> GOV, "armée" -> MIL ...). Each file's ``source`` key
says where its entries come from.

Use:

    resolver = ActorResolver(load_language("fr"))       # once: builds the matcher
    context = resolver.article("2024-01-21")            # once per article: holds coreference state
    context.add_doc(doc, offset)                         # every parsed chunk, in text order
    context.resolve(token)                               # -> tuple[Entity, ...] for the NP headed by token
    context.modifier_actors(event_noun)                  # "les frappes russes" -> (RUS,)

Codes are ISO 3166-1 alpha-3 (plus KSV, as CAMEO), ``IGO`` or ``---``; sectors are CAMEO/PLOVER agent codes
(:data:`SECTORS`) or ``""`` for a state as a whole. Token indices are those of the spaCy Doc; character
offsets are 0-based, end-exclusive, into the article text (the chunk's offset added). Dates are ISO 8601.

Matching is case- and accent-insensitive (:func:`fold`) on the Doc's own tokens, with one table of folded
word sequences (and of their beginnings) built once per language; names written with a capital in the data
only match capitalised words, and acronyms only match upper-case words, so "Grenade" never matches "une
grenade".
"""
from __future__ import annotations

import logging
import unicodedata
from datetime import date

from . import entity_labels
from .actor_agents import _SectorWords, described_sectors
from .actor_coref import TIME_TAIL_DEPS, TIME_TAIL_POS, _Coreference
from .actor_titles import _PersonTitles
from .actor_data import fold, fold_orths, fold_words, grammar_of
from .actor_data import (  # noqa: F401 -- the data, validation and mention records live in actor_data; re-exported
    NAMED_KINDS, SECTORS, _AGENT_ROLES, _ARG_DEPS, _BINATIONAL, _CLAUSE_DEPS, _DE_CASES, _DEFINITE, _FEM_PRONOUNS,
    _INDEFINITE_PLURAL, _INFO_DEPS, _KIND_RANK, _MASC_PRONOUNS, _PLUR_PRONOUNS, _PREPOSITIONS, _QUANT_WORDS,
    _SING_PRONOUNS, _TITLE_KIN, ActorEntry, Mention, Role, _check_code, _check_sector, _days, _DocInfo, _iso,
    _plural, _Referent, _roles, fold, known_names, validate)
from .docview import doc_view, ents_of
from .langdata import LanguageData, LanguageDataError
from .records import Entity

log = logging.getLogger(__name__)

__all__ = ["ActorResolver", "ArticleActors", "Mention", "SECTORS", "fold", "known_names", "validate"]


class ActorResolver:
    """Actor dictionaries of one language, compiled once into a table of folded word sequences.

    ``data`` is the loaded :class:`~newsevents.langdata.LanguageData`; patterns are tokenized with the blank
    spaCy pipeline of that language (the same tokenizer rules as its trained pipelines).
    ``main_country_fallback``: a sector word with no country in its phrase and no antecedent ("des
    manifestants", "les soldats") takes the article's main country (:meth:`ArticleActors.main_country`);
    when False it stays ``---``. The gold sets code such actors with the country the article is about.
    ``nlp``: a loaded pipeline of the same language whose tokenizer and vocab to reuse (saves building a blank
    one, about 4 s of regex compilation for French). Raises
    :class:`~newsevents.langdata.LanguageDataError` when a file is invalid (see :func:`validate`)."""

    def __init__(self, data: LanguageData, *, main_country_fallback: bool = True, nlp=None):
        import spacy

        self.data = data
        self.lang = data.lang
        self.grammar = grammar_of(data)
        self.main_country_fallback = main_country_fallback
        self.led_by_verbs = frozenset(fold(w) for w in data.file("agents").get("led_by_verbs") or ())
        self.agent_preps = frozenset((data.files.get("syntax", {}).get("words") or {}).get("agent_preps") or ())
        """syntax.yaml ``agent_preps`` ("par", "by"): the agent of a participle of leading (:meth:`_leader`)."""
        regions = (data.file("places").get("regions") or {}) if "places" in data.files else {}
        self.stateless_regions = frozenset(fold(name) for name, info in regions.items()
                                           if isinstance(info, dict) and info.get("country") is None)
        self._nlp = nlp if nlp is not None else spacy.blank(data.lang)
        self.vocab = self._nlp.vocab
        self._candidates, self._prefixes = self._compiled_table(data)
        """Folded surface form -> its (entry, case) candidates; and every beginning (1 word or more) of a folded
        dictionary surface form: a lookup stops at a word sequence that begins none."""
        self._firsts = frozenset(key[0] for key in self._prefixes if len(key) == 1)
        """The first words of the dictionary's surface forms (:meth:`_match` skips any other word at once)."""
        self._folded: dict[int, str] = {}  # orth hash -> folded text (:meth:`folded`)
        self.office_words = frozenset(fold(w) for w in data.file("agents").get("office_words") or ())
        self.person_nouns = frozenset(fold(w) for w in data.file("agents").get("person_nouns") or ())
        self.former_words = frozenset(fold(w) for w in data.file("agents").get("former_words") or ())
        self.relation_nouns = frozenset(fold(w) for w in data.file("agents").get("relation_nouns") or ())
        self.supporter_nouns = frozenset(fold(w) for w in data.file("agents").get("supporter_nouns") or ())
        self.described_sectors = described_sectors(data.file("agents").get("described_sectors") or {})
        """agents.yaml ``relation_nouns``: someone's relative or associate; a person named in the phrase gives
        the country, not the sector ("l'ex-collaborateur du président Emmanuel Macron": FRA CVL);
        ``supporter_nouns``: someone's supporters (:func:`~newsevents.actor_agents.supporters_sector`)."""
        """agents.yaml ``former_words``: before a person's title or name, the person is out of office (ELI)."""
        """Lemmas (folded) of agents.yaml ``office_words``: a function in a body, whose holder belongs to the
        sector of the body named in its "de" complement ("un porte-parole de l'armée" -> MIL)."""
        log.debug("actor matcher: %d surface forms", len(self._candidates))

    def _compiled_table(self, data: LanguageData) -> tuple[dict, set]:
        """(surface table, prefixes): every folded dictionary surface form -> its (entry, case) candidates, and
        every beginning of a form. Built once per language and kept in the cache directory keyed by the
        language data's checksum, the spaCy version and the building code (tokenizing some 60,000 Spanish forms
        takes about 2 s); an unreadable cache is rebuilt. Raises :class:`~newsevents.langdata.LanguageDataError` for invalid data."""
        import spacy

        from . import actor_data
        from .diskcache import cached_build

        return cached_build(f"actors-{data.lang}-{data.checksum}-{spacy.__version__}",
                            (ActorResolver._build_table, actor_data), lambda: self._build_table(data),
                            tuple, lambda value: len(value) == 2)

    def _build_table(self, data: LanguageData) -> tuple[dict, set]:
        """The table of :meth:`_compiled_table`, built from the validated dictionaries."""
        pairs = validate(data)
        candidates: dict[tuple[str, ...], list[tuple[ActorEntry, str]]] = {}
        for surface, entry in pairs:
            surface = unicodedata.normalize("NFC", surface.strip())
            if not surface:
                continue
            tokens = self._nlp.make_doc(surface)
            key = tuple(fold(t.text) for t in tokens)
            if surface.isupper() and len(surface) > 1:
                case = "upper"
            else:  # which words must be capitalised: "Le Monde" is not "le monde"
                # the part after a hyphen may be written either way: "Ban Ki-Moon" is also "Ban Ki-moon"
                case = "".join("T" if t.text[:1].isupper() and not (t.i and tokens[t.i - 1].text == "-") else "."
                               for t in tokens)
                if len(tokens) > 1 and fold(tokens[0].text) in self.grammar.definite and "T" in case[1:]:
                    case = "." + case[1:]  # "le Caire" in running text, "Le Caire" in the list
                case = case if "T" in case else ""
            bucket = candidates.setdefault(key, [])
            if (entry, case) not in bucket:
                bucket.append((entry, case))
        for bucket in candidates.values():
            bucket.sort(key=lambda ec: _KIND_RANK[ec[0].kind])
        return candidates, {key[:n] for key in candidates for n in range(1, len(key) + 1)}

    def person_name(self, word: str) -> bool:
        """Whether ``word`` (one word, any case) is by itself a person's name or alias in the dictionaries
        ("Macron")."""
        return any(entry.kind == "person" for entry, _ in self._candidates.get((fold(word),), ()))

    def article(self, published: str | None) -> "ArticleActors":
        """A fresh per-article context; ``published`` (ISO 8601 date or None) chooses persons' roles."""
        return ArticleActors(self, published)

    def folded(self, tokens) -> list[str]:
        """:func:`fold` of the text of each of ``tokens`` (a Doc or a list of spaCy Tokens), memoised by orth."""
        return fold_words(tokens, self._folded)

    def _match(self, doc, folded: list[str] | None = None) -> list[tuple[int, int, list[tuple[ActorEntry, str]]]]:
        """Every (start token, end token, candidates) of ``doc`` (a Doc or the list of its tokens) whose folded
        words are a dictionary surface form, by start then end; overlapping and nested matches included. Linear
        in the Doc's length (times the longest form). ``folded``: ``self.folded(doc)`` when the caller has it."""
        words = [w or " " for w in (self.folded(doc) if folded is None else folded)]
        out = []
        prefixes, candidates, firsts = self._prefixes, self._candidates, self._firsts
        for start in range(len(words)):
            if words[start] not in firsts:  # the one-word beginning, without making its tuple
                continue
            end = start + 1
            while end <= len(words):
                key = tuple(words[start:end])
                if key not in prefixes:
                    break
                cands = candidates.get(key)
                if cands is not None:
                    out.append((start, end, cands))
                end += 1
        return out


def _case_ok(tokens, case: str, kind: str = "") -> bool:
    """``case`` is "" (any case), "upper" (an acronym: the first word in capitals) or one letter per word,
    "T" where the word must start with a capital. Words of an all-capitals line that the pipeline parsed in
    lower case (the Doc's ``user_data["lowered_capitals"]`` ranges) were written in capitals: there any case
    fits, except an organisation (``kind`` of the entry) named by one capitalised word, which in capitals
    cannot be told from a common word ("LA POLICIA" is no organisation "La Policía"; "LONDRES" is London)."""
    lowered = tokens[0].doc.user_data.get("lowered_capitals")
    if lowered and any(s <= tokens[0].idx < e for s, e in lowered):
        return case.count("T") != 1 or kind not in ("org", "group", "igo", "media")
    first = tokens[0].text
    if case == "upper":
        return any(c.isalpha() for c in first) and first.isupper()
    return all(flag != "T" or tok.text[:1].isupper() for flag, tok in zip(case, tokens))


class ArticleActors(_SectorWords, _PersonTitles, _Coreference):
    """Actor mentions and coreference state of one article. Call :meth:`add_doc` for every parsed chunk in
    text order, then :meth:`resolve` / :meth:`modifier_actors` / :meth:`mentions_in` on their tokens."""

    def __init__(self, resolver: ActorResolver, published: str | None):
        self.resolver = resolver
        self.published = published[:10] if published and len(published) >= 10 else (
            (published + "-01-01")[:10] if published and len(published) == 4 else
            (published + "-01")[:10] if published and len(published) == 7 else None)
        self._docs: dict[int, _DocInfo] = {}
        self._referents: list[_Referent] = []
        self._learned: dict[tuple[str, ...], ActorEntry] = {}
        self._codes_seen: set[str] = set()
        self._main: tuple[str, ...] | None = None
        self._code_counts: dict[str, list[float]] = {}
        self._neighbours: set[int] = set()  # article offsets of countries named as a neighbour (no evidence)
        self._paragraph_counts: dict[str, list[float]] = {}  # the same, for the paragraph (Doc) added last
        self._place_counts: dict[str, list[int]] = {}  # countries of the places named (cities...): weaker
        self._paragraph_place_counts: dict[str, list[int]] = {}
        self._paragraph_places: list[tuple[str, int]] = []  # (code, article offset) of the places of the last Doc
        self.guessed: set[tuple[int, int]] = set()
        """Spans of entities whose country is a guess (the country last named, the article's main country),
        not a signal in their own words."""

    # -- mentions ------------------------------------------------------------------------------------------

    def add_doc(self, doc, offset: int = 0) -> list[Mention]:
        """Find all actor mentions in ``doc`` (a parsed chunk whose first character is at ``offset`` in the
        article) and record its actors as antecedents. Returns the mentions in token order."""
        info = _DocInfo(doc, offset, [], {}, {}, doc.to_array("ORTH").tolist() if len(doc) else [])
        self._docs[id(doc)] = info
        self._paragraph_counts = {}
        self._paragraph_place_counts = {}
        self._paragraph_places = []
        found: list[tuple[int, int, ActorEntry]] = []
        folded = fold_orths(info.orths, doc.vocab.strings, self.resolver._folded)
        for start, end, cands in self.resolver._match(doc, folded):
            for entry, case in cands:
                if case and not _case_ok(doc[start:end], case, entry.kind):  # "": any case fits
                    continue
                if entry.kind == "agent" and end - start == 1 and (
                        doc[start].dep_ == "amod" or doc[start].pos_ in ("VERB", "AUX", "ADV")):
                    continue  # "opération militaire": an adjective, not the sector noun
                found.append((start, end, entry))
                break
        found.extend(self._learned_matches(doc))
        # names win over sector words they overlap ("président de la République centrafricaine"), then longer
        # matches over shorter ones
        found.sort(key=lambda m: (m[2].kind == "agent", -(m[1] - m[0]), _KIND_RANK[m[2].kind], m[0]))
        taken: set[int] = set()
        chosen = []
        for start, end, entry in found:
            if any(i in taken for i in range(start, end)):
                continue
            taken.update(range(start, end))
            chosen.append((start, end, entry))
        chosen.sort(key=lambda m: m[:2])
        # "le Nord" is North Korea only in an article that speaks of Korea (anywhere in it)
        present = self._codes_seen | {e.code for _, _, e in chosen if e.kind not in ("contextual", "blocked")}
        for start, end, entry in chosen:
            if entry.kind == "blocked" or (entry.kind == "contextual" and not (entry.when & present)):
                continue
            self._add_mention(info, start, end, entry)
        if not doc.has_annotation("DEP"):  # no parse: names only, no apposition, coreference or referents
            log.debug("add_doc: the Doc has no dependency parse; only dictionary names are found")
            return list(info.mentions)
        self._learn_persons(info)
        for start, end, entry in self._learned_matches(doc):  # names learned in this very chunk
            if not any(i in info.by_token for i in range(start, end)):
                self._add_mention(info, start, end, entry)
        self._collect_referents(info)
        pronouns = self.resolver.grammar.subject_pronouns
        for i, word in enumerate(folded):  # subject pronouns: a coref mention of their antecedent
            if word in pronouns and i not in info.by_token:
                tok = doc[i]
                ref = self._antecedent(info, tok)
                if ref is not None:
                    m = Mention(tok.i, tok.i + 1, info.offset + tok.idx, info.offset + tok.idx + len(tok),
                                ref.code, ref.sector, ref.name, "coref")
                    info.mentions.append(m)
                    info.by_token[tok.i] = m
        info.mentions.sort(key=lambda x: x.start)
        return list(info.mentions)

    def _add_mention(self, info: _DocInfo, start: int, end: int, entry: ActorEntry) -> Mention:
        doc = info.doc
        code, sector, _ = entry.at(self.published)
        kind = "country" if entry.kind == "contextual" else entry.kind
        view = doc_view(doc)
        _, first, last = view.text(start, end)
        self._main = None
        name = entry.name if kind in ("person", "igo", "media", "group", "org") else None
        m = Mention(start, end, info.offset + first, info.offset + last, code, sector, name, kind)
        info.mentions.append(m)
        info.mentions.sort(key=lambda x: x.start)
        for i in range(start, end):
            info.by_token[i] = m
        info.entries[start] = entry
        if kind != "agent" and code not in ("---", "IGO"):
            self._codes_seen.add(code)
            # the home of an organisation or a news agency ("le pape", "l'AFP") is weaker evidence of
            # where the story is than a place or a nationality: it counts half; a neighbour ("cerca de la
            # frontera con Colombia") is none
            weight = 0.5 if kind in ("org", "media") else 1
            root = start if end - start == 1 else doc[start:end].root.i  # one word: its own root
            head = view.heads[root]
            if head != root and fold(doc[head].lemma_) in self.resolver.grammar.neighbour_words \
                    or self._stance(doc, start):  # "an anti-Syria journalist" is not in Syria
                weight = 0
                self._neighbours.add(m.char_start)
            for counts in (self._code_counts, self._paragraph_counts) if weight else ():
                counts.setdefault(code, [0, m.char_start])[0] += weight
        return m

    def _learned_matches(self, doc):
        if not self._learned:
            return []
        longest = max(len(k) for k in self._learned)
        out = []
        for i, tok in enumerate(doc):
            if not tok.text[:1].isupper():
                continue
            for n in range(min(longest, len(doc) - i), 0, -1):
                key = tuple(fold(t.text) for t in doc[i:i + n])
                if key in self._learned:
                    out.append((i, i + n, self._learned[key]))
                    break
        return out

    def _name_runs(self, doc) -> list[tuple[int, int]]:
        """Spans of person names: the parser's PER entities, else runs of capitalised PROPN tokens (hyphens
        inside a name kept)."""
        runs = [(e.start, e.end) for e in ents_of(doc) if e.label_ in entity_labels.PERSON]
        from spacy.symbols import PROPN

        n, strings = len(doc), doc.vocab.strings
        i, flat = 0, strings["flat:name"]
        codes = doc.to_array(["POS", "DEP", "ORTH"]).tolist() if n else []  # one array, no Token per word
        pos = [p == PROPN for p, _, _ in codes]
        named = [p == PROPN or d == flat for p, d, _ in codes]  # text only where read: a name word or before one
        text = [strings[o] if named[k] or (k + 1 < n and named[k + 1]) else ""
                for k, (_, _, o) in enumerate(codes)]
        while i < n:
            if pos[i] and text[i][:1].isupper():
                j = i + 1
                while j < n and (named[j] and (text[j][:1].isupper() or text[j] == "-" or text[j - 1] == "-")):
                    j += 1
                if j - i >= 2 and not any(s <= i < e for s, e in runs):
                    runs.append((i, j))
                i = j
            else:
                i += 1
        return sorted(runs)

    def mentions_in(self, doc, start_tok: int, end_tok: int) -> list[Mention]:
        """Mentions of ``doc`` (passed to :meth:`add_doc`) lying within tokens [start_tok, end_tok)."""
        return [m for m in self._info(doc).mentions if m.start >= start_tok and m.end <= end_tok]

    def _info(self, doc) -> _DocInfo:
        try:
            return self._docs[id(doc)]
        except KeyError:
            raise ValueError("this Doc was not passed to add_doc() of this article") from None

    # -- resolution ----------------------------------------------------------------------------------------

    def resolve(self, token) -> tuple[Entity, ...]:
        """The actor(s) denoted by the noun phrase headed by ``token`` (a token of a doc passed to
        :meth:`add_doc`): one :class:`~newsevents.records.Entity` per coordinated member, each with the words
        and span of its own conjunct (for a pronoun: the pronoun); ``()`` when the phrase names no actor.
        A Doc without a dependency parse gives only the dictionary name at the token itself.
        Raises ``ValueError`` for a token of a Doc that was not added."""
        out: list[Entity] = []
        info = self._info(token.doc)
        if not token.doc.has_annotation("DEP"):
            m = info.by_token.get(token.i)
            if m is None or m.kind == "agent":
                return ()
            return (self._entity(info, m.code, m.sector, m.start, m.end, m.name),)
        shared = self._shared_demonym(info, token)
        for conj in self._conjuncts(token):
            if conj.pos_ == "ADJ" and conj.i != token.i and getattr(info.by_token.get(conj.i), "kind", "") != "demonym":
                continue
            for e in self._np_entities(conj, coref=True):
                if shared is not None and conj.i != token.i and e.span in self.guessed:
                    e = Entity(shared.code, e.sector, e.entity_text, e.span, e.name)  # "Israeli helicopters and tanks"
                if all((e.code, e.sector, e.span) != (o.code, o.sector, o.span) for o in out):
                    out.append(e)
        return tuple(out)

    @staticmethod
    def _shared_demonym(info: _DocInfo, token):
        """The demonym adjective that opens a coordination of nouns ("Israeli helicopters and tanks"): it
        qualifies every conjunct, so a later conjunct whose country is only a guess takes it. None when the
        first conjunct has no demonym adjective before it, or more than one."""
        found = [info.by_token.get(c.i) for c in token.children if c.dep_ == "amod" and c.i < token.i]
        found = [m for m in found if m is not None and m.kind == "demonym"]
        return found[0] if len(found) == 1 else None

    def modifier_actors(self, token) -> tuple[Entity, ...]:
        """Actors expressed by modifiers of an event noun: demonym adjectives ("les frappes russes" -> RUS),
        "de" complements ("l'offensive de la Russie" -> RUS, "la visite de Poutine" -> RUS GOV) and possessives
        parsed as ``nmod:poss`` (English)."""
        info = self._info(token.doc)
        out: list[Entity] = []
        if not token.doc.has_annotation("DEP"):
            return ()
        if self._relational(token):
            return ()  # "the allies of Ukraine" are not Ukraine
        for c in token.children:
            if c.dep_ == "amod":
                for adj in [c] + [x for x in c.children if x.dep_ == "conj"]:
                    m = info.by_token.get(adj.i)
                    if m is not None and m.kind == "demonym":  # "les manœuvres militaires chinoises": CHN MIL
                        out.append(self._entity(info, m.code, self._described_sector(token) or "", adj.i,
                                                adj.i + 1, None))
            elif (c.dep_ == "nmod" and self._case(c) in self.resolver.grammar.de_cases) or c.dep_ == "nmod:poss":
                out.extend(self.resolve(c))  # "nmod:poss": an English possessive ("Iraq's proposal")
        return tuple(out)

    # internals

    @staticmethod
    def _case(tok) -> str:
        for c in tok.children:
            if c.dep_ == "case":
                return fold(c.text)
        return ""

    @staticmethod
    def _conjuncts(token) -> list:
        out = [token]
        stack = [token]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ == "conj" and (c.pos_ in ("NOUN", "PROPN", "PRON", "X") or c.pos_ == "ADJ") \
                        and c not in out:
                    out.append(c)
                    stack.append(c)
        return out

    def _np_tokens(self, head, exclude: set[int] | None = None) -> list[int]:
        """Token indices of the noun phrase headed by ``head``: its subtree without clauses, conjuncts and
        the punctuation at its edges; contiguous from the first kept token. Walks the Doc's array view
        (:mod:`newsevents.docview`)."""
        view = doc_view(head.doc)
        deps, pos, kids = view.deps, view.pos, view.children
        h = head.i
        keep = {h}
        stack = [h]
        while stack:
            t = stack.pop()
            for c in kids[t]:
                dep = deps[c]
                if dep in _CLAUSE_DEPS or (exclude and c in exclude and c != h) or (
                        c > h and dep in TIME_TAIL_DEPS and pos[c] in TIME_TAIL_POS
                        and self._time_tail(head.doc[c], head)):
                    continue
                if dep == "acl" and pos[c] in ("VERB", "AUX") and any(
                        deps[x].startswith("nsubj") for x in kids[c]):
                    continue
                keep.add(c)
                stack.append(c)
        lo = min(keep)
        hi = h
        while hi + 1 in keep:
            hi += 1
        lo_ok = h
        while lo_ok - 1 in keep:
            lo_ok -= 1
        toks = list(range(lo_ok, hi + 1))
        heads, punct = view.heads, view.punct
        while toks and toks[0] != h and deps[toks[0]] in ("case", "mark", "cc") and heads[toks[0]] == h:
            toks.pop(0)
        while toks and punct[toks[0]] and toks[0] != h:
            toks.pop(0)
        while toks and punct[toks[-1]] and toks[-1] != h:
            toks.pop()
        return toks or [lo]

    def _info_tokens(self, head, depth: int = 3) -> list[tuple[int, int]]:
        """(distance, token index) of the tokens that can carry the phrase's country: adjectives, "de"
        complements, names and appositions, not crossing other prepositions or clauses. Walks the Doc's array
        view (:mod:`newsevents.docview`)."""
        return self._info_at(head.doc, head.i, depth)

    def _info_at(self, doc, head: int, depth: int = 3) -> list[tuple[int, int]]:
        """:meth:`_info_tokens` of the token at index ``head`` of ``doc``."""
        view = doc_view(doc)
        deps, kids = view.deps, view.children
        grammar = self.resolver.grammar
        stance, relational = bool(grammar.stance_prefixes), bool(grammar.relational_nouns)
        out = []
        frontier = [(head, 0)]
        while frontier:
            t, d = frontier.pop(0)
            for c in kids[t]:
                dep = deps[c]
                if dep not in _INFO_DEPS or (stance and self._stance_token(doc[c])):
                    continue
                if relational and self._relational(doc[t]) and (dep == "nmod:poss" or (
                        dep == "nmod" and self._case_at(view, c) in grammar.de_cases)):
                    continue  # "Israel's militia ally": the ally is not Israel
                if dep == "nmod":
                    case = self._case_at(view, c)
                    if case and case not in grammar.de_cases:
                        if d == 0 and case in grammar.place_cases and self._names_country(doc[t], doc[c]):
                            out.append((d + 1, c))  # "lawmakers in Poland": not walked further
                        continue
                out.append((d + 1, c))
                if d + 1 < depth:
                    frontier.append((c, d + 1))
        return out

    @staticmethod
    def _case_at(view, i: int) -> str:
        """:meth:`_case` of token ``i`` read from a :class:`~newsevents.docview.DocView`."""
        deps = view.deps
        for c in view.children[i]:
            if deps[c] == "case":
                return fold(view.strings[view.orths[c]])
        return ""

    def _stance(self, doc, start: int) -> bool:
        """Whether the name at token ``start`` follows a stance prefix and a hyphen ("anti - Syria", "pro -
        Russia": ``stance_prefixes`` of the actor grammar): a stance, not the nationality of what it modifies."""
        prefixes = self.resolver.grammar.stance_prefixes
        return bool(prefixes) and start >= 2 and doc[start - 1].text in ("-", "\u2011") \
            and doc[start - 2].lower_ in prefixes

    def relational(self, token) -> bool:
        """Whether ``token`` is a noun of a relation to its owner (``relational_nouns`` of the actor grammar:
        "ally", "rival"): its possessive or "of" complement names the other party, not who it is."""
        return self._relational(token)

    def _relational(self, token) -> bool:
        """See :meth:`relational`."""
        nouns = self.resolver.grammar.relational_nouns
        return bool(nouns) and token.pos_ == "NOUN" and fold(token.lemma_) in nouns

    def _stance_token(self, token) -> bool:
        """:meth:`_stance` for the name that ``token`` is in (its mention's first token)."""
        if not self.resolver.grammar.stance_prefixes:
            return False
        m = self._info(token.doc).by_token.get(token.i)
        return self._stance(token.doc, m.start if m is not None else token.i)

    def _names_country(self, head, token) -> bool:
        """Whether ``head`` is a sector word (agents.yaml) and ``token`` is in a country name of the dictionary
        (not a region or a capital)."""
        by_token = self._info(token.doc).by_token
        m, own = by_token.get(token.i), by_token.get(head.i)
        return m is not None and m.kind == "country" and own is not None and own.kind == "agent"

    def _guess(self, entity: Entity) -> Entity:
        self.guessed.add(entity.span)
        return entity

    def _entity(self, info: _DocInfo, code, sector, start: int, end: int, name) -> Entity:
        doc = info.doc
        if 0 <= start < end <= len(doc):  # the words and offsets from the array view: no Span made
            text, first, last = doc_view(doc).text(start, end)
            return Entity(code, sector, text, (info.offset + first, info.offset + last), name)
        span = doc[start:end]
        return Entity(code, sector, span.text, (info.offset + span.start_char, info.offset + span.end_char), name)

    def _np_entities(self, head, coref: bool, exclude: set[int] | None = None) -> list[Entity]:
        """The entities of the noun phrase headed by ``head`` (tokens in ``exclude`` left out): a pronoun's
        antecedent (with ``coref``), a named actor, a demonym, a sector word, or what a complement names."""
        info = self._info(head.doc)
        toks = self._np_tokens(head, exclude)
        s, e = toks[0], toks[-1] + 1
        low = fold(head.text)
        m = info.by_token.get(head.i)
        if m is not None and m.kind == "coref":
            if not m.code:  # a person the dictionary does not know
                return self._stranger_entities(info, head, m.sector) if coref else []
            return [self._entity(info, m.code, m.sector, head.i, head.i + 1, m.name)] if coref else []
        grammar = self.resolver.grammar
        if m is None and self._pair_pronoun(head):
            return self._pair_entities(info, head) if coref else []
        if m is None and (low in grammar.sing_pronouns or low in grammar.plur_pronouns or (
                head.pos_ == "DET" and head.morph.get("Poss") == ["Yes"])):
            if not coref:
                return []
            ref = self._antecedent(info, head)
            if ref is None:
                return []
            if not ref.code:
                return self._stranger_entities(info, head, ref.sector)
            return [self._entity(info, ref.code, ref.sector, head.i, head.i + 1, ref.name)]
        entry = info.entries.get(m.start) if m is not None else None
        if m is not None and m.kind in NAMED_KINDS:  # the whole name, even when the parse splits it
            sector = self._person_sector(info, m) if m.kind == "person" else m.sector
            code = m.code
            if m.kind == "person" and code != "IGO" and any(
                    getattr(info.by_token.get(i), "kind", "") == "igo" for i in range(s, m.start)):
                code, sector = "IGO", "" if sector == "ELI" else sector  # "U.N. mediator Diego Cordovez"
            return [self._entity(info, code, sector, min(s, m.start), max(e, m.end), m.name)]
        if m is not None and m.kind == "demonym":
            return self._described(head, self._demonym_entities(info, head, m, s, e))
        if m is not None and m.kind == "agent" and entry is not None:
            return self._described(head, self._agent_entities(info, head, m, entry, s, e, coref))
        return self._described(head, self._complement_entities(info, head, s, e, coref))

    def _demonym_entities(self, info, head, m: Mention, s: int, e: int) -> list[Entity]:
        """A demonym heading or closing the phrase [s, e): a coordinated adjective takes the sector of the noun
        it shares ("les présidents chinois et russe": russe -> RUS GOV); a noun is some people of that
        nationality (CVL) when quantified or described ("des Iraniens"), else the country ("les Américains")."""
        doc = head.doc
        if head.pos_ == "ADJ" and head.dep_ == "conj":
            hm = info.by_token.get(head.head.i)  # "les présidents chinois et russe": russe -> RUS GOV
            hentry = info.entries.get(hm.start) if hm is not None else None
            cc = next((c for c in head.children if c.dep_ == "cc" and c.i < head.i), None)
            first = cc.i if cc is not None else head.i
            sector = hentry.sector if hm is not None and hm.kind == "agent" and hentry is not None else ""
            return [self._entity(info, m.code, sector, first, head.i + 1, None)]
        quantified = any(c.dep_ == "nummod" for c in head.children) or (
            head.dep_ == "nmod" and head.head.i in info.by_token
            and info.entries.get(info.by_token[head.head.i].start) is not None
            and info.entries[info.by_token[head.head.i].start].role == "quantifiers") or any(
            c.dep_ == "det" and fold(c.text) in self.resolver.grammar.indefinite_plural for c in head.children) \
            or (self.resolver.grammar.bare_plural_people and head.morph.get("Number") == ["Plur"]  # English
                and not any(c.dep_ == "det" for c in head.children))  # "Palestinians", "Iraqi Kurds"
        if head.pos_ in ("NOUN", "PROPN") or head.text[:1].isupper():
            quantified = quantified or self._people(head)
            found = self._country_in(info, head)
            code = m.code
            if found is not None and found[0].kind in ("country", "region", "capital") \
                    and doc[found[0].start].dep_ == "nmod":
                code, quantified = found[0].code, True  # "les Serbes du Kosovo": the people of Kosovo
            return [self._entity(info, code, "CVL" if quantified else "", s, e, None)]
        return [self._entity(info, m.code, "", s, e, None)]

    def _complement_entities(self, info, head, s: int, e: int, coref: bool) -> list[Entity]:
        """A phrase whose head is no dictionary word: a name learned, or a "de" complement ("le maître du
        Kremlin", "l'est de l'Ukraine") or demonym adjective ("territoire russe") carries the actor."""
        doc = head.doc
        found = self._country_in(info, head)
        if found is None:
            return self._unknown_person(info, head, s, e) if coref else []
        fm, _ = found
        fm = self._sector_noun_of(info, head, fm)
        if fm.kind == "agent":
            sub = self._np_entities(doc[fm.start:fm.end].root, coref)
            return [Entity(x.code, x.sector, doc[s:e].text, self._entity(info, "", "", s, e, None).span, x.name)
                    for x in sub[:1]]
        owner = doc[fm.start].head  # "les candidats de l'opposition ougandaise": the opposition's sector
        om = info.by_token.get(owner.i)
        if fm.kind in ("demonym", "country", "capital") and owner.i != head.i and owner.dep_ == "nmod" \
                and om is not None and om.kind == "agent":
            sub = self._np_entities(owner, coref)
            if sub and sub[0].code == fm.code and sub[0].sector:
                return [Entity(fm.code, sub[0].sector, doc[s:e].text, self._entity(info, "", "", s, e, None).span,
                               sub[0].name)]
        sector = self._person_sector(info, fm) if fm.kind == "person" else fm.sector if fm.kind in NAMED_KINDS else ""
        if fm.kind == "igo" and not sector and head.pos_ == "PROPN":
            sector = self._title_between(info, fm.end, head.i)  # "Arab League Secretary General Chadli Klibi"
        if fm.kind in ("demonym", "country") and not sector:
            sector = self._compound_sector(info, head, fm.end)  # "Kampuchean guerrilla camps": KHM REB
        return [self._entity(info, fm.code, sector, s, e, fm.name)]

    def _compound_sector(self, info: _DocInfo, head, after: int) -> str:
        """The sector of a sector word (agents.yaml) that is a ``compound`` of ``head`` after token ``after``
        (English noun modifiers: "Kampuchean guerrilla camps" are the guerrillas' camps); "" when none."""
        for c in head.children:
            m = info.by_token.get(c.i) if c.dep_ == "compound" and c.i >= after else None
            entry = info.entries.get(m.start) if m is not None and m.kind == "agent" else None
            if entry is not None and entry.role in _AGENT_ROLES and entry.sector:
                return entry.sector
        return ""

    def _title_between(self, info: _DocInfo, start: int, end: int) -> str:
        """The sector of the first agents.yaml title mentioned between tokens ``start`` and ``end`` (the title
        of a person the dictionaries do not know, named after an organisation: "Arab League Secretary General
        Chadli Klibi" IGO GOV); "" when there is none."""
        for i in range(start, end):
            m = info.by_token.get(i)
            entry = info.entries.get(m.start) if m is not None and m.kind == "agent" else None
            if entry is not None and entry.role == "titles":
                return entry.sector
        return ""

    def _country_in(self, info: _DocInfo, head, skip_demonym_conj: bool = False):
        """The nearest mention among the phrase's modifiers: named actors first, then demonyms, then agents; a
        demonym adjective of the head itself wins over a named place (it gives the nationality; a place in a
        complement says where), not over a person or organisation named with the head."""
        best = nationality = None
        own = info.by_token.get(head.i)
        doc = head.doc
        deps = doc_view(doc).deps
        heads = [head.i] if own is None else range(own.start, own.end)
        tokens = sorted({x for h in heads for x in self._info_at(doc, h)})
        for dist, i in tokens:
            m = info.by_token.get(i)
            if m is None or (m.start <= head.i < m.end):
                continue
            if m.kind == "agent":
                entry = info.entries.get(m.start)
                if entry is None or entry.role not in _AGENT_ROLES + ("country_nouns",):
                    continue
                rank = 3
            else:
                rank = 0 if m.kind in NAMED_KINDS else 1
            if m.code == "---" and m.kind not in ("agent", "org", "group"):
                continue  # a non-governmental organisation or a transnational group is an owner all the same
            cand = (rank, dist, m)
            if m.kind == "demonym" and dist == 1 and deps[i] == "amod" and nationality is None:
                nationality = cand
            if best is None or cand[:2] < best[:2]:
                best = cand
        if best is None:
            return None
        if nationality is not None and best[2].kind in ("country", "capital", "region"):
            best = nationality  # "la police israélienne d'un quartier de Jérusalem-Est"
        return best[2], best[1]

    def paragraph_starts(self) -> list[int]:
        """The article offsets (0-based characters) where the chunks added so far by :meth:`add_doc` begin, in
        order: the paragraphs of the article."""
        return sorted(info.offset for info in self._docs.values())

    def add_places(self, places: list[tuple[str, int]]) -> None:
        """Record the countries of the places named in the chunk added last by :meth:`add_doc` ("à Bordeaux":
        FRA), as (ISO 3166-1 alpha-3 code, character offset in the article) pairs: weaker evidence of where the
        story is than an actor's country, used by :meth:`main_country` only when no country is named. A place named as a neighbour
        (``neighbour_words`` of the actor grammar) is left out."""
        for code, start in places:
            if start in self._neighbours:
                continue
            self._paragraph_places.append((code, start))
            for counts in (self._place_counts, self._paragraph_place_counts):
                counts.setdefault(code, [0, start])[0] += 1

    def main_country(self, paragraph: bool = False) -> str | None:
        """The article's main country: the ISO code named most often in the chunks added so far (names,
        capitals, persons, demonyms), ties going to the one named first; when no country is named, the country
        of the places named (:meth:`add_places`: "une agression à Bordeaux" is in France); None when there is
        none. With ``paragraph``, the paragraph's own main country when it names one (a paragraph about another
        place starts fresh), else the article's."""
        counts = self._paragraph_counts if paragraph and self._paragraph_counts else self._code_counts
        if not counts:
            counts = self._paragraph_place_counts if paragraph and self._paragraph_place_counts \
                else self._place_counts
        if not counts:
            return None
        return min(counts.items(), key=lambda kv: (-kv[1][0], kv[1][1]))[0]

    def sentence_country(self, start: int, end: int, main: str | None) -> str | None:
        """Rule own_sentence_place: the country of the places named between article offsets ``start`` and
        ``end`` (one sentence of the chunk added last, :meth:`add_places`) when they all lie in one country other
        than ``main`` ("Le Maroc a rappelé son ambassadeur. La police a dispersé une manifestation à Dakar": the
        police of SEN, not of MAR); else ``main`` (no place, a place of ``main``, or places of several
        countries). ISO 3166-1 alpha-3 codes or None."""
        codes = {code for code, at in self._paragraph_places if start <= at < end}
        if len(codes) == 1 and main not in codes:
            return next(iter(codes))
        return main

    def _count(self, head) -> int:
        """The number a determiner word gives a phrase ("deux ministres": 2; agents.yaml ``grammar``), else 0.
        The number may hang on the phrase's article instead of its noun (es_core_news_sm: "Los dos países",
        "dos" a ``nummod`` of "Los")."""
        view = doc_view(head.doc)
        for c in view.children[head.i]:
            if view.deps[c] == "nummod":
                return dict(self.resolver.grammar.quant_words).get(fold(view.strings[view.orths[c]]), 0)
        for d in view.children[head.i]:
            if view.deps[d] == "det":
                for c in view.children[d]:
                    if view.deps[c] == "nummod":
                        return dict(self.resolver.grammar.quant_words).get(fold(view.strings[view.orths[c]]), 0)
        return 0

    def _definite(self, head) -> bool:
        """Whether the phrase of ``head`` has a definite article (agents.yaml ``grammar.definite``): "les deux
        ministres", not "deux ministres"."""
        view = doc_view(head.doc)
        return any(view.deps[c] == "det" and fold(view.strings[view.orths[c]]) in self.resolver.grammar.definite
                   for c in view.children[head.i])

    @staticmethod
    def _only_counted(head) -> bool:
        """Whether the phrase of ``head`` has nothing but its articles and number ("les deux ministres", not
        "les deux ministres français")."""
        view = doc_view(head.doc)
        return all(view.deps[c] in ("det", "nummod") for c in view.children[head.i])

    def _is_bare(self, head) -> bool:
        """A definite or possessive phrase (le ministre, sa diplomatie) or one with no determiner."""
        view = doc_view(head.doc)
        dets = [head.doc[c] for c in view.children[head.i] if view.deps[c] == "det"]
        if not dets:
            return True
        return any(fold(d.text) in self.resolver.grammar.definite or d.morph.get("Poss") == ["Yes"] for d in dets)
