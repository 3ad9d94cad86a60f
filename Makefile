# dyad — top-level build.
#
#   make            build bin/dyad and build/libdyad.a
#   make check      install dependencies, build, run every test suite, print "N passed, N failed"
#   make demo       install dependencies, build, code examples/ into a SQLite store and print the events
#   make san        build and test under AddressSanitizer + UndefinedBehaviorSanitizer (clang)
#   make install PREFIX=/usr/local
#
# Sources are found by wildcard: a new .c file under src/ joins libdyad, a new
# tests/unit/test_*.c becomes a cmocka test binary. src/cli/ is the command line.

PREFIX  ?= /usr/local
BUILD   ?= build
CC      ?= cc
PKGS    := sqlite3 libutf8proc zlib libzstd jansson libpq libmicrohttpd
OPT     ?= -O2 -g
CFLAGS  ?= $(OPT)
override CFLAGS += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Iinclude -Isrc \
                   $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -MMD -MP
LDLIBS  := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm

ifeq ($(SAN),1)
  override CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
  LDFLAGS += -fsanitize=address,undefined
endif

LIB_SRC  := $(shell find src -name '*.c' -not -path 'src/cli/*' | sort)
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TESTS    := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_DRV := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
LIB      := $(BUILD)/libdyad.a
DYAD     := $(BUILD)/bin/dyad

.PHONY: all deps check test demo san install clean data eval eval-wire eval-heldout bench fuzz
all: $(DYAD) bin/dyad data web/vendor/.stamp

# The dashboard's front-end libraries, from npm (package.json), vendored into web/vendor/.
web/vendor/.stamp: package.json package-lock.json scripts/vendor-web
	@scripts/vendor-web && touch $@

bin/dyad: $(DYAD)
	@mkdir -p bin && cp $< $@.tmp && mv -f $@.tmp $@

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(DYAD): $(CLI_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS) -lcmocka

# Each libFuzzer target linked with a plain main() (tests/fuzz/driver.c) that
# replays files: tests/e2e/fuzz-regress runs them over tests/fuzz/regress/.
$(BUILD)/fuzz/%: tests/fuzz/%.c $(BUILD)/obj/tests/fuzz/driver.o $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/obj/tests/fuzz/driver.o $(LIB) $(LDLIBS)

# libFuzzer (clang): build every tests/fuzz/fuzz_*.c and run each FUZZ_SECONDS (default 60).
.SECONDARY: $(BUILD)/obj/tests/fuzz/driver.o

fuzz:
	@scripts/fuzz

# Generated tables (from Debian data: WordNet, iso-codes, GeoNames) live in data/gen/.
data:
	@scripts/gen-data

deps:
	@scripts/deps

# The README's test command: everything, with a closing "N passed, N failed".
check: deps
	$(MAKE) all $(TESTS) $(FUZZ_DRV)
	@DYAD=$(CURDIR)/$(DYAD) BUILD=$(BUILD) tests/run-all

test: all $(TESTS) $(FUZZ_DRV)
	@DYAD=$(CURDIR)/$(DYAD) BUILD=$(BUILD) tests/run-all

# Tests read DYAD_SANITIZED to relax memory bounds that ASan's quarantine distorts.
san:
	DYAD_SANITIZED=1 $(MAKE) BUILD=build/san CC=clang SAN=1 OPT="-O1 -g" test

demo: deps all
	@scripts/demo

eval: all
	@DYAD=$(CURDIR)/$(DYAD) tests/eval/run

# The wire set (tests/eval/wire*.jsonl): realistic multi-sentence articles we tune on.
eval-wire: all
	@DYAD=$(CURDIR)/$(DYAD) tests/eval/run $(wildcard tests/eval/wire*.jsonl)

# The held-out set (tests/eval/heldout.jsonl): measure on it, never tune on it.
eval-heldout: all
	@DYAD=$(CURDIR)/$(DYAD) tests/eval/run tests/eval/heldout.jsonl

bench: all
	@bench/run

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	           $(DESTDIR)$(PREFIX)/share/dyad $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(DYAD) $(DESTDIR)$(PREFIX)/bin/dyad
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libdyad.a
	install -m 644 include/dyad.h $(DESTDIR)$(PREFIX)/include/dyad.h
	cp -R data/. $(DESTDIR)$(PREFIX)/share/dyad/
	if [ -d web ]; then cp -R web $(DESTDIR)$(PREFIX)/share/dyad/web; fi
	install -m 644 doc/dyad.1 $(DESTDIR)$(PREFIX)/share/man/man1/dyad.1

clean:
	rm -rf build bin

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
