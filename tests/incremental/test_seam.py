"""The seam to Pelican (plugins/incremental/seam.py): each private behaviour it relies on
is still there, its patches are installed for incremental builds only, and the version
guard turns incremental builds off outside the tested Pelican range."""

from __future__ import annotations

import inspect
import json
import logging
import subprocess
import sys
import textwrap
from itertools import chain
from pathlib import Path
from types import SimpleNamespace

import pelican
import pelican.contents
import pelican.generators
import pelican.urlwrappers
import pelican.utils
import pytest
from jinja2 import Environment
from markdown import Markdown
from pelican.contents import Article, Content
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.readers import MarkdownReader, Readers
from pelican.settings import DEFAULT_CONFIG, read_settings
from pelican.urlwrappers import Category
from pelican.utils import SafeDatetime, sanitised_join

from incremental import members, seam
from incremental.incremental import up_to_date
from tests.conftest import ROOT, copy_content
from tests.incremental.test_identity import FAST, incremental_build


@pytest.fixture
def settings(tmp_path):
    return read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"PATH": str(tmp_path), "CACHE_PATH": str(tmp_path / "cache")},
    )


def _article(settings, **metadata):
    base = {"title": "Une veille efficace", "date": SafeDatetime(2026, 3, 5, 9, 7)}
    return Article("<p>Corps</p>", {**base, **metadata}, settings, str(ROOT / "content" / "a.md"))


def _write_content(folder: Path) -> None:
    """Two articles, both tagged, by two authors, and one page, in the site's folders."""
    sources = {
        "conseils/a.md": "Title: A\nDate: 2026-03-05\nTags: veille, outils\n"
        "Author: Koffi Mensah\n\nTexte.\n",
        "conseils/b.md": "Title: B\nDate: 2026-03-06\nTags: veille\n"
        "Author: Aïcha Diallo\n\nTexte.\n",
        "pages/apropos.md": "Title: À propos\n\nTexte.\n",
    }
    for name, source in sources.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(source, encoding="utf-8")


# --- Version guard ---------------------------------------------------------------------


def test_the_installed_pelican_is_in_the_tested_range():
    assert seam.pelican_tested()
    assert seam.pelican_tested("4.12.3")
    for other in ("4.11.0", "4.13.0", "5.0", "unknown"):
        assert not seam.pelican_tested(other)


def test_an_untested_pelican_builds_in_full_with_one_french_line(tmp_path, caplog, monkeypatch):
    monkeypatch.setattr(pelican, "__version__", "4.99.0")
    content = copy_content(tmp_path)
    with caplog.at_level(logging.INFO):
        site = incremental_build(tmp_path, content)
    told = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    line = (
        "Pelican 4.99.0 n’a pas été testé avec les constructions incrémentales : "
        "construction complète."
    )
    assert told.count(line) == 1
    assert "Construction incrémentale" not in caplog.text
    assert (site.output / "index.html").is_file()
    cache = Path(site.settings["CACHE_PATH"])
    assert not (cache / "incremental.json").exists()
    assert Content._expand_settings is seam.pelican_expand_settings  # stock Pelican
    assert not up_to_date({**site.settings, "INCREMENTAL": True})


# --- Process-wide patches --------------------------------------------------------------


def test_patches_go_in_and_out():
    try:
        seam.patch(True)
        assert Content._expand_settings is not seam.pelican_expand_settings
        assert pelican.utils.strftime is not seam.pelican_strftime
        assert pelican.generators.process_translations is not seam.pelican_process_translations
        assert pelican.contents.slugify is not seam.pelican_slugify
        assert pelican.urlwrappers.slugify is not seam.pelican_slugify
    finally:
        seam.patch(False)
    assert Content.__dict__["_expand_settings"] is seam.pelican_expand_settings
    assert pelican.utils.strftime is seam.pelican_strftime
    assert pelican.generators.process_translations is seam.pelican_process_translations
    assert pelican.contents.slugify is pelican.urlwrappers.slugify is seam.pelican_slugify


