"""The referral directory: the services staff can guide a visitor on to, read from TOML.

One directory file ships with Lotsen (``default_directory.toml``); a municipality points its
config at its own file, which overrides default entries field by field (same ``id``), adds new
ones and can ``disable`` default ones. The format is documented in ``docs/referrals.md``.

Every problem is reported with the file, the line and the field, because the people who edit
these files are municipal staff, not programmers. ``tomllib`` reports positions only for syntax
errors, so the lines of keys are located in the file text here (``_Locator``).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any, Final, Protocol

from relay.protocol import LANGUAGES
from vocabulary.phrases import Phrase, PhrasedError, phrase

DEFAULT_DIRECTORY_NAME: Final = "default_directory.toml"
FORMAT_VERSION: Final = 1

"""Languages a name, an opening-hours text or a trigger list may be given in."""

CATEGORIES: Final[Mapping[str, str]] = {
    "emergency": "acute danger to life or health; ambulance, police, rescue",
    "suicide": "suicidal thoughts, suicide prevention, bereavement by suicide",
    "self_harm": "self-harm",
    "mental_health": "anxiety, depression, stress, sleep, feeling low",
    "loneliness": "someone to talk to",
    "psychiatry": "specialised psychiatric care, psychosis, bipolar disorder",
    "health_care": "primary health care and health advice",
    "alcohol": "alcohol",
    "drugs": "narcotics and other illegal drugs",
    "medicines": "dependence on prescribed medicines (benzodiazepines, opioids, sleeping pills)",
    "gambling": "gambling",
    "tobacco": "smoking, snus, nicotine",
    "addiction_treatment": "treatment and counselling for addiction",
    "peer_support": "self-help and peer groups (AA, NA, relatives' groups)",
    "relatives": "support for relatives and friends of someone with a problem",
    "children_of_parents": "children and young people whose parent has addiction or mental illness",
    "child_welfare": "a child at risk; concern reports (orosanmälan, bekymringsmelding)",
    "youth": "services for young people",
    "parenting": "parenting support and courses",
    "violence": "violence and threats, especially in close relationships",
    "crime": "crime seen or suffered; tip-offs to the police",
    "social_services": "the municipality's social services",
    "housing": "homelessness, eviction, housing",
    "debt": "debt, budget and money advice",
    "outreach": "outreach to people who do not seek help themselves",
}

AUDIENCES: Final = ("adult", "youth", "child", "relative", "professional")
CHANNELS: Final = ("phone", "chat", "sms", "email", "web", "app", "visit", "video", "group")
SCOPES: Final = ("national", "regional", "local")
VERIFICATION_LEVELS: Final = ("verified", "verified_secondary", "partial", "unverified", "example")

_TABLE_FIELDS: Final = ("name", "hours", "triggers")
_REQUIRED_FIELDS: Final = (
    "id",
    "name",
    "country",
    "categories",
    "audience",
    "anonymous",
    "source",
    "verified_at",
    "review_due",
)
_SERVICE_FIELDS: Final = frozenset(
    {
        *_REQUIRED_FIELDS,
        "scope",
        "phone",
        "url",
        "channels",
        "hours",
        "triggers",
        "verification",
        "note",
        "weight",
    }
)
_TOP_LEVEL_FIELDS: Final = frozenset({"format", "country", "disable", "service"})
_ID_PATTERN: Final = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
_PHONE_PATTERN: Final = re.compile(r"^\+?[0-9][0-9 \-]{1,20}$")
_COUNTRY_PATTERN: Final = re.compile(r"^[A-Z]{2}$")
ANY_COUNTRY: Final = "*"
"""A service's country for a service offered wherever the chat runs (the chat itself)."""


