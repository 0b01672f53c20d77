# Makefile for the outage_window PostgreSQL extension (PGXS)

EXTENSION = outage_window
# the version this tree builds: the control file's default_version
EXTVERSION = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(EXTENSION).control)
MODULE_big = outage_window
PGFILEDESC = "outage_window - eligibility-system outage windows for Japanese HIS data"

# One C file per concern; see README.md ("Code layout").
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# The install script is assembled from one fragment per concern, in name
# order, so that each concern's SQL sits next to its C file's purpose.
INSTALL_FRAGMENTS = $(sort $(wildcard install/*.sql))
DATA_built = $(EXTENSION)--$(EXTVERSION).sql

# versions/ keeps every released version's install script as it was released
# (frozen) and the update scripts between versions; all are installed, so
# that ALTER EXTENSION ... UPDATE works from every release.  The current
# version's script is the one built above (test/scenarios/extension_versions.sh
# checks that it still equals its frozen copy once released).
DATA = $(filter-out versions/$(DATA_built),$(sort $(wildcard versions/$(EXTENSION)--*.sql)))

# pg_regress suites: every sql/NAME.sql with expected/NAME.out, in name order.
REGRESS = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --encoding=UTF8 --no-locale

EXTRA_CLEAN = $(DATA_built) bench/prefecture_parse_bench results regression.diffs regression.out

PG_CONFIG ?= pg_config
# pgxs.mk reads PG_CPPFLAGS and PG_CFLAGS when it is included, so they are
# set before it.  Server headers are included as system headers so that our
# own code is held to -Wall -Wextra without PostgreSQL's inline helpers
# adding noise.
PG_CPPFLAGS = -I$(CURDIR)/src -isystem $(shell $(PG_CONFIG) --includedir-server)
PG_CFLAGS = -Wextra -std=gnu99

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Link the ICU the server itself uses.  PGXS knows it when the server was
# built --with-icu; otherwise ask pkg-config.
ifeq ($(strip $(ICU_LIBS)),)
ICU_LIBS := $(shell pkg-config --libs icu-uc icu-i18n)
override CPPFLAGS += $(shell pkg-config --cflags icu-uc icu-i18n)
endif
SHLIB_LINK += $(ICU_LIBS)


$(DATA_built): $(INSTALL_FRAGMENTS)
	cat $^ > $@

$(OBJS): $(wildcard src/*.h)

# pgTAP suites in test/, run by pg_prove against an installed extension.
# PGDATABASE/PGHOST/PGPORT select the server; the database needs pgtap.
PG_PROVE ?= pg_prove
.PHONY: prove
prove:
	$(PG_PROVE) --ext .sql -f test/

# The SQL examples of README.md and doc/*.md as pg_regress suites
# (sql/docs_*.sql, checked against expected/docs_*.out): regenerate them
# after changing an example; scripts/test.sh runs the check.
.PHONY: doc-examples doc-examples-check
doc-examples:
	perl scripts/doc_examples.pl
doc-examples-check:
	perl scripts/doc_examples.pl --check

# PGXN: `make dist` checks META.json (scripts/check_meta.pl) and writes
# outage_window-VERSION.zip of the committed tree (git archive HEAD), VERSION
# being META.json's (the control file's default_version in SemVer).
DISTVERSION = $(shell perl -MJSON::PP -e 'print decode_json(do { local $$/; <STDIN> })->{version}' < $(CURDIR)/META.json)
.PHONY: dist
dist:
	perl scripts/check_meta.pl META.json
	git archive --format zip --prefix=$(EXTENSION)-$(DISTVERSION)/ -o $(EXTENSION)-$(DISTVERSION).zip HEAD
	@echo "wrote $(EXTENSION)-$(DISTVERSION).zip"
