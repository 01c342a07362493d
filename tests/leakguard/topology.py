"""A ProxyVM in miniature, made of network namespaces (addresses exist only inside them).

    down (qube)            proxy (ProxyVM)                 upstream (uplink side)
    eth0 10.137.0.5 ---- vif3.0 10.137.0.1 (group 2)
                           eth0 192.168.77.2 (group 1) ---- eth0 192.168.77.1
                           tun0 10.200.0.2 ------------------------------- vpn: tun-peer 10.200.0.1

Both `upstream` and `vpn` answer on the same service addresses (198.51.100.10 for
TCP, 198.51.100.53 for DNS, fd00:51::10 over IPv6), and each says who it is, so
routing alone decides the path: via tun0 while it is up, via eth0 once it is down.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.leakguard.nsutil import Namespaces

SERVICE = "198.51.100.10"
RESOLVER = "198.51.100.53"
SERVICE6 = "fd00:51::10"
TCP_PORT = 8080

# Answers TCP on 8080 and DNS-style UDP/TCP on 53 with its own name, v4 and v6.
SERVER = r"""
import socket, sys, threading
name = sys.argv[1].encode()
def tcp(port, family, addr):
    s = socket.socket(family, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if family == socket.AF_INET6:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    s.bind((addr, port)); s.listen(16)
    def serve():
        while True:
            c, _ = s.accept()
            def talk(c=c):
                try:
                    while True:
                        data = c.recv(100)
                        if not data:
                            break
                        c.sendall(name + b":" + data)
                finally:
                    c.close()
            threading.Thread(target=talk, daemon=True).start()
    threading.Thread(target=serve, daemon=True).start()
def udp(port, family, addr):
    s = socket.socket(family, socket.SOCK_DGRAM)
    if family == socket.AF_INET6:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    s.bind((addr, port))
    def serve():
        while True:
            data, peer = s.recvfrom(512)
            s.sendto(data[:2] + b"|" + name, peer)
    threading.Thread(target=serve, daemon=True).start()
for port in (8080, 53):
    tcp(port, socket.AF_INET, "0.0.0.0"); tcp(port, socket.AF_INET6, "::")
# Bound to the service addresses, so replies come from the address that was asked.
for addr in sys.argv[2:]:
    udp(53, socket.AF_INET6 if ":" in addr else socket.AF_INET, addr)
print("ready", flush=True)
sys.stdin.read()
"""

# One exchange from the downstream qube: prints who answered, or FAIL and why.
CLIENT = r"""
import socket, sys
kind, host, port, wait = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
family = socket.AF_INET6 if ":" in host else socket.AF_INET
try:
    if kind == "tcp":
        s = socket.create_connection((host, port), timeout=wait)
        s.sendall(b"hello"); print(s.recv(100).decode().split(":")[0])
    else:
        # connected, so an ICMP reject is reported at once instead of a timeout
        s = socket.socket(family, socket.SOCK_DGRAM); s.settimeout(wait / 3); s.connect((host, port))
        for attempt in range(3):  # like a resolver, ask again when no answer comes
            s.send(b"\x12\x34query")
            try:
                print(s.recv(512).decode().split("|")[1]); break
            except TimeoutError:
                if attempt == 2:
                    raise
except OSError as e:
    print("FAIL", type(e).__name__, e)
"""


QUBES_LIKE_TABLE = """table inet qubes-like {
    chain custom-forward {
    }
    chain forward {
        type filter hook forward priority filter; policy accept;
        jump custom-forward
        ct state invalid drop
        ct state established,related accept
        oifgroup 2 drop
    }
}
"""

# A downstream program that keeps one TCP connection open and talks on request.
KEEPER = r"""
import socket, sys
s = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=1.5)
print("open", flush=True)
for line in sys.stdin:
    try:
        s.sendall(line.strip().encode()); print(s.recv(100).decode(), flush=True)
    except OSError as e:
        print("FAIL", type(e).__name__, flush=True)
