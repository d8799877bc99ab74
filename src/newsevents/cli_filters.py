"""The event filter options of ``newsevents events`` and ``export`` (fields of
:class:`newsevents.store.EventFilter`), with the callbacks that turn a bad value into a usage error (exit
status 2) naming the option: a PLOVER type, an actor code or country name, a CAMEO code prefix, a calendar
date, a --until before --since."""
from __future__ import annotations

from datetime import date

import click

from .bounds import MAX_ROWS
from .codes import PLOVER_TYPES
from .records import MODALITIES

__all__ = ["filter_options"]


def filter_options(f):
    """The event filters shared by `events` and `export` (fields of store.EventFilter)."""
    options = [
        click.option("--actor", default=None, metavar="CODE", callback=_actor_code,
                     help="Actor country (RUS), country+sector (RUSGOV), any country with a sector (*MIL), or "
                          "a country name (France, Russie, 'Russie MIL')."),
        click.option("--recipient", default=None, metavar="CODE", callback=_actor_code,
                     help="Recipient, same forms as --actor."),
        click.option("--type", "event_type", default=None, metavar="TYPE", callback=_plover_type,
                     help=f"PLOVER event type, any case: {', '.join(PLOVER_TYPES)}."),
        click.option("--cameo", default=None, metavar="PREFIX", callback=_cameo_prefix,
                     help="CAMEO code prefix (04 matches 040, 042)."),
        click.option("--quad-class", type=click.IntRange(1, 4), default=None, help="QuadClass 1-4."),
        click.option("--modality", type=click.Choice(MODALITIES), default=None),
        click.option("--since", default=None, metavar="DATE", callback=_date_bound,
                     help="Events on or after DATE (YYYY-MM-DD)."),
        click.option("--until", default=None, metavar="DATE", callback=_date_bound,
                     help="Events on or before DATE (YYYY-MM-DD), not before --since."),
        click.option("--doc", "doc_id", default=None, metavar="ID", help="Events of one document."),
        click.option("--source", default=None, metavar="TEXT",
                     help="Substring of the attribution (selon ...) or of the document source."),
        click.option("--text", default=None, metavar="TEXT", help="Substring of the sentence or event text."),
        click.option("--min-sources", type=click.IntRange(1, MAX_ROWS), default=None, metavar="N",
                     help="Only events whose cluster was reported by at least N distinct sources."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _plover_type(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback: ``value`` upper-cased when it is one of the 16 PLOVER event types (codes.PLOVER_TYPES),
    else a usage error listing them."""
    if value is None:
        return None
    upper = value.strip().upper()
    if upper not in PLOVER_TYPES:
        raise click.BadParameter(f"{value!r} is not a PLOVER event type; expected one of "
                                 f"{', '.join(PLOVER_TYPES)} (any case)")
    return upper


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback: ``value`` when it is a calendar date ``YYYY-MM-DD`` (as the store reads ``--since`` and
    ``--until``), else a usage error (exit status 2) naming the option and saying what is expected."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; expected YYYY-MM-DD, e.g. 2024-01-31") from None


def _date_bound(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback for ``--since`` and ``--until``: as :func:`_iso_date`, and a usage error when ``--until``
    is before ``--since`` (an inverted range matches nothing, which reads as "no events"), whichever of the
    two options comes last on the command line."""
    day = _iso_date(ctx, param, value)
    other = ctx.params.get("until" if param.name == "since" else "since")
    if day is not None and other is not None:
        since, until = (day, other) if param.name == "since" else (other, day)
        if until < since:
            raise click.BadParameter(f"--until {until} is before --since {since}; the range would match nothing")
    return day


def _cameo_prefix(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback: ``value`` stripped when it is a CAMEO code prefix (1 to 4 digits: 04, 042, 0421), else a
    usage error saying what is expected (as the web explorer's 422)."""
    if value is None:
        return None
    prefix = value.strip()
    if not (prefix.isascii() and prefix.isdigit() and len(prefix) <= 4):
        raise click.BadParameter(f"{value!r} is not a CAMEO code prefix; expected 1 to 4 digits, e.g. 04 or 042")
    return prefix


def _actor_code(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Click callback: an actor code or country name as the store's shorthand (newsevents.names:
    "France" -> FRA); a usage error saying what is expected otherwise. A resolved name is echoed on stderr."""
    if value is None:
        return None
    from .names import ActorNameError, resolve_actor

    try:
        code = resolve_actor(value)
    except ActorNameError as exc:
        raise click.BadParameter(str(exc)) from None
    if code != value.strip().upper():
        click.echo(f"note: --{param.name} {value!r} read as {code}", err=True)
    return code
