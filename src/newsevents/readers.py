"""Input reading: files, directories, globs and standard input -> :class:`~newsevents.records.Article`.

Formats, chosen by file extension (case-insensitive):

* ``.jsonl``: one JSON object per line, ``{"id", "text", "date"?, "lang"?, "title"?, "url"?, "source"?}``
  (``date`` is the publication date, ``YYYY-MM-DD`` or ``YYYYMMDD``); read line by line, so a file of any
  size is streamed. Blank lines are skipped. A ``text`` holding HTML markup (``<p>``, ``<br>``, ``<b>``...: the
  description of an RSS item, a scraped body) is read as HTML: :func:`html_to_text`.
* ``.json``: a JSON array of such objects, one such object, or (when the file is not one JSON value) JSONL.
  Loaded whole.
* ``.html``/``.htm``: one page; main text, title, URL and publication date extracted offline by trafilatura
  (no network). A page with no main text trafilatura recognises falls back to all the page's text.
* anything else (``.txt``...): one plain-text document whose id is the file stem.

A directory is read recursively in sorted path order, taking only :data:`DIRECTORY_EXTENSIONS` and skipping
hidden files and folders; a path that does not exist but holds ``*``, ``?`` or ``[`` is a glob (``**``
recurses). ``-`` is standard input: JSONL when its first non-blank character is ``{``, else one text document
with the id ``stdin``. Files are read one at a time.

Text decoding: UTF-8 (a BOM is dropped), UTF-16/32 with a BOM (JSONL files and standard input too);
otherwise Windows-1252 when the result looks like Western European text (our inputs are French, English and Spanish news, and charset-normalizer alone
often takes short Latin-1 text for Baltic or Central European code pages); otherwise the best guess of
charset-normalizer. NUL bytes, bytes that no encoding explains, or a guessed decoding that does not look
like writing (controls, unassigned or private-use characters, mostly symbols, letters of many unrelated
scripts: :func:`_plausible_text`) make a binary file.

Nothing raises for one bad document: :func:`read_inputs` yields an :class:`~newsevents.records.InputError`
whose message names the file (and line) and the problem, then goes on. Document ids must be unique within one
run: a second document with an id already seen is an error (nothing is silently overwritten).
"""
from __future__ import annotations

import codecs
import datetime as dt
import glob
import io
import itertools
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .records import Article, InputError

__all__ = ["read_inputs", "missing_inputs", "parse_date", "decode_bytes", "html_to_text", "DIRECTORY_EXTENSIONS"]

log = logging.getLogger(__name__)

DIRECTORY_EXTENSIONS = (".txt", ".html", ".htm", ".jsonl", ".json")
"""File extensions read from a directory (any file named explicitly is read, whatever its extension)."""

_JSON_EXTENSIONS = (".jsonl", ".json")
_HTML_EXTENSIONS = (".html", ".htm")
_DATE_HELP = "expected YYYY-MM-DD or YYYYMMDD, or an RSS date (Wed, 12 Mar 2025 10:00:00 GMT)"
_DATE_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_DATE_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_LANG = re.compile(r"[a-z]{2}")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x81\x8d\x8f\x90\x9d]")
_MAX_NON_ASCII_LETTER_SHARE = 0.5
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f\W\d_]{3,}")
_PLAUSIBILITY_SAMPLE = 100_000
_UNLIKELY_CATEGORIES = frozenset(("Cc", "Cn", "Co", "Cs"))  # controls, unassigned, private use, surrogates
_MAX_UNLIKELY_SHARE = 0.01
_MAX_ODD_SHARE = 0.3
_MIN_CHARS_FOR_SHARES = 8
_EAST_ASIAN = frozenset(("CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH", "BOPOMOFO"))


# -- dates and encodings ----------------------------------------------------------------------------------

