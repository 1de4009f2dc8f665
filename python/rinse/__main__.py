"""``python -m rinse``: the ``rinse`` command."""

from rinse._cli import main

main()
