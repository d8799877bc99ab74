"""Write language-pack YAML files in the layout of the French pack: a ``source`` text first, comments, then
sections whose list items are one flow mapping (or one flow list) a line, so files stay small and diffable."""
from __future__ import annotations

import yaml

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter when PyYAML has it (about 10x faster), else the pure-Python one."""


def _flow(value) -> str:
    text = yaml.dump(value, Dumper=_Dumper, default_flow_style=True, allow_unicode=True, width=10**9,
                     sort_keys=False)
    if text.endswith("\n...\n"):  # a plain scalar ends its one-value document
        text = text[:-5]
    return text.strip()


def _block_text(key: str, text: str) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > 110:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return f"{key}: >-\n" + "".join(f"  {x}\n" for x in lines)


def dump(source: str, comments: list[str], sections: dict) -> str:
    """YAML text: ``source`` folded, ``comments`` as ``#`` lines, then each section: a list (one item a line),
    a mapping of name -> list or mapping (one key a line, its value in flow style), or a scalar."""
    out = [_block_text("source", source)]
    out.extend(f"# {c}\n" if c else "#\n" for c in comments)
    for name, value in sections.items():
        if isinstance(value, list):
            out.append(f"{name}:\n" if value else f"{name}: []\n")
            out.extend(f"- {_flow(item)}\n" for item in value)
        elif isinstance(value, dict):
            out.append(f"{name}:\n" if value else f"{name}: {{}}\n")
            out.extend(f"  {_flow(k)}: {_flow(v)}\n" for k, v in value.items())
        else:
            out.append(f"{name}: {_flow(value)}\n")
    return "".join(out)
