"""The rule list as the FirewallVM reads it: first match wins, then an implicit drop.

`default_action` finds the list's default (a trailing catch-all rule),
`analyse` flags rules that can never match (shadowed) or change nothing
(redundant), and `verdict` answers "what happens to a connection to X".
Rule numbers in messages count from 1, as the editor shows them; `index`
and `by` fields are 0-based list indexes.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from qubes_fw_gui.model.rule import Rule

# qubesd's Firewall.policy: what happens when no rule matches.
IMPLICIT_ACTION = "drop"
ALL_PORTS = (0, 65535)
DNS_PORT = (53, 53)
# The resolvers every qube is given; the FirewallVM forwards them to its own (facts §4.3).
QUBES_DNS = frozenset(
    ipaddress.ip_address(a)
    for a in ("10.139.1.1", "10.139.1.2", "fd09:24ef:4179::a8b:1", "fd09:24ef:4179::a8b:2")
)

NoteKind = Literal["shadowed", "redundant", "inactive", "expired"]
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class RuleNote:
    """Why a rule does nothing; `by` is the index of the rule responsible, if one is."""

    kind: NoteKind
    message: str
    by: int | None = None


@dataclass(frozen=True)
class Verdict:
    """What happens to a connection: `index` of the deciding rule, or None for the implicit drop."""

    index: int | None
    action: str
    reason: str


@dataclass(frozen=True)
class DefaultAction:
    """The list's default: its trailing catch-all rule, or qubesd's implicit drop."""

    action: str
    index: int | None

    @property
    def implicit(self) -> bool:
        return self.index is None


def is_default_rule(rule: Rule) -> bool:
    """A bare `action=accept|drop` (a comment is fine) without expiry: it catches everything."""
    return (
        rule.target is None
        and rule.proto is None
        and rule.specialtarget is None
        and rule.l7 is None
        and rule.expire is None
    )


def default_action(rules: Sequence[Rule]) -> DefaultAction:
    if rules and is_default_rule(rules[-1]):
        return DefaultAction(rules[-1].action, len(rules) - 1)
    return DefaultAction(IMPLICIT_ACTION, None)


# -- what a rule matches ---------------------------------------------------------


@dataclass(frozen=True)
class _Match:
    """The traffic a rule matches, in the FirewallVM's terms (facts §5)."""

    dest: Network | str | None  # None: any address; str: a host name
    dns: bool  # only the FirewallVM's DNS servers
    protos: frozenset[str] | None  # None: every protocol
    ports: tuple[int, int] | None  # None: no port condition
    icmptype: int | None
    l7: str | None
    permanent: bool
    active: bool  # False when the FirewallVM skips the rule or fails on it

    @classmethod
    def of(cls, rule: Rule) -> _Match:
        target = rule.target
        dest: Network | str | None = None
        if target is not None:
            dest = target.value if target.kind == "dsthost" else target.network
        dns = rule.specialtarget == "dns"
        active = True
        if dns:
            # The agent matches port 53 of tcp and udp, and skips other ports.
            protos: frozenset[str] | None = frozenset((rule.proto,) if rule.proto else ("tcp", "udp"))
            ports: tuple[int, int] | None = DNS_PORT
            if rule.proto == "icmp" or (rule.ports is not None and (rule.ports.first, rule.ports.last) != DNS_PORT):
                active = False
        else:
            protos = frozenset((rule.proto,)) if rule.proto else None
            if rule.ports is not None:
                ports = (rule.ports.first, rule.ports.last)
            else:
                ports = ALL_PORTS if rule.proto in ("tcp", "udp") else None
        return cls(dest, dns, protos, ports, rule.icmptype, rule.l7, rule.expire is None, active)

    def covers(self, other: _Match) -> bool:
        """All traffic `other` matches is matched by self."""
        if self.dns and not other.dns:
            return False
        if other.dns and not self.dns and self.dest is not None:
            return False  # the DNS servers' addresses are the FirewallVM's, unknown here
        if not _dest_covers(self.dest, other.dest):
            return False
        if self.protos is not None and (other.protos is None or not other.protos <= self.protos):
            return False
        if self.ports is not None and (
            other.ports is None or not (self.ports[0] <= other.ports[0] and other.ports[1] <= self.ports[1])
        ):
            return False
        if self.icmptype is not None and other.icmptype != self.icmptype:
            return False
        return self.l7 is None or other.l7 == self.l7

    def may_overlap(self, other: _Match) -> bool:
        """False only when no packet can match both (host names may resolve to anything)."""
        if (
            self.dest is not None
            and other.dest is not None
            and not isinstance(self.dest, str)
            and not isinstance(other.dest, str)
            and (self.dest.version != other.dest.version or not self.dest.overlaps(other.dest))  # type: ignore[arg-type]
        ):
            return False
        if self.protos is not None and other.protos is not None and not self.protos & other.protos:
            return False
        if (
            self.ports is not None
            and other.ports is not None
            and (self.ports[1] < other.ports[0] or other.ports[1] < self.ports[0])
        ):
            return False
        if self.icmptype is not None and other.icmptype is not None and self.icmptype != other.icmptype:
            return False
        return self.l7 is None or other.l7 is None or self.l7 == other.l7

    @property
    def catches_all(self) -> bool:
        return (
            self.dest is None
            and not self.dns
            and self.protos is None
            and self.l7 is None
            and self.permanent
            and self.active
        )


def _dest_covers(outer: Network | str | None, inner: Network | str | None) -> bool:
    if outer is None:
        return True
    if inner is None:
        return False
    if isinstance(outer, str) or isinstance(inner, str):
        return outer == inner  # only the same name: resolution is not known here
    return outer.version == inner.version and inner.subnet_of(outer)  # type: ignore[arg-type]


