/* hl-window-private.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-kiosk-controller.h"
#include "hl-sidebar.h"
#include "hl-web-view.h"
#include "hl-window.h"

G_BEGIN_DECLS

/* The window spans hl-window.c (construction, library state, page loading),
 * hl-window-actions.c (its actions and their shortcuts),
 * handout/hl-window-handout.c (handouts, basket, bookmarks, history) and
 * preferences/hl-window-settings.c (how it follows the settings, the
 * lockdown and a new library); kiosk/hl-kiosk-controller.c is what kiosk
 * mode does to it. */
struct _HlWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwLeaflet           *leaflet;
  GtkSearchEntry       *search_entry;
  HlSidebar            *sidebar;
  AdwWindowTitle       *title_widget;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *content_stack;
  HlWebView            *web_view;
  GtkProgressBar       *import_progress;
  AdwStatusPage        *failed_page;

  HlLibrary            *library;
  HlPageRenderer       *renderer;
  GSettings            *settings;
  char                 *content_language;
  gboolean              following_page;   /* the language changes because a page did */
  gboolean              first_page_loaded;
  char                 *pending_uri;      /* to show once the library is ready */
  AdwToast             *toast;            /* the one shown, if any */
  char                 *shown_uri;        /* the last page shown, kept when the view crashes */
  HlLockdown           *lockdown;
  HlImportJob          *import_job;
  gboolean              zoom_locked;      /* set by the administrator */
  gboolean              language_locked;
  HlKioskController    *kiosk;            /* kiosk/hl-kiosk-controller.c */
};

void hl_window_class_install_actions (GtkWidgetClass *widget_class);
void hl_window_update_actions        (HlWindow       *self);
/* Loads @uri and, on a narrow window, shows it. */
void hl_window_show_page             (HlWindow       *self,
                                      const char     *uri);
/* A short message at the bottom of the page, replacing the one shown. */
void  hl_window_show_toast           (HlWindow       *self,
                                      const char     *text);
/* The current page's address in @language, or NULL when it has none. */
char *hl_window_dup_uri_in_language  (HlWindow       *self,
                                      const char     *language);

/* From now on, follows the app's settings, lockdown, imports and library. */
void     hl_window_follow_settings   (HlWindow       *self,
                                      HlApplication  *app);
/* TRUE, and the reader is told why, when the lockdown keeps @uri (a link to
 * another site) from leaving the app. */
gboolean hl_window_refuse_external   (HlWindow       *self,
                                      const char     *uri);

G_END_DECLS
