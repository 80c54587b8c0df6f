"""The professionals' network in the config file and the CLI: ``[network]`` and its rooms,
``config show``, ``org show`` (membership and its changes) and ``purge`` (its own retention),
on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from relay.config import ConfigError, config_from_env, load_config
from relay.shared_relay import SharedRelay
from relay.storage import Database, PostgresURL, open_storage
from relay.storage.network import NetworkLine
from tests.ops.conftest import Cli
from tests.postgres import BACKENDS, backend_database

CONFIG = '''[network]
retention_days = 20

[[network.room]]
id = "rus"
name = { sv = "Rus – erfarenheter", en = "Substance use – experiences" }

[[network.room]]
id = "anhorig"
name = "Anhörigstöd"

[[organisation]]
id = "kommun-a"
name = "Kommun A"
network = true
retention_days = 5

[[organisation]]
id = "kommun-b"
name = "Kommun B"
'''


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    return backend_database(request, tmp_path)


def _config(tmp_path: Path, text: str = CONFIG) -> Path:
    path = tmp_path / "lotsen.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _db(database: Database) -> str:
    return database.url if isinstance(database, PostgresURL) else str(database)


def test_rooms_load_with_names_per_language(tmp_path: Path) -> None:
    """A room's name is one text or one per language (a missing one takes the first given);
    organisations opt in with network = true."""
    cfg = load_config(_config(tmp_path))
    assert cfg.network.retention_days == 20
    rus, anhorig = cfg.network.rooms
    assert (rus.name("sv"), rus.name("en"), rus.name("nb")) == (
        "Rus – erfarenheter", "Substance use – experiences", "Rus – erfarenheter")
    assert {anhorig.name(lang) for lang in ("sv", "en", "nb")} == {"Anhörigstöd"}
    assert [org.network for org in cfg.organisations] == [True, False]


def test_the_networks_retention_has_a_variable(tmp_path: Path) -> None:
    """LOTSEN_NETWORK_RETENTION_DAYS changes the retention and keeps the file's rooms."""
    cfg = config_from_env(load_config(_config(tmp_path)), {"LOTSEN_NETWORK_RETENTION_DAYS": "7"})
    assert cfg.network.retention_days == 7 and [r.id for r in cfg.network.rooms] == [
        "rus", "anhorig"]
    with pytest.raises(ConfigError) as error:
        config_from_env(cfg, {"LOTSEN_NETWORK_RETENTION_DAYS": "0"})
    assert str(error.value).startswith("LOTSEN_NETWORK_RETENTION_DAYS='0'")


@pytest.mark.parametrize(("change", "says"), [
    (('id = "rus"', 'id = "Rus!"'), "a room id uses only"),
    (('id = "anhorig"', 'id = "rus"'), "is the id of an earlier room"),
    (('name = "Anhörigstöd"', 'name = "\\u001b[2J"'), "visible characters"),
    (('name = "Anhörigstöd"', 'name = { de = "Angehörige" }'), "by language"),
    (('name = "Anhörigstöd"', 'name = "Anhörigstöd"\ntopic = "x"'), "unknown key 'topic'"),
    (("retention_days = 20", "retention_days = 0"), "at least 1"),
    (("network = true", "network = 1"), "must be true or false"),
])
def test_mistakes_in_the_network_name_the_file_and_line(tmp_path: Path, change: tuple[str, str],
                                                        says: str) -> None:
    """Each mistake is refused with the file, a line and what is wanted."""
    path = _config(tmp_path, CONFIG.replace(*change, 1))
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value).startswith(f"{path}:") and says in str(error.value), error.value


def test_config_show_prints_the_network_so_that_it_loads_back(tmp_path: Path, cli: Cli) -> None:
    """``config show`` spells out [network], its rooms and each organisation's opt-in."""
    path = _config(tmp_path)
    shown = cli("config", "show", "-c", path)
    assert shown.exit_code == 0, shown.output
    again = tmp_path / "shown.toml"
    again.write_text(shown.output, encoding="utf-8")
    before, after = load_config(path), load_config(again)
    assert after.network == before.network
    assert [o.network for o in after.organisations] == [o.network for o in
                                                         before.organisations]


