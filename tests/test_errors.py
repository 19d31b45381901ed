"""The exception tree: __all__ is complete and every error carries a fix."""

from __future__ import annotations

import inspect

from storylens import errors


def test_all_lists_every_exception() -> None:
    defined = {
        name
        for name, obj in inspect.getmembers(errors, inspect.isclass)
        if issubclass(obj, Exception) and obj.__module__ == errors.__name__
    }
    assert defined == set(errors.__all__)


def test_tree_in_docstring_names_every_exception() -> None:
    for name in errors.__all__:
        assert name in (errors.__doc__ or ""), name


def test_every_error_says_how_to_fix_it() -> None:
    for name in errors.__all__:
        cls = getattr(errors, name)
        if cls not in (errors.StorylensError, errors.InputError):
            assert cls.fix, name
            assert cls.fix in str(cls("something happened"))
