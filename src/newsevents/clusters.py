"""Cross-article event clusters: one cluster per real-world event, whatever the number of reports.

Every coded event record is a *mention*; mentions that report the same real-world event (the same strike,
visit or sanction, told by several articles or several times in one article) form one *cluster*.

    rules = load_rules()                                   # data/clusters.yaml, or a file of your own
    mentions = [Mention.from_record(r, source=...) for r in records]
    clusters = cluster_mentions(mentions, rules, signatures)   # list of Cluster, deterministic

Matching (:func:`compare`): two mentions are one event when their PLOVER type agrees, their actors and
recipients agree (known countries shared, sectors compatible; an unknown ``---`` or missing side agrees with
anything only when the rest is strong), their dates overlap once widened by a tolerance that depends on
their precision, their places do not conflict, and the evidence is enough: both sides of the dyad agree and
the dates agree at day level, or coarse dates with the same place, or the same wording (the sentences' word
sets overlap, e.g. one wire sentence reprinted). Clusters are the connected components of the "same event"
relation inside each event type, so they depend only on the set of mentions, never on their order.

Copies: documents whose texts are near-identical (MinHash of word shingles, from ``datasketch``) are copies
of one story; a cluster counts them (``num_copies``), so a wire reprinted by three outlets is visible as one
text with three sources.

Identifiers: a cluster's id is a hash of its *root* mention, the first by (publication date, document id,
sentence offset, event offset, event id). It does not depend on ingest order or partitioning; when two
clusters merge, the merged cluster keeps the id of the older one (the one whose root was published first).

All thresholds are data (:func:`load_rules`, ``data/clusters.yaml``, documented there and in docs/clusters.md).
"""
from __future__ import annotations

import hashlib
import math
import os
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import yaml

UNKNOWN = "---"
_WORD = re.compile(r"\w+", re.UNICODE)
_COARSE = ("month", "year")
_NO_DATE_IN_TEXT = ("publication", "unresolved")
MINHASH_SCHEME = "affine32"
"""datasketch's permutation scheme of the stored signatures (32-bit hash values; datasketch >= 2.0)."""


class RulesError(ValueError):
    """A clustering rules file is malformed; the message names the file and the key."""


# -- rules ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rules:
    """Matching thresholds (see ``data/clusters.yaml`` for each one's meaning and default)."""

    date_tolerance_days: dict[str, int]
    coarse_days: int
    sentence_jaccard: float
    related_jaccard: float
    copy_jaccard: float
    shingle_words: int
    minhash_permutations: int
    minhash_seed: int
    sector_groups: tuple[frozenset[str], ...]
    symmetric_types: frozenset[str]
    lead_chars: int
    prefix_words: int
    max_bucket_pairs: int
    confidence: dict[str, int]

    def sectors_compatible(self, a: str, b: str) -> bool:
        """True when sector codes ``a`` and ``b`` may name one participant: equal, one is ``""`` (the state),
        or both in one of :attr:`sector_groups`."""
        if a == b or not a or not b:
            return True
        return any(a in g and b in g for g in self.sector_groups)


_RULE_TYPES = {"date_tolerance_days": dict, "coarse_days": int, "sentence_jaccard": float, "related_jaccard": float,
               "copy_jaccard": float,
               "shingle_words": int, "minhash_permutations": int, "minhash_seed": int, "sector_groups": list,
               "symmetric_types": list, "lead_chars": int, "prefix_words": int, "max_bucket_pairs": int, "confidence": dict}


def _read_yaml(path: Path | None) -> tuple[str, dict[str, Any]]:
    if path is None:
        text = resources.files("newsevents").joinpath("data/clusters.yaml").read_text(encoding="utf-8")
        return "data/clusters.yaml", yaml.safe_load(text) or {}
    try:
        return str(path), yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RulesError(f"{path}: cannot read the clustering rules: {exc}") from exc


def load_rules(path: str | os.PathLike | None = None) -> Rules:
    """The clustering rules: ``data/clusters.yaml`` (the defaults, read once), overridden key by key by the
    YAML file ``path`` when given (read at each call). Raises :class:`RulesError` naming the file and key for
    an unknown key, a value of the wrong type, or a threshold out of range."""
    return _default_rules() if path is None else _load_rules(path)


