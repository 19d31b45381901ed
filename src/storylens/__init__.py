"""storylens: read many outlets' versions of one story, show where they agree and conflict."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("storylens")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
