"""Lotsen relay: the websocket server between anonymous visitors and staff.

Importing this package is cheap on purpose: ``relay.protocol`` is shared with the console, so
nothing here may import the server, storage or any UI.
"""

__version__ = "0.1.0"
