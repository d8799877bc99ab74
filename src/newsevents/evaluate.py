"""Score system events against a gold set: precision, recall and F1 at three levels, plus attribute accuracy.

The definitions are those of the project scorer ``eval/score.py`` (shared material; see ``eval/ANNOTATION.md``),
re-implemented here so that ``newsevents evaluate`` gives the same numbers:

- Gold records: ``{"id", "lang", "date", "text", "evaluate"?, "events": [...]}``; a gold event has ``"plover"``
  and/or ``"cameo"``, and ``"source"``/``"target"`` as CAMEO actor strings (``"RUSGOV"``, ``"USA"``,
  ``"---PTY"``, ``"TUN None"``) or lists of ``{"code", "sector"}`` objects. Records with ``"evaluate": "false"``
  are skipped.
- System events: :meth:`Event.to_dict` records (``doc_id``, ``event_type``, ``cameo_code``, ``actor``,
  ``recipient``); also accepted: ``id`` for ``doc_id``, ``event`` for ``event_type``, ``source``/``target``.
- An event's PLOVER types: its type name (old PLOVER names mapped: DEMAND -> REQUEST, DISAPPROVE and
  INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT), else its CAMEO code looked up in ``data/cameo.tsv`` (the code, then
  its 3- and 2-digit prefixes; a root such as 08 can stand for two types), with CAMEO 163 and 116 -> SANCTION
  (PLOVER manual). Events with no type are ignored.
- Compound actors are expanded into one item per source x target member pair.
- Levels: ``type`` (types intersect), ``dyad`` (+ source and target country), ``full`` (+ sectors). A gold slot
  that is unknown (``---``, empty, ``None``) matches anything.
- Counts come from a maximum one-to-one matching between the gold and system items of each record.
- Modality and date accuracy: over dyad-level pairs whose gold item has a value, compared exactly (dates as ISO
  8601 strings). Pairs are chosen by first matching pairs that agree on both (dyad level + same modality and
  date), then matching the rest at dyad level; the matching visits gold items in order and, for each, the system
  items in order (Kuhn's augmenting paths), which fixes which pairs are compared.
"""
from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from .codes import PLOVER_TYPES
from .records import Article, InputError

log = logging.getLogger(__name__)

LEVELS = ("type", "dyad", "full")

OLD_PLOVER_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
                    "SACTION": "SANCTION"}
"""Event type names of older PLOVER drafts (and a typo found in gold files) -> current names."""

SANCTION_CODES = ("163", "116")
"""CAMEO codes the current PLOVER manual codes as SANCTION (international sanctions, court convictions)."""

UNKNOWN_SLOTS = {"", "---", "none", "null", "~", "xxx"}
"""Actor slot values (lower-cased) that mean "unknown": a gold unknown slot matches anything."""

Actor = tuple[str | None, str | None]
"""(country, sector); None = unknown."""


class Item(NamedTuple):
    """One expanded event: its possible PLOVER types, one source and one target member, modality and date."""

    types: frozenset[str]
    source: Actor
    target: Actor
    modality: str | None
    date: str | None


@lru_cache(maxsize=1)
def cameo_to_plover() -> dict[str, frozenset[str]]:
    """CAMEO code -> set of PLOVER types, from ``data/cameo.tsv`` (codes with no PLOVER type left out), with
    :data:`SANCTION_CODES` -> {"SANCTION"}."""
    from .codes import load_cameo

    table = {c.code: frozenset(t for t in c.plover_event.split("|") if t) for c in load_cameo() if c.plover_event}
    table.update({code: frozenset({"SANCTION"}) for code in SANCTION_CODES})
    return table


def event_types(event: dict[str, Any], type_key: str, cameo_key: str) -> frozenset[str]:
    """The PLOVER types an event may stand for: its (possibly old) type name when it is a PLOVER type, else the
    types of its CAMEO code (longest known prefix among the whole code, 3 and 2 digits); empty when neither."""
    name = event.get(type_key)
    if isinstance(name, list):
        name = name[0] if name else ""
    name = (name or "").strip().upper()
    name = OLD_PLOVER_NAMES.get(name, name)
    if name in PLOVER_TYPES:
        return frozenset({name})
    digits = re.match(r"\d+", str(event.get(cameo_key) or "").strip())
    if digits:
        table = cameo_to_plover()
        code = digits.group(0)
        for n in (len(code), 3, 2):
            if code[:n] in table:
                return table[code[:n]]
    return frozenset()


