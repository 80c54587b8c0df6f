"""The console follows the work (issue 12, points 8-17): a claimed chat is shown at once,
the referral search belongs to one chat, ghosts look gone, keys and notices are named apart,
dialogs fit and warn, and a staff member who is not a supervisor is told why F5 does nothing.
Every test runs the console against a real relay on port 0."""

from __future__ import annotations

from typing import Any

from rich.align import Align
from textual.pilot import Pilot

from console.app import LotsenConsole
from console.screens.main import MainScreen
from relay.server import Relay
from tests.console.conftest import claimed_chat, console_for, wait_for
from tests.support import Client


async def _logged_in(app: LotsenConsole, pilot: Pilot[Any]) -> MainScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
    assert isinstance(app.screen, MainScreen)
    return app.screen


async def test_claiming_with_a_chat_open_shows_the_claimed_chat_and_keeps_the_draft(
        relay: Relay) -> None:
    """Ctrl+N while a chat is open switches the transcript to the visitor just claimed; the
    old chat's unsent draft is still there when switching back."""
    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _logged_in(app, pilot)
        _first, first = await claimed_chat(app, pilot, relay, "Första")
        await pilot.press(*"halvfärdigt svar")
        second = await Client.visitor(relay.port)
        await second.say("Jag vill inte leva längre")
        await wait_for(pilot, lambda: app.state.queue, what="second visitor queued")
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: app.state.active not in (None, first.key),
                       what="switch to the claimed chat")
        shown = screen.transcript.chat
        assert shown is not None and shown.key == app.state.active
        assert screen.composer.text == ""
        screen.activate(first.key)
        await pilot.pause()
        assert screen.composer.text == "halvfärdigt svar"


async def test_referral_search_is_visible_while_typing_and_belongs_to_one_chat(
        relay: Relay) -> None:
    """The search box shows what is typed into it, and a search typed in one chat is gone in
    the next, so it cannot hide the next chat's suggestions."""
    from textual.widgets import Input

    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _logged_in(app, pilot)
        _first, first = await claimed_chat(app, pilot, relay, "Min pappa dricker")
        await pilot.press("ctrl+f", *"bris")
        search = screen.query_one("#referral-search", Input)
        assert search.has_focus and search.value == "bris"
        assert search.content_region.height >= 1, "typed text has no row to show in"
        second = await Client.visitor(relay.port)
        await second.say("Jag vill inte leva längre")
        await wait_for(pilot, lambda: app.state.queue, what="second visitor queued")
        screen.action_claim_next()
        await wait_for(pilot, lambda: app.state.active not in (None, first.key),
                       what="the second chat")
        await pilot.pause()
        assert search.value == ""
        assert screen.referral_pane.query_text == ""


async def test_footer_keys_have_distinct_names(relay: Relay) -> None:
    """Ending a chat and quitting the console are not both called "Avsluta" in the footer."""
    from textual.widgets import Footer

    app = console_for(relay, lang="sv")
    async with app.run_test(size=(200, 36)) as pilot:
        screen = await _logged_in(app, pilot)
        await claimed_chat(app, pilot, relay)
        await pilot.pause()
        shown = [binding.description for _key, (_node, binding, enabled, _tip)
                 in screen.active_bindings.items() if binding.show]
        assert "Stäng samtal" in shown and "Avsluta Lotsen" in shown
        assert len(shown) == len(set(shown)), shown
        footer_text = " ".join(str(w.render()) for w in screen.query_one(Footer).children)
        assert "Stäng samtal" in footer_text and "Avsluta Lotsen" in footer_text


async def test_quit_confirmation_is_readable_at_140_columns(relay: Relay) -> None:
    """The quit question wraps inside its dialog instead of being cut off, and speaks of one
    chat in the singular."""
    from textual.widgets import Label

    from console.screens.dialogs import QuitDialog

    app = console_for(relay, lang="sv")
    async with app.run_test(size=(140, 36)) as pilot:
        await _logged_in(app, pilot)
        await claimed_chat(app, pilot, relay)
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitDialog), what="quit dialog")
        await pilot.pause()
        dialog = app.screen.query_one(".dialog")
        body = app.screen.query_one(".dialog-body", Label)
        assert body.region.right <= dialog.content_region.right
        visible = "".join(str(strip.text) for strip in
                          (body.render_line(y) for y in range(body.size.height)))
        assert "två minuter." in " ".join(visible.split())
        assert "Du har 1 öppet samtal. Det går tillbaka" in " ".join(visible.split())


