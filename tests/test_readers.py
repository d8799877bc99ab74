"""read_inputs: formats, directories, globs, standard input, dates and options (no spaCy model)."""
from __future__ import annotations

import io
import json
import sys

import pytest

from newsevents.readers import parse_date, read_inputs
from newsevents.records import Article, InputError


def articles(items) -> list[Article]:
    items = list(items)
    errors = [i for i in items if isinstance(i, InputError)]
    assert not errors, errors
    return items


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize("value, expected", [
    ("2024-01-21", "2024-01-21"),
    ("20240121", "2024-01-21"),
    (20240121, "2024-01-21"),
    ("2024-01-21T10:30:00Z", "2024-01-21"),
    ("2024-01-21T10:30:00+01:00", "2024-01-21"),
    (" 2024-01-21 ", "2024-01-21"),
    ("Sun, 21 Jan 2024 23:30:00 -0500", "2024-01-21"),  # an RSS pubDate: the day as written
    ("Sun, 21 Jan 2024 10:00:00 GMT", "2024-01-21"),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value, message", [
    ("21 janv.", "unknown date format '21 janv.'; expected YYYY-MM-DD or YYYYMMDD"),
    ("21/01/2024", "unknown date format"),
    ("2024-1-21", "unknown date format"),
    ("2024-02-30", "invalid date '2024-02-30'"),
    ("Fri, 30 Feb 2024 10:00:00 GMT", "unknown date format"),
    ("Jan 2024", "unknown date format"),
    (True, "unknown date format"),
    (None, "unknown date format"),
])
def test_parse_date_errors(value, message):
    with pytest.raises(ValueError, match=message.replace(".", r"\.").replace("(", r"\(")):
        parse_date(value)


def test_text_file(tmp_path):
    f = tmp_path / "depeche-01.txt"
    f.write_text("Le président a reçu son homologue.\n", encoding="utf-8")
    [a] = articles(read_inputs([str(f)]))
    assert a == Article(id="depeche-01", text="Le président a reçu son homologue.\n")


def test_text_file_with_bom_and_any_extension(tmp_path):
    f = tmp_path / "note.md"
    f.write_bytes(b"\xef\xbb\xbfL'arm\xc3\xa9e a tir\xc3\xa9.")
    [a] = articles(read_inputs([str(f)]))
    assert (a.id, a.text) == ("note", "L'armée a tiré.")


def test_utf16_with_bom(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes("Le Niger a fermé sa frontière.".encode("utf-16"))
    [a] = articles(read_inputs([str(f)]))
    assert a.text == "Le Niger a fermé sa frontière."


def test_published_and_lang_fill_in(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Texte.", encoding="utf-8")
    [a] = articles(read_inputs([str(f)], published="20240121", lang="FR"))
    assert (a.published, a.lang) == ("2024-01-21", "fr")


@pytest.mark.parametrize("kwargs, option", [({"published": "21 janvier"}, "--published"),
                                            ({"published": "2024-13-01"}, "--published"),
                                            ({"lang": "français"}, "--lang")])
def test_bad_options_raise_at_once(tmp_path, kwargs, option):
    with pytest.raises(ValueError, match=option):
        read_inputs([str(tmp_path / "not-even-read.txt")], **kwargs)  # raises before iteration


def test_jsonl_records(tmp_path):
    f = write_jsonl(tmp_path / "lot.jsonl", [
        {"id": "a1", "text": "Premier texte.", "date": "2024-01-21", "lang": "fr", "title": "Titre",
         "url": "https://exemple.org/a1", "source": "Agence"},
        {"id": 7, "text": "Deuxième texte.", "date": "20240122"},
        {"id": "a3", "text": "Troisième.", "date": None, "extra": {"ignored": True}},
    ])
    a, b, c = articles(read_inputs([str(f)], published="2023-12-31", lang="es"))
    assert a == Article("a1", "Premier texte.", "2024-01-21", "fr", "Titre", "https://exemple.org/a1", "Agence")
    assert (b.id, b.published, b.lang) == ("7", "2024-01-22", "es")
    assert (c.published, c.lang, c.title) == ("2023-12-31", "es", None)


def test_json_array_and_object(tmp_path):
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps([{"id": "x", "text": "Un."}, {"id": "y", "text": "Deux."}]), encoding="utf-8")
    obj = tmp_path / "obj.json"
    obj.write_text(json.dumps({"id": "z", "text": "Trois."}, indent=2), encoding="utf-8")
    jl = tmp_path / "lines.json"
    write_jsonl(jl, [{"id": "w1", "text": "Quatre."}, {"id": "w2", "text": "Cinq."}])
    assert [a.id for a in articles(read_inputs([str(arr), str(obj), str(jl)]))] == ["x", "y", "z", "w1", "w2"]


def test_json_array_item_error_names_item(tmp_path):
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps([{"id": "x", "text": "Un."}, {"text": "sans id"}]), encoding="utf-8")
    items = list(read_inputs([str(arr)]))
    assert isinstance(items[1], InputError) and str(items[1]) == f"{arr} item 2: record has no 'id'"


