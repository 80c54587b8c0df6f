"""``lotsen report`` from the generated month: the same figures as ``lotsen stats --format json``,
small numbers hidden, every word in sv/en/nb, and a year's report under 200 KB."""

from __future__ import annotations

import asyncio
import json
import re
import string
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figures.report import (
    ReportContext,
    hidden_in_group,
    hidden_in_table,
    previous_period,
    render_report,
)
from figures.report_text import TEXT
from figures.stats import Period, compute
from relay import protocol
from tests.ops.conftest import Cli
from tests.ops.month import TZ, write_month

MIN = 5


@pytest.fixture
def month_db(tmp_path: Path) -> Path:
    database = tmp_path / "month.db"
    asyncio.run(write_month(database))
    return database


class Figures(HTMLParser):
    """Every element that carries ``data-figure``: its path, value (None if hidden) and text."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, Any]] = []
        self.open: list[dict[str, Any]] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang") or ""
        if "data-figure" in a:
            item = {"path": a["data-figure"], "value": a.get("data-value"),
                    "hidden": "data-hidden" in a, "tag": tag, "text": ""}
            self.found.append(item)
            if tag in ("span", "td", "text"):
                self.open.append(item)

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1]["tag"] == tag:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for item in self.open:
            item["text"] += data


def parse(html: str) -> Figures:
    parser = Figures()
    parser.feed(html)
    return parser


def resolve(data: Any, path: str) -> Any:
    for part in path.split("."):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


def report(cli: Cli, tmp_path: Path, database: Path, *args: str) -> str:
    out = tmp_path / "report.html"
    result = cli("report", "--db", database, "-o", out, *args)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def stats_json(cli: Cli, database: Path, *args: str) -> dict[str, Any]:
    result = cli("stats", "--format", "json", "--db", database, *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)  # type: ignore[no-any-return]


def test_every_figure_equals_lotsen_stats_json(cli: Cli, tmp_path: Path, month_db: Path) -> None:
    """Each number the report draws or writes is the one ``lotsen stats --format json`` gives
    for the month (and for February, the period before); hidden ones are exactly the small."""
    html = report(cli, tmp_path, month_db, "--month", "2026-03")
    now = stats_json(cli, month_db, "--month", "2026-03")
    before = stats_json(cli, month_db, "--month", "2026-02")
    found = parse(html).found
    assert len(found) > 400
    seen = set()
    for item in found:
        path = item["path"]
        source = before if path.startswith("previous:") else now
        expected = resolve(source, path.removeprefix("previous:"))
        seen.add(path)
        if item["hidden"]:
            assert item["value"] is None  # the exact figure is not in the file
            continue
        if expected is None:
            assert item["value"] == "", path
        else:
            assert float(item["value"]) == expected, path
    # Every figure of the month's charts is there.
    required = {f"totals.{k}" for k in ("conversations", "answered", "abandoned",
                                        "closed_visits")}
    required |= {f"previous:totals.{k}" for k in ("conversations", "answered", "abandoned",
                                                  "closed_visits")}
    required |= {f"by_weekday_hour.{m}.{d}.{h}" for m in ("conversations", "closed_visits")
                 for d in range(7) for h in range(24)}
    required |= {f"weeks.{i}.{m}" for i in range(len(now["weeks"]))
                 for m in ("conversations", "answered", "abandoned")}
    required |= {f"who.{k}" for k in now["who"]} | {f"language.{k}" for k in now["language"]}
    required |= {f"feedback.{k}" for k in now["feedback"]}
    required |= {f"tags.{k}" for k in now["tags"]} | {f"referrals.{k}" for k in now["referrals"]}
    required |= {f"waits_by_hour.{i}.{m}" for i in range(len(now["waits_by_hour"]))
                 for m in ("answered", "abandoned", "median", "p90")}
    required |= {"wait_s.median", "wait_s.p90", "previous:wait_s.median"}
    required |= {f"triage.{k}" for k in now["triage"]}  # staff's triage answers at close
    assert required <= seen, sorted(required - seen)
    # Spot checks against the hand-counted month (tests/ops/test_stats.py).
    values = {i["path"]: i["value"] for i in found if not i["hidden"]}
    assert values["totals.conversations"] == "38" and values["who.relative"] == "22"
    assert values["by_weekday_hour.conversations.0.12"] == "5"
    assert values["waits_by_hour.3.median"] == "600"
    # Referrals by the directory's name; an id it does not know ("1177") stays an id.
    assert "Anhörigstöd (exempel)" in html and ">1177<" in html


def test_small_numbers_read_less_than_the_threshold_and_get_no_percentage(
        cli: Cli, tmp_path: Path, month_db: Path) -> None:
    """Below ``[report] min_count`` a count reads "< 5" with no percentage; a lone hidden count
    in a published total hides the next smallest too; min_count = 1 shows everything."""
    html = report(cli, tmp_path, month_db, "--month", "2026-03")
    now = stats_json(cli, month_db, "--month", "2026-03")
    found = parse(html).found
    hidden = {i["path"] for i in found if i["hidden"]}
    for item in found:
        path = item["path"]
        if path.startswith("previous:") or path.endswith(("median", "p90")):
            continue
        value = resolve(now, path)
        if 0 < value < MIN:
            assert item["hidden"], f"{path} = {value} is shown"
    assert {"who.child", "who.professional", "who.unknown", "language.nb",
            "totals.abandoned"} <= hidden
    # Feedback: only "no" (2) is small, so "did not answer" (13) is hidden with it.
    assert {"feedback.no", "feedback.none"} <= hidden and "feedback.yes" not in hidden
    spans = [i["text"] for i in found if i["path"] == "who.child" and i["text"]]
    assert spans == [] or all(t == "<\u00a05" for t in spans)
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    assert "<\u00a05" in text and not re.search(r"<\u00a05\s*\(\d+", text)
    # Week 10: 8 started, 7 answered, 1 left; the bar's label (8) would give the 1 away, so the
    # 7 is hidden too ("×" in the legend's words).
    assert {"weeks.1.abandoned", "weeks.1.answered"} <= hidden
    assert "weeks.1.conversations" not in hidden
    assert "×" in text
    # Waits of fewer than 5 conversations (hours 00 and 03) are not shown.
    assert {"waits_by_hour.0.median", "waits_by_hour.1.p90"} <= hidden

    config = tmp_path / "lotsen.toml"
    config.write_text("[report]\nmin_count = 1\n", encoding="utf-8")
    everything = parse(report(cli, tmp_path, month_db, "--month", "2026-03", "--config",
                              str(config))).found
    assert not [i for i in everything if i["hidden"]]
    assert "4 (11\u00a0%)" in report(cli, tmp_path, month_db, "--month", "2026-03",
                                     "--config", str(config))


def test_hidden_in_table_hides_until_no_row_or_column_has_a_lone_hidden_count() -> None:
    """Rows and columns with published totals: a lone hidden count is never left in either."""
    # The last column holds a lone 1 among zeros: a zero is hidden with it.
    assert hidden_in_table([[7, 1, 0], [7, 1, 0], [8, 0, 1]], 5) == {
        (0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 2), (0, 2)}
    assert hidden_in_table([[9, 9], [9, 9]], 5) == set()
    table = [[20, 3, 0], [15, 0, 0], [12, 6, 2]]
    hidden = hidden_in_table(table, 5)
    for line in [*([(r, c) for c in range(3)] for r in range(3)),
                 *([(r, c) for r in range(3)] for c in range(3))]:
        assert len([cell for cell in line if cell in hidden]) != 1


def test_hidden_in_group_hides_the_next_smallest_of_a_lone_small_count() -> None:
    """The complementary rule: one small count in a group hides the next smallest as well."""
    assert hidden_in_group([22, 0, 2, 13], 5) == {2, 3}
    assert hidden_in_group([9, 22, 4, 2, 1], 5) == {2, 3, 4}
    assert hidden_in_group([9, 22, 0], 5) == set()
    assert hidden_in_group([3], 5) == {0}


@pytest.mark.parametrize(("lang", "heading", "foreign"), [
    ("sv", "Efterfrågan per veckodag och timme", "Demand by weekday"),
    ("en", "Demand by weekday and hour", "Efterfrågan"),
    ("nb", "Etterspørsel per ukedag og time", "Efterfrågan"),
])
def test_the_report_speaks_sv_en_and_nb(cli: Cli, tmp_path: Path, month_db: Path, lang: str,
                                        heading: str, foreign: str) -> None:
    """``--lang`` picks the catalog: headings, captions, weekdays and months in that language."""
    html = report(cli, tmp_path, month_db, "--month", "2026-03", "--lang", lang)
    assert parse(html).lang == lang
    assert heading in html and foreign not in html
    month = {"sv": "mars 2026", "en": "March 2026", "nb": "mars 2026"}[lang]
    assert f"<title>Lotsen – {'evaluation' if lang == 'en' else 'utvärdering' if lang == 'sv' else 'evaluering'} {month}</title>" in html  # noqa: E501
    for key in ("method.never", "demand.legend", "weeks.compare"):
        assert TEXT[key][("sv", "en", "nb").index(lang)].split(":")[0] in html


def test_captions_state_the_findings_computed_from_the_month(cli: Cli, tmp_path: Path,
                                                             month_db: Path) -> None:
    """Each chart's caption says what the figures show, in words, with small counts hidden."""
    html = report(cli, tmp_path, month_db, "--month", "2026-03", "--lang", "en")
    text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))
    for finding in (
        "22% of attempts to reach the chat came while it was closed (11 of 49).",
        "Most attempts outside opening hours came on Saturdays, at 10–11.",
        "Most conversations started on Mondays at 12–13.",
        # February had one conversation: a count below 5, so no difference is stated.
        "38 conversations started. 87% were answered. The busiest week was week 13 (9).",
        "Half of those answered waited 2 min or less; 9 in 10 at most 10 min.",
        "< 5 of 38 left before they were answered.",
        "The longest waits (median) were for chats started at 13–14.",
        "Most who wrote were relatives (58%).",
        "Most common language: Swedish (63%).",
        "The most common topic: alcohol (82% of conversations).",
        "Staff referred most often to Support for relatives (example) (22 conversations).",
        "22 said yes, it helped.",  # "no" is 2: how many answered would reveal it
        "0 questions were asked outside opening hours.",  # counted now, none in the month
        "A conversation's text is deleted 30 days after it closed.",
    ):
        assert finding in text, finding  # (the \s+ above made no-break spaces plain)


