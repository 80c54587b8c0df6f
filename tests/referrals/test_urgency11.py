"""Urgency mechanisms learnt from blind set 11's suicide, self-harm and goodbye misses and its
suicide and self-harm false alarms (branch tri11a).

Each mechanism in wordings of our own (not the set's), by the concept rules alone
(``model=None``), with alarming wordings that must stay not urgent beside them. Lines are
separated by newlines; a line starting with "staff:" is a staff line.
"""

from __future__ import annotations

import pytest

from referrals import Directory

from .helpers import chat_text, rules_engine

B11_URGENT = [
    # "mkt" is chat's "mycket": a lethal dose looked up
    ("sv", "self", "har kollat hur mkt alvedon som krävs\ningen aning varför", "suicide"),
    # others better off if I disappeared or died
    ("sv", "self", "familjen hade haft det lättare om jag dog", "suicide"),
    ("nb", "self", "alle hadde hatt det bedre hvis jeg forsvant", "suicide"),
    ("en", "self", "honestly my family would be happier if i disappeared", "suicide"),
    # a staff question whether an ending means life, answered yes
    ("sv", "self", "orkar inte mer, vill att det ska ta slut\nstaff: Menar du livet?\nja",
     "suicide"),
    ("nb", "self", "vil bare at det skal ta slutt\nstaff: Mener du livet ditt?\nja", "suicide"),
    ("en", "self", "i just want it over\nstaff: Do you mean your life?\nyes", "suicide"),
    # a staff question how they would do it, answered yes
    ("en", "self", "it would be easier for everyone\nstaff: Have you thought about how you"
     " would do it?\nyeah, the train", "suicide"),
    ("sv", "self", "det känns meningslöst\nstaff: Har du tänkt på hur du skulle göra det?\nja",
     "suicide"),
    # wanting everything to stop
    ("en", "self", "I just want everything to stop, I can't see any other way", "suicide"),
    ("sv", "self", "jag vill bara att allt ska sluta nu", "suicide"),
    ("nb", "self", "jeg vil bare at alt skal stoppe", "suicide"),
    # two signs of putting things in order: things given, messages timed, thanks said
    ("en", "self", "gave my books to my brother and scheduled texts to my friends for sunday",
     "suicide"),
    ("sv", "self", "har gett mina böcker till min kusin och schemalagt mejl till mamma",
     "suicide"),
    ("nb", "self", "har gitt bort alt og planlagte meldinger til søsknene mine", "suicide"),
    ("sv", "self", "tack för att ni har funnits. jag kommer inte skriva mer efter ikväll",
     "suicide"),
    # bridges looked at
    ("sv", "self", "har spelskulder\nhar börjat kolla på broar när jag cyklar till jobbet",
     "suicide"),
    ("en", "self", "i keep staring at bridges on the way home", "suicide"),
    # a cut told with a time, the object left out; the noun; hitting oneself
    ("en", "child", "i cut again this morning", "self_harm"),
    ("en", "child", "i cut yesterday and want to again", "self_harm"),
    ("nb", "self", "var ferdig med rispingen men nå har jeg lyst igjen i kveld", "self_harm"),
    ("sv", "self", "har slagit mig själv med en sked ikväll, gör det igen", "self_harm"),
    ("nb", "self", "slo meg selv i ansiktet i natt igjen", "self_harm"),
    # praying not to wake, with medicines stopped
    ("nb", "relative", "mormor sier hun håper hver natt at hun ikke skal våkne\nhar sluttet med"
     " medisinene", "suicide"),
    ("sv", "relative", "morfar ber att han inte ska vakna\nhan har slutat ta sina mediciner",
     "suicide"),
    # not managing to keep oneself alive
    ("sv", "self", "orkar inte hålla mig vid liv längre", "suicide"),
    ("en", "self", "i don't want to keep myself alive anymore", "suicide"),
    # the insurance arranged for someone, with another sign
    ("sv", "self", "har ordnat så att försäkringen går till barnen och gett bort katten",
     "suicide"),
    # a plan kept for when it gets too much, said by a friend or a colleague
    ("sv", "relative", "min väninna sa att hon har en plan ifall det blir för jobbigt\nhon orkar"
     " inte mer", "suicide"),
    ("en", "relative", "my brother says he has a plan in case it gets too much", "suicide"),
    ("nb", "relative", "kollegaen min fortalte at hun har en plan hvis det blir for tungt",
     "suicide"),
    # a razor at hand now
    ("sv", "self", "sitter med rakbladet framför mig nu", "self_harm"),
    ("en", "self", "there's a razor next to me right now", "self_harm"),
    # one sentence typed a word at a time
    ("en", "child", "burnt\nmyself\nstaff: when?\ntonight", "self_harm"),
    ("sv", "self", "jag\nvill\ndö", "suicide"),
    # a line that says how it was, or opens with "but" and no "because": nothing taken back
    ("sv", "self", "jag vill dö\ndet var värre förra året", "suicide"),
    ("nb", "self", "jeg vil dø\nmen det er ikke noe å le av haha", "suicide"),
    ("en", "self", "i want to die\nit was years ago i first felt it, and it's back",
     "suicide"),
    # thanks and no more writing after tonight
    ("sv", "self", "vill bara tacka er för att ni funnits. jag behöver inte skriva mer efter"
     " ikväll", "suicide"),
    # something left to someone, a goodbye, and a phone that only rings
    ("sv", "relative", "bror skrev 'du ska ha min klocka, sköt om dig'\nringer men bara signaler",
     "goodbye"),
]

