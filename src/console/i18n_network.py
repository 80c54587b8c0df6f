"""The console's words for the professionals' network (merged into ``console.i18n``)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "network.title": ("Nätverket — personal i flera organisationer, aldrig synligt för besökare",
                      "The network — staff of several organisations, never visible to visitors",
                      "Nettverket — ansatte i flere organisasjoner, aldri synlig for besøkende"),
    "network.hint": ("Skriv aldrig något som kan identifiera en besökare. Raderas efter "
                     "{days} dagar.",
                     "Never write anything that could identify a visitor. Deleted after "
                     "{days} days.",
                     "Skriv aldri noe som kan identifisere en besøkende. Slettes etter "
                     "{days} dager."),
    "network.placeholder": ("Skriv till rummet och tryck Enter",
                            "Write to the room and press Enter",
                            "Skriv til rommet og trykk Enter"),
    "network.unread": ("{count} nya", "{count} new", "{count} nye"),
    "network.empty": ("Inget skrivet i {room} ännu.", "Nothing written in {room} yet.",
                      "Ingenting skrevet i {room} ennå."),
    "network.status": ("Nätverket {count} nya (Alt+N)", "Network {count} new (Alt+N)",
                       "Nettverket {count} nye (Alt+N)"),
    "network.none": ("Inga rum.", "No rooms.", "Ingen rom."),
    "network.pending": ("(skickas …)", "(sending …)", "(sendes …)"),
    "network.failed": ("(inte sparad)", "(not stored)", "(ikke lagret)"),
    "network.not_member": ("Din organisation är inte med i nätverket.",
                           "Your organisation is not in the network.",
                           "Organisasjonen din er ikke med i nettverket."),
    "key.network": ("Nätverket", "Network", "Nettverket"),
    "key.network.tip": ("Öppna nätverkets ämnesrum, delade med andra organisationer.",
                        "Open the network's topic rooms, shared with other organisations.",
                        "Åpne nettverkets temarom, delt med andre organisasjoner."),
    "key.network_close": ("Tillbaka", "Back", "Tilbake"),
    "key.network_close.tip": ("Tillbaka till samtalen.", "Back to the chats.",
                              "Tilbake til samtalene."),
    "key.network_close_alt_n": ("Tillbaka", "Back", "Tilbake"),
    "key.network_close_alt_n.tip": ("Tillbaka till samtalen.", "Back to the chats.",
                                 "Tilbake til samtalene."),
}
