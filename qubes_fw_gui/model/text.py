"""Translatable model messages, without importing Qt.

The model also runs where Qt is absent or unwanted (`--check-rules`, the
sandbox dom0). When the GUI has loaded PyQt5, messages go through
QCoreApplication.translate so the installed translator applies; otherwise the
English source is used as is. Each call is `translate(CONTEXT, "<one literal>")`
so pylupdate5 finds it; values are filled in afterwards with str.format.
"""

from __future__ import annotations

import sys
from typing import Any

CONTEXT = "RuleModel"


class Message(str):
    """A translated template that falls back to its English source if a translation
    broke a placeholder: a bad .ts file must never turn a message into a crash."""

    source: str

    def format(self, *args: Any, **kwargs: Any) -> str:
        try:
            return str.format(self, *args, **kwargs)
        except (KeyError, IndexError, ValueError, AttributeError):
            return self.source.format(*args, **kwargs)


def translate(context: str, source: str) -> str:
    qtcore = sys.modules.get("PyQt5.QtCore")
    if qtcore is None:
        return source
    message = Message(qtcore.QCoreApplication.translate(context, source))
    message.source = source
    return message
