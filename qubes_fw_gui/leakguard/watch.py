"""Watch mode: re-apply when the settings change or a tunnel interface comes or goes.

Event sources are threads that put `Event`s into one queue; the loop waits,
collects what arrives within a short settle time (a panel Save writes several
features one after the other), then makes one pass.
"""

from __future__ import annotations

import os
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from qubes_fw_gui.leakguard.sources import WATCH_PREFIXES


@dataclass(frozen=True)
class Event:
    kind: Literal["settings", "link", "stop"]
    detail: str = ""  # the QubesDB path, or the interface name


def interface_of_monitor_line(line: str) -> str | None:
    """The interface named by an `ip -o monitor link` line (`3: tun0@if2: <...> ...`)."""
    words = line.removeprefix("Deleted ").split(": ", 2)
    if len(words) < 2 or not words[0].strip().isdigit():
        return None
    return words[1].split("@", 1)[0] or None


def is_tunnel(name: str, tunnels: Sequence[str]) -> bool:
    """Whether `name` is one of the tunnel interfaces (`wg*` matches every name starting with wg)."""
    return any(name.startswith(t[:-1]) if t.endswith("*") else name == t for t in tunnels)


def _pump(command: Sequence[str], on_line: Callable[[str], None], stop: threading.Event) -> subprocess.Popen:
    process = subprocess.Popen(list(command), stdout=subprocess.PIPE, text=True, bufsize=1)

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if stop.is_set():
                break
            on_line(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True, name=f"leakguard {command[0]}").start()
    return process


class LinkMonitor:
    """`ip -o monitor link` as events; `command` can be prefixed (e.g. `ip netns exec NS`)."""

    def __init__(self, events: queue.Queue[Event], command: Sequence[str] = ("ip", "-o", "monitor", "link")) -> None:
        self._events = events
        self._command = command
        self._stop = threading.Event()
        self._process: subprocess.Popen | None = None

    def start(self) -> None:
        def on_line(line: str) -> None:
            name = interface_of_monitor_line(line)
            if name:
                self._events.put(Event("link", name))

        self._process = _pump(self._command, on_line, self._stop)

    def stop(self) -> None:
        self._stop.set()
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=5)


class QubesDbWatch:
    """QubesDB watches on /vm-config/ and /qubes-service/ (python module, else qubesdb-watch)."""

    retry_s = 5.0

    def __init__(self, events: queue.Queue[Event]) -> None:
        self._events = events

    def start(self) -> None:
        threading.Thread(target=self._run, daemon=True, name="leakguard qubesdb").start()

    def _run(self) -> None:
        try:
            import qubesdb  # type: ignore[import-not-found]  # in every Qubes VM
        except ImportError:
            qubesdb = None
        missed = False
        while True:
            try:
                if qubesdb is not None:
                    db = qubesdb.QubesDB()
                    for prefix in WATCH_PREFIXES:
                        db.watch(prefix)
                    if missed:  # changes made while the watch was down
                        self._events.put(Event("settings", "reconnected"))
                    while True:
                        self._events.put(Event("settings", db.read_watch()))
                # Without the module (not a Qubes VM): one qubesdb-watch run per event. A change
                # in the short gap between two runs waits for the next event.
                done = subprocess.run(["qubesdb-watch", *WATCH_PREFIXES], capture_output=True, text=True)
                if done.returncode != 0:
                    raise OSError(done.stderr.strip())
                self._events.put(Event("settings", done.stdout.strip()))
            except Exception:  # QubesDB restarting or absent: try again, never spin
                missed = True
                time.sleep(self.retry_s)

    def stop(self) -> None:
        pass  # daemon thread: ends with the process


class FileWatch:
    """A --settings file, polled for changes of its modification time and size."""

    def __init__(self, events: queue.Queue[Event], path: str | Path, interval: float = 0.2) -> None:
        self._events = events
        self._path = Path(path)
        self._interval = interval
        self._stop = threading.Event()

    def _stamp(self) -> tuple[int, int] | None:
        try:
            stat = os.stat(self._path)
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def start(self) -> None:
        def run() -> None:
            last = self._stamp()
            while not self._stop.wait(self._interval):
                stamp = self._stamp()
                if stamp != last:
                    last = stamp
                    self._events.put(Event("settings", str(self._path)))

        threading.Thread(target=run, daemon=True, name="leakguard file").start()

    def stop(self) -> None:
        self._stop.set()


def watch_loop(
    events: queue.Queue[Event],
    apply: Callable[[bool], tuple[str, ...]],
    tunnels: tuple[str, ...],
    settle: float = 0.2,
) -> None:
    """Run passes until a "stop" event.

    `apply(force_purge)` makes one pass and returns the tunnel interfaces now in
    force; link events of other interfaces (a downstream qube starting) are
    ignored, so they never cut the other qubes' connections.
    """
    while True:
        first = events.get()
        batch = [first]
        deadline = time.monotonic() + settle
        while (left := deadline - time.monotonic()) > 0:
            try:
                batch.append(events.get(timeout=left))
            except queue.Empty:
                break
        if any(event.kind == "stop" for event in batch):
            return
        settings_changed = any(event.kind == "settings" for event in batch)
        tunnel_changed = any(event.kind == "link" and is_tunnel(event.detail, tunnels) for event in batch)
        if settings_changed or tunnel_changed:
            tunnels = apply(tunnel_changed)
