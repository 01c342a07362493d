"""The rule list as the FirewallVM reads it: first match wins, then an implicit drop.

`default_action` finds the list's default (a trailing catch-all rule),
`analyse` flags rules that can never match (shadowed) or change nothing
(redundant), and `verdict` answers "what happens to a connection to X".
Rule numbers in messages count from 1, as the editor shows them; `index`
and `by` fields are 0-based list indexes.
"""

from __future__ import annotations

import bisect
import ipaddress
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.model.text import translate

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
# Shared, not one set per rule: an analysis holds thousands of matches.
_PROTOS = {proto: frozenset((proto,)) for proto in ("tcp", "udp", "icmp")}
_TCP_UDP = frozenset(("tcp", "udp"))
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
# A network as plain ints, (IP version, prefix length, first address): a few bytes where
# an ipaddress network object costs hundreds, times thousands of rules.
_Net = tuple[int, int, int]
_BITS = {4: 32, 6: 128}


def _net(network: Network) -> _Net:
    return network.version, network.prefixlen, int(network.network_address)


def _last(net: _Net) -> int:
    return net[2] + (1 << (_BITS[net[0]] - net[1])) - 1


def _supernet(net: _Net, prefix: int) -> _Net:
    shift = _BITS[net[0]] - prefix
    return net[0], prefix, net[2] >> shift << shift


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


@dataclass(frozen=True, slots=True)  # slots: thousands of these live during an analysis
class _Match:
    """The traffic a rule matches, in the FirewallVM's terms (facts §5)."""

    dest: _Net | str | None  # None: any address; str: a host name; else a network
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
        dest: _Net | str | None = None
        if target is not None:
            dest = target.value if target.kind == "dsthost" else _net(target.network)
        dns = rule.specialtarget == "dns"
        active = True
        if dns:
            # The agent matches port 53 of tcp and udp, and skips other ports.
            protos: frozenset[str] | None = _PROTOS[rule.proto] if rule.proto else _TCP_UDP
            ports: tuple[int, int] | None = DNS_PORT
            if rule.proto == "icmp" or (rule.ports is not None and (rule.ports.first, rule.ports.last) != DNS_PORT):
                active = False
        else:
            protos = _PROTOS[rule.proto] if rule.proto else None
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
        mine, theirs = self.dest, other.dest
        if (
            isinstance(mine, tuple)
            and isinstance(theirs, tuple)
            and (mine[0] != theirs[0] or _last(mine) < theirs[2] or _last(theirs) < mine[2])
        ):
            return False  # networks of different families, or apart
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


def _dest_covers(outer: _Net | str | None, inner: _Net | str | None) -> bool:
    if outer is None:
        return True
    if inner is None:
        return False
    if isinstance(outer, str) or isinstance(inner, str):
        return outer == inner  # only the same name: resolution is not known here
    # Prefix-aligned networks: inner lies in outer when it is no wider and shares outer's prefix bits.
    return outer[0] == inner[0] and outer[1] <= inner[1] and _supernet(inner, outer[1]) == outer


# -- analysis ----------------------------------------------------------------------


def analyse(rules: Sequence[Rule], *, now: float | None = None) -> list[RuleNote | None]:
    """One note per rule (None when the rule does something), in list order.

    Indexed so that 4,000 realistic rules take well under a second: earlier
    rules are looked up by what could cover a rule, not compared pairwise.
    """
    when = time.time() if now is None else now
    matches = [_Match.of(rule) for rule in rules]
    live = [not rule.is_expired(when) for rule in rules]
    default = default_action(rules)
    index = _CoverIndex()
    later = _LaterRules(rules, matches, live)
    notes: list[RuleNote | None] = []
    for j, rule in enumerate(rules):
        match = matches[j]
        note = _plain_note(rule, match, live[j])
        if note is None:
            by = index.first_cover(match)
            if by is not None:
                message = translate(
                    "RuleModel", "never matches: rule {number} ({action}) comes first and matches all of its traffic"
                )
                note = RuleNote("shadowed", message.format(number=by + 1, action=rules[by].action), by)
            elif j != default.index:
                note = later.redundancy(j)
        if live[j] and match.active and match.permanent:
            index.add(j, match)
        notes.append(note)
    return notes


