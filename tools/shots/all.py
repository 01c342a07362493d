"""Every screenshot of qubes-fw-gui in one directory, for the README and for a look before a commit.

    python tools/shots/all.py OUT_DIR

Each part renders against its own fresh sandbox dom0, so the pictures are the
same as when its script runs alone (one part's saves never show in another's).
"""

from __future__ import annotations

import sys

import common
import editor
import full_access
import leak_panel
import rule_dialog

if __name__ == "__main__":
    sys.exit(common.main(sys.argv, editor.shoot, full_access.shoot, leak_panel.shoot, rule_dialog.shoot))
