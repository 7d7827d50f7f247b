"""Rendering every template, the PDF's text and its QR code (WeasyPrint, pypdf, zxing-cpp)."""

from __future__ import annotations

import io

import pytest
from flask import current_app
from pypdf import PdfReader

from marketplace.agreements import pdf, services, signing, templating
from marketplace.models import PayUnit, SeasonTag, WorkForm
from marketplace.policy.labour_relation import AgreementKind, Answers
from tests.factories import shift_in

CASES = {
    AgreementKind.TEMPORARY: ({}, "临时性用工书面协议", "200.00 元/天"),
    AgreementKind.SEASONAL: (
        {"work_form": WorkForm.SEASONAL, "season_tag": SeasonTag.MORATORIUM},
        "季节性用工协议",
        "200.00 元/天",
    ),
    AgreementKind.PART_TIME: (
        {
            "work_form": WorkForm.PART_TIME,
            "pay_unit": PayUnit.HOUR,
            "pay_fen": 3000,
            "shifts": [shift_in(hours=4)],
        },
        "非全日制用工协议",
        "30.00 元/小时",
    ),
    AgreementKind.SERVICE: (
        {"answers": Answers(False, False, False, False)},
        "劳务协议",
        "200.00 元/天",
    ),
    AgreementKind.PT_CONTRACT: (
        {
            "work_form": WorkForm.PART_TIME,
            "pay_unit": PayUnit.HOUR,
            "pay_fen": 3000,
            "shifts": [shift_in(hours=4)],
            "answers": Answers(True, True, True, True),
        },
        "非全日制劳动合同",
        "30.00 元/小时",
    ),
}


def _signed(accepted, **overrides):
    worker, employer, _, agreement = accepted(**overrides)
    for user, name in ((worker, "陈阿海"), (employer, "李经理")):
        digest = templating.content_hash(services.text_of(agreement))
        signing.sign(user, agreement.id, name, True, digest, "198.51.100.2")
    return agreement


@pytest.mark.parametrize("kind", list(CASES), ids=[k.value for k in CASES])
def test_each_template_renders_with_real_values_n15(accepted, kind):
    """Every clause of N(十五) is stated, with the real names, pay and time."""
    overrides, title, pay = CASES[kind]
    *_, agreement = accepted(**overrides)
    text = services.text_of(agreement)
    assert agreement.template.kind == kind and title in text and pay in text
    for clause in templating.REQUIRED_CLAUSES:
        assert f'data-clause="{clause}"' in text
    assert "陈阿海" in text and "石浦海产合作社" in text and "调解" in text and "仲裁" in text


@pytest.mark.parametrize("kind", list(CASES), ids=[k.value for k in CASES])
def test_pdf_text_has_clauses_pay_and_hash_and_qr_decodes(accepted, kind):
    """The A4 PDF in Chinese: clauses, pay in yuan, the hash, and a QR to the verify page."""
    import zxingcpp

    overrides, title, pay = CASES[kind]
    agreement = _signed(accepted, **overrides)
    with current_app.test_request_context(base_url="http://yong.example"):
        body = pdf.pdf_bytes(agreement, "http://yong.example/")
        url = pdf.verify_url(agreement)
    reader = PdfReader(io.BytesIO(body))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    text = "".join(page.extract_text() for page in reader.pages)
    flat = "".join(text.split())
    assert title in flat and "".join(pay.split()) in flat
    for heading in ("报酬怎么算", "劳动保护", "有争议怎么办", "签名"):
        assert heading in flat or kind == AgreementKind.SERVICE
    assert "工伤保险" in flat and "仲裁" in flat
    assert agreement.content_hash in flat
    images = [img.image for page in reader.pages for img in page.images]
    decoded = [r.text for img in images for r in zxingcpp.read_barcodes(img)]
    assert set(decoded) == {url} and url.endswith(f"/agreements/verify/{agreement.content_hash}")
