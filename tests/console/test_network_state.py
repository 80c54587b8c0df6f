"""The console's network state without a socket: rooms, lines kept by seq (a reconnect's
repeat changes nothing), own lines from pending to stored or failed, unread counts."""

from __future__ import annotations

from console.network import NetworkState
from console.state import FAILED, PENDING, STORED, ConsoleState
from relay import protocol

ROOMS = protocol.NetworkRooms([{"id": "rus", "names": {"sv": "Rus", "en": "Substance use",
                                                        "nb": "Rus"}},
                               {"id": "anhorig", "names": {"sv": "Anhörigstöd"}}], 90)


def _line(room: str, seq: int, text: str, cid: str | None = None) -> protocol.NetworkLine:
    return protocol.NetworkLine(room, seq, "kommun-b", "Kommun B", "Bo", text, 1000.0 + seq, cid)


def test_lines_are_kept_in_order_once_and_counted_unread() -> None:
    """History sent again after a reconnect adds nothing; a line out of order takes its
    place; lines of a room not on screen are unread until it is shown."""
    state = ConsoleState()
    assert not state.network.member
    update = state.apply(ROOMS)
    assert update.network and state.network.member
    assert [v.name("en") for v in state.network.rooms.values()] == ["Substance use",
                                                                    "Anhörigstöd"]
    for frame in (_line("rus", 2, "två"), _line("rus", 1, "ett"), _line("rus", 2, "två"),
                  _line("anhorig", 1, "annat")):
        assert state.apply(frame).network
    rus = state.network.rooms["rus"]
    assert [(line.seq, line.text) for line in rus.lines] == [(1, "ett"), (2, "två")]
    assert (rus.unread, state.network.unread) == (2, 3)
    state.network.read("rus")
    assert (rus.unread, state.network.unread) == (0, 1)
    state.apply(_line("rus", 3, "medan rummet visas"))
    assert rus.unread == 0
    state.network.read(None)
    state.apply(ROOMS)  # the rooms again after a reconnect: the lines stay
    assert len(state.network.rooms["rus"].lines) == 3
    assert state.network.rooms["rus"].unread == 0


def test_own_lines_go_from_pending_to_stored_or_failed() -> None:
    """An own line shows pending at once; the relay's copy with its cid makes it stored (in
    its place by seq, not unread); an error with its cid marks it failed."""
    state = ConsoleState()
    state.apply(ROOMS)
    network: NetworkState = state.network
    stored = network.add_own("rus", "Anna", "Kommun A", "hej")
    refused = network.add_own("rus", "Anna", "Kommun A", "\u0000")
    assert stored is not None and refused is not None
    assert network.add_own("okänt", "Anna", "Kommun A", "hej") is None
    assert stored.delivery == refused.delivery == PENDING
    state.apply(protocol.NetworkLine("rus", 7, "kommun-a", "Kommun A", "Anna", "hej", 5.0,
                                     stored.cid))
    assert state.apply(protocol.Error("bad_frame", "no", refused.cid)).network
    lines = network.rooms["rus"].lines
    assert [(line.seq, line.delivery, line.mine) for line in lines] == [
        (None, FAILED, True), (7, STORED, True)]
    assert network.rooms["rus"].unread == 0
