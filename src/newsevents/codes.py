"""CAMEO codes and what they map to: PLOVER event type, mode and context, Goldstein score, QuadClass.

The table is ``data/cameo.tsv``, built by ``scripts/build_cameo_table.py`` from the GDELT CAMEO lookup
(CAMEO 1.1b3 codes, Goldstein 1992 scores, GDELT QuadClass) joined with the PLOVER CAMEO2PLOVER-2021 table,
with the current PLOVER manual's changes (163 and 116 are SANCTION, 0831 resignations RETREAT).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
"""The 16 PLOVER event types (PLOVER manual)."""


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One row of the CAMEO table. ``plover_event`` is empty for CAMEO 01/02 (not events in PLOVER)."""

    code: str
    description: str
    plover_event: str
    plover_mode: str
    plover_context: str
    goldstein: float
    quad_class: int


class CameoTable:
    """Lookup of CAMEO codes. ``table["042"]`` gives a :class:`CameoCode`; raises ``KeyError`` for an unknown code."""

    def __init__(self, rows: dict[str, CameoCode]):
        self._rows = rows

    def __getitem__(self, code: str) -> CameoCode:
        return self._rows[code]

    def __contains__(self, code: object) -> bool:
        return code in self._rows

    def __iter__(self):
        return iter(self._rows.values())

    def __len__(self) -> int:
        return len(self._rows)

    def plover(self, code: str) -> str:
        """The PLOVER event type of a CAMEO code ("" for 01/02); for a root with two types (08) the first."""
        return self._rows[code].plover_event.split("|")[0]


@lru_cache(maxsize=1)
def load_cameo() -> CameoTable:
    """Load ``data/cameo.tsv`` (cached: the table is immutable)."""
    text = resources.files("newsevents").joinpath("data/cameo.tsv").read_text(encoding="utf-8")
    rows: dict[str, CameoCode] = {}
    header = None
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise ValueError(f"data/cameo.tsv line {n}: expected {len(header)} columns, got {len(cells)}")
        code, desc, event, mode, context, goldstein, quad = cells
        if code in rows:
            raise ValueError(f"data/cameo.tsv line {n}: duplicate CAMEO code {code}")
        rows[code] = CameoCode(code, desc, event, mode, context, float(goldstein), int(quad))
    return CameoTable(rows)
