"""Turn a PETRARCH verb dictionary into verb frames of the newsevents ``verbs*.yaml`` format (fields documented
at the top of ``lang/fr/verbs.yaml``), keeping only what maps cleanly:

- a one-word verb with an event code -> ``{cameo}``;
- ``- * NOUN`` or ``- * &SYNSET`` -> ``{cameo, objects}`` (one-word nouns of the synset);
- ``- * {ADJ NOUN}`` (two words, either may be a synset) -> ``{cameo, objects, objects_amod}``;
- ``- * (PREP)``, ``- * (PREP +)``, ``- * NOUN PREP +`` (TABARI) -> ``recipient: [prep]``; ``- * +`` ->
  ``recipient: [obj]``;
- ``- * (PREP NOUN)`` -> ``complements: [noun]``;
- a pattern with the null code ``---`` and one object noun -> ``objects_not`` of the verb's plain frame;
- a frame whose pattern names no recipient gets the default ``recipient: [obj, PREP...]`` (:func:`target_prepositions`):
  PETRARCH looks for the target in the verb phrase, and the engine only where a frame says.

Left out, and counted: multi-word verbs, patterns with words before the verb, braced noun phrases of other
lengths or inside parentheses, more than one
noun or group, other TABARI operators (``%``, ``$`` after the verb, ``^``), and codes that are not CAMEO codes
with a PLOVER event type.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from .convert import Tally
from .verbs import Pattern, VerbDictionary, primary_code

_FIELD_ORDER = ("cameo", "objects", "objects_amod", "complements", "needs_complement", "recipient", "objects_not")


def english_noun_forms(word: str) -> list[str]:
    """A pattern noun and its naive English singular ("talks" -> "talk", "parties" -> "party"), since the
    lexicon compares spaCy lemmas."""
    if word.endswith("ies") and len(word) > 4:
        return [word, word[:-3] + "y"]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return [word, word[:-1]]
    return [word]


NOUN_FORMS = {"en": english_noun_forms}
"""Per language, the lemmas to list for a pattern noun; other languages list the noun as written."""


def target_prepositions(book: VerbDictionary, prepositions: frozenset[str] = frozenset()) -> list[str]:
    """The prepositions the dictionary itself marks as introducing the target -- ``(PREP +)`` groups and, in
    TABARI files, ``PREP +`` with PREP one of ``prepositions`` -- used at least twice and at least a tenth as
    often as the most used one, most used first (lower case)."""
    counts: dict[str, int] = {}
    seen: set[int] = set()
    for verb in book.verbs:
        for pattern in verb.patterns:
            if pattern.line in seen:
                continue
            seen.add(pattern.line)
            tokens = [t.lower() for t in pattern.after]
            for i, token in enumerate(tokens[:-1]):
                marked = tokens[i + 1] == "+" and ((i > 0 and tokens[i - 1] == "(") or token in prepositions)
                if marked and token.isalpha():
                    counts[token] = counts.get(token, 0) + 1
    top = max(counts.values(), default=0)
    return [p for p, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if n >= 2 and n * 10 >= top]


def _groups(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Tokens after the verb as items: a word, ``+``, or a parenthesised or braced group (its inner tokens,
    tagged with the opening bracket)."""
    items: list[tuple[str, ...]] = []
    i = 0
    while i < len(tokens):
        if tokens[i] in "({":
            j = tokens.index(")" if tokens[i] == "(" else "}", i)
            if "{" in tokens[i + 1:j]:
                raise ValueError("braced noun phrases inside parentheses")
            items.append((tokens[i], *tokens[i + 1:j]))
            i = j + 1
        else:
            items.append((tokens[i],))
            i += 1
    return items


def _nouns(token: str, synsets: dict, noun_forms) -> list[str]:
    words = synsets.get(token, ()) if token.startswith("&") else (token,)
    out = [f for w in words if " " not in w and w.replace("-", "").isalpha() for f in noun_forms(w.lower())]
    if not out:
        raise ValueError("nouns that are not one word")
    return list(dict.fromkeys(out))


