"""The sandbox's state on disk: one JSON file, replaced atomically.

A crash at any moment leaves either the old or the new file, never a torn
one: write a temp file in the same directory, fsync it, rename it over the
old one, fsync the directory (so the rename itself survives a power cut).
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path
from typing import Any

from qubes_fw_gui.model.payload import parse_lines
from qubes_fw_gui.sandbox.world import Qube, World

STATE_FILE = "state.json"
LOCK_FILE = ".lock"
FORMAT = "qubes-fw-sandbox/1"


class StateError(Exception):
    """The state file exists but cannot be read as sandbox state."""


def state_path(state_dir: Path) -> Path:
    return Path(state_dir) / STATE_FILE


def dump(world: World, qubesdb: dict[str, dict[str, str]], now: float | None = None) -> bytes:
    now = time.time() if now is None else now
    qubes = []
    for qube in world.sorted():
        qubes.append(
            {
                "name": qube.name,
                "qid": qube.qid,
                "klass": qube.klass,
                "uuid": qube.uuid,
                "state": qube.state,
                "label": qube.label,
                "netvm": qube.netvm,
                "netvm_is_default": qube.netvm_is_default,
                "provides_network": qube.provides_network,
                "provides_network_is_default": qube.provides_network_is_default,
                "template": qube.template,
                "features": dict(qube.features),  # insertion order, as feature.List gives it
                # Like qubesd's firewall.xml: expired rules are not saved.
                "rules": [rule.api_line() for rule in qube.rules if not rule.is_expired(now)],
            }
        )
    document = {"format": FORMAT, "qubes": qubes, "qubesdb": qubesdb}
    return json.dumps(document, indent=1).encode("ascii")


def load(state_dir: Path) -> tuple[World, dict[str, dict[str, str]]] | None:
    """The saved world and QubesDB contents; None when nothing was saved yet."""
    path = state_path(state_dir)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        document = json.loads(data)
        if document.get("format") != FORMAT:
            raise StateError(f"{path} is not a sandbox state file")
        qubes = [_qube(entry) for entry in document["qubes"]]
        qubesdb = {str(k): dict(v) for k, v in document.get("qubesdb", {}).items()}
    except (ValueError, KeyError, TypeError) as error:
        raise StateError(f"cannot read {path}: {error}") from error
    return World(qubes), qubesdb


def _qube(entry: dict[str, Any]) -> Qube:
    return Qube(
        name=entry["name"],
        qid=int(entry["qid"]),
        klass=entry["klass"],
        uuid=entry["uuid"],
        state=entry["state"],
        label=entry["label"],
        netvm=entry["netvm"],
        netvm_is_default=bool(entry.get("netvm_is_default", False)),
        provides_network=bool(entry["provides_network"]),
        provides_network_is_default=_optional_bool(entry.get("provides_network_is_default")),
        template=entry["template"],
        features={str(k): str(v) for k, v in entry["features"].items()},
        # A spec-mode sandbox may have stored `dpi`; reading it back is always allowed.
        rules=parse_lines("\n".join(entry["rules"]), allow_l7=True),
    )


def _optional_bool(value: object) -> bool | None:
    return None if value is None else bool(value)


def save_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def save(state_dir: Path, world: World, qubesdb: dict[str, dict[str, str]]) -> None:
    Path(state_dir).mkdir(parents=True, exist_ok=True)
    save_atomically(state_path(state_dir), dump(world, qubesdb))


class StateLock:
    """One sandbox per state directory: two writers would undo each other's saves."""

    def __init__(self, state_dir: Path) -> None:
        Path(state_dir).mkdir(parents=True, exist_ok=True)
        self._fd: int | None = os.open(Path(state_dir) / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._fd)
            self._fd = None
            raise StateError(f"another sandbox is already using the state in {state_dir}") from None

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock
            self._fd = None
