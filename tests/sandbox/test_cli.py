"""`qubes-fw-sandbox --socket PATH --state DIR [--stock]` serves until stopped (issue 3, item 5)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sandbox.rawclient import call


def _serve(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen[str], Path]:
    socket_path = tmp_path / "qubesd.sock"
    process = subprocess.Popen(
        [sys.executable, "-m", "qubes_fw_gui.sandbox.cli", "--state", str(tmp_path / "state"),
         "--socket", str(socket_path), *extra],
        stdout=subprocess.PIPE, text=True,
    )
    assert process.stdout is not None
    assert "serving" in process.stdout.readline()  # printed once the socket listens
    return process, socket_path


@pytest.mark.parametrize(("extra", "dpi_reply"), [((), b"0\0"), (("--stock",), b"")])
def test_serves_spec_or_stock_mode_until_sigterm(tmp_path: Path, extra: tuple[str, ...], dpi_reply: bytes) -> None:
    process, socket_path = _serve(tmp_path, *extra)
    try:
        dpi = b"action=accept dsthost=example.com proto=tcp dstports=443-443 dpi=TLS\naction=drop\n"
        assert call(socket_path, "admin.vm.firewall.Set", "work", payload=dpi) == dpi_reply
        plain = b"action=accept proto=tcp dstports=443-443\naction=drop\n"
        assert call(socket_path, "admin.vm.firewall.Set", "work", payload=plain) == b"0\0"
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(10) == 0
        assert process.stdout is not None
        process.stdout.close()
    assert not socket_path.exists()
    # The state kept what was saved: the next start serves the same list.
    process, socket_path = _serve(tmp_path, *extra)
    try:
        assert call(socket_path, "admin.vm.firewall.Get", "work") == (
            b"0\0action=accept proto=tcp dstports=443-443\naction=drop\n"
        )
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(10)
        assert process.stdout is not None
        process.stdout.close()


def test_neither_socket_nor_qubesdb_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "qubes_fw_gui.sandbox.cli", "--state", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 2 and "--socket" in result.stderr
