"""The stand-alone full-access window against the sandbox dom0's real socket."""

from __future__ import annotations

import re
import threading
import time

import pytest
from PyQt5.QtCore import Qt, QThreadPool

from qubes_fw_gui.model.full_access import window_rule
from qubes_fw_gui.model.payload import MAX_REQUEST_BYTES, format_payload, request_size
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.widgets.full_access_window import FullAccessWindow
from tests.sandbox.rawclient import raw_call
from tests.widgets.helpers import rules_in_qubesdb, set_header, set_payloads

TIMEOUT = 10000


class FakeClock:
    """Real time plus an offset the test moves; dom0 itself keeps real time."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def open_window(qtbot, sandbox_port, clock):
    made: list[FullAccessWindow] = []

    def make(qube: str = "work", minutes: int = 15) -> FullAccessWindow:
        window = FullAccessWindow(sandbox_port, qube, minutes, clock=clock)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.loaded, timeout=TIMEOUT):
            window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.shutdown()
    # A reload started by the last event must finish before the sandbox stops: a call in flight
    # when it stops is never answered and would hold a pool thread for the next tests.
    for _ in range(2):
        assert QThreadPool.globalInstance().waitForDone(10000)
        qtbot.wait(20)  # deliver results, which start nothing more once shut down


def click_and_wait_saved(qtbot, window: FullAccessWindow, button) -> None:
    with qtbot.waitSignal(window.saved, timeout=TIMEOUT):
        qtbot.mouseClick(button, Qt.LeftButton)


def test_header_names_the_qube_in_its_label_colour(open_window) -> None:
    window = open_window("work")
    assert window.windowTitle() == "Full access: work"
    assert window.qubeLabel.text() == "<b>work</b>"
    assert "#3465a4" in window.labelSwatch.styleSheet()  # work's label is blue
    assert window.netvmLabel.text() == "netvm: sys-firewall"
    assert window.box.stateLabel.text() == "Full access is off."
    assert not window.box.enforcedLabel.isVisible()


def test_starting_one_minute_sends_the_window_first_in_one_exact_set(
    qtbot, sandbox, sandbox_port, open_window
) -> None:
    before = sandbox_port.get_rules("work")
    window = open_window("work", minutes=1)
    assert window.box.minutesSpin.value() == 1
    asked_at = time.time()
    click_and_wait_saved(qtbot, window, window.box.startButton)

    payloads = set_payloads(sandbox)
    assert len(payloads) == 1
    first_line = payloads[0].split(b"\n", 1)[0].decode()
    expire = int(re.fullmatch(r"action=accept expire=([0-9]+) comment=.*", first_line).group(1))
    assert abs(expire - (asked_at + 60)) <= 1
    assert payloads[0] == format_payload([window_rule(expire), *before])
    assert first_line.endswith(" - qubes-fw-gui") and "Full access until " in first_line

    # dom0 applied it: the catch-all accept is the first rule sys-firewall sees for work.
    assert rules_in_qubesdb(sandbox)[0] == "action=accept"
    assert "Full access is on" in window.box.stateLabel.text()
    assert window.box.endButton.isVisible()


def test_countdown_text_after_a_few_seconds(qtbot, open_window, clock) -> None:
    window = open_window("work", minutes=1)
    click_and_wait_saved(qtbot, window, window.box.startButton)
    end = time.strftime("%H:%M:%S", time.localtime(window.box.window().until))
    clock.offset = 3.0  # three seconds later, as the window's clock sees it
    qtbot.waitUntil(
        lambda: window.box.stateLabel.text() == f"<b>Full access is on</b>: ends {end} (in 0:57).",
        timeout=1500,
    )
    assert window.windowTitle() == "Full access: work, 0:57 left"  # seen in the task bar


def test_extend_rewrites_only_the_expiry(qtbot, sandbox, open_window) -> None:
    window = open_window("work", minutes=1)
    click_and_wait_saved(qtbot, window, window.box.startButton)
    started = window.box.window().until
    qtbot.mouseClick(window.box.preset5, Qt.LeftButton)
    click_and_wait_saved(qtbot, window, window.box.extendButton)

    first, second = (payload.decode().splitlines() for payload in set_payloads(sandbox))
    assert second[1:] == first[1:]
    assert second[0] == window_rule(started + 300).api_line()
    assert first[0] == window_rule(started).api_line()
    assert window.box.window().until == started + 300


def test_end_now_removes_the_rule(qtbot, sandbox, sandbox_port, open_window) -> None:
    before = sandbox_port.get_rules("work")
    window = open_window("work")
    click_and_wait_saved(qtbot, window, window.box.startButton)
    click_and_wait_saved(qtbot, window, window.box.endButton)

    assert set_payloads(sandbox)[-1] == format_payload(before)
    assert sandbox_port.get_rules("work") == before
    assert "action=accept" not in rules_in_qubesdb(sandbox)
    assert window.box.stateLabel.text() == "Full access is off."
    assert window.box.startButton.isVisible()


def test_a_window_made_over_the_wire_by_qvm_firewall_is_shown_and_expires_by_itself(
    qtbot, sandbox, sandbox_port, open_window
) -> None:
    window = open_window("work")
    before = sandbox_port.get_rules("work")
    expire = int(time.time()) + 2
    # `qvm-firewall work add --before 0 accept expire=+2`: qubesadmin's own option order.
    lines = [f"action=accept expire={expire}"] + [
        rule.api_line() for rule in before
    ]
    reply = raw_call(sandbox.socket_path, set_header("work") + ("\n".join(lines) + "\n").encode())
    assert reply == b"0\0"

    qtbot.waitUntil(lambda: window.box.is_active(), timeout=TIMEOUT)
    assert window.box.window().until == expire
    assert "Full access is on" in window.box.stateLabel.text()
    qtbot.waitUntil(lambda: rules_in_qubesdb(sandbox)[0] == "action=accept", timeout=TIMEOUT)

    # Nobody clicks anything: dom0 drops it at the end, the window and the FirewallVM follow.
    qtbot.waitUntil(lambda: window.box.stateLabel.text() == "Full access is off.", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "action=accept" not in rules_in_qubesdb(sandbox), timeout=TIMEOUT)
    assert sandbox_port.get_rules("work") == before


def test_a_window_opened_by_another_editor_shows_at_once(qtbot, sandbox_port, open_window) -> None:
    window = open_window("work")
    rules = sandbox_port.get_rules("work")
    rules.insert(0, Rule("accept", expire=int(time.time()) + 600, comment="opened elsewhere"))
    with qtbot.waitSignal(window.loaded, timeout=TIMEOUT):
        sandbox_port.set_rules("work", rules)
    assert window.box.is_active()
    assert window.box.window().rule.comment == "opened elsewhere"


def test_start_keeps_rules_changed_elsewhere_after_loading(qtbot, sandbox, sandbox_port, open_window) -> None:
    window = open_window("work")
    window.shutdown()  # no events: the window still believes in the list it loaded
    changed = [Rule.parse("action=accept dsthost=example.com proto=tcp dstports=443-443"), Rule("drop")]
    sandbox_port.set_rules("work", changed)
    click_and_wait_saved(qtbot, window, window.box.startButton)
    expire = window.box.window().until
    assert set_payloads(sandbox)[-1] == format_payload([window_rule(expire), *changed])


def test_a_qube_without_netvm_says_the_window_has_no_effect(open_window) -> None:
    window = open_window("vault")
    assert window.box.enforcedLabel.isVisible()
    assert "no netvm" in window.box.enforcedLabel.text()
    assert window.netvmLabel.text() == "no netvm"


def test_a_netvm_without_qubes_firewall_is_named(qtbot, sandbox_port, open_window) -> None:
    sandbox_port.set_feature("debian-12-xfce", "qubes-firewall", "")
    window = open_window("work")
    assert window.box.enforcedLabel.isVisible()
    assert "sys-firewall does not support 'qubes-firewall'" in window.box.enforcedLabel.text()


def test_an_unknown_qube_is_an_inline_error(qtbot, sandbox_port, clock) -> None:
    window = FullAccessWindow(sandbox_port, "nosuchqube", clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.errorLabel.isVisible, timeout=TIMEOUT)
    assert "nosuchqube" in window.errorLabel.text()
    assert not window.box.isEnabled()
    window.shutdown()


def test_a_save_dom0_cannot_take_is_an_inline_error_and_loses_nothing(qtbot, sandbox, sandbox_port, open_window) -> None:
    # So many rules that one more (the window) no longer fits qubesd's 64 KiB request.
    lines: list[str] = []
    size = request_size("work", [])
    while True:
        n = len(lines)
        line = f"action=accept dst4=10.{n // 250}.{n % 250}.1/32 proto=tcp dstports=443-443"
        if size + len(line) + 1 > MAX_REQUEST_BYTES:
            break
        lines.append(line)
        size += len(line) + 1
    assert request_size("work", [Rule.parse(line) for line in lines]) == size <= MAX_REQUEST_BYTES
    sandbox.seed_rules("work", lines)
    before = sandbox_port.get_rules("work")
    window = open_window("work")
    sets_before = len(set_payloads(sandbox))

    qtbot.mouseClick(window.box.startButton, Qt.LeftButton)
    qtbot.waitUntil(window.errorLabel.isVisible, timeout=TIMEOUT)
    assert window.errorLabel.text().startswith("Could not save the rules of work; nothing was changed:")
    assert "65,536" in window.errorLabel.text()
    assert len(set_payloads(sandbox)) == sets_before
    assert sandbox_port.get_rules("work") == before
    assert window.box.stateLabel.text() == "Full access is off."
    assert window.box.startButton.isEnabled()  # free to try again after removing rules


class _HeldReads:
    """The real socket port, except that a reload can be held half-way (rules read, netvm facts not yet),
    the way a slow dom0 holds it; saves go straight through to the sandbox."""

    def __init__(self, port) -> None:  # noqa: ANN001
        self._port = port
        self.hold = False
        self.release = threading.Event()

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self._port, name)

    def check_feature_with_template(self, qube: str, name: str) -> str | None:
        if self.hold:
            self.release.wait(5)
        return self._port.check_feature_with_template(qube, name)


def test_a_read_begun_before_start_never_shows_full_access_off_after_it(qtbot, sandbox, sandbox_port, clock) -> None:
    port = _HeldReads(sandbox_port)
    pool = QThreadPool.globalInstance()
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(max(threads, 4))  # the held read must not queue the save behind it
    window = FullAccessWindow(port, "work", 15, clock=clock)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=TIMEOUT):
        window.show()
    summaries: list[str] = []
    try:
        port.hold = True
        window.reload()  # reads the rules as they are now (no window), then waits
        qtbot.wait(100)
        click_and_wait_saved(qtbot, window, window.box.startButton)
        assert window.box.is_active()
        window.box.summary_changed.connect(summaries.append)
        port.hold = False
        port.release.set()  # the old read lands now, after the save's own read-back
        assert pool.waitForDone(10000)
        qtbot.wait(200)
        assert window.box.is_active()
        assert "" not in summaries, "the box fell back to 'Full access is off' after Start"
    finally:
        port.release.set()
        window.shutdown()
        pool.waitForDone(10000)
        qtbot.wait(20)
        pool.setMaxThreadCount(threads)
