#!/bin/sh
# lint-catalogs.sh: 'make lint-catalogs'.  Runs i18nspector and pofilter
# (Debian's i18nspector and translate-toolkit) on every catalog and
# compares what they find with the findings po/README has judged, one by
# one, to be false alarms or known gaps: a new finding, or one that has
# gone away, fails.
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: lint-catalogs.sh SRCDIR; prints the findings as po/README lists
# them with --print.

set -u
srcdir=$1
print=${2:-}
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
for tool in i18nspector pofilter msgcat; do
  command -v $tool >/dev/null 2>&1 || {
    echo "lint-catalogs: $tool is missing (apt-get install i18nspector translate-toolkit gettext)" >&2
    exit 2
  }
done

for lang in $(sed -e 's/#.*//' "$srcdir/po/LINGUAS"); do
  i18nspector "$srcdir/po/$lang.po" | sed "s|^\\([A-Z]\\): [^:]*: |i18nspector $lang \\1 |"
  pofilter --nofuzzy --language="$lang" -i "$srcdir/po/$lang.po" \
    -o "$work/$lang.po" >/dev/null 2>&1
  # One line per finding: the test and the entry, named by its
  # translator comment (a code) or the start of its msgid.
  msgcat --no-wrap "$work/$lang.po" | awk -v lang="$lang" '
    BEGIN { RS = "" }
    /# \(pofilter\)/ {
      n = split ($0, lines, "\n")
      key = ""; id = ""; in_id = 0
      for (i = 1; i <= n; i++)
        {
          if (lines[i] ~ /^#\. TRANSLATORS: (-?[0-9]+ |X\.)/)
            { key = lines[i]; sub (/^#\. TRANSLATORS: /, "", key); sub (/[ ,].*/, "", key) }
          if (lines[i] ~ /^msgid "/)
            { in_id = 1; id = substr (lines[i], 8, length (lines[i]) - 8); continue }
          if (in_id && lines[i] ~ /^"/)
            id = id substr (lines[i], 2, length (lines[i]) - 2)
          else
            in_id = 0
        }
      if (key == "")
        {
          gsub (/\\n/, " ", id); gsub (/[^A-Za-z0-9%.:+-]+/, " ", id)
          split (id, words, " ")
          key = words[1] "_" words[2] "_" words[3]
        }
      for (i = 1; i <= n; i++)
        if (lines[i] ~ /^# \(pofilter\) /)
          {
            test = lines[i]; sub (/^# \(pofilter\) /, "", test); sub (/:.*/, "", test)
            print "pofilter " lang " " test " " key
          }
    }'
done | sort >"$work/found"

if test "$print" = --print; then
  cat "$work/found"
  exit 0
fi
sed -n '/^BEGIN FINDINGS$/,/^END FINDINGS$/p' "$srcdir/po/README" \
  | sed -e '/FINDINGS$/d' -e 's/[[:space:]]*(.*//' -e '/^$/d' | sort >"$work/judged"
if diff -u "$work/judged" "$work/found" >"$work/diff"; then
  echo "lint-catalogs: $(wc -l <"$work/found" | tr -d ' ') findings, all judged in po/README"
else
  echo "lint-catalogs: findings differ from those po/README has judged (- judged, + found):"
  sed 1,2d "$work/diff" | grep '^[-+]'
  exit 1
fi
