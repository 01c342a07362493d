"""The full-access box on its own: what it shows and what it asks its owner to do."""

from __future__ import annotations

import time

import pytest
from PyQt5.QtCore import Qt, QTime

from qubes_fw_gui.model.full_access import open_window
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.widgets.countdown import format_end_time, format_ends, format_remaining
from qubes_fw_gui.widgets.full_access_box import FullAccessBox

# 2026-12-04 14:20:00 local time: a fixed "now" the tests move by hand.
START = time.mktime((2026, 12, 4, 14, 20, 0, 0, 0, -1))


class FakeClock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def box(qtbot, clock: FakeClock) -> FullAccessBox:
    widget = FullAccessBox(clock=clock)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.LeftButton)


def test_idle_box_offers_start_only(box: FullAccessBox) -> None:
    assert box.stateLabel.text() == "Full access is off."
    assert box.forRadio.text() == "Allow full access for"
    assert box.minutesSpin.value() == 15
    assert box.startButton.isVisible()
    assert not box.extendButton.isVisible() and not box.endButton.isVisible()
    assert not box.enforcedLabel.isVisible()


def test_preset_then_start_asks_for_that_many_minutes_from_now(qtbot, box: FullAccessBox) -> None:
    click(qtbot, box.preset30)
    assert box.minutesSpin.value() == 30
    with qtbot.waitSignal(box.start_requested) as blocker:
        click(qtbot, box.startButton)
    assert blocker.args == [int(START) + 30 * 60]


def test_typed_minutes_are_used(qtbot, box: FullAccessBox) -> None:
    box.minutesSpin.selectAll()
    qtbot.keyClicks(box.minutesSpin, "7")
    with qtbot.waitSignal(box.start_requested) as blocker:
        click(qtbot, box.startButton)
    assert blocker.args == [int(START) + 7 * 60]


def test_a_time_of_day_earlier_than_now_means_tomorrow(qtbot, box: FullAccessBox) -> None:
    box.untilEdit.setTime(QTime(9, 0))
    assert box.untilRadio.isChecked()
    assert box.untilDayLabel.text() == "tomorrow"
    with qtbot.waitSignal(box.start_requested) as blocker:
        click(qtbot, box.startButton)
    assert blocker.args == [int(time.mktime((2026, 12, 5, 9, 0, 0, 0, 0, -1)))]

    box.untilEdit.setTime(QTime(18, 30))
    assert box.untilDayLabel.text() == "today"
    with qtbot.waitSignal(box.start_requested) as blocker:
        click(qtbot, box.startButton)
    assert blocker.args == [int(time.mktime((2026, 12, 4, 18, 30, 0, 0, 0, -1)))]


def test_active_window_shows_end_time_and_a_live_countdown(qtbot, box: FullAccessBox, clock: FakeClock) -> None:
    until = int(START) + 12 * 60 + 41
    box.set_rules(open_window([Rule("drop")], until))
    assert box.stateLabel.text() == "<b>Full access is on</b>: ends 14:32:41 (in 12:41)."
    assert box.extendButton.isVisible() and box.endButton.isVisible()
    assert not box.startButton.isVisible()
    clock.now += 5.3  # five and a bit seconds later
    qtbot.waitUntil(lambda: "(in 12:36)" in box.stateLabel.text(), timeout=1500)


def test_a_jump_of_the_clock_is_shown_within_a_second(qtbot, box: FullAccessBox, clock: FakeClock) -> None:
    # A suspend or a clock change: the monotonic timer knows nothing, the next tick corrects it.
    box.set_rules(open_window([], int(START) + 3600))
    clock.now += 1800
    qtbot.waitUntil(lambda: "(in 30:00)" in box.stateLabel.text(), timeout=1500)


