"""The real qubesadmin library's own objects against the sandbox (skipped where it is absent).

Not through our adapter: this checks that the sandbox is a server the
library (and so qvm-firewall, qvm-prefs, qvm-features) can talk to.
"""

from __future__ import annotations

import pytest

qubesadmin_app = pytest.importorskip(
    "qubesadmin.app", reason="the qubesadmin library exists only in dom0/GUI domains (see test_contract.py)"
)
import qubesadmin.config  # noqa: E402
import qubesadmin.exc  # noqa: E402
import qubesadmin.firewall  # noqa: E402


@pytest.fixture
def app(sandbox, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(qubesadmin.config, "QUBESD_SOCKET", str(sandbox.socket_path))
    return qubesadmin_app.QubesLocal()


def test_library_lists_qubes_and_reads_properties(app) -> None:
    names = sorted(vm.name for vm in app.domains)
    assert "dom0" in names and "sys-vpn" in names and len(names) == 11
    work = app.domains["work"]
    assert (str(work.netvm), str(work.ip), str(work.label), work.klass) == ("sys-firewall", "10.137.0.4", "blue", "AppVM")
    assert work.get_power_state() == "Running"
    assert app.domains["sys-firewall"].features.check_with_template("supported-feature.qubes-firewall-dpi") == "1"


def test_library_firewall_round_trip_in_its_own_option_order(app, sandbox) -> None:
    firewall = app.domains["work"].firewall
    rules = firewall.rules
    rules.insert(0, qubesadmin.firewall.Rule(None, action="accept", dsthost="1.2.3.4", proto="tcp", dstports="22"))
    firewall.save_rules(rules)
    # qubesadmin sends its own order; the sandbox stores and answers canonically.
    assert sandbox.requests[-1].startswith(
        b"admin.vm.firewall.Set+ dom0 name work\0action=accept proto=tcp dst4=1.2.3.4/32 dstports=22-22\n"
    )
    got = app.qubesd_call("work", "admin.vm.firewall.Get").decode().splitlines()
    assert got[0] == "action=accept dst4=1.2.3.4/32 proto=tcp dstports=22-22"
    firewall.load_rules()
    assert firewall.rules == rules


def test_library_sees_qubesd_refusals(app) -> None:
    with pytest.raises(qubesadmin.exc.ProtocolError):
        app.domains["work"].firewall.save_rules([])  # qubesd: "expected payload"
    with pytest.raises(qubesadmin.exc.QubesDaemonAccessError):
        app.qubesd_call("work", "admin.vm.firewall.Set", payload=b"action=maybe\n")
    with pytest.raises(qubesadmin.exc.QubesVMNotFoundError):
        app.qubesd_call("nosuch", "admin.vm.firewall.Get")


def _tool(module: str, args: list[str], app, capsys: pytest.CaptureFixture[str]) -> list[str]:
    tool = pytest.importorskip(f"qubesadmin.tools.{module}")
    assert tool.main(args, app=app) == 0
    return capsys.readouterr().out.splitlines()


def test_the_librarys_own_tools_work_on_the_sandbox(app, sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    # qvm-firewall adds a rule in its own option order; Get answers in qubesd's.
    _tool("qvm_firewall", ["work", "add", "accept", "dsthost=example.com", "proto=tcp", "dstports=22"], app, capsys)
    raw = _tool("qvm_firewall", ["--raw", "work", "list"], app, capsys)
    assert raw[-1] == "action=accept proto=tcp dsthost=example.com dstports=22-22"
    got = app.qubesd_call("work", "admin.vm.firewall.Get").decode().splitlines()
    assert got[-1] == "action=accept dsthost=example.com proto=tcp dstports=22-22"
    # qvm-prefs needs admin.vm.property.List, then reads each property with its default flag.
    prefs = {line.split()[0]: line.split()[1:] for line in _tool("qvm_prefs", ["debian-12-xfce"], app, capsys)}
    assert prefs["netvm"] == ["D", "None"] and prefs["label"] == ["-", "black"]
    _tool("qvm_prefs", ["vault", "provides_network", "false"], app, capsys)
    assert app.qubesd_call("vault", "admin.vm.property.Get", "provides_network") == b"default=False type=bool False"
