"""Run Admin API calls off the GUI thread and hand the result back to it.

Every dom0 call can block (a slow qubesd, a 64 KiB Set), so views never call
the port directly: they call `run_in_background` and get callbacks on the GUI
thread.

Two PyQt rules keep this crash-free, whatever the person closes meanwhile:
- a worker thread never emits on (or deletes) a QObject that a view owns: it
  only posts to `_Dispatcher`, which lives on the GUI thread for good;
- a worker thread never holds the last reference to what the callable
  captured (often a widget): it drops its reference, and the traceback's
  frames, before posting, so the GUI thread always releases last.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PyQt5 import sip
from PyQt5.QtCore import QObject, QRunnable, QThreadPool, pyqtSignal


class _Dispatcher(QObject):
    """Runs posted callables on the GUI thread (queued when posted from another thread)."""

    posted = pyqtSignal(object)
    finished = pyqtSignal(int, object, object)

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._run)
        self.finished.connect(_finish)

    @staticmethod
    def _run(function: Callable[[], None]) -> None:
        function()


_dispatcher: _Dispatcher | None = None
_pending: dict[int, tuple[Callable[[], Any], Callable[[Any], None] | None, Callable[[Exception], None] | None]] = {}
_ids = itertools.count()


def prepare_gui_dispatch() -> None:
    """Create the dispatcher if needed; call on the GUI thread (views do, before any thread posts)."""
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()


def post_to_gui_thread(function: Callable[[], None]) -> None:
    """Run `function()` on the GUI thread; safe to call from any thread.

    Call `prepare_gui_dispatch()` on the GUI thread before a thread of your own posts.
    """
    assert _dispatcher is not None, "prepare_gui_dispatch() was not called on the GUI thread"
    _dispatcher.posted.emit(function)


def _finish(call_id: int, result: Any, error: Exception | None) -> None:
    _function, on_success, on_error = _pending.pop(call_id)
    if error is None:
        if on_success is not None:
            on_success(result)
    elif on_error is not None:
        on_error(error)


def _without_frames(error: BaseException) -> BaseException:
    # Frames hold the callable's locals (views); they must not travel or die on the worker.
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__
    return error


class _Runnable(QRunnable):
    def __init__(self, call_id: int, function: Callable[[], Any]) -> None:
        super().__init__()
        self._call_id = call_id
        self._function: Callable[[], Any] | None = function

    def run(self) -> None:
        function, self._function = self._function, None
        assert function is not None
        try:
            result, error = function(), None
        except Exception as caught:  # noqa: BLE001 - every failure goes to the view
            result, error = None, _without_frames(caught)
        del function  # _pending keeps its own reference: the GUI thread releases last
        assert _dispatcher is not None
        _dispatcher.finished.emit(self._call_id, result, error)


def run_in_background(
    function: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    receiver: QObject | None = None,
) -> int:
    """Start `function()` on the pool; callbacks run on the GUI thread.

    Pass `receiver` (usually the calling widget) so callbacks are dropped once
    that widget is deleted. Returns an id for logs and tests.
    """
    prepare_gui_dispatch()
    if receiver is not None:
        on_success = _bound(receiver, on_success)
        on_error = _bound(receiver, on_error)
    call_id = next(_ids)
    _pending[call_id] = (function, on_success, on_error)
    QThreadPool.globalInstance().start(_Runnable(call_id, function))
    return call_id


def _bound(receiver: QObject, callback: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
    if callback is None:
        return None

    def deliver(value: Any) -> None:
        if not sip.isdeleted(receiver):
            callback(value)

    return deliver
