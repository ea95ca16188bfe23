"""`handbook-app`: a command runs headless (cli); no command opens the desktop app (ui).

This is the one module above both faces, so neither face imports the other.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def wants_gui(argv: Sequence[str]) -> bool:
    """True when no CLI command, --help or --version is given (e.g. `handbook-app --demo --lang ja`)."""
    rest = list(argv)
    if "--lang" in rest:  # its value is not a command
        i = rest.index("--lang")
        del rest[i : i + 2]
    if any(not a.startswith("-") for a in rest):
        return False
    return not {"-h", "--help", "--version"} & set(rest)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_gui(args):
        from handbook_app.ui.app import main as gui_main

        return gui_main(args)
    from handbook_app.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
