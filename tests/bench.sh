#!/bin/sh
# bench.sh: 'make bench'.  Runs each workload of tests/bench.c under
# valgrind's callgrind, which counts instructions (the same count on every
# run, however busy the machine), and prints one table of figures per
# call, as ratios to a floor measured in the same run, against targets.
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: bench.sh BENCH LIBRARY; VALGRIND, READELF and CC from the
# environment; LOCPATH and SMTPSTATUS_LOCALEDIR point at the test suite's
# locales and catalogs.

set -eu
bench=$1 library=$2
: "${VALGRIND:=valgrind}" "${READELF:=readelf}" "${CC:=cc}"
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
    -v enhanced="$ir_enhanced" -v enhanced_known="$ir_enhanced_known" \
    -v ours="$ours" -v floor="$floor" -v allocations="$work/allocations" '
function verdict(ok) { return ok ? "met" : "MISSED" }
function row(what, value, ratio, target, ok) {
  printf "  %-42s %9.1f %8s  %-9s %s\n", what, value, ratio, target, \
    target == "" ? "" : verdict(ok)
}
function count_row(what, value, target, ok) {
  printf "  %-42s %9.3f %8s  %-9s %s\n", what, value, "", target, \
    target == "" ? "" : verdict(ok)
}
BEGIN {
  printf "make bench: instructions per call, counted by callgrind over %d calls\n", calls
  printf "(locale sv_SE.UTF-8, Swedish catalog; the descriptions cycle through\n"
  printf "all 32 codes, so each figure is an average over the texts)\n\n"
  printf "  %-42s %9s %8s  %-9s\n", "against the gettext floor", "instr", "ratio", "target"
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
  printf "\n  %-42s %9s %8s  %-9s\n", "lookups without gettext, loop taken off", "instr", "", "target"
  row("smtp_status_name", name - loop, "", "<= 30", name - loop <= 30)
  row("smtp_status_class", class - loop, "", "<= 30", class - loop <= 30)
  row("smtp_status_is_known", known - loop, "", "<= 30", known - loop <= 30)
  row("smtp_enhanced_is_known", enhanced_known - loop, "", "<= 30", enhanced_known - loop <= 30)
  row("smtp_status_from_name (a string search)", from_name - loop, "", "", 1)
  printf "\n  %-42s %9s %8s  %-9s\n", "with gettext", "instr", "ratio", ""
  row("smtp_enhanced_description (5.1.1 only)", enhanced, sprintf("%.3f", enhanced / dgettext), "", 1)
  printf "\n  %-42s %9s %8s  %-9s\n", "reply parser", "instr", "per byte", "target"
  per_byte = (parse - loop) / bytes
  row(sprintf("smtp_reply_parse, Gmail reply, %d bytes", bytes), parse - loop, \
      sprintf("%.2f", per_byte), "<= 3", per_byte <= 3)
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
