/* test-locales.c: descriptions in Swedish and Turkish, in UTF-8 and in
   the 8-bit charsets, through the global locale, through locale objects
   and from several threads at once.
   SPDX-License-Identifier: LGPL-2.1-or-later

   The wanted texts are written out by hand from the two source tables
   (../shared/seeds), not taken from the catalogs, so a catalog that
   drifts from its source fails here; those of 455, 521, 555 and 556,
   which the tables lack, are the project's own translations, written out
   by hand as well.  The locales come from LOCPATH (the
   test suite makes them with localedef) and the catalogs from
   SMTPSTATUS_LOCALEDIR.  In a build without NLS every text is English.  */

#include <config.h>

#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if ENABLE_NLS
# include <libintl.h>
#endif

#include "smtpstatus.h"
#include "tap.h"

struct sample
{
  const char *locale;
  int code;
  const char *text;
};

static const struct sample samples[] =
{
  { "sv_SE.UTF-8", 550, "Den definierar vanligtvis en icke-existerande "
    "e-postadress på fjärrsidan." },
  /* The source begins this one with a Cyrillic Es; the catalog fixes it.  */
  { "sv_SE.UTF-8", 503, "Kommandot är inte tillåtet under en "
    "posttransaktion" },
  { "sv_SE.UTF-8", 551, "\"Användaren är inte lokal eller ogiltig adress "
    "– Relä nekad\". Det betyder att om både din adress och mottagarens "
    "inte är lokalt värd för servern, kan ett relä avbrytas." },
  { "sv_SE.UTF-8", -1, "Allmänt fel" },
  { "sv_SE.UTF-8", 0, "Ej definierad" },
  { "sv_SE.UTF-8", 299, "Okänt svar om lyckad åtgärd." },
  { "sv_SE.UTF-8", 777, "Okänd SMTP-statuskod." },
  /* The codes of RFC 5321 and RFC 7504 the source tables lack.  */
  { "sv_SE.UTF-8", 455, "Servern förstod de alternativ som angavs med "
    "avsändarens eller mottagarens adress, men kan inte hantera dem just "
    "nu. Det är ett tillfälligt problem: ett nytt försök att skicka "
    "meddelandet senare kan lyckas." },
  { "sv_SE.UTF-8", 521, "Den mottagande servern tar inte emot e-post alls, "
    "så meddelandet kan inte levereras till den. Kontrollera att "
    "mottagarens adress är rätt." },
  { "sv_SE.UTF-8", 555, "Servern känner inte igen eller stöder inte de "
    "alternativ som angavs med avsändarens eller mottagarens adress, så "
    "meddelandet togs inte emot. Att skicka det igen oförändrat hjälper "
    "inte." },
  { "sv_SE.UTF-8", 556, "Mottagarens domän tar inte emot e-post alls, så "
    "meddelandet kan inte levereras. Kontrollera att mottagarens adress är "
    "rätt." },
  { "tr_TR.UTF-8", 550, "Genellikle uzak tarafta var olmayan bir e-posta "
    "adresini tanımlar." },
  { "tr_TR.UTF-8", 554, "Bu, işlemin başarısız olduğu anlamına gelir. Bu "
    "kalıcı bir hatadır ve sunucu mesajı tekrar göndermeyi "
    "denemeyecektir." },
  { "tr_TR.UTF-8", 552, "\"İstenen posta işlemleri iptal edildi – Depolama "
    "alanı tahsisi aşıldı\": Basitçe söylemek gerekirse, alıcının posta "
    "kutusu sınırlarını aştı." },
  { "tr_TR.UTF-8", -1, "Genel hata" },
  { "tr_TR.UTF-8", 499, "Bilinmeyen geçici hata." },
  { "tr_TR.UTF-8", -5, "Bilinmeyen SMTP durum kodu." },
  { "tr_TR.UTF-8", 455, "Sunucu, gönderen veya alıcı adresiyle birlikte "
    "verilen seçenekleri anladı, ancak şu anda bunları işleyemiyor. Bu "
    "geçici bir sorundur: mesajı daha sonra yeniden göndermek işe "
    "yarayabilir." },
  { "tr_TR.UTF-8", 521, "Alıcı sunucu hiç posta kabul etmiyor, bu yüzden "
    "mesaj ona teslim edilemez. Alıcının adresinin doğru olup olmadığını "
    "denetleyin." },
  { "tr_TR.UTF-8", 555, "Sunucu, gönderen veya alıcı adresiyle birlikte "
    "verilen seçenekleri tanımıyor veya desteklemiyor, bu yüzden mesaj "
    "kabul edilmedi. Mesajı değiştirmeden yeniden göndermek işe yaramaz." },
  { "tr_TR.UTF-8", 556, "Alıcının alan adı hiç posta kabul etmiyor, bu "
    "yüzden mesaj teslim edilemez. Alıcının adresinin doğru olup "
    "olmadığını denetleyin." },
  /* Latin-1 bytes; the en dash, which Latin-1 lacks, becomes '-'.  */
  { "sv_SE.ISO-8859-1", 550, "Den definierar vanligtvis en "
    "icke-existerande e-postadress p\xe5 fj\xe4rrsidan." },
  { "sv_SE.ISO-8859-1", 551, "\"Anv\xe4ndaren \xe4r inte lokal eller "
    "ogiltig adress - Rel\xe4 nekad\". Det betyder att om b\xe5" "de din "
    "adress och mottagarens inte \xe4r lokalt v\xe4rd f\xf6r servern, kan "
    "ett rel\xe4 avbrytas." },
  { "sv_SE.ISO-8859-1", 556, "Mottagarens dom\xe4n tar inte emot e-post "
    "alls, s\xe5 meddelandet kan inte levereras. Kontrollera att "
    "mottagarens adress \xe4r r\xe4tt." },
  /* Plain sv_SE is Latin-1 too.  */
  { "sv_SE", 550, "Den definierar vanligtvis en icke-existerande "
    "e-postadress p\xe5 fj\xe4rrsidan." },
  { "sv_SE", 552, "\"Beg\xe4rda e-post\xe5tg\xe4rder avbrutna - "
    "\xd6verskriden lagringstilldelning\": enkelt uttryckt, mottagarens "
    "brevl\xe5" "da har \xf6verskridit sina gr\xe4nser." },
  /* Latin-5 bytes.  glibc's tr_TR cannot transliterate the en dash of
     551 to 553, so for those gettext answers in English, as documented
     (smtpstatus(3)).  */
  { "tr_TR.ISO-8859-9", 550, "Genellikle uzak tarafta var olmayan bir "
    "e-posta adresini tan\xfdmlar." },
  { "tr_TR.ISO-8859-9", 556, "Al\xfd" "c\xfdn\xfdn alan ad\xfd hi\xe7 "
    "posta kabul etmiyor, bu y\xfczden mesaj teslim edilemez. Al\xfd" "c"
    "\xfdn\xfdn adresinin do\xf0ru olup olmad\xfd\xf0\xfdn\xfd "
    "denetleyin." },
  { "tr_TR.ISO-8859-9", 553, "Requested action not taken; the mailbox name "
    "is invalid. In other words, an address on the recipient line is "
    "wrong." },
  { "tr_TR.ISO-8859-9", 551, "User not local or invalid address; relaying "
    "denied. When neither your address nor the recipient's is hosted by "
    "this server, it may refuse to relay the message." },
};

