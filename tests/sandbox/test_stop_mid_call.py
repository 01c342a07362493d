"""A dom0 that goes away must not leave the editor waiting: every call in flight ends."""

import threading
import time
from pathlib import Path

import pytest

from qubes_fw_gui.admin.port import AdminError
from qubes_fw_gui.admin.socket_client import SocketAdminPort
from qubes_fw_gui.sandbox.embedded import EmbeddedSandbox


@pytest.mark.parametrize("attempt", range(6))  # the race is narrow: stop mid-set-up several times
def test_stopping_while_calls_are_in_flight_ends_every_call_promptly(tmp_path: Path, attempt: int) -> None:
    sandbox = EmbeddedSandbox(tmp_path / "state").start()
    port = SocketAdminPort(sandbox.socket_path)
    finished: list[float] = []
    failures: list[Exception] = []

    def keep_reading() -> None:
        started = time.monotonic()
        try:
            while True:
                port.get_rules("work")
        except AdminError as error:  # the expected end: dom0 is gone
            failures.append(error)
        finished.append(time.monotonic() - started)

    readers = [threading.Thread(target=keep_reading, daemon=True) for _ in range(8)]
    for reader in readers:
        reader.start()
    time.sleep(0.05)  # calls are being accepted, set up and answered right now
    stopped_at = time.monotonic()
    sandbox.stop()
    for reader in readers:
        reader.join(timeout=5)
    assert not any(reader.is_alive() for reader in readers), "a call still waits for a dead dom0"
    assert len(failures) == len(readers)
    assert time.monotonic() - stopped_at < 5
