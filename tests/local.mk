# tests/local.mk: the test suite, included by Makefile.am.
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Every test speaks TAP.  The Swedish and Turkish locales are made with
# localedef into tests/locales (LOCPATH points there), and the catalogs
# are compiled from po/ into tests/localedir (SMTPSTATUS_LOCALEDIR points
# there), so the suite needs neither installed locales nor an install.

TEST_EXTENSIONS = .test
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
TEST_LOG_DRIVER = $(LOG_DRIVER)

check_LIBRARIES = tests/libtap.a
tests_libtap_a_SOURCES = tests/tap.c tests/tap.h

C_TESTS = tests/test-table tests/test-locales tests/test-reply \
	tests/test-enhanced tests/test-alloc tests/test-threads \
	tests/test-diagnose tests/test-diagnose-l10n tests/test-dsn
check_PROGRAMS = $(C_TESTS) $(REPLAYS)
tests_test_table_LDADD = tests/libtap.a src/libsmtpstatus.la
tests_test_locales_LDADD = tests/libtap.a src/libsmtpstatus.la
tests_test_reply_LDADD = tests/libtap.a src/libsmtpstatus.la
tests_test_enhanced_LDADD = tests/libtap.a src/libsmtpstatus.la
tests_test_alloc_SOURCES = tests/test-alloc.c tests/count-malloc.c \
	tests/count-malloc.h
tests_test_alloc_LDADD = tests/libtap.a src/libsmtpstatus.la
tests_test_threads_LDADD = tests/libtap.a src/libsmtpstatus.la
tests_test_diagnose_LDADD = tests/libtap.a src/libsmtpstatus.la
tests_test_diagnose_l10n_LDADD = tests/libtap.a src/libsmtpstatus.la
tests_test_dsn_LDADD = tests/libtap.a src/libsmtpstatus.la

# The texts of bounces without a report; it counts allocations too.
C_TESTS += tests/test-bounce-text
tests_test_bounce_text_SOURCES = tests/test-bounce-text.c \
	tests/count-malloc.c tests/count-malloc.h
tests_test_bounce_text_LDADD = tests/libtap.a src/libsmtpstatus.la

# A strict JSON reader (tests/json.h), for tests/json-check, the reader
# of JSON Lines for the tests of smtp-status --json, itself tested by
# tests/json.test, and for tests/measure-replies ('make measure').
check_LIBRARIES += tests/libjson.a
tests_libjson_a_SOURCES = tests/json.c tests/json.h
check_PROGRAMS += tests/json-check
tests_json_check_LDADD = tests/libjson.a

# The first lookups of 64 threads racing, in 2 x 200 fresh processes
# (tests/test-cold-start.c); SMTPSTATUS_COLD_RUNS=N in the environment
# makes that 2 x N, for valgrind or a sanitizer.
C_TESTS += tests/test-cold-start
tests_test_cold_start_LDADD = tests/libtap.a src/libsmtpstatus.la

# Every test but relocations.test, whose figure means nothing in a build
# instrumented by a sanitizer (it adds relocations of its own); .ci/run
# runs the sanitizer build with TESTS='$(SANITIZER_TESTS)'.
SANITIZER_TESTS = $(C_TESTS) tests/cli.test tests/bounce-cli.test \
	tests/catalogs.test tests/fuzz-corpus.test tests/man.test \
	tests/measure-json.test tests/json.test tests/measure-bounces.test
# translator.test builds a copy of the tree of its own, which
# instrumentation would only slow down.
TESTS = $(SANITIZER_TESTS) tests/relocations.test tests/translator.test
EXTRA_DIST += tests/tap.sh tests/cli.test tests/catalogs.test \
	tests/lsan.supp tests/valgrind.supp tests/relocations.test \
	tests/translator.test tests/man.test tests/json.test \
	tests/expected/sv.tsv tests/expected/tr.tsv \
	tests/bounce-cli.test tests/bounces