@lru_cache(maxsize=1)
def _default_rules() -> Rules:
    return _load_rules(None)


def _load_rules(path: str | os.PathLike | None) -> Rules:
    _, values = _read_yaml(None)
    if path is not None:
        where, own = _read_yaml(Path(path))
        if not isinstance(own, dict):
            raise RulesError(f"{where}: expected a mapping of rule names to values")
        for key, value in own.items():
            if key != "source" and key not in _RULE_TYPES:
                raise RulesError(f"{where}: unknown rule {key!r}; expected one of {', '.join(_RULE_TYPES)}")
            values[key] = value
    else:
        where = "data/clusters.yaml"
    for key, kind in _RULE_TYPES.items():
        value = values.get(key)
        if kind is float and isinstance(value, int):
            value = float(value)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise RulesError(f"{where}: {key}: expected {kind.__name__}, got {value!r}")
        values[key] = value
    for key in ("sentence_jaccard", "related_jaccard", "copy_jaccard"):
        if not 0 < values[key] <= 1:
            raise RulesError(f"{where}: {key}: expected a number in (0, 1], got {values[key]!r}")
    tolerance = values["date_tolerance_days"]
    if set(tolerance) != {"day", "interval", "publication", "month", "year"} or \
            any(not isinstance(v, int) or v < 0 for v in tolerance.values()):
        raise RulesError(f"{where}: date_tolerance_days: expected day, interval, publication, month, year "
                         f"as whole days >= 0, got {tolerance!r}")
    return Rules(date_tolerance_days=dict(tolerance), coarse_days=values["coarse_days"],
                 sentence_jaccard=values["sentence_jaccard"], related_jaccard=values["related_jaccard"],
                 copy_jaccard=values["copy_jaccard"],
                 shingle_words=values["shingle_words"], minhash_permutations=values["minhash_permutations"],
                 minhash_seed=values["minhash_seed"],
                 sector_groups=tuple(frozenset(g) for g in values["sector_groups"]),
                 symmetric_types=frozenset(values["symmetric_types"]), lead_chars=values["lead_chars"],
                 prefix_words=values["prefix_words"],
                 max_bucket_pairs=values["max_bucket_pairs"], confidence=dict(values["confidence"]))


