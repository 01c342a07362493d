"""Run Admin API calls off the GUI thread and hand the result back to it.

Every dom0 call can block (a slow qubesd, a 64 KiB Set), so views never call
the port directly: they call `run_in_background` and react to its signals,
which Qt delivers on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PyQt5.QtCore import QObject, QRunnable, QThreadPool, pyqtSignal

_in_flight: set[BackgroundCall] = set()


class BackgroundCall(QObject):
    """One call on the thread pool. Exactly one of succeeded/failed fires, then done."""

    succeeded = pyqtSignal(object)
    failed = pyqtSignal(object)  # the exception
    done = pyqtSignal()

    def __init__(self, function: Callable[[], Any]) -> None:
        super().__init__()
        self._function = function

    def _run(self) -> None:
        try:
            result = self._function()
        except Exception as error:  # noqa: BLE001 - every failure goes to the view
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        self.done.emit()


class _Runnable(QRunnable):
    def __init__(self, call: BackgroundCall) -> None:
        super().__init__()
        self._call = call

    def run(self) -> None:
        self._call._run()


def run_in_background(
    function: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    receiver: QObject | None = None,
) -> BackgroundCall:
    """Start `function()` on the pool; callbacks run on the GUI thread.

    Pass `receiver` (usually the calling widget) so callbacks are dropped
    once that widget is deleted.
    """
    call = BackgroundCall(function)
    # The call object lives on the GUI thread, so its signals queue to it.
    if on_success is not None:
        call.succeeded.connect(on_success if receiver is None else _bound(receiver, on_success))
    if on_error is not None:
        call.failed.connect(on_error if receiver is None else _bound(receiver, on_error))
    _in_flight.add(call)
    call.done.connect(lambda: _in_flight.discard(call))
    QThreadPool.globalInstance().start(_Runnable(call))
    return call


def _bound(receiver: QObject, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    from PyQt5 import sip  # tells whether the C++ object still exists

    def deliver(value: Any) -> None:
        if not sip.isdeleted(receiver):
            callback(value)

    return deliver
