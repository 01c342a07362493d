"""The add/edit dialog for one firewall rule.

Fields follow QubesOS/qubes-issues#8236 (target, protocol, port, then ICMP
type, L7 protocol, expiry, comment). Every keystroke re-checks the rule
through `rule_form.build_rule` (the model's own types); each problem shows
next to its field and OK stays disabled while any error remains, so there is
never a message box after OK and never a rule qubesd would refuse.
"""

from __future__ import annotations

import time

from PyQt5 import uic
from PyQt5.QtCore import QDateTime, Qt, QTimer
from PyQt5.QtGui import QFont
from PyQt5.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QWidget,
)

from qubes_fw_gui.model import icmp
from qubes_fw_gui.model.checks import Problem
from qubes_fw_gui.model.fields import L7_PROTOCOLS
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.paths import ui_file
from qubes_fw_gui.widgets.countdown import format_ends
from qubes_fw_gui.widgets.field_status import FieldStatus
from qubes_fw_gui.widgets.rule_form import FormResult, RuleForm, TargetKind, build_rule, catalogue

TARGET_KINDS: tuple[TargetKind, ...] = ("any", "dns", "address")  # order of the targetKind items
EXPIRY_NEVER, EXPIRY_IN, EXPIRY_AT = range(3)  # order of the expiryMode items


