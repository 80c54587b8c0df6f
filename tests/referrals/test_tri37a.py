"""Urgency mechanisms for blind set 35's Swedish urgent misses (branch tri37a).

Set 35 (BV) told suicide and self-harm by what surrounds them: going out on the ice tonight so
nobody notices until spring, pulling the plug for good with one's battery empty, no future and
already decided, dead inside with the body wished to follow, wondering how one makes it look
like an accident, things given away while others believe in a move abroad, asking whether one
may write here "if one doesn't want to be part of it any longer", pills saved since Christmas,
letters to the children put away tonight with a strange calm, the act unnamed done again
(deeper than usual, plasters everywhere), and a drunk brother who just drove off. Each
mechanism in our own words in sv, nb and en, with calm near-misses beside it that must stay not
urgent (rules and model). The urgent wordings are checked with the concept rules alone
(``model=None``). Lines are separated by newlines.
"""

from __future__ import annotations

import pytest

from referrals import Directory, SuggestionEngine

from .helpers import chat_text, rules_engine

TRI37A_URGENT = [
    # out on the ice or the water, no one to notice until long after
    ("sv", "tänker gå ut på isen inatt\ningen kommer hitta mig förrän i vår", "suicide"),
    ("nb", "går ut på isen i natt\nså merker ingen noe før til våren", "suicide"),
    ("en", "going out on the lake ice tonight\nnobody will notice until spring", "suicide"),
    # pulling the plug for good, the battery empty
    ("sv", "batteriet e helt slut\ntänker dra ur sladden för gott", "suicide"),
    ("nb", "batteriet er tomt\nvil dra ut kontakten for godt", "suicide"),
    ("en", "my battery is dead\nthinking of pulling the plug for good", "suicide"),
    # no future, and decided
    ("sv", "jag har ingen framtid. har redan bestämt mig", "suicide"),
    ("nb", "jeg kommer ikke til å ha noen fremtid. har allerede bestemt det", "suicide"),
    ("en", "i won't have a future. i've already decided it", "suicide"),
    # dead inside, the body to follow
    ("sv", "är död inombords. vill bara att kroppen ska följa efter", "suicide"),
    ("nb", "føler meg død inni. vil bare at kroppen skal følge etter", "suicide"),
    ("en", "i'm dead inside. just want my body to catch up", "suicide"),
    # how one makes it look like an accident, the writer's own
    ("sv", "funderar på hur man gör så det ser ut som en olycka", "suicide"),
    ("nb", "tenker på hvordan man får det til å se ut som en ulykke", "suicide"),
    # things given away, a move others believe in
    ("sv", "gav bort hunden och mina kläder\nmamma tror jag ska flytta utomlands", "suicide"),
    ("nb", "har gitt bort katten og tingene mine\nde tror jeg skal flytte til utlandet haha",
     "suicide"),
    ("en", "gave away my cat and my stuff\nthey think i'm moving abroad lol", "suicide"),
    # may one write here if one doesn't want to be part of it any longer
    ("sv", "kan man skriva här om man inte vill vara med mer", "suicide"),
    ("nb", "får man skrive her om man ikke vil være med lenger", "suicide"),
    # pills saved since a feast
    ("sv", "har samlat tabletter sen i julas", "suicide"),
    ("nb", "har spart på piller siden jul", "suicide"),
    ("en", "been saving pills since christmas. just so someone knows", "suicide"),
    # letters to the family put away tonight, a strange calm
    ("sv", "skrev brev till barnen och la dem i lådan ikväll", "suicide"),
    ("sv", "skrev brev till familjen. känner mig märkligt lugn", "suicide"),
    ("nb", "skrev brev til barna i kveld og la dem i skuffen. føles rart rolig", "suicide"),
    ("en", "wrote letters to my kids tonight and put them in the drawer. feel strangely calm",
     "suicide"),
    # the act unnamed, again, with its signs
    ("sv", "det hände igen\ntyp djupare än förut", "self_harm"),
    ("nb", "gjorde det igjen\ndypere enn vanlig", "self_harm"),
    ("en", "did it again\ndeeper than usual this time", "self_harm"),
    ("sv", "har varit ren i ett halvår\nmen inatt hände det igen. har plåster på armarna",
     "self_harm"),
    ("en", "was clean for 8 months\ntonight it happened again. plasters all over", "self_harm"),
    # a drunk relative who just drove off
    ("sv", "farsan har druckit hela kvällen och åkte precis iväg med bilen",
     "third_party_danger"),
    ("nb", "broren min har drukket hele dagen og har akkurat dratt avgårde med bilen",
     "third_party_danger"),
    ("en", "my brother has been drinking all day and just took off in the car",
     "third_party_danger"),
]

TRI37A_NOT_URGENT = [
    # bulbs that come up in spring
    ("sv", "planterade tulpanlökar idag, ingen märker nåt förrän i vår"),
    ("en", "planted bulbs today, nobody will notice until spring"),
    # a plug pulled on a project, a phone's battery
    ("sv", "drar ur sladden för gott på projektet"),
    ("sv", "batteriet är slut på mobilen, måste dra ur sladden"),
    # no future in a trade, decided to change
    ("sv", "jag har ingen framtid i den här branschen, har bestämt mig för att byta jobb"),
    ("nb", "jeg har ingen fremtid i fotballen. har bestemt meg for å slutte"),
    # dead inside after a week, alone
    ("sv", "känner mig död inuti efter veckan på jobbet"),
    ("en", "feel dead inside after this week"),
    # a crime novel; a teacher asking how one talks to a pupil
    ("sv", "skriver en deckare och funderar på hur man får ett mord att se ut som en olycka"),
    ("sv", "jag är lärare och funderar på hur man pratar med en elev som vill ta livet av sig"),
    # a real move; a belief laughed at with nothing given away
    ("sv", "gav bort katten till grannen, vi ska flytta utomlands"),
    ("sv", "mamma tror jag ska flytta hemifrån haha"),
    # a relative asking; money saved
    ("sv", "får man skriva här om man är anhörig"),
    ("sv", "har sparat pengar sen i julas"),
    # letters posted; a calm day at work
    ("sv", "skrev brev till barnen på lägret och la dom i brevlådan"),
    ("sv", "det är konstigt lugnt på jobbet idag"),
    ("en", "it's strangely calm at work today"),
    # a fall, deep sleep, someone else's act
    ("sv", "ramlade med cykeln igen, har plåster överallt"),
    ("sv", "sov djupare än vanligt inatt"),
    ("sv", "han gjorde det igen. hon har plåster överallt"),
    # driving sober
    ("sv", "han körde hem med bilen, han är nykter"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), TRI37A_URGENT)
def test_tri37a_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, text: str, kind: str | None
) -> None:
    """The ice and no one to notice, the plug pulled for good, no future and decided, dead
    inside with the body to follow, an accident staged, a move others believe in, not wanting
    to be part of it, pills saved since a feast, letters put away with a strange calm, the act
    again with its signs, and a drunk driver just gone."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, "self", text))
    assert urgent, (text, reasons)
    if kind is not None:
        assert any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "text"), TRI37A_NOT_URGENT)
def test_tri37a_near_misses_stay_not_urgent(directory: Directory, lang: str, text: str) -> None:
    """Bulbs in spring, a plug pulled on a project, no future in a trade, a tiring week, a
    crime novel, a real move, a relative asking, money saved, letters posted, a calm day, a
    fall, deep sleep, another's act and a sober drive."""
    urgent, reasons = SuggestionEngine(directory).urgency(chat_text(lang, "self", text))
    assert not urgent, (text, reasons)
