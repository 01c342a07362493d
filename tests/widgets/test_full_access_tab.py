"""The full-access box inside the editor's firewall tab, against the sandbox dom0's socket."""

from __future__ import annotations

import re
import time

import pytest
from PyQt5.QtCore import Qt

from qubes_fw_gui.model.full_access import window_rule
from qubes_fw_gui.model.payload import format_payload
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.widgets import firewall_tab
from tests.widgets.helpers import rules_in_qubesdb, set_payloads

TIMEOUT = 10000


@pytest.fixture
def tab(qtbot, sandbox_port):
    widget = firewall_tab.FirewallTab(sandbox_port)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=TIMEOUT):
        widget.load("work")
    qtbot.waitUntil(lambda: widget.full_access_box.isEnabled(), timeout=TIMEOUT)
    yield widget
    widget.close()


def click_and_wait_saved(qtbot, tab, button) -> None:
    with qtbot.waitSignal(tab.saved, timeout=TIMEOUT):
        qtbot.mouseClick(button, Qt.LeftButton)


def test_start_in_the_tab_saves_the_window_first_at_once(qtbot, sandbox, sandbox_port, tab) -> None:
    box = tab.full_access_box
    before = sandbox_port.get_rules("work")
    box.minutesSpin.selectAll()
    qtbot.keyClicks(box.minutesSpin, "1")
    asked_at = time.time()
    click_and_wait_saved(qtbot, tab, box.startButton)

    (payload,) = set_payloads(sandbox)
    first_line = payload.split(b"\n", 1)[0].decode()
    expire = int(re.fullmatch(r"action=accept expire=([0-9]+) comment=.*", first_line).group(1))
    assert abs(expire - (asked_at + 60)) <= 1
    assert payload == format_payload([window_rule(expire), *before])
    assert tab.rules()[0] == window_rule(expire)
    assert not tab.is_modified()
    assert rules_in_qubesdb(sandbox)[0] == "action=accept"
    assert re.search(r"Full access is on.*\(in (1:00|0:59)\)", box.stateLabel.text())


def test_extend_and_end_in_the_tab(qtbot, sandbox, sandbox_port, tab) -> None:
    box = tab.full_access_box
    before = sandbox_port.get_rules("work")
    click_and_wait_saved(qtbot, tab, box.startButton)
    started = box.window().until
    qtbot.mouseClick(box.preset30, Qt.LeftButton)
    click_and_wait_saved(qtbot, tab, box.extendButton)
    first, second = (payload.decode().splitlines() for payload in set_payloads(sandbox))
    assert second[1:] == first[1:]
    assert second[0] == window_rule(started + 30 * 60).api_line()

    click_and_wait_saved(qtbot, tab, box.endButton)
    assert set_payloads(sandbox)[-1] == format_payload(before)
    assert tab.rules() == before
    assert box.stateLabel.text() == "Full access is off."


def test_a_two_second_window_from_qvm_firewall_leaves_the_table_and_qubesdb(
    qtbot, sandbox, sandbox_port, tab
) -> None:
    before = sandbox_port.get_rules("work")
    second_client = type(sandbox_port)(sandbox.socket_path)  # as qvm-firewall would, another connection
    expire = int(time.time()) + 2
    second_client.set_rules("work", [Rule("accept", expire=expire), *before])

    qtbot.waitUntil(lambda: tab.full_access_box.is_active(), timeout=TIMEOUT)
    assert tab.rules()[0] == Rule("accept", expire=expire)
    assert tab.full_access_box.window().until == expire

    # No click: dom0 drops it at the end; the table, the box and sys-firewall follow.
    qtbot.waitUntil(lambda: tab.rules() == before, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "action=accept" not in rules_in_qubesdb(sandbox), timeout=TIMEOUT)
    assert tab.full_access_box.stateLabel.text() == "Full access is off."
    assert not tab.is_modified()
