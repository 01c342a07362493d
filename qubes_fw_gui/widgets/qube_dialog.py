"""`qubes-fw-gui QUBE`: the qube's firewall in a dialog of its own, with OK / Apply / Cancel / Reload.

The dialog only frames the FirewallTab (and, for a qube that provides
network, the leak-protection panel). Cancel or Reload with unsaved edits
first says what would be lost and needs a second click: edits are never lost
to a stray click, and no modal box interrupts the person.
"""

from __future__ import annotations

from PyQt5 import uic
from PyQt5.QtCore import Qt
from PyQt5.QtGui import QKeySequence
from PyQt5.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFrame, QScrollArea, QWidget

from qubes_fw_gui import paths
from qubes_fw_gui.admin.port import AdminPort
from qubes_fw_gui.widgets.firewall_tab import FirewallTab
from qubes_fw_gui.widgets.power_state import power_state_text
from qubes_fw_gui.widgets.screen_fit import fit_to_screen
from qubes_fw_gui.widgets.worker import run_in_background


class QubeFirewallDialog(QDialog):
    def __init__(self, port: AdminPort, qube: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        uic.loadUi(paths.ui_file("qube_dialog.ui"), self)
        self.port = port
        self.qube = qube
        self.leak_panel = None
        self._pending: set[str] = set()  # parts whose save is in flight
        self._close_after_save = False
        self._armed: str | None = None  # "cancel" or "reload" after the first click
        self._closed = False
        self._refocus_list = False

        self.tab = FirewallTab(port, self)
        self._add_page(self.tab, self.tr("Firewall rules"))
        self.ok_button = self.buttonBox.button(QDialogButtonBox.Ok)
        self.apply_button = self.buttonBox.button(QDialogButtonBox.Apply)
        self.cancel_button = self.buttonBox.button(QDialogButtonBox.Cancel)
        self.reload_button = self.buttonBox.button(QDialogButtonBox.Reset)
        self.reload_button.setText(self.tr("&Reload"))
        self.reload_button.setToolTip(self.tr("Read the rules from dom0 again"))
        for button in (self.apply_button, self.reload_button, self.cancel_button):
            button.setAutoDefault(False)
        self.ok_button.setAutoDefault(False)
        # Keyboard users need a way to save: Enter never presses OK here (see keyPressEvent).
        self.apply_button.setShortcut(QKeySequence.Save)
        self.ok_button.setShortcut(QKeySequence("Ctrl+Return"))

        self.qubeName.setText(qube)
        self.setWindowTitle(self.tr("Firewall: {qube}").format(qube=qube))
        self.ok_button.clicked.connect(self._ok)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.reject)
        self.reload_button.clicked.connect(self._reload)
        self.tab.changed.connect(self._update)
        self.tab.loaded.connect(self._on_loaded)
        self.tab.saved.connect(lambda: self._part_saved("rules"))
        self.tab.error.connect(self._part_failed)
        self.tab.save_paused.connect(lambda: self._part_failed(""))
        self.tab.busy_changed.connect(lambda _busy: self._update())
        fit_to_screen(self, 1040, 780)
        self.tab.load(qube)
        self._update()

    def _add_page(self, page: QWidget, title: str) -> None:
        """A tab whose page scrolls when the screen is smaller than the page (a 768-pixel laptop)."""
        scroll = QScrollArea(self.tabs)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(page)
        self.tabs.addTab(scroll, title)

    def page(self, index: int) -> QWidget:
        """The page of tab `index` (the firewall tab or the leak-protection panel), inside its scroll area."""
        scroll = self.tabs.widget(index)
        return scroll.widget() if isinstance(scroll, QScrollArea) else scroll

    def show_page(self, page: QWidget) -> None:
        for index in range(self.tabs.count()):
            if self.page(index) is page:
                self.tabs.setCurrentIndex(index)
                return

    # -- sandbox note ------------------------------------------------------

    def set_sandbox_note(self, text: str) -> None:
        self.sandboxNote.setText(text)
        self.sandboxNote.setVisible(bool(text))
        if text:
            self.setWindowTitle(self.tr("Firewall: {qube} (sandbox dom0, demo qubes)").format(qube=self.qube))

    # -- loading -----------------------------------------------------------

    def _on_loaded(self) -> None:
        info = self.tab.info
        if info is None or self._closed:
            return  # closed while loading: no label or leak-protection reads for nobody
        netvm = info.netvm or self.tr("none")
        self.qubeDetails.setText(
            self.tr("{klass}, {state}, netvm: {netvm}").format(klass=info.klass, state=power_state_text(info.state), netvm=netvm)
        )
        label = info.label
        run_in_background(lambda: self.port.label_color(label), self._show_label_colour, None, self)
        if info.provides_network and self.leak_panel is None:
            self._add_leak_tab()
        self._update()

    def _show_label_colour(self, colour: str) -> None:
        css = "#" + colour[2:] if colour.startswith("0x") else colour
        self.labelSwatch.setStyleSheet(f"background: {css}; border: 1px solid #444; border-radius: 3px;")
        self.labelSwatch.setToolTip(self.tr("Label colour of {qube}").format(qube=self.qube))

    def _add_leak_tab(self) -> None:
        try:
            from qubes_fw_gui.widgets.leak_panel import LeakProtectionPanel
        except ImportError:
            return
        panel = LeakProtectionPanel(self.port, self.qube, self)
        self.leak_panel = panel
        self._add_page(panel, self.tr("Leak protection"))
        panel.changed.connect(self._update)
        panel.saved.connect(lambda: self._part_saved("leak"))
        panel.error.connect(self._part_failed)
        panel.load()

    # -- saving ------------------------------------------------------------

    def is_modified(self) -> bool:
        leak = self.leak_panel is not None and self.leak_panel.is_modified()
        return self.tab.is_modified() or leak

    def _leak_blocks(self) -> bool:
        """The leak-protection tab has edits it cannot save now (an invalid list, or it is busy)."""
        panel = self.leak_panel
        return panel is not None and panel.is_modified() and not panel.can_save()

    def apply(self) -> None:
        self._disarm()
        if self._leak_blocks():
            return  # its field says what to fix; saving the rules alone would half-apply the dialog
        if self.tab.is_modified() and self.tab.save():
            self._pending.add("rules")
        if self.leak_panel is not None and self.leak_panel.is_modified():
            self._pending.add("leak")
            self.leak_panel.save()
        if not self._pending and self.is_modified():
            self._close_after_save = False  # nothing could start (busy, or refused at once): stay open
        self._update()
        if not self._pending and self._close_after_save:
            self._finish()
            self.accept()

    def _ok(self) -> None:
        self._close_after_save = True
        self.apply()

    def _part_saved(self, part: str) -> None:
        self._pending.discard(part)
        if not self._pending and self._close_after_save and not self.is_modified():
            self._finish()
            self.accept()
        self._update()

    def _part_failed(self, _message: str) -> None:
        # The part shows the error (or its question) itself; the dialog stays open with every edit.
        self._pending.clear()
        self._close_after_save = False
        self._update()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        # Enter in the filter or a test field must not press OK (save and close);
        # a focused button still takes Enter itself.
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- cancel / reload ---------------------------------------------------

    def reject(self) -> None:
        if self.is_modified() and self._armed != "cancel":
            self._arm("cancel", self.tr("You have unsaved changes: press Cancel again to discard them."))
            return
        self._finish()
        super().reject()

    def _reload(self) -> None:
        if self.is_modified() and self._armed != "reload":
            self._arm("reload", self.tr("Reloading discards your unsaved changes: press Reload again to do it."))
            return
        self._disarm()
        self.tab.reload()
        if self.leak_panel is not None:
            self.leak_panel.load()

    def _arm(self, what: str, text: str) -> None:
        self._armed = what
        self.closeNote.setText(text)
        self.closeNote.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.closeNote.show()

    def _disarm(self) -> None:
        self._armed = None
        self.closeNote.hide()

    def _finish(self) -> None:
        self._closed = True
        self.tab.shutdown()
        if self.leak_panel is not None:
            self.leak_panel.stop_following()

    def _update(self) -> None:
        busy = self.tab.is_busy() or bool(self._pending)
        modified = self.is_modified()
        blocked = self._leak_blocks()
        focused = QApplication.focusWidget()
        self.apply_button.setEnabled(modified and not busy and not blocked)
        self.ok_button.setEnabled(not busy and not blocked)
        if focused in (self.apply_button, self.ok_button) and not focused.isEnabled():
            # Qt passed the focus on to the next widget that takes it (the rule filter, as the
            # list is off while saving); give it back to the rule list once the save is over.
            self._refocus_list = True
        if self._refocus_list and not busy and self.tab.table.isEnabled():
            self._refocus_list = False
            self.tab.table.setFocus(Qt.OtherFocusReason)
        hint = self.tr("Fix the marked field on the Leak protection tab first.") if blocked else ""
        for button, usual in (
            (self.apply_button, self.tr("Save the changes ({keys})")),
            (self.ok_button, self.tr("Save the changes and close ({keys})")),
        ):
            keys = button.shortcut().toString(QKeySequence.NativeText)
            button.setToolTip(hint or usual.format(keys=keys))
        self.reload_button.setEnabled(not busy)
        if not modified and self._armed is not None:
            self._disarm()
        marker = " *" if modified else ""
        title = self.windowTitle().rstrip(" *")
        self.setWindowTitle(title + marker)
