"""Lotsen staff console: a Textual app where therapists answer visitors."""
