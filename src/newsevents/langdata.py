"""Per-language data files: loaded, validated and checksummed in one place.

Each language has a folder ``newsevents/lang/<code>/`` of YAML files (see STYLE: language data lives in
folders, not in code). Every file is a mapping whose ``source`` key says where its entries come from. Each
stage reads the file it owns through :meth:`LanguageData.file` and builds its own lookup structure from it;
validation errors name the file and the entry (:class:`LanguageDataError`).
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


class LanguageDataError(ValueError):
    """A language data file is missing, malformed, or has an invalid entry; the message names file and entry."""


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML was built with it (8x faster: 0.2 s instead of 1.9 s for the French data,
the same result), else the pure-Python one."""


class _StrictLoader(_SafeLoader):
    """SafeLoader that refuses duplicate mapping keys (PyYAML would silently keep the last one)."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    keys = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in keys:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        keys.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass(frozen=True)
class LanguageData:
    """All data files of one language: ``files`` maps a file stem (``"verbs"``) to its parsed YAML mapping;
    ``checksum`` is the SHA-256 (first 16 hex digits) of all files' bytes in name order, recorded in each
    event's ``coder`` so output can be traced to the dictionaries that made it."""

    lang: str
    files: dict[str, dict[str, Any]]
    checksum: str
    _cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def file(self, name: str) -> dict[str, Any]:
        """The parsed mapping of ``lang/<lang>/<name>.yaml``; raises :class:`LanguageDataError` when absent."""
        try:
            return self.files[name]
        except KeyError:
            raise LanguageDataError(f"lang/{self.lang}/{name}.yaml: no such language data file") from None

    def cached(self, key: str, build):
        """Build a derived structure once per loaded language (e.g. the actor dictionary) and keep it."""
        if key not in self._cache:
            self._cache[key] = build(self)
        return self._cache[key]

    @property
    def glue_names(self) -> frozenset[str]:
        """Known proper names (actors, places) that machine translation may glue to the next word; used by
        :func:`newsevents.cleanup.clean_text`."""
        def build(data: LanguageData) -> frozenset[str]:
            from .actors import known_names

            return frozenset(known_names(data))

        return self.cached("glue_names", build)


CACHED_ABOVE = 256_000
"""Files larger than this many bytes (the generated English and Spanish actor and verb files, several MB;
about 2 s a MB to parse on a laptop) are parsed once and kept in the cache directory as a pickle keyed by
their content's SHA-256."""


def _parse_yaml(where: str, raw: bytes):
    try:
        return yaml.load(raw.decode("utf-8"), Loader=_StrictLoader)  # noqa: S506 (safe subclass)
    except yaml.YAMLError as exc:
        raise LanguageDataError(f"{where}: not valid YAML: {exc}") from exc


def _parse(where: str, raw: bytes):
    """The parsed YAML of a data file's bytes; large files through the on-disk cache (:data:`CACHED_ABOVE`).
    A cache that cannot be read or written is ignored. Raises :class:`LanguageDataError` for invalid YAML."""
    if len(raw) <= CACHED_ABOVE:
        return _parse_yaml(where, raw)
    from .diskcache import cache_dir, read_cached, write_cached

    path = cache_dir() / f"langdata-{hashlib.sha256(raw).hexdigest()[:24]}.pickle"
    parsed = read_cached(path, dict)
    if parsed is None:
        parsed = _parse_yaml(where, raw)
        write_cached(path, parsed)
    return parsed


USER_DATA_ENV = "NEWSEVENTS_USER_DATA"
"""Environment variable naming the user data folder (default: ``platformdirs.user_data_dir("newsevents")``)."""


