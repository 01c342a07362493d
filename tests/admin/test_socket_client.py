"""The socket adapter: the exact bytes it sends, and how replies become port errors."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

from qubes_fw_gui.admin.connect import connect
from qubes_fw_gui.admin.port import (
    AdminError,
    Event,
    FeatureNotFound,
    NoSuchQube,
    QubesdError,
    RequestRefused,
)
from qubes_fw_gui.admin.socket_client import SocketAdminPort, parse_properties
from qubes_fw_gui.admin.wire import EventReader, decode_reply
from qubes_fw_gui.model.rule import Rule


def test_each_call_sends_qubesadmins_header(sandbox, sandbox_port: SocketAdminPort) -> None:
    start = len(sandbox.requests)
    sandbox_port.get_rules("work")
    sandbox_port.set_rules("work", [Rule.parse("dstports=443 proto=tcp action=accept"), Rule("drop")])
    sandbox_port.reload_firewall("work")
    sandbox_port.get_feature("sys-vpn", "service.qubes-fw-leakguard")
    sandbox_port.check_feature_with_template("sys-vpn", "qubes-firewall")
    sandbox_port.check_feature_with_netvm("banking", "ipv6")
    sandbox_port.set_feature("sys-vpn", "service.qubes-fw-leakguard", "1")
    sandbox_port.remove_feature("sys-vpn", "service.qubes-fw-leakguard")
    sandbox_port.label_color("green")
    sandbox_port.get_qube("vault")
    assert sandbox.requests[start:] == [
        b"admin.vm.firewall.Get+ dom0 name work\0",
        b"admin.vm.firewall.Set+ dom0 name work\0action=accept proto=tcp dstports=443-443\naction=drop\n",
        b"admin.vm.firewall.Reload+ dom0 name work\0",
        b"admin.vm.feature.Get+service.qubes-fw-leakguard dom0 name sys-vpn\0",
        b"admin.vm.feature.CheckWithTemplate+qubes-firewall dom0 name sys-vpn\0",
        b"admin.vm.feature.CheckWithNetvm+ipv6 dom0 name banking\0",
        b"admin.vm.feature.Set+service.qubes-fw-leakguard dom0 name sys-vpn\x001",
        b"admin.vm.feature.Remove+service.qubes-fw-leakguard dom0 name sys-vpn\0",
        b"admin.label.Get+green dom0 name dom0\0",
        b"admin.vm.List+ dom0 name vault\0",
        b"admin.vm.property.GetAll+ dom0 name vault\0",
    ]


def test_list_qubes_is_one_list_plus_one_getall_per_qube(sandbox, sandbox_port: SocketAdminPort) -> None:
    start = len(sandbox.requests)
    qubes = sandbox_port.list_qubes()
    assert len(sandbox.requests) - start == 1 + 10  # dom0 is listed by qubesd but not asked about
    assert "dom0" not in [qube.name for qube in qubes]


def test_refused_message_names_the_likely_causes(stock_sandbox) -> None:
    port = SocketAdminPort(stock_sandbox.socket_path)
    with pytest.raises(RequestRefused) as raised:
        port.set_rules("banking", [Rule.parse("action=accept dpi=SSH proto=tcp")])
    message = raised.value.message
    assert "admin.vm.firewall.Set for banking" in message
    assert "invalid rule" in message and "64 KiB" in message and "journalctl" in message


def test_exception_frames_become_port_errors(sandbox_port: SocketAdminPort) -> None:
    with pytest.raises(NoSuchQube) as missing:
        sandbox_port.reload_firewall("nosuch")
    assert missing.value.kind == "QubesVMNotFoundError"
    assert missing.value.message == "No such domain: 'nosuch'. The qube may have been removed or renamed."
    with pytest.raises(FeatureNotFound):
        sandbox_port.call("admin.vm.feature.Get", "work", "nope")
    with pytest.raises(QubesdError) as bad_name:
        sandbox_port.get_rules("0work")
    assert bad_name.value.kind == "QubesValueError"
    with pytest.raises(RequestRefused):
        sandbox_port.get_rules("not valid")  # a space: five header fields, no reply


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        (b"", RequestRefused),
        (b"2\0QubesValueError\0\0bad value\0", QubesdError),
        (b"2\0QubesVMNotFoundError\0\0No such domain: 'x'\0", NoSuchQube),
        (b"3\0what", AdminError),
        (b"2\0Broken", AdminError),
    ],
)
def test_decode_reply(reply: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        decode_reply(reply, "admin.vm.firewall.Get", "work")


def test_decode_reply_success_body() -> None:
    assert decode_reply(b"0\0action=drop\n", "m", "d") == b"action=drop\n"
    assert decode_reply(b"0\0", "m", "d") == b""


def test_event_reader_splits_frames_across_any_chunking() -> None:
    stream = (
        b"1\0\0connection-established\0\0"
        b"1\0work\0firewall-changed\0\0"
        b"1\0work\0property-set:netvm\0name\0netvm\0newvalue\0sys-vpn\0oldvalue\0sys-firewall\0\0"
    )
    expected = [
        Event("", "connection-established"),
        Event("work", "firewall-changed"),
        Event("work", "property-set:netvm", {"name": "netvm", "newvalue": "sys-vpn", "oldvalue": "sys-firewall"}),
    ]
    for size in (1, 2, 3, 7, len(stream)):
        chunks = [stream[i : i + size] for i in range(0, len(stream), size)] + [b""]
        assert list(EventReader(iter(chunks).__next__)) == expected, size


def test_get_all_unescapes_values() -> None:
    props = parse_properties("description default=False type=str a\\nb\\\\c\nnetvm default=True type=vm \n")
    assert props == {"description": ("str", "a\nb\\c"), "netvm": ("vm", "")}


def test_unreachable_and_permission_messages(tmp_path: Path) -> None:
    with pytest.raises(AdminError) as raised:
        SocketAdminPort(tmp_path / "none.sock").get_rules("work")
    assert str(tmp_path / "none.sock") in raised.value.message


def test_connection_reset_mid_request_is_refused(tmp_path: Path) -> None:
    """A server that drops the line while we still send (qubesd past 64 KiB)."""
    path = tmp_path / "rst.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)

    def reset_first() -> None:
        conn, _ = server.accept()
        conn.recv(10)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\1\0\0\0\0\0\0\0")
        conn.close()

    threading.Thread(target=reset_first, daemon=True).start()
    with pytest.raises(RequestRefused):
        SocketAdminPort(path).call("admin.vm.firewall.Set", "work", payload=b"action=drop\n" * 5000)
    server.close()


def test_connect_picks_the_socket_adapter(tmp_path: Path) -> None:
    port = connect(str(tmp_path / "q.sock"))
    assert isinstance(port, SocketAdminPort) and port.socket_path == str(tmp_path / "q.sock")
    try:
        import qubesadmin  # noqa: F401
    except ImportError:
        fallback = connect()
        assert isinstance(fallback, SocketAdminPort) and fallback.socket_path == "/var/run/qubesd.sock"
    else:
        from qubes_fw_gui.admin.qubesadmin_adapter import QubesadminPort

        assert isinstance(connect(), QubesadminPort)


def test_feature_value_must_be_printable_ascii(sandbox, sandbox_port: SocketAdminPort) -> None:
    sent = len(sandbox.requests)
    for value in ("caf\u00e9", "two\nlines"):
        with pytest.raises(AdminError, match="printable ASCII"):
            sandbox_port.set_feature("sys-vpn", "vm-config.x", value)
    assert len(sandbox.requests) == sent


def test_a_hanging_qubesd_times_out_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "hang.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)  # accepts (in the backlog) but never answers
    try:
        with pytest.raises(AdminError, match="did not answer admin.vm.List"):
            SocketAdminPort(path, timeout=0.2).list_qubes()
    finally:
        server.close()
