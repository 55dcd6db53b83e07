"""The words of English number writing, for quantities.py: number words, scales, money,
units, qualifiers, and the words around a number that make it a label, a date or a change.

Data only, kept apart so that the rules in quantities.py read as rules. Tables are written as
"canonical: spelling|spelling" lines, so a new spelling is a one-word edit.
"""

from __future__ import annotations

import re


def _split(words: str) -> list[str]:
    return words.split()


def _spellings(table: str) -> dict[str, str]:
    """ "canonical: spelling|spelling" lines -> {spelling: canonical}."""
    names: dict[str, str] = {}
    for line in table.strip().splitlines():
        canonical, spellings = line.split(": ", 1)
        names.update(dict.fromkeys(spellings.strip().split("|"), canonical.strip()))
    return names


# ---- number words ------------------------------------------------------------------------------

UNITS_WORDS = {
    word: value
    for value, word in enumerate(
        _split(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
} | {"nought": 0, "naught": 0}
TENS_WORDS = {
    word: 10 * (index + 2)
    for index, word in enumerate(_split("twenty thirty forty fifty sixty seventy eighty ninety"))
}
SCALE_WORDS = {
    "thousand": 1e3,
    "lakh": 1e5,
    "million": 1e6,
    "crore": 1e7,
    "billion": 1e9,
    "trillion": 1e12,
}
DENOMINATORS = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4} | {
    word + plural: index + 3
    for index, word in enumerate(_split("third fourth fifth sixth seventh eighth ninth tenth"))
    for plural in ("", "s")
}
# "dozens of", "thousands of": a vague plural spans one order of its base, [N, 10N).
VAGUE_PLURALS = {
    "dozens": 12,
    "scores": 20,
    "hundreds": 1e2,
    "thousands": 1e3,
    "tens of thousands": 1e4,
    "hundreds of thousands": 1e5,
    "millions": 1e6,
    "tens of millions": 1e7,
    "hundreds of millions": 1e8,
    "billions": 1e9,
    "tens of billions": 1e10,
    "hundreds of billions": 1e11,
}
UNICODE_FRACTIONS = {
    "½": 1 / 2,
    "¼": 1 / 4,
    "¾": 3 / 4,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "⅛": 1 / 8,
    "⅙": 1 / 6,
}
# scales written after digits: "1.2 million", "10k", "£2.7m", "2mil", "13 lakh"
SCALE_AFTER = (
    SCALE_WORDS
    | {"hundred": 1e2, "dozen": 12}
    | dict.fromkeys(_split("mn mln mil mm"), 1e6)
    | dict.fromkeys(_split("bn bln"), 1e9)
    | dict.fromkeys(_split("tn tln"), 1e12)
    | {
        "k": 1e3,
        "m": 1e6,
        "b": 1e9,
    }
)
NUMBER_WORDS = frozenset({*UNITS_WORDS, *TENS_WORDS, *SCALE_WORDS, "hundred", "dozen"})

# ---- money -------------------------------------------------------------------------------------

CURRENCY_SYMBOLS = _spellings(
    """
    USD: $|us$|$us|us $|u.s. $
    AUD: a$|au$|aud$
    CAD: c$|ca$|cad$
    NZD: nz$|nzd$
    HKD: hk$|hkd$
    SGD: s$|sgd$
    MXN: mxn$|mex$
    BTC: ₿
    CRC: ₡
    GEL: ₾
    LAK: ₭
    CNY: 元
    TWD: nt$
    BRL: r$
    GBP: £
    EUR: €
    JPY: ¥
    INR: ₹|rs|rs.
    KRW: ₩
    ILS: ₪
    TRY: ₺
    RUB: ₽
    MYR: rm
    """
)
CURRENCY_CODES = frozenset(
    _split(
        "USD GBP EUR JPY CNY INR AUD CAD NZD HKD SGD CHF ILS MYR MXN TRY ZAR BRL RUB KRW SEK "
        "NOK DKK PLN THB NGN AED SAR TWD BTC"
    )
)
CURRENCY_WORDS = _spellings(
    """
    USD: dollar|dollars
    GBP: pound|pounds|sterling
    EUR: euro|euros
    JPY: yen
    CNY: yuan|renminbi
    INR: rupee|rupees
    CHF: franc|francs
    ILS: shekel|shekels
    MYR: ringgit
    MXN: peso|pesos
    TRY: lira
    ZAR: rand
    BRL: real|reais
    RUB: rouble|roubles|ruble|rubles
    KRW: won
    SEK: krona|kronor
    NOK: krone|kroner
    PLN: zloty
    THB: baht
    NGN: naira
    AED: dirham|dirhams
    SAR: riyal|riyals
    BTC: bitcoin|bitcoins
    GBX: pence|penny
    USc: cent|cents
    """
)
# "Australian dollars", "Chinese yuan": the country names the currency.
CURRENCY_NATIONS = _spellings(
    """
    USD: us|u.s.|american
    AUD: australian
    CAD: canadian
    NZD: new zealand
    HKD: hong kong
    SGD: singapore|singaporean
    TWD: taiwan|taiwanese
    CNY: chinese
    JPY: japanese
    INR: indian
    PKR: pakistani
    CHF: swiss
    MXN: mexican
    TRY: turkish
    ZAR: south african
    ILS: israeli
    BRL: brazilian
    RUB: russian
    SEK: swedish
    NOK: norwegian
    DKK: danish
    MYR: malaysian
    GBP: british
    """
)
AMBIGUOUS_CURRENCY_WORDS = frozenset({"real", "won", "rand"})  # money only after a country
SMALL_CHANGE = frozenset({"cent", "cents", "pence", "penny"})

# ---- units -------------------------------------------------------------------------------------

# spellings matched whole and case-insensitively
UNIT_NAMES = _spellings(
    """
    percent: per cent|percent|percents|percentage|pc|pct
    percentage points: percentage points|percentage point|percentage-point
    basis points: basis points|basis point|bps|bp
    points: points|point|pts
    times: times
    years: years|year|yrs|yr
    months: months|month
    weeks: weeks|week
    days: days|day
    hours: hours|hour|hrs|hr
    minutes: minutes|minute|mins
    seconds: seconds|second|secs
    decades: decades|decade
    centuries: centuries|century
    km: kilometres|kilometers|kilometre|kilometer|kms
    m: metres|meters|metre|meter
    cm: centimetres|centimeters|centimetre|centimeter
    mm: millimetres|millimeters|millimetre|millimeter
    μm: micrometres|micrometers|micrometre|micrometer|microns|micron
    pm: picometres|picometers|picometre|picometer
    miles: miles|mile
    feet: feet|foot
    inches: inches|inch
    yards: yards|yard
    km²: square kilometres|square kilometers|square kilometre|square kilometer|sq km
    m²: square metres|square meters|square metre|square meter|sq m|sqm
    sq miles: square miles|square mile|sq miles|sq mi
    sq ft: square feet|square foot|sq ft
    cubic feet: cubic feet|cubic foot|cu ft
    cubic inches: cubic inches|cubic inch|cu in
    cubic metres: cubic metres|cubic meters|cubic metre|cubic meter
    acres: acres|acre
    hectares: hectares|hectare
    kg: kilograms|kilogram|kilogrammes|kilos|kilo
    g: grams|gram|grammes|gramme
    mg: milligrams|milligram
    μg: micrograms|microgram|microgrammes|microgramme|mcg
    tonnes: tonnes|tonne|metric tons|metric ton
    tons: tons|ton
    lb-ft: pound-feet|pound-foot|lb-ft|lb ft
    lb: lbs|lb
    oz: ounces|ounce
    drams: drams|dram
    litres: litres|liters|litre|liter
    ml: millilitres|milliliters|millilitre|milliliter
    gallons: gallons|gallon
    barrels: barrels|barrel
    cups: cups|cup
    tablespoons: tablespoons|tablespoon|tbsp
    teaspoons: teaspoons|teaspoon|tsp
    mph: miles per hour|miles an hour|mph
    km/h: kilometres per hour|kilometers per hour|kilometres an hour|kph|kmh
    mpg: miles per gallon|mpg
    knots: knots|knot
    °C: degrees celsius|degree celsius|degrees centigrade|deg celsius|deg c|celsius|centigrade
    °C: ° celsius|°celsius|degrees c|celcius
    °F: degrees fahrenheit|degree fahrenheit|deg fahrenheit|deg f|fahrenheit|° fahrenheit
    °F: °fahrenheit|degrees f|farenheit
    degrees: degrees|degree|deg
    radians: radians|radian
    turns: turns|turn
    W: watts|watt
    kW: kilowatts|kilowatt
    MW: megawatts|megawatt
    GW: gigawatts|gigawatt
    kWh: kilowatt hours|kilowatt-hours|kilowatt hour|kilowatt-hour
    MWh: megawatt hours|megawatt-hours|megawatt hour|megawatt-hour
    GWh: gigawatt hours|gigawatt-hours|gigawatt hour|gigawatt-hour
    TWh: terawatt hours|terawatt-hours|terawatt hour|terawatt-hour
    V: volts|volt
    Hz: hertz
    kHz: kilohertz
    MHz: megahertz
    GHz: gigahertz
    bits: bits|bit
    megabits: megabits|megabit
    MB: megabytes|megabyte
    GB: gigabytes|gigabyte
    TB: terabytes|terabyte
    hp: horsepower|hp|bhp
    ppm: parts per million|ppm
    ppb: parts per billion|ppb
    dB: decibels|decibel
    calories: calories|calorie|kcal
    """
)
# symbols matched case-sensitively, also glued to the number ("5kW", "50mL")
UNIT_SYMBOLS = _spellings(
    """
    percent: %
    km: km
    m: m
    cm: cm
    mm: mm
    μm: μm|µm
    miles: mi
    feet: ft
    inches: in
    km²: km²|km2|sq km
    m²: m²|m2|sq m|sqm
    kg: kg
    g: g
    mg: mg
    μg: μg|µg|mcg
    lb-ft: lb-ft
    lb: lb|lbs
    oz: oz
    ml: ml|mL
    litres: l|L
    tonnes: t
    radians: rad
    mph: mph
    km/h: km/h|kph|kmh|kmph|km/hr
    mpg: mpg
    °C: °C|ºC|° C|C
    °F: °F|ºF|° F|F
    degrees: °
    W: W
    kW: kW|KW
    MW: MW
    GW: GW
    kWh: kWh
    MWh: MWh
    GWh: GWh
    TWh: TWh
    V: V
    kV: kV
    Hz: Hz|HZ
    kHz: kHz|KHz
    MHz: MHz
    GHz: GHz
    KB: KB|kB
    MB: MB
    GB: GB
    TB: TB
    Mbps: Mbps
    Gbps: Gbps
    hp: hp|HP|bhp
    ppm: ppm
    ppb: ppb
    dB: dB
    mAh: mAh
    Nm: Nm
    kPa: kPa
    MPa: MPa
    GPa: GPa
    PS: PS
    mph: m.p.h.|m.p.h
    inches: ″
    """
)
TIME_UNITS = frozenset({"years", "months", "weeks", "days", "hours", "minutes", "seconds"})
# nouns a price or a flow is given per after "a"/"an": "$52 a barrel", "$1,271 an ounce"
RATE_NOUNS = frozenset(_split("barrel ounce share head person piece gallon litre liter tonne"))
# what kind of rate noun: "$2.53 per diluted share", "$1.10 a basic share"
RATE_ADJECTIVES = frozenset(_split("diluted basic adjusted average"))
# one-letter symbols only where a letter cannot be a word: glued ("5m") or before punctuation
GLUED_SYMBOLS = frozenset(_split("m g W V l L t"))

# ---- words around a number ---------------------------------------------------------------------

QUALIFIERS = _spellings(
    """
    approx: almost|nearly|about|around|approximately|roughly|some|an estimated|estimated
    approx: close to|circa|c.|approx|approx.|just under|just over|almost exactly|~
    more_than: more than|over|above|upwards of|in excess of|exceeding|greater than|higher than
    more_than: larger than|bigger than|>
    at_least: at least|no fewer than|no less than|a minimum of|minimum of|>=|≥
    less_than: less than|fewer than|under|below|lower than|smaller than|<
    at_most: at most|up to|no more than|a maximum of|maximum of|as many as|as much as|<=|≤
    """
)
QUALIFIER_SYMBOLS = ("<=", ">=", "~", ">", "<", "≥", "≤")
CHANGE_WORDS = frozenset(
    _split(
        "rose risen rise rises rising fell fallen fall falls falling increased increase increases "
        "decreased decrease decreases grew grown grow growth dropped drop drops jumped jump "
        "climbed climb declined decline gained gain slumped surged up down boost boosted "
        "advanced tumbled slid sank soared"
    )
)
# before "up" or "down" these make a phrasal verb, no change: "made up 46 percent of voters",
# "freed up $26 million", "round up 11 million people"
PARTICLE_VERBS = frozenset(
    _split(
        "make makes made making free frees freed freeing round rounds rounded rounding set sets "
        "setting sign signs signed signing give gives gave given giving put puts putting"
    )
)
# these count things unless followed by "by": "cut 700 jobs" but "cut by 5%"
CHANGE_WORDS_WITH_BY = frozenset(_split("cut cuts raised raise added shed lost reduced"))
# a change verb earlier in the clause makes "from X to Y" an old and a new level, not a range
CHANGE_FROM_VERBS = (
    (CHANGE_WORDS - {"growth", "up", "down"})
    | CHANGE_WORDS_WITH_BY
    | frozenset(
        _split(
            "reduce reduces reducing cutting raises raising lower lowers lowered lowering "
            "increasing decreasing boosts boosting expand expands expanded expanding shrink "
            "shrank shrunk"
        )
    )
)
LABEL_WORDS = frozenset(
    _split(
        "article section chapter clause no no. nos nos. nr nr. nrs nrs. number room flight route "
        "highway page paragraph level phase stage category grade tier class figure table version "
        "item exercise exercises episode season series game match week day round line platform "
        "gate pier building floor unit apartment suite zone district ward precinct box channel "
        "track lane terminal verse act scene volume vol vol. issue part step rule amendment "
        "junction junctions exit war year fy "
        "resolution bill law regulation model mark mk mk. type batch lot ticket code id"
    )
)
MONTHS = frozenset(
    _split(
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec"
    )
)
# plurals a year names rather than counts: "the 2020 models", "2019 editions"
MODEL_YEAR_NOUNS = frozenset(_split("models editions vintages"))
ERAS = frozenset(_split("AD A.D. BC B.C. BCE CE"))
STOP_NOUNS = frozenset(
    _split(
        """
        the a an and or but nor for so yet of in on at to by from with into onto upon about as
        than over under after before since until during per via off out up down around between
        among against through across along beyond within without toward towards behind near amid
        is are was were be been being am has have had do does did will would could should can
        may might must shall said says say told tell come came go went get got make made take
        took give gave see saw seem seems become became remain remained left
        i you he she it we they me him her us them my your his its our their this that these
        those who whom whose which what where when why how there here then now also just only
        even still not no more less most least other such each every all both any many much few
        some several same own very too again ago later earlier ahead apart back away already
        because while although though unless if whether despite
        times percent late early apiece never ever always often usually sometimes together
        prior
        myself yourself himself herself itself ourselves yourselves themselves
        """
    )
)
IRREGULAR_PLURALS = frozenset(
    _split("people men women children police staff cattle sheep personnel feet teeth mice geese")
)
# "a 100,000-strong force", "35-plus hours", "13-straight-day": no unit, the number's own words
HYPHEN_ADJECTIVES = frozenset(_split("strong straight plus"))
# nouns in -s that are no plural: "three cable news networks" counts networks
SINGULARS_IN_S = frozenset(_split("news politics economics physics athletics"))
# "sub-300", "over-50s", "mid-2000s": a hyphen after these does not make a label
NUMBER_PREFIXES = frozenset(
    _split("sub over under mid pre post non anti ultra super near top minus negative")
)
# "the upper half of the lid", "the first half of the season": a part, not a share
PART_WORDS = frozenset(
    _split(
        "upper lower top bottom front back rear left right first second better latter "
        "former northern southern eastern western inner outer far near"
    )
)
# nouns a quoted phrase can name: the "one country, two systems" formula, a "two-state" solution
NAMING_NOUNS = frozenset(
    _split(
        "formula policy principle rule rules law laws doctrine solution model framework slogan "
        "strategy plan approach system deal pledge motto mantra campaign program programme "
        "agenda mandate era movement initiative concept arrangement"
    )
)
NOUN_MODIFIERS = frozenset(
    _split(
        "more fewer less other additional extra new old cheaper dearer higher lower bigger "
        "smaller larger better worse faster slower longer shorter older younger similar "
        "different separate distinct particular former "
        "strong last next"
    )
)
NOUNS_IN_LY = frozenset(
    _split(
        "family assembly supply rally anomaly monopoly homily ally belly "
        "daily weekly monthly yearly quarterly hourly nightly"
    )
)
# after a lowercase "m", these make it metres ("a 100m sprint", "37m long"), not millions
DIMENSION_WORDS = re.compile(
    r"\s?-?\s?(?:tall|high|long|wide|deep|away|apart|above|below|thick|sprint|race|hurdles|"
    r"freestyle|butterfly|breaststroke|backstroke|relay|dash|run|swim|drop|radius|diameter|"
    r"span|length|height|depth|in\s+length|in\s+height)\b",
    re.IGNORECASE,
)
SMALL_VALUES = frozenset(range(11))  # "one", "two": often no figure at all ("one of them")