def parse_date(value: Any) -> str:
    """Normalise a publication date to ISO 8601 ``YYYY-MM-DD``.

    Accepts ``YYYY-MM-DD``, ``YYYYMMDD`` (as a string or an integer), an ISO 8601 date-time whose date part
    is kept (``2024-01-21T10:00:00Z``) and an RFC 2822 date, the ``pubDate`` of RSS feeds, whose date part
    is kept likewise (``Sun, 21 Jan 2024 10:00:00 GMT``). Raises ``ValueError`` with a message saying what
    was expected, e.g. ``unknown date format '21 janv.'; expected YYYY-MM-DD or YYYYMMDD, ...``, or that the
    date does not exist. Day-first or month-first dates (``21/01/2024``) are refused: they are ambiguous.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"unknown date format {value!r}; {_DATE_HELP}")
    text = str(value).strip()
    match = _DATE_ISO.fullmatch(text) or _DATE_COMPACT.fullmatch(text)
    if match is None:
        rss = _rss_date(text)
        if rss is not None:
            return rss
        raise ValueError(f"unknown date format {text!r}; {_DATE_HELP}")
    try:
        return dt.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError as exc:
        raise ValueError(f"invalid date {text!r}: {exc}") from None


_RSS_DATE = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+\S+)?)?")


def _rss_date(text: str) -> str | None:
    """``YYYY-MM-DD`` of an RFC 2822 date as written (``Sun, 21 Jan 2024 23:00:00 -0500`` -> 2024-01-21, the
    day the publisher wrote, like the date part of an ISO date-time), or None when ``text`` is not one."""
    from email.utils import parsedate_tz

    if not _RSS_DATE.fullmatch(text):
        return None
    parts = parsedate_tz(text)
    if parts is None:
        return None
    try:
        return dt.date(*parts[:3]).isoformat()
    except ValueError:
        return None


def _plausible_western(text: str) -> bool:
    """Does Windows-1252 decoding look like Western European text? No control characters, at most half of
    the letters outside ASCII, and no run of three such letters (Cyrillic or Arabic code pages read as
    Windows-1252 give whole words of them: "Ïðåçèäåíò")."""
    if _NOT_TEXT.search(text):
        return False
    sample = text[:_PLAUSIBILITY_SAMPLE]
    if _NON_ASCII_RUN.search(sample):
        return False
    letters = non_ascii = 0
    for ch in sample:
        if ch.isalpha():
            letters += 1
            non_ascii += ord(ch) > 127
    return non_ascii <= _MAX_NON_ASCII_LETTER_SHARE * letters


def _plausible_text(text: str) -> bool:
    """Does a decoding that was a guess (a BOM, charset-normalizer) look like writing rather than binary
    bytes read as characters? Over the first :data:`_PLAUSIBILITY_SAMPLE` characters: at most 1% controls,
    unassigned, private-use or surrogate code points; when there are at least 8 non-space characters, at most
    30% of them neither letters, digits, marks nor ASCII punctuation ("b‰$Fî¤¹•æ¯" is a binary file read as
    Windows-1252); and the letters in at most two writing systems, or mostly (75%) in one (random bytes read
    as UTF-16 mix CJK, Hangul, Yi, Greek... letters). Japanese kana and Han count as one system, Hangul as
    another."""
    import unicodedata

    sample = text[:_PLAUSIBILITY_SAMPLE]
    chars = [ch for ch in sample if not ch.isspace()]
    if not chars:
        return True
    if _mostly_unlikely(chars):
        return False
    if len(chars) >= _MIN_CHARS_FOR_SHARES:
        odd = sum(not (ch.isalnum() or unicodedata.category(ch)[0] == "M" or (ch.isascii() and ch.isprintable()))
                  for ch in chars)
        if odd > _MAX_ODD_SHARE * len(chars):
            return False
    systems: dict[str, int] = {}
    for ch in chars:
        if ch.isalpha():
            system = unicodedata.name(ch, "?").split(" ")[0]
            system = "CJK" if system in _EAST_ASIAN else system
            systems[system] = systems.get(system, 0) + 1
    if len(systems) > 2 and max(systems.values()) < 0.75 * sum(systems.values()):
        return False
    return True


def _mostly_unlikely(chars) -> bool:
    """Are more than 1% of ``chars`` (non-space characters) controls, unassigned, private-use or surrogate code
    points, as in binary bytes read as text?"""
    import unicodedata

    unlikely = sum(unicodedata.category(ch) in _UNLIKELY_CATEGORIES for ch in chars)
    return unlikely > _MAX_UNLIKELY_SHARE * len(chars)


def _bom_encoding(raw: bytes) -> str | None:
    """The codec of the byte-order mark ``raw`` starts with (UTF-8, UTF-16 or UTF-32), or None."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    return None


