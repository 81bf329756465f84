/* measure-bounces.c: 'make measure', smtp-status on real bounces.
   SPDX-License-Identifier: LGPL-2.1-or-later

   measure-bounces [-v] [--program=PATH] [--timeout=SECONDS] DIR runs
   PATH --bounce --json over every file of DIR/bounces, all of them in
   one process, and compares the recipients it reports with the labels
   of DIR/bounces.jsonl, in the form of ../shared/realworld (its README
   describes it; that data stays outside the repository).  It prints one
   figure per comparison, "name: n/d (p.p%)", with its target; with -v,
   first a line for each miss.

   The program's output is JSON Lines: an object for each recipient it
   finds, with the members "file" (the path of the message as given,
   of which only the part after the last '/' counts), "recipient",
   "status" (a string or null) and "reason" (smtp_reason_name's name).
   Any other object (one with "file" and "error", say) is no recipient.
   Its exit status is 0, 1 where some message is no bounce, or 2; more
   than 2, or a signal, is a crash.  After a crash each file is run alone
   again, to find the messages that crash it, and the figures come from
   those runs.  A run that takes longer than SECONDS (600 unless told)
   is killed, which counts as a crash.

   Measuring is not a test: the program exits 0 whatever the figures
   are, 1 when DIR cannot be read or is not what it should be, or the
   program cannot be run (a message says why), 2 on a usage error.

   It never calls setlocale and runs the program with LC_ALL=C and
   without LANGUAGE, so the texts it prints are English.  The JSON
   reader is tests/json.c's; Sisimai's reasons are compared with ours as
   tests/sisimai.c maps them.  */

#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "json.h"
#include "measure-util.h"
#include "sisimai.h"

const char program_name[] = "measure-bounces";

/* The targets the figures are held to, in per cent (crashes: a count).  */
enum
{
  TARGET_RECOGNISED = 95, TARGET_FOUND = 95, TARGET_STATUS = 90,
  TARGET_REASON = 85, TARGET_CRASHES = 0
};

static char *
xstrdup (const char *s)
{
  size_t n = strlen (s) + 1;
  return memcpy (xrealloc (NULL, n, 1), s, n);
}

/* "DIR/NAME", allocated.  */
static char *
path_join (const char *dir, const char *name)
{
  size_t d = strlen (dir), n = strlen (name);
  char *path = xrealloc (NULL, d + n + 2, 1);
  memcpy (path, dir, d);
  path[d] = '/';
  memcpy (path + d + 1, name, n + 1);
  return path;
}

/* Reads all of FD into B; returns 0, or -1 with errno set.  */
static int
read_all (int fd, struct bytes *b)
{
  char buffer[65536];
  for (;;)
    {
      ssize_t n = read (fd, buffer, sizeof buffer);
      if (n > 0)
        bytes_add (b, buffer, (size_t) n);
      else if (n == 0)
        return 0;
      else if (errno != EINTR)
        return -1;
    }
}


/* Output.  */

/* A NUL-terminated text, or "null" for NULL.  */
static void
show_text (const char *s)
{
  if (s == NULL)
    fputs ("null", stdout);
  else
    show_bytes (s, strlen (s), SHOWN_BYTES, 0);
}

/* "name: n/d (p.p%), target >= T%: met" (show_figure's, then the
   target); the target is met where n/d >= T/100 exactly.  */
static void
show_figure_target (const char *name, struct figure f, unsigned target)
{
  show_figure (name, f);
  printf (", target >= %u%%: %s\n", target,
          f.d > 0 && (unsigned long long) f.n * 100
                     >= (unsigned long long) target * f.d
          ? "met" : "MISSED");
}


/* The labels: DIR/bounces.jsonl.  */

/* One labelled recipient; the strings point into the line's JSON value.  */
struct label
{
  const char *address;
  const char *also[4];                  /* other spellings, ended by NULL */
  const char *status;                   /* NULL for null */
  const char *reason;
};

