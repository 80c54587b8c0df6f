"""Texts made deep inside Lotsen and shown to a person elsewhere: a catalog key and arguments.

A broken config file, a locked database or a bad referral directory is found by code that does
not know who will read about it, nor in which language: the relay's config loader, its
storage, the referral directory's reader. Each raises a ``PhrasedError`` holding a ``Phrase``
(a key of ``PHRASES`` and its arguments), and the part that shows it picks the language: the
CLI with its own rule (``lotsen.cli.words.said``), the console in the staff member's language.
``str()`` of either is English, for log lines and programs, which are never translated.

An argument may itself be a ``Phrase`` (a config error wraps the problem it found in the place
it found it) or a tuple of them (one per line); both are said in the same language. Names of
files, keys, variables and values are arguments, never translated.

key: (sv, en, nb), in the order of ``relay.protocol.LANGUAGES``; a test checks that every key
has all three with the same placeholders. Pure: standard library and the protocol's codes.

A new problem: add ``"config.my_problem": (sv, en, nb)`` to its part's table below, with
``{name}`` for what varies (``{value!r}`` quotes it), and raise it by key with the values as
keyword arguments: ``raise r.fail("server", "port", "config.my_problem", value=port)``,
``raise ConfigError("config.file", where=path, problem=phrase("config.my_problem"))``,
``raise StorageError("storage.my_problem", database=url)``. Never write the English out at
the raise site: tests/ops/test_problem_words.py reads those modules and refuses a literal,
an f-string or ``str(exc)`` where a key belongs, and a key the catalog lacks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from relay.protocol import LANGUAGES

Texts = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A text of ``PHRASES`` with its arguments, to be said in whichever language is read."""

    key: str
    args: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def text(self, lang: str) -> str:
        """The text in ``lang`` (Swedish for a language that is not one of ours)."""
        index = LANGUAGES.index(lang) if lang in LANGUAGES else 0
        return PHRASES[self.key][index].format(
            **{name: _said(value, lang) for name, value in self.args.items()})

    def __str__(self) -> str:
        return self.text("en")


def phrase(key: str, /, **args: Any) -> Phrase:
    """``Phrase(key, args)``, written as a call: ``phrase("config.at_least", least=1)``."""
    return Phrase(key, MappingProxyType(args))


def _said(value: Any, lang: str) -> Any:
    if isinstance(value, Phrase):
        return value.text(lang)
    if isinstance(value, tuple) and value and all(isinstance(v, Phrase) for v in value):
        return "\n".join(v.text(lang) for v in value)
    return value


class PhrasedError(Exception):
    """An error a person reads: ``phrase`` says it in any language, ``str()`` in English."""

    def __init__(self, problem: str | Phrase, /, **args: Any) -> None:
        """``problem`` is a key of ``PHRASES`` (with ``args``) or a ready ``Phrase``."""
        self.phrase = problem if isinstance(problem, Phrase) else phrase(problem, **args)
        super().__init__(str(self.phrase))

    def text(self, lang: str) -> str:
        return self.phrase.text(lang)


PHRASES: dict[str, Texts] = {}
"""Every phrase; filled from the tables below so each part's texts stay together."""

