"""Documentation checks: every CLI command has help text, answers -h, and is documented in README.md."""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from newsevents.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
COMMANDS = sorted(main.commands)


def test_there_are_commands():
    assert {"extract", "ingest", "events", "export", "evaluate", "demo"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_text(name):
    command = main.commands[name]
    assert command.help and len(command.help.strip()) > 20, f"{name} needs a docstring"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden and param.name != "help":
            assert param.help or param.type.name == "choice" or isinstance(param.type, click.IntRange), \
                f"{name} --{param.name} needs help text"


@pytest.mark.parametrize("args", [["-h"]] + [[name, "-h"] for name in COMMANDS])
def test_dash_h_works(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0 and "Usage:" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_readme(name):
    text = README.read_text(encoding="utf-8")
    assert re.search(rf"newsevents {name}\b", text), f"README.md does not document `newsevents {name}`"


def test_readme_has_the_two_setup_commands_and_existing_links():
    text = README.read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text
    for target in re.findall(r"\]\(([^)#]+)\)", text):
        if not target.startswith("http"):
            assert (ROOT / target).exists(), f"README links to missing {target}"


def test_readme_example_record_is_a_valid_event():
    import json

    from newsevents.records import Event, event_id

    text = README.read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", text, re.S).group(1)
    record = json.loads(block)
    event = Event.from_dict(record)
    assert event.to_dict() == record
    assert event_id(event) == record["id"]
    # the offsets in the example point at the right words of the bundled sample
    sample = json.loads((ROOT / "src/newsevents/examples/demo_fr.jsonl").read_text(encoding="utf-8"))["text"]
    for words, (start, end) in [(event.event_text, event.event_span), (event.sentence, event.sentence_span),
                                (event.actor[0].entity_text, event.actor[0].span),
                                (event.attribution.text, event.attribution.span)]:
        assert sample[start:end] == words


def test_short_help_is_one_whole_sentence():
    """`newsevents -h` lists each command with its short help, which must not be cut mid-sentence."""
    listing = CliRunner().invoke(main, ["-h"]).output
    for name in COMMANDS:
        command = main.commands[name]
        assert command.short_help, f"{name} needs a short_help"
        line = next(x for x in listing.splitlines() if x.strip().startswith(name + " "))
        text = line.strip()[len(name):].strip()
        assert text == command.short_help, f"{name}: the listing wraps or cuts {command.short_help!r}"
        assert text.endswith(".") and not text.endswith("...") and "(e.g" not in text


def test_readme_links_the_documentation():
    text = README.read_text(encoding="utf-8")
    for doc in ("docs/accuracy.md", "docs/web.md", "docs/performance.md"):
        assert f"]({doc})" in text, f"README.md does not link {doc}"


def test_readme_links_are_committed():
    """A link that works in the developer's tree but not in a clean clone: the target must be tracked by git."""
    import shutil
    import subprocess

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git work tree")
    tracked = set(subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                                 check=True).stdout.splitlines())
    text = README.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)\)", text):
        if not target.startswith("http") and (ROOT / target).is_file():
            assert target in tracked, f"README links {target}, which is not committed (git add it)"


def test_readme_tells_what_a_fresh_user_needs():
    text = README.read_text(encoding="utf-8")
    # .txt and stdin carry no publication date: relative dates need --published
    assert re.search(r"`\.txt`.{0,200}--published YYYY-MM-DD", text, re.S)
    # the shell would expand an unquoted *MIL
    assert "'*MIL'" in text and not re.search(r"--(actor|recipient) \*", text)
    # where make demo writes its database
    assert "~/.local/share/newsevents/demo.duckdb" in text
    # make test may install chromium with apt-get
    assert ".ci/install-chromium.sh" in text and "apt-get" in text and "root" in text
    # inferred actors and recipients have no words
    assert re.search(r"[Ii]nferred.{0,400}`entity_text` `\"\"`.{0,200}empty span", text, re.S)
    # the API's filter names
    for name in ("actor_country", "recipient_sector", "event_type", "/api/events?actor="):
        assert name in text, name


def test_examples_readme_describes_the_story_without_promising_output():
    import json

    readme = (ROOT / "src/newsevents/examples/README.md").read_text(encoding="utf-8")
    sample = " ".join(json.loads((ROOT / f"src/newsevents/examples/demo_{lang}.jsonl").read_text(encoding="utf-8"))
                      ["text"] for lang in ("fr", "en", "es"))
    quoted = re.findall(r"\(\"([^\"]+)\"", readme) + re.findall(r", \"([^\"]+)\"\)", readme)
    assert len(quoted) >= 5
    for phrase in quoted:  # every phrase it quotes is in the story
        assert " ".join(phrase.split()) in " ".join(sample.split()), phrase
    # what the coder makes of it changes with the rules: the README must not promise events
    assert not re.search(r"\b(the coder|it) (handles|codes|produces|finds)\b", readme)
