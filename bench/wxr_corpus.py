"""A deterministic WordPress export (WXR 1.2) and its uploads folder, for the importer benchmark.

The benchmark of the WordPress importer needs a site the size of a real, old blog: a thousand
posts written over twelve years (classic editor first, block editor since 2019), ten thousand
comments with long threads, pingbacks and spam, and two thousand images. Nobody can ship such an
export, so this module writes one, the same bytes for the same arguments. With ``bench/`` on
``sys.path``, as ``run.py`` sets it:

    from wxr_corpus import generate
    export = generate(tmp / "wordpress", posts=1000, comments=10000, images=2000)

or from a shell: ``.venv/bin/python bench/wxr_corpus.py /tmp/wxr --posts 1000``. It writes
``carnet-bench.wordpress.2024-06-14.xml`` and ``uploads/YYYY/MM/*.jpg`` beside it, as a site owner
gets them from "Outils → Exporter" and from the ``wp-content/uploads`` folder.

What the export holds, so that the importer meets every path it has: posts in every status
an export carries (publish, draft, pending, private, future, trash), pages with child pages, a
menu item, revisions, a reusable block; categories (one named with "&", one child), tags and three
authors; ``[caption]``, ``[gallery]``, ``[embed]`` and unknown shortcodes in classic posts, image,
gallery, embed, code and table blocks in block posts; featured images; links between posts by
``?p=``, by old permalink, by ``http://`` and by an old slug; a few duplicate slugs; comments with
threads up to 14 deep, pending ones, spam, trash, pingbacks and trackbacks. The text is French as
old blogs have it: missing accents, ordinary spaces before « : ; ! ? », "..." and straight quotes,
so the proofreader has findings to report after the import.

Images are tiny real JPEGs (64×48, and 48×36 "medium" variants for the ones shown in posts),
written by a small baseline encoder below so that the benchmark needs no imaging library. About
one image in fifty is left out of the uploads folder, as in real migrations.
"""

from __future__ import annotations

import argparse
import random
import re
import struct
import unicodedata
from collections import Counter
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

SITE = "https://carnet-bench.example"
UPLOADS = SITE + "/wp-content/uploads"
EXPORT_NAME = "carnet-bench.wordpress.2024-06-14.xml"
UTC_OFFSET = timedelta(hours=1)  # the site's clock: Cotonou
FIRST_POST = datetime(2012, 3, 1, 9, 0)
LAST_POST = datetime(2024, 5, 31, 18, 0)
BLOCK_EDITOR_SINCE = datetime(2019, 1, 1)
ORIGINAL = (64, 48)
MEDIUM = (48, 36)
THREAD_DEPTH = 14
COMMENT_TYPE_SINCE = datetime(2020, 8, 11)  # WordPress 5.5

