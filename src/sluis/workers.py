"""Worker processes for CPU-bound batches: anonymize's transforms and verify's leak check.

Workers are forked from one server process (the ``forkserver`` start method), so they inherit
no threads or open connections. Importing the operators and detectors takes over a second;
:func:`warm_up` has that server import them once, in the background, as soon as a run knows
it will need workers, and every pool after it starts in milliseconds.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing import forkserver
from multiprocessing.context import BaseContext

# What the server imports before it forks: everything a worker runs (an import that fails
# is skipped by the server, and the worker imports it itself).
_PRELOAD = ["sluis.anonymize.parallel", "sluis.verify.checks.leak"]


def start_method() -> BaseContext:
    """The start method every worker pool uses."""
    forkserving = multiprocessing.get_context("forkserver")
    forkserving.set_forkserver_preload(_PRELOAD)
    return forkserving


def warm_up() -> None:
    """Start the server now (a no-op once it runs); pools made later fork from it."""
    start_method()
    forkserver.ensure_running()
