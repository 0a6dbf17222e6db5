"""A throwaway PostgreSQL server for tests.

The server lives in a temporary directory, listens only on a unix socket inside it, trusts
every local connection and is removed when stopped. PostgreSQL refuses to run as root, so
as root the server runs as the ``postgres`` system user (or ``nobody`` when that user does
not exist) through ``runuser``.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"
PORT = 5432  # only names the socket file: the server opens no TCP port


def find_bindir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, or None when PostgreSQL is missing."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).resolve().parent
    versions = [d for d in Path("/usr/lib/postgresql").glob("*/bin") if (d / "pg_ctl").exists()]
    newest_first = sorted(
        versions, key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0, reverse=True
    )
    for bindir in newest_first:
        if (bindir / "initdb").exists():
            return bindir
    return None


def _service_user() -> str | None:
    """The unprivileged user to run the server as, or None when we are not root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise RuntimeError("running as root and neither user 'postgres' nor 'nobody' exists")


@dataclass
class Server:
    """A running throwaway server."""

    bindir: Path
    root: Path
    user: str | None

    @property
    def socket_dir(self) -> Path:
        return self.root

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        """A libpq URI for ``database`` through the server's unix socket."""
        return f"postgresql://{SUPERUSER}@/{database}?host={self.socket_dir}&port={PORT}"

    def run(self, program: str, args: Sequence[str]) -> None:
        cmd = [str(self.bindir / program), *args]
        if self.user is not None:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(
                f"{program} failed ({done.returncode}):\n{done.stdout}{done.stderr}{tail}"
            )


def start(bindir: Path | None = None) -> Server:
    """Initialise and start a server; the caller must ``stop`` it."""
    found = bindir or find_bindir()
    if found is None:
        raise RuntimeError("PostgreSQL binaries not found; run tools/ensure-postgresql.sh")
    user = _service_user()
    root = Path(tempfile.mkdtemp(prefix="sluis-pg-"))
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    server = Server(bindir=found, root=root, user=user)
    try:
        server.run(
            "initdb",
            [
                "-D",
                str(server.data_dir),
                "-U",
                SUPERUSER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
        )
        options = (
            f"-k {root} -p {PORT} -c listen_addresses='' -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off"
        )
        server.run(
            "pg_ctl",
            [
                "-D",
                str(server.data_dir),
                "-l",
                str(root / "server.log"),
                "-o",
                options,
                "-w",
                "start",
            ],
        )
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return server


def stop(server: Server) -> None:
    """Stop the server at once and remove every file it wrote."""
    try:
        server.run("pg_ctl", ["-D", str(server.data_dir), "-m", "immediate", "-w", "stop"])
    finally:
        shutil.rmtree(server.root, ignore_errors=True)


@contextmanager
def running(bindir: Path | None = None) -> Iterator[Server]:
    """A server for the duration of the ``with`` block."""
    server = start(bindir)
    try:
        yield server
    finally:
        stop(server)
