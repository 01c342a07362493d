"""qubesd's reply framing as a client reads it (facts §1.3, §1.4), shared by both adapters."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from qubes_fw_gui.admin.port import (
    AdminError,
    Event,
    FeatureNotFound,
    NoSuchQube,
    PermissionDenied,
    QubesdError,
    RequestRefused,
    RequestTooLarge,
)
from qubes_fw_gui.model.payload import MAX_REQUEST_BYTES, format_payload, rules_that_fit, set_header
from qubes_fw_gui.model.rule import Rule


def refused_message(method: str, dest: str = "") -> str:
    target = f" for {dest}" if dest else ""
    return (
        f"qubesd refused {method}{target} without giving a reason: usually an invalid "
        "rule or a request over 64 KiB. See the dom0 journal (journalctl -u qubesd) for details."
    )


def set_payload(qube: str, rules: Sequence[Rule]) -> bytes:
    """The admin.vm.firewall.Set payload for `rules`.

    Raises RequestTooLarge before anything is sent when header and payload pass
    qubesd's 64 KiB: qubesd would close the connection without a word.
    """
    payload = format_payload(rules)
    size = len(set_header(qube)) + len(payload)
    if size > MAX_REQUEST_BYTES:
        fits = rules_that_fit(qube, rules)
        raise RequestTooLarge(
            f"These {len(rules)} rules need {size:,} bytes, but qubesd accepts at most "
            f"{MAX_REQUEST_BYTES:,} per request: only the first {fits} would fit. "
            "Shorten comments or merge rules.",
            fits,
        )
    return payload


def qubesd_error(kind: str, message: str, method: str = "", dest: str = "") -> QubesdError:
    """The port exception for an exception frame of class `kind`, worded for a person."""
    call = f"{method} for {dest}" if method and dest else (method or "this call")
    if kind == "QubesVMNotFoundError":
        return NoSuchQube(kind, f"{message}. The qube may have been removed or renamed.")
    if kind == "QubesFeatureNotFoundError":
        return FeatureNotFound(kind, message)
    if kind == "PermissionDenied":
        return PermissionDenied(kind, f"dom0 denied permission for {call}" + (f": {message}" if message else "."))
    if kind == "ProtocolError":
        return QubesdError(kind, f"qubesd refused {call} as malformed: {message}")
    return QubesdError(kind, message)


def decode_reply(reply: bytes, method: str, dest: str) -> bytes:
    """The success body of a reply, or the port exception it stands for."""
    if not reply:
        raise RequestRefused(refused_message(method, dest))
    if reply.startswith(b"0\0"):
        return reply[2:]
    if reply.startswith(b"2\0"):
        parts = reply[2:].split(b"\0", 3)
        if len(parts) >= 3:
            kind = parts[0].decode("ascii", "replace")
            return _raise(qubesd_error(kind, parts[2].decode("utf-8", "replace"), method, dest))
    raise AdminError(f"qubesd sent a reply this program cannot read ({method} for {dest})")


def _raise(error: Exception) -> bytes:
    raise error


class EventReader:
    """Splits an admin.Events byte stream into Event values.

    `read` returns the next chunk, b"" at the end of the stream.
    """

    def __init__(self, read: Callable[[], bytes]) -> None:
        self._read = read
        self._buffer = b""
        self._done = False

    def __iter__(self) -> Iterator[Event]:
        while True:
            event = self._next()
            if event is None:
                return
            yield event

    def _field(self, start: int) -> tuple[str, int] | None:
        """The NUL-terminated field at `start` and the offset after it, reading more as needed."""
        while True:
            end = self._buffer.find(b"\0", start)
            if end >= 0:
                return self._buffer[start:end].decode("utf-8", "replace"), end + 1
            if not self._fill():
                return None

    def _fill(self) -> bool:
        if self._done:
            return False
        chunk = self._read()
        if not chunk:
            self._done = True
            return False
        self._buffer += chunk
        return True

    def _next(self) -> Event | None:
        while len(self._buffer) < 2:
            if not self._fill():
                return None
        kind = self._buffer[:2]
        if kind == b"2\0":
            parts = self._buffer[2:].split(b"\0", 3)
            while len(parts) < 4 and self._fill():
                parts = self._buffer[2:].split(b"\0", 3)
            if len(parts) >= 3:
                raise qubesd_error(parts[0].decode("ascii", "replace"), parts[2].decode("utf-8", "replace"))
            raise AdminError("the admin.Events stream ended in the middle of an error")
        if kind != b"1\0":
            raise AdminError("qubesd sent an admin.Events frame this program cannot read")
        fields: list[str] = []
        offset = 2
        while True:
            got = self._field(offset)
            if got is None:
                return None  # stream cut mid-frame: treat as the end
            text, offset = got
            # subject, event, then key/value pairs; an empty key ends the frame.
            if len(fields) >= 2 and len(fields) % 2 == 0 and text == "":
                break
            fields.append(text)
        self._buffer = self._buffer[offset:]
        subject, name, rest = fields[0], fields[1], fields[2:]
        return Event(subject, name, dict(zip(rest[0::2], rest[1::2], strict=True)))
