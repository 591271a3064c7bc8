/* hl-html.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every value that reaches a page goes through one of these two escapers.
 * Both replace & < > " ' with entities; attribute values must be written
 * inside double quotes. NULL appends nothing (escape_* return ""). */
void      hl_html_append_text      (GString    *out,
                                    const char *text);
void      hl_html_append_attr      (GString    *out,
                                    const char *value);
char     *hl_html_escape_text      (const char *text);
char     *hl_html_escape_attr      (const char *value);

/* TRUE for absolute http:, https: and hl: URLs only ("scheme://" and a host,
 * case-insensitive scheme, no whitespace or control characters anywhere). */
gboolean  hl_html_is_allowed_url   (const char *url);
/* TRUE for absolute http: and https: URLs only. */
gboolean  hl_html_is_web_url       (const char *url);

/* Called for the href of every link, entity-decoded and trimmed but not yet
 * checked: it may be relative, or "javascript:…". Returns a newly allocated
 * replacement href (for example an hl:// address) or NULL to keep @href;
 * either way the link survives only if the result passes
 * hl_html_is_allowed_url(). */
typedef char *(*HlHtmlLinkRewriteFunc) (const char *href,
                                        gpointer    user_data);

/* Reduces an untrusted HTML fragment (@length bytes, or -1 when
 * nul-terminated) to the allow-list: p, ul, ol, li, em, strong, b, i, br, h3
 * and a (href with http, https or hl only; a link without one keeps its
 * text). Every other element is dropped, keeping its text, except script,
 * style, iframe, object, svg, math, template, noscript, forms and their
 * controls, head, title, meta and the like, which are dropped with their
 * content. No attribute other than a's href passes; comments go. Nesting the
 * parser would rearrange (a block inside p or inside inline markup, a link
 * in a link) is flattened, and empty elements are left out. The result is
 * well-formed, valid UTF-8 (bad bytes become U+FFFD), trimmed, stable when
 * sanitized again, and never NULL.
 *
 * When @plain_text is not NULL the visible text is appended to it, entities
 * decoded and not escaped, with blocks separated by a newline (for the
 * full-text index). Nothing separates it from what @plain_text held
 * before. */
char     *hl_html_sanitize         (const char            *fragment,
                                    gssize                 length,
                                    HlHtmlLinkRewriteFunc  rewrite,
                                    gpointer               user_data,
                                    GString               *plain_text);

G_END_DECLS
