"""The console's words in Swedish (default), English and Norwegian bokmål.

``t(key, **args)`` returns the text for the current language, with ``{name}`` style arguments
filled in. Every key has all three languages; a test checks that. Binding descriptions are
looked up as ``key.<binding id>`` so the footer, help screen and command palette agree.
"""

from __future__ import annotations

from typing import Any

from relay.protocol import LANGUAGES

_current = "sv"

# key: (sv, en, nb)
CATALOG: dict[str, tuple[str, str, str]] = {
    # -- app and login
    "app.title": ("Lotsen", "Lotsen", "Lotsen"),
    "login.title": ("Logga in i Lotsen", "Log in to Lotsen", "Logg inn i Lotsen"),
    "login.server": ("Server", "Server", "Server"),
    "login.user": ("Användarnamn", "User name", "Brukernavn"),
    "login.password": ("Lösenord", "Password", "Passord"),
    "login.button": ("Logga in", "Log in", "Logg inn"),
    "login.connecting": ("Ansluter till {server} …", "Connecting to {server} …",
                         "Kobler til {server} …"),
    "login.missing": ("Fyll i server, användarnamn och lösenord.",
                      "Fill in server, user name and password.",
                      "Fyll inn server, brukernavn og passord."),
    "login.bad_server": ("Serveradressen ser fel ut — skriv till exempel 127.0.0.1:8765.",
                         "That server address looks wrong — type e.g. 127.0.0.1:8765.",
                         "Serveradressen ser feil ut — skriv for eksempel 127.0.0.1:8765."),
    "login.auth_failed": ("Fel användarnamn eller lösenord. Försök igen.",
                          "Wrong user name or password. Try again.",
                          "Feil brukernavn eller passord. Prøv igjen."),
    "login.session_ended": ("Din session har avslutats. Logga in igen.",
                            "Your session has ended. Log in again.",
                            "Økten din er avsluttet. Logg inn igjen."),
    "login.unreachable": ("Kan inte nå servern {server} ({detail}). Kontrollera adressen "
                          "och att relän körs.",
                          "Cannot reach the server {server} ({detail}). Check the address "
                          "and that the relay is running.",
                          "Får ikke kontakt med serveren {server} ({detail}). Sjekk adressen "
                          "og at reléet kjører."),
    "login.protocol": ("Servern svarade på ett sätt konsolen inte förstår ({detail}). "
                       "Uppdatera Lotsen.",
                       "The server answered in a way the console does not understand "
                       "({detail}). Update Lotsen.",
                       "Serveren svarte på en måte konsollen ikke forstår ({detail}). "
                       "Oppdater Lotsen."),
    "login.insecure": ("{host} är inte den här datorn, så lösenord och samtal skulle skickas "
                       "okrypterat (ws://). Skriv adressen utan ws:// eller med wss:// (TLS).",
                       "{host} is not this computer, so the password and chats would travel "
                       "unencrypted (ws://). Type the address without ws://, or with wss:// "
                       "(TLS).",
                       "{host} er ikke denne datamaskinen, så passord og samtaler ville gått "
                       "ukryptert (ws://). Skriv adressen uten ws:// eller med wss:// (TLS)."),
    "login.throttled": ("För många misslyckade inloggningar för kontot. Vänta en stund och "
                        "försök igen — varje nytt misslyckande gör väntan längre.",
                        "Too many failed logins for this account. Wait a while and try "
                        "again — each new failure makes the wait longer.",
                        "For mange mislykkede innlogginger for kontoen. Vent en stund og prøv "
                        "igjen — hver nye feil gjør ventetiden lengre."),
    "login.totp_not_enrolled": ("Ditt konto kräver en engångskod som inte är uppsatt än. Be "
                                "en administratör köra: lotsen staff totp {user}",
                                "Your account needs a one-time code that is not set up yet. "
                                "Ask an administrator to run: lotsen staff totp {user}",
                                "Kontoen din krever en engangskode som ikke er satt opp ennå. "
                                "Be en administrator kjøre: lotsen staff totp {user}"),
    "login.code": ("Engångskod från din autentiseringsapp (6 siffror)",
                   "One-time code from your authenticator app (6 digits)",
                   "Engangskode fra autentiseringsappen din (6 sifre)"),
    "login.code_required": ("Lösenordet stämmer. Skriv nu den 6-siffriga koden från din "
                            "autentiseringsapp.",
                            "Password accepted. Now enter the 6-digit code from your "
                            "authenticator app.",
                            "Passordet stemmer. Skriv nå den 6-sifrede koden fra "
                            "autentiseringsappen din."),
    "login.code_invalid": ("Koden stämmer inte eller har redan använts. Skriv koden som "
                           "appen visar nu.",
                           "That code is wrong or was already used. Enter the code your app "
                           "shows now.",
                           "Koden stemmer ikke eller er allerede brukt. Skriv koden appen "
                           "viser nå."),
    "login.code_missing": ("Skriv de 6 siffrorna som appen visar.",
                           "Type the 6 digits your app shows.",
                           "Skriv de 6 sifrene appen viser."),
    "login.code_hint": ("Koden sparas aldrig. Esc börjar om med lösenordet.",
                        "The code is never stored. Esc starts over with the password.",
                        "Koden lagres aldri. Esc begynner på nytt med passordet."),
    "login.hint": ("Lösenordet sparas aldrig. Server och användarnamn kommer ihåg till nästa gång.",
                   "The password is never stored. Server and user name are remembered.",
                   "Passordet lagres aldri. Server og brukernavn huskes til neste gang."),
    "demo.welcome": ("Demo: {count} påhittade besökare skriver snart. Öppna {url} i en "
                     "webbläsare för att själv chatta som besökare. Ctrl+Q avslutar allt.",
                     "Demo: {count} made-up visitors will write in shortly. Open {url} in a "
                     "browser to chat as a visitor yourself. Ctrl+Q stops everything.",
                     "Demo: {count} oppdiktede besøkende skriver snart. Åpne {url} i en "
                     "nettleser for å chatte som besøkende selv. Ctrl+Q avslutter alt."),
    # -- connection
    "conn.lost": ("Ingen anslutning till servern ({reason}) — försöker igen om {seconds} s. "
                  "Utkast och osända rader finns kvar.",
                  "No connection to the server ({reason}) — retrying in {seconds} s. "
                  "Drafts and unsent lines are kept.",
                  "Ingen forbindelse til serveren ({reason}) — prøver igjen om {seconds} s. "
                  "Utkast og usendte linjer er tatt vare på."),
    "conn.back": ("Anslutningen är tillbaka.", "Connected again.", "Tilkoblet igjen."),
    "conn.reason.established": ("anslutningen bröts", "connection dropped", "forbindelsen brøt"),
    "conn.reason.refused": ("servern svarar inte", "server not answering", "serveren svarer ikke"),
    "conn.reason.timeout": ("tidsgräns", "timed out", "tidsavbrudd"),
    "conn.reason.handshake": ("handskakning misslyckades", "handshake failed",
                              "håndtrykk feilet"),
    "conn.reason.tls": ("TLS misslyckades — svarar servern med wss:// (bakom sin TLS-proxy)?",
                        "TLS failed — does the server answer wss:// (behind its TLS proxy)?",
                        "TLS feilet — svarer serveren med wss:// (bak sin TLS-proxy)?"),
    "conn.reason.certificate": ("serverns certifikat gick inte att lita på",
                                "the server's certificate is not trusted",
                                "serverens sertifikat kunne ikke stoles på"),
    "status.online": ("ansluten", "connected", "tilkoblet"),
    "status.offline": ("frånkopplad", "disconnected", "frakoblet"),
    "status.supervisor": ("handledare", "supervisor", "veileder"),
    # -- panes
    "queue.title": ("Kö", "Queue", "Kø"),
    "queue.summary": ("{count} · längst {wait}", "{count} · longest {wait}",
                      "{count} · lengst {wait}"),
    "queue.empty": ("Ingen väntar just nu.", "Nobody is waiting.", "Ingen venter nå."),
    "queue.urgent": ("AKUT", "URGENT", "AKUTT"),
    "queue.more": ("… och {count} till", "… and {count} more", "… og {count} til"),
    "queue.gone": ("frånkopplad för {ago} sedan", "disconnected {ago} ago",
                   "frakoblet for {ago} siden"),
    "ago.seconds": ("{n} s", "{n} s", "{n} s"),
    "ago.minutes": ("{n} min", "{n} min", "{n} min"),
    "ago.hours": ("{n} h", "{n} h", "{n} t"),
    "chats.title": ("Samtal", "Chats", "Samtaler"),
    "chats.room": ("Personalrum", "Staff room", "Personalrom"),
    "chats.left": ("lämnat", "left", "forlatt"),
    "chats.watch": ("följ", "watch", "følg"),
    "chats.following": ("följer", "following", "følger"),
    "chats.help": ("vill ha hjälp", "asks for help", "ber om hjelp"),
    "transcript.empty": ("Inget samtal valt. Ta nästa besökare med Ctrl+N, eller välj i kön.",
                         "No chat selected. Take the next visitor with Ctrl+N, or pick one "
                         "in the queue.",
                         "Ingen samtale valgt. Ta neste besøkende med Ctrl+N, eller velg i køen."),
    "transcript.readonly": ("Följ samtalet (Ctrl+L) för att läsa det. Det loggas.",
                            "Follow the chat (Ctrl+L) to read it. This is logged.",
                            "Følg samtalen (Ctrl+L) for å lese den. Det logges."),
    "header.typing": ("{alias} skriver …", "{alias} is typing …", "{alias} skriver …"),
    "header.left": ("Besökaren har lämnat chatten. Avsluta med Ctrl+O för att spara utfallet.",
                    "The visitor has left the chat. Close it with Ctrl+O to record the outcome.",
                    "Den besøkende har forlatt chatten. Avslutt med Ctrl+O for å lagre "
                    "utfallet."),
    "header.readonly": ("Läsläge: {staff}s samtal", "Read-only: {staff}'s chat",
                        "Lesemodus: samtalen til {staff}"),
    "header.room": ("Personalrum — bara för inloggad personal, aldrig synligt för besökare",
                    "Staff room — logged-in staff only, never visible to visitors",
                    "Personalrom — bare for innlogget personale, aldri synlig for besøkende"),
    "header.duration": ("pågått {wait}", "going on for {wait}", "pågått {wait}"),
    "header.urgent": ("AKUT: {reasons}", "URGENT: {reasons}", "AKUTT: {reasons}"),
    "composer.reply": ("Svar till {alias}", "Reply to {alias}", "Svar til {alias}"),
    "composer.note": ("Intern anteckning — syns aldrig för besökaren",
                      "Internal note — never shown to the visitor",
                      "Internt notat — vises aldri for den besøkende"),
    "composer.whisper": ("Viskning till {staff} — bara personal ser den",
                         "Whisper to {staff} — only staff see it",
                         "Hvisking til {staff} — bare personalet ser den"),
    "composer.room": ("Till personalrummet", "To the staff room", "Til personalrommet"),
    "composer.closed": ("Samtalet är avslutat", "The chat has ended", "Samtalen er avsluttet"),
    "composer.hint": ("Enter skickar · Ctrl+J ny rad · /namn standardsvar",
                      "Enter sends · Ctrl+J new line · /name canned reply",
                      "Enter sender · Ctrl+J ny linje · /navn standardsvar"),
    "composer.too_long": ("{count}/{limit} tecken", "{count}/{limit} characters",
                          "{count}/{limit} tegn"),
    "canned.none": ("Inget standardsvar heter {key}.", "No canned reply is called {key}.",
                    "Ingen standardsvar heter {key}."),
    "canned.command": ("Standardsvar: {title}", "Canned reply: {title}", "Standardsvar: {title}"),
    "referrals.title": ("Hänvisningar", "Referrals", "Henvisninger"),
    "referrals.search": ("Sök i katalogen …", "Search the directory …", "Søk i katalogen …"),
    "referrals.suggested": ("Förslag för samtalet", "Suggested for this chat",
                            "Forslag for samtalen"),
    "referrals.directory": ("Katalog", "Directory", "Katalog"),
    "referrals.matched": ("träff: {words}", "matched: {words}", "treff: {words}"),
    "referrals.stale": ("inaktuell sedan {date}", "stale since {date}", "utdatert siden {date}"),
    "referrals.urgent": ("Akut risk: {reasons}", "Acute risk: {reasons}",
                         "Akutt risiko: {reasons}"),
    "referrals.insert_hint": ("Enter/Ctrl+R lägger in i svaret (skickas inte)",
                              "Enter/Ctrl+R puts it in the reply (not sent)",
                              "Enter/Ctrl+R legger den i svaret (sendes ikke)"),
    "referrals.none": ("Inga träffar.", "No matches.", "Ingen treff."),
    # -- triage verdict from the relay (issue 11): kinds, staff marks, the close question
    "triage.kind.suicide": ("självmordsrisk", "suicide risk", "selvmordsrisiko"),
    "triage.kind.self_harm": ("självskada", "self-harm", "selvskading"),
    "triage.kind.overdose": ("överdos", "overdose", "overdose"),
    "triage.kind.medical": ("akut medicinsk fara", "acute medical danger",
                            "akutt medisinsk fare"),
    "triage.kind.violence": ("våld i hemmet", "violence in the home", "vold i hjemmet"),
    "triage.kind.child_at_risk": ("barn i fara", "child at risk", "barn i fare"),
    "triage.kind.goodbye": ("avsked, svarar inte", "goodbye, not answering",
                            "avskjed, svarer ikke"),
    "triage.kind.third_party_danger": ("någon i fara", "someone in danger", "noen i fare"),
    "triage.marked_urgent": ("akut enligt {name}", "urgent according to {name}",
                             "akutt ifølge {name}"),
    "triage.marked_not_urgent": ("inte akut enligt {name}", "not urgent according to {name}",
                                 "ikke akutt ifølge {name}"),
    "triage.mark_sent_urgent": ("{alias} markerad som akut.", "{alias} marked urgent.",
                                "{alias} markert som akutt."),
    "triage.mark_sent_not_urgent": ("{alias} markerad som inte akut.",
                                    "{alias} marked not urgent.",
                                    "{alias} markert som ikke akutt."),
    "triage.question": ("Var triaget rätt?", "Was the triage right?", "Var triagen riktig?"),
    "triage.answer.right": ("Ja", "Yes", "Ja"),
    "triage.answer.should_be_urgent": ("Borde ha varit akut", "Should have been urgent",
                                       "Burde vært akutt"),
    "triage.answer.should_not_be_urgent": ("Borde inte ha varit akut",
                                           "Should not have been urgent",
                                           "Burde ikke vært akutt"),
    "key.toggle_urgent": ("Akut / inte akut", "Urgent / not urgent", "Akutt / ikke akutt"),
    "key.toggle_urgent.tip": ("Markera den valda chatten i kön, eller din chatt, som akut eller "
                              "inte akut. Relän behåller ditt beslut och kollegorna ser det.",
                              "Mark the chat chosen in the queue, or your chat, urgent or not "
                              "urgent. The relay keeps your verdict and colleagues see it.",
                              "Marker chatten valgt i køen, eller din chat, som akutt eller "
                              "ikke akutt. Reléet beholder avgjørelsen og kollegene ser den."),
    "referrals.phone": ("Telefon", "Phone", "Telefon"),
    "referrals.hours": ("Öppet", "Open", "Åpent"),
    "referrals.fallback": ("Hänvisningsmotorn är inte installerad: visar nödnummer.",
                           "The referral engine is not installed: showing emergency numbers.",
                           "Henvisningsmotoren er ikke installert: viser nødnumre."),
    # -- transcript lines
    "line.you": ("du", "you", "du"),
    "line.note": ("Anteckning", "Note", "Notat"),
    "line.whisper": ("Viskning", "Whisper", "Hvisking"),
    "line.selftest": ("självtestresultat", "self-test result", "selvtestresultat"),
    "line.moment": ("Besökaren behöver en stund och är kvar.",
                    "The visitor needs a moment and is still here.",
                    "Den besøkende trenger et øyeblikk og er her fortsatt."),
    "line.ended.visitor": ("Besökaren avslutade chatten.", "The visitor ended the chat.",
                           "Den besøkende avsluttet chatten."),
    "line.ended.quick_exit": ("Besökaren lämnade snabbt (snabbutgång).",
                              "The visitor left by quick exit.",
                              "Den besøkende forlot raskt (hurtigutgang)."),
    "line.ended.system": ("Chatten avslutades av systemet.", "The chat was ended by the system.",
                          "Chatten ble avsluttet av systemet."),
    "line.ended.staff": ("Samtalet avslutades av personal.", "Staff closed the chat.",
                         "Personalet avsluttet samtalen."),
    "delivery.pending": ("väntar på anslutning", "waiting for connection", "venter på tilkobling"),
    "delivery.sent": ("skickat", "sent", "sendt"),
    "delivery.stored": ("sparat", "stored", "lagret"),
    "delivery.failed": ("inte skickat", "not sent", "ikke sendt"),
    # -- roles, languages and days come from vocabulary (shared with the report and the CLI)
    # -- topic tags
    "tag.alcohol": ("Alkohol", "Alcohol", "Alkohol"),
    "tag.drugs": ("Narkotika", "Drugs", "Narkotika"),
    "tag.gambling": ("Spel", "Gambling", "Spill"),
    "tag.medication": ("Läkemedel", "Medication", "Legemidler"),
    "tag.mental_health": ("Psykisk ohälsa", "Mental health", "Psykisk helse"),
    "tag.relationships": ("Relationer", "Relationships", "Relasjoner"),
    "tag.violence": ("Våld", "Violence", "Vold"),
    "tag.suicide": ("Suicidrisk", "Suicide risk", "Selvmordsrisiko"),
    "tag.parenting": ("Föräldraskap", "Parenting", "Foreldreskap"),
    "tag.money": ("Ekonomi", "Money", "Økonomi"),
    "tag.other": ("Annat", "Other", "Annet"),
    # -- dialogs
    "close.warn_urgent": ("⚠ Samtalet är markerat som akut. Har besökaren fått hjälp eller ett "
                          "nummer att ringa (112, 90101)?",
                          "⚠ This chat is marked urgent. Has the visitor got help or a number "
                          "to call (112, 90101)?",
                          "⚠ Samtalen er merket som akutt. Har den besøkende fått hjelp eller et "
                          "nummer å ringe (113, 116 123)?"),
    "close.warn_connected": ("⚠ {alias} är fortfarande kvar i chatten och ser att den avslutas.",
                             "⚠ {alias} is still in the chat and will see it end.",
                             "⚠ {alias} er fortsatt i chatten og ser at den avsluttes."),
    "close.title": ("Avsluta samtalet med {alias}", "Close the chat with {alias}",
                    "Avslutt samtalen med {alias}"),
    "close.role": ("Vem skrev?", "Who wrote?", "Hvem skrev?"),
    "close.tags": ("Ämnen", "Topics", "Temaer"),
    "close.referrals": ("Hänvisningar som gavs", "Referrals given", "Henvisninger som ble gitt"),
    "close.confirm": ("Avsluta samtalet", "Close the chat", "Avslutt samtalen"),
    "close.cancel": ("Avbryt", "Cancel", "Avbryt"),
    "close.hint": ("Utfallet sparas som statistik utan text.",
                   "The outcome is kept as statistics, without any text.",
                   "Utfallet lagres som statistikk uten tekst."),
    "transfer.title": ("Överlämna {alias}", "Transfer {alias}", "Overfør {alias}"),
    "transfer.to": ("Till", "To", "Til"),
    "transfer.queue": ("Tillbaka till kön (först i tur)", "Back to the queue (first in line)",
                       "Tilbake til køen (først i køen)"),
    "transfer.note": ("Anteckning till kollegan (syns inte för besökaren)",
                      "Note for your colleague (not shown to the visitor)",
                      "Notat til kollegaen (vises ikke for den besøkende)"),
    "transfer.confirm": ("Överlämna", "Transfer", "Overfør"),
    "transfer.nobody": ("Ingen kollega är inloggad; du kan lämna tillbaka till kön.",
                        "No colleague is logged in; you can return the chat to the queue.",
                        "Ingen kollega er logget inn; du kan sende samtalen tilbake til køen."),
    "quit.title": ("Avsluta Lotsen?", "Quit Lotsen?", "Avslutte Lotsen?"),
    "quit.body": ("Du har {count} öppna samtal. De går tillbaka till kön om du inte är tillbaka "
                  "inom två minuter.",
                  "You hold {count} open chat(s). They go back to the queue unless you are "
                  "back within two minutes.",
                  "Du har {count} åpne samtaler. De går tilbake til køen hvis du ikke er "
                  "tilbake innen to minutter."),
    "quit.confirm": ("Avsluta", "Quit", "Avslutt"),
    "help.title": ("Tangenter", "Keys", "Taster"),
    "help.intro": ("Allt går med tangentbordet; musen fungerar också. Ctrl+P söker bland alla "
                   "kommandon. Gråa tangenter går inte att använda just nu.",
                   "Everything works from the keyboard; the mouse works too. Ctrl+P searches "
                   "every command. Greyed keys are not possible right now.",
                   "Alt fungerer med tastaturet; musen fungerer også. Ctrl+P søker i alle "
                   "kommandoer. Grå taster kan ikke brukes akkurat nå."),
    "help.group.main": ("Arbete", "Work", "Arbeid"),
    "help.group.queue": ("Kön", "Queue", "Køen"),
    "help.group.composer": ("Skrivfältet", "Composer", "Skrivefeltet"),
    "help.group.referrals": ("Hänvisningar", "Referrals", "Henvisninger"),
    "help.group.app": ("Program", "Application", "Program"),
    "help.close": ("Stäng (Esc)", "Close (Esc)", "Lukk (Esc)"),
    # -- notices
    "notice.new_visitor": ("{alias} väntar ({details})", "{alias} is waiting ({details})",
                           "{alias} venter ({details})"),
    "notice.new_visitor.title": ("Ny besökare", "New visitor", "Ny besøkende"),
    "notice.visitor_gone": ("{alias} togs bort ur kön: besökaren har varit frånkopplad för "
                            "länge.",
                            "{alias} left the queue: the visitor was disconnected too long.",
                            "{alias} ble fjernet fra køen: den besøkende var frakoblet for "
                            "lenge."),
    "notice.still_waiting.title": ("Kön", "Queue", "Køen"),
    "notice.returned": ("{alias} är tillbaka i kön ({details})",
                        "{alias} is back in the queue ({details})",
                        "{alias} er tilbake i køen ({details})"),
    "notice.returned.title": ("Tillbaka i kön", "Back in the queue", "Tilbake i køen"),
    "notice.still_waiting": ("{count} väntar fortfarande — längst {wait}",
                             "{count} still waiting — longest {wait}",
                             "{count} venter fortsatt — lengst {wait}"),
    "notice.visitor_left": ("{alias} har lämnat chatten.", "{alias} has left the chat.",
                            "{alias} har forlatt chatten."),
    "notice.help_wanted": ("{name} ber om hjälp med {alias}.", "{name} asks for help with {alias}.",
                           "{name} ber om hjelp med {alias}."),
    "notice.help_sent": ("Handledarna har fått din fråga.", "The supervisors have been asked.",
                         "Veilederne har fått spørsmålet ditt."),
    "notice.transferred": ("{alias} är överlämnad.", "{alias} was transferred.",
                           "{alias} er overført."),
    "notice.closed": ("{alias} är avslutat.", "{alias} is closed.", "{alias} er avsluttet."),
    "notice.stats_supervisors_only": (
        "Statistiken visas bara för handledare. Be en handledare eller administratören "
        "(lotsen stats).",
        "Statistics are shown to supervisors only. Ask a supervisor or the administrator "
        "(lotsen stats).",
        "Statistikken vises bare for veiledere. Spør en veileder eller administratoren "
        "(lotsen stats)."),
    "notice.offline": ("Inte ansluten — försök igen när anslutningen är tillbaka.",
                       "Not connected — try again when the connection is back.",
                       "Ikke tilkoblet — prøv igjen når forbindelsen er tilbake."),
    "notice.error": ("Servern: {message}", "Server: {message}", "Serveren: {message}"),
    "error.queue_empty": ("Ingen väntar just nu.", "Nobody is waiting.", "Ingen venter nå."),
    "error.already_claimed": ("En kollega hann svara den besökaren först.",
                              "A colleague answered that visitor first.",
                              "En kollega rakk å svare den besøkende først."),
    "error.not_online": ("Kollegan är inte inloggad längre; välj någon annan eller kön.",
                         "That colleague is no longer logged in; choose someone else or the "
                         "queue.",
                         "Kollegaen er ikke logget inn lenger; velg en annen eller køen."),
    "error.ended": ("Samtalet är redan avslutat; raden skickades inte.",
                    "The chat has already ended; the line was not sent.",
                    "Samtalen er allerede avsluttet; linjen ble ikke sendt."),
    "error.forbidden": ("Det får du inte göra i det här samtalet.",
                        "That is not allowed in this chat.",
                        "Det er ikke tillatt i denne samtalen."),
    "error.rate_limited": ("För många på kort tid — vänta ett ögonblick och försök igen.",
                           "Too many at once — wait a moment and try again.",
                           "For mange på kort tid — vent litt og prøv igjen."),
    "error.text_too_long": ("Raden är för lång (högst 4000 tecken).",
                            "The line is too long (at most 4,000 characters).",
                            "Linjen er for lang (høyst 4000 tegn)."),
    "error.storage": ("Servern kunde inte spara ({message}). Försök igen.",
                      "The server could not save it ({message}). Try again.",
                      "Serveren kunne ikke lagre ({message}). Prøv igjen."),
    "error.bad_frame": ("Servern tog inte emot det (ogiltig begäran). Försök igen; händer det "
                        "igen, uppdatera Lotsen.",
                        "The server did not accept that (invalid request). Try again; if it "
                        "happens again, update Lotsen.",
                        "Serveren tok ikke imot det (ugyldig forespørsel). Prøv igjen; skjer "
                        "det igjen, oppdater Lotsen."),
    "error.unknown_type": ("Servern känner inte igen den begäran. Uppdatera Lotsen.",
                           "The server does not know that request. Update Lotsen.",
                           "Serveren kjenner ikke igjen den forespørselen. Oppdater Lotsen."),
    "error.login_locked": ("Ett personalkonto har låsts för lösenordsinloggning efter upprepade "
                           "misslyckade försök. Konsoler som loggat in på kontot förut påverkas "
                           "inte. Vilket konto: lotsen audit.",
                           "A staff account has been locked for password logins after repeated "
                           "failures. Consoles that logged in to it before are not affected. "
                           "Which account: lotsen audit.",
                           "En ansattkonto er låst for passordinnlogging etter gjentatte "
                           "mislykkede forsøk. Konsoller som har logget inn på kontoen før, "
                           "berøres ikke. Hvilken konto: lotsen audit."),
    "error.busy": ("Servern är upptagen just nu. Försök igen om en stund.",
                   "The server is busy right now. Try again in a moment.",
                   "Serveren er opptatt akkurat nå. Prøv igjen om litt."),
    "login.busy": ("Servern kontrollerar många inloggningar just nu. Vänta några sekunder och "
                   "försök igen.",
                   "The server is checking many logins right now. Wait a few seconds and try "
                   "again.",
                   "Serveren kontrollerer mange innlogginger akkurat nå. Vent noen sekunder og "
                   "prøv igjen."),
    "error.too_large": ("Det var för stort för att skicka.", "That was too large to send.",
                        "Det var for stort til å sende."),
    "notice.referral_stale": ("⚠ {name} skulle ha granskats {date} och kan vara inaktuell. "
                              "Kontrollera nummer och öppettider innan du skickar.",
                              "⚠ {name} was due for review on {date} and may be out of date. "
                              "Check the number and hours before you send.",
                              "⚠ {name} skulle vært gjennomgått {date} og kan være utdatert. "
                              "Sjekk nummer og åpningstider før du sender."),
    "notice.referral_inserted": ("Hänvisningen ligger i svaret — granska och skicka själv.",
                                 "The referral is in your reply — review it and send it yourself.",
                                 "Henvisningen ligger i svaret — se over og send selv."),
    "block.title": ("Blockera {alias}?", "Block {alias}?", "Blokkere {alias}?"),
    "block.body": ("Chatten avslutas för gott: besökaren får ett vänligt besked och kan inte "
                   "återuppta den eller starta en ny från samma fönster. Det loggas.",
                   "The chat ends for good: the visitor is told politely and cannot resume "
                   "it or start a new one from the same window. This is logged.",
                   "Chatten avsluttes for godt: den besøkende får en vennlig beskjed og kan "
                   "ikke gjenoppta den eller starte en ny fra samme vindu. Det logges."),
    "block.confirm": ("Blockera", "Block", "Blokker"),
    # -- key bindings (footer, help screen and command palette)
    "key.stats_close": ("Stäng", "Close", "Lukk"),
    "key.stats_previous": ("Föregående månad", "Previous month", "Forrige måned"),
    "key.stats_next": ("Nästa månad", "Next month", "Neste måned"),
    "key.stats_refresh": ("Uppdatera", "Refresh", "Oppdater"),
    "key.stats_save": ("Spara rapport", "Save report", "Lagre rapport"),
    "key.stats_save.tip": ("Utvärderingsrapporten för månaden som HTML (lotsen report).",
                           "The month's evaluation report as HTML (lotsen report).",
                           "Evalueringsrapporten for måneden som HTML (lotsen report)."),
    "key.start_over": ("Börja om", "Start over", "Begynn på nytt"),
    "key.start_over.tip": ("Tillbaka till lösenordet; lösenordet som väntade på koden glöms.",
                           "Back to the password; the password kept for the code is forgotten.",
                           "Tilbake til passordet; passordet som ventet på koden glemmes."),
    "key.claim_next": ("Ta nästa", "Take next", "Ta neste"),
    "key.claim_next.tip": ("Svara nästa besökare i kön (akuta först, sedan äldst).",
                           "Answer the next visitor in the queue (urgent first, then oldest).",
                           "Svar neste besøkende i køen (akutte først, så eldste)."),
    "key.claim_chosen": ("Ta vald", "Take chosen", "Ta valgt"),
    "key.claim_chosen.tip": ("Svara den besökare som är markerad i kön.",
                             "Answer the visitor highlighted in the queue.",
                             "Svar den besøkende som er markert i køen."),
    "key.note_mode": ("Anteckning", "Note", "Notat"),
    "key.note_mode.tip": ("Växla mellan svar och intern anteckning (syns aldrig för besökaren).",
                          "Switch between reply and internal note (never shown to the visitor).",
                          "Bytt mellom svar og internt notat (vises aldri for den besøkende)."),
    "key.transfer": ("Överlämna", "Transfer", "Overfør"),
    "key.transfer.tip": ("Lämna samtalet till en kollega eller tillbaka till kön, med en "
                         "anteckning.",
                         "Hand the chat to a colleague or back to the queue, with a note.",
                         "Gi samtalen til en kollega eller tilbake til køen, med et notat."),
    "key.close_chat": ("Stäng samtal", "Close chat", "Lukk samtale"),
    "key.close_chat.tip": ("Avsluta samtalet och spara utfallet (vem, ämnen, hänvisningar).",
                           "Close the chat and record the outcome (who, topics, referrals).",
                           "Avslutt samtalen og lagre utfallet (hvem, temaer, henvisninger)."),
    "key.ask_supervisor": ("Be om handledare", "Ask supervisor", "Be om veileder"),
    "key.ask_supervisor.tip": ("Be en handledare titta på samtalet (loggas).",
                               "Ask a supervisor to look at this chat (logged).",
                               "Be en veileder se på samtalen (logges)."),
    "key.follow": ("Följ", "Follow", "Følg"),
    "key.follow.tip": ("Handledare: följ eller sluta följa samtalet, läsläge (loggas).",
                       "Supervisor: follow or stop following the chat, read-only (logged).",
                       "Veileder: følg eller slutt å følge samtalen, lesemodus (logges)."),
    "key.staff_room": ("Personalrum", "Staff room", "Personalrom"),
    "key.staff_room.tip": ("Öppna personalrummet för att rådfråga kollegor.",
                           "Open the staff room to consult colleagues.",
                           "Åpne personalrommet for å rådføre deg med kolleger."),
    "key.next_chat": ("Nästa samtal", "Next chat", "Neste samtale"),
    "key.next_chat.tip": ("Byt till nästa öppna samtal.", "Switch to the next open chat.",
                          "Bytt til neste åpne samtale."),
    "key.previous_chat": ("Förra samtalet", "Previous chat", "Forrige samtale"),
    "key.previous_chat.tip": ("Byt till föregående öppna samtal.",
                              "Switch to the previous open chat.",
                              "Bytt til forrige åpne samtale."),
    "key.focus_queue": ("Kön", "Queue", "Køen"),
    "key.focus_queue.tip": ("Flytta fokus till kön.", "Move focus to the queue.",
                            "Flytt fokus til køen."),
    "key.focus_composer": ("Skriv", "Write", "Skriv"),
    "key.focus_composer.tip": ("Flytta fokus till skrivfältet.", "Move focus to the composer.",
                               "Flytt fokus til skrivefeltet."),
    "key.find_referral": ("Sök hänvisning", "Find referral", "Søk henvisning"),
    "key.find_referral.tip": ("Sök i hänvisningskatalogen.", "Search the referral directory.",
                              "Søk i henvisningskatalogen."),
    "key.insert_referral": ("Lägg in hänvisning", "Insert referral", "Sett inn henvisning"),
    "key.insert_referral.tip": ("Lägg den markerade hänvisningen i svaret som utkast.",
                                "Put the highlighted referral into the reply as a draft.",
                                "Legg den markerte henvisningen i svaret som utkast."),
    "key.dismiss_chat": ("Stäng flik", "Dismiss", "Lukk fane"),
    "key.dismiss_chat.tip": ("Ta bort ett avslutat eller följt samtal ur listan.",
                             "Remove an ended or watched chat from the list.",
                             "Fjern en avsluttet eller fulgt samtale fra listen."),
    "key.wider_left": ("Bredare kö", "Wider queue", "Bredere kø"),
    "key.wider_left.tip": ("Gör vänstra rutan bredare.", "Make the left pane wider.",
                           "Gjør venstre rute bredere."),
    "key.narrower_left": ("Smalare kö", "Narrower queue", "Smalere kø"),
    "key.narrower_left.tip": ("Gör vänstra rutan smalare.", "Make the left pane narrower.",
                              "Gjør venstre rute smalere."),
    "key.wider_right": ("Bredare hänvisningar", "Wider referrals", "Bredere henvisninger"),
    "key.wider_right.tip": ("Gör högra rutan bredare.", "Make the right pane wider.",
                            "Gjør høyre rute bredere."),
    "key.narrower_right": ("Smalare hänvisningar", "Narrower referrals", "Smalere henvisninger"),
    "key.narrower_right.tip": ("Gör högra rutan smalare.", "Make the right pane narrower.",
                               "Gjør høyre rute smalere."),
    "key.toggle_referrals": ("Visa/dölj hänvisningar", "Show/hide referrals",
                             "Vis/skjul henvisninger"),
    "key.toggle_referrals.tip": ("Visa eller dölj hänvisningsrutan.",
                                 "Show or hide the referral pane.",
                                 "Vis eller skjul henvisningsruten."),
    "key.block": ("Blockera", "Block", "Blokker"),
    "key.block.tip": ("Avsluta en kränkande chatt för gott (loggas).",
                      "End an abusive chat for good (logged).",
                      "Avslutt en krenkende chat for godt (logges)."),
    "key.statistics": ("Statistik", "Statistics", "Statistikk"),
    "key.statistics.tip": ("Handledare: månadens anonyma siffror.",
                           "Supervisor: this month's anonymous figures.",
                           "Veileder: månedens anonyme tall."),
    "key.help": ("Hjälp", "Help", "Hjelp"),
    "key.help.tip": ("Visa alla tangenter.", "Show every key.", "Vis alle taster."),
    "key.quit": ("Avsluta Lotsen", "Quit Lotsen", "Avslutt Lotsen"),
    "key.quit.tip": ("Avsluta konsolen.", "Quit the console.", "Avslutt konsollen."),
    "key.send": ("Skicka", "Send", "Send"),
    "key.send.tip": ("Skicka raden (Enter).", "Send the line (Enter).", "Send linjen (Enter)."),
    "key.newline": ("Ny rad", "New line", "Ny linje"),
    "key.newline.tip": ("Ny rad i skrivfältet.", "New line in the composer.",
                        "Ny linje i skrivefeltet."),
    "palette.search": ("Sök bland kommandon …", "Search for commands …", "Søk i kommandoer …"),
    "palette.no_matches": ("Inga träffar", "No matches found", "Ingen treff"),
    "key.command_palette": ("Kommandon", "Commands", "Kommandoer"),
    "key.command_palette.tip": ("Sök bland alla kommandon och standardsvar.",
                                "Search every command and canned reply.",
                                "Søk i alle kommandoer og standardsvar."),
}


def _merge_fragments() -> None:
    """Catalog fragments kept in their own modules (questions outside opening hours, the
    statistics screen, the professionals' network, cover agreements) and the words shared with
    the rest of Lotsen (``vocabulary``)."""
    from console.i18n_cover import TEXTS as COVER
    from console.i18n_network import TEXTS as NETWORK
    from console.i18n_questions import TEXTS as QUESTIONS
    from console.i18n_stats import TEXTS as STATS
    from vocabulary import WORDS

    for fragment in (QUESTIONS, STATS, NETWORK, COVER, WORDS):
        twice = CATALOG.keys() & fragment.keys()
        if twice:
            raise RuntimeError(f"catalog keys defined twice: {sorted(twice)}")
        CATALOG.update(fragment)


_merge_fragments()


def set_language(lang: str) -> None:
    """Switch every later ``t()`` to ``lang`` (sv, en or nb)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    return _current


def t(key: str, /, **args: Any) -> str:
    """The text for ``key`` in the current language; unknown keys show as themselves."""
    entry = CATALOG.get(key)
    if entry is None:
        return key
    text = entry[LANGUAGES.index(_current)]
    return text.format(**args) if args else text


def has(key: str) -> bool:
    return key in CATALOG
