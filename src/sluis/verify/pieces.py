"""The pieces of many cells at once: the columnar twin of :mod:`sluis.verify.fingerprints`.

A cell's pieces are its whole forms, its tokens' forms (*singles*), runs of two to
:data:`~sluis.verify.fingerprints.MAX_NGRAM` tokens joined, and the forms of spaced
identifiers in it (singles too). ASCII cells, nearly all of them, are taken apart by polars
expressions; other cells (where casefold and ``\\w`` differ from their ASCII meaning) by the
Python functions of :mod:`~sluis.verify.fingerprints`, once per distinct cell. Both give the
same tagged forms: the tests hold them to the reference implementation.

A piece frame has one row per piece: ``row`` (the cell's index), ``form`` (the tagged
form), ``kind`` (:data:`WHOLE`, :data:`RUN` or :data:`SINGLE`), ``start`` (a run's first
token, tagged) and ``word`` (a single's token as text form).
"""

from __future__ import annotations

import re

import polars as pl
import pyarrow as pa

from sluis.verify.fingerprints import (
    AMOUNT,
    DIGIT,
    HEX_ID,
    IBAN,
    IPV4,
    MAX_NGRAM,
    MIN_DIGITS,
    MIN_PART_DIGITS,
    MIN_TEXT,
    NOT_WORD,
    SEPARATORS,
    SPACED_ID,
    TOKEN_CHAR,
    FingerprintKey,
    forms,
    parts,
    text_form,
    tokens,
)

WHOLE, RUN, SINGLE = 0, 1, 2


def _ascii_class(pattern: re.Pattern[str]) -> str:
    """The ASCII characters ``pattern`` matches one at a time, as a character class."""
    chars = (c for c in range(128) if pattern.fullmatch(chr(c)))
    return "[" + "".join(f"\\x{{{c:x}}}" for c in chars) + "]"


_REMOVED_FROM_TEXT = _ascii_class(NOT_WORD)
_SEPARATOR = _ascii_class(SEPARATORS)
_TOKEN = _ascii_class(TOKEN_CHAR) + "+"
_YMD = r"^([0-9]{4})([-/.])([0-9]{1,2})([-/.])([0-9]{1,2})$"
_DMY = r"^([0-9]{1,2})([-/.])([0-9]{1,2})([-/.])([0-9]{4})$"
# The Python patterns, whole-cell; on ASCII cells ``\d`` means the same in both engines.
_IPV4, _AMOUNT, _IBAN = (f"^(?:{p.pattern})$" for p in (IPV4, AMOUNT, IBAN))

_SCHEMA = pl.Schema(
    {
        "row": pl.UInt32(),
        "form": pl.String(),
        "kind": pl.UInt8(),
        "start": pl.String(),
        "word": pl.String(),
    }
)


def _text_form(value: pl.Expr) -> pl.Expr:
    return value.str.to_lowercase().str.replace_all(_REMOVED_FROM_TEXT, "")


def _ascii_forms(frame: pl.LazyFrame, column: str) -> pl.LazyFrame:
    """``frame`` with ``f1`` (the text, date or IP form) and ``f2`` (the digit form) of the
    ASCII text in ``column``, as :func:`~sluis.verify.fingerprints.forms` gives them."""
    v = pl.col(column)
    # Only a value that starts with a digit and has more than digits may be a date, an IP
    # address or an amount: the patterns run on those alone.
    candidate = v.str.contains(r"^[0-9]") & ~v.str.contains(r"^[0-9]+$")
    shaped = (
        frame.filter(candidate)
        .with_columns(_ymd=v.str.extract_groups(_YMD), _dmy=v.str.extract_groups(_DMY))
        .with_columns(
            (
                pl.when(ymd.field("2") == ymd.field("4"))
                .then(pl.concat_list(ymd.field("1"), ymd.field("3"), ymd.field("5")))
                .when(dmy.field("2") == dmy.field("4"))
                .then(pl.concat_list(dmy.field("5"), dmy.field("3"), dmy.field("1")))
                .alias("_date")
            )
            for ymd, dmy in [(pl.col("_ymd").struct, pl.col("_dmy").struct)]
        )
    )
    year = pl.col("_date").list.get(0, null_on_oob=True)
    month, day = (pl.col("_date").list.get(i, null_on_oob=True).cast(pl.Int32) for i in (1, 2))
    is_date = (month.is_between(1, 12) & day.is_between(1, 31)).fill_null(False)
    is_ip = v.str.contains(_IPV4)
    shaped = _general_forms(
        shaped,
        v,
        done=is_date | is_ip | v.str.contains(_AMOUNT),
        form=pl.when(is_date)
        .then("D" + year + month.cast(pl.String).str.zfill(2) + day.cast(pl.String).str.zfill(2))
        .when(is_ip)
        .then("i" + v),
    ).drop("_ymd", "_dmy", "_date")
    plain = _general_forms(frame.filter(~candidate), v, pl.lit(False), pl.lit(None, pl.String))
    return pl.concat([plain, shaped])


