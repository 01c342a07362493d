"""The sandbox starts with its demo world and answers over its real socket."""

from tests.sandbox.rawclient import call


def test_firewall_get_of_work_is_the_demo_list(sandbox) -> None:
    reply = call(sandbox.socket_path, "admin.vm.firewall.Get", "work")
    assert reply.startswith(b"0\0action=accept dsthost=qubes-os.org proto=tcp dstports=443-443 comment=Qubes website\n")
    assert reply.endswith(b"\naction=drop\n")


def test_sandbox_port_lists_the_demo_qubes(sandbox_port) -> None:
    names = [qube.name for qube in sandbox_port.list_qubes()]
    assert names == [
        "banking", "debian-12-xfce", "fedora-41-xfce", "personal", "sys-firewall",
        "sys-net", "sys-vpn", "untrusted", "vault", "work",
    ]


def test_stock_sandbox_refuses_dpi_and_spec_sandbox_takes_it(sandbox, stock_sandbox) -> None:
    line = b"action=accept dsthost=example.com proto=tcp dstports=443-443 dpi=TLS\n"
    assert call(sandbox.socket_path, "admin.vm.firewall.Set", "work", payload=line) == b"0\0"
    assert call(stock_sandbox.socket_path, "admin.vm.firewall.Set", "work", payload=line) == b""
