#!/bin/sh
# installed.sh: checks an installed smtpstatus the way its users meet it;
# 'make installcheck' runs it after 'make install'.
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Builds tests/outside.c with pkg-config alone, then checks that program
# and the installed smtp-status under Swedish, Turkish and C locales, with
# the installed catalogs (SMTPSTATUS_LOCALEDIR is not set).  Set by the
# caller: CC, PKG_CONFIG, PKG_CONFIG_PATH, bindir, mandir, LOCPATH,
# USE_NLS, srcdir.

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

"$tap_dir/outside" >"$tap_dir/english"
tap_is "$(cut -f 2 "$tap_dir/english" | head -n 32)" "$(cut -f 2 "$srcdir/tests/expected/sv.tsv")" \
  'the source names of all 32 entries'
tap_is "$(head -n 32 "$tap_dir/english" | cut -f 3 | LC_ALL=C grep -c '^[ -~]*$')" 32 \
  'C: 32 English texts, plain printable ASCII'
tap_is "$(head -n 32 "$tap_dir/english" | cut -f 3 | sort -u | wc -l | tr -d ' ')" 32 \
  'C: no two entries share an English text'
tap_is "$(tail -n 3 "$tap_dir/english")" "$(printf '299\tUnknown success reply.\n777\tUnknown SMTP status code.\n-5\tUnknown SMTP status code.')" \
  'C: 299, 777 and -5 get their fallback texts'
tap_is "$(LANG=C.UTF-8 "$tap_dir/outside")" "$(cat "$tap_dir/english")" \
  'C.UTF-8 gives the same English as C'

for spec in sv:sv_SE.UTF-8 tr:tr_TR.UTF-8; do
  lang=${spec%%:*} locale=${spec#*:}
  LANG=$locale "$tap_dir/outside" >"$tap_dir/$lang"
  if test "$USE_NLS" = yes; then
    head -n 32 "$tap_dir/$lang" | diff "$srcdir/tests/expected/$lang.tsv" - >"$tap_dir/diff"
  else
    diff "$tap_dir/english" "$tap_dir/$lang" >"$tap_dir/diff"
  fi
  tap_result $? "LANG=$locale: all 32 entries read as the source table"
  sed 's/^/#   /' "$tap_dir/diff"
  tap_is "$(tail -n 3 "$tap_dir/$lang" | cut -f 2 | grep -c .)" 3 \
    "LANG=$locale: 299, 777 and -5 get text"
done

tap_is "$(LANG=sv_SE.UTF-8 "$bindir/smtp-status" 550)" \
  "$(nls 'Den definierar vanligtvis en icke-existerande e-postadress på fjärrsidan.' \
         'Mailbox unavailable: usually the e-mail address does not exist at the remote end.')" \
  'the installed smtp-status speaks Swedish under LANG=sv_SE.UTF-8'
tap_is "$("$bindir/smtp-status" --lang tr 550)" \
  "$(nls 'Genellikle uzak tarafta var olmayan bir e-posta adresini tanımlar.' \
         'Mailbox unavailable: usually the e-mail address does not exist at the remote end.')" \
  'the installed smtp-status speaks Turkish with --lang tr'
printf '550-5.1.1 No such user\r\n550 5.1.1 see https://example.org\r\n' >"$tap_dir/reply"
tap_is "$(LANG=sv_SE.UTF-8 "$bindir/smtp-status" --reply <"$tap_dir/reply")" \
  "$(printf '550\t5.1.1\t%s\t%s' \
     "$(nls 'Mottagarens brevlåda finns inte.' "The recipient's mailbox does not exist.")" \
     "$(nls 'permanent fel: ett nytt försök hjälper inte' 'permanent failure: retrying will not help')")" \
  'the installed smtp-status explains a reply in Swedish'
for page in man1/smtp-status.1 man3/smtpstatus.3 man3/smtp_status_description.3 \
    man3/smtp_reply_parse.3 man3/smtp_reply_parse_flags.3 man3/smtp_enhanced_description.3 \
    man3/smtp_reply_explain.3; do
  test -f "$mandir/$page"
  tap_result $? "$page is installed"
done

tap_done
