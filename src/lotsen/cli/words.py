"""Every word the ``lotsen`` command shows a person, in Swedish, English and Norwegian (bokmål).

key: (sv, en, nb), in the order of ``relay.protocol.LANGUAGES``. ``t(key, **args)`` returns
the text in the CLI's language with ``{name}`` arguments filled in; a test checks that every
key has all three languages with the same placeholders.

Problems found outside the CLI (a broken config file, a locked database, a bad referral
directory) come as phrases of ``vocabulary.phrases``; ``said()`` (and ``t()`` for its
arguments) says them in the same language.

The language is ``LOTSEN_LANG`` (sv, en or nb) when it is set, else the locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG``: sv_* is Swedish, nb_*, nn_* and no_* bokmål, en_* English), else
Swedish. Messages read it when they are printed; the help texts of commands and options are
built when the command modules are imported, from the same environment.

``LOTSEN_DEFAULT_LANGUAGE`` is something else: the language visitors meet in the chat. The
tables of ``lotsen stats`` follow that one (``stats_text``), since they describe the service.
Machine-readable output (JSON, CSV, ids, the embed tag) is never translated.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from rich.markup import escape

from relay.protocol import LANGUAGES
from vocabulary.phrases import Phrase, PhrasedError

# Locale language codes, as in sv_SE.UTF-8, and the catalog language each one reads.
_LOCALE_LANGUAGES = {"sv": "sv", "en": "en", "nb": "nb", "nn": "nb", "no": "nb"}


def cli_language(environ: Mapping[str, str] | None = None) -> str:
    """The CLI's language: ``LOTSEN_LANG``, else the locale, else Swedish."""
    env = os.environ if environ is None else environ
    chosen = env.get("LOTSEN_LANG", "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    # The first locale variable that is set decides, as the C library reads them.
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").strip()
        if value:
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return _LOCALE_LANGUAGES.get(code, "sv")
    return "sv"


def t(key: str, /, **args: Any) -> str:
    """The text for ``key`` in the CLI's language, with ``args`` filled in (a text looked up
    without arguments is returned as written, braces and all). An argument that is a phrase
    or an error made of one (``vocabulary.phrases``) is said in the same language."""
    text = TEXT[key][LANGUAGES.index(cli_language())]
    if args:
        text = text.format(**{name: said(value) for name, value in args.items()})
    # Typer renders help with Rich markup, where "[chat]" would be read as a style tag and
    # vanish; help texts name config sections, so their brackets are escaped.
    return escape(text) if key.startswith("help.") else text


def said(what: Any) -> Any:
    """A ``Phrase`` or ``PhrasedError`` (a config, storage or directory problem made elsewhere)
    in the CLI's language; anything else as it is."""
    if isinstance(what, Phrase | PhrasedError):
        return what.text(cli_language())
    return what


TEXT: dict[str, tuple[str, str, str]] = {
    # -- the app, and what every command shares (common.py) ----------------------------------
    "help.app": (
        "Lotsen: anonym stödchatt. Kör reläet, hantera personal, läs statistik.",
        "Lotsen: anonymous counselling chat. Run the relay, manage staff, read statistics.",
        "Lotsen: anonym støttechat. Kjør reléet, administrer ansatte, les statistikk."),
    "help.option.config": ("TOML-konfigurationsfil (valfri).", "TOML config file (optional).",
                           "TOML-konfigurasjonsfil (valgfri)."),
    "help.option.db": (
        "SQLite-databasfil (standard: ./lotsen.db) eller en PostgreSQL-adress "
        "postgresql://användare@värd:5432/databas.",
        "SQLite database file (default: ./lotsen.db), or a PostgreSQL URL "
        "postgresql://user@host:5432/dbname.",
        "SQLite-databasefil (standard: ./lotsen.db) eller en PostgreSQL-adresse "
        "postgresql://bruker@vert:5432/database."),
    "help.option.org": (
        "Organisationens id (behövs när reläet betjänar flera; se lotsen org list).",
        "Organisation id (needed when the relay serves several; see lotsen org list).",
        "Organisasjonens id (trengs når reléet betjener flere; se lotsen org list)."),
    "error": ("fel: {message}", "error: {message}", "feil: {message}"),
    "warning": ("varning: {message}", "warning: {message}", "advarsel: {message}"),
    "note": ("obs: {message}", "note: {message}", "merk: {message}"),
    "common.no_database": (
        "det finns ingen databas på {path} — ange --db med reläets databasfil",
        "no database at {path} — pass --db with the relay's database file",
        "det finnes ingen database på {path} — oppgi --db med reléets databasefil"),
    "common.several_orgs": (
        "reläet betjänar flera organisationer ({ids}) — ange --org med en av dem",
        "this relay serves several organisations ({ids}) — pass --org with one of them",
        "reléet betjener flere organisasjoner ({ids}) — oppgi --org med én av dem"),
    "common.no_org_tables": (
        "--org {org!r}: reläets konfiguration har ingen [[organisation]]; dess enda "
        "organisation är {default!r} (eller utelämna --org)",
        "--org {org!r}: this relay has no [[organisation]] in its config; its one "
        "organisation is {default!r} (or leave out --org)",
        "--org {org!r}: reléets konfigurasjon har ingen [[organisation]]; den eneste "
        "organisasjonen er {default!r} (eller utelat --org)"),
    "common.no_such_org": (
        "--org {org!r}: organisationen finns inte — reläet betjänar {ids} (lotsen org list)",
        "--org {org!r}: no such organisation — this relay serves {ids} (lotsen org list)",
        "--org {org!r}: organisasjonen finnes ikke — reléet betjener {ids} (lotsen org list)"),
    "common.lang_one_of": (
        "--lang måste vara en av {choices}, inte {lang!r}",
        "--lang must be one of {choices}, not {lang!r}",
        "--lang må være én av {choices}, ikke {lang!r}"),
    "common.cannot_write": ("kan inte skriva {path}: {reason}", "cannot write {path}: {reason}",
                            "kan ikke skrive {path}: {reason}"),
    # -- serve and purge (serve.py) ----------------------------------------------------------
    "help.serve": (
        "Kör reläet: besökarnas och personalens anslutningar, widgeten och dess demosida.",
        "Run the relay: the visitor and staff endpoints, the widget and its demo page.",
        "Kjør reléet: de besøkendes og de ansattes tilkoblinger, widgeten og demosiden."),
    "help.serve.host": ("Adress att lyssna på (standard: 127.0.0.1).",
                        "Address to listen on (default: 127.0.0.1).",
                        "Adresse å lytte på (standard: 127.0.0.1)."),
    "help.serve.port": ("Port att lyssna på (standard: {port}).",
                        "Port to listen on (default: {port}).",
                        "Port å lytte på (standard: {port})."),
    "help.serve.log_level": (
        "debug, info, warning eller error (standard: LOTSEN_LOG_LEVEL, annars "
        "konfigurationens loggnivå, annars info).",
        "debug, info, warning or error (default: LOTSEN_LOG_LEVEL, else the config's log "
        "level, else info).",
        "debug, info, warning eller error (standard: LOTSEN_LOG_LEVEL, ellers "
        "konfigurasjonens loggnivå, ellers info)."),
    "help.serve.log_json": (
        "Ett JSON-objekt per loggrad, eller vanlig text (standard: LOTSEN_LOG_JSON, annars "
        "konfigurationens log json, annars text).",
        "One JSON object per log line, or plain text (default: LOTSEN_LOG_JSON, else the "
        "config's log json, else plain).",
        "Ett JSON-objekt per logglinje, eller ren tekst (standard: LOTSEN_LOG_JSON, ellers "
        "konfigurasjonens log json, ellers tekst)."),
    "help.serve.certfile": (
        "TLS-certifikatkedja (PEM): servera https:// och wss:// direkt (standard: "
        "okrypterat; en omvänd proxy sköter TLS).",
        "TLS certificate chain (PEM): serve https:// and wss:// directly (default: plain; a "
        "reverse proxy does TLS).",
        "TLS-sertifikatkjede (PEM): server https:// og wss:// direkte (standard: ukryptert; "
        "en omvendt proxy tar seg av TLS)."),
    "help.serve.keyfile": ("Den privata nyckeln (PEM) till --certfile.",
                           "The private key (PEM) of --certfile.",
                           "Den private nøkkelen (PEM) til --certfile."),
    "serve.bad_log_level": (
        "okänd loggnivå {level!r} — använd debug, info, warning eller error",
        "unknown log level {level!r} — use debug, info, warning or error",
        "ukjent loggnivå {level!r} — bruk debug, info, warning eller error"),
    "serve.tls_pair": ("TLS kräver både --certfile och --keyfile",
                       "TLS needs both --certfile and --keyfile",
                       "TLS krever både --certfile og --keyfile"),
    "serve.ready": (
        "Lotsen-reläet på {where}  (demosida {where}/, widget {where}/widget.js)",
        "Lotsen relay on {where}  (demo page {where}/, widget {where}/widget.js)",
        "Lotsen-reléet på {where}  (demoside {where}/, widget {where}/widget.js)"),
    "serve.serving_orgs": (
        "Betjänar {count} organisationer: {ids} (data-org i widgetens script-tagg).",
        "Serving {count} organisations: {ids} (data-org on the widget's script tag).",
        "Betjener {count} organisasjoner: {ids} (data-org i widgetens script-tagg)."),
    "serve.network": (
        "Professionella nätverket: {rooms} rum, organisationer {orgs}.",
        "Professionals' network: {rooms} room(s), organisations {orgs}.",
        "Profesjonelt nettverk: {rooms} rom, organisasjoner {orgs}."),
    "purge.network": (
        "Professionella nätverket: raderade {count} rad(er) skrivna för mer än {days} dag(ar) "
        "sedan.",
        "Professionals' network: purged {count} line(s) written more than {days} day(s) ago.",
        "Profesjonelt nettverk: slettet {count} linje(r) skrevet for mer enn {days} dag(er) "
        "siden."),
    "serve.database": ("Databas {database}. Stoppa med Ctrl+C.",
                       "Database {database}. Stop with Ctrl+C.",
                       "Database {database}. Stopp med Ctrl+C."),
    "serve.port_in_use": (
        "port {port} används redan — ange --port, eller stoppa det andra programmet",
        "port {port} is in use — pass --port, or stop the other program",
        "port {port} er allerede i bruk — oppgi --port, eller stopp det andre programmet"),
    "serve.port_denied": (
        "får inte lyssna på port {port} — ange --port över 1024",
        "not allowed to listen on port {port} — pass --port above 1024",
        "har ikke lov til å lytte på port {port} — oppgi --port over 1024"),
    "serve.bad_host": (
        "kan inte lyssna på {host} — ange --host med en adress som den här datorn har",
        "cannot listen on {host} — pass --host with an address of this machine",
        "kan ikke lytte på {host} — oppgi --host med en adresse denne maskinen har"),
    "serve.cannot_start": ("kan inte starta reläet: {reason}",
                           "cannot start the relay: {reason}",
                           "kan ikke starte reléet: {reason}"),
    "serve.storage_postgres": (
        "{problem} — kontrollera att PostgreSQL-servern körs och att databasen finns "
        "(lotsen skapar aldrig någon), eller ange en annan --db-adress",
        "{problem} — check that the PostgreSQL server runs and the database exists "
        "(lotsen never creates one), or pass another --db URL",
        "{problem} — sjekk at PostgreSQL-serveren kjører og at databasen finnes "
        "(lotsen oppretter aldri en), eller oppgi en annen --db-adresse"),
    "serve.storage_sqlite": ("{problem} — ange --db med en fil som går att skriva",
                             "{problem} — pass --db with a writable file",
                             "{problem} — oppgi --db med en fil det går an å skrive til"),
    "serve.tls_missing": (
        "hittar inte {path} — kontrollera --certfile och --keyfile",
        "cannot find {path} — check --certfile and --keyfile",
        "finner ikke {path} — sjekk --certfile og --keyfile"),
    "serve.tls_either": ("{certfile} eller {keyfile}", "{certfile} or {keyfile}",
                         "{certfile} eller {keyfile}"),
    "serve.tls_denied": (
        "får inte läsa {path} — kör som en användare som får det",
        "not allowed to read {path} — run as a user who may",
        "har ikke lov til å lese {path} — kjør som en bruker som har det"),
    "serve.tls_bad": (
        "kan inte använda {certfile} med {keyfile} ({reason}) — båda måste vara PEM-filer "
        "och nyckeln måste höra till certifikatet",
        "cannot use {certfile} with {keyfile} ({reason}) — both must be PEM files and the "
        "key must belong to the certificate",
        "kan ikke bruke {certfile} med {keyfile} ({reason}) — begge må være PEM-filer og "
        "nøkkelen må høre til sertifikatet"),
    "help.purge": (
        "Radera texten i samtal som avslutades för längre sedan än lagringstiden.\n\n"
        "En statistikpost för varje samtal finns kvar (tider, väntan, roll, utfall).",
        "Delete the text of conversations closed longer ago than the retention period.\n\n"
        "A statistics-only record of each conversation stays (times, waits, role, outcome).",
        "Slett teksten i samtaler som ble avsluttet for lengre siden enn lagringstiden.\n\n"
        "En statistikkpost for hver samtale blir stående (tider, venting, rolle, utfall)."),
    "help.purge.older_than_days": (
        "Använd detta i stället för retention_days den här gången.",
        "Override retention_days for this run.",
        "Bruk dette i stedet for retention_days denne gangen."),
    "help.purge.org": (
        "Bara den här organisationen (standard: alla organisationer, var och en med sin "
        "egen lagringstid).",
        "Only this organisation (default: every organisation, each with its own retention).",
        "Bare denne organisasjonen (standard: alle organisasjoner, hver med sin egen "
        "lagringstid)."),
    "purge.organisation": ("Organisation {org}:", "Organisation {org}:",
                           "Organisasjon {org}:"),
    "purge.conversations": (
        "Raderade texten i {count} samtal som avslutades för mer än {days} dag(ar) sedan "
        "({lines} rader, {room_lines} rader i personalrummet). Statistikposterna finns kvar.",
        "Purged the text of {count} conversation(s) closed more than {days} day(s) ago "
        "({lines} lines, {room_lines} staff-room lines). Statistics records are kept.",
        "Slettet teksten i {count} samtale(r) som ble avsluttet for mer enn {days} dag(er) "
        "siden ({lines} linjer, {room_lines} linjer i personalrommet). Statistikkpostene "
        "beholdes."),
    "purge.questions": (
        "Raderade texten i frågor som stängdes, eller besvarades men inte lästes, för mer "
        "än {days} dag(ar) sedan: {count}.",
        "Purged the text of {count} question(s) closed, or answered and left unread, more "
        "than {days} day(s) ago.",
        "Slettet teksten i {count} spørsmål som ble lukket, eller besvart men ikke lest, for "
        "mer enn {days} dag(er) siden."),
    # -- export, backup and migrate (ops.py) -------------------------------------------------
    "help.export": (
        "Skriv ett samtals utskrift till en textfil för journalen (loggas i granskningsloggen).",
        "Write one conversation's transcript to a text file for the case record (audited).",
        "Skriv én samtales utskrift til en tekstfil for journalen (logges i revisjonsloggen)."),
    "help.export.conversation": ("Samtalets nummer som personalen ser.",
                                 "The conversation number staff see.",
                                 "Samtalens nummer slik de ansatte ser det."),
    "help.export.out": (
        "Textfil att skriva ('-' för standard ut) (standard: lotsen-conversation-N.txt).",
        "Text file to write ('-' for standard output) (default: lotsen-conversation-N.txt).",
        "Tekstfil å skrive ('-' for standard ut) (standard: lotsen-conversation-N.txt)."),
    "help.export.notes": ("Ta med interna anteckningar och handledarens viskningar.",
                          "Include internal notes and supervisor whispers.",
                          "Ta med interne notater og veilederens hvisking."),
    "help.export.force": ("Skriv över en befintlig fil.", "Overwrite an existing file.",
                          "Skriv over en eksisterende fil."),
    "export.exists": (
        "{path} finns redan — välj en annan --out, eller ange --force för att skriva över den",
        "{path} exists — choose another --out, or pass --force to overwrite it",
        "{path} finnes allerede — velg en annen --out, eller oppgi --force for å skrive over "
        "den"),
    "export.no_conversation": ("samtal {number} finns inte i {database}",
                               "no conversation {number} in {database}",
                               "samtale {number} finnes ikke i {database}"),
    "export.no_conversation_org": (
        "samtal {number} finns inte i {database} för organisationen {org}",
        "no conversation {number} in {database} for organisation {org}",
        "samtale {number} finnes ikke i {database} for organisasjonen {org}"),
    "export.purged": (
        "texten i samtal {number} har raderats enligt lagringstiden (avslutat {closed}); "
        "bara statistikposten finns kvar",
        "the text of conversation {number} was deleted by the retention purge (closed "
        "{closed}); only its statistics record remains",
        "teksten i samtale {number} er slettet etter lagringstiden (avsluttet {closed}); "
        "bare statistikkposten er igjen"),
    "export.written": (
        "Skrev samtal {number} ({count} rader) till {path}. Exporten är registrerad i "
        "granskningsloggen; lägg in den i journalen och radera den här kopian.",
        "Wrote conversation {number} ({count} lines) to {path}. The export is recorded in the "
        "audit log; file it in the case record and delete this copy.",
        "Skrev samtale {number} ({count} linjer) til {path}. Eksporten er registrert i "
        "revisjonsloggen; legg den i journalen og slett denne kopien."),
    # the transcript file itself
    "transcript.title": (
        "Samtalsutskrift från Lotsen, exporterad {when} ({zone})",
        "Lotsen conversation transcript, exported {when} ({zone})",
        "Samtaleutskrift fra Lotsen, eksportert {when} ({zone})"),
    "transcript.secrecy": (
        "För journalen. Hanteras under sekretess (OSL 26 kap.).",
        "For the case record. Handle under secrecy (OSL 26 kap.).",
        "For journalen. Behandles under taushetsplikt (OSL 26 kap.)."),
    "transcript.conversation": ("Samtal", "Conversation", "Samtale"),
    "transcript.started": ("Påbörjat", "Started", "Startet"),
    "transcript.answered": ("Besvarat", "Answered", "Besvart"),
    "transcript.ended": ("Avslutat", "Ended", "Avsluttet"),
    "transcript.language": ("Språk", "Language", "Språk"),
    "transcript.who": ("Vem skriver", "Who writes", "Hvem skriver"),
    "transcript.topics": ("Ämnen", "Topics", "Temaer"),
    "transcript.referrals": ("Hänvisningar", "Referrals", "Henvisninger"),
    "transcript.urgent": ("Akut", "Urgent", "Akutt"),
    "transcript.state": ("Status", "State", "Status"),
    "transcript.by": (" av {who}", " by {who}", " av {who}"),
    "transcript.not_given": ("inte angivet", "not given", "ikke oppgitt"),
    "transcript.yes": ("ja", "yes", "ja"),
    "transcript.no": ("nej", "no", "nei"),
    "transcript.open": ("{state} — senare rader finns inte i den här exporten",
                        "{state} — later lines are not in this export",
                        "{state} — senere linjer er ikke med i denne eksporten"),
    "transcript.system": ("System", "System", "System"),
    "transcript.staff": ("personal", "staff", "ansatt"),
    "transcript.note": (" (intern anteckning)", " (internal note)", " (internt notat)"),
    "transcript.whisper": (" (handledare, bara för personalen)", " (supervisor, staff only)",
                           " (veileder, bare for de ansatte)"),
    "help.backup": (
        "Kopiera databasen säkert medan reläet körs (SQLite online backup; pg_dump).",
        "Copy the database safely while the relay runs (SQLite online backup; pg_dump).",
        "Kopier databasen trygt mens reléet kjører (SQLite online backup; pg_dump)."),
    "help.backup.dest": (
        "En fil att skriva, eller en mapp att lägga en daterad lotsen-ÅÅÅÅMMDD-TTMMSS.db-fil i.",
        "A file to write, or a folder to put a dated lotsen-YYYYMMDD-HHMMSS.db file in.",
        "En fil å skrive, eller en mappe å legge en datert lotsen-ÅÅÅÅMMDD-TTMMSS.db-fil i."),
    "help.backup.keep": (
        "Med en mapp: behåll bara de N senaste säkerhetskopiorna där (anpassa till "
        "lagringstiden).",
        "With a folder: keep only the newest N backups there (match them to the retention "
        "period).",
        "Med en mappe: behold bare de N nyeste sikkerhetskopiene der (tilpass dem "
        "lagringstiden)."),
    "help.backup.force": ("Skriv över en befintlig säkerhetskopia.",
                          "Overwrite an existing backup file.",
                          "Skriv over en eksisterende sikkerhetskopi."),
    "backup.keep_needs_folder": ("--keep kräver att DEST är en mapp",
                                 "--keep needs DEST to be a folder",
                                 "--keep krever at DEST er en mappe"),
    "backup.no_folder": ("mappen {folder} finns inte — skapa den först",
                         "no folder {folder} — create it first",
                         "mappen {folder} finnes ikke — opprett den først"),
    "backup.exists": (
        "{path} finns redan — ange --force för att skriva över den, eller ange en mapp",
        "{path} exists — pass --force to overwrite it, or give a folder",
        "{path} finnes allerede — oppgi --force for å skrive over den, eller oppgi en mappe"),
    "backup.failed": ("säkerhetskopieringen misslyckades: {problem}", "backup failed: {problem}",
                      "sikkerhetskopieringen mislyktes: {problem}"),
    "backup.same_file": ("säkerhetskopian får inte vara själva databasen",
                         "the backup must not be the database itself",
                         "sikkerhetskopien kan ikke være selve databasen"),
    "backup.dumped": (
        "Dumpade {database} till {path} med pg_dump ({kib} KiB, schemaversion {version}; "
        "återställ till en tom databas med pg_restore).",
        "Dumped {database} to {path} with pg_dump ({kib} KiB, schema version {version}; "
        "restore into an empty database with pg_restore).",
        "Dumpet {database} til {path} med pg_dump ({kib} KiB, skjemaversjon {version}; "
        "gjenopprett til en tom database med pg_restore)."),
    "backup.copied": (
        "Säkerhetskopierade {database} till {path} ({kib} KiB, schemaversion {version}, "
        "{count} samtalspost(er)).",
        "Backed up {database} to {path} ({kib} KiB, schema version {version}, {count} "
        "conversation record(s)).",
        "Sikkerhetskopierte {database} til {path} ({kib} KiB, skjemaversjon {version}, "
        "{count} samtalepost(er))."),
    "backup.pruned": (
        "Raderade äldre säkerhetskopior: {count}; behöll de {keep} senaste.",
        "Deleted {count} older backup(s); kept the newest {keep}.",
        "Slettet {count} eldre sikkerhetskopi(er); beholdt de {keep} nyeste."),
    "backup.protect": (
        "Säkerhetskopian innehåller utskrifter som ännu inte har raderats: skydda den lika väl "
        "som databasen och spara den inte längre än lagringstiden.",
        "The backup holds transcripts not yet purged: keep it as protected as the database "
        "and no longer than the retention period.",
        "Sikkerhetskopien inneholder utskrifter som ennå ikke er slettet: beskytt den like "
        "godt som databasen og ikke ta vare på den lenger enn lagringstiden."),
    "backup.no_pg_dump": (
        "pg_dump är inte installerat — installera PostgreSQL:s klientverktyg (Debian: "
        "apt-get install postgresql-client, samma huvudversion som servern eller nyare), "
        "eller säkerhetskopiera med egen pg_dump/pg_basebackup",
        "pg_dump is not installed — install PostgreSQL's client tools (Debian: apt-get "
        "install postgresql-client, the same major version as the server or newer), or back "
        "up with your own pg_dump/pg_basebackup setup",
        "pg_dump er ikke installert — installer PostgreSQLs klientverktøy (Debian: apt-get "
        "install postgresql-client, samme hovedversjon som serveren eller nyere), eller ta "
        "sikkerhetskopi med ditt eget pg_dump/pg_basebackup-oppsett"),
    "backup.pg_dump_failed": ("pg_dump misslyckades: {reason}", "pg_dump failed: {reason}",
                              "pg_dump mislyktes: {reason}"),
    "backup.no_reason": ("ingen orsak angavs", "no reason given", "ingen grunn oppgitt"),
    "help.migrate": (
        "Visa databasens schemaversion och kör väntande migreringar (stoppa reläet först).",
        "Show the database schema version and apply pending migrations (stop the relay first).",
        "Vis databasens skjemaversjon og kjør ventende migreringer (stopp reléet først)."),
    "help.migrate.check": (
        "Rapportera bara; avsluta med status 1 om migreringar väntar.",
        "Only report; exit with status 1 if migrations are pending.",
        "Bare rapporter; avslutt med status 1 hvis migreringer venter."),
    "help.migrate.backup": ("Säkerhetskopiera databasen före migreringen.",
                            "Back up the database before migrating.",
                            "Ta sikkerhetskopi av databasen før migreringen."),
    "migrate.cannot_read": ("kan inte läsa {path}: {problem}", "cannot read {path}: {problem}",
                            "kan ikke lese {path}: {problem}"),
    "migrate.versions": (
        "{database}: schemaversion {version}; den här Lotsen levereras med version {latest}.",
        "{database}: schema version {version}; this Lotsen ships version {latest}.",
        "{database}: skjemaversjon {version}; denne Lotsen leveres med versjon {latest}."),
    "migrate.newer": (
        "databasen är nyare än den här Lotsen — uppgradera Lotsen, eller återställ "
        "säkerhetskopian som togs före uppgraderingen",
        "the database is newer than this Lotsen — upgrade Lotsen, or restore the backup taken "
        "before the upgrade",
        "databasen er nyere enn denne Lotsen — oppgrader Lotsen, eller gjenopprett "
        "sikkerhetskopien som ble tatt før oppgraderingen"),
    "migrate.up_to_date": ("Databasen är aktuell: inget att migrera.",
                           "Up to date: nothing to migrate.",
                           "Databasen er oppdatert: ingenting å migrere."),
    "migrate.pending": ("Väntande migrering(ar): {numbers}.", "Pending migration(s): {numbers}.",
                        "Ventende migrering(er): {numbers}."),
    "migrate.backup_failed": (
        "säkerhetskopieringen före migreringen misslyckades, inget ändrades: {problem}",
        "backup before migrating failed, nothing changed: {problem}",
        "sikkerhetskopieringen før migreringen mislyktes, ingenting ble endret: {problem}"),
    "migrate.backup_failed_pg": (
        "säkerhetskopieringen före migreringen misslyckades, inget ändrades: {problem} "
        "(eller ange --no-backup när du har tagit en egen)",
        "backup before migrating failed, nothing changed: {problem} (or pass --no-backup "
        "after taking your own)",
        "sikkerhetskopieringen før migreringen mislyktes, ingenting ble endret: {problem} "
        "(eller oppgi --no-backup når du har tatt en egen)"),
    "migrate.backed_up": ("Säkerhetskopierade till {path}.", "Backed up to {path}.",
                          "Sikkerhetskopierte til {path}."),
    "migrate.backed_up_pg": ("Säkerhetskopierade till {path} (pg_dump).",
                             "Backed up to {path} (pg_dump).",
                             "Sikkerhetskopierte til {path} (pg_dump)."),
    "migrate.done": ("Migrerade {database} till schemaversion {version}.",
                     "Migrated {database} to schema version {version}.",
                     "Migrerte {database} til skjemaversjon {version}."),
    # -- audit (audit.py) --------------------------------------------------------------------
    "help.audit": (
        "Skriv ut granskningsloggen: vem som loggade in, tog, läste, överlämnade, avslutade, "
        "exporterade, raderade.\n\nMeddelandetext finns aldrig i granskningsloggen. Ett relä "
        "som betjänar flera organisationer har en logg per organisation (--org).",
        "Print the audit log: who logged in, claimed, read, transferred, closed, exported, "
        "purged.\n\nMessage text is never in the audit log. A relay serving several "
        "organisations keeps one log per organisation (--org).",
        "Skriv ut revisjonsloggen: hvem som logget inn, tok, leste, overførte, avsluttet, "
        "eksporterte, slettet.\n\nMeldingstekst er aldri i revisjonsloggen. Et relé som "
        "betjener flere organisasjoner har én logg per organisasjon (--org)."),
    "help.audit.since": (
        "Bara poster sedan en tidpunkt (2026-03-01, 2026-03-01T12:00, lokal tid) eller för en "
        "tid sedan (90m, 24h, 7d) (standard: alla).",
        "Only entries since a date/time (2026-03-01, 2026-03-01T12:00, local time) or a "
        "duration ago (90m, 24h, 7d) (default: all).",
        "Bare poster siden et tidspunkt (2026-03-01, 2026-03-01T12:00, lokal tid) eller for en "
        "tid siden (90m, 24h, 7d) (standard: alle)."),
    "help.audit.user": (
        "Bara handlingar av den här personen ('cli' för kommandon som körts på servern, "
        "'system' för reläet självt, '(unauthenticated)' för misslyckade inloggningar och "
        "spärrar).",
        "Only actions by this staff member ('cli' for commands run on the server, 'system' "
        "for the relay itself, '(unauthenticated)' for failed logins and lockouts).",
        "Bare handlinger av denne ansatte ('cli' for kommandoer kjørt på serveren, 'system' "
        "for reléet selv, '(unauthenticated)' for mislykkede innlogginger og sperringer)."),
    "help.format": ("table, json eller csv.", "table, json or csv.", "table, json eller csv."),
    "help.audit.limit": ("Högst så här många av de senaste posterna.",
                         "At most this many newest entries.",
                         "Høyst så mange av de nyeste postene."),
    "audit.bad_since": (
        "--since {text!r} är varken en tidslängd som 24h eller 7d eller ett datum som "
        "2026-03-01",
        "--since {text!r} is neither a duration like 24h or 7d nor a date like 2026-03-01",
        "--since {text!r} er verken en varighet som 24h eller 7d eller en dato som 2026-03-01"),
    "audit.bad_format": ("okänt --format {output!r} — använd table, json eller csv",
                         "unknown --format {output!r} — use table, json or csv",
                         "ukjent --format {output!r} — bruk table, json eller csv"),
    "audit.none": ("Inga poster i granskningsloggen.", "No audit entries.",
                   "Ingen poster i revisjonsloggen."),
    "audit.none_by": ("Inga poster i granskningsloggen av {user}.", "No audit entries by {user}.",
                      "Ingen poster i revisjonsloggen av {user}."),
    "audit.none_since": ("Inga poster i granskningsloggen sedan {since}.",
                         "No audit entries since {since}.",
                         "Ingen poster i revisjonsloggen siden {since}."),
    "audit.none_by_since": ("Inga poster i granskningsloggen av {user} sedan {since}.",
                            "No audit entries by {user} since {since}.",
                            "Ingen poster i revisjonsloggen av {user} siden {since}."),
    "audit.col.time": ("tid", "time", "tid"),
    "audit.col.actor": ("vem", "actor", "hvem"),
    "audit.col.action": ("handling", "action", "handling"),
    "audit.col.conversation": ("samtal", "conversation", "samtale"),
    "audit.col.detail": ("detalj", "detail", "detalj"),
    # -- staff (staff.py) --------------------------------------------------------------------
    "help.staff": (
        "Hantera personalkonton (lösenord frågas efter, anges aldrig som argument).",
        "Manage staff accounts (passwords are prompted, never arguments).",
        "Administrer ansattkontoer (passord blir spurt om, aldri gitt som argumenter)."),
    "help.staff.password_stdin": (
        "Läs lösenordet från första raden på standard in.",
        "Read the password from the first line of standard input.",
        "Les passordet fra første linje på standard inn."),
    "help.staff.add": (
        "Skapa ett personalkonto (i en organisation: --org, när reläet betjänar flera).",
        "Create a staff account (of one organisation: --org, when the relay serves several).",
        "Opprett en ansattkonto (i én organisasjon: --org, når reléet betjener flere)."),
    "help.staff.username": ("Inloggningsnamn, t.ex. anna.", "Login name, e.g. anna.",
                            "Brukernavn, f.eks. anna."),
    "help.staff.name": (
        "Namnet besökarna ser, t.ex. ett förnamn (frågas efter om det inte anges; skapas "
        "automatiskt med --password-stdin). Aldrig inloggningsnamnet som standard: då skulle "
        "besökarna få veta halva inloggningen.",
        "Name shown to visitors, e.g. a first name (asked for when not given; generated with "
        "--password-stdin). Never the login name by default: visitors would learn half of a "
        "login.",
        "Navnet de besøkende ser, f.eks. et fornavn (blir spurt om når det ikke er oppgitt; "
        "lages automatisk med --password-stdin). Aldri brukernavnet som standard: da ville de "
        "besøkende lære halve innloggingen."),
    "help.staff.supervisor": ("Får följa alla samtal (loggas).",
                              "May follow every conversation (audited).",
                              "Kan følge alle samtaler (logges)."),
    "help.staff.list": ("Lista personalkonton (i en organisation).",
                        "List staff accounts (of one organisation).",
                        "List ansattkontoer (i én organisasjon)."),
    "help.staff.disable": ("Inaktivera ett konto och avsluta dess sessioner.",
                           "Disable an account and end its sessions.",
                           "Deaktiver en konto og avslutt øktene dens."),
    "help.staff.passwd": ("Sätt ett nytt lösenord (avslutar kontots sessioner).",
                          "Set a new password (ends the account's sessions).",
                          "Sett et nytt passord (avslutter kontoens økter)."),
    "help.staff.totp": (
        "Registrera en andra faktor (TOTP): skanna QR-koden med en autentiseringsapp.\n\n"
        "Hemligheten lagras i databasen (skydda dess säkerhetskopior som databasen själv) och "
        "loggas aldrig. Registreringen avslutar kontots sessioner, så nästa inloggning frågar "
        "efter en kod.",
        "Enrol a TOTP second factor: scan the QR code with an authenticator app.\n\n"
        "The secret is stored in the database (protect its backups like the database itself) "
        "and is never logged. Enrolling ends the account's sessions, so the next login asks "
        "for a code.",
        "Registrer en andre faktor (TOTP): skann QR-koden med en autentiseringsapp.\n\n"
        "Hemmeligheten lagres i databasen (beskytt sikkerhetskopiene like godt som databasen) "
        "og logges aldri. Registreringen avslutter kontoens økter, så neste innlogging spør "
        "etter en kode."),
    "help.staff.totp_user": ("Personalkontot som ska registreras.",
                             "The staff account to enrol.",
                             "Ansattkontoen som skal registreres."),
    "help.staff.totp_remove": ("Stäng av den andra faktorn i stället.",
                               "Turn the second factor off instead.",
                               "Slå av den andre faktoren i stedet."),
    "help.staff.totp_confirm": (
        "Fråga efter en kod från appen innan den sparas (standard: på).",
        "Ask for a code from the app before saving (default: on).",
        "Spør etter en kode fra appen før den lagres (standard: på)."),
    "staff.bad_username": (
        "ett användarnamn får bara innehålla ASCII-bokstäver, siffror, '.', '-' och '_' "
        "(1–64 tecken, med en bokstav eller siffra först)",
        "a username may use only ASCII letters, digits, '.', '-' and '_' (1-64 characters, "
        "starting with a letter or digit)",
        "et brukernavn kan bare inneholde ASCII-bokstaver, sifre, '.', '-' og '_' (1–64 tegn, "
        "med en bokstav eller et siffer først)"),
    "staff.reserved": ("{username!r} är reserverat för granskningsloggen",
                       "{username!r} is reserved for the audit log",
                       "{username!r} er reservert for revisjonsloggen"),
    "staff.name_empty": ("namnet som besökarna ser får inte vara tomt",
                         "the name shown to visitors must not be empty",
                         "navnet de besøkende ser kan ikke være tomt"),
    "staff.name_long": ("namnet som besökarna ser får ha högst {count} tecken",
                        "the name shown to visitors may have at most {count} characters",
                        "navnet de besøkende ser kan ha høyst {count} tegn"),
    "staff.name_invisible": (
        "namnet som besökarna ser får inte innehålla styrtecken eller osynliga tecken",
        "the name shown to visitors may not contain control or invisible characters",
        "navnet de besøkende ser kan ikke inneholde kontrolltegn eller usynlige tegn"),
    "staff.password_prompt": ("Lösenord", "Password", "Passord"),
    "staff.password_repeat": ("Upprepa lösenordet", "Repeat for confirmation",
                              "Gjenta passordet"),
    "staff.password_rejected": ("lösenordet godtas inte: {problem}",
                                "password not accepted: {problem}",
                                "passordet godtas ikke: {problem}"),
    "staff.name_prompt": (
        "Namnet som besökarna ser (ett förnamn, eller behåll det här)",
        "Name shown to visitors (a first name, or keep this one)",
        "Navnet de besøkende ser (et fornavn, eller behold dette)"),
    "staff.added_staff": (
        "Lade till personalkontot {username}; besökarna ser namnet {name!r}.",
        "Added staff member {username}; visitors see the name {name!r}.",
        "La til den ansatte {username}; de besøkende ser navnet {name!r}."),
    "staff.added_supervisor": (
        "Lade till handledaren {username}; besökarna ser namnet {name!r}.",
        "Added supervisor {username}; visitors see the name {name!r}.",
        "La til veilederen {username}; de besøkende ser navnet {name!r}."),
    "staff.added_staff_org": (
        "Lade till personalkontot {username} i organisationen {org}; besökarna ser namnet "
        "{name!r}.",
        "Added staff member {username} of organisation {org}; visitors see the name {name!r}.",
        "La til den ansatte {username} i organisasjonen {org}; de besøkende ser navnet "
        "{name!r}."),
    "staff.added_supervisor_org": (
        "Lade till handledaren {username} i organisationen {org}; besökarna ser namnet "
        "{name!r}.",
        "Added supervisor {username} of organisation {org}; visitors see the name {name!r}.",
        "La til veilederen {username} i organisasjonen {org}; de besøkende ser navnet "
        "{name!r}."),
    "staff.col.username": ("användarnamn", "username", "brukernavn"),
    "staff.col.name": ("namn", "name", "navn"),
    "staff.col.role": ("roll", "role", "rolle"),
    "staff.col.status": ("status", "status", "status"),
    "staff.col.2fa": ("2FA", "2FA", "2FA"),
    "staff.supervisor": ("handledare", "supervisor", "veileder"),
    "staff.staff": ("personal", "staff", "ansatt"),
    "staff.disabled": ("inaktiverat", "disabled", "deaktivert"),
    "staff.active": ("aktivt", "active", "aktiv"),
    "staff.yes": ("ja", "yes", "ja"),
    "staff.no": ("nej", "no", "nei"),
    "staff.no_account": ("det finns inget personalkonto {username!r}",
                         "no staff account {username!r}",
                         "det finnes ingen ansattkonto {username!r}"),
    "staff.no_account_org": (
        "det finns inget personalkonto {username!r} i organisationen {org}",
        "no staff account {username!r} in organisation {org}",
        "det finnes ingen ansattkonto {username!r} i organisasjonen {org}"),
    "staff.disabled_done": (
        "Inaktiverade {username}; kontots sessioner är avslutade (ett relä som körs stänger "
        "dess öppna konsoler inom några sekunder).",
        "Disabled {username}; their sessions are ended (a running relay closes their open "
        "consoles within a few seconds).",
        "Deaktiverte {username}; øktene er avsluttet (et relé som kjører lukker de åpne "
        "konsollene innen noen sekunder)."),
    "staff.password_changed": ("Lösenordet är ändrat för {username}.",
                               "Password changed for {username}.",
                               "Passordet er endret for {username}."),
    "staff.code_prompt": ("Koden som appen visar nu", "Code shown by the app now",
                          "Koden appen viser nå"),
    "staff.code_mismatch": (
        "koden stämmer inte; inget sparades — kör kommandot igen",
        "that code does not match; nothing was saved — run the command again",
        "koden stemmer ikke; ingenting ble lagret — kjør kommandoen på nytt"),
    "staff.totp_removed": ("Den andra faktorn är borttagen för {username}.",
                           "Second factor removed for {username}.",
                           "Den andre faktoren er fjernet for {username}."),
    "staff.totp_enrolled": (
        "Den andra faktorn är registrerad för {username}; konsolen frågar efter en kod vid "
        "nästa inloggning.",
        "Second factor enrolled for {username}; the console asks for a code at the next login.",
        "Den andre faktoren er registrert for {username}; konsollen spør etter en kode ved "
        "neste innlogging."),
    "staff.scan": ("Skanna den här med en autentiseringsapp (för {username}):",
                   "Scan this with an authenticator app (for {username}):",
                   "Skann denne med en autentiseringsapp (for {username}):"),
    "staff.open_uri": ("Eller öppna: {uri}", "Or open: {uri}", "Eller åpne: {uri}"),
    "staff.type_key": (
        "Eller skriv in nyckeln för hand: {key}  (tidsbaserad, 6 siffror, 30 sekunder)",
        "Or type the key by hand: {key}  (time-based, 6 digits, 30 seconds)",
        "Eller skriv inn nøkkelen for hånd: {key}  (tidsbasert, 6 sifre, 30 sekunder)"),
    # -- config (config.py) ------------------------------------------------------------------
    "help.config": ("Kontrollera konfigurationsfiler, eller visa den gällande konfigurationen.",
                    "Check configuration files, or show the effective configuration.",
                    "Sjekk konfigurasjonsfiler, eller vis den gjeldende konfigurasjonen."),
    "help.config.check": (
        "Kontrollera en konfigurationsfil och de LOTSEN_*-variabler som är satta; fel anger "
        "raden eller variabeln.",
        "Validate a config file and the LOTSEN_* variables set; errors name the line or "
        "variable.",
        "Kontroller en konfigurasjonsfil og LOTSEN_*-variablene som er satt; feil oppgir "
        "linjen eller variabelen."),
    "help.config.file": ("TOML-konfigurationsfilen som ska kontrolleras.",
                         "The TOML config file to check.",
                         "TOML-konfigurasjonsfilen som skal kontrolleres."),
    "help.config.show": (
        "Skriv ut den gällande konfigurationen (fil, LOTSEN_*-variabler, standardvärden) som "
        "TOML.",
        "Print the effective configuration (file, LOTSEN_* variables, defaults) as TOML.",
        "Skriv ut den gjeldende konfigurasjonen (fil, LOTSEN_*-variabler, standardverdier) "
        "som TOML."),
    "config.unknown_env": ("{name} är inget Lotsen-alternativ och ignoreras",
                           "{name} is not a Lotsen option and is ignored",
                           "{name} er ikke et Lotsen-alternativ og ignoreres"),
    "config.did_you_mean": (" — menade du {instead}?", " — did you mean {instead}?",
                            " — mente du {instead}?"),
    "config.shadowed": (
        "{name} ignoreras: {short} ställer in samma alternativ och vinner",
        "{name} is ignored: {short} sets the same option and wins",
        "{name} ignoreres: {short} setter det samme alternativet og vinner"),
    "config.ok": ("{file}: OK", "{file}: OK", "{file}: OK"),
    "config.from_env": ("  med {names} från miljön", "  with {names} from the environment",
                        "  med {names} fra miljøet"),
    "config.listens": ("  lyssnar på {host}:{port}, databas {database}",
                       "  listens on {host}:{port}, database {database}",
                       "  lytter på {host}:{port}, database {database}"),
    "config.always_open": ("  öppettider: alltid öppet", "  opening hours: always open",
                           "  åpningstider: alltid åpent"),
    "config.day": ("  {day:9} {ranges}", "  {day:9} {ranges}", "  {day:9} {ranges}"),
    "config.closed": ("stängt", "closed", "stengt"),
    "config.zone": (
        "  tidszon {zone}, sista insläpp {minutes} min före stängning, {count} undantagsdatum",
        "  time zone {zone}, last entry {minutes} min before closing, {count} exception "
        "date(s)",
        "  tidssone {zone}, siste inngang {minutes} min før stenging, {count} unntaksdato(er)"),
    "config.retention": (
        "  utskrifter sparas {days} dagar; {count} nödkontakt(er)",
        "  transcripts kept {days} days; {count} emergency contact(s)",
        "  utskrifter lagres i {days} dager; {count} nødkontakt(er)"),
    "config.questions": (
        "  frågor utanför öppettid: {offered}, sparas {days} dagar, högst {max_open} "
        "obesvarade",
        "  questions outside opening hours: {offered}, kept {days} days, at most {max_open} "
        "unanswered",
        "  spørsmål utenfor åpningstid: {offered}, lagres i {days} dager, høyst {max_open} "
        "ubesvarte"),
    "config.offered": ("erbjuds när {when}", "offered when {when}", "tilbys når {when}"),
    "config.off": ("av", "off", "av"),
    "config.logs": ("  loggar från nivå {level} och uppåt, som {form}",
                    "  logs at level {level} and up, as {form}",
                    "  logger fra nivå {level} og oppover, som {form}"),
    "config.text": ("text", "text", "tekst"),
    "config.network": ("  professionella nätverket: {rooms} rum, rader sparas {days} dagar, ",
                       "  professionals' network: {rooms} room(s), lines kept {days} days, ",
                       "  profesjonelt nettverk: {rooms} rom, linjer lagres {days} dager, "),
    "config.network_members": ("organisationer {orgs}", "organisations {orgs}",
                               "organisasjoner {orgs}"),
    "config.network_nobody": (
        "men ingen organisation deltar (network = true i [[organisation]])",
        "but no organisation takes part (network = true in [[organisation]])",
        "men ingen organisasjon deltar (network = true i [[organisation]])"),
    "config.organisations": ("  organisationer: {orgs}", "  organisations: {orgs}",
                             "  organisasjoner: {orgs}"),
    "config.cover": ("  täckning: {covering} svarar för {covered}, {hours}",
                     "  cover: {covering} answers {covered}'s visitors {hours}",
                     "  dekning: {covering} svarer for {covered}, {hours}"),
    # -- console and demo (console.py) -------------------------------------------------------
    "help.console": ("Öppna personalkonsolen: kö, samtal och hänvisningar, från tangentbordet.",
                     "Open the staff console: queue, chats and referrals, from the keyboard.",
                     "Åpne konsollen for de ansatte: kø, samtaler og henvisninger, fra "
                     "tastaturet."),
    "help.console.server": (
        "Reläets adress, t.ex. chat.example.se (wss://, genom dess TLS-proxy) eller "
        "127.0.0.1:8765 (den här datorn, ws://) (standard: den som användes senast).",
        "Relay address, e.g. chat.example.se (wss://, through its TLS proxy) or "
        "127.0.0.1:8765 (this machine, ws://) (default: the one used last time).",
        "Reléets adresse, f.eks. chat.example.se (wss://, gjennom TLS-proxyen) eller "
        "127.0.0.1:8765 (denne maskinen, ws://) (standard: den som ble brukt sist)."),
    "help.console.user": (
        "Ditt användarnamn (standard: det som användes senast). Lösenordet frågas efter i "
        "konsolen, aldrig här.",
        "Your user name (default: the one used last time). The password is asked in the "
        "console, never here.",
        "Brukernavnet ditt (standard: det som ble brukt sist). Passordet blir spurt om i "
        "konsollen, aldri her."),
    "help.console.lang": ("Konsolens språk: sv, en eller nb (standard: från "
                          "konfigurationsfilen, annars sv).",
                          "Language of the console: sv, en or nb (default: from the config "
                          "file, else sv).",
                          "Konsollens språk: sv, en eller nb (standard: fra "
                          "konfigurasjonsfilen, ellers sv)."),
    "help.console.config": (
        "Konsolens konfigurationsfil (TOML) (standard: console.toml i din "
        "konfigurationsmapp).",
        "Console config file (TOML) (default: console.toml in your config directory).",
        "Konsollens konfigurasjonsfil (TOML) (standard: console.toml i "
        "konfigurasjonsmappen din)."),
    "help.console.directory": (
        "Hänvisningskatalog (TOML) (standard: den som följer med Lotsen).",
        "Referral directory file (TOML) (default: the one shipped with Lotsen).",
        "Henvisningskatalog (TOML) (standard: den som følger med Lotsen)."),
    "help.console.insecure": (
        "Tillåt okrypterat ws:// till en värd som inte är den här datorn. Bara i testnät: "
        "lösenordet och alla samtal skickas okrypterade.",
        "Allow plaintext ws:// to a host that is not this machine. Test networks only: the "
        "password and every chat travel unencrypted.",
        "Tillat ukryptert ws:// til en vert som ikke er denne maskinen. Bare i testnett: "
        "passordet og alle samtaler sendes ukryptert."),
    "console.bad_lang": ("okänt språk {lang!r} — ange --lang sv, en eller nb",
                         "unknown language {lang!r} — pass --lang sv, en or nb",
                         "ukjent språk {lang!r} — oppgi --lang sv, en eller nb"),
    "console.plaintext": (
        "{address!r} skulle skicka lösenordet och samtalen okrypterat till {host}, som inte "
        "är den här datorn — använd wss:// (eller inget schema, vilket betyder wss://), eller "
        "ange --insecure i ett testnät",
        "{address!r} would send the password and chats unencrypted to {host}, which is not "
        "this machine — use wss:// (or no scheme, which means wss://), or pass --insecure on "
        "a test network",
        "{address!r} ville sendt passordet og samtalene ukryptert til {host}, som ikke er "
        "denne maskinen — bruk wss:// (eller ingen protokoll, som betyr wss://), eller oppgi "
        "--insecure i et testnett"),
    "console.bad_server": (
        "{address!r} är ingen serveradress — ange --server som chat.example.se eller "
        "127.0.0.1:8765",
        "{address!r} is not a server address — pass --server like chat.example.se or "
        "127.0.0.1:8765",
        "{address!r} er ikke en serveradresse — oppgi --server som chat.example.se eller "
        "127.0.0.1:8765"),
    "help.demo": (
        "Prova Lotsen med ett kommando: ett relä, besökare som skriver och konsolen "
        "inloggad.\n\nAllt körs på en tillfällig databas och stoppas när du avslutar konsolen "
        "(Ctrl+Q).",
        "Try Lotsen in one command: a relay, visitors who write in, and the console logged "
        "in.\n\nEverything runs on a temporary database and stops when you quit the console "
        "(Ctrl+Q).",
        "Prøv Lotsen med én kommando: et relé, besøkende som skriver, og konsollen logget "
        "inn.\n\nAlt kjører på en midlertidig database og stopper når du avslutter konsollen "
        "(Ctrl+Q)."),
    "help.demo.visitors": ("Hur många simulerade besökare som skriver.",
                           "How many simulated visitors write in.",
                           "Hvor mange simulerte besøkende som skriver."),
    "help.demo.port": ("Port för demoreläet.", "Port for the demo relay.",
                       "Port for demoreléet."),
    "help.demo.lang": ("Konsolens språk: sv, en eller nb.",
                       "Language of the console: sv, en or nb.",
                       "Konsollens språk: sv, en eller nb."),
    "help.demo.orgs": (
        "Organisationer på demoreläet (en delad tjänst); konsolen loggar in i den första.",
        "Organisations on the demo relay (a shared service); the console logs in to the "
        "first one.",
        "Organisasjoner på demoreléet (en delt tjeneste); konsollen logger inn i den første."),
    "demo.not_started": ("demoreläet startade inte: {reason}",
                         "the demo relay did not start: {reason}",
                         "demoreléet startet ikke: {reason}"),
    "demo.no_output": ("ingen utdata", "no output", "ingen utdata"),
    "demo.no_answer": (
        "demoreläet svarade inte på port {port} inom 20 s (logg: {log})",
        "the demo relay did not answer on port {port} within 20 s (log: {log})",
        "demoreléet svarte ikke på port {port} innen 20 s (logg: {log})"),
    "demo.bad_port": (
        "{port} är inget portnummer — ange --port mellan 1024 och 65535",
        "{port} is not a port number — pass --port between 1024 and 65535",
        "{port} er ikke et portnummer — oppgi --port mellom 1024 og 65535"),
    "demo.started": (
        "Lotsen-demo: relä på {page} — öppna den i en webbläsare för att chatta som besökare.",
        "Lotsen demo: relay on {page} — open it in a browser to chat as a visitor.",
        "Lotsen-demo: relé på {page} — åpne den i en nettleser for å chatte som besøkende."),
    "demo.org_here": ("  {name}: {page}org/{org}/ — personal {login} (den här konsolen)",
                      "  {name}: {page}org/{org}/ — staff {login} (this console)",
                      "  {name}: {page}org/{org}/ — ansatt {login} (denne konsollen)"),
    "demo.org_other": (
        "  {name}: {page}org/{org}/ — personal {login}: lotsen console --server "
        "127.0.0.1:{port} --user {login}, lösenord {password}",
        "  {name}: {page}org/{org}/ — staff {login}: lotsen console --server "
        "127.0.0.1:{port} --user {login}, password {password}",
        "  {name}: {page}org/{org}/ — ansatt {login}: lotsen console --server "
        "127.0.0.1:{port} --user {login}, passord {password}"),
    "demo.stopped": (
        "Lotsen-demon har stoppats (den tillfälliga databasen är raderad). Demosidan var "
        "{page}",
        "Lotsen demo stopped (the temporary database is deleted). The demo page was {page}",
        "Lotsen-demoen er stoppet (den midlertidige databasen er slettet). Demosiden var "
        "{page}"),
    # -- report (report.py) ------------------------------------------------------------------
    "help.report": (
        "Skriv utvärderingsrapporten (HTML, skrivs ut på A4): efterfrågan, väntetider, vem "
        "som skriver, ämnen.",
        "Write the evaluation report (HTML, prints to A4): demand, waits, who writes, topics.",
        "Skriv evalueringsrapporten (HTML, skrives ut på A4): etterspørsel, ventetider, hvem "
        "som skriver, temaer."),
    "help.report.output": ("HTML-filen som ska skrivas.", "The HTML file to write.",
                           "HTML-filen som skal skrives."),
    "help.period.month": ("En hel kalendermånad, t.ex. 2026-03.",
                          "A whole calendar month, e.g. 2026-03.",
                          "En hel kalendermåned, f.eks. 2026-03."),
    "help.period.since": ("Första dagen, t.ex. 2026-03-01 (standard: den första i månaden).",
                          "First day, e.g. 2026-03-01 (default: first of this month).",
                          "Første dag, f.eks. 2026-03-01 (standard: den første i måneden)."),
    "help.period.until": ("Sista dagen, medräknad (standard: i dag).",
                          "Last day, included (default: today).",
                          "Siste dag, inkludert (standard: i dag)."),
    "help.report.lang": (
        "sv, en eller nb (standard: tjänstens chat.default_language).",
        "sv, en or nb (default: the service's chat.default_language).",
        "sv, en eller nb (standard: tjenestens chat.default_language)."),
    "report.no_folder": (
        "mappen {folder} finns inte — skapa den eller ange en annan -o",
        "the folder {folder} does not exist — create it or pass another -o",
        "mappen {folder} finnes ikke — opprett den eller oppgi en annen -o"),
    "report.written": ("skrev {path} ({kb} KB): {since} – {until}",
                       "wrote {path} ({kb} KB): {since} – {until}",
                       "skrev {path} ({kb} KB): {since} – {until}"),
    # -- stats (stats.py) --------------------------------------------------------------------
    "help.stats": (
        "Skriv ut anonym statistik för en organisation: öppettider, väntan, vem som skriver, "
        "ämnen, hänvisningar, trend.",
        "Print anonymous statistics of one organisation: hours, waits, who writes, topics, "
        "referrals, trend.",
        "Skriv ut anonym statistikk for én organisasjon: åpningstider, venting, hvem som "
        "skriver, temaer, henvisninger, trend."),
    "help.stats.lang": (
        "sv, en eller nb (standard: reläets [chat] default_language).",
        "sv, en or nb (default: the relay's [chat] default_language).",
        "sv, en eller nb (standard: reléets [chat] default_language)."),
    "help.stats.every": (
        "Hela reläets summor, alla organisationer tillsammans (för reläets administratör; i "
        "reläets gemensamma tidszon).",
        "The whole relay's totals, every organisation together (for the relay's "
        "administrator; in the relay-wide time zone).",
        "Hele reléets summer, alle organisasjoner sammen (for reléets administrator; i "
        "reléets felles tidssone)."),
    "stats.bad_date": ("{option} {text!r} är inget datum som 2026-03-01",
                       "{option} {text!r} is not a date like 2026-03-01",
                       "{option} {text!r} er ikke en dato som 2026-03-01"),
    "stats.month_or_range": ("använd antingen --month eller --since/--until, inte båda",
                             "use either --month or --since/--until, not both",
                             "bruk enten --month eller --since/--until, ikke begge"),
    "stats.bad_month": ("--month {month!r} är ingen månad som 2026-03",
                        "--month {month!r} is not a month like 2026-03",
                        "--month {month!r} er ikke en måned som 2026-03"),
    "stats.bad_format": ("--format måste vara en av {choices}, inte {output!r}",
                         "--format must be one of {choices}, not {output!r}",
                         "--format må være én av {choices}, ikke {output!r}"),
    "stats.org_or_all": ("använd antingen --org eller --all-organisations, inte båda",
                         "use either --org or --all-organisations, not both",
                         "bruk enten --org eller --all-organisations, ikke begge"),
    # -- widget (widget.py) ------------------------------------------------------------------
    "help.widget": ("Besökarwidgeten: skriv ut taggen som bäddar in den.",
                    "The visitor widget: print the tag that embeds it.",
                    "Besøkswidgeten: skriv ut taggen som bygger den inn."),
    "help.widget.snippet": (
        "Skriv ut <script>-taggen att klistra in på webbsidan, med en hash för "
        "subresource integrity.\n\nHashen låser den här versionen av widgeten: kör kommandot "
        "igen efter att ha uppgraderat Lotsen.",
        "Print the <script> tag to paste into the web page, with a subresource-integrity "
        "hash.\n\nThe hash pins this version of the widget: run the command again after "
        "upgrading Lotsen.",
        "Skriv ut <script>-taggen som skal limes inn på nettsiden, med en hash for "
        "subresource integrity.\n\nHashen låser denne versjonen av widgeten: kjør kommandoen "
        "på nytt etter at du har oppgradert Lotsen."),
    "help.widget.url": ("Reläets publika adress, så som besökarnas webbläsare når det.",
                        "The relay's public address, as visitors' browsers reach it.",
                        "Reléets offentlige adresse, slik de besøkendes nettlesere når det."),
    "help.widget.lang": ("sv, en eller nb (standard: sidans språk, annars sv).",
                         "sv, en or nb (default: the page's language, else sv).",
                         "sv, en eller nb (standard: sidens språk, ellers sv)."),
    "help.widget.position": ("right (standard) eller left.", "right (default) or left.",
                             "right (standard) eller left."),
    "help.widget.title": ("Rubrik på knappen och panelen.", "Launcher and panel title.",
                          "Tittel på knappen og panelet."),
    "help.widget.accent": (
        "Accentfärg som #1d5b79; vit text måste gå att läsa på den.",
        "Accent colour like #1d5b79; white text must be readable on it.",
        "Aksentfarge som #1d5b79; hvit tekst må være lesbar på den."),
    "help.widget.exit_url": (
        "Vart snabbutgången leder (standard: https://www.google.com/).",
        "Where quick exit goes (default: https://www.google.com/).",
        "Hvor hurtigutgangen fører (standard: https://www.google.com/)."),
    "help.widget.relay": (
        "Reläets websocket-adress, när den inte är där widget.js serveras från.",
        "Websocket relay address, when it is not where widget.js is served from.",
        "Reléets websocket-adresse, når den ikke er der widget.js blir servert fra."),
    "help.widget.verify": (
        "Hämta URL/widget.js och kontrollera att den stämmer med den här versionen.",
        "Fetch URL/widget.js and check it matches this version.",
        "Hent URL/widget.js og sjekk at den stemmer med denne versjonen."),
    "help.widget.no_integrity": ("Utelämna SRI-hashen (rekommenderas inte).",
                                 "Leave out the SRI hash (not recommended).",
                                 "Utelat SRI-hashen (anbefales ikke)."),
    "help.widget.org": (
        "Organisationens id, på ett relä som betjänar flera (data-org; se lotsen org list).",
        "The organisation's id, on a relay that serves several (data-org; see lotsen org "
        "list).",
        "Organisasjonens id, på et relé som betjener flere (data-org; se lotsen org list)."),
    "widget.bad_url": ("--url {url!r} är ingen webbadress som https://chat.example.se",
                       "--url {url!r} is not a web address like https://chat.example.se",
                       "--url {url!r} er ikke en nettadresse som https://chat.example.se"),
    "widget.url_extra": ("--url tar bara reläets adress, utan ?fråga eller #fragment",
                         "--url takes the relay's address only, without ?query or #fragment",
                         "--url tar bare reléets adresse, uten ?spørring eller #fragment"),
    "widget.fetch_failed": (
        "kan inte hämta {url}/widget.js ({reason}) — körs reläet där?",
        "cannot fetch {url}/widget.js ({reason}) — is the relay running there?",
        "kan ikke hente {url}/widget.js ({reason}) — kjører reléet der?"),
    "widget.bad_lang": ("--lang måste vara en av {choices}", "--lang must be one of {choices}",
                        "--lang må være én av {choices}"),
    "widget.bad_position": ("--position måste vara left eller right",
                            "--position must be left or right",
                            "--position må være left eller right"),
    "widget.bad_accent": ("--accent måste vara en hexfärg som #1d5b79",
                          "--accent must be a hex colour like #1d5b79",
                          "--accent må være en heksfarge som #1d5b79"),
    "widget.bad_scheme": (
        "{option} måste börja med https:// (eller http:// för lokala tester)",
        "{option} must start with https:// (or http:// for local testing)",
        "{option} må begynne med https:// (eller http:// for lokal testing)"),
    "widget.bad_org": ("--org: {problem}", "--org: {problem}", "--org: {problem}"),
    "widget.differs": (
        "{url}/widget.js skiljer sig från den här Lotsen-versionens widget; uppgradera reläet "
        "eller det här kommandot så att de stämmer, och kör sedan kommandot igen",
        "{url}/widget.js differs from this Lotsen version's widget; upgrade the relay or this "
        "CLI so both match, then run the command again",
        "{url}/widget.js er forskjellig fra denne Lotsen-versjonens widget; oppgrader reléet "
        "eller denne kommandoen så de stemmer, og kjør så kommandoen på nytt"),
    "widget.https": ("besökarna bör nå reläet över https://",
                     "visitors should reach the relay over https://",
                     "de besøkende bør nå reléet over https://"),
}
# Typer's own words (typer.rich_utils), set by lotsen.cli at import.
TEXT.update({
    "typer.arguments": ("Argument", "Arguments", "Argumenter"),
    "typer.options": ("Alternativ", "Options", "Valg"),
    "typer.commands": ("Kommandon", "Commands", "Kommandoer"),
    "typer.error": ("Fel", "Error", "Feil"),
    "typer.aborted": ("Avbrutet.", "Aborted.", "Avbrutt."),
    "typer.try_help": ("Skriv [blue]'{command_path} {help_option}'[/] för hjälp.",
                       "Try [blue]'{command_path} {help_option}'[/] for help.",
                       "Skriv [blue]'{command_path} {help_option}'[/] for hjelp."),
    "typer.default": ("[standard: {}]", "[default: {}]", "[standard: {}]"),
    "typer.required": ("[krävs]", "[required]", "[påkrevd]"),
})
# -- referrals (referrals.py) ------------------------------------------------------------------
TEXT.update({
    "help.referrals": (
        "Hänvisningskatalog och triage: kontrollera en katalog, föreslå tjänster, utvärdera.",
        "Referral directory and triage: check a directory, suggest services, evaluate.",
        "Henvisningskatalog og triage: sjekk en katalog, foreslå tjenester, evaluer."),
    "help.referrals.directory": (
        "Katalog (TOML) som läggs ovanpå den medföljande standardkatalogen (standard: bara "
        "standardkatalogen).",
        "Directory TOML applied on top of the shipped default (default: the default only).",
        "Katalog (TOML) som legges oppå den medfølgende standardkatalogen (standard: bare "
        "standardkatalogen)."),
    "help.referrals.check": (
        "Kontrollera en katalogfil; lista poster vars granskningsdatum har passerat och "
        "exempelposter.",
        "Validate a directory file; list entries past their review date and example entries.",
        "Kontroller en katalogfil; list poster som har passert gjennomgangsdatoen og "
        "eksempelposter."),
    "help.referrals.file": (
        "Katalog (TOML) att kontrollera (standard: den medföljande standardkatalogen).",
        "Directory TOML to check (default: the shipped default).",
        "Katalog (TOML) som skal kontrolleres (standard: den medfølgende standardkatalogen)."),
    "help.referrals.alone": (
        "Kontrollera FILE för sig, inte ovanpå standardkatalogen.",
        "Check FILE on its own, not applied on top of the default.",
        "Kontroller FILE for seg selv, ikke oppå standardkatalogen."),
    "help.referrals.today": (
        "Datum att bedöma inaktualitet efter, ÅÅÅÅ-MM-DD (standard: i dag).",
        "Date to judge staleness by, YYYY-MM-DD (default: today).",
        "Dato å vurdere utdaterthet etter, ÅÅÅÅ-MM-DD (standard: i dag)."),
    "help.referrals.suggest": (
        "Skriv ut bedömningen av hur akut ett samtal är och de tjänster som passar bäst, "
        "som JSON.",
        "Print the urgency verdict and the best-fitting services for a conversation, as JSON.",
        "Skriv ut vurderingen av hvor akutt en samtale er og tjenestene som passer best, "
        "som JSON."),
    "help.referrals.conversation": (
        'Ett samtal: {"lang", "role", "messages": [{"sender", "text"}]}.',
        'One conversation: {"lang", "role", "messages": [{"sender", "text"}]}.',
        'Én samtale: {"lang", "role", "messages": [{"sender", "text"}]}.'),
    "help.referrals.top": ("Hur många tjänster som listas.", "How many services to list.",
                           "Hvor mange tjenester som listes."),
    "help.referrals.eval": (
        "Skriv ut träffsäkerhet topp 3, akut-recall och -precision, förväxlingen av akuta "
        "slag och de missade fallen.",
        "Print top-3 hit rate, urgent recall and precision, the confusion of urgent kinds, "
        "and the cases missed.",
        "Skriv ut treffsikkerhet topp 3, akutt-recall og -presisjon, forvekslingen av akutte "
        "typer og de bomme tilfellene."),
    "help.referrals.labelled": (
        "Samtal med expect_top3_any och urgent, ett JSON-objekt per rad.",
        "Conversations with expect_top3_any and urgent, one JSON object per line.",
        "Samtaler med expect_top3_any og urgent, ett JSON-objekt per linje."),
    "help.referrals.figures_only": (
        "Skriv bara ut måtten och förväxlingen av slag, aldrig ett fall (för en låst "
        "testmängd som ingen får läsa).",
        "Print only the figures and the confusion of kinds, never a case (for a frozen test "
        "set nobody may read).",
        "Skriv bare ut målene og forvekslingen av typer, aldri et tilfelle (for et låst "
        "testsett ingen får lese)."),
    "referrals.not_found": ("{path}: filen finns inte", "{path}: file not found",
                            "{path}: filen finnes ikke"),
    "referrals.unreadable": ("{path}: kan inte läsa filen ({problem})",
                             "{path}: cannot read the file ({problem})",
                             "{path}: kan ikke lese filen ({problem})"),
    "referrals.bad_json": ("{path}:{line}: inte giltig JSON ({problem})",
                           "{path}:{line}: not valid JSON ({problem})",
                           "{path}:{line}: ikke gyldig JSON ({problem})"),
    "referrals.bad_today": ("--today {today!r} är inget datum som 2026-11-23",
                            "--today {today!r} is not a date like 2026-11-23",
                            "--today {today!r} er ikke en dato som 2026-11-23"),
    "referrals.default": ("standardkatalogen", "the default directory", "standardkatalogen"),
    "referrals.ok": (
        "ok: {where}: {count} tjänster ({national} nationella, {regional} regionala, "
        "{local} lokala)",
        "ok: {where}: {count} services ({national} national, {regional} regional, "
        "{local} local)",
        "ok: {where}: {count} tjenester ({national} nasjonale, {regional} regionale, "
        "{local} lokale)"),
    "referrals.stale": (
        "inaktuell: {id}: granskningen skulle ha gjorts {due} ({kind}) [{origin}]",
        "stale: {id}: review was due {due} ({kind}) [{origin}]",
        "utdatert: {id}: gjennomgangen skulle vært gjort {due} ({kind}) [{origin}]"),
    "referrals.stale_example": ("exempel, redigera det", "example, edit it",
                                "eksempel, rediger det"),
    "referrals.stale_contact": ("kontrollera kontaktuppgifterna igen",
                                "re-check the contact data", "sjekk kontaktopplysningene igjen"),
    "referrals.no_cases": ("{path}: inga fall i filen", "{path}: no cases in the file",
                           "{path}: ingen tilfeller i filen"),
    "referrals.title": ("{path} ({count} fall)", "{path} ({count} cases)",
                        "{path} ({count} tilfeller)"),
    "referrals.col.metric": ("mått", "metric", "mål"),
    "referrals.col.value": ("värde", "value", "verdi"),
    "referrals.col.count": ("antal", "count", "antall"),
    "referrals.top3": ("träffsäkerhet topp 3", "top-3 hit rate", "treffsikkerhet topp 3"),
    "referrals.recall": ("akut recall", "urgent recall", "akutt recall"),
    "referrals.precision": ("akut precision", "urgent precision", "akutt presisjon"),
    "referrals.hard": ("svåra negativa flaggade", "hard negatives flagged",
                       "vanskelige negative flagget"),
    "referrals.misses": ("missar: {count}", "misses: {count}", "bom: {count}"),
    "referrals.miss": ("miss: {name}: {problems}", "miss: {name}: {problems}",
                       "bom: {name}: {problems}"),
    "referrals.miss_top3": ("top3={found} förväntade någon av {expected}",
                            "top3={found} expected any of {expected}",
                            "top3={found} forventet en av {expected}"),
    "referrals.miss_urgent": ("urgent={found} förväntade {expected} ({reasons})",
                              "urgent={found} expected {expected} ({reasons})",
                              "urgent={found} forventet {expected} ({reasons})"),
    "referrals.no_reasons": ("inga skäl", "no reasons", "ingen grunner"),
    "referrals.confusion": (
        "akuta slag: märkta (rader) / funna (kolumner)",
        "urgent kinds: labelled (rows) / found (columns)",
        "akutte typer: merket (rader) / funnet (kolonner)"),
    "referrals.col.labelled": ("märkt", "labelled", "merket"),
})
# -- org (org.py) ------------------------------------------------------------------------------
TEXT.update({
    "help.org": ("Organisationer som reläet betjänar (finns i konfigurationsfilen).",
                 "Organisations served by this relay (kept in the config file).",
                 "Organisasjoner som reléet betjener (ligger i konfigurasjonsfilen)."),
    "help.org.add": (
        "Lägg till en organisation i konfigurationsfilen; starta om reläet för att betjäna den.",
        "Add an organisation to the config file; restart the relay to serve it.",
        "Legg til en organisasjon i konfigurasjonsfilen; start reléet på nytt for å betjene "
        "den."),
    "help.org.id": (
        "Kort id, t.ex. vallentuna (a-z, 0-9, '-', '_'); används i data-org.",
        "Short id, e.g. vallentuna (a-z, 0-9, '-', '_'); used in data-org.",
        "Kort id, f.eks. vallentuna (a-z, 0-9, '-', '_'); brukes i data-org."),
    "help.org.name": ("Organisationens namn, som besökarna och personalen ser.",
                      "The organisation's name, shown to visitors and staff.",
                      "Organisasjonens navn, som de besøkende og de ansatte ser."),
    "help.org.origin": (
        "Ett webbursprung vars sidor får öppna organisationens chatt, t.ex. "
        "https://kommun-a.se (upprepa för fler).",
        "A web origin whose pages may open its chat, e.g. https://kommun-a.se (repeat for "
        "more).",
        "En nettopprinnelse der sidene kan åpne organisasjonens chat, f.eks. "
        "https://kommun-a.se (gjenta for flere)."),
    "help.org.config": ("Reläets TOML-konfigurationsfil (skapas om den saknas).",
                        "The relay's TOML config file (created if missing).",
                        "Reléets TOML-konfigurasjonsfil (opprettes hvis den mangler)."),
    "help.org.list": ("Lista organisationerna med deras ursprung, personal och samtal.",
                      "List the organisations with their origins, staff and conversations.",
                      "List organisasjonene med opprinnelser, ansatte og samtaler."),
    "help.org.show": ("Visa en organisations inställningar och antal personal och samtal.",
                      "Show one organisation's settings, staff and conversation counts.",
                      "Vis én organisasjons innstillinger og antall ansatte og samtaler."),
    "org.bad_name": ("--name måste vara 1–{max} synliga tecken",
                     "--name must be 1-{max} visible characters",
                     "--name må være 1–{max} synlige tegn"),
    "org.add_refused": (
        "organisationen {id} lades inte till, inget ändrades: {name}: {problem}",
        "organisation {id} was not added, nothing changed: {name}: {problem}",
        "organisasjonen {id} ble ikke lagt til, ingenting ble endret: {name}: {problem}"),
    "org.added": (
        "Lade till organisationen {id} ({name}) i {config}. Lägg till dess personal med "
        "`lotsen staff add NAMN --org {id} -c {config}` och starta om reläet.",
        "Added organisation {id} ({name}) to {config}. Add its staff with "
        "`lotsen staff add NAME --org {id} -c {config}` and restart the relay.",
        "La til organisasjonen {id} ({name}) i {config}. Legg til de ansatte med "
        "`lotsen staff add NAVN --org {id} -c {config}` og start reléet på nytt."),
    "org.note_default": (
        "Obs: det som reläet lagrade innan det betjänade organisationer hör till "
        "organisationen {default!r}; lägg till den också (lotsen org add {default} --name ...) "
        "för att fortsätta betjäna den och dess personal.",
        "Note: what this relay stored before it served organisations belongs to organisation "
        "{default!r}; add that one too (lotsen org add {default} --name ...) to keep serving "
        "it and its staff.",
        "Merk: det reléet lagret før det betjente organisasjoner hører til organisasjonen "
        "{default!r}; legg til den også (lotsen org add {default} --name ...) for å fortsette "
        "å betjene den og de ansatte."),
    "org.col.id": ("id", "id", "id"),
    "org.col.name": ("namn", "name", "navn"),
    "org.col.staff": ("personal", "staff", "ansatte"),
    "org.col.conversations": ("samtal", "conversations", "samtaler"),
    "org.col.retention": ("lagringstid", "retention", "lagringstid"),
    "org.col.origins": ("ursprung", "origins", "opprinnelser"),
    "org.days": ("{days} dagar", "{days} days", "{days} dager"),
    "org.own_pages": ("(reläets egna sidor)", "(the relay's own pages)",
                      "(reléets egne sider)"),
    "org.implicit": (
        "Ingen [[organisation]] i konfigurationen: reläet betjänar en organisation, "
        "{default!r}, med reläets gemensamma inställningar.",
        "No [[organisation]] in the config: the relay serves one organisation, {default!r}, "
        "with its relay-wide settings.",
        "Ingen [[organisation]] i konfigurasjonen: reléet betjener én organisasjon, "
        "{default!r}, med reléets felles innstillinger."),
    "org.always_open": ("alltid öppet", "always open", "alltid åpent"),
    "org.closed_dates": ("stängt: {dates}", "closed: {dates}", "stengt: {dates}"),
    "org.never_open": ("aldrig öppet (inga veckotider)", "never open (no weekly hours)",
                       "aldri åpent (ingen ukentlige tider)"),
    "org.label.network": ("nätverk", "network", "nettverk"),
    "org.label.network_change": ("nätverksändring", "network change", "nettverksendring"),
    "org.network_yes": ("ja", "yes", "ja"),
    "org.network_no": ("nej", "no", "nei"),
    "org.network_config": (" (konfigurationen)", " (config)", " (konfigurasjonen)"),
    "org.network_config_no_rooms": (" (konfigurationen; inget [[network.room]])",
                                    " (config; no [[network.room]])",
                                    " (konfigurasjonen; ingen [[network.room]])"),
    "org.network_at_restart": ("reläet inför ändringen när det startas om",
                               "the relay applies the change when it restarts",
                               "reléet tar i bruk endringen når det startes på nytt"),
    "org.network_joined_at": ("gick med", "joined", "ble med"),
    "org.network_left_at": ("lämnade", "left", "forlot"),
    "org.network_on_off": ("ange on eller off, t.ex. lotsen org network kommun-a on -c lotsen.toml",
                           "say on or off, e.g. lotsen org network kommun-a on -c lotsen.toml",
                           "oppgi on eller off, f.eks. lotsen org network kommun-a on -c "
                           "lotsen.toml"),
    "org.network_unknown": ("ingen organisation {org!r} i {config}",
                            "no organisation {org!r} in {config}",
                            "ingen organisasjon {org!r} i {config}"),
    "org.network_lists": (" — den listar {ids}", " — it lists {ids}", " — den lister {ids}"),
    "org.network_add": (" (lotsen org add)", " (lotsen org add)", " (lotsen org add)"),
    "org.network_joined": (
        "Organisationen {org} deltar i professionella nätverket i {config}; starta om reläet "
        "för att det ska gälla.",
        "Organisation {org} takes part in the professionals' network in {config}; restart "
        "the relay to apply it.",
        "Organisasjonen {org} deltar i det profesjonelle nettverket i {config}; start reléet "
        "på nytt for at det skal gjelde."),
    "org.network_left": (
        "Organisationen {org} lämnar professionella nätverket i {config}; starta om reläet "
        "för att det ska gälla.",
        "Organisation {org} leaves the professionals' network in {config}; restart the relay "
        "to apply it.",
        "Organisasjonen {org} forlater det profesjonelle nettverket i {config}; start reléet "
        "på nytt for at det skal gjelde."),
    "org.network_no_rooms": (
        "Obs: konfigurationen har inget [[network.room]] ännu, så det finns inget nätverk att "
        "delta i (docs/operations.md).",
        "Note: the config has no [[network.room]] yet, so there is no network to take part "
        "in (docs/operations.md).",
        "Merk: konfigurasjonen har ingen [[network.room]] ennå, så det finnes ikke noe "
        "nettverk å delta i (docs/operations.md)."),
    "help.org.network": ("Låt en organisations personal delta i professionella nätverket, "
                         "eller sluta.",
                         "Let an organisation's staff take part in the professionals' network, "
                         "or stop.",
                         "La en organisasjons ansatte delta i det profesjonelle nettverket, "
                         "eller slutte."),
    "help.org.network_state": ("Delta i professionella nätverket (on), eller sluta (off).",
                               "Take part in the professionals' network (on), or stop (off).",
                               "Delta i det profesjonelle nettverket (on), eller slutt (off)."),
    "org.label.id": ("id", "id", "id"),
    "org.label.name": ("namn", "name", "navn"),
    "org.label.origins": ("ursprung", "origins", "opprinnelser"),
    "org.label.timezone": ("tidszon", "time zone", "tidssone"),
    "org.label.hours": ("öppettider", "hours", "åpningstider"),
    "org.label.emergency": ("akut hjälp", "emergency", "akutt hjelp"),
    "org.label.directory": ("hänvisningskatalog", "referral directory", "henvisningskatalog"),
    "org.label.retention": ("lagringstid", "retention", "lagringstid"),
    "org.label.language": ("språk", "language", "språk"),
    "org.label.canned": ("standardsvar", "canned replies", "standardsvar"),
    "org.label.staff": ("personalkonton", "staff accounts", "ansattkontoer"),
    "org.label.conversations": ("samtal", "conversations", "samtaler"),
    "org.label.covered_by": ("täcks av", "covered by", "dekkes av"),
    "org.label.covers": ("täcker", "covers", "dekker"),
    "org.own_pages_only": ("(bara reläets egna sidor)", "(the relay own pages only)",
                           "(bare reléets egne sider)"),
    "org.shipped_directory": ("(den medföljande katalogen)", "(the shipped directory)",
                              "(den medfølgende katalogen)"),
    "org.none": ("(inga)", "(none)", "(ingen)"),
    "org.no_such": (
        "organisationen {org!r} finns inte — reläet betjänar {ids} (lotsen org list)",
        "no organisation {org!r} — this relay serves {ids} (lotsen org list)",
        "organisasjonen {org!r} finnes ikke — reléet betjener {ids} (lotsen org list)"),
})
