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