def decode_bytes(raw: bytes) -> str | None:
    """Decode the bytes of a text document (see the module docstring for the order of guesses); None when the
    bytes are binary (NUL bytes outside UTF-16/32, bytes no encoding explains, or a guessed decoding that does
    not look like writing: :func:`_plausible_text`)."""
    encoding = _bom_encoding(raw)
    if encoding is not None:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            return None
        return text if encoding == "utf-8-sig" or _plausible_text(text) else None
    if b"\x00" in raw:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
        if _plausible_western(text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        return None
    text = str(best)
    return None if _NOT_TEXT.search(text) or not _plausible_text(text) else text


# -- public entry point -----------------------------------------------------------------------------------

def missing_inputs(inputs: Sequence[str | os.PathLike]) -> list[str]:
    """One message per input that names nothing, as ``read_inputs`` words it: "PATH: no such file or
    directory", or "PATTERN: no files match this pattern" for a glob. Standard input (``-``) always exists."""
    missing = []
    for item in map(str, inputs):
        if item == "-" or Path(item).exists():
            continue
        if glob.has_magic(item):
            if not glob.glob(item, recursive=True):
                missing.append(f"{item}: no files match this pattern")
        else:
            missing.append(f"{item}: no such file or directory")
    return missing


def read_inputs(paths: list[str], published: str | None = None,
                lang: str | None = None) -> Iterator[Article | InputError]:
    """Read every input in ``paths`` (files, directories, globs, ``-`` for standard input) and yield one
    :class:`Article` per document, in order, or an :class:`InputError` for a document or line that cannot be
    read (missing file, binary file, invalid JSON, record without ``id``/``text``, unknown date format,
    duplicate id...). Articles keep the raw decoded text: cleanup is the pipeline's job. Empty documents are
    yielded as articles.

    ``published`` (``YYYY-MM-DD`` or ``YYYYMMDD``) is the publication date of inputs that carry none; ``lang``
    (ISO 639-1) the language of inputs that declare none. Dates are normalised to ``YYYY-MM-DD``.

    Raises ``ValueError`` naming the option (``--published``, ``--lang``) when one of them is invalid; this
    is checked at once, before anything is read. Nothing else raises.
    """
    try:
        default_date = parse_date(published) if published is not None else None
    except ValueError as exc:
        raise ValueError(f"--published: {exc}") from None
    default_lang = None
    if lang is not None:
        default_lang = lang.strip().lower()
        if not _LANG.fullmatch(default_lang):
            raise ValueError(f"--lang: expected an ISO 639-1 code such as 'fr', got {lang!r}")
    reader = _Reader(default_date, default_lang)
    return reader.read_all(list(paths))


# -- implementation ---------------------------------------------------------------------------------------

@dataclass
class _Reader:
    published: str | None
    lang: str | None

    def __post_init__(self) -> None:
        self.seen: dict[str, str] = {}  # document id -> where it was first seen

    def read_all(self, paths: list[str]) -> Iterator[Article | InputError]:
        for spec in paths:
            if spec == "-":
                yield from self._read_stdin()
                continue
            path = Path(spec)
            if path.is_dir():
                for file in _walk(path):
                    yield from self._read_file(file)
            elif path.exists():
                yield from self._read_file(path)
            elif glob.has_magic(spec):
                matches = sorted(glob.glob(spec, recursive=True))
                if not matches:
                    yield InputError(f"{spec}: no files match this pattern")
                for match in matches:
                    m = Path(match)
                    if m.is_dir():
                        for file in _walk(m):
                            yield from self._read_file(file)
                    else:
                        yield from self._read_file(m)
            else:
                yield InputError(f"{spec}: no such file or directory")

    # -- one source -----------------------------------------------------------------------------------

    def _read_file(self, path: Path) -> Iterator[Article | InputError]:
        name = str(path)
        suffix = path.suffix.lower()
        try:
            if suffix == ".jsonl":
                with path.open("rb") as fh:
                    yield from self._read_jsonl(_utf8_lines(fh, name), name)
            elif suffix == ".json":
                yield from self._read_json(path, name)
            elif suffix in _HTML_EXTENSIONS:
                yield from self._read_html(path, name)
            else:
                raw = path.read_bytes()
                text = decode_bytes(raw)
                if text is None:
                    yield InputError(f"{name}: binary file, not text", path.stem)
                else:
                    yield from self._emit(Article(id=path.stem, text=text, published=self.published,
                                                  lang=self.lang), name)
        except (OSError, MemoryError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
            yield InputError(f"{name}: cannot read: {reason}")

    def _read_stdin(self) -> Iterator[Article | InputError]:
        stream: Iterator[bytes] = iter(getattr(sys.stdin, "buffer", None) or _EncodedLines(sys.stdin))
        peeked: list[bytes] = []
        for line in stream:
            peeked.append(line)
            if line.strip():
                break
        lines = itertools.chain(peeked, stream)
        first = peeked[0] if peeked else b""
        if _bom_encoding(first) not in (None, "utf-8-sig"):  # UTF-16/32: lines are not byte lines; read it whole
            raw = b"".join(lines)
            text = decode_bytes(raw)
            if text is None:
                yield InputError("stdin: binary data, not text", "stdin")
            elif text.lstrip().startswith("{"):
                yield from self._read_jsonl((line.encode("utf-8") for line in io.StringIO(text, newline="\n")),
                                            "stdin")  # only "\n" ends a line, as in a byte stream
            else:
                yield from self._emit(Article(id="stdin", text=text, published=self.published, lang=self.lang),
                                      "stdin")
            return
        if peeked and peeked[-1].lstrip().removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{"):
            yield from self._read_jsonl(lines, "stdin")
            return
        raw = b"".join(lines)
        text = decode_bytes(raw)
        if text is None:
            yield InputError("stdin: binary data, not text", "stdin")
        else:
            yield from self._emit(Article(id="stdin", text=text, published=self.published, lang=self.lang),
                                  "stdin")

    def _read_jsonl(self, lines: Iterable[bytes], name: str) -> Iterator[Article | InputError]:
        for number, raw in enumerate(lines, start=1):
            where = f"{name} line {number}"
            if not raw.strip():
                continue
            text = decode_bytes(raw)
            if text is None:
                yield InputError(f"{where}: binary data, not text")
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                yield InputError(f"{where}: invalid JSON: {exc}")
                continue
            yield from self._record(record, where)

    def _read_json(self, path: Path, name: str) -> Iterator[Article | InputError]:
        raw = path.read_bytes()
        text = decode_bytes(raw)
        if text is None:
            yield InputError(f"{name}: binary file, not text")
            return
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            yield from self._read_jsonl(raw.splitlines(keepends=True), name)
            return
        if isinstance(value, list):
            for number, record in enumerate(value, start=1):
                yield from self._record(record, f"{name} item {number}")
        else:
            yield from self._record(value, name)

    def _read_html(self, path: Path, name: str) -> Iterator[Article | InputError]:
        raw = path.read_bytes()
        html = _decode_html(raw)
        if html is None:
            yield InputError(f"{name}: binary file, not text", path.stem)
            return
        text, title, date, url = _extract_html(html)
        yield from self._emit(Article(id=path.stem, text=text, published=date or self.published, lang=self.lang,
                                      title=title, url=url), name)

    # -- records ----------------------------------------------------------------------------------------

    def _record(self, record: Any, where: str) -> Iterator[Article | InputError]:
        if not isinstance(record, dict):
            yield InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
            return
        doc_id = record.get("id")
        if doc_id is None:
            yield InputError(f"{where}: record has no 'id'")
            return
        if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or not str(doc_id).strip():
            yield InputError(f"{where}: field 'id' must be a non-empty string or an integer, "
                             f"got {doc_id!r}")
            return
        doc_id = str(doc_id)
        where_id = f"{where} (id {doc_id})"
        text = record.get("text")
        if text is None:
            yield InputError(f"{where_id}: record has no 'text'", doc_id)
            return
        if not isinstance(text, str):
            yield InputError(f"{where_id}: field 'text' must be a string, got {type(text).__name__}", doc_id)
            return
        if _mostly_unlikely([ch for ch in text[:_PLAUSIBILITY_SAMPLE] if not ch.isspace()]):
            yield InputError(f"{where_id}: field 'text' holds binary data (control or unassigned characters), "
                             f"not text", doc_id)
            return
        if _HTML_TAG.search(text):
            text = html_to_text(text)
        date = record.get("date")
        if date is None or date == "":
            published = self.published
        else:
            try:
                published = parse_date(date)
            except ValueError as exc:
                yield InputError(f"{where_id}: field 'date': {exc}", doc_id)
                return
        lang = record.get("lang")
        if lang is None or lang == "":
            lang = self.lang
        elif not isinstance(lang, str) or not _LANG.fullmatch(lang.strip().lower()):
            yield InputError(f"{where_id}: field 'lang': expected an ISO 639-1 code such as 'fr', got {lang!r}",
                             doc_id)
            return
        else:
            lang = lang.strip().lower()
        extra = {key: record[key] if isinstance(record.get(key), str) else None for key in ("title", "url", "source")}
        yield from self._emit(Article(id=doc_id, text=text, published=published, lang=lang, **extra), where)

    def _emit(self, article: Article, where: str) -> Iterator[Article | InputError]:
        first = self.seen.get(article.id)
        if first is not None:
            yield InputError(f"{where}: duplicate document id {article.id!r} (first seen in {first})",
                             article.id)
            return
        self.seen[article.id] = where
        yield article


def _utf8_lines(fh, name: str) -> Iterator[bytes]:
    """The byte lines of a JSONL file: as they are, or, when the file starts with a UTF-16/32 byte-order mark,
    decoded line by line and re-encoded as UTF-8 (a UTF-16 "\\n" is not a byte line end). A decoding error
    ends the file with one line that :meth:`_Reader._read_jsonl` reports as binary data."""
    head = fh.read(4)
    fh.seek(0)
    encoding = _bom_encoding(head)
    if encoding in (None, "utf-8-sig"):
        yield from fh
        return
    reader = io.TextIOWrapper(fh, encoding=encoding, newline="\n")  # only "\n" ends a line, as in bytes
    try:
        for line in reader:
            yield line.encode("utf-8")
    except UnicodeDecodeError:
        log.debug("%s: %s decoding failed", name, encoding)
        yield b"\x00"


class _EncodedLines:
    """Byte lines of a text stream (standard input replaced by a text-only object, as in some test runners)."""

    def __init__(self, stream):
        self.stream = stream

    def __iter__(self) -> Iterator[bytes]:
        for line in self.stream:
            yield line.encode("utf-8") if isinstance(line, str) else line


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` with a :data:`DIRECTORY_EXTENSIONS` suffix, recursively, in sorted order,
    skipping hidden files and folders; symbolic links to folders are not followed."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if not file.startswith(".") and os.path.splitext(file)[1].lower() in DIRECTORY_EXTENSIONS:
                yield Path(folder, file)


def _decode_html(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:4096])
    if match and b"\x00" not in raw:
        try:
            codec = codecs.lookup(match.group(1).decode("ascii"))
            return raw.decode(codec.name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(raw)


def _extract_html(html: str) -> tuple[str, str | None, str | None, str | None]:
    """(main text, title, publication date YYYY-MM-DD, URL) of an HTML page, offline (trafilatura)."""
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception:  # trafilatura raises assorted errors on malformed markup; fall back below
        log.debug("trafilatura failed", exc_info=True)
    text = (doc.text if doc is not None else None) or ""
    title = doc.title if doc is not None else None
    url = doc.url if doc is not None else None
    date = None
    if doc is not None and doc.date:
        try:
            date = parse_date(doc.date)
        except ValueError:
            date = None
    if not text.strip():
        text = _all_text(html)
    return text, title or None, date, url or None


def _all_text(html: str) -> str:
    """Every text node of the page except scripts and styles, one block per line (:func:`_block_text`)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    return _block_text(tree)


_HTML_TAG = re.compile(r"</?(?:p|br|div|span|b|i|u|em|strong|a|li|ul|ol|h[1-6]|blockquote|table|tr|td|th|img|"
                       r"figure|figcaption|section|article|header|footer|font|sup|sub|small|hr|cite|q)\b[^<>]*>",
                       re.IGNORECASE)
"""An HTML tag of the kinds news markup uses; a JSONL ``text`` holding one is read as HTML."""

_HTML_BLOCKS = frozenset(("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                          "table", "tr", "section", "article", "header", "footer", "figure", "figcaption", "hr",
                          "dl", "dt", "dd", "pre", "title"))
"""Elements that start a new line of text; the others (``<b>``, ``<a>``, ``<span>``) stay inside their line."""


def html_to_text(html: str) -> str:
    """The text of an HTML fragment (or page) ``html``: one line per block (``<p>``, ``<br>``, ``<li>``...),
    inline markup (``<b>``, ``<a>``) kept inside its sentence ("La France a <b>condamné</b> la Russie" ->
    "La France a condamné la Russie"), entities decoded, scripts, styles and comments dropped, spaces
    collapsed within a line. "" when nothing can be parsed."""
    import lxml.html

    try:
        tree = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    return _block_text(tree)


def _block_text(tree) -> str:
    """The text of an lxml tree, one line per block element (:data:`_HTML_BLOCKS`), scripts and styles left out."""
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _HTML_BLOCKS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in tree.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
