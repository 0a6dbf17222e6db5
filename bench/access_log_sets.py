"""Seeded synthetic access logs with planted misuse, for the snooping review benchmark.

An organization of caseworker teams, helpdesk units and a back office works on clients in
households. Normal work is mostly explained (the actor's or the team's open case), with
legitimate unexplained accesses: helpdesk calls (search, then open the caller's file),
caseworkers covering for colleagues, explained overtime. Misuse of each kind is planted
and its ground truth kept apart from the log (:attr:`AccessLogSet.labels`).

Everything is pseudonymous and random; nothing here describes a real person.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sluis.registers.access import AccessRecord, Action, Outcome
from sluis.registers.snooping.context import Assignment, Context, Employee, Subject

ZONE = ZoneInfo("Europe/Amsterdam")
KINDS = (
    "self",
    "household",
    "coworker",
    "vip",
    "inactive",
    "browsing",
    "bulk_export",
    "bulk_search",
    "off_hours",
)


@dataclass(frozen=True)
class LogSpec:
    """Shape of one synthetic organization and its log; ``misuse``: events per kind."""

    seed: int
    employees: int = 300
    subjects: int = 20_000
    days: int = 90
    accesses: int = 200_000
    start: date = date(2025, 3, 3)
    team_size: int = 12
    helpdesk_share: float = 0.12
    backoffice_share: float = 0.04
    vip_share: float = 0.002
    inactive_share: float = 0.15
    case_share: float = 0.6
    covering_share: float = 0.02
    overtime_share: float = 0.02
    helpdesk_hours: tuple[int, int] = (8, 18)
    misuse: Mapping[str, int] = field(
        default_factory=lambda: {
            "self": 15,
            "household": 15,
            "coworker": 15,
            "vip": 10,
            "inactive": 15,
            "browsing": 10,
            "bulk_export": 5,
            "bulk_search": 5,
            "off_hours": 15,
        }
    )


#: The development set: the rules' defaults were chosen before it was generated and not
#: tuned to it.
DEVELOPMENT = LogSpec(seed=1)

#: The holdout: another seed, another organization shape and misuse mix, busier helpdesk
#: with evening hours, more covering and overtime. Never tuned on.
HOLDOUT = LogSpec(
    seed=2,
    employees=220,
    subjects=15_000,
    days=60,
    accesses=120_000,
    start=date(2025, 9, 1),
    team_size=8,
    helpdesk_share=0.25,
    backoffice_share=0.08,
    vip_share=0.005,
    inactive_share=0.3,
    case_share=0.45,
    covering_share=0.05,
    overtime_share=0.06,
    helpdesk_hours=(8, 20),
    misuse={
        "self": 8,
        "household": 25,
        "coworker": 10,
        "vip": 20,
        "inactive": 30,
        "browsing": 6,
        "bulk_export": 3,
        "bulk_search": 8,
        "off_hours": 25,
    },
)


@dataclass(frozen=True)
class Label:
    """Ground truth of one planted misuse record: its kind and the event it belongs to."""

    kind: str
    event: int


@dataclass
class AccessLogSet:
    spec: LogSpec
    context: Context
    records: list[AccessRecord]
    labels: dict[str, Label]


class _Builder:
    def __init__(self, spec: LogSpec) -> None:
        self.spec = spec
        self.rng = random.Random(spec.seed)
        self.records: list[AccessRecord] = []
        self.labels: dict[str, Label] = {}
        self._ids: set[str] = set()

    def pseudonym(self, prefix: str) -> str:
        while True:
            value = f"{prefix}{self.rng.getrandbits(48):012x}"
            if value not in self._ids:
                self._ids.add(value)
                return value

    def moment(self, day: date, hour: float) -> datetime:
        wall = datetime.combine(day, time(0)) + timedelta(seconds=int(hour * 3600))
        return wall.replace(tzinfo=ZONE)

    def add(
        self,
        employee: Employee,
        role: str,
        at: datetime,
        action: Action,
        subjects: list[str],
        label: Label | None = None,
        outcome: Outcome = Outcome.GRANTED,
    ) -> None:
        trace = self.pseudonym("T")
        categories = ("identity", "income") if action is not Action.SEARCH else ("identity",)
        self.records.append(
            AccessRecord(
                trace_id=trace,
                at=at,
                actor=employee.id,
                role=role,
                unit=employee.unit,
                action=action,
                outcome=outcome,
                subjects=tuple(subjects),
                data_categories=categories,
                purpose="benefits",
                workstation=f"WS-{employee.id}",
            )
        )
        if label is not None:
            self.labels[trace] = label


def _households(b: _Builder) -> list[Subject]:
    spec, rng = b.spec, b.rng
    subjects: list[Subject] = []
    end = spec.start + timedelta(days=spec.days)
    while len(subjects) < spec.subjects:
        household = b.pseudonym("H")
        for _ in range(rng.choices([1, 2, 3, 4, 5], [30, 30, 18, 15, 7])[0]):
            inactive = rng.random() < spec.inactive_share
            if inactive:
                last = spec.start - timedelta(days=rng.randint(3 * 365, 12 * 365))
            else:
                last = end - timedelta(days=rng.randint(0, 400))
            subjects.append(
                Subject(
                    id=b.pseudonym("S"),
                    household=household,
                    vip=rng.random() < spec.vip_share,
                    last_activity=last,
                )
            )
    return subjects[: spec.subjects]


def build(spec: LogSpec) -> AccessLogSet:
    """Generate the organization, its normal work and the planted misuse of ``spec``."""
    b = _Builder(spec)
    rng = b.rng
    subjects = _households(b)
    plain = [s for s in subjects if not s.vip]
    n_help = max(1, round(spec.employees * spec.helpdesk_share))
    n_back = max(1, round(spec.employees * spec.backoffice_share))
    n_case = spec.employees - n_help - n_back
    teams = [f"team-{i + 1:02d}" for i in range(max(1, n_case // spec.team_size))]
    helpdesks = [f"helpdesk-{i + 1}" for i in range(max(1, n_help // 20 + 1))]
    roles: dict[str, str] = {}
    employees: list[Employee] = []
    own = rng.sample(plain, spec.employees)
    for i in range(spec.employees):
        if i < n_case:
            unit, role = teams[i % len(teams)], "caseworker"
        elif i < n_case + n_help:
            unit, role = helpdesks[i % len(helpdesks)], "helpdesk"
        else:
            unit, role = "backoffice", "backoffice"
        employee = Employee(f"E{i + 1:04d}", unit, own[i].id, own[i].household)
        employees.append(employee)
        roles[employee.id] = role
    by_unit: dict[str, list[Employee]] = defaultdict(list)
    for e in employees:
        by_unit[e.unit].append(e)

    # Inactive clients were drawn 3 to 12 years back, active ones within about a year.
    recent = spec.start - timedelta(days=2 * 365)
    active = [s for s in subjects if s.last_activity and s.last_activity > recent]
    active_set = {s.id for s in active}
    inactive = [s for s in subjects if s.id not in active_set]
    # Organizations route a case of their own staff or staff's household to another team.
    barred: dict[str, set[str]] = defaultdict(set)
    staff_households = {e.household: e.unit for e in employees if e.household}
    for s in subjects:
        if s.household in staff_households:
            barred[s.id].add(staff_households[s.household])
    assignments: list[Assignment] = []
    for s in active:
        if rng.random() >= spec.case_share:
            continue
        allowed = [t for t in teams if t not in barred[s.id]] or teams
        team = rng.choice(allowed)
        opened = (
            spec.start
            - timedelta(days=rng.randint(0, 300))
            + timedelta(days=rng.randint(0, spec.days))
        )
        closed = None if rng.random() < 0.4 else opened + timedelta(days=rng.randint(10, 250))
        worker = rng.choice(by_unit[team]).id if rng.random() < 0.7 else None
        assignments.append(Assignment(s.id, opened, closed, unit=team, employee=worker))
        if rng.random() < 0.15 and "backoffice" not in barred[s.id]:
            assignments.append(
                Assignment(s.id, opened, closed, unit="backoffice", kind="assignment")
            )
    context = Context.build(employees, subjects, assignments)

    workdays = [
        spec.start + timedelta(days=d)
        for d in range(spec.days)
        if (spec.start + timedelta(days=d)).weekday() < 5
    ]
    open_for: dict[tuple[str, date], list[str]] = defaultdict(list)
    for a in assignments:
        for day in workdays:
            if a.opened <= day and (a.closed is None or day <= a.closed):
                if a.employee:
                    open_for[(a.employee, day)].append(a.subject)
                if a.unit:
                    open_for[(a.unit, day)].append(a.subject)
    # About one employee in eight is away on a given day.
    per_day = spec.accesses / max(1, len(workdays) * spec.employees) / 0.88
    active_ids = [s.id for s in active]

    def office_hour() -> float:
        return min(17.9, max(8.0, rng.gauss(12.5, 2.3)))

    for day in workdays:
        for e in employees:
            role = roles[e.id]
            if rng.random() < 0.12:  # leave, training, sick
                continue
            count = max(1, int(rng.gauss(per_day, per_day / 3)))
            if role == "caseworker":
                mine, team = open_for.get((e.id, day), []), open_for.get((e.unit, day), [])
                for _ in range(count):
                    hour = office_hour()
                    if rng.random() < spec.overtime_share:
                        hour = rng.choice([rng.uniform(6.0, 7.0), rng.uniform(19.0, 22.0)])
                    at = b.moment(day, hour)
                    if rng.random() < spec.covering_share or not (mine or team):
                        b.add(e, role, at, Action.VIEW, [rng.choice(active_ids)])
                        continue
                    target = rng.choice(mine) if mine and rng.random() < 0.7 else rng.choice(team)
                    kind = rng.choices(
                        [Action.VIEW, Action.UPDATE, Action.SEARCH, Action.PRINT, Action.EXPORT],
                        [65, 20, 10, 4, 1],
                    )[0]
                    hits = [target]
                    if kind is Action.SEARCH:
                        hits += rng.sample(active_ids, rng.randint(0, 8))
                    outcome = Outcome.DENIED if rng.random() < 0.01 else Outcome.GRANTED
                    b.add(e, role, at, kind, hits, outcome=outcome)
            elif role == "helpdesk":
                start, stop = spec.helpdesk_hours
                for _ in range(max(1, count // 2)):
                    at = b.moment(day, rng.uniform(start, stop - 0.1))
                    caller = rng.choice(active_ids)
                    hits = [caller, *rng.sample(active_ids, rng.randint(0, 12))]
                    rng.shuffle(hits)
                    b.add(e, role, at, Action.SEARCH, hits)
                    b.add(
                        e, role, at + timedelta(seconds=rng.randint(5, 90)), Action.VIEW, [caller]
                    )
            else:
                batch = open_for.get(("backoffice", day), [])
                for _ in range(count):
                    at = b.moment(day, office_hour())
                    if batch and rng.random() < 0.08:
                        size = min(len(batch), rng.randint(20, 300))
                        b.add(e, role, at, Action.EXPORT, rng.sample(batch, size))
                    elif batch:
                        b.add(
                            e,
                            role,
                            at,
                            rng.choice([Action.VIEW, Action.UPDATE]),
                            [rng.choice(batch)],
                        )

    _plant(b, spec, employees, roles, context, active_ids, inactive, workdays)
    b.records.sort(key=lambda r: r.at)
    return AccessLogSet(spec, context, b.records, b.labels)


def _plant(
    b: _Builder,
    spec: LogSpec,
    employees: list[Employee],
    roles: Mapping[str, str],
    context: Context,
    active_ids: list[str],
    inactive: list[Subject],
    workdays: list[date],
) -> None:
    rng = b.rng
    members: dict[str, list[str]] = defaultdict(list)
    for s in context.subjects.values():
        if s.household:
            members[s.household].append(s.id)
    vips = [s.id for s in context.subjects.values() if s.vip]
    event = 0
    all_days = [spec.start + timedelta(days=d) for d in range(spec.days)]
    for kind in KINDS:
        for _ in range(spec.misuse.get(kind, 0)):
            event += 1
            label = Label(kind, event)
            e = rng.choice(employees)
            role = roles[e.id]
            day = rng.choice(workdays)
            at = b.moment(day, rng.uniform(8.0, 17.5))
            if kind == "self":
                for _ in range(rng.randint(1, 2)):
                    b.add(e, role, at, Action.VIEW, [e.subject or ""], label)
                    at += timedelta(minutes=rng.randint(1, 30))
            elif kind == "household":
                family = [m for m in members.get(e.household or "", []) if m != e.subject]
                if not family:
                    continue
                b.add(e, role, at, Action.VIEW, [rng.choice(family)], label)
            elif kind == "coworker":
                peers = [p for p in employees if p.id != e.id and p.unit == e.unit]
                other = rng.choice(peers if peers and rng.random() < 0.6 else employees)
                if other.id == e.id:
                    continue
                b.add(e, role, at, Action.VIEW, [other.subject or ""], label)
            elif kind == "vip":
                if not vips:
                    continue
                b.add(
                    e, role, at, rng.choice([Action.VIEW, Action.PRINT]), [rng.choice(vips)], label
                )
            elif kind == "inactive":
                b.add(e, role, at, Action.VIEW, [rng.choice(inactive).id], label)
            elif kind == "browsing":
                for target in rng.sample(active_ids, rng.randint(3, 15)):
                    at = b.moment(day, rng.uniform(8.0, 17.5))
                    b.add(e, role, at, Action.VIEW, [target], label)
            elif kind == "bulk_export":
                for _ in range(rng.randint(1, 3)):
                    size = min(len(active_ids), rng.randint(100, 3000))
                    b.add(e, role, at, Action.EXPORT, rng.sample(active_ids, size), label)
                    at += timedelta(minutes=rng.randint(2, 40))
            elif kind == "bulk_search":
                minutes = rng.uniform(20, 180)
                for _ in range(rng.randint(40, 300)):
                    when = at + timedelta(minutes=rng.uniform(0, minutes))
                    hits = rng.sample(active_ids, rng.randint(1, 25))
                    b.add(e, role, when, Action.SEARCH, hits, label)
            elif kind == "off_hours":
                late = rng.choice(all_days)
                hour = rng.choice([rng.uniform(20.0, 24.0), rng.uniform(0.0, 6.0)])
                if late.weekday() >= 5:
                    hour = rng.uniform(9.0, 22.0)
                at = b.moment(late, hour)
                for target in rng.sample(active_ids, rng.randint(1, 4)):
                    b.add(e, role, at, Action.VIEW, [target], label)
                    at += timedelta(minutes=rng.randint(1, 15))