class RuleDialog(QDialog):
    """Edit one rule; `rule()` gives the valid rule once the person pressed OK."""

    def __init__(self, parent: QWidget | None = None, rule: Rule | None = None, *, l7_note: str | None = None) -> None:
        super().__init__(parent)
        uic.loadUi(str(ui_file("rule_dialog.ui")), self)
        self._result: Rule | None = None
        # What a field held before it stopped applying, given back when it applies again.
        self._parked: dict[str, str] = {"address": "", "ports": "", "icmptype": ""}
        self._statuses: dict[str, FieldStatus] = {
            "action": self.actionStatus,
            "target": self.targetStatus,
            "specialtarget": self.targetStatus,
            "proto": self.protoStatus,
            "ports": self.portStatus,
            "icmptype": self.icmpStatus,
            "l7": self.l7Status,
            "expire": self.expiryStatus,
            "comment": self.commentStatus,
        }
        self._field_of: dict[FieldStatus, QWidget] = {
            self.actionStatus: self.actionAccept,
            self.targetStatus: self.targetEdit,
            self.protoStatus: self.protoAny,
            self.portStatus: self.portCombo,
            self.icmpStatus: self.icmpCombo,
            self.l7Status: self.l7Combo,
            self.expiryStatus: self.expiryMode,
            self.commentStatus: self.commentEdit,
        }
        self._set_up_widgets(l7_note)
        self._connect_signals()
        self.setWindowTitle(self.tr("Edit firewall rule") if rule is not None else self.tr("Add firewall rule"))
        self._show_form(RuleForm.from_rule(rule) if rule is not None else RuleForm())
        # Keeps the expiry label and its "time has passed" warning true while the dialog is open.
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()

    # -- public API ---------------------------------------------------------

    def rule(self) -> Rule | None:
        """The rule accepted with OK, or None (cancelled, or not yet accepted)."""
        return self._result

    @classmethod
    def get_rule(cls, parent: QWidget | None, rule: Rule | None = None, **kwargs: object) -> Rule | None:
        """Show the dialog modally; the new rule, or None when cancelled."""
        dialog = cls(parent, rule, **kwargs)  # type: ignore[arg-type]
        try:
            dialog.exec_()
            return dialog.rule()
        finally:
            dialog.deleteLater()

    def accept(self) -> None:
        # The expiry "in N minutes" counts from the moment OK is pressed.
        result = build_rule(self._read_form())
        self._show_check(result)
        if result.rule is None:
            return
        self._result = result.rule
        super().accept()

    # -- set-up -------------------------------------------------------------

    def _set_up_widgets(self, l7_note: str | None) -> None:
        self._action_group = QButtonGroup(self)
        for button in (self.actionAccept, self.actionDrop):
            self._action_group.addButton(button)
        self._proto_group = QButtonGroup(self)
        self._proto_of: dict[QAbstractButton, str | None] = {
            self.protoAny: None,
            self.protoTcp: "tcp",
            self.protoUdp: "udp",
            self.protoIcmp: "icmp",
        }
        for button in self._proto_of:
            self._proto_group.addButton(button)
        self.targetKind.setCurrentIndex(0)
        # Start with the fields that "any" does not use turned off; _show_form turns on what applies.
        for widget in (self.targetEdit, self.portCombo, self.icmpCombo):
            widget.setEnabled(False)

        for combo in (self.portCombo, self.icmpCombo):
            completer = QCompleter(combo.model(), combo)
            completer.setCaseSensitivity(Qt.CaseInsensitive)
            completer.setFilterMode(Qt.MatchContains)
            completer.setCompletionMode(QCompleter.PopupCompletion)
            combo.setCompleter(completer)
        self._fill_combo(self.icmpCombo, [self._any_text()] + list(icmp.icmp_choices()))

        self.l7Combo.addItem(self.tr("None (filter packets only)"), None)
        for name in L7_PROTOCOLS:
            self.l7Combo.addItem(name, name)
        self.l7Note.set_note(l7_note)

        self.expiryAt.setDateTime(QDateTime.currentDateTime().addSecs(3600))
        self.expiryWhen.setTextFormat(Qt.PlainText)

        self.preview.setTextFormat(Qt.PlainText)
        self._mono = QFont("monospace")
        self._mono.setStyleHint(QFont.TypeWriter)
        self._mono.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.9))
        self.preview.setStyleSheet("color: palette(mid);")

        ok = self.buttonBox.button(QDialogButtonBox.Ok)
        ok.setDefault(True)
        ok.setAutoDefault(True)
        self.buttonBox.button(QDialogButtonBox.Cancel).setAutoDefault(False)

    def _close_stale_completions(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A completion list left open under a field the focus has left would take the next keystroke
        (Alt+O to the comment, then typing: the first letter landed in the port field)."""
        for combo in (self.portCombo, self.icmpCombo):
            completer = combo.completer()
            if completer is None or not completer.popup().isVisible():
                continue
            if new is None or not (new is combo or combo.isAncestorOf(new) or new is completer.popup()):
                completer.popup().hide()

    def _connect_signals(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._close_stale_completions)
        self._action_group.buttonToggled.connect(self._revalidate)
        self.targetKind.currentIndexChanged.connect(self._target_kind_changed)
        self.targetEdit.textChanged.connect(self._revalidate)
        self._proto_group.buttonToggled.connect(self._proto_toggled)
        self.portCombo.editTextChanged.connect(self._revalidate)
        self.icmpCombo.editTextChanged.connect(self._revalidate)
        self.l7Combo.currentIndexChanged.connect(self._revalidate)
        self.expiryMode.currentIndexChanged.connect(self._expiry_mode_changed)
        self.expiryMinutes.valueChanged.connect(self._revalidate)
        self.expiryAt.dateTimeChanged.connect(self._revalidate)
        self.commentEdit.textChanged.connect(self._revalidate)
        self.presetDns.clicked.connect(lambda: self._apply_preset(Rule("accept", specialtarget="dns")))
        self.presetIcmp.clicked.connect(lambda: self._apply_preset(Rule("accept", proto="icmp")))
        self.presetBlock.clicked.connect(lambda: self._apply_preset(Rule("drop")))

    # -- reading and showing the fields --------------------------------------

    def _any_text(self) -> str:
        return self.tr("any")

    def _combo_value(self, combo: QComboBox) -> str:
        text = combo.currentText().strip()
        return "" if text.casefold() == self._any_text().casefold() else text

    def _proto(self) -> str | None:
        button = self._proto_group.checkedButton()
        return self._proto_of.get(button) if button is not None else None

    def _target_kind(self) -> TargetKind:
        return TARGET_KINDS[max(0, self.targetKind.currentIndex())]

    def _read_form(self, now: float | None = None) -> RuleForm:
        now = time.time() if now is None else now
        mode = self.expiryMode.currentIndex()
        if mode == EXPIRY_IN:
            expire: int | None = int(now) + self.expiryMinutes.value() * 60
        elif mode == EXPIRY_AT:
            expire = self.expiryAt.dateTime().toSecsSinceEpoch()
        else:
            expire = None
        return RuleForm(
            action="drop" if self.actionDrop.isChecked() else "accept",
            target_kind=self._target_kind(),
            address=self.targetEdit.text(),
            proto=self._proto(),
            ports=self._combo_value(self.portCombo) if self.portCombo.isEnabled() else "",
            icmptype=self._combo_value(self.icmpCombo) if self.icmpCombo.isEnabled() else "",
            l7=self.l7Combo.currentData(),
            expire=expire,
            comment=self.commentEdit.text(),
            also_dns=self._also_dns,
        )

    def _show_form(self, form: RuleForm, *, keep_parked: bool = False) -> None:
        """Put a whole form into the widgets (a rule being edited, or a preset)."""
        self._also_dns = form.also_dns
        if not keep_parked:
            self._parked = {"address": form.address, "ports": form.ports, "icmptype": form.icmptype}
        (self.actionDrop if form.action == "drop" else self.actionAccept).setChecked(True)
        self.targetKind.setCurrentIndex(TARGET_KINDS.index(form.target_kind))
        self._target_kind_changed()
        button = next(button for button, proto in self._proto_of.items() if proto == form.proto)
        button.setChecked(True)
        self._proto_changed()
        index = self.l7Combo.findData(form.l7)
        self.l7Combo.setCurrentIndex(max(0, index))
        if form.expire is None:
            self.expiryMode.setCurrentIndex(EXPIRY_NEVER)
        else:
            self.expiryAt.setDateTime(QDateTime.fromSecsSinceEpoch(form.expire))
            self.expiryMode.setCurrentIndex(EXPIRY_AT)
        self._expiry_mode_changed()
        self.commentEdit.setText(form.comment)
        self._revalidate()

    def _apply_preset(self, rule: Rule) -> None:
        # A preset sets what the rule matches; the expiry and comment chosen so far stay.
        expiry_mode = self.expiryMode.currentIndex()
        preset = RuleForm.from_rule(rule)
        self._show_form(
            RuleForm(
                action=preset.action,
                target_kind=preset.target_kind,
                proto=preset.proto,
                comment=self.commentEdit.text(),
            ),
            keep_parked=True,
        )
        self.expiryMode.setCurrentIndex(expiry_mode)  # the minutes and date fields kept their values

    # -- fields that apply or not --------------------------------------------

    def _target_kind_changed(self) -> None:
        needs_address = self._target_kind() == "address"
        if not needs_address:
            self._also_dns = False
        self._set_applies(self.targetEdit, "address", needs_address)
        self.targetEdit.setPlaceholderText(
            self.tr("192.168.1.0/24, 2001:db8::/32 or example.com") if needs_address else ""
        )
        self._revalidate()

    def _proto_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._proto_changed()

    def _proto_changed(self) -> None:
        proto = self._proto()
        has_ports = proto in ("tcp", "udp")
        if has_ports:
            # Names differ per protocol: offer the chosen protocol's well-known ports.
            text = self.portCombo.currentText() if self.portCombo.isEnabled() else self._parked["ports"]
            self._fill_combo(self.portCombo, [self._any_text()] + list(catalogue().choices(proto)), text)
        self._set_applies(self.portCombo, "ports", has_ports)
        self.portCombo.lineEdit().setPlaceholderText(self.tr("any port") if has_ports else "")
        self._set_applies(self.icmpCombo, "icmptype", proto == "icmp")
        self.icmpCombo.lineEdit().setPlaceholderText(self.tr("any ICMP type") if proto == "icmp" else "")
        self._revalidate()

    def _set_applies(self, widget: QWidget, parked: str, applies: bool) -> None:
        """Enable a field that applies (giving back what it held); disable and clear one that does not."""
        if applies == widget.isEnabled() and (applies or not self._text_of(widget)):
            return
        widget.blockSignals(True)
        if applies:
            widget.setEnabled(True)
            self._set_text_of(widget, self._parked[parked])
        else:
            if widget.isEnabled():
                self._parked[parked] = self._text_of(widget)
            self._set_text_of(widget, "")
            widget.setEnabled(False)
        widget.blockSignals(False)

    @staticmethod
    def _text_of(widget: QWidget) -> str:
        return widget.currentText() if isinstance(widget, QComboBox) else widget.text()  # type: ignore[attr-defined]

    @staticmethod
    def _set_text_of(widget: QWidget, text: str) -> None:
        if isinstance(widget, QComboBox):
            widget.setEditText(text)
        else:
            widget.setText(text)  # type: ignore[attr-defined]

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[str], text: str = "") -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(items)
        combo.setCurrentIndex(-1)
        combo.setEditText(text)
        combo.blockSignals(False)

    def _expiry_mode_changed(self) -> None:
        mode = self.expiryMode.currentIndex()
        self.expiryMinutes.setVisible(mode == EXPIRY_IN)
        self.expiryAt.setVisible(mode == EXPIRY_AT)
        self.expiryWhen.setVisible(mode != EXPIRY_NEVER)
        self._revalidate()

    # -- checking -------------------------------------------------------------

    def _tick(self) -> None:
        if self.expiryMode.currentIndex() != EXPIRY_NEVER:
            self._revalidate()

    def _revalidate(self, *_args: object) -> None:
        now = time.time()
        form = self._read_form(now)
        self._show_check(build_rule(form, now), form, now)

    def _show_check(self, result: FormResult, form: RuleForm | None = None, now: float | None = None) -> None:
        by_status: dict[FieldStatus, list[Problem]] = {status: [] for status in self._statuses.values()}
        general: list[Problem] = []
        for problem in result.problems:
            by_status.get(self._statuses.get(problem.field), general).append(problem)  # type: ignore[arg-type]
        for status, problems in by_status.items():
            status.set_problems(problems)
            # Screen readers announce the field's problem with the field itself.
            self._field_of[status].setAccessibleDescription(status.text())
        self.ruleStatus.set_problems(general)
        self.buttonBox.button(QDialogButtonBox.Ok).setEnabled(result.ok)
        if result.rule is not None:
            self.preview.setFont(self._mono)
            self.preview.setText(self.tr("Admin API: {line}").format(line=result.rule.api_line()))
        else:
            self.preview.setFont(self.font())
            self.preview.setText(self.tr("OK is available once the problems marked in red are fixed."))
        if form is not None and now is not None:
            # The absolute end time and what is left, worded as in the table and the full-access box.
            self.expiryWhen.setText(format_ends(form.expire, now) if form.expire is not None else "")

    # -- for the editor -------------------------------------------------------

    def set_l7_note(self, note: str | None) -> None:
        """Replace the note beside the L7 protocol (e.g. once the FirewallVM's support is known)."""
        self.l7Note.set_note(note)
