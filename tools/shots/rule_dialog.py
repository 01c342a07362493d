"""Screenshots of the rule dialog, rendered offscreen against a sandbox dom0.

    python tools/shots/rule_dialog.py OUT_DIR

Writes rule-dialog-error.png: the dialog editing work's https rule, with the
port changed to 99999, so the inline error and the disabled OK show; and
rule-dialog-warning.png: a new rule to 10.1.2.3/8 with an expiry (amber warning).
"""

from __future__ import annotations

import sys
from pathlib import Path

import common
from PyQt5.QtCore import QCoreApplication, Qt
from PyQt5.QtTest import QTest
from PyQt5.QtWidgets import QWidget

from qubes_fw_gui.admin.port import AdminPort


def retype(line: QWidget, text: str) -> None:
    line.setFocus()
    line.selectAll()  # type: ignore[attr-defined]
    QTest.keyClick(line, Qt.Key_Delete)
    QTest.keyClicks(line, text)


def l7_note(port: AdminPort, qube: str) -> str:
    # What the editor tells the dialog: does this qube's FirewallVM filter L7 protocols?
    netvm = port.get_qube(qube).netvm
    if netvm is None:
        return QCoreApplication.translate("shots", "this qube has no netvm")
    if port.check_feature_with_template(netvm, "supported-feature.qubes-firewall-dpi"):
        return QCoreApplication.translate("shots", "{netvm} supports L7 filtering").format(netvm=netvm)
    return QCoreApplication.translate(
        "shots", "{netvm} does not advertise L7 support: it will DROP ALL traffic of this qube"
    ).format(netvm=netvm)


def shoot(port: AdminPort, out: Path) -> None:
    from qubes_fw_gui.widgets.rule_dialog import RuleDialog

    rules = port.get_rules("work")
    https_rule = next(rule for rule in rules if rule.ports is not None and rule.ports.first == 443)
    dialog = RuleDialog(None, https_rule, l7_note=l7_note(port, "work"))
    dialog.show()
    dialog.activateWindow()
    retype(dialog.portCombo.lineEdit(), "99999")
    dialog.adjustSize()
    common.save(dialog, out / "rule-dialog-error.png")
    dialog.close()

    dialog = RuleDialog(None, l7_note=l7_note(port, "work"))
    dialog.show()
    dialog.activateWindow()
    dialog.targetKind.setCurrentIndex(2)
    retype(dialog.targetEdit, "10.1.2.3/8")
    dialog.protoTcp.click()
    retype(dialog.portCombo.lineEdit(), "ssh")
    dialog.expiryMode.setCurrentIndex(1)
    retype(dialog.commentEdit, "lab access")
    dialog.adjustSize()
    common.save(dialog, out / "rule-dialog-warning.png")
    dialog.close()


if __name__ == "__main__":
    sys.exit(common.main(sys.argv, shoot))
