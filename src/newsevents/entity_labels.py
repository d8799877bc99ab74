"""The named-entity labels the engine reads: the WikiNER scheme of the French and Spanish spaCy models (``PER``,
``LOC``, ``ORG``, ``MISC``). A model with another scheme is mapped onto it by its language's parse adapter before
the engine sees the Doc (``lang/en/syntax.yaml``, ``model_labels.entities``: ``GPE`` and ``FAC`` -> ``LOC``,
``PERSON`` -> ``PER``, ``NORP`` -> ``MISC``...), as its dependency labels are mapped onto Universal Dependencies.
"""
from __future__ import annotations

PLACE = frozenset({"LOC"})
"""Labels of places (countries, regions, towns, geographic features)."""
PERSON = frozenset({"PER"})
"""Labels of persons."""
ORGANISATION = frozenset({"ORG"})
"""Labels of organisations (parties, companies, international bodies, forums)."""
