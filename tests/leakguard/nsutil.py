"""Network namespaces for the leak-guard tests: create, run inside, always remove."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid

import pytest


def skip_reason() -> str | None:
    """Why the namespace tests cannot run here, or None."""
    if os.geteuid() != 0:
        return "needs root (network namespaces and nft)"
    for tool in ("nft", "ip", "conntrack"):
        if shutil.which(tool) is None:
            return f"'{tool}' is not installed"
    probe = f"lgprobe{uuid.uuid4().hex[:8]}"
    made = subprocess.run(["ip", "netns", "add", probe], capture_output=True, text=True)
    if made.returncode != 0:
        return f"'ip netns add' fails here: {made.stderr.strip()}"
    subprocess.run(["ip", "netns", "del", probe], capture_output=True)
    return None


def require_netns() -> None:
    reason = skip_reason()
    if reason:
        pytest.skip(reason)


class Namespaces:
    """Namespaces named <prefix>-<role>, unique per test; `close()` deletes them all."""

    def __init__(self) -> None:
        self.prefix = f"lg{uuid.uuid4().hex[:8]}"
        self.made: list[str] = []

    def add(self, role: str) -> str:
        name = f"{self.prefix}-{role}"
        subprocess.run(["ip", "netns", "add", name], check=True, capture_output=True)
        self.made.append(name)
        # No duplicate-address detection: addresses are usable at once, also after a link comes back up.
        self.run(name, "sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 && ip link set lo up")
        return name

    def run(self, ns: str, command: str, check: bool = True, **kw) -> subprocess.CompletedProcess:
        done = subprocess.run(
            ["ip", "netns", "exec", ns, "sh", "-c", command], capture_output=True, text=True, timeout=kw.pop("timeout", 20), **kw
        )
        if check and done.returncode != 0:
            raise AssertionError(f"in {ns}: {command!r} failed: {done.stderr.strip()}")
        return done

    def close(self) -> None:
        for name in reversed(self.made):
            subprocess.run(["ip", "netns", "pids", name], capture_output=True)
            pids = subprocess.run(["ip", "netns", "pids", name], capture_output=True, text=True).stdout.split()
            for pid in pids:
                try:
                    os.kill(int(pid), 9)
                except (ProcessLookupError, ValueError):
                    pass
            subprocess.run(["ip", "netns", "del", name], capture_output=True)
