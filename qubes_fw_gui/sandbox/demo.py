"""The demo world a fresh sandbox starts with (issue 3, item 3).

work has qid 4, so its address is 10.137.0.4 like the shared qubesd recording.
"""

from __future__ import annotations

import uuid

from qubes_fw_gui.model.payload import parse_lines
from qubes_fw_gui.sandbox.world import Qube, World

_NAMESPACE = uuid.UUID("6f1f2c1e-53a4-4d0e-9b7c-2f7c8a1d0b11")

_RULES = {
    "work": """\
action=accept dsthost=qubes-os.org proto=tcp dstports=443-443 comment=Qubes website
action=accept dsthost=github.com proto=tcp dstports=443-443 comment=Code hosting
action=accept dst4=192.168.1.0/24 proto=udp dstports=5353-5353 comment=mDNS on the office LAN
action=accept specialtarget=dns
action=accept proto=icmp icmptype=8 comment=ping
action=drop dst4=10.0.0.0/8 comment=No intranet
action=accept proto=tcp dstports=443-443 comment=Any HTTPS
action=drop
""",
    "personal": """\
action=drop dst4=192.168.0.0/16 comment=Keep off the home LAN
action=accept
""",
    "banking": """\
action=accept dsthost=bank.example.com proto=tcp dstports=443-443 comment=Online banking
action=accept specialtarget=dns
action=drop
""",
    "vault": "action=drop comment=Offline vault\n",
}


def _qube(name: str, qid: int, klass: str, **kw: object) -> Qube:
    qube = Qube(name=name, qid=qid, klass=klass, uuid=str(uuid.uuid5(_NAMESPACE, name)), **kw)  # type: ignore[arg-type]
    if name in _RULES:
        qube.rules = parse_lines(_RULES[name])
    return qube


def demo_world() -> World:
    dom0 = Qube(
        name="dom0",
        qid=0,
        klass="AdminVM",
        uuid="00000000-0000-0000-0000-000000000000",
        state="Running",
        label="black",
        rules=[],
    )
    return World(
        [
            dom0,
            _qube(
                "debian-12-xfce",
                1,
                "TemplateVM",
                label="black",
                netvm_is_default=True,  # no netvm, and not set: a template's default is none
                features={"qubes-firewall": "1", "supported-feature.qubes-firewall-dpi": "1"},
            ),
            _qube(
                "fedora-41-xfce",
                2,
                "TemplateVM",
                label="black",
                netvm_is_default=True,
                features={"qubes-firewall": "1", "supported-service.qubes-fw-leakguard": "1"},
            ),
            _qube("sys-net", 3, "AppVM", state="Running", label="red", provides_network=True, template="debian-12-xfce"),
            _qube("work", 4, "AppVM", state="Running", label="blue", netvm="sys-firewall", netvm_is_default=True, template="debian-12-xfce"),
            _qube("sys-firewall", 5, "AppVM", state="Running", label="green", netvm="sys-net", provides_network=True, template="debian-12-xfce"),
            _qube("sys-vpn", 6, "AppVM", state="Running", label="blue", netvm="sys-firewall", provides_network=True, template="fedora-41-xfce"),
            _qube("personal", 7, "AppVM", label="yellow", netvm="sys-firewall", netvm_is_default=True, template="debian-12-xfce"),
            _qube("untrusted", 8, "AppVM", label="red", netvm="sys-firewall", netvm_is_default=True, template="debian-12-xfce"),
            _qube("banking", 9, "AppVM", state="Running", label="green", netvm="sys-vpn", template="debian-12-xfce"),
            _qube("vault", 10, "AppVM", label="black", template="debian-12-xfce"),
        ]
    )