def _slot(value: Any) -> str | None:
    text = ("" if value is None else str(value)).strip().upper()
    return None if text.lower() in UNKNOWN_SLOTS else text


def parse_actors(raw: Any) -> list[Actor]:
    """Actor members as (country, sector) pairs, from a CAMEO actor string (``"RUSGOV"``, ``"---MIL"``,
    ``"~MIL"``, ``"TUN None"``) or a list of ``{"code", "sector"}`` objects (``"country"``/``"agent"`` also
    read; a 6-letter code with no sector is split). Returns [] when absent."""
    if raw is None or raw == "" or raw == []:
        return []
    if isinstance(raw, dict):
        raw = [raw]
    if isinstance(raw, list):
        members: list[Actor] = []
        for entity in raw:
            if isinstance(entity, str):
                members += parse_actors(entity)
                continue
            code = entity.get("code") or entity.get("country") or ""
            sector = entity.get("sector") or entity.get("agent") or ""
            if isinstance(sector, list):
                sector = sector[0] if sector else ""
            if len(code) == 6 and not sector:
                code, sector = code[:3], code[3:]
            members.append((_slot(code), _slot(sector)))
        return members
    text = str(raw).strip()
    if " " in text:
        code, _, sector = text.partition(" ")
        return [(_slot(code), _slot(sector))]
    if text.startswith("~"):
        return [(None, _slot(text[1:4]))]
    if text.startswith("---"):
        return [(None, _slot(text[3:6]))]
    return [(_slot(text[:3]), _slot(text[3:6]))]


def _date_value(raw: Any) -> str | None:
    if isinstance(raw, dict):
        raw = raw.get("value")
    return str(raw).strip() if raw else None


def expand(event: dict[str, Any], types: frozenset[str], source_key: str, target_key: str) -> list[Item]:
    """One :class:`Item` per source member x target member (a missing side is one unknown member)."""
    sources = parse_actors(event.get(source_key)) or [(None, None)]
    targets = parse_actors(event.get(target_key)) or [(None, None)]
    modality = (event.get("modality") or "").strip().lower() or None
    when = _date_value(event.get("date"))
    return [Item(types, s, t, modality, when) for s in sources for t in targets]


def _fits(gold: str | None, system: str | None) -> bool:
    return gold is None or gold == system


def agrees(level: str, g: Item, s: Item) -> bool:
    """Whether system item ``s`` can be matched to gold item ``g`` at ``level`` ("type", "dyad", "full", or
    "attrs": dyad level with the same modality and date)."""
    if not g.types & s.types:
        return False
    if level == "type":
        return True
    if not (_fits(g.source[0], s.source[0]) and _fits(g.target[0], s.target[0])):
        return False
    if level == "dyad":
        return True
    if level == "attrs":
        return g.modality == s.modality and g.date == s.date
    return _fits(g.source[1], s.source[1]) and _fits(g.target[1], s.target[1])


def max_matching(gold: list[Item], system: list[Item], level: str) -> dict[int, int]:
    """A maximum one-to-one matching as {system index: gold index} (Kuhn's augmenting paths: gold items in
    order, candidates in system order)."""
    candidates = [[si for si, s in enumerate(system) if agrees(level, g, s)] for g in gold]
    owner: dict[int, int] = {}

    def augment(gi: int, visited: set[int]) -> bool:
        for si in candidates[gi]:
            if si in visited:
                continue
            visited.add(si)
            if si not in owner or augment(owner[si], visited):
                owner[si] = gi
                return True
        return False

    for gi in range(len(gold)):
        if candidates[gi]:
            augment(gi, set())
    return owner


