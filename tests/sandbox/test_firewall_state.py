"""What a Set does to the stored rules and to the FirewallVM's QubesDB (facts §2, §3, §4.1)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from qubes_fw_gui.model.errors import RuleError
from qubes_fw_gui.sandbox.protocol import MAX_REQUEST_BYTES
from tests.sandbox.rawclient import call, raw_call


def _rules(count: int, port0: int = 1000) -> bytes:
    return b"".join(
        f"action=accept dst4=10.1.{i // 250}.{i % 250}/32 proto=tcp dstports={port0 + i}-{port0 + i}\n".encode()
        for i in range(count)
    )


def test_invalid_rule_in_a_50_rule_set_leaves_all_50_old_rules(sandbox, sandbox_port) -> None:
    path = sandbox.socket_path
    old = _rules(50)
    assert call(path, "admin.vm.firewall.Set", "work", payload=old) == b"0\0"
    before_db = sandbox.qubesdb("sys-firewall")
    new = _rules(50, port0=2000).splitlines(keepends=True)
    new[37] = b"action=accept proto=udp dstports=70000\n"
    assert call(path, "admin.vm.firewall.Set", "work", payload=b"".join(new)) == b""
    assert call(path, "admin.vm.firewall.Get", "work") == b"0\0" + old
    assert sandbox.qubesdb("sys-firewall") == before_db
    # ...and the state on disk is the old list too.
    saved = (sandbox.state_dir / "state.json").read_text()
    assert "dstports=1049-1049" in saved and "dstports=2000-2000" not in saved


def test_dpi_is_spec_mode_only(sandbox, stock_sandbox) -> None:
    line = b"action=accept dsthost=example.com proto=tcp dstports=443-443 dpi=TLS comment=web\n"
    assert call(sandbox.socket_path, "admin.vm.firewall.Set", "work", payload=line) == b"0\0"
    assert call(sandbox.socket_path, "admin.vm.firewall.Get", "work") == b"0\0" + line
    assert call(stock_sandbox.socket_path, "admin.vm.firewall.Set", "work", payload=line) == b""
    assert call(stock_sandbox.socket_path, "admin.vm.firewall.Get", "work").startswith(
        b"0\0action=accept dsthost=qubes-os.org"
    )


def test_qubesdb_keys_gaps_for_ipv4_ipv6_and_expired_rules(sandbox) -> None:
    path = sandbox.socket_path
    assert call(path, "admin.vm.feature.Set", "sys-net", "ipv6", b"1") == b"0\0"
    payload = (
        b"action=accept dst4=192.168.1.0/24\n"  # 0: IPv4 only
        b"action=accept dst6=2001:db8::/32 proto=tcp dstports=443\n"  # 1: IPv6 only
        b"action=accept expire=1000 comment=long gone\n"  # 2: expired
        b"action=accept dsthost=example.com proto=udp dstports=53 comment=both families\n"  # 3
        b"action=accept specialtarget=dns\n"  # 4: both
        b"action=drop\n"  # 5: both
    )
    assert call(path, "admin.vm.firewall.Set", "work", payload=payload) == b"0\0"
    db = sandbox.qubesdb("sys-firewall")
    v4, v6 = "/qubes-firewall/10.137.0.4", "/qubes-firewall/fd09:24ef:4179::a89:4"
    assert {k: v for k, v in db.items() if k.startswith(v4)} == {
        v4: "",
        v4 + "/policy": "drop",
        v4 + "/0000": "action=accept dst4=192.168.1.0/24",
        v4 + "/0003": "action=accept dsthost=example.com proto=udp dstports=53-53",
        v4 + "/0004": "action=accept specialtarget=dns",
        v4 + "/0005": "action=drop",
    }
    assert {k: v for k, v in db.items() if k.startswith(v6)} == {
        v6: "",
        v6 + "/policy": "drop",
        v6 + "/0001": "action=accept dst6=2001:db8::/32 proto=tcp dstports=443-443",
        v6 + "/0003": "action=accept dsthost=example.com proto=udp dstports=53-53",
        v6 + "/0004": "action=accept specialtarget=dns",
        v6 + "/0005": "action=drop",
    }
    # Get leaves the expired rule out.
    assert b"long gone" not in call(path, "admin.vm.firewall.Get", "work")


def test_qubesdb_write_order_rm_policy_rules_then_trigger(sandbox) -> None:
    path = sandbox.socket_path
    start = len(sandbox.qubesdb_log("sys-firewall"))
    assert call(path, "admin.vm.firewall.Set", "work", payload=b"action=accept proto=icmp\naction=drop\n") == b"0\0"
    log = sandbox.qubesdb_log("sys-firewall")[start:]
    base = "/qubes-firewall/10.137.0.4"
    assert log == [
        ("rm", base + "/", None),
        ("write", base + "/policy", "drop"),
        ("write", base + "/0000", "action=accept proto=icmp"),
        ("write", base + "/0001", "action=drop"),
        ("write", base, ""),
    ]
    # The rm took the old rules with it.
    assert sorted(k for k in sandbox.qubesdb("sys-firewall") if k.startswith(base)) == [
        base, base + "/0000", base + "/0001", base + "/policy"
    ]


def test_a_halted_qube_gets_no_keys_but_its_rules_are_stored(sandbox) -> None:
    path = sandbox.socket_path
    before = sandbox.qubesdb_log("sys-firewall")
    assert call(path, "admin.vm.firewall.Set", "personal", payload=b"action=drop\n") == b"0\0"
    assert call(path, "admin.vm.firewall.Reload", "personal") == b"0\0"
    assert sandbox.qubesdb_log("sys-firewall") == before
    assert not any("10.137.0.7" in key for key in sandbox.qubesdb("sys-firewall") if key.startswith("/qubes-firewall"))
    assert call(path, "admin.vm.firewall.Get", "personal") == b"0\0action=drop\n"


def test_shared_qubesd_recording_for_work(sandbox, qubesd_recording: Path) -> None:
    """The real qubesd recording: Set payload -> Get reply -> sys-firewall's keys for 10.137.0.4."""
    path = sandbox.socket_path
    payload = (qubesd_recording / "rules-example-set.txt").read_bytes()
    assert call(path, "admin.vm.firewall.Set", "work", payload=payload) == b"0\0"
    assert call(path, "admin.vm.firewall.Get", "work") == b"0\0" + (qubesd_recording / "rules-example-get.txt").read_bytes()
    expected = {}
    for line in (qubesd_recording / "rules-example-qubesdb.txt").read_text().splitlines():
        key, _, value = line.partition(" = ")
        expected[key] = value.strip("'")
    db = sandbox.qubesdb("sys-firewall")
    assert {k: v for k, v in db.items() if k.startswith("/qubes-firewall/10.137.0.4")} == expected


