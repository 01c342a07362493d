"""How each rule field reads in the table: `https (443)`, `DNS servers`, `echo-request (8)`.

Only display: nothing here parses rule text. Port and ICMP names come from the
model's catalogues; the catalogue is loaded once per process.
"""

from __future__ import annotations

import functools
import time

from PyQt5.QtCore import QCoreApplication

from qubes_fw_gui.model.fields import PortRange, Target
from qubes_fw_gui.model.icmp import display_icmp
from qubes_fw_gui.model.ports import default_catalogue
from qubes_fw_gui.model.rule import Rule


@functools.lru_cache(maxsize=1)
def _catalogue():  # noqa: ANN202 - the model's catalogue type
    return default_catalogue()


def warm_up() -> None:
    """Read the ports table now (on a worker thread), not during the first paint."""
    _catalogue()


def target_text(rule: Rule) -> str:
    if rule.specialtarget == "dns":
        return QCoreApplication.translate("RuleTable", "DNS servers")
    if rule.target is None:
        return QCoreApplication.translate("RuleTable", "any")
    return address_text(rule.target)


def address_text(target: Target) -> str:
    """The address without /32 or /128 (display only), or the host name."""
    if target.kind == "dst4" and target.value.endswith("/32"):
        return target.host
    if target.kind == "dst6" and target.value.endswith("/128"):
        return target.host
    return target.value


def proto_text(rule: Rule) -> str:
    return rule.proto if rule.proto is not None else QCoreApplication.translate("RuleTable", "any")


def ports_text(ports: PortRange, proto: str | None) -> str:
    return _catalogue().display(ports, proto)


def icmp_text(icmptype: int) -> str:
    return display_icmp(icmptype)


def port_or_icmp_text(rule: Rule) -> str:
    if rule.ports is not None:
        return ports_text(rule.ports, rule.proto)
    if rule.icmptype is not None:
        return icmp_text(rule.icmptype)
    if rule.specialtarget == "dns":
        if rule.proto is not None:
            return ports_text(PortRange(53, 53), rule.proto)  # "domain (53)"
        return QCoreApplication.translate("RuleTable", "53 (tcp and udp)")
    return QCoreApplication.translate("RuleTable", "any")


def expire_text(expire: int | None) -> str:
    if expire is None:
        return ""
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(expire))


def l7_text(rule: Rule) -> str:
    return rule.l7 or ""
