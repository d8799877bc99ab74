"""Read the news corpora of ../shared/corpora into newsevents JSONL (one record per line on standard output).

    python scripts/corpora.py lemonde [--shared DIR] [--limit N] > lemonde.jsonl
    python scripts/corpora.py gilets_jaunes [--outlet figaro|humanite|lepoint] [--shared DIR] [--limit N]
    python scripts/corpora.py masakhane [--split dev|test|train] [--category politics] [--shared DIR] [--limit N]
    python scripts/corpora.py belgique [--shared DIR] [--limit N]
    python scripts/corpora.py headlines [--shared DIR] [--limit N]

Records: {"id", "text", "date" (publication date, YYYY-MM-DD, or null), "lang", "title", "source"} plus "url"
and "category" where the corpus has them; ``newsevents extract`` reads them as they are. The corpora are
copyrighted news (see ../shared/corpora/MANIFEST.md): write the output outside the repository.

* ``lemonde``: corpora/lemonde_rss_international_2022/articles_par_international.xml, 7,074 <article> items
  (<title>, <description>) under <date month="Mar" day="14"> groups; the year, absent from the file, is 2022.
  ``id`` is ``lemonde2022-<index>`` (the 0-based position of the item in the file, the ``article_index`` of
  the dev gold eval/dev/lemonde_fr.dev.jsonl) and ``text`` is built as the dev gold builds it: the title, then
  ". " (or a single space when the title already ends with . ? ! or …), then the description.
* ``gilets_jaunes``: the Le Figaro, L'Humanité and Le Point files of corpora/gilets_jaunes/Francais/France/Corpus,
  ``<ARTICLE url=".." date="..">`` blocks parsed leniently (regular expression; the files are not XML). The
  first non-blank line is the title; ``text`` is the whole block (title included). Dates are YYYY-MM-DD or, for
  L'Humanité, D-M-YYYY. ``id`` is ``gj-<outlet>-<index>`` (0-based position in the file).
* ``masakhane``: BBC Afrique articles of corpora/masakhanews_fra (data/fra/dev.tsv and test.tsv,
  few_shot_data/50_samples/fra/train.tsv): ``text`` is the headline, a blank line, then the body; no date.
  ``id`` is ``masakhane-fra-<split>-<index>`` (0-based data row).
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"

LEMONDE_FILE = Path("corpora/lemonde_rss_international_2022/articles_par_international.xml")
LEMONDE_YEAR = 2022
MONTHS = {m: i for i, m in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1)}
TITLE_END = (".", "?", "!", "…")

GJ_DIR = Path("corpora/gilets_jaunes/Francais/France/Corpus")
GJ_OUTLETS = {  # outlet key -> (file, source name)
    "figaro": ("GJLeFigURL", "Le Figaro"),
    "humanite": ("GJLHumaURL", "L'Humanité"),
    "lepoint": ("GJLePointURL", "Le Point"),
}
GJ_ARTICLE = re.compile(r"<ARTICLE\b([^>]*)>(.*?)</ARTICLE>", re.DOTALL)
GJ_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
DMY = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
YMD = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

MASAKHANE_DIR = Path("corpora/masakhanews_fra")
MASAKHANE_SPLITS = {
    "dev": Path("data/fra/dev.tsv"),
    "test": Path("data/fra/test.tsv"),
    "train": Path("few_shot_data/50_samples/fra/train.tsv"),
}


# -- Le Monde ---------------------------------------------------------------------------------------------

def lemonde_text(title: str, description: str) -> str:
    """Title and description joined as the dev gold joins them (". " unless the title ends a sentence)."""
    if not title:
        return description
    if not description:
        return title
    return title + (" " if title.endswith(TITLE_END) else ". ") + description


def lemonde(shared: Path) -> Iterator[dict]:
    """Le Monde 2022 international RSS items, in file order (see the module docstring)."""
    root = ET.parse(shared / LEMONDE_FILE).getroot()
    index = 0
    for group in root.iter("date"):
        month, day = MONTHS[group.get("month")], int(group.get("day"))
        date = f"{LEMONDE_YEAR}-{month:02d}-{day:02d}"
        for item in group.iter("article"):
            title = item.findtext("title") or ""
            description = item.findtext("description") or ""
            yield {"id": f"lemonde2022-{index}", "text": lemonde_text(title, description), "date": date,
                   "lang": "fr", "title": title, "source": "Le Monde"}
            index += 1


# -- Gilets jaunes ----------------------------------------------------------------------------------------

def gj_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` or ``D-M-YYYY`` -> ``YYYY-MM-DD``; None for anything else."""
    if not value:
        return None
    if m := YMD.fullmatch(value.strip()):
        return "-".join(m.groups())
    if m := DMY.fullmatch(value.strip()):
        day, month, year = (int(g) for g in m.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def gilets_jaunes_file(path: Path, outlet: str, source: str) -> Iterator[dict]:
    """Articles of one Gilets jaunes file (``<ARTICLE url date>`` blocks, parsed leniently)."""
    content = path.read_text(encoding="utf-8", errors="replace")
    for index, match in enumerate(GJ_ARTICLE.finditer(content)):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
                 for m in GJ_ATTR.finditer(match.group(1))}
        text = match.group(2).strip()
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")
        yield {"id": f"gj-{outlet}-{index}", "text": text, "date": gj_date(attrs.get("date")), "lang": "fr",
               "title": title, "source": source, "url": attrs.get("url")}


