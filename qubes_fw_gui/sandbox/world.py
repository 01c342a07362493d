"""The sandbox's qubes: names, classes, power state, network links, features, rules.

Pure data plus the few derived values qubesd computes (qid-derived addresses,
feature look-ups along template and netvm links; facts §2, §4.1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qubes_fw_gui.model.rule import Rule

# Qubes' default labels (index, name, colour).
LABELS: tuple[tuple[int, str, str], ...] = (
    (1, "red", "0xcc0000"),
    (2, "orange", "0xf57900"),
    (3, "yellow", "0xedd400"),
    (4, "green", "0x73d216"),
    (5, "gray", "0x555555"),
    (6, "blue", "0x3465a4"),
    (7, "purple", "0x75507b"),
    (8, "black", "0x000000"),
)
LABEL_COLOURS = {name: colour for _, name, colour in LABELS}
LABEL_INDEX = {name: index for index, name, _ in LABELS}

DEFAULT_RULES = (Rule("accept"),)
DEFAULT_NETVM = "sys-firewall"

_NAME_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9_.-]*")


def name_problem(name: str) -> str | None:
    """Why qubesd's validate_name would refuse this qube name, or None."""
    if not name:
        return "A qube name must not be empty"
    if len(name) > 31:
        return "A qube name must be at most 31 characters long"
    if not _NAME_RE.fullmatch(name):
        return "A qube name must start with a letter and contain only letters, digits, '_', '.' and '-'"
    return None


def ipv4_of(qid: int, disp: bool = False) -> str:
    """vmid_to_ipv4: 10.137.x.y (DispVMs 10.138.x.y)."""
    if qid < 255:
        x, y = qid >> 8, qid & 255
    else:
        x, y = (qid - 1) // 254, (qid - 1) % 254 + 1
    return f"10.{138 if disp else 137}.{x}.{y}"


def ipv6_of(qid: int, disp: bool = False) -> str:
    return f"fd09:24ef:4179::{'a8a' if disp else 'a89'}:{qid:x}"


@dataclass
class Qube:
    name: str
    qid: int
    klass: str  # AdminVM, TemplateVM, AppVM, ...
    uuid: str
    state: str = "Halted"
    label: str = "red"
    netvm: str | None = None
    netvm_is_default: bool = False
    provides_network: bool = False
    # None: never set nor reset, so it is the default exactly when it is False.
    provides_network_is_default: bool | None = None
    template: str | None = None
    features: dict[str, str] = field(default_factory=dict)
    # The whole in-memory list, expired rules included: QubesDB numbering needs them.
    rules: list[Rule] = field(default_factory=lambda: list(DEFAULT_RULES))

    @property
    def is_running(self) -> bool:
        return self.state == "Running"

    @property
    def vm_type(self) -> str:
        """The /qubes-vm-type value qubesd writes."""
        if self.klass == "TemplateVM":
            return "TemplateVM"
        if self.provides_network:
            return "ProxyVM" if self.netvm else "NetVM"
        return "AppVM"


class World:
    """All qubes by name, with qubesd's derived look-ups."""

    def __init__(self, qubes: list[Qube]) -> None:
        self.qubes: dict[str, Qube] = {qube.name: qube for qube in qubes}

    def __getitem__(self, name: str) -> Qube:
        return self.qubes[name]

    def __contains__(self, name: object) -> bool:
        return name in self.qubes

    def sorted(self) -> list[Qube]:
        return [self.qubes[name] for name in sorted(self.qubes)]

    # -- network -------------------------------------------------------------

    def default_netvm(self, qube: Qube) -> str | None:
        """What `netvm` resets to: the system default, except for netvms, templates and dom0."""
        if qube.klass in ("AdminVM", "TemplateVM") or qube.provides_network:
            return None
        return DEFAULT_NETVM if DEFAULT_NETVM in self.qubes else None

    def is_networked(self, qube: Qube) -> bool:
        return qube.klass != "AdminVM" and (qube.provides_network or qube.netvm is not None)

    def ip(self, qube: Qube) -> str | None:
        return ipv4_of(qube.qid, qube.klass == "DispVM") if self.is_networked(qube) else None

    def ip6(self, qube: Qube) -> str | None:
        if not self.is_networked(qube) or not self.check_with_netvm(qube, "ipv6"):
            return None
        return ipv6_of(qube.qid, qube.klass == "DispVM")

    def connected(self, netvm: Qube) -> list[Qube]:
        return [q for q in self.sorted() if q.netvm == netvm.name]

    # -- features ------------------------------------------------------------

    def _walk(self, qube: Qube, link: str) -> list[Qube]:
        chain, seen = [], set()
        current: Qube | None = qube
        while current is not None and current.name not in seen:
            chain.append(current)
            seen.add(current.name)
            nxt = getattr(current, link)
            current = self.qubes.get(nxt) if nxt else None
        return chain

    def check_with_template(self, qube: Qube, feature: str) -> str | None:
        for link in self._walk(qube, "template"):
            if feature in link.features:
                return link.features[feature]
        return None

    def check_with_netvm(self, qube: Qube, feature: str) -> str | None:
        for link in self._walk(qube, "netvm"):
            if feature in link.features:
                return link.features[feature]
        return None
