"""Login refusals added by the hardening round reach staff in their own language."""

from __future__ import annotations

from pathlib import Path

from console.app import LotsenConsole
from console.messages import LoginFailed
from console.screens.main import MainScreen
from relay.server import Relay
from tests.console.conftest import console_for, wait_for
from tests.security.test_auth import login, refused
from tests.support import add_staff_async, make_config


async def test_a_lockout_reaches_a_supervisor_console_in_swedish(tmp_path: Path) -> None:
    """A stranger's guesses lock anna; sara's console says so in Swedish, not the relay's
    English fallback."""
    config = make_config(tmp_path, login_free_failures=2)
    for user, supervisor in (("anna", False), ("sara", True)):
        await add_staff_async(config.database, user, supervisor=supervisor)
    async with Relay(config) as relay:
        app = console_for(relay, user="sara", lang="sv")
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="login")
            for _ in range(3):
                await refused(await login(relay, "anna", "a wrong guess!"), "auth_failed")
            await wait_for(pilot, lambda: any("lotsen audit" in n.message
                                              for n in app._notifications), what="the notice")
            notice = next(n.message for n in app._notifications if "lotsen audit" in n.message)
            assert notice.startswith("Ett personalkonto har låsts")
            assert "Password logins" not in notice


def test_a_busy_relay_is_not_called_a_wrong_password() -> None:
    """A 1013 'busy' close at login reads as 'try again in a moment' in every language."""
    app = LotsenConsole(server="127.0.0.1:1", user="anna", password="x", lang="sv")
    for lang, start in (("sv", "Servern kontrollerar"), ("en", "The server is checking"),
                        ("nb", "Serveren kontrollerer")):
        from console.i18n import set_language

        set_language(lang)
        assert app._login_error(LoginFailed("busy", "busy")).startswith(start)
    set_language("sv")
