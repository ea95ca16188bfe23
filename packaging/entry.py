"""The bundle's one entry script, frozen twice: the windowed app and the console CLI.

PyInstaller makes two executables from it that share one folder of libraries. The windowed one
(TraineeHandbook / TraineeHandbook.exe) opens the app; the console one (handbook-app) is the same
launcher as the Python package's entry point, so a command runs headless and shows its output on
Windows too (a windowed .exe has no console to print to).
"""

import sys
from pathlib import Path

GUI_NAME = "traineehandbook"


def main() -> int:
    if Path(sys.executable).stem.lower() == GUI_NAME:
        from handbook_app.ui.app import main as run
    else:
        from handbook_app.launcher import main as run
    return run()


if __name__ == "__main__":
    sys.exit(main())
