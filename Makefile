# Makefile for the outage_window PostgreSQL extension (PGXS)

EXTENSION = outage_window
EXTVERSION = 1.0
MODULE_big = outage_window
PGFILEDESC = "outage_window - eligibility-system outage windows for Japanese HIS data"

# One C file per concern; see README.md ("Code layout").
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))

# The install script is assembled from one fragment per concern, in name
# order, so that each concern's SQL sits next to its C file's purpose.
INSTALL_FRAGMENTS = $(sort $(wildcard install/*.sql))
DATA_built = $(EXTENSION)--$(EXTVERSION).sql

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
