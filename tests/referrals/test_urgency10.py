"""Urgency mechanisms learnt from blind set 10's misses and false alarms (branch triage10).

Each mechanism in wordings of our own (not the set's), by the concept rules alone
(``model=None``), with alarming wordings that must stay not urgent beside them. Lines are
separated by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory

from .helpers import chat_text, rules_engine

B10_URGENT = [
    # a smell of smoke or gas where someone does not answer or open
    ("sv", "relative", "det luktar gas ur grannens lägenhet och han svarar inte när jag ringer",
     "third_party_danger"),
    ("sv", "professional", "det är röklukt i trapphuset hos en äldre man\nhan öppnar inte",
     "third_party_danger"),
    ("nb", "relative", "det lukter røyk fra leiligheten til bestemor og hun svarer ikke",
     "third_party_danger"),
    ("nb", "relative", "gasslukt i gangen hos naboen, han åpner ikke døra", "third_party_danger"),
    ("en", "relative", "I can smell gas from my aunt's flat and she isn't answering",
     "third_party_danger"),
    ("en", "relative", "the fire alarm next door keeps beeping\nshe won't open",
     "third_party_danger"),
    # psychosis or mania out in nightclothes, or behind the wheel now
    ("sv", "relative", "min syster är manisk och har sprungit ut i bara pyjamasen i natt",
     "third_party_danger"),
    ("nb", "relative", "faren min hører stemmer og har gått ut i bare undertøyet",
     "third_party_danger"),
    ("en", "relative", "my son is psychotic and ran out in just his boxers", "third_party_danger"),
    ("sv", "relative", "han hör röster och kör bil nu, säger att ingen kan stoppa honom",
     "third_party_danger"),
    ("nb", "relative", "hun er manisk og kjører rundt i bilen nå midt på natta",
     "third_party_danger"),
    ("en", "relative", "he is manic and driving around town now at 140", "third_party_danger"),
    # a height looked up, then sitting or standing at the top of a building
    ("sv", "self", "har googlat höjden på parkeringshuset\nsitter på översta planet nu", "suicide"),
    ("nb", "self", "jeg har sjekket opp høyden på kjøpesenteret\nstår på øverste plan nå",
     "suicide"),
    ("en", "self", "I've googled the height of the car park\nI'm standing on the top level",
     "suicide"),
    ("en", "self", "looked up the height of the hotel twice\nsitting at the top floor", "suicide"),
    # a cut with a shard or a blade, the self left unsaid
    ("sv", "child", "har skurit med glasbiten nyss och det blöder", "self_harm"),
    ("nb", "child", "jeg har risset med barberbladet i kveld", "self_harm"),
    ("en", "child", "i've cut with a razorblade tonight and it won't stop", "self_harm"),
    # hitting a wall until the knuckles split or bleed
    ("sv", "self", "slog i väggen tills knogarna sprack, gör det igen ikväll", "self_harm"),
    ("nb", "self", "jeg slo i veggen til knokene sprakk nå nettopp", "self_harm"),
    ("en", "self", "punched the wall until my knuckles split tonight", "self_harm"),
]

B10_NOT_URGENT = [
    # a smell of smoke or gas with everyone fine, or nobody missing
    ("sv", "self",
     "det luktar rök från grannens grill, är det farligt att sova med fönstret öppet?"),
    ("nb", "self", "det lukter gass når jeg tenner komfyren, hvem ringer jeg i morgen?"),
    ("nb", "child", "jakka mi lukter røyk etter bålet, mamma blir sur"),
    ("en", "self", "my clothes smell of smoke after the party, how do I tell my parents"),
    # psychosis told as the past; driving as a routine; underwear at home
    ("sv", "relative", "pappa hade en psykos för tre år sedan, nu kör han taxi och mår bra"),
    ("nb", "relative", "broren min hadde en psykose i fjor, nå kjører han buss og har det fint"),
    ("en", "relative", "my mum had psychosis years ago, now she drives the school bus"),
    ("sv", "relative", "han sitter hemma i bara kalsonger och är psykotisk, vi väntar på läkaren"),
    # a height looked up for school; a top floor for coffee
    ("sv", "child", "jag googlade höjden på Eiffeltornet till skolarbetet"),
    ("nb", "child", "vi googlet høyden på Burj Khalifa i timen"),
    ("en", "child", "I looked up the height of Mount Everest for my geography homework"),
    ("en", "self", "we're sitting on the top floor of the shopping centre having coffee"),
    ("sv", "self", "vi sitter på översta våningen på kontoret och har möte"),
    # a knife in the kitchen
    ("sv", "self", "har skurit med kniven i brödet hela morgonen"),
    ("nb", "self", "jeg har kuttet med kniven i løken hele dagen"),
    ("en", "self", "i have cut with a knife in the kitchen all day"),
    # knuckles split in sport, in the past
    ("sv", "self", "slog på boxningssäcken tills knogarna sprack förra veckan"),
    ("nb", "self", "jeg trente boksing til knokene blødde i fjor"),
    ("en", "self", "trained on the heavy bag until my knuckles bled last year"),
    ("en", "self", "i've cut with the blade on the cutting board all morning"),
    # an attempt or self-harm in school years or the teens, long over
    ("sv", "self", "jag skar mig när jag gick på högstadiet, nu har jag ärr. vart vänder man sig?"),
    ("nb", "self", "jeg prøvde å ta livet mitt da jeg gikk på videregående, nå har jeg det bra"),
    ("nb", "self", "jeg kuttet meg da jeg var tenåring, vil snakke om arrene"),
    ("en", "self", "i tried to kill myself when i was a teen. i'm doing well these days"),
    ("en", "self", "i cut myself when i was in high school, now i'd like the scars looked at"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B10_URGENT)
def test_b10_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """Fire or gas with no answer, psychosis out or driving, a height, a cut with a blade."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B10_NOT_URGENT)
def test_b10_mechanisms_keep_their_scope(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Alarming wordings without a danger now stay not urgent by the rules."""
    rules_only = rules_engine(directory)
    assert rules_only.urgency(chat_text(lang, role, text)) == (False, []), text