# -- analysis ----------------------------------------------------------------------


def analyse(rules: Sequence[Rule], *, now: float | None = None) -> list[RuleNote | None]:
    """One note per rule (None when the rule does something), in list order."""
    when = time.time() if now is None else now
    matches = [_Match.of(rule) for rule in rules]
    live = [not rule.is_expired(when) for rule in rules]
    default = default_action(rules)
    return [_note(rules, matches, live, j, default, when) for j in range(len(rules))]


def _note(
    rules: Sequence[Rule],
    matches: list[_Match],
    live: list[bool],
    j: int,
    default: DefaultAction,
    now: float,
) -> RuleNote | None:
    rule, match = rules[j], matches[j]
    if not live[j]:
        stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(rule.expire or 0))
        return RuleNote("expired", f"expired at {stamp}: dom0 no longer applies it")
    if not match.active:
        if rule.proto == "icmp":
            reason = "the FirewallVM cannot apply a DNS rule with icmp and blocks all traffic of this qube"
        else:
            reason = "the FirewallVM skips a DNS rule whose ports are not 53"
        return RuleNote("inactive", reason)
    for i in range(j):
        earlier = matches[i]
        if live[i] and earlier.active and earlier.permanent and earlier.covers(match):
            return RuleNote(
                "shadowed",
                f"never matches: rule {i + 1} ({rules[i].action}) comes first and matches all of its traffic",
                i,
            )
    if j == default.index:
        return None
    return _redundancy(rules, matches, live, j)


def _redundancy(rules: Sequence[Rule], matches: list[_Match], live: list[bool], j: int) -> RuleNote | None:
    action, match = rules[j].action, matches[j]
    for k in range(j + 1, len(rules)):
        later = matches[k]
        if not live[k] or not later.active or not match.may_overlap(later):
            continue
        if rules[k].action != action:
            return None
        if later.catches_all:
            what = "accepted" if action == "accept" else "dropped"
            return RuleNote(
                "redundant",
                f"changes nothing: its traffic would be {what} anyway by rule {k + 1}",
                k,
            )
    if action == IMPLICIT_ACTION:
        return RuleNote(
            "redundant",
            "changes nothing: its traffic would be dropped anyway, since nothing after it accepts it "
            "and unmatched traffic is dropped",
        )
    return None


# -- verdict -------------------------------------------------------------------------


def verdict(
    rules: Sequence[Rule],
    destination: str,
    proto: str | None,
    port: int | None,
    now: float | None = None,
    *,
    l7: str | None = None,
) -> Verdict:
    """Which rule decides a connection, and what happens to it.

    `destination` is an address or a host name; `proto` is tcp, udp, icmp or
    None for another protocol; `port` is the destination port, or for icmp
    the ICMP type. `l7` is the connection's L7 protocol when known.
    """
    when = time.time() if now is None else now
    address = _address(destination)
    name = None if address is not None else destination.strip().lower().rstrip(".")
    asides: list[str] = []
    hosts: list[str] = []  # host-name rules passed over for an address destination
    for index, rule in enumerate(rules):
        if rule.is_expired(when):
            continue
        match = _Match.of(rule)
        if not match.active:
            continue
        if not _matches(rule, match, address, name, proto, port, l7, asides, hosts, index):
            continue
        return Verdict(index, rule.action, _explain(index, rule, _with_hosts(asides, hosts)))
    reason = "no rule matches, so the FirewallVM drops it (the policy after the last rule is always drop)"
    return Verdict(None, IMPLICIT_ACTION, _join(reason, _with_hosts(asides, hosts)))


def _with_hosts(asides: list[str], hosts: list[str]) -> list[str]:
    if not hosts:
        return asides
    return [
        *asides,
        f"host-name rules were passed over ({', '.join(hosts)}): the FirewallVM resolves names when "
        "the rules are applied, so such a rule also matches this address if its name resolved to it then",
    ]


def _address(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _matches(
    rule: Rule,
    match: _Match,
    address: Address | None,
    name: str | None,
    proto: str | None,
    port: int | None,
    l7: str | None,
    asides: list[str],
    hosts: list[str],
    index: int,
) -> bool:
    if match.dns and (address is None or address not in QUBES_DNS):
        return False
    if isinstance(match.dest, str):
        if name != match.dest:
            if address is not None:
                hosts.append(f"{match.dest} in rule {index + 1}")
            return False
    elif match.dest is not None:
        if address is None:
            note = (
                f"rules with addresses were not compared with {name}: the FirewallVM sees the "
                "address the name resolves to"
            )
            if note not in asides:
                asides.append(note)
            return False
        if address.version != match.dest.version or address not in match.dest:
            return False
    if match.protos is not None and proto not in match.protos:
        return False
    if match.ports is not None and (port is None or not match.ports[0] <= port <= match.ports[1]):
        return False
    if match.icmptype is not None and (proto != "icmp" or port != match.icmptype):
        return False
    return match.l7 is None or match.l7 == (l7.upper() if l7 else None)


def _explain(index: int, rule: Rule, asides: list[str]) -> str:
    what = "accepted" if rule.action == "accept" else "rejected (the qube sees 'administratively prohibited')"
    reason = f"rule {index + 1} ({rule.api_line()}) is the first that matches: {what}"
    if rule.target is not None and rule.target.kind == "dsthost":
        reason += (
            f"; it names {rule.target.value}, which the FirewallVM resolves when the rules are applied, "
            "not per connection"
        )
    if rule.expire is not None:
        reason += f"; until {time.strftime('%Y-%m-%d %H:%M', time.localtime(rule.expire))}"
    return _join(reason, asides)


def _join(reason: str, asides: list[str]) -> str:
    return "; ".join([reason, *asides])