static locale_t c_locale;

static const struct sample *
sample (const char *locale, int code)
{
  for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
    if (samples[i].code == code && strcmp (samples[i].locale, locale) == 0)
      return &samples[i];
  tap_bail_out ("the test asks for a sample it does not have");
}

/* What the sample must read as in this build.  */
static const char *
wanted (const struct sample *s)
{
#if ENABLE_NLS
  return s->text;
#else
  return smtp_status_description_l (s->code, c_locale);
#endif
}

static locale_t
open_locale (const char *name)
{
  locale_t loc = newlocale (LC_ALL_MASK, name, (locale_t) 0);
  if (loc == (locale_t) 0)
    {
      printf ("# newlocale (%s) failed\n", name);
      tap_bail_out ("a test locale is missing: is LOCPATH set?");
    }
  return loc;
}

static void
test_samples_global (void)
{
  for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
    {
      const struct sample *s = &samples[i];
      if (setlocale (LC_ALL, s->locale) == NULL)
        tap_bail_out ("a test locale is missing: is LOCPATH set?");
      tap_is_str (smtp_status_description (s->code), wanted (s),
                  "%d under setlocale %s", s->code, s->locale);
    }
  setlocale (LC_ALL, "C");
}

static void
test_samples_l (void)
{
  for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
    {
      const struct sample *s = &samples[i];
      locale_t loc = open_locale (s->locale);
      tap_is_str (smtp_status_description_l (s->code, loc), wanted (s),
                  "%d for a %s locale object", s->code, s->locale);
      freelocale (loc);
    }
  tap_ok (uselocale ((locale_t) 0) == LC_GLOBAL_LOCALE,
          "the thread is back on the global locale");
  tap_is_str (setlocale (LC_ALL, NULL), "C", "the global locale is still C");
}

/* The English text for every code, whatever the charset, in C and C.UTF-8
   alike, through both functions.  */
static void
test_english_locales (void)
{
  locale_t c_utf8 = open_locale ("C.UTF-8");
  bool same = true;
  for (size_t i = 0; i < smtp_status_count (); i++)
    {
      int code;
      smtp_status_code_at (i, &code);
      const char *english = smtp_status_description (code);
      same = same && strcmp (smtp_status_description_l (code, c_utf8),
                             english) == 0;
      same = same && strcmp (smtp_status_description_l (code, c_locale),
                             english) == 0;
    }
  tap_ok (same, "C and C.UTF-8 give the same English texts");
  setlocale (LC_ALL, "C.UTF-8");
  tap_is_str (smtp_status_description (550), "Mailbox unavailable: usually "
              "the e-mail address does not exist at the remote end.",
              "550 under setlocale C.UTF-8");
  setlocale (LC_ALL, "C");
  freelocale (c_utf8);
}

