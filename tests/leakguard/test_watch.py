"""The watch loop's decisions, driven by queued events (QubesDB itself does not exist here)."""

from __future__ import annotations

import queue
import sys
import threading
import types

import pytest

from qubes_fw_gui.leakguard.conntrack import _count_deleted, parse_flows
from qubes_fw_gui.leakguard.watch import (
    Event,
    QubesDbWatch,
    interface_of_monitor_line,
    is_tunnel,
    watch_loop,
)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("4: tun0: <POINTOPOINT,MULTICAST,NOARP,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UNKNOWN", "tun0"),
        ("Deleted 7: wg0: <POINTOPOINT,NOARP> mtu 1420 qdisc noop state DOWN", "wg0"),
        ("3: vif3.0@if2: <BROADCAST,MULTICAST> mtu 1500", "vif3.0"),
        ("    link/ether 00:16:3e:5e:6c:00 brd ff:ff:ff:ff:ff:ff", None),
    ],
)
def test_interface_names_from_ip_monitor_lines(line: str, name: str | None) -> None:
    assert interface_of_monitor_line(line) == name


def test_tunnel_names_with_and_without_wildcard() -> None:
    assert is_tunnel("wg3", ("tun0", "wg*"))
    assert is_tunnel("tun0", ("tun0",))
    assert not is_tunnel("tun01", ("tun0",))
    assert not is_tunnel("vif3.0", ("tun0", "wg*"))


class Loop:
    """watch_loop in a thread; `apply` records each pass and returns the tunnels now in force."""

    def __init__(self, tunnels: tuple[str, ...], after_pass: tuple[str, ...]) -> None:
        self.events: queue.Queue[Event] = queue.Queue()
        self.passes: list[bool] = []
        self.passed = threading.Semaphore(0)
        self._after = after_pass
        self.thread = threading.Thread(target=watch_loop, args=(self.events, self.apply, tunnels, 0.05))
        self.thread.start()

    def apply(self, force_purge: bool) -> tuple[str, ...]:
        self.passes.append(force_purge)
        self.passed.release()
        return self._after

    def burst(self, *events: Event) -> None:
        """Queue events together: the loop takes them as one batch."""
        for event in events:
            self.events.put(event)

    def wait_pass(self) -> None:
        assert self.passed.acquire(timeout=5), "no pass was made"

    def stop(self) -> list[bool]:
        self.events.put(Event("stop"))
        self.thread.join(timeout=5)
        assert not self.thread.is_alive()
        return self.passes


def test_a_burst_of_setting_writes_makes_one_pass_without_forced_purge() -> None:
    loop = Loop(("tun0",), ("tun0",))
    loop.burst(*(Event("settings", f"/vm-config/qubes-fw-leakguard-{n}") for n in ("tunnel-only", "block-ipv6")),
               Event("settings", "/qubes-service/qubes-fw-leakguard"))
    loop.wait_pass()
    assert loop.stop() == [False]


def test_the_tunnel_coming_or_going_forces_a_purge_other_links_do_not() -> None:
    loop = Loop(("tun0",), ("tun0",))
    loop.burst(Event("link", "vif12.0"), Event("settings", "/vm-config/qubes-fw-leakguard-log-drops"))
    loop.wait_pass()
    loop.burst(Event("link", "tun0"))
    loop.wait_pass()
    assert loop.stop() == [False, True]


def test_a_link_event_of_another_interface_alone_makes_no_pass() -> None:
    loop = Loop(("tun0",), ("tun0",))
    loop.burst(Event("link", "vif12.0"), Event("link", "eth0"))
    assert not loop.passed.acquire(timeout=0.3)
    assert loop.stop() == []


def test_the_tunnel_list_follows_each_pass() -> None:
    loop = Loop(("tun0",), ("wg0",))  # the settings now name wg0 instead of tun0
    loop.burst(Event("settings", "/vm-config/qubes-fw-leakguard-tunnel-interfaces"))
    loop.wait_pass()
    loop.burst(Event("link", "tun0"))  # no longer a tunnel
    loop.burst(Event("link", "wg0"))
    loop.wait_pass()
    assert loop.stop() == [False, True]


def test_conntrack_listing_and_deletion_count() -> None:
    listing = (
        "tcp      6 431999 ESTABLISHED src=10.137.0.5 dst=198.51.100.10 sport=40000 dport=8080 "
        "src=198.51.100.10 dst=10.137.0.5 sport=8080 dport=40000 [ASSURED] mark=0 use=1\n"
        "udp      17 29 src=192.168.77.2 dst=9.9.9.9 sport=5353 dport=53 [UNREPLIED] src=9.9.9.9 dst=192.168.77.2 sport=53 dport=5353 mark=0 use=1\n"
    )
    assert parse_flows(listing) == [("10.137.0.5", "198.51.100.10"), ("192.168.77.2", "9.9.9.9")]
    assert _count_deleted("conntrack v1.4.7 (conntrack-tools): 3 flow entries have been deleted.") == 3
    assert _count_deleted("conntrack v1.4.7 (conntrack-tools): 0 flow entries have been deleted.") == 0


class FakeQubesDB:
    """Stands in for the `qubesdb` module's client (there is no QubesDB daemon here).

    The first connection delivers two watch events, then the daemon "restarts".
    """

    connections = 0
    watched: list[str] = []

    def __init__(self) -> None:
        FakeQubesDB.connections += 1
        self._events = ["/vm-config/qubes-fw-leakguard-block-ipv6", "/qubes-service/qubes-fw-leakguard"]
        if FakeQubesDB.connections > 1:
            self._events = []

    def watch(self, prefix: str) -> None:
        FakeQubesDB.watched.append(prefix)

    def read_watch(self) -> str:
        if self._events:
            return self._events.pop(0)
        if FakeQubesDB.connections == 1:
            raise OSError("QubesDB connection lost")
        threading.Event().wait()  # the second connection just waits (daemon thread)
        return ""


def test_qubesdb_watch_follows_both_prefixes_and_recovers_from_a_daemon_restart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "qubesdb", types.SimpleNamespace(QubesDB=FakeQubesDB))
    events: queue.Queue[Event] = queue.Queue()
    watch = QubesDbWatch(events)
    watch.retry_s = 0.01
    watch.start()
    got = [events.get(timeout=5) for _ in range(3)]
    assert got == [
        Event("settings", "/vm-config/qubes-fw-leakguard-block-ipv6"),
        Event("settings", "/qubes-service/qubes-fw-leakguard"),
        Event("settings", "reconnected"),  # changes may have been missed: make a pass
    ]
    assert FakeQubesDB.watched == ["/vm-config/", "/qubes-service/"] * 2
