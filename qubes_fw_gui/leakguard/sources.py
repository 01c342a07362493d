"""Where the guard's settings come from: the ProxyVM's QubesDB, or a file (--settings).

Both give the same thing: QubesDB paths -> values, e.g.
`/qubes-service/qubes-fw-leakguard = 1`, `/vm-config/qubes-fw-leakguard-block-ipv6 = 1`,
and, when present, `/connected-ips` / `/connected-ips6` (the downstream qubes).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from qubes_fw_gui.model.leakguard_settings import CONFIG_PREFIX, SERVICE, SERVICE_KEY

# The keys the guard reads; a QubesDB watch on these prefixes covers every change.
CONFIG_KEYS_PREFIX = "/vm-config/" + CONFIG_PREFIX
WATCH_PREFIXES = ("/vm-config/", "/qubes-service/")
CONNECTED_KEYS = ("/connected-ips", "/connected-ips6")


class SourceError(RuntimeError):
    """The settings could not be read at all (no QubesDB, unreadable file, bad line)."""


class SettingsSource(Protocol):
    def entries(self) -> dict[str, str]:
        """Every relevant QubesDB path -> value; raises SourceError."""
        ...


_ESCAPE = re.compile(r"\\x([0-9a-fA-F]{2})")


def parse_multiread(output: str) -> dict[str, str]:
    """Parse `qubesdb-multiread -f` output: one `path = value` per line, odd bytes as \\xNN."""
    entries: dict[str, str] = {}
    for line in output.splitlines():
        if not line:
            continue
        path, separator, value = line.partition(" = ")
        if not separator or not path.startswith("/"):
            raise SourceError(f"unexpected qubesdb-multiread line: {line!r}")
        entries[path] = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
    return entries


class QubesDbSource:
    """The ProxyVM's own QubesDB: the python `qubesdb` module when present, else the CLI tools."""

    def __init__(self, multiread: str = "qubesdb-multiread") -> None:
        self._multiread = multiread
        try:
            import qubesdb  # type: ignore[import-not-found]  # present in every Qubes VM

            self._db = qubesdb.QubesDB()
        except Exception:  # no module, or no daemon: fall back to the command
            self._db = None

    def _read_prefix(self, prefix: str) -> dict[str, str]:
        if self._db is not None:
            try:
                found = self._db.multiread(prefix)
            except Exception as error:
                raise SourceError(f"QubesDB read of {prefix} failed: {error}") from error
            return {k: v.decode("ascii", "backslashreplace") for k, v in found.items()}
        try:
            done = subprocess.run(
                [self._multiread, "-f", prefix], capture_output=True, text=True, timeout=10
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SourceError(f"cannot run {self._multiread}: {error}") from error
        if done.returncode != 0:
            raise SourceError(f"{self._multiread} {prefix} failed: {done.stderr.strip()}")
        return parse_multiread(done.stdout)

    def entries(self) -> dict[str, str]:
        found = self._read_prefix(CONFIG_KEYS_PREFIX)
        # A prefix read: drop /qubes-service/qubes-fw-leakguard-something-else.
        found.update({k: v for k, v in self._read_prefix(SERVICE_KEY).items() if k == SERVICE_KEY})
        for key in CONNECTED_KEYS:
            found.update({k: v for k, v in self._read_prefix(key).items() if k == key})
        return found


def parse_settings_text(text: str) -> dict[str, str]:
    """A settings file: `KEY = VALUE` (or `KEY=VALUE`) lines, '#' comments.

    KEY is a QubesDB path (`/vm-config/qubes-fw-leakguard-tunnel-only`) or the
    feature name as in `qvm-features` (`vm-config.qubes-fw-leakguard-tunnel-only`,
    `service.qubes-fw-leakguard`, where '' means off as in Qubes).
    """
    entries: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, separator, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if not separator or not key:
            raise SourceError(f"line {number}: expected KEY = VALUE, got {raw!r}")
        if key == f"service.{SERVICE}":
            entries[SERVICE_KEY] = "1" if value else "0"
        elif key.startswith("vm-config."):
            entries["/vm-config/" + key.removeprefix("vm-config.")] = value
        elif key.startswith("/"):
            entries[key] = value
        else:
            raise SourceError(f"line {number}: {key!r} is neither a QubesDB path nor a feature name")
    return entries


class FileSource:
    """Settings from a file (tests, or a ProxyVM without QubesDB)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def entries(self) -> dict[str, str]:
        try:
            text = self.path.read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError) as error:
            raise SourceError(f"cannot read settings file {self.path}: {error}") from error
        return parse_settings_text(text)


def connected_addresses(entries: dict[str, str]) -> Iterator[str]:
    """The downstream qubes' addresses that Qubes lists in /connected-ips(6)."""
    for key in CONNECTED_KEYS:
        yield from entries.get(key, "").split()
