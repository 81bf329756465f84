/* smtpstatus.h: SMTP reply codes as human-readable, localized text.
   SPDX-License-Identifier: LGPL-2.1-or-later

   The strerror() of SMTP: every description comes back in the calling
   thread's message locale, from the library's own gettext domain.  No
   function here changes the process's locale or text domain, allocates
   memory, or keeps state a caller must free.  See smtpstatus(3).  */

#ifndef SMTPSTATUS_H
#define SMTPSTATUS_H

#include <locale.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What the library exports; it is built with -fvisibility=hidden, so its
   internal functions stay internal and calls to them direct.  */
#if defined __GNUC__ && __GNUC__ >= 4
# define SMTP_STATUS_API __attribute__ ((visibility ("default")))
#else
# define SMTP_STATUS_API
#endif

/* The gettext domain of the descriptions, for a program that wants them in
   a fixed charset: bind_textdomain_codeset (SMTP_STATUS_TEXTDOMAIN, "UTF-8").  */
#define SMTP_STATUS_TEXTDOMAIN "smtpstatus"

/* One constant per entry of the table, e.g. SMTP_STATUS_MAILBOX_UNAVAILABLE
   = 550.  The list itself is in smtpstatus-codes.def.  */
enum smtp_status_code
{
#define SMTP_STATUS_ENTRY(code, id, name, text) SMTP_STATUS_##id = (code),
#include "smtpstatus-codes.def"
#undef SMTP_STATUS_ENTRY
};

/* The description of CODE in the calling thread's message locale
   (LC_MESSAGES and LANGUAGE, as gettext decides).  A code not in the table
   gets the text of its reply class (2xx to 5xx), anything else a text that
   says the code is unknown.  Never NULL; the string is static and must not
   be modified or freed.  */
SMTP_STATUS_API const char *smtp_status_description (int code);

#ifdef LC_GLOBAL_LOCALE
/* The same as smtp_status_description, but for the locale LOC (a locale
   object from newlocale, or LC_GLOBAL_LOCALE), like strerror_l.  The
   calling thread's own locale is left as it was.  Declared where the
   system declares locale_t (POSIX 2008: _POSIX_C_SOURCE >= 200809L).  */
SMTP_STATUS_API const char *smtp_status_description_l (int code, locale_t loc);
#endif

/* The symbolic name of CODE as the source table spells it, for example
   "MailboxUnavailable" for 550; NULL if CODE is not in the table.  */
SMTP_STATUS_API const char *smtp_status_name (int code);

/* Looks NAME up and stores its code in *CODE (unless CODE is NULL).
   NAME is the source name ("MailboxBusy") or the enum constant's name
   with or without its prefix ("MAILBOX_BUSY", "SMTP_STATUS_MAILBOX_BUSY"),
   compared without regard to case by ASCII rules, so the answer is the
   same in every locale.  Returns 0, or -1 if NAME is unknown or NULL.  */
SMTP_STATUS_API int smtp_status_from_name (const char *name, int *code);

/* The reply class of CODE: its first digit, 2 to 5, for a code from 200
   to 599, whether the table has it or not; 0 for any other number.  */
SMTP_STATUS_API int smtp_status_class (int code);

/* 1 if CODE is in the table, 0 otherwise.  */
SMTP_STATUS_API int smtp_status_is_known (int code);

/* The number of entries in the table.  */
SMTP_STATUS_API size_t smtp_status_count (void);

/* Stores in *CODE the code of entry INDEX of the table, whose entries are
   in ascending order of code.  Returns 0, or -1 if INDEX is not below
   smtp_status_count().  */
SMTP_STATUS_API int smtp_status_code_at (size_t index, int *code);


/* Enhanced status codes (RFC 3463): CLASS.SUBJECT.DETAIL, as in 5.1.1.  */
struct smtp_enhanced_status
{
  int status_class;   /* 2 success, 4 temporary failure, 5 permanent failure */
  int subject;        /* 0 to 999; 1 addressing, 2 mailbox, ... 7 security */
  int detail;         /* 0 to 999 */
};

/* The description of CLASS.SUBJECT.DETAIL in the thread's message locale:
   the detail's text where the IANA registry has the code, else the
   subject's, else the class's (as for a basic code of that class), and a
   text saying the code is unknown for a class other than 2, 4 and 5.
   Never NULL; static.  */
SMTP_STATUS_API const char *smtp_enhanced_description (int status_class, int subject,
                                       int detail);

/* The same for a code written as text, "5.1.1"; a string that is not an
   enhanced status code (see smtp_enhanced_parse) gets the text saying the
   code is unknown.  Never NULL; static.  */
SMTP_STATUS_API const char *smtp_enhanced_description_str (const char *code);

/* 1 if the registry has SUBJECT.DETAIL (under any class), 0 otherwise.  */
SMTP_STATUS_API int smtp_enhanced_is_known (int subject, int detail);

