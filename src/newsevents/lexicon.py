"""Event lexicon and cue lists, built from ``lang/<code>/verbs.yaml`` and ``lang/<code>/cues.yaml``.

A :class:`Frame` says when a verb or an event noun codes an event, with which CAMEO code, and where its actor
and recipient are. Codes are CAMEO 1.1b3 codes (validated against :mod:`newsevents.codes`); their meaning comes
from the CAMEO codebook and the PLOVER manual (see the data files' ``source``).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field, fields

from .actor_data import fold
from .codes import load_cameo
from .langdata import LanguageData, LanguageDataError

FRAME_KEYS = {"cameo", "objects", "reflexive", "intransitive", "recipient", "swap", "reciprocal", "absorbs",
              "needs_complement", "actor_sectors", "de", "objects_amod", "objects_de", "needs_support",
              "needs_actor", "needs_specific", "complements", "needs_recipient", "needs_actor_patient"}
FRAME_KEYS |= {"objects_not"}
FRAME_KEYS |= {"needs_patient"}
FRAME_KEYS |= {"bare"}
FRAME_KEYS |= {"implied_actor"}
FRAME_KEYS |= {"complements_not"}
FRAME_KEYS |= {"governed_by"}
FRAME_KEYS |= {"passive"}


SETTINGS = {
    "context_recipient_same_sentence": "rule context_recipient looks for a recipient only earlier in the act's "
                                       "own sentence",
    "sector_phrase_recipient": "a country inside a recipient phrase gives the sector phrase it qualifies",
    "relative_passive_background": "an agentless passive in a relative clause is background (rule relative_passive)",
    "guessed_actor_yields": "an actor whose guessed country makes it the very entity of a named recipient loses "
                            "the country (rule distinct_parties)",
}
"""The switches a language's ``cues.yaml`` may turn on in its ``settings`` mapping (name -> true/false; absent
means false), with what each does."""

HEADLINE = "(headline)"
"""The lemma of the synthetic headline-visit frame (:attr:`Lexicon.headline_visit`)."""


@dataclass(frozen=True, slots=True)
class Frame:
    """One way a trigger word codes an event. See the comments at the top of ``verbs.yaml`` for each field."""

    lemma: str
    cameo: str
    objects: frozenset[str] = frozenset()
    reflexive: bool | None = None
    intransitive: bool = False
    recipient: tuple[str, ...] = ()
    swap: bool = False
    reciprocal: bool = False
    absorbs: bool = False
    needs_complement: tuple[str, ...] = ()
    actor_sectors: tuple[str, ...] | None = None
    de: str | None = None
    objects_amod: frozenset[str] = frozenset()
    objects_de: frozenset[str] = frozenset()
    needs_support: bool = False
    needs_actor: bool = False
    needs_specific: bool = False
    complements: frozenset[str] = frozenset()
    needs_recipient: bool = False
    needs_actor_patient: bool = False
    objects_not: frozenset[str] = frozenset()
    needs_patient: bool = False
    bare: bool = False
    implied_actor: str | None = None
    governed_by: frozenset[str] = frozenset()
    passive: bool = False
    complements_not: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Relations:
    """The dependency label the language's parser gives each universal relation (UD v2) the engine reads or
    writes one at a time: ``syntax.yaml`` ``relations``, field name -> label. Read as ``lex.rel.object`` (a
    string, "obj"); sets of labels are the ``labels`` sets (:meth:`Lexicon.label`)."""

    nominal_subject: str  # nsubj: "Moscou" in "Moscou a critiqué Paris"
    clausal_subject: str  # csubj: a clause as the subject
    object: str  # obj: "Paris" in "Moscou a critiqué Paris"
    indirect_object: str  # iobj: a dative object
    oblique: str  # obl: a nominal adjunct or argument of a verb
    nominal_modifier: str  # nmod: "de l'ONU" in "l'appel de l'ONU"
    clausal_complement: str  # ccomp: "que Moscou a frappé Kiev" in "a affirmé que ..."
    open_complement: str  # xcomp: "rencontrer" in "a refusé de rencontrer X"
    adverbial_clause: str  # advcl: a clause modifying a verb
    adnominal_clause: str  # acl: a clause modifying a noun ("les journalistes accusés d'espionnage")
    adjectival_modifier: str  # amod: "russes" in "des frappes russes"
    adverbial_modifier: str  # advmod: an adverb
    numeric_modifier: str  # nummod: "trois" in "trois journalistes"
    apposition: str  # appos: "Laurent Gbagbo" in "Le chef de l'Etat, Laurent Gbagbo"
    determiner: str  # det: an article or determiner
    case_marker: str  # case: the preposition of a nominal
    clause_marker: str  # mark: the conjunction or preposition introducing a clause
    conjunct: str  # conj: the second and later items of a coordination
    coordinator: str  # cc: "et" in "Paris et Berlin"
    auxiliary: str  # aux: an auxiliary verb
    copula: str  # cop: the copula
    expletive: str  # expl: an expletive or clitic pronoun
    punctuation: str  # punct: punctuation
    parataxis: str  # parataxis: a clause set beside another
    compound: str  # compound: a compound
    fixed: str  # fixed: the words of a fixed expression ("d'après")
    flat: str  # flat: the words of a flat name
    root: str  # ROOT: the root of a sentence (spaCy's label)
    unspecified: str  # dep: an unspecified dependency


@dataclass(frozen=True)
class Lexicon:
    """Verb frames and noun frames by lemma, support verbs, and the cue lists of ``cues.yaml``."""

    verbs: dict[str, tuple[Frame, ...]]
    nouns: dict[str, tuple[Frame, ...]]
    support_verbs: frozenset[str]
    cues: dict[str, frozenset[str]] = field(default_factory=dict)

    verb_forms: dict[str, str] = field(default_factory=dict)
    labels: dict[str, frozenset[str]] = field(default_factory=dict)
    where: str = "lang"  # the language folder, for error messages ("lang/fr")
    repairs: tuple[str, ...] = ()  # parse repairs to run, by name (syntax.yaml ``repairs``)
    contractions: dict[str, str] = field(default_factory=dict)
    """Contracted preposition -> the preposition it stands for (``syntax.yaml`` ``contractions``: "au" -> "à")."""
    headline_visit: Frame = field(default_factory=lambda: Frame(lemma=HEADLINE, cameo="042", needs_recipient=True))
    """The synthetic frame of a verbless title "Nancy Pelosi à Taïwan" (a visit, CAMEO 042); its recipient
    prepositions are the ``headline_visit_preps`` words of ``syntax.yaml``."""
    settings: frozenset[str] = frozenset()
    """The :data:`SETTINGS` switched on by ``cues.yaml`` ``settings``."""
    rel: Relations | None = None
    """The label of each universal relation (``syntax.yaml`` ``relations``); None in a lexicon built by hand."""

    def coded_noun(self, lemma: str, roots: Collection[str] | None = None, folded: bool = False) -> bool:
        """Whether ``lemma`` (lowercased here) is a noun the lexicon codes as an event: it has noun frames, and
        with ``roots`` (two-digit CAMEO roots, e.g. :data:`~newsevents.engine.frames.HIT_ROOTS`) one of them has
        a code of one of those roots ("attentado" -> 180: a root of {"17", "18", "19", "20"}). ``folded``: the
        frames of the accent- and case-folded lemma (:func:`~newsevents.actor_data.fold`) count too."""
        lower = lemma.lower()
        if roots is None:
            return lower in self.nouns or folded and fold(lemma) in self.nouns
        frames = self.nouns.get(lower, ()) + self.nouns.get(fold(lemma), ()) if folded else self.nouns.get(lower, ())
        return any(f.cameo[:2] in roots for f in frames)

    def verb_lemma(self, form: str) -> str | None:
        """The lexicon verb of an inflected form ("sanctionne", "ulcèrent", "condamnée"), for verbs the tagger
        took for nouns or adjectives (frequent in headlines); None when the form is no lexicon verb's."""
        return self.verb_forms.get(form.lower())

    def cue(self, name: str) -> frozenset[str]:
        """A cue list of ``cues.yaml`` or a word list of ``syntax.yaml`` (``words``) as a set of lowercase
        entries. Raises :class:`LanguageDataError` naming the files and the key when there is no such list."""
        try:
            return self.cues[name]
        except KeyError:
            raise LanguageDataError(f"{self.where}/cues.yaml, {self.where}/syntax.yaml (words): no cue list "
                                    f"{name!r}") from None

    def setting(self, name: str) -> bool:
        """Whether the switch ``name`` (one of :data:`SETTINGS`) is on in ``cues.yaml`` ``settings``. Raises
        ``KeyError`` for a name that is no setting (a misspelt name in engine code)."""
        if name not in SETTINGS:
            raise KeyError(f"no language setting {name!r}")
        return name in self.settings

    def label(self, name: str) -> frozenset[str]:
        """A set of dependency labels of ``syntax.yaml`` (``labels``). Raises :class:`LanguageDataError` naming
        the file and the key when there is no such set."""
        try:
            return self.labels[name]
        except KeyError:
            raise LanguageDataError(f"{self.where}/syntax.yaml: labels: no label set {name!r}") from None

    @classmethod
    def from_data(cls, data: LanguageData) -> "Lexicon":
        """Build and validate; raises :class:`LanguageDataError` naming the file and the entry."""
        cameo = load_cameo()
        verb_files = {name: f for name, f in data.files.items() if name.startswith("verbs")}
        if "verbs" not in verb_files:
            data.file("verbs")  # raises the missing-file error
        if verb_files["verbs"].get("fallback_verbs") is False:  # the pack's own frames only: generated
            verb_files = {n: f for n, f in verb_files.items() if not f.get("fallback")}  # (fallback) files unused

        generated = verb_files["verbs"].get("generated_frames", "all")
        if generated not in GENERATED_FRAMES:
            raise LanguageDataError(f"lang/{data.lang}/verbs.yaml: generated_frames: expected one of "
                                    f"{', '.join(GENERATED_FRAMES)}, got {generated!r}")

        def frames(section: str) -> dict[str, tuple[Frame, ...]]:
            # a file with `fallback: true` (generated from PETRARCH) gives way to the hand-written files
            out: dict[str, tuple[Frame, ...]] = {}
            for name, content in sorted(verb_files.items(), key=lambda nc: (bool(nc[1].get("fallback")), nc[0])):
                where = f"lang/{data.lang}/{name}.yaml"
                for lemma, entries in (content.get(section) or {}).items():
                    if lemma in out and content.get("fallback"):
                        continue
                    if content.get("fallback") and generated != "all":
                        entries = [e for e in entries if generated == "patterned" and _patterned(e)]
                        if not entries:
                            continue
                    if lemma in out:
                        raise LanguageDataError(f"{where}: {section}.{lemma}: already defined in another "
                                                f"verbs*.yaml file")
                    out[lemma] = _frames(cameo, where, f"{section}.{lemma}", lemma, entries)
            return out

        cues_file = data.file("cues")
        cues = {k: frozenset(str(x).lower() for x in v) for k, v in cues_file.items()
                if k != "source" and isinstance(v, list)}
        settings = _settings(f"lang/{data.lang}/cues.yaml", cues_file.get("settings"))
        syntax = data.files.get("syntax", {})
        words = _named_lists(f"lang/{data.lang}/syntax.yaml", "words", syntax.get("words", {}))
        labels = _named_lists(f"lang/{data.lang}/syntax.yaml", "labels", syntax.get("labels", {}))
        for name in words.keys() & cues.keys():
            raise LanguageDataError(f"lang/{data.lang}/syntax.yaml: words.{name}: already a cue list of cues.yaml")
        relations = _relations(f"lang/{data.lang}/syntax.yaml", syntax.get("relations")) if "syntax" in data.files \
            else None  # a pack with no syntax.yaml has a lexicon but cannot code
        verbs, nouns = frames("verbs"), frames("nouns")
        support = frozenset(v for f in verb_files.values() for v in f.get("support_verbs") or ())
        contractions = _contractions(f"lang/{data.lang}/syntax.yaml", syntax.get("contractions") or {})
        headline_preps = tuple(str(x).lower() for x in (syntax.get("words") or {}).get("headline_visit_preps") or ())
        morphology = syntax.get("verb_forms")
        forms = _regular_forms(verbs) if morphology is None else _paradigm_forms(
            verbs, morphology, f"lang/{data.lang}/syntax.yaml")
        lists = {**cues, **words}
        if syntax.get("accent_insensitive"):  # "motin", "reprimio": text written without accents
            verbs, nouns, support = _folded(verbs), _folded(nouns), support | {_fold(v) for v in support}
            forms = {**{_fold(k): v for k, v in forms.items()}, **forms}
            lists = {k: v | {_fold(x) for x in v} for k, v in lists.items()}
        return cls(verbs, nouns, support, lists, forms, labels, f"lang/{data.lang}",
                   repairs=tuple(str(r) for r in syntax.get("repairs") or ()),
                   contractions={k.lower(): v.lower() for k, v in contractions.items()},
                   headline_visit=Frame(lemma=HEADLINE, cameo="042", recipient=headline_preps, needs_recipient=True),
                   settings=settings, rel=relations)


