"""The shipped template files do what the README says (run with stand-in commands on PATH)."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

from qubes_fw_gui import paths


def stand_in(bin_dir: Path, name: str, body: str) -> None:
    script = bin_dir / name
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


def run(script: Path, bin_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{bin_dir}:/usr/bin:/bin"}
    return subprocess.run([str(script)], capture_output=True, text=True, env=env, timeout=10)


def test_firewall_hook_applies_the_guard_without_purging_and_never_fails(tmp_path: Path) -> None:
    calls = tmp_path / "calls"
    stand_in(tmp_path, "qubes-fw-leakguard", f'echo "$@" >> {calls}; exit 1')  # even a fail-closed exit
    done = run(paths.resource("leakguard/qubes-firewall.d/50-qubes-fw-leakguard"), tmp_path)
    assert done.returncode == 0
    assert calls.read_text() == "--no-purge\n"


def test_post_install_advertises_the_service_only_from_a_template(tmp_path: Path) -> None:
    requests = tmp_path / "requests"
    stand_in(tmp_path, "qvm-features-request", f'echo "$@" >> {requests}')
    stand_in(tmp_path, "qubes-fw-leakguard", "exit 0")
    script = paths.resource("leakguard/post-install.d/50-qubes-fw-leakguard.sh")
    stand_in(tmp_path, "qubesdb-read", 'echo AppVM')
    assert run(script, tmp_path).returncode == 0
    assert not requests.exists()
    stand_in(tmp_path, "qubesdb-read", 'echo TemplateVM')
    assert run(script, tmp_path).returncode == 0
    assert requests.read_text() == "supported-service.qubes-fw-leakguard=1\n"


def test_unit_runs_the_watcher_only_in_network_providing_qubes() -> None:
    unit = paths.resource("leakguard/qubes-fw-leakguard.service").read_text()
    assert "ExecStart=/usr/bin/qubes-fw-leakguard --watch" in unit
    assert "Type=notify" in unit  # ready once the first table is applied
    assert "ConditionPathExists=|/run/qubes/this-is-proxyvm" in unit
    assert "Before=qubes-firewall.service" in unit
