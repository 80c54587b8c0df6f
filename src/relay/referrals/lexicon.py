"""Built-in language knowledge for referral suggestions and urgency: words, phrases and cues.

This is data, curated from the research notes (docs/referrals.md cites them) and meant to be
reviewed by clinicians. It is shared by every directory: a service listed under a category is
found through the words here, and its own ``triggers`` in the directory add service-specific
words (its name, a feature it is known for).

Pattern syntax (the same in directory ``triggers``):

- ``word``      the word and its inflections (same Snowball stem in that language); in Swedish
                and Norwegian also compounds that end with it when its stem has 5+ letters
                (``beroende`` finds ``spelberoende``); one phone-keyboard typo is forgiven for
                stems of 5+ letters.
- ``word*``     any word that starts with ``word`` (compound modifiers: ``spel*``).
- ``*word``     any word that ends with ``word`` (compound heads: ``*öl`` finds ``mellanöl``).
- ``=word``     exactly this form: no stemming, compounds or typos.
- ``a|b``       either word at this position.
- ``~``         one optional word may stand here, unless it is a negation (``vill ~ dö`` finds
                "vill bara dö" but not "vill inte dö").
- ``...``       up to three words may stand here, no negation and no punctuation between.

- ``#``         a number of 6 or more, a count rather than a dose ("tagit 20 tabletter").

Words of a phrase are otherwise adjacent. Norwegian patterns are written in bokmål; the
nynorsk forms in ``NYNORSK_VARIANTS`` are accepted wherever the bokmål word stands.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

STRONG: Final = 2.0
NORMAL: Final = 1.0
WEAK: Final = 0.4


@dataclass(frozen=True, slots=True)
class Terms:
    """Patterns for one topic in one language, grouped by how strongly they point at it."""

    strong: tuple[str, ...] = ()
    normal: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()

    def weighted(self) -> list[tuple[str, float]]:
        """Every pattern with its weight."""
        return (
            [(p, STRONG) for p in self.strong]
            + [(p, NORMAL) for p in self.normal]
            + [(p, WEAK) for p in self.weak]
        )


# Topics: one entry per directory category. -----------------------------------------------------

TOPICS: Final[Mapping[str, Mapping[str, Terms]]] = {
    "emergency": {
        "sv": Terms(
            strong=("ambulans*", "livshotande", "medvetslös", "andas inte", "blöder mycket"),
            normal=("akut fara", "=112", "larma", "blöder", "akuten"),
            weak=("=akut", "=akuta"),
        ),
        "nb": Terms(
            strong=("ambulanse*", "livstruende", "bevisstløs", "puster ikke", "blør mye"),
            normal=("=113", "akutt fare", "blør"),
            weak=("=akutt",),
        ),
        "en": Terms(
            strong=("ambulance", "unconscious", "not breathing", "life-threatening"),
            normal=("emergency", "bleeding"),
        ),
    },
    "suicide": {
        "sv": Terms(
            strong=(
                "självmord*",
                "suicid*",
                "ta|tar livet av mig|mej|sig",
                "tog livet av sig",
                "ta|tar mitt|sitt ~ liv",
                "vill ~ dö",
                "vill inte leva",
                "orkar inte ~ leva",
                "avskedsbrev",
                "hänga mig|mej",
                "bättre utan mig|mej",
                "inte vara kvar",
                "aldrig vakna",
                "inte ~ vakna ~ imorgon|igen|mer|upp",
                "inte vill leva",
                "vill inte finnas ~ längre|mer|till|kvar",
                "inte finnas till",
            ),
            normal=(
                "dödstankar",
                "meningslöst att leva",
                "ingen mening med livet",
                "inte värt att leva",
                "vill försvinna",
                "slippa leva",
                "ge upp livet",
            ),
            weak=("hopplös*", "meningslös*", "=döden"),
        ),
        "nb": Terms(
            strong=(
                "selvmord*",
                "sjølvmord*",
                "ta livet mitt|sitt",
                "ta livet av meg|seg",
                "tok livet av seg",
                "vil ~ dø",
                "vil ikke leve",
                "orker ikke ~ leve",
                "avskjedsbrev",
                "henge meg",
                "bedre uten meg",
            ),
            normal=("ikke verdt å leve", "vil forsvinne", "ingen mening med livet"),
            weak=("håpløs*", "meningsløs*"),
        ),
        "en": Terms(
            strong=(
                "suicid*",
                "kill myself|herself|himself|themselves",
                "killed myself|herself|himself|themselves",
                "end my life",
                "end it all",
                "want|wanna ~ die",
                "want to ~ die",
                "don't|dont want to live",
                "take my own life",
                "took his|her|their own life",
                "better off without me",
                "better off dead",
                "goodbye letter",
                "no reason to live",
            ),
            normal=("not worth living", "disappear forever"),
            weak=("hopeless", "pointless"),
        ),
    },
    "self_harm": {
        "sv": Terms(
            strong=(
                "självskad*",
                "skadar mig|mej själv",
                "skada mig|mej själv",
                "skär|skurit|skära mig|mej",
                "bränner mig|mej",
                "rispar mig|mej",
            ),
            normal=("=skär", "rispa*"),
        ),
        "nb": Terms(
            strong=(
                "selvskad*",
                "skader meg selv",
                "skade meg selv",
                "kutter|kuttet meg",
                "skjærer|skar meg",
                "brenner meg",
            ),
        ),
        "en": Terms(
            strong=(
                "self harm",
                "selfharm*",
                "cutting myself",
                "cut myself",
                "hurt|hurting myself",
                "burn|burning myself",
            ),
            normal=("cutting",),
        ),
    },
    "mental_health": {
        "sv": Terms(
            strong=(
                "ångest*",
                "*ångest",
                "panikattack*",
                "depression*",
                "deprimerad",
                "nedstämd",
                "mår psykiskt dåligt",
                "psykisk ohälsa",
                "utbränd",
                "utmattningssyndrom",
            ),
            normal=(
                "hjärtklappning",
                "blyg",
                "social ångest",
                "social fobi",
                "mår ~ dåligt",
                "mår ~ skit",
                "kan inte sova",
                "kan inte somna",
                "sover dåligt",
                "sömnproblem",
                "inte sovit",
                "ledsen",
                "gråter",
                "stress*",
                "panik*",
                "orkar inte mer",
                "orkar inte längre",
                "allt känns tungt",
                "tomhet",
                "sorg",
                "sörjer",
                "ätstörning*",
                "anorexi*",
                "bulimi*",
                "hetsät*",
                "kräks efter ~ maten|måltiderna",
                "slutat äta",
                "äter ~ inte|knappt|ingenting",
                "svälter mig|mej",
                "kräks ~ upp ~ maten",
                "för smal",
                "tränar ~ tvångsmässigt|hela tiden",
                "psykiskt",
                "tungt",
            ),
            weak=("orkar inte", "=trött", "ensam", "=oro", "=nere"),
        ),
        "nb": Terms(
            strong=(
                "angst*",
                "*angst",
                "panikkanfall",
                "depresjon*",
                "deprimert",
                "nedstemt",
                "psykisk helse",
                "psykiske plager",
                "utbrent",
                "nedfor",
                "spiseforstyrr*",
                "anoreksi*",
                "bulimi*",
            ),
            normal=(
                "hjertebank",
                "sjenert",
                "sosial angst",
                "har det ~ vondt",
                "får ikke sove",
                "sover dårlig",
                "psykisk*",
                "lei meg",
                "gråter",
                "stress*",
                "panikk*",
                "orker ikke mer",
                "sorg",
                "tungt",
            ),
            weak=("orker ikke", "=trøtt", "=sliten"),
        ),
        "en": Terms(
            strong=(
                "anxiety",
                "panic attack|attacks",
                "depressed",
                "depression",
                "mental health",
                "burnout",
                "burned|burnt out",
            ),
            normal=(
                "palpitations",
                "heart racing",
                "shy",
                "social anxiety",
                "binge and purge",
                "purging",
                "anxious",
                "can't|cant sleep",
                "can't|cant stop crying",
                "stressed",
                "grief",
                "grieving",
                "feel ~ awful|terrible|miserable",
                "struggling",
                "overwhelmed",
                "eating disorder",
                "throwing up after ~ eating|meals",
                "anorexi*",
                "bulimi*",
                "stopped eating",
            ),
            weak=("sad", "tired", "crying"),
        ),
    },
    "loneliness": {
        "sv": Terms(
            strong=(
                "=ensam",
                "ensamhet*",
                "känner mig|mej ~ ensam",
                "ingen att prata med",
                "ingen att vända mig|mej till",
                "inga vänner",
                "isolerad",
            ),
            normal=(
                "någon att prata med",
                "prata med någon",
                "på nätterna",
                "nätterna",
                "på kvällarna",
                "gick bort",
                "har ingen",
                "vem ~ jag kan prata med",
            ),
        ),
        "nb": Terms(
            strong=("ensom*", "ingen å snakke med", "ikke noen å snakke med", "ingen venner"),
            normal=(
                "noen å snakke med",
                "snakke med noen",
                "om natta|natten",
                "isolert",
                "hvem jeg kan snakke med",
            ),
        ),
        "en": Terms(
            strong=("lonely", "loneliness", "no one to talk to", "nobody to talk to", "no friends"),
            normal=("someone to talk to", "isolated", "at night", "on my own", "passed away"),
            weak=("alone",),
        ),
    },
    "psychiatry": {
        "sv": Terms(
            strong=(
                "psykos*",
                "psykotisk",
                "hör röster",
                "bipolär*",
                "schizofren*",
                "manisk",
                "vanföreställning*",
                "psykiatri*",
            ),
            normal=(
                "förföljer",
                "förföljd",
                "paranoid*",
                "tankarna rusar",
                "=lpt",
                "tvångsvård",
                "personlighetssyndrom",
                "slutat ta ~ medicin|medicinen|mediciner",
                "inte sovit på flera",
                "adhd",
            ),
        ),
        "nb": Terms(
            strong=(
                "psykose*",
                "psykotisk",
                "hører stemmer",
                "bipolar*",
                "schizofren*",
                "psykiatri*",
            ),
            normal=(
                "forfulgt",
                "paranoid*",
                "tvangsinnleggelse",
                "sluttet å ta ~ medisin|medisinene",
            ),
        ),
        "en": Terms(
            strong=(
                "psychosis",
                "psychotic",
                "hearing voices",
                "bipolar",
                "schizophreni*",
                "psychiatr*",
            ),
            normal=("paranoid", "manic", "stopped taking my meds|medication", "following me"),
        ),
    },
    "health_care": {
        "sv": Terms(
            strong=("vårdcentral*", "=1177"),
            normal=(
                "läkare*",
                "doktor*",
                "sjukvård*",
                "söka vård",
                "recept",
                "medicin*",
                "antidepressiv*",
                "=ssri",
                "sertralin",
                "citalopram",
                "escitalopram",
                "biverkning*",
                "utsättningssymtom",
                "slutade|slutat med ~ mina|min ~ medicin|mediciner|tabletter|antidepressiva",
            ),
            weak=("sjuk", "vård", "=sömn", "vården"),
        ),
        "nb": Terms(
            strong=("fastlege*", "legevakt*"),
            normal=(
                "lege",
                "legen",
                "resept",
                "medisin*",
                "helsestasjon",
                "antidepressiv*",
                "bivirkning*",
            ),
            weak=("syk",),
        ),
        "en": Terms(
            strong=("health centre|center", "my gp"),
            normal=(
                "doctor",
                "prescription",
                "medication",
                "clinic",
                "nurse",
                "antidepressant*",
                "side effects",
            ),
            weak=("sick", "health"),
        ),
    },
    "alcohol": {
        "sv": Terms(
            strong=(
                "alkohol*",
                "*alkohol",
                "alkis*",
                "dricker för ~ mycket|mkt",
                "=super",
                "supa",
                "söp",
                "fylla",
                "fyllan",
                "bakfull",
                "återställare",
                "jättefull",
                "stupfull",
                "skitfull",
                "berusad",
                "packad",
                "onykter",
            ),
            normal=(
                "dricker",
                "drack",
                "druckit",
                "dricka",
                "drickande",
                "=full",
                "=fulla",
                "öl",
                "*öl",
                "=vin",
                "=vinet",
                "=vinflaska",
                "=boxvin",
                "vodka",
                "sprit",
                "flaska|flaskor",
                "nykter*",
                "luktar ~ alkohol|sprit|öl|vin",
            ),
            weak=("fest*", "=krogen", "=bärs"),
        ),
        "nb": Terms(
            strong=(
                "alkohol*",
                "*alkohol",
                "alkis*",
                "drikker for mye",
                "fyllesyk",
                "bakfull",
                "dritings",
                "fylla",
                "beruset",
            ),
            normal=(
                "drikker",
                "drakk",
                "drukket",
                "drikke",
                "drikking",
                "=full",
                "øl",
                "*øl",
                "=vin",
                "=vinen",
                "brennevin",
                "sprit",
                "flaske|flasker",
                "edru",
            ),
            weak=("fest*",),
        ),
        "en": Terms(
            strong=(
                "alcohol*",
                "drinking problem",
                "drink too much",
                "drinks too much",
                "hungover",
                "hangover",
            ),
            normal=(
                "drinking",
                "drink",
                "drinks",
                "drank",
                "drunk",
                "booze",
                "beer",
                "wine",
                "vodka",
                "sober",
                "sobriety",
                "bottle",
            ),
            weak=("party", "parties", "pub"),
        ),
    },
    "drugs": {
        "sv": Terms(
            strong=(
                "=thc",
                "droger",
                "drogen",
                "drogerna",
                "drogad",
                "drogproblem",
                "narkotika*",
                "knark*",
                "*knark",
                "cannabis",
                "hasch*",
                "marijuana",
                "röker|rökt|rökte|röka ~ på",
                "kokain",
                "amfetamin",
                "tjack*",
                "=spice",
                "heroin",
                "opioid*",
                "opiat*",
                "ecstasy",
                "=mdma",
                "=lsd",
                "ketamin",
                "fentanyl",
                "subutex",
                "metadon",
                "langar",
                "langare",
            ),
            normal=(
                "=gräs",
                "=weed",
                "joint*",
                "vitt pulver",
                "=piller",
                "knaprar",
                "=hög",
                "påverkad",
                "=kola",
                "=jolle",
                "=braja",
                "=ganja",
            ),
            weak=("=pulver", "testa", "=drog"),
        ),
        "nb": Terms(
            strong=(
                "=thc",
                "narkotika*",
                "rusmidl*",
                "rusmiddel*",
                "hasj*",
                "cannabis",
                "marihuana",
                "kokain",
                "amfetamin",
                "heroin",
                "opioid*",
                "=dop",
                "dopet",
                "ruser seg",
                "røyker hasj|weed|cannabis",
                "selger narkotika|dop",
            ),
            normal=("=piller", "=weed", "=rus", "ruset", "ruse seg", "stoff", "=høy", "påvirket"),
        ),
        "en": Terms(
            strong=(
                "=thc",
                "drugs",
                "drug problem",
                "cannabis",
                "marijuana",
                "cocaine",
                "heroin",
                "opioid*",
                "amphetamine*",
                "ketamine",
                "mdma",
                "ecstasy",
                "fentanyl",
                "dealing drugs",
                "smoking weed",
            ),
            normal=("weed", "stoned", "pills", "using", "high", "drug", "coke", "speed", "dealer"),
        ),
    },
    "medicines": {
        "sv": Terms(
            strong=(
                "benso*",
                "lugnande",
                "sömntabletter",
                "sömnmedel",
                "tramadol",
                "oxykodon",
                "läkemedelsberoende",
                "tablettberoende",
                "=xanor",
                "=xanax",
                "stesolid",
                "zopiklon",
                "imovane",
                "=lyrica",
                "pregabalin",
                "smärtstillande",
                "värktabletter",
            ),
            normal=(
                "tabletter*",
                "*tabletter",
                "recept*",
                "utskriv*",
                "trappa ner",
                "nedtrappning",
                "läkemedel*",
            ),
            weak=("=medicin", "=mediciner", "=tabletten"),
        ),
        "nb": Terms(
            strong=(
                "benzo*",
                "beroligende",
                "sovepiller",
                "sovemedisin*",
                "vanedannende",
                "smertestillende",
                "tramadol",
                "oksykodon",
            ),
            normal=(
                "tabletter*",
                "*tabletter",
                "resept*",
                "trappe ned",
                "nedtrapping",
                "legemidl*",
            ),
        ),
        "en": Terms(
            strong=(
                "benzo*",
                "sleeping pills",
                "painkiller*",
                "xanax",
                "valium",
                "tramadol",
                "oxycodone",
                "prescribed",
            ),
            normal=("tablets", "prescription", "taper*", "medication"),
        ),
    },
    "gambling": {
        "sv": Terms(
            strong=(
                "spelberoend*",
                "spelproblem*",
                "spelmissbruk",
                "spelskuld*",
                "*casino*",
                "*kasino*",
                "casino*",
                "kasino*",
                "odds*",
                "betting",
                "bettar",
                "bettat",
                "slots",
                "spelautomat*",
                "poker*",
                "vinna tillbaka",
                "spelbolag*",
                "spelsajt*",
                "nätspel*",
                "sportspel*",
            ),
            normal=("spel*", "=trav", "=travet", "lotter*", "skraplott*", "=bonus", "insättning*"),
            weak=(
                "=förlorat",
                "=pengar",
            ),
        ),
        "nb": Terms(
            strong=(
                "pengespill*",
                "spilleavhengig*",
                "spillegjeld",
                "spilleproblem*",
                "*kasino*",
                "kasino*",
                "casino*",
                "odds*",
                "betting",
                "spilleautomat*",
                "poker*",
                "vinne tilbake",
                "nettspill*",
            ),
            normal=("spill*", "=spilt", "=tippe", "lotteri"),
            weak=("=tapt", "=penger"),
        ),
        "en": Terms(
            strong=(
                "gambl*",
                "betting",
                "casino*",
                "slots",
                "slot machine|machines",
                "poker",
                "chase|chasing ~ losses",
                "bookie|bookies",
                "sportsbook",
            ),
            normal=("bets", "bet", "lottery", "scratch cards", "lost money", "losing money"),
        ),
    },
    "tobacco": {
        "sv": Terms(
            strong=(
                "snus*",
                "cigarett*",
                "*cigarett*",
                "nikotin*",
                "tobak*",
                "rökstopp",
                "sluta röka",
                "rökning",
                "rökare",
                "=vejp",
                "vejpa*",
                "vape*",
            ),
            normal=("=röker", "=röka", "=rökt"),
        ),
        "nb": Terms(
            strong=(
                "snus*",
                "sigarett*",
                "nikotin*",
                "tobakk*",
                "slutte å røyke",
                "røykeslutt",
                "vape*",
            ),
            normal=("=røyker", "=røyke", "=røyk"),
        ),
        "en": Terms(
            strong=("cigarette*", "nicotine", "tobacco", "quit smoking", "snus", "vaping", "vape*"),
            normal=("smoking", "smoke", "smoker"),
        ),
    },
    "addiction_treatment": {
        "sv": Terms(
            strong=(
                "missbruk*",
                "*missbruk",
                "avgiftning",
                "abstinens*",
                "återfall*",
                "beroendevård",
                "behandlingshem",
                "komma ifrån",
                "kommer inte ifrån",
                "tappat kontrollen",
            ),
            normal=(
                "=beroende",
                "*beroende",
                "beroendet",
                "behandling",
                "vill ~ sluta",
                "kan inte sluta",
                "klarar inte av att sluta",
                "sluta ~ dricka|spela|röka|ta|knarka|använda",
                "dra ner på",
                "drogfri",
                "skakningar",
                "=sug",
            ),
            weak=("sluta", "=slutat"),
        ),
        "nb": Terms(
            strong=(
                "avhengig*",
                "*avhengig*",
                "rusbehandling",
                "avrusning",
                "tilbakefall",
                "abstinens*",
                "rusproblem*",
                "misbruk*",
            ),
            normal=(
                "behandling",
                "vil ~ slutte",
                "klarer ikke å slutte",
                "kutte ned",
                "rusfri",
                "=sug",
            ),
            weak=("slutte",),
        ),
        "en": Terms(
            strong=("addict*", "rehab", "detox", "withdrawal*", "relapse*", "can't|cant stop"),
            normal=(
                "treatment",
                "recovery",
                "quit",
                "cut down",
                "want to stop",
                "clean",
                "cravings",
            ),
            weak=("stop",),
        ),
    },
    "peer_support": {
        "sv": Terms(
            strong=(
                "självhjälpsgrupp*",
                "stödgrupp*",
                "tolvsteg*",
                "12 steg*",
                "andra i samma situation",
                "träffa andra",
            ),
            normal=("grupp*", "=möten", "=möte", "gemenskap", "=sponsor"),
        ),
        "nb": Terms(
            strong=("selvhjelpsgruppe*", "støttegruppe*", "andre i samme situasjon", "tolv trinn"),
            normal=("gruppe*", "=møter", "fellesskap"),
        ),
        "en": Terms(
            strong=(
                "support group|groups",
                "self-help group",
                "twelve step|steps",
                "12 step|steps",
            ),
            normal=(
                "group",
                "groups",
                "meetings",
                "meeting",
                "sponsor",
                "others in the same situation",
            ),
        ),
    },
    "relatives": {
        "sv": Terms(
            strong=("anhörig*", "närstående", "medberoende"),
            normal=("orolig för ~ honom|henne|min|mitt|hen|dem|sonen|dottern", "som anhörig"),
        ),
        "nb": Terms(
            strong=("pårørende",),
            normal=("bekymret for ~ ham|henne|han|sønnen|datteren|mannen|kona",),
        ),
        "en": Terms(
            strong=("relative", "relatives", "family member", "loved one", "codependen*"),
            normal=("worried about ~ my|him|her", "how to help him|her|them"),
        ),
    },
    "children_of_parents": {
        "sv": Terms(
            strong=(
                "barn till ~ missbrukare|alkoholister|alkoholist",
                "vuxit upp med",
                "växte upp med",
                "uppvuxen med",
                "mina föräldrar dricker",
            ),
        ),
        "nb": Terms(
            strong=("barn av ~ rusmisbrukere|alkoholikere", "vokst opp med", "vokste opp med")
        ),
        "en": Terms(strong=("child|children of an|a ~ alcoholic|addict", "grew up with")),
    },
    "child_welfare": {
        "sv": Terms(
            strong=("orosanmäla*", "orosanmälan", "far illa", "vanvård", "=lvu", "omhändert*"),
            normal=(
                "barnen är ensamma",
                "små barn",
                "ingen vuxen",
                "kommer inte hem",
                "lämnar ~ barnen|barnet ~ ensam|ensamma",
            ),
        ),
        "nb": Terms(
            strong=("bekymringsmelding", "barnevern*", "omsorgssvikt"),
            normal=("har det vondt hjemme", "små barn", "kommer ikke hjem"),
        ),
        "en": Terms(
            strong=("child protection", "safeguarding", "neglect*", "report a concern"),
            normal=(
                "scared to go home",
                "afraid to go home",
                "no adults",
                "doesn't|doesnt|didn't|didnt come home",
            ),
        ),
    },
    "youth": {
        "sv": Terms(
            strong=("tonåring*", "ungdom*", "högstadie*", "gymnasie*"),
            normal=("skolkar", "skolk*", "*åring", "åring", "=tonåren", "kompisgäng*"),
            weak=("=skolan", "=skola", "=klassen", "=lektionen"),
        ),
        "nb": Terms(
            strong=("tenåring*", "ungdom*", "ungdomsskole*", "videregående"),
            normal=("skulk*", "=russ", "=russetiden"),
            weak=("=skolen", "=skole"),
        ),
        "en": Terms(
            strong=("teen", "teens", "teenager*", "youth", "adolescent*"),
            normal=("high school", "skipping school", "kids"),
            weak=("school",),
        ),
    },
    "parenting": {
        "sv": Terms(
            strong=(
                "föräldraskap",
                "föräldrakurs*",
                "föräldrastöd",
                "föräldragrupp*",
                "föräldrautbildning",
                "som förälder|föräldrar",
            ),
            normal=(
                "vår son|dotter|tonåring",
                "mitt|vårt barn",
                "våra|mina barn",
                "bråk hemma",
                "gränser",
                "uppfostr*",
                "hur pratar ~ jag|vi med honom|henne|hen",
            ),
        ),
        "nb": Terms(
            strong=(
                "foreldreveiledning",
                "foreldrerolle*",
                "foreldrekurs*",
                "som forelder|foreldre",
            ),
            normal=(
                "barnet mitt",
                "sønnen vår",
                "datteren vår",
                "tenåringen vår|min",
                "krangel hjemme",
                "grensesetting",
                "hvordan snakker ~ jeg|vi med ham|henne",
            ),
        ),
        "en": Terms(
            strong=("parenting", "as a parent", "as parents", "parenting course|class"),
            normal=(
                "my teenager",
                "my teen",
                "my kid",
                "my kids",
                "my child",
                "our son|daughter",
                "boundaries",
            ),
        ),
    },
    "violence": {
        "sv": Terms(
            strong=(
                "slår|slog|slagit mig|mej|henne|honom|oss|barnen|mamma",
                "misshandel*",
                "misshandl*",
                "våld*",
                "*våld",
                "dödshot",
                "hotar mig|mej|oss",
                "hotar att",
                "sexuella övergrepp",
                "övergrepp",
                "våldtäkt*",
                "stryptag",
                "rädd för honom|henne",
                "kvinnofrid*",
            ),
            normal=(
                "sparkar|sparkade|knuffar|knuffade|ströp|stryper mig|mej|henne",
                "tvingar mig|mej",
                "kontrollerar mig|mej",
                "hotar",
                "=hot",
                "aggressiv",
                "kastat ut",
                "=blåmärken",
            ),
            weak=("=arg", "=bråk", "bråkar", "skriker"),
        ),
        "nb": Terms(
            strong=(
                "slår|slo|slått meg|henne|ham|han|oss|barna|mamma",
                "vold*",
                "*vold",
                "mishandl*",
                "truer meg|oss",
                "truer med",
                "overgrep",
                "voldtekt*",
                "redd for ham|han|henne",
                "kvelertak",
            ),
            normal=(
                "dytter|dyttet|sparker|sparket meg|henne",
                "truer",
                "aggressiv",
                "kastet ut",
                "blåmerker",
            ),
            weak=("sint", "krangler", "skriker"),
        ),
        "en": Terms(
            strong=(
                "hits|hit|hitting|beats|beat|beating me|her|him|us",
                "violence",
                "violent",
                "abuse",
                "abusive",
                "assault*",
                "rape*",
                "threatens|threatened ~ me|us",
                "domestic",
                "afraid|scared of him|her",
            ),
            normal=(
                "threat",
                "threats",
                "kicks|kicked|pushes|pushed|chokes|choked me",
                "bruises",
                "aggressive",
            ),
            weak=("angry", "shouting", "yelling"),
        ),
    },
    "crime": {
        "sv": Terms(
            strong=(
                "säljer ~ knark|droger|narkotika|gräs",
                "langar",
                "langare",
                "langning",
                "polisanmäl*",
                "brott*",
                "inbrott*",
                "stöld*",
                "tipsa polisen",
                "gängkriminalitet",
                "kriminell*",
            ),
            normal=("polis*", "=polisen", "anmäla", "vapen", "=rån", "=gäng", "=gänget", "=langa"),
        ),
        "nb": Terms(
            strong=(
                "selger ~ narkotika|dop|hasj",
                "politianmeld*",
                "anmelde",
                "kriminalitet",
                "innbrudd",
                "tyveri",
                "tipse politiet",
            ),
            normal=("politi*", "våpen", "=ran", "=gjeng", "=langer"),
        ),
        "en": Terms(
            strong=(
                "selling|sells|dealing drugs",
                "drug dealer|dealers",
                "crime",
                "burglary",
                "report to the police",
            ),
            normal=("police", "stolen", "weapon", "gang", "dealing"),
        ),
    },
    "social_services": {
        "sv": Terms(
            strong=(
                "socialtjänst*",
                "socialen",
                "socialkontor*",
                "socialsekreterare",
                "försörjningsstöd",
                "ekonomiskt bistånd",
            ),
            normal=("bistånd*", "=soc", "=socen", "handläggare", "kommunen", "orosanmälan"),
        ),
        "nb": Terms(
            strong=("sosialtjeneste*", "=nav", "=navet", "sosialhjelp", "økonomisk sosialhjelp"),
            normal=("kommunen", "saksbehandler", "barnevern*"),
        ),
        "en": Terms(
            strong=("social services", "social worker", "welfare office"),
            normal=("benefits", "municipality", "council", "welfare"),
        ),
    },
    "housing": {
        "sv": Terms(
            strong=(
                "bostadslös*",
                "hemlös*",
                "vräk*",
                "ingenstans att bo|sova|ta vägen",
                "sover ute",
                "härbärge*",
                "akutboende",
                "hyresskuld*",
                "tak över huvudet",
            ),
            normal=(
                "bostad*",
                "=kastat ut",
                "soffsurfar",
                "=trappuppgång",
                "=trappuppgångar",
                "=hyran",
            ),
            weak=("lägenhet*", "=boende"),
        ),
        "nb": Terms(
            strong=(
                "bostedsløs*",
                "hjemløs*",
                "utkastelse",
                "kastet ut",
                "ingen steder å bo|sove",
                "sover ute",
            ),
            normal=("bolig*", "husleie*", "hybel"),
        ),
        "en": Terms(
            strong=(
                "homeless*",
                "evicted",
                "eviction",
                "nowhere to live|sleep|stay",
                "sleeping rough",
                "shelter",
            ),
            normal=("housing", "rent", "kicked out"),
        ),
    },
    "debt": {
        "sv": Terms(
            strong=(
                "skuld",
                "skulder",
                "skulderna",
                "skulden",
                "*skuld",
                "*skulder",
                "kronofogd*",
                "inkasso*",
                "betalningsanmärkning*",
                "skuldsanering",
                "sms-lån",
                "snabblån",
            ),
            normal=(
                "=lån",
                "=lånen",
                "lånat",
                "räkningar*",
                "ekonomi*",
                "kan inte betala",
                "budget*",
            ),
            weak=("=pengar", "=lönen", "=hyran"),
        ),
        "nb": Terms(
            strong=("gjeld", "*gjeld", "inkasso*", "namsmann*", "forbrukslån", "gjeldsrådgiv*"),
            normal=("=lån", "lånt", "regninger", "økonomi*", "klarer ikke å betale", "budsjett*"),
            weak=("=penger",),
        ),
        "en": Terms(
            strong=("debt", "debts", "payday loan|loans", "bailiff*", "debt collector|collectors"),
            normal=(
                "loan",
                "loans",
                "borrowed",
                "bills",
                "can't|cant pay",
                "budget",
                "money problems",
            ),
            weak=("money",),
        ),
    },
    "outreach": {
        "sv": Terms(
            strong=(
                "uppsökande",
                "vill inte ~ ta emot|ha hjälp",
                "vägrar ~ ta emot|söka hjälp",
                "tar inte emot hjälp",
                "öppnar inte",
                "inte öppnat",
                "isolerar sig",
                "slutat gå ut",
                "går aldrig ut",
                "hyresgäst*",
                "hyresvärd*",
                "fastighetsskötare",
                "fastighetsvärd*",
                "uteliggare",
                "lever på gatan",
            ),
            normal=("granne*", "grann*", "luktar illa", "stökig*", "bostadsbolag*", "vägrar"),
        ),
        "nb": Terms(
            strong=(
                "oppsøkende",
                "vil ikke ha hjelp",
                "nekter å ta imot hjelp",
                "åpner ikke",
                "isolerer seg",
                "leietaker*",
                "utleier*",
                "vaktmester*",
            ),
            normal=("nabo*", "lukter vondt", "nekter"),
        ),
        "en": Terms(
            strong=(
                "outreach",
                "won't|wont|doesn't|refuses ~ accept help",
                "refuses help",
                "doesn't open the door",
                "isolating himself|herself",
                "tenant",
                "landlord",
                "caretaker",
                "janitor",
            ),
            normal=("neighbour*", "neighbor*", "refuses", "smells bad"),
        ),
    },
}


# Urgency: the phrases and concept classes live in concepts/<lang>.toml (relay.referrals.concepts).

URGENT_KINDS: Final = (
    "suicide",
    "self_harm",
    "overdose",
    "medical",
    "violence",
    "child_at_risk",
    "goodbye",
    "third_party_danger",
)
"""Kinds of urgent situation, most pressing first; a reason starts with its kind's id."""