def user_data_dir() -> Path:
    """``$NEWSEVENTS_USER_DATA``, else ``platformdirs.user_data_dir("newsevents")``: user dictionaries live in
    its ``lang/<code>/`` folders (see :mod:`newsevents.user_dictionaries`)."""
    env = os.environ.get(USER_DATA_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir as platform_dir

    return Path(platform_dir("newsevents"))


def merge_over(first: dict[str, Any], second: dict[str, Any], label: str) -> dict[str, Any]:
    """``first`` over ``second``: mappings merged key by key (recursively), lists with ``first``'s items first
    (the first match wins in every loader) then ``second``'s items that are not also ``first``'s, other values
    ``first``'s; the ``source`` texts are joined as "second's | label: first's"."""
    out = dict(second)
    for key, value in first.items():
        if key == "source":
            out[key] = f"{second.get('source', '')} | {label}: {value}"
        elif isinstance(value, dict) and isinstance(second.get(key), dict):
            out[key] = merge_over(value, second[key], label)
        elif isinstance(value, list) and isinstance(second.get(key), list):
            mine = {repr(x) for x in value}
            out[key] = value + [x for x in second[key] if repr(x) not in mine]
        else:
            out[key] = value
    return out


def merge_user(packaged: dict[str, Any], user: dict[str, Any], name: str) -> dict[str, Any]:
    """``user`` over ``packaged`` (:func:`merge_over`), the source naming the user file ``name``."""
    return merge_over(user, packaged, f"user file {name}")


KEPT_ON_REPLACE = ("grammar",)
"""Keys of a packaged file that a user file with ``replace: true`` keeps unless it gives them itself: language
settings, not dictionary entries."""


def _user_files(lang: str, folder: Path, files: dict[str, dict[str, Any]], digest) -> None:
    """Merge the user files ``<stem>.<label>.yaml`` of ``folder`` into ``files`` (name order); a file with
    ``replace: true`` replaces the packaged ``<stem>`` file and its ``<stem>_*`` files (``verbs_more``...)
    instead, keeping the packaged :data:`KEPT_ON_REPLACE` settings the user file does not give."""
    for entry in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        raw = entry.read_bytes()
        digest.update(b"user/" + entry.name.encode() + b"\0" + raw)
        parsed = _parse(str(entry), raw)
        if not isinstance(parsed, dict) or "source" not in parsed:
            raise LanguageDataError(f"{entry}: expected a mapping with a 'source' key")
        stem = entry.name.split(".")[0]
        if parsed.pop("replace", False):
            # the language's grammar (agents.yaml ``grammar``: pronouns, genitive prepositions, plural rule) is
            # no dictionary entry: a replacing dictionary that gives none keeps the packaged one
            kept = {k: files[stem][k] for k in KEPT_ON_REPLACE if stem in files and k in files[stem]
                    and k not in parsed}
            for name in [n for n in files if n == stem or n.startswith(stem + "_")]:
                del files[name]
            files[stem] = {**parsed, **kept}
        else:
            files[stem] = merge_user(files[stem], parsed, entry.name) if stem in files else parsed


def load_language(lang: str) -> LanguageData:
    """Load every ``lang/<lang>/*.yaml`` file (a companion ``<stem>.<label>.yaml``, e.g. the generated
    ``actors.petrarch.yaml``, is merged under ``<stem>.yaml``: the main file's entries first), then merge the
    user files of :func:`user_data_dir` ``/lang/<lang>/`` over them (:func:`merge_user`; the checksum covers both). Raises
    :class:`LanguageDataError` for an unknown language or a file that is not a YAML mapping with a ``source``
    key. Cached per language and state of the user folder (file names, sizes and modification times)."""
    folder = user_data_dir() / "lang" / lang
    state = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.yaml"))) \
        if folder.is_dir() else ()
    return _load_language(lang, str(folder), state)


@lru_cache(maxsize=None)
def _load_language(lang: str, user_folder: str, _state: tuple = ()) -> LanguageData:
    folder = resources.files("newsevents").joinpath("lang", lang)
    if not folder.is_dir():
        raise LanguageDataError(f"no language data for {lang!r} (expected folder newsevents/lang/{lang}/)")
    files: dict[str, dict[str, Any]] = {}
    digest = hashlib.sha256()
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".yaml"):
            continue
        raw = entry.read_bytes()
        digest.update(entry.name.encode() + b"\0" + raw)
        parsed = _parse(f"lang/{lang}/{entry.name}", raw)
        if not isinstance(parsed, dict) or "source" not in parsed:
            raise LanguageDataError(f"lang/{lang}/{entry.name}: expected a mapping with a 'source' key")
        files[entry.name[:-5]] = parsed
    for name in sorted(n for n in files if "." in n):  # companions: generated entries under the main file's
        stem, companion = name.split(".")[0], files.pop(name)
        files[stem] = merge_over(files[stem], companion, f"lang/{lang}/{stem}.yaml") if stem in files \
            else companion
    _user_files(lang, Path(user_folder), files, digest)
    return LanguageData(lang, files, digest.hexdigest()[:16])