# -- where a config problem is (relay.config, console.settings) --------------------------------
_CONFIG: dict[str, Texts] = {
    "config.at": ("{where}: {name}: {problem}",) * 3,
    "config.in_org": ("{where}: [[organisation]] {label}: {name}: {problem}",) * 3,
    "config.org_number": ("nummer {number}", "number {number}", "nummer {number}"),
    "config.env": ("{name}={raw!r}: {problem}",) * 3,
    "config.env_unset": ("{name} (inte satt): {problem}", "{name} (not set): {problem}",
                         "{name} (ikke satt): {problem}"),
    "config.file": ("{where}: {problem}",) * 3,
    # -- the file itself ------------------------------------------------------------------------
    "config.no_file": ("det finns ingen sådan konfigurationsfil", "no such config file",
                       "konfigurasjonsfilen finnes ikke"),
    "config.cannot_read": ("kan inte läsa konfigurationsfilen ({reason})",
                           "cannot read config file ({reason})",
                           "kan ikke lese konfigurasjonsfilen ({reason})"),
    "config.not_toml": ("inte giltig TOML: {reason}", "not valid TOML: {reason}",
                        "ikke gyldig TOML: {reason}"),
    "config.must_be_table": ("måste vara en tabell som [{name}]", "must be a table like [{name}]",
                             "må være en tabell som [{name}]"),
    "config.unknown_section": (
        "okänd sektion eller nyckel (kända: {known})",
        "unknown section or key (known: {known})",
        "ukjent seksjon eller nøkkel (kjente: {known})"),
    "config.unknown_key": ("okänd nyckel", "unknown key", "ukjent nøkkel"),
    "config.unknown_key_of": ("okänd nyckel (kända: {known})", "unknown key (known: {known})",
                              "ukjent nøkkel (kjente: {known})"),
    # -- what a value must be ------------------------------------------------------------------
    "config.wrong_kind": ("måste vara {kinds}, inte {value!r}", "must be {kinds}, not {value!r}",
                          "må være {kinds}, ikke {value!r}"),
    "config.kind.int": ("ett heltal", "a whole number", "et heltall"),
    "config.kind.float": ("ett tal", "a number", "et tall"),
    "config.kind.str": ("en text", "a string", "en tekst"),
    "config.kind.bool": ("true eller false", "true or false", "true eller false"),
    "config.kind.list": ("en lista", "a list", "en liste"),
    "config.kind.dict": ("en tabell", "a table", "en tabell"),
    "config.either": ("{first} eller {second}", "{first} or {second}", "{first} eller {second}"),
    "config.between": ("måste vara mellan {low} och {high}", "must be between {low} and {high}",
                       "må være mellom {low} og {high}"),
    "config.at_least": ("måste vara minst {least}", "must be at least {least}",
                        "må være minst {least}"),
    "config.above_zero": ("måste vara större än 0", "must be greater than 0",
                          "må være større enn 0"),
    "config.not_negative": ("får inte vara negativt", "must not be negative",
                            "kan ikke være negativt"),
    "config.one_of": ("måste vara {choices}", "must be {choices}", "må være {choices}"),
    "config.choices.language": ('"sv", "en" eller "nb"', '"sv", "en" or "nb"',
                                '"sv", "en" eller "nb"'),
    "config.choices.log_level": ('"debug", "info", "warning" eller "error"',
                                 '"debug", "info", "warning" or "error"',
                                 '"debug", "info", "warning" eller "error"'),
    "config.choices.offer_when": ('"closed" eller "closed_or_busy"', '"closed" or "closed_or_busy"',
                                  '"closed" eller "closed_or_busy"'),
    "config.choices.require_totp": ('"none", "supervisors" eller "all"',
                                    '"none", "supervisors" or "all"',
                                    '"none", "supervisors" eller "all"'),
    "config.origins": (
        'måste vara en lista med ursprung som "https://www.example.se" (utan sökväg)',
        'must be a list of origins like "https://www.example.se" (no path)',
        'må være en liste med opprinnelser som "https://www.example.se" (uten sti)'),
    "config.topic_tags": (
        'måste vara en lista med id:n som ["alcohol", "other"] (a-z, 0-9, \'_\', \'.\', \'-\', '
        "högst 40 tecken)",
        'must be a list of ids like ["alcohol", "other"] (a-z, 0-9, \'_\', \'.\', \'-\', at '
        "most 40 characters)",
        'må være en liste med id-er som ["alcohol", "other"] (a-z, 0-9, \'_\', \'.\', \'-\', '
        "høyst 40 tegn)"),
    "config.tls_pair": ("TLS kräver både certfile och keyfile",
                        "TLS needs both certfile and keyfile",
                        "TLS krever både certfile og keyfile"),
    "config.ranges": ('måste vara en lista med tidsintervall som ["12:00-14:00"]',
                      'must be a list of ranges like ["12:00-14:00"]',
                      'må være en liste med tidsintervaller som ["12:00-14:00"]'),
    "config.unknown_timezone": ("okänd tidszon {name!r}", "unknown time zone {name!r}",
                                "ukjent tidssone {name!r}"),
    "config.not_a_date": ("{value!r} är inte ett datum som 2026-12-24",
                          "{value!r} is not a date like 2026-12-24",
                          "{value!r} er ikke en dato som 2026-12-24"),
    "config.emergency_tables": ("måste vara en eller flera [[emergency]]-tabeller",
                                "must be one or more [[emergency]] tables",
                                "må være én eller flere [[emergency]]-tabeller"),
    "config.emergency_entry": (
        "varje [[emergency]] behöver ett namn (name) och ett telefonnummer (phone) eller en "
        "webbadress (url)",
        "each [[emergency]] needs a name and a phone or url",
        "hver [[emergency]] trenger et navn (name) og et telefonnummer (phone) eller en "
        "nettadresse (url)"),
    # -- LOTSEN_* variables ----------------------------------------------------------------
    "config.env.port": ("måste vara ett portnummer mellan 0 och 65535",
                        "must be a port number between 0 and 65535",
                        "må være et portnummer mellom 0 og 65535"),
    "config.env.origins": (
        "måste vara ursprung som https://www.example.se (utan sökväg), åtskilda med "
        "kommatecken eller mellanslag",
        "must be origins like https://www.example.se (no path), separated by commas or spaces",
        "må være opprinnelser som https://www.example.se (uten sti), skilt med komma eller "
        "mellomrom"),
    "config.env.retention_days": ("måste vara ett helt antal dagar, minst 1",
                                  "must be a whole number of days, at least 1",
                                  "må være et helt antall dager, minst 1"),
    "config.env.timezone": ("måste vara en tidszon som Europe/Stockholm",
                            "must be a time zone like Europe/Stockholm",
                            "må være en tidssone som Europe/Stockholm"),
    "config.true_or_false": ("måste vara true eller false", "must be true or false",
                             "må være true eller false"),
    # -- [[organisation]] ------------------------------------------------------------------
    "config.org_tables": ("måste vara en eller flera [[organisation]]-tabeller",
                          "must be one or more [[organisation]] tables",
                          "må være én eller flere [[organisation]]-tabeller"),
    "config.org_duplicate": ("{id!r} är id för en tidigare organisation",
                             "{id!r} is the id of an earlier organisation",
                             "{id!r} er id-en til en tidligere organisasjon"),
    "config.org_id_missing": (
        'saknas: varje organisation behöver ett, t.ex. id = "vallentuna"',
        'is missing: each organisation needs one, e.g. id = "vallentuna"',
        'mangler: hver organisasjon trenger én, f.eks. id = "vallentuna"'),
    "config.org_name": (
        "måste vara 1–{most} synliga tecken (det visas för besökare och personal)",
        "must be 1-{most} visible characters (it is shown to visitors and staff)",
        "må være 1–{most} synlige tegn (det vises for besøkende og ansatte)"),
    "config.canned_name": (
        "namn på färdiga svar är ett ord (bokstäver, siffror, - och _)",
        "canned reply names are one word (letters, digits, - and _)",
        "navn på ferdige svar er ett ord (bokstaver, sifre, - og _)"),
    "config.canned_value": (
        'måste vara en text, eller en tabell med title = "..." och text = "..."',
        'must be a text, or a table with title = "..." and text = "..."',
        'må være en tekst, eller en tabell med title = "..." og text = "..."'),
    # -- the console's own file (console.settings) ---------------------------------------------
    "config.console_table": ("[console] måste vara en tabell", "[console] must be a table",
                             "[console] må være en tabell"),
    "config.alert_repeat": ("måste vara ett antal sekunder, minst {least}",
                            "must be a number of seconds, at least {least}",
                            "må være et antall sekunder, minst {least}"),
    "config.tag_choices": ('måste vara en lista med id:n, eller en tabell med id = "etikett"',
                           'must be a list of ids, or a table of id = "label"',
                           'må være en liste med id-er, eller en tabell med id = "etikett"'),
    # -- opening hours (relay.hours) -----------------------------------------------------------
    "hours.not_a_range": ('{text!r} är inte ett tidsintervall som "12:00-14:00"',
                          '{text!r} is not a time range like "12:00-14:00"',
                          '{text!r} er ikke et tidsintervall som "12:00-14:00"'),
    "hours.ends_before_start": ("{text!r} slutar innan det börjar",
                                "{text!r} ends before it starts",
                                "{text!r} slutter før det begynner"),
    # -- the professionals' network ([network], relay.network_rooms) --------------------------
    "network.bad_room_id": (
        "ett rum-id har bara a-z, 0-9, '-' och '_' (1–40 tecken, börjar med en bokstav eller "
        'siffra), t.ex. "rus"',
        "a room id uses only a-z, 0-9, '-' and '_' (1-40 characters, starting with a letter "
        'or digit), e.g. "rus"',
        "en rom-id har bare a-z, 0-9, '-' og '_' (1–40 tegn, begynner med en bokstav eller et "
        'siffer), f.eks. "rus"'),
    "network.rooms_tables": (
        "måste vara [[network.room]]-tabeller, var och en med id och name",
        "must be [[network.room]] tables, each with an id and a name",
        "må være [[network.room]]-tabeller, hver med id og name"),
    "network.room_id_missing": ("id saknas", "id is missing", "id mangler"),
    "network.room_id": ("id {id!r}: {problem}",) * 3,
    "network.room_again": ("{id!r} är id för ett tidigare rum",
                           "{id!r} is the id of an earlier room",
                           "{id!r} er id-en til et tidligere rom"),
    "network.room_unknown_key": (
        "rum {id!r}: okänd nyckel {key!r} (kända: id, name)",
        "room {id!r}: unknown key {key!r} (known: id, name)",
        "rom {id!r}: ukjent nøkkel {key!r} (kjente: id, name)"),
    "network.room_name": (
        "rum {id!r}: name måste vara 1–{most} synliga tecken, eller en tabell av dem per språk, "
        't.ex. {{ sv = "Anhörigstöd", en = "Supporting relatives" }}',
        "room {id!r}: name must be 1-{most} visible characters, or a table of them by "
        'language, e.g. {{ sv = "Anhörigstöd", en = "Supporting relatives" }}',
        "rom {id!r}: name må være 1–{most} synlige tegn, eller en tabell av dem per språk, "
        'f.eks. {{ nb = "Pårørendestøtte", en = "Supporting relatives" }}'),
    # -- organisations and passwords (relay.organisations, relay.auth) -------------------------
    "org.bad_id": (
        "ett organisations-id har bara a-z, 0-9, '-' och '_' (1–40 tecken, börjar med en "
        'bokstav eller siffra), t.ex. "vallentuna"',
        "an organisation id uses only a-z, 0-9, '-' and '_' (1-40 characters, starting with "
        'a letter or digit), e.g. "vallentuna"',
        "en organisasjons-id har bare a-z, 0-9, '-' og '_' (1–40 tegn, begynner med en "
        'bokstav eller et siffer), f.eks. "vallentuna"'),
    # -- the period of a report (figures.stats) ------------------------------------------------
    "period.ends_before_start": ("perioden slutar ({until}) innan den börjar ({since})",
                                 "the period ends ({until}) before it starts ({since})",
                                 "perioden slutter ({until}) før den begynner ({since})"),
    "period.too_long": ("en period får omfatta högst {most} dagar",
                        "a period may cover at most {most} days",
                        "en periode kan omfatte høyst {most} dager"),
    "period.bad_dates": ("since och until måste vara datum som 2026-03-01",
                         "since and until must be dates like 2026-03-01",
                         "since og until må være datoer som 2026-03-01"),
    "auth.password_short": ("använd minst {least} tecken", "use at least {least} characters",
                            "bruk minst {least} tegn"),
}
PHRASES.update(_CONFIG)