def test_urls_and_save_as_go_through_expand_settings(settings):
    assert list(inspect.signature(seam.pelican_expand_settings).parameters) == [
        "self",
        "key",
        "klass",
    ]
    asked = []

    class Recording(Article):
        def _expand_settings(self, key, klass=None):
            asked.append((key, klass))
            return seam.pelican_expand_settings(self, key, klass or "Article")

    article = Recording("<p>x</p>", {"title": "Titre", "slug": "titre"}, settings, "a.md")
    assert article.url == settings["ARTICLE_URL"].format(**article.url_format)
    article.save_as  # noqa: B018
    assert asked == [("url", None), ("save_as", None)]
    # The fast path gives slug and lang as url_format does.
    assert article.url_format["slug"] == article.slug
    assert article.url_format["lang"] == article.lang


def test_contents_and_wrappers_slugify_through_their_module_global(settings, monkeypatch):
    calls = []

    def recording(*args, **kwargs):
        calls.append((args, kwargs))
        from incremental import urls

        # The replacement takes the arguments Pelican gives, and gives its answer.
        assert urls.slugify(*args, **kwargs) == seam.pelican_slugify(*args, **kwargs)
        return seam.pelican_slugify(*args, **kwargs)

    monkeypatch.setattr(pelican.contents, "slugify", recording)
    monkeypatch.setattr(pelican.urlwrappers, "slugify", recording)
    assert _article(settings).slug == "une-veille-efficace"
    assert Category("Réseaux sociaux", settings).slug == "reseaux-sociaux"
    assert len(calls) == 2


def test_safe_datetimes_format_through_the_module_strftime(monkeypatch):
    assert list(inspect.signature(seam.pelican_strftime).parameters) == ["date", "date_format"]
    calls = []

    def recording(date, date_format):
        calls.append(date_format)
        return seam.pelican_strftime(date, date_format)

    monkeypatch.setattr(pelican.utils, "strftime", recording)
    assert SafeDatetime(2026, 3, 5).strftime("%-d/%m") == "5/03"
    assert calls == ["%-d/%m"]


def test_generators_find_translations_through_their_module_global(settings, tmp_path, monkeypatch):
    # Relies on: both generators' generate_context call pelican.generators' global
    # process_translations, and members.process_translations answers as Pelican's does.
    given = []

    def recording(content_list, translation_id=None):
        given.extend(content_list)
        return seam.pelican_process_translations(content_list, translation_id)

    monkeypatch.setattr(pelican.generators, "process_translations", recording)
    _write_content(tmp_path)
    for kind, titles in ((ArticlesGenerator, ["A", "B"]), (PagesGenerator, ["À propos"])):
        given.clear()
        _generator(settings, tmp_path, kind).generate_context()
        assert sorted(content.title for content in given) == titles

    # Originals, translations and each content's translations: the same objects.
    contents = [
        _article(settings, title="Un", slug="un"),
        _article(settings, title="One", slug="un", lang="en"),
        _article(settings, title="Two", slug="deux", lang="en"),
        _article(settings, title="Trois", slug="trois"),
        _article(settings, title="Three", slug="trois", lang="en", translation="true"),
        _article(settings, title="Drei", slug="trois", lang="de"),
        _article(settings, title="Quatre", slug="quatre", translation="true"),
        _article(settings, title="Four", slug="quatre", lang="en"),
    ]

    def answer(process, translation_id):
        for content in contents:
            content.translations = None
        found = process(list(reversed(contents)), translation_id)
        return (
            [[id(content) for content in part] for part in found],
            [[id(other) for other in content.translations or ()] for content in contents],
        )

    for translation_id in ("slug", ["slug"], ("slug", "lang"), None):
        expected = answer(seam.pelican_process_translations, translation_id)
        assert answer(members.process_translations, translation_id) == expected
    assert len(answer(members.process_translations, "slug")[0][1]) == 4  # four translations


# --- The writer ------------------------------------------------------------------------


def test_the_writer_opens_each_page_through_open_w(tmp_path):
    settings = read_settings(override={"OUTPUT_PATH": str(tmp_path)})
    template = Environment().from_string("{{ text }}")
    context = {"localsiteurl": ""}
    first = seam.SkippingWriter(str(tmp_path), settings)
    first.write_file("page/index.html", template, context, text="avant")
    target = sanitised_join(str(tmp_path), "page/index.html")
    assert seam.written_files(first) == {target}

    again = seam.SkippingWriter(str(tmp_path), settings)
    again.leave(target)
    again.write_file("page/index.html", template, context, text="après")
    assert Path(target).read_text(encoding="utf-8") == "avant"  # left as it was
    assert seam.written_files(again) == {target}  # and recorded as this build's
    again.write_file("autre.html", template, context, text="écrit")
    assert (tmp_path / "autre.html").read_text(encoding="utf-8") == "écrit"


