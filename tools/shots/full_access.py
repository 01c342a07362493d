"""Screenshots of the full-access parts, rendered offscreen against a sandbox dom0.

    python tools/shots/full_access.py OUT_DIR

Writes full-access-button.png (the stand-alone window with an active window)
and full-access-tab.png (the editor's tab on personal, a window open).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import common

from qubes_fw_gui.admin.port import AdminPort


def shoot_button(port: AdminPort, out: Path) -> None:
    from qubes_fw_gui.widgets.full_access_window import FullAccessWindow

    window = FullAccessWindow(port, "work", 15)
    window.show()
    common.wait_until(window.box.isEnabled)
    window.box.startButton.click()
    common.wait_until(window.box.is_active)
    common.settle(1.2)  # one countdown tick, so the picture shows a running clock
    window.adjustSize()
    common.save(window, out / "full-access-button.png")
    window.box.endButton.click()
    common.wait_until(lambda: not window.box.is_active())
    window.close()


def shoot_tab(port: AdminPort, out: Path) -> None:
    from qubes_fw_gui.model.full_access import open_window
    from qubes_fw_gui.widgets.firewall_tab import FirewallTab

    rules = port.get_rules("personal")
    port.set_rules("personal", open_window(rules, int(time.time()) + 25 * 60))
    tab = FirewallTab(port)
    tab.resize(1120, 720)
    tab.show()
    loaded: list[bool] = []
    tab.loaded.connect(lambda: loaded.append(True))
    tab.load("personal")
    common.wait_until(lambda: bool(loaded))
    common.settle(1.2)
    common.save(tab, out / "full-access-tab.png")
    tab.close()


def shoot(port: AdminPort, out: Path) -> None:
    shoot_button(port, out)
    shoot_tab(port, out)


if __name__ == "__main__":
    sys.exit(common.main(sys.argv, shoot))
