# tde-http, the REST bridge: a stand-alone program (libpq, libmicrohttpd,
# OpenSSL libcrypto; no PostgreSQL server headers). Paths are relative to the
# repository root. Include it from the top Makefile, or on its own:
#
#   make -f src/http/http.mk tde-http          # build ./tde-http
#   make -f src/http/http.mk tde-http-check    # build and run tests/http/run.sh
#   make -f src/http/http.mk tde-http-clean
#
# Uses no PGXS variable; every variable here starts with TDE_HTTP_.

TDE_HTTP_SAVED_GOAL := $(.DEFAULT_GOAL)

TDE_HTTP_CXX       ?= g++
TDE_HTTP_PG_CONFIG ?= pg_config
TDE_HTTP_CXXFLAGS  ?= -std=c++17 -O2 -g -Wall -Wextra
TDE_HTTP_CPPFLAGS  := -I$(shell $(TDE_HTTP_PG_CONFIG) --includedir)
TDE_HTTP_LDLIBS    := -L$(shell $(TDE_HTTP_PG_CONFIG) --libdir) -lpq -lmicrohttpd -lcrypto -pthread
TDE_HTTP_SRCS      := $(sort $(wildcard src/http/*.cpp))
# From the core (plain C++, no server headers): the array-literal escaper.
TDE_HTTP_CORE_SRCS := src/core/export_format.cpp
TDE_HTTP_OBJS      := $(patsubst src/http/%.cpp,build/http/%.o,$(TDE_HTTP_SRCS)) \
                      $(patsubst src/core/%.cpp,build/http/core_%.o,$(TDE_HTTP_CORE_SRCS))

tde-http: $(TDE_HTTP_OBJS)
	$(TDE_HTTP_CXX) $(TDE_HTTP_CXXFLAGS) -o $@ $(TDE_HTTP_OBJS) $(TDE_HTTP_LDLIBS)

build/http/%.o: src/http/%.cpp
	@mkdir -p build/http
	$(TDE_HTTP_CXX) $(TDE_HTTP_CXXFLAGS) $(TDE_HTTP_CPPFLAGS) -Isrc -MMD -MP -c -o $@ $<

build/http/core_%.o: src/core/%.cpp
	@mkdir -p build/http
	$(TDE_HTTP_CXX) $(TDE_HTTP_CXXFLAGS) -Isrc -MMD -MP -c -o $@ $<

# Unit checks of the pure helpers (tests/http/unit.cpp), linked with every
# object but main.o.
build/http/unit_tests: tests/http/unit.cpp $(filter-out build/http/main.o,$(TDE_HTTP_OBJS))
	$(TDE_HTTP_CXX) $(TDE_HTTP_CXXFLAGS) $(TDE_HTTP_CPPFLAGS) -Isrc -MMD -MP -o $@ $(filter %.cpp %.o,$^) $(TDE_HTTP_LDLIBS)

-include $(TDE_HTTP_OBJS:.o=.d) build/http/unit_tests.d

.PHONY: tde-http-check tde-http-clean
tde-http-check: tde-http
	./tests/http/run.sh

tde-http-clean:
	rm -rf build/http tde-http

# Including this file must not change the including Makefile's default goal.
ifneq ($(TDE_HTTP_SAVED_GOAL),)
.DEFAULT_GOAL := $(TDE_HTTP_SAVED_GOAL)
endif
