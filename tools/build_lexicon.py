"""Build the lexicon data files of ``sluis.discover.lexicon`` (run at build time only).

Names, places and country names come from Faker's providers across many locales, plus the
hand-written lists below for the populations Faker lacks (Moroccan and Berber, Eritrean,
Somali, Afghan, Iranian, Kurdish, Syrian and Iraqi names in Latin script; Surinamese,
Antillean and Chinese surnames). Every entry is normalized the way
the runtime normalizes cells: trimmed, case-folded, accents stripped. Only Latin-script
entries are kept; Cyrillic names are transliterated first.

Common words are the most frequent Dutch and English words of ``wordfreq`` (Wikipedia,
subtitles, news, web text) that the Hunspell dictionaries of OpenTaal and SCOWL accept in lower
case (names are capitalized there, so ``Auke`` and ``Zijlstra`` drop out), less every known
name and place and words under four letters: an unknown capitalized word that is an ordinary
word ("Herinnering", "Wijziging") is then never taken for a name. Of those and the stopwords,
the words of English alone (the English dictionary has them, the Dutch one not) are listed too.

The output is committed, so the package never imports these at run time. The script needs
``pip install -e .[lexicon]`` (Faker, wordfreq, spylls) and Debian's ``hunspell-nl`` and
``hunspell-en-us``.

Usage: ``python tools/build_lexicon.py`` (writes into ``src/sluis/discover/lexicon/``).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from pathlib import Path

from sluis.discover.lexicon import normalize  # the one normalization lookups use

OUT = Path(__file__).resolve().parent.parent / "src" / "sluis" / "discover" / "lexicon"


def _words(block: str, sep: str | None = None) -> list[str]:
    """The entries of a hand-written block: whitespace- or ``sep``-separated."""
    if sep is None:
        return block.split()
    return [w.strip() for w in block.replace("\n", "").split(sep) if w.strip()]


NAME_LOCALES = (
    "nl_NL", "nl_BE", "en_GB", "en_US", "en_IE", "en_IN", "en_PK", "en_NG", "en_KE",
    "de_DE", "de_AT", "fr_FR", "fr_BE", "fr_DZ", "tr_TR", "az_AZ", "pl_PL", "uk_UA",
    "ru_RU", "bg_BG", "es_ES", "it_IT", "pt_PT", "pt_BR", "ro_RO", "hu_HU", "cs_CZ",
    "sk_SK", "hr_HR", "sl_SI", "lt_LT", "lv_LV", "sv_SE", "da_DK", "no_NO", "fi_FI",
    "id_ID", "sw", "yo_NG", "ha_NG", "ig_NG", "tw_GH", "zu_ZA", "vi_VN",
)  # fmt: skip
FIRST_ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
LAST_ATTRS = (
    "last_names", "last_names_male", "last_names_female", "male_last_names", "unisex_last_names",
)  # fmt: skip

_CYRILLIC = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэёъ",
        _words(
            "a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh shch _ iu ia y e e _"
        ),
        strict=True,
    )
)

# Populations Faker does not cover (Latin-script spellings as used in Dutch registers).
EXTRA_FIRST = _words("""
aaltje grietje neeltje trijntje geertje jantje hendrikje lijntje maartje
kees cor ton sjaak ruud rutger joop kobus bertus hein huib gijs hidde jelle sietse sybren
wietse tjeerd durk douwe hielke freek ties mees siem wessel stef koen joep guus pim dolf dries
fons rinus driek jaap jurre jurriaan lodewijk mathijs maurits olaf reinier rogier sander tijmen
valentijn wijnand annemiek ineke truus riet bep hennie marloes hanneke marjolein nel toos lenie
diny dinie gonny betsie sjaan ria tiny trees coby corrie hilde hester jantine janneke josien
klaartje lonneke maaike mariska merel mirthe nienke rianne saskia sietske sjoukje tjitske
wendelien willemijn wietske yvette femmy
roelof freerk geesje klaasje wiebe jildou sytske baukje froukje fokje minke lieuwe jannes
albertus harmen lammert meindert reinder ymke marrit hylke mien jitske hiltje geeske trientje
hillie roelie aukje janke jikke gerben gerlof hessel eelke popke romke wopke oene jouke gosse
haije hette jurjen kornelis luitzen oebele reitse rienk sieds sipke tjalling tjibbe uilke
wybren ypke yde eeltje jetze lambertus everhardus hendrikus bernardus theodorus fredericus
godefridus arnoldus meinte rindert tjerk wobbe hinke lysbeth wytske alie annigje dirkje
fenneke geertruida hendrika jacoba klasina lammigje willemina
mohamed mohammed muhammad mohammad mohamad ahmed ahmad hamid rachid rashid said saida youssef
yousef youssra yassin yassine yasmina yasmine amina aminata fatima fatma fatiha khadija khadija
nadia naima samira latifa zineb zainab imane iman ilham souad malika hanane bouchra houda hoda
ayoub anouar anwar bilal ismail soufiane sofian nordin redouan redouane mimoun driss abdelkader
abdellah abdelhak abdelaziz abdelali noureddine nourdin jamal jamila khalid khaled omar othman
tarik tariq zakaria hamza mehdi brahim lahcen idir massinissa tiziri thiziri dihya yuba anir
numidia siham loubna fadoua hayat rajae mounir hicham aziz adil asmae meryem mariam maryam salma
sanae wafae ikram chaima oumaima ghizlane aicha aisha touria hafsa hajar nisrine ouissal rachida
mustapha mustafa abdel abdou karim karima hakim hakima najib najat nawal rkia zohra mina hassan
hussein houssein younes younès ilias ilyas amine yahya yahia abderrahim abderrahman abdessamad
tesfay tesfaye tesfalem yonas yohannes dawit daniel samuel filmon senait selam helen mebrahtu
mehari mulugeta berhane berhe kidane tekle haile ghebre habte hagos abraha amanuel efrem eyob
fitsum goitom kibrom merhawi natnael robel semere teklay tsegay weldu yemane zerai aster azieb
elsa feven hiwet lemlem luwam milena mihret nebiat saba segen selamawit tsega winta yordanos
ruta rahel hermon semhar sara senay simon tedros tesfom yosief mussie mikiele awet biniam
abdi abdirahman abdullahi abdulkadir abdirizak hussein farah warsame jama nur yusuf aden dahir
guled hirsi mahamud musse shire hodan halima hawa ayaan asha fadumo faduma hibo ifrah ilhan
khadra maryan muna nasra sahra sagal ubah ladan deeqa ikran amran hamdi farhan liban mustafe
abshir bashir sadia hamse idil istar najma safiya zamzam
abdul farid farhad jawad javid mahmood mahmoud massoud mirwais mujtaba nasir naveed rahim
sayed shafiq sohail wahid zabiullah zalmai zarghuna fereshta freshta lima marzia mursal nargis
parwana shabnam shakila sima soraya tahmina wajma zahra zarifa ali reza hossein mehdi morteza
ahmadshah habib habibullah hamidullah nazanin parisa roya setareh shirin leila laila
alaa amjad anas bashar fadi firas ghassan hadi haitham hussam ibrahim jamil louai majd mazen
nabil qusai rami rasha reem rania ruba sami samer tarek wael walid yaser yasser zaid ziad amal
aya dana dima ghada hala heba huda lama lina maha manal nour noor rana rawan sahar salwa sawsan
suha waad yasmin zeina bayan batoul ghazal hiba joudi layla marwa nada rima shaimaa
oleksandr oleksandra olena oksana mykola mykhailo andrii serhii taras bohdan vasyl volodymyr
yulia yuliia iryna kateryna nataliia svitlana tetiana viktoriia halyna liudmyla dmytro
dariush daryoush behnam behrouz behzad bijan bahram siamak shahram shahrokh kamran keyvan
kiarash kaveh kourosh koorosh arash omid payam pouya pejman peyman ramin mehran mehrdad mohsen
masoud navid nima parviz pedram sina soroush amirhossein afshin ardalan arman ashkan farshid
farzad hamed majid saeed saeid vahid azadeh niloufar niloofar nilofar mahsa sepideh neda
fereshteh bahar elham elnaz fariba farnaz forough golnaz haleh hengameh homa mahnaz mahtab
mandana marjan minoo mitra mojgan nahid nasrin negar negin nasim pardis parvaneh pegah sanaz
shadi shahla shiva simin soheila sudabeh taraneh yasaman yalda zohreh ziba tahereh farideh
fatemeh masoumeh somayeh atefeh
zabihullah naweed nawid ajmal aimal asadullah fawad hekmat jawid mansoor nasrullah najibullah
rahmatullah shahid samiullah yama zahir ehsan ehsanullah fahim hasib jamshid murtaza obaid
qasim rohullah sohrab tamim waheed zakir zubair parwiz hasina mahbooba malalai palwasha
pashtana qudsia rabia shukria sodaba wazhma zarmina zuhra
bassel basel nizar ammar joud ayham baraa ghaith iyad kinan laith maher marwan mohannad
muhannad nawar osama qais rabih rakan riad saad safwan salah samir suhail taha tamer wassim
yamen yazan abdulrahman abdullah abdulaziz abdulkarim ayat bushra doaa hanan israa jana
joumana lamis lana lubna maysa mayada raghad rahaf rama razan safaa sham shahd tala wafaa yara
hind nisreen nesrine asmaa amani ghofran hadeel lujain ranim rouba sidra
rojin berivan dilan zilan rojda hevin delal jiyan baran azad rizgar rebwar sherwan shirwan
hogir dilshad kawa serhat zagros renas shiyar hawar aram hemin karwan soran
ashwin anand radjesh rakesh sunil sandjai ravi vinod dinesh kiran priya shanti sharda sita
roshni reshma kavita indira nirmala gita devika sanjay vishal amit ajay kishan ramesh suresh
mahesh navin rajen soenil radj anil prem sharmila sangita sunita varsha soekarni sarinah
soeminah ponirah paidjan
shurandy churandy jurich jurick shermaine sherida shudaysa jeandro gisenny ruthmilda
""")

EXTRA_LAST = _words("""
amrani el-amrani idrissi el-idrissi bouzid benali khattabi azzouzi boukhari ouali amrani
haddouchi bakkali tahiri alaoui chaouki ouchan aboutaleb marcouch ahmadi belhaj yassini ziani
zaoui bouchtaoui akachar azarkan ouardi mansouri lamrani belkadi bouali bouzidi boujdaini
achahbar aarab abdellaoui aharouay ait-ali ait-hamou benaissa benhaddou bouabdellah boulal
bouhali chakir dahmani elhadioui essafi ezzahraoui fassi hadi hammouti harrak jaouhari kaddouri
kasmi kharbouch lahlali mahdaoui meziane moussaoui ouazzani rifi saidi tahri tazi yousfi zerouali
gebremedhin tesfamariam ghebreyesus woldemichael haile kahsay andemariam tewolde habtemariam
mengistu araya asmelash berhane gebrehiwet kidane mesfin negash okbay teklehaimanot tekeste
woldu zeray yemane tesfazghi ghirmay haileselassie gebremariam weldemariam tesfamichael
abdi abdullahi warsame jama hirsi mahamud musse shire sharmarke egal guled dahir nur farah
osman omar ali aden yusuf ismail mohamud abdirahman
ahmadzai popal karimi rahimi hakimi sultani noori nazari hashimi wardak popalzai durrani
barakzai safi stanekzai rahmani haidari sadat amiri azizi habibi hosseini jafari mohammadi
rezaei samadi zahir zaheer sharifi qaderi yousufzai mohseni
masri al-masri al-ahmad al-hassan al-khatib al-hussein haddad khoury darwish hamdan kassab
mansour nasser othman saleh shami sabbagh hijazi halabi jaber najjar qasim rifai zein abboud
ibrahim aziz al-ali al-hamoud al-issa al-jasem kurdi mousa shaheen hamoud
yilmaz kaya demir sahin celik yildiz yildirim ozturk aydin ozdemir arslan dogan kilic aslan
cetin kara koc kurt ozkan simsek polat ozcan korkmaz cakir erdogan yavuz can acar sen aktas
guler yalcin gunes bozkurt bulut keskin unal turan gul ozer isik kaplan avci sari tekin tas
kose yuksel ates aksoy
shevchenko kovalenko bondarenko tkachenko kravchenko oliinyk melnyk koval boiko moroz lysenko
kowalski kowalska nowak wisniewski wojcik kaminski lewandowski zielinski szymanski wozniak
ghorbani kazemi tehrani esfahani shirazi bagheri farahani zand daneshvar moradi sadeghi
hashemi karimi rostami abbasi akbari amini asadi ebrahimi emami fallahi ghasemi heidari jalali
kamali khalili khademi mahmoudi mirzaei mousavi najafi naderi nouri rashidi safavi salehi
shahbazi soltani tavakoli yazdani zamani zarei alavi ansari bahrami darvishi ghaffari
hajizadeh hosseinzadeh kazemzadeh khosravi mohammadzadeh moghaddam pourmohammadi rouhani
taheri vaziri razavi keshavarz sohrabi
stanikzai noorzai karzai mohmand yousafzai zazai hotak sahak naseri faizi hamidi
zaher kassem qassem barakat khalil hussein ismail khatib al-shami al-halabi hassoun tamimi
obeid fares kanaan diab dib awad hijazi attar bakri jaafar issa salloum suleiman
barzani talabani hawrami zebari mirani doski sindi berwari
ramdin jagesar ramsaroep kalloe sewdien ramlal mahabier ramdas ramcharan bisessar jhinkoe
baldewsingh sitaldin soekhai ramautar doerga autar gajadhar lachmon nankoe raghoebir
ramkisoen sardjoe sewnarain soekhoe jairam jiawan kanhai matadin moensi oedit panday persad
radjkoemar rambaran ramdhani ramnath ramkhelawan sewcharan sheombar soebhag somai tewarie
karijo kartoidjojo sastrodimedjo wongsodikromo pawirodihardjo dikromo soemodihardjo
kromodihardjo ponidjo
wijngaarde eersteling vanenburg pinas sedney kerpens doelwijt emanuelson leeflang zebeda
martina maduro isenia rosalia girigorie felida francisca winklaar cijntje pieternella
marchena sulvaran victorina statie josepha
chen wang zhang zhao zhou huang yang cheung leung wong chan
""")

PARTICLES = _words(
    """
