"""English parse adapter: en_core_web_sm's ClearNLP-style labels rewritten into the engine's UD view.

spaCy's English models label dependencies in the ClearNLP scheme: a preposition heads its object
(``prep`` -> ``pobj``), the by-phrase of a passive is ``agent`` -> ``pobj``, objects are ``dobj``, passive subjects
``nsubjpass``. The engine reads Universal Dependencies, where the noun heads the phrase and the preposition is
its ``case`` child. :func:`adapt` rewrites, in place and in one :meth:`spacy.tokens.Doc.from_array` call:

* ``prep``/``agent``/``dative`` with a ``pobj``: the object takes the preposition's place (its head and a UD
  label: ``obl`` under a verb, adjective or adverb, ``nmod`` under a noun, ``obl:agent`` for ``agent``, the
  preposition's own label for ``conj``...) and the preposition becomes its ``case`` child; every other child of
  the preposition moves to the object;
* the same with a ``pcomp`` (a clause: "after meeting X"): the clause becomes ``advcl`` (``acl`` under a noun)
  and the preposition its ``mark``;
* the conditional auxiliary ("would") gets ``Mood=Cnd``, as the French tagger gives the conditional;
* the words of a wire dateline ("GAZA CITY, Palestinian Territories: ...") are no verb's arguments (``dep``);
* a reduced relative tagged as a finite past ("a member jailed a year ago": ``VBD``) is a past participle;
* an obligation modal ("must") heads its clause, the verb its ``xcomp`` (the French treebank's "devoir");
* the "to" of an infinitive adverbial clause becomes its ``mark`` (a purpose clause, French "pour");
* a two-word preposition ("according to X"): both words become X's ``case`` children;
* a conjunct chained to another conjunct moves to the first one, as in UD; a named entity the model made an
  apposition of the first item of an enumeration with a serial comma ("The US, Russia, and Switzerland") is a
  conjunct;
* verb forms the lemmatizer gets wrong get their lemma (``model_labels.verb_lemmas``: "staged" -> "stage");
* the other labels are renamed by ``model_labels.dependencies`` of ``lang/en/syntax.yaml`` (``dobj`` -> ``obj``,
  ``nsubjpass`` -> ``nsubj:pass``, ``auxpass`` -> ``aux:pass``, ``relcl`` -> ``acl:relcl``...), and entity
  labels by ``model_labels.entities`` (``PERSON`` -> ``PER``, ``GPE`` -> ``LOC``; a label mapped to ``""`` (dates,
  numbers) is dropped).

Sentence boundaries do not change (every move stays inside the preposition's phrase). A Doc without a parse
only has its entity labels renamed. A Doc already adapted is left as it is (``doc.user_data``).
"""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, ORTH, POS, TAG

__all__ = ["adapt", "tables"]

_MARK = "newsevents.adapted"
_VERBAL = ("VERB", "AUX", "ADJ", "ADV")


@lru_cache(maxsize=None)
def model_words(key: str) -> frozenset[str]:
    """Lowercase forms of the word list ``model_labels.<key>`` of ``lang/en/syntax.yaml`` (empty when absent)."""
    from ..langdata import load_language

    section = load_language("en").file("syntax").get("model_labels") or {}
    return frozenset(str(w).lower() for w in section.get(key) or ())


def conditional_auxiliaries() -> frozenset[str]:
    """Lowercase forms of ``model_labels.conditional_auxiliaries`` (``lang/en/syntax.yaml``)."""
    return model_words("conditional_auxiliaries")


@lru_cache(maxsize=1)
def fixed_prepositions() -> dict[str, frozenset[str]]:
    """``model_labels.fixed_prepositions`` of ``lang/en/syntax.yaml``: first word -> the prepositions that
    complete it ("according" -> {"to"}), lowercase."""
    from ..langdata import load_language

    section = load_language("en").file("syntax").get("model_labels") or {}
    return {str(k).lower(): frozenset(str(w).lower() for w in v)
            for k, v in (section.get("fixed_prepositions") or {}).items()}


@lru_cache(maxsize=1)
def tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """``(dependencies, entities, prepositions)`` of ``lang/en/syntax.yaml`` ``model_labels``: the model's label
    -> the engine's label. Raises :class:`~newsevents.langdata.LanguageDataError` naming the file when the
    section is missing or malformed."""
    from ..langdata import LanguageDataError, load_language

    section = load_language("en").file("syntax").get("model_labels")
    where = "lang/en/syntax.yaml: model_labels"
    if not isinstance(section, dict):
        raise LanguageDataError(f"{where}: expected a mapping with dependencies, entities and prepositions")
    out = []
    for key in ("dependencies", "entities", "prepositions"):
        table = section.get(key)
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise LanguageDataError(f"{where}.{key}: expected a mapping of label -> label")
        out.append({str(k): v for k, v in table.items()})
    return out[0], out[1], out[2]