def _plain_note(rule: Rule, match: _Match, live: bool) -> RuleNote | None:
    if not live:
        stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(rule.expire or 0))
        message = translate("RuleModel", "expired at {time}: dom0 no longer applies it")
        return RuleNote("expired", message.format(time=stamp))
    if not match.active:
        if rule.proto == "icmp":
            reason = translate("RuleModel", "the FirewallVM cannot apply a DNS rule with icmp and blocks all traffic of this qube")
        else:
            reason = translate("RuleModel", "the FirewallVM skips a DNS rule whose ports are not 53")
        return RuleNote("inactive", reason)
    return None


_Inner = _Net | str | None


class _CoverIndex:
    """Earlier permanent rules, bucketed by what they match, to find the first that covers a rule."""

    def __init__(self, *, nearest_last_added: bool = False) -> None:
        # Filled front to back, each slot keeps its first rule; filled back to front
        # (to look at the rules after one), each keeps the last added, the nearest.
        self._replace = nearest_last_added
        # (dns, destination, protocols, icmptype, l7) -> ports slot -> rule index; one flat
        # dict, not one per destination: most destinations appear once.
        self._slots: dict[tuple[object, ...], _PortSlots] = {}
        self._dests: set[tuple[bool, _Inner]] = set()
        self._prefixes: dict[int, set[int]] = {4: set(), 6: set()}

    def add(self, index: int, match: _Match) -> None:
        if isinstance(match.dest, tuple):
            self._prefixes[match.dest[0]].add(match.dest[1])
        self._dests.add((match.dns, match.dest))
        key = (match.dns, match.dest, match.protos, match.icmptype, match.l7)
        slots = self._slots.get(key)
        if slots is None:
            slots = self._slots[key] = _PortSlots()
        slots.add(index, match.ports, replace=self._replace)

    def first_cover(self, match: _Match) -> int | None:
        best: int | None = None
        for dns, dest in self._dest_keys(match):
            if (dns, dest) not in self._dests:
                continue
            for protos in _covering_protos(match.protos):
                for icmptype in {None, match.icmptype}:
                    for l7 in {None, match.l7}:
                        slots = self._slots.get((dns, dest, protos, icmptype, l7))
                        if slots is None:
                            continue
                        found = slots.first_covering(match.ports)
                        if found is not None and (best is None or found < best):
                            best = found
        return best

    def _dest_keys(self, match: _Match) -> list[tuple[bool, _Inner]]:
        inners: list[_Inner] = [None]
        dest = match.dest
        if isinstance(dest, str):
            inners.append(dest)
        elif dest is not None:
            for prefix in self._prefixes[dest[0]]:
                if prefix <= dest[1]:
                    inners.append(_supernet(dest, prefix))
        if match.dns:
            return [(True, inner) for inner in inners] + [(False, None)]
        return [(False, inner) for inner in inners]


def _covering_protos(protos: frozenset[str] | None) -> list[frozenset[str] | None]:
    if protos is None:
        return [None]
    keys: list[frozenset[str] | None] = [None, protos]
    if protos <= _TCP_UDP and protos != _TCP_UDP:
        keys.append(_TCP_UDP)
    return keys




class _PortSlots:
    """First rule index per port condition: none, one port, or a range (ranges are few).

    Slotted, with containers made on first use: an index holds one per distinct target.
    """

    __slots__ = ("unconditional", "single", "ranges")

    def __init__(self) -> None:
        self.unconditional: int | None = None
        self.single: dict[int, int] | None = None
        self.ranges: list[tuple[int, int, int]] | None = None

    def add(self, index: int, ports: tuple[int, int] | None, *, replace: bool = False) -> None:
        if ports is None:
            if self.unconditional is None or replace:
                self.unconditional = index
        elif ports[0] == ports[1]:
            if self.single is None:
                self.single = {}
            if replace:
                self.single[ports[0]] = index
            else:
                self.single.setdefault(ports[0], index)
        else:
            if self.ranges is None:
                self.ranges = []
            self.ranges.append((ports[0], ports[1], index))

    def first_covering(self, ports: tuple[int, int] | None) -> int | None:
        found = self.unconditional
        if ports is None:
            return found
        if ports[0] == ports[1] and self.single is not None:
            single = self.single.get(ports[0])
            if single is not None and (found is None or single < found):
                found = single
        for first, last, index in self.ranges or ():
            if first <= ports[0] and ports[1] <= last and (found is None or index < found):
                found = index
        return found


