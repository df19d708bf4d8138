"""Pictures that fill a page of a Word file (scans pasted in: a signed page, a table printed and
scanned) read by OCR when Tesseract is installed (see :mod:`unionkg.ingest.ocr`).

The pictures are the ones ``docx_objects.page_pictures`` counts: DrawingML pictures (their
``wp:extent`` and the ``a:blip`` image they show) and VML shapes (their size and
``v:imagedata``) covering half a page or more.  Their images are decoded and read in an
isolated child (PIL and Tesseract on bytes from the file), at most :data:`MAX_PICTURES`, none
over :data:`MAX_PICTURE_BYTES` or :data:`MAX_PICTURE_PIXELS`; what OCR reads comes after the
document's own text, a page each.
"""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass, field

from unionkg.ingest.docx_objects import EMU_PER_POINT, MIN_PAGE_PICTURE_SHARE, VML, VML_SIZE, WP, W, page_area
from unionkg.ingest.isolation import ChildFailure, can_fork, run_in_child

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
#: Pictures read by OCR in one file, the largest image part read, and its largest pixel count.
MAX_PICTURES = 60
MAX_PICTURE_BYTES = 40 * 1024 * 1024
MAX_PICTURE_PIXELS = 80_000_000
#: Seconds and bytes of memory the child reading the pictures may use.
OCR_TIMEOUT_S = 600.0
OCR_MEMORY_BYTES = 2 * 1024 * 1024 * 1024


@dataclass
class PicturesRead:
    """What OCR read in a Word file's page pictures."""

    texts: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    figures_left_out: int = 0

    def note(self, name: str) -> list[str]:
        """The warning saying what was read by OCR (empty when nothing was)."""
        if not self.texts:
            return []
        count = len(self.texts)
        which = "1 picture that fills a page was" if count == 1 else f"{count} pictures that fill a page were"
        note = f"ingest: {name}: {which} read by OCR (Tesseract)"
        if self.figures_left_out:
            n = self.figures_left_out
            note += f"; {n} figure{'s' if n > 1 else ''} read with low confidence {'were' if n > 1 else 'was'} left out"
        return [note]


def page_picture_images(document: object) -> list[bytes]:
    """The image bytes of the pictures that fill half a page or more, in document order."""
    body = document.element.body  # type: ignore[attr-defined]
    parts = document.part.related_parts  # type: ignore[attr-defined]
    least = MIN_PAGE_PICTURE_SHARE * page_area(body)
    relations: list[str] = []
    for element in body.iter(WP + "extent", VML + "shape"):
        if element.tag == WP + "extent":
            cx, cy = element.get("cx") or "", element.get("cy") or ""
            holder = element.getparent()
            blip = holder.find(f".//{A}blip") if holder is not None else None
            if cx.isdigit() and cy.isdigit() and int(cx) * int(cy) >= least and blip is not None:
                relations.append(blip.get(R + "embed") or "")
            continue
        parent = element.getparent()
        image = element.find(VML + "imagedata")
        if (parent is not None and parent.tag == W + "object") or image is None:
            continue  # the picture of an embedded object, or a drawn shape
        size = {k.lower(): float(v) for k, v in VML_SIZE.findall(element.get("style") or "")}
        if size.get("width", 0.0) * size.get("height", 0.0) * EMU_PER_POINT**2 >= least:
            relations.append(image.get(R + "id") or "")
    images: list[bytes] = []
    for relation in relations[:MAX_PICTURES]:
        part = parts.get(relation)
        blob = getattr(part, "blob", None)
        if isinstance(blob, bytes) and len(blob) <= MAX_PICTURE_BYTES:
            images.append(blob)
    return images


def read_page_pictures(document: object) -> PicturesRead:
    """What OCR reads in the page pictures of a Word file, or nothing when OCR is off, not
    installed, or fails."""
    from unionkg.ingest.ocr import ocr_enabled

    if not ocr_enabled():
        return PicturesRead()
    images = page_picture_images(document)
    if not images:
        return PicturesRead()
    if can_fork():
        outcome = run_in_child(lambda: _read(images), OCR_TIMEOUT_S, OCR_MEMORY_BYTES)
    else:
        outcome = _read(images)
    return outcome if isinstance(outcome, PicturesRead) and not isinstance(outcome, ChildFailure) else PicturesRead()


def _read(images: list[bytes]) -> PicturesRead:
    from PIL import Image

    from unionkg.ingest.ocr import ocr_image

    Image.MAX_IMAGE_PIXELS = MAX_PICTURE_PIXELS  # a larger picture raises (a decompression bomb)
    read = PicturesRead()
    for data in images:
        try:
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                page = ocr_image(image)
        except (OSError, ValueError, MemoryError, subprocess.SubprocessError, Image.DecompressionBombError):
            continue  # not an image PIL reads, or too large: left as a picture not read
        if page.text.text.strip():
            read.texts.append(page.text.text)
            read.tables.extend(page.text.tables)
            read.figures_left_out += page.figures_left_out
    return read
