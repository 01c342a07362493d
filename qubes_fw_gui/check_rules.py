"""`qubes-fw-gui --check-rules FILE`: check rules in Admin API form, one per line.

`check_text` is also what the editor's import uses, so the command line and
the GUI accept and refuse exactly the same lines. No Qt here.
"""

from __future__ import annotations

import sys
from typing import TextIO

from qubes_fw_gui.model.checks import Problem, check_rule
from qubes_fw_gui.model.errors import RuleError
from qubes_fw_gui.model.payload import MAX_REQUEST_BYTES, format_payload, set_header
from qubes_fw_gui.model.rule import Rule
from qubes_fw_gui.model.text import translate


def check_lines(text: str) -> list[tuple[int, Rule | None, list[str], list[Problem]]]:
    """Per input line: its number, the rule (None when invalid), errors and warnings.

    A line is invalid when qubesd would refuse it, and also when the FirewallVM
    would fail on it (a `check_rule` error): either way the qube would lose
    its network.
    """
    results = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            blank = translate("RuleModel", "a blank line is not a rule (qubesd refuses the whole list)")
            results.append((number, None, [_line_message(number, "rule", blank)], []))
            continue
        try:
            rule = Rule.parse(line)
        except RuleError as problem:
            results.append((number, None, [_line_message(number, problem.field, problem.message)], []))
            continue
        problems = check_rule(rule)
        errors = [_line_message(number, p.field, p.message) for p in problems if p.level == "error"]
        warnings = [p for p in problems if p.level == "warning"]
        results.append((number, None if errors else rule, errors, warnings))
    return results


def _line_message(number: int, field: str, message: str) -> str:
    return translate("RuleModel", "line {number}: {field}: {message}").format(number=number, field=field, message=message)


def check_text(text: str) -> tuple[list[Rule], list[str]]:
    """The valid rules in order, and one `line N: <field>: <message>` per invalid line."""
    rules: list[Rule] = []
    errors: list[str] = []
    for _number, rule, line_errors, _warnings in check_lines(text):
        if rule is not None:
            rules.append(rule)
        errors.extend(line_errors)
    return rules, errors


def run_check(path: str, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Print each valid rule's canonical line and each error, in input order, on stdout.

    Warnings (rules that work but may not do what was meant) go to stderr so
    stdout stays a payload when everything is valid. Exit status: 0 when
    every line is valid, 1 otherwise, 2 when the file cannot be read.
    """
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as file:
                data = file.read()
    except OSError as problem:
        print(f"qubes-fw-gui: cannot read {path}: {problem.strerror}", file=err)
        return 2
    # Invalid UTF-8 becomes U+FFFD, which the rule parser then refuses as non-ASCII.
    text = data.decode("utf-8", errors="replace")
    all_valid = True
    valid: list[Rule] = []
    for number, rule, errors, warnings in check_lines(text):
        if rule is not None:
            valid.append(rule)
            print(rule.api_line(), file=out)
        for error in errors:
            all_valid = False
            print(error, file=out)
        for warning in warnings:
            print(f"line {number}: warning: {warning.field}: {warning.message}", file=err)
    size = len(format_payload(valid))
    room = MAX_REQUEST_BYTES - len(set_header("x" * 31))  # the longest qube name
    if size > room:
        print(
            f"warning: these rules take {size:,} bytes; one admin.vm.firewall.Set carries at most "
            f"{room:,} bytes of rules, so qubesd would refuse to save them all",
            file=err,
        )
    out.flush()
    return 0 if all_valid else 1
