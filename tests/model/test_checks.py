"""The stricter-than-qubesd checks: what the editor shows next to each field."""

from __future__ import annotations

import pytest

from qubes_fw_gui.model import Rule, RuleError, Target
from qubes_fw_gui.model.checks import Problem, check_rule, has_errors


def problems_of(line: str, now: float = 1_700_000_000) -> list[Problem]:
    return check_rule(Rule.parse(line), now=now)


def only(line: str) -> Problem:
    found = problems_of(line)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "line",
    [
        "action=accept",
        "action=drop",
        "action=accept dst4=10.0.0.0/8",
        "action=accept dst6=2001:db8::/32 proto=tcp dstports=443",
        "action=accept proto=udp specialtarget=dns dstports=53",
        "action=accept specialtarget=dns",
        "action=accept proto=icmp icmptype=8",
        "action=accept expire=1800000000 comment=full access",
    ],
)
def test_ordinary_rules_have_no_problems(line: str) -> None:
    assert problems_of(line) == []


def test_icmp_to_the_dns_servers_is_an_error_on_the_protocol() -> None:
    problem = only("action=accept proto=icmp specialtarget=dns")
    assert (problem.level, problem.field) == ("error", "proto")
    assert "blocks all traffic" in problem.message


def test_dns_with_another_port_is_skipped_by_the_firewallvm() -> None:
    problem = only("action=accept proto=tcp specialtarget=dns dstports=80")
    assert (problem.level, problem.field) == ("warning", "ports")
    assert "port 53" in problem.message and "skips" in problem.message


def test_empty_host_name_is_an_error() -> None:
    # qubes-issues#11095: qubesd stores it and sys-firewall then fails on it.
    rule = Rule.parse("action=accept dsthost= proto=tcp")
    assert rule.target == Target("dsthost", "")
    problem = check_rule(rule)[0]
    assert (problem.level, problem.field) == ("error", "target")
    assert "empty" in problem.message


def test_host_bits_suggest_the_network() -> None:
    problem = only("action=drop dst4=10.1.2.3/8")
    assert (problem.level, problem.field) == ("warning", "target")
    assert "write 10.0.0.0/8" in problem.message
    assert "write 2001:db8::/32" in only("action=drop dst6=2001:db8::1/32").message


def test_slash_zero_means_one_family_only() -> None:
    problem = only("action=drop dst4=0.0.0.0/0")
    assert problem.level == "warning"
    assert "every IPv4 address but no IPv6 address" in problem.message
    assert "drop a /0 when they rewrite the list" in problem.message
    assert "every IPv6 address but no IPv4" in only("action=drop dst6=::/0").message


def test_port_zero_is_a_warning() -> None:
    problem = only("action=accept proto=tcp dstports=0")
    assert (problem.level, problem.field) == ("warning", "ports")
    assert problems_of("action=accept proto=tcp dstports=0-1023") == []


def test_host_names_are_resolved_once_when_rules_are_applied() -> None:
    problem = only("action=accept dsthost=updates.example.org proto=tcp dstports=443")
    assert (problem.level, problem.field) == ("warning", "target")
    assert "when the rules are applied" in problem.message
    assert "all traffic of this qube is blocked" in problem.message


@pytest.mark.parametrize("name", ["a..b", "-bad.example", "x" * 64 + ".org", ".", "bad-.org"])
def test_names_the_firewallvm_cannot_resolve_are_errors(name: str) -> None:
    problem = only(f"action=accept dsthost={name}")
    assert (problem.level, problem.field) == ("error", "target")
    assert "not a valid host name" in problem.message


def test_an_incomplete_address_is_not_taken_for_a_name() -> None:
    problem = only("action=accept dsthost=192.168.1")
    assert problem.level == "error"
    assert "not a complete IPv4 address" in problem.message


def test_uppercase_in_a_name_says_use_lowercase() -> None:
    with pytest.raises(RuleError) as caught:
        Rule.parse("action=accept dsthost=Example.COM")
    assert caught.value.field == "target"
    assert caught.value.message == "write the host name in lowercase: example.com"
    # Nor can code build one around the parser.
    with pytest.raises(RuleError):
        Target("dsthost", "Example.COM")


def test_a_directly_built_target_must_be_what_parse_gives() -> None:
    assert Target("dst4", "10.1.2.3/8") == Target.parse("10.1.2.3/8")
    for kind, value in [("dst4", "example.com"), ("dst4", "1.2.3.4"), ("dsthost", "1.2.3.4"), ("dst6", "::1/129")]:
        with pytest.raises(RuleError):
            Target(kind, value)  # type: ignore[arg-type]


def test_icmp_types_for_ipv6_addresses_are_icmpv6_types() -> None:
    problem = only("action=accept dst6=2001:db8::/32 proto=icmp icmptype=8")
    assert (problem.level, problem.field) == ("warning", "icmptype")
    assert "8 there means 8;" in problem.message and "echo-request is 128" in problem.message
    assert "means echo-request (128)" in only("action=accept dst6=::/1 proto=icmp icmptype=128").message
    assert problems_of("action=accept dst4=10.0.0.0/8 proto=icmp icmptype=8") == []


def test_l7_protocol_needs_firewallvm_support() -> None:
    problem = only("action=accept proto=tcp dpi=HTTP")
    assert (problem.level, problem.field) == ("warning", "l7")
    assert "supported-feature.qubes-firewall-dpi" in problem.message
    assert "drops all traffic" in problem.message


def test_an_expired_rule_is_noted() -> None:
    problem = only("action=accept expire=1000")
    assert (problem.level, problem.field) == ("warning", "expire")


def test_errors_come_first() -> None:
    found = problems_of("action=accept dsthost= proto=icmp specialtarget=dns dpi=SSH")
    assert [p.level for p in found] == ["error", "error", "warning", "warning"]
    assert has_errors(found)
    assert not has_errors(problems_of("action=accept dsthost=example.com"))