van|de|der|den|van de|van der|van den|van het|van 't|ter|ten|te|in 't|in de|in den|in het|
op de|op den|op ten|op 't|uit de|uit den|aan de|aan den|aan het|bij de|onder de|over de|
von|von der|zu|vom|la|le|du|da|di|del|della|dos|das|des|d'|l'|
el|al|el-|al-|ben|bin|bint|ibn|abu|abou|bou|ait|ou|ould|o'|o|ni|nic|mac|mc|ua
""",
    "|",
)

SALUTATIONS = _words(
    """
mevrouw|mevr|mevr.|mw|mw.|mej|mej.|juffrouw|juf|meester|meneer|mijnheer|de heer|dhr|dhr.|hr.|
heer|geachte|beste|lieve|familie|fam.|fam|mr.|mr|dr.|dr|drs.|drs|ir.|ir|ing.|prof.|mrs.|mrs|ms.|ms|miss|sir|
madame|mme|monsieur|m.|herr|frau|client|cliente|clienten|klant|aanvrager|aanvraagster|
betrokkene|belanghebbende|naam|voornaam|achternaam|echtgenote|echtgenoot|zoon|dochter|moeder|
vader|broer|zus|partner|cc|t.a.v.|t.a.v|tav|dear|name|mr|mrs|patient|patiente|huurder|bewoner|
bewoonster|verzoeker|verzoekster|bezwaarmaker|contactpersoon|tenant|applicant|pt|pt.
""",
    "|",
)

ORGANIZATIONS = _words(
    """
