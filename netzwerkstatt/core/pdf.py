"""PDF documents from Django templates, rendered by WeasyPrint.

Templates extend "core/pdf_base.html" (A4, DejaVu Sans, page numbers). Static
files and images are read from the file system, never over the network:
WeasyPrint gets a URL fetcher that only serves the app's static and media files.
"""

import mimetypes
from pathlib import Path

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint.urls import URLFetcher, URLFetcherResponse


def render_pdf(template_name: str, context: dict, *, request=None) -> bytes:
    html = render_to_string(template_name, context, request=request)
    document = weasyprint.HTML(string=html, base_url="/", url_fetcher=LocalFilesFetcher())
    return document.write_pdf()


class LocalFilesFetcher(URLFetcher):
    """Answers only URLs of the app's static and media files, from the disk."""

    def fetch(self, url, headers=None):
        path = _local_path(url)
        if path is None:
            raise ValueError(f"Not a local static or media file: {url}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def _local_path(url: str) -> Path | None:
    address = url.removeprefix("file://")
    static_prefix = "/" + settings.STATIC_URL.lstrip("/")
    media_prefix = "/" + settings.MEDIA_URL.lstrip("/")
    if address.startswith(static_prefix):
        found = finders.find(address.removeprefix(static_prefix))
        return Path(found) if found else None
    if address.startswith(media_prefix):
        root = Path(settings.MEDIA_ROOT).resolve()
        path = (root / address.removeprefix(media_prefix)).resolve()
        return path if path.is_relative_to(root) and path.is_file() else None
    return None