# --- Content caches --------------------------------------------------------------------


def _generator(settings, tmp_path, kind=ArticlesGenerator):
    # Pelican alone: no plugin of an earlier build in this process acts on this generator.
    settings = {
        **settings,
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "INCREMENTAL": False,
        "PLUGINS": [],
    }
    return kind(
        context={**settings, "generated_content": {}, "static_content": {}, "static_links": set()},
        settings=settings,
        path=str(tmp_path),
        theme=settings["THEME"],
        output_path=str(tmp_path / "output"),
    )


def test_cachers_keep_their_entries_where_the_seam_puts_them(settings, tmp_path):
    generator = _generator(settings, tmp_path)
    source = tmp_path / "a.md"
    source.write_text("Title: A\n\nTexte.\n", encoding="utf-8")
    # Pelican's cache files are named after the generator's class.
    assert seam.is_content_cache(Path(generator._cache_path).name)
    assert seam.is_content_cache(Path(generator.readers._cache_path).name)

    seam.use_generator_cache(generator, {})
    generator.cache_data(str(source), "gardé")
    assert str(source) in seam.generator_cache(generator)
    assert generator.get_cached_data(str(source)) == "gardé"
    generator.save_cache()
    assert Path(generator._cache_path).is_file()

    readers = generator.readers
    readers.cache_data(str(source), ("<p>x</p>", {}))
    readers.save_cache()
    assert Path(readers._cache_path).is_file()
    seam.forget_reader_cache(readers)
    assert not Path(readers._cache_path).exists()
    readers.cache_data(str(source), ("<p>x</p>", {}))
    readers.save_cache()
    assert not Path(readers._cache_path).exists()
    assert readers.get_cached_data(str(source)) is None


def test_readers_cache_through_their_own_methods(settings, tmp_path):
    (tmp_path / "a.md").write_text("Title: A\n\nTexte.\n", encoding="utf-8")
    readers = Readers({**settings, "CACHE_CONTENT": True}, "ArticlesGenerator-Readers")
    cached = []
    seam.hook_cache(readers, cache_data=lambda path, data: cached.append(path))
    readers.read_file(str(tmp_path), "a.md", content_class=Article)
    assert cached == [str(tmp_path / "a.md")]


def _recording(called: list, name: str, original):
    """``original``, noting its name and first argument in ``called`` at each call."""

    def method(*args):
        called.append((name, *args[:1]))
        return original(*args)

    return method


def test_content_generators_go_through_their_cache_methods(settings, tmp_path):
    # ArticlesGenerator cannot be replaced by a subclass: its instance's methods are.
    # Relies on: generate_context asks self.get_cached_data for each source, gives what it
    # read to self.cache_data and ends with self.save_cache().
    _write_content(tmp_path)
    names = ("get_cached_data", "cache_data", "save_cache")
    for kind, sources in (
        (ArticlesGenerator, ["conseils/a.md", "conseils/b.md"]),
        (PagesGenerator, ["pages/apropos.md"]),
    ):
        generator = _generator(settings, tmp_path, kind)
        seam.use_generator_cache(generator, {})  # as an incremental build does
        called = []
        methods = {name: _recording(called, name, getattr(generator, name)) for name in names}
        seam.hook_cache(generator, **methods)
        generator.generate_context()
        for name in names[:2]:
            assert sorted(path for said, *path in called if said == name) == [
                [source] for source in sources
            ]
        assert called[-1] == ("save_cache",)
        assert Path(generator._cache_path).is_file()  # through Pelican's own method


# --- Content objects -------------------------------------------------------------------


def test_contents_keep_their_text_context_and_summary_where_the_seam_reads_them(settings):
    context = {"generated_content": {}}
    article = Article(
        "<p>Corps</p>",
        {"title": "T", "summary": "<p>Résumé</p>"},
        settings,
        "a.md",
        context=context,
    )
    assert seam.text(article) == "<p>Corps</p>" and seam.has_text(article)
    assert seam.build_context(article) is context
    assert set(vars(article)) >= seam.CONTENT_PRIVATE
    assert seam.take_text(dict(vars(article))) == "<p>Corps</p>"


