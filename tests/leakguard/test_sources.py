"""Reading the settings: QubesDB (through the qubesdb-multiread command) and --settings files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from qubes_fw_gui.leakguard.guard import plan
from qubes_fw_gui.leakguard.sources import (
    FileSource,
    QubesDbSource,
    SourceError,
    parse_multiread,
    parse_settings_text,
)


def test_multiread_output_is_decoded_with_its_escapes() -> None:
    output = (
        "/vm-config/qubes-fw-leakguard-tunnel-interfaces = tun0 wg*\n"
        "/vm-config/qubes-fw-leakguard-dns-servers = \n"
        "/vm-config/qubes-fw-leakguard-log-drops = 1\\x07\n"
    )
    assert parse_multiread(output) == {
        "/vm-config/qubes-fw-leakguard-tunnel-interfaces": "tun0 wg*",
        "/vm-config/qubes-fw-leakguard-dns-servers": "",
        "/vm-config/qubes-fw-leakguard-log-drops": "1\x07",
    }
    with pytest.raises(SourceError):
        parse_multiread("garbage\n")


def fake_multiread(tmp_path: Path, db: dict[str, str], fail: bool = False) -> str:
    """A stand-in `qubesdb-multiread -f PREFIX` over `db` (there is no QubesDB daemon here)."""
    data = tmp_path / "db.txt"
    data.write_text("".join(f"{k} = {v}\n" for k, v in db.items()))
    script = tmp_path / "qubesdb-multiread"
    body = 'echo "Failed connect to local daemon" >&2; exit 1' if fail else f'grep -F "$2" {data} | grep "^$2" || true'
    script.write_text(f"#!/bin/sh\n[ \"$1\" = -f ] || exit 3\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_qubesdb_source_reads_only_the_guard_keys_and_connected_ips(tmp_path: Path) -> None:
    db = {
        "/qubes-service/qubes-fw-leakguard": "1",
        "/qubes-service/qubes-fw-leakguard-other": "1",
        "/qubes-service/qubes-firewall": "1",
        "/vm-config/qubes-fw-leakguard-block-ipv6": "0",
        "/vm-config/unrelated": "x",
        "/connected-ips": "10.137.0.5 10.137.0.7",
        "/connected-ips6": "",
    }
    source = QubesDbSource(multiread=fake_multiread(tmp_path, db))
    source._db = None  # this machine has no QubesDB daemon even if the module were installed
    assert source.entries() == {
        "/qubes-service/qubes-fw-leakguard": "1",
        "/vm-config/qubes-fw-leakguard-block-ipv6": "0",
        "/connected-ips": "10.137.0.5 10.137.0.7",
        "/connected-ips6": "",
    }
    current = plan(source)
    assert current.failure is None and current.settings is not None
    assert current.settings.enabled and not current.settings.block_ipv6
    assert current.connected == ["10.137.0.5", "10.137.0.7"]


def test_unreachable_qubesdb_is_a_fail_closed_plan(tmp_path: Path) -> None:
    source = QubesDbSource(multiread=fake_multiread(tmp_path, {}, fail=True))
    source._db = None
    current = plan(source)
    assert current.failure is not None and "Failed connect to local daemon" in current.failure
    assert current.enabled
    assert 'comment "fail closed"' in current.ruleset


def test_settings_file_takes_qubesdb_paths_and_feature_names() -> None:
    text = """
    # a VPN qube
    service.qubes-fw-leakguard = 1
    vm-config.qubes-fw-leakguard-tunnel-interfaces = tun0 wg0
    /vm-config/qubes-fw-leakguard-dns-servers=10.8.0.1
    /connected-ips = 10.137.0.5
    """
    assert parse_settings_text(text) == {
        "/qubes-service/qubes-fw-leakguard": "1",
        "/vm-config/qubes-fw-leakguard-tunnel-interfaces": "tun0 wg0",
        "/vm-config/qubes-fw-leakguard-dns-servers": "10.8.0.1",
        "/connected-ips": "10.137.0.5",
    }
    # As in Qubes, an empty service feature means off.
    assert parse_settings_text("service.qubes-fw-leakguard =") == {"/qubes-service/qubes-fw-leakguard": "0"}


@pytest.mark.parametrize(("text", "words"), [("just words", "line 1: expected KEY = VALUE"), ("tunnel = tun0", "neither a QubesDB path")])
def test_bad_settings_file_lines_say_which_line(text: str, words: str) -> None:
    with pytest.raises(SourceError, match=words):
        parse_settings_text(text)


def test_missing_or_non_ascii_settings_file_fails_closed(tmp_path: Path) -> None:
    assert "cannot read settings file" in (plan(FileSource(tmp_path / "nope")).failure or "")
    odd = tmp_path / "odd"
    odd.write_bytes("vm-config.qubes-fw-leakguard-tunnel-interfaces = tün0\n".encode())
    assert "cannot read settings file" in (plan(FileSource(odd)).failure or "")
    assert os.path.exists(odd)
