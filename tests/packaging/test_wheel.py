"""`pip install .` (not editable) gives a working program: a wheel built from the checkout,
installed into a fresh venv, runs its commands and opens its windows from there."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
COMMANDS = ("qubes-fw-gui", "qubes-fw-sandbox", "qubes-fw-leakguard")


def _run(*args: str | Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=90, **kw)


@pytest.fixture(scope="module")
def wheel(source_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    # No build isolation and no index: the outer venv's setuptools and wheel, no network.
    done = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                "-q", "-w", dist, source_copy)
    assert done.returncode == 0, done.stderr
    (built,) = dist.glob("qubes_fw_gui-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the wheel installed; PyQt5 borrowed from this interpreter."""
    import PyQt5

    root = tmp_path_factory.mktemp("venv") / "venv"
    assert _run(sys.executable, "-m", "venv", "--without-pip", root).returncode == 0
    python = root / "bin" / "python"
    done = _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel)
    assert done.returncode == 0, done.stderr
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))").stdout.strip())
    # Only the folder holding PyQt5 (no network here); the outer editable install of
    # qubes_fw_gui is a .pth finder there, and .pth files in an added path are not run.
    (site / "zz_outer_pyqt5.pth").write_text(str(Path(PyQt5.__file__).parent.parent) + "\n")
    return root


def _venv_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_RUNTIME_DIR=str(home / "run"),
               LANG="C.UTF-8", LC_ALL="C.UTF-8")
    (home / "run").mkdir(mode=0o700, exist_ok=True)
    return env