# -- mentions ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Mention:
    """One coded event as the clustering sees it.

    ``actor``/``recipient``: tuples of (country code, sector); ``start``/``end``: the first and last day of
    the event date (the publication date when the text gave none; None when neither is known);
    ``precision``: the event date's precision (:data:`newsevents.records.DATE_PRECISIONS`); ``place``: a
    GeoNames id, else a lower-cased place name, else None; ``place_country``: alpha-3 or None;
    ``place_feature``: "city", "country", "region" or None; ``words``: the lower-cased word set of the
    sentence; ``order``: the sort key that defines the root (oldest) mention of a cluster.
    """

    id: str
    doc_id: str
    source: str | None
    published: date | None
    event_type: str
    cameo_code: str
    actor: tuple[tuple[str, str], ...]
    recipient: tuple[tuple[str, str], ...]
    start: date | None
    end: date | None
    precision: str
    place: str | None
    place_country: str | None
    place_feature: str | None
    modality: str
    words: frozenset[str]
    sentence_start: int
    event_start: int
    order: tuple = field(compare=False)

    @classmethod
    def from_record(cls, record: dict[str, Any], source: str | None = None) -> "Mention":
        """Build from an event dict in the ``Event.to_dict`` shape plus ``"published"`` (ISO date or None).
        ``source`` is the document's outlet. Raises ``ValueError`` naming the event when a field is malformed."""
        from .store import date_bounds

        try:
            published = date.fromisoformat(str(record["published"])[:10]) if record.get("published") else None
            d = record.get("date") or {}
            start, end = date_bounds(d.get("value"))
            precision = d.get("precision") or "unresolved"
            if start is None:
                start = end = published
                precision = "publication" if published else "unresolved"
            loc = record.get("location") or {}
            place = loc.get("geonameid") or ((loc.get("name") or loc.get("text") or "").lower() or None)
            sentence_start, event_start = (record.get("sentence_span") or [0])[0], (record.get("event_span") or [0])[0]
            return cls(
                id=record["id"], doc_id=record["doc_id"], source=source, published=published,
                event_type=record["event_type"], cameo_code=record.get("cameo_code") or "",
                actor=tuple((a["code"], a.get("sector") or "") for a in record.get("actor") or []),
                recipient=tuple((a["code"], a.get("sector") or "") for a in record.get("recipient") or []),
                start=start, end=end, precision=precision, place=str(place) if place else None,
                place_country=loc.get("country"), place_feature=loc.get("feature"),
                modality=record.get("modality") or "asserted",
                words=frozenset(_WORD.findall((record.get("sentence") or "").lower())),
                sentence_start=sentence_start or 0, event_start=event_start or 0,
                order=(published or date.max, record["doc_id"], sentence_start or 0, event_start or 0, record["id"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"event {record.get('id')!r} of document {record.get('doc_id')!r}: cannot cluster "
                             f"it: {type(exc).__name__}: {exc}") from exc

    def countries(self) -> set[str]:
        """Known country (or IGO) codes of the actor and the recipient."""
        return {c for c, _ in self.actor + self.recipient if c != UNKNOWN}


# -- matching ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=65536)
def _known(side: tuple) -> tuple:
    return tuple((c, s) for c, s in side if c != UNKNOWN)


def _side(a: tuple, b: tuple, rules: Rules) -> str:
    """One side of the dyad: "agree" (a known code shared with compatible sectors, or both absent),
    "unknown" (one side absent or only ``---``), "conflict" (known codes that differ, or incompatible sectors)."""
    if not a and not b:
        return "agree"
    known_a, known_b = _known(a), _known(b)
    if not known_a or not known_b:
        return "unknown"
    for ca, sa in known_a:
        for cb, sb in known_b:
            if ca == cb and rules.sectors_compatible(sa, sb):
                return "agree"
    return "conflict"


def dyad_relation(a: Mention, b: Mention, rules: Rules) -> tuple[str, str]:
    """(actor relation, recipient relation), each as :func:`_side` says; for a symmetric type
    (``rules.symmetric_types``) the swapped reading is used when it conflicts less."""
    straight = (_side(a.actor, b.actor, rules), _side(a.recipient, b.recipient, rules))
    if a.event_type not in rules.symmetric_types or "conflict" not in straight:
        return straight
    swapped = (_side(a.actor, b.recipient, rules), _side(a.recipient, b.actor, rules))
    return swapped if "conflict" not in swapped else straight


def _widened(m: Mention, rules: Rules) -> tuple[date, date] | None:
    if m.start is None or m.precision == "unresolved":
        return None
    return _widen(m.start, m.end, rules.date_tolerance_days.get(m.precision, 0))


@lru_cache(maxsize=65536)
def _widen(start: date, end: date, pad_days: int) -> tuple[date, date]:
    """``(start - pad_days, end + pad_days)``, cached: clustering asks it millions of times for a few thousand
    distinct dates."""
    pad = timedelta(days=pad_days)
    return start - pad, end + pad


def _coarse(m: Mention, rules: Rules) -> bool:
    return m.precision in _COARSE or _days(m.start, m.end) > rules.coarse_days


@lru_cache(maxsize=65536)
def _days(start: date, end: date) -> int:
    """Number of days from ``start`` to ``end``, both included (cached like :func:`_widen`)."""
    return (end - start).days + 1


def date_relation(a: Mention, b: Mention, rules: Rules) -> str:
    """"agree" (widened intervals overlap, both specific), "coarse" (they overlap but one is a month, a year
    or an interval longer than ``coarse_days``), "unknown" (one has no date at all) or "conflict"."""
    return _dates_of(_dated(a, rules), _dated(b, rules))


def _dated(m: Mention, rules: Rules) -> tuple[tuple[date, date], bool] | None:
    """(widened interval, coarse?) of ``m``'s date, None when it has none: what :func:`date_relation` reads."""
    span = _widened(m, rules)
    return None if span is None else (span, _coarse(m, rules))


def _dates_of(da, db) -> str:
    """:func:`date_relation` of two mentions from their :func:`_dated` values."""
    if da is None or db is None:
        return "unknown"
    (wa, coarse_a), (wb, coarse_b) = da, db
    if wa[1] < wb[0] or wb[1] < wa[0]:
        return "conflict"
    return "coarse" if coarse_a or coarse_b else "agree"


def place_relation(a: Mention, b: Mention) -> str:
    """"agree" (same place), "unknown" (one has none, or one is a whole country containing the other),
    "conflict" (different countries, or two different places below country level)."""
    if not a.place or not b.place:
        return "unknown"
    if a.place == b.place:
        return "agree"
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return "conflict"
    if "country" in (a.place_feature, b.place_feature):
        return "unknown"
    return "conflict"


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (0 when both are empty)."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def compare(a: Mention, b: Mention, rules: Rules) -> tuple[bool, str]:
    """Whether ``a`` and ``b`` report one real-world event, and why (a short reason for audits).

    Needs the same event type, no conflicting actor, recipient, date or place, and one of: the same wording
    (sentence word-set Jaccard >= ``rules.sentence_jaccard``) in two documents; both dyad sides agreeing with
    dates that the texts give (not publication-date fallbacks) agreeing at day level; both sides agreeing,
    dates agreeing only through publication dates, and related wording (Jaccard >= ``rules.related_jaccard``);
    both agreeing with a coarse or missing date and the same place; one side agreeing, the other unknown,
    with day-level dates and the same place."""
    if a.event_type != b.event_type:
        return False, "type"
    return _compare_dated(a, b, date_relation(a, b, rules), rules)


def _compare_dated(a: Mention, b: Mention, dates: str, rules: Rules) -> tuple[bool, str]:
    """:func:`compare` of two mentions of one event type whose :func:`date_relation` is ``dates``."""
    if dates == "conflict":
        return False, "date conflict"
    sides = dyad_relation(a, b, rules)
    if "conflict" in sides:
        return False, "dyad conflict"
    place = place_relation(a, b)
    if place == "conflict":
        return False, "place conflict"
    similarity = jaccard(a.words, b.words) if a.doc_id != b.doc_id else 0.0
    if similarity >= rules.sentence_jaccard:
        return True, "same wording"
    agree = sides.count("agree")
    from_text = a.precision not in _NO_DATE_IN_TEXT and b.precision not in _NO_DATE_IN_TEXT
    if agree == 2 and dates == "agree" and from_text:
        return True, "dyad and date"
    if agree == 2 and dates == "agree" and similarity >= rules.related_jaccard:
        return True, "dyad, publication date and related wording"
    if agree == 2 and place == "agree":
        return True, "dyad, place and coarse date"
    if agree == 1 and dates == "agree" and place == "agree":
        return True, "one side, date and place"
    return False, "weak evidence"


# -- clustering -------------------------------------------------------------------------------------------

class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """The root of ``i``'s set (with path halving)."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        """Join the sets of ``i`` and ``j``; the smaller index becomes the root."""
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _buckets(mentions: Sequence[Mention], copy_group: dict[str, int], rules: Rules) -> dict[tuple, list[int]]:
    """Candidate buckets: mentions that may be one event share a bucket. Keys: (type, (actor country,
    recipient country), day) for each day of a specific widened date (the rules that need no place or
    wording need both sides of the dyad to agree); (type, "word", w) for each of the ``rules.prefix_words``
    rarest words of the sentence's prefix (:func:`_prefix`: two sentences worded alike share one; cutting the
    prefix short makes this an approximation, see data/clusters.yaml); (type, "copy", group) for documents that are copies of one text;
    (type, "place", place) for a named place."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    df = Counter((m.event_type, w) for m in mentions for w in m.words)  # per type: buckets never mix types
    for i, m in enumerate(mentions):
        keys = set()
        span = _widened(m, rules)
        if span is not None and not _coarse(m, rules):
            days = [span[0] + timedelta(days=k) for k in range((span[1] - span[0]).days + 1)]
            for dyad in _dyad_keys(m, rules):
                keys.update((m.event_type, dyad, day) for day in days)
        keys.update((m.event_type, "word", w)
                    for w in _prefix(m.words, m.event_type, df, rules.sentence_jaccard)[:rules.prefix_words])
        group = copy_group.get(m.doc_id)
        if group is not None:
            keys.add((m.event_type, "copy", group))
        if m.place:
            keys.add((m.event_type, "place", m.place))
        for key in keys:
            buckets[key].append(i)
    return buckets


def _side_keys(side: tuple) -> list[str]:
    """Country codes one side can agree on: "" for an absent side, none for a side of unknowns only."""
    if not side:
        return [""]
    return sorted({c for c, _ in side if c != UNKNOWN})


def _dyad_keys(m: Mention, rules: Rules) -> set[tuple[str, str]]:
    """(actor country, recipient country) keys of a mention, unordered for symmetric types."""
    keys = set()
    for a in _side_keys(m.actor):
        for r in _side_keys(m.recipient):
            keys.add(tuple(sorted((a, r))) if m.event_type in rules.symmetric_types else (a, r))
    return keys


def _prefix(words: frozenset[str], event_type: str, df: Counter, threshold: float) -> list[str]:
    """Prefix filtering (Chaudhuri et al. 2006): the ``|s| - ceil(t |s|) + 1`` rarest words of the set (by
    their frequency ``df[(event_type, word)]`` among the mentions of the type, then alphabetically). Two word sets with Jaccard >= ``t`` share at least one
    prefix word, so bucketing on them finds every pair worded alike without comparing all pairs."""
    import math

    if not words:
        return []
    n = len(words) - math.ceil(threshold * len(words)) + 1
    return sorted(words, key=lambda w: (df[(event_type, w)], w))[:n]


def _candidate_pairs(buckets: dict[tuple, list[int]], rules: Rules, n: int,
                     keep: Callable[[int, list[int]], list[int]] | None = None) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) sharing a bucket, in sorted order; a bucket larger than ``max_bucket_pairs`` is compared
    only within a window of that many neighbours in mention order (input order is the canonical order). ``n`` is
    the number of mentions. The pairs are generated mention by mention, so memory grows with the number of
    bucket entries, not with the number of pairs (tens of millions for 200,000 mentions of a busy week).
    ``keep``, when given, is called with ``i`` and its partners ``j`` (sorted) and returns those to yield
    (:func:`_worth_comparing` leaves out pairs that :func:`compare` would reject whatever their wording)."""
    window = rules.max_bucket_pairs
    entries: list[list[tuple[list[int], int]]] = [[] for _ in range(n)]  # mention -> (bucket, its position)
    for members in buckets.values():
        if len(members) < 2:
            continue
        for x, i in enumerate(members[:-1]):  # already in increasing order, without repeats
            entries[i].append((members, x))
    for i in range(n):
        if not entries[i]:
            continue
        later: set[int] = set()
        for members, x in entries[i]:
            later.update(members[x + 1: x + 1 + window])
        for j in (sorted(later) if keep is None else keep(i, sorted(later))):
            yield i, j


def _worth_comparing(ordered: Sequence[Mention], dated: list, rules: Rules) -> Callable[[int, list[int]], list[int]]:
    """The ``keep`` filter of :func:`_candidate_pairs` for ``ordered`` mentions (of one type per bucket) and
    their :func:`_dated` values: it drops the partners ``j`` of ``i`` that :func:`compare` rejects for a
    date conflict (widened dates that do not overlap; an undated mention overlaps every date) or a dyad
    conflict it can see from the country codes alone (a side whose known codes are disjoint from the other
    mention's; for a symmetric type, in the swapped reading too). Most candidate pairs are one or the other
    (96% of those of 5,000 tiny records), and this test costs a fraction of :func:`compare`."""
    first = [-math.inf if d is None else d[0][0].toordinal() for d in dated]
    last = [math.inf if d is None else d[0][1].toordinal() for d in dated]
    actors = [frozenset(c for c, _ in m.actor if c != UNKNOWN) for m in ordered]
    recipients = [frozenset(c for c, _ in m.recipient if c != UNKNOWN) for m in ordered]

    def keep(i: int, partners: list[int]) -> list[int]:
        lo, hi, a, r = first[i], last[i], actors[i], recipients[i]
        symmetric = ordered[i].event_type in rules.symmetric_types
        out = []
        for j in partners:
            if first[j] > hi or last[j] < lo:
                continue
            b, s = actors[j], recipients[j]
            if ((a and b and a.isdisjoint(b)) or (r and s and r.isdisjoint(s))) and (
                    not symmetric or (a and s and a.isdisjoint(s)) or (r and b and r.isdisjoint(b))):
                continue
            out.append(j)
        return out

    return keep


def _specific_span(m: Mention, rules: Rules) -> tuple[date, date] | None:
    """The widened interval of a specific (day-level) date, None for a coarse or missing one."""
    span = _widened(m, rules)
    return None if span is None or _coarse(m, rules) else span


def _meet(a, b):
    """Intersection of two component spans (None = unconstrained); ``()`` when they do not overlap."""
    if a is None or b is None:
        return a if b is None else b
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else ()


def copy_groups(signatures: dict[str, np.ndarray], rules: Rules) -> dict[str, int]:
    """Documents that are copies of one text: ``{doc_id: group number}`` for every document that has at least
    one copy (MinHash LSH at ``rules.copy_jaccard``, then connected components). ``signatures`` maps a
    document id to its MinHash hash values (:func:`document_signature`). Deterministic: groups are numbered by
    their smallest document id.

    The LSH is datasketch's ``MinHashLSH`` banding done on one numpy matrix: the same bands (its optimal
    ``b`` x ``r`` for the threshold), two documents are candidates when their values are equal on a band, and a
    candidate pair is a copy when the share of equal values is at least ``copy_jaccard``: the same pairs as
    the index, without one Python object per document and band."""
    if len(signatures) < 2:
        return {}
    ids = sorted(signatures)
    matrix = np.stack([np.asarray(signatures[d], dtype=np.uint64) for d in ids])
    bands, rows = _lsh_bands(rules.copy_jaccard, rules.minhash_permutations)
    uf = _UnionFind(len(ids))
    linked = np.zeros(len(ids), dtype=bool)
    for band in range(bands):
        for group in _equal_rows(matrix[:, band * rows:(band + 1) * rows]):
            for k, i in enumerate(group[:-1]):
                others = group[k + 1:]
                equal = np.count_nonzero(matrix[others] == matrix[i], axis=1)
                for j in others[equal / float(matrix.shape[1]) >= rules.copy_jaccard]:
                    uf.union(int(i), int(j))
                    linked[i] = linked[j] = True
    return {d: uf.find(k) for k, d in enumerate(ids) if linked[k]}


def _equal_rows(block: np.ndarray) -> list[np.ndarray]:
    """Groups (arrays of row indexes, increasing) of at least two rows of ``block`` that are equal."""
    block = np.ascontiguousarray(block)
    keys = block.view(np.dtype((np.void, block.dtype.itemsize * block.shape[1]))).ravel()
    _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    inverse = inverse.ravel()
    order = np.argsort(inverse, kind="stable")
    bounds = np.cumsum(counts)[:-1]
    return [g for g in np.split(order, bounds) if len(g) > 1]


@lru_cache(maxsize=8)
def _lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's ``MinHashLSH`` chooses for ``threshold`` and ``num_perm``."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def document_signature(text: str, rules: Rules) -> np.ndarray:
    """MinHash hash values (``rules.minhash_permutations`` unsigned 32-bit integers) of the document's
    lower-cased word shingles of ``rules.shingle_words`` words (datasketch ``MinHash``; the shingles are
    hashed with CRC-32, deterministic across processes and much faster than the default SHA-1)."""
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    n = rules.shingle_words
    shingles = {" ".join(words[i:i + n]).encode("utf-8") for i in range(max(1, len(words) - n + 1))}
    mh = MinHash(num_perm=rules.minhash_permutations, seed=rules.minhash_seed, scheme=MINHASH_SCHEME,
                 hashfunc=zlib.crc32, permutations=_permutations(rules.minhash_permutations, rules.minhash_seed))
    mh.update_batch(list(shingles))
    return mh.hashvalues


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int):
    """The MinHash permutation parameters for ``num_perm`` and ``seed``, drawn once (datasketch draws them from
    the seed for every new MinHash, which cost more than hashing a short document)."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=seed, scheme=MINHASH_SCHEME, hashfunc=zlib.crc32).permutations