/* One of the recipients the program reports.  */
struct ours
{
  const char *recipient;                /* NULL where it names none */
  const char *status;                   /* NULL for null */
  const char *reason;                   /* NULL where it gives none */
  int used;                             /* matched to a label already */
};

struct message
{
  const char *file;                     /* its name in DIR/bounces */
  struct label *labels;
  size_t label_count;
  struct ours *ours;
  size_t ours_count, ours_allocated;
  const char *error;                    /* what an object without a
                                           recipient said, or NULL */
  int crashed;                          /* when run alone */
};

struct corpus
{
  struct lines in;                      /* bounces.jsonl */
  struct json *values;                  /* every line's, kept for the
                                           strings */
  size_t value_count;
  struct message *messages;
  size_t message_count;
};

static void
read_label (const struct corpus *c, const struct json *v, struct label *l)
{
  const struct lines *in = &c->in;
  const struct json *also;
  size_t count = 0;

  memset (l, 0, sizeof *l);
  if (v->type != JSON_OBJECT)
    lines_fail (in, "a recipient is no JSON object");
  l->address = text_member (in, v, "a recipient", "address", 0);
  l->status = text_member (in, v, "a recipient", "status", 1);
  l->reason = text_member (in, v, "a recipient", "reason", 0);
  if (l->reason[0] != '\0' && sisimai_compared (l->reason)
      && sisimai_categories (l->reason) == NULL)
    lines_fail (in, "a recipient: \"reason\" is \"%s\", which the README's "
                "table does not have", l->reason);
  also = json_member (v, "also");
  if (also == NULL || also->type == JSON_NULL)
    return;
  if (also->type == JSON_STRING)
    also = NULL;                        /* one spelling: below */
  else if (also->type != JSON_ARRAY)
    lines_fail (in, "a recipient: \"also\" must be a string or an array of "
                "strings");
  if (also == NULL)
    {
      l->also[0] = text_member (in, v, "a recipient", "also", 0);
      return;
    }
  for (size_t i = 0; i < also->count; i++)
    {
      const struct json *e = &also->elements[i];
      if (e->type != JSON_STRING || strlen (e->text) != e->length)
        lines_fail (in, "a recipient: \"also\" must hold only strings "
                    "without NULs");
      if (count + 1 < COUNT (l->also))
        l->also[count++] = e->text;
    }
}

static void
read_labels (struct corpus *c, const char *path)
{
  struct lines *in = &c->in;
  const char *line;
  size_t length, allocated = 0;

  lines_open (in, path);
  while (lines_next (in, &line, &length))
    {
      struct json_error error;
      struct json *v;
      struct message *m;
      const struct json *recipients;

      if (c->value_count == allocated)
        {
          allocated = allocated ? 2 * allocated : 512;
          c->values = xrealloc (c->values, allocated, sizeof *c->values);
          c->messages = xrealloc (c->messages, allocated,
                                  sizeof *c->messages);
        }
      v = &c->values[c->value_count];
      if (json_parse (line, length, v, &error) < 0)
        lines_json_fail (in, &error);
      c->value_count++;
      if (v->type != JSON_OBJECT)
        lines_fail (in, "the line is no JSON object");
      m = &c->messages[c->message_count++];
      memset (m, 0, sizeof *m);
      m->file = text_member (in, v, "the record", "file", 0);
      if (m->file[0] == '\0' || strchr (m->file, '/') != NULL)
        lines_fail (in, "the record: \"file\" must be a file name, without "
                    "'/'");
      for (size_t i = 0; i + 1 < c->message_count; i++)
        if (strcmp (c->messages[i].file, m->file) == 0)
          lines_fail (in, "the file \"%s\" twice", m->file);
      recipients = required_member (in, v, "the record", "recipients");
      if (recipients->type != JSON_ARRAY)
        lines_fail (in, "the record: \"recipients\" must be an array");
      m->label_count = recipients->count;
      m->labels = xrealloc (NULL, m->label_count, sizeof *m->labels);
      for (size_t i = 0; i < recipients->count; i++)
        read_label (c, &recipients->elements[i], &m->labels[i]);
    }
  lines_close (in);
}

