"""Packaging: the .ui files and resources/ travel inside the installed package."""

from setuptools import find_packages, setup

setup(
    name="qubes-fw-gui",
    version="0.1.0",
    description="Qubes OS firewall editor and ProxyVM leak protection",
    license="GPL-2.0-or-later",
    python_requires=">=3.11",
    packages=find_packages(include=["qubes_fw_gui", "qubes_fw_gui.*"])
    + ["qubes_fw_gui.ui", "qubes_fw_gui.resources"],
    package_dir={"qubes_fw_gui.ui": "ui", "qubes_fw_gui.resources": "resources"},
    package_data={
        "qubes_fw_gui.ui": ["*.ui"],
        "qubes_fw_gui.resources": ["*", "*/*", "*/*/*"],
    },
    install_requires=["PyQt5>=5.15"],
    extras_require={"test": ["pytest>=7", "pytest-qt>=4", "hypothesis>=6"]},
    entry_points={
        "console_scripts": [
            "qubes-fw-gui=qubes_fw_gui.cli:main",
            "qubes-fw-sandbox=qubes_fw_gui.sandbox.cli:main",
            "qubes-fw-leakguard=qubes_fw_gui.leakguard.cli:main",
        ]
    },
)
