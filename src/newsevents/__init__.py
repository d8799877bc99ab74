"""newsevents: political event data from news text (French first).

Public API::

    from newsevents import Pipeline, Article
    pipeline = Pipeline("fr")
    for result in pipeline.process([Article(id="a1", text="...", published="2024-01-21")]):
        for event in result.events:
            print(event.to_dict())
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "Pipeline", "Article", "Event", "DocumentResult"]


def __getattr__(name: str):  # lazy: importing the package loads no model
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    if name in ("Article", "Event", "DocumentResult"):
        from . import records

        return getattr(records, name)
    raise AttributeError(name)
