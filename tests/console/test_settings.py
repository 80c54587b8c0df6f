"""The console config file: canned replies, tags and alerts, with errors that name the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.settings import ConsoleConfigError, load_console_config


def test_canned_replies_tags_and_alerts_from_the_config_file(tmp_path: Path) -> None:
    """A [console] table (shareable with the relay's config) sets language, alerts, replies."""
    path = tmp_path / "console.toml"
    path.write_text(
        '[console]\nlang = "nb"\nbell = false\nalert_repeat_seconds = 45\n'
        'tags = ["alcohol", "gambling"]\n'
        '[console.canned]\nhei = "Hei, jeg heter {name}."\n'
        '[console.canned.vent]\ntitle = "Vent litt"\ntext = "Et øyeblikk, {alias}."\n',
        encoding="utf-8")
    config = load_console_config(path)
    assert (config.lang, config.bell, config.alert_repeat_s) == ("nb", False, 45.0)
    assert [tag for tag, _ in config.tags] == ["alcohol", "gambling"]
    replies = {r.key: r for r in config.canned_replies("nb")}
    assert replies["hei"].expand(name="Anna", alias="B1") == "Hei, jeg heter Anna."
    assert replies["vent"].title == "Vent litt"
    assert replies["vent"].expand(name="Anna", alias="Besøkende 3") == "Et øyeblikk, Besøkende 3."


def test_without_a_file_the_built_in_replies_follow_the_language(tmp_path: Path) -> None:
    """No config file: defaults, with canned replies in the console's language."""
    config = load_console_config(None)
    assert config.lang == "sv" and config.bell
    assert config.canned_replies("en")[0].key == "hi"


def test_errors_name_the_file_and_line(tmp_path: Path) -> None:
    """A wrong value is reported with file, line and what to write instead."""
    path = tmp_path / "console.toml"
    path.write_text('bell = true\nlang = "de"\n', encoding="utf-8")
    with pytest.raises(ConsoleConfigError, match=r"console.toml:2: lang: must be"):
        load_console_config(path)
    path.write_text("alert_repeat_seconds = 1\n", encoding="utf-8")
    with pytest.raises(ConsoleConfigError, match="at least 5"):
        load_console_config(path)


def test_the_organisations_canned_replies_come_between_own_and_built_in(
        tmp_path: Path) -> None:
    """Replies the relay sends for the organisation (session frame) replace the built-in
    ones, but a console's own console.toml replies still win."""
    from console.settings import CannedReply, ConsoleConfig
    from console.state import ConsoleState
    from relay import protocol

    state = ConsoleState()
    state.apply(protocol.Session(1, "t", "anna", "Anna", False, 9e9, None, "Kommun A",
                                 [{"key": "hej", "title": "Hälsning", "text": "Hej från A!"}]))
    assert state.organisation == "Kommun A"
    org = state.organisation_canned
    assert org == (CannedReply("hej", "Hälsning", "Hej från A!"),)
    assert ConsoleConfig().canned_replies("sv", org) == org
    own = ConsoleConfig(canned=(CannedReply("x", "x", "egen"),))
    assert own.canned_replies("sv", org) == own.canned
    assert ConsoleConfig().canned_replies("sv", ()) != org  # the built-in ones
