# doc/local.mk: the man pages, included by Makefile.am.
# SPDX-License-Identifier: LGPL-2.1-or-later

# One page for the program and five for the library (basic codes,
# enhanced codes, replies, diagnoses, bounces); every other function's
# name is a .so link to the page that describes it.
dist_man_MANS = \
	doc/smtp-status.1 \
	doc/smtp_bounce_action_name.3 \
	doc/smtp_bounce_text_next.3 \
	doc/smtp_diagnosis_explanation.3 \
	doc/smtp_diagnosis_explanation_l.3 \
	doc/smtp_diagnosis_sentence.3 \
	doc/smtp_diagnosis_sentence_l.3 \
	doc/smtp_dsn_explain.3 \
	doc/smtp_dsn_next_recipient.3 \
	doc/smtp_dsn_parse.3 \
	doc/smtp_enhanced_description.3 \
	doc/smtp_enhanced_description_l.3 \
	doc/smtp_enhanced_description_str.3 \
	doc/smtp_enhanced_description_str_l.3 \
	doc/smtp_enhanced_is_known.3 \
	doc/smtp_enhanced_parse.3 \
	doc/smtp_outcome_description.3 \
	doc/smtp_party_description.3 \
	doc/smtp_party_description_l.3 \
	doc/smtp_reason_advice.3 \
	doc/smtp_reason_advice_l.3 \
	doc/smtp_reason_description.3 \
	doc/smtp_reason_description_l.3 \
	doc/smtp_reason_from_name.3 \
	doc/smtp_reason_name.3 \
	doc/smtp_reply_diagnose.3 \
	doc/smtp_reply_explain.3 \
	doc/smtp_reply_explain_l.3 \
	doc/smtp_reply_next_line.3 \
	doc/smtp_reply_outcome.3 \
	doc/smtp_reply_parse.3 \
	doc/smtp_reply_parse_flags.3 \
	doc/smtp_reply_result_description.3 \
	doc/smtp_reply_should_retry.3 \
	doc/smtp_status_class.3 \
	doc/smtp_status_code_at.3 \
	doc/smtp_status_count.3 \
	doc/smtp_status_description.3 \
	doc/smtp_status_description_l.3 \
	doc/smtp_status_from_name.3 \
	doc/smtp_status_is_known.3 \
	doc/smtp_status_name.3 \
	doc/smtp_status_outcome.3 \
	doc/smtpstatus.3