def test_a_lazy_text_article_is_read_through_content(settings):
    context = {"generated_content": {}, "static_content": {}, "localsiteurl": ""}
    article = seam.LazyTextArticle(
        "<p>Corps</p>", {"title": "T"}, settings, "a.md", context=context
    )
    assert "_content" not in vars(article)  # Pelican set it through the property
    article.__dict__["_kept_text"] = '<p>Gardé <img src="{static}/img.png"></p>'.encode()
    assert article.content.startswith("<p>Gardé")
    assert article.get_static_links() == {"img.png"}


def test_contents_memoise_their_text_in_a_class_wide_cache(settings):
    context = {"generated_content": {}, "static_content": {}, "localsiteurl": ""}
    article = Article("<p>Corps</p>", {"title": "T"}, settings, "a.md", context=context)
    assert article.content == "<p>Corps</p>"
    held = Content.__dict__["get_content"].cache
    assert any(key[0] is article for key in held)
    seam.forget_content_memos()
    assert not any(key[0] is article for key in Content.__dict__["get_content"].cache)


def test_a_process_that_builds_again_lets_the_last_builds_articles_go(tmp_path):
    """The dev server builds in one process: no build keeps the one before alive."""
    import gc
    import weakref

    from tests.conftest import build_site

    content = copy_content(tmp_path)
    first = build_site(tmp_path / "un", content=content, PROOFREAD_ENABLED=False)
    articles = [
        weakref.ref(c)
        for c in gc.get_objects()
        if isinstance(c, Article) and c.settings is first.settings
    ]
    assert articles
    build_site(tmp_path / "deux", content=content, PROOFREAD_ENABLED=False)
    gc.collect()
    assert [ref for ref in articles if ref() is not None] == []


# --- Readers ---------------------------------------------------------------------------


def test_markdown_read_with_a_shared_instance_is_pelicans(settings, tmp_path):
    source = tmp_path / "a.md"
    text = "Title: Un titre\nTags: veille, outils\nSummary: Un *résumé*\n\nUn **corps**.\n"
    source.write_text(text, encoding="utf-8")
    expected = MarkdownReader(settings).read(str(source))
    md = Markdown(**settings["MARKDOWN"])
    found = seam.read_markdown(MarkdownReader(settings), md, str(source), text)
    assert found[0] == expected[0]
    assert {k: str(v) for k, v in found[1].items()} == {k: str(v) for k, v in expected[1].items()}
    assert "meta" not in md.preprocessors  # the blog reader registers it again


def test_pelican_names_the_reader_metadata_after_the_class(settings, tmp_path):
    # The proofread plugin's typesetting subclass keeps its base class's name for this.
    from proofread.proofread import _typeset

    (tmp_path / "a.md").write_text("Title: A\n\nTexte.\n", encoding="utf-8")
    readers = Readers(settings)
    readers.readers["md"] = _typeset(MarkdownReader)(settings)
    found = readers.read_file(str(tmp_path), "a.md", content_class=Article)
    assert found.metadata["reader"] == "markdown"


# --- pelican-sitemap -------------------------------------------------------------------


def test_sitemap_keeps_its_queue_and_date_in_its_module_generator(tmp_path):
    # Relies on: its module-level generator queues pages in page_queue for the build in
    # _main_pelican, and writes its ``now`` as the lastmod of a page without a date.
    from importlib.metadata import version

    from pelican.plugins.sitemap import sitemap

    assert version("pelican-sitemap") == seam.SITEMAP_TESTED
    generator = sitemap.generator
    assert {"_main_pelican", "page_queue", "now"} <= set(vars(generator))
    saved = {**vars(generator), "page_queue": list(generator.page_queue)}
    try:
        generator.page_queue.append(("x", None))
        seam.reset_sitemap()
        assert generator.page_queue == [] and generator._main_pelican is None
        seam.set_sitemap_now(SafeDatetime(2026, 1, 2))
        assert generator.now == SafeDatetime(2026, 1, 2)
        # A build (what the plugin reads of Pelican) with one index page: its lastmod.
        build = SimpleNamespace(output_path=str(tmp_path), settings={"SITEURL": "https://x.org"})
        generator.init(build)
        generator.queue_page(str(tmp_path / "archives" / "index.html"), {})
        generator.finalize(build)
        written = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
        assert (
            "<loc>https://x.org/archives/</loc>\n<lastmod>2026-01-02T00:00:00-00:00</lastmod>"
        ) in written
    finally:
        vars(generator).update(saved)


