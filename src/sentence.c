/* sentence.c: one sentence for a mail program's user interface.
   SPDX-License-Identifier: LGPL-2.1-or-later

   The step, the recipient and the explanation, put together by a
   format each language orders as it needs ("%1$s" and "%2$s" may
   swap).  */

#include <config.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include "smtpstatus.h"
#include "i18n.h"

#define N_(text) text

/* The steps, as what the server was answering; each fills the %s of
   "failed at %s" and the like.  */
static const char step_text[9][48] =
{
  [SMTP_STEP_UNKNOWN] = "",
  /* TRANSLATORS: a step of sending mail, as in "Sending failed at
     %s."; here the connection to the receiving server.  */
  [SMTP_STEP_CONNECT] = N_("the connection"),
  /* TRANSLATORS: a step of sending mail, as in "Sending failed at
     %s."; EHLO is a command name, keep it.  */
  [SMTP_STEP_EHLO] = N_("the introduction (EHLO)"),
  /* TRANSLATORS: a step of sending mail, as in "Sending failed at
     %s."; STARTTLS is a command name, keep it.  */
  [SMTP_STEP_STARTTLS] = N_("the start of encryption (STARTTLS)"),
  /* TRANSLATORS: a step of sending mail, as in "Sending failed at
     %s."; AUTH is a command name, keep it.  */
  [SMTP_STEP_AUTH] = N_("the login (AUTH)"),
  /* TRANSLATORS: a step of sending mail, as in "Sending failed at
     %s."; MAIL FROM is a command name, keep it.  */
  [SMTP_STEP_MAIL] = N_("the sender's address (MAIL FROM)"),
  /* TRANSLATORS: a step of sending mail, as in "Sending failed at
     %s."; RCPT TO is a command name, keep it.  */
  [SMTP_STEP_RCPT] = N_("the recipient's address (RCPT TO)"),
  /* TRANSLATORS: a step of sending mail, as in "Sending failed at
     %s."; DATA is a command name, keep it.  */
  [SMTP_STEP_DATA] = N_("the start of the message (DATA)"),
  /* TRANSLATORS: a step of sending mail, as in "Sending failed at
     %s."; after the whole message was sent.  */
  [SMTP_STEP_END_OF_DATA] = N_("the end of the message"),
};

/* The formats, by outcome (failed, delayed, went through), whether a
   recipient is named and whether the step is known.  */
static const char format_text[3][2][2][48] =
{
  {
    /* TRANSLATORS: %1$s is the explanation, a whole sentence.  */
    { N_("Sending failed. %1$s"),
      /* TRANSLATORS: %1$s is a step ("the login (AUTH)"), %2$s the
         explanation, a whole sentence.  */
      N_("Sending failed at %1$s. %2$s") },
    /* TRANSLATORS: %1$s is the recipient's address, %2$s the
       explanation, a whole sentence.  */
    { N_("Sending to %1$s failed. %2$s"),
      /* TRANSLATORS: %1$s is the recipient's address, %2$s a step
         ("the recipient's address (RCPT TO)"), %3$s the explanation,
         a whole sentence.  */
      N_("Sending to %1$s failed at %2$s. %3$s") },
  },
  {
    /* TRANSLATORS: a temporary failure; %1$s is the explanation.  */
    { N_("Sending is delayed. %1$s"),
      /* TRANSLATORS: a temporary failure; %1$s is a step, %2$s the
         explanation.  */
      N_("Sending is delayed at %1$s. %2$s") },
    /* TRANSLATORS: a temporary failure; %1$s is the recipient's
       address, %2$s the explanation.  */
    { N_("Sending to %1$s is delayed. %2$s"),
      /* TRANSLATORS: a temporary failure; %1$s is the recipient's
         address, %2$s a step, %3$s the explanation.  */
      N_("Sending to %1$s is delayed at %2$s. %3$s") },
  },
  {
    /* TRANSLATORS: no failure; %1$s is the explanation.  */
    { N_("Sending got through. %1$s"),
      /* TRANSLATORS: no failure; %1$s is a step, %2$s the
         explanation.  */
      N_("Sending got through %1$s. %2$s") },
    /* TRANSLATORS: no failure; %1$s is the recipient's address, %2$s
       the explanation.  */
    { N_("Sending to %1$s got through. %2$s"),
      /* TRANSLATORS: no failure; %1$s is the recipient's address, %2$s
         a step, %3$s the explanation.  */
      N_("Sending to %1$s got through %2$s. %3$s") },
  },
};

/* Writes the sentence with FORMAT and up to three strings, as snprintf
   does; returns its length.  */
static size_t
write_sentence (char *buffer, size_t size, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  int length = vsnprintf (buffer, size, format, args);
  va_end (args);
  if (length < 0)
    {
      /* Only a format a catalog broke gets here; msgfmt -c refuses
         those, so write nothing rather than part of one.  */
      if (size > 0)
        buffer[0] = '\0';
      return 0;
    }
  return (size_t) length;
}

/* MSGID in LOC, or in the thread's locale unless HAS_LOC.  */
static const char *
translate (const char *msgid, bool has_loc, locale_t loc)
{
  return has_loc ? smtpstatus_translate_l (msgid, loc)
                 : smtpstatus_translate (msgid);
}

/* The sentence, in LOC, or in the thread's locale unless HAS_LOC.  */
static size_t
sentence (char *buffer, size_t size, enum smtp_step step,
          const char *recipient, const struct smtp_diagnosis *diagnosis,
          bool has_loc, locale_t loc)
{
  int outcome = diagnosis->outcome == SMTP_OUTCOME_TRANSIENT ? 1
                : diagnosis->outcome == SMTP_OUTCOME_SUCCESS
                  || diagnosis->outcome == SMTP_OUTCOME_INTERMEDIATE ? 2 : 0;
  bool named = recipient != NULL && recipient[0] != '\0';
  unsigned s = (unsigned) step;
  bool stepped = s > SMTP_STEP_UNKNOWN && s <= SMTP_STEP_END_OF_DATA;
  const char *format = translate (format_text[outcome][named][stepped],
                                  has_loc, loc);
  const char *explanation
    = has_loc ? smtp_diagnosis_explanation_l (diagnosis, loc)
              : smtp_diagnosis_explanation (diagnosis);
  const char *step_name = stepped ? translate (step_text[s], has_loc, loc)
                                  : "";
  if (named && stepped)
    return write_sentence (buffer, size, format, recipient, step_name,
                           explanation);
  if (named)
    return write_sentence (buffer, size, format, recipient, explanation);
  if (stepped)
    return write_sentence (buffer, size, format, step_name, explanation);
  return write_sentence (buffer, size, format, explanation);
}

size_t
smtp_diagnosis_sentence (char *buffer, size_t size, enum smtp_step step,
                         const char *recipient,
                         const struct smtp_diagnosis *diagnosis)
{
  return sentence (buffer, size, step, recipient, diagnosis, false,
                   (locale_t) 0);
}

size_t
smtp_diagnosis_sentence_l (char *buffer, size_t size, enum smtp_step step,
                           const char *recipient,
                           const struct smtp_diagnosis *diagnosis,
                           locale_t loc)
{
  return sentence (buffer, size, step, recipient, diagnosis, true, loc);
}
