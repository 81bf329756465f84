/* bench.c: the workloads of 'make bench'.
   SPDX-License-Identifier: LGPL-2.1-or-later

   bench SCENARIO N runs scenario_SCENARIO, which makes N calls of one
   kind, after a warm-up call outside it; tests/bench.sh runs each under
   callgrind, counting only inside scenario_SCENARIO, and divides by N.
   bench --allocations counts the heap allocations each kind of call
   makes once warm, through the malloc of tests/count-malloc.c.

   bench --first FIRST_SCENARIO is the first call of a fresh process:
   the program has set its locale and nothing else has touched gettext.
   tests/bench.sh counts its instructions with callgrind, as above, and
   its file-system calls with strace, between the two lines the program
   writes to /dev/null just before and just after the call.

   bench --wall-clock RUNS COMMAND [ARG...] runs COMMAND RUNS times, its
   output to /dev/null, and prints the best wall-clock time of a run and
   the best processor time (user and system) in seconds, and the highest
   exit status the runs had (128 + N for a signal N): the bounces against
   Sisimai, which are whole processes.  */

#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#if HAVE_GPG_ERROR
# include <gpg-error.h>
#endif

#include "smtpstatus.h"
#include "count-malloc.h"

#define NOINLINE __attribute__ ((noinline))

/* Keeps the compiler from dropping a call whose result is unused.  */
static const void *volatile sink;
static volatile long sink_number;

static locale_t sv;

/* The description lookups cycle through every code of the table, so that
   the figures are an average over all its texts: what one text costs in
   gettext depends on where its string happens to lie (glibc's strcmp is
   faster or slower with the alignment), by as much as a tenth.  */
enum { MAX_CODES = 64 };
static int codes[MAX_CODES];
static const char *msgids[MAX_CODES];   /* their English texts */
static size_t code_count;

static const char gmail_reply[] =
  "550-5.1.1 The email account that you tried to reach does not exist.\r\n"
  "550-5.1.1 Please try double-checking the recipient's email address.\r\n"
  "550 5.1.1 https://support.example/?p=NoSuchUser q5si1234567qkb.12 - "
  "gsmtp\r\n";

static NOINLINE void
nothing (void)
{
  __asm__ volatile ("");
}

/* The loop alone, so that its cost can be taken off the others.  */
NOINLINE void
scenario_loop (long n)
{
  for (long i = 0; i < n; i++)
    nothing ();
}

/* The floor: the gettext call every description must make.  */
NOINLINE void
scenario_dgettext (long n)
{
  for (long i = 0; i < n; i++)
    sink = dgettext (SMTP_STATUS_TEXTDOMAIN, msgids[i % code_count]);
}

NOINLINE void
scenario_description (long n)
{
  for (long i = 0; i < n; i++)
    sink = smtp_status_description (codes[i % code_count]);
}

NOINLINE void
scenario_uselocale_dgettext (long n)
{
  for (long i = 0; i < n; i++)
    {
      locale_t old = uselocale (sv);
      sink = dgettext (SMTP_STATUS_TEXTDOMAIN, msgids[i % code_count]);
      uselocale (old);
    }
}

NOINLINE void
scenario_description_l (long n)
{
  for (long i = 0; i < n; i++)
    sink = smtp_status_description_l (codes[i % code_count], sv);
}

NOINLINE void
scenario_strerror (long n)
{
  for (long i = 0; i < n; i++)
    sink = strerror (ENOENT);
}

NOINLINE void
scenario_gpg_strerror (long n)
{
#if HAVE_GPG_ERROR
  for (long i = 0; i < n; i++)
    sink = gpg_strerror (GPG_ERR_NO_DATA);
#else
  (void) n;
#endif
}

NOINLINE void
scenario_name (long n)
{
  for (long i = 0; i < n; i++)
    sink = smtp_status_name (550);
}

NOINLINE void
scenario_class (long n)
{
  for (long i = 0; i < n; i++)
    sink_number = smtp_status_class (550);
}

NOINLINE void
scenario_known (long n)
{
  for (long i = 0; i < n; i++)
    sink_number = smtp_status_is_known (550);
}

NOINLINE void
scenario_from_name (long n)
{
  int code;
  for (long i = 0; i < n; i++)
    sink_number = smtp_status_from_name ("MailboxUnavailable", &code);
}

NOINLINE void
scenario_parse (long n)
{
  static struct smtp_reply reply;
  for (long i = 0; i < n; i++)
    sink_number = smtp_reply_parse (gmail_reply, sizeof gmail_reply - 1,
                                    &reply);
}

NOINLINE void
scenario_parse_strict (long n)
{
  static struct smtp_reply reply;
  for (long i = 0; i < n; i++)
    sink_number = smtp_reply_parse_flags (gmail_reply, sizeof gmail_reply - 1,
                                          SMTP_REPLY_STRICT, &reply);
}

NOINLINE void
scenario_diagnose (long n)
{
  static struct smtp_reply reply;
  static struct smtp_diagnosis diagnosis;
  smtp_reply_parse (gmail_reply, sizeof gmail_reply - 1, &reply);
  for (long i = 0; i < n; i++)
    smtp_reply_diagnose (gmail_reply, &reply, &diagnosis);
  sink_number = diagnosis.reason;
}

