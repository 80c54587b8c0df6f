"""``lotsen referrals``: check a directory, try suggestions, measure them on labelled chats.

Every failure is one clear line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import NoReturn

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from lotsen.cli.words import said, t
from referrals import (
    Conversation,
    Directory,
    DirectoryError,
    SuggestionEngine,
    load_directory,
)
from referrals.evaluation import EvaluationReport, evaluate, read_labelled_cases
from referrals.lexicon import URGENT_KINDS

app = typer.Typer(
    help=t("help.referrals"),
    no_args_is_help=True,
)

DirectoryOption = typer.Option(
    None,
    "--directory",
    "-d",
    help=t("help.referrals.directory"),
    dir_okay=False,
)


def _fail(message: str) -> NoReturn:
    typer.secho(t("error", message=message), fg=typer.colors.RED, err=True)
    raise typer.Exit(2)


def _load(path: Path | None, *, extend: bool = True) -> Directory:
    try:
        return load_directory(path, extend=extend)
    except DirectoryError as error:
        for problem in error.problems:
            typer.secho(t("error", message=problem.phrase), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from None


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        _fail(t("referrals.not_found", path=path))
    except (OSError, UnicodeDecodeError) as error:
        _fail(t("referrals.unreadable", path=path, problem=error))
    except json.JSONDecodeError as error:
        _fail(t("referrals.bad_json", path=path, line=error.lineno, problem=error.msg))


@app.command("check", help=t("help.referrals.check"))
def check(
    file: Path = typer.Argument(None, help=t("help.referrals.file"), dir_okay=False),
    alone: bool = typer.Option(False, "--alone", help=t("help.referrals.alone")),
    today: str = typer.Option(None, "--today", help=t("help.referrals.today")),
) -> None:
    """Validate a directory file; list entries past their review date and example entries."""
    try:
        as_of = date.fromisoformat(today) if today else date.today()
    except ValueError:
        _fail(t("referrals.bad_today", today=today))
    directory = _load(file, extend=not alone)
    scopes = {
        scope: sum(1 for s in directory if s.scope == scope)
        for scope in ("national", "regional", "local")
    }
    where = str(file) if file else t("referrals.default")
    typer.echo(t("referrals.ok", where=where, count=len(directory), **scopes))
    for service in directory.stale(as_of):
        kind = t("referrals.stale_example" if service.is_example else "referrals.stale_contact")
        typer.echo(t("referrals.stale", id=service.id, due=service.review_due.isoformat(),
                     kind=kind, origin=service.origin))


@app.command("suggest", help=t("help.referrals.suggest"))
def suggest(
    conversation_file: Path = typer.Argument(
        ...,
        metavar="CONVERSATION.json",
        help=t("help.referrals.conversation"),
        dir_okay=False,
    ),
    directory: Path = DirectoryOption,
    top: int = typer.Option(5, "--top", "-n", min=1, max=50, help=t("help.referrals.top")),
) -> None:
    """Print the urgency verdict and the best-fitting services for a conversation, as JSON."""
    data = _read_json(conversation_file)
    try:
        conversation = Conversation.from_dict(data)  # type: ignore[arg-type]
    except ValueError as error:
        _fail(f"{conversation_file}: {said(error)}")
    engine = SuggestionEngine(_load(directory))
    result = engine.suggest(conversation, top=top)
    typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))


@app.command("eval", help=t("help.referrals.eval"))
def evaluate_command(
    labelled: Path = typer.Argument(
        ...,
        metavar="LABELLED.jsonl",
        help=t("help.referrals.labelled"),
        dir_okay=False,
    ),
    directory: Path = DirectoryOption,
    figures_only: bool = typer.Option(
        False,
        "--figures-only",
        help=t("help.referrals.figures_only"),
    ),
) -> None:
    """Print top-3 hit rate, urgent recall and precision, the confusion of urgent kinds, and
    the cases missed."""
    try:
        cases = read_labelled_cases(labelled)
    except FileNotFoundError:
        _fail(t("referrals.not_found", path=labelled))
    except (OSError, UnicodeDecodeError) as error:
        _fail(t("referrals.unreadable", path=labelled, problem=error))
    except ValueError as error:
        _fail(said(error))
    if not cases:
        _fail(t("referrals.no_cases", path=labelled))
    report = evaluate(SuggestionEngine(_load(directory)), cases)

    scored = [r for r in report.results if r.case.expect_top3_any]
    expected_urgent = [r for r in report.results if r.case.urgent]
    flagged = [r for r in report.results if r.urgent]
    table = Table(box=box.SIMPLE, title=t("referrals.title", path=labelled, count=report.cases),
                  title_justify="left")
    table.add_column(t("referrals.col.metric"))
    table.add_column(t("referrals.col.value"), justify="right")
    table.add_column(t("referrals.col.count"), justify="right")
    table.add_row(
        t("referrals.top3"),
        f"{report.top3_hit_rate:.1%}",
        f"{sum(r.hit for r in scored)}/{len(scored)}",
    )
    table.add_row(
        t("referrals.recall"),
        f"{report.urgent_recall:.1%}",
        f"{sum(r.urgent for r in expected_urgent)}/{len(expected_urgent)}",
    )
    table.add_row(
        t("referrals.precision"),
        f"{report.urgent_precision:.1%}",
        f"{sum(r.case.urgent for r in flagged)}/{len(flagged)}",
    )
    hard_flagged, hard = report.hard_negatives_flagged
    if hard:
        table.add_row(
            t("referrals.hard"), f"{hard_flagged / hard:.1%}", f"{hard_flagged}/{hard}"
        )
    console = Console(width=160, soft_wrap=True, highlight=False)
    console.print(table)
    console.print(_confusion_table(report))
    if figures_only:
        return
    misses = report.misses
    typer.echo(t("referrals.misses", count=len(misses)))
    for result in misses:
        problems = []
        if not result.hit:
            expected = ",".join(result.case.expect_top3_any)
            problems.append(t("referrals.miss_top3", found=",".join(result.top3) or "-",
                              expected=expected))
        if not result.urgent_correct:
            reasons = "; ".join(result.urgent_reasons) or t("referrals.no_reasons")
            problems.append(t("referrals.miss_urgent", found=result.urgent,
                              expected=result.case.urgent, reasons=reasons))
        typer.echo(t("referrals.miss", name=result.case.name, problems=" | ".join(problems)))


def _confusion_table(report: EvaluationReport) -> Table:
    """Rows: the labelled kind; columns: the engine's first kind ("none": not urgent)."""
    confusion = report.confusion()
    expected = sorted({e for e, _ in confusion}, key=_kind_order)
    found = sorted({g for _, g in confusion}, key=_kind_order)
    table = Table(box=box.SIMPLE, title=t("referrals.confusion"), title_justify="left")
    table.add_column(t("referrals.col.labelled"))
    for kind in found:
        table.add_column(kind, justify="right")
    for kind in expected:
        table.add_row(kind, *(str(confusion.get((kind, g), 0) or ".") for g in found))
    return table


def _kind_order(kind: str) -> tuple[int, str]:
    order = [*URGENT_KINDS, "urgent", "none"]
    return (order.index(kind), kind) if kind in order else (len(order), kind)
