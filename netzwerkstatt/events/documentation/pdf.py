"""The public report as one PDF, with its photos embedded.

The template ("events/pdf_report.html", extending "core/pdf_base.html") names each
photo as `photo:<id>`; WeasyPrint's fetcher here answers exactly those names with
the thumbnails of the report's public photos, read through the default storage,
and refuses every other address. So the PDF can contain no file that is not in
the report, and nothing is fetched over the network.

Why not `core.pdf.render_pdf`: its fetcher returns a dict, which WeasyPrint 70
no longer accepts (it asserts a `URLFetcherResponse`), so any image there stops
the rendering. Once that is fixed, this can become a render_pdf call with the
photos' media URLs.
"""

import weasyprint
from django.template.loader import render_to_string
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..models import Photo
from .report import ReportContent

SCHEME = "photo"


class _PhotosOnly(URLFetcher):
    def __init__(self, photos: dict[str, Photo]):
        super().__init__(allowed_protocols=(SCHEME,))
        self._photos = photos

    def fetch(self, url, headers=None):
        photo = self._photos.get(url)
        if photo is None:
            raise ValueError(f"Not a photo of the report: {url}")
        with photo.thumbnail.open("rb") as file:
            return URLFetcherResponse(url, file.read(), headers={"Content-Type": "image/jpeg"})


def report_pdf(*, content: ReportContent) -> bytes:
    photos = {}
    for photo in [*content.photos, *(p for result in content.results for p in result.photos)]:
        photo.pdf_src = f"{SCHEME}:{photo.pk}"
        photos[photo.pdf_src] = photo
    html = render_to_string("events/pdf_report.html", {"content": content, "event": content.event})
    document = weasyprint.HTML(string=html, base_url="/", url_fetcher=_PhotosOnly(photos))
    return document.write_pdf()