static struct message *
find_message (const struct corpus *c, const char *file)
{
  for (size_t i = 0; i < c->message_count; i++)
    if (strcmp (c->messages[i].file, file) == 0)
      return &c->messages[i];
  return NULL;
}


/* The files: DIR/bounces.  */

static int
compare_names (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The names of the files of DIR, sorted, but those starting with '.'.  */
static char **
list_files (const char *dir, size_t *count)
{
  DIR *d = opendir (dir);
  struct dirent *e;
  char **names = NULL;
  size_t n = 0, allocated = 0;

  if (d == NULL)
    fatal ("%s: %s", dir, strerror (errno));
  while (errno = 0, (e = readdir (d)) != NULL)
    {
      struct stat st;
      char *path;
      if (e->d_name[0] == '.')
        continue;
      path = path_join (dir, e->d_name);
      if (stat (path, &st) < 0)
        fatal ("%s: %s", path, strerror (errno));
      free (path);
      if (!S_ISREG (st.st_mode))
        continue;
      if (n == allocated)
        {
          allocated = allocated ? 2 * allocated : 512;
          names = xrealloc (names, allocated, sizeof *names);
        }
      names[n++] = xstrdup (e->d_name);
    }
  if (errno != 0)
    fatal ("%s: %s", dir, strerror (errno));
  closedir (d);
  if (n > 0)
    qsort (names, n, sizeof *names, compare_names);
  *count = n;
  return names;
}


/* Running the program.  */

static volatile sig_atomic_t running_child;
static volatile sig_atomic_t timed_out;

static void
on_alarm (int signal_number)
{
  (void) signal_number;
  if (running_child > 0)
    {
      timed_out = 1;
      kill ((pid_t) running_child, SIGKILL);
    }
}

/* What one run left.  */
struct run
{
  struct bytes out, err;
  int status;                           /* as waitpid gives it */
  int timed_out;
};

/* 1 if the run crashed: an exit status over 2, or a signal.  */
static int
crashed (const struct run *r)
{
  return r->timed_out || !WIFEXITED (r->status)
         || WEXITSTATUS (r->status) > 2;
}

/* How the run ended, in words.  */
static const char *
run_end (const struct run *r, char buffer[64])
{
  if (r->timed_out)
    snprintf (buffer, 64, "killed after the time allowed");
  else if (WIFSIGNALED (r->status))
    snprintf (buffer, 64, "signal %d (%s)", WTERMSIG (r->status),
              strsignal (WTERMSIG (r->status)));
  else
    snprintf (buffer, 64, "exit status %d", WEXITSTATUS (r->status));
  return buffer;
}

/* Runs PATH --bounce --json FILES..., its standard output and error
   into *R.  */
static void
run_program (const char *path, char *const *files, size_t file_count,
             unsigned timeout, struct run *r)
{
  int out[2], report[2];
  FILE *err = tmpfile ();
  char **argv = xrealloc (NULL, file_count + 4, sizeof *argv);
  pid_t pid;
  int child_errno;
  ssize_t n;

  memset (r, 0, sizeof *r);
  if (err == NULL)
    fatal ("a temporary file: %s", strerror (errno));
  argv[0] = (char *) path;
  argv[1] = (char *) "--bounce";
  argv[2] = (char *) "--json";
  memcpy (argv + 3, files, file_count * sizeof *files);
  argv[file_count + 3] = NULL;
  /* REPORT tells the parent why exec failed, and closes on exec.  */
  if (pipe (out) < 0 || pipe (report) < 0
      || fcntl (report[1], F_SETFD, FD_CLOEXEC) < 0)
    fatal ("pipe: %s", strerror (errno));
  fflush (NULL);
  pid = fork ();
  if (pid < 0)
    fatal ("fork: %s", strerror (errno));
  if (pid == 0)
    {
      close (out[0]);
      close (report[0]);
      if (dup2 (out[1], STDOUT_FILENO) < 0
          || dup2 (fileno (err), STDERR_FILENO) < 0)
        _exit (127);
      close (out[1]);
      setenv ("LC_ALL", "C", 1);
      unsetenv ("LANGUAGE");
      execvp (path, argv);
      child_errno = errno;
      if (write (report[1], &child_errno, sizeof child_errno) < 0)
        _exit (127);
      _exit (127);
    }
  close (out[1]);
  close (report[1]);
  while ((n = read (report[0], &child_errno, sizeof child_errno)) < 0
         && errno == EINTR)
    continue;
  close (report[0]);
  if (n == (ssize_t) sizeof child_errno)
    {
      waitpid (pid, NULL, 0);
      fatal ("%s: %s", path, strerror (child_errno));
    }

  running_child = pid;
  timed_out = 0;
  alarm (timeout);
  if (read_all (out[0], &r->out) < 0)
    fatal ("reading the output of %s: %s", path, strerror (errno));
  close (out[0]);
  while (waitpid (pid, &r->status, 0) < 0)
    if (errno != EINTR)
      fatal ("waitpid: %s", strerror (errno));
  alarm (0);
  running_child = 0;
  r->timed_out = timed_out;

  if (lseek (fileno (err), 0, SEEK_SET) < 0
      || read_all (fileno (err), &r->err) < 0)
    fatal ("a temporary file: %s", strerror (errno));
  fclose (err);
  free (argv);
  bytes_add (&r->out, "", 0);
  bytes_add (&r->err, "", 0);
}


/* The program's output.  */

struct output
{
  struct json *values;                  /* kept for the strings */
  size_t value_count, allocated;
  unsigned long lines, bad_lines;
};

/* The member NAME of V as a string without NULs, or NULL where it is
   missing, null or no such string.  */
static const char *
text_or_null (const struct json *v, const char *name)
{
  const struct json *m = json_member (v, name);
  if (m == NULL || m->type != JSON_STRING || strlen (m->text) != m->length)
    return NULL;
  return m->text;
}

static void
add_ours (struct message *m, const struct json *v)
{
  struct ours *o;
  if (m->ours_count == m->ours_allocated)
    {
      m->ours_allocated = m->ours_allocated ? 2 * m->ours_allocated : 4;
      m->ours = xrealloc (m->ours, m->ours_allocated, sizeof *m->ours);
    }
  o = &m->ours[m->ours_count++];
  o->recipient = text_or_null (v, "recipient");
  o->status = text_or_null (v, "status");
  o->reason = text_or_null (v, "reason");
  o->used = 0;
}

/* Reads the JSON Lines of TEXT into the messages of C.  */
static void
read_output (struct corpus *c, const struct bytes *text, int verbose,
             struct output *o)
{
  const char *p = text->data, *end = text->data + text->length;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', (size_t) (end - p));
      size_t n = eol ? (size_t) (eol - p) : (size_t) (end - p);
      struct json_error error;
      struct json *v;
      const char *file, *slash;
      struct message *m;

      o->lines++;
      if (o->value_count == o->allocated)
        {
          o->allocated = o->allocated ? 2 * o->allocated : 512;
          o->values = xrealloc (o->values, o->allocated, sizeof *o->values);
        }
      v = &o->values[o->value_count];
      file = NULL;
      if (json_parse (p, n, v, &error) < 0)
        error.offset++;
      else
        {
          o->value_count++;
          if (v->type == JSON_OBJECT)
            file = text_or_null (v, "file");
          snprintf (error.message, sizeof error.message, "%s",
                    v->type != JSON_OBJECT ? "no JSON object"
                    : "an object without \"file\"");
          error.offset = 0;
        }
      m = NULL;
      if (file != NULL)
        {
          slash = strrchr (file, '/');
          m = find_message (c, slash ? slash + 1 : file);
          if (m == NULL)
            snprintf (error.message, sizeof error.message,
                      "a file no label names");
        }
      if (m == NULL)
        {
          o->bad_lines++;
          if (verbose)
            {
              printf ("bad output line %lu: %s", o->lines, error.message);
              if (error.offset > 0)
                printf (" (at byte %zu)", error.offset);
              fputs (": ", stdout);
              show_bytes (p, n, SHOWN_BYTES, 0);
              putchar ('\n');
            }
        }
      else if (json_member (v, "recipient") != NULL)
        add_ours (m, v);
      else if (m->error == NULL)
        {
          m->error = text_or_null (v, "error");
          if (m->error == NULL)
            m->error = "an object with neither \"recipient\" nor \"error\"";
        }
      p += n + (eol != NULL);
    }
}


