/* test-cold-start.c: 64 threads whose first lookups race, each in a
   process of its own that has not used the library or gettext before.
   SPDX-License-Identifier: LGPL-2.1-or-later

   tests/test-threads.c takes its wanted texts before it starts a thread,
   so by the time its threads run the domain is bound and glibc has
   loaded and converted the catalogs: it can only see a warm library.
   Outside testers found that the first lookups of threads that start at
   once can come back wrong (English instead of Swedish), a few runs in a
   hundred, so here every run is a fresh process, its threads take their
   locales, wait at a barrier so that their first calls into the library
   meet, and then hand every text they got back to this process.

   The wanted texts come from other processes, one per locale, each with
   a single thread: a wanted text taken in the racing process could be
   wrong in the same way as the texts it is compared with.  Hand-written
   samples show that those wanted texts are real translations, so the
   test cannot pass by every text being English.

   Fresh processes are forked from this one, which never calls the
   library or gettext nor loads a locale before its last child is done:
   a fork of it starts as cold as an exec would, costs far less, and
   stays under valgrind or a sanitizer when the test runs under one.

   Each process keeps to the locales of one charset (C needs no catalog,
   so it goes with any): first lookups in two charsets at once can crash
   glibc's gettext itself, whatever program calls it (see the comment at
   MIXES).  That is glibc's to fix, so no run here mixes, say,
   sv_SE.UTF-8 with sv_SE.ISO-8859-1.

   SMTPSTATUS_COLD_RUNS overrides the 200 runs of each locale mix, for
   slow runs under valgrind or a sanitizer.  */

#include <config.h>

#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "smtpstatus.h"
#include "tap.h"

#if ENABLE_NLS
# define TRANSLATED(text, english) (text)
#else
# define TRANSLATED(text, english) (english)
#endif

enum
{
  THREADS = 64,
  DEFAULT_RUNS = 200,
  /* Generous, for valgrind: a run takes milliseconds natively.  A hung
     run (a deadlock at first use) is killed and reported as SIGALRM.  */
  RUN_SECONDS = 300,
  /* The exit statuses of a child that could not do its part.  */
  NO_LOCALE = 2, NO_THREAD = 3, WRITE_FAILED = 4
};

/* What each thread looks up: basic codes, 552 with the en dash that
   Latin-1 lacks, 599 which only its class describes, enhanced codes, and
   the explanation and advice of diagnosed replies.  */
struct lookup
{
  const char *label;
  int code;                     /* when status_class and reply are 0 */
  int status_class, subject, detail;
  const char *reply;            /* a reply to diagnose, or NULL */
  bool advice;                  /* its reason's advice, not explanation */
};

static const struct lookup lookups[] =
{
  { "550", 550, 0, 0, 0, NULL, false }, { "221", 221, 0, 0, 0, NULL, false },
  { "454", 454, 0, 0, 0, NULL, false }, { "552", 552, 0, 0, 0, NULL, false },
  { "599", 599, 0, 0, 0, NULL, false },
  { "5.1.1", 0, 5, 1, 1, NULL, false }, { "4.2.2", 0, 4, 2, 2, NULL, false },
  { "5.7.1", 0, 5, 7, 1, NULL, false },
  { "a banned IP, explained", 0, 0, 0, 0,
    "550 5.7.606 Access denied, banned sending IP [203.0.113.9]\r\n", false },
  { "greylisting, advice", 0, 0, 0, 0,
    "450 4.2.0 Recipient address rejected: Greylisted\r\n", true },
};
enum { KINDS = sizeof lookups / sizeof lookups[0] };

struct mix
{
  const char *name;
  const char *const *locales;
  size_t count;
};

/* Thread T takes locale T % count, through the _l functions when
   (T / count) is odd and through uselocale otherwise, so that every
   locale of a mix is raced both ways.

   One charset per mix, because of a bug in glibc (2.36 here, and the
   same code in gettext's libintl): for each catalog, _nl_find_msg in
   intl/dcigettext.c keeps an array of conversion tables, one per output
   charset, and goes on using a pointer into it after it has released
   the lock that guards it.  The first lookup in another charset grows
   the array with realloc, under that pointer, and the thread that holds
   it calls __gconv with a freed converter: SIGSEGV.  A program that uses
   nothing but bindtextdomain, newlocale, uselocale and dgettext, with 64
   threads in sv_SE.UTF-8 and sv_SE.ISO-8859-1 whose first lookups meet,
   crashes in about 4 runs in 100.  No report of it upstream was found
   when this was written.

   tests/locales also has tr_TR.ISO-8859-9, left out for the same reason:
   a translation glibc cannot convert into Latin-5 (the en dash of 551 to
   553) the library fetches again in UTF-8 from the same catalog
   (src/recode.c), which makes two charsets at once too.  */