def _contractions(where: str, raw) -> dict:
    """``syntax.yaml`` ``contractions`` checked: a mapping of words to prepositions. Raises
    :class:`LanguageDataError` naming the file otherwise."""
    if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()):
        raise LanguageDataError(f"{where}: contractions: expected a mapping of words to prepositions")
    return raw


def _settings(where: str, raw) -> frozenset[str]:
    """The names switched on by a ``settings`` mapping (``{name: true|false}``, names of :data:`SETTINGS`);
    absent -> none. Raises :class:`LanguageDataError` naming the file for an unknown name or a value that is not
    true or false."""
    if raw is None:
        return frozenset()
    if not isinstance(raw, dict):
        raise LanguageDataError(f"{where}: settings: expected a mapping of setting names to true or false")
    for name, value in raw.items():
        if name not in SETTINGS:
            raise LanguageDataError(f"{where}: settings: unknown setting {name!r} (known: {', '.join(SETTINGS)})")
        if not isinstance(value, bool):
            raise LanguageDataError(f"{where}: settings.{name}: expected true or false, got {value!r}")
    return frozenset(name for name, value in raw.items() if value)


def _fold(word: str) -> str:
    """``word`` without accents (NFKD without combining marks): "motín" -> "motin", "reprimió" -> "reprimio"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _folded(table: dict) -> dict:
    """``table`` with each key's accentless spelling added (when it is not a key of its own)."""
    out = dict(table)
    for key, value in table.items():
        out.setdefault(_fold(key), value)
    return out