# -- cover agreements: [[organisation.cover]] (relay.cover) -------------------------------------
_COVER: dict[str, Texts] = {
    "cover.tables": ("måste vara en eller flera [[organisation.cover]]-tabeller",
                     "must be one or more [[organisation.cover]] tables",
                     "må være én eller flere [[organisation.cover]]-tabeller"),
    "cover.unknown_key": ("okänd nyckel (kända: {known})", "unknown key (known: {known})",
                          "ukjent nøkkel (kjente: {known})"),
    "cover.which_side": (
        'behöver antingen offer_to = "ID" (organisationen vars personal får svara den här '
        'organisationens besökare) eller accept_from = "ID" (organisationen vars besökare den '
        "här organisationens personal svarar)",
        'needs either offer_to = "ID" (the organisation whose staff may answer this one\'s '
        'visitors) or accept_from = "ID" (the organisation whose visitors this one\'s staff '
        "answer)",
        'trenger enten offer_to = "ID" (organisasjonen hvis ansatte kan svare denne '
        'organisasjonens besøkende) eller accept_from = "ID" (organisasjonen hvis besøkende '
        "denne organisasjonens ansatte svarer)"),
    "cover.org_id": ("måste vara ett organisations-id", "must be an organisation id",
                     "må være en organisasjons-id"),
    "cover.ranges": ('måste vara en lista med tider som ["17:00-21:00"]',
                     'must be a list of ranges like ["17:00-21:00"]',
                     'må være en liste med tider som ["17:00-21:00"]'),
    "cover.no_hours": ('anger inga tider: lägg till en veckodag, t.ex. thursday = '
                       '["17:00-21:00"]',
                       'names no hours: add a weekday, e.g. thursday = ["17:00-21:00"]',
                       'angir ingen tider: legg til en ukedag, f.eks. thursday = '
                       '["17:00-21:00"]'),
    "cover.itself": ("{where}organisationen {org!r} kan inte täcka sig själv",
                     "{where}organisation {org!r} cannot cover itself",
                     "{where}organisasjonen {org!r} kan ikke dekke seg selv"),
    "cover.twice": ("{where}organisationen {org!r} har två tabeller med {verb} = {partner!r}: "
                    "samla alla tider i en",
                    "{where}organisation {org!r} has two {verb} = {partner!r} tables: put all "
                    "the hours in one",
                    "{where}organisasjonen {org!r} har to tabeller med {verb} = {partner!r}: "
                    "samle alle tidene i én"),
    "cover.no_partner": ("{where}{verb} = {partner!r}: ingen organisation har det id:t",
                         "{where}{verb} = {partner!r}: no organisation has that id",
                         "{where}{verb} = {partner!r}: ingen organisasjon har den id-en"),
    "cover.not_accepted": (
        "{where}{org!r} erbjuder {partner!r} täckning ({hours}), men {partner!r} har ingen "
        '[[organisation.cover]] med accept_from = "{org}": ett avtal kräver båda sidor',
        "{where}{org!r} offers cover to {partner!r} ({hours}), but {partner!r} has no "
        '[[organisation.cover]] with accept_from = "{org}": an agreement needs both sides',
        "{where}{org!r} tilbyr {partner!r} dekning ({hours}), men {partner!r} har ingen "
        '[[organisation.cover]] med accept_from = "{org}": en avtale krever begge sider'),
    "cover.not_offered": (
        "{where}{org!r} tar emot täckning av {partner!r}, men {partner!r} har ingen "
        '[[organisation.cover]] med offer_to = "{org}": ett avtal kräver båda sidor',
        "{where}{org!r} accepts cover of {partner!r}, but {partner!r} has no "
        '[[organisation.cover]] with offer_to = "{org}": an agreement needs both sides',
        "{where}{org!r} tar imot dekning av {partner!r}, men {partner!r} har ingen "
        '[[organisation.cover]] med offer_to = "{org}": en avtale krever begge sider'),
    "cover.disagree": (
        "{where}{org!r} erbjuder {partner!r} {hours} ({zone}), men {other_where}{partner!r} tar "
        "emot {other_hours} ({other_zone}): båda sidor måste ange samma tider",
        "{where}{org!r} offers {partner!r} {hours} ({zone}), but {other_where}{partner!r} "
        "accepts {other_hours} ({other_zone}): both sides must name the same hours",
        "{where}{org!r} tilbyr {partner!r} {hours} ({zone}), men {other_where}{partner!r} tar "
        "imot {other_hours} ({other_zone}): begge sider må angi samme tider"),
}
PHRASES.update(_COVER)

