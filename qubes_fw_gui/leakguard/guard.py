"""One enforcement pass: read the settings, build the table, apply it, purge conntrack.

Fail closed: if the settings cannot be read or checked, or nft refuses the
ruleset built from them, the table that stops all downstream forwarding is
applied instead, and the pass reports why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qubes_fw_gui.leakguard import conntrack
from qubes_fw_gui.leakguard.nft import ApplyError, apply_ruleset
from qubes_fw_gui.leakguard.ruleset import build_ruleset, fail_closed_ruleset
from qubes_fw_gui.leakguard.sources import SettingsSource, SourceError, connected_addresses
from qubes_fw_gui.model.leakguard_settings import LeakGuardSettings, SettingsError, from_qubesdb


@dataclass
class Plan:
    """What a pass would apply: the settings (None when unreadable) and why it fails closed."""

    ruleset: str
    settings: LeakGuardSettings | None
    failure: str | None = None
    connected: list[str] = field(default_factory=list)

    @property
    def enabled(self) -> bool:
        return self.failure is not None or (self.settings is not None and self.settings.enabled)


def plan(source: SettingsSource) -> Plan:
    """Read and check the settings; never raises for bad settings (that is a fail-closed plan)."""
    try:
        entries = source.entries()
    except SourceError as error:
        return Plan(fail_closed_ruleset(str(error)), None, f"cannot read the settings: {error}")
    connected = list(connected_addresses(entries))
    try:
        settings = from_qubesdb(entries)
    except SettingsError as error:
        return Plan(fail_closed_ruleset(str(error)), None, f"bad setting {error}", connected)
    return Plan(build_ruleset(settings), settings, None, connected)


@dataclass
class Result:
    plan: Plan
    applied: str  # the ruleset text nft accepted
    purged: int = 0
    purge_error: str | None = None


def enforce(
    source: SettingsSource,
    *,
    previous: str | None = None,
    purge: bool = True,
    force_purge: bool = False,
    nft: str = "nft",
    conntrack_command: str = "conntrack",
) -> Result:
    """Apply the planned ruleset (or the fail-closed one); raises ApplyError if nothing applied.

    Conntrack is purged when the guard is on and the applied text differs from
    `previous` (the last applied text, None at start), or when `force_purge`
    (a tunnel interface came or went).
    """
    current = plan(source)
    try:
        apply_ruleset(current.ruleset, nft)
    except ApplyError as error:
        if current.failure is not None:
            raise
        reason = f"nft refused the ruleset built from the settings: {error}"
        current = Plan(fail_closed_ruleset(reason), current.settings, reason, current.connected)
        apply_ruleset(current.ruleset, nft)
    result = Result(current, current.ruleset)
    if purge and current.enabled and (force_purge or current.ruleset != previous):
        networks = conntrack.downstream_networks()
        try:
            result.purged = conntrack.purge_downstream(current.connected, networks, conntrack_command)
        except conntrack.PurgeError as error:
            result.purge_error = str(error)
    return result
