"""Loading the organization's context from CSV: round trip and fail-closed errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sluis.errors import InputError
from sluis.registers.snooping import load_context, write_context
from tests.registers.snooping.cases import context

SECRET = "S-SECRET-VALUE"


def test_round_trip(tmp_path: Path) -> None:
    original = context(
        [
            {"subject": "S-1", "unit": "team-a", "opened": date(2025, 1, 1)},
            {
                "subject": "S-1",
                "employee": "E3",
                "opened": date(2025, 1, 2),
                "closed": date(2025, 2, 1),
            },
        ]
    )
    write_context(tmp_path, original)
    loaded = load_context(tmp_path)
    assert loaded.employees == original.employees
    assert loaded.subjects == original.subjects
    assert loaded.assignments == original.assignments
    assert loaded.employees_by_subject["S-E1"] == ("E1",)
    assert loaded.household_of("S-FAM1") == "H1"


def _write(folder: Path, employees: str, subjects: str, assignments: str) -> None:
    (folder / "employees.csv").write_text(employees, encoding="utf-8")
    (folder / "subjects.csv").write_text(subjects, encoding="utf-8")
    (folder / "assignments.csv").write_text(assignments, encoding="utf-8")


EMP = "id,unit,subject,household\nE1,team-a,S-E1,H1\n"
SUB = "subject,household,vip,last_activity\nS-1,H9,false,2025-01-01\n"
ASG = "subject,unit,employee,opened,closed\nS-1,team-a,,2025-01-01,\n"

BAD = [
    ("missing column", EMP.replace(",household", ""), SUB, ASG, "missing column 'household'"),
    ("unknown column", EMP.replace("household", "household,bsn"), SUB, ASG, "unknown column"),
    ("bad flag", EMP, SUB.replace("false", SECRET), ASG, "subjects.csv line 2: column 'vip'"),
    ("bad date", EMP, SUB, ASG.replace("2025-01-01", SECRET), "assignments.csv line 2"),
    ("closed first", EMP, SUB, ASG.replace("2025-01-01,", "2025-01-01,2024-01-01"), "before"),
    ("nobody assigned", EMP, SUB, ASG.replace("team-a", ""), "give 'unit', 'employee'"),
    ("empty id", EMP.replace("E1,", ","), SUB, ASG, "employees.csv line 2: column 'id'"),
    ("short row", EMP + "E2,team-b\n", SUB, ASG, "employees.csv line 3: wrong number"),
]


@pytest.mark.parametrize(("name", "emp", "sub", "asg", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_context_fails_closed(
    tmp_path: Path, name: str, emp: str, sub: str, asg: str, message: str
) -> None:
    _write(tmp_path, emp, sub, asg)
    with pytest.raises(InputError) as caught:
        load_context(tmp_path)
    assert message in str(caught.value), name
    assert SECRET not in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    (tmp_path / "employees.csv").write_text(EMP, encoding="utf-8")
    with pytest.raises(InputError, match=r"subjects\.csv is missing"):
        load_context(tmp_path)


def test_inactive_column_is_optional(tmp_path: Path) -> None:
    _write(
        tmp_path,
        EMP,
        SUB.replace("last_activity", "last_activity,inactive").replace(
            "2025-01-01", "2025-01-01,true"
        ),
        ASG,
    )
    assert load_context(tmp_path).subjects["S-1"].inactive
