"""``python -m cfbu_toolkit``: the ``cfbu`` command, for when the script is not on PATH."""

from .cli import main

main()
