#!/bin/sh
# bench.sh: 'make bench'.  Runs each workload of tests/bench.c under
# valgrind's callgrind, which counts instructions (the same count on every
# run, however busy the machine), and prints one table of figures per
# call, as ratios to a floor measured in the same run, against targets.
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The first description of a process is measured apart, in fresh
# processes: its instructions with callgrind, and its file-system calls
# with strace, once with the test suite's catalogs and once with a copy
# of them grown to 200 language folders, since a library that looks at
# every language it has makes a first call that grows with them.
#
# Last, bounces per second against Sisimai (see the end).
#
# Usage: bench.sh BENCH LIBRARY; VALGRIND, READELF, CC and STRACE from
# the environment; LOCPATH and SMTPSTATUS_LOCALEDIR point at the test
# suite's locales and catalogs; for the bounces, REALWORLD (the data's
# directory), SMTP_STATUS (the program), LIBTOOL and PERL.

set -eu
bench=$1 library=$2
: "${VALGRIND:=valgrind}" "${READELF:=readelf}" "${CC:=cc}" "${STRACE:=strace}"
# gettext lets LANGUAGE outrank the locale the workloads set.
unset LANGUAGE
calls=20000
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v "$VALGRIND" >/dev/null 2>&1; then
  echo "bench.sh: valgrind is needed (apt-get install valgrind)" >&2
  exit 2
fi

# Instructions per call of one workload: callgrind counts only inside
# scenario_NAME, which makes CALLS calls after one warm-up call.
per_call ()
{
  "$VALGRIND" --tool=callgrind --callgrind-out-file="$work/$1.out" \
    --collect-atstart=no --toggle-collect="scenario_$1" \
    "$bench" "$1" "$calls" >/dev/null 2>"$work/$1.err" || {
    cat "$work/$1.err" >&2; exit 1; }
  sed -n 's/^summary: *//p' "$work/$1.out" \
    | awk -v n="$calls" '{ printf "%.1f", $1 / (n + 1) }'
}

for scenario in $("$bench" --list); do
  eval "ir_$scenario=\$(per_call $scenario)"
done

# first_call FIRST_SCENARIO DIR TAG: the instructions of FIRST_SCENARIO
# as the first call of a fresh process, with the catalogs in DIR (TAG
# names the files it leaves in $work).  Symbols are bound at start-up:
# binding them lazily would charge the dynamic linker to whichever
# workload calls more functions of other objects.
first_call ()
{
  SMTPSTATUS_LOCALEDIR=$2 LD_BIND_NOW=1 "$VALGRIND" --tool=callgrind \
    --callgrind-out-file="$work/$1-$3.out" \
    --collect-atstart=no --toggle-collect="scenario_$1" \
    "$bench" --first "$1" >/dev/null 2>"$work/$1-$3.err" || {
    cat "$work/$1-$3.err" >&2; exit 1; }
  sed -n 's/^summary: *//p' "$work/$1-$3.out"
}

