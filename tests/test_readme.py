"""The README's two commands are what a newcomer runs; CI must run the same test command."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text(), flags=re.S)[:2]


def test_readme_opens_with_the_demo_and_the_test_command() -> None:
    demo, tests = _readme_commands()
    assert demo.endswith("qubes-fw-gui --sandbox")
    assert tests.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command() -> None:
    test_command = _readme_commands()[1].split(" && ", 1)[1]  # after the apt-get install
    ci_lines = (ROOT / ".ci" / "run").read_text().splitlines()
    assert test_command in ci_lines


def test_ci_installs_every_debian_package_the_readme_names() -> None:
    apt_line = _readme_commands()[1].split(" && ", 1)[0]
    packages = set(apt_line.split("install -y", 1)[1].split())
    ci_text = (ROOT / ".ci" / "run").read_text()
    missing = {name for name in packages if name not in ci_text.split()}
    assert not missing, f".ci/run does not install {sorted(missing)}"
