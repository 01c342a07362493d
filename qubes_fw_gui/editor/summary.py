"""One line per qube for the chooser: what its firewall does, in a few words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qubes_fw_gui.editor.rulelist_split import default_action, split_default
from qubes_fw_gui.editor.situation import NetworkFacts
from qubes_fw_gui.model.rule import Rule


@dataclass(frozen=True)
class FirewallSummary:
    kind: str  # "no-network", "direct-access", "not-enforced", "accept-all", "rules"
    count: int = 0  # rules before the default action
    default: str = "drop"


def summarise(facts: NetworkFacts, rules: Sequence[Rule]) -> FirewallSummary:
    if facts.netvm is None:
        return FirewallSummary("direct-access" if facts.provides_network else "no-network")
    if not facts.enforced:
        return FirewallSummary("not-enforced")
    body, default = split_default(rules)
    if not body and default is not None and default.action == "accept":
        return FirewallSummary("accept-all", 0, "accept")
    return FirewallSummary("rules", len(body), default_action(default))
