"""The full-access box: start, extend and end a timed full-access window.

It only shows and asks: its owner (the firewall tab, or the stand-alone
full-access window) computes the new rule list with model.full_access, saves
it with one Set and hands the saved list back through `set_rules`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PyQt5 import uic
from PyQt5.QtCore import QTime, QTimer, pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import QWidget

from qubes_fw_gui import paths
from qubes_fw_gui.model.full_access import FullAccessWindow, allows_everything, find_window
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.widgets.countdown import Clock, Countdown, format_end_time, format_remaining

PRESETS = (5, 15, 30, 60)
_WARNING_STYLE = "color: #a35200;"


def next_time_of_day(hour: int, minute: int, now: float) -> int:
    """The next local moment at hour:minute after `now`: today, or tomorrow if already past."""
    today = time.localtime(now)
    for day_offset in (0, 1):
        moment = int(
            time.mktime(
                (today.tm_year, today.tm_mon, today.tm_mday + day_offset, hour, minute, 0, 0, 0, -1)
            )
        )
        if moment > now:
            return moment
    return moment  # unreachable except for odd DST gaps; tomorrow's try is the answer


class FullAccessBox(QWidget):
    """"Allow full access for [15] min" with presets, a time of day, Start / Extend / End now."""

    start_requested = pyqtSignal(int)  # the end, UNIX time
    extend_requested = pyqtSignal(int)  # the new end, UNIX time
    end_requested = pyqtSignal()
    # "12:41 left" while a window is active, "" when not: for a window title or tray.
    summary_changed = pyqtSignal(str)

    def __init__(self, parent: QWidget | None = None, *, clock: Clock = time.time) -> None:
        super().__init__(parent)
        uic.loadUi(paths.ui_file("full_access_box.ui"), self)
        self._clock = clock
        self._window: FullAccessWindow | None = None
        self._enforced = True
        self._busy = False
        self._open_anyway = False  # the rules accept everything without a window
        self._summary = ""
        self._countdown = Countdown(self, clock=clock)
        self._countdown.changed.connect(self._show_state)
        self._countdown.expired.connect(self._on_expired)

        for minutes in PRESETS:
            button = getattr(self, f"preset{minutes}")
            button.setText(str(minutes))
            button.setToolTip(self.tr("Full access for {n} minutes").format(n=minutes))
            button.clicked.connect(lambda _checked=False, m=minutes: self._choose_minutes(m))
        self.minutesSpin.setSuffix(self.tr(" min"))
        self.minutesSpin.valueChanged.connect(lambda _value: self.forRadio.setChecked(True))
        self.untilEdit.timeChanged.connect(self._on_time_changed)
        self.forRadio.toggled.connect(lambda _on: self._refresh())
        self.startButton.clicked.connect(self._on_start)
        self.extendButton.clicked.connect(self._on_extend)
        self.endButton.clicked.connect(self.end_requested)
        for label in (self.positionLabel, self.enforcedLabel):
            label.setStyleSheet(_WARNING_STYLE)
        font = self.noteLabel.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.noteLabel.setFont(font)

        # A sensible default for "until": an hour from now, on the next quarter hour.
        later = time.localtime(clock() + 3600)
        self.untilEdit.setTime(QTime(later.tm_hour, later.tm_min - later.tm_min % 15))
        self.forRadio.setChecked(True)
        # "today"/"tomorrow" beside the time of day changes as the clock passes it.
        self._day_timer = QTimer(self)
        self._day_timer.timeout.connect(self._refresh)
        self._day_timer.start(30_000)
        self._refresh()

    # -- what the owner tells the box ---------------------------------------

    def set_rules(self, rules: Sequence[Rule]) -> None:
        """Show whether the list holds an active window, wherever it was made."""
        now = self._clock()
        self._window = find_window(list(rules), now)
        self._open_anyway = allows_everything(list(rules), now)
        self._countdown.set_until(self._window.until if self._window else None)
        self._refresh()

    def set_enforced(self, enforced: bool, reason: str | None = None) -> None:
        """False when the qube's netvm does not apply firewall rules (the window does nothing).

        `reason` replaces the general sentence, e.g. when the qube has no netvm at all.
        """
        self._enforced = enforced
        self.enforcedLabel.setText(
            reason
            or self.tr(
                "The netvm of this qube does not enforce the firewall, so a full-access window "
                "has no effect."
            )
        )
        self._refresh()

    @pyqtSlot(bool)
    def set_busy(self, busy: bool) -> None:
        """While the owner saves: no second request, and say so."""
        self._busy = busy
        self._refresh()

    # -- what the box shows --------------------------------------------------

    def window(self) -> FullAccessWindow | None:
        return self._window

    def is_active(self) -> bool:
        return self._window is not None

    def chosen_end(self, active_until: int | None = None) -> int:
        """The end the controls ask for: from now, or from `active_until` when extending."""
        now = self._clock()
        if self.untilRadio.isChecked():
            chosen = self.untilEdit.time()
            return next_time_of_day(chosen.hour(), chosen.minute(), now)
        start = active_until if active_until is not None else int(now)
        return int(start) + self.minutesSpin.value() * 60

    def _choose_minutes(self, minutes: int) -> None:
        self.minutesSpin.setValue(minutes)
        self.forRadio.setChecked(True)

    def _on_time_changed(self, _time: QTime) -> None:
        self.untilRadio.setChecked(True)
        self._refresh()

    def _on_start(self) -> None:
        if not self._busy and self._window is None:
            self.start_requested.emit(self.chosen_end())

    def _on_extend(self) -> None:
        if self._busy or self._window is None:
            return
        until = self.chosen_end(self._window.until)
        if until > self._window.until:
            self.extend_requested.emit(until)

    def _on_expired(self) -> None:
        # dom0 removes it now; until its firewall-changed arrives, it is already not active.
        self._window = None
        self._countdown.set_until(None)
        self._refresh()

    def _show_state(self, _text: str = "") -> None:
        if self._window is None:
            self.stateLabel.setText(self.tr("Full access is off."))
            summary = ""
        else:
            self.stateLabel.setText(
                self.tr("<b>Full access is on</b>: {ends}.").format(ends=self._countdown.text())
            )
            summary = self.tr("{left} left").format(
                left=format_remaining(self._countdown.remaining())
            )
        if summary != self._summary:
            self._summary = summary
            self.summary_changed.emit(summary)

    def _refresh(self) -> None:
        now = self._clock()
        active = self._window is not None
        self._show_state()

        chosen = self.untilEdit.time()
        end = next_time_of_day(chosen.hour(), chosen.minute(), now)
        day_gap = time.localtime(end).tm_yday != time.localtime(now).tm_yday
        self.untilDayLabel.setText(self.tr("tomorrow") if day_gap else self.tr("today"))

        self.startButton.setVisible(not active)
        self.extendButton.setVisible(active)
        self.endButton.setVisible(active)
        self.forRadio.setText(
            self.tr("Extend by") if active else self.tr("Allow full access for")
        )
        self.untilRadio.setText(self.tr("until a time of day"))

        hint = ""
        extend_ok = True
        if active and self.untilRadio.isChecked():
            assert self._window is not None
            if self.chosen_end(self._window.until) <= self._window.until:
                extend_ok = False
                hint = self.tr("The window already lasts until {time}.").format(
                    time=format_end_time(self._window.until, now)
                )
        if self._busy:
            hint = self.tr("Saving…")
        self.hintLabel.setText(hint)
        self.startButton.setEnabled(not self._busy)
        self.extendButton.setEnabled(not self._busy and extend_ok)
        self.endButton.setEnabled(not self._busy)

        window = self._window
        if window is not None and window.drops_before:
            self.positionLabel.setText(
                self.tr(
                    "This full-access rule is rule {n} in the list, not the first: the drop "
                    "rules above it (rule {rules}) still block what they match."
                ).format(n=window.index + 1, rules=", ".join(str(i + 1) for i in window.drops_before))
            )
            self.positionLabel.show()
        elif window is None and self._open_anyway and self._enforced:
            # (where the rules are not applied at all, the sentence below says what matters)
            self.positionLabel.setText(
                self.tr(
                    "The first rule of this qube already accepts every connection: a "
                    "full-access window changes nothing."
                )
            )
            self.positionLabel.show()
        else:
            self.positionLabel.hide()
        self.enforcedLabel.setVisible(not self._enforced)
