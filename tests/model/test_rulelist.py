"""The rule list: default action, shadowed and redundant rules, and connection verdicts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qubes_fw_gui.model import Rule
from qubes_fw_gui.model.payload import parse_lines
from qubes_fw_gui.model.rulelist import analyse, default_action, verdict

NOW = 1_700_000_000
FUTURE = NOW + 3600


def rules_of(text: str) -> list[Rule]:
    return parse_lines(text.strip())


def kinds(text: str) -> list[str | None]:
    return [note.kind if note else None for note in analyse(rules_of(text), now=NOW)]


# -- default action -------------------------------------------------------------------


def test_a_trailing_catch_all_is_the_default() -> None:
    assert default_action(rules_of("action=accept proto=tcp\naction=accept")).action == "accept"
    default = default_action(rules_of("action=accept proto=tcp\naction=drop comment=default"))
    assert (default.action, default.index, default.implicit) == ("drop", 1, False)


def test_without_a_catch_all_qubesd_drops() -> None:
    for text in ("action=accept proto=tcp", f"action=accept proto=tcp\naction=accept expire={FUTURE}"):
        default = default_action(rules_of(text))
        assert (default.action, default.index, default.implicit) == ("drop", None, True)
    assert default_action([]).implicit


# -- shadowed ----------------------------------------------------------------------------


def test_a_wider_network_shadows_a_narrower_one_and_is_named() -> None:
    notes = analyse(rules_of("action=drop dst4=10.0.0.0/8\naction=accept dst4=10.1.0.0/16 proto=tcp\naction=accept"), now=NOW)
    assert notes[0] is None
    assert notes[1] is not None and notes[1].kind == "shadowed" and notes[1].by == 0
    assert "rule 1 (drop)" in notes[1].message
    assert notes[2] is None  # the default itself


def test_host_bits_are_masked_like_nftables() -> None:
    assert kinds("action=drop dst4=10.1.2.3/8\naction=accept dst4=10.200.0.0/16\naction=accept")[1] == "shadowed"


def test_families_are_kept_apart() -> None:
    text = """
action=drop dst4=0.0.0.0/0
action=accept dst6=2001:db8::/32
action=accept proto=tcp
action=accept dsthost=example.com
action=drop
"""
    assert kinds(text) == [None, None, None, None, None]


def test_any_address_shadows_every_kind_of_target() -> None:
    text = """
action=drop proto=tcp
action=accept dst4=1.2.3.4 proto=tcp dstports=443
action=accept dst6=::1 proto=tcp
action=accept dsthost=example.com proto=tcp dstports=22
action=accept proto=tcp specialtarget=dns
action=accept proto=udp
"""
    assert kinds(text) == [None, "shadowed", "shadowed", "shadowed", "shadowed", None]


def test_only_the_same_host_name_covers_a_host_name() -> None:
    text = """
action=drop dsthost=example.com
action=accept dsthost=www.example.com
action=accept dsthost=example.com proto=tcp dstports=443
action=accept
"""
    assert kinds(text) == [None, "redundant", "shadowed", None]


def test_protocols_port_ranges_and_icmp_types() -> None:
    text = """
action=accept proto=tcp dstports=80-443
action=drop proto=tcp dstports=443
action=drop proto=tcp dstports=400-500
action=drop proto=udp dstports=443
action=accept proto=icmp icmptype=8
action=drop proto=icmp icmptype=8
action=drop proto=icmp icmptype=0
action=drop proto=icmp
"""
    assert kinds(text) == [None, "shadowed", "redundant", "redundant", None, "shadowed", "redundant", "redundant"]


def test_the_dns_special_target_is_port_53_tcp_and_udp() -> None:
    text = """
action=accept proto=udp dstports=53
action=drop proto=udp specialtarget=dns
action=drop specialtarget=dns
action=drop proto=tcp specialtarget=dns
action=accept
"""
    # Plain udp port 53 covers DNS over udp, but not DNS as a whole (tcp too).
    assert kinds(text) == [None, "shadowed", None, "shadowed", None]


def test_an_expiring_rule_does_not_shadow() -> None:
    text = f"""
