"""Translations: pick the person's language from the system locale at start.

Installed packages carry `qubes_fw_gui_<lang>.qm`, compiled by lrelease when the wheel or
RPM was built. A checkout (or a build machine without lrelease) has only the `.ts`
sources, so `TsTranslator` reads those directly: the same strings, just parsed at start.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from PyQt5.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PyQt5.QtWidgets import QApplication

from qubes_fw_gui import paths

CATALOGUE = "qubes_fw_gui"  # files are qubes_fw_gui_<lang>.ts / .qm
_INSTALLED: list[QTranslator] = []


def language_candidates(locale: QLocale) -> list[str]:
    """File suffixes to try, most specific first: de-AT -> de_AT, de."""
    found: list[str] = []
    for name in locale.uiLanguages():
        name = name.replace("-", "_")
        for candidate in (name, name.split("_")[0]):
            if candidate and candidate not in found:
                found.append(candidate)
    return found


class TsTranslator(QTranslator):
    """A QTranslator fed from a Qt Linguist .ts file (finished translations only)."""

    def __init__(self, ts_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # (context, source, disambiguation) -> singular/plural forms
        self._messages: dict[tuple[str, str, str], list[str]] = {}
        for context in ET.parse(ts_file).getroot().iter("context"):
            context_name = context.findtext("name", "")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                forms = [form.text or "" for form in translation.iter("numerusform")]
                if not forms:
                    forms = [translation.text or ""]
                if any(forms):
                    key = (context_name, message.findtext("source", ""), message.findtext("comment", ""))
                    self._messages[key] = forms

    def __len__(self) -> int:
        return len(self._messages)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return not self._messages

    def translate(  # noqa: N802
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        forms = self._messages.get((context, source, disambiguation or "")) or self._messages.get(
            (context, source, "")
        )
        if not forms:
            return None  # a null QString: Qt falls back to the next translator or the source
        # German and English share one plural rule: singular only for exactly one.
        return forms[0] if n == 1 or len(forms) == 1 else forms[1]


def _our_translator(candidates: Iterable[str], folder: Path, parent: QObject) -> QTranslator | None:
    for lang in candidates:
        qm = folder / f"{CATALOGUE}_{lang}.qm"
        if qm.is_file():
            translator = QTranslator(parent)
            if translator.load(str(qm)):
                return translator
        ts = folder / f"{CATALOGUE}_{lang}.ts"
        if ts.is_file():
            try:
                return TsTranslator(ts, parent)
            except ET.ParseError:
                continue  # a broken file must not stop the program; English it is
    return None


def install_translator(app: QApplication, locale: QLocale | None = None) -> None:
    """Install Qt's own and this program's translations for `locale` (default: the system's)."""
    locale = locale or QLocale.system()
    candidates = language_candidates(locale)
    installed: list[QTranslator] = []
    # Qt's standard buttons (OK, Cancel, Apply) come from qtbase_<lang>.qm.
    qt_translator = QTranslator(app)
    if qt_translator.load(locale, "qtbase", "_", QLibraryInfo.location(QLibraryInfo.TranslationsPath)):
        installed.append(qt_translator)
    ours = _our_translator(candidates, paths.translations_dir(), app)
    if ours is not None:
        installed.append(ours)
    for translator in installed:
        app.installTranslator(translator)
    # Keep the Python wrappers (and TsTranslator's overrides) alive as long as the program.
    _INSTALLED.extend(installed)


def uninstall_translators(app: QApplication) -> None:
    """Undo install_translator (tests, or a language switch)."""
    while _INSTALLED:
        app.removeTranslator(_INSTALLED.pop())