/* The measure.  */

static int
same_address (const char *a, const char *b)
{
  return a != NULL && b != NULL && strcasecmp (a, b) == 0;
}

static int
names_label (const struct ours *o, const struct label *l)
{
  if (same_address (o->recipient, l->address))
    return 1;
  for (const char *const *also = l->also; *also != NULL; also++)
    if (same_address (o->recipient, *also))
      return 1;
  return 0;
}

/* The recipient of M's that stands for the label L, not yet taken by
   another label: one with the label's status where there are two.  */
static struct ours *
match (struct message *m, const struct label *l)
{
  struct ours *first = NULL;
  for (size_t i = 0; i < m->ours_count; i++)
    {
      struct ours *o = &m->ours[i];
      if (o->used || !names_label (o, l))
        continue;
      if (l->status != NULL && o->status != NULL
          && strcmp (o->status, l->status) == 0)
        return o;
      if (first == NULL)
        first = o;
    }
  return first;
}

struct tally
{
  struct figure recognised, found, status, reason;
  unsigned long crashes;
};

static void
show_start (const char *what, const struct message *m)
{
  printf ("%s ", what);
  show_text (m->file);
}

static void
show_ours_list (const struct message *m)
{
  if (m->ours_count == 0)
    fputs ("none", stdout);
  for (size_t i = 0; i < m->ours_count; i++)
    {
      if (i > 0)
        fputs (", ", stdout);
      show_text (m->ours[i].recipient);
    }
}

