"""Checks stricter than qubesd: rules it accepts but the FirewallVM fails on or misreads.

qubesd validates syntax only. The FirewallVM's agent then turns each rule into
nftables, and some accepted rules make it give up and block every packet of
the qube (facts §5). `check_rule` names those as errors, and rules that do
something other than what a person likely meant as warnings, each tied to the
field the editor shows it next to (the same field names as `RuleError`).
Uppercase in a host name never gets this far: `Target.parse` refuses it with
the lowercase spelling to use, and a Target cannot be built otherwise.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from dataclasses import dataclass
from typing import Literal

from qubes_fw_gui.model.fields import Target
from qubes_fw_gui.model.icmp import display_icmp
from qubes_fw_gui.model.rule import Rule

Level = Literal["error", "warning"]

# A DNS label: 1-63 letters, digits, '-' or '_' (underscore appears in real SRV-style names).
_LABEL = re.compile(r"[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?")
_ALMOST_IPV4 = re.compile(r"[0-9.]*[0-9][0-9.]*")


@dataclass(frozen=True)
class Problem:
    """One finding about a rule: an error blocks saving, a warning only informs."""

    level: Level
    field: str
    message: str


def check_rule(rule: Rule, *, now: float | None = None) -> list[Problem]:
    """Every problem of one rule, errors first, in the order of the rule's fields."""
    problems: list[Problem] = []
    if rule.target is not None:
        _check_target(rule.target, problems)
    if rule.specialtarget == "dns":
        _check_dns(rule, problems)
    if rule.ports is not None and rule.ports.first == 0 and rule.ports.last == 0:
        problems.append(
            Problem("warning", "ports", "port 0 is reserved: no real connection uses it")
        )
    if rule.icmptype is not None and rule.target is not None and rule.target.kind == "dst6":
        problems.append(
            Problem(
                "warning",
                "icmptype",
                f"for an IPv6 address the type is an ICMPv6 type: {rule.icmptype} there means "
                f"{display_icmp(rule.icmptype, ipv6=True)}; ICMPv6 echo-request is 128",
            )
        )
    if rule.l7 is not None:
        problems.append(
            Problem(
                "warning",
                "l7",
                "an L7 protocol needs FirewallVM support: a FirewallVM without the feature "
                "supported-feature.qubes-firewall-dpi drops all traffic of this qube, and "
                "stock qubesd refuses the rule",
            )
        )
    if rule.expire is not None and rule.is_expired(now):
        problems.append(
            Problem(
                "warning",
                "expire",
                "this rule has already expired: dom0 removes it when the rules are saved",
            )
        )
    if len(problems) > 1:
        problems.sort(key=lambda problem: problem.level != "error")
    return problems


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.level == "error" for problem in problems)


def _check_target(target: Target, problems: list[Problem]) -> None:
    if target.kind == "dsthost":
        _check_host_name(target.value, problems)
        return
    prefix = target.prefixlen
    assert prefix is not None  # an address target always has a prefix
    if prefix == 0:
        family = "IPv4" if target.kind == "dst4" else "IPv6"
        other = "IPv6" if target.kind == "dst4" else "IPv4"
        problems.append(
            Problem(
                "warning",
                "target",
                f"/0 means every {family} address but no {other} address; "
                "choose \"any address\" to cover both",
            )
        )
    elif _host_bits_set(target.kind, target.host, prefix):
        network = ipaddress.ip_network(target.value, strict=False)
        problems.append(
            Problem(
                "warning",
                "target",
                f"{target.value} has host bits set: it matches the whole network "
                f"{network.with_prefixlen}; write {network.with_prefixlen}",
            )
        )


def _host_bits_set(kind: str, host: str, prefix: int) -> bool:
    # inet_pton and integer masks: ipaddress would be the slow part of checking 4,000 rules.
    family, bits = (socket.AF_INET, 32) if kind == "dst4" else (socket.AF_INET6, 128)
    value = int.from_bytes(socket.inet_pton(family, host), "big")
    return value & ((1 << (bits - prefix)) - 1) != 0


def _check_host_name(name: str, problems: list[Problem]) -> None:
    if not name:
        # qubes-issues#11095: qubesd stores it, the FirewallVM then fails on it.
        problems.append(
            Problem(
                "error",
                "target",
                "the address is empty: type an address, a network or a host name, "
                "or choose any address",
            )
        )
        return
    if _ALMOST_IPV4.fullmatch(name):
        problems.append(
            Problem(
                "error",
                "target",
                f"{name!r} is not a complete IPv4 address: write four numbers like 192.168.1.10",
            )
        )
        return
    labels = name[:-1].split(".") if name.endswith(".") else name.split(".")
    if len(name) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        problems.append(
            Problem(
                "error",
                "target",
                f"{name!r} is not a valid host name (empty part, part over 63 characters, "
                "or a part starting or ending with '-'); the FirewallVM cannot resolve it "
                "and would block all traffic of this qube",
            )
        )
        return
    # qubes-issues#7499 and #8809: resolution happens once, in the FirewallVM.
    problems.append(
        Problem(
            "warning",
            "target",
            f"the FirewallVM resolves {name} once, when the rules are applied, not for each "
            "connection; if the name does not resolve then, all traffic of this qube is blocked",
        )
    )


def _check_dns(rule: Rule, problems: list[Problem]) -> None:
    if rule.proto == "icmp":
        problems.append(
            Problem(
                "error",
                "proto",
                "the DNS special target works only with tcp, udp or any protocol: with icmp "
                "the FirewallVM fails to apply the rules and blocks all traffic of this qube",
            )
        )
    if rule.ports is not None and not (rule.ports.first == rule.ports.last == 53):
        problems.append(
            Problem(
                "warning",
                "ports",
                "DNS is port 53 only: the FirewallVM silently skips a DNS rule with other ports",
            )
        )
    if rule.target is not None:
        problems.append(
            Problem(
                "warning",
                "target",
                "a DNS rule with an address matches only when that address is one of the "
                "FirewallVM's DNS servers",
            )
        )