def test_window_ends_in_the_box_without_any_new_rules(qtbot, box: FullAccessBox, clock: FakeClock) -> None:
    box.set_rules(open_window([], int(START) + 2))
    clock.now += 2
    qtbot.waitUntil(lambda: box.stateLabel.text() == "Full access is off.", timeout=1500)
    assert box.startButton.isVisible() and not box.endButton.isVisible()
    assert box.window() is None


def test_extend_adds_the_duration_to_the_current_end(qtbot, box: FullAccessBox) -> None:
    until = int(START) + 300
    box.set_rules(open_window([], until))
    click(qtbot, box.preset60)
    with qtbot.waitSignal(box.extend_requested) as blocker:
        click(qtbot, box.extendButton)
    assert blocker.args == [until + 3600]


def test_extend_to_a_time_before_the_current_end_is_refused_inline(qtbot, box: FullAccessBox) -> None:
    until = int(START) + 3 * 3600  # 17:20
    box.set_rules(open_window([], until))
    box.untilEdit.setTime(QTime(16, 0))
    assert not box.extendButton.isEnabled()
    assert box.hintLabel.text() == "The window already lasts until 17:20."
    box.untilEdit.setTime(QTime(18, 0))
    assert box.extendButton.isEnabled() and box.hintLabel.text() == ""
    with qtbot.waitSignal(box.extend_requested) as blocker:
        click(qtbot, box.extendButton)
    assert blocker.args == [int(time.mktime((2026, 12, 4, 18, 0, 0, 0, 0, -1)))]


def test_end_now_asks_to_end(qtbot, box: FullAccessBox) -> None:
    box.set_rules(open_window([], int(START) + 300))
    with qtbot.waitSignal(box.end_requested):
        click(qtbot, box.endButton)


def test_a_window_not_first_says_which_drops_still_block(box: FullAccessBox) -> None:
    box.set_rules(
        [
            Rule.parse("action=drop dst4=10.0.0.0/8"),
            Rule.parse("action=accept proto=tcp dstports=22-22"),
            Rule.parse(f"action=accept expire={int(START) + 900}"),
        ]
    )
    assert box.positionLabel.isVisible()
    assert "rule 3 in the list" in box.positionLabel.text()
    assert "(rule 1)" in box.positionLabel.text()
    assert "ends 14:35" in box.stateLabel.text()


def test_a_netvm_that_does_not_enforce_is_named(box: FullAccessBox) -> None:
    box.set_enforced(False)
    assert box.enforcedLabel.isVisible()
    assert "no effect" in box.enforcedLabel.text()
    box.set_enforced(True)
    assert not box.enforcedLabel.isVisible()


def test_busy_box_takes_no_second_request(qtbot, box: FullAccessBox) -> None:
    box.set_busy(True)
    assert not box.startButton.isEnabled()
    assert box.hintLabel.text() == "Saving…"
    box.set_busy(False)
    assert box.startButton.isEnabled()


def test_countdown_texts() -> None:
    assert format_remaining(41) == "0:41"
    assert format_remaining(12 * 60 + 41) == "12:41"
    assert format_remaining(3600 + 2 * 60 + 41) == "1:02:41"
    assert format_remaining(2 * 86400 + 3600) == "2 d 1:00:00"
    tomorrow_nine = time.mktime((2026, 12, 5, 9, 0, 0, 0, 0, -1))
    assert format_end_time(tomorrow_nine, START) == "tomorrow 09:00"
    assert format_end_time(START + 7 * 86400, START) == "2026-12-11 14:20"
    assert format_ends(START + 1, START + 0.4) == "ends 14:20:01 (in 0:01)"
    assert format_ends(START, START) == "ended 14:20"


def test_rules_that_already_accept_everything_are_named(box: FullAccessBox) -> None:
    box.set_rules([Rule("accept")])
    assert box.positionLabel.isVisible()
    assert "already accepts every connection" in box.positionLabel.text()
    box.set_rules([Rule.parse("action=drop dst4=192.168.0.0/16"), Rule("accept")])
    assert not box.positionLabel.isVisible()