NOINLINE void
scenario_enhanced (long n)
{
  for (long i = 0; i < n; i++)
    sink = smtp_enhanced_description (5, 1, 1);
}

NOINLINE void
scenario_enhanced_known (long n)
{
  for (long i = 0; i < n; i++)
    sink_number = smtp_enhanced_is_known (1, 1);
}

/* The first call of a process.  The code whose text it asks for, and that
   text in English, taken from the list itself: asking the library for it
   would make the library's first call before the one to be measured.  */
enum { FIRST_CODE = 550 };
#define N_(text) text
static const struct { int code; const char *text; } english[] =
{
#define SMTP_STATUS_ENTRY(code, id, name, text) { code, text },
#include "../src/basic-codes.def"
#undef SMTP_STATUS_ENTRY
};
#undef N_

/* The floor of a first description: what any library translating with
   gettext in a domain of its own must do before its first text, bind the
   domain to its catalogs and look the text up, with the directory already
   in hand (where a library finds it, here the environment, is its own
   business and counts against it).  */
NOINLINE const char *
scenario_first_dgettext (const char *localedir, const char *msgid)
{
  bindtextdomain (SMTP_STATUS_TEXTDOMAIN, localedir);
  return dgettext (SMTP_STATUS_TEXTDOMAIN, msgid);
}

/* Everything the library does, reading SMTPSTATUS_LOCALEDIR included.  */
NOINLINE const char *
scenario_first_description (const char *localedir, const char *msgid)
{
  (void) localedir;
  (void) msgid;
  return smtp_status_description (FIRST_CODE);
}

struct first_scenario
{
  const char *name;
  const char *(*run) (const char *, const char *);
};

static const struct first_scenario first_scenarios[] =
{
  { "first_dgettext", scenario_first_dgettext },
  { "first_description", scenario_first_description },
};
enum { FIRST_SCENARIOS = sizeof first_scenarios / sizeof first_scenarios[0] };

/* A line for strace to show; /dev/null keeps it out of the output.  */
static void
mark (int fd, const char *line)
{
  if (write (fd, line, strlen (line)) < 0)
    {
      perror ("bench: /dev/null");
      exit (2);
    }
}

/* Runs SCENARIO as the first gettext call of the process; fails unless
   it found the Swedish text, since a lookup that found no catalog is
   cheaper and would make any figure look good.  */
static int
first_call (const struct first_scenario *scenario)
{
  if (!SMTPSTATUS_NLS)
    {
      fputs ("bench: built without NLS: there is no first lookup\n", stderr);
      return 2;
    }
  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      fputs ("bench: sv_SE.UTF-8 is missing: is LOCPATH set?\n", stderr);
      return 2;
    }
  const char *localedir = getenv ("SMTPSTATUS_LOCALEDIR");
  const char *msgid = NULL;
  for (size_t i = 0; i < sizeof english / sizeof english[0]; i++)
    if (english[i].code == FIRST_CODE)
      msgid = english[i].text;
  if (localedir == NULL || *localedir == '\0')
    {
      fputs ("bench: SMTPSTATUS_LOCALEDIR is not set\n", stderr);
      return 2;
    }
  if (msgid == NULL)
    {
      fprintf (stderr, "bench: %d is not in the table\n", FIRST_CODE);
      return 2;
    }
  int fd = open ("/dev/null", O_WRONLY | O_CLOEXEC);
  if (fd < 0)
    {
      perror ("bench: /dev/null");
      return 2;
    }
  mark (fd, "smtpstatus-bench: begin\n");
  const char *text = scenario->run (localedir, msgid);
  mark (fd, "smtpstatus-bench: end\n");
  close (fd);
  if (strcmp (text, msgid) == 0)
    {
      fprintf (stderr, "bench: %s found no Swedish text in %s\n",
               scenario->name, localedir);
      return 2;
    }
  return 0;
}

