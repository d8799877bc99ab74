"""User dictionaries: PETRARCH files imported into a user data folder (a tmp dir here) and merged over the
packaged language data; the `newsevents dictionaries` commands."""
import os

import pytest
from click.testing import CliRunner

from newsevents.actor_data import validate
from newsevents.cli import main
from newsevents.langdata import load_language, merge_user
from newsevents.lexicon import Lexicon
from newsevents.petrarch import DictionaryError
from newsevents.user_dictionaries import guess_kind, import_petrarch, installed

ACTORS = "FREEDONIA_ [FRD]\n+FREEDONIAN_\nRUFUS_FIREFLY_ [FRDGOV]\nNATIONS_UNIES_ [FRDMIL]\n"
VERBS = "--- SNUB [---] ---\nSNOBER\n- * (AVEC)   [042]\n"


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    folder = tmp_path / "user"
    monkeypatch.setenv("NEWSEVENTS_USER_DATA", str(folder))
    return folder


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_merge_user_puts_user_entries_first_and_keeps_the_packaged_ones():
    packaged = {"source": "pack", "organisations": [{"name": "A"}, {"name": "B"}], "verbs": {"x": [1], "y": [2]}}
    user = {"source": "mine", "organisations": [{"name": "C"}, {"name": "A"}], "verbs": {"x": [3]}}
    merged = merge_user(packaged, user, "u.yaml")
    assert merged["organisations"] == [{"name": "C"}, {"name": "A"}, {"name": "B"}]
    assert merged["verbs"] == {"x": [3, 1], "y": [2]}
    assert merged["source"] == "pack | user file u.yaml: mine"


def test_imported_actors_are_merged_over_the_packaged_ones_and_win(tmp_path, user_dir):
    before = load_language("fr")
    done = import_petrarch(_write(tmp_path, "my.actors.txt", ACTORS), "fr")
    assert sorted(p.name for p in done.files) == ["actors.my_actors.yaml", "countries.my_actors.yaml"]
    data = load_language("fr")
    assert data.checksum != before.checksum
    entries = {}
    for name, entry in validate(data):
        entries.setdefault(name, entry)
    assert (entries["Freedonian"].kind, entries["Freedonian"].code) == ("country", "FRD")
    assert (entries["Rufus Firefly"].code, entries["Rufus Firefly"].sector) == ("FRD", "GOV")
    assert entries["Nations Unies"].code == "FRD"  # the user's entry comes before the packaged ONU alias
    assert entries["Pékin"].code == "CHN"  # packaged entries are still there


def test_a_bad_entry_names_file_and_line_and_writes_nothing(tmp_path, user_dir):
    bad = _write(tmp_path, "bad.actors.txt", "FREEDONIA_ [FRD]\n\t[FRDGOV 20201340-20201231]\n")
    with pytest.raises(DictionaryError, match=r"bad\.actors\.txt:2: .*not a calendar date"):
        import_petrarch(bad, "fr")
    assert not user_dir.exists() or not list(user_dir.rglob("*.yaml"))


def test_replace_drops_the_packaged_files_of_that_kind(tmp_path, user_dir):
    import_petrarch(_write(tmp_path, "snub.verbs.txt", VERBS), "fr", replace=True)
    data = load_language("fr")
    assert [n for n in data.files if n.startswith("verbs")] == ["verbs"]
    lexicon = Lexicon.from_data(data)
    assert [(f.cameo, f.recipient) for f in lexicon.verbs["snober"]] == [("042", ("avec",))]
    assert "condamner" not in lexicon.verbs


def test_replace_keeps_the_packaged_grammar(tmp_path, user_dir):
    agents = "SOLDIER_ [~MIL]\n"
    import_petrarch(_write(tmp_path, "mine.agents.txt", agents), "en", kind="agents", replace=True)
    data = load_language("en")
    grammar = data.file("agents")["grammar"]
    assert grammar["plural"] == "english" and "of" in grammar["de_cases"]  # the English grammar, not French
    assert "soldier" in str(data.file("agents")).lower()


