"""One small type per rule field, each parsing its own Admin API text.

Every parser accepts exactly what qubesd accepts for that option (see
qubes-firewall-facts.md §3.1) and raises `RuleError` naming the field
otherwise. Stricter, person-oriented checks live in `checks.py`.
"""

from __future__ import annotations

import datetime
import functools
import ipaddress
import re
import socket
import string
from dataclasses import dataclass
from typing import Literal

from qubes_fw_gui.model.errors import RuleError
from qubes_fw_gui.model.text import translate

# qubesd's character set for every option value except comment.
BASE_CHARS = frozenset(string.ascii_letters + string.digits + ":;,./-_[]")
COMMENT_CHARS = BASE_CHARS | {" "}
HOSTNAME_CHARS = frozenset(string.ascii_lowercase + string.digits + "-._")

ACTIONS = ("accept", "drop")
PROTOCOLS = ("tcp", "udp", "icmp")
SPECIAL_TARGETS = ("dns",)
# The vm-interface spec's `dpi` values (L7 protocol); `NO` means none.
L7_PROTOCOLS = ("HTTP", "TLS", "SSL", "SSH", "SMTP", "IMAP", "POP3", "FTP", "SMB", "SMB2", "DNS")
L7_NONE = "NO"


def check_chars(field: str, value: str, allowed: frozenset[str] = BASE_CHARS) -> None:
    """Refuse any character qubesd's RuleOption would refuse."""
    if allowed.issuperset(value):
        return
    for char in value:
        if char not in allowed:
            shown = repr(char) if char.isprintable() and char != " " else f"U+{ord(char):04X}"
            raise RuleError(field, value, translate("RuleModel", "the character {char} is not allowed here").format(char=shown))


def parse_choice(field: str, text: str, choices: tuple[str, ...]) -> str:
    if text not in choices:
        raise RuleError(
            field, text, translate("RuleModel", "must be one of {choices}, not '{value}'").format(choices=", ".join(choices), value=text)
        )
    return text


TargetKind = Literal["dst4", "dst6", "dsthost"]


@dataclass(frozen=True, eq=False)
class Target:
    """A destination: an IPv4/IPv6 address or network, or a host name.

    The kind comes from the value, never from the option key, as in qubesd:
    `dsthost=1.2.3.4` is `dst4=1.2.3.4/32` and `dst4=example.com` is a host.
    `value` is the canonical API text (address as typed plus `/prefix`).
    """

    kind: TargetKind
    value: str

    def __post_init__(self) -> None:
        # Built directly (not by parse): it must be what parse would give, so no
        # character can smuggle a second rule and dst4 always holds an address.
        parsed = Target.parse(self.value)
        if parsed.kind != self.kind or parsed.value != self.value:
            raise RuleError(
                "target", self.value, f"{self.value!r} is not a canonical {self.kind} value; use Target.parse"  # for programmers
            )

    @classmethod
    def _make(cls, kind: TargetKind, value: str) -> Target:
        # parse has already validated: skip __post_init__ (it would parse again).
        target = object.__new__(cls)
        object.__setattr__(target, "kind", kind)
        object.__setattr__(target, "value", value)
        return target

    @classmethod
    def parse(cls, text: str) -> Target:
        if not BASE_CHARS.issuperset(text):
            check_chars("target", text)
        if "/" in text:
            if text.count("/") > 1:
                raise RuleError("target", text, translate("RuleModel", "an address has at most one '/'"))
            host, prefix_text = text.split("/", 1)
            if not prefix_text.isdigit():
                raise RuleError("target", text, translate("RuleModel", "the prefix length after '/' must be a number"))
            prefix = int(prefix_text)
            # Only IPv6 text has ':' and IPv4 text never does, so one inet_pton decides.
            if ":" in host and _is_inet(socket.AF_INET6, host):
                if prefix > 128:
                    raise RuleError("target", text, translate("RuleModel", "an IPv6 prefix length is 0 to 128"))
                return cls._make("dst6", f"{host}/{prefix}")
            if ":" not in host and host.count(".") == 3 and _is_inet(socket.AF_INET, host):
                if prefix > 32:
                    raise RuleError("target", text, translate("RuleModel", "an IPv4 prefix length is 0 to 32"))
                return cls._make("dst4", f"{host}/{prefix}")
            raise RuleError(
                "target", text, translate("RuleModel", "'{host}' is not an IPv4 or IPv6 address").format(host=host)
            )
        if ":" in text:
            if _is_inet(socket.AF_INET6, text):
                return cls._make("dst6", f"{text}/128")
        elif _is_inet(socket.AF_INET, text):
            if text.count(".") != 3:
                raise RuleError("target", text, translate("RuleModel", "an IPv4 address has exactly three dots"))
            return cls._make("dst4", f"{text}/32")
        if not HOSTNAME_CHARS.issuperset(text):
            if HOSTNAME_CHARS.issuperset(text.lower()):
                raise RuleError(
                    "target", text, translate("RuleModel", "write the host name in lowercase: {name}").format(name=text.lower())
                )
            raise RuleError(
                "target",
                text,
                translate("RuleModel", "a host name may contain only lowercase letters, digits, '-', '.' and '_'"),
            )
        return cls._make("dsthost", text)

    @property
    def host(self) -> str:
        return self.value.split("/", 1)[0]

    @property
    def prefixlen(self) -> int | None:
        return int(self.value.split("/", 1)[1]) if self.kind != "dsthost" else None

    @property
    def network(self) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
        """The network it matches (host bits masked, as nftables does), or None for a host name."""
        if self.kind == "dsthost":
            return None
        return ipaddress.ip_network(self.value, strict=False)

    def _key(self) -> tuple[str, object]:
        if self.kind == "dsthost":
            return (self.kind, self.value)
        return (self.kind, (ipaddress.ip_address(self.host), self.prefixlen))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Target) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


