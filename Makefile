# training_data_export: a PostgreSQL 15 extension in C++ (PGXS), its unit
# tests, and helpers. `make && sudo make install && make installcheck`.

EXTENSION   = training_data_export
EXTVERSION  = 0.1.0
MODULE_big  = training_data_export

CORE_SRCS   = $(sort $(wildcard src/core/*.cpp))
PG_SRCS     = $(sort $(wildcard src/pg/*.cpp))
OBJS        = $(CORE_SRCS:.cpp=.o) $(PG_SRCS:.cpp=.o)

DATA        = sql/$(EXTENSION)--$(EXTVERSION).sql
REGRESS     = $(sort $(patsubst sql/%.sql,%,$(filter-out sql/$(EXTENSION)--%,$(wildcard sql/*.sql))))
REGRESS_OPTS = --inputdir=.
EXTRA_CLEAN = build results regression.diffs regression.out

PG_CPPFLAGS = -Isrc
PG_CXXFLAGS = -std=c++17 -Wno-register -fvisibility-inlines-hidden -fno-omit-frame-pointer -MMD -MP
SHLIB_LINK  = -lphonenumber -lre2 -lcrypto -lstdc++
PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Header dependencies (-MMD): a changed header rebuilds every object using it
# (a stale object with an old class layout corrupts memory in the backend).
-include $(OBJS:.o=.d)
EXTRA_CLEAN += $(OBJS:.o=.d)

# Debian's PGXS also emits LLVM bitcode with clang, without PG_CXXFLAGS
# (must follow the include, which defines COMPILE.cxx.bc only if unset).
COMPILE.cxx.bc += $(PG_CXXFLAGS)

# ---------------------------------------------------------------------------
# Unit tests of the pure C++ core (GoogleTest, no server headers).
UNIT_CXX      ?= g++
UNIT_CXXFLAGS ?= -std=c++17 -O2 -g -Wall -Wextra
UNIT_SRCS     = $(sort $(wildcard tests/unit/*.cpp))
GTEST_LIBS    = /usr/lib/x86_64-linux-gnu/libgtest.a /usr/lib/x86_64-linux-gnu/libgtest_main.a

build/unit_tests: $(CORE_SRCS) $(wildcard src/core/*.hpp src/core/*.inc) $(UNIT_SRCS)
	@mkdir -p build
	$(UNIT_CXX) $(UNIT_CXXFLAGS) -Isrc $(CORE_SRCS) $(UNIT_SRCS) $(GTEST_LIBS) -lphonenumber -lre2 -lcrypto -pthread -o $@

.PHONY: unit check-core-headers test run
unit: build/unit_tests check-core-headers
	./build/unit_tests

# The core must never include PostgreSQL server headers.
check-core-headers:
	@! grep -nE '#\s*include\s*[<"](postgres|fmgr|utils/|access/|catalog/|executor/|nodes/|commands/)' src/core/*.cpp src/core/*.hpp \
	  || (echo "src/core includes PostgreSQL server headers" >&2; exit 1)

# tde-http, the REST bridge (libpq + libmicrohttpd; no server headers).
include src/http/http.mk
all: tde-http

# Everything: build, install, unit tests, pg_regress and integration tests in
# a throwaway cluster. This is the README's test command.
test:
	./scripts/test.sh

# A throwaway local cluster with the extension, ready for psql.
run:
	./scripts/run.sh
