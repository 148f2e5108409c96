"""Photos and slides for the demo event, drawn at load time: flip charts with a table's
results, the plenary with a slide on the screen, a table from above, and a talk's slides as
a PDF. Pure Pillow, no database; the same rng gives the same picture, and no binary file
has to live in the repository.

The slides are pictures in a PDF, as many exported slide decks are: Pillow draws four of
them in a few milliseconds, where WeasyPrint takes half a second per document.
"""

import io
import math
import random
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from .content import Talk

SIZE = (1200, 900)
SLIDE_SIZE = (1600, 900)
TEAL = (11, 110, 105)  # the product's colour, as in its PDFs
JPEG_QUALITY = 85
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")  # fonts-dejavu-core, WeasyPrint's too
WALL = (226, 221, 210)
FLOOR = (150, 128, 104)
PAPER = (250, 250, 246)
MARKERS = ((24, 60, 150), (20, 20, 20), (170, 30, 40), (20, 110, 60))
STICKY_NOTES = ((255, 230, 90), (255, 170, 90), (140, 210, 250), (170, 230, 140))
HAIR = ((60, 40, 30), (120, 80, 40), (200, 170, 110), (90, 90, 90), (30, 30, 30))
CLOTHES = ((40, 60, 110), (120, 30, 40), (60, 110, 90), (90, 90, 95), (200, 190, 170))

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@cache
def font(size: int, *, bold: bool = False) -> Font:
    try:
        return ImageFont.truetype(FONT_FILES[bold], size)
    except OSError:  # without DejaVu: Pillow's own font, which has the umlauts, too
        return ImageFont.load_default(size)


def flip_chart(rng: random.Random, *, title: str, text: str) -> bytes:
    """A flip chart on its easel: the topic as the heading, the key points below."""
    picture = Image.new("RGB", SIZE, WALL)
    draw = ImageDraw.Draw(picture)
    width, height = SIZE
    left, top, right, bottom = 290, 40, width - 290, height - 70
    draw.line((left + 60, bottom, left + 10, height), fill=(70, 70, 70), width=14)
    draw.line((right - 60, bottom, right - 10, height), fill=(70, 70, 70), width=14)
    draw.rectangle((left - 10, top - 20, right + 10, top + 6), fill=(60, 60, 60))
    draw.rectangle((left, top, right, bottom), fill=PAPER, outline=(200, 200, 195), width=3)
    x, y = left + 36, top + 40
    heading = font(36, bold=True)
    for line in wrapped(draw, title, heading, right - x - 36):
        draw.text((x, y), line, font=heading, fill=MARKERS[0])
        y += 46
    draw.line((x, y + 6, right - 36, y + 10), fill=MARKERS[2], width=5)
    y += 40
    body = font(27)
    for number, paragraph in enumerate(text.splitlines()):
        colour = MARKERS[1 + number % (len(MARKERS) - 1)]
        for line in wrapped(draw, paragraph, body, right - x - 36):
            draw.text((x + rng.randint(-3, 3), y), line, font=body, fill=colour)
            y += 36
        y += 14
    for _note in range(rng.randint(2, 4)):
        note_x = rng.choice((rng.randint(40, left - 150), rng.randint(right + 20, width - 170)))
        note_y = rng.randint(120, height - 260)
        draw.rectangle((note_x, note_y, note_x + 130, note_y + 130), fill=rng.choice(STICKY_NOTES))
    return jpeg(picture)


