"""File-system steps the file-based sinks share: unique staging names, fsync, removal."""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

STAGING_MARK = ".sluis-staging-"
OLD_MARK = ".sluis-old-"


def sibling(target: Path, mark: str) -> Path:
    """A fresh path beside ``target``: ``<target><mark><random>``."""
    return target.with_name(f"{target.name}{mark}{secrets.token_hex(6)}")


def fsync_path(path: Path) -> None:
    """Flush a file, or a directory entry list, to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(folder: Path) -> None:
    for entry in folder.rglob("*"):
        if entry.is_file():
            fsync_path(entry)
    fsync_path(folder)


def remove(path: Path) -> None:
    """Remove a file or folder if it exists."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
