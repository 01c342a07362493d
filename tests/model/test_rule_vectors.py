"""The exact accept/reject vectors of qubes-firewall-facts.md §3.1 and §3.3."""

from __future__ import annotations

import pytest

from qubes_fw_gui.model import PortRange, Rule, RuleError, Target
from qubes_fw_gui.model.payload import format_payload, parse_lines

# (line typed, canonical Get line qubesd answers with)
ACCEPTED = [
    ("action=accept dstname=example.com", "action=accept dsthost=example.com"),
    ("action=accept dsthost=1.2.3.4", "action=accept dst4=1.2.3.4/32"),
    ("action=accept dst4=example.com", "action=accept dsthost=example.com"),
    ("action=accept dst4=1.2.3.4", "action=accept dst4=1.2.3.4/32"),
    ("action=accept dst6=2001:db8::1", "action=accept dst6=2001:db8::1/128"),
    ("action=accept dsthost=2001:db8::1", "action=accept dst6=2001:db8::1/128"),
    ("action=accept dst6=2001:DB8::AB/64", "action=accept dst6=2001:DB8::AB/64"),
    ("action=drop dst4=10.1.2.3/8", "action=drop dst4=10.1.2.3/8"),
    ("action=accept dsthost=a..b", "action=accept dsthost=a..b"),
    ("action=accept proto=tcp dstports=+80", "action=accept proto=tcp dstports=80-80"),
    ("action=accept proto=tcp dstports=8_0", "action=accept proto=tcp dstports=80-80"),
    ("action=accept proto=udp dstports=65535", "action=accept proto=udp dstports=65535-65535"),
    ("action=accept proto=tcp dstports=0-65535", "action=accept proto=tcp dstports=0-65535"),
    (
        "proto=tcp dstports=80-90 action=accept dst4=1.2.3.4",
        "action=accept dst4=1.2.3.4/32 proto=tcp dstports=80-90",
    ),
    (
        "dstports=443 proto=tcp dst4=10.0.0.0/8 expire=2099450306 action=drop comment=Block intranet",
        "action=drop expire=2099450306 dst4=10.0.0.0/8 proto=tcp dstports=443-443 comment=Block intranet",
    ),
    ("action=accept proto=icmp icmptype=8", "action=accept proto=icmp icmptype=8"),
    ("action=accept specialtarget=dns proto=udp", "action=accept proto=udp specialtarget=dns"),
    ("action=accept comment=a comment  with  spaces ", "action=accept comment=a comment  with  spaces "),
    ("action=accept comment=", "action=accept"),
    ("action=accept dpi=HTTP proto=tcp", "action=accept proto=tcp dpi=HTTP"),
    (
        "action=accept expire=1 proto=icmp icmptype=0 dpi=ssh comment=l7 last",
        "action=accept expire=1 proto=icmp icmptype=0 dpi=SSH comment=l7 last",
    ),
    ("action=accept dpi=NO", "action=accept"),
    ("action=accept dpi=no", "action=accept"),
]


@pytest.mark.parametrize(("line", "canonical"), ACCEPTED)
def test_qubesd_accepts_and_normalises(line: str, canonical: str) -> None:
    rule = Rule.parse(line)
    assert rule.api_line() == canonical
    assert Rule.parse(canonical) == rule


# (line, field the error names, words the message must contain)
REJECTED = [
    ("action=accept dst6=fe80::1%eth0", "target", "'%'"),
    ("action=accept dsthost=Example.com", "target", "lowercase"),
    ("action=accept dsthost=exa\u00e9mple.com", "rule", "ASCII"),
    ("action=accept proto=tcp dstports=65536", "ports", "0 to 65535"),
    ("action=accept proto=tcp dstports=90-80", "ports", "starts above its end"),
    ("action=accept dstports=80", "ports", "tcp and udp"),
    ("action=accept proto=icmp dstports=80", "ports", "tcp and udp"),
    ("action=accept proto=tcp icmptype=8", "icmptype", "icmp"),
    ("action=accept icmptype=8", "icmptype", "icmp"),
    ("action=accept proto=icmp icmptype=256", "icmptype", "0 to 255"),
    ("action=accept comment=a=b", "comment", "'='"),
    ("action=accept comment=caf\u00e9", "rule", "ASCII"),
    ("action=accept  proto=tcp", "rule", "two spaces"),
    ("action=accept proto=tcp proto=udp", "proto", "twice"),
    ("action=accept dst4=1.2.3.4 dsthost=example.com", "target", "twice"),
    ("action=accept dstname=a dst6=::1", "target", "twice"),
    ("action=accept foo=bar", "rule", "unknown firewall option"),
    ("action=accept proto", "rule", "key=value"),
    ("proto=tcp", "action", "action="),
    ("", "action", "action="),
    ("comment=Block intranet", "action", "action="),
    # Everything after comment= is the comment: here it holds '=' and the action is lost.
    ("comment=x action=accept", "comment", "'='"),
    ("action=allow", "action", "accept, drop"),
    ("action=accept proto=sctp", "proto", "tcp, udp, icmp"),
    ("action=accept specialtarget=ntp", "specialtarget", "dns"),
    ("action=accept dst4=1.2.3.4/33", "target", "0 to 32"),
    ("action=accept dst6=::1/129", "target", "0 to 128"),
    ("action=accept dst4=1.2.3.4/8a", "target", "number"),
    ("action=accept dst4=1.2.3.4/8/8", "target", "one '/'"),
    ("action=accept dst4=1.2.3/8", "target", "not an IPv4 or IPv6 address"),
    ("action=accept expire=soon", "expire", "UNIX time"),
    ("action=accept dpi=QUIC", "l7", "unknown L7 protocol"),
    ("action=accept comment=line\nbreak", "rule", "single line"),
    # str.splitlines() in qubesd breaks a payload at these too.
    ("action=accept proto=tcp dstports=80\x0b", "rule", "single line"),
    ("action=accept proto=tcp dstports=80\x1c", "rule", "single line"),
    ("action=accept expire=99999999999999", "expire", "too far in the future"),
]


