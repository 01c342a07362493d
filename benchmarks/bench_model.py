"""The rule model on 4,000 realistic mixed rules: parse, validate (check_rule), format.

Target: the three together under 50 ms on this machine. Analysis of the list
(shadowed/redundant) is measured too; the editor runs it off the GUI thread.
"""

from __future__ import annotations

import random

from benchmarks.table import Row, best_of, print_table
from qubes_fw_gui.model.checks import check_rule
from qubes_fw_gui.model.payload import format_payload
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.model.rulelist import analyse

COUNT = 4000
NOW = 1_700_000_000


def realistic_lines(count: int = COUNT, seed: int = 4000) -> list[str]:
    """What people's lists hold: hosts and networks with ports, DNS, ICMP, comments, expiry."""
    pick = random.Random(seed)
    lines = []
    for n in range(count - 1):
        kind = pick.randrange(10)
        port = pick.choice(["443", "80", "22", "53", "123", "8000-8080", "993", "5222"])
        proto = pick.choice(["tcp", "udp"])
        if kind < 3:
            line = f"proto={proto} dsthost=host{n}.example.org dstports={port} action=accept"
        elif kind < 5:
            line = f"action=accept dst4=10.{n % 256}.{n // 256}.0/24 proto={proto} dstports={port}"
        elif kind == 5:
            line = f"action=drop dsthost=192.168.{n % 256}.{n // 256 % 256}"
        elif kind == 6:
            line = f"action=accept dst6=2001:db8:{n:x}::/48 proto=tcp dstports={port}"
        elif kind == 7:
            line = "action=accept proto=icmp icmptype=8"
        elif kind == 8:
            line = "action=accept specialtarget=dns"
        else:
            line = f"action=accept expire={NOW + n} dstname=site{n}.example.net"
        if pick.randrange(3) == 0:
            line += f" comment=rule {n} for the team"
        lines.append(line)
    lines.append("action=drop")
    return lines


def parse_validate_format(lines: list[str]) -> bytes:
    rules = [Rule.parse(line) for line in lines]
    for rule in rules:
        check_rule(rule, now=NOW)
    return format_payload(rules)


def run() -> list[Row]:
    lines = realistic_lines()
    rules = [Rule.parse(line) for line in lines]
    return [
        Row(f"parse+validate+format {COUNT} rules", best_of(lambda: parse_validate_format(lines)), "ms", 50),
        Row(f"  parse {COUNT} rules", best_of(lambda: [Rule.parse(line) for line in lines]), "ms"),
        Row(f"  validate (check_rule) {COUNT} rules", best_of(lambda: [check_rule(r, now=NOW) for r in rules]), "ms"),
        Row(f"  format {COUNT} rules (Set payload)", best_of(lambda: format_payload(rules)), "ms"),
        Row(f"analyse {COUNT} rules (shadowed/redundant)", best_of(lambda: analyse(rules, now=NOW), 3), "ms", 250),
    ]


if __name__ == "__main__":
    print_table(run())
