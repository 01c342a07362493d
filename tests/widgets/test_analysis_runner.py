"""Analyses run one at a time; a request overtaken before it starts is dropped."""

from __future__ import annotations

import threading

from qubes_fw_gui.widgets.analysis_runner import LatestOnlyRunner


def test_only_the_newest_waiting_job_runs_and_never_two_at_once(qtbot) -> None:
    runner = LatestOnlyRunner()
    release = threading.Event()
    running = []
    overlaps = []
    delivered: list[str] = []

    def job(name: str, block: bool = False):  # noqa: ANN202
        def work() -> str:
            running.append(name)
            if len(running) - len(delivered) > 1:
                overlaps.append(name)
            if block:
                release.wait(5)
            return name
        return work

    owner = object()
    runner.submit(owner, job("first", block=True), delivered.append)
    runner.submit(owner, job("outdated"), delivered.append)
    runner.submit(owner, job("newest"), delivered.append)
    release.set()
    qtbot.waitUntil(lambda: delivered == ["first", "newest"], timeout=3000)
    assert running == ["first", "newest"] and overlaps == []


def test_forget_drops_a_waiting_job(qtbot) -> None:
    runner = LatestOnlyRunner()
    release = threading.Event()
    delivered: list[str] = []
    runner.submit("tab 1", lambda: release.wait(5) and "busy", delivered.append)
    runner.submit("tab 2", lambda: "closed tab", delivered.append)
    runner.forget("tab 2")
    release.set()
    qtbot.waitUntil(lambda: delivered == ["busy"], timeout=3000)
    qtbot.wait(50)
    assert delivered == ["busy"]
