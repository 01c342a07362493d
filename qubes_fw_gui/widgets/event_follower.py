"""Follow admin.Events for one qube on a plain thread and re-emit them on the GUI thread.

The stream blocks while it waits, so it gets a daemon thread of its own
(not the shared pool, which the view's own Admin API calls need). The thread
never touches the follower's Qt side: it posts to the GUI thread, where the
signals are emitted only while the follower (and so its view) still exists.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PyQt5 import sip
from PyQt5.QtCore import QCoreApplication, QObject, pyqtSignal

from qubes_fw_gui.admin.port import AdminPort, Event, EventStream
from qubes_fw_gui.widgets.worker import post_to_gui_thread, prepare_gui_dispatch


class EventFollower(QObject):
    """Emits `event_arrived(Event)` for every event, and for convenience
    `firewall_changed()` and `qube_changed(name)` (properties, features, start/stop).

    `connected()` once the stream is open; `failed(why)` when it cannot open or ends
    while still wanted (dom0's qubesd restarted): the owner decides whether to retry.
    Give it a parent (its view): Qt then owns it, so the reader thread can never be
    the one that deletes it.
    """

    event_arrived = pyqtSignal(object)
    firewall_changed = pyqtSignal()
    qube_changed = pyqtSignal(str)
    connected = pyqtSignal()
    failed = pyqtSignal(str)

    def __init__(self, port: AdminPort, qube: str | None, parent: QObject) -> None:
        super().__init__(parent)
        self._port = port
        self._qube = qube
        self._stream: EventStream | None = None
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._follow, name=f"events-{qube}", daemon=True)
        # No `destroyed` hook here: PyQt crashes calling a slot while the sender is torn
        # down. Views call stop(); a follower whose view vanished ends at its next event.

    def start(self) -> None:
        prepare_gui_dispatch()
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        with self._lock:
            stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.close()
            except Exception:  # noqa: BLE001, S110 - closing a dead stream is fine
                pass

    # -- GUI thread ---------------------------------------------------------------------------

    def _deliver(self, emit: Callable[[], None]) -> None:
        if not self._stopped.is_set() and not sip.isdeleted(self):
            emit()

    def _on_event(self, event: Event) -> None:
        self.event_arrived.emit(event)
        if event.name == "firewall-changed":
            self.firewall_changed.emit()
        elif event.subject and not event.name.startswith(("connection-", "admin-")):
            self.qube_changed.emit(event.subject)

    # -- reader thread ------------------------------------------------------------------------

    def _post(self, emit: Callable[[], None]) -> None:
        post_to_gui_thread(lambda: self._deliver(emit))

    def _follow(self) -> None:
        try:
            stream = self._port.events(self._qube)
        except Exception as error:  # noqa: BLE001 - the view shows it; editing goes on
            self._post(lambda why=str(error): self.failed.emit(why))
            return
        with self._lock:
            if self._stopped.is_set():
                stream.close()
                return
            self._stream = stream
        self._post(self.connected.emit)
        try:
            for event in stream:
                if self._stopped.is_set() or sip.isdeleted(self):
                    return
                self._post(lambda event=event: self._on_event(event))
        except Exception as error:  # noqa: BLE001 - the view shows it; editing goes on
            self._post(lambda why=str(error): self.failed.emit(why))
            return
        finally:
            stream.close()
        # qubesd closed the stream (restarted or went away): no more events will come.
        self._post(lambda: self.failed.emit(QCoreApplication.translate("EventFollower", "dom0 closed the event stream")))