B11_NOT_URGENT = [
    # a line that only dates the one before in the past ("det var i fjor")
    ("nb", "self", "skrev til eksen at jeg ville dø\ndet var i fjor\nnå vil jeg bare snakke om"
     " søvn"),
    ("en", "self", "i told my mum i wanted to die\nthat was years ago\nnow i need help with my"
     " cv"),
    # "but it was because" and a laugh takes back the line before
    ("sv", "relative", "min kompis skrev 'farväl allihop' på insta\nmen det var för att hon"
     " flyttar till Spanien haha"),
    ("en", "relative", "my cousin posted 'farewell everyone'\nbut that was because he's moving"
     " abroad lol"),
    # medicines stopped with a wish to sleep well; the insurance alone; a razor for shaving
    ("nb", "relative", "farfar har sluttet med medisinene og vil bare sove godt om natta"),
    ("sv", "self", "hur gör jag så att försäkringen går till min sambo?"),
    ("en", "self", "my razor next to the sink is blunt, which one is best for sensitive skin?"),
    # someone else's childhood age and school grade
    ("sv", "relative", "min son skar sig i 8an, nu är han 25 och mår bra"),
    # a plan for something else when it gets hard
    ("sv", "self", "vi har en plan för flytten ifall det blir stökigt"),
    ("en", "self", "we have a plan for the exams in case it gets busy, my tutor helps"),
    # words typed one at a time that say no risk
    ("sv", "self", "jag\nvill\ninte\ndö\nbara prata"),
    ("en", "self", "cut\nmy\nhair\nyesterday"),
    ("sv", "self", "staff: Har du tankar på att ta ditt liv?\nnej\ndö\nav skratt typ"),
    # breaking up is no blow
    ("nb", "self", "kjæresten slo opp med meg i går, nå er jeg bare lei meg"),
    # "mkt" elsewhere
    ("sv", "self", "hur mkt ipren kan man ta mot ryggvärk?"),
    # better off if something else
    ("sv", "self", "det hade varit bättre om jag tog bussen istället"),
    ("en", "self", "it would be easier if i moved closer to work"),
    # asking what someone means, no ending before, no yes
    ("sv", "self", "jag vill sluta med snuset\nstaff: Menar du livet i stort?\nnej bara snuset"),
    # everything to stop hurting in the body; a want for noise to stop
    ("en", "self", "I want the noise from the neighbours to stop, who do I call?"),
    # one sign alone: a scheduled email for work, plants given when moving
    ("en", "self", "scheduled emails to my clients for friday before my holiday"),
    ("sv", "self", "gav mina växter till grannen eftersom vi flyttar"),
    ("sv", "self", "tack för att ni har funnits för mig i vintras, nu mår jag bra"),
    # bridges as sightseeing or work
    ("sv", "self", "vi tittade på broar i Paris, jag är ingenjör"),
    ("en", "self", "we were looking at bridges in Prague last summer, lovely trip"),
    # cutting hair, a cut finger
    ("en", "self", "i cut my hair yesterday and regret it"),
    ("en", "self", "i cut the cake today for her birthday"),
    # self-harm told as the past, in school years; only scars left
    ("nb", "self", "brukte å skade meg da jeg gikk på vgs\ner 30 nå og har det bra"),
    ("sv", "relative", "min son har gamla ärr på armarna, han skar sig i åttan\nnu är han 20"),
    # someone else's old diary
    ("sv", "relative", "hittade min dotters dagbok från när hon var 13, där skrev hon att hon"
     " ville dö\nnu är hon 30 och mår bra"),
    ("en", "relative", "found my son's diary from when he was 12 where he wrote he wanted to"
     " die\nhe's 28 now and doing great"),
    # a short story's main character
    ("nb", "professional", "elev skrev en novelle der hovedpersonen vil dø. hva gjør jeg?"),
    ("en", "professional", "a pupil wrote a short story where the main character kills himself"),
    # no such thoughts any more
    ("sv", "self", "förra veckan ville jag dö men jag har inga sådana tankar längre"),
    # a meme
    ("nb", "self", "jeg vil dø\ndet var en meme til bror min haha"),
    # hard training, a retirement
    ("en", "self", "killing myself at the gym lately, any tips on protein?"),
    ("en", "relative", "my dad's last day at work before retiring was today, there was cake"),
    # a goodbye and a phone that only rings, said by someone who is fine
    ("sv", "relative", "mamma sa hejdå vid tåget, ringer nu men bara signaler, hon sover nog"
     "\nhon skrev precis, allt är bra"),
]


@pytest.mark.parametrize(("lang", "role", "text", "kind"), B11_URGENT)
def test_b11_mechanisms_find_urgency_without_the_model(
    directory: Directory, lang: str, role: str, text: str, kind: str
) -> None:
    """A dose looked up, others better off, a yes to what an ending means, putting things in
    order, bridges looked at, a cut with a time, something left with a goodbye."""
    urgent, reasons = rules_engine(directory).urgency(chat_text(lang, role, text))
    assert urgent and any(r.startswith(kind + ":") for r in reasons), (text, reasons)


@pytest.mark.parametrize(("lang", "role", "text"), B11_NOT_URGENT)
def test_b11_mechanisms_keep_their_scope(
    directory: Directory, lang: str, role: str, text: str
) -> None:
    """Alarming wordings without a risk now stay not urgent by the rules."""
    rules_only = rules_engine(directory)
    assert rules_only.urgency(chat_text(lang, role, text)) == (False, []), text