async def test_statistics_key_tells_staff_who_are_not_supervisors_why(relay: Relay) -> None:
    """F5 for a staff member who is not a supervisor says statistics are for supervisors."""
    from console.screens.stats import StatsScreen

    app = console_for(relay)
    async with app.run_test(size=(120, 36)) as pilot:
        await _logged_in(app, pilot)
        await pilot.press("f5")
        await wait_for(pilot, lambda: any("supervisors only" in str(n.message)
                                          for n in app._notifications),
                       what="the reason")
        assert not isinstance(app.screen, StatsScreen)


async def test_command_palette_speaks_swedish_and_lists_each_command_once(relay: Relay) -> None:
    """In a Swedish console the palette's placeholder, its "no matches" line and every command
    come from the catalog; no command (Textual's "Copy selected text" included) is listed twice
    and none is in English."""
    from textual.command import CommandInput, CommandList, CommandPalette

    app = console_for(relay, lang="sv")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _logged_in(app, pilot)
        await claimed_chat(app, pilot, relay)
        assert screen.active_bindings["ctrl+p"].binding.description == "Kommandon"
        titles = [command.title for command in app.get_system_commands(screen)]
        assert len(titles) == len(set(titles)), titles
        for english in ("Copy selected text", "Theme", "Quit", "Keys", "Screenshot",
                        "Next chat", "Close"):
            assert english not in titles
        assert "Stäng samtal" in titles and "Nästa samtal" in titles
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), what="palette")
        palette = app.screen
        assert palette.query_one(CommandInput).placeholder == "Sök bland kommandon …"
        await pilot.press(*"qqqxyz")
        commands = palette.query_one(CommandList)

        def no_matches_shown() -> bool:
            if commands.option_count != 1:
                return False
            prompt = commands.get_option_at_index(0).prompt  # Textual centres its own line
            return isinstance(prompt, Align) and "Inga träffar" in str(prompt.renderable)

        await wait_for(pilot, no_matches_shown, what="no matches line")


def _notices(app: LotsenConsole) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications]


async def test_queue_notices_replace_each_other_and_go_when_stale(relay: Relay) -> None:
    """A second queue notice replaces the first instead of stacking; when a colleague takes
    the visitor the notice about them goes; notices never cover the composer."""
    from textual.widgets._toast import Toast

    app = console_for(relay, lang="sv", alerts=True)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        screen = await _logged_in(app, pilot)
        visitor = await Client.visitor(relay.port)
        await visitor.say("Hej")
        await wait_for(pilot, lambda: any("väntar" in m for _t, m in _notices(app)),
                       what="new visitor notice")
        app._repeat_alert()
        await wait_for(pilot, lambda: any("väntar fortfarande" in m for _t, m in _notices(app)),
                       what="still waiting notice")
        assert len(_notices(app)) == 1, _notices(app)
        await pilot.pause(0.3)
        toasts = list(app.screen.query(Toast))
        assert len(toasts) == 1
        for covered in (screen.composer, screen.query_one("#chat-status"),
                        screen.query_one("Footer")):
            assert not toasts[0].region.overlaps(covered.region), f"a notice covers {covered}"
        colleague = await Client.staff(relay.port, "bo")
        await colleague.send({"type": "claim"})
        await wait_for(pilot, lambda: not app.state.queue, what="claimed by a colleague")
        await wait_for(pilot, lambda: not _notices(app), what="stale notice gone")


async def test_a_chat_transferred_back_is_not_called_a_new_visitor(relay: Relay) -> None:
    """A colleague handing a chat back to the queue is announced as back in the queue under
    the alias the queue showed, not as a new visitor; our own transfer names the chat by its
    alias, never by a number."""
    app = console_for(relay, lang="sv", alerts=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await _logged_in(app, pilot)
        colleague = await Client.staff(relay.port, "bo")
        visitor = await Client.visitor(relay.port)
        await visitor.say("Hej")
        await wait_for(pilot, lambda: app.state.queue, what="queued")
        alias = app.state.queue[0].alias
        conversation = app.state.queue[0].conversation
        await colleague.send({"type": "claim"})
        await wait_for(pilot, lambda: not app.state.queue, what="claimed by a colleague")
        await colleague.send({"type": "transfer", "conversation": conversation})
        await wait_for(pilot, lambda: app.state.queue, what="back in the queue")
        await wait_for(pilot, lambda: any(title == "Tillbaka i kön" for title, _m in
                                          _notices(app)), what="back-in-queue notice")
        assert all(title != "Ny besökare" for title, _m in _notices(app)), _notices(app)
        assert any(alias in message for _t, message in _notices(app))
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: app.state.active == conversation, what="claimed")
        await pilot.press("ctrl+t")
        await pilot.pause(0.2)
        await pilot.press("enter", "enter")  # the queue is the only target: hand it back
        await wait_for(pilot, lambda: any("överlämnad" in m for _t, m in _notices(app)),
                       what="transferred notice")
        assert any(f"{alias} är överlämnad" in m for _t, m in _notices(app)), _notices(app)


