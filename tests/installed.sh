#!/bin/sh
# installed.sh: checks an installed smtpstatus the way its users meet it;
# 'make installcheck' runs it after 'make install'.
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Builds tests/outside.c with pkg-config alone, then checks that program
# and the installed smtp-status under Swedish, Turkish and C locales, with
# the installed catalogs (SMTPSTATUS_LOCALEDIR is not set).  Set by the
# caller: CC, PKG_CONFIG, PKG_CONFIG_PATH, bindir, mandir, LOCPATH,
# USE_NLS, HAVE_GMIME, srcdir.

. "$srcdir/tests/tap.sh"
tap_need_test_locales
unset LANG LANGUAGE LC_ALL LC_CTYPE LC_MESSAGES SMTPSTATUS_LOCALEDIR

cflags=$($PKG_CONFIG --cflags smtpstatus) && libs=$($PKG_CONFIG --libs smtpstatus)
tap_result $? 'pkg-config knows smtpstatus'
libdir=$($PKG_CONFIG --variable=libdir smtpstatus)
$CC -std=c11 -Wall -Wextra -Werror $cflags -o "$tap_dir/outside" \
  "$srcdir/tests/outside.c" $libs -Wl,-rpath,"$libdir" 2>"$tap_dir/cc"
tap_result $? 'an outside program builds against the installed library'
sed 's/^/#   /' "$tap_dir/cc"

# The entries outside prints (all but its last three lines), and those of
# them that come from the source tables, picked by the codes of
# tests/expected/sv.tsv (253, 453, 455, 458, 459, 521, 555 and 556 are not among them).
entries ()
{
  sed -e '$d' "$1" | sed -e '$d' | sed -e '$d'
}
seed_entries ()
{
  entries "$1" | awk -F'\t' 'FILENAME == ARGV[1] { seed[$1] = 1; next } $1 in seed' \
    "$srcdir/tests/expected/sv.tsv" -
}

"$tap_dir/outside" >"$tap_dir/english"
tap_is "$(entries "$tap_dir/english" | wc -l | tr -d ' ')" 40 \
  'the table has 40 entries: the 32 of the source tables, 253, 453, 455, 458, 459, 521, 555 and 556'
tap_is "$(seed_entries "$tap_dir/english" | cut -f 1,2)" "$(cut -f 1,2 "$srcdir/tests/expected/sv.tsv")" \
  'the codes and source names of all 32 source-table entries'
tap_is "$(entries "$tap_dir/english" | awk -F'\t' '$1 == 253 || $1 == 453 || $1 == 455 || $1 == 458 || $1 == 459 || $1 == 521 || $1 == 555 || $1 == 556 { print $1 "\t" $2 }')" \
  "$(printf '253\tPendingMessagesStarted\n453\tNoMailWaiting\n455\tUnableToAccommodateParameters\n458\tUnableToQueueMessages\n459\tNodeNotAllowed\n521\tHostDoesNotAcceptMail\n555\tParametersNotRecognized\n556\tDomainDoesNotAcceptMail')" \
  'the names of the entries the source tables lack'
tap_is "$(entries "$tap_dir/english" | cut -f 3 | LC_ALL=C grep -c '^[ -~]*$')" 40 \
  'C: 40 English texts, plain printable ASCII'
tap_is "$(entries "$tap_dir/english" | cut -f 3 | sort -u | wc -l | tr -d ' ')" 40 \
  'C: no two entries share an English text'
tap_is "$(tail -n 3 "$tap_dir/english")" "$(printf '299\tUnknown success reply.\n777\tUnknown SMTP status code.\n-5\tUnknown SMTP status code.')" \
  'C: 299, 777 and -5 get their fallback texts'
tap_is "$(LANG=C.UTF-8 "$tap_dir/outside")" "$(cat "$tap_dir/english")" \
  'C.UTF-8 gives the same English as C'