def adapt(doc):
    """Rewrite ``doc`` (a spaCy Doc parsed by an English model) into the engine's UD view, in place, and return
    it (see the module docstring). Idempotent."""
    if doc.user_data.get(_MARK):
        return doc
    deps_table, ents_table, prep_table = tables()
    strings = doc.vocab.strings
    n = len(doc)
    # one array read instead of a Token object per word and per pass (the Tokens cost more than the rewrites)
    array = doc.to_array([HEAD, DEP, POS, TAG, ORTH, ENT_TYPE]) if n else None
    pos = [strings[int(x)] for x in array[:, 2]] if n else []
    tags = [strings[int(x)] for x in array[:, 3]] if n else []
    texts = [strings[int(x)] for x in array[:, 4]] if n else []
    words = [t.lower() for t in texts]
    labels: list[str] = []
    if n and doc.has_annotation("DEP"):
        heads = [i + int(r) for i, r in enumerate(array[:, 0].astype("int64"))]
        labels = [strings[int(x)] for x in array[:, 1]]
        _number_bounds(heads, labels, pos, words, model_words("number_bound_particles"))
        children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(heads):
            if h != i:
                children[h].append(i)
        _raise_objects(heads, labels, pos, children, prep_table)
        _fixed_prepositions(heads, labels, words, fixed_prepositions())
        _enumerated_appositions(heads, labels, pos, [strings[int(x)] if x else "" for x in array[:, 5]], children)
        _flatten_conjuncts(heads, labels)
        labels = [deps_table.get(label, label) for label in labels]
        _modal_heads(heads, labels, words, model_words("obligation_modals"))
        _purpose_marks(heads, labels, words, model_words("purpose_infinitive_marks"))
        _noun_content_clauses(heads, labels, pos, words, model_words("noun_content_marks"))
        _dateline(heads, labels, texts, model_words("dateline_separators"))
        out = numpy.zeros((n, 2), dtype="uint64")
        out[:, 0] = numpy.array([h - i for i, h in enumerate(heads)], dtype="int64").astype("uint64")
        out[:, 1] = [strings.add(label) for label in labels]
        doc.from_array([HEAD, DEP], out)
        for i in _reduced_relatives(heads, labels, tags):
            doc[i].tag_ = "VBN"
            doc[i].set_morph("Aspect=Perf|Tense=Past|VerbForm=Part")
    _rename_entities(doc, ents_table)
    _mark_conditionals(doc, words, tags, conditional_auxiliaries())
    _fix_lemmas(doc, words, pos, lemma_fixes())
    doc.user_data[_MARK] = True
    return doc


def _raise_objects(heads: list[int], labels: list[str], pos: list[str], children: list[list[int]],
                   prep_table: dict[str, str]) -> None:
    """Make each preposition's object (``pobj``, else ``pcomp``) head its phrase, the preposition its ``case``
    (or ``mark``) child; ``heads`` and ``labels`` are changed in place (absolute head indices)."""
    moved: dict[int, int] = {}  # preposition -> its object
    for p in range(len(heads)):
        if labels[p] not in prep_table:
            continue
        obj = next((c for c in children[p] if labels[c] == "pobj"), None)
        clause = obj is None
        if clause:
            obj = next((c for c in children[p] if labels[c] == "pcomp"), None)
        if obj is None:
            continue
        moved[p] = obj
        own = prep_table[labels[p]]
        if own == "*":  # a label kept as it is (a conjunct preposition: its object is a conjunct)
            own = labels[p]
        elif own == "":  # by the head's part of speech
            noun_head = pos[heads[p]] not in _VERBAL and heads[p] != p
            own = ("acl" if noun_head else "advcl") if clause else ("nmod" if noun_head else "obl")
        labels[obj] = own if heads[p] != p else "ROOT"
        heads[obj] = heads[p] if heads[p] != p else obj
        heads[p] = obj
        labels[p] = "mark" if clause else "case"
        for c in children[p]:
            if c != obj:
                heads[c] = obj
    for i, h in enumerate(heads):  # a phrase hung on a moved preposition hangs on its object
        while h in moved and i != moved[h] and labels[i] not in ("case", "mark"):
            h = moved[h]
        heads[i] = h
    for p, obj in moved.items():
        while heads[obj] in moved and moved[heads[obj]] != obj:  # "in X and in Y": Y's head is X
            heads[obj] = moved[heads[obj]]


