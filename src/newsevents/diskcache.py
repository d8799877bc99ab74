"""Derived data cached on disk as pickles, keyed by what they are built from (the place index, large language
data files). A cache that cannot be read or written is ignored: the caller builds the data again."""
from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CACHE_ENV = "NEWSEVENTS_CACHE_DIR"
"""Environment variable naming the cache folder."""


def cache_dir() -> Path:
    """``$NEWSEVENTS_CACHE_DIR``, else ``platformdirs.user_cache_dir("newsevents")``: derived data that is
    rebuilt when missing (the place index)."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsevents"))


def read_cached(path: Path, kind: type) -> Any | None:
    """The object pickled at ``path`` when it is a ``kind``, else None (missing, unreadable or of another type:
    logged at debug level). Only files this package wrote under a content-keyed name are read."""
    try:
        with open(path, "rb") as f:
            found = pickle.load(f)  # noqa: S301 (our own file, keyed by content)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError) as exc:
        log.debug("cache %s not used: %s", path, exc)
        return None
    if not isinstance(found, kind):
        log.debug("cache %s not used: not a %s", path, kind.__name__)
        return None
    return found


def write_cached(path: Path, value: Any) -> None:
    """Pickle ``value`` to ``path`` through a temporary file renamed into place (readers never see half a
    file); an I/O error is logged at debug level and otherwise ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:
        log.debug("cache %s not written: %s", path, exc)
