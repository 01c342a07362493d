"""Killing the sandbox in the middle of saves never leaves an unreadable state (atomic writes)."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

from qubes_fw_gui.model.payload import parse_lines
from qubes_fw_gui.sandbox import persist
from tests.sandbox.rawclient import call


def _start(state: Path, socket_path: Path) -> subprocess.Popen[str]:
    # The installed `qubes-fw-sandbox` command where there is one, else the same module.
    script = Path(sys.executable).with_name("qubes-fw-sandbox")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "qubes_fw_gui.sandbox.cli"]
    process = subprocess.Popen(
        [*command, "--state", str(state), "--socket", str(socket_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert "serving" in process.stdout.readline()  # printed once the socket listens
    return process


def call_demo_rules() -> str:
    from qubes_fw_gui.sandbox.demo import demo_world

    return "".join(rule.api_line() + "\n" for rule in demo_world()["work"].rules)


def _list(tag: str, count: int = 600) -> str:
    return "".join(
        f"action=accept dsthost=h{i}.{tag}.example.org proto=tcp dstports=443-443 comment={tag} {i}\n"
        for i in range(count)
    )


def test_sigkill_during_a_stream_of_saves_leaves_old_or_new_list(tmp_path: Path) -> None:
    state = tmp_path / "state"
    socket_path = tmp_path / "s.sock"
    lists = {tag: parse_lines(_list(tag)) for tag in ("aaa", "bbb")}
    payloads = {tag: _list(tag).encode() for tag in lists}
    rng = random.Random(3)
    allowed = [parse_lines(call_demo_rules())] + list(lists.values())
    for round_ in range(4):
        process = _start(state, socket_path)
        stop = threading.Event()

        done = []

        def saves(stop: threading.Event = stop, done: list[int] = done) -> None:
            tags = ["aaa", "bbb"]
            while not stop.is_set():
                try:
                    payload = payloads[tags[len(done) % 2]]
                    reply = call(socket_path, "admin.vm.firewall.Set", "work", payload=payload)
                except OSError:
                    return  # the server is gone
                if reply == b"0\0":
                    done.append(1)

        writer = threading.Thread(target=saves)
        writer.start()
        stop.wait(rng.uniform(0.15, 0.4))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert process.stdout is not None
        process.stdout.close()
        stop.set()
        writer.join()
        loaded = persist.load(state)
        assert loaded is not None, f"round {round_}: no state at all"
        world, _ = loaded
        rules = world["work"].rules
        assert len(done) >= 2, "the kill must land in a stream of saves"
        assert rules in allowed, f"round {round_}: a list that was never saved"
        allowed = list(lists.values())  # from now on the demo list is gone for good
        socket_path.unlink(missing_ok=True)
