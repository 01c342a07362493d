"""The rule dialog's fields as plain values, turned into a Rule and its problems.

No widgets here: the dialog reads its fields into a `RuleForm`, and
`build_rule` decides through the model's own types (Target.parse, the ports
catalogue, the ICMP catalogue, Rule(...), checks.check_rule) whether they
make a valid rule. So the dialog, the table and `--check-rules` agree on
every message, and tests can call it directly.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from PyQt5.QtCore import QCoreApplication

from qubes_fw_gui.model import icmp, ports
from qubes_fw_gui.model.checks import Problem, check_rule
from qubes_fw_gui.model.errors import RuleError
from qubes_fw_gui.model.fields import Target, parse_comment
from qubes_fw_gui.model.rule import Rule

TargetKind = Literal["any", "dns", "address"]
COMMENT_MAX = 512


def _tr(text: str) -> str:
    return QCoreApplication.translate("RuleForm", text)


def catalogue() -> ports.PortCatalogue:
    """The well-known ports catalogue (the model reads it once per process)."""
    return ports.default_catalogue()


@dataclass(frozen=True)
class RuleForm:
    """What the fields hold, as typed. Empty text means "any" for ports and ICMP type."""

    action: str = "accept"
    target_kind: TargetKind = "any"
    address: str = ""
    proto: str | None = None
    ports: str = ""
    icmptype: str = ""
    l7: str | None = None
    expire: int | None = None
    comment: str = ""
    # A rule made elsewhere may carry both an address and specialtarget=dns;
    # the kind combo shows one of them, so the other is kept here untouched.
    also_dns: bool = False

    @classmethod
    def from_rule(cls, rule: Rule) -> RuleForm:
        if rule.target is not None:
            kind: TargetKind = "address"
        elif rule.specialtarget == "dns":
            kind = "dns"
        else:
            kind = "any"
        return cls(
            action=rule.action,
            target_kind=kind,
            address=rule.target.value if rule.target is not None else "",
            proto=rule.proto,
            ports=catalogue().display(rule.ports, rule.proto) if rule.ports is not None else "",
            icmptype=icmp.display_icmp(rule.icmptype) if rule.icmptype is not None else "",
            l7=rule.l7,
            expire=rule.expire,
            comment=rule.comment or "",
            also_dns=rule.target is not None and rule.specialtarget == "dns",
        )


@dataclass(frozen=True)
class FormResult:
    """The rule the fields make (None while any error remains) and every problem found."""

    rule: Rule | None
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.rule is not None

    def for_field(self, name: str) -> list[Problem]:
        return [problem for problem in self.problems if problem.field == name]


def build_rule(form: RuleForm, now: float | None = None) -> FormResult:
    """Check every field on its own, then the rule as a whole; never raises."""
    now = time.time() if now is None else now
    problems: list[Problem] = []
    values: dict[str, Any] = {"action": form.action, "proto": form.proto, "l7": form.l7}

    def read(name: str, parse: Callable[[], Any]) -> None:
        try:
            values[name] = parse()
        except RuleError as error:
            problems.append(Problem("error", name, error.message))

    if form.target_kind == "address":
        # An empty entry parses as an empty host name, which check_rule names (qubes-issues#11095).
        address = form.address.strip()
        read("target", lambda: Target.parse(address))
    if form.target_kind == "dns" or form.also_dns:
        values["specialtarget"] = "dns"
    if form.proto in ("tcp", "udp") and form.ports.strip():
        read("ports", lambda: catalogue().parse(form.ports.strip(), form.proto))
    if form.proto == "icmp" and form.icmptype.strip():
        read("icmptype", lambda: icmp.parse_icmp(form.icmptype.strip()))
    if form.comment:
        read("comment", lambda: parse_comment(form.comment))
        if len(form.comment) > COMMENT_MAX:
            problems.append(
                Problem(
                    "error",
                    "comment",
                    _tr("A comment has at most {max} characters; this one has {count}.").format(
                        max=COMMENT_MAX, count=len(form.comment)
                    ),
                )
            )
    if form.expire is not None:
        values["expire"] = form.expire
    field_errors = {problem.field for problem in problems if problem.level == "error"}
    # Build the rule from the fields that parsed, so whole-rule checks and
    # warnings still show while another field is being fixed.
    candidate = {name: value for name, value in values.items() if name not in field_errors}
    try:
        rule: Rule | None = Rule(**candidate)
    except RuleError as error:
        problems.append(Problem("error", error.field, error.message))
        rule = None
    if rule is not None:
        seen = {(problem.field, problem.message) for problem in problems}
        for problem in check_rule(rule, now=now):
            if problem.field in field_errors or (problem.field, problem.message) in seen:
                continue
            problems.append(problem)
    if any(problem.level == "error" for problem in problems):
        rule = None
    return FormResult(rule, tuple(problems))
