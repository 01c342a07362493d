"""One rule-list analysis at a time, and only the newest one waiting.

Analysing 4,000 rules takes a few hundred milliseconds of pure Python. Two
at once (a reload while the last one still runs, or several open tabs) would
compete with the GUI thread for the interpreter lock; an outdated one is
wasted work. So the whole program runs them one by one, and a request that is
overtaken before it starts is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from qubes_fw_gui.widgets.worker import run_in_background

Job = tuple[Callable[[], Any], Callable[[Any], None]]


class LatestOnlyRunner:
    def __init__(self) -> None:
        self._running = False
        self._waiting: dict[object, Job] = {}  # owner -> its newest job

    def submit(self, owner: object, work: Callable[[], Any], deliver: Callable[[Any], None]) -> None:
        """Run `work()` off the GUI thread, then `deliver(result)` on it; replaces `owner`'s waiting job."""
        self._waiting.pop(owner, None)
        self._waiting[owner] = (work, deliver)
        self._next()

    def forget(self, owner: object) -> None:
        self._waiting.pop(owner, None)

    def _next(self) -> None:
        if self._running or not self._waiting:
            return
        owner = next(iter(self._waiting))
        work, deliver = self._waiting.pop(owner)
        self._running = True

        def finished(result: Any) -> None:
            self._running = False
            deliver(result)
            self._next()

        def failed(_error: Exception) -> None:
            self._running = False
            self._next()

        run_in_background(work, finished, failed)


ANALYSIS = LatestOnlyRunner()