static const char *const utf8_locales[] =
{ "sv_SE.UTF-8", "tr_TR.UTF-8", "C.UTF-8", "C" };
static const char *const latin1_locales[] =
{ "sv_SE.ISO-8859-1", "C" };
static const struct mix MIXES[] =
{
  { "UTF-8 mix", utf8_locales, sizeof utf8_locales / sizeof *utf8_locales },
  { "Latin-1 mix", latin1_locales,
    sizeof latin1_locales / sizeof *latin1_locales },
};
enum { MIX_COUNT = sizeof MIXES / sizeof MIXES[0], MAX_LOCALES = 8 };

/* The explanation or advice of diagnosing L's reply, in LOC, or in
   the thread's locale where LOC is 0.  */
static const char *
look_up_diagnosis (const struct lookup *l, locale_t loc)
{
  struct smtp_reply reply;
  if (smtp_reply_parse (l->reply, strlen (l->reply), &reply) != SMTP_REPLY_OK)
    return NULL;
  struct smtp_diagnosis d;
  smtp_reply_diagnose (l->reply, &reply, &d);
  if (l->advice)
    return loc == (locale_t) 0 ? smtp_reason_advice (d.reason)
           : smtp_reason_advice_l (d.reason, loc);
  return loc == (locale_t) 0 ? smtp_diagnosis_explanation (&d)
         : smtp_diagnosis_explanation_l (&d, loc);
}

static const char *
look_up (size_t kind, locale_t loc)
{
  const struct lookup *l = &lookups[kind];
  if (l->reply != NULL)
    return look_up_diagnosis (l, loc);
  if (l->status_class == 0)
    return loc == (locale_t) 0 ? smtp_status_description (l->code)
           : smtp_status_description_l (l->code, loc);
  return loc == (locale_t) 0
         ? smtp_enhanced_description (l->status_class, l->subject, l->detail)
         : smtp_enhanced_description_l (l->status_class, l->subject,
                                        l->detail, loc);
}

/* The processes.  Each writes its texts, NUL-terminated, down the pipe
   OUT.  */

/* Writes TEXT with its NUL; a missing text goes as an empty one, which
   no lookup returns, so that it cannot pass for a right one.  */
static void
put_text (FILE *out, const char *text)
{
  if (text == NULL)
    text = "";
  fwrite (text, 1, strlen (text) + 1, out);
}

/* Leaves the child: exit, not _exit, so that valgrind's or a sanitizer's
   verdict at exit shows in its status.  Nothing of the parent's stdio is
   pending then: start_child flushes it before it forks.  */
static _Noreturn void
finish (FILE *out, int status)
{
  if (fclose (out) != 0 && status == EXIT_SUCCESS)
    status = WRITE_FAILED;
  exit (status);
}

/* One locale, one thread: every text through the _l functions, then
   every text again through uselocale.  */
static void
expect_body (FILE *out, const void *arg)
{
  const char *name = arg;
  locale_t loc = newlocale (LC_ALL_MASK, name, (locale_t) 0);
  if (loc == (locale_t) 0)
    finish (out, NO_LOCALE);
  const char *through_l[KINDS], *through_uselocale[KINDS];
  for (size_t k = 0; k < KINDS; k++)
    through_l[k] = look_up (k, loc);
  uselocale (loc);
  for (size_t k = 0; k < KINDS; k++)
    through_uselocale[k] = look_up (k, (locale_t) 0);
  for (size_t k = 0; k < KINDS; k++)
    put_text (out, through_l[k]);
  for (size_t k = 0; k < KINDS; k++)
    put_text (out, through_uselocale[k]);
  /* Freed for a leak checker's sake; the texts are the library's, not
     the locale object's.  */
  uselocale (LC_GLOBAL_LOCALE);
  freelocale (loc);
  finish (out, EXIT_SUCCESS);
}

struct racer
{
  pthread_t thread;
  const char *locale;
  bool through_l;
  /* The thread's own name for its LC_MESSAGES, or "".  */
  char messages[48];
  bool no_locale;
  const char *texts[KINDS];
};

