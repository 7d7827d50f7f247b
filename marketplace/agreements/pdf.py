"""The printable agreement: HTML for the browser and an A4 PDF with a QR code (WeasyPrint)."""

from __future__ import annotations

import segno
from flask import render_template, url_for
from weasyprint import HTML

from marketplace.agreements import services
from marketplace.models import Agreement

QR_SCALE = 4


def verify_url(agreement: Agreement) -> str | None:
    """The public verification address printed on a signed agreement."""
    if agreement.content_hash is None:
        return None
    return url_for("agreements.verify", digest=agreement.content_hash, _external=True)


def qr_data_uri(url: str) -> str:
    """A PNG QR code as a data URI (an image, so PDF readers and decoders both see it)."""
    return segno.make(url, error="m").png_data_uri(scale=QR_SCALE, border=4)


def printable(agreement: Agreement, template: str) -> str:
    """The whole document: text, signatures, hash and QR code."""
    url = verify_url(agreement)
    return render_template(
        template,
        agreement=agreement,
        text=services.text_of(agreement),
        verify_url=url,
        qr=qr_data_uri(url) if url else None,
    )


def pdf_bytes(agreement: Agreement, base_url: str) -> bytes:
    """Render the agreement to an A4 PDF with the project's CJK font."""
    return HTML(string=printable(agreement, "agreements/pdf.html"), base_url=base_url).write_pdf()
