"""The Admin API port over qubesd's wire protocol: the sandbox dom0, or dom0's own qubesd.sock.

One connection per call (facts §1.2): header, NUL, payload, shut down the
write side, read the reply to EOF.
"""

from __future__ import annotations

import errno
import socket
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from qubes_fw_gui.admin.port import (
    AdminError,
    DaemonUnreachable,
    Event,
    FeatureNotFound,
    PermissionDenied,
    QubeInfo,
    RequestRefused,
)
from qubes_fw_gui.admin.wire import (
    EventReader,
    decode_reply,
    qubesd_error,
    refused_message,
    set_payload,
)
from qubes_fw_gui.model.payload import parse_lines
from qubes_fw_gui.model.rule import Rule

DEFAULT_SOCKET = "/var/run/qubesd.sock"
_CHUNK = 1 << 16


def request_bytes(method: str, arg: str, dest: str, payload: bytes = b"") -> bytes:
    """The bytes qubesadmin sends locally: the '+' always, source dom0, dest by name."""
    return f"{method}+{arg} dom0 name {dest}\0".encode("ascii") + payload


def parse_properties(text: str) -> dict[str, tuple[str, str]]:
    """admin.vm.property.GetAll: name -> (type, value), unescaping `\\\\` and `\\n`."""
    properties = {}
    for line in text.splitlines():
        name, _, rest = line.partition(" ")
        _default, _, rest = rest.partition(" ")
        kind, _, value = rest.partition(" ")
        properties[name] = (kind.removeprefix("type="), _unescape(value))
    return properties


def _unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars, "")
            out.append("\n" if nxt == "n" else nxt)
        else:
            out.append(char)
    return "".join(out)


def qube_info(name: str, klass: str, state: str, props: dict[str, tuple[str, str]]) -> QubeInfo:
    def value(prop: str) -> str | None:
        return props.get(prop, ("", ""))[1] or None

    return QubeInfo(
        name=name,
        klass=klass,
        state=state,
        netvm=value("netvm"),
        provides_network=value("provides_network") == "True",
        ip=value("ip"),
        ip6=value("ip6"),
        label=value("label") or "red",
        template=value("template"),
    )


def parse_vm_list(text: str) -> list[tuple[str, str, str]]:
    """admin.vm.List lines -> (name, class, state)."""
    qubes = []
    for line in text.splitlines():
        name, *fields = line.split(" ")
        info = dict(field.split("=", 1) for field in fields if "=" in field)
        qubes.append((name, info.get("class", ""), info.get("state", "")))
    return qubes