class _LaterRules:
    """Answers "would the rules after this one decide its traffic the same way?"."""

    def __init__(self, rules: Sequence[Rule], matches: list[_Match], live: list[bool]) -> None:
        self._rules = rules
        self._matches = matches
        usable = [k for k in range(len(rules)) if live[k] and matches[k].active]
        prefixes = _prefix_lengths(matches)
        self._overlaps = {
            action: _OverlapIndex([k for k in usable if rules[k].action == action], matches, prefixes)
            for action in ("accept", "drop")
        }
        # The nearest later rule with the same action that matches all of a rule's
        # traffic: nothing after it is reached by that traffic.
        self._same_after: list[int | None] = [None] * len(rules)
        indexes = {"accept": _CoverIndex(nearest_last_added=True), "drop": _CoverIndex(nearest_last_added=True)}
        for k in reversed(usable):
            index = indexes[rules[k].action]
            self._same_after[k] = index.first_cover(matches[k])
            if matches[k].permanent:
                index.add(k, matches[k])

    def redundancy(self, j: int) -> RuleNote | None:
        action, match = self._rules[j].action, self._matches[j]
        stop = self._same_after[j]
        other = "drop" if action == "accept" else "accept"
        end = len(self._rules) if stop is None else stop
        decider = self._overlaps[other].first_after(j, match)
        if decider is not None and decider <= end:
            return None  # a rule of the other action may see some of its traffic first
        if stop is not None:
            if action == "accept":
                message = translate("RuleModel", "changes nothing: its traffic would be accepted anyway by rule {number}")
            else:
                message = translate("RuleModel", "changes nothing: its traffic would be dropped anyway by rule {number}")
            return RuleNote("redundant", message.format(number=stop + 1), stop)
        if action == IMPLICIT_ACTION:
            message = translate(
                "RuleModel",
                "changes nothing: its traffic would be dropped anyway, since nothing after it accepts it and unmatched traffic is dropped",
            )
            return RuleNote("redundant", message)
        return None


_NetKey = int  # a network at a prefix length: its number, prefix length and IP version in one int


def _prefix_lengths(matches: list[_Match]) -> dict[int, list[int]]:
    found: dict[int, set[int]] = {4: set(), 6: set()}
    for match in matches:
        if isinstance(match.dest, tuple):
            found[match.dest[0]].add(match.dest[1])
    return {version: sorted(lengths) for version, lengths in found.items()}


def _net_key(version: int, first: int, prefix: int) -> _NetKey:
    return (first >> (_BITS[version] - prefix)) << 9 | prefix << 1 | (version == 6)


# Ascending rule indexes under a key: one int while there is one (most networks appear once).
_Held = int | list[int]


def _hold(table: dict[_NetKey, _Held], key: _NetKey, k: int) -> None:
    held = table.get(key)
    if held is None:
        table[key] = k
    elif isinstance(held, int):
        table[key] = [held, k]
    else:
        held.append(k)


def _first_after(indexes: _Held | None, j: int) -> int | None:
    if indexes is None:
        return None
    if isinstance(indexes, int):
        return indexes if indexes > j else None
    at = bisect.bisect_right(indexes, j)
    return indexes[at] if at < len(indexes) else None


class _OverlapIndex:
    """The rules of one action, to find the first after a given one that `may_overlap` it.

    Rules are grouped by everything `may_overlap` compares except the address (real
    lists have few such groups). Two networks overlap only when one contains the
    other (both are prefix-aligned), so within a group the overlapping networks are
    looked up as the rule's supernets and subnets, at the prefix lengths in the list.
    """

    def __init__(self, indexes: list[int], matches: list[_Match], prefixes: dict[int, list[int]]) -> None:
        self._groups: dict[tuple[object, ...], _OverlapGroup] = {}
        for k in indexes:
            match = matches[k]
            key = (match.protos, match.ports, match.icmptype, match.l7)
            group = self._groups.get(key)
            if group is None:
                # The group's stand-in: no address, so may_overlap compares only the rest.
                probe = _Match(None, False, match.protos, match.ports, match.icmptype, match.l7, True, True)
                group = self._groups[key] = _OverlapGroup(probe)
            group.add(k, match, prefixes)

    def first_after(self, j: int, match: _Match) -> int | None:
        best: int | None = None
        for group in self._groups.values():
            if not match.may_overlap(group.probe):
                continue
            found = group.first_after(j, match)
            if found is not None and (best is None or found < best):
                best = found
        return best


