"""Date operators: a keyed shift per subject, and generalization to month or year.

:func:`shift_date` moves every date of one subject by the same keyed number of days in
``[-max_days, -1] ∪ [1, max_days]`` (never 0), whatever table the date sits in, so intervals
within a person's record keep their length and order. Birth dates stay plausible because the
shift is small, and no date crosses the day of the run: one in the past (or today) stays in
the past, a planned one stays ahead (a shift that would cross stops at the boundary), so no
birth date lands in the future. Dates may be ``date32``/``date64``/``timestamp`` arrays or
text in the Dutch notations ``dd-mm-jjjj`` (also ``/`` and ``.``, one- or two-digit day and month),
``jjjj-mm-dd`` (also ``/`` and ``.``), ``dd-mm-jj`` / ``dd-mm-'jj`` (years < 30 read as 20jj),
eight digits (``jjjjmmdd``, else ``ddmmjjjj``), ``12 maart 1985`` / ``12 mrt. 1985`` and
English written dates, each optionally followed by a time of day; the notation is kept.
Text that is no date in these notations becomes null
(fail closed: it cannot be shifted, so it is not copied), but for the placeholders registers
write for no date or no end (``00000000``, ``0000-00-00``, ``99991231``, ``9999-12-31``),
which stay.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Literal

import pyarrow as pa
import pyarrow.compute as pc

from sluis.anonymize.operators._arrow import as_array, is_text, map_text, merge, split
from sluis.anonymize.prf import prf_ints, scalar
from sluis.keys import Key

PURPOSE = "date.shift"
MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
_SHORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
# A time of day after a date is kept as it is: "1985-03-12 08:30:00", "12-03-1985 8:30".
_TIME = r"((?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?)?)"
_NUMERIC = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2('?)(\d{4}|\d{2})" + _TIME)
_ISO = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME)
# Eight digits: jjjjmmdd (mainframes, file names) when the year is plausible, else ddmmjjjj.
_COMPACT = re.compile(r"(\d{8})")
_ISO_ONLY = r"^\d{4}-\d{2}-\d{2}$"
# "No date" and "no end" as registers write them (SAP's ``00000000`` and ``99991231``): no
# person's date, kept as written.
_PLACEHOLDER = r"^(?:0+|0000-?00-?00|00-00-0000|9999-?12-?31|31-12-9999|0001-01-01)$"
# date32 day numbers of 0001-01-01 and 9999-12-31, the range Python's dates cover.
_FIRST_DAY = pa.scalar(-719_162, pa.int32())
_LAST_DAY = pa.scalar(2_932_896, pa.int32())
_EPOCH = dt.date(1970, 1, 1).toordinal()
_WRITTEN = re.compile(r"(\d{1,2})(e|st|nd|rd|th)?( of)? ([A-Za-z]+)(\.?)(,?) (\d{4})")
_MONTH_FIRST = re.compile(r"([A-Za-z]+)(\.?) (\d{1,2})(st|nd|rd|th)?(,?) (\d{4})")
ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip

Writer = Callable[[dt.date], str]


def _month(word: str) -> tuple[int, bool] | None:
    lower = word.lower()
    if lower in MONTHS:
        return MONTHS.index(lower) + 1, True
    if lower in ENGLISH_MONTHS:
        return ENGLISH_MONTHS.index(lower) + 1, True
    if lower == "sept":
        return 9, False
    if lower in _SHORT:
        return _SHORT.index(lower) + 1, False
    return None


def _month_name(month: int, like: str, *, full: bool, english: bool = False) -> str:
    """Month ``month`` named in the language, length and case of the word ``like``; a name
    both languages share (april, september) is Dutch, unless the notation is ``english``."""
    lower = like.lower()
    if lower in ENGLISH_MONTHS and (english or lower not in MONTHS):
        name = ENGLISH_MONTHS[month - 1]
    elif english and not full:
        name = ENGLISH_MONTHS[month - 1][:3]  # "Oct.", not "Okt."
    else:
        name = MONTHS[month - 1] if full else _SHORT[month - 1]
    return name.capitalize() if like[0].isupper() else name


def _ordinal(day: int, like: str | None) -> str:
    """The ordinal suffix ``like`` had, for ``day``: Dutch ``e`` stays, English follows the day."""
    if like is None or like == "e":
        return like or ""
    if day % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def parse(text: str) -> tuple[dt.date, Writer] | None:
    """The date in a Dutch (or English written) notation and a writer for another date in the
    same notation."""
    stripped = text.strip()
    try:
        if match := _ISO.fullmatch(stripped):
            year, sep, month, day, time = match.groups()
            wd, wm = len(day), len(month)

            def year_first(v: dt.date) -> str:
                out = f"{v.year:04d}{sep}{v.month:0{wm}d}{sep}{v.day:0{wd}d}{time}"
                return text.replace(stripped, out)

            return dt.date(int(year), int(month), int(day)), year_first
        if match := _NUMERIC.fullmatch(stripped):
            day, sep, month, quote, year, time = match.groups()
            y = int(year) if len(year) == 4 else (2000 if int(year) < 30 else 1900) + int(year)
            wd, wm = len(day), len(month)

            def numeric(v: dt.date) -> str:
                yy = str(v.year) if len(year) == 4 else f"{v.year % 100:02d}"
                out = f"{v.day:0{wd}d}{sep}{v.month:0{wm}d}{sep}{quote}{yy}{time}"
                return text.replace(stripped, out)

            return dt.date(y, int(month), int(day)), numeric
        if _COMPACT.fullmatch(stripped):
            return _compact(text, stripped)
        if match := _WRITTEN.fullmatch(stripped):
            day, suffix, of, word, dot, comma, year = match.groups()
            found = _month(word)
            if found is None:
                return None
            full = found[1]

            def written(v: dt.date) -> str:
                ordinal = _ordinal(v.day, suffix)
                name = _month_name(v.month, word, full=full)
                return text.replace(
                    stripped, f"{v.day}{ordinal}{of or ''} {name}{dot}{comma} {v.year}"
                )

            return dt.date(int(year), found[0], int(day)), written
        if match := _MONTH_FIRST.fullmatch(stripped):
            word, dot, day, suffix, comma, year = match.groups()
            found = _month(word)
            if found is None:
                return None
            first_full = found[1]

            def month_first(v: dt.date) -> str:
                # The month first is English ("November 11, 1984"), whatever the name.
                name = _month_name(v.month, word, full=first_full, english=True)
                ordinal = _ordinal(v.day, suffix)
                return text.replace(stripped, f"{name}{dot} {v.day}{ordinal}{comma} {v.year}")

            return dt.date(int(year), found[0], int(day)), month_first
    except ValueError:
        return None
    return None


def _compact(text: str, digits: str) -> tuple[dt.date, Writer]:
    """``19910726`` (year first when 1800-2199 gives a real date) or ``26071991``; raises
    ``ValueError`` when neither is a date."""
    if 1800 <= int(digits[:4]) < 2200:
        try:
            date = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
            return date, lambda v: text.replace(digits, f"{v.year:04d}{v.month:02d}{v.day:02d}")
        except ValueError:
            pass
    date = dt.date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
    return date, lambda v: text.replace(digits, f"{v.day:02d}{v.month:02d}{v.year:04d}")


def shifts(key: Key, subject_ids: pa.Array | pa.ChunkedArray, max_days: int) -> pa.Array:
    """The keyed shift in days per subject (int64, never 0); null subjects give null."""
    if max_days < 1:
        raise ValueError("max_days must be at least 1")
    raw = prf_ints(key.derive(PURPOSE), subject_ids, 2 * max_days)
    return pc.if_else(
        pc.less(raw, scalar(max_days)),
        pc.subtract(raw, scalar(max_days)),
        pc.add(pc.subtract(raw, scalar(max_days)), scalar(1)),
    )


def shift_date(
    values: pa.Array | pa.ChunkedArray,
    key: Key,
    subject_ids: pa.Array | pa.ChunkedArray,
    max_days: int = 180,
    today: dt.date | None = None,
) -> pa.Array:
    """Shift each date by its subject's keyed number of days, not across ``today`` (the day
    of the run unless given)."""
    array, subjects = as_array(values), as_array(subject_ids)
    if len(array) != len(subjects):
        raise ValueError("values and subject_ids differ in length")
    days = shifts(key, subjects, max_days)
    boundary = _day_number(today or dt.date.today())
    kind = array.type
    if pa.types.is_date32(kind):
        start = array.cast(pa.int32()).cast(pa.int64())
        return pc.add(start, this_side(start, days, boundary)).cast(pa.int32()).cast(pa.date32())
    if pa.types.is_date64(kind) or pa.types.is_timestamp(kind):
        unit = {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}[
            "ms" if pa.types.is_date64(kind) else kind.unit
        ]
        stamps = array.cast(pa.int64())
        start = pc.floor(pc.divide(stamps.cast(pa.float64()), 86_400 * unit)).cast(pa.int64())
        days = this_side(start, days, boundary)
        return pc.add(stamps, pc.multiply(days, scalar(86_400 * unit))).cast(kind)
    text = array.cast(pa.string())
    iso = pc.fill_null(pc.match_substring_regex(text, _ISO_ONLY), False)
    quick, slow = split(iso, text)
    quick_days, slow_days = split(iso, days)
    out = merge(
        iso, _shift_iso(quick, quick_days, boundary), _shift_texts(slow, slow_days, boundary)
    )
    placeholder = pc.fill_null(
        pc.match_substring_regex(pc.utf8_trim_whitespace(text), _PLACEHOLDER), False
    )
    out = pc.if_else(placeholder, text, out)
    return out.cast(kind) if is_text(kind) else out


def this_side(start: pa.Array, days: pa.Array, boundary: int) -> pa.Array:
    """The shifts (int64) that move each day number in ``start`` by ``days`` but not across
    ``boundary``: a day up to it stops there, a later one the day after; where that stop is the
    day itself, the shift goes the other way. Order within a subject holds but at the stop."""
    moved = pc.add(start, days)
    past = pc.less_equal(start, scalar(boundary))
    crossed = pc.if_else(
        past, pc.greater(moved, scalar(boundary)), pc.less_equal(moved, scalar(boundary))
    )
    stop = pc.subtract(pc.if_else(past, scalar(boundary), scalar(boundary + 1)), start)
    kept = pc.if_else(crossed, stop, days)
    return pc.if_else(pc.equal(kept, scalar(0)), pc.negate(days), kept)


def _day_number(day: dt.date) -> int:
    return day.toordinal() - _EPOCH


def _shift_iso(texts: pa.Array, days: pa.Array, boundary: int) -> pa.Array:
    """``jjjj-mm-dd`` texts moved in Arrow, as :func:`_shift_texts` would: impossible dates
    (Arrow's parser reads 30 February as 2 March, so the date must write back the same) and
    results outside the years 1-9999 become null."""
    parsed = pc.strptime(texts, format="%Y-%m-%d", unit="s", error_is_null=True).cast(pa.date32())
    start = parsed.cast(pa.int32())
    days = this_side(start.cast(pa.int64()), days, boundary)
    moved = pc.add(start, days.cast(pa.int32()))
    ok = pc.and_(
        pc.and_(pc.equal(parsed.cast(pa.string()), texts), pc.greater_equal(start, _FIRST_DAY)),
        pc.and_(pc.greater_equal(moved, _FIRST_DAY), pc.less_equal(moved, _LAST_DAY)),
    )
    return pc.if_else(ok, moved.cast(pa.date32()).cast(pa.string()), pa.scalar(None, pa.string()))


def _shift_texts(texts: pa.Array, days: pa.Array, boundary: int) -> pa.Array:
    """Dates in any notation :func:`parse` reads, moved one by one."""
    parsed = [parse(text) if text is not None else None for text in texts.to_pylist()]
    starts = pa.array([_day_number(p[0]) if p else None for p in parsed], pa.int64())
    out: list[str | None] = []
    for found, shift in zip(parsed, this_side(starts, days, boundary).to_pylist(), strict=True):
        if found is None or shift is None:
            out.append(None)
            continue
        try:
            out.append(found[1](found[0] + dt.timedelta(days=shift)))
        except OverflowError:
            out.append(None)
    return pa.array(out, pa.string())


def birth_date(values: pa.Array | pa.ChunkedArray, key: Key, max_days: int = 180) -> pa.Array:
    """Shift birth dates keyed by the date itself; prefer :func:`shift_date` with subjects."""
    array = as_array(values)
    return shift_date(array, key, same_day(array), max_days)


def same_day(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Each value as the ISO date it is (``12-03-2015``, ``20150312`` and a ``date32`` all read
    ``2015-03-12``), so a date that is its own subject gets one shift in every notation and
    table; a value that is no date stays as written."""
    array = as_array(values)
    if pa.types.is_date(array.type) or pa.types.is_timestamp(array.type):
        return array.cast(pa.date32()).cast(pa.string())
    text = array.cast(pa.string())
    iso = pc.fill_null(pc.match_substring_regex(text, _ISO_ONLY), False)

    def day(value: str) -> str:
        parsed = parse(value)
        return value if parsed is None else parsed[0].isoformat()

    quick, slow = split(iso, text)
    return merge(iso, quick, map_text(slow, day))


def generalize_date(
    values: pa.Array | pa.ChunkedArray, to: Literal["year", "month"] = "year"
) -> pa.Array:
    """Replace each date by the first day of its year or month, in the same type and notation."""
    if to not in ("year", "month"):
        raise ValueError("to must be 'year' or 'month'")
    array = as_array(values)
    kind = array.type
    if pa.types.is_date(kind) or pa.types.is_timestamp(kind):
        truncated = pc.floor_temporal(array, unit=to)
        return truncated.cast(kind)

    def general(text: str) -> str | None:
        parsed = parse(text)
        if parsed is None:
            return None
        day = parsed[0].replace(day=1) if to == "month" else parsed[0].replace(day=1, month=1)
        return parsed[1](day)

    return map_text(array, general)