def _fixed_prepositions(heads: list[int], labels: list[str], words: list[str],
                        table: dict[str, frozenset[str]]) -> None:
    """A two-word preposition ("according to X", "because of X"): the model hangs X's phrase on the first word;
    in UD, X takes the first word's place and the first word is X's ``case`` (the second stays ``case`` too)."""
    for first, word in enumerate(words):
        if word not in table:
            continue
        obj = next((i for i, h in enumerate(heads) if h == first and i != first and labels[i] in ("obl", "nmod")
                    and any(heads[c] == i and labels[c] == "case" and words[c] in table[word]
                            for c in range(len(heads)))), None)
        if obj is None:
            continue
        root = heads[first] == first
        heads[obj], labels[obj] = (obj, "ROOT") if root else (heads[first], "obl")
        for i, h in enumerate(heads):
            if h == first and i != obj:
                heads[i] = obj
        heads[first], labels[first] = obj, "case"  # the second word stays X's case too (evidence spans skip both)


_MOVED_TO_MODAL = ("nsubj", "nsubj:pass", "csubj", "expl", "mark")


def _modal_heads(heads: list[int], labels: list[str], words: list[str], modals: frozenset[str]) -> None:
    """An obligation modal ("Sudan must return the helicopter") heads its clause with the verb as its ``xcomp``,
    as French "devoir" does in the French treebank ("doit rendre"): the engine reads a reported obligation on
    that shape. The clause's subject and its "that" mark move to the modal."""
    for m, word in enumerate(words):
        verb = heads[m]
        if word not in modals or labels[m] != "aux" or verb == m:
            continue
        heads[m], labels[m] = (m, "ROOT") if heads[verb] == verb else (heads[verb], labels[verb])
        for i, h in enumerate(heads):
            if h == verb and i != m and labels[i] in _MOVED_TO_MODAL:
                heads[i] = m
        heads[verb], labels[verb] = m, "xcomp"


def _noun_content_clauses(heads: list[int], labels: list[str], pos: list[str], words: list[str],
                          marks: frozenset[str]) -> None:
    """"its demand that Israel ease restrictions": a clause under a noun introduced by "that" is the noun's
    content (the model's relative clauses are ``relcl``), read as a verb's complement clause, ``ccomp``: the
    engine then takes its subject as the party asked to act, as for "demanded that Israel ease"."""
    for i, label in enumerate(labels):
        if label == "acl" and pos[heads[i]] == "NOUN" and any(
                heads[m] == i and labels[m] == "mark" and words[m] in marks for m in range(heads[i] + 1, i)):
            labels[i] = "ccomp"


def _number_bounds(heads: list[int], labels: list[str], pos: list[str], words: list[str],
                   particles: frozenset[str]) -> None:
    """"Police detained up to 100 protesters": the model may make "up" a particle of the verb and "to" a
    preposition whose object is "protesters". A particle of ``particles`` followed by "to" and a number that
    counts the preposition's object is a bound of that number: the noun becomes the verb's ``dobj`` again, the
    two words ``quantmod`` of the number (as the model parses "killed up to 20 people"). ClearNLP labels."""
    for i, word in enumerate(words[:-2]):
        verb, to, number = heads[i], i + 1, i + 2
        if word not in particles or labels[i] != "prt" or words[to] != "to" or labels[to] != "prep" \
                or heads[to] not in (i, verb) or pos[number] != "NUM" or labels[number] != "nummod":
            continue
        noun = heads[number]
        if heads[noun] != to or labels[noun] != "pobj":
            continue
        heads[noun], labels[noun] = verb, "dobj"
        heads[i] = heads[to] = number
        labels[i] = labels[to] = "quantmod"


def _purpose_marks(heads: list[int], labels: list[str], words: list[str], marks: frozenset[str]) -> None:
    """The "to" of an infinitive adverbial clause ("staged protests to demand reforms") is its ``mark``, as
    "pour" is in French: the engine reads a purpose clause on it. The "to" of a complement ("agreed to lift")
    stays ``aux``."""
    for i, word in enumerate(words):
        if word in marks and labels[i] == "aux" and labels[heads[i]] == "advcl":
            labels[i] = "mark"


def _enumerated_appositions(heads: list[int], labels: list[str], pos: list[str], ents: list[str],
                            children: list[list[int]]) -> None:
    """"The US, Russia, and Switzerland met": with a serial comma the model makes "Russia" an ``appos`` of "US"
    and "Switzerland" its ``conj``. An ``appos`` name that has a ``conj`` name, all three named entities, is the
    second item of an enumeration: it becomes a ``conj`` of the first (``_flatten_conjuncts`` then hangs the
    third on the first too). A title apposed to a name ("Kofi Annan, UN secretary-general") is no entity and
    stays an apposition."""
    for i, label in enumerate(labels):
        h = heads[i]
        if label != "appos" or h >= i or not (pos[h] == pos[i] == "PROPN" and ents[h] and ents[i]):
            continue
        if any(labels[c] == "conj" and pos[c] == "PROPN" and ents[c] for c in children[i]):
            labels[i] = "conj"


