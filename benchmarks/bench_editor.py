"""Issue 4's editor numbers, measured through the sandbox dom0's real socket.

- load(qube) until the table is filled and painted, for 1,000 and 4,000 rules
  (seeded into the sandbox's state: one Set cannot carry 4,000);
- Admin API calls made to open a qube (until the table is filled, and until
  the banners' facts and the event subscription are in too);
- a save of 1,000 rules, including the re-read that detects conflicts;
- the longest stall of the GUI thread during load and save (a 2 ms QTimer
  heartbeat: the largest gap between two ticks, less the interval);
- peak RSS with 4,000 rules shown, in a fresh process whose sandbox dom0 runs
  in another process (so only the editor is counted).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-" + str(os.getuid()))

from benchmarks.table import Row, print_table  # noqa: E402

REPEAT = 5
_SANDBOX: list = []
_LOAD_WORSTS: list[float] = []  # the worst stall of each single load  # the running sandbox, for counting requests at the moment the table is filled
HEARTBEAT_MS = 2


def realistic_rules(count: int) -> list[str]:
    """A mix like a real allow-list: hosts, networks, services, DNS, ICMP; then a drop."""
    lines = []
    for i in range(count - 1):
        kind = i % 5
        if kind == 0:
            lines.append(f"action=accept dsthost=host{i}.example.com proto=tcp dstports=443-443 comment=site {i}")
        elif kind == 1:
            lines.append(f"action=accept dst4=10.{i // 250 % 250}.{i % 250}.0/24 proto=udp dstports=5000-5100")
        elif kind == 2:
            lines.append(f"action=drop dst4=192.168.{i % 250}.{i // 250 % 250}/32 proto=tcp dstports=22-22")
        elif kind == 3:
            lines.append(f"action=accept dst6=2001:db8:{i:x}::/48 proto=tcp dstports=80-80")
        else:
            lines.append("action=accept proto=icmp icmptype=8 comment=ping")
    lines.append("action=drop")
    return lines


class Heartbeat:
    """Ticks every HEARTBEAT_MS on the GUI thread; `worst()` is the longest stall seen."""

    def __init__(self) -> None:
        from PyQt5.QtCore import QTimer

        self._timer = QTimer()
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.gaps: list[float] = []

    def start(self) -> None:
        self.gaps = []
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000 - HEARTBEAT_MS)
        self._last = now

    def worst(self) -> float:
        return max(self.gaps, default=0.0)


def _wait(app, condition, timeout: float = 10.0) -> None:  # noqa: ANN001
    from PyQt5.QtCore import QEventLoop

    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            raise TimeoutError("the editor did not finish in time")
        # Block in Qt until something happens (the heartbeat ticks every 2 ms), as a real event loop does.
        app.processEvents(QEventLoop.AllEvents | QEventLoop.WaitForMoreEvents, 5)


def _open(app, tab, qube: str) -> float:  # noqa: ANN001
    """ms from load(qube) until the loaded table has been painted."""
    done: list[float] = []
    tab.loaded.connect(lambda: done.append(1))
    tab.loaded.connect(lambda: tab.setProperty("calls_at_loaded", len(_SANDBOX[0].requests)) if _SANDBOX else None)
    start = time.perf_counter()
    tab.load(qube)
    _wait(app, lambda: bool(done))
    tab.table.viewport().repaint()  # the paint of the filled table, synchronously
    elapsed = (time.perf_counter() - start) * 1000
    tab.loaded.disconnect()
    return elapsed


def _measure_loads(app, port) -> tuple[list[Row], float]:  # noqa: ANN001
    from qubes_fw_gui.widgets.firewall_tab import FirewallTab

    rows: list[Row] = []
    heartbeat = Heartbeat()
    worst_stall = 0.0
    _LOAD_WORSTS.clear()
    for count, target in ((1000, 80.0), (4000, 120.0)):
        qube = "personal" if count == 1000 else "untrusted"
        best = float("inf")
        for _ in range(REPEAT):
            tab = FirewallTab(port)
            tab.resize(1000, 700)
            tab.show()
            app.processEvents()
            heartbeat.start()
            best = min(best, _open(app, tab, qube))
            # Let the markers and banners land too: their stalls count.
            analysed: list[int] = []
            tab.analysed.connect(lambda analysed=analysed: analysed.append(1))
            _wait(app, lambda tab=tab, analysed=analysed: tab.facts is not None and bool(analysed))
            heartbeat.stop()
            worst_stall = max(worst_stall, heartbeat.worst())
            _LOAD_WORSTS.append(heartbeat.worst())
            assert tab.model.rowCount() == count
            tab.shutdown()
            tab.deleteLater()
            app.processEvents()
        rows.append(Row(f"open a qube with {count:,} rules (load until painted)", best, "ms", target,
                        "Qube Manager: about 230 ms" if count == 1000 else "Qube Manager: about 340 ms"))
    return rows, worst_stall


def _count_calls(app, sandbox, port) -> list[Row]:  # noqa: ANN001
    """Requests to open a qube: until the table is filled, and in all (banners, events)."""
    from qubes_fw_gui.widgets.firewall_tab import FirewallTab

    rows = []
    for qube, state in (("work", "running"), ("personal", "halted")):
        tab = FirewallTab(port)
        tab.resize(1000, 700)
        tab.show()
        before = len(sandbox.requests)
        _open(app, tab, qube)
        filled = tab.property("calls_at_loaded") - before
        _wait(app, lambda tab=tab: tab.facts is not None)
        end = time.perf_counter() + 0.5
        _wait(app, lambda end=end: time.perf_counter() > end)
        calls = [request.split(b"\0")[0].split(b" ")[0].decode() for request in sandbox.requests[before:]]
        tab.shutdown()
        if state == "running":
            rows.append(Row("Admin API calls until the table is filled", filled, "calls", 6, ", ".join(calls[:filled])))
        rows.append(Row(f"Admin API calls to open a {state} qube ({qube}), banners and events included",
                        len(calls), "calls", 6, ", ".join(calls[filled:])))
    return rows


def _measure_save(app, port) -> tuple[Row, float]:  # noqa: ANN001
    from qubes_fw_gui.widgets.firewall_tab import FirewallTab

    tab = FirewallTab(port)
    tab.resize(1000, 700)
    tab.show()
    _open(app, tab, "personal")
    _wait(app, lambda: tab.facts is not None)
    heartbeat = Heartbeat()
    best = float("inf")
    worst = 0.0
    for _ in range(REPEAT):
        tab.table.select_rows([0])
        tab.duplicate_selected() if len(tab.rules()) < 1000 else tab.delete_selected()
        saved: list[int] = []
        tab.saved.connect(lambda saved=saved: saved.append(1))
        heartbeat.start()
        start = time.perf_counter()
        tab.save()
        _wait(app, lambda saved=saved: bool(saved))
        best = min(best, (time.perf_counter() - start) * 1000)
        heartbeat.stop()
        worst = max(worst, heartbeat.worst())
        tab.saved.disconnect()
        assert not tab.is_modified()
    tab.shutdown()
    return Row("save 1,000 rules (re-read for conflicts + one Set)", best, "ms", 120), worst


RSS_SCRIPT = r"""
import os, resource, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PyQt5.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from qubes_fw_gui.admin.socket_client import SocketAdminPort
from qubes_fw_gui.app import keep_gui_responsive
from qubes_fw_gui.widgets.firewall_tab import FirewallTab
keep_gui_responsive()
tab = FirewallTab(SocketAdminPort(sys.argv[1]))
tab.resize(1000, 700)
tab.show()
tab.load("untrusted")
end = time.time() + 20
while (tab.model.rowCount() < 4000 or tab.facts is None) and time.time() < end:
    app.processEvents(); time.sleep(0.001)