def _general_forms(frame: pl.LazyFrame, v: pl.Expr, done: pl.Expr, form: pl.Expr) -> pl.LazyFrame:
    """``f1`` and ``f2`` where ``done`` marks a date, IP address or amount (whose ``form``
    is then the only one)."""
    frame = frame.with_columns(
        _done=done,
        _form=form,
        _compact=v.str.replace_all(_SEPARATOR, ""),
        _text=_text_form(v),
        _alpha=v.str.contains(r"^[A-Za-z]+$"),
    )
    compact, text = pl.col("_compact"), pl.col("_text")
    rest = (
        pl.when(compact.str.starts_with("+31"))
        .then(compact.str.slice(3))
        .when(compact.str.starts_with("0031"))
        .then(compact.str.slice(4))
    )
    national = rest.str.strip_chars_start("0").str.len_bytes() == 9
    digits = (
        pl.when(national)
        .then(rest)
        .otherwise(compact)
        .str.strip_chars_start("+")
        .str.strip_chars_start("0")
    )
    number = compact.str.contains(r"^\+?[0-9]+$")
    account = compact.str.to_uppercase().str.extract(_IBAN, 1).str.strip_chars_start("0")
    return frame.with_columns(
        f1=pl.when(pl.col("_alpha"))
        .then(pl.when(text.str.len_bytes() >= MIN_TEXT).then("t" + text))
        .when(pl.col("_done"))
        .then(pl.col("_form"))
        .when(text.str.len_bytes() >= MIN_TEXT)
        .then("t" + text),
        f2=pl.when(pl.col("_alpha") | pl.col("_done"))
        .then(None)
        .when(number)
        .then(pl.when(digits.str.len_bytes() >= MIN_DIGITS).then("d" + digits))
        .when(compact.str.len_bytes() == 18)
        .then("d" + account),
    ).drop("_done", "_form", "_compact", "_text", "_alpha")


def _long(frame: pl.LazyFrame, kind: int, word: str | None = None) -> pl.LazyFrame:
    """The ``f1`` and ``f2`` forms of ``frame`` as piece rows of ``kind``."""
    word_expr = pl.col(word) if word else pl.lit(None, pl.String)
    return pl.concat(
        [
            frame.select(
                "row",
                form=pl.col(f),
                kind=pl.lit(kind, pl.UInt8),
                start=pl.lit(None, pl.String),
                word=word_expr,
            )
            for f in ("f1", "f2")
        ]
    ).drop_nulls("form")


def _tokenized(cells: pl.LazyFrame) -> pl.LazyFrame:
    """The ASCII cells with their ``words``."""
    return cells.with_columns(
        words=pl.col("text")
        .str.extract_all(_TOKEN)
        .list.eval(pl.element().str.strip_chars(".-'"))
        .list.eval(pl.element().filter(pl.element() != ""))
    )


def _words(cells: pl.LazyFrame) -> pl.LazyFrame:
    """The ASCII cells that are not one alphanumeric token, with their ``words``."""
    return _tokenized(cells.filter(~pl.col("text").str.contains(r"^[A-Za-z0-9]+$")))


