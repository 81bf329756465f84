# doc/local.mk: the man pages, included by Makefile.am.
# SPDX-License-Identifier: LGPL-2.1-or-later

# One page for the program, one for the library; each function's name
# is a .so link to the library's page.
dist_man_MANS = \
	doc/smtp-status.1 \
	doc/smtpstatus.3 \
	doc/smtp_status_class.3 \
	doc/smtp_status_code_at.3 \
	doc/smtp_status_count.3 \
	doc/smtp_status_description.3 \
	doc/smtp_status_description_l.3 \
	doc/smtp_status_from_name.3 \
	doc/smtp_status_is_known.3 \
	doc/smtp_status_name.3
