"""The leak-protection settings: feature encoding, QubesDB decoding, field validation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qubes_fw_gui.leakguard.watch import is_tunnel
from qubes_fw_gui.model.leakguard_settings import (
    LeakGuardSettings,
    SettingsError,
    from_qubesdb,
    parse_interfaces,
    validate_interfaces,
    validate_resolvers,
)


def test_features_written_for_a_vpn_proxyvm() -> None:
    settings = LeakGuardSettings(
        enabled=True,
        tunnel_only=True,
        tunnel_interfaces=("tun0", "wg*"),
        dns_via_tunnel_only=True,
        dns_servers=("10.8.0.1", "fd00::53"),
        block_ipv6=True,
        log_drops=False,
    )
    assert settings.to_features() == {
        "vm-config.qubes-fw-leakguard-tunnel-only": "1",
        "vm-config.qubes-fw-leakguard-tunnel-interfaces": "tun0 wg*",
        "vm-config.qubes-fw-leakguard-dns-via-tunnel-only": "1",
        "vm-config.qubes-fw-leakguard-dns-servers": "10.8.0.1 fd00::53",
        "vm-config.qubes-fw-leakguard-block-ipv6": "1",
        "vm-config.qubes-fw-leakguard-log-drops": "0",
        "service.qubes-fw-leakguard": "1",
    }
    # The service is the last write, so the guard never starts on stale settings.
    assert list(settings.to_features())[-1] == "service.qubes-fw-leakguard"


def test_feature_names_fit_qubesdb_limits() -> None:
    for name in LeakGuardSettings().to_features():
        if name.startswith("vm-config."):
            short = name.removeprefix("vm-config.")
            assert len(short) <= 52 and short[0].isalpha()
            assert len("/vm-config/" + short) <= 63
        else:
            assert len(name.removeprefix("service.")) <= 48


def test_switched_off_is_an_empty_service_value_that_qubesdb_reads_as_0() -> None:
    off = LeakGuardSettings(enabled=False, tunnel_interfaces=())
    assert off.to_features()["service.qubes-fw-leakguard"] == ""
    assert off.to_features()["vm-config.qubes-fw-leakguard-tunnel-interfaces"] == ""
    db = off.to_qubesdb()
    assert db["/qubes-service/qubes-fw-leakguard"] == "0"
    assert db["/vm-config/qubes-fw-leakguard-tunnel-interfaces"] == ""
    assert from_qubesdb(db) == off
    # Qubes' rule for service features: any non-empty value, even '0', is on.
    assert LeakGuardSettings.from_features({"service.qubes-fw-leakguard": "0"}).enabled


def test_no_features_at_all_reads_as_the_safe_defaults_switched_off() -> None:
    settings = LeakGuardSettings.from_features({"internal": "1", "vm-config.other": "x"})
    assert settings == LeakGuardSettings()
    assert not settings.enabled and settings.tunnel_only and settings.block_ipv6
    assert from_qubesdb({}) == LeakGuardSettings()


settings_strategy = st.builds(
    LeakGuardSettings,
    enabled=st.booleans(),
    tunnel_only=st.booleans(),
    tunnel_interfaces=st.sampled_from([(), ("tun0",), ("tun0", "wg*"), ("wg0", "ppp0", "tun1")]),
    dns_via_tunnel_only=st.booleans(),
    dns_servers=st.sampled_from([(), ("10.8.0.1",), ("9.9.9.9", "2620:fe::fe")]),
    block_ipv6=st.booleans(),
    log_drops=st.booleans(),
)


@given(settings_strategy)
def test_encoding_round_trips_through_features_and_qubesdb(settings: LeakGuardSettings) -> None:
    features = settings.to_features()
    assert all(value is not None for value in features.values())
    assert LeakGuardSettings.from_features({k: v for k, v in features.items() if v is not None}) == settings
    assert from_qubesdb(settings.to_qubesdb()) == settings


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("/qubes-service/qubes-fw-leakguard", "maybe", "neither 0 nor 1"),
        ("/vm-config/qubes-fw-leakguard-block-ipv6", "enabled", "not a yes/no value"),
        ("/vm-config/qubes-fw-leakguard-tunnel-only", "", "not a yes/no value"),
        ("/vm-config/qubes-fw-leakguard-tunnel-interfaces", "tun0 eth0", "uplink (eth0)"),
        ("/vm-config/qubes-fw-leakguard-tunnel-interfaces", "tun0 bad/name", "not an interface name"),
        ("/vm-config/qubes-fw-leakguard-dns-servers", "10.8.0.300", "not an IPv4 or IPv6 address"),
        ("/vm-config/qubes-fw-leakguard-kill-everything", "1", "unknown leak-protection setting"),
        ("/vm-config/qubes-fw-leakguard-log-drops", "1\x07", "printable ASCII"),
    ],
)
def test_malformed_qubesdb_value_names_the_key(key: str, value: str, words: str) -> None:
    entries = {"/qubes-service/qubes-fw-leakguard": "1", key: value}
    with pytest.raises(SettingsError) as caught:
        from_qubesdb(entries)
    assert caught.value.key == key
    assert words in caught.value.message
    assert key in str(caught.value)


def test_malformed_feature_names_the_feature() -> None:
    with pytest.raises(SettingsError) as caught:
        LeakGuardSettings.from_features({"vm-config.qubes-fw-leakguard-dns-servers": "dns.example"})
    assert caught.value.key == "vm-config.qubes-fw-leakguard-dns-servers"


def test_boolean_spellings_read_back() -> None:
    for spelled, meaning in [("1", True), ("Yes", True), ("on", True), ("TRUE", True), ("0", False), ("off", False), ("No", False)]:
        db = {"/vm-config/qubes-fw-leakguard-log-drops": spelled}
        assert from_qubesdb(db).log_drops is meaning


@pytest.mark.parametrize(
    "text",
    ["tun0", "wg0 tun0", "wg*", "wg+", "tun0, wg0", "proton0", "ppp0", "", "  ", "eth1", "a" * 15],
)
def test_valid_tunnel_interfaces(text: str) -> None:
    assert validate_interfaces(text) == (True, "")


def test_iptables_wildcard_is_stored_in_nft_spelling_and_repeats_dropped() -> None:
    assert parse_interfaces("wg+ tun0 tun0, wg*") == ("wg*", "tun0")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("eth0", "uplink (eth0)"),
        ("eth*", "uplink (eth0)"),
        ("e*", "uplink (eth0)"),
        ("eth0.5", "uplink (eth0)"),
        ("vif3.0", "downstream qube's interface"),
        ("vif*", "downstream qube's interface"),
        ("v*", "downstream qube's interface"),
        ("lo", "loopback"),
        ("*", "not an interface name"),
        ("a" * 16, "not an interface name"),
        ("tun/0", "not an interface name"),
        ("tun:0", "not an interface name"),
        ("..", "not an interface name"),
        ('tun"0', "not an interface name"),
        ("wg*0", "not an interface name"),
        ("tün0", "not an interface name"),
    ],
)
def test_invalid_tunnel_interfaces_say_why(text: str, words: str) -> None:
    ok, message = validate_interfaces(f"tun0 {text}")
    assert not ok
    assert words in message


@pytest.mark.parametrize("text", ["", "10.8.0.1", "9.9.9.9 149.112.112.112", "2620:fe::fe, 9.9.9.9"])
def test_valid_resolvers(text: str) -> None:
    assert validate_resolvers(text) == (True, "")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("dns.quad9.net", "not an IPv4 or IPv6 address"),
        ("10.0.0.0/8", "not an IPv4 or IPv6 address"),
        ("10.139.1.1", "Qubes virtual DNS address"),
        ("0.0.0.0", "cannot be a DNS server"),
    ],
)
def test_invalid_resolvers_say_why(text: str, words: str) -> None:
    ok, message = validate_resolvers(text)
    assert not ok
    assert words in message


def test_resolvers_are_stored_in_canonical_form() -> None:
    settings = LeakGuardSettings.from_features(
        {"vm-config.qubes-fw-leakguard-dns-servers": "2620:00fe:0::fe 9.9.9.9 9.9.9.9"}
    )
    assert settings.dns_servers == ("2620:fe::fe", "9.9.9.9")


def test_settings_built_directly_are_checked_and_made_canonical() -> None:
    settings = LeakGuardSettings(tunnel_interfaces=["wg+", "tun0", "tun0"], dns_servers=("2620:00fe::fe",))  # type: ignore[arg-type]
    assert settings.tunnel_interfaces == ("wg*", "tun0")
    assert settings.dns_servers == ("2620:fe::fe",)
    with pytest.raises(SettingsError) as caught:
        LeakGuardSettings(tunnel_interfaces=("tun0", "eth0"))
    assert caught.value.key == "tunnel_interfaces"
    with pytest.raises(SettingsError):
        LeakGuardSettings(tunnel_interfaces=('tun0" accept; #',))


@given(st.lists(st.text(alphabet="ethvifloruwg0123.*+-_", min_size=1, max_size=6), max_size=4))
def test_no_accepted_tunnel_list_can_match_the_uplink_or_a_downstream_vif(words: list[str]) -> None:
    try:
        names = parse_interfaces(" ".join(words))
    except SettingsError:
        return
    for interface in ("eth0", "vif3.0", "vif12.1", "lo"):
        assert not is_tunnel(interface, names), (words, names, interface)