def test_the_service_language_is_the_default(cli: Cli, tmp_path: Path, month_db: Path) -> None:
    """Without ``--lang`` the report is in ``[chat] default_language``."""
    config = tmp_path / "lotsen.toml"
    config.write_text('[chat]\ndefault_language = "nb"\n', encoding="utf-8")
    html = report(cli, tmp_path, month_db, "--month", "2026-03", "--config", str(config))
    assert parse(html).lang == "nb" and "Slik telles tallene" in html


def test_every_catalog_entry_has_three_languages_with_the_same_placeholders() -> None:
    """No key is missing a language or a placeholder another language uses."""
    fields = string.Formatter()
    for key, texts in TEXT.items():
        assert len(texts) == 3 and all(t or key == "weeks.col.figure" for t in texts), key
        names = [{f for _, f, _, _ in fields.parse(t) if f} for t in texts]
        assert names[0] == names[1] == names[2], key


def test_cli_errors_are_one_line(cli: Cli, tmp_path: Path, month_db: Path) -> None:
    """A bad language, an organisation on a one-service relay, a missing database or folder:
    one clear line, exit 2, no file written."""
    out = tmp_path / "r.html"
    cases = [
        (["--lang", "de"], "--lang must be one of sv, en, nb"),
        (["--org", "kommun-a"], "no organisations configured"),
        (["--month", "March"], "not a month like 2026-03"),
        (["--month", "2026-03", "--since", "2026-03-01"], "either --month or --since"),
    ]
    for args, message in cases:
        result = cli("report", "--db", month_db, "-o", out, *args)
        assert result.exit_code == 2 and message in result.output, result.output
        assert "Traceback" not in result.output
    missing = cli("report", "--db", tmp_path / "none.db", "-o", out)
    assert missing.exit_code == 2 and "no database" in missing.output
    nowhere = cli("report", "--db", month_db, "-o", tmp_path / "no" / "r.html")
    assert nowhere.exit_code == 2 and "does not exist" in nowhere.output
    assert not out.exists()


