"""Background calls deliver results and errors on the GUI thread."""

import threading

from qubes_fw_gui.widgets.worker import run_in_background


def test_result_arrives_on_the_gui_thread(qtbot) -> None:
    seen: list[tuple[object, bool]] = []
    run_in_background(
        lambda: threading.current_thread() is threading.main_thread(),
        on_success=lambda ran_on_main: seen.append(
            (ran_on_main, threading.current_thread() is threading.main_thread())
        ),
    )
    # Wait on the delivered result, not on `done`: a warm pool may finish before we could connect.
    qtbot.waitUntil(lambda: bool(seen), timeout=2000)
    assert seen == [(False, True)]  # ran off the GUI thread, delivered on it


def test_error_is_delivered_not_raised(qtbot) -> None:
    errors: list[Exception] = []

    def boom() -> None:
        raise OSError("qubesd is gone")

    run_in_background(boom, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=2000)
    assert str(errors[0]) == "qubesd is gone"
