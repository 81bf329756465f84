#!/bin/sh
# bench-bounce.sh PROGRAM DIR: the wall time of 'PROGRAM --bounce --json'
# on every DIR/*.eml in one process, against the Perl decoder Sisimai
# (Debian: libsisimai-perl) making the same files, where it is
# installed; the best of ROUNDS runs each (3 unless set), and the ratio.
# Figures, not a test: it always succeeds.  'make bench-bounce' runs it
# on ../shared/realworld/bounces.
# SPDX-License-Identifier: LGPL-2.1-or-later

program=$1 dir=$2
rounds=${ROUNDS:-3}
set -- "$dir"/*.eml
if test ! -f "$1"; then
  echo "bench-bounce: no $dir/*.eml, so nothing to measure"
  exit 0
fi
count=$#

# now: a clock in microseconds.
now () { echo $(($(date +%s%N) / 1000)); }

# cpu COMMAND...: the processor time (user and system) COMMAND takes,
# in milliseconds, as the shell's 'times' gives it for its children.
cpu ()
{
  sh -c '"$@" >/dev/null 2>&1; times' cpu "$@" | tail -n 1 | awk '{
    t = 0
    for (i = 1; i <= 2; i++) { split($i, f, "m"); t += f[1] * 60 + f[2] }
    printf "%d\n", t * 1000 + 0.5 }'
}

# best COMMAND...: the least wall time of ROUNDS runs, in microseconds,
# and the least processor time, in milliseconds, in LEAST_CPU.
best ()
{
  least= least_cpu=
  round=0
  while test "$round" -lt "$rounds"; do
    start=$(now)
    "$@" >/dev/null 2>&1
    took=$(($(now) - start))
    if test -z "$least" || test "$took" -lt "$least"; then least=$took; fi
    took=$(cpu "$@")
    if test -z "$least_cpu" || test "$took" -lt "$least_cpu"; then least_cpu=$took; fi
    round=$((round + 1))
  done
}

"$program" --bounce --json "$@" >/dev/null 2>&1
best "$program" --bounce --json "$@"
ours=$least ours_cpu=$least_cpu
echo "bench-bounce: smtp-status --bounce --json, $count messages in one process: $((ours / 1000)) ms, $ours_cpu ms of processor time (best of $rounds)"
echo "bench-bounce:   $("$program" --bounce --json "$@" 2>/dev/null | wc -l | tr -d ' ') recipients reported"

if ! perl -MSisimai -e 1 2>/dev/null; then
  echo "bench-bounce: Sisimai is not installed (Debian: libsisimai-perl): no ratio"
  exit 0
fi
# Sisimai decodes each file as smtp-status reads it: one message per
# file, all in one process.
sisimai='use Sisimai; my $n = 0;
for my $f (@ARGV) { my $v = Sisimai->make($f, delivered => 1); $n += @$v if $v }
print "$n\n";'
best perl -e "$sisimai" "$@"
theirs=$least theirs_cpu=$least_cpu
echo "bench-bounce: Sisimai $(perl -MSisimai -e 'print $Sisimai::VERSION'), the same files in one process: $((theirs / 1000)) ms, $theirs_cpu ms of processor time (best of $rounds)"
echo "bench-bounce:   $(perl -e "$sisimai" "$@" 2>/dev/null) recipients decoded"
awk -v a="$theirs" -v b="$ours" -v ac="$theirs_cpu" -v bc="$ours_cpu" 'BEGIN {
  printf "bench-bounce: smtp-status takes 1/%.1f of the wall time Sisimai takes", a / b
  if (bc > 0) printf ", 1/%.1f of its processor time", ac / bc
  printf "\n" }'
