"""``python -m storylens``: the same as the ``storylens`` command."""

from storylens.cli import main

if __name__ == "__main__":
    main()
