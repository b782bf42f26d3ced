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
setup: $(STAMP)
	$(call install_debs,$(SITE_DEBS))
	@site=$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])'); \
	printf '%s\n' "$(CURDIR)/plugins" "$(CURDIR)/lib" > "$$site/cm-plugins.pth"; \
	if [ -d /usr/lib/python3/dist-packages/grammalecte ]; then \
	  mkdir -p $(VENV)/debian-grammalecte; \
	  ln -sfn /usr/lib/python3/dist-packages/grammalecte $(VENV)/debian-grammalecte/grammalecte; \
	  echo "$(CURDIR)/$(VENV)/debian-grammalecte" > "$$site/debian-grammalecte.pth"; \
	fi
	@# The proofreader's French lexicon (460,000 forms), built once per virtual environment (in .venv) and
	@# dictionary version here rather than by the first build (it takes 290 MB for a while).
	@if [ -e /usr/share/hunspell/fr_FR.dic ]; then \
	  $(BIN)/python -c 'import logging; logging.basicConfig(level=logging.INFO, format="%(message)s"); from proofread.settings import default_lexicon_dir; from proofread.spelling import load_lexicon; load_lexicon(default_lexicon_dir())'; \
	fi

setup-test: setup
	$(call install_debs,$(TEST_DEBS))

serve: setup
	$(BIN)/invoke serve

# The build runs on its own (python -m sitebuild): no task runner in its memory.
build: setup
	$(BIN)/python -m sitebuild

publish: setup
	$(BIN)/python -m sitebuild --publish

proofread: setup
	$(BIN)/invoke proofread

bench: setup
	$(BIN)/invoke bench

# Live comments: Isso on 127.0.0.1:8080, database in var/comments.db (README, Isso section).
comments-server: setup
	$(BIN)/invoke comments-server

test: setup-test
	$(BIN)/invoke test

clean:
	$(BIN)/invoke clean
