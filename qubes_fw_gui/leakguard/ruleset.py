"""The nftables text of the leak guard: one table of its own, replaced in one transaction.

Where it sits among Qubes' own tables (facts §5):
- Downstream qubes are the vif* interfaces, interface group 2; the uplink eth0
  is group 1. Both tests are made (`iifgroup 2` and `iifname "vif*"`), so a vif
  that has not been given its group yet is still downstream.
- The base chain hooks forward at `filter - 10`, before Qubes' own forward
  chains (priority filter and 0). Its policy is accept and it never accepts
  anything itself: a packet it lets through still meets every Qubes rule, and
  a drop here is final whatever Qubes' chains say.
- There is no `ct state established accept`: an established flow that the
  settings now forbid is stopped too. Flows that Qubes' flowtable offloads
  skip this hook, which is why the caller purges conntrack after applying.
- Packets from downstream are rejected (icmpx admin-prohibited), so programs in
  the qube fail at once instead of hanging; the reject goes only back into the
  qube. Packets towards downstream are dropped silently.
- Interface names are matched as strings (`oifname`), so the rules need not
  change when the tunnel interface appears or disappears; a tunnel that is
  down simply has no route, and its traffic falls to the uplink and is stopped.
"""

from __future__ import annotations

from qubes_fw_gui.model.leakguard_settings import LeakGuardSettings

TABLE = "qubes-fw-leakguard"
FAMILY = "inet"
PRIORITY = "filter - 10"
_LOG_LIMIT = "limit rate 10/minute burst 5 packets"
_REJECT = "reject with icmpx type admin-prohibited"
_DNS = "meta l4proto { tcp, udp } th dport 53"
_DNS_REPLY = "meta l4proto { tcp, udp } th sport 53"


def _header(comment_lines: list[str]) -> list[str]:
    # Creating then deleting makes the first run (no table yet) and later runs the
    # same text; nft -f applies the whole file as one transaction.
    lines = [f"# {line}" for line in comment_lines]
    lines += [f"table {FAMILY} {TABLE} {{}}", f"delete table {FAMILY} {TABLE}"]
    return lines


def removal_ruleset() -> str:
    """Removes the guard's table (the guard is switched off)."""
    return "\n".join(_header(["qubes-fw-leakguard: switched off, table removed"])) + "\n"


def _stop(match: str, verdict: str, why: str, log: bool) -> list[str]:
    """A counted drop/reject of `match`, preceded by a rate-limited log line when asked."""
    prefix = f"{match} " if match else ""
    rules = []
    if log:
        rules.append(f'{prefix}{_LOG_LIMIT} log prefix "{TABLE} {why}: " level warn')
    rules.append(f'{prefix}counter {verdict} comment "{why}"')
    return rules


def _table(chains: dict[str, list[str]]) -> list[str]:
    lines = [f"table {FAMILY} {TABLE} {{"]
    for name, rules in chains.items():
        lines.append(f"\tchain {name} {{")
        lines.extend(f"\t\t{rule}" for rule in rules)
        lines.append("\t}")
    lines.append("}")
    return lines


def _base_chain() -> list[str]:
    return [
        f"type filter hook forward priority {PRIORITY}; policy accept;",
        "iifgroup 2 goto from-downstream",
        'iifname "vif*" goto from-downstream',
        "oifgroup 2 goto to-downstream",
        'oifname "vif*" goto to-downstream',
    ]


def _quote(name: str) -> str:
    return f'"{name}"'  # names were checked by the settings model: no quotes inside


def build_ruleset(settings: LeakGuardSettings) -> str:
    """The nft -f text that enforces `settings` (removes the table when switched off)."""
    if not settings.enabled:
        return removal_ruleset()
    log = settings.log_drops
    tunnels = settings.tunnel_interfaces
    dns_only_tunnel = settings.dns_via_tunnel_only

    from_down: list[str] = []
    to_down: list[str] = []
    if settings.block_ipv6:
        from_down += _stop("meta nfproto ipv6", _REJECT, "ipv6 from downstream", log)
        to_down += _stop("meta nfproto ipv6", "drop", "ipv6 to downstream", log)
    # Leaving through a tunnel: hand over to the per-tunnel checks (goto: no way back here).
    from_down += [f"oifname {_quote(name)} goto via-tunnel" for name in tunnels]
    to_down += [f"iifname {_quote(name)} goto from-tunnel" for name in tunnels]
    # Below this line the packet is not using a tunnel.
    if dns_only_tunnel:
        from_down += _stop(_DNS, _REJECT, "dns outside the tunnel", log)
        to_down += _stop(_DNS_REPLY, "drop", "dns reply outside the tunnel", log)
    if settings.tunnel_only:
        from_down += _stop("", _REJECT, "outside the tunnel", log)
        to_down += _stop("", "drop", "arrived outside the tunnel", log)

    via_tunnel: list[str] = []
    from_tunnel: list[str] = []
    if dns_only_tunnel and settings.dns_servers:
        v4 = [a for a in settings.dns_servers if ":" not in a]
        v6 = [a for a in settings.dns_servers if ":" in a]
        if v4:
            via_tunnel.append(f"{_DNS} ip daddr {{ {', '.join(v4)} }} return")
            from_tunnel.append(f"{_DNS_REPLY} ip saddr {{ {', '.join(v4)} }} return")
        if v6:
            via_tunnel.append(f"{_DNS} ip6 daddr {{ {', '.join(v6)} }} return")
            from_tunnel.append(f"{_DNS_REPLY} ip6 saddr {{ {', '.join(v6)} }} return")
        via_tunnel += _stop(_DNS, _REJECT, "dns to an unlisted resolver", log)
        from_tunnel += _stop(_DNS_REPLY, "drop", "dns reply from an unlisted resolver", log)

    summary = [
        "qubes-fw-leakguard: leak protection for the qubes behind this ProxyVM",
        f"tunnel only: {'yes' if settings.tunnel_only else 'no'}; "
        f"tunnel interfaces: {' '.join(tunnels) or '(none: nothing may leave)'}",
        f"dns via tunnel only: {'yes' if dns_only_tunnel else 'no'}; "
        f"resolvers: {' '.join(settings.dns_servers) or '(any)'}",
        f"block ipv6: {'yes' if settings.block_ipv6 else 'no'}; log drops: {'yes' if log else 'no'}",
    ]
    chains = {
        "forward": _base_chain(),
        "from-downstream": from_down,
        "to-downstream": to_down,
        "via-tunnel": via_tunnel,
        "from-tunnel": from_tunnel,
    }
    return "\n".join(_header(summary) + _table(chains)) + "\n"


def fail_closed_ruleset(reason: str) -> str:
    """Stops every forwarded packet from or to downstream qubes; used when settings are bad."""
    why = " ".join(reason.split())  # one line: it goes into a '#' comment
    chains = {
        "forward": _base_chain(),
        "from-downstream": _stop("", _REJECT, "fail closed", True),
        "to-downstream": _stop("", "drop", "fail closed", True),
    }
    header = _header(["qubes-fw-leakguard: FAIL CLOSED, all downstream forwarding stopped", f"because: {why}"])
    return "\n".join(header + _table(chains)) + "\n"
