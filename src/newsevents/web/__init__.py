"""The web explorer: browse, filter and chart the events of a store in a browser (``newsevents serve``).

:func:`create_app` builds the FastAPI application (HTML pages + JSON API); :func:`serve` runs it with uvicorn.
See ``docs/web.md``.
"""
from .app import create_app, serve

__all__ = ["create_app", "serve"]