# The environment of every test: no locale setting of the caller's may
# leak in, and LANGUAGE least of all.
AM_TESTS_ENVIRONMENT = \
	unset LANG LANGUAGE LC_ALL LC_CTYPE LC_MESSAGES; \
	LOCPATH='$(abs_top_builddir)/tests/locales'; \
	SMTPSTATUS_LOCALEDIR='$(abs_top_builddir)/tests/localedir'; \
	SMTP_STATUS='$(SMTP_STATUS_PROGRAM)'; \
	JSON_CHECK='$(abs_top_builddir)/tests/json-check'; \
	SMTPSTATUS_THREAD_ROUNDS='$(THREAD_ROUNDS)'; \
	SMTPSTATUS_COLD_RUNS='$(COLD_RUNS)'; \
	JSON_CORPUS_STRIDE='$(JSON_CORPUS_STRIDE)'; \
	USE_NLS='$(USE_NLS)'; HAVE_GMIME='$(GMIME_FOUND)'; MSGFMT='$(MSGFMT)'; \
	srcdir='$(srcdir)'; CC='$(CC)'; READELF='$(READELF)'; \
	LSAN_OPTIONS='suppressions=$(abs_top_srcdir)/tests/lsan.supp:print_suppressions=0'; \
	export LOCPATH SMTPSTATUS_LOCALEDIR SMTP_STATUS JSON_CHECK USE_NLS \
	  HAVE_GMIME MSGFMT srcdir \
	  CC READELF LSAN_OPTIONS SMTPSTATUS_THREAD_ROUNDS \
	  SMTPSTATUS_COLD_RUNS JSON_CORPUS_STRIDE;

# The program the shell tests run, the lookups of each thread of
# tests/test-threads (empty: its own 100,000), the fresh processes of
# each locale mix of tests/test-cold-start (empty: its own 200) and
# which of the fuzz corpus's inputs fuzz-corpus.test gives smtp-status
# --json (empty: all; N: every Nth); check-valgrind changes all four,
# and .ci/run the third for sanitizers.
SMTP_STATUS_PROGRAM = $(abs_top_builddir)/src/smtp-status
THREAD_ROUNDS =
COLD_RUNS =
JSON_CORPUS_STRIDE =

# Locale name, then the charmap localedef builds it with.  Plain sv_SE is
# Latin-1, as glibc's SUPPORTED list defines it; C.UTF-8 is here because
# LOCPATH hides the system's locales.
TEST_LOCALES = \
	sv_SE.UTF-8:UTF-8 sv_SE.ISO-8859-1:ISO-8859-1 sv_SE:ISO-8859-1 \
	tr_TR.UTF-8:UTF-8 tr_TR.ISO-8859-9:ISO-8859-9 C.UTF-8:UTF-8

check_DATA = tests/locales.stamp tests/localedir.stamp