static void
measure_message (struct message *m, int verbose, struct tally *t)
{
  t->recognised.d++;
  if (m->ours_count > 0)
    t->recognised.n++;
  else if (verbose)
    {
      show_start ("not recognised", m);
      if (m->crashed)
        fputs (": it crashes the program", stdout);
      else if (m->error != NULL)
        {
          fputs (": ", stdout);
          show_text (m->error);
        }
      putchar ('\n');
    }

  for (size_t i = 0; i < m->label_count; i++)
    {
      const struct label *l = &m->labels[i];
      struct ours *o = match (m, l);
      if (o != NULL)
        o->used = 1;

      t->found.d++;
      if (o != NULL)
        t->found.n++;
      else if (verbose && m->ours_count > 0)
        {
          show_start ("not found", m);
          fputs (": expected ", stdout);
          show_text (l->address);
          for (const char *const *also = l->also; *also != NULL; also++)
            {
              fputs (" or ", stdout);
              show_text (*also);
            }
          fputs (", ours ", stdout);
          show_ours_list (m);
          for (size_t k = 0; k < m->ours_count; k++)
            if (names_label (&m->ours[k], l))
              {
                /* The labels name it more often than we do.  */
                fputs (" (matched to another label already)", stdout);
                break;
              }
          putchar ('\n');
        }

      if (l->status != NULL)
        {
          t->status.d++;
          if (o != NULL && o->status != NULL
              && strcmp (o->status, l->status) == 0)
            t->status.n++;
          else if (verbose && o != NULL)
            {
              show_start ("status", m);
              fputs (" ", stdout);
              show_text (l->address);
              printf (": expected %s, ours ", l->status);
              show_text (o->status);
              putchar ('\n');
            }
        }

      if (sisimai_compared (l->reason))
        {
          t->reason.d++;
          if (o != NULL && o->reason != NULL
              && sisimai_agrees (l->reason, o->reason))
            t->reason.n++;
          else if (verbose && o != NULL)
            {
              show_start ("reason", m);
              fputs (" ", stdout);
              show_text (l->address);
              fputs (": ", stdout);
              sisimai_show_expected (l->reason);
              fputs (", ours ", stdout);
              show_text (o->reason);
              putchar ('\n');
            }
        }
    }
}

