"""The checks, one module each; every module has ``CODE``, ``NAME`` and ``run(context)``."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from sluis.verify.checks import coverage, leak, reidentification, rescan, structure
from sluis.verify.context import VerifyContext
from sluis.verify.report import CheckResult

CHECKS: tuple[ModuleType, ...] = (leak, coverage, structure, rescan, reidentification)

Check = Callable[[VerifyContext], CheckResult]

__all__ = ["CHECKS", "Check"]