def cluster_mentions(mentions: Iterable[Mention], rules: Rules | None = None,
                     signatures: dict[str, np.ndarray] | None = None) -> list["Cluster"]:
    """Cluster ``mentions``: :func:`compare`'s "same event" relation over the candidate pairs, joined
    transitively (single link) in a canonical order, except that a cluster's specific dates must keep a
    common day (widened by their tolerance): a report without a date never bridges two events of different
    days. ``signatures`` (document id -> MinHash values) find wire copies; without
    them no copy is counted. The result depends only on the set of mentions (any order gives the same
    clusters and ids); clusters are returned in the order of their root mentions."""
    rules = rules or load_rules()
    ordered = sorted({m.id: m for m in mentions}.values(), key=lambda m: m.order)
    doc_ids = {m.doc_id for m in ordered}
    groups = copy_groups({d: s for d, s in (signatures or {}).items() if d in doc_ids}, rules)
    uf = _UnionFind(len(ordered))
    spans = [_specific_span(m, rules) for m in ordered]  # per component root: the days all its dates allow
    dated = [_dated(m, rules) for m in ordered]  # once per mention, not once per pair
    keep = _worth_comparing(ordered, dated, rules)
    for i, j in _candidate_pairs(_buckets(ordered, groups, rules), rules, len(ordered), keep):  # canonical order
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        a, b = ordered[i], ordered[j]  # compare(a, b), with the dates read from ``dated``
        if a.event_type != b.event_type or not _compare_dated(a, b, _dates_of(dated[i], dated[j]), rules)[0]:
            continue
        span = _meet(spans[ri], spans[rj])
        if span == ():  # the two groups' dates have no common day: an undated report must not bridge them
            continue
        uf.union(ri, rj)
        spans[uf.find(ri)] = span
    members: dict[int, list[Mention]] = defaultdict(list)
    for i, m in enumerate(ordered):
        members[uf.find(i)].append(m)
    return [summarise(members[root], rules, groups) for root in sorted(members)]


