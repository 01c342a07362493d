"""The leak guard against real packets: nft in network namespaces built like a VPN ProxyVM.

Every "FAIL" below is the downstream qube's own view (a refused or timed-out
connection); every "vpn"/"upstream" says which way its traffic really went.
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.leakguard.nsutil import Namespaces, skip_reason
from tests.leakguard.topology import RESOLVER, SERVICE, SERVICE6, TCP_PORT, Topology

pytestmark = pytest.mark.netns

ON = "service.qubes-fw-leakguard = 1\nvm-config.qubes-fw-leakguard-tunnel-interfaces = tun0\n"


def settings(**values: str) -> str:
    lines = [ON]
    lines += [f"vm-config.qubes-fw-leakguard-{name.replace('_', '-')} = {value}\n" for name, value in values.items()]
    return "".join(lines)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Topology]:
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    spaces = Namespaces()
    topology = None
    try:
        topology = Topology(spaces, tmp_path_factory.mktemp("leakguard"))
        yield topology
    finally:
        if topology is not None:
            topology.close()
        spaces.close()


@pytest.fixture
def net(world: Topology) -> Topology:
    world.reset()
    return world


def counter(net: Topology, comment: str) -> int:
    """Packets counted by the guard's rule with this comment."""
    listing = net.spaces.run(net.proxy, "nft list table inet qubes-fw-leakguard").stdout
    for line in listing.splitlines():
        if f'comment "{comment}"' in line and "counter packets" in line:
            return int(line.split("counter packets")[1].split()[0])
    raise AssertionError(f"no counter {comment!r} in:\n{listing}")


def test_control_without_the_guard_traffic_leaks_through_eth0_when_the_tunnel_is_down(net: Topology) -> None:
    assert net.ask("tcp", SERVICE, TCP_PORT) == "vpn"
    assert net.ask("udp", RESOLVER, 53) == "vpn"
    net.tunnel_down()
    assert net.ask("tcp", SERVICE, TCP_PORT) == "upstream"
    assert net.ask("udp", RESOLVER, 53) == "upstream"


def test_guard_lets_tcp_and_dns_through_tun0_and_stops_them_at_eth0_when_the_tunnel_is_down(net: Topology) -> None:
    done = net.guard(settings(dns_via_tunnel_only="1"))
    assert done.returncode == 0, done.stderr
    assert net.ask("tcp", SERVICE, TCP_PORT) == "vpn"
    assert net.ask("udp", RESOLVER, 53) == "vpn"
    assert net.ask("tcp", RESOLVER, 53) == "vpn"  # DNS over TCP too
    net.tunnel_down()
    assert net.ask("tcp", SERVICE, TCP_PORT).startswith("FAIL")
    assert net.ask("udp", RESOLVER, 53).startswith("FAIL")
    assert net.ask("tcp", RESOLVER, 53).startswith("FAIL")
    assert counter(net, "outside the tunnel") >= 1
    assert counter(net, "dns outside the tunnel") >= 2
    # The rules name interfaces, not addresses: when the tunnel comes back, traffic flows again.
    net.tunnel_up()
    assert net.ask("tcp", SERVICE, TCP_PORT) == "vpn"


def test_a_wildcard_tunnel_name_matches_in_real_nft(net: Topology) -> None:
    assert net.guard(settings(tunnel_interfaces="wg0 tu*")).returncode == 0
    assert net.ask("tcp", SERVICE, TCP_PORT) == "vpn"
    assert net.guard(settings(tunnel_interfaces="wg* tun1")).returncode == 0  # tun0 no longer named
    assert net.ask("tcp", SERVICE, TCP_PORT).startswith("FAIL")


def test_dns_only_through_the_tunnel_while_other_traffic_may_use_eth0(net: Topology) -> None:
    assert net.guard(settings(tunnel_only="0", dns_via_tunnel_only="1")).returncode == 0
    net.tunnel_down()
    assert net.ask("tcp", SERVICE, TCP_PORT) == "upstream"
    assert net.ask("udp", RESOLVER, 53).startswith("FAIL")


def test_dns_only_to_the_listed_resolvers(net: Topology) -> None:
    assert net.guard(settings(dns_via_tunnel_only="1", dns_servers="198.51.100.99")).returncode == 0
    assert net.ask("udp", RESOLVER, 53).startswith("FAIL")
    assert net.ask("tcp", SERVICE, TCP_PORT) == "vpn"
    assert counter(net, "dns to an unlisted resolver") >= 1
    assert net.guard(settings(dns_via_tunnel_only="1", dns_servers=RESOLVER)).returncode == 0
    assert net.ask("udp", RESOLVER, 53) == "vpn"


def test_ipv6_from_downstream_is_dropped_when_the_toggle_is_on(net: Topology) -> None:
    assert net.guard(settings(block_ipv6="0")).returncode == 0
    assert net.ask("tcp", SERVICE6, TCP_PORT, wait=4) == "vpn"  # the first IPv6 exchange waits for ND
    assert net.guard(settings(block_ipv6="1")).returncode == 0
    assert net.ask("tcp", SERVICE6, TCP_PORT).startswith("FAIL")
    assert net.ask("udp", SERVICE6, 53).startswith("FAIL")
    assert net.ask("tcp", SERVICE, TCP_PORT) == "vpn"
    assert counter(net, "ipv6 from downstream") >= 2


