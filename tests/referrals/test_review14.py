"""Review of the retrained model and its tiers (branch rev14): everyday words the classes read
as a risk in another sense.

Each behaviour in wordings of our own, with a counter-example beside it. Lines are separated
by newlines. The rules are tested alone (``model=None``) where the fix is theirs: the learnt
model's own false alarms on such lines are left as they are (docs/referrals.md, "Review of the
retrained model and its tiers").
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine


def _rules(directory: Directory) -> SuggestionEngine:
    return rules_engine(directory)


# Every line is read with all three languages' classes: Swedish "rum" is a room, not the drink,
# and "påverkat" (affected) is no "påverkad" (under the influence).
CALM_SWEDISH = [
    ("sv", "relative", "vår son är 15 och ligger i sitt rum nu och sover, han har haft en tuff"
     " vecka i skolan"),
    ("sv", "relative", "barnen leker i sitt rum nu medan jag lagar mat, hur berättar jag för"
     " dem om skilsmässan?"),
    ("sv", "self", "jag har två barn och har nu förstått hur min uppväxt har påverkat mig,"
     " finns det samtalsstöd?"),
]
DRUNK_WITH_CHILDREN = [
    ("sv", "relative", "min sambo är jättepåverkad nu och barnen är ensamma hemma med honom"),
    ("en", "relative", "he has drunk half a bottle of rum tonight and the kids are home alone"
     " with him"),
]


@pytest.mark.parametrize(("lang", "role", "text"), CALM_SWEDISH)
def test_a_room_or_being_affected_is_no_drink(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """ "I sitt rum nu", "har påverkat mig": no drink and no one drunk, so no child at risk."""
    assert _rules(directory).urgency(chat_text(lang, role, text)) == (False, []), text


@pytest.mark.parametrize(("lang", "role", "text"), DRUNK_WITH_CHILDREN)
def test_someone_drunk_now_with_children_is_still_child_at_risk(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Counter-example: "påverkad" and rum beside a drink word still read as drunk."""
    urgent, reasons = _rules(directory).urgency(chat_text(lang, role, text))
    assert urgent, (text, reasons)


def test_locked_in_ones_own_room_is_hiding(directory: Directory) -> None:
    """Locked in one's own room ("i mitt rum", "in my room") is hiding, as "rummet" was; a room
    with no one locked in is nothing."""
    engine = SuggestionEngine(directory)
    for text in ("vi är inlåsta i mitt rum", "me and my brother are locked in my room"):
        assert "hiding" in engine._analyse(text).cue_union, text
    for text in ("vi sitter i mitt rum och spelar", "we're in my room playing"):
        assert "hiding" not in engine._analyse(text).cue_union, text


# A habit in the present ("takes lots of", "tar … om kvelden") is no dose taken now.
HABITS = [
    ("en", "relative", "my grandad takes lots of heart medication and gets tired in the"
     " afternoons, who do we ask about it?"),
    ("nb", "self", "jeg har tre barn og tar for mye øl om kvelden når de har lagt seg, hvor kan"
     " jeg få hjelp?"),
]
TAKEN_NOW = [
    ("en", "relative", "my mum has taken lots of her sleeping pills and is really drowsy",
     "overdose"),
    ("nb", "relative", "mamma er full i kveld og barna er alene hjemme med henne",
     "child_at_risk"),
]


@pytest.mark.parametrize(("lang", "role", "text"), HABITS)
def test_a_habit_in_the_present_is_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """ "Takes lots of", "tar … om kvelden": every day, not now."""
    assert _rules(directory).urgency(chat_text(lang, role, text)) == (False, []), text


def test_taken_every_evening_is_a_habit(directory: Directory) -> None:
    """ "Tar … om kvällarna", "tar … om kvelden" say a habit, as "dricker … på kvällarna" did;
    "ikväll", "i kveld" do not, and children left alone every evening stay at risk."""
    engine = SuggestionEngine(directory)
    for text in ("jag tar för mycket vin om kvällarna", "hun tar et par øl om kvelden"):
        assert "habitual" in engine._analyse(text).cue_union, text
    for text in ("jag har tagit för mycket vin ikväll", "hun har tatt mye øl i kveld"):
        assert "habitual" not in engine._analyse(text).cue_union, text
    urgent, reasons = _rules(directory).urgency(chat_text(
        "nb", "relative", "naboene lar småbarna sine være alene om kveldene og går ut og drikker"
    ))
    assert urgent and any(r.startswith("child_at_risk:") for r in reasons), reasons


@pytest.mark.parametrize(("lang", "role", "text", "kind"), TAKEN_NOW)
def test_taken_or_drunk_now_is_still_urgent(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Counter-example: "has taken lots", "full i kveld" are now."""
    urgent, reasons = _rules(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


# A bottle, can or glass of a drink holds the drink, not pills.
def test_a_drinks_container_is_no_pill_container(directory: Directory) -> None:
    """ "A bottle of wine", "en burk öl" are no pills; a bottle or glass taken with a drink
    still is."""
    engine = SuggestionEngine(directory)
    for text in ("she gets through a bottle of wine most nights",
                 "han tar en burk öl efter jobbet"):
        assert "pills" not in engine._analyse(text).concepts.names, text
    for text in ("she took the whole bottle with vodka", "hun tok hele glasset med vodka"):
        assert "pills" in engine._analyse(text).concepts.names, text
    assert _rules(directory).urgency(
        chat_text("en", "self", "how much is too much? about a bottle of wine a day at the moment")
    ) == (False, [])


# Asking ahead what to do if something happens is no emergency now.
ASKING_AHEAD = [
    ("en", "relative", "what do i do if my flatmate passes out drunk at our party on saturday?"),
    ("en", "relative", "what do we do if dad passes out after drinking at the wedding?"),
    ("sv", "relative", "vad gör jag om min kompis svimmar av fyllan på festen på lördag?"),
    ("nb", "relative", "hva gjør vi om pappa besvimer etter å ha drukket i bryllupet?"),
]
HAPPENING = [
    ("en", "relative", "my mate blacked out at the party and i can't wake him"),
    ("nb", "relative", "kompisen min besvimte på festen og jeg får ikke vekket ham"),
]


@pytest.mark.parametrize(("lang", "role", "text"), ASKING_AHEAD)
def test_asking_ahead_what_to_do_is_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """ "What do I do if ...": a question about a next time."""
    assert _rules(directory).urgency(chat_text(lang, role, text)) == (False, []), text


@pytest.mark.parametrize(("lang", "role", "text"), HAPPENING)
def test_someone_passed_out_now_is_still_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Counter-example: passed out and not waking is now."""
    urgent, reasons = _rules(directory).urgency(chat_text(lang, role, text))
    assert urgent, (text, reasons)


def test_the_last_train_home_is_a_journey(directory: Directory) -> None:
    """The last train or bus home is no farewell; the last train alone still is one."""
    engine = SuggestionEngine(directory)
    names = engine._analyse("she's catching the last train home after work").concepts.names
    assert "farewell" not in names
    names = engine._analyse("i'll take the last train tonight").concepts.names
    assert "farewell" in names
