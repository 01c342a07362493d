"""The sandbox dom0 in a background thread of this process: for the editor's demo and for tests."""

from __future__ import annotations

import asyncio
import concurrent.futures
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from qubes_fw_gui.model.payload import parse_lines
from qubes_fw_gui.sandbox.dom0 import Dom0
from qubes_fw_gui.sandbox.server import SandboxServer

T = TypeVar("T")

# sun_path holds 108 bytes; stay well under it.
_MAX_SOCKET_PATH = 100


class EmbeddedSandbox:
    """A qubesd-compatible server on `socket_path`, state under `state_dir`.

    Use as a context manager, or call start()/stop(). The demo world is
    created on the first start in an empty state directory.
    """

    def __init__(self, state_dir: Path, socket_path: Path | None = None, stock: bool = False) -> None:
        self.state_dir = Path(state_dir)
        self.stock = stock
        self._socket_dir: str | None = None
        if socket_path is None:
            socket_path = self.state_dir / "qubesd.sock"
            if len(bytes(socket_path)) > _MAX_SOCKET_PATH:
                self._socket_dir = tempfile.mkdtemp(prefix="qfw-sandbox-")
                socket_path = Path(self._socket_dir) / "qubesd.sock"
        self.socket_path = Path(socket_path)
        self.requests: list[bytes] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: SandboxServer | None = None

    # -- life cycle --------------------------------------------------------------

    def start(self) -> EmbeddedSandbox:
        if self._thread is not None:
            return self
        self.state_dir.mkdir(parents=True, exist_ok=True)
        ready: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._thread = threading.Thread(target=self._run, args=(ready,), name="sandbox-dom0", daemon=True)
        self._thread.start()
        try:
            ready.result(timeout=30)
        except BaseException:
            self._thread.join(timeout=5)
            self._thread = None
            raise
        return self

    def _run(self, ready: concurrent.futures.Future[None]) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            dom0 = Dom0(self.state_dir, stock=self.stock)
            server = SandboxServer(dom0)
            server.requests = self.requests
            loop.run_until_complete(server.start(self.socket_path))
            self._server = server
        except BaseException as error:  # noqa: BLE001 - handed to start()
            loop.close()
            self._loop = None
            ready.set_exception(error)
            return
        ready.set_result(None)
        try:
            loop.run_forever()
            loop.run_until_complete(server.close())
        finally:
            loop.close()

    def stop(self) -> None:
        if self._thread is None or self._loop is None:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._thread = None
        self._loop = None
        self._server = None
        self.socket_path.unlink(missing_ok=True)
        if self._socket_dir is not None:
            shutil.rmtree(self._socket_dir, ignore_errors=True)

    def __enter__(self) -> EmbeddedSandbox:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- looking inside (runs on the server's thread, so it never races a request) --

    def _call(self, function: Callable[[Dom0], T]) -> T:
        if self._loop is None or self._server is None:
            raise RuntimeError("the sandbox is not running")
        dom0 = self._server.dom0
        future: concurrent.futures.Future[T] = concurrent.futures.Future()

        def run() -> None:
            try:
                future.set_result(function(dom0))
            except BaseException as error:  # noqa: BLE001 - re-raised in the caller
                future.set_exception(error)

        self._loop.call_soon_threadsafe(run)
        return future.result(timeout=30)

    def qubesdb(self, qube: str) -> dict[str, str]:
        """A copy of `qube`'s emulated QubesDB (key -> value, sorted by key)."""
        return self._call(lambda dom0: dom0.qubesdb[qube].snapshot())

    def qubesdb_log(self, qube: str) -> list[tuple[str, str, str | None]]:
        """Every write ('write', key, value) and removal ('rm', path, None) in order."""
        return self._call(lambda dom0: list(dom0.qubesdb[qube].log))

    def seed_rules(self, qube: str, lines: list[str]) -> None:
        """Store rules directly (no 64 KiB limit), then do what a Set does."""
        def seed(dom0: Dom0) -> None:
            rules = parse_lines("\n".join(lines), allow_l7=not dom0.stock)
            dom0.seed_rules(dom0.world[qube], rules)

        self._call(seed)

    def feature(self, qube: str, name: str) -> str | None:
        return self._call(lambda dom0: dom0.world[qube].features.get(name))
