"""The asyncio Unix-socket server: one request per connection, as qubesd (facts §1, §6).

It reads to EOF (aborting past 64 KiB), answers with one frame and closes;
admin.Events connections instead stay open and receive event frames.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import os
import socket
from collections.abc import Callable, Mapping
from pathlib import Path

from qubes_fw_gui.sandbox.api import EVENTS_METHOD, Api
from qubes_fw_gui.sandbox.dom0 import Dom0
from qubes_fw_gui.sandbox.protocol import (
    MAX_REQUEST_BYTES,
    Abort,
    ApiError,
    event_frame,
    exception_frame,
    parse_request,
    success_frame,
)

log = logging.getLogger(__name__)


class _Connection(asyncio.Protocol):
    def __init__(self, server: SandboxServer) -> None:
        self.server = server
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None
        self.listener: Callable[[str, str, Mapping[str, object]], None] | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        if self.transport is None:
            return
        if len(self.buffer) + len(data) > MAX_REQUEST_BYTES:
            log.warning("request too long, aborting the connection")
            self.buffer.clear()
            self.transport.abort()
            self.transport = None
            return
        self.buffer += data

    def eof_received(self) -> bool:
        if self.transport is None:
            return False
        raw = bytes(self.buffer)
        self.buffer.clear()
        self.server.requests.append(raw)
        self._respond(raw)
        return True  # keep the socket: we close it ourselves after replying

    def _respond(self, raw: bytes) -> None:
        assert self.transport is not None
        try:
            request = parse_request(raw)
            if request.method == EVENTS_METHOD:
                _, dest = self.server.api.check(request)
                self._start_events(None if dest.klass == "AdminVM" else dest.name)
                return
            reply = success_frame(self.server.api.handle(request))
        except ApiError as error:
            self.transport.write(exception_frame(error))
            # qubesd aborts after ProtocolError/PermissionDenied; closing after the
            # write makes sure the frame is delivered before the line goes down.
            self._close()
            return
        except Abort as error:
            log.info("no reply (as qubesd): %s", error)
            self.transport.abort()
            return
        except Exception:  # noqa: BLE001 - like qubesd: log, answer nothing
            log.exception("unexpected error handling a request")
            self.transport.abort()
            return
        self.transport.write(reply)
        self._close()

    def _close(self) -> None:
        assert self.transport is not None
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.transport.close()

    def _start_events(self, only: str | None) -> None:
        transport = self.transport
        assert transport is not None
        transport.write(event_frame("", "connection-established"))

        def listener(subject: str, event: str, kwargs: Mapping[str, object]) -> None:
            if only is None or subject == only:
                transport.write(event_frame(subject, event, kwargs))

        self.listener = listener
        self.server.dom0.listeners.append(listener)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.listener is not None and self.listener in self.server.dom0.listeners:
            self.server.dom0.listeners.remove(self.listener)
        self.server.connections.discard(self)


class SandboxServer:
    """Serves one Dom0 on a Unix socket path from the running event loop."""

    def __init__(self, dom0: Dom0) -> None:
        self.dom0 = dom0
        self.api = Api(dom0)
        self.requests: list[bytes] = []
        self.connections: set[_Connection] = set()
        self._server: asyncio.base_events.Server | None = None

    def _make_connection(self) -> _Connection:
        connection = _Connection(self)
        self.connections.add(connection)
        return connection

    async def start(self, socket_path: Path) -> None:
        socket_path = Path(socket_path)
        try:
            if socket_path.is_socket():
                if _is_served(socket_path):
                    raise OSError(errno.EADDRINUSE, f"something already serves {socket_path}")
                socket_path.unlink()  # a stale socket of an earlier run
            old_umask = os.umask(0o007)  # like qubesd: owner and group only
            try:
                self._server = await asyncio.get_running_loop().create_unix_server(
                    self._make_connection, str(socket_path)
                )
            finally:
                os.umask(old_umask)
        except BaseException:
            self.dom0.detach()  # frees the state directory again
            raise
        self.dom0.attach(asyncio.get_running_loop())

    async def close(self) -> None:
        self.dom0.detach()
        if self._server is not None:
            self._server.close()
        # Connections the kernel accepted but asyncio has not set up yet must finish
        # setting up; dropped half-made, their sockets stay open and the client waits
        # for a reply until its own timeout (a dead qubesd closes every socket).
        await asyncio.sleep(0)
        setting_up = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        if setting_up:
            await asyncio.wait(setting_up, timeout=1)
        for connection in list(self.connections):
            if connection.transport is not None:
                connection.transport.abort()
        if self._server is not None:
            await self._server.wait_closed()
            self._server = None


def _is_served(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(str(path))
        except OSError:
            return False
        return True
