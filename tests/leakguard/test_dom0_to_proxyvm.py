"""End to end without Qubes: features written through the Admin API socket reach the
ProxyVM's (emulated) QubesDB, and the guard reading that QubesDB enforces the same settings."""

from __future__ import annotations

from qubes_fw_gui.leakguard.guard import plan
from qubes_fw_gui.leakguard.ruleset import removal_ruleset
from qubes_fw_gui.model.leakguard_settings import LeakGuardSettings, from_qubesdb


class EmulatedQubesDb:
    """The guard's settings source over the sandbox's QubesDB of one qube."""

    def __init__(self, sandbox, qube: str) -> None:
        self.sandbox, self.qube = sandbox, qube

    def entries(self) -> dict[str, str]:
        return dict(self.sandbox.qubesdb(self.qube))


def test_settings_saved_in_dom0_are_what_the_proxyvm_enforces(sandbox, sandbox_port) -> None:
    settings = LeakGuardSettings(
        enabled=True, tunnel_interfaces=("wg*",), dns_servers=("10.64.0.1",), block_ipv6=True, log_drops=True
    )
    for name, value in settings.to_features().items():
        assert value is not None
        sandbox_port.set_feature("sys-vpn", name, value)
    db = sandbox.qubesdb("sys-vpn")
    assert db["/qubes-service/qubes-fw-leakguard"] == "1"
    assert db["/vm-config/qubes-fw-leakguard-tunnel-interfaces"] == "wg*"
    assert from_qubesdb(db) == settings
    current = plan(EmulatedQubesDb(sandbox, "sys-vpn"))
    assert current.failure is None
    assert 'oifname "wg*" goto via-tunnel' in current.ruleset
    assert "ip daddr { 10.64.0.1 } return" in current.ruleset

    # Switched off in dom0: QubesDB reads 0 and the guard removes its table.
    sandbox_port.set_feature("sys-vpn", "service.qubes-fw-leakguard", "")
    assert sandbox.qubesdb("sys-vpn")["/qubes-service/qubes-fw-leakguard"] == "0"
    assert plan(EmulatedQubesDb(sandbox, "sys-vpn")).ruleset == removal_ruleset()


def test_a_bad_value_set_by_hand_in_dom0_fails_closed_in_the_proxyvm(sandbox, sandbox_port) -> None:
    sandbox_port.set_feature("sys-vpn", "service.qubes-fw-leakguard", "1")
    sandbox_port.set_feature("sys-vpn", "vm-config.qubes-fw-leakguard-tunnel-interfaces", "tun0 eth0")
    current = plan(EmulatedQubesDb(sandbox, "sys-vpn"))
    assert current.failure is not None and "/vm-config/qubes-fw-leakguard-tunnel-interfaces" in current.failure
    assert 'comment "fail closed"' in current.ruleset
