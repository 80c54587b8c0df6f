"""Urgency mechanisms for blind set 34's Norwegian and English urgent misses (branch tri35b).

Set 34 (BU) hid urgent openers in standing at a bridge railing while writing, gaming words for
ending life ("ragequitte livet"), a prayer to be fetched home and being worn out by existing,
asking what happens if one takes all of mum's pills at once, a clog round everyone's feet with
"they'll be rid of me soon", looking at tall buildings in another way "if you understand", the
least painful way to pass away, and a non-native "I think to finish my life this week". Each
mechanism in our own words in sv, nb and en, with calm near-misses beside it that must stay not
urgent (rules and model). The urgent wordings are checked with the concept rules alone
(``model=None``). Lines are separated by newlines.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI35B_URGENT = [
    # standing at a railing or on a roof's edge now, writing
    ("nb", "eg står ved rekkverket på Stordabrua no. det bles", "suicide"),
    ("sv", "sitter på kanten av taket och skriver till er", None),
    ("en", "i'm at the railing on the bridge now typing this", None),
    # gaming words for ending life
    ("nb", "skal ragequitte livet i kveld", "suicide"),
    ("sv", "vill avinstallera mig själv", "suicide"),
    ("en", "think i'm gonna ragequit life soon", "suicide"),
    # a prayer to be fetched home, every night; worn out by existing
    ("nb", "eg ber til Gud at han skal hente meg heim snart", "suicide"),
    ("sv", "ber varje natt om att få bli hämtad hem", "suicide"),
    ("en", "i pray every night for god to take me home", "suicide"),
    ("nb", "så sliten av å være til", "suicide"),
    ("sv", "jag är så sliten av att finnas", "suicide"),
    ("en", "just weary of existing", "suicide"),
    # what happens if one takes all the pills
    ("nb", "hva skjer hvis jeg tar alle tablettene på en gang", "suicide"),
    ("sv", "vad händer om man tar alla mammas tabletter på en gång", "suicide"),
    ("en", "what happens if u take all the pills at once", None),
    # a clog round everyone's feet, and they will be rid of me soon
    ("nb", "eg er berre ein klamp om foten for familien. snart blir dei kvitt meg", "suicide"),
    ("sv", "jag är en black om foten. snart blir ni av med mig", "suicide"),
    ("en", "i'm just a millstone around everyone's neck. they'll be rid of me soon", "suicide"),
    # tall buildings seen in another way, "if you understand"
    ("nb", "ser på høge hus på ein annan måte no, viss du skjønar", "suicide"),
    ("sv", "har börjat titta på höga hus på ett annat sätt, om du förstår", "suicide"),
    ("en", "see rooftops differently now if u know what i mean", "suicide"),
    # the least painful way to pass away; a non-native "finish my life"
    ("nb", "kva er den minst vonde måten å gå bort på? eg er heilt ferdig", "suicide"),
    ("sv", "vad är det minst smärtsamma sättet att gå bort", "suicide"),
    ("en", "whats the easiest way to stop living", "suicide"),
    ("en", "I have no more power for life. I think to finish my life this week.", "suicide"),
    ("en", "i will finish my life this week", "suicide"),
]

TRI35B_NOT_URGENT = [
    # a bridge walk, a ferry's railing
    ("nb", "gikk en tur over Puddefjordsbroen i dag, det blåste sånn"),
    ("en", "walked across the bridge this morning, lovely view"),
    ("sv", "gick över västerbron i blåsten idag"),
    # a game rage-quit, an app uninstalled, a game's lives
    ("nb", "ragequitta fifa i går lol"),
    ("en", "i ragequit the game last night lol"),
    ("en", "had to uninstall the app, it kept crashing"),
    ("en", "no more lives left in candy crush, ugh"),
    # religious comfort without a wish; a lift home
    ("nb", "jeg ber Gud om styrke hver kveld, det hjelper meg"),
    ("en", "i pray every night, my faith gives me comfort"),
    ("nb", "mamma kommer og henter meg hjem etter festen"),
    ("nb", "sliten av å jobbe natt hele uka"),
    # a forgotten dose; a safety question; an animal
    ("nb", "hva skjer om man glemmer å ta pillene en dag"),
    ("sv", "vad händer om man tar 8 alvedon på en dag? är det farligt?"),
    # a burden of debt
    ("nb", "lånet er en klamp om foten for oss"),
    ("sv", "skulderna är en black om foten"),
    ("en", "this mortgage is a millstone around our neck"),
    # architecture
    ("nb", "jeg studerer arkitektur og ser på høye bygg på en annen måte nå"),
    ("en", "since architecture school i look at tall buildings differently"),
    ("sv", "sedan jag började plugga arkitektur ser jag höga hus annorlunda"),
    # a painless plaster, a life story, studies
    ("nb", "hva er den minst vonde måten å ta av plaster på"),
    ("en", "I want to finish my life story book before summer"),
    ("en", "i will finish my studies this week"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), TRI35B_URGENT)
def test_tri35b_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, text: str, kind: str | None
) -> None:
    """A railing while writing, gaming words, a prayer to be fetched home, worn out by existing,
    all the pills at once, a clog and riddance, tall buildings with a hint, the least painful
    way and a non-native "finish my life". ``kind`` None: any urgent kind (a railing is also
    someone in danger)."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "self", text))
    assert urgent, (text, reasons)
    if kind is not None:
        assert any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), TRI35B_NOT_URGENT)
def test_tri35b_near_misses_stay_not_urgent(directory: Directory, lang: str, text: str) -> None:
    """A bridge walk, a game rage-quit, religious comfort, a lift home, night shifts, a forgotten
    dose, a safety question, a burden of debt, architecture, a plaster and a life story."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, "self", text))
    assert not urgent, (text, reasons)
