"""Every word ``lotsen stats`` prints in its tables, in Swedish, English and Norwegian.

key: (sv, en, nb). The command speaks the relay's configured language (``[chat]
default_language``) unless ``--lang`` says otherwise. Words that come from stored data (tags,
referral ids) are not translated; ``Words.label`` prints them literally (never as markup) with
control and invisible characters written out (``relay.terminal_text.visible``).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from relay.protocol import LANGUAGES
from relay.terminal_text import visible
from vocabulary import WORDS, capitalised

TEXT: dict[str, tuple[str, str, str]] = {
    "heading": ("Lotsen statistik ", "Lotsen statistics ", "Lotsen statistikk "),
    "started": ("Påbörjade samtal", "Conversations started", "Påbegynte samtaler"),
    "answered": ("  besvarade", "  answered", "  besvart"),
    "abandoned": ("  lämnade innan svar", "  left before being answered", "  forlot før svar"),
    "in_progress": ("  väntar nu", "  still waiting now", "  venter nå"),
    "urgent": ("  akuta (höjda av triage)", "  urgent (raised by triage)",
               "  akutte (hevet av triage)"),
    "closed_visits": ("Öppnade chatten när den var stängd", "Widget opened while closed",
                      "Åpnet chatten da den var stengt"),
    "wait": ("Väntetid (besvarade)", "Waiting time (answered)", "Ventetid (besvart)"),
    "abandoned_wait": ("Väntade innan de lämnade", "Waited before leaving",
                       "Ventet før de forlot"),
    "duration": ("Samtalslängd", "Conversation length", "Samtalelengde"),
    "lines": ("Rader per samtal", "Lines per conversation", "Linjer per samtale"),
    "ended_by": ("Avslutat av", "Ended by", "Avsluttet av"),
    "spread": ("median {median}, p90 {p90}", "median {median}, p90 {p90}",
               "median {median}, p90 {p90}"),
    "by.visitor": ("besökaren", "visitor", "den besøkende"),
    "by.staff": ("personal", "staff", "ansatte"),
    "by.system": ("systemet", "system", "systemet"),
    "weekdays": ("Per veckodag (påbörjade samtal och öppningar medan chatten var stängd)",
                 "Per weekday (started conversations and widget openings while closed)",
                 "Per ukedag (påbegynte samtaler og åpninger mens chatten var stengt)"),
    "hours": ("Per timme (lokal tid)", "Per hour of day (local time)", "Per time (lokal tid)"),
    "weeks": ("Per vecka", "Per week", "Per uke"),
    "col.weekday": ("veckodag", "weekday", "ukedag"),
    "col.days": ("dagar", "days", "dager"),
    "col.chats": ("samtal", "chats", "samtaler"),
    "col.closed": ("stängt", "closed", "stengt"),
    "col.hour": ("timme", "hour", "time"),
    "col.week": ("vecka", "week", "uke"),
    "col.answered": ("besvarade", "answered", "besvart"),
    "col.left": ("lämnade", "left", "forlot"),
    "col.count": ("antal", "count", "antall"),
    "col.share": ("andel", "share", "andel"),
    "col.role": ("vem", "role", "hvem"),
    "col.language": ("språk", "language", "språk"),
    "col.tag": ("ämne", "tag", "tema"),
    "col.referral": ("hänvisning", "referral", "henvisning"),
    "col.answer": ("svar", "answer", "svar"),
    "day.closed": (" (stängt)", " (closed)", " (stengt)"),
    "hour.open": (" öppet", " open", " åpent"),
    "no_activity": ("(ingen aktivitet)", "(no activity)", "(ingen aktivitet)"),
    "none": ("(inga)", "(none)", "(ingen)"),
    "legend": ("samtal = påbörjade samtal; stängt = chatten öppnades medan den var stängd "
               "(ett anonymt antal per timme).",
               "chats = conversations started; closed = widget opened while the chat was "
               "closed (an anonymous count per hour).",
               "samtaler = påbegynte samtaler; stengt = chatten ble åpnet mens den var stengt "
               "(et anonymt antall per time)."),
    "who": ("Vem skriver", "Who writes", "Hvem skriver"),
    "language": ("Språk", "Language", "Språk"),
    "tags": ("Ämnen (sätts vid avslut; ett samtal kan ha flera)",
             "Topics (tags set at close; a conversation may have several)",
             "Temaer (settes ved avslutning; en samtale kan ha flere)"),
    "referrals": ("Hänvisningar som gavs (katalog-id)", "Referrals given (directory id)",
                  "Henvisninger som ble gitt (katalog-id)"),
    "feedback": ("Återkoppling efter samtalet", "Feedback after the chat",
                 "Tilbakemelding etter samtalen"),
    "feedback.yes": ("ja, det hjälpte", "yes, it helped", "ja, det hjalp"),
    "feedback.partly": ("delvis", "partly", "delvis"),
    "feedback.no": ("nej", "no", "nei"),
    "feedback.none": ("svarade inte", "did not answer", "svarte ikke"),
    "triage": ("Var triaget rätt? (personalen vid avslut)",
               "Was the triage right? (staff at close)",
               "Hadde triagen rett? (de ansatte ved avslutning)"),
    "triage.right": ("ja, rätt", "yes, right", "ja, riktig"),
    "triage.should_be_urgent": ("borde ha varit akut", "should have been urgent",
                                "burde vært akutt"),
    "triage.should_not_be_urgent": ("borde inte ha varit akut", "should not have been urgent",
                                    "burde ikke vært akutt"),
    "triage.none": ("inte besvarat", "not answered", "ikke besvart"),
    "q.title": ("Frågor utanför öppettid", "Questions outside opening hours",
                "Spørsmål utenfor åpningstid"),
    "q.figure": ("mått", "figure", "mål"),
    "q.value": ("värde", "value", "verdi"),
    "q.asked": ("Ställda frågor", "Questions asked", "Stilte spørsmål"),
    "q.answered": ("  besvarade", "  answered", "  besvart"),
    "q.read": ("  svaret läst av besökaren", "  answer read by the visitor",
               "  svaret lest av den besøkende"),
    "q.of_answered": ("av besvarade", "of answered", "av besvarte"),
    "q.first": ("Tid till första svar", "Time to first answer", "Tid til første svar"),
    "q.weekdays": ("Frågor per veckodag de ställdes", "Questions per weekday asked",
                   "Spørsmål per ukedag de ble stilt"),
    "q.hours": ("Frågor per timme de ställdes (lokal tid)",
                "Questions per hour asked (local time)",
                "Spørsmål per time de ble stilt (lokal tid)"),
    "col.asked": ("ställda", "asked", "stilt"),
}
# Who writes, languages and weekdays: the words shared with the console and the report, the
# days with a capital as the first column of a table writes them.
TEXT.update({key: words for key, words in WORDS.items() if key.startswith(("who.", "lang."))})
TEXT.update({key: capitalised(words) for key, words in WORDS.items() if key.startswith("day.")})

class Words:
    """The words of one language: ``words("key", name=value)``."""

    def __init__(self, lang: str) -> None:
        self.index = LANGUAGES.index(lang) if lang in LANGUAGES else 0

    def __call__(self, key: str, **args: Any) -> str:
        return TEXT[key][self.index].format(**args)

    def label(self, prefix: str, key: str) -> Text:
        """A known key's words, or the stored key itself shown literally (never as markup)."""
        name = f"{prefix}.{key}"
        return Text(self(name) if name in TEXT else visible(key))