def test_wheel_carries_every_ui_file_resource_and_translation(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"qubes_fw_gui/ui/{p.name}" for p in (CHECKOUT / "ui").glob("*.ui")}
    expected |= {
        "qubes_fw_gui/resources/" + p.relative_to(CHECKOUT / "resources").as_posix()
        for p in (CHECKOUT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    expected |= {f"qubes_fw_gui/translations/{p.name}" for p in (CHECKOUT / "i18n").glob("*.ts")}
    assert expected, "nothing to ship?"
    assert expected <= names, f"missing from the wheel: {sorted(expected - names)}"
    if _has_lrelease():
        qm = {f"qubes_fw_gui/translations/{p.stem}.qm" for p in (CHECKOUT / "i18n").glob("*.ts")}
        assert qm <= names, "lrelease is here, so the wheel must carry compiled .qm files"


def _has_lrelease() -> bool:
    return bool(shutil.which("lrelease") or shutil.which("lrelease-qt5"))


def test_installed_package_opens_every_ui_file_offscreen(venv: Path, tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import json, sys
        from PyQt5.QtWidgets import QApplication
        from PyQt5 import uic
        import qubes_fw_gui
        from qubes_fw_gui import paths
        app = QApplication([])
        ui_dir = paths.ui_file("x").parent
        opened = {}
        for ui in sorted(ui_dir.glob("*.ui")):
            widget = uic.loadUi(str(ui))  # builds the top-level class the file names
            opened[ui.name] = type(widget).__name__
        dialog_title = None
        try:
            from qubes_fw_gui.widgets.rule_dialog import RuleDialog
        except ImportError as error:
            dialog_title = "import failed: %s" % error
        else:
            dialog = RuleDialog()
            dialog.show()
            app.processEvents()
            dialog_title = dialog.windowTitle()
            grabbed = dialog.grab()
            dialog_size = [grabbed.width(), grabbed.height()]
        print(json.dumps({"package": qubes_fw_gui.__file__, "ui_dir": str(ui_dir), "opened": opened,
                          "rule_dialog": dialog_title, "size": dialog_size}))
        """
    )
    done = _run(venv / "bin" / "python", "-c", script, cwd=tmp_path, env=_venv_env(tmp_path))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # Loaded from the venv, not from the checkout.
    assert result["package"].startswith(str(venv)), result["package"]
    assert result["ui_dir"].startswith(str(venv))
    assert set(result["opened"]) == {p.name for p in (CHECKOUT / "ui").glob("*.ui")}
    assert result["rule_dialog"] and not result["rule_dialog"].startswith("import failed"), result["rule_dialog"]
    assert min(result["size"]) > 50  # it rendered something


def test_installed_package_opens_every_window_of_the_command_line(venv: Path, tmp_path: Path) -> None:
    """The chooser, the per-qube dialog, the full-access button and the leak panel, each
    built the way `qubes-fw-gui [QUBE | --full-access QUBE | --proxyvm QUBE]` builds it,
    on the installed package's sandbox dom0."""
    script = textwrap.dedent(
        """
        import json, sys, time
        from pathlib import Path
        from PyQt5.QtWidgets import QApplication
        from qubes_fw_gui.cli import build_parser
        from qubes_fw_gui.app import build_port, build_window
        app = QApplication([])
        shown = {}
        sandbox = None
        for argv in ([], ["work"], ["--full-access", "work"], ["--proxyvm", "sys-vpn"]):
            args = build_parser().parse_args(["--sandbox", sys.argv[1], *argv])
            port, sandbox = build_port(args)
            try:
                window = build_window(args, port, "")
                window.show()
                end = time.monotonic() + 1.0
                while time.monotonic() < end:
                    app.processEvents()
                grabbed = window.grab()
                shown[" ".join(argv) or "(chooser)"] = [type(window).__name__, grabbed.width(), grabbed.height()]
                window.close()
            finally:
                sandbox.stop()
        print(json.dumps(shown))
        """
    )
    done = _run(venv / "bin" / "python", "-c", script, tmp_path / "state", cwd=tmp_path, env=_venv_env(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(shown) == {"(chooser)", "work", "--full-access work", "--proxyvm sys-vpn"}
    for window, (_, width, height) in shown.items():
        assert width > 100 and height > 100, f"{window} rendered {width}x{height}"


@pytest.mark.parametrize("command", COMMANDS)
def test_installed_commands_start(venv: Path, tmp_path: Path, command: str) -> None:
    done = _run(venv / "bin" / command, "--help", cwd=tmp_path, env=_venv_env(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "usage" in done.stdout.lower()


def test_installed_check_rules_prints_canonical_lines(venv: Path, tmp_path: Path) -> None:
    done = _run(venv / "bin" / "qubes-fw-gui", "--check-rules", "-", cwd=tmp_path, env=_venv_env(tmp_path),
                input="proto=tcp dstports=443 action=accept dsthost=example.com\naction=drop\n")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "action=accept dsthost=example.com proto=tcp dstports=443-443" in done.stdout
    assert "action=drop" in done.stdout


def test_installed_program_reads_german_translation(venv: Path, tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import json, xml.etree.ElementTree as ET
        from PyQt5.QtCore import QCoreApplication, QLocale
        from PyQt5.QtWidgets import QApplication
        from qubes_fw_gui import i18n, paths
        app = QApplication([])
        i18n.install_translator(app, QLocale("de_DE"))
        folder = paths.translations_dir()
        sample = None
        for context in ET.parse(folder / "qubes_fw_gui_de.ts").getroot().iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation.get("type") is None and translation.text and message.get("numerus") is None:
                    sample = (context.findtext("name"), message.findtext("source"), translation.text)
                    break
            if sample:
                break
        shown = QCoreApplication.translate(sample[0], sample[1])
        print(json.dumps({"folder": str(folder), "kinds": sorted(type(t).__name__ for t in i18n._INSTALLED),
                          "expected": sample[2], "shown": shown}))
        """
    )
    done = _run(venv / "bin" / "python", "-c", script, cwd=tmp_path, env=_venv_env(tmp_path))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["folder"].startswith(str(venv))
    assert result["shown"] == result["expected"]
    if _has_lrelease():  # then the compiled .qm is what loads, not the .ts fallback
        assert "TsTranslator" not in result["kinds"]


def test_readme_demo_command_runs_from_the_wheel(venv: Path, tmp_path: Path) -> None:
    """`qubes-fw-gui --sandbox DIR` (the README's first command) starts and stays up."""
    state = tmp_path / "state"
    process = subprocess.Popen([str(venv / "bin" / "qubes-fw-gui"), "--sandbox", str(state)], cwd=tmp_path,
                               env=_venv_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        # Up means: the sandbox dom0 wrote its demo world and the GUI is still running.
        while time.monotonic() < deadline and process.poll() is None:
            if state.is_dir() and any(state.iterdir()):
                break
            time.sleep(0.1)
        time.sleep(1.0)  # give the GUI a moment to fail, if it is going to
        alive = process.poll() is None
    finally:
        process.terminate()
        try:
            _, stderr = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            _, stderr = process.communicate()
    assert alive, f"exited with {process.returncode}: {stderr}"
    assert state.is_dir() and any(state.iterdir()), "the sandbox dom0 wrote no state"
    assert "Traceback" not in stderr, stderr