action=accept expire={FUTURE} comment=full access
action=accept proto=tcp dstports=443
action=drop
"""
    assert kinds(text) == [None, None, None]


def test_expired_and_inactive_rules_are_noted() -> None:
    text = """
action=accept expire=1000
action=accept proto=tcp specialtarget=dns dstports=80
action=accept proto=icmp specialtarget=dns
action=drop
"""
    notes = analyse(rules_of(text), now=NOW)
    assert [note.kind if note else None for note in notes] == ["expired", "inactive", "inactive", None]
    assert notes[0] is not None and "no longer applies" in notes[0].message
    assert notes[1] is not None and "skips" in notes[1].message
    assert notes[2] is not None and "blocks all traffic" in notes[2].message


def test_an_expired_rule_shadows_nothing() -> None:
    assert kinds("action=drop expire=1000\naction=accept proto=tcp\naction=drop") == ["expired", None, None]


def test_l7_rules_cover_only_their_protocol() -> None:
    text = """
action=accept proto=tcp dpi=HTTP
action=accept proto=tcp dstports=80 dpi=HTTP
action=drop proto=tcp dpi=TLS
action=drop proto=tcp
action=accept
"""
    assert kinds(text) == [None, "shadowed", "redundant", None, None]


# -- redundant ---------------------------------------------------------------------------


def test_an_accept_before_a_default_accept_changes_nothing() -> None:
    notes = analyse(rules_of("action=accept proto=tcp dstports=443\naction=accept"), now=NOW)
    assert notes[0] is not None and notes[0].kind == "redundant" and notes[0].by == 1
    assert "accepted anyway by rule 2" in notes[0].message


def test_a_drop_before_the_implicit_drop_changes_nothing() -> None:
    notes = analyse(rules_of("action=accept proto=tcp dstports=443\naction=drop proto=udp"), now=NOW)
    assert notes[0] is None
    assert notes[1] is not None and notes[1].kind == "redundant" and notes[1].by is None
    assert "unmatched traffic is dropped" in notes[1].message


def test_a_rule_is_needed_when_a_later_rule_decides_otherwise() -> None:
    text = """
