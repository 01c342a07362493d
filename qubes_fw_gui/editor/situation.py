"""Does the qube's firewall apply at all? The checks Qubes users need to see.

Pure data in, codes out: the widgets turn each code into translated text.
See facts §2 "Does the qube's netvm enforce the firewall?".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from qubes_fw_gui.model.rule import Rule


class Situation(Enum):
    NO_NETVM = "no-netvm"  # no network at all: rules are irrelevant
    DIRECT_ACCESS = "direct-access"  # provides network itself, no netvm: rules never applied
    NOT_ENFORCED = "not-enforced"  # the netvm lacks the qubes-firewall feature
    SERVICE_OFF = "service-off"  # service.qubes-firewall turned off in the netvm
    NETVM_HALTED = "netvm-halted"  # rules apply when the netvm starts
    L7_UNSUPPORTED = "l7-unsupported"  # L7 rules behind a FirewallVM without dpi support


@dataclass(frozen=True)
class NetworkFacts:
    """What the editor read about the qube and its netvm when loading."""

    qube: str
    netvm: str | None
    provides_network: bool
    netvm_running: bool = True
    firewall_feature: bool = True  # check_with_template(netvm, 'qubes-firewall')
    firewall_service_off: bool = False  # netvm feature service.qubes-firewall == ''
    # check_with_template(netvm, 'supported-feature.qubes-firewall-dpi'); None: not read yet
    # (read only once the list holds an L7 rule, to keep opening a qube cheap).
    l7_supported: bool | None = None

    @property
    def enforced(self) -> bool:
        """Whether rules saved now are (or will be, once the netvm runs) enforced."""
        return self.netvm is not None and self.firewall_feature and not self.firewall_service_off


def situations(facts: NetworkFacts, rules: Sequence[Rule]) -> list[Situation]:
    found: list[Situation] = []
    if facts.netvm is None:
        found.append(Situation.DIRECT_ACCESS if facts.provides_network else Situation.NO_NETVM)
        return found
    if not facts.firewall_feature:
        found.append(Situation.NOT_ENFORCED)
    if facts.firewall_service_off:
        found.append(Situation.SERVICE_OFF)
    if not facts.netvm_running:
        found.append(Situation.NETVM_HALTED)
    if facts.l7_supported is False and any(rule.l7 is not None for rule in rules):
        found.append(Situation.L7_UNSUPPORTED)
    return found


def l7_rule_numbers(rules: Sequence[Rule]) -> list[int]:
    """1-based numbers of the rules that carry an L7 protocol."""
    return [number for number, rule in enumerate(rules, start=1) if rule.l7 is not None]
