import shutil
import subprocess

import pytest
from PIL import Image

from netzwerkstatt.core.pdf import _local_path, render_pdf


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_render_pdf_writes_german_text(tmp_path, settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]  # resets the engines
    (tmp_path / "probe.html").write_text(
        '{% extends "core/pdf_base.html" %}{% block content %}<h1>Größenklasse – Tischrunde</h1>{% endblock %}',
        encoding="utf-8",
    )

    pdf = render_pdf("probe.html", {})

    text = subprocess.run(
        [shutil.which("pdftotext"), "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert pdf.startswith(b"%PDF")
    assert "Größenklasse – Tischrunde" in text


def test_pdf_fetches_only_local_static_and_media_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "bild.png").write_bytes(b"x")

    assert _local_path("/static/core/netzwerkstatt.css") is not None
    assert _local_path("/media/bild.png") == (tmp_path / "bild.png").resolve()
    assert _local_path("/media/../etc/passwd") is None
    assert _local_path("https://example.org/tracker.png") is None


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_render_pdf_embeds_media_images(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    Image.new("RGB", (40, 20), "red").save(settings.MEDIA_ROOT / "probe.png")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    (tmp_path / "bild.html").write_text(
        '{% extends "core/pdf_base.html" %}{% block content %}<img src="/media/probe.png">{% endblock %}',
        encoding="utf-8",
    )

    pdf = render_pdf("bild.html", {})

    images = subprocess.run(
        [
            shutil.which("pdfimages"),
            "-list",
            "-",
        ],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert "40" in images.splitlines()[-1]
