"""The directory format: the shipped default, validation errors, overrides and staleness."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from referrals import (
    AUDIENCES,
    CATEGORIES,
    Directory,
    DirectoryError,
    load_directory,
    parse_directory,
)

REQUIRED_IDS = """
se-112 se-1177 se-polisen se-mind-sjalvmordslinjen se-hjalplinjen se-bris se-alkoholhjalpen
se-stodlinjen-spel se-spelpaus se-droghjalpen se-kvinnofridslinjen se-jourhavande-medmanniska
se-anhoriglinjen se-aa se-na se-sluta-roka-linjen
region-vardcentral region-psykiatri region-psykiatrisk-akutmottagning region-beroendecentrum
region-mini-maria
local-oppenvard-missbruk local-anhorigstod local-barn-anhoriga local-foraldrastod
local-socialtjanst-mottagning local-socialjour local-budget-skuldradgivning local-uppsokare
no-113 no-legevakt no-rusinfo no-hjelpelinjen no-mental-helse no-kirkens-sos no-alarmtelefonen
no-parorendetelefonen
""".split()

VALID_SERVICE = """
[[service]]
id = "local-test"
name = { sv = "Testtjänst", en = "Test service" }
country = "SE"
categories = ["alcohol"]
audience = ["adult"]
phone = "08-123 45 67"
anonymous = true
source = "written for a test"
verified_at = 2026-01-01
review_due = 2026-07-01
"""


def problems(text: str, **kwargs: bool) -> list[str]:
    with pytest.raises(DirectoryError) as caught:
        parse_directory(text, filename="town.toml", **kwargs)
    return str(caught.value).splitlines()


def test_default_directory_has_every_required_id(directory: Directory) -> None:
    """The shipped default validates and contains every id issue 5 requires."""
    missing = [service_id for service_id in REQUIRED_IDS if service_id not in directory]
    assert missing == []


def test_default_national_entries_carry_sources_and_real_contacts(directory: Directory) -> None:
    """National entries give a contact, a source and a verification level other than example."""
    for service in directory:
        if service.scope == "national":
            assert service.phone or service.url, service.id
            assert service.source and service.verification != "example", service.id
            assert service.verified_at <= service.review_due, service.id


def test_default_examples_are_marked_and_stale_after_shipping(directory: Directory) -> None:
    """Regional and local entries are marked as examples and show as stale once shipped."""
    examples = [s for s in directory if s.scope in ("regional", "local") and s.country == "SE"]
    assert examples and all(s.is_example for s in examples)
    assert all(".example/" in (s.url or "") for s in examples)
    day_after = max(s.review_due for s in examples).toordinal() + 1
    stale_ids = {s.id for s in directory.stale(date.fromordinal(day_after))}
    assert stale_ids >= {s.id for s in examples}


def test_default_uses_only_known_categories_and_audiences(directory: Directory) -> None:
    """Every category and audience in the default is one the format documents."""
    for service in directory:
        assert set(service.categories) <= set(CATEGORIES)
        assert set(service.audience) <= set(AUDIENCES)


def test_valid_minimal_file_loads_on_its_own() -> None:
    """A file with one complete service loads without the default when extend is off."""
    loaded = parse_directory(VALID_SERVICE, filename="town.toml")
    assert [s.id for s in loaded] == ["local-test"]
    service = loaded["local-test"]
    assert service.name("en") == "Test service" and service.name("nb") == "Testtjänst"
    assert service.origin == "town.toml:2"


def test_duplicate_id_names_file_line_and_first_definition() -> None:
    """A repeated id is reported at the repeat's line, pointing back to the first."""
    text = VALID_SERVICE + VALID_SERVICE
    assert problems(text) == [
        'town.toml:15: service "local-test": field "id": duplicate id (first defined on line 3)'
    ]


def test_unknown_category_names_line_field_and_a_likely_fix() -> None:
    """A misspelt category is reported at its line with the nearest known category."""
    text = VALID_SERVICE.replace('["alcohol"]', '["alcohl"]')
    assert problems(text) == [
        'town.toml:6: service "local-test": field "categories": '
        'unknown category "alcohl"; did you mean "alcohol"?'
    ]


def test_missing_contact_is_an_error() -> None:
    """A service with neither phone nor url is rejected."""
    text = VALID_SERVICE.replace('phone = "08-123 45 67"\n', "")
    (message,) = problems(text)
    assert message.startswith('town.toml:2: service "local-test": field "phone": missing contact')


@pytest.mark.parametrize(
    ("line", "replacement", "expected"),
    [
        (
            "review_due = 2026-07-01",
            'review_due = "next spring"',
            'town.toml:12: service "local-test": field "review_due": bad date',
        ),
        (
            "review_due = 2026-07-01",
            'review_due = "2026-02-30"',
            'town.toml:12: service "local-test": field "review_due": bad date',
        ),
        (
            "review_due = 2026-07-01",
            "review_due = 2025-07-01",
            'town.toml:12: service "local-test": field "review_due": is before verified_at',
        ),
        (
            "verified_at = 2026-01-01",
            "verified_at = 2026-01-01T10:00:00",
            'town.toml:11: service "local-test": field "verified_at": must be a date without',
        ),
    ],
)
def test_bad_dates_are_reported_with_line_and_field(
    line: str, replacement: str, expected: str
) -> None:
    """Unreadable, impossible, inverted or timestamped dates name the field and its line."""
    (message,) = problems(VALID_SERVICE.replace(line, replacement))
    assert message.startswith(expected)