/* Parses the LENGTH bytes at TEXT, which need not end in a NUL, as one
   enhanced status code: a class of 2, 4 or 5, a subject and a detail of
   one to three digits with no leading zero, separated by dots and nothing
   else.  Returns 0 and fills *STATUS, or -1 and leaves it alone.  */
SMTP_STATUS_API int smtp_enhanced_parse (const char *text, size_t length,
                         struct smtp_enhanced_status *status);

#ifdef LC_GLOBAL_LOCALE
SMTP_STATUS_API const char *smtp_enhanced_description_l (int status_class, int subject,
                                         int detail, locale_t loc);
SMTP_STATUS_API const char *smtp_enhanced_description_str_l (const char *code,
                                             locale_t loc);
#endif

/* Replies as servers send them (RFC 5321 section 4.2), with the enhanced
   code of RFC 2034 where every line carries the same one.  */

/* RFC 5321 4.5.3.1.5: a reply line is at most 512 octets with its CRLF.  */
#define SMTP_REPLY_MAX_LINE 512
/* The lines one struct smtp_reply holds.  */
#define SMTP_REPLY_MAX_LINES 64

/* What smtp_reply_parse returns.  */
enum smtp_reply_result
{
  SMTP_REPLY_OK = 0,
  SMTP_REPLY_INCOMPLETE = -1,     /* no final line yet: read more, retry */
  SMTP_REPLY_BAD_CODE = -2,       /* a line lacks a valid code and separator */
  SMTP_REPLY_CODE_MISMATCH = -3,  /* a line's code differs from the first */
  SMTP_REPLY_LINE_TOO_LONG = -4,  /* a line exceeds SMTP_REPLY_MAX_LINE */
  SMTP_REPLY_TOO_MANY_LINES = -5  /* over SMTP_REPLY_MAX_LINES lines */
};

/* One line's text, as an offset into the parsed buffer and a length:
   what follows the code and its separator, less the enhanced code and
   its space where the reply has one, and less the line end.  */
struct smtp_reply_line
{
  size_t offset;
  size_t length;
};

struct smtp_reply
{
  int code;                                 /* 200 to 599 */
  int has_enhanced;                         /* 1 if ENHANCED is set */
  struct smtp_enhanced_status enhanced;
  size_t size;          /* bytes the reply takes, through its last line end;
                           after an error, where the offending line starts */
  size_t line_count;
  struct smtp_reply_line lines[SMTP_REPLY_MAX_LINES];
};

/* Parses the reply at the start of the SIZE bytes at BUFFER, which need
   not end in a NUL and is never read past SIZE.  Lines end in CRLF or a
   bare LF; other bytes, NUL and non-ASCII included, are text.  Returns
   SMTP_REPLY_OK or a negative enum smtp_reply_result.  On success the
   next reply, where several were pipelined, starts at BUFFER +
   REPLY->size.  Never allocates.  */
SMTP_STATUS_API int smtp_reply_parse (const char *buffer, size_t size,
                      struct smtp_reply *reply);

/* A sentence describing RESULT, a value smtp_reply_parse returned, in the
   thread's message locale.  Never NULL; static.  */
SMTP_STATUS_API const char *smtp_reply_result_description (int result);

/* The most specific description of a parsed reply: its enhanced code's
   if the registry has that detail, else its basic code's if the table has
   it, else its enhanced code's subject's, else its reply class's.  */
SMTP_STATUS_API const char *smtp_reply_explain (const struct smtp_reply *reply);
#ifdef LC_GLOBAL_LOCALE
SMTP_STATUS_API const char *smtp_reply_explain_l (const struct smtp_reply *reply,
                                  locale_t loc);
#endif

/* What a reply means for the client.  The values are the class digits.  */
enum smtp_outcome
{
  SMTP_OUTCOME_UNKNOWN = 0,
  SMTP_OUTCOME_SUCCESS = 2,
  SMTP_OUTCOME_INTERMEDIATE = 3,  /* the server waits for more input */
  SMTP_OUTCOME_TRANSIENT = 4,     /* temporary: the same may work later */
  SMTP_OUTCOME_PERMANENT = 5      /* retrying as it is will not help */
};

/* The outcome of basic reply CODE with ENHANCED_CLASS (0 for none).  The
   basic code decides: it is what RFC 5321 tells the client to act on, and
   RFC 2034 requires the enhanced class to agree with it, so the enhanced
   class counts only where CODE has no class (it is not 200 to 599).  */
SMTP_STATUS_API int smtp_status_outcome (int code, int enhanced_class);
SMTP_STATUS_API int smtp_reply_outcome (const struct smtp_reply *reply);

/* 1 if sending again later may succeed (the outcome is transient),
   0 if not.  */
SMTP_STATUS_API int smtp_reply_should_retry (const struct smtp_reply *reply);

/* A short text for OUTCOME, such as "permanent failure: retrying will not
   help", in the thread's message locale.  Never NULL; static.  */
SMTP_STATUS_API const char *smtp_outcome_description (int outcome);

#ifdef __cplusplus
}
#endif

#endif /* SMTPSTATUS_H */