def _queue_rows(screen: MainScreen) -> list[str]:
    pane = screen.queue_pane
    return [pane.render_line(y).text for y in range(pane.size.height)]


async def test_a_disconnected_visitor_is_shown_as_gone_with_how_long_ago() -> None:
    """A queue entry whose visitor's connection is gone (``gone_since``, as the relay sends it)
    has a hollow marker and says "frånkopplad för 3 min sedan" instead of looking live."""
    from tests.console.snapshot_app import NOW, make_app

    app = make_app()
    assert app.replay is not None
    app.replay = [*app.replay, {"type": "queued", "index": 1, "entry": {
        "conversation": 8, "alias": "Visitor 3", "since": NOW - 412, "lang": "en",
        "role": "self", "preview": "Hi, I think I drink too much", "urgent": False,
        "reasons": [], "gone_since": NOW - 185}}]
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, MainScreen)
        rows = _queue_rows(app.screen)
        gone = next(i for i, row in enumerate(rows) if "Besökare 3" in row)  # in sv
        assert rows[gone].lstrip().startswith("○")
        assert "frånkopplad för 3 min sedan" in rows[gone + 1]
        live = next(i for i, row in enumerate(rows) if "Besökare 88" in row)
        assert rows[live].lstrip().startswith("●")
        assert "frånkopplad" not in rows[live + 1]


async def test_a_gone_visitor_leaves_the_queue_with_a_clear_notice(tmp_path: Any) -> None:
    """Against a real relay with a short grace period: a visitor who closes the browser while
    waiting is shown as disconnected, then leaves the queue, and the console says why."""
    from tests.support import add_staff_async, make_config

    config = make_config(tmp_path, visitor_gone_s=1.0)
    await add_staff_async(config.database, "anna")
    async with Relay(config) as relay:
        app = console_for(relay, lang="sv")
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await _logged_in(app, pilot)
            visitor = await Client.visitor(relay.port)
            await visitor.say("Hej")
            await wait_for(pilot, lambda: app.state.queue, what="queued")
            await visitor.close()
            await wait_for(pilot, lambda: app.state.queue and
                           app.state.queue[0].gone_since is not None, what="shown as gone")
            await pilot.pause(0.1)
            assert any("frånkopplad för" in row for row in _queue_rows(screen))
            await wait_for(pilot, lambda: not app.state.queue, timeout=10,
                           what="dropped after the grace period")
            await wait_for(pilot, lambda: any("togs bort ur kön" in str(n.message)
                                              for n in app._notifications),
                           what="the drop notice")


async def test_close_dialog_warns_while_the_visitor_is_there_or_the_chat_is_urgent(
        tmp_path: Any) -> None:
    """Closing an urgent chat (raised by the relay's real triage) whose visitor is still in it
    shows both warnings in the close dialog; once the visitor has left, only the urgent one."""
    from textual.widgets import Label

    from console.screens.dialogs import CloseDialog
    from relay.triage import default_triage
    from tests.support import add_staff_async, make_config

    config = make_config(tmp_path)
    await add_staff_async(config.database, "anna")
    async with Relay(config, triage=default_triage(config)) as relay:
        app = console_for(relay, lang="sv")
        async with app.run_test(size=(120, 40)) as pilot:
            await _logged_in(app, pilot)
            visitor, chat = await claimed_chat(app, pilot, relay, "Jag vill inte leva längre")
            assert chat.urgent
            await pilot.press("ctrl+o")
            await wait_for(pilot, lambda: isinstance(app.screen, CloseDialog), what="dialog")
            warning = str(app.screen.query_one("#close-warning", Label).render())
            assert "akut" in warning and "fortfarande kvar i chatten" in warning
            await pilot.press("escape")
            await visitor.send({"type": "leave"})
            await wait_for(pilot, lambda: chat.ended, what="visitor left")
            await pilot.press("ctrl+o")
            await wait_for(pilot, lambda: isinstance(app.screen, CloseDialog), what="dialog")
            warning = str(app.screen.query_one("#close-warning", Label).render())
            assert "akut" in warning and "fortfarande kvar" not in warning


