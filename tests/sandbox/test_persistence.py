"""The sandbox's state survives a restart; the CLI reads it back."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from qubes_fw_gui.sandbox.embedded import EmbeddedSandbox
from qubes_fw_gui.sandbox.persist import StateError
from tests.sandbox.rawclient import RawEvents, call


def test_rules_features_and_netvm_survive_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "state"
    with EmbeddedSandbox(state) as first:
        path = first.socket_path
        assert call(path, "admin.vm.firewall.Set", "banking", payload=b"action=drop dst4=10.0.0.0/8\naction=accept\n") == b"0\0"
        assert call(path, "admin.vm.feature.Set", "sys-vpn", "vm-config.qubes-fw-leakguard-ifaces", b"wg0") == b"0\0"
        assert call(path, "admin.vm.property.Set", "personal", "netvm", b"sys-vpn") == b"0\0"
        assert call(path, "admin.vm.property.Set", "vault", "provides_network", b"false") == b"0\0"
        db_before = first.qubesdb("sys-vpn")
    with EmbeddedSandbox(state) as second:
        path = second.socket_path
        assert call(path, "admin.vm.firewall.Get", "banking") == b"0\0action=drop dst4=10.0.0.0/8\naction=accept\n"
        assert call(path, "admin.vm.feature.Get", "sys-vpn", "vm-config.qubes-fw-leakguard-ifaces") == b"0\0wg0"
        assert call(path, "admin.vm.property.Get", "personal", "netvm") == b"0\0default=False type=vm sys-vpn"
        assert call(path, "admin.vm.property.Get", "vault", "provides_network") == b"0\0default=False type=bool False"
        assert call(path, "admin.vm.property.Get", "work", "provides_network") == b"0\0default=True type=bool False"
        assert second.qubesdb("sys-vpn") == db_before


def test_a_rule_that_expired_while_stopped_is_dropped_at_start(tmp_path: Path) -> None:
    state = tmp_path / "state"
    with EmbeddedSandbox(state) as first:
        soon = int(time.time()) + 3600
        payload = f"action=accept expire={soon}\naction=drop\n".encode()
        assert call(first.socket_path, "admin.vm.firewall.Set", "work", payload=payload) == b"0\0"
    # While nothing runs, time passes the expiry (simulated by moving the expiry back).
    saved = state / "state.json"
    saved.write_text(saved.read_text().replace(f"expire={soon}", f"expire={int(time.time()) - 5}"))
    with EmbeddedSandbox(state) as second:
        assert call(second.socket_path, "admin.vm.firewall.Get", "work") == b"0\0action=drop\n"
        db = second.qubesdb("sys-firewall")
        assert db["/qubes-firewall/10.137.0.4/0000"] == "action=drop"
        assert "/qubes-firewall/10.137.0.4/0001" not in db


def test_a_corrupt_state_file_is_named_at_start(tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    (state / "state.json").write_text('{"format": "qubes-fw-sandbox/1", "qubes": [')
    with pytest.raises(StateError, match="state.json"):
        EmbeddedSandbox(state).start()


def test_reset_netvm_fires_reset_events_and_restores_the_default(sandbox) -> None:
    events = RawEvents(sandbox.socket_path, "banking")
    try:
        assert events.wait_for(b"connection-established")
        assert call(sandbox.socket_path, "admin.vm.property.Reset", "banking", "netvm") == b"0\0"
        assert events.wait_for(b"1\0banking\0property-reset:netvm\0name\0netvm\0oldvalue\0sys-vpn\0\0")
    finally:
        events.close()
    assert call(sandbox.socket_path, "admin.vm.property.Get", "banking", "netvm") == (
        b"0\0default=True type=vm sys-firewall"
    )
    assert sandbox.qubesdb("sys-firewall")["/qubes-firewall/10.137.0.9/0000"].startswith("action=accept dsthost=bank")


def test_cli_prints_a_qubes_qubesdb(tmp_path: Path) -> None:
    state = tmp_path / "state"
    with EmbeddedSandbox(state) as sandbox:
        call(sandbox.socket_path, "admin.vm.firewall.Set", "work", payload=b"action=accept proto=icmp\naction=drop\n")
    out = subprocess.run(
        [sys.executable, "-m", "qubes_fw_gui.sandbox.cli", "--state", str(state), "--qubesdb", "sys-firewall"],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    assert "/qubes-firewall/10.137.0.4 = ''" in out
    assert "/qubes-firewall/10.137.0.4/0000 = 'action=accept proto=icmp'" in out
    assert "/qubes-firewall/10.137.0.4/0001 = 'action=drop'" in out
    assert "/qubes-firewall/10.137.0.4/policy = 'drop'" in out
    missing = subprocess.run(
        [sys.executable, "-m", "qubes_fw_gui.sandbox.cli", "--state", str(state), "--qubesdb", "nosuch"],
        capture_output=True, text=True,
    )
    assert missing.returncode == 2 and "no such qube" in missing.stderr


def test_one_sandbox_per_state_dir_and_per_socket(tmp_path: Path) -> None:
    with EmbeddedSandbox(tmp_path / "state") as running:
        with pytest.raises(StateError, match="already using"):
            EmbeddedSandbox(tmp_path / "state").start()
        # A second sandbox may not steal a live socket either.
        with pytest.raises(OSError, match="already serves"):
            EmbeddedSandbox(tmp_path / "other", socket_path=running.socket_path).start()
        assert call(running.socket_path, "admin.vm.List", "work").startswith(b"0\0work ")
    # Once stopped, the directory is free again.
    with EmbeddedSandbox(tmp_path / "state") as again:
        assert call(again.socket_path, "admin.vm.List", "work").startswith(b"0\0work ")


def test_dest_by_uuid(sandbox) -> None:
    listing = call(sandbox.socket_path, "admin.vm.List", "work").decode()
    uuid = listing.split("uuid=")[1].strip()
    assert call(sandbox.socket_path, "admin.vm.firewall.Get", f"uuid:{uuid}") == call(
        sandbox.socket_path, "admin.vm.firewall.Get", "work"
    )
