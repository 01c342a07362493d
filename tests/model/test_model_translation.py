"""Model messages are translatable: Qt's translator applies once the GUI has loaded PyQt5."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PyQt5.QtCore import QTranslator

from qubes_fw_gui.model import Rule, RuleError
from qubes_fw_gui.model.checks import check_rule
from qubes_fw_gui.model.ports import default_catalogue

PACKAGE = Path(__file__).resolve().parents[2] / "qubes_fw_gui"
MODEL_FILES = [
    *(PACKAGE / "model" / name for name in ("fields.py", "rule.py", "checks.py", "ports.py", "icmp.py", "rulelist.py")),
    PACKAGE / "check_rules.py",
]


class Shouting(QTranslator):
    """Upper-cases every RuleModel source outside its {placeholders}, so a translated
    message is easy to spot; `break_placeholders` upper-cases those too, as a bad .ts would."""

    def __init__(self, *, break_placeholders: bool = False) -> None:
        super().__init__()
        self.break_placeholders = break_placeholders

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: N802 - Qt's name
        if context != "RuleModel":
            return None
        if self.break_placeholders:
            return source.upper()
        return "".join(part if part.startswith("{") else part.upper() for part in re.split(r"(\{\w*\})", source))


@pytest.fixture
def shouting(qapp):
    translator = Shouting()
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_a_translation_with_broken_placeholders_falls_back_to_english(qapp) -> None:
    translator = Shouting(break_placeholders=True)
    qapp.installTranslator(translator)
    try:
        problem = check_rule(Rule.parse("action=accept dsthost=updates.example.org"))[0]
        assert problem.message.startswith("the FirewallVM resolves updates.example.org once")
        with pytest.raises(RuleError) as caught:
            Rule.parse("action=accept  proto=tcp")
        assert caught.value.message == "TWO SPACES IN A ROW: SEPARATE OPTIONS BY A SINGLE SPACE"
    finally:
        qapp.removeTranslator(translator)


def test_messages_go_through_the_installed_translator(shouting) -> None:
    with pytest.raises(RuleError) as caught:
        Rule.parse("action=accept  proto=tcp")
    assert caught.value.message == "TWO SPACES IN A ROW: SEPARATE OPTIONS BY A SINGLE SPACE"
    # Values are filled in after translation, so they stay as typed.
    problem = check_rule(Rule.parse("action=accept dsthost=updates.example.org"))[0]
    assert problem.message.startswith("THE FIREWALLVM RESOLVES updates.example.org ONCE")
    with pytest.raises(RuleError) as caught:
        default_catalogue().parse("bootps", "tcp")
    assert caught.value.message.startswith("bootps IS A udp SERVICE (PORT 67)")


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda path: path.name)
def test_every_message_is_one_literal_pylupdate5_can_read(path: Path) -> None:
    calls = [
        node
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "translate"
    ]
    assert calls
    for call in calls:
        context, source = call.args
        assert isinstance(context, ast.Constant) and context.value == "RuleModel"
        assert isinstance(source, ast.Constant) and isinstance(source.value, str), ast.unparse(call)
