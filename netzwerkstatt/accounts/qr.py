"""A QR code as the parts of an inline SVG, drawn on the server with segno.

The template writes the `<svg>` element itself and fills in the size and one path, so
the page needs neither a data: URI (which the content security policy refuses) nor
markup marked safe: the path holds only numbers and the letters M, h, v and z.
"""

from dataclasses import dataclass

import segno

BORDER = 4  # the quiet zone readers need around the symbol, in modules


@dataclass(frozen=True)
class QrSvg:
    size: int  # modules per side, quiet zone included
    path: str  # SVG path data covering the dark modules


def qr_svg(text: str) -> QrSvg:
    code = segno.make(text, error="m", micro=False)
    commands = []
    for y, row in enumerate(code.matrix_iter(border=BORDER)):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            # One rectangle per run of dark modules in a row.
            commands.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    size, _height = code.symbol_size(border=BORDER)
    return QrSvg(size=size, path="".join(commands))
