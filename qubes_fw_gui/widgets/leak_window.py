"""`qubes-fw-gui --proxyvm QUBE`: the leak-protection panel in a window of its own.

Save writes the changed features; Close with unsaved changes first says so
next to the buttons and needs a second click, so edits are never lost to a
stray click (and no modal box interrupts the person).
"""

from __future__ import annotations

from PyQt5.QtCore import Qt
from PyQt5.QtGui import QKeySequence
from PyQt5.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from qubes_fw_gui.admin.port import AdminPort
from qubes_fw_gui.widgets.leak_panel import LeakProtectionPanel


class LeakProtectionWindow(QDialog):
    """A Save/Close dialog around `LeakProtectionPanel(port, qube)`; loads on creation."""

    def __init__(self, port: AdminPort, qube: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Leak protection: {qube}").format(qube=qube))
        self.panel = LeakProtectionPanel(port, qube, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Close, self)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        self.close_button = self.buttons.button(QDialogButtonBox.Close)
        self.save_button.setShortcut(QKeySequence.Save)
        self.save_button.setEnabled(False)
        # Enter in a list field saves; it must never be taken as Close.
        self.close_button.setAutoDefault(False)
        self.save_button.setDefault(True)
        self.sandbox_note = QLabel(self)
        self.sandbox_note.setWordWrap(True)
        self.sandbox_note.hide()
        self.close_note = QLabel(self)
        self.close_note.setWordWrap(True)
        self.close_note.hide()

        bottom = QHBoxLayout()
        bottom.addWidget(self.close_note, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sandbox_note)
        layout.addWidget(self.panel, 1)
        layout.addLayout(bottom)

        self.save_button.clicked.connect(self.panel.save)
        self.buttons.rejected.connect(self.reject)
        self.panel.changed.connect(self._follow_panel)
        self.panel.saved.connect(self._follow_panel)
        self.panel.error.connect(self._follow_panel)
        self._discard_armed = False
        self.resize(660, 640)
        self.panel.load()

    def set_sandbox_note(self, text: str) -> None:
        """Say, above the panel, that this is the sandbox dom0 and not a real Qubes system."""
        self.sandbox_note.setText(text)
        self.sandbox_note.setVisible(bool(text))
        if text:
            self.setWindowTitle(
                self.tr("Leak protection: {qube} (sandbox dom0, demo qubes)").format(qube=self.panel.qube())
            )

    def _follow_panel(self, *_: object) -> None:
        self.save_button.setEnabled(self.panel.can_save())
        if self._discard_armed and not self.panel.is_modified():
            self._disarm()

    def _disarm(self) -> None:
        self._discard_armed = False
        self.close_note.hide()
        self.close_button.setText(self.tr("&Close"))

    def reject(self) -> None:
        if self.panel.is_modified() and not self._discard_armed:
            self._discard_armed = True
            self.close_note.setText(
                self.tr("You have unsaved changes: Save them, or close again to discard them.")
            )
            self.close_note.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.close_note.show()
            self.close_button.setText(self.tr("&Discard changes"))
            return
        self.panel.stop_following()
        super().reject()