URGENCY_LABELS: Final[Mapping[str, str]] = {
    "suicide": "suicide risk",
    "self_harm": "self-harm",
    "overdose": "overdose",
    "medical": "acute medical danger",
    "violence": "violence in the home",
    "child_at_risk": "child at risk",
    "goodbye": "goodbye from someone unreachable",
    "third_party_danger": "someone in danger",
}
"""English names of the kinds, for the CLI; the console has its own sv/en/nb names."""

URGENCY_TOPIC_BOOSTS: Final[Mapping[str, Mapping[str, float]]] = {
    "suicide": {"suicide": 3.0, "emergency": 2.0},
    "self_harm": {"self_harm": 3.0, "suicide": 1.0, "emergency": 1.5},
    "overdose": {"emergency": 5.0},
    "medical": {"emergency": 5.0},
    "violence": {"emergency": 4.0, "violence": 1.5, "crime": 1.0},
    "child_at_risk": {"emergency": 3.0, "child_welfare": 2.0},
    "goodbye": {"emergency": 4.0, "suicide": 2.0},
    "third_party_danger": {"emergency": 4.0, "suicide": 1.0},
}
"""How much an urgent finding adds to topics, so that 112/113 rank first when it matters."""


NYNORSK_VARIANTS: Final[Mapping[str, tuple[str, ...]]] = {
    "ikke": ("ikkje",),
    "jeg": ("eg",),
    "noen": ("nokon",),
    "noe": ("noko",),
    "hvem": ("kven",),
    "hva": ("kva",),
    "hvordan": ("korleis",),
    "hvis": ("viss", "om"),
    "selv": ("sjølv",),
    "mye": ("mykje",),
    "hjem": ("heim",),
    "hjemme": ("heime",),
    "være": ("vere",),
    "dø": ("døy",),
}
"""Nynorsk forms accepted for bokmål words in Norwegian patterns."""