def attribute_pairs(gold: list[Item], system: list[Item]) -> dict[int, int]:
    """Dyad-level pairs for modality/date accuracy: pairs that agree on both first, then the rest at dyad
    level, so the order of the output never costs a system credit. {system index: gold index}."""
    pairs = max_matching(gold, system, "attrs")
    left_g = [gi for gi in range(len(gold)) if gi not in set(pairs.values())]
    left_s = [si for si in range(len(system)) if si not in pairs]
    more = max_matching([gold[i] for i in left_g], [system[i] for i in left_s], "dyad")
    pairs.update({left_s[si]: left_g[gi] for si, gi in more.items()})
    return pairs


def prf(tp: int, n_system: int, n_gold: int) -> dict[str, Any]:
    """{"precision", "recall", "f1" (rounded to 4 places), "tp", "system", "gold"}; 0.0 when undefined."""
    p = tp / n_system if n_system else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "system": n_system,
            "gold": n_gold}


def gold_items(record: dict[str, Any]) -> list[Item]:
    """The expanded, typed gold items of one gold record."""
    items: list[Item] = []
    for event in record.get("events", []):
        types = event_types(event, "plover", "cameo")
        if types:
            items += expand(event, types, "source", "target")
    return items


def system_items(events: Iterable[dict[str, Any]]) -> list[Item]:
    """The expanded, typed items of one record's system events."""
    items: list[Item] = []
    for event in events:
        types = event_types(event, "event_type" if "event_type" in event else "event", "cameo_code")
        if types:
            items += expand(event, types, "actor" if "actor" in event else "source",
                            "recipient" if "recipient" in event else "target")
    return items


def is_evaluated(record: dict[str, Any]) -> bool:
    """False for gold records marked ``"evaluate": "false"`` (or false)."""
    return str(record.get("evaluate", "true")).lower() != "false"