def test_previous_period_is_the_month_or_as_many_days_before() -> None:
    """A whole month compares with the month before; other periods with as many days."""
    assert previous_period(Period.month(2026, 3, TZ)) == Period.month(2026, 2, TZ)
    assert previous_period(Period.month(2026, 1, TZ)) == Period.month(2025, 12, TZ)
    week = Period(date(2026, 3, 2), date(2026, 3, 8), TZ)
    assert previous_period(week) == Period(date(2026, 2, 23), date(2026, 3, 1), TZ)


# -- a year, for the size budget ------------------------------------------------------------


@dataclass
class Record:
    created_at: float
    claimed_at: float | None
    closed_at: float | None
    closed_by: str | None = "staff"
    state: str = "closed"
    lang: str | None = "sv"
    role: str | None = "relative"
    outcome_role: str | None = None
    tags: list[str] = field(default_factory=list)
    referrals: list[str] = field(default_factory=list)
    feedback: str | None = None
    triage_feedback: str | None = None
    urgent: bool = False
    visitor_lines: int = 5
    staff_lines: int = 5


def year_figures(year: int = 2026) -> tuple[protocol.StatsFigures, protocol.StatsFigures]:
    """A busy year (every hour of every day has chats, 40 tags, 40 referrals): the largest
    report a year can make."""
    records, visits = [], []
    day = date(year, 1, 1)
    n = 0
    while day.year == year:
        for hour in range(24):
            n += 1
            start = datetime(day.year, day.month, day.day, hour, 5, tzinfo=TZ).timestamp()
            answered = n % 7 != 0
            records.append(Record(
                start, start + 60 * (n % 13) if answered else None,
                start + 900, role=("self", "relative", "child", "professional")[n % 4],
                lang=("sv", "en", "nb")[n % 3], tags=[f"topic-{n % 40}"],
                referrals=[f"service-{n % 40}"], feedback=("yes", "no", None)[n % 3]))
            visits.append((f"{day.isoformat()}T{hour:02d}", n % 9))
        day += timedelta(days=1)
    period = Period(date(year, 1, 1), date(year, 12, 31), TZ)
    now = compute(records, visits, period).to_dict()
    before = compute(records, visits, previous_period(period)).to_dict()
    return now, before


