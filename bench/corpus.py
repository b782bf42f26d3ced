"""A deterministic French corpus for benchmarks, made from the site's own sample text.

The sentences come from the sample articles (clean, proofread French), shuffled with a
fixed seed, so the proofreader sees realistic text and every run builds the same site.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATEGORIES = ("interviews", "conseils", "guides")
AUTHORS = ("Koffi Mensah", "Aïcha Diallo")
TAGS = (
    "communauté",
    "modération",
    "veille",
    "reporting",
    "événements",
    "rédaction",
    "savoir-être",
    "outils",
    "stratégie",
    "réseaux sociaux",
    "engagement",
    "formation",
)
# The sample site comes along as it is (its articles too, so that every link and comment
# finds its page and the build is free of problems); the generated articles are added.
COPIED = (
    "interviews",
    "conseils",
    "guides",
    "pages",
    "images",
    "evenements",
    "formations",
    "comments",
    "dictionnaire.txt",
)


def _paragraphs() -> list[str]:
    """Body paragraphs of the sample articles: no headings, lists, images or links."""
    found = []
    for source in sorted((ROOT / "content").glob("[cgi]*/*.md")):
        body = source.read_text(encoding="utf-8").split("\n\n", 1)[-1]
        for block in body.split("\n\n"):
            block = block.strip()
            if (
                len(block) > 120
                and not re.match(r"^(#|!|-|\*|\d+\.|>|\|)", block)
                and "](" not in block
            ):
                found.append(re.sub(r"[ \t]*\n[ \t]*", " ", block))
    return found


# Mistakes as an imported WordPress blog has them, by the dozen in every article: the
# straight apostrophes and missing no-break spaces of a text typed for the web, accents
# left out, a word typed twice, verbs and nouns that do not agree, homophones.
_MISTAKES = (
    (re.compile("\u2019"), "'"),  # typography, every apostrophe of the paragraph
    (re.compile("[\u00a0\u202f](?=[:;!?»])"), " "),  # typography
    (re.compile(r"\bé(?=[a-z]{3,})"), "e"),  # spelling: « equipe », « ecrire »
    (re.compile(r"(?<=[a-z])è(?=[a-z]{2,})"), "e"),  # spelling: « premiere »
    (re.compile(r"\b(les|des) (\w+)s\b"), r"\1 \2"),  # grammar: « les abonné »
    (re.compile(r"\b(de|la|le|pour) "), r"\1 \1 "),  # repetition: « de de »
    (re.compile(r"\bà (?=l[ae] )"), "a "),  # grammar: « a la »
)


def with_mistakes(paragraph: str, rng: random.Random) -> str:
    """The paragraph with each kind of mistake made once or twice (apostrophes: all)."""
    for pattern, wrong in _MISTAKES:
        count = 0 if pattern.pattern == "\u2019" else rng.randint(1, 2)
        paragraph = pattern.sub(wrong, paragraph, count=count)
    return paragraph


def generate(target: Path, articles: int, seed: int = 2026, mistakes: bool = False) -> int:
    """Write ``articles`` articles plus the copied sample content under ``target``.

    With ``mistakes``, every article's paragraphs carry dozens of proofreading findings
    (see :func:`with_mistakes`), as an imported blog's do. Returns the number of words in
    the articles' bodies.
    """
    rng = random.Random(seed)
    pool = _paragraphs()
    if target.exists():
        shutil.rmtree(target)
    for name in COPIED:
        source = ROOT / "content" / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    words = 0
    for number in range(1, articles + 1):
        category = CATEGORIES[number % len(CATEGORIES)]
        folder = target / category
        folder.mkdir(parents=True, exist_ok=True)
        paragraphs = rng.sample(pool, k=min(len(pool), rng.randint(5, 8)))
        if mistakes:
            paragraphs = [with_mistakes(p, rng) for p in paragraphs]
        body = []
        for index, paragraph in enumerate(paragraphs):
            if index in (2, 5):
                body.append(f"## Étape {index // 3 + 1}")
            body.append(paragraph)
        words += sum(len(p.split()) for p in paragraphs)
        day = 1 + number % 28
        month = 1 + (number // 28) % 12
        year = 2020 + number // 336
        tags = ", ".join(rng.sample(TAGS, k=2))
        header = (
            f"Title: Carnet de terrain numéro {number}\n"
            f"Date: {year}-{month:02d}-{day:02d} {8 + number % 10:02d}:{number % 60:02d}\n"
            f"Tags: {tags}\n"
            f"Author: {AUTHORS[number % 2]}\n"
            f"Summary: {paragraphs[0].split('. ')[0].rstrip('.')}.\n\n"
        )
        (folder / _name(number)).write_text(header + "\n\n".join(body) + "\n", encoding="utf-8")
    return words


def _name(number: int) -> str:
    return f"carnet-{number:05d}.md"


def _article(target: Path, number: int) -> Path:
    """The generated article ``number``, in whichever category folder it was written."""
    return next(target.glob(f"*/{_name(number)}"))


def edit_one(target: Path, number: int = 1) -> Path:
    """Change one sentence of one article, as an author fixing a word would."""
    source = _article(target, number)
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.rstrip("\n") + " Une phrase ajoutée pendant la relecture.\n", encoding="utf-8"
    )
    return source


def add_one(target: Path, number: int) -> Path:
    """Write a new article, the site's newest, as an author publishing one would."""
    template = _article(target, 1)
    header, _, body = template.read_text(encoding="utf-8").partition("\n\n")
    source = template.with_name(f"nouveau-{number:05d}.md")
    header = re.sub(r"(?m)^Title: .*$", f"Title: Nouvel article numéro {number}", header)
    header = re.sub(r"(?m)^Date: .*$", f"Date: 2099-01-{1 + number % 28:02d} 09:00", header)
    source.write_text(f"{header}\n\n{body}", encoding="utf-8")
    return source


def delete_one(target: Path, number: int) -> None:
    """Remove one article."""
    _article(target, number).unlink()


def rename_one(target: Path, number: int) -> Path:
    """Give one article a new title, hence a new address, and its file the new name."""
    source = _article(target, number)
    text = re.sub(
        r"(?m)^Title: .*$",
        f"Title: Carnet renommé numéro {number}",
        source.read_text(encoding="utf-8"),
        count=1,
    )
    renamed = source.with_name(f"renomme-{number:05d}.md")
    renamed.write_text(text, encoding="utf-8")
    source.unlink()
    return renamed


def retag_one(target: Path, number: int) -> Path:
    """Change the tag list of one article: one tag replaced by another."""
    source = _article(target, number)
    text = source.read_text(encoding="utf-8")
    tags = re.search(r"(?m)^Tags: (.*)$", text).group(1).split(", ")
    tags[0] = next(tag for tag in TAGS if tag not in tags)
    source.write_text(
        re.sub(r"(?m)^Tags: .*$", "Tags: " + ", ".join(tags), text, count=1), encoding="utf-8"
    )
    return source
