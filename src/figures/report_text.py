"""Every word of the evaluation report (``figures.report``), in Swedish, English and Norwegian.

key: (sv, en, nb). Placeholders in braces are filled by the report; a test checks that the three
languages of a key use the same placeholders.
"""

from __future__ import annotations

from vocabulary import WORDS

TEXT: dict[str, tuple[str, str, str]] = {
    # -- the document ---------------------------------------------------------------------------
    "doc.title": ("Lotsen – utvärdering {period}", "Lotsen – evaluation {period}",
                  "Lotsen – evaluering {period}"),
    "doc.subtitle": (
        "Anonym statistik över chatten: når vi rätt personer, och ligger öppettiderna rätt?",
        "Anonymous statistics of the chat: do we reach the right people, and are our hours right?",
        "Anonym statistikk over chatten: når vi de rette, og er åpningstidene riktige?"),
    "doc.period": ("{since} – {until}", "{since} – {until}", "{since} – {until}"),
    "doc.generated": ("Skapad {date} · tidszon {timezone}", "Made {date} · time zone {timezone}",
                      "Laget {date} · tidssone {timezone}"),
    "doc.page": ("Sida {n} av {total}", "Page {n} of {total}", "Side {n} av {total}"),
    "doc.hatched": (
        "Streckat = visas inte: ”< {min}” är färre än {min}; ”×” är dolt så att ett litet tal "
        "inte kan räknas fram ur en summa.",
        "Hatched = not shown: \"< {min}\" is fewer than {min}; \"×\" is hidden so that a small "
        "count cannot be worked out from a total.",
        "Skravert = vises ikke: «< {min}» er færre enn {min}; «×» er skjult slik at et lite tall "
        "ikke kan regnes ut fra en sum."),
    "doc.no_data": ("Inga uppgifter ännu.", "No data yet.", "Ingen data ennå."),
    # -- key figures ----------------------------------------------------------------------------
    "key.title": ("Perioden i korthet", "The period at a glance", "Perioden i korte trekk"),
    "key.started": ("påbörjade samtal", "conversations started", "påbegynte samtaler"),
    "key.answered": ("besvarade", "answered", "besvart"),
    "key.abandoned": ("lämnade innan svar", "left before an answer", "forlot før svar"),
    "key.closed_visits": ("öppnade chatten när den var stängd", "opened the chat while closed",
                          "åpnet chatten da den var stengt"),
    "key.wait": ("väntetid (median)", "waiting time (median)", "ventetid (median)"),
    # -- demand heat map ------------------------------------------------------------------------
    "demand.title": ("Efterfrågan per veckodag och timme", "Demand by weekday and hour",
                     "Etterspørsel per ukedag og time"),
    "demand.chats": ("Påbörjade samtal", "Conversations started", "Påbegynte samtaler"),
    "demand.closed": ("Öppnade chatten när den var stängd", "Chat opened while closed",
                      "Åpnet chatten da den var stengt"),
    "demand.legend": ("Ram: öppettider enligt veckoschemat. Mörkare = fler.",
                      "Outlined: opening hours in the weekly schedule. Darker = more.",
                      "Ramme: åpningstider i ukeplanen. Mørkere = flere."),
    "demand.closed_share": (
        "{pct} av försöken att nå chatten kom när den var stängd ({closed} av {attempts}).",
        "{pct} of attempts to reach the chat came while it was closed ({closed} of {attempts}).",
        "{pct} av forsøkene på å nå chatten kom mens den var stengt ({closed} av {attempts})."),
    "demand.closed_count": (
        "Chatten öppnades {closed} gånger när den var stängd, och {chats} samtal påbörjades.",
        "The chat was opened {closed} times while closed, and {chats} conversations started.",
        "Chatten ble åpnet {closed} ganger mens den var stengt, og {chats} samtaler startet."),
    "demand.closed_peak": ("De flesta försöken utanför öppettid kom {days}, kl. {hours}.",
                           "Most attempts outside opening hours came {days}, at {hours}.",
                           "De fleste forsøkene utenfor åpningstid kom {days}, kl. {hours}."),
    "demand.chats_peak": ("Flest samtal började {day} kl. {hours}.",
                          "Most conversations started {day} at {hours}.",
                          "Flest samtaler startet {day} kl. {hours}."),
    "demand.nothing": ("Inga samtal och inga försök under perioden.",
                       "No conversations and no attempts in this period.",
                       "Ingen samtaler og ingen forsøk i perioden."),
    # -- weeks ----------------------------------------------------------------------------------
    "weeks.title": ("Samtal vecka för vecka", "Conversations week by week",
                    "Samtaler uke for uke"),
    "weeks.answered": ("besvarade", "answered", "besvart"),
    "weeks.abandoned": ("lämnade innan svar", "left before an answer", "forlot før svar"),
    "weeks.waiting": ("väntar fortfarande", "still waiting", "venter fortsatt"),
    "weeks.compare": ("Perioden jämförd med föregående", "This period beside the previous one",
                      "Perioden sammenlignet med forrige"),
    "weeks.col.figure": ("", "", ""),
    "weeks.col.now": ("denna period", "this period", "denne perioden"),
    "weeks.col.before": ("föregående ({since} – {until})", "previous ({since} – {until})",
                         "forrige ({since} – {until})"),
    "weeks.col.change": ("förändring", "change", "endring"),
    "weeks.row.p90": ("väntetid (p90)", "waiting time (p90)", "ventetid (p90)"),
    "weeks.more": ("{now} samtal påbörjades, {diff} fler än perioden innan ({before}).",
                   "{now} conversations started, {diff} more than the period before ({before}).",
                   "{now} samtaler startet, {diff} flere enn perioden før ({before})."),
    "weeks.fewer": ("{now} samtal påbörjades, {diff} färre än perioden innan ({before}).",
                    "{now} conversations started, {diff} fewer than the period before "
                    "({before}).",
                    "{now} samtaler startet, {diff} færre enn perioden før ({before})."),
    "weeks.same": ("{now} samtal påbörjades, lika många som perioden innan.",
                   "{now} conversations started, as many as the period before.",
                   "{now} samtaler startet, like mange som perioden før."),
    "weeks.plain": ("{now} samtal påbörjades.", "{now} conversations started.",
                    "{now} samtaler startet."),
    "weeks.none": ("Inga samtal påbörjades under perioden.", "No conversations started in this "
                   "period.", "Ingen samtaler startet i perioden."),
    "weeks.first": ("{now} samtal påbörjades (inga perioden innan).",
                    "{now} conversations started (none in the period before).",
                    "{now} samtaler startet (ingen perioden før)."),
    "weeks.answered_share": ("{pct} besvarades.", "{pct} were answered.", "{pct} ble besvart."),
    "weeks.busiest": ("Flest samtal vecka {week} ({count}).", "The busiest week was week {week} "
                      "({count}).", "Flest samtaler uke {week} ({count})."),
    # -- waiting --------------------------------------------------------------------------------
    "wait.title": ("Väntetid per timme", "Waiting time by hour", "Ventetid per time"),
    "wait.median": ("median", "median", "median"),
    "wait.p90": ("p90 (9 av 10 väntade högst så länge)", "p90 (9 in 10 waited at most this long)",
                 "p90 (9 av 10 ventet høyst så lenge)"),
    "wait.axis": ("minuter", "minutes", "minutter"),
    "wait.hour": ("timme", "hour", "time"),
    "wait.col.answered": ("besvarade", "answered", "besvart"),
    "wait.col.left": ("lämnade", "left", "forlot"),
    "wait.col.share": ("andel som lämnade", "share who left", "andel som forlot"),
    "wait.spread": ("Hälften av de besvarade väntade högst {median}; 9 av 10 högst {p90}.",
                    "Half of those answered waited {median} or less; 9 in 10 at most {p90}.",
                    "Halvparten av de besvarte ventet høyst {median}; 9 av 10 høyst {p90}."),
    "wait.left": ("{pct} lämnade innan de fick svar ({count} av {total}).",
                  "{pct} left before they were answered ({count} of {total}).",
                  "{pct} forlot før de fikk svar ({count} av {total})."),
    "wait.left_count": ("{count} av {total} lämnade innan de fick svar.",
                        "{count} of {total} left before they were answered.",
                        "{count} av {total} forlot før de fikk svar."),
    "wait.longest": ("Längst väntan (median) för samtal som började kl. {hours}.",
                     "The longest waits (median) were for chats started at {hours}.",
                     "Lengst venting (median) for samtaler som startet kl. {hours}."),
    "wait.none": ("Inga besvarade samtal under perioden.", "No answered conversations in this "
                  "period.", "Ingen besvarte samtaler i perioden."),
    # -- who and language -----------------------------------------------------------------------
    "who.title": ("Vem skriver, och på vilket språk", "Who writes, and in which language",
                  "Hvem skriver, og på hvilket språk"),
    "who.chart": ("Vem skriver", "Who writes", "Hvem skriver"),
    "lang.chart": ("Språk", "Language", "Språk"),
    "who.top": ("Flest som skrev var {who} ({share}).", "Most who wrote were {who} ({share}).",
                "Flest som skrev var {who} ({share})."),
    "lang.top": ("Vanligast språk: {lang} ({share}).", "Most common language: {lang} ({share}).",
                 "Vanligste språk: {lang} ({share})."),
    "people.self": ("själv berörda", "the person concerned", "den det gjelder"),
    "people.relative": ("anhöriga", "relatives", "pårørende"),
    "people.child": ("barn (anhöriga under 18)", "children (relatives under 18)",
                  "barn (pårørende under 18)"),
    "people.professional": ("yrkespersoner", "professionals", "fagpersoner"),
    # -- topics and referrals -------------------------------------------------------------------
    "topics.title": ("Ämnen och hänvisningar", "Topics and referrals", "Temaer og henvisninger"),
    "topics.chart": ("Ämnen (satta vid avslut, topp 10)", "Topics (set at close, top 10)",
                     "Temaer (satt ved avslutning, topp 10)"),
    "referrals.chart": ("Hänvisningar (topp 10)", "Referrals given (top 10)",
                        "Henvisninger (topp 10)"),
    "topics.top": ("Vanligaste ämnet: {name} ({share} av samtalen).",
                   "The most common topic: {name} ({share} of conversations).",
                   "Vanligste tema: {name} ({share} av samtalene)."),
    "referrals.top": ("Oftast hänvisade personalen till {name} ({count} samtal).",
                      "Staff referred most often to {name} ({count} conversations).",
                      "Oftest henviste de ansatte til {name} ({count} samtaler)."),
    "topics.few": ("Vart och ett sattes färre än {min} gånger.",
                   "Each was set fewer than {min} times.",
                   "Hvert av dem ble satt færre enn {min} ganger."),
    "topics.none": ("Inga ämnen satta.", "No topics set.", "Ingen temaer satt."),
    "referrals.none": ("Inga hänvisningar givna.", "No referrals given.",
                       "Ingen henvisninger gitt."),
    # -- feedback, triage, questions ------------------------------------------------------------
    "feedback.title": ("Återkoppling, triage och frågor utanför öppettid",
                       "Feedback, triage and questions outside hours",
                       "Tilbakemelding, triage og spørsmål utenfor åpningstid"),
    "feedback.chart": ("Hjälpte samtalet? (frågan efter avslut)",
                       "Did the chat help? (the question after closing)",
                       "Hjalp samtalen? (spørsmålet etter avslutning)"),
    "feedback.yes": ("ja", "yes", "ja"),
    "feedback.partly": ("delvis", "partly", "delvis"),
    "feedback.no": ("nej", "no", "nei"),
    "feedback.none": ("svarade inte", "did not answer", "svarte ikke"),
    "feedback.found": ("Av {answered} som svarade sa {yes} ja, det hjälpte.",
                       "Of {answered} who answered, {yes} said yes, it helped.",
                       "Av {answered} som svarte sa {yes} ja, det hjalp."),
    "feedback.yes_only": ("{yes} svarade ja, det hjälpte.", "{yes} said yes, it helped.",
                          "{yes} svarte ja, det hjalp."),
    "feedback.nobody": ("Ingen svarade på frågan.", "Nobody answered the question.",
                        "Ingen svarte på spørsmålet."),
    "triage.chart": ("Triagekontroller (personalens bedömning av triage)",
                     "Triage checks (staff's verdict on triage)",
                     "Triagekontroller (de ansattes vurdering av triage)"),
    "questions.chart": ("Frågor utanför öppettid", "Questions outside opening hours",
                        "Spørsmål utenfor åpningstid"),
    "triage.right": ("rätt", "right", "riktig"),
    "triage.should_be_urgent": ("borde ha varit akut", "should have been urgent",
                                "burde vært akutt"),
    "triage.should_not_be_urgent": ("borde inte ha varit akut", "should not have been urgent",
                                    "burde ikke vært akutt"),
    "triage.none": ("inget svar", "not answered", "ikke svart"),
    "triage.note": ("Personalens svar vid avslut på frågan om triagen var rätt.",
                    "Staff's answer at close to whether the triage was right.",
                    "De ansattes svar ved avslutning på om triagen var riktig."),
    "triage.found": ("Personalen sa att triagen var fel i {wrong} av {answered} svar ({pct}).",
                     "Staff said the triage was wrong in {wrong} of {answered} answers ({pct}).",
                     "De ansatte sa at triagen var feil i {wrong} av {answered} svar ({pct})."),
    "triage.few": ("Några svar är för få för att visas, så ingen andel anges.",
                   "Some answers are too few to show, so no share is given.",
                   "Noen svar er for få til å vises, så ingen andel oppgis."),
    "triage.nobody": ("Ingen i personalen svarade på frågan.", "No staff member answered the "
                      "question.", "Ingen ansatte svarte på spørsmålet."),
    "questions.asked": ("{asked} frågor ställdes utanför öppettid.",
                        "{asked} questions were asked outside opening hours.",
                        "{asked} spørsmål ble stilt utenfor åpningstid."),
    "questions.answered": ("{share} besvarades.", "{share} were answered.",
                           "{share} ble besvart."),
    "questions.first": ("Första svaret kom efter {median} (median; 9 av 10 inom {p90}).",
                        "The first answer came after {median} (median; 9 in 10 within {p90}).",
                        "Første svar kom etter {median} (median; 9 av 10 innen {p90})."),
    "questions.read": ("{share} av svaren lästes av den som frågade.",
                       "{share} of the answers were read by the person who asked.",
                       "{share} av svarene ble lest av den som spurte."),
    "questions.note": ("Frågor per timme då de ställdes.", "Questions by the hour they were "
                       "asked.", "Spørsmål per time da de ble stilt."),
    "extra.found": ("Som Lotsens statistik räknar dem (lotsen stats).",
                    "As Lotsen's statistics count them (lotsen stats).",
                    "Slik Lotsens statistikk teller dem (lotsen stats)."),
    "extra.missing": (
        "Inga uppgifter ännu: den här versionen av Lotsen räknar inte detta.",
        "No data yet: this version of Lotsen does not count this.",
        "Ingen data ennå: denne versjonen av Lotsen teller ikke dette."),
    # -- method ---------------------------------------------------------------------------------
    "method.title": ("Så räknas siffrorna", "How the figures are counted",
                     "Slik telles tallene"),
    "method.counted": (
        "Ett samtal räknas till den dag, timme och vecka då det påbörjades ({timezone}). "
        "Besvarat: en i personalen tog samtalet; väntetiden räknas från första meddelandet. "
        "Lämnade innan svar: avslutat utan att någon tog det. Median: mittersta värdet. "
        "p90: 9 av 10 värden är lika med eller lägre.",
        "A conversation counts on the day, hour and week it started ({timezone}). Answered: a "
        "staff member took it; the wait runs from the first message. Left before an answer: "
        "closed without anyone taking it. Median: the middle value. p90: 9 in 10 values are "
        "at or below it.",
        "En samtale telles på dagen, timen og uken den startet ({timezone}). Besvart: en ansatt "
        "tok samtalen; ventetiden regnes fra første melding. Forlot før svar: avsluttet uten at "
        "noen tok den. Median: den midterste verdien. p90: 9 av 10 verdier er lik eller lavere."),
    "method.closed": (
        "När någon öppnar chatten medan den är stängd ökar ett anonymt antal för den timmen. "
        "Inget annat sparas om den som bara öppnar chatten.",
        "When someone opens the chat while it is closed, an anonymous count for that hour goes "
        "up by one. Nothing else is kept about someone who only opens the chat.",
        "Når noen åpner chatten mens den er stengt, øker et anonymt antall for den timen med "
        "én. Ingenting annet lagres om den som bare åpner chatten."),
    "method.never": (
        "Aldrig sparat: IP-adresser, webbläsaruppgifter, kakor, namn. Rapporten innehåller "
        "inga meddelanden och inga alias, bara summor.",
        "Never stored: IP addresses, browser details, cookies, names. The report holds no "
        "messages and no aliases, only totals.",
        "Aldri lagret: IP-adresser, nettleseropplysninger, informasjonskapsler, navn. Rapporten "
        "inneholder ingen meldinger og ingen alias, bare summer."),
    "method.retention": (
        "Samtalens text raderas {days} dagar efter avslut (gallring). Kvar blir en "
        "statistikpost utan text: tider, språk, vem som skrev, ämnen och hänvisningar.",
        "A conversation's text is deleted {days} days after it closed. What remains is a "
        "statistics record without text: times, language, who wrote, topics and referrals.",
        "Samtalens tekst slettes {days} dager etter avslutning. Igjen blir en statistikkpost "
        "uten tekst: tider, språk, hvem som skrev, temaer og henvisninger."),
    "method.small": (
        "Små tal visas inte: ett antal under {min} står som ”< {min}” och får ingen procentsats, "
        "och procent räknas inte på färre än {min}. Skulle en summa avslöja ett dolt tal döljs "
        "även det näst minsta (”×”), så att ingen enskild person kan pekas ut.",
        "Small numbers are not shown: a count below {min} reads \"< {min}\" and gets no "
        "percentage, and no percentage is given of fewer than {min}. Where a total would reveal "
        "a hidden count, the next smallest is hidden too (\"×\"), so no single person can be "
        "singled out.",
        "Små tall vises ikke: et antall under {min} står som «< {min}» og får ingen prosent, og "
        "prosent regnes ikke av færre enn {min}. Hvis en sum ville avsløre et skjult tall, "
        "skjules også det nest minste («×»), slik at ingen enkeltperson kan pekes ut."),
    "method.source": (
        "Siffrorna är desamma som ”lotsen stats --format json” visar för samma period.",
        "The figures are those \"lotsen stats --format json\" prints for the same period.",
        "Tallene er de samme som «lotsen stats --format json» viser for samme periode."),
    # -- calendar -------------------------------------------------------------------------------
    "days.0": ("på måndagar", "on Mondays", "på mandager"),
    "days.1": ("på tisdagar", "on Tuesdays", "på tirsdager"),
    "days.2": ("på onsdagar", "on Wednesdays", "på onsdager"),
    "days.3": ("på torsdagar", "on Thursdays", "på torsdager"),
    "days.4": ("på fredagar", "on Fridays", "på fredager"),
    "days.5": ("på lördagar", "on Saturdays", "på lørdager"),
    "days.6": ("på söndagar", "on Sundays", "på søndager"),
    "days.weekdays": ("på vardagar", "on weekdays", "på hverdager"),
    "days.weekend": ("på helger", "at weekends", "i helgene"),
    "dayshort.0": ("mån", "Mon", "man"),
    "dayshort.1": ("tis", "Tue", "tir"),
    "dayshort.2": ("ons", "Wed", "ons"),
    "dayshort.3": ("tor", "Thu", "tor"),
    "dayshort.4": ("fre", "Fri", "fre"),
    "dayshort.5": ("lör", "Sat", "lør"),
    "dayshort.6": ("sön", "Sun", "søn"),
    "month.1": ("januari", "January", "januar"),
    "month.2": ("februari", "February", "februar"),
    "month.3": ("mars", "March", "mars"),
    "month.4": ("april", "April", "april"),
    "month.5": ("maj", "May", "mai"),
    "month.6": ("juni", "June", "juni"),
    "month.7": ("juli", "July", "juli"),
    "month.8": ("augusti", "August", "august"),
    "month.9": ("september", "September", "september"),
    "month.10": ("oktober", "October", "oktober"),
    "month.11": ("november", "November", "november"),
    "month.12": ("december", "December", "desember"),
    "week.short": ("v. {n}", "wk {n}", "uke {n}"),
}
# Languages and "unknown": the words shared with the console and lotsen stats (the report's
# own words for who writes, "people.*" above, are plural: they name groups of people).
TEXT.update({key: words for key, words in WORDS.items() if key.startswith("lang.")})
TEXT["people.unknown"] = WORDS["role.unknown"]
