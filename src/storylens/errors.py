"""Every exception storylens raises on purpose, and the one-line fix for each.

The tree::

    StorylensError                 base class: catch this to catch them all
    ├── InputError                 an input that cannot be analysed (skipped, reported)
    │   ├── UnreadableInput        missing, unreadable, a loop, a directory we cannot list
    │   ├── UnsupportedInput       an extension or a JSON shape storylens does not read
    │   ├── EmptyInput             nothing left to analyse after reading and cleaning
    │   └── TooLargeInput          over the size cap (see ``ingest.limits``)
    ├── NoInputError               no readable input at all in a run
    ├── ModelError                 a bundled model is missing or broken (reinstall)
    └── SchemaError                output that does not match the JSON contract (a bug)

Library code raises these; only ``storylens.cli`` turns them into messages and exit codes.
An ``InputError`` never stops a run: the input is reported under ``skipped`` and the
rest goes on.
"""

from __future__ import annotations

__all__ = [
    "EmptyInput",
    "InputError",
    "ModelError",
    "NoInputError",
    "SchemaError",
    "StorylensError",
    "TooLargeInput",
    "UnreadableInput",
    "UnsupportedInput",
]


class StorylensError(Exception):
    """Base class of every storylens error; ``fix`` says what to do about it."""

    fix: str = ""

    def __init__(self, message: str, *, fix: str | None = None) -> None:
        super().__init__(message)
        if fix is not None:
            self.fix = fix

    def __str__(self) -> str:
        message = super().__str__()
        return f"{message}: {self.fix}" if self.fix else message


class InputError(StorylensError):
    """An input that cannot be analysed; it is skipped with this reason."""


class UnreadableInput(InputError):
    fix = "check the path exists and is readable"


class UnsupportedInput(InputError):
    fix = "give text, HTML, or JSON records as in docs/json-contract.md"


class EmptyInput(InputError):
    fix = "remove it, or give it article text"


class TooLargeInput(InputError):
    fix = "split it (size caps: storylens/ingest/limits.py)"


class NoInputError(StorylensError):
    fix = "give at least one readable .txt, .html, .json or .jsonl file or directory"


class ModelError(StorylensError):
    fix = "reinstall with 'make demo' or 'pip install -e .' to restore the bundled models"


class SchemaError(StorylensError):
    fix = "this is a storylens bug; please report it with the input that caused it"
