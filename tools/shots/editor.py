"""Screenshots of the editor, rendered offscreen against a sandbox dom0's demo world.

    python tools/shots/editor.py OUT_DIR

Writes editor-work.png (the dialog on work, with a tested connection
highlighting the deciding rule) and chooser.png (the list of qubes).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt5.QtCore import QCoreApplication, QEventLoop  # noqa: E402
from PyQt5.QtWidgets import QApplication, QWidget  # noqa: E402


def settle(until=lambda: True, timeout: float = 5.0) -> None:  # noqa: ANN001
    end = time.time() + timeout
    while True:
        QCoreApplication.processEvents(QEventLoop.AllEvents, 20)
        if until() or time.time() > end:
            break
    for _ in range(5):
        QCoreApplication.processEvents(QEventLoop.AllEvents, 20)


def save(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(path)


def main(out: Path) -> None:
    from qubes_fw_gui.admin.socket_client import SocketAdminPort
    from qubes_fw_gui.sandbox.embedded import EmbeddedSandbox
    from qubes_fw_gui.widgets.chooser import COL_FIREWALL, QubeChooser
    from qubes_fw_gui.widgets.qube_dialog import QubeFirewallDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, EmbeddedSandbox(Path(folder) / "sandbox") as sandbox:
        port = SocketAdminPort(sandbox.socket_path)
        note = ("Sandbox dom0 with demo qubes (spec mode: L7 rules are accepted). Nothing here touches "
                "a real Qubes system.")

        dialog = QubeFirewallDialog(port, "work")
        dialog.set_sandbox_note(note)
        dialog.resize(1060, 860)
        dialog.show()
        settle(lambda: dialog.tab.facts is not None and dialog.tab.model.marker(0) is not None)
        box = dialog.tab.connectionTest
        box.host_edit.setText("10.1.2.3")
        box.proto_combo.setCurrentIndex(box.proto_combo.findData("tcp"))
        box.port_edit.setText("https")
        box.run_test()
        save(dialog, out / "editor-work.png")
        dialog.reject()

        chooser = QubeChooser(port)
        chooser.set_sandbox_note(note)
        chooser.resize(900, 520)
        chooser.show()
        settle(lambda: chooser.text_of("work", COL_FIREWALL) is not None)
        chooser.select("work")
        save(chooser, out / "chooser.png")
        chooser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots"))
