"""A console fed fixed frames, for snapshot tests: no relay, a frozen clock, no cursor blink.

Snapshot tests must not depend on a live relay's timing, so this builds the state from
frames exactly as the relay sends them (``replay=``), with every time fixed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from console.app import LotsenConsole

NOW = 1_767_700_000.0  # 2026-01-06 11:46:40 UTC, a Tuesday
TODAY = dt.date(2026, 1, 6)
DIRECTORY = Path(__file__).parent / "data" / "directory.toml"


def frames() -> list[dict[str, Any]]:
    """A logged-in staff member with three waiting visitors (one whose connection is gone)
    and one open chat."""
    conversation = {
        "type": "conversation", "id": 7, "alias": "Besökare 42", "lang": "sv",
        "role": "relative", "state": "active", "staff": "anna", "staff_name": "Anna",
        "urgent": False, "reasons": [], "created_at": NOW - 600, "last_seq": 5,
        "readonly": False,
        "messages": [
            {"seq": 1, "kind": "visitor", "author": None, "ts": NOW - 600, "cid": "v1",
             "text": "Hej. Jag är orolig för min pappa, han dricker varje kväll och blir arg."},
            {"seq": 2, "kind": "staff", "author": "Anna", "ts": NOW - 540, "cid": "a1",
             "text": "Hej, vad bra att du skriver. Berätta gärna mer — hur gammal är du?"},
            {"seq": 3, "kind": "visitor", "author": None, "ts": NOW - 480, "cid": "v2",
             "text": "Jag är 16. Mamma säger att det inte är så farligt men jag sover "
                     "dåligt och vill inte vara hemma."},
            {"seq": 4, "kind": "note", "author": "Anna", "ts": NOW - 420, "cid": "a2",
             "text": "Ungdom 16 år, pappa med alkohol. Tänk på BRIS och barn som anhöriga."},
            {"seq": 5, "kind": "staff", "author": "Anna", "ts": NOW - 360, "cid": "a3",
             "text": "Det låter tungt. Du är inte ensam om det här, och det finns stöd "
                     "för dig som är ung och har en förälder som dricker."},
        ],
    }
    return [
        {"type": "session", "v": 1, "token": "t", "user": "anna", "name": "Anna",
         "supervisor": False, "expires_at": NOW + 3600},
        {"type": "queue", "entries": [
            {"conversation": 9, "alias": "Besökare 17", "since": NOW - 95, "lang": "sv",
             "role": "self", "preview": "Jag vill inte leva längre", "urgent": True,
             "reasons": ["suicide"]},
            {"conversation": 8, "alias": "Visitor 3", "since": NOW - 412, "lang": "en",
             "role": "self", "preview": "Hi, I think I drink too much, every night now",
             "urgent": False, "reasons": [], "gone_since": NOW - 185},
            {"conversation": 10, "alias": "Besökare 88", "since": NOW - 31, "lang": "sv",
             "role": "professional", "preview": "Jag är lärare och undrar hur jag ska göra "
             "med en elev", "urgent": False, "reasons": []},
        ]},
        {"type": "presence", "staff": [{"user": "anna", "name": "Anna", "supervisor": False},
                                       {"user": "bo", "name": "Bo", "supervisor": False}]},
        conversation,
        {"type": "typing", "conversation": 7, "active": True},
        {"type": "room", "seq": 1, "author": "bo", "name": "Bo", "text": "Någon som har "
         "numret till socialjouren?", "ts": NOW - 900},
    ]


def make_app(lang: str = "sv") -> LotsenConsole:
    return LotsenConsole(lang=lang, replay=frames(), clock=lambda: NOW, timezone=dt.UTC,
                         today=TODAY, alerts=False, cursor_blink=False, remember=False,
                         referral_directory=DIRECTORY, referral_extend=False)


app = make_app()