/* Runs ARGV RUNS times; see the top of the file.  */
static int
wall_clock (int runs, char **argv)
{
  double best = -1, best_cpu = -1;
  int worst = 0;
  for (int run = 0; run < runs; run++)
    {
      struct timespec start, end;
      struct rusage usage;
      int status;
      pid_t pid;

      fflush (NULL);
      clock_gettime (CLOCK_MONOTONIC, &start);
      pid = fork ();
      if (pid < 0)
        {
          perror ("bench: fork");
          return 2;
        }
      if (pid == 0)
        {
          int null = open ("/dev/null", O_WRONLY);
          if (null < 0 || dup2 (null, STDOUT_FILENO) < 0)
            _exit (126);
          execvp (argv[0], argv);
          fprintf (stderr, "bench: %s: %s\n", argv[0], strerror (errno));
          _exit (127);
        }
      while (wait4 (pid, &status, 0, &usage) < 0)
        if (errno != EINTR)
          {
            perror ("bench: wait4");
            return 2;
          }
      clock_gettime (CLOCK_MONOTONIC, &end);
      double seconds = (double) (end.tv_sec - start.tv_sec)
                       + (double) (end.tv_nsec - start.tv_nsec) / 1e9;
      if (best < 0 || seconds < best)
        best = seconds;
      double cpu = (double) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                   + (double) (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
                     / 1e6;
      if (best_cpu < 0 || cpu < best_cpu)
        best_cpu = cpu;
      status = WIFEXITED (status) ? WEXITSTATUS (status)
               : 128 + WTERMSIG (status);
      if (status > worst)
        worst = status;
    }
  printf ("%.6f %.6f %d\n", best, best_cpu, worst);
  return 0;
}

struct scenario
{
  const char *name;
  void (*run) (long);
};

static const struct scenario scenarios[] =
{
  { "loop", scenario_loop },
  { "dgettext", scenario_dgettext },
  { "description", scenario_description },
  { "uselocale_dgettext", scenario_uselocale_dgettext },
  { "description_l", scenario_description_l },
  { "strerror", scenario_strerror },
  { "gpg_strerror", scenario_gpg_strerror },
  { "name", scenario_name },
  { "class", scenario_class },
  { "known", scenario_known },
  { "from_name", scenario_from_name },
  { "parse", scenario_parse },
  { "parse_strict", scenario_parse_strict },
  { "diagnose", scenario_diagnose },
  { "enhanced", scenario_enhanced },
  { "enhanced_known", scenario_enhanced_known },
};
enum { SCENARIOS = sizeof scenarios / sizeof scenarios[0] };

static void
set_up (void)
{
  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      fputs ("bench: sv_SE.UTF-8 is missing: is LOCPATH set?\n", stderr);
      exit (2);
    }
  /* Figures with a decimal point, whatever the Swedish locale says.  */
  setlocale (LC_NUMERIC, "C");
  sv = newlocale (LC_ALL_MASK, "sv_SE.UTF-8", (locale_t) 0);
  locale_t c = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  for (size_t i = 0; i < smtp_status_count () && i < MAX_CODES; i++)
    {
      smtp_status_code_at (i, &codes[i]);
      msgids[i] = smtp_status_description_l (codes[i], c);
      /* Warm gettext up for every text, in both ways of asking.  */
      sink = smtp_status_description (codes[i]);
      sink = smtp_status_description_l (codes[i], sv);
      code_count++;
    }
  freelocale (c);
  if (strcmp (smtp_status_description (codes[0]), msgids[0]) == 0
      && SMTPSTATUS_NLS)
    {
      fputs ("bench: no Swedish catalog: is SMTPSTATUS_LOCALEDIR set?\n",
             stderr);
      exit (2);
    }
#if HAVE_GPG_ERROR
  gpg_err_init ();
#endif
}

/* Allocations per call of each scenario once warm, from N calls.  */
static int
count_allocations (long n)
{
  for (int i = 0; i < SCENARIOS; i++)
    {
      scenarios[i].run (1);
      long before = count_malloc_calls ();
      scenarios[i].run (n);
      printf ("%s\t%.3f\n", scenarios[i].name,
              (double) (count_malloc_calls () - before) / (double) n);
    }
  return 0;
}

int
main (int argc, char **argv)
{
  /* Before set_up, which warms gettext up.  */
  for (int i = 0; argc == 3 && i < FIRST_SCENARIOS; i++)
    if (strcmp (argv[1], "--first") == 0
        && strcmp (argv[2], first_scenarios[i].name) == 0)
      return first_call (&first_scenarios[i]);
  if (argc == 2 && strcmp (argv[1], "--has-nls") == 0)
    return SMTPSTATUS_NLS ? 0 : 1;
  if (argc >= 4 && strcmp (argv[1], "--wall-clock") == 0 && atoi (argv[2]) > 0)
    return wall_clock (atoi (argv[2]), argv + 3);

  set_up ();
  if (argc == 3 && strcmp (argv[1], "--allocations") == 0)
    return count_allocations (atol (argv[2]));
  if (argc == 2 && strcmp (argv[1], "--list") == 0)
    {
      for (int i = 0; i < SCENARIOS; i++)
        puts (scenarios[i].name);
      return 0;
    }
  if (argc == 2 && strcmp (argv[1], "--has-gpg-error") == 0)
    return HAVE_GPG_ERROR ? 0 : 1;
  if (argc == 2 && strcmp (argv[1], "--reply-size") == 0)
    {
      printf ("%zu\n", sizeof gmail_reply - 1);
      return 0;
    }
  for (int i = 0; argc == 3 && i < SCENARIOS; i++)
    if (strcmp (argv[1], scenarios[i].name) == 0)
      {
        scenarios[i].run (1);
        scenarios[i].run (atol (argv[2]));
        return 0;
      }
  fputs ("usage: bench SCENARIO N | --first FIRST_SCENARIO | --allocations N\n"
         "       | --list | --reply-size | --has-gpg-error | --has-nls\n"
         "       | --wall-clock RUNS COMMAND [ARG...]\n",
         stderr);
  return 2;
}
