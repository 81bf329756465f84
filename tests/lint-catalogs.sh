#!/bin/sh
# lint-catalogs.sh: 'make lint-catalogs'.  Runs i18nspector and pofilter
# (Debian's i18nspector and translate-toolkit) on every catalog.  What
# makes a catalog wrong fails: an error of i18nspector's, and pofilter's
# checks of what must survive translation (format directives, escapes,
# line breaks, numbers, addresses, options, plural forms), unless
# po/README has judged the finding a false alarm.  Findings of style
# (punctuation, quotation marks, capitals, sentence counts, untranslated
# entries of a partial catalog) are the translators' to weigh: they are
# counted and listed, and fail nothing, so that a new or partial catalog
# passes as it is.
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

# Which findings say that a catalog is wrong: by tool, the severity
# (i18nspector) or the test (pofilter).
awk '
  $1 == "i18nspector" && $3 == "E" { print; next }
  $1 == "pofilter" && $3 ~ /^(printf|escapes|newlines|tabs|variables|numbers|urls|emails|options|nplurals|accelerators|xmltags)$/ { print }
' "$work/found" >"$work/wrong"
comm -23 "$work/wrong" "$work/judged" >"$work/unjudged"
grep -v -x -F -f "$work/wrong" "$work/found" >"$work/style" || true

total=$(wc -l <"$work/found" | tr -d ' ')
wrong=$(wc -l <"$work/wrong" | tr -d ' ')
style=$(wc -l <"$work/style" | tr -d ' ')
echo "lint-catalogs: $total findings in $(sed -e 's/#.*//' "$srcdir/po/LINGUAS" | wc -w | tr -d ' ') catalogs: $wrong about correctness, $style of style"
echo "  of style, for the translators to weigh (not a failure), by catalog and"
echo "  check; 'sh tests/lint-catalogs.sh . --print' names every entry:"
awk '{ n[$1 == "i18nspector" ? $1 " " $2 " " $3 " " $4 : $1 " " $2 " " $3]++ } END { for (k in n) printf "    %-40s %d\n", k, n[k] }' \
  "$work/style" | sort
echo "  judged false alarms or known gaps in po/README, of either kind: $(comm -12 "$work/found" "$work/judged" | wc -l | tr -d ' ')"
stale=$(comm -13 "$work/found" "$work/judged" | wc -l | tr -d ' ')
test "$stale" -eq 0 \
  || echo "  judged in po/README but no longer found (tidy the list): $stale"
if test -s "$work/unjudged"; then
  echo "  WRONG: $(wc -l <"$work/unjudged" | tr -d ' ') of the $wrong findings that make a catalog wrong are not judged false alarms in po/README:"
  sed 's/^/    /' "$work/unjudged"
  exit 1
fi
echo "  about correctness: $wrong, each judged a false alarm in po/README"