static pthread_barrier_t start;

static void *
race (void *arg)
{
  struct racer *r = arg;
  /* Taken before the barrier: what races is the library's first use,
     not the loading of locales.  */
  locale_t loc = newlocale (LC_ALL_MASK, r->locale, (locale_t) 0);
  if (loc != (locale_t) 0 && r->messages[0] != '\0')
    {
      /* A C library that refuses the modifier leaves LOC as it was; the
         thread then races under the locale's own name, which is still a
         test, if a weaker one.  */
      locale_t named = newlocale (LC_MESSAGES_MASK, r->messages, loc);
      if (named != (locale_t) 0)
        loc = named;
    }
  r->no_locale = loc == (locale_t) 0;
  if (!r->no_locale && !r->through_l)
    uselocale (loc);
  /* Every thread waits, even one without its locale, or the rest would
     wait for ever.  */
  pthread_barrier_wait (&start);
  if (r->no_locale)
    return NULL;
  for (size_t k = 0; k < KINDS; k++)
    r->texts[k] = look_up (k, r->through_l ? loc : (locale_t) 0);
  if (!r->through_l)
    uselocale (LC_GLOBAL_LOCALE);
  freelocale (loc);
  return NULL;
}

/* The threads of a translated locale come in pairs, one through
   uselocale and one through the _l functions, and all but the first pair
   take its LC_MESSAGES under a name of the pair's own, "sv_SE.UTF-8@u3"
   (glibc falls back from the modifier to the locale, gettext from the
   name to the catalog), as the threads of a server whose users have
   many locales would.  gettext has to search for the catalog of each
   such name afresh, so many first lookups are still under way when the
   domain gets bound, which is when the library goes wrong; and as two
   threads share each name, glibc's cache of translations, which it keeps
   by name, hands texts from one thread to the other, which showed the
   library's other way of going wrong, a Latin-1 text taken for UTF-8
   and garbled.  On a 2-CPU machine with plain names only, 1 run in 250
   had a wrong text; with these, 1 in 20.  */
static void
racer_setup (struct racer *r, const struct mix *mix, size_t t)
{
  r->locale = mix->locales[t % mix->count];
  r->through_l = (t / mix->count) % 2 == 1;
  r->messages[0] = '\0';
  size_t pair = t / (2 * mix->count);
  if (pair > 0 && strcmp (r->locale, "C") != 0
      && strcmp (r->locale, "C.UTF-8") != 0)
    snprintf (r->messages, sizeof r->messages, "%s@u%zu", r->locale, pair);
}

static void
race_body (FILE *out, const void *arg)
{
  const struct mix *mix = arg;
  static struct racer racers[THREADS];
  alarm (RUN_SECONDS);
  if (pthread_barrier_init (&start, NULL, THREADS) != 0)
    finish (out, NO_THREAD);
  /* glibc's default of 8 MiB a stack made thread creation, and so the
     test, take twice as long; 512 KiB leaves room for a sanitizer.  */
  pthread_attr_t attr;
  if (pthread_attr_init (&attr) != 0
      || pthread_attr_setstacksize (&attr, 512 * 1024) != 0)
    finish (out, NO_THREAD);
  for (size_t t = 0; t < THREADS; t++)
    {
      racer_setup (&racers[t], mix, t);
      if (pthread_create (&racers[t].thread, &attr, race, &racers[t]) != 0)
        finish (out, NO_THREAD);
    }
  bool locales = true;
  for (size_t t = 0; t < THREADS; t++)
    {
      pthread_join (racers[t].thread, NULL);
      locales = locales && !racers[t].no_locale;
    }
  for (size_t t = 0; t < THREADS; t++)
    for (size_t k = 0; k < KINDS; k++)
      put_text (out, racers[t].texts[k]);
  finish (out, locales ? EXIT_SUCCESS : NO_LOCALE);
}

/* What a child wrote and how it ended.  */
struct outcome
{
  char *data;
  size_t size;
  int status;                   /* as waitpid gives it */
};

struct child
{
  pid_t pid;
  int fd;                       /* the end of its pipe that we read */
};