def test_a_malformed_setting_stops_all_downstream_traffic_and_says_why(net: Topology) -> None:
    done = net.guard(settings(block_ipv6="perhaps"))
    assert done.returncode == 1
    assert "/vm-config/qubes-fw-leakguard-block-ipv6" in done.stderr and "FAIL CLOSED" in done.stderr
    assert net.ask("tcp", SERVICE, TCP_PORT).startswith("FAIL")  # even through the tunnel
    assert net.ask("udp", RESOLVER, 53).startswith("FAIL")
    assert net.ask("tcp", SERVICE6, TCP_PORT).startswith("FAIL")
    assert counter(net, "fail closed") >= 3


def test_a_tunnel_list_naming_the_uplink_fails_closed_instead_of_leaking(net: Topology) -> None:
    done = net.guard(settings(tunnel_interfaces="tun0 eth0"))
    assert done.returncode == 1 and "uplink (eth0)" in done.stderr
    net.tunnel_down()
    assert net.ask("tcp", SERVICE, TCP_PORT).startswith("FAIL")


def test_switching_the_guard_off_removes_its_table(net: Topology) -> None:
    assert net.guard(settings()).returncode == 0
    done = net.guard("service.qubes-fw-leakguard =\n")
    assert done.returncode == 0 and "switched off" in done.stderr
    assert "qubes-fw-leakguard" not in net.spaces.run(net.proxy, "nft list tables").stdout
    net.tunnel_down()
    assert net.ask("tcp", SERVICE, TCP_PORT) == "upstream"


def test_print_shows_the_ruleset_and_applies_nothing(net: Topology) -> None:
    done = net.guard(settings(block_ipv6="perhaps"), "--print")
    assert done.returncode == 1
    assert "FAIL CLOSED" in done.stdout and 'comment "fail closed"' in done.stdout
    assert "qubes-fw-leakguard" not in net.spaces.run(net.proxy, "nft list tables").stdout


def test_applying_purges_the_conntrack_entries_of_downstream_flows(net: Topology) -> None:
    net.tunnel_down()
    keeper = net.keep_open(SERVICE, TCP_PORT)  # opened through eth0 before the guard existed
    assert keeper.stdin and keeper.stdout
    keeper.stdin.write("one\n")
    assert keeper.stdout.readline().strip() == "upstream:one"
    assert len(net.flows_from_downstream()) == 1
    # Without the purge the entry stays (with Qubes' flowtable, the flow would also keep going).
    assert net.guard(settings(), "--no-purge").returncode == 0
    assert len(net.flows_from_downstream()) == 1
    # Qubes' chain accepts established flows, but a drop in the guard's chain is final.
    keeper.stdin.write("mid\n")
    assert keeper.stdout.readline().startswith("FAIL")
    assert counter(net, "outside the tunnel") >= 1
    done = net.guard(settings())
    assert done.returncode == 0 and "1 downstream connection(s) reset" in done.stderr
    assert net.flows_from_downstream() == []
    keeper.stdin.write("two\n")
    assert keeper.stdout.readline().startswith("FAIL")


class Watcher:
    """qubes-fw-leakguard --watch in the ProxyVM namespace, its stderr lines in a queue."""

    def __init__(self, net: Topology, path: Path, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            ["ip", "netns", "exec", net.proxy, sys.executable, "-m", "qubes_fw_gui.leakguard.cli", "--settings", str(path), "--watch"],
            stderr=subprocess.PIPE, text=True, bufsize=1, env=env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line.strip())

    def next_line(self, timeout: float = 5) -> str:
        return self.lines.get(timeout=timeout)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=5)


def test_watch_reapplies_on_a_settings_change_and_purges_when_the_tunnel_goes(net: Topology, tmp_path: Path) -> None:
    path = tmp_path / "settings"
    path.write_text(settings(block_ipv6="0"))
    watcher = Watcher(net, path)
    try:
        assert watcher.next_line() == "qubes-fw-leakguard: leak protection applied"
        assert net.ask("tcp", SERVICE6, TCP_PORT, wait=4) == "vpn"
        path.write_text(settings(block_ipv6="1"))
        # (the IPv6 connection just made is purged too: the ruleset changed)
        assert watcher.next_line().startswith("qubes-fw-leakguard: leak protection applied")
        assert net.ask("tcp", SERVICE6, TCP_PORT).startswith("FAIL")
        # An open tunnel connection; then the tunnel drops: ip monitor link sees it,
        # the pass purges the flow, and nothing reaches the uplink.
        keeper = net.keep_open(SERVICE, TCP_PORT)
        assert keeper.stdin and keeper.stdout
        keeper.stdin.write("one\n")
        assert keeper.stdout.readline().strip() == "vpn:one"
        net.tunnel_down()
        assert watcher.next_line() == "qubes-fw-leakguard: leak protection applied; 1 downstream connection(s) reset"
        assert net.flows_from_downstream() == []
        assert net.ask("tcp", SERVICE, TCP_PORT).startswith("FAIL")
        # A link event of another interface (a qube starting) makes no pass.
        net.spaces.run(net.proxy, "ip link add vif9.0 type veth peer name vif9p && ip link set vif9.0 up && ip link del vif9.0")
        start = time.monotonic()
        with pytest.raises(queue.Empty):
            watcher.next_line(timeout=1)
        assert time.monotonic() - start >= 1
    finally:
        watcher.stop()


def test_watch_tells_systemd_it_is_ready_only_after_the_table_is_in_place(net: Topology, tmp_path: Path) -> None:
    path = tmp_path / "settings"
    path.write_text(settings())
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(tmp_path / "notify"))
    notify.settimeout(10)
    watcher = Watcher(net, path, env={**os.environ, "NOTIFY_SOCKET": str(tmp_path / "notify")})
    try:
        assert notify.recv(100) == b"READY=1"
        assert "chain from-downstream" in net.spaces.run(net.proxy, "nft list table inet qubes-fw-leakguard").stdout
    finally:
        watcher.stop()
        notify.close()
