"""``python -m relay`` runs the ``lotsen`` CLI, as it always has.

This file is a program, not part of the relay library: ``import relay`` never loads it. It is the
one place under ``relay/`` allowed to start the composition root (``lotsen.cli``); the import
hygiene test names it in its allowlist.
"""

from lotsen.cli import main

main()