# -- the database (relay.storage): what went wrong, and what to do ---------------------------------
_STORAGE: dict[str, Texts] = {
    "storage.cannot_open": ("kan inte öppna databasen {database}: {reason}",
                            "cannot open database {database}: {reason}",
                            "kan ikke åpne databasen {database}: {reason}"),
    "storage.cannot_write": ("kan inte skriva till databasen {database}: {reason}",
                             "cannot write to database {database}: {reason}",
                             "kan ikke skrive til databasen {database}: {reason}"),
    "storage.disk_full": ("disken är full", "the disk is full", "disken er full"),
    "storage.locked": ("databasen är låst av en annan process",
                       "the database is locked by another process",
                       "databasen er låst av en annen prosess"),
    "storage.read_only": ("databasen är skrivskyddad", "the database is read-only",
                          "databasen er skrivebeskyttet"),
    "storage.database_error": ("databasfel: {detail}", "database error: {detail}",
                               "databasefeil: {detail}"),
    "storage.not_unicode": ("databasfel: texten är inte giltig Unicode",
                            "database error: the text is not valid Unicode",
                            "databasefeil: teksten er ikke gyldig Unicode"),
    "storage.out_of_resources": (
        "databasservern har slut på resurser (disk eller minne)",
        "the database server is out of resources (disk or memory)",
        "databaseserveren er tom for ressurser (disk eller minne)"),
    "storage.no_such_database": (
        "databasen finns inte (skapa den först; lotsen gör det aldrig)",
        "the database does not exist (create it first; lotsen never does)",
        "databasen finnes ikke (opprett den først; lotsen gjør det aldri)"),
    "storage.login_refused": (
        "databasen nekade inloggningen (kontrollera användare och lösenord)",
        "the database refused the login (check the user and password)",
        "databasen avviste innloggingen (kontroller bruker og passord)"),
    "storage.unreachable": ("databasen går inte att nå", "the database is unreachable",
                            "databasen kan ikke nås"),
    "storage.newer_schema": (
        "dess schemaversion {version} är nyare än denna Lotsens ({latest}); uppgradera "
        "Lotsen, eller återställ en säkerhetskopia från före uppgraderingen",
        "its schema version {version} is newer than this Lotsen's ({latest}); upgrade "
        "Lotsen, or restore a backup taken before the upgrade",
        "skjemaversjonen {version} er nyere enn denne Lotsens ({latest}); oppgrader "
        "Lotsen, eller gjenopprett en sikkerhetskopi tatt før oppgraderingen"),
    "storage.needs_postgres_extra": (
        "PostgreSQL kräver tillägget postgres: pip install 'lotsen[postgres]'",
        "PostgreSQL needs the postgres extra: pip install 'lotsen[postgres]'",
        "PostgreSQL krever tillegget postgres: pip install 'lotsen[postgres]'"),
    "storage.account_exists": ("personalkontot {username!r} finns redan",
                               "staff account {username!r} already exists",
                               "ansattkontoen {username!r} finnes allerede"),
    # Faults in the program, not the database; said plainly all the same.
    "storage.not_open": ("lagringen är inte öppen", "storage is not open",
                         "lagringen er ikke åpen"),
    "storage.no_ids_left": (
        "inga samtals-id kvar: databasen svarar inte",
        "no conversation ids left: the database is not answering",
        "ingen samtale-id-er igjen: databasen svarer ikke"),
    "storage.not_a_relay": (
        "flera reläer behöver ett reläs lagring (open_storage(relay=True))",
        "several relays need a relay's storage (open_storage(relay=True))",
        "flere reléer trenger et relés lagring (open_storage(relay=True))"),
    "storage.view_from_owner": (
        "en organisations vy öppnas med den lagring den kom från",
        "an organisation's view is opened with the storage it came from",
        "en organisasjons visning åpnes med lagringen den kom fra"),
    "storage.no_sqlite_connection": ("PostgreSQL-lagringen har ingen SQLite-anslutning",
                                     "PostgreSQL storage has no SQLite connection",
                                     "PostgreSQL-lagringen har ingen SQLite-tilkobling"),
}
PHRASES.update(_STORAGE)

