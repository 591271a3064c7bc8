/* hl-window-private.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hl-find-bar.h"
#include "hl-kiosk-controller.h"
#include "hl-sidebar.h"
#include "hl-web-view.h"
#include "hl-window.h"
#include "hl-zoom-row.h"

G_BEGIN_DECLS

/* The window spans hl-window.c (construction, library state, page loading),
 * hl-window-actions.c (its actions and their shortcuts), hl-window-keys.c
 * (typing to search, the Tab order of its panes, F6),
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
  HlFindBar            *find_bar;
  GtkMenuButton        *menu_button;
  GtkWidget            *language_box;
  GtkLabel             *link_status;
  HlZoomRow            *zoom_row;
  GtkProgressBar       *import_progress;
  AdwStatusPage        *failed_page;

  HlLibrary            *library;
  HlPageRenderer       *renderer;
  GSettings            *settings;
  char                 *content_language;
  gboolean              first_page_loaded;
  gboolean              first_page_on_map; /* the library is ready, the window not mapped yet */
  char                 *pending_uri;      /* to show once the library is ready */
  AdwToast             *toast;            /* the one shown, if any */
  gint64                toast_time;       /* when it was added */
  guint                 toast_timeout;    /* to show the next one, once it has settled */
  char                 *pending_toast_text;
  char                 *pending_toast_button;
  char                 *pending_toast_action;
  gboolean              pending_toast_dismiss;
  char                 *shown_uri;        /* the last page shown, kept when the view crashes */
  HlLockdown           *lockdown;
  HlImportJob          *import_job;
  gboolean              zoom_locked;      /* set by the administrator */
  gboolean              language_locked;
  gboolean              session_language; /* a kiosk patient's: the key and the page stay */
  char                 *failed_uri;       /* the last link the system could not open */
  char                 *medlineplus_url;  /* the page shown, on MedlinePlus */
  guint32               last_tab_time;    /* of the last Tab key seen */
  guint32               page_tab_time;    /* of the last Tab the page has used */
  GPtrArray            *shortcuts;        /* GtkShortcutController, GTK's own */
  HlKioskController    *kiosk;            /* kiosk/hl-kiosk-controller.c */
};

void hl_window_class_install_actions (GtkWidgetClass *widget_class);
void hl_window_update_actions        (HlWindow       *self);
void hl_window_init_menu             (HlWindow       *self);
void hl_window_class_install_keys    (GtkWidgetClass *widget_class);
void hl_window_init_keys             (HlWindow       *self);
/* Loads @uri and, on a narrow window, shows it. */
void hl_window_show_page             (HlWindow       *self,
                                      const char     *uri);
/* A short message at the bottom of the page, replacing the one shown. */
void  hl_window_show_toast           (HlWindow       *self,
                                      const char     *text);
/* Takes the message shown, or about to be, away. */
void  hl_window_dismiss_toast        (HlWindow       *self);
/* The same with a button running @action_name. */
void  hl_window_show_toast_with_action (HlWindow     *self,
                                        const char   *text,
                                        const char   *button_label,
                                        const char   *action_name);
/* hl-window-links.c: links that leave the app. */
void  hl_window_mouse_target_changed (HlWindow            *self,
                                      WebKitHitTestResult *hit);
/* Hands @uri to the system; a toast says so when nothing can open it. */
void  hl_window_open_external        (HlWindow            *self,
                                      const char          *uri);
void  hl_window_copy_text            (HlWindow            *self,
                                      const char          *text);
/* The address of the hl:// page @uri on MedlinePlus's site, or NULL. */
char *hl_window_dup_medlineplus_url  (HlWindow            *self,
                                      const char          *uri);
/* The current page's address in @language, or NULL when it has none. */
char *hl_window_dup_uri_in_language  (HlWindow       *self,
                                      const char     *language);

/* From now on, follows the app's settings, lockdown, imports and library. */
void     hl_window_follow_settings   (HlWindow       *self,
                                      HlApplication  *app);
/* win.import-file: the preferences' Library page, with its file chooser
 * open. */
void     hl_window_import_file       (HlWindow       *self);
/* TRUE, and the reader is told why, when the lockdown keeps @uri (a link to
 * another site) from leaving the app. */
gboolean hl_window_refuse_external   (HlWindow       *self,
                                      const char     *uri);

G_END_DECLS