class DirectoryError(PhrasedError):
    """A directory file cannot be used; ``str()`` lists every problem, one per line (English;
    ``text(lang)`` in another language)."""

    def __init__(self, problems: list[DirectoryProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("directory.lines", lines=tuple(p.phrase for p in problems))


@dataclass(frozen=True, slots=True)
class DirectoryProblem:
    """One problem in a directory file, located as precisely as the file allows."""

    file: str
    line: int | None
    message: Phrase
    service_id: str | None = None
    field: str | None = None

    @property
    def phrase(self) -> Phrase:
        """Where, then what: 'town.toml:9: service "x": field "y": must be text'."""
        said = self.message
        if self.field:
            said = phrase("directory.at", where=phrase("directory.field", name=self.field),
                          message=said)
        if self.service_id:
            said = phrase("directory.at", where=phrase("directory.service", id=self.service_id),
                          message=said)
        where = f"{self.file}:{self.line}" if self.line else self.file
        return phrase("directory.at", where=where, message=said)

    def __str__(self) -> str:
        return str(self.phrase)


@dataclass(frozen=True, slots=True)
class Service:
    """One place a visitor can be guided to, with contact data and how it was verified."""

    id: str
    names: Mapping[str, str]
    scope: str
    country: str
    categories: tuple[str, ...]
    audience: tuple[str, ...]
    phone: str | None
    url: str | None
    channels: tuple[str, ...]
    hours: Mapping[str, str]
    anonymous: bool
    triggers: Mapping[str, tuple[str, ...]]
    source: str
    verification: str
    verified_at: date
    review_due: date
    note: str = ""
    weight: float = 1.0
    origin: str = ""
    """Where the entry was defined, as ``file:line``; for error messages and ``check``."""

    def __hash__(self) -> int:
        return hash(self.id)

    def name(self, lang: str | None = None) -> str:
        """The service's name in ``lang``, falling back to Swedish, Norwegian, then English."""
        for candidate in (lang, "sv", "nb", "en"):
            if candidate and candidate in self.names:
                return self.names[candidate]
        return self.id

    def hours_text(self, lang: str | None = None) -> str:
        """Opening hours in words in ``lang`` (same fallback as ``name``); empty if unknown."""
        for candidate in (lang, "sv", "nb", "en"):
            if candidate and candidate in self.hours:
                return self.hours[candidate]
        return ""

    @property
    def is_example(self) -> bool:
        """Whether this entry is a placeholder a municipality is expected to edit."""
        return self.verification == "example"

    def is_stale(self, today: date) -> bool:
        """Whether the entry is past its review date and must be re-checked before use."""
        return today > self.review_due


@dataclass(frozen=True, slots=True)
class Directory:
    """The services of a loaded directory, in file order, with lookup by id."""

    services: tuple[Service, ...]
    country: str = "SE"
    """The deployment's country: used when a conversation gives no hint of its own."""
    files: tuple[str, ...] = ()
    _by_id: Mapping[str, Service] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {service.id: service for service in self.services})

    def __iter__(self) -> Iterator[Service]:
        return iter(self.services)

    def __len__(self) -> int:
        return len(self.services)

    def __contains__(self, service_id: object) -> bool:
        return service_id in self._by_id

    def __getitem__(self, service_id: str) -> Service:
        return self._by_id[service_id]

    def get(self, service_id: str) -> Service | None:
        """The service with ``service_id``, or None."""
        return self._by_id.get(service_id)

    def stale(self, today: date) -> list[Service]:
        """Services past their review date on ``today``."""
        return [service for service in self.services if service.is_stale(today)]


# --- loading -------------------------------------------------------------------------------


def default_directory_text() -> str:
    """The text of the directory file shipped with Lotsen."""
    return resources.files("referrals").joinpath(DEFAULT_DIRECTORY_NAME).read_text("utf-8")


def load_directory(path: Path | None = None, *, extend: bool = True) -> Directory:
    """Load and validate a directory.

    ``path=None`` loads the shipped default. With a path and ``extend=True`` (the usual case for
    a municipality) the file is applied on top of the default: entries with an existing ``id``
    override the given fields, new ids are added, ``disable = [...]`` removes default entries.
    With ``extend=False`` the file is the whole directory.

    Raises ``DirectoryError`` naming file, line and field for every problem found.
    """
    default = _parse_file(default_directory_text(), DEFAULT_DIRECTORY_NAME)
    if path is None:
        return _build([default])
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DirectoryError([DirectoryProblem(str(path), None,
                                               phrase("directory.not_found"))]) from None
    except (OSError, UnicodeDecodeError) as error:
        message = phrase("directory.unreadable",
                         reason=f"{error.__class__.__name__}: {error}")
        raise DirectoryError([DirectoryProblem(str(path), None, message)]) from None
    own = _parse_file(text, str(path))
    return _build([default, own] if extend else [own])


def parse_directory(text: str, *, filename: str = "<directory>", extend: bool = False) -> Directory:
    """Validate directory ``text`` without reading any file (``extend`` as in load_directory)."""
    own = _parse_file(text, filename)
    if extend:
        return _build([_parse_file(default_directory_text(), DEFAULT_DIRECTORY_NAME), own])
    return _build([own])


# --- internals -----------------------------------------------------------------------------


_SERVICE_HEADER: Final = re.compile(r"^\s*\[\[\s*service\s*\]\]\s*(#.*)?$")
_SUBTABLE_HEADER: Final = re.compile(r"^\s*\[\s*service\s*\.\s*([A-Za-z0-9_-]+)\s*\]\s*(#.*)?$")
_OTHER_HEADER: Final = re.compile(r"^\s*\[")
_KEY_LINE: Final = re.compile(r"^\s*([A-Za-z0-9_-]+)(?:\s*\.\s*([A-Za-z0-9_-]+))?\s*=")
_TOML_POSITION: Final = re.compile(r"at line (\d+)")


class _Locator:
    """Line numbers of keys in a directory file, per ``[[service]]`` block, from its text."""

    def __init__(self, text: str) -> None:
        self.top: dict[str, int] = {}
        self.blocks: list[dict[str, int]] = []
        current: dict[str, int] | None = None
        table: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if _SERVICE_HEADER.match(line):
                current = {"": number}
                self.blocks.append(current)
                table = None
                continue
            sub = _SUBTABLE_HEADER.match(line)
            if sub and current is not None:
                table = sub.group(1)
                current.setdefault(table, number)
                continue
            if _OTHER_HEADER.match(line):
                current, table = None, None
                continue
            key = _KEY_LINE.match(line)
            if not key:
                continue
            name, sub_key = key.group(1), key.group(2)
            if current is None:
                self.top.setdefault(name, number)
            elif table is not None:
                current.setdefault(f"{table}.{name}", number)
            else:
                current.setdefault(name, number)
                if sub_key:
                    current.setdefault(f"{name}.{sub_key}", number)

    def service_line(self, index: int, field_name: str = "") -> int | None:
        """Line of ``field_name`` (``""`` = the header) in the ``index``-th service block."""
        if index >= len(self.blocks):
            return None
        block = self.blocks[index]
        if field_name in block:
            return block[field_name]
        head = field_name.split(".", 1)[0]
        return block.get(head, block.get(""))


@dataclass
class _RawService:
    """One service entry before validation; values may come from several files when merged."""

    values: dict[str, object]
    origins: dict[str, tuple[str, int | None]]
    """field (and ``table.lang``) -> (file, line) where the value was given."""
    header: tuple[str, int | None]

    def where(self, field_name: str) -> tuple[str, int | None]:
        if field_name in self.origins:
            return self.origins[field_name]
        head = field_name.split(".", 1)[0]
        return self.origins.get(head, self.header)


@dataclass
class _RawFile:
    name: str
    country: str | None
    country_line: int | None
    disable: list[tuple[str, int | None]]
    services: list[_RawService]
    problems: list[DirectoryProblem]


def _parse_file(text: str, name: str) -> _RawFile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_POSITION.search(str(error))
        line = int(found.group(1)) if found else None
        message = phrase("directory.not_toml", reason=str(error).split(" (at ")[0])
        raise DirectoryError([DirectoryProblem(name, line, message)]) from None
    locator = _Locator(text)
    problems: list[DirectoryProblem] = []
    for key in data:
        if key not in _TOP_LEVEL_FIELDS:
            problems.append(
                DirectoryProblem(
                    name,
                    locator.top.get(key),
                    phrase("directory.unknown_top_key",
                           known=", ".join(sorted(_TOP_LEVEL_FIELDS))),
                    field=key,
                )
            )
    version = data.get("format", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        problems.append(
            DirectoryProblem(
                name,
                locator.top.get("format"),
                phrase("directory.format", version=version, supported=FORMAT_VERSION),
                field="format",
            )
        )
    country = data.get("country")
    if country is not None and not (isinstance(country, str) and _COUNTRY_PATTERN.match(country)):
        problems.append(
            DirectoryProblem(
                name,
                locator.top.get("country"),
                phrase("directory.country"),
                field="country",
            )
        )
        country = None
    disable: list[tuple[str, int | None]] = []
    raw_disable = data.get("disable", [])
    if not isinstance(raw_disable, list) or not all(isinstance(x, str) for x in raw_disable):
        problems.append(
            DirectoryProblem(
                name, locator.top.get("disable"), phrase("directory.disable_list"),
                field="disable",
            )
        )
    else:
        disable = [(service_id, locator.top.get("disable")) for service_id in raw_disable]
    raw_services = data.get("service", [])
    services: list[_RawService] = []
    if not isinstance(raw_services, list):
        problems.append(
            DirectoryProblem(
                name, None, phrase("directory.service_tables"), field="service"
            )
        )
        raw_services = []
    for index, entry in enumerate(raw_services):
        header = (name, locator.service_line(index))
        origins: dict[str, tuple[str, int | None]] = {}
        for key, value in entry.items():
            origins[key] = (name, locator.service_line(index, key))
            if isinstance(value, dict):
                for sub_key in value:
                    origins[f"{key}.{sub_key}"] = (
                        name,
                        locator.service_line(index, f"{key}.{sub_key}"),
                    )
        services.append(_RawService(dict(entry), origins, header))
    return _RawFile(
        name,
        country if isinstance(country, str) else None,
        locator.top.get("country"),
        disable,
        services,
        problems,
    )


def _merge(files: list[_RawFile]) -> tuple[list[_RawService], str, list[DirectoryProblem]]:
    """Apply files in order: later files override fields of earlier entries with the same id."""
    problems: list[DirectoryProblem] = []
    merged: dict[str, _RawService] = {}
    order: list[str] = []
    country = "SE"
    for raw_file in files:
        problems.extend(raw_file.problems)
        if raw_file.country:
            country = raw_file.country
        seen_here: dict[str, int | None] = {}
        for raw in raw_file.services:
            service_id = raw.values.get("id")
            if not isinstance(service_id, str) or not service_id:
                file_name, line = raw.header
                problems.append(
                    DirectoryProblem(
                        file_name, line, phrase("directory.needs_id"), field="id"
                    )
                )
                continue
            id_line = raw.where("id")[1]
            if service_id in seen_here:
                problems.append(
                    DirectoryProblem(
                        raw_file.name,
                        id_line,
                        phrase("directory.duplicate_id", line=seen_here[service_id]),
                        service_id=service_id,
                        field="id",
                    )
                )
                continue
            seen_here[service_id] = id_line
            if service_id in merged:
                _override(merged[service_id], raw)
            else:
                merged[service_id] = raw
                order.append(service_id)
        for service_id, line in raw_file.disable:
            if service_id in merged:
                del merged[service_id]
                order.remove(service_id)
            else:
                problems.append(
                    DirectoryProblem(
                        raw_file.name,
                        line,
                        phrase("directory.disable_unknown"),
                        service_id=service_id,
                        field="disable",
                    )
                )
    return [merged[service_id] for service_id in order], country, problems


def _override(base: _RawService, override: _RawService) -> None:
    for key, value in override.values.items():
        if (
            key in _TABLE_FIELDS
            and isinstance(value, dict)
            and isinstance(base.values.get(key), dict)
        ):
            table = dict(base.values[key])  # type: ignore[call-overload]
            table.update(value)
            base.values[key] = table
            for sub_key in value:
                base.origins[f"{key}.{sub_key}"] = override.where(f"{key}.{sub_key}")
        else:
            base.values[key] = value
            base.origins[key] = override.where(key)
            for origin_key in [k for k in base.origins if k.startswith(f"{key}.")]:
                base.origins[origin_key] = override.where(origin_key)


def _build(files: list[_RawFile]) -> Directory:
    raw_services, country, problems = _merge(files)
    services: list[Service] = []
    for raw in raw_services:
        service = _validate(raw, problems)
        if service is not None:
            services.append(service)
    if problems:
        raise DirectoryError(problems)
    return Directory(tuple(services), country=country, files=tuple(f.name for f in files))


def _validate(raw: _RawService, problems: list[DirectoryProblem]) -> Service | None:
    values = raw.values
    service_id = str(values.get("id"))
    before = len(problems)

    def problem(field_name: str, message: str, /, **args: Any) -> None:
        file_name, line = raw.where(field_name)
        problems.append(DirectoryProblem(file_name, line, phrase(message, **args), service_id,
                                         field_name))

    if not _ID_PATTERN.match(service_id):
        problem("id", "directory.bad_id")
    for key in values:
        if key not in _SERVICE_FIELDS:
            close = difflib.get_close_matches(key, sorted(_SERVICE_FIELDS), n=1)
            known = ", ".join(sorted(_SERVICE_FIELDS))
            if close:
                problem(key, "directory.unknown_field_guess", guess=close[0], known=known)
            else:
                problem(key, "directory.unknown_field", known=known)
    for key in _REQUIRED_FIELDS:
        if key not in values:
            file_name, line = raw.header
            problems.append(DirectoryProblem(file_name, line, phrase("directory.missing"),
                                             service_id, key))

    names = _language_table(values.get("name"), "name", problem, required=True)
    hours = _language_table(values.get("hours", {}), "hours", problem, required=False)
    triggers = _trigger_table(values.get("triggers", {}), problem)
    categories = _choices(values.get("categories"), "categories", CATEGORIES, problem)
    audience = _choices(values.get("audience"), "audience", AUDIENCES, problem)
    channels = _choices(values.get("channels", []), "channels", CHANNELS, problem, empty_ok=True)

    scope = values.get("scope", "local")
    if scope not in SCOPES:
        problem("scope", "directory.one_of", choices=", ".join(SCOPES))
    verification = values.get("verification", "unverified")
    if verification not in VERIFICATION_LEVELS:
        problem("verification", "directory.one_of", choices=", ".join(VERIFICATION_LEVELS))
    country = values.get("country")
    if "country" in values and not (
        isinstance(country, str) and (_COUNTRY_PATTERN.match(country) or country == ANY_COUNTRY)
    ):
        problem("country", "directory.country_or_any")

    phone = values.get("phone")
    url = values.get("url")
    if phone is not None and not (isinstance(phone, str) and _PHONE_PATTERN.match(phone)):
        problem("phone", "directory.phone")
        phone = None
    if url is not None and not (isinstance(url, str) and url.startswith(("https://", "http://"))):
        problem("url", "directory.url")
        url = None
    if "phone" not in values and "url" not in values:
        file_name, line = raw.header
        problems.append(
            DirectoryProblem(
                file_name, line, phrase("directory.no_contact"), service_id, "phone"
            )
        )

    anonymous = values.get("anonymous")
    if "anonymous" in values and not isinstance(anonymous, bool):
        problem("anonymous", "directory.bool")
    source = values.get("source")
    if "source" in values and not (isinstance(source, str) and source.strip()):
        problem("source", "directory.source")
    note = values.get("note", "")
    if not isinstance(note, str):
        problem("note", "directory.text")
        note = ""
    weight = values.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= 10:
        problem("weight", "directory.weight")
        weight = 1.0

    verified_at = (
        _date(values.get("verified_at"), "verified_at", problem)
        if "verified_at" in values
        else None
    )
    review_due = (
        _date(values.get("review_due"), "review_due", problem) if "review_due" in values else None
    )
    if verified_at and review_due and review_due < verified_at:
        problem("review_due", "directory.review_before_verified", date=verified_at.isoformat())

    if len(problems) > before:
        return None
    assert verified_at is not None and review_due is not None
    file_name, line = raw.header
    return Service(
        id=service_id,
        names=names,
        scope=str(scope),
        country=str(country),
        categories=categories,
        audience=audience,
        phone=phone if isinstance(phone, str) else None,
        url=url if isinstance(url, str) else None,
        channels=channels,
        hours=hours,
        anonymous=bool(anonymous),
        triggers=triggers,
        source=str(source),
        verification=str(verification),
        verified_at=verified_at,
        review_due=review_due,
        note=note,
        weight=float(weight),
        origin=f"{file_name}:{line}" if line else file_name,
    )


_SINGULAR: Final = {"categories": "category", "channels": "channel"}

class _Report(Protocol):
    """Records a problem: the field, a key of vocabulary.phrases.PHRASES and its arguments."""

    def __call__(self, field_name: str, message: str, /, **args: Any) -> None: ...


def _language_table(
    value: object, field_name: str, problem: _Report, *, required: bool
) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problem(field_name, "directory.language_table", name=field_name)
        return {}
    table: dict[str, str] = {}
    for lang, text in value.items():
        if lang not in LANGUAGES:
            problem(f"{field_name}.{lang}", "directory.unknown_language",
                    known=", ".join(LANGUAGES))
        elif not isinstance(text, str) or not text.strip():
            problem(f"{field_name}.{lang}", "directory.empty_text")
        else:
            table[lang] = text
    if required and not value:
        problem(field_name, "directory.needs_language")
    return table


def _trigger_table(value: object, problem: _Report) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        problem("triggers", "directory.trigger_table")
        return {}
    table: dict[str, tuple[str, ...]] = {}
    for lang, terms in value.items():
        key = f"triggers.{lang}"
        if lang not in LANGUAGES:
            problem(key, "directory.unknown_language", known=", ".join(LANGUAGES))
        elif not isinstance(terms, list) or not all(
            isinstance(t, str) and t.strip() for t in terms
        ):
            problem(key, "directory.trigger_words")
        else:
            bad = [t for t in terms if not _valid_pattern(t)]
            if bad:
                problem(key, "directory.bad_pattern", pattern=bad[0])
            else:
                table[lang] = tuple(terms)
    return table


def _valid_pattern(pattern: str) -> bool:
    words = pattern.split()
    if not words or words[0] == "..." or words[-1] == "...":
        return False
    for word in words:
        if word == "...":
            continue
        for alternative in word.split("|"):
            core = alternative.lstrip("=").strip("*")
            if not core:
                return False
    return True


def _choices(
    value: object,
    field_name: str,
    known: Mapping[str, str] | tuple[str, ...],
    problem: _Report,
    *,
    empty_ok: bool = False,
) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        problem(field_name, "directory.names")
        return ()
    if not value and not empty_ok:
        problem(field_name, "directory.not_empty")
    for item in value:
        if item not in known:
            close = difflib.get_close_matches(item, list(known), n=1)
            kind = phrase(f"directory.kind.{_SINGULAR.get(field_name, field_name)}")
            if close:
                problem(field_name, "directory.unknown_choice_guess", kind=kind, item=item,
                        guess=close[0])
            else:
                problem(field_name, "directory.unknown_choice", kind=kind, item=item,
                        known=", ".join(known))
    return tuple(item for item in value if item in known)


def _date(value: object, field_name: str, problem: _Report) -> date | None:
    if isinstance(value, datetime):
        problem(field_name, "directory.date_only")
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    problem(field_name, "directory.bad_date", value=value)
    return None
