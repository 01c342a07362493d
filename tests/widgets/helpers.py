"""What the sandbox dom0 received and wrote, as the widget tests check it.

The header is spelled out here rather than taken from the code under test, so
a wrong header in the program cannot hide its own Set requests.
"""

from __future__ import annotations

from PyQt5.QtCore import QThreadPool

from qubes_fw_gui.widgets.firewall_tab import FirewallTab
from qubes_fw_gui.widgets.qube_dialog import QubeFirewallDialog

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


def drain() -> None:
    """Let every Admin API call in flight finish before the sandbox under it stops."""
    assert QThreadPool.globalInstance().waitForDone(5000)


def open_tab(qtbot, port, qube: str = "work") -> FirewallTab:  # noqa: ANN001
    """A shown FirewallTab with `qube`'s rules loaded from dom0."""
    tab = FirewallTab(port)
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.load(qube)
    return tab


def open_dialog(qtbot, port, qube: str = "work", *, active: bool = False) -> QubeFirewallDialog:  # noqa: ANN001
    """A shown QubeFirewallDialog with `qube`'s rules loaded; `active` also gives it the keyboard."""
    dialog = QubeFirewallDialog(port, qube)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.tab.loaded, timeout=5000):
        dialog.show()
    if active:
        from PyQt5.QtWidgets import QApplication

        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog
