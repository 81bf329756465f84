/* test-diagnose-l10n.c: the diagnoses of Microsoft's, Gmail's and a
   blocklist's replies in Swedish and Turkish, through the _l functions
   and under uselocale, from the catalogs the build made.  The replies
   are written for this test in the formats the vendors document.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <locale.h>
#include <string.h>

#include "smtpstatus.h"
#include "tap.h"

struct sample
{
  const char *wire;
  const char *reason;
  /* The explanation and the reason's description, in sv_SE.UTF-8 and
     tr_TR.UTF-8.  */
  const char *text[2][2];
};

static const struct sample samples[] =
{
  { "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient bob@contoso.test "
    "not found by SMTP address lookup\r\n", "recipient-unknown",
    { { "Mottagarens adress finns inte hos den mottagande "
        "e-postleverant\xc3\xb6ren.",
        "adressen finns inte",
        },
      { "Al\xc4\xb1" "c\xc4\xb1n\xc4\xb1n adresi, al\xc4\xb1" "c\xc4\xb1 "
        "taraftaki e-posta sa\xc4\x9flay\xc4\xb1" "c\xc4\xb1s\xc4\xb1nda "
        "mevcut de\xc4\x9fil.",
        "adres mevcut de\xc4\x9fil",
        } } },
  { "552-5.7.0 This message was blocked because its content presents a "
    "potential\r\n552-5.7.0 security issue.\r\n"
    "552 5.7.0 q3si12 - gsmtp\r\n", "policy",
    { { "Meddelandet avvisades eftersom dess inneh\xc3\xa5ll eller en bilaga "
        "kan vara en s\xc3\xa4kerhetsrisk.",
        "mottagarsidans regler till\xc3\xa5ter inte meddelandet",
        },
      { "Mesaj, i\xc3\xa7" "eri\xc4\x9fi veya bir eki g\xc3\xbcvenlik riski "
        "olu\xc5\x9fturabilece\xc4\x9fi i\xc3\xa7in reddedildi.",
        "al\xc4\xb1" "c\xc4\xb1 taraf\xc4\xb1n kurallar\xc4\xb1 mesaja izin "
        "vermiyor",
        } } },
  { "554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked "
    "using zen.spamhaus.org\r\n", "sender-blocked",
    { { "IP-adressen till servern som skickade meddelandet finns p\xc3\xa5 en "
        "blockeringslista som den mottagande servern anv\xc3\xa4nder.",
        "den mottagande servern blockerar servern som din e-post kom "
        "fr\xc3\xa5n",
        },
      { "Mesaj\xc4\xb1 g\xc3\xb6nderen sunucunun IP adresi, al\xc4\xb1" "c\xc4"
        "\xb1 sunucunun kulland\xc4\xb1\xc4\x9f\xc4\xb1 bir kara listede yer "
        "al\xc4\xb1yor.",
        "al\xc4\xb1" "c\xc4\xb1 sunucu, postan\xc4\xb1z\xc4\xb1n geldi\xc4\x9fi "
        "sunucuyu engelliyor",
        } } },
  { "550 5.7.606 Access denied, banned sending IP [203.0.113.9].\r\n",
    "sender-blocked",
    { { "Mottagarens e-postleverant\xc3\xb6r tar inte emot e-post fr\xc3\xa5n "
        "IP-adressen till servern som skickade meddelandet.",
        "den mottagande servern blockerar servern som din e-post kom "
        "fr\xc3\xa5n",
        },
      { "Al\xc4\xb1" "c\xc4\xb1n\xc4\xb1n e-posta sa\xc4\x9flay\xc4\xb1" "c\xc4"
        "\xb1s\xc4\xb1, mesaj\xc4\xb1 g\xc3\xb6nderen sunucunun IP adresinden "
        "gelen postalar\xc4\xb1 kabul etmiyor.",
        "al\xc4\xb1" "c\xc4\xb1 sunucu, postan\xc4\xb1z\xc4\xb1n geldi\xc4\x9fi "
        "sunucuyu engelliyor",
        } } },
};

static const char *const locales[2] = { "sv_SE.UTF-8", "tr_TR.UTF-8" };

static locale_t
open_locale (const char *name)
{
  locale_t loc = newlocale (LC_ALL_MASK, name, (locale_t) 0);
  if (loc == (locale_t) 0)
    tap_bail_out ("a test locale is missing: is LOCPATH set?");
  return loc;
}

int
main (void)
{
  tap_need_test_locales ();
  locale_t c = open_locale ("C");
  for (size_t l = 0; l < 2; l++)
    {
      locale_t loc = open_locale (locales[l]);
      for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
        {
          const struct sample *s = &samples[i];
          struct smtp_reply reply;
          if (smtp_reply_parse (s->wire, strlen (s->wire), &reply)
              != SMTP_REPLY_OK)
            tap_bail_out ("a sample does not parse");
          struct smtp_diagnosis d;
          smtp_reply_diagnose (s->wire, &reply, &d);
          tap_is_str (smtp_reason_name (d.reason), s->reason,
                      "sample %zu: reason", i);
#if ENABLE_NLS
          const char *explanation = s->text[l][0];
          const char *description = s->text[l][1];
#else
          const char *explanation = smtp_diagnosis_explanation_l (&d, c);
          const char *description = smtp_reason_description_l (d.reason, c);
#endif
          tap_is_str (smtp_diagnosis_explanation_l (&d, loc), explanation,
                      "sample %zu: explanation in %s", i, locales[l]);
          tap_is_str (smtp_reason_description_l (d.reason, loc), description,
                      "sample %zu: reason in %s", i, locales[l]);
          /* The thread's own locale gives the same as the object.  */
          locale_t old = uselocale (loc);
          tap_is_str (smtp_diagnosis_explanation (&d), explanation,
                      "sample %zu: explanation under uselocale %s", i,
                      locales[l]);
          char sentence[1024], again[1024];
          smtp_diagnosis_sentence (sentence, sizeof sentence, SMTP_STEP_RCPT,
                                   "bob@example.org", &d);
          uselocale (old);
          smtp_diagnosis_sentence_l (again, sizeof again, SMTP_STEP_RCPT,
                                     "bob@example.org", &d, loc);
          tap_is_str (again, sentence, "sample %zu: the sentence in %s, both "
                      "ways", i, locales[l]);
          tap_ok (strstr (sentence, "bob@example.org") != NULL
                  && strstr (sentence, explanation) != NULL,
                  "sample %zu: the sentence in %s names the recipient and "
                  "holds the explanation", i, locales[l]);
        }
      freelocale (loc);
    }
  freelocale (c);
  return tap_done ();
}