def _paradigm_forms(verbs, morphology, where: str) -> dict[str, str]:
    """Inflected forms of regular verbs from a language's paradigm table (``verb_forms`` of ``syntax.yaml``:
    infinitive ending -> ``{stem: [endings added to the stem], infinitive: [endings added to the whole
    infinitive]}``), e.g. Spanish "-ar": stem "reprim" + "ió", infinitive "atacar" + "ía". Raises
    :class:`LanguageDataError` naming the file for a malformed table."""
    if not isinstance(morphology, dict) or not all(
            isinstance(v, dict) and set(v) <= {"stem", "infinitive"} for v in morphology.values()):
        raise LanguageDataError(f"{where}: verb_forms: expected infinitive ending -> {{stem: [...], "
                                f"infinitive: [...]}}")
    forms: dict[str, str] = {}
    for lemma in verbs:
        ending = next((e for e in morphology if lemma.endswith(e)), None)
        if ending is None:
            continue
        table = morphology[ending]
        for suffix in table.get("stem") or ():
            forms.setdefault(lemma[:-len(ending)] + suffix, lemma)
        for suffix in table.get("infinitive") or ():
            forms.setdefault(lemma + suffix, lemma)
    return forms


GENERATED_FRAMES = ("all", "patterned", "none")
"""Values of ``verbs.yaml`` ``generated_frames``: which frames of generated (``fallback: true``) verb files a
language uses: all of them (the default), only those that name their objects or complements ("patterned"), or
none."""