# -- the referral directory (referrals.directory): file, line, service and field, then why -------
_DIRECTORY: dict[str, Texts] = {
    "directory.lines": ("{lines}",) * 3,
    "directory.at": ("{where}: {message}",) * 3,
    "directory.service": ('tjänst "{id}"', 'service "{id}"', 'tjeneste "{id}"'),
    "directory.field": ('fält "{name}"', 'field "{name}"', 'felt "{name}"'),
    "directory.not_found": ("filen finns inte", "file not found", "filen finnes ikke"),
    "directory.unreadable": ("kan inte läsa filen ({reason})", "cannot read the file ({reason})",
                             "kan ikke lese filen ({reason})"),
    "directory.not_toml": ("inte giltig TOML: {reason}", "not valid TOML: {reason}",
                           "ikke gyldig TOML: {reason}"),
    "directory.unknown_top_key": ("okänd nyckel på översta nivån (kända: {known})",
                                  "unknown top-level key (known: {known})",
                                  "ukjent nøkkel på øverste nivå (kjente: {known})"),
    "directory.format": (
        "formatet {version!r} stöds inte; denna Lotsen läser format {supported}",
        "unsupported format {version!r}; this Lotsen reads format {supported}",
        "formatet {version!r} støttes ikke; denne Lotsen leser format {supported}"),
    "directory.country": (
        'måste vara en landskod med två bokstäver, som "SE" eller "NO"',
        'must be a two-letter country code such as "SE" or "NO"',
        'må være en landskode på to bokstaver, som "SE" eller "NO"'),
    "directory.country_or_any": (
        'måste vara en landskod med två bokstäver, som "SE" eller "NO", eller "*" för alla '
        "länder",
        'must be a two-letter country code such as "SE" or "NO", or "*" for any country',
        'må være en landskode på to bokstaver, som "SE" eller "NO", eller "*" for alle land'),
    "directory.disable_list": ("måste vara en lista med tjänsters id",
                               "must be a list of service ids",
                               "må være en liste med tjenesters id"),
    "directory.service_tables": ("tjänster skrivs som [[service]]-tabeller",
                                 "services must be written as [[service]] tables",
                                 "tjenester må skrives som [[service]]-tabeller"),
    "directory.needs_id": ("varje tjänst behöver ett id (en text)",
                           "every service needs an id (a string)",
                           "hver tjeneste trenger en id (en tekst)"),
    "directory.duplicate_id": ("id:t finns redan (först definierat på rad {line})",
                               "duplicate id (first defined on line {line})",
                               "id-en finnes allerede (først definert på linje {line})"),
    "directory.disable_unknown": (
        "kan inte stänga av ett id som inte är definierat",
        "cannot disable an id that is not defined",
        "kan ikke slå av en id som ikke er definert"),
    "directory.bad_id": (
        'måste vara små bokstäver, siffror och bindestreck, t.ex. "local-anhorigstod"',
        'must be lower-case letters, digits and dashes, e.g. "local-anhorigstod"',
        'må være små bokstaver, sifre og bindestreker, f.eks. "local-anhorigstod"'),
    "directory.unknown_field": ("okänt fält (kända: {known})", "unknown field (known: {known})",
                                "ukjent felt (kjente: {known})"),
    "directory.unknown_field_guess": (
        'okänt fält; menade du "{guess}"? (kända: {known})',
        'unknown field; did you mean "{guess}"? (known: {known})',
        'ukjent felt; mente du "{guess}"? (kjente: {known})'),
    "directory.missing": ("saknas", "missing", "mangler"),
    "directory.one_of": ("måste vara en av {choices}", "must be one of {choices}",
                         "må være én av {choices}"),
    "directory.phone": (
        'måste vara ett telefonnummer skrivet med siffror, mellanslag och bindestreck, t.ex. '
        '"020-50 50 50"',
        'must be a phone number written with digits, spaces and dashes, e.g. "020-50 50 50"',
        'må være et telefonnummer skrevet med sifre, mellomrom og bindestreker, f.eks. '
        '"020-50 50 50"'),
    "directory.url": ('måste vara en webbadress som börjar med "https://"',
                      'must be a web address starting with "https://"',
                      'må være en nettadresse som begynner med "https://"'),
    "directory.no_contact": (
        "kontaktuppgift saknas: ange phone, url eller båda",
        "missing contact: give a phone, a url or both",
        "kontaktinformasjon mangler: oppgi phone, url eller begge"),
    "directory.bool": ("måste vara true eller false", "must be true or false",
                       "må være true eller false"),
    "directory.source": (
        "måste säga var kontaktuppgifterna lästes (en sida eller ett dokument)",
        "must say where the contact data was read (a page or a document)",
        "må si hvor kontaktinformasjonen ble lest (en side eller et dokument)"),
    "directory.text": ("måste vara text", "must be text", "må være tekst"),
    "directory.weight": (
        "måste vara ett tal över 0 och högst 10 (1.0 är neutralt)",
        "must be a number above 0 and at most 10 (1.0 is neutral)",
        "må være et tall over 0 og høyst 10 (1.0 er nøytralt)"),
    "directory.review_before_verified": ("är före verified_at ({date})",
                                         "is before verified_at ({date})",
                                         "er før verified_at ({date})"),
    "directory.language_table": (
        'måste vara en tabell med språk, t.ex. {name} = {{ sv = "...", en = "..." }}',
        'must be a table of languages, e.g. {name} = {{ sv = "...", en = "..." }}',
        'må være en tabell med språk, f.eks. {name} = {{ sv = "...", en = "..." }}'),
    "directory.unknown_language": ("okänt språk (kända: {known})",
                                   "unknown language (known: {known})",
                                   "ukjent språk (kjente: {known})"),
    "directory.empty_text": ("måste vara text som inte är tom", "must be non-empty text",
                             "må være tekst som ikke er tom"),
    "directory.needs_language": ("behöver minst ett språk", "needs at least one language",
                                 "trenger minst ett språk"),
    "directory.trigger_table": (
        'måste vara en tabell med språk, t.ex. [service.triggers] sv = ["..."]',
        'must be a table of languages, e.g. [service.triggers] sv = ["..."]',
        'må være en tabell med språk, f.eks. [service.triggers] sv = ["..."]'),
    "directory.trigger_words": ("måste vara en lista med ord eller fraser som inte är tomma",
                                "must be a list of non-empty words or phrases",
                                "må være en liste med ord eller fraser som ikke er tomme"),
    "directory.bad_pattern": (
        "kan inte läsa mönstret {pattern!r} (se docs/referrals.md)",
        "cannot read the pattern {pattern!r} (see docs/referrals.md)",
        "kan ikke lese mønsteret {pattern!r} (se docs/referrals.md)"),
    "directory.names": ("måste vara en lista med namn", "must be a list of names",
                        "må være en liste med navn"),
    "directory.not_empty": ("får inte vara tom", "must not be empty", "kan ikke være tom"),
    "directory.unknown_choice": ('okänd {kind} "{item}" (kända: {known})',
                                 'unknown {kind} "{item}" (known: {known})',
                                 'ukjent {kind} "{item}" (kjente: {known})'),
    "directory.unknown_choice_guess": ('okänd {kind} "{item}"; menade du "{guess}"?',
                                       'unknown {kind} "{item}"; did you mean "{guess}"?',
                                       'ukjent {kind} "{item}"; mente du "{guess}"?'),
    "directory.kind.category": ("kategori", "category", "kategori"),
    "directory.kind.channel": ("kanal", "channel", "kanal"),
    "directory.kind.audience": ("målgrupp", "audience", "målgruppe"),
    "directory.date_only": ("måste vara ett datum utan klockslag, t.ex. 2026-11-23",
                            "must be a date without a time, e.g. 2026-11-23",
                            "må være en dato uten klokkeslett, f.eks. 2026-11-23"),
    "directory.bad_date": (
        "felaktigt datum {value!r}: skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-11-23",
        "bad date {value!r}: write it as YYYY-MM-DD, e.g. 2026-11-23",
        "ugyldig dato {value!r}: skriv den som ÅÅÅÅ-MM-DD, f.eks. 2026-11-23"),
}
PHRASES.update(_DIRECTORY)

