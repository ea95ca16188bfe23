"""The sidebar's drawn icons: one per section, visible at small and large sizes, all different, sharp on
high-DPI screens."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage

from handbook_app.ui.icons import NAV_ICON_KEYS, nav_icon
from handbook_app.ui.workspace import NAV
from tests.ui.conftest import unlock


def _image(icon: QIcon, size: int, dpr: float = 1.0) -> QImage:
    pixmap = icon.pixmap(QSize(size, size), dpr)
    assert not pixmap.isNull()
    return pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)


def _opaque_pixels(image: QImage) -> int:
    return sum(
        1 for y in range(image.height()) for x in range(image.width()) if image.pixelColor(x, y).alpha() > 128
    )


def test_every_nav_item_has_a_drawn_icon(qapp):
    assert [item.icon for item in NAV] == list(NAV_ICON_KEYS)
    assert len(NAV) == 8
    for item in NAV:
        assert not nav_icon(item.icon).isNull()


@pytest.mark.parametrize("size", [24, 48])
@pytest.mark.parametrize("key", NAV_ICON_KEYS)
def test_icon_paints_visible_pixels(qapp, key, size):
    image = _image(nav_icon(key), size)
    assert image.size() == QSize(size, size)
    opaque = _opaque_pixels(image)
    assert opaque > size * size * 0.15, f"{key} at {size}px is nearly blank ({opaque} pixels)"
    assert opaque < size * size, f"{key} at {size}px fills the whole square"


@pytest.mark.parametrize("size", [24, 48])
def test_icons_are_pairwise_different(qapp, size):
    images = {key: _image(nav_icon(key), size) for key in NAV_ICON_KEYS}
    for a, b in itertools.combinations(NAV_ICON_KEYS, 2):
        assert images[a] != images[b], f"{a} and {b} look the same at {size}px"


def test_icons_are_drawn_at_the_device_pixel_ratio(qapp):
    for key in NAV_ICON_KEYS:
        pixmap = nav_icon(key).pixmap(QSize(24, 24), 2.0)
        assert pixmap.size() == QSize(48, 48)
        assert pixmap.devicePixelRatio() == 2.0


def test_disabled_icons_are_still_visible(qapp):
    for key in NAV_ICON_KEYS:
        pixmap = nav_icon(key).pixmap(QSize(24, 24), 1.0, QIcon.Mode.Disabled)
        assert _opaque_pixels(pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)) > 24 * 24 * 0.15


def test_sidebar_uses_the_drawn_icons(qtbot, window, demo_path: Path):
    unlock(qtbot, window, demo_path)
    nav = window.workspace.nav
    assert nav.count() == len(NAV)
    for index, item in enumerate(NAV):
        shown = _image(nav.item(index).icon(), 24)
        assert shown == _image(nav_icon(item.icon), 24)
