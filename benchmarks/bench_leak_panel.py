"""How quickly the leak-protection panel reads, saves and follows a ProxyVM, over the sandbox socket.

Figures are wall-clock milliseconds as a person would feel them: from the
call (or the change in dom0) until the panel shows the result, with the Qt
event loop running. The ProxyVM is the demo's sys-vpn with four downstream
qubes (banking, and work, personal and untrusted moved behind it).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt5.QtCore import QCoreApplication, QEventLoop  # noqa: E402
from PyQt5.QtWidgets import QApplication  # noqa: E402

from benchmarks.table import Row, print_table  # noqa: E402

REPEAT = 5


def _wait(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the panel did not get there")
        QCoreApplication.processEvents(QEventLoop.AllEvents, 5)


def _best(step: Callable[[], Callable[[], bool]], undo: Callable[[], None]) -> float:
    """Best of REPEAT: `step()` starts the action and returns the 'done' test; `undo` resets."""
    best = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        done = step()
        _wait(done)
        best = min(best, time.perf_counter() - start)
        undo()
    return best * 1000


def run() -> list[Row]:
    app = QApplication.instance() or QApplication([])
    from qubes_fw_gui.admin.socket_client import SocketAdminPort
    from qubes_fw_gui.model.leakguard_settings import LeakGuardSettings
    from qubes_fw_gui.sandbox.embedded import EmbeddedSandbox
    from qubes_fw_gui.widgets.leak_panel import LeakProtectionPanel

    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as state, EmbeddedSandbox(Path(state)) as sandbox:
        port = SocketAdminPort(sandbox.socket_path)
        for qube in ("work", "personal", "untrusted"):
            port.call("admin.vm.property.Set", qube, "netvm", b"sys-vpn")
        panel = LeakProtectionPanel(port, "sys-vpn")
        loads: list[bool] = []
        saves: list[bool] = []
        panel.loaded.connect(lambda: loads.append(True))
        panel.saved.connect(lambda: saves.append(True))

        def load() -> Callable[[], bool]:
            loads.clear()
            panel.load()
            return lambda: bool(loads)

        rows.append(
            Row("load (7 features, template, 4 downstream firewalls)", _best(load, lambda: None), "ms", 250)
        )

        def remove_all() -> None:
            for name in LeakGuardSettings().to_features():
                port.remove_feature("sys-vpn", name)
            loads.clear()
            _wait(lambda: bool(loads) and not panel.enabledCheck.isChecked())

        def switch_on() -> Callable[[], bool]:
            saves.clear()
            panel.enabledCheck.setChecked(True)
            panel.save()
            return lambda: bool(saves)

        rows.append(
            Row("switch on and save (7 feature Sets)", _best(switch_on, remove_all), "ms", 200)
        )
        panel.enabledCheck.setChecked(True)
        panel.save()
        _wait(lambda: not panel.is_busy() and not panel.is_modified())

        def follow() -> Callable[[], bool]:
            wanted = not panel.logCheck.isChecked()
            port.set_feature("sys-vpn", "vm-config.qubes-fw-leakguard-log-drops", "1" if wanted else "0")
            return lambda: panel.logCheck.isChecked() == wanted

        rows.append(
            Row(
                "a change made elsewhere shown",
                _best(follow, lambda: None),
                "ms",
                500,
                "includes the 150 ms wait that merges an event burst",
            )
        )
        panel.stop_following()
        panel.deleteLater()
    app.processEvents()
    return rows


if __name__ == "__main__":
    print_table(run())