def gilets_jaunes(shared: Path, outlets: list[str] | None = None) -> Iterator[dict]:
    """Articles of the Le Figaro, L'Humanité and Le Point files (or the ``outlets`` chosen), file by file."""
    for outlet in outlets or list(GJ_OUTLETS):
        file, source = GJ_OUTLETS[outlet]
        yield from gilets_jaunes_file(shared / GJ_DIR / file, outlet, source)


# -- MasakhaNEWS ------------------------------------------------------------------------------------------

def masakhane(shared: Path, splits: list[str] | None = None, category: str | None = None) -> Iterator[dict]:
    """BBC Afrique articles of MasakhaNEWS (French), split by split; ``category`` keeps one topic label."""
    csv.field_size_limit(sys.maxsize)
    for split in splits or list(MASAKHANE_SPLITS):
        with (shared / MASAKHANE_DIR / MASAKHANE_SPLITS[split]).open(encoding="utf-8", newline="") as fh:
            for index, row in enumerate(csv.DictReader(fh, delimiter="\t")):
                if category and row.get("category") != category:
                    continue
                headline, body = (row.get("headline") or "").strip(), (row.get("text") or "").strip()
                yield {"id": f"masakhane-fra-{split}-{index}", "text": f"{headline}\n\n{body}" if headline else body,
                       "date": None, "lang": "fr", "title": headline, "source": "BBC Afrique",
                       "url": row.get("url") or None, "category": row.get("category")}


# -- Belgian Yellow Vests files ---------------------------------------------------------------------------

BE_DIR = Path("corpora/gilets_jaunes/Francais/Belgique")
BE_FILES = {"dh": ("DH.xml", "La DH"), "lalibre": ("LaLibre.xml", "La Libre Belgique")}
BE_DOC = re.compile(r"<doc\b([^>]*)>(.*?)</doc>", re.DOTALL)


def belgique(shared: Path) -> Iterator[dict]:
    """The La DH and La Libre Belgique files (``<doc title=.. source=..>`` blocks, entities unescaped): ``text``
    is the title, a blank line, then the body; no date (the files have none). ``id`` is ``be-<dh|lalibre>-<index>``
    (0-based position of the block in the file)."""
    import html

    for key, (file, source) in BE_FILES.items():
        content = (shared / BE_DIR / file).read_text(encoding="utf-8", errors="replace")
        for index, match in enumerate(BE_DOC.finditer(content)):
            attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
                     for m in GJ_ATTR.finditer(match.group(1))}
            title = html.unescape(attrs.get("title") or "").strip()
            body = html.unescape(match.group(2)).strip()
            yield {"id": f"be-{key}-{index}", "text": f"{title}\n\n{body}" if title else body, "date": None,
                   "lang": "fr", "title": title, "source": source}


# -- one day of headlines ---------------------------------------------------------------------------------

HEADLINES_FILE = Path("corpora/french_news_clustering_headlines/api/client/test_one_day.csv")


def headlines(shared: Path) -> Iterator[dict]:
    """The 5,064 headlines of 2020-01-10 (no outlet name in the file): ``text`` is the headline, ``date`` the
    day of its timestamp, ``category`` its section and ``cluster`` the file's story id (another system's
    clustering: a hint, not a truth). ``id`` is ``hl-<row>`` (0-based row of the CSV)."""
    with (shared / HEADLINES_FILE).open(encoding="utf-8", newline="") as fh:
        for index, row in enumerate(csv.reader(fh)):
            title, stamp, cluster, section = row[0], row[1], row[2], row[3]
            yield {"id": f"hl-{index}", "text": title, "date": stamp[:10], "lang": "fr", "title": title,
                   "source": None, "category": section, "cluster": cluster.removeprefix("ObjectId(").rstrip(")")}


# -- command line -----------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="corpus", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (default: ../shared)")
    common.add_argument("--limit", type=int, default=None, help="write at most N records")
    sub.add_parser("lemonde", parents=[common], help="Le Monde 2022 international RSS (title + lead)")
    gj = sub.add_parser("gilets_jaunes", parents=[common], help="Le Figaro, L'Humanité, Le Point (2018-2019)")
    gj.add_argument("--outlet", action="append", choices=sorted(GJ_OUTLETS), help="repeatable; default: all")
    mk = sub.add_parser("masakhane", parents=[common], help="BBC Afrique (MasakhaNEWS, French)")
    mk.add_argument("--split", action="append", choices=sorted(MASAKHANE_SPLITS), help="repeatable; default: all")
    mk.add_argument("--category", default=None, help="keep one topic label (e.g. politics)")
    sub.add_parser("belgique", parents=[common], help="La DH and La Libre Belgique (Yellow Vests, no dates)")
    sub.add_parser("headlines", parents=[common], help="5,064 French headlines of 2020-01-10")
    args = parser.parse_args(argv)

    if not args.shared.is_dir():
        parser.error(f"shared folder not found: {args.shared}")
    if args.corpus == "lemonde":
        records = lemonde(args.shared)
    elif args.corpus == "gilets_jaunes":
        records = gilets_jaunes(args.shared, args.outlet)
    elif args.corpus == "belgique":
        records = belgique(args.shared)
    elif args.corpus == "headlines":
        records = headlines(args.shared)
    else:
        records = masakhane(args.shared, args.split, args.category)
    for n, record in enumerate(records):
        if args.limit is not None and n >= args.limit:
            break
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
