"""A bare qubesd client for tests: exact bytes in, exact bytes out."""

from __future__ import annotations

import socket
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
