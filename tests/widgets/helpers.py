"""What the sandbox dom0 received and wrote, as the widget tests check it.

The header is spelled out here rather than taken from the code under test, so
a wrong header in the program cannot hide its own Set requests.
"""

from __future__ import annotations

WORK_IP = "10.137.0.4"  # work's address in the demo world


def set_header(qube: str) -> bytes:
    """The admin.vm.firewall.Set header exactly as qubesadmin sends it from dom0."""
    return f"admin.vm.firewall.Set+ dom0 name {qube}\0".encode("ascii")


def set_payloads(sandbox, qube: str = "work") -> list[bytes]:  # noqa: ANN001
    """The payload of every admin.vm.firewall.Set for `qube` the sandbox received, in order."""
    header = set_header(qube)
    return [request[len(header):] for request in sandbox.requests if request.startswith(header)]


def rules_in_qubesdb(sandbox, ip: str = WORK_IP) -> list[str]:  # noqa: ANN001
    """The rule lines sys-firewall's QubesDB holds for the qube at `ip`, in rule order."""
    prefix = f"/qubes-firewall/{ip}/"
    entries = sandbox.qubesdb("sys-firewall")
    return [value for key, value in sorted(entries.items()) if key.startswith(prefix) and key[len(prefix):].isdigit()]
