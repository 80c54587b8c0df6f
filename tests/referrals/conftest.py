"""Fixtures for the referral tests: the default directory and one engine built from it."""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine, load_directory


@pytest.fixture(scope="session")
def directory() -> Directory:
    return load_directory()


@pytest.fixture(scope="session")
def engine(directory: Directory) -> SuggestionEngine:
    return SuggestionEngine(directory)
