"""Purging conntrack entries of downstream flows after stricter rules are applied.

Why: Qubes' flowtable (table inet qubes-nat-accel) offloads established tcp/udp
flows from downstream to the uplink; their packets skip the forward hook, so a
new drop rule never sees them. Deleting the conntrack entry also removes the
flow from the flowtable, and the next packet meets the rules again.

Cost: every connection of the downstream qubes that was open is cut once and
must be re-opened (through the tunnel, now). The purge is not selective on
purpose: judging which flows the new rules would allow means re-implementing
nftables matching, and a wrong guess is a leak.
"""

from __future__ import annotations

import ipaddress
import json
import subprocess
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class PurgeError(RuntimeError):
    """conntrack could not be run: open downstream connections were left as they were."""


def downstream_networks(ip: str = "ip") -> list[Network]:
    """Networks routed to downstream interfaces (group 2 or vif*), from the routing table.

    Qubes adds one host route per downstream qube (`10.137.0.5 dev vif3.0`).
    """
    try:
        links = json.loads(_output([ip, "-j", "link", "show"]) or "[]")
        downstream = {
            link["ifname"]
            for link in links
            if str(link.get("group")) == "2" or link.get("ifname", "").startswith("vif")
        }
        networks: list[Network] = []
        for family in ("-4", "-6"):
            for route in json.loads(_output([ip, "-j", family, "route", "show"]) or "[]"):
                if route.get("dev") not in downstream or route.get("dst") in (None, "default"):
                    continue
                network = ipaddress.ip_network(route["dst"], strict=False)
                if not network.is_link_local:
                    networks.append(network)
        return networks
    except (OSError, ValueError, KeyError, subprocess.SubprocessError):
        return []


def _output(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, timeout=10, check=True).stdout


def parse_flows(listing: str) -> list[tuple[str, str]]:
    """(original source, reply source) of each entry in `conntrack -L` output."""
    flows = []
    for line in listing.splitlines():
        sources = [word[4:] for word in line.split() if word.startswith("src=")]
        if len(sources) >= 2:
            flows.append((sources[0], sources[1]))
    return flows


def purge_downstream(
    addresses: Iterable[str], networks: Iterable[Network] = (), conntrack: str = "conntrack"
) -> int:
    """Delete the conntrack entries of flows from or to downstream qubes; returns how many.

    A flow belongs downstream when its original source (the qube opened it) or its
    reply source (a connection forwarded into the qube) is a downstream address.
    """
    wanted: list[Network] = list(networks)
    for address in addresses:
        try:
            wanted.append(ipaddress.ip_network(address))
        except ValueError:
            continue  # a malformed /connected-ips word: the routes still cover the qube

    def downstream(text: str) -> bool:
        try:
            address = ipaddress.ip_address(text)
        except ValueError:
            return False
        return any(address in network for network in wanted if network.version == address.version)

    deleted = 0
    for family in ("ipv4", "ipv6"):
        listing = _conntrack([conntrack, "-L", "-f", family]).stdout
        by_origin = sorted({o for o, _ in parse_flows(listing) if downstream(o)})
        by_reply = sorted({r for o, r in parse_flows(listing) if downstream(r) and not downstream(o)})
        for option, found in (("-s", by_origin), ("--reply-src", by_reply)):
            for address in found:
                deleted += _count_deleted(_conntrack([conntrack, "-D", "-f", family, option, address]).stderr)
    return deleted


def _conntrack(command: list[str]) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PurgeError(f"cannot run {command[0]}: {error}") from error


def _count_deleted(stderr: str) -> int:
    # conntrack reports "... N flow entries have been deleted." on stderr
    for line in stderr.splitlines():
        words = line.split()
        if "deleted." in words and "entries" in words:
            position = words.index("flow") - 1 if "flow" in words else -1
            if position >= 0 and words[position].isdigit():
                return int(words[position])
    return 0
