"""Images for the PDFs, decoded and scaled in memory (never a temporary file).

A photo from a phone is several megabytes; the PDF gets a re-encoded copy no larger than it
needs (a thumbnail, or page width for "full images"), so a pack with hundreds of photos stays
small and memory holds one photo at a time. A file that is not a readable image gives None.
"""

from __future__ import annotations

import io
from dataclasses import dataclass


@dataclass(frozen=True)
class ScaledImage:
    data: bytes  # PNG or JPEG
    width: int  # pixels
    height: int


def scale_image(raw: bytes, max_px: int) -> ScaledImage | None:
    try:
        from PIL import Image, ImageOps

        with Image.open(io.BytesIO(raw)) as img:
            # a phone's JPEG is decoded straight at a reduced scale (a 12-megapixel photo in a fraction of the time)
            img.draft("RGB", (max_px, max_px))
            img.load()
            img = ImageOps.exif_transpose(img)
            if img.mode not in ("RGB", "L"):
                background = Image.new("RGB", img.size, (255, 255, 255))
                rgba = img.convert("RGBA")
                background.paste(rgba, mask=rgba.split()[-1])
                img = background
            img.thumbnail((max_px, max_px))
            out = io.BytesIO()
            if img.width * img.height > 160 * 160:
                img.save(out, "JPEG", quality=82, optimize=True)
            else:
                img.save(out, "PNG", optimize=True)
            return ScaledImage(out.getvalue(), img.width, img.height)
    except Exception:  # noqa: BLE001 - any undecodable file is shown as "no preview"
        return None


def flowable(image: ScaledImage, max_w: float, max_h: float):
    """A platypus Image fitted into max_w x max_h points, keeping its proportions."""
    from reportlab.platypus import Image

    scale = min(max_w / image.width, max_h / image.height, 1.5)
    return Image(io.BytesIO(image.data), width=image.width * scale, height=image.height * scale)
