"""What every screenshot script shares: an offscreen Qt application, a fresh
sandbox dom0 with the demo world to render against, waiting for a window to
reach the state worth a picture, and saving the picture.

A script defines `shoot(port, out)` and ends with
`sys.exit(common.main(sys.argv, shoot))`; tools/shots/all.py passes every
script's `shoot`, and each renders against its own fresh sandbox.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PyQt5.QtCore import QCoreApplication, QEventLoop
from PyQt5.QtWidgets import QApplication, QWidget

from qubes_fw_gui.admin.port import AdminPort

Shoot = Callable[[AdminPort, Path], None]


def application() -> QApplication:
    """The one QApplication, offscreen (no display needed) and in the Fusion style."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the application is made
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    return app


@contextmanager
def demo_port() -> Iterator[AdminPort]:
    """A socket port on a fresh sandbox dom0 whose state lives only as long as the block."""
    from qubes_fw_gui.admin.socket_client import SocketAdminPort
    from qubes_fw_gui.sandbox.embedded import EmbeddedSandbox

    with tempfile.TemporaryDirectory() as state, EmbeddedSandbox(Path(state) / "sandbox") as sandbox:
        yield SocketAdminPort(sandbox.socket_path)


def wait_until(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Run the event loop until `condition` holds; a picture of the wrong state is worse than none."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the state to photograph")
        QCoreApplication.processEvents(QEventLoop.AllEvents, 50)


def settle(seconds: float = 0.3) -> None:
    """Run the event loop for a while: replies, timers and layouts catch up."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.AllEvents, 50)


def save(widget: QWidget, path: Path) -> None:
    settle()  # let word-wrapped labels and resized columns lay themselves out
    widget.grab().save(str(path))
    print(path)


def main(argv: list[str], *parts: Shoot) -> int:
    """`python tools/shots/<part>.py OUT_DIR`: each part shoots against its own fresh sandbox."""
    out = Path(argv[1] if len(argv) > 1 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    for shoot in parts:
        with demo_port() as port:
            shoot(port, out)
    app.quit()
    return 0