/* glibc remembers translations without regard to LANGUAGE; a program that
   changes it while running must say so, the way the gettext manual
   prescribes.  */
static void
set_language (const char *value)
{
  if (value != NULL)
    setenv ("LANGUAGE", value, 1);
  else
    unsetenv ("LANGUAGE");
#if ENABLE_NLS
  extern int _nl_msg_cat_cntr;
  ++_nl_msg_cat_cntr;
#endif
}

/* LANGUAGE outranks LC_MESSAGES, except in the C locale, as gettext has
   it.  */
static void
test_language_variable (void)
{
  locale_t sv = open_locale ("sv_SE.UTF-8");
  set_language ("tr");
  tap_is_str (smtp_status_description_l (550, sv),
              wanted (sample ("tr_TR.UTF-8", 550)),
              "LANGUAGE=tr wins over an sv_SE locale");
  tap_is_str (smtp_status_description (550), "Mailbox unavailable: usually "
              "the e-mail address does not exist at the remote end.",
              "LANGUAGE=tr is ignored in the C locale");
  set_language ("qaa");
  tap_is_str (smtp_status_description_l (-1, sv), "General failure.",
              "LANGUAGE=qaa, a language with no catalog (ISO 639 reserves it), gives English");
  set_language (NULL);
  tap_is_str (smtp_status_description_l (550, sv),
              wanted (sample ("sv_SE.UTF-8", 550)),
              "with LANGUAGE unset again, sv_SE gives Swedish");
  freelocale (sv);
}

static void
test_text_domain_untouched (void)
{
#if ENABLE_NLS
  tap_is_str (textdomain (NULL), "messages",
              "the program's text domain is still the default");
#else
  tap_ok (true, "no text domain to disturb in a build without NLS");
#endif
}

struct worker
{
  const char *locale;
  const struct sample *first;   /* two samples for LOCALE */
  const struct sample *second;
  int iterations;
  int mismatches;
};

static void *
work (void *arg)
{
  struct worker *w = arg;
  locale_t loc = open_locale (w->locale);
  for (int i = 0; i < w->iterations; i++)
    {
      const struct sample *s = i % 2 ? w->second : w->first;
      if (strcmp (smtp_status_description_l (s->code, loc), wanted (s)) != 0)
        {
          if (w->mismatches++ == 0)
            tap_is_str (smtp_status_description_l (s->code, loc), wanted (s),
                        "first mismatch in a %s thread", w->locale);
        }
    }
  freelocale (loc);
  return NULL;
}

/* Threads that each use their own locale through the _l function must
   not see each other's language or charset.  */
static void
test_threads (void)
{
  static const struct sample english[] =
  {
    { "C", 550, "Mailbox unavailable: usually the e-mail address does not "
      "exist at the remote end." },
    { "C", -1, "General failure." },
  };
  struct worker workers[] =
  {
    { "sv_SE.UTF-8", sample ("sv_SE.UTF-8", 550),
      sample ("sv_SE.UTF-8", 551), 20000, 0 },
    { "tr_TR.UTF-8", sample ("tr_TR.UTF-8", 550),
      sample ("tr_TR.UTF-8", 552), 20000, 0 },
    { "sv_SE.ISO-8859-1", sample ("sv_SE.ISO-8859-1", 550),
      sample ("sv_SE.ISO-8859-1", 551), 20000, 0 },
    { "tr_TR.ISO-8859-9", sample ("tr_TR.ISO-8859-9", 553),
      sample ("tr_TR.ISO-8859-9", 551), 20000, 0 },
    { "C", &english[0], &english[1], 20000, 0 },
  };
  enum { WORKERS = sizeof workers / sizeof workers[0] };
  pthread_t threads[WORKERS];
  for (int i = 0; i < WORKERS; i++)
    if (pthread_create (&threads[i], NULL, work, &workers[i]) != 0)
      tap_bail_out ("pthread_create failed");
  for (int i = 0; i < WORKERS; i++)
    pthread_join (threads[i], NULL);
  for (int i = 0; i < WORKERS; i++)
    tap_is_int (workers[i].mismatches, 0, "%d lookups in a %s thread",
                workers[i].iterations, workers[i].locale);
  tap_is_str (setlocale (LC_ALL, NULL), "C",
              "the threads left the global locale alone");
}

int
main (void)
{
  tap_need_test_locales ();
  c_locale = open_locale ("C");
  test_samples_global ();
  test_samples_l ();
  test_english_locales ();
  test_language_variable ();
  test_text_domain_untouched ();
  test_threads ();
  freelocale (c_locale);
  return tap_done ();
}
