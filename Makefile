# Bootstraps the environment, then hands over to invoke (tasks.py).
# `make serve` and `make test` work on a fresh Debian machine with python3.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.requirements.stamp
# Debian packages: the site needs the French dictionary (the "comprehensive" one:
# classical and 1990 reformed spellings are both correct), the English one (English words
# inside French sentences) and Grammalecte,
# the tests also need a browser, its driver and Java (for the HTML checker).
SITE_DEBS := hunspell-fr-comprehensive hunspell-en-us python3-grammalecte
# `invoke deploy` sends the site with rsync (over ssh) or git; the tests start an sshd.
SITE_DEBS += rsync openssh-client git
# `invoke rapport` prints its PDF with chromium (lib/report/).
SITE_DEBS += chromium
TEST_DEBS := chromium chromium-driver default-jre-headless
TEST_DEBS += openssh-server
# The security headers' nginx snippet is tried on a real nginx (tests/security/).
TEST_DEBS += nginx-light
# The published .htaccess and nginx's brotli_static, on real servers (tests/security/).
TEST_DEBS += apache2 libnginx-mod-http-brotli-static

.PHONY: help setup setup-test serve build publish test proofread bench clean comments-server

help:
	@echo "make serve    installe tout, construit le site et le sert sur http://127.0.0.1:8000"
	@echo "make build    construit le site dans output/"
	@echo "make publish  construit la version de production (stricte)"
	@echo "make test     installe tout et lance toute la suite de tests"
	@echo "Toutes les tâches : $(BIN)/invoke --list"

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

# Installs the Debian packages named in $(1) that are missing (as root), or says how.
define install_debs
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installation des paquets Debian : $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Paquets Debian manquants : $$missing (installez-les : sudo apt-get install $$missing)"; \
	  fi; \
	fi
endef

# The plugins folder is importable in the venv (tests, tasks and bench import it),
# and Debian's Grammalecte is importable alone, without the rest of Debian's Python packages.
# The .pth lines are relative to the venv's site-packages, so a copied or moved project
# imports its own plugins.
#
# A project folder copied (cp -a blog blog-essai) or moved keeps a .venv whose scripts
# start with the old folder's python (#!/old/.venv/bin/python): `.venv/bin/invoke` would
# run the other project's code. The scripts and activate files are pointed at this
# folder again (the interpreter itself is a link to the system's Python, which moves).
setup: $(STAMP)
	$(call install_debs,$(SITE_DEBS))
	@old=$$(sed -n '1s|^#!\(.*\)/bin/python[0-9.]*$$|\1|p' $(BIN)/pip); \
	if [ -n "$$old" ] && [ "$$old" != "$(CURDIR)/$(VENV)" ]; then \
	  echo "Environnement copié depuis $${old%/$(VENV)} : ses scripts visent désormais ce dossier."; \
	  for f in $(BIN)/*; do \
	    [ -f "$$f" ] && [ ! -L "$$f" ] && grep -Iq . "$$f" && sed -i "s|$$old|$(CURDIR)/$(VENV)|g" "$$f"; \
	  done; \
	fi; true
	@site=$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])'); \
	up=$$($(BIN)/python -c 'import os, sys; print(os.path.relpath(".", sys.argv[1]))' "$$site"); \
	printf '%s\n' "$$up/plugins" "$$up/lib" > "$$site/cm-plugins.pth"; \
	if [ -d /usr/lib/python3/dist-packages/grammalecte ]; then \
	  mkdir -p $(VENV)/debian-grammalecte; \
	  ln -sfn /usr/lib/python3/dist-packages/grammalecte $(VENV)/debian-grammalecte/grammalecte; \
	  echo "$$up/$(VENV)/debian-grammalecte" > "$$site/debian-grammalecte.pth"; \
	fi
	@# The proofreader's French lexicon (460,000 forms), built here once per virtual environment (in .venv)
	@# and dictionary version rather than by the first build (it takes 290 MB for a while); then the table
	@# of Grammalecte's word readings that the proofreader maps instead of loading Grammalecte's dictionary.
	@if [ -e /usr/share/hunspell/fr_FR.dic ]; then \
	  $(BIN)/python -c 'import logging; logging.basicConfig(level=logging.INFO, format="%(message)s"); from proofread.settings import default_lexicon_dir; from proofread.spelling import load_lexicon; load_lexicon(default_lexicon_dir())'; \
	fi
	@$(BIN)/python -c 'import logging; logging.basicConfig(level=logging.INFO, format="%(message)s"); from proofread.settings import default_lexicon_dir; from proofread import morphology; morphology.build(default_lexicon_dir())'

setup-test: setup
	$(call install_debs,$(TEST_DEBS))

serve: setup
	$(BIN)/python -m invoke serve

# The build runs on its own (python -m sitebuild): no task runner in its memory.
build: setup
	$(BIN)/python -m sitebuild

publish: setup
	$(BIN)/python -m sitebuild --publish

proofread: setup
	$(BIN)/python -m invoke proofread

bench: setup
	$(BIN)/python -m invoke bench

# Live comments: Isso on 127.0.0.1:8080, database in var/comments.db (README, Isso section).
comments-server: setup
	$(BIN)/python -m invoke comments-server

test: setup-test
	$(BIN)/python -m invoke test

clean:
	$(BIN)/python -m invoke clean
