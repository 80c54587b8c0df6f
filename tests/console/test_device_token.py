"""The console keeps the relay's device token, so a stranger's failed guesses for the same
account never lock it out (issue 10, finding 4). Real relay, real console under Pilot."""

from __future__ import annotations

import json
import os
import stat

from console.client import devices_path
from console.screens.main import MainScreen
from relay.server import Relay
from tests.console.conftest import console_for, wait_for
from tests.security.test_auth import login, refused


async def test_a_console_that_logged_in_before_is_not_locked_out_by_a_stranger(
        relay: Relay) -> None:
    """After one login the device token is kept (owner-only file); then a stranger locks the
    name "anna" for everyone else, and the same console still logs in with the password."""
    first = console_for(relay)
    async with first.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: isinstance(first.screen, MainScreen), what="main screen")
    path = devices_path()
    assert str(path).startswith(os.environ["XDG_STATE_HOME"])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    (device,) = json.loads(path.read_text(encoding="utf-8")).values()

    for _ in range(relay.config.login_free_failures + 1):
        await refused(await login(relay, "anna", "a stranger's guess"), "auth_failed")
    await refused(await login(relay, "anna"), "throttled")

    again = console_for(relay)
    async with again.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: isinstance(again.screen, MainScreen), what="main screen")
        assert again.client is not None and again.client._device == device
