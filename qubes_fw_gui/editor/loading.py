"""Read what the editor shows for one qube, in as few Admin API calls as possible.

Runs on a worker thread. The rules come first (the table needs only them);
the netvm facts for the banners are a second, separate read so the table
can be painted before they arrive.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from qubes_fw_gui.admin.port import AdminPort, FeatureNotFound, QubeInfo
from qubes_fw_gui.editor.situation import NetworkFacts
from qubes_fw_gui.model.rule import Rule

FIREWALL_FEATURE = "qubes-firewall"
FIREWALL_SERVICE = "service.qubes-firewall"
L7_FEATURE = "supported-feature.qubes-firewall-dpi"


@dataclass(frozen=True)
class Loaded:
    info: QubeInfo
    rules: list[Rule]
    # Every listed qube's power state, from the same admin.vm.List: a halted qube's
    # netvm state then costs no extra calls. Empty when the port cannot list them.
    states: dict[str, str] = field(default_factory=dict)


def load_qube(port: AdminPort, qube: str) -> tuple[QubeInfo, dict[str, str]]:
    """The qube, and every qube's power state when the port lists them in the same call."""
    both = getattr(port, "get_qube_and_states", None)
    if both is None:  # a port from before get_qube_and_states
        return port.get_qube(qube), {}
    return both(qube)


def load_rules(port: AdminPort, qube: str) -> Loaded:
    info, states = load_qube(port, qube)
    return Loaded(info, port.get_rules(qube), states)


def _truthy(value: str | None) -> bool:
    # Features are strings: '' is false, anything else (even '0') is true (facts §2).
    return bool(value)


def _feature(call, *args: str) -> str | None:  # noqa: ANN001 - a bound port method
    try:
        return call(*args)
    except FeatureNotFound:
        return None


def load_facts(
    port: AdminPort, info: QubeInfo, *, with_l7: bool = False, states: Mapping[str, str] | None = None
) -> NetworkFacts:
    """The netvm's facts; its L7 support only when asked (it matters only for L7 rules).

    `states` (qube -> power state, as admin.vm.List gives them) saves reading the
    netvm's state separately.
    """
    if info.netvm is None:
        return NetworkFacts(info.name, None, info.provides_network)
    return NetworkFacts(
        qube=info.name,
        netvm=info.netvm,
        provides_network=info.provides_network,
        netvm_running=_netvm_running(port, info, states or {}),
        firewall_feature=_truthy(_feature(port.check_feature_with_template, info.netvm, FIREWALL_FEATURE)),
        firewall_service_off=_feature(port.get_feature, info.netvm, FIREWALL_SERVICE) == "",
        l7_supported=load_l7_support(port, info.netvm) if with_l7 else None,
    )


def _netvm_running(port: AdminPort, info: QubeInfo, states: Mapping[str, str]) -> bool:
    # A running qube means a running netvm: Qubes starts the netvm first and refuses to
    # shut it down under connected qubes (short of a forced shutdown). Two calls saved.
    if info.is_running:
        return True
    if info.netvm is None:
        return False
    if info.netvm in states:
        return states[info.netvm] == "Running"
    return port.get_qube(info.netvm).is_running


def load_l7_support(port: AdminPort, netvm: str) -> bool:
    """Does the FirewallVM advertise the spec's dpi option (facts §7)?"""
    return _truthy(_feature(port.check_feature_with_template, netvm, L7_FEATURE))