# file_calls FIRST_SCENARIO DIR TAG: "OPENS STATS", the calls of the open
# family, then of the stat and access family, among the system calls made
# between the two lines the program writes to /dev/null around the call.
# Every call is traced, so that none slips by under a name of the family
# that this strace or glibc happens to use.
file_calls ()
{
  SMTPSTATUS_LOCALEDIR=$2 "$STRACE" -f -o "$work/$1-$3.strace" \
    "$bench" --first "$1" >/dev/null 2>"$work/$1-$3.err" || {
    cat "$work/$1-$3.err" >&2; exit 1; }
  awk '
    { sub(/^(\[pid +[0-9]+\] +|[0-9]+ +)/, "") }
    /^write\(.*"smtpstatus-bench: begin/ { inside = 1; begun = 1; next }
    /^write\(.*"smtpstatus-bench: end/ { inside = 0; ended = 1; next }
    !inside { next }
    /^(open|openat|openat2|creat)\(/ { opens++ }
    /^(stat|lstat|fstat|newfstatat|fstatat64|statx|access|faccessat|faccessat2)\(/ {
      stats++
    }
    END { if (!begun || !ended) exit 1; print opens + 0, stats + 0 }
  ' "$work/$1-$3.strace" || {
    echo "bench.sh: no markers in the trace of $1" >&2; exit 1; }
}

# grow_catalogs DIR NEW_DIR COUNT: copies the language folders of DIR
# into NEW_DIR and adds more, each with a catalog of the domain, up to
# COUNT in all.  The added catalogs are copies of the real ones taken in
# turn, so not all of one size; the added names (aa, ab...) are never
# among those gettext tries for sv_SE.UTF-8, so only a library that looks
# at every language it has can notice them.
grow_catalogs ()
{
  grow_to=$3 grow_dir=$2
  mkdir "$grow_dir"
  grown=0
  for folder in "$1"/*/; do
    test -d "$folder" || continue
    cp -R "${folder%/}" "$grow_dir"/
    grown=$((grown + 1))
  done
  set -- "$1"/*/LC_MESSAGES/smtpstatus.mo
  test -f "$1" || { echo "bench.sh: no catalog to copy" >&2; exit 1; }
  for letter1 in a b c d e f g h i j k l m n o p q r s t u v w x y z; do
    for letter2 in a b c d e f g h i j k l m n o p q r s t u v w x y z; do
      test "$grown" -lt "$grow_to" || return 0
      test -d "$grow_dir/$letter1$letter2" && continue
      mkdir -p "$grow_dir/$letter1$letter2/LC_MESSAGES"
      cp "$1" "$grow_dir/$letter1$letter2/LC_MESSAGES/smtpstatus.mo"
      set -- "$@" "$1"
      shift
      grown=$((grown + 1))
    done
  done
}

# The first description with a copy of the test suite's catalogs and with
# one grown to BIG language folders; both copies have paths of the same
# length, since what gettext spends on a path depends on it.  None of it
# without NLS, which has no catalog to load.
big=200 small_dir=$work/small/localedir big_dir=$work/large/localedir
small=0
for folder in "$SMTPSTATUS_LOCALEDIR"/*/; do
  if test -d "$folder"; then small=$((small + 1)); fi
done
first=yes fs_skipped=''
first_floor_small='' first_ours_small='' first_floor_big='' first_ours_big=''
fs_floor_small='' fs_ours_small='' fs_floor_big='' fs_ours_big=''
"$bench" --has-nls || first=no
if test "$first" = yes; then
  mkdir "$work/small" "$work/large"
  grow_catalogs "$SMTPSTATUS_LOCALEDIR" "$small_dir" "$small"
  grow_catalogs "$SMTPSTATUS_LOCALEDIR" "$big_dir" "$big"
  first_floor_small=$(first_call first_dgettext "$small_dir" small)
  first_ours_small=$(first_call first_description "$small_dir" small)
  first_floor_big=$(first_call first_dgettext "$big_dir" big)
  first_ours_big=$(first_call first_description "$big_dir" big)
  if ! command -v "$STRACE" >/dev/null 2>&1; then
    fs_skipped='strace not installed'
  elif ! "$STRACE" -o /dev/null true >/dev/null 2>&1; then
    fs_skipped='strace cannot trace here: is ptrace forbidden?'
  else
    fs_floor_small=$(file_calls first_dgettext "$small_dir" small)
    fs_ours_small=$(file_calls first_description "$small_dir" small)
    fs_floor_big=$(file_calls first_dgettext "$big_dir" big)
    fs_ours_big=$(file_calls first_description "$big_dir" big)
  fi
fi

"$bench" --allocations "$calls" >"$work/allocations"

# Relative relocations: ours, and those of an empty library the same
# compiler makes, which come from the C runtime, not from our tables.
echo 'int smtpstatus_bench_empty;' >"$work/empty.c"
$CC -shared -fPIC -o "$work/empty.so" "$work/empty.c"
relative () { "$READELF" -rW "$1" | grep -c '_RELATIVE' || true; }
ours=$(relative "$library") floor=$(relative "$work/empty.so")

reply_bytes=$("$bench" --reply-size)
has_gpg=yes
"$bench" --has-gpg-error || has_gpg=no

awk -v calls="$calls" -v loop="$ir_loop" \
    -v dgettext="$ir_dgettext" -v description="$ir_description" \
    -v uselocale="$ir_uselocale_dgettext" -v description_l="$ir_description_l" \
    -v strerror="$ir_strerror" -v gpg="$ir_gpg_strerror" -v has_gpg="$has_gpg" \
    -v name="$ir_name" -v class="$ir_class" -v known="$ir_known" \
    -v from_name="$ir_from_name" -v parse="$ir_parse" -v bytes="$reply_bytes" \
    -v diagnose="$ir_diagnose" -v parse_strict="$ir_parse_strict" \
    -v enhanced="$ir_enhanced" -v enhanced_known="$ir_enhanced_known" \
    -v ours="$ours" -v floor="$floor" -v allocations="$work/allocations" \
    -v first="$first" -v small="$small" -v big="$big" \
    -v first_floor_small="$first_floor_small" -v first_ours_small="$first_ours_small" \
    -v first_floor_big="$first_floor_big" -v first_ours_big="$first_ours_big" \
    -v fs_skipped="$fs_skipped" \
    -v fs_floor_small="$fs_floor_small" -v fs_ours_small="$fs_ours_small" \
    -v fs_floor_big="$fs_floor_big" -v fs_ours_big="$fs_ours_big" '
function verdict(ok) { return ok ? "met" : "MISSED" }
function row(what, value, ratio, target, ok) {
  printf "  %-42s %9.1f %8s  %-9s %s\n", what, value, ratio, target, \
    target == "" ? "" : verdict(ok)
}
function whole_row(what, value, ratio, target, ok) {
  printf "  %-42s %9d %8s  %-9s %s\n", what, value, ratio, target, \
    target == "" ? "" : verdict(ok)
}
function pair_row(what, small_value, big_value, target, ok) {
  printf "  %-42s %9d %8d  %-9s %s\n", what, small_value, big_value, target, \
    target == "" ? "" : verdict(ok)
}
function count_row(what, value, target, ok) {
  printf "  %-42s %9.3f %8s  %-9s %s\n", what, value, "", target, \
    target == "" ? "" : verdict(ok)
}
# The first description of a process, against its floor: bindtextdomain
# and dgettext, which any library translating in a domain of its own
# must call, each process, before its first text.
function first_call(  r, floor_small, floor_big, ours_small, ours_big) {
  printf "\n  %-42s %9s %8s  %-9s\n", "first description, in a fresh process", "instr", "ratio", "target"
  if (first != "yes") {
    printf "  (skipped: built without NLS, so there is no catalog to load)\n"
    return
  }
  printf "  (code 550, the program having set sv_SE.UTF-8 and nothing else;\n"
  printf "   the floor: bindtextdomain, then dgettext of the same English\n"
  printf "   text, with the catalog directory in hand; all else, reading\n"
  printf "   SMTPSTATUS_LOCALEDIR and pthread_once too, is the library'"'"'s;\n"
  printf "   symbols bound at start-up in both, LD_BIND_NOW=1)\n"
  printf "  with the test catalogs, %d language folders:\n", small
  whole_row("  bindtextdomain + dgettext (the floor)", first_floor_small, "1.000", "", 1)
  r = first_ours_small / first_floor_small
  whole_row("  smtp_status_description", first_ours_small, sprintf("%.3f", r), "<= 1.50", r <= 1.50)
  printf "  with %d language folders (no target: shows what grows):\n", big
  whole_row("  bindtextdomain + dgettext (the floor)", first_floor_big, "1.000", "", 1)
  whole_row("  smtp_status_description", first_ours_big, \
            sprintf("%.3f", first_ours_big / first_floor_big), "", 1)

  printf "\n  %-42s %9s %8s  %-9s\n", "file-system calls of the first description", \
    small " dirs", big " dirs", "target"
  if (fs_skipped != "") {
    printf "  (skipped: %s)\n", fs_skipped
    return
  }
  printf "  (by strace, between marks the program writes around the call;\n"
  printf "   the columns: language folders in the catalog directory, the\n"
  printf "   target: the same openat with both; stat/access counts fstat too)\n"
  # Each figure is "OPENS STATS".
  split(fs_floor_small, floor_small, " "); split(fs_floor_big, floor_big, " ")
  split(fs_ours_small, ours_small, " "); split(fs_ours_big, ours_big, " ")
  pair_row("openat, bindtextdomain + dgettext (floor)", floor_small[1], floor_big[1], "", 1)
  pair_row("openat, smtp_status_description", ours_small[1], ours_big[1], \
           "same", ours_small[1] == ours_big[1])
  pair_row("stat/access, bindtextdomain + dgettext", floor_small[2], floor_big[2], "", 1)
  pair_row("stat/access, smtp_status_description", ours_small[2], ours_big[2], "", 1)
}
BEGIN {
  printf "make bench: instructions counted by callgrind (the same on every run,\n"
  printf "however busy the machine), and ratios to floors measured in this run.\n"
  printf "A benchmark, not a test: a MISSED target is reported, not failed.\n\n"
  printf "  %-42s %9s %8s  %-9s\n", "warm, per call, against the gettext floor", "instr", "ratio", "target"
  printf "  (over %d calls in sv_SE.UTF-8, Swedish catalog; the descriptions\n", calls
  printf "   cycle through every code of the table, so each is an average over\n   the texts)\n"
  row("dgettext alone (the floor)", dgettext, "1.000", "", 1)
  r = description / dgettext
  row("smtp_status_description", description, sprintf("%.3f", r), "<= 1.10", r <= 1.10)
  row("uselocale + dgettext + uselocale (floor)", uselocale, "1.000", "", 1)
  r = description_l / uselocale
  row("smtp_status_description_l", description_l, sprintf("%.3f", r), "<= 1.10", r <= 1.10)
  row("glibc strerror (ENOENT)", strerror, sprintf("%.3f", strerror / dgettext), "", 1)
  if (has_gpg == "yes")
    row("libgpg-error gpg_strerror", gpg, sprintf("%.3f", gpg / dgettext), "", 1)
  else
    printf "  %-42s %9s\n", "libgpg-error gpg_strerror", "(not built: no libgpg-error-dev)"
  first_call()
  printf "\n  %-42s %9s %8s  %-9s\n", "lookups without gettext, loop taken off", "instr", "", "target"
  row("smtp_status_name", name - loop, "", "<= 30", name - loop <= 30)
  row("smtp_status_class", class - loop, "", "<= 30", class - loop <= 30)
  row("smtp_status_is_known", known - loop, "", "<= 30", known - loop <= 30)
  row("smtp_enhanced_is_known", enhanced_known - loop, "", "<= 30", enhanced_known - loop <= 30)
  row("smtp_status_from_name (a string search)", from_name - loop, "", "", 1)
  printf "\n  %-42s %9s %8s  %-9s\n", "with gettext", "instr", "ratio", ""
  row("smtp_enhanced_description (5.1.1 only)", enhanced, sprintf("%.3f", enhanced / dgettext), "", 1)
  printf "\n  %-42s %9s %8s  %-9s\n", "reply parser", "instr", "per byte", "target"
  # The liberal parser (smtp_reply_parse) also reads the start of every
  # line for an enhanced code in three forms, and the text for one where
  # no line starts with one; the strict parser compares the first line
  # prefix only.
  per_byte = (parse_strict - loop) / bytes
  row(sprintf("smtp_reply_parse_flags STRICT, Gmail, %d bytes", bytes), \
      parse_strict - loop, sprintf("%.2f", per_byte), "<= 3", per_byte <= 3)
  per_byte = (parse - loop) / bytes
  row(sprintf("smtp_reply_parse (liberal), same reply"), parse - loop, \
      sprintf("%.2f", per_byte), "<= 5", per_byte <= 5)
  # Every entry of meanings.def is looked for in the text of the reply,
  # which the parser reads once.  The budget keeps a diagnosis under a
  # few microseconds for a real reply.
  diagnose_ratio = (diagnose - loop) / (parse - loop)
  row("smtp_reply_diagnose, same reply (ratio: parse)", diagnose - loop, \
      sprintf("%.1f", diagnose_ratio), "<= 40", diagnose_ratio <= 40)
  printf "\n  %-42s %9s %8s  %-9s\n", "heap allocations per call, once warm", "", "", "target"
  while ((getline line < allocations) > 0) {
    split(line, f, "\t")
    if (f[1] == "loop" || f[1] == "dgettext" || f[1] == "uselocale_dgettext" \
        || f[1] == "strerror" || f[1] == "gpg_strerror")
      count_row(f[1] " (not ours)", f[2], "", 1)
    else
      count_row(f[1], f[2], "0", f[2] == 0)
  }
  printf "  (in a locale with no catalog, such as C.UTF-8, glibc'"'"'s dgettext itself\n"
  printf "   allocates once per call; the library adds nothing: tests/test-alloc.c)\n"
  printf "\n  %-42s %9s %8s  %-9s\n", "relative relocations", "count", "", "target"
  printf "  %-42s %9d\n", "an empty library, built alike", floor
  printf "  %-42s %9d\n", "libsmtpstatus.so", ours
  printf "  %-42s %9d %8s  %-9s %s\n", "caused by the tables", ours - floor, "", \
    "0", verdict(ours - floor <= 0)
}'

# Bounces per second, against Sisimai: smtp-status --bounce --json over
# every file of $REALWORLD/bounces in one process, and Sisimai (Perl)
# decoding the same files in one process, each record dumped as JSON as
# ours are; the best of 3 runs each, taken in turns (ours, Sisimai's,
# ours...) so that both see the same load.  Whole processes, start-up
# included, and wall-clock times, which vary with the machine's load: the
# ratio is the figure; processor times are shown beside it.  The program
# is the libtool wrapper $SMTP_STATUS, which $LIBTOOL replaces with the
# real executable.
runs=3
printf '\n  %-42s %9s %8s  %-9s\n' "bounces per second, against Sisimai" \
  "seconds" "ratio" "target"
bounce_dir=${REALWORLD:-}/bounces
sisimai='my $m = Sisimai->can("rise") ? "rise" : "make";
for my $f (@ARGV) {
  my $v = Sisimai->$m($f) or next;
  print $_->dump("json"), "\n" for @$v;
}'
if test -z "${REALWORLD:-}" || ! test -d "$bounce_dir"; then
  echo "  (skipped: no $bounce_dir, the real bounces of ../shared/realworld)"
elif ! "${PERL:=perl}" -MSisimai -e 1 >/dev/null 2>&1; then
  echo "  (skipped: Sisimai is not installed: apt-get install libsisimai-perl)"
else
  set -- "$bounce_dir"/*
  bounces=$#
  sisimai_version=$("$PERL" -MSisimai -e 'print Sisimai->version')
  sisimai_method=$("$PERL" -MSisimai -e 'print Sisimai->can("rise") ? "rise" : "make"')
  ours='' theirs='' run=0
  while test "$run" -lt "$runs"; do
    ours="$ours $(LC_ALL=C $LIBTOOL --mode=execute "$bench" --wall-clock 1 \
      "$SMTP_STATUS" --bounce --json "$@" 2>"$work/bounces.err")"
    theirs="$theirs $(LC_ALL=C "$bench" --wall-clock 1 "$PERL" -MSisimai \
      -e "$sisimai" "$@" 2>"$work/sisimai.err")"
    run=$((run + 1))
  done
  awk -v ours="$ours" -v theirs="$theirs" -v bounces="$bounces" \
      -v runs="$runs" -v dir="$bounce_dir" -v version="$sisimai_version" \
      -v method="$sisimai_method" '
  function row(what, seconds, ratio, target, verdict) {
    printf "  %-42s %9.3f %8s  %-9s %s\n", what, seconds, ratio, target, verdict
  }
  # best(RUNS, WALL, CPU): of the runs "wall cpu status wall cpu status...",
  # the least wall time and processor time; returns the highest status.
  function best(list, wall, cpu,   f, n, i, worst) {
    n = split(list, f, " ")
    wall[0] = cpu[0] = -1; worst = 0
    for (i = 1; i + 2 <= n; i += 3) {
      if (wall[0] < 0 || f[i] + 0 < wall[0]) wall[0] = f[i] + 0
      if (cpu[0] < 0 || f[i + 1] + 0 < cpu[0]) cpu[0] = f[i + 1] + 0
      if (f[i + 2] + 0 > worst) worst = f[i + 2] + 0
    }
    return worst
  }
  BEGIN {
    status = best(ours, o_wall, o_cpu)
    if (status > 1) {
      printf "  (skipped: smtp-status --bounce --json over the bounces gave exit status %d%s)\n", \
        status, status == 2 ? ": does it take --bounce yet?" : ", a crash"
      exit
    }
    status = best(theirs, t_wall, t_cpu)
    if (status != 0) {
      printf "  (skipped: Sisimai gave exit status %d)\n", status
      exit
    }
    printf "  (the %d files of\n   %s,\n", bounces, dir
    printf "   all in one process for each: smtp-status --bounce --json, and\n"
    printf "   Sisimai %s in perl (Sisimai->%s, each record dumped as JSON);\n", version, method
    printf "   the best of %d runs each, taken in turns, start-up included;\n", runs
    printf "   wall-clock times vary with the load of the machine: the ratio\n"
    printf "   is the figure, the processor times are shown beside it)\n"
    row(sprintf("Sisimai %s (the reference), %.0f/s", version, bounces / t_wall[0]), \
        t_wall[0], "1.000", "", "")
    r = o_wall[0] / t_wall[0]
    row(sprintf("smtp-status --bounce --json, %.0f/s", bounces / o_wall[0]), \
        o_wall[0], sprintf("%.3f", r), "<= 0.10", r <= 0.10 ? "met" : "MISSED")
    row("processor time, Sisimai", t_cpu[0], "1.000", "", "")
    row("processor time, smtp-status", o_cpu[0], \
        t_cpu[0] > 0 ? sprintf("%.3f", o_cpu[0] / t_cpu[0]) : "-", "", "")
  }'
fi