def _flatten_conjuncts(heads: list[int], labels: list[str]) -> None:
    """UD hangs every conjunct on the first ("the US, Russia and Switzerland": Russia and Switzerland under US);
    the English model chains them (Switzerland under Russia). A ``conj`` whose head is itself a ``conj`` moves
    to the first conjunct; its ``cc`` and punctuation stay on it."""
    for i, label in enumerate(labels):
        if label != "conj":
            continue
        h = heads[i]
        while labels[h] == "conj" and heads[h] != h:
            h = heads[h]
        heads[i] = h


@lru_cache(maxsize=1)
def lemma_fixes() -> dict[str, str]:
    """``model_labels.verb_lemmas`` of ``lang/en/syntax.yaml``: verb form -> lemma, where the model's
    lemmatizer is wrong ("staged" -> "stag")."""
    from ..langdata import load_language

    section = load_language("en").file("syntax").get("model_labels") or {}
    return {str(k).lower(): str(v) for k, v in (section.get("verb_lemmas") or {}).items()}


def _fix_lemmas(doc, words: list[str], pos: list[str], table: dict[str, str]) -> None:
    """Set the lemma of the verb forms of ``table`` (verbs only: "the bombing" stays a noun); ``words`` and
    ``pos`` are the Doc's lower-case words and parts of speech."""
    for i, word in enumerate(words):
        lemma = table.get(word)
        if lemma is not None and pos[i] in ("VERB", "AUX"):
            doc[i].lemma_ = lemma


def _mark_conditionals(doc, words: list[str], tags: list[str], forms: frozenset[str]) -> None:
    """Add ``Mood=Cnd`` to the morphology of the conditional auxiliaries ("would"); ``words`` and ``tags`` are the
    Doc's lower-case words and fine-grained tags."""
    for i, word in enumerate(words):
        if word in forms and tags[i] == "MD":
            tok = doc[i]
            feats = tok.morph.to_dict()
            feats["Mood"] = "Cnd"
            tok.set_morph("|".join(f"{k}={v}" for k, v in sorted(feats.items())))


_DATELINE_MAX = 12
"""The longest wire dateline, in tokens, separator included."""
_DATELINE_KEPT = ("punct", "ROOT", "root", "case", "cc", "compound", "amod", "nmod", "conj")
"""Labels a dateline word attached outside the dateline keeps (the others become ``dep``)."""


def _dateline(heads: list[int], labels: list[str], texts: list[str], separators: frozenset[str]) -> None:
    """A wire dateline opening the Doc: an upper-case word, then capitalised words and punctuation up to a
    separator of ``separators`` within :data:`_DATELINE_MAX` tokens ("GAZA CITY, Palestinian Territories:").
    Its words that the parser made arguments of a verb after it ("GAZA CITY" as the subject of "were
    killed") become ``dep``; ``labels`` is changed in place."""
    if not texts or not (texts[0].isalpha() and texts[0].isupper() and len(texts[0]) > 1):
        return
    end = next((i for i in range(1, min(len(texts), _DATELINE_MAX)) if texts[i] in separators), None)
    if end is None or end + 1 >= len(texts) or any(
            t[:1].isalpha() and not t[:1].isupper() for t in texts[:end]):
        return
    for i in range(end):
        if heads[i] > end and labels[i] not in _DATELINE_KEPT:
            labels[i] = "dep"


def _reduced_relatives(heads: list[int], labels: list[str], tags: list[str]) -> list[int]:
    """The words that are a past participle though the tagger took them for finite (``VBD``): a reduced relative
    (an ``acl`` with no subject, auxiliary or mark: "a member of Hamas jailed a year ago"), in the adapted
    ``heads`` and ``labels``. :func:`adapt` gives them the tag ``VBN`` and ``Aspect=Perf|Tense=Past|VerbForm=Part``,
    as the tagger gives elsewhere."""
    found = [i for i, label in enumerate(labels) if label == "acl" and tags[i] == "VBD"]
    if not found:
        return []
    governed = {heads[c] for c, label in enumerate(labels) if heads[c] != c
                and label.startswith(("nsubj", "aux", "mark", "expl"))}
    return [i for i in found if i not in governed]


def _rename_entities(doc, table: dict[str, str]) -> None:
    """Rename entity labels by ``table``; a label mapped to "" is dropped (no entity)."""
    if not doc.has_annotation("ENT_IOB"):
        return
    strings = doc.vocab.strings
    array = doc.to_array([ENT_IOB, ENT_TYPE])
    for row in array:
        if row[1]:
            label = table.get(strings[int(row[1])], strings[int(row[1])])
            if label:
                row[1] = strings.add(label)
            else:
                row[0], row[1] = 2, 0  # outside any entity
    doc.from_array([ENT_IOB, ENT_TYPE], array)