def _is_inet(family: int, text: str) -> bool:
    # The same libc check qubesd makes, so both agree on edge cases.
    try:
        socket.inet_pton(family, text)
    except (OSError, ValueError):
        return False
    return True


@dataclass(frozen=True)
class PortRange:
    """`dstports`: one port or an inclusive range, always written `N-M`."""

    first: int
    last: int

    def __post_init__(self) -> None:
        if not (0 <= self.first <= 65535 and 0 <= self.last <= 65535):
            raise RuleError("ports", self.api_value(), translate("RuleModel", "ports are numbers from 0 to 65535"))
        if self.first > self.last:
            raise RuleError(
                "ports",
                self.api_value(),
                translate("RuleModel", "the range starts above its end ({first} > {last})").format(first=self.first, last=self.last),
            )

    @classmethod
    def parse(cls, text: str) -> PortRange:
        return _parse_ports(text)

    @classmethod
    def _parse_uncached(cls, text: str) -> PortRange:
        if not text.isascii():
            raise RuleError("ports", text, translate("RuleModel", "only ASCII digits are allowed"))
        ends = text.split("-", 1)
        try:
            numbers = [int(end) for end in ends]
        except ValueError:
            raise RuleError("ports", text, translate("RuleModel", "a port is a number or a range like 8000-8080")) from None
        return cls(numbers[0], numbers[-1])

    def api_value(self) -> str:
        return f"{self.first}-{self.last}"

    @property
    def is_single(self) -> bool:
        return self.first == self.last

    def __contains__(self, port: object) -> bool:
        return isinstance(port, int) and self.first <= port <= self.last


@functools.lru_cache(maxsize=1024)
def _parse_ports(text: str) -> PortRange:
    # Lists repeat a few port values many times; a PortRange is immutable, so share it.
    return PortRange._parse_uncached(text)


def parse_icmptype(text: str) -> int:
    if not re.fullmatch(r"[0-9]{1,3}", text) or int(text) > 255:
        raise RuleError("icmptype", text, translate("RuleModel", "an ICMP type is a number from 0 to 255"))
    return int(text)


def parse_expire(text: str) -> int:
    if not re.fullmatch(r"[0-9]+", text):
        raise RuleError("expire", text, translate("RuleModel", "the expiry is a UNIX time in whole seconds"))
    return check_expire(int(text))


def check_expire(value: int) -> int:
    """qubesd turns the expiry into a local datetime; one it cannot represent fails the Set."""
    try:
        datetime.datetime.fromtimestamp(value)
    except (OverflowError, ValueError, OSError):
        raise RuleError(
            "expire", str(value), translate("RuleModel", "the expiry is too far in the future (after the year 9999)")
        ) from None
    return value


def parse_l7(text: str) -> str | None:
    """The spec's `dpi` value; `NO` (any case) means no L7 protocol."""
    check_chars("l7", text)
    canonical = text.upper()
    if canonical == L7_NONE:
        return None
    if canonical not in L7_PROTOCOLS:
        raise RuleError(
            "l7",
            text,
            translate("RuleModel", "unknown L7 protocol '{name}'; known: {known}").format(name=text, known=", ".join(L7_PROTOCOLS)),
        )
    return canonical


def parse_comment(text: str) -> str | None:
    """Everything after `comment=`; empty means no comment, as in qubesd."""
    if "=" in text:
        raise RuleError("comment", text, translate("RuleModel", "a comment may not contain '='"))
    check_chars("comment", text, COMMENT_CHARS)
    return text or None
