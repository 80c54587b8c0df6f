"""Word lists for case codes: 256 plain, neutral nouns per language (sv, nb, en).

Chosen to be easy to read aloud and to write down: everyday things, animals and plants, no word
about illness, violence or the body's troubles. Each list has exactly 256 words, distinct after
``relay.questions.normalise_word`` (so "björk" typed as "bjork" still matches), which
tests/relay/test_questions_rules.py checks. Changing a list does not break codes already handed
out: a code is looked up by the hash of its normalised text, never by its words' positions.
"""

from __future__ import annotations

SV = tuple("""
abborre ananas ankare apelsin apotek armband asfalt ask avokado bagare balkong ballong banan
bank barr bastu berg bikupa biljett björn björk blåbär blomma bock bok boll bonde borste bro
brunn buske byxa båt cykel dal damm docka duk dyna dörr ek ekorre elefant enbär falk fat
fjäder fjäll fjäril flagga flod flotte flygel fontän fotboll frukt fyr fågel gaffel gardin
gata geting giraff glas glob grind gran gräs grotta gryta guld gurka gås hage hammare hamn
hare harpa hatt havre hjort hylla hink honung hus häst höstack igelkott isbit jacka jord
julgran kaka kamel kanel kanot kanin karta katt kittel klocka klot knapp kompass korg krona
kudde kvarn lamm lampa land lax lejon lera lin linje lok lucka lunch lykta låda malm mango
mark matta melon mjöl moln mossa mus mast myra motor nyckel nystan natt nät oliv ost oxe
paddel palm papper paraply pelare penna peppar plommon pump pussel påsklilja radio regn ren
ring ris ros rot rova råtta sadel salt sand sax segel sill silver sjö skal skata skog sko
skruv sked slott snigel snö sol spade spegel stol sten stjärna strand strumpa svamp svan
socker tak tall tavla te tegel timjan tomat torn träd trappa tranbär tumme tunna tupp tåg
tårta uggla ugn vagn val vante vas ved vete vinter vind visp ägg äng åra älv äpple ört öra örn
öga bläck flöjt fiol gitarr trumma kör vals polka sång dikt saga bild färg krita pensel duva
trana stare mås tärna lärka hök gök kråka korp hackspett fasan rapphöna ripa lo räv varg
""".split())

NB = tuple("""
ananas anker appelsin apotek armbånd asfalt avokado baker balkong ballong banan bank bar
badstue berg bikube billett bjørn bjørk blåbær blomst bukk bok ball bonde børste bro brønn
busk bukse båt sykkel dal dam dukke duk pute dør eik ekorn elefant einebær falk fat fjær fjell
sommerfugl flagg elv flåte flygel fontene fotball frukt fyr fugl gaffel gardin gate veps
sjiraff glass globus grind gran gress grotte gryte gull agurk gås hage hammer havn hare harpe
hatt havre hjort hylle bøtte honning hus hest høystakk pinnsvin isbit jakke jord juletre kake
kamel kanel kano kanin kart katt kjele klokke knapp kompass kurv krone kvern lam lampe land
laks løve leire lin linje lokomotiv luke lunsj lykt kasse malm mango mark teppe melon mel sky
mose mus mast maur motor nøkkel nøste natt nett oliven ost okse padle palme papir paraply
søyle penn pepper plomme pumpe puslespill påskelilje radio regn rein ring ris rose rot kålrot
rotte sal salt sand saks seil sild sølv sjø skall skjære skog sko skrue skje slott snegl snø
sol spade speil stol stein stjerne strand strømpe sopp svane sukker tak furu tavle te
teglstein timian tomat tårn tre trapp tranebær tommel tønne hane tog ugle ovn vogn hval vott
vase ved hvete vinter vind visp egg eng åre eple urt øre ørn øye blekk fløyte fiolin gitar
tromme kor vals polka sang dikt eventyr bilde farge kritt pensel due trane stær måke terne
lerke hauk gjøk kråke ravn hakkespett fasan rapphøne rype gaupe rev ulv elg rådyr bever oter
sel delfin
""".split())

EN = tuple("""
acorn anchor apple apricot arch atlas autumn badge bagel bakery balcony balloon bamboo banana
banjo barley barrel basket beacon beaver bell bench berry bicycle birch biscuit blanket bloom
boat bottle bramble breeze brick bridge brook brush bucket bugle button cabin cactus camel
candle canoe canyon carpet carrot castle cedar cello chalk cherry chess cider clover cloud
coast cobble comet compass copper coral cotton crane crayon cricket crystal cupboard daisy
desk dolphin donkey dove dragonfly drum eagle easel elbow elephant elm falcon feather fern
fiddle field finch flag flute forest fossil fountain fox garden garlic ginger giraffe glacier
globe goose granite grape gravel guitar hammer harbor harp hazel hedge heron hill honey
horizon hut iris island ivy jacket jam jelly kayak kettle kite kiwi ladder lake lantern lemon
lentil lily lime linen lobster lotus magnet maple marble meadow melon mitten moon moss
mountain mug mushroom nest nutmeg oak oasis olive onion orange orchard otter owl paddle palm
pancake panda paper parrot peach peanut pear pebble pelican pencil pepper piano pillow pine
planet plum pocket pond poppy potato pumpkin puzzle quilt rabbit radio rainbow raven reed
ribbon river robin rocket rose saddle sail salmon sand scarf seal shell ship shovel silver sky
sled snail snow sock sofa sparrow spoon spring squirrel star stone strawberry stream sugar
summer sun swan table teapot thistle thunder tiger timber toast tomato tower tractor train
tulip turnip turtle umbrella valley vase velvet violin wagon walnut whale wheat willow window
winter wolf wool yarn zebra beetle bison cobalt daffodil ember fjord galaxy hamster igloo
""".split())

WORDS: dict[str, tuple[str, ...]] = {"sv": SV, "nb": NB, "en": EN}
