#!/usr/bin/env bash
# Debian packages that Qt (and the screenshot/PDF checks) need on a bare machine.
# Installs only what is missing; needs root or sudo. Safe to run again.
set -euo pipefail
packages=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-randr0
  libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
)
[ "${1:-}" = "--test" ] && packages+=(xvfb poppler-utils)
if [ "${1:-}" = "--bundle" ]; then
  packages+=(binutils)  # PyInstaller reads libraries' imports with objdump
  # PyInstaller copies Python's shared library, which Debian's own python3 keeps in a package of its own
  python="${PYTHON:-python3}"
  if [ "$(command -v "$python" 2>/dev/null)" = "/usr/bin/$python" ]; then
    packages+=("libpython$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')")
  fi
fi
command -v dpkg-query >/dev/null || { echo "Not a Debian system: install Qt's runtime libraries yourself." >&2; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
