"""Quantity extraction quality and speed: claimcheck's find_quantities against quantulum3.

    python -m bench.bench_quantities [--repeat 5]

Quality is quantity-level precision / recall / F1 on NewsQuant (CQE evaluation data, research
use only: read from CLAIMCHECK_DATA, never copied into the repo) and on the Microsoft
Recognizers-Text English specs (MIT). Both systems see the same inputs and go through the same
matcher, defined here once:

* A predicted quantity matches a gold one when its value is within 1% of the gold value (for a
  range, both ends are compared; an open range "(30,)" compares its one bound) and its unit is
  the same after `canonical_unit`. Each gold quantity matches at most one prediction.
* `canonical_unit` is one table of spellings for both systems and both data sets: "%",
  "percentage" and "per cent" are percent; "$", "USD" and "United States dollar" are dollar;
  "ft", "feet" and "foot" are foot; and so on. A unit it does not know (a counted noun such as
  "different bosses", "Kia and Hyundai vehicles") is reduced to its singular last word, so a
  count matches when both sides name the same head noun. "X per Y", "X a Y" and "X/Y" are
  rates, compared part by part. The table is lossy in one known way: "pound" is one unit for
  money and weight alike. Unitless ("-", "dimensionless") is the empty unit.
* NewsQuant lists, for each gold quantity, the unit as written and a normalised name; a
  prediction may match either. Its few annotation slips (0.2% labelled 2) count against both.
* Recognizers' Number and NumberRange models label bare numbers, so on those only values are
  compared; Percent, Currency, Dimension, Temperature and Age compare units too. Each of those
  models labels only its own kind of quantity (Currency labels no percentages), so for both
  systems only predictions whose unit is of that kind are scored there, and a rate ("$98 a
  share", "50 meters per millisecond") is compared by its first unit, in gold and predictions
  alike. Items marked NotSupported for some Recognizers implementation are kept: that flag is
  about their code, not the text.

quantulum3 runs without its optional classifier: the model it ships was pickled with an old
scikit-learn and does not load with a current one, so it falls back to its rule-based unit
choice, which is how it runs in this venv. A quantulum3 range "40 to 50" (value 45 +- 5) is
read as 40..50.

Speed: find_quantities throughput in MB/s on the NewsQuant sentences and on the seed article,
median of --repeat runs, against quantulum3 on the same text in the same run.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bench import REPO, data_dir
from claimcheck.extract.quantities import find_quantities

SEED = REPO / "claimcheck" / "seeds" / "000_000a7fc3f8c0d5df.txt"  # the demo seed
CURRENCIES = frozenset(
    [
        "dollar",
        "canadian dollar",
        "australian dollar",
        "new zealand dollar",
        "hong kong dollar",
        "singapore dollar",
        "taiwan dollar",
        "pound",
        "penny",
        "cent",
        "euro",
        "yen",
        "yuan",
        "rupee",
        "franc",
        "shekel",
        "ringgit",
        "bitcoin",
        "peso",
        "lira",
        "rand",
        "real",
        "rouble",
        "won",
        "krona",
        "krone",
        "zloty",
        "baht",
        "naira",
        "dirham",
        "riyal",
    ]
)
TIMES = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"})
NOT_DIMENSIONS = CURRENCIES | TIMES | {"", "percent", "percentage point", "basis point", "point"}

# One canonical name per unit, for gold and both systems alike: "|"-separated spellings.
_UNIT_GROUPS = {
    "": "-|dimensionless|null|none",
    "percent": "per cent|%|percent|percentage|pc|pct",
    "percentage point": "percentage point|pp",
    "basis point": "basis point|bp|bps",
    "point": "point|pt|pts",
    "dollar": "united states dollar|us $|$|usd|us$|dollar|buck",
    "canadian dollar": "canadian dollar|c $|c$|cad",
    "australian dollar": "australian dollar|au $|a $|a$|au$|aud",
    "new zealand dollar": "new zealand dollar|nz $|nz$|nzd",
    "hong kong dollar": "hong kong dollar|hk $|hk$|hkd",
    "singapore dollar": "singaporean dollar|singapore dollar|s $|s$|sgd",
    "pound": "british pound sterling|pound sterling|£|gbp|ps|pound|lb|lbs|pound-mass|pound-force",
    "penny": "p|gbx|penny|pence",
    "cent": "cent|usc|¢",
    "euro": "€|eur|euro",
    "yen": "japanese yen|¥|jpy|yen|y",
    "yuan": "chinese yuan|cny|rmb|yuan|renminbi",
    "rupee": "indian rupee|₹|inr|rupee|rs",
    "franc": "swiss franc|franc|chf",
    "shekel": "israeli new shekel|shekel|ils|nis",
    "ringgit": "malaysian ringgit|rm|myr|ringgit",
    "bitcoin": "btc|bitcoin",
    "year": "years old|year old|year|yr|y.o.|year-old",
    "month": "month|mo",
    "week": "week|wk",
    "day": "day",
    "hour": "hour|hr|h",
    "minute": "minute|min",
    "second": "second|sec|s",
    "decade": "decade",
    "century": "century",
    "metre": "m|metre|meter",
    "kilometre": "km|kilometre|kilometer",
    "centimetre": "cm|centimetre|centimeter",
    "millimetre": "mm|millimetre|millimeter",
    "micrometre": "μm|µm|micrometre|micrometer|micron",
    "decimetre": "dm|decimetre|decimeter",
    "picometre": "pm|picometre|picometer",
    "foot": "ft|foot|feet|'|ft-long|foot-long",
    "inch": 'in|inch|inche|"',
    "yard": "yd|yard",
    "mile": "mi|mile",
    "square metre": "square metre|square meter|sq m|m²|m2|sqm",
    "square kilometre": "square kilometre|square kilometer|sq km|km²|km2",
    "square mile": "square mile|sq mile|sq mi",
    "square foot": "square foot|square feet|sq ft|ft²",
    "cubic foot": "cubic foot|cubic feet|cu ft|ft³",
    "acre": "acre|ac",
    "hectare": "ha|hectare",
    "kilogram": "kg|kilogram|kilo",
    "gram": "g|gram|gramme",
    "milligram": "mg|milligram",
    "microgram": "μg|µg|mcg|microgram",
    "tonne": "metric tonne|metric ton|t|tonne",
    "ton": "short ton|long ton|ton",
    "ounce": "oz|ounce",
    "dram": "dram|dr",
    "litre": "l|litre|liter",
    "millilitre": "ml|millilitre|milliliter",
    "gallon": "gal|gallon",
    "barrel": "bbl|barrel",
    "cup": "cup",
    "tablespoon": "tbsp|tablespoon",
    "teaspoon": "tsp|teaspoon",
    "kilometre per hour": "kilometre per hour|kilometer per hour|km/h|kph|kmh|km/hr",
    "mile per hour": "mile per hour|mph",
    "mile per gallon": "mile per gallon|mpg",
    "celsius": "degree celsius|deg celsius|deg c|c|°c|celsius|centigrade",
    "fahrenheit": "degree fahrenheit|deg fahrenheit|deg f|f|°f|fahrenheit",
    "degree": "degree angle|°|degree|deg",
    "cubic metre": "cubic metre|cubic meter|m³|m3",
    "knot": "knot|kn|kt",
    "radian": "rad|radian",
    "turn": "turn|revolution",
    "bit": "bit",
    "byte": "byte|b",
    "megabit": "mbit|megabit|mb/s",
    "megabyte": "mb|megabyte",
    "gigabyte": "gb|gigabyte",
    "terabyte": "tb|terabyte",
    "hertz": "hz|hertz",
    "kilohertz": "khz|kilohertz",
    "megahertz": "mhz|megahertz",
    "gigahertz": "ghz|gigahertz",
    "watt": "w|watt",
    "kilowatt": "kw|kilowatt",
    "megawatt": "mw|megawatt",
    "gigawatt": "gw|gigawatt",
    "kilowatt hour": "kilowatt hour|kwh|kilowatt-hour",
    "megawatt hour": "megawatt hour|mwh|megawatt-hour",
    "gigawatt hour": "gigawatt hour|gwh|gigawatt-hour",
    "terawatt hour": "terawatt hour|twh|terawatt-hour",
    "horsepower": "hp|horsepower|bhp",
    "part per billion": "part per billion|ppb|parts-per-billion",
    "part per million": "part per million|ppm|parts-per-million",
}
UNIT_NAMES = {
    spelling: canonical
    for canonical, spellings in _UNIT_GROUPS.items()
    for spelling in [canonical, *spellings.split("|")]
}

_PLURAL_FIXES = {"feet": "foot", "pence": "penny", "centuries": "century", "inches": "inch"}


def _singular(word: str) -> str:
    if word in _PLURAL_FIXES:
        return _PLURAL_FIXES[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 2:
        return word[:-1]
    return word


def canonical_unit(unit: str | None) -> str:
    """One name per unit for gold and predictions alike (see the module docstring)."""
    text = re.sub(r"\s+", " ", (unit or "").strip().lower()).strip(" .")
    if text in UNIT_NAMES:
        return UNIT_NAMES[text]
    words = text.split(" ")
    singular = " ".join(_singular(w) for w in words)
    if singular in UNIT_NAMES:
        return UNIT_NAMES[singular]
    for joiner in (" per ", " a ", " an ", "/"):
        if joiner in text:
            left, right = (canonical_unit(part) for part in text.split(joiner, 1))
            return UNIT_NAMES.get(f"{left} per {right}", f"{left}/{right}")
    head = _singular(words[-1])
    return UNIT_NAMES.get(head, head)


def _dimensions() -> frozenset[str]:
    return (frozenset(UNIT_NAMES.values()) - NOT_DIMENSIONS - {"celsius", "fahrenheit"}) | {
        "pound"  # weight as well as money
    }


@dataclass
class Amount:
    """A gold or predicted quantity reduced to what the matcher compares."""

    low: float
    high: float
    units: frozenset[str]


@dataclass
class Item:
    """One input text and its gold quantities."""

    text: str
    gold: list[Amount]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.01 * abs(b) + 1e-12


def matches(predicted: Amount, gold: Amount, with_units: bool) -> bool:
    """Value within 1% (both ends of a range) and, when asked, a shared canonical unit."""
    if not (_close(predicted.low, gold.low) and _close(predicted.high, gold.high)):
        return False
    return not with_units or bool(predicted.units & gold.units)


def _range(value: str) -> tuple[float, float]:
    """Gold values: "3.9", "1-2", "-387", "1.99E-29", "4.8-4.7"."""
    value = value.strip()
    parts = re.fullmatch(r"(-?[\d.]+(?:[eE][-+]?\d+)?)-([\d.]+(?:[eE][-+]?\d+)?)", value)
    if parts:
        return float(parts.group(1)), float(parts.group(2))
    return float(value), float(value)


def load_newsquant(path: Path) -> list[Item]:
    """NewsQuant items: gold quantities with value, unit and normalised unit."""
    items = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        gold = []
        for quantity in record["quantities"]:
            low, high = _range(str(quantity["value"]))
            units = {canonical_unit(quantity["unit"]), canonical_unit(quantity["normalized_unit"])}
            gold.append(Amount(low, high, frozenset(units)))
        items.append(Item(record["text"], gold))
    return items


def newsquant_split(items: list[Item]) -> tuple[list[Item], list[Item]]:
    """(tuning, untouched): every third sentence of NewsQuant dev, in file order (the 3rd, 6th,
    ...), is untouched; --errors prints the tuning part's only."""
    return (
        [item for index, item in enumerate(items) if index % 3 != 2],
        [item for index, item in enumerate(items) if index % 3 == 2],
    )


