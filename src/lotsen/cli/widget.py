"""``lotsen widget``: the embed tag for a municipality's web page."""

from __future__ import annotations

import html
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import typer

from lotsen.cli.common import fail
from lotsen.cli.words import t
from relay.organisations import org_id_problem
from relay.protocol import LANGUAGES

app = typer.Typer(help=t("help.widget"), no_args_is_help=True)



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
        fail(t("widget.bad_url", url=url))
    if parts.query or parts.fragment:
        fail(t("widget.url_extra"))
    return url.rstrip("/")


def _served(url: str) -> bytes:
    try:
        with urllib.request.urlopen(f"{url}/widget.js", timeout=10) as response:
            body: bytes = response.read()
            return body
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        fail(t("widget.fetch_failed", url=url, reason=reason))


@app.command(help=t("help.widget.snippet"))
def snippet(
    url: str = typer.Option("http://127.0.0.1:8765", "--url", help=t("help.widget.url")),
    lang: str = typer.Option(None, "--lang", help=t("help.widget.lang")),
    position: str = typer.Option(None, "--position", help=t("help.widget.position")),
    title: str = typer.Option(None, "--title", help=t("help.widget.title")),
    accent: str = typer.Option(None, "--accent", help=t("help.widget.accent")),
    exit_url: str = typer.Option(None, "--exit-url", help=t("help.widget.exit_url")),
    relay: str = typer.Option(None, "--relay", help=t("help.widget.relay")),
    verify: bool = typer.Option(False, "--verify", help=t("help.widget.verify")),
    no_integrity: bool = typer.Option(False, "--no-integrity",
                                      help=t("help.widget.no_integrity")),
    org: str = typer.Option(None, "--org", help=t("help.widget.org")),
) -> None:
    """Print the <script> tag to paste into the web page, with a subresource-integrity hash.

    The hash pins this version of the widget: run the command again after upgrading Lotsen.
    """
    base = _relay_url(url)
    if lang is not None and lang not in LANGUAGES:
        fail(t("widget.bad_lang", choices=", ".join(LANGUAGES)))
    if position is not None and position not in ("left", "right"):
        fail(t("widget.bad_position"))
    if accent is not None and not (accent.startswith("#") and len(accent) in (4, 7)
                                   and all(c in "0123456789abcdefABCDEF" for c in accent[1:])):
        fail(t("widget.bad_accent"))
    for name, value in (("--exit-url", exit_url), ("--relay", relay)):
        if value is not None and urlsplit(value).scheme not in ("http", "https"):
            fail(t("widget.bad_scheme", option=name))
    if org is not None and (problem := org_id_problem(org)):
        fail(t("widget.bad_org", problem=problem))
    source = widget_source()
    if verify and _served(base) != source:
        fail(t("widget.differs", url=base))
    typer.echo(embed_tag(base, source, integrity=not no_integrity, data={
        "org": org, "lang": lang, "position": position, "title": title, "accent": accent,
        "exit-url": exit_url, "relay": relay}))
    if base.startswith("http://") and not base.startswith(("http://127.", "http://localhost")):
        typer.secho(t("note", message=t("widget.https")), err=True, fg=typer.colors.YELLOW)