albert heijn|jumbo|lidl|aldi|plus|hema|kruidvat|action|blokker|bol.com|coolblue|ikea|
gemeente|ministerie|provincie|waterschap|rijksoverheid|belastingdienst|duo|ind|uwv|svb|cak|cjib|
rdw|kvk|coa|ggd|rvig|brp|nuffic|politie|koninklijke marechaussee|rechtbank|gerechtshof|
hoge raad|raad van state|tweede kamer|eerste kamer|ns|prorail|gvb|ret|htm|kpn|vodafone|ziggo|
ing|abn amro|rabobank|sns|asn|triodos|knab|bunq|philips|shell|unilever|heineken|ahold|
vluchtelingenwerk|rode kruis|leger des heils|stichting|vereniging|bv|b.v.|nv|n.v.|vof|
universiteit|hogeschool|ziekenhuis|huisarts|apotheek|school|college|academie|instituut|
centrum|bureau|dienst|afdeling|team|bank|holding|groep|group|inc|ltd|gmbh|company|
toyota|opel|volkswagen|peugeot|citroen|hyundai|fiat|bmw|audi|volvo|nissan|mazda|suzuki|
dacia|yaris|corsa
""",
    "|",
)

# Words that are capitalized in Dutch notes without being names (and not in Faker's lorem).
STOPWORDS = _words("""
de het een en of maar dat die dit deze dan als om te van voor met aan op in uit bij naar tot
door over onder tegen tussen zonder na sinds tijdens wegens volgens namens per via ik jij je
u hij zij ze wij we jullie hun hen haar hem mijn zijn ons onze uw wie wat waar wanneer hoe
waarom welke niet geen wel ook nog al er hier daar toen nu dus want omdat hoewel terwijl
januari februari maart april mei juni juli augustus september oktober november december
feb mrt apr jun jul aug sep sept okt nov dec maandag dinsdag woensdag donderdag vrijdag
zaterdag zondag ma di wo do vr za zo vandaag gisteren morgen overmorgen week maand jaar
gemeente ministerie cliënt client klant aanvraag dossier besluit brief mail email e-mail telefoon
afspraak gesprek notitie opmerking toelichting bijlage artikel hoofdstuk paragraaf kamer
pagina versie status datum tijd adres postcode woonplaats straat huisnummer geboortedatum
nationaliteit geslacht burgerservicenummer bsn iban paspoort diploma uitkering toeslag
betreft onderwerp kenmerk referentie ons uw geachte beste groet groeten vriendelijke
met mvg hartelijke dank bedankt graag svp zie nb ps cc bcc re fw fwd aanvrager
noord oost zuid west centrum nederland europa wet regeling beleid procedure
team afdeling directie manager medewerker behandelaar consulent casemanager
the a an and or but of to in on at for with from by as is are was were be this that these
monday tuesday wednesday thursday friday saturday sunday january february march june july
august october november december please regards dear thanks kind best
zit ligt moet had werd zat lag eet ging zei zal zag hoeft wil wilde kan ga doe ben liet
ivm mbt ipv evt zsm tzt obv ihkv borg borgsom
aanvraagster begeleidster belanghebbende betrokkene bewindvoerder echtgenoot echtgenote
gemachtigde hoofdhuurder huisbezoek jeugdconsulent klantmanager leerplichtambtenaar mentor
onderhuurder pleegmoeder pleegvader schuldhulpverlener wijkagent
wmo jeugdwet participatiewet bijstand schuldhulp schuldhulpverlening schuldsanering wsnp bbz
ioaw ioaz aow anw wia wajong wlz zvw awbz toeslagen huurtoeslag zorgtoeslag kinderopvangtoeslag
inburgering leerplicht jeugdzorg jeugdhulp beschermingsbewind bewindvoering
ondergetekende ondergetekenden huurder huurders verhuurder gemachtigden jeugdige
ok oke ja nee prima goed slecht nieuw oud eerste tweede derde laatste volgende vorige
mag kunt wilt zult heeft hebt heb wordt moest kon mocht neemt opent belt belde komt gaat
stuurt vraagt geeft zegt actie goedemiddag goedemorgen goedenavond hallo hoi melder meldkamer
documents desktop downloads pictures appdata roaming programs program files temp public scans
export bezwaar aanvragen beschikking loonstrook paspoort intake formulier pdf doc docx xls xlsx
csv txt jpg jpeg png tif tiff msg eml zip odt
""")

# Places outside Faker's nl_NL list (city names people write) and major cities of birth.
EXTRA_NL_PLACES = _words(
    """