def _ascii_pieces(cells: pl.DataFrame) -> list[pl.DataFrame]:
    """The piece frames of ASCII cells (``row``, ``text``), in steps that skip what no cell
    needs: a word alone has only its whole form."""
    alpha = cells["text"].str.contains(r"^[A-Za-z]+$")
    out = [
        cells.filter(alpha & (pl.col("text").str.len_bytes() >= MIN_TEXT)).select(
            "row",
            form="t" + pl.col("text").str.to_lowercase(),
            kind=pl.lit(WHOLE, pl.UInt8),
            start=pl.lit(None, pl.String),
            word=pl.lit(None, pl.String),
        )
    ]
    rest = cells.filter(~alpha)
    if rest.is_empty():
        return out
    out.append(_long(_ascii_forms(rest.lazy(), "text"), WHOLE).collect())
    worded = _tokenized(rest.lazy()).collect()
    out.append(_part_pieces(worded))
    # Cells of several tokens (or one token with more around it) have pieces of their own.
    split = worded.filter(
        ~pl.col("text").str.contains(r"^[A-Za-z0-9]+$")
        & (
            (pl.col("words").list.len() > 1)
            | ((pl.col("words").list.len() == 1) & (pl.col("words").list.first() != pl.col("text")))
        )
    )
    if split.is_empty():
        return out
    words = (
        split.select("row", token="words")
        .explode("token")
        .with_columns(tf=_text_form(pl.col("token")))
    )
    out.append(_long(_ascii_forms(words.lazy(), "token"), SINGLE, "tf").collect())
    joined = pl.col("tf")
    runs = []
    for ahead in range(1, MAX_NGRAM):
        joined = joined + pl.col("tf").shift(-ahead)
        runs.append(
            pl.when(pl.col("row").shift(-ahead) == pl.col("row"))
            .then("t" + joined)
            .alias(str(ahead))
        )
    out.append(
        words.select("row", start="t" + pl.col("tf"), form=pl.concat_list(runs))
        .explode("form")
        .drop_nulls("form")
        .select(
            "row", "form", kind=pl.lit(RUN, pl.UInt8), start="start", word=pl.lit(None, pl.String)
        )
    )
    spaced = (
        split.filter(pl.col("text").str.contains("[0-9]"))
        .select("row", spaced=pl.col("text").str.extract_all(SPACED_ID.pattern))
        .explode("spaced")
        .drop_nulls("spaced")
    )
    if not spaced.is_empty():
        out.append(_long(_ascii_forms(spaced.lazy(), "spaced"), SINGLE).collect())
    return out


def _part_pieces(worded: pl.DataFrame) -> pl.DataFrame:
    """The singles of the :func:`~sluis.verify.fingerprints.parts` of the tokens of ASCII
    cells (``row``, ``words``)."""
    part = pl.col("part")
    runs = (
        worded.lazy()
        .select("row", token="words")
        .explode("token")
        .filter(~pl.col("token").str.contains(f"@|^(?:{HEX_ID.pattern})$"))
        .with_columns(part=pl.col("token").str.extract_all("[A-Za-z0-9]+"))
    )
    joined = (
        runs.filter(part.list.len() >= 2)
        .explode("part")
        .filter(part.str.contains("[A-Za-z]") | (part.str.len_bytes() >= MIN_PART_DIGITS))
    )
    glued = (
        runs.explode("part")
        .filter(part.str.contains("[A-Za-z]"))
        .with_columns(part=part.str.extract_all(f"[0-9]{{{MIN_PART_DIGITS},}}"))
        .explode("part")
        .drop_nulls("part")
    )
    found = pl.concat([joined, glued]).with_columns(tf=part.str.to_lowercase())
    return _long(_ascii_forms(found, "part"), SINGLE, "tf").collect()


def python_pieces(text: str) -> list[tuple[str, int, str | None, str | None]]:
    """(form, kind, start, word) of each piece of one cell, by the Python functions."""
    out: list[tuple[str, int, str | None, str | None]] = [
        (form, WHOLE, None, None) for form in forms(text)
    ]
    words = [text] if text.isalnum() else tokens(text)
    for part in (p for word in words for p in parts(word)):
        out.extend((form, SINGLE, None, text_form(part)) for form in forms(part))
    if text.isalnum():
        return out
    if len(words) > 1 or (words and words[0] != text):
        texts = [text_form(w) for w in words]
        for i, word in enumerate(words):
            out.extend((form, SINGLE, None, texts[i]) for form in forms(word))
            joined = texts[i]
            for j in range(i + 1, min(i + MAX_NGRAM, len(words))):
                joined += texts[j]
                out.append(("t" + joined, RUN, "t" + texts[i], None))
        if DIGIT.search(text):
            for match in SPACED_ID.finditer(text):
                out.extend((form, SINGLE, None, None) for form in forms(match.group(0)))
    return out


def _other_pieces(cells: pl.DataFrame) -> pl.DataFrame:
    rows: list[int] = []
    found: list[tuple[str, int, str | None, str | None]] = []
    seen: dict[str, list[tuple[str, int, str | None, str | None]]] = {}
    for row, text in cells.iter_rows():
        pieces = seen.get(text)
        if pieces is None:
            pieces = seen[text] = python_pieces(text)
        rows.extend([row] * len(pieces))
        found.extend(pieces)
    columns = list(zip(*found, strict=True)) if found else [(), (), (), ()]
    return pl.DataFrame(
        {"row": rows, **dict(zip(("form", "kind", "start", "word"), columns, strict=True))},
        schema=_SCHEMA,
    )


