"""What the register command groups share: the register database and its processing log.

One rule decides whether register changes are logged: when the register database holds a
processing log (``sluis log init`` was run on it), every change the ``disclose``,
``retention``, ``dpia`` and ``breach`` commands make is written to that log, in the same
transaction as the change itself: both are kept, or neither. Without a log the registers
work as before and nothing is logged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from sluis.keys import Key
from sluis.registers import log_store
from sluis.registers.change_log import RegisterChangeLog
from sluis.registers.changes import ChangeRecorder
from sluis.registers.processing_log import ProcessingLog
from sluis.registers.store import RegisterStore

REGISTER_ENV = "SLUIS_REGISTER"
F = TypeVar("F", bound=Callable[..., Any])


def register_option(function: F) -> F:
    """``--register URL``: the register database (else ``$SLUIS_REGISTER``)."""
    return click.option(
        "--register",
        "register_url",
        envvar=REGISTER_ENV,
        default="registers.db",
        show_default=True,
        help=f"Register database: a SQLite file or postgresql://… (else ${REGISTER_ENV}). "
        "When it holds a processing log ('sluis log init'), every change is logged there.",
    )(function)


def open_register(url: str) -> RegisterStore:
    return RegisterStore.open(url)


def recorder_for(store: RegisterStore) -> ChangeRecorder | None:
    """The processing log in ``store`` as the registers' change recorder; None without one."""
    if not log_store.has_schema(store):
        return None
    # Register changes name persons by pseudonyms already; the log's own key, which turns
    # raw ids into pseudonyms, is never used for them, so a throwaway key serves.
    return RegisterChangeLog(ProcessingLog(store, Key.generate()))