tab.table.viewport().repaint()
settle = time.time() + 0.5
while time.time() < settle:
    app.processEvents(); time.sleep(0.001)
assert tab.model.rowCount() == 4000, tab.model.rowCount()
with open("/proc/self/status") as status:
    hwm = status.read().split("VmHWM:")[1].split()[0]
print(int(hwm) / 1024, flush=True)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, flush=True)
tab.shutdown()
os._exit(0)  # skip interpreter teardown while pool threads may still hold Qt objects
"""


def _peak_rss(socket_path: Path) -> Row:
    result = subprocess.run([sys.executable, "-c", RSS_SCRIPT, str(socket_path)],
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError(f"the RSS probe failed: {result.stderr[-2000:]}")
    hwm, maxrss = (float(line) for line in result.stdout.strip().splitlines()[-2:])
    return Row("peak RSS with 4,000 rules shown", maxrss, "MB", 65,
               f"getrusage ru_maxrss; VmHWM {hwm:.1f} MB; Qube Manager: 67 MB")


class ServerProcess:
    """The sandbox dom0 in a process of its own, like qubesd: its work never holds our GIL."""

    def __init__(self, state_dir: Path) -> None:
        self.socket_path = state_dir.parent / "bench.sock"
        self._process = subprocess.Popen(
            [sys.executable, "-m", "qubes_fw_gui.sandbox.cli", "--state", str(state_dir),
             "--socket", str(self.socket_path)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        end = time.time() + 15
        while not self.socket_path.exists():
            if time.time() > end:
                raise TimeoutError("the sandbox dom0 did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=10)


def run() -> list[Row]:
    from PyQt5.QtWidgets import QApplication

    from qubes_fw_gui.admin.socket_client import SocketAdminPort
    from qubes_fw_gui.app import keep_gui_responsive
    from qubes_fw_gui.sandbox.embedded import EmbeddedSandbox
    from qubes_fw_gui.widgets.firewall_tab import FirewallTab  # noqa: F401 - imported before the freeze, as in the app

    app = QApplication.instance() or QApplication(sys.argv[:1])
    keep_gui_responsive()  # what run_gui does before showing the window
    with tempfile.TemporaryDirectory(prefix="bench-editor-") as folder:
        state = Path(folder) / "state"
        with EmbeddedSandbox(state) as sandbox:  # seed the big lists straight into the state
            sandbox.seed_rules("personal", realistic_rules(1000))
            sandbox.seed_rules("untrusted", realistic_rules(4000))
        # Timings and stalls against a separate server process, as with the real qubesd.
        server = ServerProcess(state)
        try:
            # First, while this process is still small: a child's ru_maxrss starts from its
            # parent's high-water mark, so a grown parent would inflate the child's figure.
            rss_row = _peak_rss(server.socket_path)
            port = SocketAdminPort(server.socket_path)
            rows, load_stall = _measure_loads(app, port)
            save_row, save_stall = _measure_save(app, port)
        finally:
            server.stop()
        with EmbeddedSandbox(state) as sandbox:  # in-process, to see every request
            _SANDBOX[:] = [sandbox]
            rows += _count_calls(app, sandbox, SocketAdminPort(sandbox.socket_path))
            _SANDBOX.clear()
    rows.append(save_row)
    median = sorted(_LOAD_WORSTS)[len(_LOAD_WORSTS) // 2] if _LOAD_WORSTS else 0.0
    rows.append(Row(f"longest GUI-thread stall during load ({len(_LOAD_WORSTS)} loads of 1,000 and 4,000 rules)",
                    load_stall, "ms", 50, f"median of the loads' worst stalls: {median:.1f} ms"))
    rows.append(Row("longest GUI-thread stall during save (1,000 rules)", save_stall, "ms", 50))
    rows.append(rss_row)
    return rows


if __name__ == "__main__":
    print_table(run())
