"""The visitor widget: static files the relay serves (``widget.js`` and the demo page)."""

from pathlib import Path

WIDGET_DIR = Path(__file__).resolve().parent


def asset(name: str) -> Path:
    """Path of a file shipped with the widget, e.g. ``asset("widget.js")``."""
    return WIDGET_DIR / name
