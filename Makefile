# leergang — plain Makefile with pkg-config.
#   make            build build/release/leergang
#   make run        install missing packages, build, serve the demo on :8080
#   make check      install missing packages, build with -Werror and sanitizers,
#                   run every test suite, print "N passed, N failed, N skipped"
#   make SANITIZE=1 build the ASan+UBSan variant in build/asan/
#   make fuzz       run every libFuzzer harness for FUZZ_SECONDS (60) each

PKGS      := libmicrohttpd sqlite3 jansson libsodium libical libcmark pangocairo gsl xlsxwriter libxml-2.0 libcurl cjose librsvg-2.0 igraph libzip libpq
CC        ?= cc
VERSION   := 0.1.0
SANITIZE  ?= 0

ifeq ($(SANITIZE),1)
  B        := build/asan
  OPT      := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
else
  B        := build/release
  OPT      := -O2 -g
endif

WARN      := -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter -Wformat=2 -Wvla
CPPFLAGS  += -D_GNU_SOURCE -DLG_VERSION='"$(VERSION)"' -Isrc -include src/core/banned.h
CFLAGS    += -std=c11 $(WARN) $(OPT) $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS    += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lreadstat -lm -lpthread
SANFLAGS  := -fsanitize=address,undefined
LDFLAGS   += $(if $(filter 1,$(SANITIZE)),$(SANFLAGS))

SRC       := $(sort $(wildcard src/*/*.c src/*/*/*.c))
LIB_SRC   := $(filter-out src/cmd/%,$(SRC))
CMD_SRC   := $(filter src/cmd/%,$(SRC))
MIGRATIONS:= $(sort $(wildcard src/store/migrations/*.sql))
PG_MIGRATIONS:= $(sort $(wildcard src/store/migrations/postgresql/*.sql))
GEN       := $(B)/gen/migrations.c
OPENAPI   := $(sort $(wildcard src/web/openapi/*.json))
LIB_OBJ   := $(LIB_SRC:%.c=$(B)/%.o) $(B)/gen/migrations.o $(B)/gen/openapi_parts.o
CMD_OBJ   := $(CMD_SRC:%.c=$(B)/%.o) $(B)/src/main.o
TEST_SRC  := $(sort $(wildcard tests/unit/*.c))
TEST_OBJ  := $(TEST_SRC:%.c=$(B)/%.o)
PO        := $(wildcard po/*.po)
MO        := $(PO:po/%.po=build/locale/%/LC_MESSAGES/leergang.mo)

.PHONY: all run check deps unit fuzz clean pot bench
all: $(B)/leergang $(MO)

$(B)/leergang: $(CMD_OBJ) $(LIB_OBJ)
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/unit-tests: $(TEST_OBJ) $(LIB_OBJ)
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(GEN): $(MIGRATIONS) $(PG_MIGRATIONS) scripts/embed-migrations
	@mkdir -p $(dir $@)
	@{ sh scripts/embed-migrations migrations $(MIGRATIONS) && \
	   sh scripts/embed-migrations migrations_postgresql $(PG_MIGRATIONS); } > $@

$(B)/gen/migrations.o: $(GEN)
	@$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/gen/openapi_parts.c: $(OPENAPI) scripts/embed-openapi
	@mkdir -p $(dir $@)
	@sh scripts/embed-openapi $(OPENAPI) > $@

$(B)/gen/openapi_parts.o: $(B)/gen/openapi_parts.c src/web/openapi.h
	@$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

build/locale/%/LC_MESSAGES/leergang.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# Extract the messages and merge them into the catalogues.
pot:
	xgettext --keyword=_ --keyword=N_ --keyword=ngettext:1,2 --from-code=UTF-8 --add-comments=TRANSLATORS -o po/leergang.pot $(SRC)
	for p in $(PO); do msgmerge --quiet --update --backup=none $$p po/leergang.pot; done

deps:
	@sh scripts/install-deps

run: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/run

unit: $(B)/unit-tests
	$(B)/unit-tests

check: deps
	@sh scripts/check

bench: deps all
	@sh bench/run

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)

# libFuzzer harnesses (clang): tests/fuzz/fuzz_NAME.c, corpus in tests/fuzz/corpus/NAME/.
FUZZ_SRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN  := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_FLAGS:= -std=c11 -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -D_GNU_SOURCE -DLG_VERSION='"$(VERSION)"' -Isrc -include src/core/banned.h $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
FUZZ_OBJ  := $(LIB_SRC:%.c=build/fuzz/%.o) build/fuzz/gen/migrations.o

FUZZ_SECONDS ?= 60

# every harness for FUZZ_SECONDS each, reporting what it found (scripts/fuzz);
# make check only replays the corpora
fuzz: $(FUZZ_BIN)
	@sh scripts/fuzz $(FUZZ_SECONDS)

build/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CLANG   $<"
	@clang $(FUZZ_FLAGS) -MMD -MP -c -o $@ $<

# the objects are shared by every harness: make must not delete them as
# intermediates after building one (make check builds each on its own)
.SECONDARY: $(FUZZ_OBJ)

build/fuzz/gen/migrations.c: $(MIGRATIONS) $(PG_MIGRATIONS) scripts/embed-migrations
	@mkdir -p $(dir $@)
	{ sh scripts/embed-migrations migrations $(MIGRATIONS) && \
	  sh scripts/embed-migrations migrations_postgresql $(PG_MIGRATIONS); } > $@

build/fuzz/gen/migrations.o: build/fuzz/gen/migrations.c
	clang $(FUZZ_FLAGS) -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

# make check replays the corpora without a fuzzer engine: each harness
# linked with tests/fuzz/replay.c (a main that feeds it the files it is
# given) by $(CC) against the objects of the build, so that
# `make SANITIZE=1 build/asan/replay/fuzz_NAME` needs no clang build.
REPLAY_OBJ := $(FUZZ_SRC:%.c=$(B)/%.o) $(B)/tests/fuzz/replay.o
.SECONDARY: $(REPLAY_OBJ)

$(B)/replay/fuzz_%: $(B)/tests/fuzz/fuzz_%.o $(B)/tests/fuzz/replay.o $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)