# Without localedef (or glibc's locale sources) the tests that need these
# locales skip themselves (tap_need_test_locales) rather than fail.
tests/locales.stamp:
	$(AM_V_GEN)rm -rf tests/locales && $(MKDIR_P) tests/locales && \
	for spec in $(TEST_LOCALES); do \
	  name=$${spec%%:*}; charmap=$${spec#*:}; \
	  $(LOCALEDEF) --no-archive -i $${name%%.*} -f $$charmap \
	    tests/locales/$$name >/dev/null 2>&1; \
	  test -f tests/locales/$$name/LC_CTYPE || \
	    echo "localedef could not make $$name: the tests that need it will be skipped" >&2; \
	done; touch $@

# Always remade: it takes milliseconds, and a stale catalog here would
# hide a change to po/.  The template is brought up to date first (it is
# only rewritten when its messages change) for catalogs.test to compare
# the catalogs against.
tests/localedir.stamp: FORCE
	$(AM_V_GEN)log=`cd po && $(MAKE) $(AM_MAKEFLAGS) $(PACKAGE).pot-update 2>&1` \
	  || { echo "$$log" >&2; exit 1; }
	$(AM_V_at)rm -rf tests/localedir && \
	if test "$(USE_NLS)" = yes; then \
	  for lang in `sed -e 's/#.*//' $(top_srcdir)/po/LINGUAS`; do \
	    $(MKDIR_P) tests/localedir/$$lang/LC_MESSAGES && \
	    $(MSGFMT) -c -o tests/localedir/$$lang/LC_MESSAGES/$(PACKAGE).mo \
	      $(top_srcdir)/po/$$lang.po || exit 1; \
	  done; \
	fi && touch $@
FORCE:
.PHONY: FORCE

# 'make check-valgrind': the whole suite under valgrind's memcheck, the
# test programs and every smtp-status the shell tests run; any error or
# definite leak fails the test (tests/valgrind.supp has the one leak of
# glibc's that LOCPATH causes).  nouserintercepts leaves the counting
# malloc of tests/count-malloc.c in place; it hands over to glibc's,
# which valgrind does watch.
VALGRIND_FLAGS = --quiet --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \
	--soname-synonyms=somalloc=nouserintercepts \
	--suppressions=$(abs_top_srcdir)/tests/valgrind.supp
check-valgrind: all
	$(AM_V_GEN){ echo '#!/bin/sh'; \
	  echo 'exec $(abs_top_builddir)/libtool --mode=execute $(VALGRIND) $(VALGRIND_FLAGS) $(abs_top_builddir)/src/smtp-status "$$@"'; \
	} >tests/valgrind-smtp-status && chmod +x tests/valgrind-smtp-status
	$(MAKE) $(AM_MAKEFLAGS) check \
	  LOG_COMPILER='$(LIBTOOL) --mode=execute $(VALGRIND) $(VALGRIND_FLAGS)' \
	  SMTP_STATUS_PROGRAM='$(abs_top_builddir)/tests/valgrind-smtp-status' \
	  THREAD_ROUNDS=2000 COLD_RUNS=2 JSON_CORPUS_STRIDE=10
.PHONY: check-valgrind

clean-local: clean-tests
clean-tests:
	rm -rf tests/locales tests/localedir tests/*.stamp tests/installed.log \
	  tests/valgrind-smtp-status tests/fuzz-corpus-* tests/fuzz-crashes \
	  tests/fuzz-*.log tests/json-random-*
.PHONY: clean-tests

EXTRA_DIST += tests/outside.c tests/installed.sh

# After 'make install', with the installed files alone (no DESTDIR).
installcheck-local: tests/locales.stamp
	$(AM_V_GEN)CC='$(CC)' PKG_CONFIG='$(PKG_CONFIG)' \
	PKG_CONFIG_PATH='$(libdir)/pkgconfig' bindir='$(bindir)' \
	mandir='$(mandir)' LOCPATH='$(abs_top_builddir)/tests/locales' \
	USE_NLS='$(USE_NLS)' HAVE_GMIME='$(GMIME_FOUND)' srcdir='$(srcdir)' \
	$(SHELL) $(srcdir)/tests/installed.sh >tests/installed.log 2>&1; \
	status=$$?; cat tests/installed.log; \
	if grep '^not ok' tests/installed.log >/dev/null; then exit 1; fi; \
	exit $$status

# The fuzz targets.  In 'make check' each replays its corpus,
# tests/fuzz/TARGET/, seeds and past crashes alike (fuzz-corpus.test);
# built with --enable-fuzzing, 'make fuzz-run' fuzzes them.
FUZZ_TARGETS = reply enhanced names dsn bounce-text
REPLAYS = tests/replay-reply tests/replay-enhanced tests/replay-names \
	tests/replay-dsn tests/replay-bounce-text
tests_replay_reply_SOURCES = tests/fuzz-reply.c tests/fuzz-main.c \
	tests/fuzz-check.h
tests_replay_reply_LDADD = src/libsmtpstatus.la
tests_replay_enhanced_SOURCES = tests/fuzz-enhanced.c tests/fuzz-main.c \
	tests/fuzz-check.h
tests_replay_enhanced_LDADD = src/libsmtpstatus.la
tests_replay_names_SOURCES = tests/fuzz-names.c tests/fuzz-main.c \
	tests/fuzz-check.h
tests_replay_names_LDADD = src/libsmtpstatus.la
tests_replay_dsn_SOURCES = tests/fuzz-dsn.c tests/fuzz-main.c \
	tests/fuzz-check.h
tests_replay_dsn_LDADD = src/libsmtpstatus.la
tests_replay_bounce_text_SOURCES = tests/fuzz-bounce-text.c \
	tests/fuzz-main.c tests/fuzz-check.h
tests_replay_bounce_text_LDADD = src/libsmtpstatus.la
EXTRA_DIST += tests/fuzz-corpus.test tests/fuzz

EXTRA_PROGRAMS = tests/fuzz-reply tests/fuzz-enhanced tests/fuzz-names \
	tests/fuzz-dsn tests/fuzz-bounce-text
tests_fuzz_reply_SOURCES = tests/fuzz-reply.c tests/fuzz-check.h
tests_fuzz_reply_LDADD = src/libsmtpstatus.la
tests_fuzz_reply_LDFLAGS = -no-install -fsanitize=fuzzer
tests_fuzz_enhanced_SOURCES = tests/fuzz-enhanced.c tests/fuzz-check.h
tests_fuzz_enhanced_LDADD = src/libsmtpstatus.la
tests_fuzz_enhanced_LDFLAGS = -no-install -fsanitize=fuzzer
tests_fuzz_names_SOURCES = tests/fuzz-names.c tests/fuzz-check.h
tests_fuzz_names_LDADD = src/libsmtpstatus.la
tests_fuzz_names_LDFLAGS = -no-install -fsanitize=fuzzer
tests_fuzz_dsn_SOURCES = tests/fuzz-dsn.c tests/fuzz-check.h
tests_fuzz_dsn_LDADD = src/libsmtpstatus.la
tests_fuzz_dsn_LDFLAGS = -no-install -fsanitize=fuzzer
tests_fuzz_bounce_text_SOURCES = tests/fuzz-bounce-text.c tests/fuzz-check.h
tests_fuzz_bounce_text_LDADD = src/libsmtpstatus.la
tests_fuzz_bounce_text_LDFLAGS = -no-install -fsanitize=fuzzer
CLEANFILES += tests/fuzz-reply$(EXEEXT) tests/fuzz-enhanced$(EXEEXT) \
	tests/fuzz-names$(EXEEXT) tests/fuzz-dsn$(EXEEXT) \
	tests/fuzz-bounce-text$(EXEEXT)

# 'make fuzz-run FUZZ_SECONDS=60': each target for that long, on a copy
# of its corpus (the source tree stays as it is).  A crash fails the run
# and leaves its input in tests/fuzz-crashes/; add it to tests/fuzz/TARGET/
# so that it stays a regression test.
FUZZ_SECONDS = 60
if FUZZING
fuzz-run: tests/fuzz-reply$(EXEEXT) tests/fuzz-enhanced$(EXEEXT) \
		tests/fuzz-names$(EXEEXT) tests/fuzz-dsn$(EXEEXT) \
		tests/fuzz-bounce-text$(EXEEXT)
	@$(MKDIR_P) tests/fuzz-crashes; \
	for target in $(FUZZ_TARGETS); do \
	  corpus=tests/fuzz-corpus-$$target; \
	  rm -rf $$corpus && $(MKDIR_P) $$corpus && \
	  cp $(srcdir)/tests/fuzz/$$target/* $$corpus/ && \
	  echo "fuzzing $$target for $(FUZZ_SECONDS) s" && \
	  SMTPSTATUS_LOCALEDIR='$(abs_top_builddir)/tests/localedir' \
	  tests/fuzz-$$target$(EXEEXT) -max_total_time=$(FUZZ_SECONDS) \
	    -print_final_stats=1 -artifact_prefix=tests/fuzz-crashes/$$target- \
	    $$corpus 2>tests/fuzz-$$target.log || { \
	    tail -n 40 tests/fuzz-$$target.log; exit 1; }; \
	  grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec' \
	    tests/fuzz-$$target.log; \
	done
else
fuzz-run:
	@echo "make fuzz-run needs: ./configure --enable-fuzzing CC=clang" >&2; \
	exit 2
endif
.PHONY: fuzz-run

# 'make bench': a program, not a test (tests/bench.sh explains).
EXTRA_PROGRAMS += tests/bench
tests_bench_SOURCES = tests/bench.c tests/count-malloc.c tests/count-malloc.h
tests_bench_CPPFLAGS = $(AM_CPPFLAGS) $(GPG_ERROR_CPPFLAGS)
tests_bench_LDADD = src/libsmtpstatus.la $(GPG_ERROR_LIBS)
# A real executable, not a libtool wrapper, for valgrind to run.
tests_bench_LDFLAGS = -no-install
CLEANFILES += tests/bench$(EXEEXT)
EXTRA_DIST += tests/bench.sh

bench: tests/bench$(EXEEXT) src/libsmtpstatus.la src/smtp-status$(EXEEXT) \
		tests/locales.stamp tests/localedir.stamp
	@LOCPATH='$(abs_top_builddir)/tests/locales' \
	SMTPSTATUS_LOCALEDIR='$(abs_top_builddir)/tests/localedir' \
	VALGRIND='$(VALGRIND)' READELF='$(READELF)' CC='$(CC)' \
	STRACE='$(STRACE)' REALWORLD='$(REALWORLD)' LIBTOOL='$(LIBTOOL)' \
	SMTP_STATUS='$(abs_top_builddir)/src/smtp-status$(EXEEXT)' PERL=perl \
	$(SHELL) $(srcdir)/tests/bench.sh tests/bench$(EXEEXT) \
	  src/.libs/libsmtpstatus.so
	@$(MAKE) $(AM_MAKEFLAGS) measure
.PHONY: bench

# 'make measure': the library on real SMTP replies, the data set kept
# beside the clone (../shared/realworld, whose README describes it; it
# is never copied into the tree).  A program, not a test: it prints its
# figures and succeeds, and says so when the data is not there.
# MEASURE_FLAGS=-v lists each disagreement; REALWORLD=DIR reads another
# copy.  tests/measure-json.test runs it on invented replies.
REALWORLD ?= $(abs_top_srcdir)/../shared/realworld
MEASURE_FLAGS =
check_PROGRAMS += tests/measure-replies
tests_measure_replies_SOURCES = tests/measure-replies.c tests/sisimai.c \
	tests/sisimai.h tests/measure-util.c tests/measure-util.h
tests_measure_replies_LDADD = tests/libjson.a src/libsmtpstatus.la
tests_measure_replies_LDFLAGS = -no-install
EXTRA_DIST += tests/measure-json.test tests/measure-sample.jsonl

# The same for bounces: smtp-status --bounce --json over every file of
# $(REALWORLD)/bounces in one process, against bounces.jsonl.
# tests/measure-bounces.test runs it on invented labels and a program
# that plays smtp-status.
check_PROGRAMS += tests/measure-bounces
tests_measure_bounces_SOURCES = tests/measure-bounces.c tests/sisimai.c \
	tests/sisimai.h tests/measure-util.c tests/measure-util.h
tests_measure_bounces_LDADD = tests/libjson.a src/libsmtpstatus.la
tests_measure_bounces_LDFLAGS = -no-install
EXTRA_DIST += tests/measure-bounces.test

measure: tests/measure-replies$(EXEEXT) tests/measure-bounces$(EXEEXT) \
		src/smtp-status$(EXEEXT)
	@file='$(REALWORLD)/replies.jsonl'; \
	if test -f "$$file"; then \
	  echo "measure: $$file"; \
	  tests/measure-replies$(EXEEXT) $(MEASURE_FLAGS) "$$file"; \
	else \
	  echo "measure: no $$file, so nothing to measure"; \
	fi
	@dir='$(REALWORLD)'; \
	if test -f "$$dir/bounces.jsonl" && test -d "$$dir/bounces"; then \
	  echo; echo "measure: $$dir/bounces.jsonl"; \
	  tests/measure-bounces$(EXEEXT) $(MEASURE_FLAGS) \
	    --program='$(abs_top_builddir)/src/smtp-status$(EXEEXT)' "$$dir"; \
	else \
	  echo; echo "measure: no $$dir/bounces.jsonl and bounces/, so no bounces to measure"; \
	fi
.PHONY: measure
