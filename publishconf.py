"""Production settings: ``make publish`` builds with these."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://carnet-cm.example.org")
SITE_ORIGIN = SITEURL
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
# The output folder is emptied once the content is accepted (the blog plugin), not when
# the build starts: a refused publish leaves the last site where it was.
DELETE_OUTPUT_DIRECTORY = False
BLOG_EMPTY_OUTPUT = True
# Drafts, pending and private posts are shown by the development server only
# (/brouillons/): a published site never holds them.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
# Production is always built from scratch.
LOAD_CONTENT_CACHE = False
INCREMENTAL = False
SEARCH_INDEX = True
# Publishing refuses bad content instead of skipping it.
CONTENT_STRICT = True

# --- Deploy (`invoke deploy`, plugins/deploy/README.md) -------------------------------------
# Every HTML, CSS, JS, SVG, XML, JSON, TXT and ICS file gets .gz and .br siblings, written
# after every other plugin (this one is last): nginx `gzip_static`/`brotli_static` send them.
PLUGINS = [*PLUGINS, "deploy"]  # noqa: F405
DEPLOY_COMPRESS = True
# Where `invoke deploy` sends the site: `invoke deploy --to NAME`, or the first one (or
# DEPLOY_DEFAULT) without --to. Keys: "type" (rsync, git, dossier), "destination", and
# "port", "ssh" (options of ssh), "branche" (git), "garder" (paths on the target that a
# deploy neither replaces nor removes). Examples:
#   "serveur": {"type": "rsync", "destination": "carnet@carnet-cm.example.org:/var/www/carnet",
#               "port": 2222, "ssh": ["-i", "~/.ssh/carnet_deploy"], "garder": [".well-known/"]},
#   "github": {"type": "git", "destination": "git@github.com:koffi/carnet.git",
#              "branche": "gh-pages", "garder": ["CNAME"]},
#   "codeberg": {"type": "git", "destination": "git@codeberg.org:koffi/pages.git",
#                "branche": "pages", "garder": [".domains"]},
#   "cle-usb": {"type": "dossier", "destination": "/media/koffi/CLE/carnet"},
DEPLOY_TARGETS = {}
DEPLOY_DEFAULT = None
# ssh options for every rsync target, written-out ones (--to rsync:…) included.
DEPLOY_SSH_OPTIONS = []

# --- Security headers and cached assets (plugins/security/README.md) ------------------------
# Theme CSS and JS under content-hashed names, checked by the browser (integrity="sha384-…"):
# each name may be cached for a year. _headers (Netlify, Cloudflare Pages),
# _headers.nginx.conf and _headers.apache.conf carry that and the Content-Security-Policy.
SECURITY_FINGERPRINT = True