"""


class Topology:
    def __init__(self, spaces: Namespaces, tmp: Path) -> None:
        self.spaces = spaces
        self.tmp = tmp
        self.down = spaces.add("down")
        self.proxy = spaces.add("proxy")
        self.upstream = spaces.add("up")
        self.vpn = spaces.add("vpn")
        self.servers: list[subprocess.Popen] = []
        run = spaces.run
        run(self.proxy, f"ip link add vif3.0 type veth peer name eth0 netns {self.down}")
        run(self.proxy, f"ip link add eth0 type veth peer name eth0 netns {self.upstream}")
        run(self.proxy, f"ip link add tun0 type veth peer name tun-peer netns {self.vpn}")
        run(self.down, "ip addr add 10.137.0.5/24 dev eth0 && ip -6 addr add fd09::5/64 dev eth0 nodad && ip link set eth0 up"
            " && ip route add default via 10.137.0.1 && ip -6 route add default via fd09::1")
        run(self.proxy, "ip link set vif3.0 group 2 && ip link set eth0 group 1"
            " && ip addr add 10.137.0.1/24 dev vif3.0 && ip -6 addr add fd09::1/64 dev vif3.0 nodad"
            " && ip addr add 192.168.77.2/24 dev eth0 && ip -6 addr add fd00:77::2/64 dev eth0 nodad"
            " && ip addr add 10.200.0.2/24 dev tun0 && ip -6 addr add fd00:200::2/64 dev tun0 nodad"
            " && ip link set vif3.0 up && ip link set eth0 up && ip link set tun0 up"
            " && sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1"
            " && ip route add default via 192.168.77.1 metric 100 && ip -6 route add default via fd00:77::1 metric 100")
        for ns, link, mine, peer, mine6 in (
            (self.upstream, "eth0", "192.168.77.1", "192.168.77.2", "fd00:77::1"),
            (self.vpn, "tun-peer", "10.200.0.1", "10.200.0.2", "fd00:200::1"),
        ):
            run(ns, f"ip addr add {mine}/24 dev {link} && ip -6 addr add {mine6}/64 dev {link} nodad && ip link set {link} up"
                f" && ip addr add {SERVICE}/32 dev lo && ip addr add {RESOLVER}/32 dev lo && ip -6 addr add {SERVICE6}/128 dev lo"
                f" && ip route add 10.137.0.0/24 via {peer} && ip -6 route add fd09::/64 via {peer.replace('192.168.77.2', 'fd00:77::2').replace('10.200.0.2', 'fd00:200::2')}")
        # Like Qubes' own forward chain: established flows accepted (this also turns
        # conntrack on in the namespace), new ones towards downstream dropped.
        run(self.proxy, "nft -f - <<'EOF'\n" + QUBES_LIKE_TABLE + "EOF")
        self.tunnel_up()
        self.start_server(self.upstream, "upstream")
        self.start_server(self.vpn, "vpn")

    def tunnel_up(self) -> None:
        """The VPN is connected: its routes point the service addresses into tun0."""
        # IPv6 addresses go with the link (keep_addr_on_down=0); a VPN client sets them again.
        self.spaces.run(self.proxy, "ip link set tun0 up && ip -6 addr replace fd00:200::2/64 dev tun0 nodad"
                        f" && ip route replace {SERVICE} via 10.200.0.1 dev tun0 onlink"
                        f" && ip route replace {RESOLVER} via 10.200.0.1 dev tun0 onlink"
                        f" && ip -6 route replace {SERVICE6} via fd00:200::1 dev tun0 onlink")

    def tunnel_down(self) -> None:
        """The VPN dropped: the kernel removes tun0's routes, traffic falls back to eth0."""
        self.spaces.run(self.proxy, "ip link set tun0 down")

    def start_server(self, ns: str, name: str) -> None:
        server = subprocess.Popen(
            ["ip", "netns", "exec", ns, sys.executable, "-c", SERVER, name, RESOLVER, SERVICE, SERVICE6],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        self.servers.append(server)
        assert server.stdout is not None and server.stdout.readline().strip() == "ready"

    def ask(self, kind: str, host: str, port: int, wait: float = 1.5) -> str:
        """What the downstream qube gets back: 'vpn', 'upstream' or 'FAIL ...'."""
        done = subprocess.run(
            ["ip", "netns", "exec", self.down, sys.executable, "-c", CLIENT, kind, host, str(port), str(wait)],
            capture_output=True, text=True, timeout=10,
        )
        return done.stdout.strip() or done.stderr.strip()

    def guard(self, settings_text: str, *extra: str) -> subprocess.CompletedProcess:
        """Run qubes-fw-leakguard once inside the ProxyVM with these settings."""
        path = self.tmp / f"settings-{time.monotonic_ns()}"
        path.write_text(settings_text)
        return subprocess.run(
            ["ip", "netns", "exec", self.proxy, sys.executable, "-m", "qubes_fw_gui.leakguard.cli", "--settings", str(path), *extra],
            capture_output=True, text=True, timeout=20,
        )

    def keep_open(self, host: str, port: int) -> subprocess.Popen:
        """A downstream connection that stays open; write a line, read the answer."""
        keeper = subprocess.Popen(
            ["ip", "netns", "exec", self.down, sys.executable, "-c", KEEPER, host, str(port)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
        )
        self.servers.append(keeper)
        assert keeper.stdout is not None and keeper.stdout.readline().strip() == "open"
        return keeper

    def flows_from_downstream(self) -> list[str]:
        """Conntrack entries in the ProxyVM whose original source is the downstream qube."""
        listing = self.spaces.run(self.proxy, "conntrack -L 2>/dev/null", check=False).stdout
        return [line for line in listing.splitlines() if "src=10.137.0.5 " in line]

    def reset(self) -> None:
        """No guard table, tunnel up, no conntrack entries: the state each test starts from."""
        self.spaces.run(self.proxy, "nft delete table inet qubes-fw-leakguard 2>/dev/null; conntrack -F 2>/dev/null; true")
        self.tunnel_up()

    def close(self) -> None:
        for server in self.servers:
            server.kill()
            server.wait(timeout=5)
