# tap.sh: TAP output for the shell tests; source it, then call the checks.
# SPDX-License-Identifier: LGPL-2.1-or-later

tap_count=0
tap_failures=0
tap_dir=$(mktemp -d) || exit 99
trap 'rm -rf "$tap_dir"' EXIT

# Translated text in a build with NLS, English in one without.
# nls TRANSLATED ENGLISH
nls ()
{
  if test "$USE_NLS" = yes; then printf '%s' "$1"; else printf '%s' "$2"; fi
}

# tap_need_test_locales: skips the whole test, before its first check,
# unless every locale the suite makes with localedef is in LOCPATH; a
# machine without localedef or its locale sources cannot run it.
tap_need_test_locales ()
{
  for name in sv_SE.UTF-8 sv_SE.ISO-8859-1 sv_SE tr_TR.UTF-8 \
              tr_TR.ISO-8859-9 C.UTF-8; do
    if test ! -f "$LOCPATH/$name/LC_CTYPE"; then
      echo "1..0 # SKIP no test locale $name: localedef could not make it"
      exit 0
    fi
  done
}

# tap_result STATUS WHAT: reports one check; STATUS 0 means it passed.
tap_result ()
{
  tap_count=$((tap_count + 1))
  if test "$1" -eq 0; then
    echo "ok $tap_count - $2"
  else
    echo "not ok $tap_count - $2"
    tap_failures=$((tap_failures + 1))
  fi
}

# tap_is GOT WANTED WHAT: compares two strings exactly.
tap_is ()
{
  if test "x$1" = "x$2"; then
    tap_result 0 "$3"
  else
    tap_result 1 "$3"
    printf '#   got:    %s\n#   wanted: %s\n' "$1" "$2"
  fi
}

# tap_run WHAT STATUS STDOUT STDERR -- COMMAND...: runs COMMAND and checks
# its exit status and its whole standard output and standard error.
tap_run ()
{
  what=$1 status=$2 out=$3 err=$4
  shift 5
  "$@" >"$tap_dir/out" 2>"$tap_dir/err"
  got_status=$?
  tap_is "$got_status" "$status" "$what: exit status"
  tap_is "$(cat "$tap_dir/out")" "$out" "$what: standard output"
  tap_is "$(cat "$tap_dir/err")" "$err" "$what: standard error"
}

tap_done ()
{
  echo "1..$tap_count"
  test "$tap_failures" -eq 0
}
