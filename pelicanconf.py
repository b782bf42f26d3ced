"""Site settings for local builds (``make build`` / ``make serve``).

Production overrides live in ``publishconf.py``, which imports this file.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent

AUTHOR = "Koffi Mensah"
SITENAME = "Le carnet du Community Manager"
SITESUBTITLE = "Animer, faire grandir et mesurer une communauté, en ligne et hors ligne"
SITEURL = ""
SITE_DESCRIPTION = (
    "Interviews, conseils et guides pratiques pour les community managers "
    "d'Afrique de l'Ouest et d'ailleurs."
)

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "Africa/Abidjan"
DEFAULT_LANG = "fr"
LOCALE = ("C",)  # dates are formatted by Babel, never by the system locale

# One folder per category; the folder name is the category slug.
ARTICLE_PATHS = ["interviews", "conseils", "guides"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
USE_FOLDER_AS_CATEGORY = True
DEFAULT_CATEGORY = "conseils"
# Labels shown to readers, keyed by category slug; any other category is an error.
BLOG_CATEGORIES = {
    "interviews": "Interviews",
    "conseils": "Conseils",
    "guides": "Guides pratiques",
}
# Folders of content/ that hold no source of the site (notes, ideas): Markdown files there
# are not reported as misplaced. Any other Markdown file outside the folders above is.
BLOG_IGNORED_PATHS = ["notes"]
BLOG_AUTHORS = {
    "Koffi Mensah": "Community manager à Abidjan depuis dix ans, formateur et auteur du carnet.",
    "Aïcha Diallo": "Consultante en stratégie de communauté à Dakar, spécialiste de la modération.",
}
# Average silent reading speed of adults in French, words per minute
# (Trauzettel-Klosinski & Dietz, 2012: 195 ± 26).
READING_SPEED_WPM = 195
# Articles longer than this many words get a table of contents.
TOC_MIN_WORDS = 600
TOC_MIN_HEADINGS = 3
# Content images (README, « Images »): smaller copies at these widths (never wider than the
# original), in WebP and in the original format, made once under cache/images/ and
# published under output/images/variantes/ (plugins/blog/responsive.py).
BLOG_IMAGE_WIDTHS = (375, 750, 1200)
BLOG_IMAGE_FOLDER = "images/variantes"
BLOG_IMAGE_QUALITY = {"jpeg": 80, "webp": 75}

# URLs: French, without ".html".
ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "categorie/{slug}/"
CATEGORY_SAVE_AS = "categorie/{slug}/index.html"
CATEGORIES_URL = "categories/"
CATEGORIES_SAVE_AS = "categories/index.html"
TAG_URL = "etiquette/{slug}/"
TAG_SAVE_AS = "etiquette/{slug}/index.html"
TAGS_URL = "etiquettes/"
TAGS_SAVE_AS = "etiquettes/index.html"
AUTHOR_URL = "auteur/{slug}/"
AUTHOR_SAVE_AS = "auteur/{slug}/index.html"
AUTHORS_URL = "auteurs/"
AUTHORS_SAVE_AS = "auteurs/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DRAFT_URL = "brouillons/{slug}/"
DRAFT_SAVE_AS = "brouillons/{slug}/index.html"
DIRECT_TEMPLATES = [
    "index",
    "categories",
    "authors",
    "tags",
    "archives",
    "search",
    "404",
    "robots",
]
SEARCH_URL = "recherche/"
SEARCH_SAVE_AS = "recherche/index.html"
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "author": None}
# "404" is saved as 404.html by default; robots.txt is rendered from the theme.
ROBOTS_SAVE_AS = "robots.txt"
# Ten a page, as WordPress shows by default: what our author's readers are used to.
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
SUMMARY_MAX_LENGTH = 40

# Feeds: Atom and RSS for everything, Atom per category.
# Absolute links (canonical URLs, feeds, robots.txt) need an origin: in development
# it is the dev server; publishconf.py sets the real one.
SITE_ORIGIN = "http://127.0.0.1:8000"
FEED_DOMAIN = SITE_ORIGIN
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/categorie/{slug}.atom.xml"
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 20
RSS_FEED_SUMMARY_ONLY = False

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {"permalink": False},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}
TYPOGRIFY = False  # French typography is applied by the proofread plugin
# Pelican's own Jinja options, plus: templates are not checked on disk at every include
# (each build makes new environments, so a template edited between builds is read again).
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
    "auto_reload": False,
}

# Extra links of the header navigation: (label, path without leading slash).
MENU_LINKS = [
    ("Événements", "evenements/"),
    ("Formations", "formations/"),
]

PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "blog",
    "incremental",
    "proofread",
    "comments",
    "search",
    "pelican.plugins.sitemap",
    "pelican.plugins.neighbors",
    "incremental.related",  # the related_posts library, remembered between builds
    "training",
    "events",
    "security",  # asset(): fingerprinted theme files; _headers (plugins/security/)
    "redirects",  # last: it checks the pages the other plugins write (plugins/redirects/)
]
# Events (plugins/events/README.md): one file per event in content/evenements/.
EVENTS_PATH = "evenements"
EVENTS_TIMEZONE = "Africa/Abidjan"
EVENTS_HOME_COUNT = 3
# Training portal (plugins/training/README.md): courses in content/formations/.
TRAINING_PATH = "formations"
TRAINING_URL = "formations/"
RELATED_POSTS_MAX = 3
SITEMAP = {
    "format": "xml",
    "priorities": {"articles": 0.8, "indexes": 0.5, "pages": 0.5},
    "changefreqs": {"articles": "monthly", "indexes": "daily", "pages": "monthly"},
    "exclude": [
        "404.html",
        "recherche/",
        "brouillons/",
        "page/",
        "categories/",
        "etiquettes/",
        "auteurs/",
    ],
}

# Development builds: warn about bad content and build the rest.
# publishconf.py turns this on so that publishing stops instead.
CONTENT_STRICT = False

# Incremental builds (README, "Fast builds"): Pelican caches what its readers read,
# the incremental plugin keeps articles between builds (it needs the reader layer here),
# and only the pages whose inputs changed are rendered again.
CACHE_PATH = "cache"
CACHE_CONTENT = True
# Uncompressed: saving the compressed cache took a tenth of a second on every build.
GZIP_CACHE = False
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
INCREMENTAL = True
# The search index (Pagefind) is rebuilt after each build; in development it is rebuilt
# in the background, so that an edited page is served at once. publishconf.py waits.
SEARCH_INDEX = "background"
# A larger site is indexed in bundles of this many pages, merged by the search page:
# Pagefind's memory grows with every page it holds (plugins/search/index.py).
SEARCH_BUNDLE_PAGES = 250
DELETE_OUTPUT_DIRECTORY = False