def _patterned(entry) -> bool:
    """Whether a frame entry names the objects or complements it needs (a PETRARCH pattern, not a bare verb)."""
    return isinstance(entry, dict) and bool(entry.get("objects") or entry.get("complements")
                                            or entry.get("objects_amod"))


def _relations(where: str, raw) -> Relations:
    """``syntax.yaml`` ``relations`` checked and built: a mapping of every :class:`Relations` field to a label
    (a non-empty string, kept as written: spaCy's root is "ROOT"). Raises :class:`LanguageDataError` naming the
    file and the key for a missing, unknown or malformed entry (or a missing ``relations``)."""
    if not isinstance(raw, dict):
        raise LanguageDataError(f"{where}: relations: expected a mapping of relation names to labels")
    names = [f.name for f in fields(Relations)]
    for key, value in raw.items():
        if key not in names:
            raise LanguageDataError(f"{where}: relations.{key}: no such relation (expected one of {', '.join(names)})")
        if not isinstance(value, str) or not value:
            raise LanguageDataError(f"{where}: relations.{key}: expected a label (a string)")
    missing = [n for n in names if n not in raw]
    if missing:
        raise LanguageDataError(f"{where}: relations: missing {', '.join(missing)}")
    return Relations(**raw)


def _named_lists(where: str, section: str, content) -> dict[str, frozenset[str]]:
    """The ``section`` mapping of a data file as name -> set of lowercase strings; errors name file and key."""
    if not isinstance(content, dict):
        raise LanguageDataError(f"{where}: {section}: expected a mapping of names to lists")
    out = {}
    for name, entries in content.items():
        if not isinstance(entries, list) or not all(isinstance(x, str) and x for x in entries):
            raise LanguageDataError(f"{where}: {section}.{name}: expected a list of strings (empty: the "
                                    f"language has no such words)")
        out[name] = frozenset(x.lower() for x in entries)
    return out