den haag|'s-gravenhage|s-gravenhage|'s-hertogenbosch|s-hertogenbosch|den bosch|
den helder|den burg|'t zandt|'s-heerenberg|'s-gravendeel|'s-gravenzande|
amsterdam|rotterdam|utrecht|eindhoven|groningen|tilburg|almere|breda|nijmegen|apeldoorn|
haarlem|arnhem|enschede|amersfoort|zaanstad|haarlemmermeer|zwolle|zoetermeer|leiden|
maastricht|dordrecht|ede|alphen aan den rijn|westland|alkmaar|emmen|delft|venlo|deventer|
sittard-geleen|helmond|oss|amstelveen|hilversum|sudwest-fryslan|heerlen|hoorn|leeuwarden|
lelystad|purmerend|schiedam|vlaardingen|gouda|zeist|almelo|capelle aan den ijssel|veenendaal|
nissewaard|katwijk|roosendaal|hengelo|bergen op zoom|kampen|assen|middelburg|vlissingen|
goes|terneuzen|den haag centrum|rijswijk|nieuwegein|houten|ijsselstein|woerden|maarssen
""",
    "|",
)

WORLD_CITIES = _words(
    """
damascus|aleppo|homs|hama|latakia|idlib|deir ez-zor|raqqa|daraa|qamishli|asmara|keren|massawa|
mendefera|dekemhare|addis ababa|addis abeba|gondar|mekelle|khartoum|kabul|herat|kandahar|
mazar-i-sharif|jalalabad|kunduz|ghazni|istanbul|ankara|izmir|bursa|antalya|konya|gaziantep|
kayseri|diyarbakir|adana|trabzon|casablanca|rabat|fez|fes|marrakech|marrakesh|tanger|tangier|
tetouan|nador|al hoceima|oujda|agadir|meknes|kenitra|berkane|mogadishu|hargeisa|kismayo|
baidoa|bosaso|baghdad|basra|mosul|erbil|kirkuk|sulaymaniyah|najaf|tehran|mashhad|isfahan|
shiraz|tabriz|ahvaz|beirut|tripoli|amman|gaza|cairo|alexandria|tunis|algiers|oran|
paramaribo|willemstad|oranjestad|kralendijk|philipsburg|luanda|kinshasa|lagos|accra|
nairobi|kampala|dakar|lima|bogota|caracas|sao paulo|rio de janeiro|buenos aires|mexico city|
kyiv|kiev|kharkiv|odesa|odessa|lviv|dnipro|zaporizhzhia|mykolaiv|moscow|warsaw|warszawa|
krakow|wroclaw|gdansk|poznan|lodz|bucharest|sofia|budapest|prague|bratislava|vilnius|riga|
tallinn|minsk|belgrade|zagreb|sarajevo|tirana|pristina|skopje|athens|rome|milan|madrid|
barcelona|lisbon|porto|paris|lyon|marseille|brussels|brussel|bruxelles|antwerpen|antwerp|
gent|ghent|luik|liege|berlin|hamburg|munchen|munich|keulen|cologne|dusseldorf|frankfurt|
london|manchester|birmingham|dublin|new york|los angeles|chicago|toronto|sydney|beijing|
shanghai|hong kong|tokyo|delhi|new delhi|mumbai|karachi|lahore|islamabad|dhaka|colombo|
manila|jakarta|bandung|surabaya|yogyakarta|hanoi|ho chi minh city|bangkok|yerevan|tbilisi|baku
""",
    "|",
)

# Nationality adjectives and demonyms, Dutch and English, per ISO alpha-3 code.
NATIONALITIES = {
    "NLD": "nederlandse|nederlands|nederlander|dutch",
    "BEL": "belgische|belgisch|belg|belgian",
    "DEU": "duitse|duits|duitser|german",
    "FRA": "franse|frans|fransman|french",
    "GBR": "britse|brits|brit|british",
    "IRL": "ierse|iers|irish",
    "ESP": "spaanse|spaans|spanish",
    "PRT": "portugese|portugees|portuguese",
    "ITA": "italiaanse|italiaans|italian",
    "GRC": "griekse|grieks|greek",
    "POL": "poolse|pools|polish",
    "ROU": "roemeense|roemeens|romanian",
    "BGR": "bulgaarse|bulgaars|bulgarian",
    "HUN": "hongaarse|hongaars|hungarian",
    "CZE": "tsjechische|tsjechisch|czech",
    "SVK": "slowaakse|slowaaks|slovak",
    "HRV": "kroatische|kroatisch|croatian",
    "SRB": "servische|servisch|serbian",
    "BIH": "bosnische|bosnisch|bosnian",
    "ALB": "albanese|albanees|albanian",
    "MKD": "macedonische|macedonisch|macedonian",
    "LTU": "litouwse|litouws|lithuanian",
    "LVA": "letse|lets|latvian",
    "EST": "estse|ests|estonian",
    "UKR": "oekraiense|oekraiens|oekraïense|ukrainian",
    "RUS": "russische|russisch|russian",
    "BLR": "wit-russische|belarussische|belarusian",
    "MDA": "moldavische|moldovan",
    "GEO": "georgische|georgian",
    "ARM": "armeense|armeens|armenian",
    "AZE": "azerbeidzjaanse|azerbaijani",
    "TUR": "turkse|turks|turk|turkish",
    "SYR": "syrische|syrisch|syrian",
    "IRQ": "iraakse|iraaks|iraqi",
    "IRN": "iraanse|iraans|iranian",
    "AFG": "afghaanse|afghaans|afghan",
    "PAK": "pakistaanse|pakistaans|pakistani",
    "IND": "indiase|indiaas|indian",
    "BGD": "bengaalse|bangladeshi",
    "LKA": "srilankaanse|sri lankaanse|sri lankan",
    "CHN": "chinese|chinees|chinese",
    "VNM": "vietnamese|vietnamees|vietnamese",
    "IDN": "indonesische|indonesisch|indonesian",
    "PHL": "filipijnse|filipino",
    "LBN": "libanese|libanees|lebanese",
    "JOR": "jordaanse|jordanian",
    "PSE": "palestijnse|palestijns|palestinian",
    "ISR": "israelische|israeli",
    "SAU": "saoedische|saudi",
    "YEM": "jemenitische|yemeni",
    "EGY": "egyptische|egyptisch|egyptian",
    "LBY": "libische|libyan",
    "TUN": "tunesische|tunisian",
    "DZA": "algerijnse|algerian",
    "MAR": "marokkaanse|marokkaans|marokkaan|moroccan",
    "SDN": "soedanese|sudanese",
    "SSD": "zuid-soedanese|south sudanese",
    "ERI": "eritrese|eritreese|eritrees|eritrean",
    "ETH": "ethiopische|ethiopisch|ethiopian",
    "SOM": "somalische|somalisch|somali",
    "KEN": "keniaanse|kenyan",
    "UGA": "oegandese|ugandan",
    "NGA": "nigeriaanse|nigerian",
    "GHA": "ghanese|ghanees|ghanaian",
    "CMR": "kameroense|cameroonian",
    "COD": "congolese|congolees|congolese",
    "AGO": "angolese|angolan",
    "GIN": "guineese|guinean",
    "SLE": "sierra leoonse|sierra leonean",
    "ZAF": "zuid-afrikaanse|south african",
    "SUR": "surinaamse|surinaams|surinamese",
    "USA": "amerikaanse|amerikaans|american",
    "CAN": "canadese|canadees|canadian",
    "BRA": "braziliaanse|braziliaans|brazilian",
    "COL": "colombiaanse|colombian",
    "VEN": "venezolaanse|venezuelan",
    "AUS": "australische|australian",
    "JPN": "japanse|japans|japanese",
    "KOR": "koreaanse|korean",
    "THA": "thaise|thai",
    "XXA": "staatloos|staatloze|stateless|onbekend|onbekende|unknown|vastgesteld onbekend",
}

GENDER = _words(
    """
