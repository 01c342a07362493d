"""Read what the editor shows for one qube, in as few Admin API calls as possible.

Runs on a worker thread. The rules come first (the table needs only them);
the netvm facts for the banners are a second, separate read so the table
can be painted before they arrive.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def load_rules(port: AdminPort, qube: str) -> Loaded:
    return Loaded(port.get_qube(qube), port.get_rules(qube))


def _truthy(value: str | None) -> bool:
    # Features are strings: '' is false, anything else (even '0') is true (facts §2).
    return bool(value)


def _feature(call, *args: str) -> str | None:  # noqa: ANN001 - a bound port method
    try:
        return call(*args)
    except FeatureNotFound:
        return None


def load_facts(port: AdminPort, info: QubeInfo, *, with_l7: bool = False) -> NetworkFacts:
    """The netvm's facts; its L7 support only when asked (it matters only for L7 rules)."""
    if info.netvm is None:
        return NetworkFacts(info.name, None, info.provides_network)
    return NetworkFacts(
        qube=info.name,
        netvm=info.netvm,
        provides_network=info.provides_network,
        netvm_running=_netvm_running(port, info),
        firewall_feature=_truthy(_feature(port.check_feature_with_template, info.netvm, FIREWALL_FEATURE)),
        firewall_service_off=_feature(port.get_feature, info.netvm, FIREWALL_SERVICE) == "",
        l7_supported=load_l7_support(port, info.netvm) if with_l7 else None,
    )


def _netvm_running(port: AdminPort, info: QubeInfo) -> bool:
    # A running qube means a running netvm: Qubes starts the netvm first and refuses to
    # shut it down under connected qubes (short of a forced shutdown). Two calls saved.
    if info.is_running:
        return True
    return port.get_qube(info.netvm).is_running if info.netvm is not None else False


def load_l7_support(port: AdminPort, netvm: str) -> bool:
    """Does the FirewallVM advertise the spec's dpi option (facts §7)?"""
    return _truthy(_feature(port.check_feature_with_template, netvm, L7_FEATURE))