# -- cluster summaries ------------------------------------------------------------------------------------

def cluster_id(root: Mention) -> str:
    """The id of the cluster whose root (oldest) mention is ``root``: 16 hex digits of SHA-1."""
    return hashlib.sha1(f"cluster:{root.id}".encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Member:
    """One mention's place in its cluster: ``is_root`` (in its document's lead, GDELT IsRootEvent),
    ``copy_of`` (the earlier document of the cluster this one's text copies, or None), ``confidence`` 0-100."""

    event_id: str
    doc_id: str
    is_root: bool
    copy_of: str | None
    confidence: int


@dataclass(frozen=True)
class Cluster:
    """One real-world event. Counts: ``num_mentions`` (coded mentions), ``num_articles`` (distinct documents),
    ``num_sources`` (distinct outlets; a document without a source counts as its own outlet), ``num_copies``
    (documents that reprint the text of an earlier document of the cluster). ``actor``/``recipient``/
    ``cameo_code``: those of one member (:func:`_representative`: most known sides, most reported pair; the
    code most frequent among the members with that pair); ``date_*``: the intersection of the members'
    specific dates when not empty, else the most specific date most members give; ``modality``: "asserted" if any member asserts
    it, else the most frequent; ``modality_counts``: mentions per modality; ``first_seen``: earliest
    publication date (ISO); ``root_event_id``: the oldest mention."""

    cluster_id: str
    event_type: str
    cameo_code: str
    actor: tuple[tuple[str, str], ...]
    recipient: tuple[tuple[str, str], ...]
    date_value: str | None
    date_start: date | None
    date_end: date | None
    date_precision: str
    place: str | None
    place_country: str | None
    modality: str
    modality_counts: dict[str, int]
    num_mentions: int
    num_articles: int
    num_sources: int
    num_copies: int
    first_seen: str | None
    root_event_id: str
    members: tuple[Member, ...]


def _most_common(values: Iterable, default=None):
    counts = Counter(v for v in values if v)
    if not counts:
        return default
    return min(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0]


def _cluster_date(members: Sequence[Mention], rules: Rules) -> tuple[str | None, date | None, date | None, str]:
    specific = [m for m in members if m.start is not None and m.precision not in ("unresolved",)
                and not _coarse(m, rules)]
    texted = [m for m in specific if m.precision not in _NO_DATE_IN_TEXT] or specific
    if texted:
        start, end = max(m.start for m in texted), min(m.end for m in texted)
        if start <= end:
            precision = "day" if start == end else "interval"
            value = start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
            if all(m.precision == "publication" for m in texted):
                precision = "publication"
            return value, start, end, precision
        best = _most_common((m.start, m.end, m.precision) for m in texted)
        return _date_value(best[0], best[1]), best[0], best[1], best[2]
    dated = [m for m in members if m.start is not None]
    if not dated:
        return None, None, None, "unresolved"
    best = _most_common((m.start, m.end, m.precision) for m in dated)
    return _date_value(best[0], best[1]), best[0], best[1], best[2]


def _date_value(start: date, end: date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


def _representative(members: Sequence[Mention]) -> Mention:
    """The member whose actor and recipient stand for the cluster, both taken from it (never one side from
    one member and the other from another, which could show a pair no report gives, e.g. for a reciprocal
    CONSULT): the member with the most known sides (actor, recipient), then the most reported
    (actor, recipient) pair, then the oldest (``members`` sorted by ``order``)."""
    pairs = Counter((m.actor, m.recipient) for m in members)

    def known(m: Mention) -> int:
        return sum(any(c != UNKNOWN for c, _ in side) for side in (m.actor, m.recipient))

    return min(members, key=lambda m: (-known(m), -pairs[(m.actor, m.recipient)], m.order))


def confidence(m: Mention, rules: Rules) -> int:
    """Confidence (0-100) of one mention from ``rules.confidence``: the base minus a penalty when it is not
    asserted, when the text gives no date, and when a participant is unknown."""
    c = rules.confidence
    score = c["base"]
    if m.modality != "asserted":
        score -= c["not_asserted"]
    if m.precision in _NO_DATE_IN_TEXT:
        score -= c["no_date_in_text"]
    if any(code == UNKNOWN for code, _ in m.actor + m.recipient):
        score -= c["unknown_participant"]
    return max(0, min(100, score))


def summarise(members: Sequence[Mention], rules: Rules, groups: dict[str, int] | None = None) -> Cluster:
    """The :class:`Cluster` of ``members`` (mentions already judged to be one event; any order)."""
    members = sorted(members, key=lambda m: m.order)
    root = members[0]
    groups = groups or {}
    seen_groups: dict[int, str] = {}
    copy_of: dict[str, str | None] = {}
    for m in members:
        if m.doc_id in copy_of:
            continue
        g = groups.get(m.doc_id)
        copy_of[m.doc_id] = seen_groups.get(g) if g is not None else None
        if g is not None:
            seen_groups.setdefault(g, m.doc_id)
    value, start, end, precision = _cluster_date(members, rules)
    modalities = Counter(m.modality for m in members)
    place = _most_common((m.place, m.place_country) for m in members if m.place)
    published = [m.published for m in members if m.published]
    rep = _representative(members)
    same_pair = [m for m in members if (m.actor, m.recipient) == (rep.actor, rep.recipient)]
    return Cluster(
        cluster_id=cluster_id(root), event_type=root.event_type,
        cameo_code=_most_common(m.cameo_code for m in same_pair) or rep.cameo_code or root.cameo_code,
        actor=rep.actor, recipient=rep.recipient,
        date_value=value, date_start=start, date_end=end, date_precision=precision,
        place=place[0] if place else None, place_country=place[1] if place else None,
        modality="asserted" if modalities["asserted"] else _most_common(m.modality for m in members),
        modality_counts=dict(sorted(modalities.items())), num_mentions=len(members),
        num_articles=len(copy_of), num_sources=len({m.source or f"doc:{m.doc_id}" for m in members}),
        num_copies=sum(1 for v in copy_of.values() if v), first_seen=min(published).isoformat() if published else None,
        root_event_id=root.id,
        members=tuple(Member(m.id, m.doc_id, m.sentence_start < rules.lead_chars, copy_of[m.doc_id],
                             confidence(m, rules)) for m in members))
