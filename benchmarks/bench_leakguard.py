"""Leak guard: how long a pass takes inside the ProxyVM.

Build and plan are pure Python; the nft figures (root only) run in a throwaway
network namespace, so they never touch this machine's own rules.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from benchmarks.table import Row, best_of, print_table
from qubes_fw_gui.leakguard.guard import plan
from qubes_fw_gui.leakguard.ruleset import build_ruleset, fail_closed_ruleset
from qubes_fw_gui.leakguard.sources import FileSource
from qubes_fw_gui.model.leakguard_settings import LeakGuardSettings

FULL = LeakGuardSettings(
    enabled=True,
    tunnel_interfaces=("tun0", "wg*", "ppp0"),
    dns_servers=("10.8.0.1", "10.8.0.2", "fd00::53"),
    log_drops=True,
)
SETTINGS_FILE = "".join(f"{name} = {value}\n" for name, value in FULL.to_features().items())


def _nft_rows() -> list[Row]:
    if os.geteuid() != 0 or shutil.which("nft") is None:
        return [Row("nft apply (skipped: needs root and nft)", 0, "ms")]
    ns = f"lgbench{uuid.uuid4().hex[:6]}"
    if subprocess.run(["ip", "netns", "add", ns], capture_output=True).returncode != 0:
        return [Row("nft apply (skipped: ip netns add fails)", 0, "ms")]
    try:
        def nft(text: str, check: bool = False) -> None:
            command = ["ip", "netns", "exec", ns, "nft", *(["-c"] if check else []), "-f", "-"]
            subprocess.run(command, input=text, text=True, check=True, capture_output=True)

        full = build_ruleset(FULL)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "settings"
            path.write_text(SETTINGS_FILE)
            command = ["ip", "netns", "exec", ns, sys.executable, "-m", "qubes_fw_gui.leakguard.cli", "--settings", str(path)]
            whole = best_of(lambda: subprocess.run(command, check=True, capture_output=True), 3)
        return [
            Row("qubes-fw-leakguard: one whole pass", whole, "ms", 1000, "process start to exit, incl. purge"),
            Row("nft -f: apply the full table (replace)", best_of(lambda: nft(full)), "ms", 100, "incl. ip netns exec"),
            Row("nft -f: apply the fail-closed table", best_of(lambda: nft(fail_closed_ruleset("bench"))), "ms", 100),
            Row("nft -c: check the full table", best_of(lambda: nft(full, check=True)), "ms", 100),
        ]
    finally:
        subprocess.run(["ip", "netns", "del", ns], capture_output=True)


def run() -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings"
        path.write_text(SETTINGS_FILE)
        source = FileSource(path)
        # Microseconds: these are far below a millisecond. The target is the brief's 5 ms.
        rows = [
            Row("build the ruleset (all toggles on)", 1000 * best_of(lambda: build_ruleset(FULL), 50), "us", 5000),
            Row("plan: read settings file + check + build", 1000 * best_of(lambda: plan(source), 50), "us", 5000),
            Row("features -> settings -> features", 1000 * best_of(lambda: LeakGuardSettings.from_features(FULL.to_features()), 50), "us", 1000),
        ]
    return rows + _nft_rows()


if __name__ == "__main__":
    print_table(run())