def test_a_years_report_stays_under_200_kb(cli: Cli, tmp_path: Path, month_db: Path) -> None:
    """The busiest possible year and the generated month both stay far below 200 KB."""
    now, before = year_figures()
    html = render_report(now, before, ReportContext(lang="sv"), date(2027, 1, 2))
    year_kb = len(html.encode()) / 1024
    month_kb = len(report(cli, tmp_path, month_db, "--month", "2026-03").encode()) / 1024
    print(f"\nreport size: month {month_kb:.0f} KB, year {year_kb:.0f} KB")
    assert year_kb < 200 and month_kb < 200
    found = parse(html).found
    assert len([i for i in found if i["path"].startswith("weeks.")]) == 53 * 3
    assert not re.search(r"<script|https?://(?!www\.w3\.org/2000/svg)", html)


# -- any figures ------------------------------------------------------------------------------


MARCH_START = datetime(2026, 3, 1, tzinfo=TZ).timestamp()
records_strategy = st.lists(st.builds(
    Record,
    created_at=st.floats(MARCH_START - 86400 * 40, MARCH_START + 86400 * 31),
    claimed_at=st.none(),
    closed_at=st.none(),
    role=st.sampled_from(["self", "relative", "child", "professional", None]),
    lang=st.sampled_from(["sv", "en", "nb", None]),
    tags=st.lists(st.sampled_from(["alcohol", "drugs", "<i>x</i>", "gambling"]), max_size=2),
    referrals=st.lists(st.sampled_from(["local-anhorigstod", "1177", "a&b"]), max_size=2),
    feedback=st.sampled_from(["yes", "partly", "no", None]),
), max_size=60)


@settings(max_examples=25, deadline=None)
@given(records=records_strategy, waits=st.lists(st.integers(0, 4000), min_size=60, max_size=60),
       visits=st.lists(st.tuples(st.integers(0, 30 * 24), st.integers(1, 9)), max_size=20),
       min_count=st.integers(1, 10), lang=st.sampled_from(["sv", "en", "nb"]))