action=accept dst4=10.0.0.1 proto=tcp dstports=22
action=drop dst4=10.0.0.0/8
action=accept
"""
    assert kinds(text) == [None, None, None]
    # An accept of other traffic in between makes the drop not redundant either.
    assert kinds("action=drop dst4=10.0.0.0/8\naction=accept dst4=10.1.0.0/16\naction=drop") == [
        None,
        "shadowed",
        None,
    ]


def test_the_recorded_example_list() -> None:
    rules = parse_lines(
        "action=accept dsthost=qubes-os.org proto=tcp dstports=443-443 comment=Qubes website\n"
        "action=accept specialtarget=dns\n"
        "action=drop proto=tcp specialtarget=dns comment=no DNS over TCP\n"
        f"action=accept expire={FUTURE} comment=full access\n"
        "action=drop\n"
    )
    notes = analyse(rules, now=NOW)
    assert [note.kind if note else None for note in notes] == [None, None, "shadowed", None, None]


def test_analysis_of_thousands_of_rules_is_quick() -> None:
    import time

    lines = [f"action=accept dst4=10.{i // 250}.{i % 250}.0/24 proto=tcp dstports={i % 1000 + 1}" for i in range(3000)]
    lines += [f"action=accept dsthost=host{i}.example.com proto=tcp dstports=443" for i in range(1000)]
    lines.append("action=drop")
    rules = parse_lines("\n".join(lines))
    start = time.perf_counter()
    notes = analyse(rules, now=NOW)
    assert time.perf_counter() - start < 2.0
    assert notes.count(None) == len(rules)


# -- verdict -------------------------------------------------------------------------------

EXAMPLE = f"""
action=accept dsthost=qubes-os.org proto=tcp dstports=443
action=accept dst4=192.168.1.0/24 proto=udp dstports=5353
action=drop dst4=10.0.0.0/8
action=accept proto=icmp icmptype=8
action=accept specialtarget=dns
action=accept expire={FUTURE} dst4=1.2.3.4 comment=for an hour
action=accept expire=1000 comment=long gone
action=accept dst6=2001:db8::/32 proto=tcp dstports=8000-8080
"""


def test_verdicts_name_the_first_matching_rule() -> None:
    rules = rules_of(EXAMPLE)
    cases = [
        ("qubes-os.org", "tcp", 443, 0, "accept"),
        ("QUBES-OS.org.", "tcp", 443, 0, "accept"),
        ("192.168.1.20", "udp", 5353, 1, "accept"),
        ("192.168.1.20", "tcp", 5353, None, "drop"),
        ("10.1.2.3", "tcp", 80, 2, "drop"),
        ("8.8.8.8", "icmp", 8, 3, "accept"),
        ("8.8.8.8", "icmp", 0, None, "drop"),
        ("10.139.1.1", "udp", 53, 2, "drop"),  # the drop of 10.0.0.0/8 comes first
        ("10.139.1.2", "tcp", 53, 2, "drop"),
        ("fd09:24ef:4179::a8b:1", "udp", 53, 4, "accept"),
        ("1.2.3.4", "udp", 9, 5, "accept"),
        ("2001:db8::5", "tcp", 8080, 7, "accept"),
        ("2001:db8::5", "tcp", 8081, None, "drop"),
        ("example.com", "tcp", 443, None, "drop"),
    ]
    for destination, proto, port, index, action in cases:
        result = verdict(rules, destination, proto, port, now=NOW)
        assert (result.index, result.action) == (index, action), destination


def test_verdict_reasons_explain_names_and_the_implicit_drop() -> None:
    rules = rules_of(EXAMPLE)
    by_name = verdict(rules, "qubes-os.org", "tcp", 443, now=NOW)
    assert "rule 1" in by_name.reason and "resolves when the rules are applied" in by_name.reason
    by_address = verdict(rules, "104.21.1.1", "tcp", 443, now=NOW)
    assert by_address.index is None and by_address.action == "drop"
    assert "no rule matches" in by_address.reason
    assert "qubes-os.org in rule 1" in by_address.reason
    name_only = verdict(rules, "example.com", "tcp", 443, now=NOW)
    assert "rules with addresses were not compared with example.com" in name_only.reason
    dropped = verdict(rules, "10.0.0.1", "tcp", 80, now=NOW)
    assert "administratively prohibited" in dropped.reason


def test_expired_rules_never_match() -> None:
    rules = rules_of("action=accept expire=1000\naction=drop")
    assert verdict(rules, "1.1.1.1", "tcp", 443, now=NOW).index == 1
    assert verdict(rules, "1.1.1.1", "tcp", 443, now=999).index == 0


def test_l7_rules_match_only_that_protocol() -> None:
    rules = rules_of("action=accept proto=tcp dpi=HTTP\naction=drop")
    assert verdict(rules, "1.1.1.1", "tcp", 80, now=NOW, l7="http").index == 0
    assert verdict(rules, "1.1.1.1", "tcp", 80, now=NOW).index == 1


# -- analysis agrees with verdicts on every connection ---------------------------------------

TARGETS = ["", "dst4=10.0.0.0/8", "dst4=10.1.0.0/16", "dst4=10.1.2.3/32", "dst4=0.0.0.0/0",
           "dst6=2001:db8::/32", "dst6=2001:db8::1", "dsthost=example.com", "dsthost=other.org"]
MATCHERS = ["", "proto=tcp", "proto=udp", "proto=tcp dstports=443", "proto=tcp dstports=80-443",
            "proto=udp dstports=53", "proto=tcp dstports=1-1000", "proto=icmp", "proto=icmp icmptype=8",
            "specialtarget=dns", "proto=udp specialtarget=dns", "proto=tcp dpi=HTTP"]
DESTINATIONS = ["10.1.2.3", "10.2.0.1", "192.168.1.5", "8.8.8.8", "2001:db8::1", "2001:db8::2",
                "2001:dead::1", "example.com", "other.org", "10.139.1.1", "fd09:24ef:4179::a8b:2"]
CONNECTIONS = [
    (destination, proto, port, l7)
    for destination in DESTINATIONS
    for proto, port in [("tcp", 443), ("tcp", 80), ("tcp", 53), ("tcp", 5000), ("udp", 53), ("udp", 443),
                        ("icmp", 8), ("icmp", 0), (None, None)]
    for l7 in (None, "HTTP")
]


@st.composite
def rule_lists(draw: st.DrawFn) -> list[Rule]:
    lines = []
    for _ in range(draw(st.integers(1, 7))):
        parts = [f"action={draw(st.sampled_from(['accept', 'drop']))}", draw(st.sampled_from(TARGETS)),
                 draw(st.sampled_from(MATCHERS))]
        if draw(st.integers(0, 5)) == 0:
            parts.append(f"expire={draw(st.sampled_from([1000, FUTURE]))}")
        lines.append(" ".join(part for part in parts if part))
    return parse_lines("\n".join(lines))


@settings(max_examples=80, deadline=None)
@given(rule_lists())
def test_no_connection_is_decided_by_a_shadowed_rule_and_redundant_rules_change_nothing(rules: list[Rule]) -> None:
    notes = analyse(rules, now=NOW)
    before = [verdict(rules, *connection[:3], now=NOW, l7=connection[3]) for connection in CONNECTIONS]
    for result in before:
        if result.index is not None:
            assert notes[result.index] is None or notes[result.index].kind == "redundant"
    for j, note in enumerate(notes):
        if note is not None and note.kind in ("redundant", "shadowed", "expired"):
            without = rules[:j] + rules[j + 1:]
            after = [verdict(without, *c[:3], now=NOW, l7=c[3]).action for c in CONNECTIONS]
            assert after == [result.action for result in before], (j, note)


@settings(max_examples=150, deadline=None)
@given(rule_lists())
def test_the_index_finds_exactly_the_first_covering_rule(rules: list[Rule]) -> None:
    # The pairwise definition (slow, obvious) against analyse's indexed lookup.
    from qubes_fw_gui.model.rulelist import _Match

    matches = [_Match.of(rule) for rule in rules]
    usable = [match.active and not rule.is_expired(NOW) for rule, match in zip(rules, matches, strict=True)]
    notes = analyse(rules, now=NOW)
    for j, note in enumerate(notes):
        expected = None
        if usable[j]:
            expected = next(
                (i for i in range(j) if usable[i] and matches[i].permanent and matches[i].covers(matches[j])), None
            )
        shadowed_by = note.by if note is not None and note.kind == "shadowed" else None
        assert shadowed_by == expected, (j, note)


@settings(max_examples=300, deadline=None)
@given(st.lists(rule_lists(), min_size=1, max_size=3))
def test_redundancy_is_exactly_the_pairwise_definition(parts: list[list[Rule]]) -> None:
    # A redundant rule: no rule of the other action may see its traffic before the
    # nearest later same-action rule covering it (or, for drop, before the end).
    from qubes_fw_gui.model.rulelist import _Match, default_action

    rules = [rule for part in parts for rule in part]
    matches = [_Match.of(rule) for rule in rules]
    usable = [match.active and not rule.is_expired(NOW) for rule, match in zip(rules, matches, strict=True)]
    notes = analyse(rules, now=NOW)
    default = default_action(rules).index
    for j, note in enumerate(notes):
        if not usable[j] or (note is not None and note.kind == "shadowed"):
            continue
        action = rules[j].action
        stop = next((k for k in range(j + 1, len(rules)) if usable[k] and matches[k].permanent
                     and rules[k].action == action and matches[k].covers(matches[j])), None)
        end = len(rules) - 1 if stop is None else stop
        seen_first = any(usable[k] and rules[k].action != action and matches[j].may_overlap(matches[k])
                         for k in range(j + 1, end + 1))
        redundant = j != default and not seen_first and (stop is not None or action == "drop")
        assert (note is not None and note.kind == "redundant") == redundant, (j, note)
        if redundant:
            assert note.by == stop, (j, note)