def score(gold_records: Iterable[dict[str, Any]], system_events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Score system events against gold records.

    Returns ``{"type"|"dyad"|"full": prf dict, "records": n, "records_with_output": n, "dyad_informative":
    bool (some gold item has a country), "per_type": {TYPE: prf dict}, "modality_accuracy": float or None,
    "modality_compared": n, "date_accuracy", "date_compared"}`` (see the module docstring for definitions).
    """
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for event in system_events:
        by_doc[str(event["doc_id"] if "doc_id" in event else event.get("id"))].append(event)
    totals = {level: [0, 0, 0] for level in LEVELS}  # tp, system, gold
    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    attrs = {"modality": [0, 0], "date": [0, 0]}  # correct, compared
    records = with_output = 0
    informative = False
    for record in gold_records:
        if not is_evaluated(record):
            continue
        records += 1
        gold = gold_items(record)
        system = system_items(by_doc.get(str(record["id"]), []))
        with_output += bool(system)
        informative = informative or any(g.source[0] or g.target[0] for g in gold)
        for si, gi in attribute_pairs(gold, system).items():
            for key in ("modality", "date"):
                expected = getattr(gold[gi], key)
                if expected:
                    attrs[key][1] += 1
                    attrs[key][0] += expected == getattr(system[si], key)
        for level in LEVELS:
            totals[level][0] += len(max_matching(gold, system, level))
            totals[level][1] += len(system)
            totals[level][2] += len(gold)
        for t in PLOVER_TYPES:
            g = [x for x in gold if t in x.types]
            s = [x for x in system if t in x.types]
            if g or s:
                row = per_type[t]
                row[0] += len(max_matching(g, s, "type"))
                row[1] += len(s)
                row[2] += len(g)
    result: dict[str, Any] = {level: prf(*totals[level]) for level in LEVELS}
    result.update({"records": records, "records_with_output": with_output, "dyad_informative": informative,
                   "per_type": {t: prf(*v) for t, v in sorted(per_type.items())}})
    for key, (correct, compared) in attrs.items():
        result[f"{key}_accuracy"] = round(correct / compared, 4) if compared else None
        result[f"{key}_compared"] = compared
    return result


SUMMARY_KEYS = ("type", "dyad", "full", "records", "records_with_output", "modality_accuracy", "date_accuracy")
"""Keys of the one-line JSON summary (the last line ``score.py`` prints)."""


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """The JSON summary of a :func:`score` result."""
    return {k: result[k] for k in SUMMARY_KEYS}


def format_report(result: dict[str, Any], detail: bool = False) -> str:
    """A plain-text table of a :func:`score` result (per-type rows with ``detail``), ending with the JSON
    summary line."""
    lines = [f"{'level':6} {'P':>7} {'R':>7} {'F1':>7} {'tp':>6} {'sys':>6} {'gold':>6}"]

    def row(label: str, r: dict) -> str:
        return (f"{label} {r['precision']:7.3f} {r['recall']:7.3f} {r['f1']:7.3f} "
                f"{r['tp']:6} {r['system']:6} {r['gold']:6}")

    for level in LEVELS:
        lines.append(row(f"{level:6}", result[level]))
    if detail:
        for t, r in result["per_type"].items():
            lines.append(row(f"  {t:10}", r))
    for key in ("modality", "date"):
        acc = result[f"{key}_accuracy"]
        value = f"{acc:.3f} of {result[key + '_compared']}" if acc is not None else "n/a"
        lines.append(f"{key} accuracy on dyad-matched events: {value}")
    note = "" if result["dyad_informative"] else "; gold has no actor codes: dyad/full equal type"
    lines.append(f"records {result['records']}, with output {result['records_with_output']}{note}")
    lines.append(json.dumps(summary(result), sort_keys=True))
    return "\n".join(lines)


def read_jsonl(path: str) -> list[dict[str, Any]]:
    """Read a JSON Lines file (blank lines skipped). Raises :class:`InputError` naming the file and line of a
    line that is not a JSON object, naming the file when it is not UTF-8 text (a binary or Parquet file), and
    ``OSError`` when the file cannot be read."""
    records = []
    with open(path, encoding="utf-8") as fh:
        try:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
                if not isinstance(value, dict):
                    raise InputError(f"{path}:{n}: expected a JSON object")
                records.append(value)
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text (a binary file?); expected JSON Lines") from None
    return records


SYSTEM_TYPE_KEYS = ("event_type", "event", "cameo_code")
"""The keys that give a system event its type (:func:`system_items`); a record with none of them is not scored."""


def check_system(system_records: list[dict[str, Any]], path: str) -> None:
    """Raise :class:`InputError` naming ``path`` when it holds records but none is a system event (one with
    ``event_type``, ``event`` or ``cameo_code``): a gold set or the input articles given as ``--system`` used
    to score zero everywhere without a word. An empty file (no events) passes."""
    if not system_records or any(any(k in r for k in SYSTEM_TYPE_KEYS) for r in system_records):
        return
    if any(isinstance(r.get("events"), list) for r in system_records):
        looks = " (it looks like a gold set: documents with an \"events\" list)"
    elif any("text" in r for r in system_records):
        looks = " (it looks like input documents: code them with `newsevents extract` first, or leave --system out)"
    else:
        looks = ""
    raise InputError(f"{path}: no record is an event (with \"event_type\" or \"cameo_code\"), so it is no system "
                     f"output{looks}; system events are one event record per line, as `newsevents extract` "
                     "writes them")


def check_gold(gold_records: list[dict[str, Any]], path: str) -> None:
    """Raise :class:`InputError` naming ``path`` when its records cannot be a gold set: no record has an
    ``"events"`` list (a file of system events, one event per line, given as gold scores zero everywhere
    without this check). A gold set where every record has ``"events": []`` passes. Gold events with
    neither a PLOVER type (:data:`~newsevents.codes.PLOVER_TYPES`, old names included) nor a CAMEO code that maps
    to one are not scored, as by the project's scorer: a warning names how many, and the first record and value."""
    unscored = [(r.get("id"), e.get("plover") or e.get("cameo")) for r in gold_records if is_evaluated(r)
                for e in (r.get("events") if isinstance(r.get("events"), list) else ())
                if isinstance(e, dict) and not event_types(e, "plover", "cameo")]
    if unscored:
        log.warning("%s: %d gold event(s) have no PLOVER type nor a CAMEO code with one and are not scored "
                    "(first: record %s, %r)", path, len(unscored), *unscored[0])
    if gold_records and not any(isinstance(r.get("events"), list) for r in gold_records):
        looks = " (it looks like system events: one event per line)" if any(
            "event_type" in r or "doc_id" in r for r in gold_records) else ""
        raise InputError(f"{path}: no record has an \"events\" list, so it is no gold set{looks}; gold records "
                         "are one document per line: {\"id\", \"text\", \"date\", \"events\": [{\"plover\" or "
                         "\"cameo\", \"source\", \"target\"}, ...]}; system events go in --system")


def gold_articles(gold_records: Iterable[dict[str, Any]]) -> Iterator[Article]:
    """The articles to code for the evaluated gold records: id, text, publication date (``date``: ISO 8601, the
    basic form ``YYYYMMDD`` of the PETRARCH gold sets read as ``YYYY-MM-DD``) and language (``lang``); a
    note header is left out of the text (:data:`_NOTE_HEADER`) and the HTML quote entity of the
    UniversalPetrarch Spanish gold texts (``&quot;``) is read as a quotation mark; a date that is no date is
    dropped with a warning naming the record (coded as undated). Raises :class:`InputError` for a record
    without ``id`` or ``text``."""
    for n, record in enumerate(gold_records, 1):
        if not is_evaluated(record):
            continue
        if "id" not in record or not isinstance(record.get("text"), str):
            raise InputError(f"gold record {n}: needs \"id\" and \"text\"")
        yield Article(id=str(record["id"]), text=_NOTE_HEADER.sub("", record["text"]).replace("&quot;", '"'),
                      published=_valid_date(n, record), lang=record.get("lang"))


_NOTE_HEADER = re.compile(r"^\d{8} \d{8}_\S+ \| ")
"""The header the UniversalPetrarch Spanish fight gold puts before each note's text ("20000610
20000610_NYN_P1_P10888 | "): a date and a note id, not part of the sentence; left out of the text coded."""


def _valid_date(n: int, record: dict[str, Any]) -> str | None:
    """The record's ``date`` as ``YYYY-MM-DD`` (:func:`_extended_date`), or None (with a warning naming the
    record) when it is missing or no date ("121108" in a PETRARCH gold set)."""
    from .readers import parse_date

    value = _extended_date(record.get("date"))
    if value in (None, ""):
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        log.warning("gold record %d (%s): field 'date': %s; coded without a date", n, record["id"], exc)
        return None


def _extended_date(value: Any) -> Any:
    """``"19940614"`` (ISO 8601 basic form) -> ``"1994-06-14"``; any other value unchanged."""
    if isinstance(value, str) and re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value


def record_language(article: Article, languages: tuple[str, ...]) -> str:
    """The language to code a gold record without ``lang`` in: the one :func:`~newsevents.langid.detect_language`
    identifies from its text, preferring ``languages`` (those with a pack); the first of ``languages`` with a
    warning naming the record when the text's language is not one of them or cannot be told."""
    from .langid import detect_language

    found = detect_language(article.text, prefer=languages)
    if found in languages:
        return found
    log.warning("gold record %s has no \"lang\" and its language (%s) has no pack: coded as %s", article.id,
                found or "not identified", languages[0])
    return languages[0]


def run_system(gold_records: list[dict[str, Any]],
               make_pipeline: Callable[[str], Any] | None = None) -> list[dict[str, Any]]:
    """Code the gold records' texts with the pipeline and return the events as dicts. Records are grouped by
    ``lang``, one :class:`~newsevents.pipeline.Pipeline` per language, forced to it; a record without ``lang``
    is coded in the language identified from its text among the languages with a pack
    (:func:`record_language`); ``make_pipeline(lang)`` builds the pipeline (default:
    ``Pipeline(lang, force_lang=True)``)."""
    from .pipeline import SUPPORTED_LANGS

    if make_pipeline is None:
        from .pipeline import Pipeline

        def make_pipeline(lang: str):
            return Pipeline(lang, force_lang=True)

    by_lang: dict[str, list[Article]] = defaultdict(list)
    for article in gold_articles(gold_records):
        by_lang[article.lang or record_language(article, SUPPORTED_LANGS)].append(article)
    events: list[dict[str, Any]] = []
    for lang, articles in by_lang.items():
        pipeline = make_pipeline(lang)
        for result in pipeline.process(articles):
            if result.status != "ok":
                log.warning("gold record %s not coded (%s): %s", result.article.id, result.status,
                            result.error or "; ".join(result.notes))
            events += [e.to_dict() for e in result.events]
    return events