m|v|f|x|o|u|man|vrouw|male|female|mannelijk|vrouwelijk|jongen|meisje|men|women|
onbekend|unknown|anders|other|non-binair|non-binary|nonbinary|divers|niet gespecificeerd|
not specified|mevr|dhr|mw|de heer|mevrouw
""",
    "|",
)

EXTRA_COUNTRIES = _words(
    """
nederland|holland|the netherlands|netherlands|koninkrijk der nederlanden|belgie|belgium|
duitsland|germany|verenigd koninkrijk|united kingdom|uk|engeland|england|schotland|scotland|
verenigde staten|united states|usa|amerika|syrie|syria|eritrea|ethiopie|ethiopia|somalie|
somalia|afghanistan|irak|iraq|iran|turkije|turkey|turkiye|marokko|morocco|oekraine|ukraine|
rusland|russia|polen|poland|soedan|sudan|jemen|yemen|libanon|lebanon|palestina|palestine|
egypte|egypt|tunesie|tunisia|algerije|algeria|libie|libya|suriname|curacao|aruba|bonaire|
sint maarten|china|india|pakistan|indonesie|indonesia|staatloos|stateless|onbekend|unknown
""",
    "|",
)

STREET_SUFFIXES = _words(
    """
straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|dreef|steeg|baan|boulevard|ring|
markt|wal|haven|park|plantsoen|erf|hoven|oord|allee|promenade|passage|galerij|straatweg|
rijweg|wetering|vaart|kanaal|zijde|tuin|tuinen|gaarde|hofje|dwarsstraat|dam
""",
    "|",
)

# Words that start a multi-word street name ("Laan van Meerdervoort", "Korte Nieuwstraat").
STREET_WORDS = _words(
    """