def test_guess_kind():
    from pathlib import Path

    assert guess_kind(Path("Phoenix.agents.txt")) == "agents" and guess_kind(Path("CAMEO.verbs.txt")) == "verbs"
    with pytest.raises(ValueError, match="give --kind"):
        guess_kind(Path("CAMEO.2.0.txt"))


def test_cli_import_list_remove(tmp_path, user_dir):
    runner = CliRunner()
    path = _write(tmp_path, "my.actors.txt", ACTORS)
    result = runner.invoke(main, ["dictionaries", "import", "--format", "petrarch", str(path), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert [f.name for _, f in installed("fr")] == ["actors.my_actors.yaml", "countries.my_actors.yaml"]
    listed = runner.invoke(main, ["dictionaries", "list"])
    assert listed.exit_code == 0 and "actors.my_actors.yaml" in listed.output and "my.actors.txt" in listed.output
    removed = runner.invoke(main, ["dictionaries", "remove", "countries.my_actors.yaml", "--lang", "fr"])
    assert removed.exit_code == 0 and [f.name for _, f in installed("fr")] == ["actors.my_actors.yaml"]


def test_remove_touches_only_the_user_folder_and_takes_an_import_by_name(tmp_path, user_dir):
    """`dictionaries remove` used to delete any .yaml file named by an absolute or ../ path (the packaged
    language data included), and one import's two files had to be removed one by one."""
    runner = CliRunner()
    outside = tmp_path / "precious.yaml"
    outside.write_text("a: 1\n", encoding="utf-8")
    path = _write(tmp_path, "my.actors.txt", ACTORS)
    assert runner.invoke(main, ["dictionaries", "import", str(path), "--lang", "fr"]).exit_code == 0
    folder = installed("fr")[0][1].parent
    relative = os.path.relpath(outside, folder)
    for name in (str(outside), relative):
        result = runner.invoke(main, ["dictionaries", "remove", name, "--lang", "fr"])
        assert result.exit_code == 1 and "its files: actors.my_actors.yaml, countries.my_actors.yaml" in result.output
        assert outside.exists()
    listed = str(installed("fr")[0][1])  # the path `dictionaries list` prints
    assert runner.invoke(main, ["dictionaries", "remove", listed, "--lang", "fr"]).exit_code == 0
    assert [f.name for _, f in installed("fr")] == ["countries.my_actors.yaml"]
    assert runner.invoke(main, ["dictionaries", "import", str(path), "--lang", "fr"]).exit_code == 0
    result = runner.invoke(main, ["dictionaries", "remove", "my.actors.txt", "--lang", "fr"])
    assert result.exit_code == 0 and result.output.count("removed ") == 2 and installed("fr") == []


def test_cli_bad_file_is_a_clean_error(tmp_path, user_dir):
    bad = _write(tmp_path, "bad.agents.txt", "SOLDIER [MIL]\n")
    result = CliRunner().invoke(main, ["dictionaries", "import", str(bad), "--lang", "fr"])
    assert result.exit_code == 1 and "bad.agents.txt:1:" in result.output and "Traceback" not in result.output
    assert installed("fr") == []
    lenient = CliRunner().invoke(main, ["dictionaries", "import", str(bad), "--lang", "fr", "--lenient"])
    assert lenient.exit_code == 0 and "skipped" in lenient.output


def test_cli_binary_file_is_said_to_be_binary(tmp_path, user_dir):
    """A binary file was read as Latin-1 and failed on an odd line ("bin.txt:7: ']' without '['")."""
    binary = tmp_path / "image.actors.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR [x] ]" * 4)
    result = CliRunner().invoke(main, ["dictionaries", "import", str(binary), "--lang", "fr"])
    assert result.exit_code == 1 and f"{binary}:1: binary file (NUL bytes)" in result.output
    assert installed("fr") == []
