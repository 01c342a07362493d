"""The Admin API port: the few dom0 calls the editor needs, and nothing Qt.

Two adapters implement it: `socket_client.SocketAdminPort` (qubesd's wire
protocol over a Unix socket: the sandbox dom0 or dom0's own qubesd.sock) and
`qubesadmin_adapter.QubesadminPort` (the real qubesadmin library). Both pass
the same contract tests. Calls block; the GUI runs them off its thread.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from qubes_fw_gui.model.rule import Rule


class AdminError(Exception):
    """Any failure talking to dom0. `message` is shown to the person as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DaemonUnreachable(AdminError):
    """qubesd (or the sandbox) could not be reached at all."""


class RequestRefused(AdminError):
    """qubesd closed the connection without a reply: an invalid rule, a request
    over 64 KiB, or a qrexec policy denial (facts §1.3, §1.6)."""


class RequestTooLarge(AdminError):
    """Refused locally before sending: the request would exceed qubesd's 64 KiB."""

    def __init__(self, message: str, fits: int) -> None:
        super().__init__(message)
        self.fits = fits


class QubesdError(AdminError):
    """An exception frame from qubesd: `kind` is its class name (e.g. QubesValueError)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class PermissionDenied(QubesdError):
    pass


class NoSuchQube(QubesdError):
    pass


class FeatureNotFound(QubesdError):
    pass


@dataclass(frozen=True)
class QubeInfo:
    name: str
    klass: str  # AdminVM, AppVM, TemplateVM, StandaloneVM, DispVM
    state: str  # Running, Halted, Paused, ...
    netvm: str | None = None
    provides_network: bool = False
    ip: str | None = None
    ip6: str | None = None
    label: str = "red"
    template: str | None = None

    @property
    def is_running(self) -> bool:
        return self.state == "Running"


@dataclass(frozen=True)
class Event:
    """One admin.Events frame: subject is a qube name, or '' for the whole system."""

    subject: str
    name: str
    kwargs: dict[str, str] = field(default_factory=dict)


class EventStream(Protocol):
    def __iter__(self) -> Iterator[Event]: ...

    def close(self) -> None:
        """Stop the stream; a blocked iteration then ends."""


class AdminPort(Protocol):
    def list_qubes(self) -> list[QubeInfo]:
        """Every qube except dom0, sorted by name, with the properties above."""

    def get_qube(self, name: str) -> QubeInfo: ...

    def get_qube_and_states(self, name: str) -> tuple[QubeInfo, dict[str, str]]:
        """The qube, and every listed qube's power state (name -> 'Running', 'Halted', ...),
        from one admin.vm.List of all qubes: the editor learns its netvm's state for free."""

    def get_rules(self, qube: str) -> list[Rule]:
        """admin.vm.firewall.Get, parsed."""

    def set_rules(self, qube: str, rules: Sequence[Rule]) -> None:
        """One admin.vm.firewall.Set with the whole list (never partial)."""

    def reload_firewall(self, qube: str) -> None: ...

    def get_feature(self, qube: str, name: str) -> str | None:
        """The feature's raw value, None when not set."""

    def check_feature_with_template(self, qube: str, name: str) -> str | None: ...

    def check_feature_with_netvm(self, qube: str, name: str) -> str | None: ...

    def set_feature(self, qube: str, name: str, value: str) -> None: ...

    def remove_feature(self, qube: str, name: str) -> None:
        """Remove it; removing a feature that is not set is not an error."""

    def label_color(self, label: str) -> str:
        """'0xcc0000' style colour of a label."""

    def events(self, qube: str | None = None) -> EventStream:
        """admin.Events for one qube, or for everything when qube is None."""
