"""End times and live countdowns for rules that expire.

Shared by the full-access box, the stand-alone full-access window and the
rule table's Expires column. Expiry is UNIX time. The remaining time is
always recomputed from the wall clock (`clock()`, default time.time) on each
tick; the tick itself comes from a monotonic QTimer aligned to the next whole
wall-clock second. After a suspend or a clock change the next tick (at most
a second later) shows the right value again.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PyQt5.QtCore import QCoreApplication, QObject, Qt, QTimer, pyqtSignal

Clock = Callable[[], float]

# Land just after the second boundary, never just before it.
_SLACK_MS = 5


def remaining_seconds(until: float, now: float) -> int:
    """Whole seconds left, rounded up: 0 exactly when the rule has expired."""
    return max(0, math.ceil(until - now))


def format_remaining(seconds: int) -> str:
    """`0:41`, `12:41`, `1:02:41`, `2 d 1:02:41`."""
    days, rest = divmod(max(0, seconds), 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return QCoreApplication.translate("Countdown", "{days} d {h}:{m:02}:{s:02}").format(days=days, h=hours, m=minutes, s=secs)
    if hours:
        return f"{hours}:{minutes:02}:{secs:02}"
    return f"{minutes}:{secs:02}"


def format_end_time(until: float, now: float) -> str:
    """The local end time: `14:32:05` today, `tomorrow 09:00`, else with its date."""
    end = time.localtime(until)
    clock_text = time.strftime("%H:%M" if end.tm_sec == 0 else "%H:%M:%S", end)
    today = time.localtime(now)
    day_gap = _day_number(end) - _day_number(today)
    if day_gap == 0:
        return clock_text
    if day_gap == 1:
        return QCoreApplication.translate("Countdown", "tomorrow {time}").format(time=clock_text)
    return time.strftime("%Y-%m-%d ", end) + clock_text


def format_ends(until: float, now: float) -> str:
    """`ends 14:32:05 (in 12:41)`; `ended 14:32` once past."""
    left = remaining_seconds(until, now)
    if left == 0:
        return QCoreApplication.translate("Countdown", "ended {time}").format(time=format_end_time(until, now))
    return QCoreApplication.translate("Countdown", "ends {time} (in {left})").format(
        time=format_end_time(until, now), left=format_remaining(left)
    )


def _day_number(moment: time.struct_time) -> int:
    # Calendar days in local time, so "tomorrow" follows the person's clock.
    return int(time.mktime((moment.tm_year, moment.tm_mon, moment.tm_mday, 12, 0, 0, 0, 0, -1)) // 86400)


class SecondTicker(QObject):
    """Emits `ticked(now)` just after every whole wall-clock second while started.

    Expiry times are whole seconds, so every remaining time changes exactly
    then: one ticker can drive any number of countdowns (e.g. a table column).
    It wakes every half second and emits when the wall clock's whole second
    differs from the last one emitted, so a jump of the clock (suspend, NTP,
    a person changing it) shows within half a second, not a whole one.
    """

    ticked = pyqtSignal(float)

    def __init__(self, parent: QObject | None = None, *, clock: Clock = time.time) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.PreciseTimer)  # monotonic; only its alignment comes from the wall clock
        self._timer.timeout.connect(self._tick)
        self._last_second: int | None = None

    @property
    def clock(self) -> Clock:
        return self._clock

    def start(self) -> None:
        if not self._timer.isActive():
            self._last_second = int(self._clock())
            self._schedule()

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def _schedule(self) -> None:
        fraction = self._clock() % 0.5
        self._timer.start(int((0.5 - fraction) * 1000) + _SLACK_MS)

    def _tick(self) -> None:
        self._schedule()
        now = self._clock()
        if int(now) != self._last_second:
            self._last_second = int(now)
            self.ticked.emit(now)


class Countdown(QObject):
    """The live `ends ... (in ...)` text for one expiry time.

    `changed(text)` fires whenever the text changes (at most once a second);
    `expired()` fires once when the remaining time reaches zero.
    """

    changed = pyqtSignal(str)
    expired = pyqtSignal()

    def __init__(self, parent: QObject | None = None, *, clock: Clock = time.time) -> None:
        super().__init__(parent)
        self._ticker = SecondTicker(self, clock=clock)
        self._ticker.ticked.connect(self._update)
        self._until: int | None = None
        self._text = ""

    @property
    def until(self) -> int | None:
        return self._until

    def text(self) -> str:
        return self._text

    def remaining(self) -> int:
        if self._until is None:
            return 0
        return remaining_seconds(self._until, self._ticker.clock())

    def set_until(self, until: int | None) -> None:
        """Follow a new expiry time (None: nothing to count, the text is empty)."""
        self._until = until
        if until is None:
            self._ticker.stop()
            self._set_text("")
            return
        self._ticker.start()
        self._update(self._ticker.clock())

    def _update(self, now: float) -> None:
        if self._until is None:
            return
        self._set_text(format_ends(self._until, now))
        if remaining_seconds(self._until, now) == 0:
            self._ticker.stop()
            self.expired.emit()

    def _set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.changed.emit(text)