def _frames(cameo, where: str, entry_name: str, lemma: str, entries) -> tuple[Frame, ...]:
    """Validate and build the frames of one lexicon entry; errors name the file and the entry."""
    if not isinstance(entries, list) or not entries:
        raise LanguageDataError(f"{where}: {entry_name}: expected a non-empty list of frames")
    built = []
    for entry in entries:
        unknown = set(entry) - FRAME_KEYS
        if unknown:
            raise LanguageDataError(f"{where}: {entry_name}: unknown keys {sorted(unknown)}")
        code = str(entry.get("cameo", ""))
        if code not in cameo or not cameo[code].plover_event:
            raise LanguageDataError(f"{where}: {entry_name}: {code!r} is not a CAMEO code with a PLOVER event type")
        implied = entry.get("implied_actor")
        if implied is not None and not (isinstance(implied, str) and len(implied) == 3 and implied.isupper()):
            raise LanguageDataError(f"{where}: {entry_name}: 'implied_actor' must be a sector code such as JUD")
        if entry.get("de") not in (None, "actor", "recipient"):
            raise LanguageDataError(f"{where}: {entry_name}: 'de' must be actor or recipient")
        built.append(Frame(
            lemma=lemma, cameo=code,
            objects=frozenset(entry.get("objects") or ()),
            reflexive=entry.get("reflexive"),
            intransitive=bool(entry.get("intransitive")),
            recipient=tuple(str(r) for r in entry.get("recipient") or ()),
            swap=bool(entry.get("swap")), reciprocal=bool(entry.get("reciprocal")),
            absorbs=bool(entry.get("absorbs")),
            needs_complement=tuple(entry.get("needs_complement") or ()),
            actor_sectors=tuple(entry["actor_sectors"]) if "actor_sectors" in entry else None,
            de=entry.get("de"),
            objects_amod=frozenset(entry.get("objects_amod") or ()),
            objects_de=frozenset(entry.get("objects_de") or ()),
            needs_support=bool(entry.get("needs_support")),
            needs_actor=bool(entry.get("needs_actor")),
            needs_specific=bool(entry.get("needs_specific")),
            complements=frozenset(entry.get("complements") or ()),
            needs_recipient=bool(entry.get("needs_recipient")),
            needs_actor_patient=bool(entry.get("needs_actor_patient")),
            objects_not=frozenset(entry.get("objects_not") or ()),
            needs_patient=bool(entry.get("needs_patient")),
            passive=bool(entry.get("passive")),
            bare=bool(entry.get("bare")),
            implied_actor=implied,
            governed_by=frozenset(entry.get("governed_by") or ()),
            complements_not=frozenset(entry.get("complements_not") or ()),
        ))
    return tuple(built)


def _regular_forms(verbs) -> dict[str, str]:
    """Present, future, conditional and past-participle forms of regular -er and -ir verbs: enough to recognise
    a verb the tagger mistook for a noun ("la Russie sanctionne ...", "Pékin ulcère ...", "ils
    boycotteraient"). Irregular verbs are left out."""
    forms: dict[str, str] = {}
    for lemma in verbs:
        if lemma.endswith("er"):
            stem = lemma[:-2]
            endings = ("e", "es", "ent", "é", "ée", "és", "ées")
        elif lemma.endswith("ir") and not lemma.endswith(("venir", "tenir", "courir", "ouvrir", "offrir")):
            stem = lemma[:-2]
            endings = ("it", "issent", "i", "ie", "is", "ies")
        else:
            continue
        for ending in endings:
            forms.setdefault(stem + ending, lemma)
        for ending in ("ait", "aient", "a", "ont"):  # conditional and future: infinitive + ending
            forms.setdefault(lemma + ending, lemma)
        grave = re.sub(r"é([^aeiouyéèê]+)$", r"è\1", stem)  # ulcérer -> ulcère, protéger -> protège
        if grave != stem and lemma.endswith("er"):
            for ending in ("e", "es", "ent"):
                forms.setdefault(grave + ending, lemma)
    return forms
