"""Bad input never stops a run: each problem is one InputError naming the file (and line), then reading goes on."""
from __future__ import annotations

import json
import os

from newsevents.readers import read_inputs
from newsevents.records import Article, InputError

PARAGRAPH = ("Le ministre de la Défense a annoncé mardi l'envoi de renforts dans la région frontalière, où des "
             "affrontements ont opposé l'armée à des groupes armés pendant tout le week-end.\n\n")


def messages(items) -> list[str]:
    return [str(i) if isinstance(i, InputError) else f"article {i.id}" for i in items]


def test_binary_file(tmp_path):
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    good = tmp_path / "ok.txt"
    good.write_text("Texte lisible.", encoding="utf-8")
    assert messages(read_inputs([str(binary), str(good)])) == [f"{binary}: binary file, not text", "article ok"]


def test_binary_file_with_text_extension(tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(bytes(range(256)) * 4)
    assert messages(read_inputs([str(f)])) == [f"{f}: binary file, not text"]


def test_binary_html_and_json(tmp_path):
    html = tmp_path / "page.html"
    html.write_bytes(b"<html>\x00\x01\x02</html>")
    js = tmp_path / "data.json"
    js.write_bytes(b"\x00\x00{}")
    assert messages(read_inputs([str(html), str(js)])) == [f"{html}: binary file, not text",
                                                           f"{js}: binary file, not text"]


def test_latin1_and_cp1252_text(tmp_path):
    cp1252 = tmp_path / "cp1252.txt"
    cp1252.write_bytes("Élysée : le président a reçu l’ambassadeur – « enfin », dit-il.".encode("cp1252"))
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Café à Noël".encode("latin-1"))
    a, b = read_inputs([str(cp1252), str(latin1)])
    assert a.text == "Élysée : le président a reçu l’ambassadeur – « enfin », dit-il."
    assert b.text == "Café à Noël"


def test_cyrillic_code_page_goes_to_charset_normalizer(tmp_path):
    f = tmp_path / "ru.txt"
    text = "Президент России заявил, что переговоры продолжатся в пятницу в Стамбуле."
    f.write_bytes(text.encode("cp1251"))
    [a] = read_inputs([str(f)])
    assert a.text == text


def test_latin1_jsonl_line(tmp_path):
    f = tmp_path / "mixte.jsonl"
    f.write_bytes(json.dumps({"id": "u", "text": "déjà"}, ensure_ascii=False).encode("utf-8") + b"\n"
                  + json.dumps({"id": "l", "text": "Bogotá a réagi"}, ensure_ascii=False).encode("latin-1") + b"\n")
    a, b = read_inputs([str(f)])
    assert (a.text, b.text) == ("déjà", "Bogotá a réagi")


def test_malformed_jsonl_line_and_bad_records(tmp_path):
    f = tmp_path / "f.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "a", "text": "Premier."}),
        json.dumps({"id": "x", "text": "Daté.", "date": "21 janv."}),
        '{"id": "b", "text": "coupé',
        json.dumps({"text": "sans identifiant"}),
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": ["pas", "une", "chaîne"]}),
        json.dumps(["pas", "un", "objet"]),
        json.dumps({"id": "", "text": "id vide"}),
        json.dumps({"id": "e", "text": "Langue.", "lang": "français"}),
        "",
        json.dumps({"id": "z", "text": "Dernier."}),
    ]) + "\n", encoding="utf-8")
    got = messages(read_inputs([str(f)]))
    assert got[0] == "article a"
    assert got[1] == (f"{f} line 2 (id x): field 'date': unknown date format '21 janv.'; "
                      "expected YYYY-MM-DD or YYYYMMDD, or an RSS date (Wed, 12 Mar 2025 10:00:00 GMT)")
    assert got[2].startswith(f"{f} line 3: invalid JSON: ")
    assert got[3] == f"{f} line 4: record has no 'id'"
    assert got[4] == f"{f} line 5 (id c): record has no 'text'"
    assert got[5] == f"{f} line 6 (id d): field 'text' must be a string, got list"
    assert got[6] == f"{f} line 7: expected a JSON object, got list"
    assert got[7].startswith(f"{f} line 8: field 'id' must be a non-empty string")
    assert got[8].startswith(f"{f} line 9 (id e): field 'lang': expected an ISO 639-1 code")
    assert got[9] == "article z"  # the blank line 10 is skipped, line 11 read
    assert len(got) == 10


