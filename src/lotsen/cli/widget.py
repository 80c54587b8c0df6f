"""``lotsen widget``: the embed tag for a municipality's web page."""

from __future__ import annotations

import html
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import typer

from lotsen.cli.common import fail
from relay.protocol import LANGUAGES

app = typer.Typer(help="The visitor widget: print the tag that embeds it.", no_args_is_help=True)



def widget_source() -> bytes:
    """The bytes the relay serves as /widget.js (the loader; it pins the panel by hash)."""
    from widget import asset

    return asset("widget.js").read_bytes()


def embed_tag(url: str, source: bytes, *, integrity: bool = True,
              data: dict[str, str | None] | None = None) -> str:
    """The <script> tag that embeds the widget served at ``url``, with its SRI hash."""
    from widget.build import sri

    attrs: list[tuple[str, str | None]] = [("src", f"{url}/widget.js")]
    if integrity:
        attrs += [("integrity", sri(source)), ("crossorigin", "anonymous")]
    attrs.append(("async", None))
    attrs += [(f"data-{name}", value) for name, value in (data or {}).items() if value]
    parts = [name if value is None else f'{name}="{html.escape(value, quote=True)}"'
             for name, value in attrs]
    return f"<script {' '.join(parts)}></script>"


def _relay_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        fail(f"--url {url!r} is not a web address like https://chat.example.se")
    if parts.query or parts.fragment:
        fail("--url takes the relay's address only, without ?query or #fragment")
    return url.rstrip("/")


def _served(url: str) -> bytes:
    try:
        with urllib.request.urlopen(f"{url}/widget.js", timeout=10) as response:
            body: bytes = response.read()
            return body
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        fail(f"cannot fetch {url}/widget.js ({reason}) — is the relay running there?")


@app.command()
def snippet(
    url: str = typer.Option("http://127.0.0.1:8765", "--url",
                            help="The relay's public address, as visitors' browsers reach it."),
    lang: str = typer.Option(None, "--lang", help="sv, en or nb (default: the page's language, "
                                                  "else sv)."),
    position: str = typer.Option(None, "--position", help="right (default) or left."),
    title: str = typer.Option(None, "--title", help="Launcher and panel title."),
    accent: str = typer.Option(None, "--accent", help="Accent colour like #1d5b79; white text "
                                                      "must be readable on it."),
    exit_url: str = typer.Option(None, "--exit-url",
                                 help="Where quick exit goes (default: https://www.google.com/)."),
    relay: str = typer.Option(None, "--relay", help="Websocket relay address, when it is not "
                                                    "where widget.js is served from."),
    verify: bool = typer.Option(False, "--verify",
                                help="Fetch URL/widget.js and check it matches this version."),
    no_integrity: bool = typer.Option(False, "--no-integrity",
                                      help="Leave out the SRI hash (not recommended)."),
) -> None:
    """Print the <script> tag to paste into the web page, with a subresource-integrity hash.

    The hash pins this version of the widget: run the command again after upgrading Lotsen.
    """
    base = _relay_url(url)
    if lang is not None and lang not in LANGUAGES:
        fail(f"--lang must be one of {', '.join(LANGUAGES)}")
    if position is not None and position not in ("left", "right"):
        fail("--position must be left or right")
    if accent is not None and not (accent.startswith("#") and len(accent) in (4, 7)
                                   and all(c in "0123456789abcdefABCDEF" for c in accent[1:])):
        fail("--accent must be a hex colour like #1d5b79")
    for name, value in (("--exit-url", exit_url), ("--relay", relay)):
        if value is not None and urlsplit(value).scheme not in ("http", "https"):
            fail(f"{name} must start with https:// (or http:// for local testing)")
    source = widget_source()
    if verify and _served(base) != source:
        fail(f"{base}/widget.js differs from this Lotsen version's widget; upgrade the relay "
             "or this CLI so both match, then run the command again")
    typer.echo(embed_tag(base, source, integrity=not no_integrity, data={
        "lang": lang, "position": position, "title": title, "accent": accent,
        "exit-url": exit_url, "relay": relay}))
    if base.startswith("http://") and not base.startswith(("http://127.", "http://localhost")):
        typer.secho("note: visitors should reach the relay over https://", err=True,
                    fg=typer.colors.YELLOW)
