"""Screenshots of the ProxyVM leak-protection panel, rendered offscreen against a sandbox dom0.

    python tools/shots/leak_panel.py OUT_DIR

Writes leak-protection.png (sys-vpn with the guard on, as the README shows it),
leak-protection-unsupported.png (sys-firewall, whose template lacks the
service) and leak-protection-bad-interface.png (a typo shown next to its field).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt5.QtCore import QCoreApplication, QEventLoop  # noqa: E402
from PyQt5.QtWidgets import QApplication, QWidget  # noqa: E402


def wait_until(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the state to photograph")
        QCoreApplication.processEvents(QEventLoop.AllEvents, 50)


def settle(seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.AllEvents, 50)


def save(widget: QWidget, path: Path) -> None:
    settle()  # let word-wrapped labels lay themselves out
    widget.grab().save(str(path))
    print(path)


def open_window(port, qube: str):
    from qubes_fw_gui.widgets.leak_window import LeakProtectionWindow

    window = LeakProtectionWindow(port, qube)
    window.show()
    wait_until(window.panel.is_loaded)
    return window


def shoot_vpn(port, out: Path) -> None:
    window = open_window(port, "sys-vpn")
    panel = window.panel
    panel.enabledCheck.click()
    panel.resolversEdit.setText("10.8.0.1")
    saved: list[bool] = []
    panel.saved.connect(lambda: saved.append(True))
    window.save_button.click()
    wait_until(lambda: bool(saved))
    window.resize(720, 640)
    save(window, out / "leak-protection.png")
    panel.interfacesEdit.setText("tun0 eth0")
    save(window, out / "leak-protection-bad-interface.png")
    panel.interfacesEdit.setText("tun0 wg0")
    window.close()


def shoot_unsupported(port, out: Path) -> None:
    window = open_window(port, "sys-firewall")
    window.resize(720, 760)
    save(window, out / "leak-protection-unsupported.png")
    window.close()


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv[:1])
    app.setStyle("Fusion")
    from qubes_fw_gui.admin.socket_client import SocketAdminPort
    from qubes_fw_gui.sandbox.embedded import EmbeddedSandbox

    with tempfile.TemporaryDirectory() as state, EmbeddedSandbox(Path(state)) as sandbox:
        port = SocketAdminPort(sandbox.socket_path)
        shoot_vpn(port, out)
        shoot_unsupported(port, out)
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