def test_nul_bytes_in_one_jsonl_line(tmp_path):
    f = tmp_path / "nul.jsonl"
    f.write_bytes(b'{"id": "a", "text": "A."}\n' * 400 + b'{"id": "b", "text": "\x00\x00"}\n{"id": "c", "text": "C."}\n')
    got = messages(read_inputs([str(f)]))
    assert got[1:] == [f"{f} line {n}: duplicate document id 'a' (first seen in {f} line 1)" for n in range(2, 401)
                       ] + [f"{f} line 401: binary data, not text", "article c"]


def test_missing_files_and_run_goes_on(tmp_path):
    good = tmp_path / "ok.txt"
    good.write_text("Texte.", encoding="utf-8")
    missing = tmp_path / "nope.txt"
    got = messages(read_inputs([str(missing), str(good), str(tmp_path / "absent" / "dossier")]))
    assert got == [f"{missing}: no such file or directory", "article ok",
                   f"{tmp_path / 'absent' / 'dossier'}: no such file or directory"]


def test_empty_and_whitespace_documents_are_articles(tmp_path):
    empty = tmp_path / "vide.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blanc.txt"
    blank.write_text("  \n\t\n", encoding="utf-8")
    jl = tmp_path / "v.jsonl"
    jl.write_text(json.dumps({"id": "jv", "text": ""}) + "\n", encoding="utf-8")
    a, b, c = read_inputs([str(empty), str(blank), str(jl)])
    assert (a.id, a.text) == ("vide", "")
    assert (b.id, b.text) == ("blanc", "  \n\t\n")
    assert (c.id, c.text) == ("jv", "")


def test_duplicate_ids_across_files(tmp_path):
    a = tmp_path / "a.jsonl"
    a.write_text(json.dumps({"id": "x", "text": "Un."}) + "\n", encoding="utf-8")
    b = tmp_path / "b.jsonl"
    b.write_text(json.dumps({"id": "y", "text": "Deux."}) + "\n" + json.dumps({"id": "x", "text": "Trois."}) + "\n",
                 encoding="utf-8")
    x = tmp_path / "x.txt"
    x.write_text("Quatre.", encoding="utf-8")
    got = messages(read_inputs([str(a), str(b), str(x)]))
    assert got == ["article x", "article y",
                   f"{b} line 2: duplicate document id 'x' (first seen in {a} line 1)",
                   f"{x}: duplicate document id 'x' (first seen in {a} line 1)"]


def test_same_file_twice_is_duplicate(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("Texte.", encoding="utf-8")
    got = messages(read_inputs([str(f), str(f)]))
    assert got == ["article note", f"{f}: duplicate document id 'note' (first seen in {f})"]


def test_ten_megabyte_documents(tmp_path):
    body = PARAGRAPH * (10_000_000 // len(PARAGRAPH) + 1)
    assert len(body.encode("utf-8")) > 10_000_000
    (tmp_path / "gros.txt").write_text(body, encoding="utf-8")
    with (tmp_path / "gros.jsonl").open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "petit", "text": "Court."}) + "\n")
        fh.write(json.dumps({"id": "gros-jsonl", "text": body, "date": "2024-01-21"}, ensure_ascii=False) + "\n")
    items = list(read_inputs([str(tmp_path)]))
    assert [i.id for i in items] == ["petit", "gros-jsonl", "gros"]
    assert all(isinstance(i, Article) for i in items)
    assert items[1].text == body and items[2].text == body
    assert items[1].published == "2024-01-21"


def test_files_are_read_one_at_a_time(tmp_path):
    (tmp_path / "a.txt").write_text(PARAGRAPH * 20_000, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Deuxième.", encoding="utf-8")
    items = read_inputs([str(tmp_path)])
    first = next(items)
    assert first.id == "a" and len(first.text) == len(PARAGRAPH) * 20_000
    os.remove(tmp_path / "b.txt")  # not read yet: its absence is reported when its turn comes
    [second] = list(items)
    assert isinstance(second, InputError) and str(second).startswith(f"{tmp_path / 'b.txt'}: cannot read")
