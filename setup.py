"""Packaging: the .ui files, resources/ and translations travel inside the installed package.

`ui/`, `resources/` and `i18n/` sit beside the code in a checkout; a wheel or an RPM maps
them to `qubes_fw_gui.ui`, `qubes_fw_gui.resources` and `qubes_fw_gui.translations`
(qubes_fw_gui/paths.py looks in both places). Data files are found by walking the folders,
so whatever the other parts add there ships without editing this file.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# folder in the checkout -> package it becomes when installed (only the folders that exist)
DATA_PACKAGES = {
    package: folder
    for package, folder in {
        "qubes_fw_gui.ui": "ui",
        "qubes_fw_gui.resources": "resources",
        "qubes_fw_gui.translations": "i18n",
    }.items()
    if (HERE / folder).is_dir()
}


def _data_files(folder: str, pattern: str = "*") -> list[str]:
    """Every file under `folder` matching `pattern`, relative to it (no caches, no backups)."""
    root = HERE / folder
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob(pattern)
        if path.is_file() and "__pycache__" not in path.parts and not path.name.endswith((".pyc", "~"))
    )


def _lrelease() -> str | None:
    # Fedora names it lrelease-qt5, Debian lrelease (qttools5-dev-tools).
    for name in ("lrelease-qt5", "lrelease"):
        found = shutil.which(name)
        if found:
            return found
    return None


class BuildWithTranslations(build_py):
    """build_py that also compiles i18n/*.ts into .qm files beside them in the package.

    Without lrelease the .ts files still ship and qubes_fw_gui.i18n reads them directly,
    so the build never fails for want of Qt's tools.
    """

    def run(self) -> None:
        super().run()
        if self.dry_run or getattr(self, "editable_mode", False):
            return  # an editable install reads i18n/ in the checkout
        lrelease = _lrelease()
        if lrelease is None:
            print("lrelease not found: shipping .ts translations only")
            return
        target = Path(self.build_lib) / "qubes_fw_gui" / "translations"
        target.mkdir(parents=True, exist_ok=True)
        for ts in sorted((HERE / "i18n").glob("*.ts")):
            qm = target / (ts.stem + ".qm")
            subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)


setup(
    name="qubes-fw-gui",
    version=(HERE / "version").read_text().strip(),
    description="Qubes OS firewall editor and ProxyVM leak protection",
    license="GPL-2.0-or-later",
    python_requires=">=3.11",
    packages=find_packages(include=["qubes_fw_gui", "qubes_fw_gui.*"]) + list(DATA_PACKAGES),
    package_dir=dict(DATA_PACKAGES),
    package_data={
        # i18n/ also holds the Linguist project and local .qm builds; the package needs the .ts
        # (build_py adds fresh .qm files).
        package: _data_files(folder, "*.ts" if folder == "i18n" else "*")
        for package, folder in DATA_PACKAGES.items()
    },
    include_package_data=False,
    cmdclass={"build_py": BuildWithTranslations},
    install_requires=["PyQt5>=5.15"],
    extras_require={"test": ["pytest>=7", "pytest-qt>=4", "hypothesis>=6", "wheel"]},
    entry_points={
        "console_scripts": [
            "qubes-fw-gui=qubes_fw_gui.cli:main",
            "qubes-fw-sandbox=qubes_fw_gui.sandbox.cli:main",
            "qubes-fw-leakguard=qubes_fw_gui.leakguard.cli:main",
        ]
    },
)