def pattern_frame(pattern: Pattern, synsets: dict, noun_forms: Callable[[str], Iterable[str]],
                  prepositions: frozenset[str] = frozenset()) -> dict:
    """The frame fields of one pattern (without ``cameo``): ``objects``, ``recipient``, ``complements``.
    A TABARI ``WORD +`` is a recipient preposition only when the word is one of ``prepositions`` (lower case).
    Raises ``ValueError`` naming the construct that does not map."""
    if any(t != "$" for t in pattern.before):
        raise ValueError("words before the verb")
    frame: dict = {}
    items = _groups(pattern.after)
    for n, item in enumerate(items):
        following = items[n + 1] if n + 1 < len(items) else None
        if item[0] == "(":
            inner = item[1:]
            if len(inner) == 1 or (len(inner) == 2 and inner[1] == "+"):
                frame.setdefault("recipient", []).append(inner[0].lower())
            elif len(inner) == 2 and "complements" not in frame and inner[1] not in "+$%^":
                frame["complements"] = _nouns(inner[1], synsets, noun_forms)
            else:
                raise ValueError("parenthesised groups other than (PREP), (PREP +), (PREP NOUN)")
        elif item[0] == "{":
            if n != 0 or len(item) != 3:
                raise ValueError("braced noun phrases other than one {MODIFIER NOUN} object")
            frame["objects"] = _nouns(item[2], synsets, noun_forms)
            frame["objects_amod"] = _nouns(item[1], synsets, lambda w: [w])
        elif item == ("+",):
            if n == 0:
                frame.setdefault("recipient", []).append("obj")
            elif not (n > 0 and items[n - 1][0] not in "(+" and "recipient" in frame):
                raise ValueError("'+' in another place")
        elif following == ("+",) and n > 0 and item[0].lower() in prepositions:
            frame.setdefault("recipient", []).append(item[0].lower())
        elif n == 0 and item[0][0] not in "$%^":
            frame["objects"] = _nouns(item[0], synsets, noun_forms)
        else:
            raise ValueError("more than one noun or group, or TABARI operators ($ % ^) after the verb")
    if not frame:
        raise ValueError("no noun or preposition after the verb")
    if set(frame) == {"recipient"} and "obj" not in frame["recipient"]:
        # "- * (TO) [043]": the pattern matches only with that phrase; a frame with no other condition would
        # otherwise take every use of the verb ("welcomed the resumption of ties" is not 043)
        frame["needs_complement"] = list(frame["recipient"])
    return frame


def _pattern_frames(patterns: tuple[Pattern, ...], synsets: dict, valid_code, noun_forms, prepositions,
                    tally: Tally, counted: set[int]) -> tuple[list[dict], list[str]]:
    """(frames, null-code object nouns) of a block's patterns; each pattern line is counted once."""
    frames: dict[tuple, dict] = {}
    blocked: list[str] = []
    for pattern in patterns:
        first = pattern.line not in counted
        counted.add(pattern.line)
        try:
            fields = pattern_frame(pattern, synsets, noun_forms, prepositions)
        except ValueError as exc:
            if first:
                tally.skip(f"patterns with {exc}")
            continue
        code = primary_code(pattern.code)
        if code == "---":
            if set(fields) == {"objects"}:
                blocked.extend(fields["objects"])
            elif first:
                tally.skip("null-code patterns with more than an object noun")
            continue
        if not valid_code(code):
            if first:
                tally.skip("patterns whose code is not a CAMEO code with a PLOVER event type")
            continue
        if first:
            tally.kept += 1
        key = (code, tuple(fields.get("recipient", ())), tuple(fields.get("complements", ())),
               tuple(fields.get("objects_amod", ())), "objects" in fields)
        if key in frames and "objects" in fields:
            frames[key]["objects"] = list(dict.fromkeys(frames[key]["objects"] + fields["objects"]))
        elif key not in frames:
            frames[key] = {"cameo": code, **fields}
    ordered = sorted(frames.values(), key=lambda f: ("objects" not in f, "objects_amod" not in f,
                                                     "complements" not in f))
    return ordered, blocked


def convert_verbs(book: VerbDictionary, valid_code: Callable[[str], bool],
                  noun_forms: Callable[[str], Iterable[str]], tally: Tally, verb_tally: Tally,
                  prepositions: frozenset[str] = frozenset()) -> dict[str, list[dict]]:
    """Lemma (lower case) -> frames, most specific first, for a ``verbs*.yaml`` ``verbs`` section.
    ``valid_code(code)`` says whether a CAMEO code may be used; ``noun_forms(word)`` gives the lemmas to list
    for a noun of a pattern (e.g. singular and plural); ``prepositions`` are the words that may precede a
    TABARI ``+`` target. A frame that names no recipient gets ``obj`` and :func:`target_prepositions`.
    ``tally`` counts patterns, ``verb_tally`` verbs."""
    out: dict[str, list[dict]] = {}
    counted: set[int] = set()
    default = ["obj", *target_prepositions(book, prepositions)]
    for verb in book.verbs:
        if " " in verb.lemma or not verb.lemma.replace("-", "").isalpha():
            verb_tally.skip("multi-word verbs (spaCy lemmas are one word)")
            continue
        frames, blocked = _pattern_frames(verb.patterns, book.synsets, valid_code, noun_forms, prepositions,
                                          tally, counted)
        code = primary_code(verb.code)
        if valid_code(code):
            plain = {"cameo": code}
            if blocked:
                plain["objects_not"] = list(dict.fromkeys(blocked))
            frames.append(plain)
        elif code != "---":
            verb_tally.skip("verbs whose own code is not a CAMEO code with a PLOVER event type")
        if not frames:
            verb_tally.skip("verbs with no event code and no pattern that maps")
            continue
        lemma = verb.lemma.lower()
        merged = out.setdefault(lemma, [])
        for frame in frames:
            frame = {**frame, "recipient": frame.get("recipient") or list(default)}
            frame = {k: frame[k] for k in _FIELD_ORDER if k in frame}
            if frame not in merged:
                merged.append(frame)
        verb_tally.kept += 1
    return out
