"""Well-known ports: `https (443)` for display, `https`/`443`/`8000-8080` for input.

The catalogue is protocol-aware: a service name is looked up for the rule's
protocol (tcp or udp), since names and ports need not agree between the two.
It reads the bundled table in resources/ports/ and merges /etc/services over
it where that file exists, so the machine's own names win.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from qubes_fw_gui import paths
from qubes_fw_gui.model.errors import RuleError
from qubes_fw_gui.model.fields import PortRange
from qubes_fw_gui.model.text import translate

PORT_PROTOCOLS = ("tcp", "udp")
SYSTEM_SERVICES = Path("/etc/services")

# What a person most likely wants, offered first in the combo box.
COMMON = {
    "tcp": ("https", "http", "ssh", "domain", "smtp", "submission", "submissions", "imaps",
            "pop3s", "http-alt", "ftp", "rsync", "git", "xmpp-client", "ircs-u",
            "hkp", "openvpn", "ms-wbt-server", "vnc", "microsoft-ds", "ldaps", "ipp"),
    "udp": ("domain", "ntp", "https", "openvpn", "wireguard", "isakmp", "ipsec-nat-t",
            "bootps", "mdns", "stun", "sip", "syslog", "snmp", "tftp"),
}

# `https (443)` or `443 (https)`, as we and qubes-manager show them.
_NAME_THEN_PORT = re.compile(r"([A-Za-z0-9][A-Za-z0-9._+-]*)\s*\(\s*([0-9]+)\s*\)")
_PORT_THEN_NAME = re.compile(r"([0-9]+)\s*\(\s*([A-Za-z0-9][A-Za-z0-9._+-]*)\s*\)")
_RANGE = re.compile(r"([0-9]+)\s*-\s*([0-9]+)")


@dataclass(frozen=True)
class Service:
    """One well-known name for a port of one protocol; aliases read as the name."""

    name: str
    port: int
    proto: str
    aliases: tuple[str, ...] = ()
    description: str = ""


class PortCatalogue:
    """Names and numbers of well-known ports, per protocol."""

    def __init__(self, *tables: Iterable[Service]) -> None:
        # A later table wins over an earlier one; within a table the first entry
        # for a name or port is the primary one, as in /etc/services.
        self._by_name: dict[tuple[str, str], Service] = {}
        self._by_port: dict[tuple[str, int], Service] = {}
        for table in tables:
            names: dict[tuple[str, str], Service] = {}
            ports: dict[tuple[str, int], Service] = {}
            for service in table:
                names.setdefault((service.proto, service.name.lower()), service)
                ports.setdefault((service.proto, service.port), service)
            for service in table:  # an alias never hides another entry's own name
                for alias in service.aliases:
                    names.setdefault((service.proto, alias.lower()), service)
            self._by_name.update(names)
            self._by_port.update(ports)

    # -- lookup ------------------------------------------------------------

    def service(self, name: str, proto: str | None) -> Service | None:
        """The service a name means for a protocol; with no protocol, only an unambiguous one."""
        key = name.strip().lower()
        if proto in PORT_PROTOCOLS:
            return self._by_name.get((proto, key))
        found = [self._by_name[(p, key)] for p in PORT_PROTOCOLS if (p, key) in self._by_name]
        if len({service.port for service in found}) == 1:
            return found[0]
        return None

    def name_of(self, port: int, proto: str | None) -> str | None:
        for p in (proto,) if proto in PORT_PROTOCOLS else PORT_PROTOCOLS:
            service = self._by_port.get((p, port))
            if service is not None:
                return service.name
        return None

    # -- display and input ---------------------------------------------------

    def display(self, ports: PortRange | None, proto: str | None) -> str:
        """`https (443)` for a named port, `8443` for another, `8000-8080` for a range, `any`."""
        if ports is None:
            return translate("RuleModel", "any")
        if not ports.is_single:
            return f"{ports.first}-{ports.last}"
        name = self.name_of(ports.first, proto)
        return f"{name} ({ports.first})" if name else str(ports.first)

    def parse(self, text: str, proto: str | None) -> PortRange:
        """Read what a person typed; RuleError(field="ports") with a plain message otherwise."""
        stripped = text.strip()
        if not stripped:
            raise RuleError("ports", text, translate("RuleModel", "type a port, a range like 8000-8080, or a service like https"))
        if stripped.isdigit():
            return _single(text, int(stripped))
        match = _RANGE.fullmatch(stripped)
        if match:
            return _range(text, int(match[1]), int(match[2]))
        match = _NAME_THEN_PORT.fullmatch(stripped)
        if match:
            return self._named(text, match[1], proto, int(match[2]))
        match = _PORT_THEN_NAME.fullmatch(stripped)
        if match:
            return self._named(text, match[2], proto, int(match[1]))
        if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._+-]*", stripped) and not stripped[0].isdigit():
            return self._named(text, stripped, proto, None)
        raise RuleError(
            "ports",
            text,
            translate("RuleModel", "'{text}' is not a port: type a number, a range like 8000-8080, or a service name").format(text=stripped),
        )

    def _named(self, text: str, name: str, proto: str | None, port: int | None) -> PortRange:
        service = self.service(name, proto)
        if service is None:
            if port is not None:
                # `foo (8123)`: the number is what counts, the name was only a label.
                return _single(text, port)
            raise RuleError("ports", text, self._unknown_message(name, proto))
        if port is not None and port != service.port and self.name_of(port, proto) != service.name:
            raise RuleError(
                "ports",
                text,
                translate("RuleModel", "{name} is port {port}, not {typed}: type one of them").format(name=service.name, port=service.port, typed=port),
            )
        return _single(text, service.port)

    def _unknown_message(self, name: str, proto: str | None) -> str:
        if proto not in PORT_PROTOCOLS:
            tcp, udp = (self._by_name.get((p, name.lower())) for p in PORT_PROTOCOLS)
            if tcp and udp:
                return translate(
                    "RuleModel", "{name} is port {tcp} for tcp but {udp} for udp: choose a protocol or type a port number"
                ).format(name=name, tcp=tcp.port, udp=udp.port)
            return translate("RuleModel", "'{name}' is not a known service; type a port number").format(name=name)
        other = "udp" if proto == "tcp" else "tcp"
        elsewhere = self._by_name.get((other, name.lower()))
        if elsewhere is not None:
            return translate(
                "RuleModel", "{name} is a {other} service (port {port}), not {proto}: choose {other} or type a port number"
            ).format(name=name, other=other, port=elsewhere.port, proto=proto)
        return translate("RuleModel", "'{name}' is not a known {proto} service; type a port number").format(name=name, proto=proto)

    def choices(self, proto: str | None) -> list[str]:
        """Entries for an editable combo box: the common services first, then all by port."""
        protos = (proto,) if proto in PORT_PROTOCOLS else PORT_PROTOCOLS
        seen: set[int] = set()
        entries: list[str] = []
        for p in protos:
            for name in COMMON[p]:
                service = self._by_name.get((p, name))
                if service is not None and service.port not in seen:
                    seen.add(service.port)
                    entries.append(self.display(PortRange(service.port, service.port), proto))
        rest = sorted({port for (p, port) in self._by_port if p in protos} - seen)
        entries.extend(self.display(PortRange(port, port), proto) for port in rest)
        return entries


def _single(text: str, port: int) -> PortRange:
    if not 0 <= port <= 65535:
        raise RuleError("ports", text, translate("RuleModel", "{port} is not a port: ports are 0 to 65535").format(port=port))
    return PortRange(port, port)


def _range(text: str, first: int, last: int) -> PortRange:
    for port in (first, last):
        if port > 65535:
            raise RuleError("ports", text, translate("RuleModel", "{port} is not a port: ports are 0 to 65535").format(port=port))
    if first > last:
        raise RuleError(
            "ports", text, translate("RuleModel", "the range starts above its end: write {last}-{first}").format(last=last, first=first)
        )
    return PortRange(first, last)


# -- reading the tables ------------------------------------------------------


def read_bundled(text: str) -> list[Service]:
    """The project's table: name, port, tcp|udp|tcp+udp, aliases or '-', description."""
    services = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, port, protos, aliases, description = line.split("\t")
        alias_list = () if aliases == "-" else tuple(aliases.split(","))
        for proto in protos.split("+"):
            services.append(Service(name, int(port), proto, alias_list, description))
    return services


def read_etc_services(text: str) -> list[Service]:
    """`name port/proto [aliases...] [# comment]` lines; other protocols are ignored."""
    services = []
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if len(words) < 2 or "/" not in words[1]:
            continue
        port_text, proto = words[1].split("/", 1)
        if proto not in PORT_PROTOCOLS or not port_text.isdigit() or int(port_text) > 65535:
            continue
        services.append(Service(words[0], int(port_text), proto, tuple(words[2:])))
    return services


def load_catalogue(bundled: Path, system: Path | None = SYSTEM_SERVICES) -> PortCatalogue:
    tables = [read_bundled(bundled.read_text(encoding="utf-8"))]
    if system is not None:
        try:
            tables.append(read_etc_services(system.read_text(encoding="utf-8", errors="replace")))
        except OSError:
            pass  # no /etc/services: the bundled table alone
    return PortCatalogue(*tables)


@functools.lru_cache(maxsize=1)
def default_catalogue() -> PortCatalogue:
    """The bundled table with this machine's /etc/services merged over it (read once)."""
    return load_catalogue(paths.resource("ports/services.tsv"))
