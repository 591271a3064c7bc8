/* hl-kiosk.h
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hl-library.h"
#include "hl-update-controller.h"
#include "hl-user-session.h"

G_BEGIN_DECLS

#define HL_TYPE_KIOSK (hl_kiosk_get_type ())

G_DECLARE_FINAL_TYPE (HlKiosk, hl_kiosk, HL, KIOSK, GObject)

typedef enum
{
  HL_KIOSK_UNLOCK_OPENED,   /* the right code: kiosk mode is left */
  HL_KIOSK_UNLOCK_WRONG,    /* refused; see hl_kiosk_get_wait_seconds() */
  HL_KIOSK_UNLOCK_WAIT,     /* refused unchecked: too many wrong codes lately */
  HL_KIOSK_UNLOCK_NO_CODE,  /* no usable code is set: the kiosk cannot be left */
} HlKioskUnlockResult;

/* Wrong codes allowed before the kiosk makes the next one wait, and the
 * first wait; each further wrong code doubles it, up to the last. */
#define HL_KIOSK_FREE_TRIES        3
#define HL_KIOSK_FIRST_WAIT_SECONDS 30
#define HL_KIOSK_LONGEST_WAIT_SECONDS 600

/* The waiting-room kiosk of the app, as GNOME Web's lockdown object watches
 * its schema: whether it is on (the kiosk-mode key, or --kiosk), its other
 * keys, the unlock code and the tries at it, and what kiosk mode changes in
 * the app as a whole: nothing is kept of a patient (the user session keeps
 * nothing), a new library waits for the next start over, the app cannot be
 * quit and has no preferences or about window, windows have no title
 * buttons, printing never goes to a file, and the GTK Inspector is kept
 * closed. Each window follows :active with its HlKioskController. */
HlKiosk  *hl_kiosk_new                (GSettings           *settings,
                                       GActionMap          *app_actions,
                                       HlUserSession       *user_session,
                                       HlLibrary           *library,
                                       HlUpdateController  *updates);
/* health-library --kiosk: on for this run, whatever the key says. */
void      hl_kiosk_set_forced         (HlKiosk             *self,
                                       gboolean             forced);
gboolean  hl_kiosk_get_active         (HlKiosk             *self);
guint     hl_kiosk_get_idle_seconds   (HlKiosk             *self);
/* kiosk-allow-printing; the lockdown's disable-printing is asked apart. */
gboolean  hl_kiosk_get_allow_printing (HlKiosk             *self);
/* Whether a well-formed unlock code is set. */
gboolean  hl_kiosk_get_has_code       (HlKiosk             *self);
/* Seconds before another code is checked; 0 when one may be tried now. */
guint     hl_kiosk_get_wait_seconds   (HlKiosk             *self);

/* Checks @code in a worker thread (the hash is slow on purpose). */
void                hl_kiosk_unlock_async  (HlKiosk             *self,
                                            const char          *code,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
HlKioskUnlockResult hl_kiosk_unlock_finish (HlKiosk             *self,
                                            GAsyncResult        *result);

/* The fresh start for the next patient: windows do theirs (::start-over),
 * then the app forgets the session, takes up a library update that waited,
 * lets a due library update run and wipes WebKit's data. */
void      hl_kiosk_start_over         (HlKiosk             *self);

/* Whether the app may quit or close its window now. */
gboolean  hl_kiosk_refuses_quit       (HlKiosk             *self);

/* Before the toolkit starts (GTK reads its debugging variables then, WebKit
 * its remote inspector's): in kiosk mode, from @settings or @forced, no
 * variable may open an inspector. TRUE when kiosk mode is on. */
gboolean  hl_kiosk_prepare_environment (GSettings          *settings,
                                        gboolean            forced);

G_END_DECLS
