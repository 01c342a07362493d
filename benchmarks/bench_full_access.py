"""Issue 5's full-access numbers.

- find_window / open_window on a 1,000-rule list whose window is last
  (the worst case: qvm-firewall added it just before the final drop);
- Start, Extend and End now in the stand-alone window, click to saved, with
  1,000 rules in the qube, through the sandbox dom0's real socket (each is a
  Get, one Set, and a Get to read back);
- how late after each whole wall-clock second the countdown's tick lands
  (the remaining time changes exactly then);
- after the wall clock jumps (a suspend, a clock change), how long until the
  countdown shows the right remaining time.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-" + str(os.getuid()))

from benchmarks.table import Row, best_of, print_table  # noqa: E402

RULES = 1000
TICKS = 4


def _rules(count: int) -> list[str]:
    # Short enough that 1,000 of them fit one Set (64 KiB), like qubesd's measured limit.
    lines = [
        f"action=accept dst4=10.{i // 250}.{i % 250}.1/32 proto=tcp dstports=443-443"
        for i in range(count - 2)
    ]
    return [*lines, f"action=accept expire={int(time.time()) + 3600}", "action=drop"]


def _spin_until(condition, seconds: float = 10.0) -> None:  # noqa: ANN001 - a predicate
    from PyQt5.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark step did not finish")
        QCoreApplication.processEvents(QEventLoop.AllEvents, 5)


def _model_rows() -> list[Row]:
    from qubes_fw_gui.model.full_access import find_window, open_window
    from qubes_fw_gui.model.payload import parse_lines

    rules = parse_lines("\n".join(_rules(RULES)))
    now = time.time()
    found = find_window(rules, now)
    assert found is not None and found.index == RULES - 2, "the window to find is second to last"
    return [
        Row(f"find_window, {RULES:,} rules, window near the end", best_of(lambda: find_window(rules, now)), "ms", 20),
        Row(f"open_window, {RULES:,} rules", best_of(lambda: open_window(rules, int(now) + 60)), "ms", 20),
    ]


def _window_rows(port, sandbox) -> list[Row]:  # noqa: ANN001 - socket port and sandbox
    from PyQt5.QtCore import Qt
    from PyQt5.QtTest import QTest

    from qubes_fw_gui.widgets.full_access_window import FullAccessWindow

    sandbox.seed_rules("work", _rules(RULES)[:-2] + ["action=drop"])
    window = FullAccessWindow(port, "work", 15)
    window.show()
    _spin_until(window.box.isEnabled)
    rows = []
    for name, button, active_after in (
        ("Start", window.box.startButton, True),
        ("Extend", window.box.extendButton, True),
        ("End now", window.box.endButton, False),
    ):
        best = float("inf")
        for _ in range(3):
            saved: list[float] = []
            window.saved.connect(lambda saved=saved: saved.append(time.perf_counter()))
            started = time.perf_counter()
            QTest.mouseClick(button, Qt.LeftButton)
            _spin_until(lambda saved=saved: bool(saved) or window.errorLabel.isVisible())
            window.saved.disconnect()
            if not saved:
                raise RuntimeError(window.errorLabel.text())
            best = min(best, (saved[0] - started) * 1000)
            assert window.box.is_active() == active_after
            if name == "Start":  # back to the starting point for the next try
                QTest.mouseClick(window.box.endButton, Qt.LeftButton)
                _spin_until(lambda: not window.box.is_active() and not window.is_busy())
            elif name == "End now":
                QTest.mouseClick(window.box.startButton, Qt.LeftButton)
                _spin_until(lambda: window.box.is_active() and not window.is_busy())
        if name == "Start":
            QTest.mouseClick(window.box.startButton, Qt.LeftButton)
            _spin_until(lambda: window.box.is_active() and not window.is_busy())
        rows.append(Row(f"{name}, click to saved, {RULES:,} rules", best, "ms", 500))
    window.close()
    return rows


def _countdown_rows() -> list[Row]:
    from qubes_fw_gui.widgets.countdown import Countdown

    offset = [0.0]
    countdown = Countdown(clock=lambda: time.time() + offset[0])
    events: list[tuple[float, str]] = []  # (perf_counter, text) of every change
    countdown.changed.connect(lambda text: events.append((time.perf_counter(), text)))
    countdown.set_until(int(time.time()) + 3600)
    late: list[float] = []
    countdown.changed.connect(lambda _text: late.append((time.time() + offset[0]) % 1.0 * 1000))
    _spin_until(lambda: len(late) >= TICKS)
    lateness = max(late[:TICKS])

    # Jump the wall clock three times, by 10 min and a fraction of a second each:
    # how long until the text shows the new remaining time.
    delays = []
    for jump in (600.3, 600.55, 600.8):
        offset[0] += jump
        jumped = time.perf_counter()
        right = f"(in {countdown.remaining() // 60}:"
        _spin_until(lambda jumped=jumped, right=right: any(t >= jumped and right in text for t, text in events))
        delays.append(min(t for t, text in events if t >= jumped and right in text) - jumped)
    return [
        Row(f"countdown tick after the whole second, worst of {TICKS}", lateness, "ms", 50),
        Row("countdown correct after a clock jump, worst of 3", max(delays) * 1000, "ms", 1000),
    ]


def run() -> list[Row]:
    from PyQt5.QtWidgets import QApplication

    from qubes_fw_gui.admin.socket_client import SocketAdminPort
    from qubes_fw_gui.sandbox.embedded import EmbeddedSandbox

    app = QApplication.instance() or QApplication([])
    rows = _model_rows()
    with tempfile.TemporaryDirectory() as state, EmbeddedSandbox(Path(state)) as sandbox:
        rows += _window_rows(SocketAdminPort(sandbox.socket_path), sandbox)
    rows += _countdown_rows()
    del app
    return rows


if __name__ == "__main__":
    print_table(run())
