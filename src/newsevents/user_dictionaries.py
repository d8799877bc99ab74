"""User dictionaries: PETRARCH dictionaries converted into language-pack YAML and kept in a user data folder,
merged over the packaged language data by :func:`newsevents.langdata.load_language`.

The folder is ``$NEWSEVENTS_USER_DATA/lang/<code>/`` when that variable is set, else
``platformdirs.user_data_dir("newsevents")/lang/<code>/``. Each import writes files named
``<stem>.<label>.yaml`` (``actors.PETR_Validate_actors.yaml``): ``<stem>`` is the packaged file they merge into
(actors, countries, agents, verbs) and ``<label>`` the imported file's name, so importing a file again replaces
its earlier import. A file with ``replace: true`` replaces the packaged file instead of merging into it.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .langdata import LanguageDataError, user_data_dir
from .petrarch import read_actors, read_agents, read_verbs
from .petrarch.convert import Tally, convert_actors, convert_agents
from .petrarch.convert_verbs import NOUN_FORMS, convert_verbs
from .petrarch.yaml_out import dump

KINDS = ("actors", "agents", "verbs")


def user_lang_dir(lang: str) -> Path:
    """The folder of ``lang``'s user files (it may not exist)."""
    return user_data_dir() / "lang" / lang


@dataclass(frozen=True)
class Imported:
    """What an import wrote: the ``files`` (paths), ``kept`` entries, ``skipped`` counts by reason and, in
    lenient mode, the ``errors`` of the lines that could not be read."""

    kind: str
    files: tuple[Path, ...]
    kept: int
    skipped: dict[str, int]
    errors: tuple = ()


def guess_kind(path: Path) -> str:
    """``actors``, ``agents`` or ``verbs`` from the file name (``Phoenix.agents.txt`` -> ``agents``). Raises
    :class:`LanguageDataError` when the name says none or several."""
    name = path.name.lower()
    found = [k for k in KINDS if k[:-1] in name]
    if len(found) != 1:
        raise LanguageDataError(f"{path}: cannot tell from its name whether it holds actors, agents or verbs; "
                                "give --kind")
    return found[0]


def _label(path: Path) -> str:
    stem = path.name[:-4] if path.name.lower().endswith(".txt") else path.name
    return re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_") or "dictionary"


def _cameo_valid():
    from .codes import load_cameo

    cameo = load_cameo()
    return lambda code: code in cameo and bool(cameo[code].plover_event)


def _convert(path: Path, kind: str, lang: str, lenient: bool) -> tuple[dict[str, dict], Tally, tuple]:
    """(stem -> YAML sections, tally, reader errors) of a PETRARCH file (strict reading raises
    DictionaryError)."""
    tally = Tally()
    if kind == "actors":
        parsed = read_actors(path, lenient=lenient)
        import spacy

        stop_words = frozenset(spacy.blank(lang).Defaults.stop_words)
        orgs, persons, names = convert_actors(parsed.entries, None, set(), tally, stop_words)
        out = {"actors": {"organisations": orgs, "persons": persons}}
        if names:
            out["countries"] = {"countries": {code: {"names": n} for code, n in sorted(names.items())}}
        return out, tally, parsed.errors
    if kind == "agents":
        parsed = read_agents(path, plurals=(lang == "en"), lenient=lenient)
        sectors = convert_agents(parsed.entries, set(), tally)
        return {"agents": {"sectors": {s: {"words": w} for s, w in sorted(sectors.items())}}}, tally, parsed.errors
    verbs = Tally()
    parsed = read_verbs(path, plurals=False, lenient=lenient)
    frames = convert_verbs(parsed.entries[0], _cameo_valid(), NOUN_FORMS.get(lang, lambda w: [w]), tally, verbs)
    tally.kept += verbs.kept
    tally.skipped.update(verbs.skipped)
    return {"verbs": {"verbs": dict(sorted(frames.items()))}}, tally, parsed.errors