@pytest.mark.parametrize(("line", "field", "words"), REJECTED)
def test_qubesd_rejects_naming_the_field(line: str, field: str, words: str) -> None:
    with pytest.raises(RuleError) as caught:
        Rule.parse(line)
    assert caught.value.field == field
    assert words in caught.value.message


def test_dpi_is_refused_like_stock_qubesd_without_l7() -> None:
    with pytest.raises(RuleError) as caught:
        Rule.parse("action=accept proto=tcp dpi=HTTP", allow_l7=False)
    assert caught.value.field == "rule"
    assert "unknown firewall option 'dpi'" in caught.value.message
    assert Rule.parse("action=accept proto=tcp", allow_l7=False).api_line() == "action=accept proto=tcp"


def test_a_blank_line_in_a_payload_refuses_the_payload() -> None:
    with pytest.raises(RuleError) as caught:
        parse_lines("action=accept proto=tcp\n\naction=drop\n")
    assert caught.value.field == "action"
    assert caught.value.line == 2  # type: ignore[attr-defined]


def test_the_comment_is_everything_after_comment_equals() -> None:
    rule = Rule.parse("action=drop comment=proto tcp is not an option: dstports 80")
    assert rule.comment == "proto tcp is not an option: dstports 80"
    assert rule.proto is None
    assert Rule.parse("action=drop comment=keep   three spaces").comment == "keep   three spaces"


def test_empty_comment_is_dropped() -> None:
    assert Rule.parse("action=accept comment=").comment is None
    assert Rule("accept", comment="") == Rule("accept")


def test_equality_is_semantic() -> None:
    assert Rule.parse("proto=tcp action=accept dstports=443 dsthost=1.2.3.4") == Rule.parse(
        "action=accept dst4=1.2.3.4/32 proto=tcp dstports=443-443"
    )
    assert Rule.parse("action=accept dst6=2001:DB8::1") == Rule.parse("action=accept dst6=2001:db8::1/128")
    assert Rule.parse("action=accept dst4=10.1.2.3/8") != Rule.parse("action=accept dst4=10.0.0.0/8")
    assert Rule.parse("action=accept comment=a") != Rule.parse("action=accept comment=b")
    assert len({Rule.parse("action=accept dstname=x.org"), Rule.parse("action=accept dst4=x.org")}) == 1


def test_qubesdb_form_has_no_expire_and_no_comment() -> None:
    rule = Rule.parse("action=drop expire=2099450306 dst4=10.0.0.0/8 proto=tcp dstports=443 comment=Block intranet")
    assert rule.qubesdb_line(now=1_700_000_000) == "action=drop dst4=10.0.0.0/8 proto=tcp dstports=443-443"
    assert rule.qubesdb_line(now=2099450306) is None  # expired rules are left out
    l7 = Rule.parse("action=accept proto=tcp dpi=TLS comment=c")
    assert l7.qubesdb_line(now=0) == "action=accept proto=tcp dpi=TLS"


def test_recorded_qubesdb_lines_match() -> None:
    lines = {
        "action=accept dsthost=qubes-os.org proto=tcp dstports=443-443",
        "action=accept dst4=192.168.1.0/24 proto=udp dstports=5353-5353",
        "action=accept proto=icmp icmptype=8",
        "action=drop proto=tcp specialtarget=dns",
    }
    payload = (
        "proto=tcp dsthost=qubes-os.org dstports=443 action=accept comment=Qubes website\n"
        "action=accept dst4=192.168.1.0/24 proto=udp dstports=5353\n"
        "action=accept proto=icmp icmptype=8 comment=ping only\n"
        "action=drop proto=tcp specialtarget=dns comment=no DNS over TCP\n"
    )
    assert {rule.qubesdb_line(now=0) for rule in parse_lines(payload)} == lines


def test_payload_is_one_canonical_line_per_rule() -> None:
    rules = parse_lines("proto=udp dstports=123 action=accept\naction=drop")
    assert format_payload(rules) == b"action=accept proto=udp dstports=123-123\naction=drop\n"


def test_directly_built_values_cannot_smuggle_a_second_rule() -> None:
    with pytest.raises(RuleError) as caught:
        Target("dsthost", "example.com\naction=accept")
    assert caught.value.field == "target"
    with pytest.raises(RuleError):
        Rule("accept", comment="x\naction=accept")
    with pytest.raises(RuleError):
        Rule("accept", proto="icmp", icmptype=300)
    with pytest.raises(RuleError):
        Rule("accept", l7="http\n")
    with pytest.raises(RuleError):
        PortRange(1, 70000)