laan|plein|kade|singel|dijk|hof|dreef|markt|wal|haven|ring|weg|straat|gracht|steeg|pad|park|
plantsoen|boulevard|burgemeester|burg.|dokter|dr.|prins|prinses|koning|koningin|graaf|
gravin|hertog|sint|st.|korte|lange|oude|nieuwe|hoge|lage|kleine|grote|achter|voor|binnen|
buiten|noorder|zuider|ooster|wester|president|generaal|kapitein|pastoor|professor|prof.|
mr.|mgr.|plaats|erf|hoven
""",
    "|",
)

# Verbs a note writes right after the person it is about, as the sentence's subject.
SUBJECT_VERBS = _words(
    """
begrijpt|belde|belt|bleef|blijft|dacht|deed|denkt|doet|eet|ervaart|gaat|gaf|geeft|ging|had|
hebben|heeft|hoort|is|kan|kijkt|komt|kon|kreeg|krijgt|kwam|laat|liep|liet|loopt|mag|mailde|
mailt|meldde|meldt|mocht|moest|moet|nam|neemt|ontvangt|ontving|reageerde|reageert|slaapt|
speelt|staat|stond|stuurde|stuurt|vertelde|vertelt|vindt|voelde|voelt|volgt|vond|
vraagt|vroeg|was|weet|werd|werkt|werkte|wil|wilde|wist|woonde|woont|wordt|zal|zat|zegt|zei|
zit|zoekt|zou|maakt|maakte|huilt|huilde|lacht|lachte|praat|praatte|drinkt|ligt|lag|leest|
schrijft|tekent|fietst|zwemt|groeit|groeide|oogt|lijkt|leek|toont|weigert|weigerde|durft|durfde|
kent|kende|spreekt|sprak|heeft|zag|ziet|zoekt|geniet|speelde|sliep|at|dronk|kreeg|vertoont|
vertoonde|gedraagt|gedroeg|scoort|scoorde|oefent|oefende|ontwikkelt|ontwikkelde
""",
    "|",
)


def transliterate(text: str) -> str:
    """Latin spelling of a Cyrillic name (passport-style, simplified)."""
    out = "".join(_CYRILLIC.get(c, c) for c in text.casefold())
    return out.replace("_", "")


_LATIN = re.compile(r"'?[a-z][a-z' .-]*[a-z.]")


def clean(values: Iterable[str]) -> set[str]:
    """Normalized, Latin-script, non-empty entries."""
    out: set[str] = set()
    for value in values:
        word = normalize(transliterate(value))
        if _LATIN.fullmatch(word):
            out.add(word)
    return out


def faker_names(attrs: tuple[str, ...]) -> set[str]:
    names: set[str] = set()
    for locale in NAME_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ModuleNotFoundError:
            continue
        for attr in attrs:
            names |= clean(getattr(provider, attr, ()))
    return names


def faker_attr(module: str, attr: str) -> list[str]:
    return list(getattr(importlib.import_module(module).Provider, attr))


# How many of wordfreq's most frequent words count as common, per language.
COMMON_WORDS = {"nl": 30_000, "en": 10_000}


HUNSPELL = {"nl": "/usr/share/hunspell/nl", "en": "/usr/share/hunspell/en_US"}


def common_words() -> set[str]:
    wordfreq = importlib.import_module("wordfreq")
    hunspell = importlib.import_module("spylls.hunspell").Dictionary
    words: set[str] = set()
    proper: set[str] = set()  # stems the dictionaries list capitalized: "Marjolein", "Smit"
    for lang, n in COMMON_WORDS.items():
        dictionary = hunspell.from_files(HUNSPELL[lang])
        words |= clean(w for w in wordfreq.top_n_list(lang, n) if dictionary.lookup(w))
        stems = Path(HUNSPELL[lang] + ".dic").read_text("utf-8").splitlines()[1:]
        proper |= clean(s.split("/")[0] for s in stems if s[:1].isupper())
    return {w for w in words - proper if len(w) > 3}


def english_words(candidates: set[str]) -> set[str]:
    """The ``candidates`` English's dictionary accepts in lower case and Dutch's does not
    ("floor", "joy"; not "storm" or "hope", Dutch too)."""
    hunspell = importlib.import_module("spylls.hunspell").Dictionary
    english, dutch = (hunspell.from_files(HUNSPELL[lang]) for lang in ("en", "nl"))
    return {w for w in candidates if english.lookup(w) and not dutch.lookup(w)}


def write(out: Path, name: str, entries: Iterable[str]) -> None:
    lines = sorted({e for e in entries if e})
    (out / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(out: Path = OUT, common: bool = True) -> None:
    """Write every data file into ``out`` (``common_words`` only with ``common``: it needs
    wordfreq, spylls and the Hunspell dictionaries)."""
    particles = {normalize(p) for p in PARTICLES}
    particle_words = {w.rstrip("-") for p in particles for w in p.split()} | {"het"}
    stop = clean(STOPWORDS)
    for locale in ("nl_NL", "en_US"):
        stop |= clean(faker_attr(f"faker.providers.lorem.{locale}", "word_list"))
    dt = importlib.import_module("faker.providers.date_time.nl_NL").Provider
    stop |= clean(list(dt.DAY_NAMES.values()) + list(dt.MONTH_NAMES.values()))

    first = (faker_names(FIRST_ATTRS) | clean(EXTRA_FIRST)) - particles
    # Hyphenated surnames are split at run time; keep the parts, drop one-letter noise.
    last: set[str] = set()
    for name in faker_names(LAST_ATTRS) | clean(EXTRA_LAST):
        last.add(name)
        last |= {
            p for p in re.split(r"[ -]", name) if len(p.strip("'")) > 1 and p not in particle_words
        }
    last = {n for n in last if len(n) > 1} - particles

    countries = clean(faker_attr("faker.providers.address.nl_NL", "countries"))
    countries |= clean(faker_attr("faker.providers.address.en_US", "countries"))
    countries |= clean(EXTRA_COUNTRIES)
    codes = clean(faker_attr("faker.providers.address", "alpha_2_country_codes"))
    codes |= clean(faker_attr("faker.providers.address", "alpha_3_country_codes"))
    nationalities = {normalize(a) for v in NATIONALITIES.values() for a in v.split("|")}

    places = clean(faker_attr("faker.providers.address.nl_NL", "cities")) | clean(EXTRA_NL_PLACES)
    places -= countries  # "Nederland" is also a hamlet; as a cell it is the country
    known = first | last | places | countries | nationalities | particle_words
    known |= {normalize(s).rstrip(".") for s in SALUTATIONS}
    write(out, "first_names", first)
    write(out, "last_names", last)
    write(out, "particles", particles)
    write(out, "salutations", {normalize(s) for s in SALUTATIONS})
    write(out, "organizations", {normalize(s) for s in ORGANIZATIONS})
    write(out, "stopwords", stop)
    write(out, "note_words", clean(STOPWORDS))
    if common:
        words = common_words() - known - stop
        write(out, "common_words", words)
        # The words of English alone, less those Dutch notes use (the hand-written list).
        write(out, "english_words", english_words(words | stop) - clean(STOPWORDS))
    write(out, "places_nl", places)
    write(out, "places_world", clean(WORLD_CITIES))
    write(out, "countries", countries)
    write(out, "country_codes", codes | {c.casefold() for c in NATIONALITIES})
    write(out, "nationalities", nationalities)
    write(out, "genders", {normalize(g) for g in GENDER})
    write(out, "street_suffixes", clean(STREET_SUFFIXES))
    write(out, "street_words", clean(STREET_WORDS))
    write(out, "subject_verbs", clean(SUBJECT_VERBS))


if __name__ == "__main__":
    main()
