"""Translations: the German file is sound, the loader picks it from the locale, and the sync
script keeps translations while picking up new strings."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PyQt5.QtCore import QCoreApplication, QLocale

from qubes_fw_gui import i18n

CHECKOUT = Path(__file__).resolve().parents[2]
GERMAN = CHECKOUT / "i18n" / "qubes_fw_gui_de.ts"


def _finished(ts: Path) -> list[tuple[str, str, str]]:
    """(context, source, translation) of every finished singular message."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and message.get("numerus") is None:
                found.append((context.findtext("name", ""), message.findtext("source", ""), translation.text or ""))
    return found


@pytest.fixture
def german(qapp):
    i18n.install_translator(qapp, QLocale(QLocale.German, QLocale.Germany))
    yield
    i18n.uninstall_translators(qapp)  # other tests read English


def test_german_translations_keep_placeholders_and_shortcuts() -> None:
    finished = _finished(GERMAN)
    assert len(finished) >= 50
    for context, source, translation in finished:
        assert translation.strip(), f"{context}: empty translation of {source!r}"
        assert sorted(re.findall(r"\{\w*\}|%\w", source)) == sorted(re.findall(r"\{\w*\}|%\w", translation)), (
            f"{context}: placeholders differ in {source!r} -> {translation!r}"
        )
        has_shortcut = bool(re.search(r"&(?!amp;|&)\w", source))
        assert has_shortcut == bool(re.search(r"&(?!amp;|&)\w", translation)), (
            f"{context}: keyboard shortcut lost or added in {source!r} -> {translation!r}"
        )


def test_german_locale_shows_german_strings(german) -> None:
    context, source, translation = _finished(GERMAN)[0]
    assert QCoreApplication.translate(context, source) == translation


def test_english_locale_shows_the_source_strings(qapp) -> None:
    i18n.install_translator(qapp, QLocale(QLocale.English, QLocale.UnitedStates))
    try:
        context, source, _ = _finished(GERMAN)[0]
        assert QCoreApplication.translate(context, source) == source
    finally:
        i18n.uninstall_translators(qapp)


def test_ts_reader_gives_the_same_as_lrelease(qapp, tmp_path: Path) -> None:
    """The checkout's .ts fallback and the installed .qm must show the same text."""
    lrelease = shutil.which("lrelease") or shutil.which("lrelease-qt5")
    if lrelease is None:
        pytest.skip("lrelease not installed (apt-get install qttools5-dev-tools)")
    qm = tmp_path / "de.qm"
    subprocess.run([lrelease, "-silent", str(GERMAN), "-qm", str(qm)], check=True)
    from PyQt5.QtCore import QTranslator

    compiled = QTranslator()
    assert compiled.load(str(qm))
    expected = {(context, source): translation for context, source, translation in _finished(GERMAN)}
    for translator in (compiled, i18n.TsTranslator(GERMAN)):
        qapp.installTranslator(translator)
        try:
            shown = {key: QCoreApplication.translate(*key) for key in expected}
        finally:
            qapp.removeTranslator(translator)
        assert shown == expected, type(translator).__name__


def test_update_script_adds_new_strings_and_keeps_translations(tmp_path: Path) -> None:
    pylupdate = Path(sys.executable).parent / "pylupdate5"
    if not pylupdate.exists() and shutil.which("pylupdate5") is None:
        pytest.skip("pylupdate5 not installed (it comes with the PyQt5 wheel)")
    for folder in ("qubes_fw_gui", "ui", "i18n", "tools"):
        shutil.copytree(CHECKOUT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__", "*.qm"))
    (tmp_path / "qubes_fw_gui" / "zz_new_view.py").write_text(
        "from PyQt5.QtWidgets import QWidget\n\n\nclass NewView(QWidget):\n"
        "    def label(self) -> str:\n        return self.tr('Zebra crossing ahead')\n"
    )
    done = subprocess.run([sys.executable, str(tmp_path / "tools" / "update-translations")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    updated = (tmp_path / "i18n" / "qubes_fw_gui_de.ts").read_text()
    assert re.search(r"<name>NewView</name>\s*<message>.*?<source>Zebra crossing ahead</source>\s*"
                     r"<translation type=\"unfinished\">", updated, re.S)
    kept = set(_finished(tmp_path / "i18n" / "qubes_fw_gui_de.ts"))
    sources = {(c.findtext("name"), m.findtext("source"))
               for c in ET.parse(tmp_path / "i18n" / "qubes_fw_gui_de.ts").getroot().iter("context")
               for m in c.iter("message")}
    still_in_source = [m for m in _finished(GERMAN) if m[:2] in sources]
    assert still_in_source
    assert set(still_in_source) <= kept, "the sync dropped translations of strings still in the source"
    assert "../qubes_fw_gui/zz_new_view.py" in (tmp_path / "i18n" / "qubes-fw-gui.pro").read_text()