# -- conversations and labelled cases read by lotsen referrals suggest|eval (referrals) -----------
_CONVERSATION: dict[str, Texts] = {
    "conversation.not_object": ("en konversation måste vara ett JSON-objekt",
                                "a conversation must be a JSON object",
                                "en samtale må være et JSON-objekt"),
    "conversation.lang": (
        '"lang" måste vara en text som "sv", "nb" eller "en", eller null',
        '"lang" must be a string such as "sv", "nb" or "en", or null',
        '"lang" må være en tekst som "sv", "nb" eller "en", eller null'),
    "conversation.role": (
        '"role" måste vara en text som "self" eller "relative", eller null',
        '"role" must be a string such as "self" or "relative", or null',
        '"role" må være en tekst som "self" eller "relative", eller null'),
    "conversation.messages": (
        'en konversation behöver "messages": en lista med {{"sender", "text"}}-objekt',
        'a conversation needs "messages": a list of {{"sender", "text"}} objects',
        'en samtale trenger "messages": en liste med {{"sender", "text"}}-objekter'),
    "conversation.message_object": (
        "meddelande {number} måste vara ett objekt med sender och text",
        "message {number} must be an object with sender and text",
        "melding {number} må være et objekt med sender og text"),
    "conversation.sender": ('meddelande {number}: "sender" måste vara "visitor" eller "staff"',
                            'message {number}: "sender" must be "visitor" or "staff"',
                            'melding {number}: "sender" må være "visitor" eller "staff"'),
    "conversation.text": ('meddelande {number}: "text" måste vara en text',
                          'message {number}: "text" must be a string',
                          'melding {number}: "text" må være en tekst'),
    "labelled.at": ("{where}: {problem}",) * 3,
    "labelled.expect_top3_any": ('"expect_top3_any" måste vara en lista med tjänsters id',
                                 '"expect_top3_any" must be a list of service ids',
                                 '"expect_top3_any" må være en liste med tjenesters id'),
    "labelled.urgent": ('"urgent" måste vara true eller false', '"urgent" must be true or false',
                        '"urgent" må være true eller false'),
    "labelled.urgent_kind": ('"urgent_kind" måste vara en text som "suicide", eller null',
                             '"urgent_kind" must be a string such as "suicide", or null',
                             '"urgent_kind" må være en tekst som "suicide", eller null'),
    "labelled.hard_negative": ('"hard_negative" måste vara true eller false',
                               '"hard_negative" must be true or false',
                               '"hard_negative" må være true eller false'),
}
PHRASES.update(_CONVERSATION)
