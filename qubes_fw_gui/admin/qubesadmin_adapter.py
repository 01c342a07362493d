"""The Admin API port on the real qubesadmin library (dom0 or a GUI domain).

Qubes, properties and features go through the library's own objects. The
firewall does not: qubesadmin's Rule re-orders options and drops a
`dst4=0.0.0.0/0` (facts §3.3), so Get/Set pass our canonical lines through
`app.qubesd_call` untouched.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import qubesadmin
import qubesadmin.config
import qubesadmin.exc

from qubes_fw_gui.admin.port import (
    AdminError,
    DaemonUnreachable,
    Event,
    QubeInfo,
    QubesdError,
    RequestRefused,
)
from qubes_fw_gui.admin.socket_client import SocketAdminPort, parse_vm_list
from qubes_fw_gui.admin.wire import EventReader, qubesd_error, refused_message, set_payload
from qubes_fw_gui.model.payload import parse_lines
from qubes_fw_gui.model.rule import Rule

T = TypeVar("T")


def translate(error: Exception, what: str) -> AdminError:
    """A port exception for a qubesadmin one; `what` names the call for the person."""
    exc = qubesadmin.exc
    message = str(error)
    kind = type(error).__name__
    if isinstance(error, exc.QubesVMNotFoundError):
        # KeyError's str() adds quotes; the library's message is args[0].
        return qubesd_error("QubesVMNotFoundError", str(error.args[0]) if error.args else message, what)
    if isinstance(error, (exc.QubesFeatureNotFoundError, exc.PermissionDenied, exc.ProtocolError)):
        return qubesd_error(kind, message, what)
    if isinstance(error, exc.QubesPropertyAccessError):
        return QubesdError(kind, message)
    if isinstance(error, exc.QubesDaemonAccessError):
        # An empty reply (or a qrexec refusal in a GUI domain).
        return RequestRefused(f"{refused_message(what)} ({message})")
    if isinstance(error, exc.QubesDaemonCommunicationError):
        return DaemonUnreachable(f"Cannot reach qubesd: {message}")
    if isinstance(error, (exc.QubesException, exc.ProtocolError)):
        return QubesdError(kind, message)
    if isinstance(error, (BrokenPipeError, ConnectionResetError)):
        return RequestRefused(refused_message(what))
    return AdminError(f"{what} failed: {message}")


def _wrap(what: str, call: Callable[[], T]) -> T:
    try:
        return call()
    except AdminError:
        raise
    except (qubesadmin.exc.QubesException, qubesadmin.exc.ProtocolError, qubesadmin.exc.PermissionDenied,
            OSError, KeyError, AttributeError) as error:
        raise translate(error, what) from error


class QubesadminPort:
    def __init__(self, app: Any = None) -> None:
        self.app = app if app is not None else qubesadmin.Qubes()

    # -- qubes -------------------------------------------------------------------

    def _info(self, vm: Any) -> QubeInfo:
        def prop(name: str) -> Any:
            # Templates have no netvm/template; qubes without network have no ip.
            with contextlib.suppress(AttributeError, qubesadmin.exc.QubesException):
                return getattr(vm, name)
            return None

        def name_of(value: Any) -> str | None:
            return None if value is None else str(value)

        label = prop("label")
        return QubeInfo(
            name=vm.name,
            klass=vm.klass,
            state=vm.get_power_state(),
            netvm=name_of(prop("netvm")),
            provides_network=bool(prop("provides_network")),
            ip=name_of(prop("ip")) or None,
            ip6=name_of(prop("ip6")) or None,
            label=label.name if label is not None else "red",
            template=name_of(prop("template")),
        )

    def list_qubes(self) -> list[QubeInfo]:
        def run() -> list[QubeInfo]:
            vms = sorted(self.app.domains, key=lambda vm: vm.name)
            return [self._info(vm) for vm in vms if vm.klass != "AdminVM"]

        return _wrap("admin.vm.List", run)

    def get_qube(self, name: str) -> QubeInfo:
        def run() -> QubeInfo:
            # Ask qubesd directly so a missing qube is NoSuchQube, not a cached miss.
            self.app.qubesd_call(name, "admin.vm.List")
            self.app.domains.clear_cache()
            return self._info(self.app.domains[name])

        return _wrap("admin.vm.List", run)

    def get_qube_and_states(self, name: str) -> tuple[QubeInfo, dict[str, str]]:
        def run() -> tuple[QubeInfo, dict[str, str]]:
            listing = parse_vm_list(self.app.qubesd_call("dom0", "admin.vm.List").decode("utf-8"))
            states = {entry[0]: entry[2] for entry in listing}
            if name not in states:
                raise qubesd_error("QubesVMNotFoundError", f"No such domain: '{name}'", "admin.vm.List", name)
            self.app.domains.clear_cache()
            return self._info(self.app.domains[name]), states

        return _wrap("admin.vm.List", run)

    # -- firewall ------------------------------------------------------------------

    def get_rules(self, qube: str) -> list[Rule]:
        reply = _wrap("admin.vm.firewall.Get", lambda: self.app.qubesd_call(qube, "admin.vm.firewall.Get"))
        return parse_lines(reply.decode("ascii"))

    def set_rules(self, qube: str, rules: Sequence[Rule]) -> None:
        payload = set_payload(qube, rules)
        _wrap(
            "admin.vm.firewall.Set",
            lambda: self.app.qubesd_call(qube, "admin.vm.firewall.Set", payload=payload),
        )

    def reload_firewall(self, qube: str) -> None:
        _wrap("admin.vm.firewall.Reload", lambda: self.app.qubesd_call(qube, "admin.vm.firewall.Reload"))

    # -- features ------------------------------------------------------------------

    def _features(self, qube: str) -> Any:
        return self.app.domains.get_blind(qube).features

    def get_feature(self, qube: str, name: str) -> str | None:
        return _wrap("admin.vm.feature.Get", lambda: self._features(qube).get(name, None))

    def check_feature_with_template(self, qube: str, name: str) -> str | None:
        return _wrap(
            "admin.vm.feature.CheckWithTemplate",
            lambda: self._features(qube).check_with_template(name, None),
        )

    def check_feature_with_netvm(self, qube: str, name: str) -> str | None:
        # qubesadmin's Features has no check_with_netvm: make the call directly.
        def run() -> str | None:
            try:
                return self.app.qubesd_call(qube, "admin.vm.feature.CheckWithNetvm", name).decode("utf-8")
            except qubesadmin.exc.QubesFeatureNotFoundError:
                return None

        return _wrap("admin.vm.feature.CheckWithNetvm", run)

    def set_feature(self, qube: str, name: str, value: str) -> None:
        def run() -> None:
            self._features(qube)[name] = value

        _wrap("admin.vm.feature.Set", run)

    def remove_feature(self, qube: str, name: str) -> None:
        def run() -> None:
            with contextlib.suppress(qubesadmin.exc.QubesFeatureNotFoundError):
                del self._features(qube)[name]

        _wrap("admin.vm.feature.Remove", run)

    # -- labels and events -----------------------------------------------------------

    def label_color(self, label: str) -> str:
        def run() -> str:
            return self.app.qubesd_call("dom0", "admin.label.Get", label).decode("ascii")

        return _wrap("admin.label.Get", run)

    def events(self, qube: str | None = None) -> Any:
        """The same admin.Events frames, read from the local socket or from qrexec."""
        if getattr(self.app, "qubesd_connection_type", "socket") == "socket":
            return SocketAdminPort(qubesadmin.config.QUBESD_SOCKET).events(qube)
        return _QrexecEventStream(qube or "dom0")


class _QrexecEventStream:
    """admin.Events through qrexec-client-vm in a GUI domain: same framing on stdout."""

    def __init__(self, dest: str) -> None:
        self._process = subprocess.Popen(
            [qubesadmin.config.QREXEC_CLIENT_VM, dest, "admin.Events"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
        )
        assert self._process.stdout is not None
        stdout = self._process.stdout
        self._reader = EventReader(lambda: stdout.read1(1 << 16))

    def __iter__(self) -> Iterator[Event]:
        return iter(self._reader)

    def close(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=5)