def test_directory_recursive_sorted_supported_only(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z.", encoding="utf-8")
    (tmp_path / "a" / "y.txt").write_text("Y.", encoding="utf-8")
    (tmp_path / "x.TXT").write_text("X.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".cache" / "h.txt").write_text("cache", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("caché", encoding="utf-8")
    write_jsonl(tmp_path / "a" / "lot.jsonl", [{"id": "j1", "text": "J."}])
    assert [a.id for a in articles(read_inputs([str(tmp_path)]))] == ["x", "j1", "y", "z"]


def test_glob(tmp_path):
    for name in ("n2.txt", "n1.txt", "autre.html"):
        (tmp_path / name).write_text("Texte.", encoding="utf-8")
    assert [a.id for a in articles(read_inputs([str(tmp_path / "n*.txt")]))] == ["n1", "n2"]
    [err] = list(read_inputs([str(tmp_path / "rien*.txt")]))
    assert isinstance(err, InputError) and "no files match" in str(err)


HTML = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Kiev sous le feu | Le Journal</title>
<meta property="article:published_time" content="2024-01-21T08:00:00+01:00">
<link rel="canonical" href="https://journal.example/kiev-sous-le-feu">
</head><body>
<nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Kiev sous le feu</h1>
<p>Les forces russes ont bombardé la capitale ukrainienne dans la nuit de samedi à dimanche, selon les
autorités locales, qui font état de plusieurs blessés dans un quartier résidentiel.</p>
<p>Le président ukrainien a dénoncé une attaque délibérée contre des civils et demandé de nouveaux systèmes
de défense aérienne à ses alliés occidentaux.</p>
</article>
<footer>Mentions légales - Abonnement</footer>
<script>var x = "ne pas lire";</script>
</body></html>"""


def test_html_page(tmp_path):
    f = tmp_path / "kiev.html"
    f.write_text(HTML, encoding="utf-8")
    [a] = articles(read_inputs([str(f)], published="2000-01-01"))
    assert a.id == "kiev"
    assert "Les forces russes ont bombardé la capitale ukrainienne" in a.text
    assert "défense aérienne" in a.text
    assert "Mentions légales" not in a.text and "ne pas lire" not in a.text
    assert a.published == "2024-01-21"  # the page's date wins over --published
    assert a.title and a.title.startswith("Kiev sous le feu")
    assert a.url == "https://journal.example/kiev-sous-le-feu"


def test_html_fragment_without_date_falls_back(tmp_path):
    f = tmp_path / "bref.htm"
    f.write_bytes("<p>Le Mali a rappelé son ambassadeur.</p>".encode("cp1252"))
    [a] = articles(read_inputs([str(f)], published="2024-02-02"))
    assert a.text == "Le Mali a rappelé son ambassadeur."
    assert a.published == "2024-02-02"


def test_html_declared_charset(tmp_path):
    f = tmp_path / "latin.html"
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
            '<body><p>L\'armée a été déployée à Gao après l\'attaque.</p></body></html>')
    f.write_bytes(page.encode("latin-1"))
    [a] = articles(read_inputs([str(f)]))
    assert "L'armée a été déployée à Gao" in a.text


def test_jsonl_text_with_html_markup_is_read_as_html(tmp_path):
    """The description of an RSS item or a scraped body holds markup; it used to be coded as it was: the tags
    in the sentences, and "a <b>condamné</b>" was no verb the rules could see."""
    f = write_jsonl(tmp_path / "rss.jsonl", [
        {"id": "h", "date": "2024-02-02",
         "text": "<p>La France a <b>condamné</b> la Russie&nbsp;hier.</p><p>Le Mali a attaqué le Niger.<br>"
                 "<a href='https://x.example'>Lire</a></p><!-- pub --><script>var x;</script>"},
        {"id": "plain", "date": "2024-02-02", "text": "Une hausse de <5% et a > b ne sont pas du HTML."},
    ])
    html, plain = articles(read_inputs([str(f)]))
    assert html.text == "La France a condamné la Russie hier.\nLe Mali a attaqué le Niger.\nLire"
    assert plain.text == "Une hausse de <5% et a > b ne sont pas du HTML."


def test_html_page_without_main_text_keeps_inline_markup_in_its_line(tmp_path):
    """The fallback for a page trafilatura finds no main text in put every text node on its own line,
    cutting "a <b>condamné</b> la Russie" into three."""
    from newsevents.readers import _all_text

    page = "<html><body><p>La France a <b>condamné</b> la Russie.</p><ul><li>Un</li><li>Deux</li></ul></body></html>"
    assert _all_text(page) == "La France a condamné la Russie.\nUn\nDeux"


class _Stdin:
    """A stand-in for sys.stdin whose ``buffer`` counts the lines read so far."""

    def __init__(self, data: bytes):
        self.lines = io.BytesIO(data).readlines()
        self.pulled = 0
        self.buffer = self

    def __iter__(self):
        for line in self.lines:
            self.pulled += 1
            yield line


def test_stdin_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin("\n  Le Tchad a fermé sa frontière.\nFin.\n".encode("utf-8")))
    [a] = articles(read_inputs(["-"], published="2024-01-21"))
    assert (a.id, a.text, a.published) == ("stdin", "\n  Le Tchad a fermé sa frontière.\nFin.\n", "2024-01-21")


def test_stdin_jsonl_is_streamed(monkeypatch):
    records = [{"id": f"d{i}", "text": f"Texte {i}."} for i in range(50)]
    stdin = _Stdin(("\n" + "".join(json.dumps(r) + "\n" for r in records)).encode("utf-8"))
    monkeypatch.setattr(sys, "stdin", stdin)
    items = read_inputs(["-"])
    first = next(items)
    assert first.id == "d0"
    assert stdin.pulled <= 3  # the blank line, the first record (and nothing much more)
    assert [a.id for a in articles(items)] == [f"d{i}" for i in range(1, 50)]


def test_stdin_errors_name_stdin_line(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin(b'{"id": "a", "text": "A."}\n{"id": "b"\n'))
    a, err = list(read_inputs(["-"]))
    assert a.id == "a"
    assert str(err).startswith("stdin line 2: invalid JSON: ")


def test_text_is_not_cleaned_by_the_reader(tmp_path):
    f = tmp_path / "brut.txt"
    f.write_bytes("L\u2019ONU\u00a0a réagi.\r\n".encode("utf-8"))
    [a] = articles(read_inputs([str(f)]))
    assert a.text == "L\u2019ONU\u00a0a réagi.\r\n"


def test_cli_bad_published_is_a_usage_error(tmp_path):
    from click.testing import CliRunner

    from newsevents.cli import main

    f = tmp_path / "a.txt"
    f.write_text("Texte.", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(f), "--published", "21/01/2024"])
    assert result.exit_code == 2
    assert "--published" in result.output and "unknown date format '21/01/2024'" in result.output


FRENCH_RECORDS = [{"id": "u1", "text": "Le Niger a fermé sa frontière.", "date": "2024-01-21"},
                  {"id": "u2", "text": "Le Mali a rappelé son ambassadeur\u2028à Paris.", "date": "2024-01-22"}]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_jsonl_file_with_a_byte_order_mark(tmp_path, encoding):
    """A JSONL file saved as UTF-16/32 (with its BOM) is decoded line by line, not refused line by line; a
    line separator inside a text does not end the line."""
    f = tmp_path / "lot.jsonl"
    f.write_bytes("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in FRENCH_RECORDS).encode(encoding))
    got = articles(read_inputs([str(f)]))
    assert [(a.id, a.text, a.published) for a in got] == [(r["id"], r["text"], r["date"]) for r in FRENCH_RECORDS]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le-bom", "utf-32", "utf-8-sig"])
def test_stdin_jsonl_with_a_byte_order_mark_is_jsonl(monkeypatch, encoding):
    """Standard input in UTF-16/32 or with a UTF-8 BOM: JSONL records, not one text document holding JSON."""
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in FRENCH_RECORDS)
    raw = b"\xff\xfe" + text.encode("utf-16-le") if encoding == "utf-16-le-bom" else text.encode(encoding)
    monkeypatch.setattr(sys, "stdin", _Stdin(raw))
    got = articles(read_inputs(["-"]))
    assert [a.id for a in got] == ["u1", "u2"] and got[1].text == FRENCH_RECORDS[1]["text"]


def test_stdin_utf16_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin("Le Tchad a fermé sa frontière.\n".encode("utf-16")))
    [a] = articles(read_inputs(["-"]))
    assert (a.id, a.text) == ("stdin", "Le Tchad a fermé sa frontière.\n")


def _garbage(n: int, seed: int) -> bytes:
    import random

    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(n))


@pytest.mark.parametrize("prefix", [b"", b"\xff\xfe", b"\xfe\xff"])
def test_binary_garbage_is_refused_with_an_error_naming_the_document(tmp_path, prefix):
    """Random bytes, alone or behind a UTF-16 byte-order mark, are a binary file (the error names the file
    and carries the document id it would have had), never a document; the next input is still read."""
    for seed in range(20):
        bad = tmp_path / f"bruit{seed}.txt"
        bad.write_bytes(prefix + _garbage(200, seed))
        good = tmp_path / "bon.txt"
        good.write_text("Le Niger a fermé sa frontière.", encoding="utf-8")
        err, ok = list(read_inputs([str(bad), str(good)]))
        assert isinstance(err, InputError), (seed, err)
        assert str(err) == f"{bad}: binary file, not text" and err.doc_id == f"bruit{seed}"
        assert ok.id == "bon"


def test_utf16_texts_in_other_scripts_are_still_text(tmp_path):
    from newsevents.readers import decode_bytes

    for text in ["北朝鮮のミサイル発射について、日本政府は抗議した。", "Путин встретился с Си Цзиньпином в Пекине.",
                 "الرئيس يرفض الاتفاق مع الحكومة", "Le Niger a fermé sa frontière (尼日尔, Нигер)."]:
        for encoding in ("utf-16", "utf-32"):
            assert decode_bytes(text.encode(encoding)) == text


def test_input_errors_name_the_document_id_when_the_line_gives_it(tmp_path):
    f = tmp_path / "lot.jsonl"
    f.write_text('{"id": "d1", "text": "A.", "date": "2024-13-01"}\n{"text": "B."}\n{"id": "d3"}\n'
                 '{"id": "d4", "text": "C."}\n{"id": "d4", "text": "D."}\n', encoding="utf-8")
    errors = [e for e in read_inputs([str(f)]) if isinstance(e, InputError)]
    assert [e.doc_id for e in errors] == ["d1", None, "d3", "d4"]


def test_input_errors_keep_their_id_through_pickling():
    import pickle

    err = pickle.loads(pickle.dumps(InputError("x.jsonl line 1 (id a): record has no 'text'", "a")))
    assert str(err) == "x.jsonl line 1 (id a): record has no 'text'" and err.doc_id == "a"


def test_a_jsonl_text_field_of_binary_characters_is_an_error_naming_the_document(tmp_path):
    """Binary bytes escaped into a JSON string ("\\u0001\\u0002...") are no text: an error naming the record's id;
    the next record is read."""
    f = tmp_path / "lot.jsonl"
    garbage = "".join(chr(c) for c in range(1, 9)) + "\ue000\uf8ff" * 5 + "abc"
    write_jsonl(f, [{"id": "bruit", "text": garbage}, {"id": "bon", "text": "Le Niger a fermé sa frontière.\f"}])
    err, ok = list(read_inputs([str(f)]))
    assert isinstance(err, InputError) and err.doc_id == "bruit"
    assert "(id bruit): field 'text' holds binary data" in str(err)
    assert ok.id == "bon"
