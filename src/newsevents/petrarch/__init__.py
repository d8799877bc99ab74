"""Readers of the PETRARCH/TABARI dictionary formats (actors, agents, verbs, discards), as documented in
PETRARCH 2's ``dictionaries.rst`` and as found in the Phoenix, UniversalPetrarch and validation-suite files.

Each ``read_*`` function takes a path (or ``text=`` with the path only naming it in messages) and returns a
:class:`Parsed` with plain dataclasses. A bad line raises :class:`DictionaryError` naming the file and the
1-based line; ``lenient=True`` skips it and collects the errors instead.
"""
from .actors import Actor, DatedRole, read_actors
from .agents import Agent, read_agents
from .common import DictionaryError, Parsed
from .discards import Discard, read_discards
from .verbs import Pattern, VerbDictionary, VerbEntry, primary_code, read_verbs

__all__ = ["Actor", "Agent", "DatedRole", "Discard", "DictionaryError", "Parsed", "Pattern", "VerbDictionary",
           "VerbEntry", "primary_code", "read_actors", "read_agents", "read_discards", "read_verbs"]