class SocketEventStream:
    """admin.Events on its own connection; close() ends a blocked iteration."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._closed = threading.Event()
        self._reader = EventReader(self._read)

    def _read(self) -> bytes:
        if self._closed.is_set():
            return b""
        try:
            return self._sock.recv(_CHUNK)
        except OSError:
            return b""

    def __iter__(self) -> Iterator[Event]:
        return iter(self._reader)

    def close(self) -> None:
        self._closed.set()
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._sock.close()


class SocketAdminPort:
    def __init__(self, socket_path: str | Path = DEFAULT_SOCKET, timeout: float = 120.0) -> None:
        self.socket_path = str(socket_path)
        # A call (not an event stream) that takes longer means qubesd hangs.
        self.timeout = timeout

    # -- the wire ----------------------------------------------------------------

    def _connect(self) -> socket.socket:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(self.socket_path)
        except PermissionError as error:
            sock.close()
            raise PermissionDenied(
                "PermissionError",
                f"Not allowed to talk to qubesd at {self.socket_path} ({error.strerror}): "
                "run as a member of the qubes group.",
            ) from error
        except OSError as error:
            sock.close()
            raise DaemonUnreachable(
                f"Cannot reach qubesd at {self.socket_path}: {error.strerror or error}. "
                "Is dom0's qubesd (or the sandbox) running?"
            ) from error
        return sock

    def call(self, method: str, dest: str = "dom0", arg: str = "", payload: bytes = b"") -> bytes:
        """One request; the success body, or the port error the reply stands for."""
        request = request_bytes(method, arg, dest, payload)
        with self._connect() as sock:
            sock.settimeout(self.timeout)
            try:
                sock.sendall(request)
                sock.shutdown(socket.SHUT_WR)
                chunks = []
                while chunk := sock.recv(_CHUNK):
                    chunks.append(chunk)
            except TimeoutError as error:
                raise AdminError(
                    f"qubesd did not answer {method} for {dest} within {self.timeout:.0f} seconds."
                ) from error
            except OSError as error:
                if error.errno in (errno.EPIPE, errno.ECONNRESET):
                    # qubesd drops the line mid-request, e.g. past 64 KiB.
                    raise RequestRefused(refused_message(method, dest)) from error
                raise AdminError(f"Lost the connection to qubesd during {method}: {error}") from error
        return decode_reply(b"".join(chunks), method, dest)

    def _text(self, method: str, dest: str = "dom0", arg: str = "", payload: bytes = b"") -> str:
        return self.call(method, dest, arg, payload).decode("utf-8")

    # -- qubes -------------------------------------------------------------------

    def _info(self, name: str, klass: str, state: str) -> QubeInfo:
        props = parse_properties(self._text("admin.vm.property.GetAll", name))
        return qube_info(name, klass, state, props)

    def list_qubes(self) -> list[QubeInfo]:
        listing = parse_vm_list(self._text("admin.vm.List"))
        return [self._info(*entry) for entry in listing if entry[1] != "AdminVM"]

    def get_qube(self, name: str) -> QubeInfo:
        listing = parse_vm_list(self._text("admin.vm.List", name))
        return self._info(*listing[0])

    def get_qube_and_states(self, name: str) -> tuple[QubeInfo, dict[str, str]]:
        listing = parse_vm_list(self._text("admin.vm.List"))
        entry = next((entry for entry in listing if entry[0] == name), None)
        if entry is None:
            raise qubesd_error("QubesVMNotFoundError", f"No such domain: '{name}'", "admin.vm.List", name)
        return self._info(*entry), {entry[0]: entry[2] for entry in listing}

    # -- firewall ------------------------------------------------------------------

    def get_rules(self, qube: str) -> list[Rule]:
        return parse_lines(self._text("admin.vm.firewall.Get", qube))

    def set_rules(self, qube: str, rules: Sequence[Rule]) -> None:
        self.call("admin.vm.firewall.Set", qube, payload=set_payload(qube, rules))

    def reload_firewall(self, qube: str) -> None:
        self.call("admin.vm.firewall.Reload", qube)

    # -- features ------------------------------------------------------------------

    def _feature(self, method: str, qube: str, name: str) -> str | None:
        try:
            return self._text(method, qube, name)
        except FeatureNotFound:
            return None

    def get_feature(self, qube: str, name: str) -> str | None:
        return self._feature("admin.vm.feature.Get", qube, name)

    def check_feature_with_template(self, qube: str, name: str) -> str | None:
        return self._feature("admin.vm.feature.CheckWithTemplate", qube, name)

    def check_feature_with_netvm(self, qube: str, name: str) -> str | None:
        return self._feature("admin.vm.feature.CheckWithNetvm", qube, name)

    def set_feature(self, qube: str, name: str, value: str) -> None:
        if not value.isascii() or not value.isprintable():
            # qubesd would refuse it too; say why before sending.
            raise AdminError(f"The value of feature {name} may contain only printable ASCII characters.")
        self.call("admin.vm.feature.Set", qube, name, value.encode("ascii"))

    def remove_feature(self, qube: str, name: str) -> None:
        try:
            self.call("admin.vm.feature.Remove", qube, name)
        except FeatureNotFound:
            pass

    # -- labels and events -----------------------------------------------------------

    def label_color(self, label: str) -> str:
        return self._text("admin.label.Get", "dom0", label)

    def events(self, qube: str | None = None) -> SocketEventStream:
        sock = self._connect()
        sock.sendall(request_bytes("admin.Events", "", qube or "dom0"))
        sock.shutdown(socket.SHUT_WR)
        return SocketEventStream(sock)
