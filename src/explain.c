/* explain.c: what a parsed reply means, in words and for the client.
   SPDX-License-Identifier: LGPL-2.1-or-later  */

#include <config.h>

#include <stddef.h>

#include "smtpstatus.h"
#include "codes.h"
#include "i18n.h"
#include "diagnose.h"

#define N_(text) text

/* The English text for REPLY: the enhanced code's first, since a basic
   code is shared by many meanings (a 550 may be an unknown address, a
   blocked sender or a policy) and its text would contradict what the
   server says in the enhanced code.  The registry's text of the detail;
   for a detail the registry lacks, as RFC 3463 asks of clients, the
   subject's; then the basic code's, and last its class's.  Subject 0
   ("other or undefined status") says nothing a basic code does not, so
   X.0.x gives way to the basic code; so does X.S.0 in a success, where
   "this concerns an address" (250 2.1.0) says less than "done".  */
const char *
smtpstatus_reply_msgid (const struct smtp_reply *reply)
{
  const struct smtp_enhanced_status *e = &reply->enhanced;
  if (reply->has_enhanced && e->subject != 0
      && !(e->detail == 0 && e->status_class == 2))
    {
      if (smtp_enhanced_is_known (e->subject, e->detail))
        return smtpstatus_enhanced_msgid (e->status_class, e->subject,
                                          e->detail);
      const char *subject = smtpstatus_subject_msgid (e->subject);
      if (subject != NULL)
        return subject;
    }
  return smtpstatus_code_msgid (reply->code);
}

const char *
smtp_reply_explain (const struct smtp_reply *reply)
{
  return smtpstatus_translate (smtpstatus_reply_msgid (reply));
}

const char *
smtp_reply_explain_l (const struct smtp_reply *reply, locale_t loc)
{
  return smtpstatus_translate_l (smtpstatus_reply_msgid (reply), loc);
}

enum smtp_outcome
smtp_status_outcome (int code, int enhanced_class)
{
  /* The outcomes are numbered by class digit; an enhanced code has no
     class 3 (RFC 3463 section 3.1).  */
  int status_class = smtp_status_class (code);
  if (status_class == 0
      && (enhanced_class == 2 || enhanced_class == 4 || enhanced_class == 5))
    status_class = enhanced_class;
  return (enum smtp_outcome) status_class;
}

enum smtp_outcome
smtp_reply_outcome (const struct smtp_reply *reply)
{
  return smtp_status_outcome (reply->code, reply->has_enhanced
                                           ? reply->enhanced.status_class : 0);
}

int
smtp_reply_should_retry (const struct smtp_reply *reply)
{
  return smtp_reply_outcome (reply) == SMTP_OUTCOME_TRANSIENT;
}

const char *
smtp_outcome_description (enum smtp_outcome outcome)
{
  static const char text[6][64] =
  {
    /* TRANSLATORS: an outcome, what a reply means for the sender; it
       appears after the explanation of a reply, as in the fourth column
       of smtp-status --reply.  This one is for a reply that fits none
       of the others.  */
    [SMTP_OUTCOME_UNKNOWN] = N_("unknown outcome"),
    /* TRANSLATORS: an outcome, what a reply means for the sender; it
       appears after the explanation of a reply, as in the fourth column
       of smtp-status --reply.  This one is for a 2xx reply.  */
    [SMTP_OUTCOME_SUCCESS] = N_("success"),
    /* TRANSLATORS: an outcome, what a reply means for the sender; it
       appears after the explanation of a reply, as in the fourth column
       of smtp-status --reply.  This one is for a 3xx reply, such as 354
       after DATA.  */
    [SMTP_OUTCOME_INTERMEDIATE] = N_("intermediate: the server waits for more"),
    /* TRANSLATORS: an outcome, what a reply means for the sender; it
       appears after the explanation of a reply, as in the fourth column
       of smtp-status --reply.  This one is for a 4xx reply.  */
    [SMTP_OUTCOME_TRANSIENT] = N_("temporary failure: retrying later may help"),
    /* TRANSLATORS: an outcome, what a reply means for the sender; it
       appears after the explanation of a reply, as in the fourth column
       of smtp-status --reply.  This one is for a 5xx reply.  */
    [SMTP_OUTCOME_PERMANENT] = N_("permanent failure: sending it again unchanged will not help"),
  };
  int i = outcome >= SMTP_OUTCOME_SUCCESS && outcome <= SMTP_OUTCOME_PERMANENT
          ? outcome : SMTP_OUTCOME_UNKNOWN;
  return smtpstatus_translate (text[i]);
}

const char *
smtp_reply_result_description (enum smtp_reply_result result)
{
  static const char text[7][64] =
  {
    [-SMTP_REPLY_OK] = N_("The reply is complete and well formed."),
    [-SMTP_REPLY_INCOMPLETE] = N_("The reply is incomplete: more lines are "
                                  "to come."),
    [-SMTP_REPLY_BAD_CODE] = N_("A line does not start with a valid reply "
                                "code."),
    [-SMTP_REPLY_CODE_MISMATCH] = N_("The lines of the reply carry "
                                     "different codes."),
    /* TRANSLATORS: the parser takes lines of up to 512 bytes (RFC
       5321's limit) when strict, and of up to 4096 otherwise.  */
    [-SMTP_REPLY_LINE_TOO_LONG] = N_("A line is longer than the parser "
                                     "accepts."),
    [-SMTP_REPLY_TOO_MANY_LINES] = N_("The reply has more lines than the "
                                      "parser holds."),
    [6] = N_("Unknown parse result."),
  };
  int i = result <= SMTP_REPLY_OK && result >= SMTP_REPLY_TOO_MANY_LINES
          ? -result : 6;
  return smtpstatus_translate (text[i]);
}