class _RecordingWriter:
    """Takes the pages and feeds a generator writes, and writes nothing."""

    def __init__(self):
        self.written = []

    def write_file(self, name, template, context, *args, **kwargs):
        self.written.append(name)

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        self.written.append(path)


def test_tag_pages_scan_their_article_lists_with_in(settings, tmp_path):
    # members.py gives these lists a set lookup: Pelican must still ask ``in``.
    # Relies on: generate_output keeps the dates of each tag, category and author page with
    # ``article in articles``, over the lists in generator.tags, categories and authors.
    class Asked(list):
        def __contains__(self, item):
            self.asked.append(item)
            return super().__contains__(item)

    _write_content(tmp_path)
    # Pelican's own theme and pages: ours need the filters our plugins give.
    stock = {name: DEFAULT_CONFIG[name] for name in ("THEME", "DIRECT_TEMPLATES")}
    generator = _generator({**settings, **stock}, tmp_path)
    generator.generate_context()
    for tag, articles in list(generator.tags.items()):
        generator.tags[tag] = Asked(articles)
    for groups in (generator.categories, generator.authors):
        groups[:] = [(group, Asked(articles)) for group, articles in groups]
    lists = [
        *generator.tags.values(),
        *(articles for _, articles in chain(generator.categories, generator.authors)),
    ]
    assert len(lists) == 5  # two tags, one category, two authors
    for articles in lists:
        articles.asked = []
    writer = _RecordingWriter()
    generator.generate_output(writer)
    for articles in lists:
        # Each page asked its list about every dated article of the site.
        assert {id(article) for article in articles.asked} == set(map(id, generator.dates))
    assert {tag.save_as for tag in generator.tags} <= set(writer.written)


# --- Publish builds run stock Pelican --------------------------------------------------

_STOCK_CHECK = """
import json, sys
sys.path[:0] = [{root!r}, {plugins!r}, {lib!r}]
from pathlib import Path
import pelican.cache, pelican.contents, pelican.generators, pelican.readers
import pelican.urlwrappers, pelican.utils, pelican.writers
from pelican import Pelican, signals
from pelican.settings import read_settings

MODULES = (pelican.cache, pelican.contents, pelican.generators, pelican.readers,
           pelican.urlwrappers, pelican.utils, pelican.writers)

def snapshot():
    seen = {{}}
    for module in MODULES:
        for name, value in vars(module).items():
            seen[module.__name__ + "." + name] = id(value)
            if isinstance(value, type) and value.__module__.startswith("pelican"):
                for attr, member in vars(value).items():
                    seen[module.__name__ + "." + name + "." + attr] = id(member)
    return seen

base = snapshot()
seen = []

def look(generator, writer):
    # Once the articles are written: every plugin has done what it does to this build.
    now = snapshot()
    seen.append({{
        "changed": sorted(k for k in base if now.get(k) != base[k]),
        "lists": sorted({{type(v).__name__ for v in generator.tags.values()}}),
        "writer": type(writer).__name__,
    }})

signals.article_writer_finalized.connect(look)
tmp = Path({tmp!r})
for step, settings_file in enumerate(("publishconf.py", "pelicanconf.py", "publishconf.py")):
    settings = read_settings(str(Path({root!r}) / settings_file), override={{
        "PATH": {content!r}, "OUTPUT_PATH": str(tmp / str(step) / "output"),
        "CACHE_PATH": str(tmp / str(step) / "cache"), **json.loads({fast!r})}})
    Pelican(settings).run()
print(json.dumps(seen))
"""


def test_publish_builds_run_stock_pelican(tmp_path):
    content = copy_content(tmp_path)
    script = _STOCK_CHECK.format(
        root=str(ROOT),
        plugins=str(ROOT / "plugins"),
        lib=str(ROOT / "lib"),
        fast=json.dumps(FAST),
        tmp=str(tmp_path),
        content=str(content),
    )
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    publish, development, publish_again = json.loads(done.stdout.strip().splitlines()[-1])
    # An incremental build patches Pelican (the check sees it)...
    assert "pelican.contents.Content._expand_settings" in development["changed"]
    assert development["writer"] == "IncrementalWriter"
    assert development["lists"] == ["Members"]
    # ...a publish build, before or after it in the same process, runs Pelican as it is.
    for build in (publish, publish_again):
        assert build["changed"] == []
        assert build["writer"] == "Writer"
        assert build["lists"] == ["list"]