for spec in sv:sv_SE.UTF-8 tr:tr_TR.UTF-8; do
  lang=${spec%%:*} locale=${spec#*:}
  LANG=$locale "$tap_dir/outside" >"$tap_dir/$lang"
  if test "$USE_NLS" = yes; then
    seed_entries "$tap_dir/$lang" | diff "$srcdir/tests/expected/$lang.tsv" - >"$tap_dir/diff"
  else
    diff "$tap_dir/english" "$tap_dir/$lang" >"$tap_dir/diff"
  fi
  tap_result $? "LANG=$locale: all 32 source-table entries read as the source table"
  sed 's/^/#   /' "$tap_dir/diff"
  tap_is "$(tail -n 3 "$tap_dir/$lang" | cut -f 2 | grep -c .)" 3 \
    "LANG=$locale: 299, 777 and -5 get text"
done

tap_is "$(LANG=sv_SE.UTF-8 "$bindir/smtp-status" 550)" \
  "$(nls 'Den definierar vanligtvis en icke-existerande e-postadress på fjärrsidan.' \
         'Mailbox unavailable: usually the e-mail address does not exist at the remote end.')" \
  'the installed smtp-status speaks Swedish under LANG=sv_SE.UTF-8'
tap_is "$(LANG=sv_SE.UTF-8 "$bindir/smtp-status" 556)" \
  "$(nls 'Mottagarens domän tar inte emot e-post alls, så meddelandet kan inte levereras. Kontrollera att mottagarens adress är rätt.' \
         "The recipient's domain does not accept mail at all, so the message cannot be delivered. Check that the recipient's address is right.")" \
  'the installed smtp-status describes 556, which the source tables lack, in Swedish'
tap_is "$("$bindir/smtp-status" --lang tr 550)" \
  "$(nls 'Genellikle uzak tarafta var olmayan bir e-posta adresini tanımlar.' \
         'Mailbox unavailable: usually the e-mail address does not exist at the remote end.')" \
  'the installed smtp-status speaks Turkish with --lang tr'
printf '550-5.1.1 No such user\r\n550 5.1.1 see https://example.org\r\n' >"$tap_dir/reply"
# The code, the enhanced code, the outcome and the reason's name: the
# diagnosis's own texts may not be translated yet.
tap_is "$(LANG=sv_SE.UTF-8 "$bindir/smtp-status" --reply <"$tap_dir/reply" | cut -f 1,2,4,5)" \
  "$(printf '550\t5.1.1\t%s\t%s' \
     "$(nls 'permanent fel: att skicka samma sak igen hjälper inte' 'permanent failure: sending it again unchanged will not help')" \
     recipient-unknown)" \
  'the installed smtp-status explains a reply in Swedish'
tap_is "$("$bindir/smtp-status" --json <"$tap_dir/reply" | cut -c 1-60)" \
  '{"code": 550, "enhanced": "5.1.1", "text": "No such user\nse' \
  'the installed smtp-status --json'
# A bounce, where the program has --bounce (a build with GMime).
if test "$HAVE_GMIME" = yes; then
  tap_is "$(LANG=sv_SE.UTF-8 "$bindir/smtp-status" --bounce "$srcdir/tests/bounces/exim.eml" | cut -f 1-6)" \
    "$(printf 'carol@example.org\tfailed\t5.2.2\t552\tmailbox-full\t%s' \
       "$(nls 'Mottagarens brevlåda är full: den har använt upp sitt lagringsutrymme.' \
              "The recipient's mailbox is full: it has used up its storage space.")")" \
    'the installed smtp-status explains a bounce in Swedish'
fi
for page in man1/smtp-status.1 man3/smtpstatus.3 man3/smtp_status_description.3 \
    man3/smtp_reply_parse.3 man3/smtp_reply_parse_flags.3 man3/smtp_enhanced_description.3 \
    man3/smtp_reply_explain.3 man3/smtp_reply_diagnose.3 man3/smtp_dsn_parse.3 \
    man3/smtp_dsn_next_recipient.3 man3/smtp_dsn_explain.3 \
    man3/smtp_bounce_text_next.3 man3/smtp_bounce_action_name.3; do
  test -f "$mandir/$page"
  tap_result $? "$page is installed"
done

tap_done
