"""The whole rule list as one admin.vm.firewall.Set payload, and its size limit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from qubes_fw_gui.model.errors import RuleError
from qubes_fw_gui.model.rule import Rule

# qubesd aborts any request (header + payload) longer than this (facts §1.2).
MAX_REQUEST_BYTES = 65536
SET_METHOD = "admin.vm.firewall.Set"


def set_header(qube: str) -> bytes:
    """The request header qubesadmin and our socket client send for a Set."""
    return f"{SET_METHOD}+ dom0 name {qube}\0".encode("ascii")


def format_payload(rules: Iterable[Rule]) -> bytes:
    """One canonical line per rule, each ending in a newline."""
    return "".join(rule.api_line() + "\n" for rule in rules).encode("ascii")


def request_size(qube: str, rules: Sequence[Rule]) -> int:
    return len(set_header(qube)) + len(format_payload(rules))


def rules_that_fit(qube: str, rules: Sequence[Rule]) -> int:
    """How many of the first rules one Set request can carry."""
    size = len(set_header(qube))
    for count, rule in enumerate(rules):
        size += len(rule.api_line()) + 1
        if size > MAX_REQUEST_BYTES:
            return count
    return len(rules)


def parse_lines(text: str, *, allow_l7: bool = True) -> list[Rule]:
    """Parse a Get reply or a Set payload: every line must be a rule (blank lines too)."""
    rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            rules.append(Rule.parse(line, allow_l7=allow_l7))
        except RuleError as error:
            error.line = number  # type: ignore[attr-defined]
            raise
    return rules
