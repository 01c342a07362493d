"""Property-based: every valid rule round-trips; no text makes the parser fail another way."""

from __future__ import annotations

import ipaddress
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qubes_fw_gui.model import PortRange, Rule, RuleError, Target
from qubes_fw_gui.model.fields import COMMENT_CHARS, L7_PROTOCOLS
from qubes_fw_gui.model.payload import format_payload, parse_lines

# qubesd's characters for a whole line: the option charset, space, and '=' between key and value.
LINE_CHARS = set(COMMENT_CHARS) | {"="}
PROFILE = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def ipv4_targets(draw: st.DrawFn) -> str:
    address = ipaddress.IPv4Address(draw(st.integers(0, 2**32 - 1)))
    prefix = draw(st.one_of(st.none(), st.integers(0, 32)))
    return str(address) if prefix is None else f"{address}/{prefix}"


@st.composite
def ipv6_targets(draw: st.DrawFn) -> str:
    address = str(ipaddress.IPv6Address(draw(st.integers(0, 2**128 - 1))))
    if draw(st.booleans()):
        address = address.upper()  # qubesd keeps IPv6 text as typed
    prefix = draw(st.one_of(st.none(), st.integers(0, 128)))
    return address if prefix is None else f"{address}/{prefix}"


host_names = st.text(alphabet=string.ascii_lowercase + string.digits + "-._", min_size=1, max_size=40)


@st.composite
def valid_rules(draw: st.DrawFn) -> Rule:
    target_text = draw(st.one_of(st.none(), ipv4_targets(), ipv6_targets(), host_names))
    target = None if target_text is None else Target.parse(target_text)
    proto = draw(st.sampled_from([None, "tcp", "udp", "icmp"]))
    ports = None
    if proto in ("tcp", "udp") and draw(st.booleans()):
        first = draw(st.integers(0, 65535))
        ports = PortRange(first, draw(st.integers(first, 65535)))
    icmptype = draw(st.one_of(st.none(), st.integers(0, 255))) if proto == "icmp" else None
    comment = draw(st.one_of(st.none(), st.text(alphabet=sorted(COMMENT_CHARS), max_size=60)))
    return Rule(
        action=draw(st.sampled_from(["accept", "drop"])),
        target=target,
        proto=proto,
        specialtarget=draw(st.sampled_from([None, "dns"])),
        ports=ports,
        icmptype=icmptype,
        l7=draw(st.sampled_from([None, *L7_PROTOCOLS])),
        expire=draw(st.one_of(st.none(), st.integers(0, 2**37))),
        comment=comment,
    )


@PROFILE
@given(valid_rules())
def test_formatting_then_parsing_gives_an_equal_rule(rule: Rule) -> None:
    line = rule.api_line()
    assert Rule.parse(line) == rule
    assert Rule.parse(line).api_line() == line  # canonical: formatting is a fixed point
    assert set(line) <= LINE_CHARS
    assert "\n" not in line


@PROFILE
@given(valid_rules())
def test_qubesdb_line_is_the_api_line_without_expire_and_comment(rule: Rule) -> None:
    line = rule.qubesdb_line(now=-1)
    assert line is not None
    assert "expire=" not in line and "comment=" not in line
    assert Rule.parse(line) == rule.with_changes(expire=None, comment=None)


@PROFILE
@given(st.lists(valid_rules(), max_size=8))
def test_a_payload_round_trips(rules: list[Rule]) -> None:
    assert parse_lines(format_payload(rules).decode("ascii")) == rules


@PROFILE
@given(st.text(max_size=200))
def test_arbitrary_text_parses_or_raises_rule_error(text: str) -> None:
    _parse_or_rule_error(text)


KEYS = ["action", "proto", "dst4", "dst6", "dsthost", "dstname", "dstports", "icmptype",
        "specialtarget", "expire", "dpi", "comment", "foo", ""]
VALUE_CHARS = string.ascii_letters + string.digits + ":;,./-_[]+%= \t\u00e9\x00"


@st.composite
def near_rules(draw: st.DrawFn) -> str:
    """Lines made of real option names with odd values: they reach every field parser."""
    options = draw(
        st.lists(
            st.tuples(st.sampled_from(KEYS), st.text(alphabet=VALUE_CHARS, max_size=24)), max_size=7
        )
    )
    separator = draw(st.sampled_from([" ", "  ", "\t"]))
    return separator.join(f"{key}={value}" for key, value in options)


@PROFILE
@given(near_rules())
def test_option_shaped_text_parses_or_raises_rule_error(text: str) -> None:
    rule = _parse_or_rule_error(text)
    if rule is not None:
        assert Rule.parse(rule.api_line()) == rule


def _parse_or_rule_error(text: str) -> Rule | None:
    try:
        rule = Rule.parse(text)
    except RuleError as error:
        assert error.field in {"rule", "action", "proto", "target", "ports", "icmptype",
                               "specialtarget", "expire", "l7", "comment"}
        assert error.message
        return None
    assert isinstance(rule, Rule)
    return rule