def _recognizers_amount(resolution: dict[str, str]) -> Amount | None:
    value = resolution.get("value") or ""
    unit = canonical_unit(resolution.get("unit")).split("/")[0]  # rates by numerator
    interval = re.fullmatch(r"[\[(]([^,]*),([^\])]*)[\])]", value)
    if interval:
        low_text, high_text = interval.group(1), interval.group(2)
        low = float(low_text) if low_text else float(high_text)
        high = float(high_text) if high_text else low
        return Amount(low, high, frozenset({unit}))
    if value.endswith("%"):
        value, unit = value[:-1], "percent"
    try:
        number = float(value)
    except ValueError:
        return None  # "null": a bare word "percent", no number to find
    return Amount(number, number, frozenset({unit}))


def load_recognizers(path: Path) -> list[Item]:
    """A Recognizers-Text spec file as items (utf-8 with or without BOM)."""
    items = []
    for record in json.loads(path.read_text(encoding="utf-8-sig")):
        gold = [_recognizers_amount(r.get("Resolution") or {}) for r in record["Results"]]
        items.append(Item(record["Input"], [g for g in gold if g is not None]))
    return items


def ours(text: str) -> list[Amount]:
    """claimcheck's find_quantities, reduced for the matcher."""
    found = []
    for quantity in find_quantities(text):
        high = quantity.high if quantity.high is not None else quantity.value
        found.append(Amount(quantity.value, high, frozenset({canonical_unit(quantity.unit)})))
    return found