/* The lines of TEXT, each after PREFIX, for -v.  */
static void
show_lines (const char *prefix, const struct bytes *text)
{
  const char *p = text->data, *end = text->data + text->length;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', (size_t) (end - p));
      size_t n = eol ? (size_t) (eol - p) : (size_t) (end - p);
      fputs (prefix, stdout);
      show_bytes (p, n, SIZE_MAX, 0);
      putchar ('\n');
      p += n + (eol != NULL);
    }
}

void
usage (FILE *out)
{
  fprintf (out,
           "Usage: %s [-v] [--program=PATH] [--timeout=SECONDS] DIR\n"
           "Runs PATH --bounce --json (smtp-status unless told) over every "
           "file of\nDIR/bounces in one process and measures what it finds "
           "against the labels\nof DIR/bounces.jsonl, as in "
           "../shared/realworld.  -v lists every miss\nbefore the "
           "figures.\n", program_name);
}

int
main (int argc, char **argv)
{
  int verbose = 0;
  const char *path = "smtp-status";
  unsigned timeout = 600;
  int i = 1;
  struct corpus c;
  struct output o;
  struct tally t;
  struct run whole;
  char **names, **paths;
  size_t name_count;
  char *labels, *bounces;
  const char *option, *dir;
  char end[64];

  while ((option = next_option (argc, argv, &i)) != NULL)
    if (strcmp (option, "-v") == 0)
      verbose = 1;
    else if (strncmp (option, "--program=", 10) == 0 && option[10] != '\0')
      path = option + 10;
    else if (strncmp (option, "--timeout=", 10) == 0)
      {
        char *rest;
        unsigned long seconds;
        errno = 0;
        seconds = strtoul (option + 10, &rest, 10);
        if (option[10] < '0' || option[10] > '9' || *rest != '\0'
            || errno != 0 || seconds == 0 || seconds > 86400)
          {
            fprintf (stderr, "%s: --timeout takes 1 to 86400 seconds: "
                     "%s\n", program_name, option + 10);
            return 2;
          }
        timeout = (unsigned) seconds;
      }
    else
      other_option (option);
  dir = one_operand (argc, argv, i, "DIR");

  sisimai_check_table ();
  signal (SIGALRM, on_alarm);

  memset (&c, 0, sizeof c);
  labels = path_join (dir, "bounces.jsonl");
  read_labels (&c, labels);
  bounces = path_join (dir, "bounces");
  names = list_files (bounces, &name_count);
  for (size_t k = 0; k < c.message_count; k++)
    if (bsearch (&c.messages[k].file, names, name_count, sizeof *names,
                 compare_names) == NULL)
      fatal ("%s names \"%s\", which %s does not have", labels,
             c.messages[k].file, bounces);
  paths = xrealloc (NULL, name_count, sizeof *paths);
  for (size_t k = 0; k < name_count; k++)
    paths[k] = path_join (bounces, names[k]);

  puts ("# smtp-status on real bounces: PATH --bounce --json over every "
        "file of\n"
        "#   DIR/bounces in one process, against the labels of "
        "DIR/bounces.jsonl\n"
        "# recognised: the messages of which it reports at least one "
        "recipient\n"
        "# found: the labelled recipients one of ours names (its address "
        "or \"also\",\n"
        "#   in any case)\n"
        "# status agreement: over the labelled recipients with a status "
        "(one not found\n"
        "#   is a miss)\n"
        "# reason agreement: over those with a reason but undefined, "
        "delivered,\n"
        "#   feedback or vacation, as the data's README maps them (one not "
        "found is\n"
        "#   a miss)\n"
        "# crashes: an exit status over 2 or a signal, counted in runs of "
        "one file\n"
        "#   each after the run of all crashes");

  memset (&o, 0, sizeof o);
  memset (&t, 0, sizeof t);
  run_program (path, paths, name_count, timeout, &whole);
  if (verbose)
    show_lines ("stderr: ", &whole.err);
  if (!crashed (&whole))
    read_output (&c, &whole.out, verbose, &o);
  else
    {
      /* Each file alone, to find the messages that crash it.  */
      for (size_t k = 0; k < name_count; k++)
        {
          struct run alone;
          struct message *m = find_message (&c, names[k]);
          run_program (path, &paths[k], 1, timeout, &alone);
          if (crashed (&alone))
            {
              t.crashes++;
              if (m != NULL)
                m->crashed = 1;
              if (verbose)
                {
                  printf ("crash ");
                  show_text (names[k]);
                  printf (": %s\n", run_end (&alone, end));
                  show_lines ("stderr: ", &alone.err);
                }
            }
          read_output (&c, &alone.out, verbose, &o);
          /* The strings of the values point into their own copies, so
             the text of the run may go.  */
          free (alone.out.data);
          free (alone.err.data);
        }
    }

  for (size_t k = 0; k < c.message_count; k++)
    measure_message (&c.messages[k], verbose, &t);

  printf ("messages: %zu, labelled recipients: %lu; files: %zu\n",
          c.message_count, t.found.d, name_count);
  printf ("the run of all: %s", run_end (&whole, end));
  if (WIFEXITED (whole.status) && !whole.timed_out
      && WEXITSTATUS (whole.status) == 2 && whole.out.length == 0)
    printf (" and no output: does it take --bounce --json?");
  printf ("\noutput lines: %lu, of which unreadable or of no labelled "
          "message: %lu\n", o.lines, o.bad_lines);
  show_figure_target ("recognised as bounces", t.recognised,
                      TARGET_RECOGNISED);
  show_figure_target ("labelled recipients found", t.found, TARGET_FOUND);
  show_figure_target ("status agreement", t.status, TARGET_STATUS);
  show_figure_target ("reason agreement", t.reason, TARGET_REASON);
  if (crashed (&whole) && t.crashes == 0)
    t.crashes = 1;                      /* only the run of all crashed */
  printf ("crashes: %lu, target %d: %s\n", t.crashes, TARGET_CRASHES,
          t.crashes <= TARGET_CRASHES ? "met" : "MISSED");

  for (size_t k = 0; k < c.message_count; k++)
    {
      free (c.messages[k].labels);
      free (c.messages[k].ours);
    }
  free (c.messages);
  for (size_t k = 0; k < c.value_count; k++)
    json_free (&c.values[k]);
  free (c.values);
  for (size_t k = 0; k < o.value_count; k++)
    json_free (&o.values[k]);
  free (o.values);
  for (size_t k = 0; k < name_count; k++)
    {
      free (names[k]);
      free (paths[k]);
    }
  free (names);
  free (paths);
  free (bounces);
  free (labels);
  free (whole.out.data);
  free (whole.err.data);
  if (fflush (stdout) != 0 || ferror (stdout))
    fatal ("standard output: %s", strerror (errno));
  return 0;
}
