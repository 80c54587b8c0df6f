"""Lotsen's composition root: the ``lotsen`` command line (``lotsen.cli``) puts the relay, the
console, the referral engine and the widget together. Nothing below it imports it.
"""
