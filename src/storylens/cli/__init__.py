"""The command line: a thin layer over :mod:`storylens.pipeline` (see ``app.py``)."""

from storylens.cli.app import app, main

__all__ = ["app", "main"]
