"""The console's words for cover agreements, when this organisation answers another's visitors
in agreed hours (merged into ``console.i18n``)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "cover.for": ("för {org}", "for {org}", "for {org}"),
    "notice.cover_open": ("Ni svarar nu för {org} enligt ert täckningsavtal: deras kö visas "
                          "märkt med namnet.",
                          "You now answer for {org} under your cover agreement: its queue is "
                          "shown labelled with its name.",
                          "Dere svarer nå for {org} etter dekningsavtalen: køen deres vises "
                          "merket med navnet."),
    "notice.cover_closed": ("Täckningen för {org} är slut: deras kö visas inte längre, och "
                            "samtal ni har kvar går tillbaka till deras kö.",
                            "Cover for {org} has ended: its queue is no longer shown, and chats "
                            "you still hold go back to its queue.",
                            "Dekningen for {org} er slutt: køen deres vises ikke lenger, og "
                            "samtaler dere har igjen går tilbake til køen deres."),
}