static struct child
start_child (void (*body) (FILE *, const void *), const void *arg)
{
  int fds[2];
  if (pipe (fds) != 0)
    tap_bail_out ("pipe failed");
  fflush (stdout);
  pid_t pid = fork ();
  if (pid < 0)
    tap_bail_out ("fork failed");
  if (pid == 0)
    {
      close (fds[0]);
      FILE *out = fdopen (fds[1], "w");
      if (out == NULL)
        exit (WRITE_FAILED);
      body (out, arg);
      exit (EXIT_FAILURE);      /* the bodies do not return */
    }
  close (fds[1]);
  return (struct child) { pid, fds[0] };
}

static void
finish_child (struct child child, struct outcome *out)
{
  size_t room = 1 << 16;
  out->data = malloc (room);
  out->size = 0;
  for (;;)
    {
      if (out->data == NULL)
        tap_bail_out ("out of memory");
      if (out->size == room)
        out->data = realloc (out->data, room *= 2);
      else
        {
          ssize_t n = read (child.fd, out->data + out->size,
                            room - out->size);
          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            tap_bail_out ("read from a child failed");
          if (n == 0)
            break;
          out->size += (size_t) n;
        }
    }
  close (child.fd);
  while (waitpid (child.pid, &out->status, 0) < 0)
    if (errno != EINTR)
      tap_bail_out ("waitpid failed");
}

/* The next of the NUL-terminated texts at *P, which end at END, or NULL
   if there is none.  */
static const char *
next_text (const char **p, const char *end)
{
  const char *text = *p;
  const char *nul = text < end ? memchr (text, '\0', (size_t) (end - text))
                    : NULL;
  if (nul == NULL)
    return NULL;
  *p = nul + 1;
  return text;
}

/* strsignal would call gettext in this process, which must stay cold
   until its last child has been forked.  */
static const char *
signal_name (int sig)
{
  static char other[32];
  switch (sig)
    {
    case SIGSEGV: return "SIGSEGV";
    case SIGABRT: return "SIGABRT";
    case SIGBUS: return "SIGBUS";
    case SIGILL: return "SIGILL";
    case SIGFPE: return "SIGFPE";
    case SIGALRM: return "SIGALRM (the run hung)";
    case SIGKILL: return "SIGKILL";
    default:
      snprintf (other, sizeof other, "signal %d", sig);
      return other;
    }
}

/* The wanted texts, per locale.  */
struct expectation
{
  const char *locale;
  struct outcome outcome;
  const char *texts[KINDS];
};

static struct expectation expectations[MAX_LOCALES];
static size_t expectation_count;

static const struct expectation *
expectation_of (const char *locale)
{
  for (size_t i = 0; i < expectation_count; i++)
    if (strcmp (expectations[i].locale, locale) == 0)
      return &expectations[i];
  return NULL;
}

/* Takes the wanted texts of every locale of every mix, each in a process
   of its own.  Prints nothing, so that a missing locale can still make
   the whole test a skip; returns the locale that is missing, if any.  */
static const char *
take_expectations (void)
{
  for (size_t m = 0; m < MIX_COUNT; m++)
    for (size_t i = 0; i < MIXES[m].count; i++)
      {
        const char *locale = MIXES[m].locales[i];
        if (expectation_of (locale) != NULL)
          continue;
        if (expectation_count == MAX_LOCALES)
          tap_bail_out ("MAX_LOCALES is too small");
        struct expectation *e = &expectations[expectation_count++];
        e->locale = locale;
        finish_child (start_child (expect_body, locale), &e->outcome);
        if (WIFEXITED (e->outcome.status)
            && WEXITSTATUS (e->outcome.status) == NO_LOCALE)
          return locale;
      }
  return NULL;
}

static void
check_expectations (void)
{
  for (size_t i = 0; i < expectation_count; i++)
    {
      struct expectation *e = &expectations[i];
      const char *p = e->outcome.data, *end = p + e->outcome.size;
      const char *through_uselocale[KINDS];
      size_t got = 0;
      for (size_t k = 0; k < KINDS; k++)
        if ((e->texts[k] = next_text (&p, end)) != NULL)
          got++;
      for (size_t k = 0; k < KINDS; k++)
        if ((through_uselocale[k] = next_text (&p, end)) != NULL)
          got++;
      if (!tap_ok (WIFEXITED (e->outcome.status)
                   && WEXITSTATUS (e->outcome.status) == 0
                   && got == 2 * KINDS && p == end,
                   "the process that takes the wanted texts of %s",
                   e->locale))
        {
          if (WIFSIGNALED (e->outcome.status))
            printf ("#   killed by %s\n",
                    signal_name (WTERMSIG (e->outcome.status)));
          else
            printf ("#   exit status %d, %zu texts of %d\n",
                    WEXITSTATUS (e->outcome.status), got, 2 * KINDS);
          tap_bail_out ("no wanted texts to compare with");
        }
      size_t differ = 0;
      for (size_t k = 0; k < KINDS; k++)
        if (strcmp (e->texts[k], through_uselocale[k]) != 0)
          differ++;
      tap_is_int ((long) differ, 0, "in %s, the _l functions and uselocale "
                  "give the same texts", e->locale);
    }
}

