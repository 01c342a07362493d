"""The stand-alone temporary full-access button: `qubes-fw-gui --full-access QUBE`.

A small window around a FullAccessBox for one qube. It touches only its own
rule: each Start / Extend / End now re-reads the qube's rules, applies the
model function to that fresh list and saves it with one Set, so edits made
elsewhere meanwhile are kept. It follows the qube's `firewall-changed`
events, so a window opened elsewhere, or one dom0 expired, shows at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PyQt5 import uic
from PyQt5.QtCore import QCoreApplication, pyqtSignal
from PyQt5.QtGui import QCloseEvent, QIcon
from PyQt5.QtWidgets import QWidget

from qubes_fw_gui import paths
from qubes_fw_gui.admin.port import AdminPort, QubeInfo
from qubes_fw_gui.model import full_access
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.widgets.countdown import Clock
from qubes_fw_gui.widgets.event_follower import EventFollower
from qubes_fw_gui.widgets.full_access_box import FullAccessBox
from qubes_fw_gui.widgets.worker import run_in_background

RuleChange = Callable[[list[Rule]], list[Rule]]
_ERROR_STYLE = "color: #b00000;"


@dataclass(frozen=True)
class _Loaded:
    info: QubeInfo
    colour: str
    rules: list[Rule]
    enforcement: str | None  # None when enforced, else why not


def enforcement_problem(port: AdminPort, info: QubeInfo) -> str | None:
    """Why this qube's rules would not be applied, or None when its netvm enforces them."""
    translate = QCoreApplication.translate
    if info.netvm is None:
        if info.provides_network:
            return translate("FullAccessWindow",
                "This qube has direct network access; firewall rules, and so a "
                "full-access window, are not used for it.")
        return translate("FullAccessWindow",
            "This qube has no netvm, so it has no network at all: a full-access window "
            "has no effect.")
    if not port.check_feature_with_template(info.netvm, "qubes-firewall"):
        return translate("FullAccessWindow",
            "The netvm {netvm} does not support 'qubes-firewall': it does not enforce "
            "the rules, so a full-access window has no effect.").format(netvm=info.netvm)
    if port.get_feature(info.netvm, "service.qubes-firewall") == "":
        return translate("FullAccessWindow",
            "The qubes-firewall service is turned off in the netvm {netvm}: it does not "
            "enforce the rules, so a full-access window has no effect.").format(netvm=info.netvm)
    return None


