"""Urgency mechanisms for blind set 32's urgent misses and a recall gap (branch tri32).

Set 32 (BS) hid its urgent conversations in a push down the stairs told with a weekday ("på
lørdag"), a mother who "has taken something" and laughs and cries while a child of eleven is
alone with her and a small brother, and vomiting told apart from the blood in it. Probing found
that not being able or not wanting to go on *with* life ("orkar inte fortsätta med livet") was
read as the idiom of going on with something. Set 27's "Har han skadat dig?" answered yes was
read as self-harm, not as violence by another. Each mechanism in our own words in sv, nb and
en, with calm near-misses beside it that must stay not urgent (rules and model). The urgent
wordings are checked with the concept rules alone (``model=None``). Lines are separated by
newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI32_URGENT = [
    # a blow told in the past with a weekday: this week
    ("nb", "self", "samboeren slo meg i ansiktet på fredag\nkjeven er hoven", "violence"),
    ("nb", "self", "han kastet meg i veggen sist søndag", "violence"),
    ("en", "self", "my husband shoved me into the door on tuesday", "violence"),
    ("sv", "self", "han slog mig i fredags och jag har blåmärken", "violence"),
    # a parent who took something unnamed and acts strangely, a child alone with them
    ("sv", "child", "pappa har tagit nåt och beter sig jättekonstigt\njag är 10 och "
     "lillebror är 2\nvi är ensamma med honom", "child_at_risk"),
    ("nb", "child", "mamma har tatt noe, hun oppfører seg rart\njeg er 9", "child_at_risk"),
    ("en", "child", "mum took something and she's laughing and crying at the same time\n"
     "i'm 10", "child_at_risk"),
    # vomiting, and blood in it told apart, now
    ("sv", "relative", "pappa har kräkts hela natten\nnu är det blod i det", "medical"),
    ("nb", "relative", "kona har kastet opp siden i morges\nnå er det blod i oppkastet",
     "medical"),
    ("en", "relative", "my dad has been vomiting since lunch\nnow there's blood in it",
     "medical"),
    # not able or not wanting to go on with life itself
    ("sv", "self", "jag orkar inte fortsätta med livet längre", "suicide"),
    ("sv", "self", "kan inte fortsätta med livet mer", "suicide"),
    ("sv", "self", "orkar inte hålla på med allting längre.", "suicide"),
    ("nb", "self", "jeg orker ikke fortsette med livet", "suicide"),
    ("nb", "self", "eg orkar ikkje halde fram med livet", "suicide"),
    ("nb", "self", "har ikke krefter til å fortsette med livet", "suicide"),
    ("en", "self", "honestly i can't go on with life anymore", "suicide"),
    ("en", "self", "i dont want to carry on with my life", "suicide"),
    ("en", "self", "i cant keep going with everything anymore", "suicide"),
]

TRI32_NOT_URGENT = [
    # a weekday still to come; a blow long ago and a meeting to come
    ("nb", "self", "jeg skal møte ham på lørdag, jeg gruer meg litt"),
    ("nb", "self", "han slo meg for seks år siden. nå skal jeg treffe ham på fredag"),
    ("en", "self", "we're meeting my ex on saturday to sort out the flat"),
    # something taken for a pain; an adult who is odd with no child there
    ("sv", "child", "mamma har tagit något mot huvudvärken och vilar\njag är 11"),
    ("nb", "child", "pappa er litt rar i dag, han har jobbet mye\njeg er 12"),
    ("en", "child", "mum took something for her headache and is resting\ni'm 11"),
    # vomiting with no blood, blood that is not in vomit
    ("sv", "relative", "dottern har kräkts hela natten, inget blod\nhon dricker lite vatten nu"),
    ("nb", "relative", "han kastet opp i går, i dag er han bedre"),
    ("en", "relative", "my son has been throwing up tonight, no blood in it"),
    # going on with something named, with life wanted, life as it is, or until something
    ("sv", "self", "orkar inte fortsätta med jobbet"),
    ("sv", "self", "jag vill gå vidare med livet efter skilsmässan"),
    ("sv", "self", "orkar inte fortsätta med livet som det är, vill ha hjälp att sluta dricka"),
    ("sv", "self", "kan inte fortsätta med allt plugg och jobb samtidigt"),
    ("nb", "self", "orker ikke fortsette med studiene"),
    ("nb", "self", "jeg vil fortsette med livet mitt uten rus"),
    ("nb", "self", "han klarer ikke gå videre med livet etter skilsmissen"),
    ("en", "self", "can't go on with this diet"),
    ("en", "self", "i can't go on with my life until i know the test results"),
    ("en", "self", "i can't go on with everything at work this week"),
    ("en", "self", "i want to go on with my life after the divorce"),
]

TRI32_KINDS = [
    # a yes to whether someone else hurt the writer is violence by another
    ("sv", "self", "han kommer hem snart och är arg\nstaff: Har han skadat dig?\nja", "violence"),
    ("nb", "self", "typen er sint i kveld\nstaff: Har han skadet deg?\nja", "violence"),
    # a yes to whether the writer hurt themselves stays a risk of their own
    ("sv", "self", "allt är tungt\nstaff: Har du skadat dig?\nja", "suicide"),
    ("nb", "self", "alt er tungt\nstaff: Har du skadet deg?\nja", "suicide"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), TRI32_URGENT)
def test_tri32_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """A blow with a past weekday, a parent who took something and acts strangely with a child
    alone, blood in what was thrown up, and not going on with life."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), TRI32_NOT_URGENT)
def test_tri32_near_misses_stay_not_urgent(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """A weekday to come, something taken for a pain, vomiting without blood, and going on
    with something named, with life wanted, as it is or until something is known."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, role, text))
    assert not urgent, (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text", "kind"), TRI32_KINDS)
def test_tri32_staff_question_of_hurt_has_its_kind(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """A "ja" to "Har han skadat dig?" tells violence by another; to "Har du skadat dig?" a
    risk of one's own."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and reasons and all(r.startswith(kind + ":") for r in reasons), (text, reasons)
