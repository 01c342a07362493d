"""Screenshots of the full-access parts, rendered offscreen against a sandbox dom0.

    python tools/shots/full_access.py OUT_DIR

Writes full-access-button.png (the stand-alone window with an active window)
and, once the editor's FirewallTab exists, full-access-tab.png.
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


def settle(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.AllEvents, 50)


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def shoot_button(port, out: Path) -> None:
    from qubes_fw_gui.widgets.full_access_window import FullAccessWindow

    window = FullAccessWindow(port, "work", 15)
    window.show()
    wait_until(window.box.isEnabled)
    window.box.startButton.click()
    wait_until(window.box.is_active)
    settle(1.2)  # one countdown tick, so the picture shows a running clock
    window.adjustSize()
    save(window, out / "full-access-button.png")
    window.box.endButton.click()
    wait_until(lambda: not window.box.is_active())
    window.close()


def shoot_tab(port, out: Path) -> None:
    try:
        from qubes_fw_gui.widgets.firewall_tab import FirewallTab
    except ImportError:
        print("no FirewallTab yet: skipping full-access-tab.png")
        return
    from qubes_fw_gui.model.full_access import open_window

    rules = port.get_rules("personal")
    port.set_rules("personal", open_window(rules, int(time.time()) + 25 * 60))
    tab = FirewallTab(port)
    tab.resize(1120, 720)
    tab.show()
    loaded: list[bool] = []
    tab.loaded.connect(lambda: loaded.append(True))
    tab.load("personal")
    wait_until(lambda: bool(loaded))
    settle(1.2)
    save(tab, out / "full-access-tab.png")
    tab.close()


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv[:1])
    app.setStyle("Fusion")
    from qubes_fw_gui.admin.socket_client import SocketAdminPort
    from qubes_fw_gui.sandbox.embedded import EmbeddedSandbox

    with tempfile.TemporaryDirectory() as state, EmbeddedSandbox(Path(state)) as sandbox:
        port = SocketAdminPort(sandbox.socket_path)
        shoot_button(port, out)
        shoot_tab(port, out)
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