async def test_inserting_a_stale_referral_warns(relay: Relay) -> None:
    """A referral past its review date ("⚠ inaktuell") goes into the reply with a warning to
    check it, not with the usual "review and send" notice."""
    from tests.console.snapshot_app import DIRECTORY

    app = console_for(relay, lang="sv", referral_directory=DIRECTORY, referral_extend=False)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _logged_in(app, pilot)
        await claimed_chat(app, pilot, relay, "Hej")
        await wait_for(pilot, lambda: app.referrals.loaded, what="referrals loaded")
        await pilot.press("ctrl+f", *"anhörigstöd", "enter", "enter")
        await wait_for(pilot, lambda: "08-123 45 67" in screen.composer.text,
                       what="referral in the reply")
        await wait_for(pilot, lambda: any("kan vara inaktuell" in str(n.message)
                                          for n in app._notifications), what="stale warning")


async def test_suggestions_follow_the_visitor_not_the_counsellors_questions(
        relay: Relay) -> None:
    """A counsellor asking about drugs, alcohol and gambling does not put an addiction service
    among the top three for a relative worried about a withdrawn son (staff words weigh far
    below the visitor's), and the counsellor's words are not listed as what matched."""
    app = console_for(relay, lang="sv")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _logged_in(app, pilot)
        await claimed_chat(app, pilot, relay, "Min son mår dåligt och stänger in sig")
        await wait_for(pilot, lambda: app.referrals.loaded and screen.referral_pane.suggestions,
                       timeout=20, what="suggestions")
        await pilot.press(*"Använder han droger eller alkohol, tror du? Spelar han om pengar?",
                          "enter")
        chat = app.state.active_chat()
        assert chat is not None
        await wait_for(pilot, lambda: any(ln.kind == "staff" for ln in chat.lines),
                       what="the question sent")
        screen._suggest_now()
        suggestions = screen.referral_pane.suggestions
        assert suggestions is not None and suggestions.items
        names = [item.referral.name for item in suggestions.items]
        assert not any("missbruk" in name for name in names[:3]), names
        shown = {word for item in suggestions.items for word in item.matched}
        assert not shown & {"droger", "alkohol", "spelar", "pengar"}, shown


INVISIBLE = ["\u200e", "\u200f", "\u061c", "\u2028", "\u2029", "\ufeff", "\u200b", "\u200c",
             "\u200d", "\u2060", "\U000e0041", "\U000e007f", "\u00ad"]


async def test_invisible_characters_in_visitor_text_are_shown_not_hidden(relay: Relay) -> None:
    """Bidi marks, line separators, BOM, zero-width and tag characters in a visitor's line
    reach the transcript and the queue preview as a visible "�", so they cannot hide text or
    make a visitor's line look like the counsellor's header (issue 10, finding 12)."""
    app = console_for(relay, lang="sv")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _logged_in(app, pilot)
        visitor = await Client.visitor(relay.port)
        forged = "ok\u2028\u200f11:40  Anna (du)\u2029" + "".join(INVISIBLE) + "slut"
        await visitor.say(forged)
        await wait_for(pilot, lambda: app.state.queue, what="queued")
        await pilot.pause(0.1)
        preview = " ".join(_queue_rows(screen))
        assert not any(c in preview for c in INVISIBLE) and "�" in preview
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: app.state.active_chat() is not None, what="claim")
        await pilot.pause(0.2)
        view = screen.transcript
        rows = [view.render_line(y).text for y in range(view.size.height)]
        text = "\n".join(rows)
        assert "slut" in text
        assert not any(c in text for c in INVISIBLE), [hex(ord(c)) for c in INVISIBLE
                                                      if c in text]
        assert "ok�" + "�11:40  Anna (du)�" in text.replace("\n▌ ", "")


async def test_back_to_the_queue_first_in_line_puts_the_chat_first(relay: Relay) -> None:
    """"Tillbaka till kön (först i tur)" puts the chat at the top of the queue the console
    shows, ahead of a visitor who has waited longer."""
    app = console_for(relay, lang="sv")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _logged_in(app, pilot)
        older = await Client.visitor(relay.port)
        await older.say("Första")
        newer = await Client.visitor(relay.port)
        await newer.say("Andra")
        await wait_for(pilot, lambda: len(app.state.queue) == 2, what="two waiting")
        await wait_for(pilot, lambda: len(screen.queue_pane.entries) == 2, what="both shown")
        chosen = app.state.queue[1].conversation
        await pilot.press("f3", "end", "enter")
        await wait_for(pilot, lambda: app.state.active == chosen, what="the newer one claimed")
        await pilot.press("ctrl+t")
        await pilot.pause(0.2)
        await pilot.press("enter", "enter")  # nobody else online: the queue is the only target
        await wait_for(pilot, lambda: len(app.state.queue) == 2, what="back in the queue")
        assert app.state.queue[0].conversation == chosen
        await pilot.pause(0.1)
        assert app.state.aliases[chosen] in _queue_rows(screen)[0]


