"""`make bundle`: build the portable bundle, add licences and the portable marker, archive it,
write its SHA-256 beside it and print its sizes against the budget. Runs on Linux and Windows.

    python packaging/build_bundle.py [--skip-build] [--smoke]

Output in dist/: the folder TraineeHandbook/, TraineeHandbook-VERSION-OS-ARCH.tar.gz (Linux) or .zip
(Windows), and the same name + .sha256 (`sha256sum -c` reads it). Exit 1 when over the size budget.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
NAME = "TraineeHandbook"
MIB = 1024 * 1024
BUDGET_UNPACKED = 200 * MIB
BUDGET_PACKED = 90 * MIB
WINDOWS = sys.platform == "win32"
PORTABLE_NOTE = """This file makes Trainee Handbook portable: settings, content updates and crash reports are kept
in the folder "data" beside the program, and nothing is written to this computer's user profile.
Delete this file to keep them in the user's profile instead (as the installer does).
"""


def version() -> str:
    text = (ROOT / "src" / "handbook_app" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def archive_name() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    arch = platform.machine().lower().replace("amd64", "x86_64")
    return f"{NAME}-{version()}-{system}-{arch}" + (".zip" if WINDOWS else ".tar.gz")


def build() -> Path:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(WORK), str(HERE / "handbook.spec")], check=True)
    return DIST / NAME


# --------------------------------------------------------------------------- licences

def _requirement_names(requirements: list[str]) -> list[str]:
    names = []
    for req in requirements:
        if "extra ==" in req:
            continue
        marker = req.split(";", 1)[1] if ";" in req else ""
        if "python_version < '3.1" in marker.replace('"', "'") or "sys_platform == 'darwin'" in marker:
            continue
        if "platform_python_implementation != 'PyPy'" not in marker and "PyPy" in marker:
            continue
        names.append(re.split(r"[\s<>=!~;\[(]", req.strip(), maxsplit=1)[0])
    return names


def runtime_distributions() -> list[metadata.Distribution]:
    """The app's dependencies and theirs (as installed), plus PyInstaller for its bootloader."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todo = _requirement_names(project["dependencies"]) + ["pyinstaller"]
    seen: dict[str, metadata.Distribution] = {}
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen or key in ("setuptools", "packaging", "altgraph", "pyinstaller-hooks-contrib",
                                  "pefile", "pywin32-ctypes"):
            continue  # build tools of PyInstaller: nothing of theirs is bundled
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = dist
        if key != "pyinstaller":
            todo.extend(_requirement_names(dist.requires or []))
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    text = meta.get("License-Expression") or meta.get("License") or ""
    if not text or len(text) > 80:
        classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License")]
        text = "; ".join(classifiers) or text.splitlines()[0][:80] if text else "; ".join(classifiers)
    return text or "see the files in this folder"


def _system_libraries(internal: Path, dest: Path) -> list[str]:
    """Debian packages whose libraries PyInstaller copied (Linux): name them and copy their copyright."""
    if not shutil.which("dpkg"):
        return []
    lines = []
    for lib in sorted(p for p in internal.glob("*.so*") if p.is_file() and not p.is_symlink()
                      and not p.name.startswith("libpython")):  # Python's own: Python.txt
        found = None
        for folder in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
                       "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/lib"):
            if (Path(folder) / lib.name).exists():
                found = Path(folder) / lib.name
                break
        if found is None:
            continue
        owner = subprocess.run(["dpkg", "-S", str(found)], capture_output=True, text=True)
        if owner.returncode != 0:
            owner = subprocess.run(["dpkg", "-S", str(found.resolve())], capture_output=True, text=True)
        if owner.returncode != 0:
            continue
        package = owner.stdout.split(":", 1)[0]
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.exists():
            (dest / "system").mkdir(exist_ok=True)
            shutil.copyfile(copyright_file, dest / "system" / f"{package}.copyright.txt")
        lines.append(f"{lib.name}\t{package} (Debian)")
    return lines


