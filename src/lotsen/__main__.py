"""``python -m lotsen`` runs the ``lotsen`` CLI."""

from lotsen.cli import main

main()
