"""``python -m relay`` runs the ``lotsen`` CLI."""

from relay.cli import main

main()