class FullAccessWindow(QWidget):
    """The qube's name and label colour, the duration, Start / Extend / End now and the countdown."""

    loaded = pyqtSignal()  # the rules were (re)read and are shown
    saved = pyqtSignal()  # a change was saved and read back

    def __init__(
        self,
        port: AdminPort,
        qube: str,
        minutes: int = 15,
        parent: QWidget | None = None,
        *,
        clock: Clock = time.time,
    ) -> None:
        super().__init__(parent)
        uic.loadUi(paths.ui_file("full_access_window.ui"), self)
        self._port = port
        self._qube = qube
        self._busy = False
        self._reload_pending = False
        self._saves_started = 0  # a read begun before a later save is stale when it lands
        self._closed = False

        self.box = FullAccessBox(self, clock=clock)
        self.boxHolder.addWidget(self.box)
        self.box.minutesSpin.setValue(max(1, min(minutes, self.box.minutesSpin.maximum())))
        self.box.start_requested.connect(
            lambda until: self._apply(lambda rules: full_access.open_window(rules, until))
        )
        self.box.extend_requested.connect(
            lambda until: self._apply(lambda rules: full_access.extend_window(rules, until))
        )
        self.box.end_requested.connect(lambda: self._apply(full_access.end_window))
        self.closeButton.clicked.connect(self.close)
        self.errorLabel.setStyleSheet(_ERROR_STYLE)
        self.errorLabel.hide()

        self._show_title("")
        self.box.summary_changed.connect(self._show_title)
        self.setWindowIcon(QIcon(str(paths.resource("icons/qubes-fw-full-access.svg"))))
        self.qubeLabel.setText(f"<b>{qube}</b>")
        self._set_colour(None)
        self.box.setEnabled(False)
        self.statusLabel.setText(self.tr("Loading…"))

        # The editor's follower: firewall-changed for the rules, any other event of
        # the qube (a new netvm, say) for whether its netvm enforces them.
        self._follower = EventFollower(port, qube, self)
        self._follower.firewall_changed.connect(self.reload)
        self._follower.qube_changed.connect(lambda _subject: self.reload())
        self._follower.failed.connect(self._on_events_failed)
        self._follower.start()
        self.reload()

    @property
    def qube(self) -> str:
        return self._qube

    def is_busy(self) -> bool:
        """True while a Start / Extend / End now is being saved."""
        return self._busy

    # -- reading --------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the qube, its netvm and its rules (off the GUI thread)."""
        if self._busy:
            self._reload_pending = True  # after the save, which reads back anyway
            return
        saves_before = self._saves_started
        run_in_background(
            self._read,
            lambda loaded: self._on_loaded(loaded, saves_before),
            self._on_load_failed,
            receiver=self,
        )

    def _read(self) -> _Loaded:
        info = self._port.get_qube(self._qube)
        colour = self._port.label_color(info.label)
        rules = self._port.get_rules(self._qube)
        return _Loaded(info, colour, rules, enforcement_problem(self._port, info))

    def _on_loaded(self, loaded: _Loaded, saves_before: int = 0) -> None:
        if self._closed:
            return
        if saves_before != self._saves_started:
            return  # read before a later save: that save's own read-back is newer
        self._set_colour(loaded.colour)
        self.netvmLabel.setText(
            self.tr("netvm: {netvm}").format(netvm=loaded.info.netvm)
            if loaded.info.netvm
            else self.tr("no netvm")
        )
        self.box.set_enforced(loaded.enforcement is None, loaded.enforcement)
        self.box.set_rules(loaded.rules)
        self.box.setEnabled(True)
        self.statusLabel.setText("")
        self._show_error(None)
        self.loaded.emit()

    def _on_load_failed(self, error: Exception) -> None:
        self.statusLabel.setText("")
        self._show_error(
            self.tr("Could not read the rules of {qube}: {why}").format(qube=self._qube, why=_why(error))
        )

    # -- saving ---------------------------------------------------------------

    def _apply(self, change: RuleChange) -> None:
        """Apply `change` to the rules as they are now in dom0 and save the result with one Set."""
        if self._busy:
            return
        self._set_busy(True)
        self._saves_started += 1
        run_in_background(
            lambda: self._save(change), self._on_saved, self._on_save_failed, receiver=self
        )

    def _save(self, change: RuleChange) -> list[Rule]:
        # Re-read first: whatever changed elsewhere since loading is kept, only our rule moves.
        fresh = self._port.get_rules(self._qube)
        self._port.set_rules(self._qube, change(fresh))
        return self._port.get_rules(self._qube)

    def _on_saved(self, rules: list[Rule]) -> None:
        self._set_busy(False)
        self.box.set_rules(rules)
        self._show_error(None)
        self.saved.emit()

    def _on_save_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._show_error(
            self.tr("Could not save the rules of {qube}; nothing was changed: {why}").format(
                qube=self._qube, why=_why(error)
            )
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.box.set_busy(busy)
        if not busy and self._reload_pending:
            self._reload_pending = False
            self.reload()

    # -- showing --------------------------------------------------------------

    def _set_colour(self, colour: str | None) -> None:
        css = "#888888" if colour is None else "#" + colour.removeprefix("0x").rjust(6, "0")
        self.labelSwatch.setStyleSheet(
            f"background-color: {css}; border: 1px solid #404040; border-radius: 3px;"
        )

    def _show_title(self, summary: str) -> None:
        # The remaining time in the title shows in the task bar even when minimised.
        if summary:
            title = self.tr("Full access: {qube}, {summary}").format(qube=self._qube, summary=summary)
        else:
            title = self.tr("Full access: {qube}").format(qube=self._qube)
        self.setWindowTitle(title)

    def _show_error(self, text: str | None) -> None:
        self.errorLabel.setText(text or "")
        self.errorLabel.setVisible(bool(text))
        self._grow_to_fit()

    def _on_events_failed(self, why: str) -> None:
        self.statusLabel.setText(
            self.tr("Not following changes made elsewhere ({why}).").format(why=why)
        )
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Make room for a wrapped message: Qt's minimum size ignores how tall wrapped text gets,
        so a long error (a socket path, a hint) was cut at the window's edge."""
        layout = self.layout()
        layout.activate()
        width = self.width()
        need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        if need > self.height():
            self.resize(width, need)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop following events (the window's rule itself keeps running until its end)."""
        self._closed = True
        self._follower.stop()


def _why(error: Exception) -> str:
    return getattr(error, "message", None) or str(error) or type(error).__name__