def _describe(path: Path, kind: str, tally: Tally) -> str:
    left = "; ".join(f"{n:,} {reason}" for reason, n in sorted(tally.skipped.items(), key=lambda x: -x[1]))
    return (f"Imported with `newsevents dictionaries import --format petrarch` from the PETRARCH {kind} file "
            f"{path.name}: {tally.kept:,} entries kept; left out: {left or 'nothing'}.")


def import_petrarch(path: str | Path, lang: str, kind: str | None = None, replace: bool = False,
                    lenient: bool = False) -> Imported:
    """Convert the PETRARCH ``kind`` file ``path`` (guessed from its name when None) for language ``lang``
    and store it in :func:`user_lang_dir` as ``<stem>.<label>.yaml`` files, replacing an earlier import of a
    file of the same name. ``replace=True`` makes the files replace the packaged ones instead of merging;
    ``lenient=True`` skips the lines that cannot be read and returns their errors in ``Imported.errors``.

    Raises :class:`~newsevents.petrarch.DictionaryError` (file and line) for a bad entry and
    :class:`LanguageDataError` for a missing file, an unknown language or kind; nothing is written then."""
    from importlib import resources

    path = Path(path)
    if not path.is_file():
        raise LanguageDataError(f"{path}: no such file")
    if not resources.files("newsevents").joinpath("lang", lang).is_dir():
        raise LanguageDataError(f"no language data for {lang!r} to import into")
    kind = kind or guess_kind(path)
    if kind not in KINDS:
        raise LanguageDataError(f"unknown dictionary kind {kind!r} (expected one of {', '.join(KINDS)})")
    converted, tally, errors = _convert(path, kind, lang, lenient)
    folder, label = user_lang_dir(lang), _label(path)
    texts = {folder / f"{stem}.{label}.yaml": dump(_describe(path, kind, tally), [],
                                                   {"replace": True, **sections} if replace else sections)
             for stem, sections in converted.items()}
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"*.{label}.yaml"):
        old.unlink()
    for target, text in texts.items():
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    return Imported(kind, tuple(texts), tally.kept, dict(tally.skipped), tuple(errors))


def installed(lang: str | None = None) -> list[tuple[str, Path]]:
    """(language, file) of every user dictionary file, for ``lang`` or all languages, in name order."""
    root = user_data_dir() / "lang"
    folders = [root / lang] if lang else sorted(p for p in root.glob("*") if p.is_dir())
    return [(folder.name, f) for folder in folders if folder.is_dir() for f in sorted(folder.glob("*.yaml"))]


def remove(lang: str, name: str) -> list[Path]:
    """Delete user dictionary files of ``lang`` and return them: the file ``name``, given by its file name
    (``actors.my_actors.yaml``) or by the path ``dictionaries list`` prints, or, when ``name`` is the label of an
    import (``my_actors``) or the imported file's name (``my.actors.txt``), every file of that import
    (``*.my_actors.yaml``: one import of actors writes ``actors.`` and ``countries.`` files). Only files directly
    in :func:`user_lang_dir` are ever deleted: a path elsewhere (``/etc/x.yaml``, ``../x.yaml``) matches
    nothing. Raises :class:`LanguageDataError` naming the files there are when nothing matches."""
    folder = user_lang_dir(lang)
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if "/" in name or os.sep in name:
        target = Path(name).expanduser().resolve()
        chosen = [f for f in files if f.resolve() == target]
    else:
        chosen = [f for f in files if f.name == name]
        if not chosen:
            label = _label(Path(name))
            chosen = [f for f in files if f.name.endswith(f".{label}.yaml")]
    if not chosen:
        there = ", ".join(f.name for f in files) or "none"
        raise LanguageDataError(f"no user dictionary file {name!r} for {lang!r} in {folder} (its files: {there})")
    for f in chosen:
        f.unlink()
    return chosen