def collect_licenses(bundle: Path) -> Path:
    """Every bundled component's licence into _internal/handbook_app/resources/licenses (About shows it)."""
    internal = bundle / "_internal"
    dest = internal / "handbook_app" / "resources" / "licenses"
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    index = ["Licences of the software inside this bundle", "",
             "Trainee Handbook itself: GPL-3.0-or-later (LICENSE-GPL-3.0.txt in resources).",
             "Fonts: Noto Sans, BIZ UDGothic Bold (SIL OFL 1.1), IPAexGothic (IPA Font License) - resources/fonts.",
             ""]
    for dist in runtime_distributions():
        name = dist.metadata["Name"]
        folder = dest / name
        copied = 0
        for file in dist.files or []:
            parts = [p.lower() for p in file.parts]
            if any(k in part for part in parts for k in ("licen", "copying", "notice")) and not file.name.endswith(
                    (".py", ".pyc")):
                source = Path(dist.locate_file(file))
                if source.is_file():
                    target = folder / Path(*file.parts[1:]) if len(file.parts) > 1 else folder / file.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, target)
                    copied += 1
        index.append(f"{name} {dist.version}: {_licence_of(dist)}" + ("" if copied else " (text: see below)"))
    for extra in sorted((HERE / "licenses").iterdir()):
        shutil.copyfile(extra, dest / extra.name)
    python_licence = Path(sys.base_prefix) / ("LICENSE.txt" if WINDOWS else f"lib/python{sys.version_info.major}."
                                                                            f"{sys.version_info.minor}/LICENSE.txt")
    if python_licence.exists():
        shutil.copyfile(python_licence, dest / "Python.txt")
    index += ["", f"Python {platform.python_version()}: PSF-2.0 (Python.txt)",
              "Qt 6 / PySide6 / shiboken6: LGPL-3.0 (Qt.txt, LGPL-3.0.txt)",
              "SQLCipher (inside sqlcipher3): BSD-3-Clause (SQLCipher.txt); SQLite: public domain",
              "OpenSSL (inside cryptography and sqlcipher3): Apache-2.0 (cryptography/licenses)",
              "CLDR locale data (inside Babel) and ICU (inside Qt): Unicode-3.0 (babel/.../LICENSE.unicode)",
              "PDFium (inside pypdfium2): BSD-3-Clause and Apache-2.0 with its parts' licences (pypdfium2/)"]
    system = _system_libraries(internal, dest)
    if system:
        (dest / "system-libraries.txt").write_text(
            "Libraries copied from the build machine (Debian), with their package; the package's copyright "
            "file is in system/.\n\n" + "\n".join(system) + "\n", encoding="utf-8")
        index.append("System libraries from Debian: system-libraries.txt and system/")
    (dest / "THIRD-PARTY.txt").write_text("\n".join(index) + "\n", encoding="utf-8")
    return dest


# --------------------------------------------------------------------------- archive and sizes

def unpacked_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def make_archive(bundle: Path) -> Path:
    target = DIST / archive_name()
    target.unlink(missing_ok=True)
    if WINDOWS:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(bundle.rglob("*")):
                zf.write(path, Path(NAME) / path.relative_to(bundle))
    else:
        with tarfile.open(target, "w:gz", compresslevel=6) as tf:  # 9 saves 1 % and costs twice the time
            tf.add(bundle, arcname=NAME)
    return target


def write_checksum(path: Path) -> Path:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    out = path.with_name(path.name + ".sha256")
    out.write_text(f"{digest.hexdigest()}  {path.name}\n", encoding="utf-8")
    return out


def report(bundle: Path, archive: Path) -> bool:
    unpacked, packed = unpacked_size(bundle), archive.stat().st_size
    print(f"\n{'bundle':<34}{'size':>10}{'budget':>12}")
    print(f"{'unpacked ' + bundle.name + '/':<34}{unpacked / MIB:>8.1f} MiB{BUDGET_UNPACKED / MIB:>8.0f} MiB")
    print(f"{archive.name:<34}{packed / MIB:>8.1f} MiB{BUDGET_PACKED / MIB:>8.0f} MiB")
    parts = sorted(((unpacked_size(p) if p.is_dir() else p.stat().st_size, p.name)
                    for p in (bundle / "_internal").iterdir() if not p.is_symlink()), reverse=True)[:8]
    print("largest parts: " + ", ".join(f"{name} {size / MIB:.1f}" for size, name in parts))
    return unpacked <= BUDGET_UNPACKED and packed <= BUDGET_PACKED


def add_desktop_files(bundle: Path) -> None:
    """Linux: the .desktop file, AppStream metainfo and icons ride along for whoever installs the app."""
    if WINDOWS:
        return
    target = bundle / "desktop"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    for source in [*sorted((HERE / "linux").iterdir()), HERE / "icons" / "trainee-handbook.svg",
                   HERE / "icons" / "trainee-handbook-256.png"]:
        shutil.copyfile(source, target / source.name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="reuse dist/TraineeHandbook")
    parser.add_argument("--smoke", action="store_true", help="run packaging/smoke_test.py on the archive")
    parser.add_argument("--checksum", metavar="FILE", help="only write FILE.sha256 (for the Windows installer)")
    args = parser.parse_args(argv)
    if args.checksum:
        print(write_checksum(Path(args.checksum)).read_text(encoding="utf-8"), end="")
        return 0
    started = time.perf_counter()
    bundle = DIST / NAME if args.skip_build else build()
    (bundle / "portable").write_text(PORTABLE_NOTE, encoding="utf-8")
    collect_licenses(bundle)
    add_desktop_files(bundle)
    archive = make_archive(bundle)
    checksum = write_checksum(archive)
    print(f"built {archive.relative_to(ROOT)} and {checksum.name} in {time.perf_counter() - started:.0f} s")
    within = report(bundle, archive)
    if not within:
        print("OVER BUDGET", file=sys.stderr)
    if args.smoke:
        smoke = subprocess.run([sys.executable, str(HERE / "smoke_test.py"), str(archive)])
        if smoke.returncode != 0:
            return smoke.returncode
    return 0 if within else 1


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
