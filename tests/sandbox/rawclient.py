"""A bare qubesd client for tests: exact bytes in, exact bytes out."""

from __future__ import annotations

import socket
import threading
from pathlib import Path


def raw_call(socket_path: Path, request: bytes) -> bytes:
    """Send one whole request, shut down the write side, read the reply to EOF."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(10)
        sock.connect(str(socket_path))
        sock.sendall(request)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        try:
            while chunk := sock.recv(1 << 16):
                chunks.append(chunk)
        except ConnectionResetError:
            pass  # an abort after nothing (or part) was sent
        return b"".join(chunks)


def call(socket_path: Path, method: str, dest: str = "dom0", arg: str = "", payload: bytes = b"") -> bytes:
    return raw_call(socket_path, f"{method}+{arg} dom0 name {dest}\0".encode() + payload)


class RawEvents:
    """An admin.Events connection collecting raw bytes on a thread."""

    def __init__(self, socket_path: Path, dest: str = "dom0") -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(str(socket_path))
        self.sock.sendall(f"admin.Events+ dom0 name {dest}\0".encode())
        self.sock.shutdown(socket.SHUT_WR)
        self.data = b""
        self.changed = threading.Condition()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        try:
            while chunk := self.sock.recv(65536):
                with self.changed:
                    self.data += chunk
                    self.changed.notify_all()
        except OSError:
            pass  # closed under us

    def wait_for(self, needle: bytes, timeout: float = 5.0) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: needle in self.data, timeout)

    def close(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the reader
        except OSError:
            pass
        self.thread.join(5)
        self.sock.close()