static size_t
kind_of (const char *label)
{
  size_t k = 0;
  while (strcmp (lookups[k].label, label) != 0)
    k++;
  return k;
}

/* Hand-written texts: the wanted texts are translations where they should
   be, and English elsewhere.  */
static void
check_known_answers (void)
{
  static const char english_550[] = "Mailbox unavailable: usually the "
    "e-mail address does not exist at the remote end.";
  tap_is_str (expectation_of ("sv_SE.UTF-8")->texts[kind_of ("550")],
              TRANSLATED ("Den definierar vanligtvis en icke-existerande "
                          "e-postadress på fjärrsidan.", english_550),
              "the wanted text of 550 in sv_SE.UTF-8");
  tap_is_str (expectation_of ("tr_TR.UTF-8")->texts[kind_of ("5.1.1")],
              TRANSLATED ("Alıcının posta kutusu mevcut değil.",
                          "The recipient's mailbox does not exist."),
              "the wanted text of 5.1.1 in tr_TR.UTF-8");
  tap_is_str (expectation_of ("sv_SE.ISO-8859-1")->texts[kind_of ("4.2.2")],
              TRANSLATED ("Mottagarens brevl\xe5" "da \xe4r full.",
                          "The recipient's mailbox is full."),
              "the wanted text of 4.2.2 in sv_SE.ISO-8859-1");
  tap_is_str (expectation_of ("C")->texts[kind_of ("550")], english_550,
              "the wanted text of 550 in C");
  tap_is_str (expectation_of ("C.UTF-8")->texts[kind_of ("550")],
              english_550, "the wanted text of 550 in C.UTF-8");

  /* A lookup that fell back to English would pass unnoticed if the
     wanted text were English too.  */
  const struct expectation *c = expectation_of ("C");
  for (size_t i = 0; i < expectation_count; i++)
    {
      const struct expectation *e = &expectations[i];
      if (strcmp (e->locale, "C") == 0 || strcmp (e->locale, "C.UTF-8") == 0)
        continue;
      size_t english = 0;
      for (size_t k = 0; k < KINDS; k++)
        if (strcmp (e->texts[k], c->texts[k]) == 0)
          english++;
      tap_is_int ((long) english, TRANSLATED (0, KINDS),
                  "wanted texts of %s that are the English ones", e->locale);
    }
}