def quantulum(text: str) -> list[Amount]:
    """quantulum3's parser, reduced for the matcher."""
    found = []
    for quantity in _quantulum_parse(text):
        spread = quantity.uncertainty or 0.0
        unit = canonical_unit(quantity.unit.name)
        found.append(Amount(quantity.value - spread, quantity.value + spread, frozenset({unit})))
    return found


def _quantulum_parse(text: str) -> list:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        try:
            return parser.parse(text)
        except Exception:  # quantulum3 raises on some inputs; count that as nothing found
            return []


@dataclass
class Score:
    """Counts of matched, spurious and missed quantities."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(
    items: Iterable[Item], system: Callable[[str], list[Amount]], with_units: bool = True
) -> Score:
    """Greedy one-to-one matching of predictions to gold, sentence by sentence."""
    total = Score()
    for item in items:
        predicted = system(item.text)
        unmatched = list(item.gold)
        spurious = []
        for amount in predicted:
            hit = next((g for g in unmatched if matches(amount, g, with_units)), None)
            if hit is None:
                spurious.append(amount)
            else:
                unmatched.remove(hit)
                total.tp += 1
        total.fp += len(spurious)
        total.fn += len(unmatched)
        if spurious or unmatched:
            total.errors.append(
                f"{item.text!r}\n    missed {_show(unmatched)}\n    spurious {_show(spurious)}"
            )
    return total


def _show(amounts: list[Amount]) -> str:
    return ", ".join(
        f"{a.low:g}{'' if a.high == a.low else f'..{a.high:g}'} [{'|'.join(sorted(a.units))}]"
        for a in amounts
    )


def _row(name: str, result: Score) -> str:
    return (
        f"  {name:<12} P {result.precision:5.3f}  R {result.recall:5.3f}  F1 {result.f1:5.3f}"
        f"   (tp {result.tp}, fp {result.fp}, fn {result.fn})"
    )


def quality(
    title: str,
    items: list[Item],
    kind: frozenset[str] | None = None,
    with_units: bool = True,
    errors: bool = False,
) -> tuple[Score, Score]:
    """Print and return ours vs quantulum3 on one data set (and our errors, if asked)."""
    mine = score(items, of_kind(ours, kind), with_units)
    theirs = score(items, of_kind(quantulum, kind), with_units)
    gold = sum(len(i.gold) for i in items)
    kind = "value and unit" if with_units else "value only"
    print(f"{title}: {len(items)} texts, {gold} gold quantities, match on {kind}")
    print(_row("claimcheck", mine))
    print(_row("quantulum3", theirs))
    if errors:
        print("\n".join(mine.errors))
    return mine, theirs


def throughput(texts: list[str], run: Callable[[str], object], repeat: int) -> float:
    """MB/s of `run` over all texts, median of `repeat` runs."""
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            run(text)
        times.append(time.perf_counter() - start)
    return size / statistics.median(times)


def speed(newsquant: list[Item], repeat: int) -> dict[str, float]:
    """find_quantities against quantulum3 in MB/s on the same text."""
    sentences = [item.text for item in newsquant]
    article = SEED.read_text(encoding="utf-8")
    print(f"speed: MB/s, median of {repeat} runs, one core")
    figures = {}
    for title, texts in (("NewsQuant sentences", sentences), ("seed article x5", [article] * 5)):
        mine = throughput(texts, find_quantities, repeat)
        theirs = throughput(texts, _quantulum_parse, max(1, repeat // 2))
        print(
            f"  {title:<20} claimcheck {mine:7.2f}   quantulum3 {theirs:6.3f}"
            f"   (ratio {mine / theirs:.0f}x)"
        )
        figures[title] = round(mine, 2)
    return {
        "newsquant_mb_per_s": figures["NewsQuant sentences"],
        "seed_mb_per_s": figures["seed article x5"],
    }


RECOGNIZERS: dict[str, tuple[str, frozenset[str] | None]] = {
    "Number": ("Number_NumberModel.json", None),
    "Percent": ("Number_PercentModel.json", frozenset({"percent"})),
    "NumberRange": ("Number_NumberRangeModel.json", None),
    "Currency": ("NumberWithUnit_CurrencyModel.json", CURRENCIES),
    "Dimension": ("NumberWithUnit_DimensionModel.json", _dimensions()),
    "Temperature": (
        "NumberWithUnit_TemperatureModel.json",
        frozenset({"celsius", "fahrenheit", "degree"}),
    ),
    "Age": ("NumberWithUnit_AgeModel.json", frozenset({"year", "month", "week", "day"})),
}


def of_kind(system: Callable[[str], list[Amount]], kind: frozenset[str] | None):
    """Only the predictions a Recognizers model labels: its kind of unit, rates by numerator."""
    if kind is None:
        return system

    def kept(text: str) -> list[Amount]:
        found = []
        for amount in system(text):
            units = frozenset(u.split("/")[0] for u in amount.units) & kind
            if units:
                found.append(Amount(amount.low, amount.high, units))
        return found

    return kept


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--errors",
        metavar="DATASET",
        default="",
        help="print claimcheck's misses on one data set: NewsQuant (its tuning part), Percent, ...",
    )
    args, _ = parser.parse_known_args(argv)  # `python -m bench quantities` passes its own names
    root = data_dir()
    if not (root / "newsquant" / "dev.json").exists():
        print(f"bench_quantities: no data sets under {root} (set CLAIMCHECK_DATA); skipped")
        return
    newsquant = load_newsquant(root / "newsquant" / "dev.json")
    tuning, untouched = newsquant_split(newsquant)
    figures: dict[str, object] = {"bench": "quantities"}
    for part, items, errors in (
        ("newsquant", newsquant, False),
        ("newsquant_tuning", tuning, args.errors == "NewsQuant"),
        ("newsquant_untouched", untouched, False),
    ):
        mine, theirs = quality(f"NewsQuant dev ({part})", items, errors=errors)
        figures[f"{part}_f1"] = round(mine.f1, 3)
        figures[f"{part}_f1_quantulum3"] = round(theirs.f1, 3)
    quality("NewsQuant dev", newsquant, with_units=False)
    for model, (name, kind) in RECOGNIZERS.items():
        items = load_recognizers(root / "recognizers_text" / name)
        mine, theirs = quality(
            f"Recognizers {model}", items, kind, kind is not None, args.errors == model
        )
        figures[f"recognizers_{model.lower()}_f1"] = round(mine.f1, 3)
    figures |= speed(newsquant, args.repeat)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