NEGATIONS: Final[frozenset[str]] = frozenset(
    {
        # Swedish
        "inte",
        "int",
        "icke",
        "ej",
        "aldrig",
        "ingen",
        "inget",
        "inga",
        "inge",
        # Norwegian
        "ikke",
        "ikkje",
        "ik",
        "aldri",
        "ingenting",
        "intet",
        # English
        "not",
        "never",
        "no",
        "don't",
        "dont",
        "doesn't",
        "doesnt",
        "didn't",
        "didnt",
        "won't",
        "wont",
        "isn't",
        "isnt",
        "aren't",
        "arent",
        "wasn't",
        "wasnt",
        "haven't",
        "havent",
        "nothing",
    }
)
"""Words that negate what follows them in the same clause ("jag vill inte dö")."""

CLAUSE_BREAKS: Final[frozenset[str]] = frozenset(
    {",", ";", ":", "men", "fast", "utan", "och", "eller", "but", "and", "or", "og", "så"}
)
"""Words and marks that end the reach of a negation and of gaps in phrases."""

SENTENCE_BREAKS: Final[frozenset[str]] = frozenset({".", "!", "?", "\n"})

AFFIRMATIVES: Final[frozenset[str]] = frozenset(
    {
        "ja",
        "japp",
        "jepp",
        "jo",
        "jaa",
        "jaaa",
        "mm",
        "mhm",
        "typ",
        "kanske",
        "ibland",
        "ofta",
        "jada",
        "kanskje",
        "ofte",
        "yes",
        "yeah",
        "yep",
        "yup",
        "ya",
        "maybe",
        "sometimes",
        "often",
    }
)
"""First words of a visitor's answer that count as "yes" to a staff member's risk question."""