def test_config_check_says_who_is_in_the_network(tmp_path: Path, cli: Cli) -> None:
    """``config check`` names the rooms' count, the retention and the organisations taking
    part, or says that none does."""
    checked = cli("config", "check", _config(tmp_path))
    assert checked.exit_code == 0, checked.output
    assert ("professionals' network: 2 room(s), lines kept 20 days, organisations kommun-a"
            in checked.output)
    nobody = cli("config", "check", _config(tmp_path, CONFIG.replace("network = true\n", "")))
    assert "but no organisation takes part" in nobody.output


def test_org_show_tells_membership_and_its_changes(tmp_path: Path, cli: Cli,
                                                   database: Database) -> None:
    """Before the relay ran, org show says the config's choice and that it applies at the
    next start; after, it lists the join the relay recorded; B says no."""
    path = _config(tmp_path)
    db = _db(database)
    first = cli("org", "show", "kommun-a", "-c", path, "--db", db)
    assert first.exit_code == 0, first.output
    assert "network:            yes (config)" in first.output
    assert "applies the change when it restarts" in first.output

    async def run_once() -> None:
        cfg = load_config(path).with_overrides(database=database, port=0)
        async with SharedRelay(cfg):
            pass

    asyncio.run(run_once())
    shown = cli("org", "show", "kommun-a", "-c", path, "--db", db).output
    assert "network change:     " in shown and shown.rstrip().endswith("joined")
    assert "restarts" not in shown
    other = cli("org", "show", "kommun-b", "-c", path, "--db", db).output
    assert "network:            no (config)" in other and "network change" not in other


def test_purge_applies_the_networks_own_retention(tmp_path: Path, cli: Cli,
                                                  database: Database) -> None:
    """Network lines 10 days old stay under [network] retention_days = 20 (though A keeps
    chats 5 days); 30 days old go; --org leaves the network alone."""
    path = _config(tmp_path)
    db = _db(database)

    async def write() -> None:
        storage = open_storage(database)
        await storage.open()
        try:
            now = time.time()
            for seq, days in enumerate((30, 10), start=1):
                await storage.append_network_line(NetworkLine(
                    "rus", seq, "kommun-a", "anna", "Anna", f"{days} dagar", now - days * 86400))
        finally:
            await storage.close()

    async def texts() -> list[str]:
        storage = open_storage(database)
        await storage.open()
        try:
            return [line.text for line in await storage.network_lines("rus", 10)]
        finally:
            await storage.close()

    asyncio.run(write())
    only_a = cli("purge", "--org", "kommun-a", "-c", path, "--db", db)
    assert only_a.exit_code == 0 and "network" not in only_a.output
    assert asyncio.run(texts()) == ["30 dagar", "10 dagar"]
    purged = cli("purge", "-c", path, "--db", db)
    assert purged.exit_code == 0, purged.output
    assert "Professionals' network: purged 1 line(s)" in purged.output
    assert asyncio.run(texts()) == ["10 dagar"]


def test_org_network_turns_the_opt_in_on_and_off_in_the_file(tmp_path: Path, cli: Cli) -> None:
    """``org network ID on|off`` sets that organisation's key and leaves every other line as
    it was; an unknown organisation or state is refused with the file untouched."""
    path = _config(tmp_path)
    joined = cli("org", "network", "kommun-b", "on", "-c", path)
    assert joined.exit_code == 0, joined.output
    assert "restart the relay" in joined.output
    text = path.read_text(encoding="utf-8")
    assert text == CONFIG.replace('id = "kommun-b"\n', 'id = "kommun-b"\nnetwork = true\n')
    assert [org.network for org in load_config(path).organisations] == [True, True]
    left = cli("org", "network", "kommun-a", "off", "-c", path)
    assert left.exit_code == 0, left.output
    assert [org.network for org in load_config(path).organisations] == [False, True]
    assert path.read_text(encoding="utf-8").count("network = ") == 2
    before = path.read_text(encoding="utf-8")
    unknown = cli("org", "network", "kommun-x", "on", "-c", path)
    assert unknown.exit_code == 2 and "kommun-a, kommun-b" in unknown.output
    maybe = cli("org", "network", "kommun-a", "maybe", "-c", path)
    assert maybe.exit_code == 2 and "on or off" in maybe.output
    assert path.read_text(encoding="utf-8") == before
    shown = cli("org", "show", "kommun-b", "-c", path, "--db", tmp_path / "lotsen.db")
    assert "network:            yes (config)" in shown.output
