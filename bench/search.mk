# bench/search.mk — the C tools of the benchmarks (search, answers, the
# yardstick of bench/run), linked against the library objects of the main
# Makefile (LIB_OBJ), compiled with its flags. Used as:
# make -f Makefile -f bench/search.mk bench-tools (bench/run,
# bench/search-generate, bench/search and bench/respond do that themselves).

BENCH_TOOLS := $(B)/bench-reports $(B)/bench-search-sql $(B)/bench-waves $(B)/bench-yardstick

.PHONY: bench-tools
bench-tools: $(BENCH_TOOLS)

$(B)/bench-reports: $(B)/bench/reports.o $(LIB_OBJ)
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/bench-search-sql: $(B)/bench/search_sql.o $(LIB_OBJ)
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/bench-waves: $(B)/bench/waves.o $(LIB_OBJ)
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# the yardstick of bench/run: a bare libmicrohttpd + SQLite page (bench/yardstick.c)
$(B)/bench-yardstick: $(B)/bench/yardstick.o $(B)/src/core/buf.o $(B)/src/core/die.o
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)