FIRST_PERSON: Final[frozenset[str]] = frozenset({"jag", "jg", "jeg", "i", "eg"})
COPULAS: Final[frozenset[str]] = frozenset({"är", "ar", "e", "er", "am", "is"})
FIRST_PERSON_COPULAS: Final[frozenset[str]] = frozenset({"i'm", "im"})
AGE_WORDS_AFTER: Final[frozenset[str]] = frozenset(
    {"år", "ar", "åring", "åringen", "årig", "years", "year", "yo", "åringar", "årsåldern"}
)
"""Words after a number that make it an age ("14 år", "14-åring", "14 years old")."""
AGE_WORDS_BEFORE: Final[frozenset[str]] = frozenset({"på", "pa", "är", "er", "is", "aged", "age"})
"""Words before a number that make it the age of the person talked about ("son på 16")."""

LANGUAGE_MARKERS: Final[Mapping[str, frozenset[str]]] = {
    "sv": frozenset(
        {
            "jag",
            "inte",
            "och",
            "är",
            "att",
            "mig",
            "dig",
            "vad",
            "hur",
            "någon",
            "något",
            "också",
            "mycket",
            "själv",
            "hjälp",
            "kan",
            "vill",
            "orkar",
            "mår",
            "hon",
            "eller",
            "vet",
        }
    ),
    "nb": frozenset(
        {
            "jeg",
            "ikke",
            "og",
            "er",
            "meg",
            "deg",
            "hva",
            "hvordan",
            "noen",
            "noe",
            "også",
            "mye",
            "selv",
            "hjelp",
            "kan",
            "vil",
            "orker",
            "hun",
            "eller",
            "vet",
            "ikkje",
            "eg",
        }
    ),
    "en": frozenset(
        {
            "i",
            "the",
            "and",
            "is",
            "my",
            "to",
            "not",
            "me",
            "you",
            "what",
            "how",
            "of",
            "it",
            "that",
            "with",
            "have",
            "he",
            "she",
            "help",
            "can",
            "want",
            "don't",
            "i'm",
        }
    ),
}
"""Frequent function words used to guess a conversation's language when none is given."""
