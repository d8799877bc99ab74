"""``newsevents demo``: code one bundled sample story, store it and print its events (the command itself is
in :mod:`newsevents.cli`)."""
from __future__ import annotations

import sys
from collections import Counter

import click

from .records import Article


def code_sample(sample: str, path: str) -> bool:
    """Code one bundled sample story into the store at ``path`` and print its events; False (with a note) when
    its language cannot be coded here (no model installed)."""
    import json
    from importlib import resources

    from .cli import LANGUAGE_NAMES, _cameo_label, _evidence, _open_store
    from .export import write_table
    from .pipeline import Pipeline

    record = json.loads(resources.files("newsevents").joinpath(sample).read_text(encoding="utf-8"))
    article = Article(id=record["id"], text=record["text"], published=record.get("date"), lang=record.get("lang"),
                      title=record.get("title"), source=record.get("source"))
    language = LANGUAGE_NAMES.get(article.lang or "fr", article.lang)
    click.echo(f"\nsample: {record['title']} ({article.published}, {len(article.text)} characters)", err=True)
    click.echo(f"loading the {language} pipeline...", err=True)
    try:
        pipeline = Pipeline(article.lang or "fr", force_lang=True)
    except (ValueError, OSError) as exc:
        click.echo(f"note: the {language} sample is skipped: {exc}", err=True)
        return False
    result = next(iter(pipeline.process([article])))
    if result.status == "error":
        raise click.ClickException(f"the sample failed: {result.error}")
    with _open_store(path) as store:
        report = store.ingest([result])
        stored = store.get_document(article.id)
    rows = stored["events"] if stored else []
    click.echo()
    write_table(rows, sys.stdout, with_document=False)
    click.echo()
    click.echo("evidence (event words in [brackets]):")
    for e in rows:
        att = (e.get("attribution") or {}).get("text")
        mode = f" mode {e['mode']}" if e.get("mode") else ""
        click.echo(f"- {e['event_type']}{mode} ({e['cameo_code']} {_cameo_label(e['cameo_code'])}, {e['modality']}"
                   f"{', ' + att if att else ''}): {_evidence(stored['text'], e)}")
    by_type = ", ".join(f"{n} {t}" for t, n in Counter(e["event_type"] for e in rows).most_common())
    by_modality = ", ".join(f"{n} {m}" for m, n in Counter(e["modality"] for e in rows).most_common())
    click.echo(f"\n{language}: {report.events} events ({by_type or 'none'}); modality: {by_modality or '-'}")
    return True
