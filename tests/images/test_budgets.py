"""Performance budgets in Chromium: the first image at 375 px, LCP and CLS on slow 3G."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from quality import performance
from quality.pages import representatives

pytestmark = pytest.mark.browser

TEXT = "<p>" + "Un paragraphe de texte assez long pour remplir l’écran du téléphone. " * 12 + "</p>"
PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
<style>img {{ max-width: 100%; height: auto; display: block; }}</style></head>
<body><main><article class="post"><h1>{title}</h1><div class="post-body">{body}</div>
</article></main></body></html>"""


def noise_jpeg(size: tuple[int, int], quality: int) -> bytes:
    """A JPEG that compresses badly: its weight is what the test needs."""
    buffer = io.BytesIO()
    Image.effect_noise(size, 90).convert("RGB").save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def test_the_sample_site_keeps_its_budgets_on_a_slow_phone(sample_site, browser):
    output = sample_site.output
    pages = performance.paint_pages(output, representatives(output))
    assert set(pages) == {"accueil", "article illustré", "leçon"}
    with performance.serve_compressed(output) as base:
        first = performance.check_first_image(browser, base, pages["article illustré"])
        paint = performance.check_paint(browser, base, pages)
    # The phone chose a WebP copy at 375 px, not the original photo.
    assert first.ok and ".webp" in first.note and "-375-" in first.note, first.lines()
    assert paint.ok, paint.lines()
    print("\n".join(first.lines() + paint.lines()))


@pytest.fixture(scope="module")
def slow_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("lent")
    small = noise_jpeg((300, 300), 70)  # about 40 KB: arrives in about a second
    (output / "petite.jpg").write_bytes(small)
    (output / "lourde.jpg").write_bytes(noise_jpeg((700, 700), 80))  # about 200 KB
    pages = {
        # The image has no size: when it arrives, the text below it jumps.
        "sautille": f'<img src="/petite.jpg" alt="Une photo">{TEXT}',
        # The same image with its size: the browser keeps its place, nothing moves.
        "stable": f'<img src="/petite.jpg" alt="Une photo" width="300" height="300">{TEXT}',
        # The largest thing on screen takes seconds to come on a slow network.
        "lent": f'<img src="/lourde.jpg" alt="Une photo" width="700" height="700">{TEXT}',
    }
    for name, body in pages.items():
        (output / name).mkdir()
        (output / name / "index.html").write_text(
            PAGE.format(title=name, body=body), encoding="utf-8"
        )
    return output


def test_the_paint_gate_sees_layout_shift_and_a_late_largest_paint(slow_site, browser):
    with performance.serve_compressed(slow_site) as base:
        shifting = performance.check_paint(browser, base, {"article": "/sautille/"})
        stable = performance.check_paint(browser, base, {"article": "/stable/"})
        slow = performance.check_paint(browser, base, {"article": "/lent/"})
    assert [f.detail for f in shifting.failures if "CLS" in f.detail], shifting.lines()
    assert "au-delà de 0,1" in shifting.failures[-1].detail
    assert stable.ok, stable.lines()
    lcp = [f.detail for f in slow.failures]
    assert len(lcp) == 1 and "LCP" in lcp[0] and "au-delà de 2,5 s" in lcp[0], slow.lines()
    assert "img" in lcp[0]


def test_the_first_image_gate_weighs_what_a_phone_downloads(slow_site, browser):
    heavy = slow_site / "photo-lourde"
    heavy.mkdir()
    (heavy / "grande.jpg").write_bytes(noise_jpeg((1200, 900), 95))
    (heavy / "index.html").write_text(
        PAGE.format(
            title="lourde",
            body=f'<img src="grande.jpg" alt="Une photo" width="1200" height="900">{TEXT}',
        ),
        encoding="utf-8",
    )
    with performance.serve_compressed(slow_site) as base:
        too_heavy = performance.check_first_image(browser, base, "/photo-lourde/")
        light = performance.check_first_image(browser, base, "/stable/")
    assert not too_heavy.ok
    assert "au-delà de 100 Ko" in too_heavy.failures[0].detail
    assert light.ok, light.lines()
