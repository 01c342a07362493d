"""rpm_spec/build-rpms builds the dom0 and ProxyVM-template packages, and each holds its
files where a Qubes system expects them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
SITELIB = f"/usr/lib/python{sys.version_info[0]}.{sys.version_info[1]}/site-packages"

pytestmark = pytest.mark.skipif(
    shutil.which("rpmbuild") is None or shutil.which("rpm2cpio") is None,
    reason="rpmbuild/rpm2cpio not installed (apt-get install rpm)",
)


def _rpm_query(package: Path, *args: str) -> str:
    return subprocess.run(["rpm", "-qp", *args, str(package)], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def rpms(source_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("rpms")
    done = subprocess.run(
        [str(source_copy / "rpm_spec" / "build-rpms"), str(out)],
        env=dict(os.environ, PYTHON=sys.executable), capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return {_rpm_query(path, "--qf", "%{NAME}"): path for path in out.glob("*.rpm")}


@pytest.fixture(scope="module")
def contents(rpms: dict[str, Path]) -> dict[str, set[str]]:
    return {name: set(_rpm_query(path, "-l").split()) for name, path in rpms.items()}


def _extract(package: Path, root: Path) -> None:
    """Unpack an RPM's payload (rpm2cpio gives a newc cpio stream; Debian lacks cpio)."""
    data = subprocess.run(["rpm2cpio", str(package)], check=True, capture_output=True).stdout
    offset = 0
    while True:
        assert data[offset:offset + 6] in (b"070701", b"070702"), "not a newc cpio stream"
        fields = [int(data[offset + 6 + 8 * i: offset + 14 + 8 * i], 16) for i in range(13)]
        mode, size, name_size = fields[1], fields[6], fields[11]
        name_start = offset + 110
        name = data[name_start:name_start + name_size - 1].decode()
        data_start = (name_start + name_size + 3) & ~3
        if name == "TRAILER!!!":
            return
        target = root / name.lstrip("./")
        if mode & 0o170000 == 0o040000:
            target.mkdir(parents=True, exist_ok=True)
        elif mode & 0o170000 == 0o100000:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data[data_start:data_start + size])
            target.chmod(mode & 0o777)
        offset = (data_start + size + 3) & ~3


def test_both_packages_are_noarch(rpms: dict[str, Path]) -> None:
    assert set(rpms) == {"qubes-fw-gui", "qubes-fw-leakguard"}
    for path in rpms.values():
        assert _rpm_query(path, "--qf", "%{ARCH}") == "noarch"


def test_dom0_package_holds_the_editor_its_ui_files_entries_and_icons(contents: dict[str, set[str]]) -> None:
    files = contents["qubes-fw-gui"]
    assert {"/usr/bin/qubes-fw-gui", "/usr/bin/qubes-fw-sandbox"} <= files
    assert "/usr/bin/qubes-fw-leakguard" not in files  # that one belongs in the template
    for ui in (CHECKOUT / "ui").glob("*.ui"):
        assert f"{SITELIB}/qubes_fw_gui/ui/{ui.name}" in files
    for entry in (CHECKOUT / "resources").glob("qubes-fw-*.desktop"):
        assert f"/usr/share/applications/{entry.name}" in files
    icons = {line.split("Icon=", 1)[1].strip() for entry in (CHECKOUT / "resources").glob("*.desktop")
             for line in entry.read_text().splitlines() if line.startswith("Icon=")}
    assert icons
    for icon in icons:  # the menu finds each entry's icon by name in the hicolor theme
        assert f"/usr/share/icons/hicolor/scalable/apps/{icon}.svg" in files
    for ts in (CHECKOUT / "i18n").glob("*.ts"):
        assert f"{SITELIB}/qubes_fw_gui/translations/{ts.name}" in files
        if shutil.which("lrelease") or shutil.which("lrelease-qt5"):
            assert f"{SITELIB}/qubes_fw_gui/translations/{ts.stem}.qm" in files


def test_dom0_package_requires_qt_and_qubesadmin(rpms: dict[str, Path]) -> None:
    requires = _rpm_query(rpms["qubes-fw-gui"], "--requires").split("\n")
    names = {line.split()[0] for line in requires if line.strip()}
    assert {"python3-qt5", "python3-qubesadmin"} <= names


def test_template_package_holds_the_leak_guard_and_its_system_files(contents: dict[str, set[str]]) -> None:
    files = contents["qubes-fw-leakguard"]
    assert "/usr/bin/qubes-fw-leakguard" in files
    assert "/usr/lib/systemd/system/qubes-fw-leakguard.service" in files
    assert any(f.startswith("/etc/qubes/qubes-firewall.d/") for f in files), "no qubes-firewall.d hook"
    assert any(f.startswith("/etc/qubes/post-install.d/") for f in files), "no feature-request script"
    assert f"{SITELIB}/qubes_fw_gui/leakguard/cli.py" in files
    # The template gets no GUI: no .ui files, no widgets, no Qt requirement.
    assert not any("/ui/" in f or "/widgets/" in f for f in files)


def test_template_package_scripts_are_executable_and_enabled_by_preset(rpms: dict[str, Path], tmp_path: Path) -> None:
    _extract(rpms["qubes-fw-leakguard"], tmp_path)
    hooks = list((tmp_path / "etc/qubes/qubes-firewall.d").iterdir())
    post_install = list((tmp_path / "etc/qubes/post-install.d").iterdir())
    assert hooks and post_install
    for script in hooks + post_install:
        assert os.access(script, os.X_OK), f"{script.name} is not executable: qubes-firewall would skip it"
    presets = "".join(p.read_text() for p in (tmp_path / "usr/lib/systemd/system-preset").glob("*.preset"))
    assert "enable qubes-fw-leakguard.service" in presets


def test_leak_guard_runs_from_the_template_package_alone_without_qt(rpms: dict[str, Path], tmp_path: Path) -> None:
    _extract(rpms["qubes-fw-leakguard"], tmp_path)
    launcher = tmp_path / "usr/bin/qubes-fw-leakguard"
    assert launcher.read_text().startswith("#!/usr/bin/python3\n")
    # Run the packaged launcher on the packaged modules only, with PyQt5 made unimportable.
    blocker = tmp_path / "block"
    (blocker / "PyQt5").mkdir(parents=True)
    (blocker / "PyQt5" / "__init__.py").write_text("raise ImportError('no Qt in a template')\n")
    env = dict(os.environ, PYTHONPATH=f"{blocker}{os.pathsep}{tmp_path}{SITELIB}", PYTHONNOUSERSITE="1")
    done = subprocess.run([sys.executable, "-S", str(launcher), "--help"], env=env,
                          capture_output=True, text=True, timeout=30, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "usage" in done.stdout.lower()


def test_dom0_launcher_uses_the_system_python(rpms: dict[str, Path], tmp_path: Path) -> None:
    _extract(rpms["qubes-fw-gui"], tmp_path)
    launcher = (tmp_path / "usr/bin/qubes-fw-gui").read_text()
    assert launcher.startswith("#!/usr/bin/python3\n")
    assert "from qubes_fw_gui.cli import main" in launcher
