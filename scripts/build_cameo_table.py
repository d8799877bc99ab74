"""Build src/newsevents/data/cameo.tsv from the reference tables in ../shared.

Source: ../shared/reference/gdelt/cameo_eventcodes_goldstein_quad_plover.csv (CAMEO 1.1b3 codes with the GDELT
Goldstein scores and QuadClass, joined with the PLOVER CAMEO2PLOVER-2021 table), with the current PLOVER
manual's changes: 163 (international sanctions, embargoes, boycotts) and 116 (court convictions) are SANCTION;
0831 (CAMEO.2.0's code for RESIGN) is RETREAT, mode 'resign' (the manual: RETREAT covers resignations).

    python scripts/build_cameo_table.py [SHARED_DIR]
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsevents" / "data" / "cameo.tsv"
# PLOVER manual (current draft) overrides of the 2021 table: (event type, mode, context).
OVERRIDES = {"163": ("SANCTION", "discontinue", ""), "116": ("SANCTION", "convict", "legal"),
             "0831": ("RETREAT", "resign", "political_institutions")}
HEADER = ["cameo_code", "description", "plover_event", "plover_mode", "plover_context", "goldstein", "quad_class"]


def build(shared: Path) -> str:
    src = shared / "reference" / "gdelt" / "cameo_eventcodes_goldstein_quad_plover.csv"
    lines = ["# CAMEO code -> PLOVER event/mode/context, Goldstein score, QuadClass.",
             "# Built by scripts/build_cameo_table.py from reference/gdelt/cameo_eventcodes_goldstein_quad_plover.csv",
             "# (GDELT CAMEO lookup + PLOVER CAMEO2PLOVER-2021); 163 and 116 -> SANCTION, 0831 (resign) -> RETREAT"
             " per the PLOVER manual.",
             "\t".join(HEADER)]
    with src.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["cameo_code"]
            event, mode, context = row["plover_event"], row["plover_mode"], row["plover_context"]
            if code in OVERRIDES:
                event, mode, context = OVERRIDES[code]
            desc = (row["manual_description_per_PLOVER_table"] or row["description"]).replace("\t", " ")
            lines.append("\t".join([code, desc, event, mode, context, row["goldstein"], row["quad_class"]]))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
    OUT.write_text(build(shared), encoding="utf-8")
    print(f"wrote {OUT}")
