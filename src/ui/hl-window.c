#include "config.h"
#include "hl-window.h"
struct _HlWindow { AdwApplicationWindow parent_instance; };
G_DEFINE_FINAL_TYPE (HlWindow, hl_window, ADW_TYPE_APPLICATION_WINDOW)
static void hl_window_class_init (HlWindowClass *klass) {}
static void hl_window_init (HlWindow *self) {}
HlWindow *hl_window_new (HlApplication *application) { return g_object_new (HL_TYPE_WINDOW, "application", application, NULL); }