def texts_frame(texts: pa.Array | pa.ChunkedArray | pl.Series) -> pl.DataFrame:
    """(``row``, ``text``) of the non-null cells of a text column."""
    series = texts if isinstance(texts, pl.Series) else pl.Series(values=texts)
    return series.cast(pl.String).rename("text").to_frame().with_row_index("row").drop_nulls("text")


def tagged(cells: pl.DataFrame) -> pl.DataFrame:
    """The piece frame of the cells (``row``, ``text``)."""
    ascii_ = cells["text"].str.contains(r"^[\x00-\x7F]*$")
    plain = _ascii_pieces(cells.filter(ascii_))
    other = _other_pieces(cells.filter(~ascii_))
    return pl.concat([*(p.cast(_SCHEMA) for p in plain), other])


def cell_fingerprints(
    cells: pl.DataFrame,
    key: FingerprintKey,
    *,
    starts: pl.Series | None = None,
    dictionary: pl.Series | None = None,
) -> pl.DataFrame:
    """:func:`fingerprints` of the :func:`tagged` cells; a text that repeats (towns, template
    notes) is taken apart once."""
    if cells["text"].n_unique() == cells.height:
        return fingerprints(tagged(cells), key, starts=starts, dictionary=dictionary)
    distinct = cells.select(pl.col("text").unique()).with_row_index("row")
    found = fingerprints(tagged(distinct), key, starts=starts, dictionary=dictionary)
    return (
        cells.join(distinct.rename({"row": "distinct"}), on="text")
        .select("row", "distinct")
        .join(found.rename({"row": "distinct"}), on="distinct")
        .drop("distinct")
    )


def fingerprints(
    pieces: pl.DataFrame,
    key: FingerprintKey,
    *,
    starts: pl.Series | None = None,
    dictionary: pl.Series | None = None,
) -> pl.DataFrame:
    """(``row``, ``fp``, ``structural``) of each distinct piece of each cell.

    ``structural``: a whole cell or a run. With ``starts`` (fingerprints of the first words
    of known values of several words) only runs from such a word are kept; with
    ``dictionary`` (text forms) no single of a dictionary word.
    """
    if dictionary is not None:
        pieces = pieces.filter(
            (pl.col("kind") != SINGLE)
            | pl.col("word").is_null()
            | ~pl.col("word").is_in(dictionary.implode())
        )
    if starts is not None:
        pieces = pieces.filter(
            (pl.col("kind") != RUN) | key.hashes(pl.col("start")).is_in(starts.implode())
        )
    return (
        pieces.select("row", fp=key.hashes(pl.col("form")), structural=pl.col("kind") != SINGLE)
        .group_by("row", "fp")
        .agg(pl.col("structural").any())
    )


def registered(values: pl.DataFrame, key: FingerprintKey) -> tuple[pl.DataFrame, pl.Series]:
    """The distinct (``fp``, ``category``) of the whole forms of the ``text`` of each row of
    ``values`` (with its ``category``), and the fingerprints of the first word of each value
    of several words (where a run of tokens in a target cell may start)."""
    cells = values.drop_nulls("text").unique().with_row_index("row")
    ascii_ = cells["text"].str.contains(r"^[\x00-\x7F]*$")
    plain = cells.filter(ascii_)
    whole = (
        _long(_ascii_forms(plain.lazy(), "text"), WHOLE)
        .select("row", "form")
        .collect()
        .join(plain.select("row", "category"), on="row")
        .drop("row")
    )
    firsts = (
        _words(plain.lazy())
        .filter(pl.col("words").list.len() >= 2)
        .select(form="t" + _text_form(pl.col("words").list.first()))
        .collect()["form"]
    )
    other_whole: list[tuple[str, str]] = []
    other_firsts: list[str] = []
    for text, category in cells.filter(~ascii_).select("text", "category").iter_rows():
        other_whole.extend((form, category) for form in forms(text))
        if not text.isalnum():
            words = tokens(text)
            if len(words) >= 2:
                other_firsts.append("t" + text_form(words[0]))
    other = pl.DataFrame(other_whole, schema=whole.schema, orient="row")
    found = (
        pl.concat([whole, other])
        .select(fp=key.hashes(pl.col("form")), category=pl.col("category"))
        .unique()
    )
    starts = pl.concat([firsts, pl.Series("form", other_firsts, pl.String)])
    return found, starts.to_frame().select(key.hashes(pl.col("form"))).to_series().unique()
