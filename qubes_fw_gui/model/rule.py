"""The firewall rule value type: parse any Admin API line, write the canonical ones.

Parsing follows qubesd's `Rule.from_api_string` (facts §3.1): the comment is
everything after the first `comment=`, the rest is split on single spaces
into `key=value` options in any order. Output follows qubesd's Get order
(facts §3.3), with the spec's `dpi` (L7 protocol) after `icmptype`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Any

from qubes_fw_gui.model.errors import RuleError
from qubes_fw_gui.model.fields import (
    ACTIONS,
    COMMENT_CHARS,
    L7_PROTOCOLS,
    PROTOCOLS,
    SPECIAL_TARGETS,
    PortRange,
    Target,
    check_chars,
    check_expire,
    parse_choice,
    parse_comment,
    parse_expire,
    parse_icmptype,
    parse_l7,
)
from qubes_fw_gui.model.text import translate

_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e")
DST_KEYS = ("dst4", "dst6", "dsthost", "dstname")
KNOWN_KEYS = frozenset(("action", "proto", "dstports", "icmptype", "specialtarget", "expire", "dpi") + DST_KEYS)


@dataclass(frozen=True)
class Rule:
    """One firewall rule. Equality is semantic: option order and spelling do not matter."""

    action: str
    target: Target | None = None
    proto: str | None = None
    specialtarget: str | None = None
    ports: PortRange | None = None
    icmptype: int | None = None
    l7: str | None = None
    expire: int | None = None
    comment: str | None = None

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            parse_choice("action", self.action, ACTIONS)
        if self.proto is not None and self.proto not in PROTOCOLS:
            parse_choice("proto", self.proto, PROTOCOLS)
        if self.specialtarget is not None and self.specialtarget not in SPECIAL_TARGETS:
            parse_choice("specialtarget", self.specialtarget, SPECIAL_TARGETS)
        if self.ports is not None and self.proto not in ("tcp", "udp"):
            raise RuleError("ports", self.ports.api_value(), translate("RuleModel", "ports apply only to tcp and udp"))
        if self.icmptype is not None and self.proto != "icmp":
            raise RuleError("icmptype", str(self.icmptype), translate("RuleModel", "an ICMP type needs protocol icmp"))
        if self.icmptype is not None and not (
            isinstance(self.icmptype, int) and 0 <= self.icmptype <= 255
        ):
            raise RuleError("icmptype", str(self.icmptype), translate("RuleModel", "an ICMP type is a number from 0 to 255"))
        if self.l7 is not None and self.l7 not in L7_PROTOCOLS:
            raise RuleError(
                "l7", str(self.l7), translate("RuleModel", "unknown L7 protocol '{name}'").format(name=self.l7)
            )
        if self.expire is not None:
            if not (isinstance(self.expire, int) and self.expire >= 0):
                raise RuleError("expire", str(self.expire), translate("RuleModel", "the expiry is a UNIX time in whole seconds"))
            check_expire(self.expire)
        if self.comment is not None:
            if not COMMENT_CHARS.issuperset(self.comment):
                parse_comment(self.comment)
            if not self.comment:
                # qubesd drops an empty comment; so does the value, so equality holds.
                object.__setattr__(self, "comment", None)

    # -- parsing -----------------------------------------------------------

    @classmethod
    def parse(cls, line: str, *, allow_l7: bool = True) -> Rule:
        """Parse one Admin API line as qubesd would; `allow_l7=False` is stock qubesd."""
        if not line.isascii():
            raise RuleError("rule", line, translate("RuleModel", "only ASCII characters are allowed in a rule"))
        if not line.isprintable() and any(char in _LINE_BREAKS for char in line):
            # qubesd splits a payload with str.splitlines(): each of these starts a new rule.
            raise RuleError("rule", line, translate("RuleModel", "a rule is a single line"))
        options_text, has_comment, comment_text = line.partition("comment=")
        options_text = options_text.strip()
        fields: dict[str, Any] = {}
        if options_text:
            for token in options_text.split(" "):
                key, has_equals, value = token.partition("=")
                known = _OPTION_TABLE.get(key) if has_equals else None
                if known is None or (key == "dpi" and not allow_l7):
                    cls._refuse_option(token, key, has_equals)
                field, parser = known  # type: ignore[misc]
                if field in fields:
                    raise RuleError(field, token, translate("RuleModel", "option '{key}' is given twice").format(key=key))
                fields[field] = parser(value)
        if has_comment:
            fields["comment"] = parse_comment(comment_text)
        if "action" not in fields:
            raise RuleError("action", line, translate("RuleModel", "every rule needs action=accept or action=drop"))
        return cls(**fields)

    @staticmethod
    def _refuse_option(token: str, key: str, has_equals: bool) -> None:
        if not token:
            raise RuleError("rule", token, translate("RuleModel", "two spaces in a row: separate options by a single space"))
        if not has_equals:
            raise RuleError("rule", token, translate("RuleModel", "'{option}' is not a key=value option").format(option=token))
        raise RuleError("rule", token, translate("RuleModel", "unknown firewall option '{key}'").format(key=key))

    # -- writing -----------------------------------------------------------

    def _options(self, *, with_expire: bool) -> list[str]:
        parts = [f"action={self.action}"]
        if with_expire and self.expire is not None:
            parts.append(f"expire={self.expire}")
        if self.target is not None:
            parts.append(f"{self.target.kind}={self.target.value}")
        if self.proto is not None:
            parts.append(f"proto={self.proto}")
        if self.specialtarget is not None:
            parts.append(f"specialtarget={self.specialtarget}")
        if self.ports is not None:
            parts.append(f"dstports={self.ports.api_value()}")
        if self.icmptype is not None:
            parts.append(f"icmptype={self.icmptype}")
        if self.l7 is not None:
            parts.append(f"dpi={self.l7}")
        return parts

    def api_line(self) -> str:
        """The canonical Admin API line, as admin.vm.firewall.Get returns it."""
        parts = self._options(with_expire=True)
        if self.comment is not None:
            parts.append(f"comment={self.comment}")
        return " ".join(parts)

    def qubesdb_line(self, now: float | None = None) -> str | None:
        """What qubesd writes into the FirewallVM's QubesDB; None once expired."""
        if self.is_expired(now):
            return None
        return " ".join(self._options(with_expire=False))

    # -- meaning -----------------------------------------------------------

    def is_expired(self, now: float | None = None) -> bool:
        if self.expire is None:
            return False
        return self.expire <= (time.time() if now is None else now)

    @property
    def is_catch_all(self) -> bool:
        """True for a bare `action=...` that matches every packet (and has no expiry)."""
        return self == Rule(self.action, comment=self.comment)

    @property
    def family(self) -> int | None:
        """4 or 6 when the rule applies to one address family only, else None."""
        if self.target is None or self.target.kind == "dsthost":
            return None
        return 4 if self.target.kind == "dst4" else 6

    def with_changes(self, **changes: Any) -> Rule:
        return replace(self, **changes)

    def __str__(self) -> str:
        return self.api_line()


