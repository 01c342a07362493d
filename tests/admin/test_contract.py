"""One contract for both Admin API adapters, run against the sandbox's real socket.

The qubesadmin variant needs the real library, which exists only where Qubes
installs it (dom0, GUI domains); elsewhere `import qubesadmin` fails and the
variant is skipped with that reason. It is never vendored or installed by this
project: a developer who has the library runs this file with an interpreter
that can import it (see DEVELOPERS.md).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from qubes_fw_gui.admin.port import (
    AdminPort,
    DaemonUnreachable,
    Event,
    NoSuchQube,
    PermissionDenied,
    QubesdError,
    RequestRefused,
    RequestTooLarge,
)
from qubes_fw_gui.model.payload import parse_lines
from qubes_fw_gui.model.rule import Rule

PortFactory = Callable[[Path], AdminPort]


def _socket_factory(path: Path) -> AdminPort:
    from qubes_fw_gui.admin.socket_client import SocketAdminPort

    return SocketAdminPort(path)


def _qubesadmin_factory(monkeypatch: pytest.MonkeyPatch) -> PortFactory:
    try:
        import qubesadmin.app
        import qubesadmin.config
    except ImportError as error:
        pytest.skip(f"the qubesadmin library is not installed here ({error}); it exists only in dom0/GUI domains")
    from qubes_fw_gui.admin.qubesadmin_adapter import QubesadminPort

    def make(path: Path) -> AdminPort:
        # The library reads this module constant at call time (facts §1.5).
        monkeypatch.setattr(qubesadmin.config, "QUBESD_SOCKET", str(path))
        return QubesadminPort(qubesadmin.app.QubesLocal())

    return make


@pytest.fixture(params=["socket", "qubesadmin"])
def make_port(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> PortFactory:
    if request.param == "socket":
        return _socket_factory
    return _qubesadmin_factory(monkeypatch)


@pytest.fixture
def port(make_port: PortFactory, sandbox) -> AdminPort:
    return make_port(sandbox.socket_path)


DEMO_QUBES = [
    "banking", "debian-12-xfce", "fedora-41-xfce", "personal", "sys-firewall",
    "sys-net", "sys-vpn", "untrusted", "vault", "work",
]


def test_lists_the_qubes_with_their_properties(port: AdminPort) -> None:
    qubes = {qube.name: qube for qube in port.list_qubes()}
    assert sorted(qubes) == DEMO_QUBES
    work = qubes["work"]
    assert (work.klass, work.state, work.netvm, work.ip, work.label, work.template) == (
        "AppVM", "Running", "sys-firewall", "10.137.0.4", "blue", "debian-12-xfce",
    )
    assert work.ip6 is None and not work.provides_network and work.is_running
    assert qubes["sys-vpn"].provides_network and qubes["sys-vpn"].netvm == "sys-firewall"
    assert qubes["sys-net"].netvm is None and qubes["sys-net"].provides_network
    assert qubes["vault"].netvm is None and qubes["vault"].ip is None and qubes["vault"].state == "Halted"
    assert qubes["debian-12-xfce"].klass == "TemplateVM"


def test_get_qube(port: AdminPort) -> None:
    banking = port.get_qube("banking")
    assert (banking.netvm, banking.ip, banking.label) == ("sys-vpn", "10.137.0.9", "green")
    with pytest.raises(NoSuchQube) as missing:
        port.get_qube("nosuch")
    assert missing.value.message == "No such domain: 'nosuch'. The qube may have been removed or renamed."


def test_get_qube_and_states_lists_every_power_state(port: AdminPort) -> None:
    banking, states = port.get_qube_and_states("banking")
    assert banking == port.get_qube("banking")
    assert (states["work"], states["vault"], states["dom0"]) == ("Running", "Halted", "Running")
    assert sorted(set(states) - {"dom0"}) == DEMO_QUBES
    with pytest.raises(NoSuchQube) as missing:
        port.get_qube_and_states("nosuch")
    assert missing.value.message == "No such domain: 'nosuch'. The qube may have been removed or renamed."


def test_rules_round_trip_byte_exact(port: AdminPort, sandbox) -> None:
    text = (
        "action=accept expire=4102444800 comment=full access until 2100\n"
        "action=accept dst4=0.0.0.0/0 proto=tcp dstports=443-443\n"
        "action=accept dst6=2001:db8::/32 proto=udp dstports=5353-5353 comment=lab\n"
        "action=accept dsthost=example.com proto=tcp dstports=443-443 dpi=TLS\n"
        "action=accept proto=icmp icmptype=8\n"
        "action=accept specialtarget=dns\n"
        "action=drop\n"
    )
    rules = parse_lines(text)
    port.set_rules("work", rules)
    assert sandbox.requests[-1] == b"admin.vm.firewall.Set+ dom0 name work\0" + text.encode()
    assert port.get_rules("work") == rules
    # The /0 rule keeps its family (qubesadmin's own Rule would drop it).
    assert sandbox.qubesdb("sys-firewall")["/qubes-firewall/10.137.0.4/0001"] == (
        "action=accept dst4=0.0.0.0/0 proto=tcp dstports=443-443"
    )


def test_get_rules_of_the_demo(port: AdminPort) -> None:
    rules = port.get_rules("work")
    assert rules[0] == Rule.parse("action=accept dsthost=qubes-os.org proto=tcp dstports=443-443 comment=Qubes website")
    assert rules[-1] == Rule("drop")
    with pytest.raises(NoSuchQube):
        port.get_rules("nosuch")
    with pytest.raises(QubesdError) as raised:
        port.get_rules("dom0")
    assert raised.value.kind == "ProtocolError"


def test_rejected_rules_raise_request_refused_and_keep_the_old_list(make_port: PortFactory, stock_sandbox) -> None:
    port = make_port(stock_sandbox.socket_path)
    old = port.get_rules("work")
    with pytest.raises(RequestRefused) as raised:
        port.set_rules("work", [Rule.parse("action=accept dsthost=example.com proto=tcp dstports=443 dpi=TLS")])
    assert "64 KiB" in raised.value.message and "journal" in raised.value.message
    assert port.get_rules("work") == old


def test_too_large_is_refused_locally_with_how_many_fit(port: AdminPort, sandbox) -> None:
    rules = [Rule.parse(f"action=accept dst4=10.1.{i // 250}.{i % 250}/32 proto=tcp dstports=443-443") for i in range(1200)]
    sent = len(sandbox.requests)
    with pytest.raises(RequestTooLarge) as raised:
        port.set_rules("work", rules)
    assert 1000 < raised.value.fits < 1200
    assert str(raised.value.fits) in raised.value.message
    assert len(sandbox.requests) == sent  # nothing went to qubesd
    port.set_rules("work", rules[: raised.value.fits])  # exactly what fits is accepted
    assert len(port.get_rules("work")) == raised.value.fits


def test_a_set_of_exactly_64_kib_is_sent_and_one_byte_more_is_not(port: AdminPort, sandbox) -> None:
    header = len(b"admin.vm.firewall.Set+ dom0 name work\0")
    line = "action=accept comment=" + "x" * 40  # 63 bytes with its newline
    count = (65536 - header) // (len(line) + 1)
    rest = 65536 - header - count * (len(line) + 1)  # filled by one last drop rule with a comment
    last = "action=drop comment=" + "y" * (rest - len("action=drop comment=") - 1)
    rules = parse_lines("\n".join([line] * count + [last]))
    port.set_rules("work", rules)
    assert len(sandbox.requests[-1]) == 65536
    assert port.get_rules("work") == rules
    sent = len(sandbox.requests)
    with pytest.raises(RequestTooLarge) as raised:
        port.set_rules("work", [*rules[:-1], rules[-1].with_changes(comment=rules[-1].comment + "y")])
    assert raised.value.fits == count
    assert len(sandbox.requests) == sent
    assert port.get_rules("work") == rules


def test_features(port: AdminPort, sandbox) -> None:
    assert port.get_feature("work", "nosuch") is None
    assert port.check_feature_with_template("sys-firewall", "supported-feature.qubes-firewall-dpi") == "1"
    assert port.check_feature_with_template("sys-vpn", "supported-feature.qubes-firewall-dpi") is None
    assert port.check_feature_with_template("sys-vpn", "supported-service.qubes-fw-leakguard") == "1"
    port.set_feature("sys-vpn", "vm-config.qubes-fw-leakguard-dns", "10.8.0.1")
    assert port.get_feature("sys-vpn", "vm-config.qubes-fw-leakguard-dns") == "10.8.0.1"
    assert port.check_feature_with_netvm("banking", "vm-config.qubes-fw-leakguard-dns") == "10.8.0.1"
    assert sandbox.qubesdb("sys-vpn")["/vm-config/qubes-fw-leakguard-dns"] == "10.8.0.1"
    port.set_feature("work", "empty", "")
    assert port.get_feature("work", "empty") == ""
    port.remove_feature("sys-vpn", "vm-config.qubes-fw-leakguard-dns")
    port.remove_feature("sys-vpn", "vm-config.qubes-fw-leakguard-dns")  # not set: no error
    assert port.get_feature("sys-vpn", "vm-config.qubes-fw-leakguard-dns") is None
    with pytest.raises(PermissionDenied) as denied:
        port.set_feature("work", "preload-dispvm-max", "2")
    assert denied.value.message.startswith("dom0 denied permission for admin.vm.feature.Set")


def test_label_color(port: AdminPort) -> None:
    assert port.label_color("red") == "0xcc0000"
    assert port.label_color("blue") == "0x3465a4"


def test_events_stream_and_close(port: AdminPort) -> None:
    stream = port.events()
    seen: list[Event] = []
    arrived = threading.Condition()

    def read() -> None:
        for event in stream:
            with arrived:
                seen.append(event)
                arrived.notify_all()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    with arrived:
        assert arrived.wait_for(lambda: len(seen) >= 1, 5)
    assert seen[0] == Event("", "connection-established")
    port.reload_firewall("work")
    port.set_feature("banking", "note", "x")
    with arrived:
        assert arrived.wait_for(lambda: Event("work", "firewall-changed") in seen, 5)
        assert arrived.wait_for(
            lambda: Event("banking", "domain-feature-set:note", {"feature": "note", "value": "x"}) in seen, 5
        )
    stream.close()
    reader.join(5)
    assert not reader.is_alive(), "close() must end a blocked iteration"


def test_events_for_one_qube(port: AdminPort) -> None:
    stream = port.events("banking")
    seen: list[Event] = []
    done = threading.Event()

    def read() -> None:
        for event in stream:
            seen.append(event)
            if event.name == "firewall-changed":
                done.set()

    threading.Thread(target=read, daemon=True).start()
    port.reload_firewall("work")
    port.reload_firewall("banking")
    assert done.wait(5)
    stream.close()
    assert [e.subject for e in seen] == ["", "banking"]


def test_unreachable_qubesd(make_port: PortFactory, tmp_path: Path) -> None:
    port = make_port(tmp_path / "nothing-here.sock")
    with pytest.raises(DaemonUnreachable) as raised:
        port.list_qubes()
    assert raised.value.message