def plenary(rng: random.Random, *, slide: str, people: int = 14) -> bytes:
    """The seminar room from the back: the screen with the slide's title, rows of heads."""
    picture = Image.new("RGB", SIZE, WALL)
    draw = ImageDraw.Draw(picture)
    width, height = SIZE
    horizon = int(height * 0.55)
    draw.rectangle((0, horizon, width, height), fill=FLOOR)
    for window in range(2):
        x = 60 + window * 150
        draw.rectangle(
            (x, 90, x + 110, 380), fill=(200, 225, 240), outline=(250, 250, 250), width=8
        )
    screen = (360, 70, width - 160, 420)
    draw.rectangle(screen, fill=(252, 252, 252), outline=(90, 90, 90), width=4)
    draw.rectangle((screen[0], screen[1], screen[2], screen[1] + 24), fill=(11, 110, 105))
    heading = font(34, bold=True)
    y = screen[1] + 70
    for line in wrapped(draw, slide, heading, screen[2] - screen[0] - 80):
        draw.text((screen[0] + 40, y), line, font=heading, fill=(30, 40, 50))
        y += 46
    rows = ((horizon + 40, 0.7), (horizon + 150, 0.85), (height - 110, 1.0))
    seats = max(1, people // len(rows))
    for row, (base, scale) in enumerate(rows):
        draw.rectangle((20, base + 30 * scale, width - 20, base + 60 * scale), fill=(120, 90, 60))
        for seat in range(seats):
            x = int((seat + 0.5 + (row % 2) * 0.3) * width / seats) + rng.randint(-20, 20)
            _person_from_behind(draw, rng, x, base, scale)
    return jpeg(picture)


def table_talk(rng: random.Random, *, people: int) -> bytes:
    """A round table from above: paper on it, cups, and the people around it."""
    picture = Image.new("RGB", SIZE, FLOOR)
    draw = ImageDraw.Draw(picture)
    centre_x, centre_y = SIZE[0] // 2, SIZE[1] // 2
    radius = 260
    draw.ellipse(
        (centre_x - radius, centre_y - radius, centre_x + radius, centre_y + radius),
        fill=(235, 235, 228),
        outline=(120, 90, 60),
        width=10,
    )
    draw.rectangle((centre_x - 150, centre_y - 100, centre_x + 150, centre_y + 100), fill=PAPER)
    for _stroke in range(8):
        x, y = centre_x + rng.randint(-130, 60), centre_y + rng.randint(-85, 85)
        draw.line((x, y, x + rng.randint(20, 70), y), fill=rng.choice(MARKERS), width=4)
    for seat in range(people):
        angle = 2 * math.pi * (seat + rng.random() * 0.3) / people
        x = centre_x + int((radius + 70) * math.cos(angle))
        y = centre_y + int((radius + 70) * math.sin(angle))
        draw.ellipse((x - 75, y - 75, x + 75, y + 75), fill=rng.choice(CLOTHES))
        draw.ellipse((x - 38, y - 38, x + 38, y + 38), fill=rng.choice(HAIR))
        cup_x = centre_x + int((radius - 50) * math.cos(angle + 0.25))
        cup_y = centre_y + int((radius - 50) * math.sin(angle + 0.25))
        draw.ellipse((cup_x - 18, cup_y - 18, cup_x + 18, cup_y + 18), fill=(250, 250, 250))
    return jpeg(picture)


def _person_from_behind(
    draw: ImageDraw.ImageDraw, rng: random.Random, x: int, base: int, scale: float
) -> None:
    shoulders, head = int(70 * scale), int(28 * scale)
    draw.ellipse(
        (x - shoulders, base - 20 * scale, x + shoulders, base + 90 * scale),
        fill=rng.choice(CLOTHES),
    )
    draw.ellipse(
        (x - head, base - 70 * scale, x + head, base - 70 * scale + 2 * head),
        fill=rng.choice(HAIR),
    )


def slides_pdf(talk: Talk, *, byline: str, occasion: str) -> bytes:
    """The talk as a PDF: a title slide with speaker and occasion, then one page per slide."""
    pages = [_slide(talk.title, (byline, occasion), title_slide=True)]
    pages += [_slide(slide.title, slide.points) for slide in talk.slides]
    output = io.BytesIO()
    pages[0].save(output, "PDF", save_all=True, append_images=pages[1:], resolution=150)
    return output.getvalue()


def _slide(title: str, lines: tuple[str, ...], *, title_slide: bool = False) -> Image.Image:
    page = Image.new("RGB", SLIDE_SIZE, (255, 255, 255))
    draw = ImageDraw.Draw(page)
    width, height = SLIDE_SIZE
    draw.rectangle((0, 0, width, 28), fill=TEAL)
    draw.rectangle((0, height - 12, width, height), fill=TEAL)
    heading = font(64 if title_slide else 54, bold=True)
    y = 300 if title_slide else 110
    for line in wrapped(draw, title, heading, width - 240):
        draw.text((120, y), line, font=heading, fill=TEAL)
        y += 80
    y += 50
    body = font(40)
    for line in lines:
        text = line if title_slide else f"•  {line}"
        for part in wrapped(draw, text, body, width - 280):
            draw.text((120 if title_slide else 140, y), part, font=body, fill=(29, 39, 51))
            y += 54
        y += 24
    return page


def wrapped(draw: ImageDraw.ImageDraw, text: str, face: Font, width: int) -> list[str]:
    """The text broken into lines no wider than `width` pixels, at spaces."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=face) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def jpeg(picture: Image.Image) -> bytes:
    output = io.BytesIO()
    picture.save(output, "JPEG", quality=JPEG_QUALITY)
    return output.getvalue()
