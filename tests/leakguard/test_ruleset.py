"""The generated nftables text, for every toggle combination, and that nft accepts it."""

from __future__ import annotations

import itertools
import subprocess

import pytest

from qubes_fw_gui.leakguard.ruleset import build_ruleset, fail_closed_ruleset, removal_ruleset
from qubes_fw_gui.model.leakguard_settings import LeakGuardSettings
from tests.leakguard.nsutil import Namespaces, skip_reason

COMBINATIONS = list(itertools.product([False, True], repeat=4))


def settings(tunnel_only: bool, dns: bool, ipv6: bool, log: bool, **kw) -> LeakGuardSettings:
    values = dict(enabled=True, tunnel_only=tunnel_only, dns_via_tunnel_only=dns, block_ipv6=ipv6, log_drops=log)
    values.setdefault("tunnel_interfaces", ("tun0", "wg*"))
    values.update(kw)
    return LeakGuardSettings(**values)


def chain(text: str, name: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(f"\tchain {name} {{")
    end = lines.index("\t}", start)
    return [line.strip() for line in lines[start + 1 : end]]


@pytest.mark.parametrize(("tunnel_only", "dns", "ipv6", "log"), COMBINATIONS)
def test_each_toggle_adds_exactly_its_rules(tunnel_only: bool, dns: bool, ipv6: bool, log: bool) -> None:
    text = build_ruleset(settings(tunnel_only, dns, ipv6, log, dns_servers=("10.8.0.1",)))
    assert "hook forward priority filter - 10; policy accept;" in text
    out = chain(text, "from-downstream")
    back = chain(text, "to-downstream")
    assert ('oifname "tun0" goto via-tunnel' in out) and ('oifname "wg*" goto via-tunnel' in out)
    assert ('iifname "tun0" goto from-tunnel' in back)
    stops = [r for r in out if "reject" in r]
    expected = []
    if ipv6:
        expected.append('meta nfproto ipv6 counter reject with icmpx type admin-prohibited comment "ipv6 from downstream"')
    if dns:
        expected.append('meta l4proto { tcp, udp } th dport 53 counter reject with icmpx type admin-prohibited comment "dns outside the tunnel"')
    if tunnel_only:
        expected.append('counter reject with icmpx type admin-prohibited comment "outside the tunnel"')
    assert stops == expected
    # The IPv6 stop comes before the tunnel hand-over (IPv6 is blocked even through the tunnel).
    if ipv6:
        assert out.index(expected[0]) < out.index('oifname "tun0" goto via-tunnel')
    assert len([r for r in back if r.endswith('"') and "drop" in r]) == len(expected)
    logs = [r for r in out + back if " log prefix " in r]
    assert len(logs) == (2 * len(expected) if log else 0)
    assert all("limit rate" in r for r in logs)
    resolver_rules = chain(text, "via-tunnel")
    if dns:
        assert resolver_rules[0] == "meta l4proto { tcp, udp } th dport 53 ip daddr { 10.8.0.1 } return"
        assert resolver_rules[-1].endswith('counter reject with icmpx type admin-prohibited comment "dns to an unlisted resolver"')
        assert any(" log prefix " in r for r in resolver_rules) is log
    else:
        assert resolver_rules == []  # resolvers only matter when DNS is held to the tunnel


def test_downstream_means_group_2_or_vif_names() -> None:
    base = chain(build_ruleset(settings(True, True, True, False)), "forward")
    assert base[1:] == [
        "iifgroup 2 goto from-downstream",
        'iifname "vif*" goto from-downstream',
        "oifgroup 2 goto to-downstream",
        'oifname "vif*" goto to-downstream',
    ]


def test_no_tunnel_interfaces_with_tunnel_only_stops_everything_downstream() -> None:
    text = build_ruleset(settings(True, False, False, False, tunnel_interfaces=()))
    assert chain(text, "from-downstream") == ['counter reject with icmpx type admin-prohibited comment "outside the tunnel"']
    assert "(none: nothing may leave)" in text


def test_ipv6_resolvers_get_ip6_rules() -> None:
    text = build_ruleset(settings(False, True, False, False, dns_servers=("9.9.9.9", "2620:fe::fe")))
    assert "meta l4proto { tcp, udp } th dport 53 ip6 daddr { 2620:fe::fe } return" in chain(text, "via-tunnel")
    assert "meta l4proto { tcp, udp } th sport 53 ip saddr { 9.9.9.9 } return" in chain(text, "from-tunnel")


def test_switched_off_removes_the_table_and_works_when_there_is_none() -> None:
    text = build_ruleset(LeakGuardSettings(enabled=False))
    assert text == removal_ruleset()
    assert text.splitlines()[-2:] == ["table inet qubes-fw-leakguard {}", "delete table inet qubes-fw-leakguard"]


def test_fail_closed_stops_both_directions_and_says_why_on_one_line() -> None:
    text = fail_closed_ruleset("/vm-config/x: bad\nvalue")
    assert "# because: /vm-config/x: bad value" in text
    assert chain(text, "from-downstream")[-1] == 'counter reject with icmpx type admin-prohibited comment "fail closed"'
    assert chain(text, "to-downstream")[-1] == 'counter drop comment "fail closed"'


@pytest.fixture(scope="module")
def scratch_ns():
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    spaces = Namespaces()
    try:
        yield spaces, spaces.add("check")
    finally:
        spaces.close()


def nft_check(spaces: Namespaces, ns: str, text: str, apply: bool = False) -> subprocess.CompletedProcess:
    flags = "" if apply else "-c"
    return subprocess.run(
        ["ip", "netns", "exec", ns, "nft", *([flags] if flags else []), "-f", "-"],
        input=text, capture_output=True, text=True, timeout=20,
    )


@pytest.mark.netns
@pytest.mark.parametrize(("tunnel_only", "dns", "ipv6", "log"), COMBINATIONS)
def test_nft_accepts_every_combination(scratch_ns, tunnel_only: bool, dns: bool, ipv6: bool, log: bool) -> None:
    spaces, ns = scratch_ns
    text = build_ruleset(settings(tunnel_only, dns, ipv6, log, dns_servers=("10.8.0.1", "fd00::53")))
    done = nft_check(spaces, ns, text)
    assert done.returncode == 0, done.stderr


@pytest.mark.netns
def test_applying_twice_replaces_the_table_and_removal_leaves_nothing(scratch_ns) -> None:
    spaces, ns = scratch_ns
    for text in (build_ruleset(settings(True, True, True, True)), fail_closed_ruleset("x"), removal_ruleset(), removal_ruleset()):
        done = nft_check(spaces, ns, text, apply=True)
        assert done.returncode == 0, done.stderr
    listed = spaces.run(ns, "nft list tables").stdout
    assert "qubes-fw-leakguard" not in listed
    nft_check(spaces, ns, fail_closed_ruleset("x"), apply=True)
    assert "table inet qubes-fw-leakguard" in spaces.run(ns, "nft list tables").stdout
    nft_check(spaces, ns, fail_closed_ruleset("x"), apply=True)
    assert spaces.run(ns, "nft list chain inet qubes-fw-leakguard from-downstream").stdout.count("reject") == 1