static double
seconds_since (const struct timespec *t0)
{
  struct timespec t1;
  clock_gettime (CLOCK_MONOTONIC, &t1);
  return (double) (t1.tv_sec - t0->tv_sec)
         + (double) (t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Wrong texts per locale, way (uselocale or _l) and naming (the
   locale's name or one of the thread's own), for the diagnostics.  */
struct tally
{
  long wrong[MAX_LOCALES][2][2];
  long english[MAX_LOCALES][2][2];
};

static void
run_mix (const struct mix *mix, long runs)
{
  struct racer plan[THREADS];
  const struct expectation *wanted[THREADS];
  const struct expectation *c = expectation_of ("C");
  for (size_t t = 0; t < THREADS; t++)
    {
      racer_setup (&plan[t], mix, t);
      wanted[t] = expectation_of (plan[t].locale);
    }

  long failed_runs = 0, wrong = 0, runs_with_wrong = 0;
  bool shown_failure = false, shown_wrong = false;
  char failure[160] = "", where[200] = "";
  char *first_got = NULL;
  const char *first_wanted = NULL;
  static struct tally tally;
  memset (&tally, 0, sizeof tally);
  struct timespec t0;
  clock_gettime (CLOCK_MONOTONIC, &t0);
  for (long run = 0; run < runs; run++)
    {
      struct outcome out;
      finish_child (start_child (race_body, mix), &out);
      const char *p = out.data, *end = p + out.size;
      if (!WIFEXITED (out.status) || WEXITSTATUS (out.status) != 0)
        {
          failed_runs++;
          if (!shown_failure)
            {
              if (WIFSIGNALED (out.status))
                snprintf (failure, sizeof failure, "run %ld killed by %s",
                          run + 1, signal_name (WTERMSIG (out.status)));
              else
                snprintf (failure, sizeof failure,
                          "run %ld ended with exit status %d", run + 1,
                          WEXITSTATUS (out.status));
              shown_failure = true;
            }
          free (out.data);
          continue;
        }
      long wrong_before = wrong;
      for (size_t t = 0; t < THREADS; t++)
        for (size_t k = 0; k < KINDS; k++)
          {
            const char *got = next_text (&p, end);
            const char *want = wanted[t]->texts[k];
            if (got != NULL && strcmp (got, want) == 0)
              continue;
            wrong++;
            size_t l = (size_t) (wanted[t] - expectations);
            bool way = plan[t].through_l, own = plan[t].messages[0] != '\0';
            tally.wrong[l][way][own]++;
            if (got != NULL && strcmp (got, c->texts[k]) == 0)
              tally.english[l][way][own]++;
            if (!shown_wrong)
              {
                snprintf (where, sizeof where, "run %ld, thread %zu (%s, "
                          "through %s), %s", run + 1, t,
                          own ? plan[t].messages : plan[t].locale,
                          way ? "the _l functions" : "uselocale",
                          lookups[k].label);
                first_got = strdup (got != NULL ? got : "(nothing)");
                first_wanted = want;
                shown_wrong = true;
              }
          }
      if (p != end)
        {
          failed_runs++;
          if (!shown_failure)
            {
              snprintf (failure, sizeof failure,
                        "run %ld wrote more than %d texts", run + 1,
                        THREADS * KINDS);
              shown_failure = true;
            }
        }
      if (wrong > wrong_before)
        runs_with_wrong++;
      free (out.data);
    }
  double seconds = seconds_since (&t0);

  if (!tap_is_int (failed_runs, 0, "%s: runs that crashed or failed (of %ld)",
                   mix->name, runs))
    printf ("#   %ld failed; the first: %s\n", failed_runs, failure);
  long texts = (runs - failed_runs) * THREADS * KINDS;
  if (!tap_is_int (wrong, 0, "%s: wrong texts among %ld (%ld runs x %d "
                   "threads x %d lookups)", mix->name, texts,
                   runs - failed_runs, THREADS, (int) KINDS))
    {
      printf ("#   in %ld of the %ld runs; the first: %s\n",
              runs_with_wrong, runs - failed_runs, where);
      tap_diag_str ("got", first_got != NULL ? first_got : "(out of memory)");
      tap_diag_str ("wanted", first_wanted);
      for (size_t l = 0; l < expectation_count; l++)
        for (int way = 0; way < 2; way++)
          for (int own = 0; own < 2; own++)
            if (tally.wrong[l][way][own] > 0)
              printf ("#   %s%s through %s: %ld wrong, %ld of them "
                      "English\n", expectations[l].locale,
                      own ? "@uN" : "", way ? "the _l functions" : "uselocale",
                      tally.wrong[l][way][own], tally.english[l][way][own]);
    }
  printf ("# %s: %ld runs in %.2f s\n", mix->name, runs, seconds);
  free (first_got);
}

int
main (void)
{
  long runs = DEFAULT_RUNS;
  const char *override = getenv ("SMTPSTATUS_COLD_RUNS");
  if (override != NULL && *override != '\0')
    {
      char *end;
      errno = 0;
      runs = strtol (override, &end, 10);
      if (errno != 0 || *end != '\0' || runs < 1)
        tap_bail_out ("SMTPSTATUS_COLD_RUNS is not a positive number");
    }

  const char *missing = take_expectations ();
  if (missing != NULL)
    {
      /* tap-driver.sh takes a plan of 0 with SKIP as the skip; exit 77
         is for the simple test driver, and would be an error here.  */
      printf ("1..0 # SKIP the locale %s is missing (localedef could not "
              "make it, or LOCPATH is not set)\n", missing);
      return EXIT_SUCCESS;
    }
  check_expectations ();
  check_known_answers ();

  for (size_t m = 0; m < MIX_COUNT; m++)
    run_mix (&MIXES[m], runs);

  for (size_t i = 0; i < expectation_count; i++)
    free (expectations[i].outcome.data);
  return tap_done ();
}