def _parse_proto(text: str) -> str:
    if text in PROTOCOLS:
        return text
    check_chars("proto", text)
    return parse_choice("proto", text, PROTOCOLS)


def _parse_action(text: str) -> str:
    if text in ACTIONS:
        return text
    check_chars("action", text)
    return parse_choice("action", text, ACTIONS)


def _parse_specialtarget(text: str) -> str:
    if text in SPECIAL_TARGETS:
        return text
    check_chars("specialtarget", text)
    return parse_choice("specialtarget", text, SPECIAL_TARGETS)


_FIELD_OF_KEY = {
    "action": "action",
    "proto": "proto",
    "dstports": "ports",
    "icmptype": "icmptype",
    "specialtarget": "specialtarget",
    "expire": "expire",
    "dpi": "l7",
}

_PARSERS: dict[str, Any] = {
    "action": _parse_action,
    "proto": _parse_proto,
    "target": Target.parse,
    "ports": PortRange.parse,
    "icmptype": parse_icmptype,
    "specialtarget": _parse_specialtarget,
    "expire": parse_expire,
    "l7": parse_l7,
}

# Admin API key -> (rule field, parser of its value); dst4/dst6/dsthost/dstname all set the target.
_OPTION_TABLE: dict[str, tuple[str, Any]] = {
    key: ("target" if key in DST_KEYS else _FIELD_OF_KEY[key], _PARSERS["target" if key in DST_KEYS else _FIELD_OF_KEY[key]])
    for key in KNOWN_KEYS
}
