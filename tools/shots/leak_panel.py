"""Screenshots of the ProxyVM leak-protection panel, rendered offscreen against a sandbox dom0.

    python tools/shots/leak_panel.py OUT_DIR

Writes leak-protection.png (sys-vpn with the guard on, as the README shows it),
leak-protection-unsupported.png (sys-firewall, whose template lacks the
service) and leak-protection-bad-interface.png (a typo shown next to its field).
"""

from __future__ import annotations

import sys
from pathlib import Path

import common

from qubes_fw_gui.admin.port import AdminPort


def open_window(port: AdminPort, qube: str):  # noqa: ANN201
    from qubes_fw_gui.widgets.leak_window import LeakProtectionWindow

    window = LeakProtectionWindow(port, qube)
    window.show()
    common.wait_until(window.panel.is_loaded)
    return window


def shoot_vpn(port: AdminPort, out: Path) -> None:
    window = open_window(port, "sys-vpn")
    panel = window.panel
    panel.enabledCheck.click()
    panel.resolversEdit.setText("10.8.0.1")
    saved: list[bool] = []
    panel.saved.connect(lambda: saved.append(True))
    window.save_button.click()
    common.wait_until(lambda: bool(saved))
    window.resize(720, 640)
    common.save(window, out / "leak-protection.png")
    panel.interfacesEdit.setText("tun0 eth0")
    common.save(window, out / "leak-protection-bad-interface.png")
    panel.interfacesEdit.setText("tun0 wg0")
    window.close()


def shoot_unsupported(port: AdminPort, out: Path) -> None:
    window = open_window(port, "sys-firewall")
    window.resize(720, 760)
    common.save(window, out / "leak-protection-unsupported.png")
    window.close()


def shoot(port: AdminPort, out: Path) -> None:
    shoot_vpn(port, out)
    shoot_unsupported(port, out)


if __name__ == "__main__":
    sys.exit(common.main(sys.argv, shoot))
