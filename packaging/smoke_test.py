"""Smoke test of a built bundle, as a trainee's PC would run it (Linux CI and the Windows workflow).

    python packaging/smoke_test.py dist/TraineeHandbook-VERSION-OS-ARCH.tar.gz   (or .zip, or the folder)

The bundle is unpacked into a fresh temporary folder outside the checkout and run with a clean
environment (no PYTHONPATH, no virtualenv) and HOME/USERPROFILE pointing at a read-only folder:
--version, demo, verify, export-pdf, guide search, then the windowed app for a few seconds
offscreen. Afterwards HOME must hold exactly what it held before (root ignores the read-only bit,
so the check compares contents rather than trusting a refusal). Exit 0 when everything passed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""
GUI_SECONDS = 5


def unpack(source: Path, into: Path) -> Path:
    if source.is_dir():
        shutil.copytree(source, into / source.name, symlinks=True)
        return into / source.name
    if source.name.endswith(".zip"):
        with zipfile.ZipFile(source) as zf:
            zf.extractall(into)
    else:
        with tarfile.open(source) as tf:
            tf.extractall(into, filter="tar")
    return next(p for p in into.iterdir() if p.is_dir())


def clean_env(home: Path) -> dict[str, str]:
    # HANDBOOK_LANG: the checks read English messages whatever the runner's display language is
    env = {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8", "HANDBOOK_LANG": "en"}
    if WINDOWS:  # the few variables Windows programs cannot start without; the profile is the read-only folder
        for key in ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "COMSPEC", "PATHEXT", "TEMP", "TMP"):
            if key in os.environ:
                env[key] = os.environ[key]
        env.update(USERPROFILE=str(home), APPDATA=str(home / "AppData" / "Roaming"),
                   LOCALAPPDATA=str(home / "AppData" / "Local"), PATH=os.environ.get("SYSTEMROOT", "C:\\Windows"))
        env.pop("LANG")
    else:
        env["PATH"] = "/usr/bin:/bin"
    return env


def snapshot(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


class Smoke:
    def __init__(self, bundle: Path, env: dict[str, str], work: Path) -> None:
        self.bundle, self.env, self.work = bundle, env, work
        self.failures: list[str] = []
        self.checks = 0

    def check(self, ok: bool, label: str, failure: str) -> None:
        self.checks += 1
        print(f"{'ok  ' if ok else 'FAIL'} {label}")
        if not ok:
            self.failures.append(failure)

    def run(self, *args: str, passphrase: str | None = None, expect: int = 0, contains: str = "") -> str:
        env = dict(self.env)
        if passphrase:
            env["HANDBOOK_PASSPHRASE"] = passphrase
        started = time.perf_counter()
        done = subprocess.run([str(self.bundle / f"handbook-app{EXE}"), *args], env=env, cwd=self.work,
                              capture_output=True, text=True, encoding="utf-8", errors="replace",
                              stdin=subprocess.DEVNULL, timeout=300)
        took = time.perf_counter() - started
        self.check(done.returncode == expect and contains in done.stdout + done.stderr,
                   f"{took:5.1f} s  handbook-app {' '.join(args)}",
                   f"handbook-app {' '.join(args)}: exit {done.returncode}\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def gui(self) -> None:
        log = self.work / "gui.log"
        with log.open("w") as out:
            proc = subprocess.Popen([str(self.bundle / f"TraineeHandbook{EXE}"), "--lang", "ja"], env=self.env,
                                    cwd=self.work, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            time.sleep(GUI_SECONDS)
            alive = proc.poll() is None
            proc.terminate()  # SIGTERM on Linux: the app closes as if its window were closed
            try:
                code = proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                code = None
        self.check(alive, f"{GUI_SECONDS:5.1f} s  TraineeHandbook --lang ja (still running, offscreen)",
                   f"the windowed app exited early ({proc.returncode}):\n{log.read_text(errors='replace')}")
        if not WINDOWS:  # Windows' terminate() is TerminateProcess: no chance to save
            settings = self.bundle / "data" / "settings.ini"
            self.check(code == 0 and settings.is_file(), "        closed on SIGTERM, settings saved in data/",
                       f"after SIGTERM: exit {code}, settings.ini {'present' if settings.is_file() else 'missing'}")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    source = Path(argv[0]).resolve()
    with tempfile.TemporaryDirectory(prefix="handbook-smoke-") as tmp:
        tmp_path = Path(tmp)
        bundle = unpack(source, tmp_path / "stick")
        home = tmp_path / "home"
        home.mkdir()
        (home / ".keep").write_text("")
        work = tmp_path / "work"
        work.mkdir()
        vault = bundle / "vault" / "smoke.vault"
        vault.parent.mkdir(exist_ok=True)
        before = snapshot(home)
        home.chmod(0o555)
        try:
            smoke = Smoke(bundle, clean_env(home), work)
            smoke.run("--version", contains="handbook-app ")
            smoke.run("demo", str(vault), contains="demo")  # no passphrase set: the demo's is 'demo'
            smoke.run("verify", str(vault), passphrase="demo", contains="intact")
            smoke.run("verify", str(vault), passphrase="wrong passphrase", expect=3)
            pdf = work / "evidence.pdf"
            smoke.run("export-pdf", str(vault), str(pdf), "--langs", "vi,ja", passphrase="demo")
            smoke.check(pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000,
                        "        the PDF is a PDF", "export-pdf wrote no PDF")
            smoke.run("guide", "search", "luong", "--lang", "vi", contains="Lương")
            licences = bundle / "_internal" / "handbook_app" / "resources" / "licenses" / "THIRD-PARTY.txt"
            smoke.check(licences.is_file() and "PySide6" in licences.read_text(encoding="utf-8"),
                        "        the licences of bundled software are inside (About shows them)",
                        "THIRD-PARTY.txt is missing from the bundle")
            smoke.gui()
        finally:
            home.chmod(0o755)
        after = snapshot(home)
        smoke.check(after == before, "        HOME unchanged (portable mode wrote only beside the program)",
                    f"files appeared in HOME: {sorted(set(after) - set(before))}")
    for failure in smoke.failures:
        print("\n" + failure, file=sys.stderr)
    print(f"{smoke.checks - len(smoke.failures)} passed, {len(smoke.failures)} failed")
    return 1 if smoke.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
