"""Follow admin.Events for one qube on a plain thread and re-emit them on the GUI thread.

The stream blocks while it waits, so it gets a daemon thread of its own
(not the shared pool, which the view's own Admin API calls need).
"""

from __future__ import annotations

import threading

from PyQt5.QtCore import QCoreApplication, QObject, pyqtSignal

from qubes_fw_gui.admin.port import AdminPort, EventStream


class EventFollower(QObject):
    """Emits `firewall_changed()` and `qube_changed(name)` (properties, features, start/stop).

    `connected()` once the stream is open; `failed(why)` when it cannot open or ends
    while still wanted (dom0's qubesd restarted): the owner decides whether to retry.
    """

    firewall_changed = pyqtSignal()
    qube_changed = pyqtSignal(str)
    connected = pyqtSignal()
    failed = pyqtSignal(str)

    def __init__(self, port: AdminPort, qube: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._port = port
        self._qube = qube
        self._stream: EventStream | None = None
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._follow, name=f"events-{qube}", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        stream = self._stream
        if stream is not None:
            try:
                stream.close()
            except Exception:  # noqa: BLE001, S110 - closing a dead stream is fine
                pass

    def _follow(self) -> None:
        try:
            self._stream = self._port.events(self._qube)
            if self._stopped.is_set():
                self._stream.close()
                return
            self.connected.emit()
            for event in self._stream:
                if self._stopped.is_set():
                    break
                if event.name == "firewall-changed":
                    self.firewall_changed.emit()
                elif event.subject and not event.name.startswith(("connection-", "admin-")):
                    self.qube_changed.emit(event.subject)
            if not self._stopped.is_set():
                # qubesd closed the stream (restarted or went away): no more events will come.
                self.failed.emit(QCoreApplication.translate("EventFollower", "dom0 closed the event stream"))
        except RuntimeError:
            return  # the view was deleted while the stream was open: nobody to tell
        except Exception as error:  # noqa: BLE001 - the view shows it; editing goes on
            if not self._stopped.is_set():
                try:
                    self.failed.emit(str(error))
                except RuntimeError:
                    return
