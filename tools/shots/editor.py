"""Screenshots of the editor, rendered offscreen against a sandbox dom0's demo world.

    python tools/shots/editor.py OUT_DIR

Writes editor-work.png (the dialog on work, with a tested connection
highlighting the deciding rule) and chooser.png (the list of qubes).
"""

from __future__ import annotations

import sys
from pathlib import Path

import common

from qubes_fw_gui.admin.port import AdminPort


def shoot(port: AdminPort, out: Path) -> None:
    from qubes_fw_gui.widgets.chooser import COL_FIREWALL, QubeChooser
    from qubes_fw_gui.widgets.qube_dialog import QubeFirewallDialog

    note = ("Sandbox dom0 with demo qubes (spec mode: L7 rules are accepted). Nothing here touches "
            "a real Qubes system.")

    dialog = QubeFirewallDialog(port, "work")
    dialog.set_sandbox_note(note)
    dialog.resize(1060, 860)
    dialog.show()
    common.wait_until(lambda: dialog.tab.facts is not None and dialog.tab.model.marker(0) is not None)
    box = dialog.tab.connectionTest
    box.host_edit.setText("10.1.2.3")
    box.proto_combo.setCurrentIndex(box.proto_combo.findData("tcp"))
    box.port_edit.setText("https")
    box.run_test()
    common.save(dialog, out / "editor-work.png")
    dialog.reject()

    chooser = QubeChooser(port)
    chooser.set_sandbox_note(note)
    chooser.resize(900, 520)
    chooser.show()
    common.wait_until(lambda: chooser.text_of("work", COL_FIREWALL) is not None)
    chooser.select("work")
    common.save(chooser, out / "chooser.png")
    chooser.close()


if __name__ == "__main__":
    sys.exit(common.main(sys.argv, shoot))
