"""``lotsen report``: the evaluation report as one self-contained HTML file, ready to print.

The figures are those of ``lotsen stats --format json`` for the same period (and the period
before, for the comparison); ``figures.report`` draws them. This module reads the command line,
loads both periods from the database and writes the file.
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import typer

from figures.report import ReportContext, previous_period, render_report
from figures.stats import load_statistics
from lotsen.cli import app
from lotsen.cli.common import (
    ConfigOption,
    DbOption,
    OrgOption,
    fail,
    for_org,
    load,
    require_database,
    with_storage,
)
from lotsen.cli.stats import period_from_options
from lotsen.cli.words import t
from relay.config import RelayConfig
from relay.protocol import LANGUAGES, StatsFigures
from relay.questions import load_question_figures
from relay.storage.sqlite import SQLiteStorage


@app.command(help=t("help.report"))
def report(
    output: Path = typer.Option(..., "--output", "-o", help=t("help.report.output"),
                                dir_okay=False),
    month: str = typer.Option(None, help=t("help.period.month")),
    since: str = typer.Option(None, help=t("help.period.since")),
    until: str = typer.Option(None, help=t("help.period.until")),
    org: str = OrgOption,
    lang: str = typer.Option(None, "--lang", help=t("help.report.lang")),
    db: str | None = DbOption,
    config: Path = ConfigOption,
) -> None:
    """Write the evaluation report (HTML, prints to A4): demand, waits, who writes, topics."""
    if lang is not None and lang not in LANGUAGES:
        fail(t("common.lang_one_of", choices=", ".join(LANGUAGES), lang=lang))
    # One organisation's figures, with its own hours, directory and retention.
    cfg = for_org(load(config, db), org)
    require_database(cfg)
    if output.parent and not output.parent.exists():
        fail(t("report.no_folder", folder=output.parent))
    period = period_from_options(since, until, month, cfg.hours, time.time())
    before = previous_period(period)

    async def act(storage: SQLiteStorage) -> tuple[StatsFigures, StatsFigures]:
        now = (await load_statistics(storage, period)).to_dict()
        then = (await load_statistics(storage, before)).to_dict()
        now["questions"] = await load_question_figures(storage, period)
        then["questions"] = await load_question_figures(storage, before)
        return now, then

    figures, previous = with_storage(cfg, act)
    context = ReportContext.from_config(cfg, lang, referral_ids=figures["referrals"])
    if cfg.organisations:  # a shared service: say whose figures these are
        context = replace(context, organisation=_name_of(cfg))
    html = render_report(figures, previous, context,
                         datetime.now(cfg.hours.timezone).date())
    try:
        output.write_text(html, encoding="utf-8")
    except OSError as exc:
        fail(t("common.cannot_write", path=output, reason=exc.strerror or exc))
    typer.echo(t("report.written", path=output, kb=len(html.encode("utf-8")) // 1024 + 1,
                 since=period.since.isoformat(), until=period.until.isoformat()))


def _name_of(cfg: RelayConfig) -> str:
    """The name of the organisation ``cfg`` is seen as (``for_org``)."""
    org = cfg.served().get(cfg.org)
    return org.name if org is not None else cfg.org