def test_request_over_64_kib_is_aborted_and_changes_nothing(sandbox) -> None:
    header = b"admin.vm.firewall.Set+ dom0 name work\0"
    line = b"action=accept dst4=10.1.2.3/32 proto=tcp dstports=443-443\n"
    fits = (MAX_REQUEST_BYTES - len(header)) // len(line)
    assert raw_call(sandbox.socket_path, header + line * fits) == b"0\0"
    over = header + line * fits + b"action=drop\n" * ((MAX_REQUEST_BYTES - len(header) - len(line) * fits) // 12 + 1)
    assert len(over) > MAX_REQUEST_BYTES
    before = call(sandbox.socket_path, "admin.vm.firewall.Get", "work")
    assert raw_call(sandbox.socket_path, over) == b""
    assert call(sandbox.socket_path, "admin.vm.firewall.Get", "work") == before


def test_exactly_64_kib_is_accepted(sandbox) -> None:
    header = b"admin.vm.firewall.Set+ dom0 name work\0"
    room = MAX_REQUEST_BYTES - len(header)
    comment_line = b"action=accept comment=" + b"x" * 40 + b"\n"
    body = comment_line * (room // len(comment_line))
    pad = room - len(body)
    body += b"action=drop comment=" + b"y" * (pad - len(b"action=drop comment=") - 1) + b"\n"
    assert len(header + body) == MAX_REQUEST_BYTES
    assert raw_call(sandbox.socket_path, header + body) == b"0\0"
    assert raw_call(sandbox.socket_path, header + body + b"z") == b""


def test_seed_rules_bypasses_the_request_limit(sandbox) -> None:
    lines = [f"action=accept dsthost=host{i}.example.com proto=tcp dstports=443-443" for i in range(3000)]
    sandbox.seed_rules("work", lines)
    reply = call(sandbox.socket_path, "admin.vm.firewall.Get", "work")
    assert len(reply) > MAX_REQUEST_BYTES
    assert reply[2:].decode().splitlines() == lines
    assert sandbox.qubesdb("sys-firewall")["/qubes-firewall/10.137.0.4/2999"] == lines[-1]


def test_dpi_reaches_qubesdb_in_spec_mode(sandbox) -> None:
    line = b"action=accept dsthost=example.com proto=tcp dstports=443-443 dpi=TLS comment=web\n"
    assert call(sandbox.socket_path, "admin.vm.firewall.Set", "work", payload=line) == b"0\0"
    # The spec's option order, without comment: a FirewallVM without L7 support blocks this qube.
    assert sandbox.qubesdb("sys-firewall")["/qubes-firewall/10.137.0.4/0000"] == (
        "action=accept dsthost=example.com proto=tcp dstports=443-443 dpi=TLS"
    )


def test_seed_rules_validates_like_a_set(stock_sandbox) -> None:
    with pytest.raises(RuleError):
        stock_sandbox.seed_rules("work", ["action=accept proto=tcp dpi=SSH"])
    assert call(stock_sandbox.socket_path, "admin.vm.firewall.Get", "work").startswith(b"0\0action=accept dsthost=qubes")


def test_concurrent_sets_leave_get_qubesdb_and_disk_in_agreement(sandbox) -> None:
    payloads = [f"action=accept dst4=10.9.{n}.0/24\naction=drop\n".encode() for n in range(8)]
    replies: list[bytes] = []

    def save(payload: bytes) -> None:
        replies.append(call(sandbox.socket_path, "admin.vm.firewall.Set", "work", payload=payload))

    threads = [threading.Thread(target=save, args=(p,)) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert replies == [b"0\0"] * len(payloads)
    final = call(sandbox.socket_path, "admin.vm.firewall.Get", "work")[2:]
    assert final in payloads
    first = final.decode().splitlines()[0]
    assert sandbox.qubesdb("sys-firewall")["/qubes-firewall/10.137.0.4/0000"] == first
    saved = json.loads((sandbox.state_dir / "state.json").read_text())
    work = next(q for q in saved["qubes"] if q["name"] == "work")
    assert work["rules"] == final.decode().splitlines()
    assert saved["qubesdb"]["sys-firewall"]["/qubes-firewall/10.137.0.4/0000"] == first


def test_a_rule_too_long_for_qubesdb_is_stored_but_the_call_gets_no_reply(sandbox) -> None:
    """qubesd writes a rule's QubesDB key after saving it; QubesDB refuses values over 3,072 bytes."""
    host = "a" * 3100 + ".example.org"
    payload = f"action=accept dsthost={host}\naction=drop\n".encode()
    assert call(sandbox.socket_path, "admin.vm.firewall.Set", "work", payload=payload) == b""
    assert call(sandbox.socket_path, "admin.vm.firewall.Get", "work") == b"0\0" + payload
    db = sandbox.qubesdb("sys-firewall")
    # The rm and the policy went through, the rules and the trigger did not.
    assert db["/qubes-firewall/10.137.0.4/policy"] == "drop"
    assert "/qubes-firewall/10.137.0.4/0000" not in db
    assert sandbox.qubesdb_log("sys-firewall")[-1] == ("write", "/qubes-firewall/10.137.0.4/policy", "drop")