AUTHORS = (
    (1, "aicha", "Aïcha", "Diallo"),
    (2, "koffi.mensah", "Koffi", "Mensah"),
    (3, "moussa", "Moussa", "Koné"),
)
# (term id, slug, parent slug, name as WordPress stores it: "&" is kept as "&amp;")
CATEGORIES = (
    (3, "conseils-pratiques", "", "Conseils pratiques"),
    (2, "interviews", "", "Interviews"),
    (1, "non-classe", "", "Non classé"),
    (5, "reseaux-sociaux", "conseils-pratiques", "Réseaux sociaux"),
    (4, "tutoriels-guides", "", "Tutoriels &amp; guides"),
)
TAGS = (
    "Abidjan",
    "Bamako",
    "Cotonou",
    "Dakar",
    "Lomé",
    "Ouagadougou",
    "Facebook",
    "Instagram",
    "LinkedIn",
    "TikTok",
    "WhatsApp",
    "X",
    "modération",
    "e-réputation",
    "veille",
    "reporting",
    "événements",
    "rédaction",
    "outils",
    "stratégie",
)
TOPICS = (
    "la modération",
    "les lives Facebook",
    "WhatsApp Business",
    "le calendrier éditorial",
    "les concours",
    "la veille",
    "les statistiques",
    "TikTok",
    "les avis clients",
    "LinkedIn",
    "les influenceurs",
    "la gestion de crise",
    "les groupes Facebook",
    "Instagram",
)
PLACES = ("Abidjan", "Dakar", "Cotonou", "Lomé", "Bamako", "Ouagadougou", "Niamey", "Conakry")
TITLES = (
    "{n} astuces pour {topic} à {place}",
    "Ce que j'ai appris sur {topic}",
    "Interview : une CM de {place} parle de {topic}",
    "Tutoriel : {topic} pas à pas",
    "Bilan du mois : {topic}",
    "Pourquoi {topic} change tout pour les PME de {place}",
    "{topic} : les erreurs à éviter",
)
# Sentences as old posts have them: some clean, most with a typo, a missing accent or the
# typography of a hurried writer (space before a comma, "...", straight quotes, none before ":").
SENTENCES = (
    "Sur les reseaux sociaux, tout va tres vite , il faut savoir reagir.",
    "Le community manager est la voix de la marque: il ecoute autant qu'il parle.",
    "Répondre à chaque commentaire prend du temps, mais la communauté le remarque.",
    "Les lives du soir marchent mieux que ceux du matin , surtout en fin de mois...",
    "Un client mecontent qui recoit une reponse polie devient souvent un ambassadeur !",
    "Il ne faut jamais supprimer une critique , sauf si elle contient des insultes.",
    "Nos abonnés préfèrent les vidéos courtes aux longs textes.",
    "Le forfait data coute cher : pensez aux images légères et aux textes courts.",
    "Les groupes WhatsApp font circuler les rumeurs plus vite que n'importe quel reseau.",
    "On a teste trois horaires de publication pendant un mois , voici les resultats.",
    "La regle d'or : toujours dire merci , meme quand le message est desagreable.",
    "Un calendrier editorial simple vaut mieux qu'un outil compliqué que personne n'ouvre.",
    'Le mot "gratuit" attire beaucoup de clics mais aussi beaucoup de faux comptes.',
    "Les concours marchent tres bien ,mais il faut un reglement clair.",
    "Mesurer l'engagement , c'est bien ; comprendre pourquoi , c'est mieux !",
    "La veille prend dix minutes par jour et evite bien des crises.",
    "Apres la crise , nous avons publié un message d'excuse sobre et sincère.",
    "Les influenceurs locaux ont souvent une communauté plus fidèle que les stars.",
    "Une photo floue fait perdre la moitie des vues , alors soignez vos visuels.",
    "Le public de {place} est exigeant mais fidele.",
    "Est ce que vous avez deja essaye les sondages en story ?",
    "Nous avons réuni une vingtaine de CM de {place} pour en parler.",
    "Pensez a preparer des reponses types pour les questions frequentes.",
    "Le service client et le CM doivent travailler ensemble , pas chacun de son cote.",
    "Les chiffres ne disent pas tout: un commentaire sincère vaut parfois mille likes.",
    "En 2015 on publiait trois fois par jour , aujourd'hui une fois suffit.",
    "La communauté de {place} adore les coulisses et les visages de l'équipe.",
    "Evitez le jargon : parlez comme vos abonnés parlent.",
    "Ca ne sert a rien de publier si personne ne repond aux messages.",
    "Chaque vendredi , on fait le point sur {topic} avec toute l'équipe.",
)
COMMENTS = (
    "Merci pour cet article , tres utile !",
    "Super article, je partage avec mon equipe.",
    "Je ne suis pas d'accord sur le point 2: chez nous ca marche tres bien.",
    "Est ce que vous avez un modele a partager ?",
    "Bravo ! On attend la suite avec impatience...",
    "Exactement ce qu'il me fallait, merci beaucoup.",
    "Et pour les ONG , vous conseillez quoi ?",
    "Très juste. <strong>La veille</strong> est souvent oubliée.",
    "J'ai testé la méthode à {place}, résultats excellents !",
    'Petite question : comment vous gérez les "trolls" ?',
    "Merci pour ta reponse , c'est plus clair maintenant.",
    "Tout a fait , on a vécu la meme chose l'an dernier.",
)
SPAM = (
    'Gagnez 500 000 FCFA par jour !!! <a href="https://argent-facile.example/">Cliquez ici</a>',
    "Achetez des abonnés pas cher, livraison en 24h, contactez nous sur WhatsApp",
)
UNKNOWN_SHORTCODES = (
    '[contact-form-7 id="42" title="Contact"]',
    '[mc4wp_form id="118"]',
    '[su_button url="https://carnet-bench.example/contact/"]Nous écrire[/su_button]',
)
YOUTUBE_IDS = ("Xq3bA9kT2mE", "R4nd0mV1d3o", "T3as3rB0uak", "K1nsh4s4L1v", "Pz8cWm2Lq0A")


# --- A tiny baseline JPEG encoder: every 8×8 block is one flat colour (DC only).

_DC_LUMA = ((0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0), tuple(range(12)))
_DC_CHROMA = ((0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0), tuple(range(12)))
_AC_EOB_ONLY = ((1,) + (0,) * 15, (0,))  # every block ends at once: AC coefficients are all zero
_QUANT = 8  # with a DC quantiser of 8, the coded value is the block's mean minus 128


def _huffman_codes(bits: tuple[int, ...], values: tuple[int, ...]) -> dict[int, str]:
    """Canonical Huffman codes (JPEG Annex C) as bit strings, by symbol."""
    codes, code, k = {}, 0, 0
    for length, count in enumerate(bits, start=1):
        for _ in range(count):
            codes[values[k]] = format(code, f"0{length}b")
            code += 1
            k += 1
        code <<= 1
    return codes


_DC_CODES = (_huffman_codes(*_DC_LUMA), _huffman_codes(*_DC_CHROMA))


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">HH", 0xFF00 | marker, len(payload) + 2) + payload


def _dht(table_class: int, table_id: int, table: tuple[tuple[int, ...], tuple[int, ...]]) -> bytes:
    bits, values = table
    return bytes([table_class << 4 | table_id, *bits, *values])


_HEADER_TABLES = (
    _segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    + _segment(0xDB, bytes([0]) + bytes([_QUANT] * 64))
    + _segment(
        0xC4,
        _dht(0, 0, _DC_LUMA)
        + _dht(0, 1, _DC_CHROMA)
        + _dht(1, 0, _AC_EOB_ONLY)
        + _dht(1, 1, _AC_EOB_ONLY),
    )
)