class _OverlapGroup:
    """Rule indexes (ascending) of one group, by where their address lies."""

    def __init__(self, probe: _Match) -> None:
        self.probe = probe
        self.every: list[int] = []
        self.anywhere: list[int] = []  # no network: any address, DNS or a host name
        self.exact: dict[_NetKey, _Held] = {}  # by the rule's own network
        self.within: dict[_NetKey, _Held] = {}  # by each wider network (of a length in the list) holding it
        self.lengths: dict[int, set[int]] = {4: set(), 6: set()}  # prefix lengths of the group's networks

    def add(self, k: int, match: _Match, prefixes: dict[int, list[int]]) -> None:
        self.every.append(k)
        if not isinstance(match.dest, tuple):
            self.anywhere.append(k)
            return
        version, prefix, first = match.dest
        self.lengths[version].add(prefix)
        _hold(self.exact, _net_key(version, first, prefix), k)
        for wider in prefixes[version]:
            if wider > prefix:
                break
            _hold(self.within, _net_key(version, first, wider), k)

    def first_after(self, j: int, match: _Match) -> int | None:
        if not isinstance(match.dest, tuple):
            return _first_after(self.every, j)
        version, prefix, first = match.dest
        found = [_first_after(self.anywhere, j), _first_after(self.within.get(_net_key(version, first, prefix)), j)]
        for wider in self.lengths[version]:
            if wider <= prefix:
                found.append(_first_after(self.exact.get(_net_key(version, first, wider)), j))
        return min((k for k in found if k is not None), default=None)


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
    reason = translate("RuleModel", "no rule matches, so the FirewallVM drops it (the policy after the last rule is always drop)")
    return Verdict(None, IMPLICIT_ACTION, _join(reason, _with_hosts(asides, hosts)))


def _with_hosts(asides: list[str], hosts: list[str]) -> list[str]:
    if not hosts:
        return asides
    message = translate(
        "RuleModel",
        "host-name rules were passed over ({rules}): the FirewallVM resolves names when the rules are applied, so such a rule also matches this address if its name resolved to it then",
    )
    return [*asides, message.format(rules=", ".join(hosts))]


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
                hosts.append(translate("RuleModel", "{name} in rule {number}").format(name=match.dest, number=index + 1))
            return False
    elif match.dest is not None:
        if address is None:
            note = translate(
                "RuleModel", "rules with addresses were not compared with {name}: the FirewallVM sees the address the name resolves to"
            ).format(name=name)
            if note not in asides:
                asides.append(note)
            return False
        if address.version != match.dest[0] or not match.dest[2] <= int(address) <= _last(match.dest):
            return False
    if match.protos is not None and proto not in match.protos:
        return False
    if match.ports is not None and (port is None or not match.ports[0] <= port <= match.ports[1]):
        return False
    if match.icmptype is not None and (proto != "icmp" or port != match.icmptype):
        return False
    return match.l7 is None or match.l7 == (l7.upper() if l7 else None)


def _explain(index: int, rule: Rule, asides: list[str]) -> str:
    if rule.action == "accept":
        reason = translate("RuleModel", "rule {number} ({rule}) is the first that matches: accepted")
    else:
        reason = translate("RuleModel", "rule {number} ({rule}) is the first that matches: rejected (the qube sees 'administratively prohibited')")
    parts = [reason.format(number=index + 1, rule=rule.api_line())]
    if rule.target is not None and rule.target.kind == "dsthost":
        message = translate("RuleModel", "it names {name}, which the FirewallVM resolves when the rules are applied, not per connection")
        parts.append(message.format(name=rule.target.value))
    if rule.expire is not None:
        stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(rule.expire))
        parts.append(translate("RuleModel", "until {time}").format(time=stamp))
    return _join("; ".join(parts), asides)


def _join(reason: str, asides: list[str]) -> str:
    return "; ".join([reason, *asides])
