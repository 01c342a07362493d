"""How fast the rule dialog opens and re-checks a rule as a person types.

Targets are ours: a dialog should open within 100 ms, and every keystroke's
inline check must fit in one 60 Hz frame (16 ms) so typing never lags.
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt5.QtCore import Qt  # noqa: E402
from PyQt5.QtTest import QTest  # noqa: E402
from PyQt5.QtWidgets import QApplication  # noqa: E402

from benchmarks.table import Row, best_of, print_table  # noqa: E402

EDITED = "action=accept expire=4102444800 dsthost=example.com proto=tcp dstports=443-443 comment=Qubes website"


def run() -> list[Row]:
    app = QApplication.instance() or QApplication([])
    from qubes_fw_gui.model.rule import Rule
    from qubes_fw_gui.widgets.rule_dialog import RuleDialog

    rule = Rule.parse(EDITED)

    def open_dialog() -> RuleDialog:
        dialog = RuleDialog(None, rule, l7_note="sys-firewall supports L7 filtering")
        dialog.show()
        app.processEvents()
        return dialog

    start = time.perf_counter()
    first = open_dialog()  # includes reading the ports table and /etc/services
    cold = (time.perf_counter() - start) * 1000
    first.close()
    first.deleteLater()

    opened: list[RuleDialog] = []
    warm = best_of(lambda: opened.append(open_dialog()), repeat=10)
    for dialog in opened:
        dialog.close()
        dialog.deleteLater()

    dialog = open_dialog()
    line = dialog.portCombo.lineEdit()
    line.setFocus()
    texts = ["8", "80", "800", "8000", "8000-", "8000-8", "8000-80", "8000-808", "8000-8080"]

    def retype() -> None:
        line.clear()
        for char in texts[-1]:
            QTest.keyClick(line, char)  # each key re-checks the whole rule
        app.processEvents()

    per_key = best_of(retype, repeat=10) / (len(texts[-1]) + 1)
    assert dialog.rule() is None and dialog.buttonBox.button(dialog.buttonBox.Ok).isEnabled()
    QTest.keyClick(line, Qt.Key_Escape)
    dialog.deleteLater()
    app.processEvents()
    return [
        Row("first open (loads ports table)", cold, "ms", 250),
        Row("open on an existing rule", warm, "ms", 100),
        Row("one keystroke, re-check + inline messages", per_key, "ms", 16),
    ]


if __name__ == "__main__":
    print_table(run())
