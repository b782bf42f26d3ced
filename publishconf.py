"""Production settings: ``make publish`` builds with these."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://carnet-cm.example.org")
SITE_ORIGIN = SITEURL
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
# Production is always built from scratch.
LOAD_CONTENT_CACHE = False
INCREMENTAL = False
SEARCH_INDEX = True
# Publishing refuses bad content instead of skipping it.
CONTENT_STRICT = True