def jpeg(width: int, height: int, colour_of_block) -> bytes:
    """A baseline JPEG of ``width``×``height``; ``colour_of_block(col, row)`` is a block's RGB."""
    cols, rows = -(-width // 8), -(-height // 8)
    previous = [0, 0, 0]
    bits = []
    for row in range(rows):
        for col in range(cols):
            r, g, b = colour_of_block(col, row)
            ycc = (
                0.299 * r + 0.587 * g + 0.114 * b,
                128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
                128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
            )
            for component, value in enumerate(ycc):
                dc = max(-128, min(127, round(value) - 128))
                diff, previous[component] = dc - previous[component], dc
                size = abs(diff).bit_length()
                bits.append(_DC_CODES[component > 0][size])
                if size:
                    bits.append(format(diff if diff > 0 else diff + (1 << size) - 1, f"0{size}b"))
                bits.append("0")  # end of block
    stream = "".join(bits)
    stream += "1" * (-len(stream) % 8)
    data = int(stream, 2).to_bytes(len(stream) // 8, "big").replace(b"\xff", b"\xff\x00")
    frame = struct.pack(">BHHB", 8, height, width, 3) + bytes([1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0])
    scan = bytes([3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0])
    return (
        b"\xff\xd8"
        + _HEADER_TABLES
        + _segment(0xC0, frame)
        + _segment(0xDA, scan)
        + data
        + b"\xff\xd9"
    )


def _picture(rng: random.Random):
    """A small landscape in blocks: a sky gradient, a sun and a row of houses."""
    sky_top = (rng.randrange(10, 90), rng.randrange(40, 140), rng.randrange(120, 220))
    sky_low = (rng.randrange(200, 256), rng.randrange(140, 220), rng.randrange(90, 160))
    ground = (rng.randrange(60, 140), rng.randrange(50, 110), rng.randrange(40, 90))
    sun_col, sun_row = rng.randrange(1, 7), rng.randrange(0, 2)
    skyline = [rng.randrange(3, 6) for _ in range(8)]

    def colour(col: int, row: int, scale: float = 1.0) -> tuple[int, int, int]:
        c, r = int(col / scale), int(row / scale)
        if r >= skyline[min(c, 7)]:
            return ground
        if (c, r) == (sun_col, sun_row):
            return (250, 210, 90)
        t = r / 5
        return tuple(int(a + (b - a) * t) for a, b in zip(sky_top, sky_low, strict=True))

    return colour


# --- Words as WordPress makes them.


def _wordpress_slug(title: str) -> str:
    """The post_name WordPress derives from a title (sanitize_title_with_dashes).

    Accents go, entities and punctuation are dropped without a dash ("j'ai" gives "jai"),
    spaces become dashes.
    """
    text = (
        unicodedata.normalize("NFKD", re.sub(r"&.+?;", "", title))
        .encode("ascii", "ignore")
        .decode()
    )
    text = re.sub(r"[^a-z0-9 _-]", "", text.lower())
    return re.sub(r"-+", "-", re.sub(r"\s+", "-", text.strip())).strip("-")


def _block(name: str, html: str, attrs: str = "") -> str:
    """A block as the editor saves it: its HTML between the block's comment delimiters."""
    attrs = f" {attrs}" if attrs else ""
    return f"<!-- wp:{name}{attrs} -->\n{html}\n<!-- /wp:{name} -->"


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _php_string(text: str) -> str:
    return f's:{len(text.encode("utf-8"))}:"{text}";'


def _attachment_metadata(file: str, medium: bool) -> str:
    """_wp_attachment_metadata as PHP's serialize() writes it."""
    stem = file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    sizes = "a:0:{}"
    if medium:
        w, h = MEDIUM
        sizes = (
            "a:1:{"
            + _php_string("medium")
            + "a:4:{"
            + _php_string("file")
            + _php_string(f"{stem}-{w}x{h}.jpg")
            + _php_string("width")
            + f"i:{w};"
            + _php_string("height")
            + f"i:{h};"
            + _php_string("mime-type")
            + _php_string("image/jpeg")
            + "}}"
        )
    w, h = ORIGINAL
    return (
        "a:5:{"
        + _php_string("width")
        + f"i:{w};"
        + _php_string("height")
        + f"i:{h};"
        + _php_string("file")
        + _php_string(file)
        + _php_string("sizes")
        + sizes
        + _php_string("image_meta")
        + "a:0:{}}"
    )


# --- The export.


class _Corpus:
    """Builds the items of the export in memory, then writes them in one go."""

    def __init__(self, rng: random.Random, posts: int, comments: int, images: int) -> None:
        self.rng = rng
        self.n_posts, self.n_comments, self.n_images = posts, comments, images
        self.next_id = 100
        self.block_id = self.new_id()  # the reusable block that some posts embed
        self.items: list[str] = []
        self.posts: list[dict] = []
        self.images: list[dict] = []

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def sentence(self) -> str:
        return self.rng.choice(SENTENCES).format(
            place=self.rng.choice(PLACES), topic=self.rng.choice(TOPICS)
        )

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 4)))

    def plan(self) -> None:
        """Decide every post's date, status, slug and images before writing any text."""
        span = (LAST_POST - FIRST_POST).total_seconds()
        used: dict[str, int] = {}
        for i in range(self.n_posts):
            date = FIRST_POST + timedelta(seconds=int(span * i / max(1, self.n_posts - 1)))
            topic, place = self.rng.choice(TOPICS), self.rng.choice(PLACES)
            title = self.rng.choice(TITLES).format(
                n=self.rng.randint(3, 9), topic=topic, place=place
            )
            title = title[0].upper() + title[1:]
            slug = _wordpress_slug(title)
            roll = self.rng.random()
            status = (
                "draft"
                if roll < 0.03
                else "pending"
                if roll < 0.04
                else "private"
                if roll < 0.05
                else "trash"
                if roll < 0.06
                else "publish"
            )
            if i >= self.n_posts - 3:
                status = "future"
                date = datetime(2024, 9, 1, 8, 0) + timedelta(days=7 * (self.n_posts - i))
            if slug in used and i % 150:
                used[slug] += 1
                slug = f"{slug}-{used[slug]}"
            else:
                used.setdefault(
                    slug, 1
                )  # every 150th post keeps a duplicate slug, as migrated blogs have
            if status in ("draft", "pending"):
                slug = ""
            elif status == "trash":
                slug += "__trashed"
            self.posts.append(
                {
                    "id": self.new_id(),
                    "title": title,
                    "slug": slug,
                    "date": date,
                    "status": status,
                    "author": AUTHORS[i % len(AUTHORS)][1],
                    "blocks": date >= BLOCK_EDITOR_SINCE,
                    "categories": self.rng.sample(CATEGORIES, k=1 + (i % 7 == 0)),
                    "tags": self.rng.sample(TAGS, k=self.rng.randint(0, 3)),
                    "old_slug": _wordpress_slug(topic + " " + place)
                    if i % 40 == 0 and status == "publish"
                    else "",
                    "images": [],
                }
            )
        for k in range(self.n_images):
            post = self.posts[k % len(self.posts)]
            date = post["date"] - timedelta(minutes=30 + k % 50)
            file = f"{date:%Y/%m}/photo-{k + 1:05d}.jpg"
            image = {
                "id": self.new_id(),
                "file": file,
                "post": post,
                "date": date,
                "shown": len(post["images"]) < 2,
                "missing": k % 50 == 49,
                "alt": f"Photo {k + 1} : {self.rng.choice(TOPICS)} à {self.rng.choice(PLACES)}",
            }
            post["images"].append(image)
            self.images.append(image)

    def link(self, post: dict) -> str:
        if post["status"] in ("draft", "pending", "future"):
            return f"{SITE}/?p={post['id']}"
        return f"{SITE}/{post['date']:%Y/%m}/{post['slug']}/"

    def internal_link(self, post: dict, index: int) -> str:
        """A link to an earlier post, written one of the ways old posts write them."""
        earlier = [p for p in self.posts[max(0, index - 30) : index] if p["status"] == "publish"]
        if not earlier:
            return ""
        target = self.rng.choice(earlier)
        style = self.rng.randrange(4)
        if style == 0:
            href = f"{SITE}/?p={target['id']}"
        elif style == 1:
            href = self.link(target).replace("https://", "http://")
        elif style == 2 and target["old_slug"]:
            href = f"{SITE}/{target['date']:%Y/%m}/{target['old_slug']}/"
        else:
            href = self.link(target)
        return f'<a href="{href}">{_escape(target["title"])}</a>'

    def body(self, post: dict, index: int) -> str:
        shown = [image for image in post["images"] if image["shown"]]
        link = self.internal_link(post, index)
        extra = f" Voir aussi : {link}." if link else ""
        if post["blocks"]:
            return self.block_body(post, shown, extra)
        return self.classic_body(post, shown, extra)

    def classic_body(self, post: dict, shown: list[dict], extra: str) -> str:
        """Classic editor: blank lines between paragraphs, shortcodes, no <p>."""
        parts = [self.paragraph(), self.paragraph() + "\n" + self.sentence() + extra]
        w, h = MEDIUM
        if shown:
            image = shown[0]
            stem = image["file"].rsplit(".", 1)[0]
            parts.insert(
                1,
                (
                    f'[caption id="attachment_{image["id"]}" align="aligncenter" width="{w}"]'
                    f'<img class="size-medium wp-image-{image["id"]}" '
                    f'src="{UPLOADS}/{stem}-{w}x{h}.jpg" alt="{_escape(image["alt"])}" '
                    f'width="{w}" height="{h}" /> {_escape(image["alt"])}[/caption]'
                ),
            )
            parts.insert(2, "<!--more-->")
        if len(shown) > 1:
            parts.append(f'[gallery ids="{",".join(str(i["id"]) for i in shown)}"]')
        roll = post["id"] % 9
        video = f"https://www.youtube.com/watch?v={YOUTUBE_IDS[post['id'] % len(YOUTUBE_IDS)]}"
        if roll == 0:
            parts.append(video)  # a bare URL on its own line: WordPress embeds it
        elif roll == 1:
            parts.append(f"[embed]{video}[/embed]")
        elif roll == 2:
            parts.append(UNKNOWN_SHORTCODES[post["id"] % len(UNKNOWN_SHORTCODES)])
        return "\n\n".join(parts)

    def block_body(self, post: dict, shown: list[dict], extra: str) -> str:
        """Block editor markup as WordPress 6 saves it."""

        def image_block(image: dict) -> str:
            w, h = MEDIUM
            stem = image["file"].rsplit(".", 1)[0]
            alt = _escape(image["alt"])
            return _block(
                "image",
                f'<figure class="wp-block-image size-medium">'
                f'<img src="{UPLOADS}/{stem}-{w}x{h}.jpg" alt="{alt}" '
                f'class="wp-image-{image["id"]}"/>'
                f'<figcaption class="wp-element-caption">{alt}</figcaption></figure>',
                f'{{"id":{image["id"]},"sizeSlug":"medium","linkDestination":"none"}}',
            )

        heading = _escape(self.rng.choice(TOPICS)).capitalize()
        blocks = [
            _block("paragraph", f"<p>{self.paragraph()}</p>"),
            _block("more", "<!--more-->"),
            _block("heading", f'<h2 class="wp-block-heading">{heading}</h2>'),
        ]
        if len(shown) > 1:
            inner = "\n\n".join(image_block(image) for image in shown)
            figure = "wp-block-gallery has-nested-images columns-default is-cropped"
            blocks.append(
                _block("gallery", f'<figure class="{figure}">{inner}</figure>', '{"linkTo":"none"}')
            )
        elif shown:
            blocks.append(image_block(shown[0]))
        items = "\n\n".join(_block("list-item", f"<li>{self.sentence()}</li>") for _ in range(3))
        blocks.append(_block("list", f"<ul>{items}</ul>"))
        blocks.append(_block("paragraph", f"<p>{self.paragraph() + extra}</p>"))
        roll = post["id"] % 7
        if roll == 0:
            url = f"https://www.youtube.com/watch?v={YOUTUBE_IDS[post['id'] % len(YOUTUBE_IDS)]}"
            figure = "wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"
            attrs = (
                f'{{"url":"{url}","type":"video","providerNameSlug":"youtube","responsive":true}}'
            )
            wrapper = f'<div class="wp-block-embed__wrapper">\n{url}\n</div>'
            html = f'<figure class="{figure}">{wrapper}</figure>'
            blocks.append(_block("embed", html, attrs))
        elif roll == 1:
            # The code block stores < > & escaped, as the editor saves them.
            code = '=SI(C2&lt;&gt;"";NB.SI(D2:D99;"&gt;24");"") &amp; " en retard"'
            blocks.append(_block("code", f'<pre class="wp-block-code"><code>{code}</code></pre>'))
        elif roll == 2:
            rows = "".join(
                f"<tr><td>{network}</td><td>{delay}</td></tr>"
                for network, delay in (("Facebook", "2 h"), ("WhatsApp", "30 min"))
            )
            head = "<thead><tr><th>Réseau</th><th>Délai</th></tr></thead>"
            table = f"<table>{head}<tbody>{rows}</tbody></table>"
            blocks.append(_block("table", f'<figure class="wp-block-table">{table}</figure>'))
        elif roll == 3:
            blocks.append(
                _block("shortcode", UNKNOWN_SHORTCODES[post["id"] % len(UNKNOWN_SHORTCODES)])
            )
        elif roll == 4:
            blocks.append(f'<!-- wp:block {{"ref":{self.block_id}}} /-->')
        return "\n\n".join(blocks)

    def comments_for(self, posts: list[dict]) -> dict[int, list[str]]:
        """Spread the comments over published posts: most get a few, some get long threads."""
        open_posts = [p for p in posts if p["status"] in ("publish", "trash", "private")]
        weights = [1 + (i % 23 == 0) * 20 + (i % 5 == 0) * 3 for i in range(len(open_posts))]
        chosen = self.rng.choices(range(len(open_posts)), weights=weights, k=self.n_comments)
        counts = Counter(chosen)
        out: dict[int, list[str]] = {}
        comment_id = 0
        for index in sorted(counts):
            post = open_posts[index]
            count = counts[index]
            depth: dict[int, int] = {}  # comment id -> its depth in the thread, 1 for a top comment
            chain = (
                count >= THREAD_DEPTH and index % 2 == 0
            )  # every other busy post holds a 14-deep thread
            when = post["date"]
            xml = []
            for n in range(count):
                comment_id += 1
                when += timedelta(minutes=17 + (comment_id * 37) % 900)
                parent = 0
                if chain and 0 < n < THREAD_DEPTH:
                    parent = comment_id - 1
                elif depth and self.rng.random() < 0.35:
                    parent = self.rng.choice(list(depth))
                    if depth[parent] >= THREAD_DEPTH:
                        parent = 0
                plain = chain and n < THREAD_DEPTH  # the long thread is people talking, not robots
                comment, parent = self.comment(comment_id, parent, when, post, plain)
                depth[comment_id] = depth[parent] + 1 if parent else 1
                xml.append(comment)
            out[post["id"]] = xml
        return out

    def comment(
        self, comment_id: int, parent: int, when: datetime, post: dict, plain: bool
    ) -> tuple[str, int]:
        """One wp:comment element, and its parent (pingbacks and spam never reply)."""
        roll = 1.0 if plain else self.rng.random()
        kind, approved = "comment", "1"
        author, email, url = (
            f"Lecteur {comment_id % 700}",
            f"lecteur{comment_id % 700}@mail.example",
            "",
        )
        text = self.rng.choice(COMMENTS).format(place=self.rng.choice(PLACES))
        if roll < 0.02:
            kind, parent, email = "pingback", 0, ""
            url = f"https://blog-ami-{comment_id % 40}.example/{when:%Y/%m}/revue/"
            author = f"Revue de la semaine &#8211; Blog ami {comment_id % 40}"
            text = f"[&#8230;] {self.sentence()} [&#8230;]"
        elif roll < 0.025:
            kind, parent, email = "trackback", 0, ""
            url = f"https://annuaire-cm.example/{comment_id}/"
            author = "Annuaire des CM"
            text = f"<strong>À lire</strong>\n\n{self.sentence()}"
        elif roll < 0.075:
            approved, parent = "spam", 0
            author, email, url = (
                "Promo",
                "promo@argent-facile.example",
                "https://argent-facile.example/",
            )
            text = self.rng.choice(SPAM)
        elif roll < 0.105:
            approved = "0"
        elif roll < 0.115:
            approved = "trash"
        if post["status"] == "trash":
            approved = "post-trashed"
        if kind == "comment" and when < COMMENT_TYPE_SINCE:
            kind = ""  # WordPress wrote an empty type for plain comments before 5.5
        ip = f"198.51.100.{comment_id % 250}"
        local = when.strftime("%Y-%m-%d %H:%M:%S")
        gmt = (when - UTC_OFFSET).strftime("%Y-%m-%d %H:%M:%S")
        return (
            "\t\t<wp:comment>\n"
            f"\t\t\t<wp:comment_id>{comment_id}</wp:comment_id>\n"
            f"\t\t\t<wp:comment_author>{_cdata(author)}</wp:comment_author>\n"
            f"\t\t\t<wp:comment_author_email>{_cdata(email)}</wp:comment_author_email>\n"
            f"\t\t\t<wp:comment_author_url>{url}</wp:comment_author_url>\n"
            f"\t\t\t<wp:comment_author_IP>{_cdata(ip)}</wp:comment_author_IP>\n"
            f"\t\t\t<wp:comment_date>{_cdata(local)}</wp:comment_date>\n"
            f"\t\t\t<wp:comment_date_gmt>{_cdata(gmt)}</wp:comment_date_gmt>\n"
            f"\t\t\t<wp:comment_content>{_cdata(text)}</wp:comment_content>\n"
            f"\t\t\t<wp:comment_approved>{_cdata(approved)}</wp:comment_approved>\n"
            f"\t\t\t<wp:comment_type>{_cdata(kind)}</wp:comment_type>\n"
            f"\t\t\t<wp:comment_parent>{parent}</wp:comment_parent>\n"
            "\t\t\t<wp:comment_user_id>0</wp:comment_user_id>\n"
            "\t\t</wp:comment>"
        ), parent

    def item(
        self,
        *,
        item_id: int,
        title: str,
        link: str,
        date: datetime,
        author: str,
        content: str = "",
        slug: str = "",
        status: str = "publish",
        post_type: str = "post",
        parent: int = 0,
        terms: tuple = (),
        meta: tuple = (),
        comments: tuple = (),
        attachment_url: str = "",
        guid: str = "",
        draft: bool = False,
    ) -> str:
        local = date.strftime("%Y-%m-%d %H:%M:%S")
        utc = (date - UTC_OFFSET).strftime("%Y-%m-%d %H:%M:%S")
        gmt = "0000-00-00 00:00:00" if draft else utc  # a never-published draft has no GMT date
        lines = [
            "\t<item>",
            f"\t\t<title>{_cdata(title)}</title>",
            f"\t\t<link>{_escape(link)}</link>",
            f"\t\t<pubDate>{(date - UTC_OFFSET):%a, %d %b %Y %H:%M:%S} +0000</pubDate>",
            f"\t\t<dc:creator>{_cdata(author)}</dc:creator>",
            f'\t\t<guid isPermaLink="false">{_escape(guid or f"{SITE}/?p={item_id}")}</guid>',
            "\t\t<description></description>",
            f"\t\t<content:encoded>{_cdata(content)}</content:encoded>",
            f"\t\t<excerpt:encoded>{_cdata('')}</excerpt:encoded>",
            f"\t\t<wp:post_id>{item_id}</wp:post_id>",
            f"\t\t<wp:post_date>{_cdata(local)}</wp:post_date>",
            f"\t\t<wp:post_date_gmt>{_cdata(gmt)}</wp:post_date_gmt>",
            f"\t\t<wp:post_modified>{_cdata(local)}</wp:post_modified>",
            f"\t\t<wp:post_modified_gmt>{_cdata(utc)}</wp:post_modified_gmt>",
            f"\t\t<wp:comment_status>{_cdata('open')}</wp:comment_status>",
            f"\t\t<wp:ping_status>{_cdata('open')}</wp:ping_status>",
            f"\t\t<wp:post_name>{_cdata(slug)}</wp:post_name>",
            f"\t\t<wp:status>{_cdata(status)}</wp:status>",
            f"\t\t<wp:post_parent>{parent}</wp:post_parent>",
            "\t\t<wp:menu_order>0</wp:menu_order>",
            f"\t\t<wp:post_type>{_cdata(post_type)}</wp:post_type>",
            f"\t\t<wp:post_password>{_cdata('')}</wp:post_password>",
            "\t\t<wp:is_sticky>0</wp:is_sticky>",
        ]
        if attachment_url:
            lines.append(f"\t\t<wp:attachment_url>{_cdata(attachment_url)}</wp:attachment_url>")
        for domain, nicename, name in terms:
            lines.append(
                f'\t\t<category domain="{domain}" nicename="{nicename}">{_cdata(name)}</category>'
            )
        for key, value in meta:
            lines.append(
                f"\t\t<wp:postmeta>\n\t\t<wp:meta_key>{_cdata(key)}</wp:meta_key>\n"
                f"\t\t<wp:meta_value>{_cdata(value)}</wp:meta_value>\n\t\t</wp:postmeta>"
            )
        lines.extend(comments)
        lines.append("\t\t</item>")
        return "\n".join(lines)

    # Long but flat: the items of the generated export, in the order WordPress lists them.
    def write_items(self) -> None:
        self.items.append(
            self.item(
                item_id=self.block_id,
                title="Appel à l'abonnement",
                link=f"{SITE}/?p={self.block_id}",
                date=FIRST_POST,
                author="aicha",
                slug="appel-a-labonnement",
                post_type="wp_block",
                content=_block(
                    "paragraph", "<p>Recevez nos conseils chaque lundi : abonnez-vous !</p>"
                ),
            )
        )
        comments = self.comments_for(self.posts)
        for index, post in enumerate(self.posts):
            terms = [("category", slug, name) for _, slug, _, name in post["categories"]]
            terms += [("post_tag", _wordpress_slug(tag), tag) for tag in post["tags"]]
            meta = [("_edit_last", "1")]
            if post["images"] and index % 5 < 3:
                meta.append(("_thumbnail_id", str(post["images"][0]["id"])))
            if post["old_slug"]:
                meta.append(("_wp_old_slug", post["old_slug"]))
            if post["status"] == "trash":
                meta += [
                    ("_wp_trash_meta_status", "publish"),
                    ("_wp_desired_post_slug", post["slug"][: -len("__trashed")]),
                ]
            body = self.body(post, index)
            self.items.append(
                self.item(
                    item_id=post["id"],
                    title=post["title"],
                    link=self.link(post),
                    date=post["date"],
                    author=post["author"],
                    content=body,
                    slug=post["slug"],
                    status=post["status"],
                    terms=tuple(terms),
                    meta=tuple(meta),
                    comments=tuple(comments.get(post["id"], ())),
                    draft=post["status"] in ("draft", "pending"),
                )
            )
            if index % 25 == 0:  # a revision of one post in 25, as the editor leaves them
                self.items.append(
                    self.item(
                        item_id=self.new_id(),
                        title=post["title"],
                        link=f"{SITE}/?p={self.next_id}",
                        date=post["date"],
                        author=post["author"],
                        content=body.split("\n\n", 1)[0],
                        slug=f"{post['id']}-revision-v1",
                        status="inherit",
                        post_type="revision",
                        parent=post["id"],
                    )
                )
        for image in self.images:
            post = image["post"]
            url = f"{UPLOADS}/{image['file']}"
            slug = image["file"].rsplit("/", 1)[-1][:-4]
            parent_link = self.link(post)
            # WordPress hangs an attachment's page under its post's pretty permalink, if it has one.
            link = (
                f"{SITE}/?attachment_id={image['id']}"
                if "?" in parent_link
                else f"{parent_link}{slug}/"
            )
            self.items.append(
                self.item(
                    item_id=image["id"],
                    title=slug,
                    link=link,
                    date=image["date"],
                    author=post["author"],
                    slug=slug,
                    status="inherit",
                    post_type="attachment",
                    parent=post["id"],
                    attachment_url=url,
                    guid=url,
                    meta=(
                        ("_wp_attached_file", image["file"]),
                        (
                            "_wp_attachment_metadata",
                            _attachment_metadata(image["file"], image["shown"]),
                        ),
                        ("_wp_attachment_image_alt", image["alt"]),
                    ),
                )
            )
        self.write_pages()

    def write_pages(self) -> None:
        about = self.new_id()
        self.items.append(
            self.item(
                item_id=about,
                title="À propos",
                link=f"{SITE}/a-propos/",
                date=FIRST_POST,
                author="aicha",
                slug="a-propos",
                post_type="page",
                guid=f"{SITE}/?page_id={about}",
                content="Un carnet de CM d'Afrique de l'Ouest.\n\nEcrivez nous , on repond vite !",
            )
        )
        for n, (title, slug) in enumerate(
            (
                ("Charte de modération", "charte-de-moderation"),
                ("Nos formations", "nos-formations"),
                ("Contact", "contact"),
            )
        ):
            page = self.new_id()
            self.items.append(
                self.item(
                    item_id=page,
                    title=title,
                    link=f"{SITE}/a-propos/{slug}/",
                    date=FIRST_POST + timedelta(days=n + 1),
                    author="aicha",
                    slug=slug,
                    post_type="page",
                    parent=about,
                    guid=f"{SITE}/?page_id={page}",
                    content=self.paragraph()
                    + ("\n\n" + UNKNOWN_SHORTCODES[0] if slug == "contact" else ""),
                )
            )
        menu = self.new_id()
        self.items.append(
            self.item(
                item_id=menu,
                title="",
                link=f"{SITE}/?p={menu}",
                date=FIRST_POST,
                author="aicha",
                slug=str(menu),
                post_type="nav_menu_item",
                terms=(("nav_menu", "menu-principal", "Menu principal"),),
                meta=(
                    ("_menu_item_type", "post_type"),
                    ("_menu_item_object", "page"),
                    ("_menu_item_object_id", str(about)),
                    ("_menu_item_menu_item_parent", "0"),
                ),
            )
        )

    def export(self) -> str:
        head = [
            '<?xml version="1.0" encoding="UTF-8" ?>',
            "<!-- This is a WordPress eXtended RSS file generated by WordPress as an export"
            " of your site. -->",
            '\t<!-- generator="WordPress/6.5.4" created="2024-06-14 09:12" -->',
            '<rss version="2.0"\n\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
            '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
            '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
            '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
            '\txmlns:wp="http://wordpress.org/export/1.2/"\n>\n\n<channel>',
            "\t<title>Carnet banc d&#039;essai</title>",
            f"\t<link>{SITE}</link>",
            "\t<description>Un blog de CM, généré pour le banc d&#039;essai</description>",
            "\t<pubDate>Fri, 14 Jun 2024 09:12:40 +0000</pubDate>",
            "\t<language>fr-FR</language>",
            "\t<wp:wxr_version>1.2</wp:wxr_version>",
            f"\t<wp:base_site_url>{SITE}</wp:base_site_url>",
            f"\t<wp:base_blog_url>{SITE}</wp:base_blog_url>",
        ]
        for author_id, login, first, last in AUTHORS:
            head.append(
                f"\t<wp:author><wp:author_id>{author_id}</wp:author_id><wp:author_login>{_cdata(login)}</wp:author_login>"
                f"<wp:author_email>{_cdata(login + '@carnet-bench.example')}</wp:author_email>"
                f"<wp:author_display_name>{_cdata(first + ' ' + last)}</wp:author_display_name>"
                f"<wp:author_first_name>{_cdata(first)}</wp:author_first_name>"
                f"<wp:author_last_name>{_cdata(last)}</wp:author_last_name></wp:author>"
            )
        for term_id, slug, parent, name in CATEGORIES:
            head.append(
                f"\t<wp:category>\n\t\t<wp:term_id>{term_id}</wp:term_id>\n"
                f"\t\t<wp:category_nicename>{_cdata(slug)}</wp:category_nicename>\n"
                f"\t\t<wp:category_parent>{_cdata(parent)}</wp:category_parent>\n"
                f"\t\t<wp:cat_name>{_cdata(name)}</wp:cat_name>\n\t</wp:category>"
            )
        for n, tag in enumerate(TAGS):
            head.append(
                f"\t<wp:tag>\n\t\t<wp:term_id>{10 + n}</wp:term_id>\n"
                f"\t\t<wp:tag_slug>{_cdata(_wordpress_slug(tag))}</wp:tag_slug>\n"
                f"\t\t<wp:tag_name>{_cdata(tag)}</wp:tag_name>\n\t</wp:tag>"
            )
        head.append(
            "\t<wp:term><wp:term_id>40</wp:term_id><wp:term_taxonomy>nav_menu</wp:term_taxonomy>"
            f"<wp:term_slug>{_cdata('menu-principal')}</wp:term_slug>"
            f"<wp:term_name>{_cdata('Menu principal')}</wp:term_name></wp:term>"
        )
        head.append("\n\t<generator>https://wordpress.org/?v=6.5.4</generator>\n")
        return "\n".join(head + self.items + ["\t</channel>\n</rss>\n"])

    def write_uploads(self, uploads: Path) -> None:
        for image in self.images:
            if image["missing"]:
                continue
            target = uploads / image["file"]
            target.parent.mkdir(parents=True, exist_ok=True)
            colour = _picture(self.rng)
            target.write_bytes(jpeg(*ORIGINAL, colour))
            if image["shown"]:
                w, h = MEDIUM
                variant = target.with_name(f"{target.stem}-{w}x{h}.jpg")
                variant.write_bytes(jpeg(w, h, partial(colour, scale=w / ORIGINAL[0])))


def generate(
    folder: Path, posts: int = 1000, comments: int = 10000, images: int = 2000, seed: int = 2026
) -> Path:
    """Write the export and its ``uploads`` folder in ``folder``; return the export's path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    corpus = _Corpus(random.Random(seed), posts, comments, images)
    corpus.plan()
    corpus.write_items()
    export = folder / EXPORT_NAME
    export.write_text(corpus.export(), encoding="utf-8")
    corpus.write_uploads(folder / "uploads")
    return export


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("folder", type=Path, help="where to write the export and uploads/")
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--comments", type=int, default=10000)
    parser.add_argument("--images", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    print(generate(args.folder, args.posts, args.comments, args.images, args.seed))


if __name__ == "__main__":
    main()
