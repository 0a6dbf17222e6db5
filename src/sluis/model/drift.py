"""Drift between a policy and a source: what one names and the other lacks."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches

from sluis.model.policy import Policy, ShiftDate
from sluis.model.schema import Schema


@dataclass(frozen=True)
class Drift:
    """Names only, never values. ``unnamed`` are in the source but not in the policy (the
    run must stop: fail closed); ``stale`` are in the policy but not in the source."""

    unnamed_tables: tuple[str, ...] = ()
    unnamed_columns: tuple[str, ...] = ()
    stale_tables: tuple[str, ...] = ()
    stale_columns: tuple[str, ...] = ()
    broken_references: tuple[str, ...] = ()

    @property
    def clean(self) -> bool:
        return not (
            self.unnamed_tables
            or self.unnamed_columns
            or self.stale_tables
            or self.stale_columns
            or self.broken_references
        )

    def lines(self) -> list[str]:
        """One line per problem, each with the fix; a name the policy spells differently
        from the source (``burgerServiceNr`` for ``burgerservicenr``) is one problem, first."""
        tables = _misspelled(self.stale_tables, self.unnamed_tables)
        columns = _misspelled(self.stale_columns, self.unnamed_columns)
        out = [
            f"{kind} {wrong}: in the policy, not in the source, which has {right} (rename it)"
            for kind, pairs in (("table", tables), ("column", columns))
            for wrong, right in pairs.items()
        ]
        out += [
            f"table {t}: in the source, not in the policy (add it)"
            for t in self.unnamed_tables
            if t not in tables.values()
        ]
        out += [
            f"column {c}: in the source, not in the policy (add a rule)"
            for c in self.unnamed_columns
            if c not in columns.values()
        ]
        out += [
            f"table {t}: in the policy, not in the source (remove it)"
            for t in self.stale_tables
            if t not in tables
        ]
        out += [
            f"column {c}: in the policy, not in the source (remove the rule)"
            for c in self.stale_columns
            if c not in columns
        ]
        out += list(self.broken_references)
        return out


def _misspelled(stale: tuple[str, ...], unnamed: tuple[str, ...]) -> dict[str, str]:
    """Each name of the policy the source lacks, paired with the source name it most likely
    means: the same table, and the same letters but for case and a few typos."""
    pairs: dict[str, str] = {}
    for wrong in stale:
        table = wrong.rpartition(".")[0]
        options = {
            name.casefold(): name
            for name in unnamed
            if name.rpartition(".")[0] == table and name not in pairs.values()
        }
        match = get_close_matches(wrong.casefold(), list(options), n=1, cutoff=0.8)
        if match:
            pairs[wrong] = options[match[0]]
    return pairs


def find_drift(schema: Schema, policy: Policy) -> Drift:
    """Compare every table and column of ``schema`` with ``policy``."""
    source_tables = {t.name: t for t in schema.tables}
    unnamed_tables = [name for name in source_tables if name not in policy.tables]
    stale_tables = [name for name in policy.tables if name not in source_tables]
    unnamed_columns: list[str] = []
    stale_columns: list[str] = []
    broken: list[str] = []
    for name, table in source_tables.items():
        table_policy = policy.tables.get(name)
        if table_policy is None:
            continue
        columns = {c.name for c in table.columns}
        unnamed_columns += [
            f"{name}.{c.name}" for c in table.columns if c.name not in table_policy.columns
        ]
        stale_columns += [f"{name}.{c}" for c in table_policy.columns if c not in columns]
        for column, rule in table_policy.columns.items():
            if isinstance(rule, ShiftDate) and rule.subject and rule.subject not in columns:
                broken.append(
                    f"column {name}.{column}: shift_date subject {rule.subject!r} is not a "
                    "column of the table"
                )
    for name, quasi in policy.quasi_identifiers.items():
        known = {c.name for c in source_tables[name].columns} if name in source_tables else set()
        missing = [q for q in quasi if q not in known]
        broken += [f"quasi_identifiers {name}.{q}: no such column" for q in missing]
    return Drift(
        tuple(unnamed_tables),
        tuple(unnamed_columns),
        tuple(stale_tables),
        tuple(stale_columns),
        tuple(broken),
    )
