"""admin.Events frames and rule expiry on time (facts §2 events, §3.2 expiry)."""

from __future__ import annotations

import time

from tests.sandbox.rawclient import RawEvents, call


def test_events_start_with_connection_established_then_firewall_changed(sandbox) -> None:
    events = RawEvents(sandbox.socket_path)
    try:
        assert events.wait_for(b"1\0\0connection-established\0\0")
        assert events.data.startswith(b"1\0\0connection-established\0\0")
        assert call(sandbox.socket_path, "admin.vm.firewall.Set", "work", payload=b"action=drop\n") == b"0\0"
        assert events.wait_for(b"1\0work\0firewall-changed\0\0")
        assert call(sandbox.socket_path, "admin.vm.firewall.Reload", "banking") == b"0\0"
        assert events.wait_for(b"1\0banking\0firewall-changed\0\0")
    finally:
        events.close()


def test_property_and_feature_events(sandbox) -> None:
    events = RawEvents(sandbox.socket_path)
    try:
        assert events.wait_for(b"connection-established")
        call(sandbox.socket_path, "admin.vm.property.Set", "work", "netvm", b"sys-vpn")
        assert events.wait_for(
            b"1\0work\0property-set:netvm\0name\0netvm\0newvalue\0sys-vpn\0oldvalue\0sys-firewall\0\0"
        )
        assert events.wait_for(b"1\0sys-vpn\0net-domain-connect\0vm\0work\0\0")
        call(sandbox.socket_path, "admin.vm.feature.Set", "sys-vpn", "service.qubes-fw-leakguard", b"1")
        assert events.wait_for(
            b"1\0sys-vpn\0domain-feature-set:service.qubes-fw-leakguard\0"
            b"feature\0service.qubes-fw-leakguard\0value\0001\0\0"
        )
        call(sandbox.socket_path, "admin.vm.feature.Remove", "sys-vpn", "service.qubes-fw-leakguard")
        assert events.wait_for(
            b"1\0sys-vpn\0domain-feature-delete:service.qubes-fw-leakguard\0"
            b"feature\0service.qubes-fw-leakguard\0\0"
        )
    finally:
        events.close()


def test_events_for_one_qube_are_filtered(sandbox) -> None:
    events = RawEvents(sandbox.socket_path, "banking")
    try:
        assert events.wait_for(b"connection-established")
        call(sandbox.socket_path, "admin.vm.firewall.Set", "work", payload=b"action=drop\n")
        call(sandbox.socket_path, "admin.vm.firewall.Set", "banking", payload=b"action=drop\n")
        assert events.wait_for(b"1\0banking\0firewall-changed\0\0")
        assert b"work" not in events.data
    finally:
        events.close()


def test_netvm_change_moves_the_firewall_keys(sandbox) -> None:
    call(sandbox.socket_path, "admin.vm.property.Set", "work", "netvm", b"sys-vpn")
    vpn = sandbox.qubesdb("sys-vpn")
    assert vpn["/qubes-firewall/10.137.0.4/0000"] == "action=accept dsthost=qubes-os.org proto=tcp dstports=443-443"
    assert vpn["/connected-ips"] == "10.137.0.9 10.137.0.4"  # banking, work
    # Stale keys stay in the old netvm (as in qubesd); its connected-ips are refreshed.
    firewall = sandbox.qubesdb("sys-firewall")
    assert "/qubes-firewall/10.137.0.4/0000" in firewall
    assert firewall["/connected-ips"] == "10.137.0.6"


