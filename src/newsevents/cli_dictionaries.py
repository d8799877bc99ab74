"""``newsevents dictionaries``: import PETRARCH dictionaries into the user data folder, list and remove them
(a thin layer over :mod:`newsevents.user_dictionaries`)."""
from __future__ import annotations

from pathlib import Path

import click

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=CONTEXT_SETTINGS,
             short_help="Import, list or remove user PETRARCH dictionaries.")
def dictionaries() -> None:
    """User dictionaries: PETRARCH/TABARI actor, agent and verb files converted into language-pack data in
    the user data folder ($NEWSEVENTS_USER_DATA, else the platform's user data folder), merged over the
    packaged data of their language whenever newsevents codes."""


@dictionaries.command("import", context_settings=CONTEXT_SETTINGS)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["petrarch"]), default="petrarch", show_default=True)
@click.option("--lang", required=True, metavar="LANG", help="Language (ISO 639-1) whose data the file joins.")
@click.option("--kind", type=click.Choice(["actors", "agents", "verbs"]), default=None,
              help="What the file holds (default: guessed from its name).")
@click.option("--replace", is_flag=True,
              help="Replace the packaged file of that kind instead of merging over it (user entries win).")
@click.option("--lenient", is_flag=True, help="Skip the lines that cannot be read (each is named on stderr).")
def import_(file: Path, fmt: str, lang: str, kind: str | None, replace: bool, lenient: bool) -> None:
    """Convert a PETRARCH dictionary FILE and store it for LANG. A bad entry stops the import with an error
    naming the file and line, and nothing is written (unless --lenient)."""
    from .langdata import LanguageDataError
    from .petrarch import DictionaryError
    from .user_dictionaries import import_petrarch

    try:
        done = import_petrarch(file, lang, kind, replace, lenient)
    except (DictionaryError, LanguageDataError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    for error in done.errors:
        click.echo(f"skipped {error}", err=True)
    for path in done.files:
        click.echo(f"wrote {path}")
    left = sum(done.skipped.values())
    click.echo(f"{done.kind}: {done.kept} entries imported, {left} left out", err=True)
    for reason, n in sorted(done.skipped.items(), key=lambda x: -x[1]):
        click.echo(f"  {n} {reason}", err=True)


@dictionaries.command("list", context_settings=CONTEXT_SETTINGS)
@click.option("--lang", default=None, metavar="LANG", help="Only this language (ISO 639-1).")
def list_(lang: str | None) -> None:
    """List the installed user dictionary files, one per line: language, file, and where it came from."""
    from .pipeline import SUPPORTED_LANGS
    from .user_dictionaries import installed, user_data_dir

    files = installed(lang)
    if not files:
        click.echo(f"no user dictionaries in {user_data_dir() / 'lang'} (the packaged language data of "
                   f"{', '.join(SUPPORTED_LANGS)} is always used; user dictionaries are merged over it)",
                   err=True)
    for code, path in files:
        click.echo(f"{code}\t{path}\t{_source(path)}")


def _source(path: Path) -> str:
    """The ``source`` text at the top of a data file, read without parsing the whole file."""
    import yaml

    lines = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if lines and not line.startswith("  "):
                break
            lines.append(line)
    try:
        head = yaml.safe_load("".join(lines))
    except yaml.YAMLError:
        return ""
    return str(head.get("source", "")) if isinstance(head, dict) else ""


@dictionaries.command("remove", context_settings=CONTEXT_SETTINGS)
@click.argument("name")
@click.option("--lang", required=True, metavar="LANG", help="Language (ISO 639-1) of the file.")
def remove_(name: str, lang: str) -> None:
    """Delete the user dictionary file NAME of LANG (its name or the path `newsevents dictionaries list`
    shows), or every file of one import when NAME is the imported file's name (my.actors.txt)."""
    from .langdata import LanguageDataError
    from .user_dictionaries import remove

    try:
        for path in remove(lang, name):
            click.echo(f"removed {path}")
    except LanguageDataError as exc:
        raise click.ClickException(str(exc)) from exc