def test_any_figures_render_and_never_show_a_small_count(
        records: list[Record], waits: list[int], visits: list[tuple[int, int]], min_count: int,
        lang: str) -> None:
    """Whatever the month held, the report renders, every count it shows is 0 or at least
    ``min_count``, and every shown figure is the stats figure."""
    for record, wait in zip(records, waits, strict=False):
        if wait % 5 == 0:  # still waiting
            record.state, record.closed_by = "queued", None
        elif wait % 3 == 0:  # left unanswered
            record.closed_at = record.created_at + wait
        else:
            record.claimed_at = record.created_at + wait
            record.closed_at = record.claimed_at + 300
    period = Period.month(2026, 3, TZ)
    hours = [(f"{(date(2026, 3, 1) + timedelta(hours=h)).isoformat()}T{h % 24:02d}", n)
             for h, n in visits]
    now = compute(records, hours, period).to_dict()
    before = compute(records, hours, previous_period(period)).to_dict()
    html = render_report(now, before, ReportContext(lang=lang, min_count=min_count),
                         date(2026, 4, 1))
    assert "<i>" not in html and "a&b" not in html  # tag and referral ids are escaped
    for item in parse(html).found:
        path = item["path"]
        source = before if path.startswith("previous:") else now
        expected = resolve(source, path.removeprefix("previous:"))
        if item["hidden"]:
            assert item["value"] is None
        elif expected is None:
            assert item["value"] == ""
        else:
            assert float(item["value"]) == expected
            if not path.endswith(("median", "p90")):
                assert expected == 0 or expected >= min_count, path


def test_triage_checks_and_questions_are_drawn_once_the_stats_carry_them() -> None:
    """Without them the page says "no data yet"; with them (the shapes ``lotsen stats`` gives
    them: ``triage`` answers at close, ``questions`` outside hours) each count is drawn under
    its path in the stats JSON, small ones hidden, with a finding in words."""
    now, before = year_figures()
    context = ReportContext(lang="en")
    missing = "No data yet: this version of Lotsen does not count this."
    # lotsen stats counts triage answers (none in this year), not yet questions.
    html = render_report(now, before, context, date(2027, 1, 2))
    assert html.count(missing) == 1 and "No staff member answered the question." in html
    del now["triage"]
    assert render_report(now, before, context, date(2027, 1, 2)).count(missing) == 2
    now["triage"] = {"right": 40, "should_be_urgent": 6, "should_not_be_urgent": 10,
                     "none": 8}
    now["questions"] = {"asked": 12, "answered": 10, "read": 6, "share_read": 0.6,
                        "first_answer_s": {"median": 7200.0, "p90": 30000.0},
                        "by_weekday": [2, 2, 2, 2, 2, 2, 0],
                        "by_hour": [0] * 19 + [5, 2, 5, 0, 0], "who": {}, "language": {},
                        "tags": {}}
    html = render_report(now, before, context, date(2027, 1, 2))
    assert missing not in html
    found = {i["path"]: i for i in parse(html).found}
    assert found["triage.right"]["value"] == "40" and found["triage.none"]["value"] == "8"
    # 2 at 20-21 is small; the first 5 (19-20) is hidden with it, as the total is written.
    assert found["questions.by_hour.21"]["value"] == "5"
    assert found["questions.by_hour.19"]["hidden"] and found["questions.by_hour.20"]["hidden"]
    assert found["questions.asked"]["value"] == "12"
    text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))
    assert "Staff said the triage was wrong in 16 of 56 answers (29%)." in text
    assert ("12 questions were asked outside opening hours. 83% were answered. The first "
            "answer came after 2 h 0 min (median; 9 in 10 within 8 h 20 min). 60% of the "
            "answers were read by the person who asked.") in text
    # One small answer count: the share of wrong triage would give it (or its partner) away.
    now["triage"]["none"] = 3
    html = render_report(now, before, context, date(2027, 1, 2))
    assert "Staff said the triage was wrong" not in html
    assert "Some answers are too few to show, so no share is given." in html
