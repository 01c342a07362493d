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
from qubes_fw_gui.model.text import translate

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
            Problem("warning", "ports", translate("RuleModel", "port 0 is reserved: no real connection uses it"))
        )
    if rule.icmptype is not None and rule.target is not None and rule.target.kind == "dst6":
        # The agent writes the same number as `icmpv6 type N` for IPv6.
        message = translate(
            "RuleModel",
            "for an IPv6 address the type is an ICMPv6 type: {number} there means {meaning}; ICMPv6 echo-request is 128",
        )
        meaning = display_icmp(rule.icmptype, ipv6=True)
        problems.append(Problem("warning", "icmptype", message.format(number=rule.icmptype, meaning=meaning)))
    if rule.l7 is not None:
        message = translate(
            "RuleModel",
            "an L7 protocol needs FirewallVM support: a FirewallVM without the feature supported-feature.qubes-firewall-dpi drops all traffic of this qube, and stock qubesd refuses the rule",
        )
        problems.append(Problem("warning", "l7", message))
    if rule.expire is not None and rule.is_expired(now):
        message = translate("RuleModel", "this rule has already expired: dom0 removes it when the rules are saved")
        problems.append(Problem("warning", "expire", message))
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
        if target.kind == "dst4":
            message = translate("RuleModel", "/0 means every IPv4 address but no IPv6 address; choose any address to cover both. Beware: qvm-firewall and Qube Manager drop a /0 when they rewrite the list, so the rule then covers both")
        else:
            message = translate("RuleModel", "/0 means every IPv6 address but no IPv4 address; choose any address to cover both. Beware: qvm-firewall and Qube Manager drop a /0 when they rewrite the list, so the rule then covers both")
        problems.append(Problem("warning", "target", message))
    elif _host_bits_set(target.kind, target.host, prefix):
        network = ipaddress.ip_network(target.value, strict=False).with_prefixlen
        message = translate("RuleModel", "{value} has host bits set: it matches the whole network {network}; write {network}")
        problems.append(Problem("warning", "target", message.format(value=target.value, network=network)))


def _host_bits_set(kind: str, host: str, prefix: int) -> bool:
    # inet_pton and integer masks: ipaddress would be the slow part of checking 4,000 rules.
    family, bits = (socket.AF_INET, 32) if kind == "dst4" else (socket.AF_INET6, 128)
    value = int.from_bytes(socket.inet_pton(family, host), "big")
    return value & ((1 << (bits - prefix)) - 1) != 0


def _check_host_name(name: str, problems: list[Problem]) -> None:
    if not name:
        # qubes-issues#11095: qubesd stores it, the FirewallVM then fails on it.
        message = translate("RuleModel", "the address is empty: type an address, a network or a host name, or choose any address")
        problems.append(Problem("error", "target", message))
        return
    if _ALMOST_IPV4.fullmatch(name):
        # getaddrinfo would read "10.1" as 10.0.0.1: never what was meant.
        message = translate("RuleModel", "'{name}' is not a complete IPv4 address: write four numbers like 192.168.1.10")
        problems.append(Problem("error", "target", message.format(name=name)))
        return
    labels = name[:-1].split(".") if name.endswith(".") else name.split(".")
    if len(name) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        message = translate(
            "RuleModel",
            "'{name}' is not a valid host name (empty part, part over 63 characters, or a part starting or ending with '-'); the FirewallVM cannot resolve it and would block all traffic of this qube",
        )
        problems.append(Problem("error", "target", message.format(name=name)))
        return
    # qubes-issues#7499 and #8809: resolution happens once, in the FirewallVM.
    message = translate(
        "RuleModel",
        "the FirewallVM resolves {name} once, when the rules are applied, not for each connection; if the name does not resolve then, all traffic of this qube is blocked",
    )
    problems.append(Problem("warning", "target", message.format(name=name)))


def _check_dns(rule: Rule, problems: list[Problem]) -> None:
    if rule.proto == "icmp":
        message = translate(
            "RuleModel",
            "the DNS special target works only with tcp, udp or any protocol: with icmp the FirewallVM fails to apply the rules and blocks all traffic of this qube",
        )
        problems.append(Problem("error", "proto", message))
    if rule.ports is not None and not (rule.ports.first == rule.ports.last == 53):
        message = translate("RuleModel", "DNS is port 53 only: the FirewallVM silently skips a DNS rule with other ports")
        problems.append(Problem("warning", "ports", message))
    if rule.target is not None:
        message = translate("RuleModel", "a DNS rule with an address matches only when that address is one of the FirewallVM's DNS servers")
        problems.append(Problem("warning", "target", message))
