"""The "Test a connection" box: where would a connection to host:port end up?

It asks the model (`rulelist.verdict`) and reports the deciding rule by
number; the firewall tab highlights and selects that row.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from PyQt5.QtCore import Qt, pyqtSignal
from PyQt5.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from qubes_fw_gui.model.errors import RuleError
from qubes_fw_gui.model.ports import default_catalogue
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.model.rulelist import verdict

PROTOCOLS = ("tcp", "udp", "icmp", "")


class ConnectionTestBox(QGroupBox):
    """Emits `decided(row)` with the deciding rule's row, or -1 for the implicit drop."""

    decided = pyqtSignal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Test a connection"))
        self._rules: Callable[[], Sequence[Rule]] = list
        layout = QGridLayout(self)
        self.host_edit = QLineEdit(self)
        self.host_edit.setObjectName("testHostEdit")
        self.host_edit.setPlaceholderText(self.tr("host or address, e.g. 10.1.2.3 or example.com"))
        self.proto_combo = QComboBox(self)
        self.proto_combo.setObjectName("testProtoCombo")
        for proto in PROTOCOLS:
            self.proto_combo.addItem(proto or self.tr("any"), proto)
        self.port_edit = QLineEdit(self)
        self.port_edit.setObjectName("testPortEdit")
        self.port_edit.setPlaceholderText(self.tr("port, e.g. 443 or https"))
        self.test_button = QPushButton(self.tr("&Test"), self)
        self.test_button.setObjectName("testButton")
        self.test_button.setAutoDefault(False)
        self.verdict_label = QLabel(self)
        self.verdict_label.setObjectName("verdictLabel")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.verdict_label.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        host_label = QLabel(self.tr("&To:"), self)
        host_label.setBuddy(self.host_edit)
        layout.addWidget(host_label, 0, 0)
        layout.addWidget(self.host_edit, 0, 1, 1, 3)
        layout.addWidget(self.proto_combo, 1, 1)
        layout.addWidget(self.port_edit, 1, 2)
        layout.addWidget(self.test_button, 1, 3)
        layout.addWidget(self.verdict_label, 2, 0, 1, 4)
        layout.setColumnStretch(2, 1)
        layout.setRowStretch(2, 1)
        self.test_button.clicked.connect(self.run_test)
        self.host_edit.returnPressed.connect(self.run_test)
        self.port_edit.returnPressed.connect(self.run_test)
        self.proto_combo.currentIndexChanged.connect(self._proto_changed)
        self._proto_changed()

    def set_rule_source(self, rules: Callable[[], Sequence[Rule]]) -> None:
        self._rules = rules

    def _proto_changed(self) -> None:
        takes_port = self.proto_combo.currentData() in ("tcp", "udp")
        self.port_edit.setEnabled(takes_port)
        if not takes_port:
            self.port_edit.clear()

    def _port(self, proto: str | None) -> int | None:
        text = self.port_edit.text().strip()
        if not text or proto not in ("tcp", "udp"):
            return None
        ports = default_catalogue().parse(text, proto)
        if not ports.is_single:
            raise RuleError("ports", text, self.tr("test one port, not a range"))
        return ports.first

    def run_test(self) -> None:
        host = self.host_edit.text().strip()
        if not host:
            self._show(self.tr("Type a host name or an address to test."), error=True)
            return
        proto = self.proto_combo.currentData() or None
        try:
            port = self._port(proto)
        except RuleError as error:
            self._show(error.message, error=True)
            return
        try:
            result = verdict(list(self._rules()), host, proto, port)
        except (RuleError, ValueError) as error:
            self._show(getattr(error, "message", str(error)), error=True)
            return
        index = result.index
        if index is None:
            headline = self.tr("Dropped by qubesd's implicit policy: no rule matches.")
        elif result.action == "accept":
            headline = self.tr("Accepted by rule {number}.").format(number=index + 1)
        else:
            headline = self.tr("Dropped by rule {number}.").format(number=index + 1)
        self._show(headline, result.reason, error=False, action=result.action)
        self.decided.emit(index if index is not None else -1)

    def _show(self, headline: str, detail: str = "", *, error: bool, action: str | None = None) -> None:
        colour = "#cc0000" if error else ("#1e5a12" if action == "accept" else "#8a1515")
        self.verdict_label.setStyleSheet(f"color: {colour};")
        text = f"<b>{html.escape(headline)}</b>"
        if detail:
            text += f"<br><span style='color:#333'>{html.escape(detail)}</span>"
        self.verdict_label.setText(text)

    def verdict_text(self) -> str:
        """The verdict as plain text: the headline, a newline, the reason."""
        rich = self.verdict_label.text().replace("<br>", "\n")
        return html.unescape(re.sub(r"<[^>]+>", "", rich))
