"""ICMP types by name: `echo-request (8)` for display, `echo-request`/`8`/`ping` for input.

Names are nftables' own (the FirewallVM writes `icmp type N`), so what the
editor shows matches what `nft list ruleset` shows in the FirewallVM.
"""

from __future__ import annotations

import re

from qubes_fw_gui.model.errors import RuleError
from qubes_fw_gui.model.text import translate

# IANA ICMP (IPv4) type numbers.
ICMP_TYPES: dict[int, str] = {
    0: "echo-reply",
    3: "destination-unreachable",
    4: "source-quench",
    5: "redirect",
    8: "echo-request",
    9: "router-advertisement",
    10: "router-solicitation",
    11: "time-exceeded",
    12: "parameter-problem",
    13: "timestamp-request",
    14: "timestamp-reply",
    15: "info-request",
    16: "info-reply",
    17: "address-mask-request",
    18: "address-mask-reply",
    30: "traceroute",
    42: "extended-echo-request",
    43: "extended-echo-reply",
}

# IANA ICMPv6 type numbers: the FirewallVM writes the rule's number as `icmpv6 type N`
# in its IPv6 table, so for IPv6 destinations the same number means these.
ICMPV6_TYPES: dict[int, str] = {
    1: "destination-unreachable",
    2: "packet-too-big",
    3: "time-exceeded",
    4: "parameter-problem",
    128: "echo-request",
    129: "echo-reply",
    130: "mld-listener-query",
    131: "mld-listener-report",
    132: "mld-listener-done",
    133: "nd-router-solicit",
    134: "nd-router-advert",
    135: "nd-neighbor-solicit",
    136: "nd-neighbor-advert",
    137: "nd-redirect",
    143: "mld2-listener-report",
}

# Words people type for the common ones.
ALIASES: dict[str, int] = {
    "ping": 8,
    "echo": 8,
    "pong": 0,
    "unreachable": 3,
    "ttl-exceeded": 11,
    "timestamp": 13,
}

# Offered first: what a person allowing "ping" or path-MTU discovery needs.
COMMON = (8, 0, 3, 11, 12)

_BY_NAME = {name: number for number, name in ICMP_TYPES.items()} | ALIASES
_NAME_THEN_TYPE = re.compile(r"([A-Za-z][A-Za-z-]*)\s*\(\s*([0-9]+)\s*\)")
_TYPE_THEN_NAME = re.compile(r"([0-9]+)\s*\(\s*([A-Za-z][A-Za-z-]*)\s*\)")


def display_icmp(icmptype: int | None, *, ipv6: bool = False) -> str:
    """`echo-request (8)` for a known type, `42` for another, `any` for none (ICMPv6 names with ipv6)."""
    if icmptype is None:
        return translate("RuleModel", "any")
    name = (ICMPV6_TYPES if ipv6 else ICMP_TYPES).get(icmptype)
    return f"{name} ({icmptype})" if name else str(icmptype)


def parse_icmp(text: str) -> int:
    """Read a typed ICMP type; RuleError(field="icmptype") with a plain message otherwise."""
    stripped = text.strip()
    if not stripped:
        raise RuleError("icmptype", text, translate("RuleModel", "type an ICMP type: a number 0-255 or a name like echo-request"))
    if stripped.isdigit():
        return _number(text, stripped)
    match = _NAME_THEN_TYPE.fullmatch(stripped) or _TYPE_THEN_NAME.fullmatch(stripped)
    if match:
        name, number_text = (match[1], match[2]) if match.re is _NAME_THEN_TYPE else (match[2], match[1])
        number = _number(text, number_text)
        known = _BY_NAME.get(name.lower())
        if known is not None and known != number:
            raise RuleError(
                "icmptype",
                text,
                translate("RuleModel", "{name} is ICMP type {known}, not {typed}: type one of them").format(name=name, known=known, typed=number),
            )
        return number
    known = _BY_NAME.get(stripped.lower())
    if known is None:
        raise RuleError(
            "icmptype",
            text,
            translate("RuleModel", "'{text}' is not a known ICMP type; type a number from 0 to 255").format(text=stripped),
        )
    return known


def icmp_choices() -> list[str]:
    """Entries for an editable combo box: the common types first, then all by number."""
    rest = sorted(set(ICMP_TYPES) - set(COMMON))
    return [display_icmp(number) for number in (*COMMON, *rest)]


def _number(text: str, digits: str) -> int:
    number = int(digits)
    if number > 255:
        raise RuleError("icmptype", text, translate("RuleModel", "{number} is not an ICMP type: types are 0 to 255").format(number=number))
    return number