def test_features_reach_the_running_qubes_own_qubesdb(sandbox) -> None:
    path = sandbox.socket_path
    call(path, "admin.vm.feature.Set", "sys-vpn", "service.qubes-fw-leakguard", b"0")
    call(path, "admin.vm.feature.Set", "sys-vpn", "service.other", b"")
    call(path, "admin.vm.feature.Set", "sys-vpn", "vm-config.qubes-fw-leakguard-tunnels", b"wg0 tun0")
    db = sandbox.qubesdb("sys-vpn")
    assert db["/qubes-service/qubes-fw-leakguard"] == "1"  # even '0' is true
    assert db["/qubes-service/other"] == "0"
    assert db["/vm-config/qubes-fw-leakguard-tunnels"] == "wg0 tun0"
    call(path, "admin.vm.feature.Remove", "sys-vpn", "vm-config.qubes-fw-leakguard-tunnels")
    assert "/vm-config/qubes-fw-leakguard-tunnels" not in sandbox.qubesdb("sys-vpn")
    # A halted qube's QubesDB is not touched.
    call(path, "admin.vm.feature.Set", "personal", "service.x", b"1")
    assert "/qubes-service/x" not in sandbox.qubesdb("personal")


def test_bad_vm_config_name_is_refused_but_stays_in_memory(sandbox) -> None:
    reply = call(sandbox.socket_path, "admin.vm.feature.Set", "sys-vpn", "vm-config.9lives", b"x")
    assert reply.startswith(b"2\0QubesValueError\0\0")
    # As in qubesd the value was stored before the check ran, but it reached neither QubesDB nor disk.
    assert call(sandbox.socket_path, "admin.vm.feature.Get", "sys-vpn", "vm-config.9lives") == b"0\0x"
    assert "/vm-config/9lives" not in sandbox.qubesdb("sys-vpn")
    assert "9lives" not in (sandbox.state_dir / "state.json").read_text()


def test_vm_config_names_up_to_52_characters_and_service_names_up_to_48_bytes(sandbox) -> None:
    path = sandbox.socket_path
    longest, too_long = "a" * 52, "b" * 53
    assert call(path, "admin.vm.feature.Set", "sys-vpn", "vm-config." + longest, b"v") == b"0\0"
    assert sandbox.qubesdb("sys-vpn")["/vm-config/" + longest] == "v"
    assert call(path, "admin.vm.feature.Set", "sys-vpn", "vm-config." + too_long, b"v").startswith(
        b"2\0QubesValueError\0\0"
    )
    # Refused after it was stored in memory (facts §4.3), but never in QubesDB.
    assert call(path, "admin.vm.feature.Get", "sys-vpn", "vm-config." + too_long) == b"0\0v"
    assert "/vm-config/" + too_long not in sandbox.qubesdb("sys-vpn")
    assert call(path, "admin.vm.feature.Set", "sys-vpn", "service." + "s" * 48, b"1") == b"0\0"
    assert sandbox.qubesdb("sys-vpn")["/qubes-service/" + "s" * 48] == "1"
    for bad in ("service.", "service..", "vm-config.", "vm-config.-x"):
        assert call(path, "admin.vm.feature.Set", "sys-vpn", bad, b"1").startswith(b"2\0QubesValueError\0\0"), bad


def test_rule_expiring_in_2s_is_gone_within_3s_with_an_event(sandbox) -> None:
    events = RawEvents(sandbox.socket_path, "work")
    try:
        assert events.wait_for(b"connection-established")
        expire = int(time.time()) + 2
        payload = f"action=accept expire={expire} comment=full access\naction=drop\n".encode()
        start = time.monotonic()
        assert call(sandbox.socket_path, "admin.vm.firewall.Set", "work", payload=payload) == b"0\0"
        assert sandbox.qubesdb("sys-firewall")["/qubes-firewall/10.137.0.4/0000"] == "action=accept"
        assert events.wait_for(b"1\0work\0firewall-changed\0\0")
        seen = events.data.count(b"firewall-changed")
        with events.changed:
            assert events.changed.wait_for(lambda: events.data.count(b"firewall-changed") > seen, 3.0)
        # Gone from Get and QubesDB within the 3 s of the issue, counted from the Set.
        assert call(sandbox.socket_path, "admin.vm.firewall.Get", "work") == b"0\0action=drop\n"
        assert time.monotonic() - start < 3.0
        db = sandbox.qubesdb("sys-firewall")
        assert db["/qubes-firewall/10.137.0.4/0000"] == "action=drop"
        assert "/qubes-firewall/10.137.0.4/0001" not in db
        assert "expire=" not in (sandbox.state_dir / "state.json").read_text()
    finally:
        events.close()