async def test_markup_typed_or_in_a_name_is_shown_as_text(tmp_path: Any) -> None:
    """A display name "[/]" in the status bar and "/[/]" typed in the composer (the canned
    reply hint) are shown literally; both crashed the console as Rich markup."""
    from textual.widgets import Static

    from tests.support import add_staff_async, make_config

    config = make_config(tmp_path)
    await add_staff_async(config.database, "anna", name="[/]")
    async with Relay(config) as relay:
        app = console_for(relay, lang="sv")
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await _logged_in(app, pilot)
            await pilot.pause(0.1)
            assert "[/]" in str(screen.query_one("#statusbar", Static).render())
            await claimed_chat(app, pilot, relay)
            await pilot.press(*"/[/]")
            await pilot.pause(0.2)
            assert app.is_running
            assert "/[/]" in str(screen.query_one("#canned-hint", Static).render())


async def test_a_long_queue_shows_its_head_and_how_many_more(tmp_path: Any) -> None:
    """A relay that sends only the head of a long queue (``total``, ``queue_total``): the
    console counts everyone waiting and says how many are beyond the head."""
    from textual.widgets import Label

    from tests.support import add_staff_async, make_config

    config = make_config(tmp_path, queue_snapshot_entries=2)
    await add_staff_async(config.database, "anna")
    async with Relay(config) as relay:
        app = console_for(relay, lang="sv")
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await _logged_in(app, pilot)
            visitors = []
            for text in ("Ett", "Två", "Tre"):
                visitor = await Client.visitor(relay.port)
                await visitor.say(text)
                visitors.append(visitor)
            await wait_for(pilot, lambda: app.state.waiting_count == 3, what="the total")
            await pilot.pause(0.1)
            assert len(app.state.queue) == 2
            assert "Kö 3" in str(screen.query_one("#queue-title", Label).render())
            assert any("och 1 till" in row for row in _queue_rows(screen))
            fourth = await Client.visitor(relay.port)
            await fourth.say("Fyra")
            await wait_for(pilot, lambda: app.state.waiting_count == 4, what="a new total")
            await pilot.pause(0.1)
            assert any("och 2 till" in row for row in _queue_rows(screen))


def test_plural_and_closed_wordings_in_every_language() -> None:
    """One open chat is singular in sv/en/nb, several plural; a closed chat's notice says
    "the chat with Besökare 14 has ended", not that the visitor is closed."""
    from console import i18n

    for lang, one, many, closed in (
            ("sv", "1 öppet samtal", "2 öppna samtal", "Samtalet med Besökare 14 är avslutat."),
            ("en", "1 open chat.", "2 open chats", "The chat with Besökare 14 has ended."),
            ("nb", "1 åpen samtale", "2 åpne samtaler", "Samtalen med Besökare 14 er avsluttet.")):
        i18n.set_language(lang)
        assert one in i18n.t("quit.body_one")
        assert many in i18n.t("quit.body", count=2)
        assert i18n.t("notice.closed", alias="Besökare 14") == closed
    i18n.set_language("sv")


async def test_an_english_console_names_visitors_in_english(relay: Relay) -> None:
    """The relay names visitors in its default language ("Besökare 14"); an English console
    shows them as "Visitor 14" in the queue and in the chat, with the same number."""
    app = console_for(relay, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await _logged_in(app, pilot)
        visitor = await Client.visitor(relay.port)
        await visitor.say("Hello")
        await wait_for(pilot, lambda: app.state.queue, what="queued")
        number = next(iter(relay.live.values())).record.alias.rsplit(" ", 1)[1]
        assert next(iter(relay.live.values())).record.alias == f"Besökare {number}"
        assert app.state.queue[0].alias == f"Visitor {number}"
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: app.state.active_chat() is not None, what="claim")
        chat = app.state.active_chat()
        assert chat is not None and chat.alias == f"Visitor {number}"
        await visitor.close()
