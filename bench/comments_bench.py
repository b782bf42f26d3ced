"""Import speed of the comments plugin on a generated 10,000-comment WordPress export.

Run: ``.venv/bin/python bench/comments_bench.py [COUNT]``. Everything happens in a
temporary folder: 100 articles, a WXR export with COUNT comments (a third of them
replies, some pending, some spam, some pingbacks, a few orphans), then the import
is timed, and the re-import (which must write nothing).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "plugins"), str(ROOT / "lib")]

from comments import cli  # noqa: E402

ARTICLES = 100


def write_site(content: Path) -> None:
    folder = content / "conseils"
    folder.mkdir(parents=True)
    for number in range(ARTICLES):
        (folder / f"article-{number}.md").write_text(
            f"Title: Article {number}\nSlug: article-{number}\nDate: 2024-01-01 10:00\n\nTexte.\n",
            encoding="utf-8",
        )


def write_export(path: Path, count: int) -> None:
    per_post = count // (ARTICLES + 2)
    items, comment_id = [], 0
    for post in range(ARTICLES + 2):  # the last two posts have no article: orphans
        comments = []
        first = comment_id + 1
        for _ in range(per_post if post < ARTICLES + 1 else count - comment_id):
            comment_id += 1
            # A third are replies to an earlier comment of the same post.
            earlier = first + (comment_id * 7) % max(1, comment_id - first)
            parent = earlier if comment_id % 3 == 0 else 0
            status = "spam" if comment_id % 50 == 0 else ("0" if comment_id % 40 == 0 else "1")
            kind = "pingback" if comment_id % 97 == 0 else ""
            text = escape(
                f"Merci pour l'article, commentaire n°{comment_id} : "
                "<a href='https://exemple.org/'>une source</a> et un avis argumenté."
            )
            comments.append(
                f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
                f"<wp:comment_author>Lecteur {comment_id % 300}</wp:comment_author>"
                "<wp:comment_author_email>lecteur@example.org</wp:comment_author_email>"
                "<wp:comment_author_url>https://lecteur.example/</wp:comment_author_url>"
                "<wp:comment_author_IP>192.0.2.1</wp:comment_author_IP>"
                f"<wp:comment_date_gmt>2024-02-{1 + comment_id % 28:02d} "
                f"{comment_id % 24:02d}:{comment_id % 60:02d}:00</wp:comment_date_gmt>"
                f"<wp:comment_content>{text}</wp:comment_content>"
                f"<wp:comment_approved>{status}</wp:comment_approved>"
                f"<wp:comment_type>{kind}</wp:comment_type>"
                f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
            )
        slug = f"article-{post}" if post < ARTICLES else f"disparu-{post}"
        items.append(
            f"<item><title>{slug}</title><link>https://ancien.example/{slug}/</link>"
            f"<wp:post_id>{post + 1}</wp:post_id><wp:post_name>{slug}</wp:post_name>"
            f"<wp:post_type>post</wp:post_type>{''.join(comments)}</item>"
        )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">'
        f"<channel>{''.join(items)}</channel></rss>\n",
        encoding="utf-8",
    )


def main(count: int = 10_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        write_site(content)
        export = Path(tmp) / "export.xml"
        write_export(export, count)
        settings = cli.load_settings(ROOT / "pelicanconf.py", str(content))
        started = time.perf_counter()
        result, _ = cli.import_file(export, settings)
        first = time.perf_counter() - started
        files = sorted((content / "comments").glob("*.json"))
        before = {p: p.read_bytes() for p in files}
        started = time.perf_counter()
        cli.import_file(export, settings)
        second = time.perf_counter() - started
        unchanged = all(p.read_bytes() == data for p, data in before.items())
        imported = sum(c.imported + c.pending + c.skipped for c in result.articles.values())
        size = export.stat().st_size / 1e6
        print(f"Export WordPress généré : {count} commentaires, {size:.1f} Mo".replace(".", ","))
        print(
            f"Import : {first:.2f} s ({count / first:.0f} commentaires/s), "
            f"{imported} rattachés à {len(result.articles)} articles, "
            f"{len(result.orphans)} orphelins, {len(files)} fichiers".replace(".", ",")
        )
        same = "oui" if unchanged else "NON"
        print(f"Réimport : {second:.2f} s, fichiers inchangés : {same}".replace(".", ","))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