def test_unknown_field_and_trigger_language_are_reported() -> None:
    """A misspelt field and an unknown trigger language are both reported, each at its line."""
    text = (
        VALID_SERVICE.replace("anonymous = true", "anonymus = true")
        + '[service.triggers]\nde = ["Hilfe"]\n'
    )
    messages = problems(text)
    assert any(
        m.startswith('town.toml:9: service "local-test": field "anonymus": unknown field; did you')
        and 'mean "anonymous"?' in m
        for m in messages
    )
    assert any(
        m.startswith('town.toml:14: service "local-test": field "triggers.de": unknown language')
        for m in messages
    )
    assert any('field "anonymous": missing' in m for m in messages)


def test_toml_syntax_error_names_the_line() -> None:
    """A syntax error is reported with its line, not as a traceback."""
    (message,) = problems(VALID_SERVICE.replace('country = "SE"', "country = SE"))
    assert message.startswith("town.toml:5: not valid TOML")


def test_unreadable_pattern_is_rejected() -> None:
    """A trigger that is only wildcards cannot be compiled and is reported."""
    text = VALID_SERVICE + '[service.triggers]\nsv = ["*"]\n'
    (message,) = problems(text)
    assert 'field "triggers.sv": cannot read the pattern' in message


def test_missing_file_is_a_directory_error(tmp_path: Path) -> None:
    """Loading a path that does not exist raises DirectoryError naming the path."""
    with pytest.raises(DirectoryError, match="nowhere.toml: file not found"):
        load_directory(tmp_path / "nowhere.toml")


def test_municipality_file_overrides_fields_and_keeps_the_rest(tmp_path: Path) -> None:
    """An entry with a default id replaces only the fields it gives; other fields stay."""
    own = tmp_path / "town.toml"
    own.write_text(
        '[[service]]\nid = "local-anhorigstod"\nurl = "https://town.example/anhorig"\n'
        'phone = "08-555 000 00"\nverification = "verified"\nverified_at = 2026-11-01\n'
        'review_due = 2027-05-01\nname = { sv = "Anhörigstöd i Testby" }\n',
        encoding="utf-8",
    )
    merged = load_directory(own)
    service = merged["local-anhorigstod"]
    assert service.url == "https://town.example/anhorig" and service.phone == "08-555 000 00"
    assert service.name("sv") == "Anhörigstöd i Testby"
    assert service.name("en") == load_directory()["local-anhorigstod"].name("en")
    assert service.categories == load_directory()["local-anhorigstod"].categories
    assert not service.is_stale(date(2027, 1, 1))
    assert len(merged) == len(load_directory())


def test_municipality_file_adds_and_disables_services(tmp_path: Path) -> None:
    """New ids are added after the default ones and `disable` removes default entries."""
    own = tmp_path / "town.toml"
    own.write_text('disable = ["se-aa", "no-113"]\n' + VALID_SERVICE, encoding="utf-8")
    merged = load_directory(own)
    assert "local-test" in merged and merged.services[-1].id == "local-test"
    assert "se-aa" not in merged and "no-113" not in merged
    assert "local-test" not in load_directory()


def test_disabling_an_unknown_id_is_an_error(tmp_path: Path) -> None:
    """`disable` of an id nobody defined is reported at the disable line."""
    own = tmp_path / "town.toml"
    own.write_text('country = "SE"\ndisable = ["se-aaa"]\n', encoding="utf-8")
    with pytest.raises(DirectoryError) as caught:
        load_directory(own)
    assert str(caught.value) == (
        f'{own}:2: service "se-aaa": field "disable": cannot disable an id that is not defined'
    )


def test_extend_false_uses_the_file_alone(tmp_path: Path) -> None:
    """With extend=False the default's services are not included."""
    own = tmp_path / "town.toml"
    own.write_text(VALID_SERVICE, encoding="utf-8")
    assert [s.id for s in load_directory(own, extend=False)] == ["local-test"]


def test_override_that_breaks_a_default_entry_points_at_the_override(tmp_path: Path) -> None:
    """A bad value given in the municipality file is reported at that file's line."""
    own = tmp_path / "town.toml"
    own.write_text('[[service]]\nid = "se-bris"\naudience = ["kids"]\n', encoding="utf-8")
    with pytest.raises(DirectoryError) as caught:
        load_directory(own)
    assert str(caught.value).startswith(
        f'{own}:3: service "se-bris": field "audience": unknown audience "kids"'
    )


def test_stale_is_strictly_after_review_due() -> None:
    """A service is stale from the day after its review date, not on it."""
    service = parse_directory(VALID_SERVICE, filename="town.toml")["local-test"]
    assert not service.is_stale(date(2026, 7, 1))
    assert service.is_stale(date(2026, 7, 2))


def test_directory_country_comes_from_the_last_file(tmp_path: Path) -> None:
    """A municipality file's `country` sets the deployment's default country."""
    own = tmp_path / "kommune.toml"
    own.write_text('country = "NO"\n', encoding="utf-8")
    assert load_directory().country == "SE"
    assert load_directory(own).country == "NO"
