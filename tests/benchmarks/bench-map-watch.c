/* bench-map-watch.c
 *
 * Copyright 2026 PhyNet Health
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A separate X client that reports when top-level windows appear and when
 * they are first drawn, for bench-startup.py. It watches the root window and
 * prints one line per event, with CLOCK_MONOTONIC in nanoseconds (Python's
 * time.monotonic_ns () reads the same clock):
 *
 *   ready
 *   map PID WINDOW NS CPU   the window was mapped (PID from _NET_WM_PID, 0 if unset);
 *                           CPU is how long, in ns, the process's main thread
 *                           had run by then (/proc/PID/schedstat), -1 if unknown
 *   damage PID WINDOW NS    the first drawing into that window after it was mapped
 *
 * The times are when this client received the event from the X server,
 * which is what any other client (a window manager, a compositor) can know.
 * Runs until its standard input is closed or the display goes away.
 *
 * With --frames DIR it also saves what each new window shows after each of
 * its first drawings, as DIR/PID-N-MS.ppm (MS after it was mapped), to look
 * for a flash of an empty or half-drawn window. Reading the pixels back
 * takes time: leave it off when timing. */

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_WATCHED 64
#define MAX_FRAMES  40

typedef struct
{
  Window    window;
  Damage    damage;
  long      pid;
  long long mapped_ns;
  int       frames;
} Watched;

static Watched watched[MAX_WATCHED];

static long long
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long
window_pid (Display *display,
            Window   window)
{
  Atom net_wm_pid = XInternAtom (display, "_NET_WM_PID", False);
  Atom type;
  int format;
  unsigned long n_items, after;
  unsigned char *data = NULL;
  long pid = 0;

  if (XGetWindowProperty (display, window, net_wm_pid, 0, 1, False, XA_CARDINAL, &type, &format,
                          &n_items, &after, &data) == Success &&
      data != NULL && n_items == 1 && format == 32)
    pid = (long) *(unsigned long *) data;
  if (data != NULL)
    XFree (data);

  return pid;
}

/* Writes what @window shows as a binary PPM. */
static void
save_frame (Display    *display,
            Watched    *w,
            const char *dir,
            long long   t)
{
  XWindowAttributes attributes;
  XImage *image;
  char path[4096];
  FILE *file;
  unsigned char *row;

  if (!XGetWindowAttributes (display, w->window, &attributes) ||
      attributes.map_state != IsViewable)
    return;
  image = XGetImage (display, w->window, 0, 0, attributes.width, attributes.height, AllPlanes,
                     ZPixmap);
  if (image == NULL)
    return;

  snprintf (path, sizeof path, "%s/%ld-%02d-%05.1f.ppm", dir, w->pid, w->frames,
            (t - w->mapped_ns) / 1e6);
  file = fopen (path, "wb");
  if (file != NULL)
    {
      fprintf (file, "P6\n%d %d\n255\n", image->width, image->height);
      row = malloc (image->width * 3);

      for (int y = 0; y < image->height && row != NULL; y++)
        {
          for (int x = 0; x < image->width; x++)
            {
              /* The usual 32-bit pixels of a 24-bit display, read directly:
               * XGetPixel is too slow for a frame at a time. */
              unsigned long pixel = image->bits_per_pixel == 32
                ? ((unsigned int *) (image->data + y * image->bytes_per_line))[x]
                : XGetPixel (image, x, y);

              row[3 * x] = (pixel >> 16) & 0xff;
              row[3 * x + 1] = (pixel >> 8) & 0xff;
              row[3 * x + 2] = pixel & 0xff;
            }
          fwrite (row, 1, image->width * 3, file);
        }
      free (row);
      fclose (file);
    }
  XDestroyImage (image);
}

/* How long the main thread of @pid has run, in ns: the work it did, which
 * grows much less than the time since it started when other programs keep
 * the processors busy. */
static long long
cpu_ns (long pid)
{
  char path[64];
  long long ns = -1;
  FILE *file;

  snprintf (path, sizeof path, "/proc/%ld/schedstat", pid);
  file = fopen (path, "r");
  if (file == NULL)
    return -1;
  if (fscanf (file, "%lld", &ns) != 1)
    ns = -1;
  fclose (file);
  return ns;
}

static int
ignore_errors (Display     *display,
               XErrorEvent *event)
{
  /* A window may be gone by the time its property is read. */
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  Display *display = XOpenDisplay (NULL);
  int damage_event, damage_error;
  int has_damage;
  struct pollfd fds[2];
  const char *frames_dir = NULL;

  if (argc == 3 && strcmp (argv[1], "--frames") == 0)
    frames_dir = argv[2];
  else if (argc != 1)
    {
      fprintf (stderr, "Usage: bench-map-watch [--frames DIR]\n");
      return 2;
    }

  if (display == NULL)
    {
      fprintf (stderr, "bench-map-watch: cannot open the display\n");
      return 1;
    }

  XSetErrorHandler (ignore_errors);
  has_damage = XDamageQueryExtension (display, &damage_event, &damage_error);
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);
  printf ("ready\n");
  fflush (stdout);

  fds[0].fd = ConnectionNumber (display);
  fds[0].events = POLLIN;
  fds[1].fd = STDIN_FILENO;
  fds[1].events = POLLIN;

  for (;;)
    {
      if (XPending (display) == 0)
        {
          if (poll (fds, 2, -1) < 0)
            continue;
          if (fds[1].revents & (POLLIN | POLLHUP))
            {
              char buffer[64];

              if (read (STDIN_FILENO, buffer, sizeof buffer) <= 0)
                break;
            }
          if (fds[0].revents & (POLLERR | POLLHUP))
            break;
          if (XPending (display) == 0)
            continue;
        }

      while (XPending (display) > 0)
        {
          XEvent event;
          long long t;

          XNextEvent (display, &event);
          t = now_ns ();

          if (event.type == MapNotify && !event.xmap.override_redirect)
            {
              long pid = window_pid (display, event.xmap.window);

              printf ("map %ld 0x%lx %lld %lld\n", pid, event.xmap.window, t,
                      pid > 0 ? cpu_ns (pid) : -1);
              if (has_damage)
                for (int i = 0; i < MAX_WATCHED; i++)
                  if (watched[i].window == 0)
                    {
                      watched[i].window = event.xmap.window;
                      watched[i].pid = pid;
                      watched[i].mapped_ns = t;
                      watched[i].frames = 0;
                      watched[i].damage = XDamageCreate (display, event.xmap.window,
                                                         XDamageReportNonEmpty);
                      break;
                    }
            }
          else if (event.type == UnmapNotify || event.type == DestroyNotify)
            {
              Window window = event.type == UnmapNotify ? event.xunmap.window
                                                        : event.xdestroywindow.window;

              for (int i = 0; i < MAX_WATCHED; i++)
                if (watched[i].window == window)
                  {
                    if (event.type == UnmapNotify)
                      XDamageDestroy (display, watched[i].damage);
                    watched[i].window = 0;
                  }
            }
          else if (has_damage && event.type == damage_event + XDamageNotify)
            {
              XDamageNotifyEvent *damage = (XDamageNotifyEvent *) &event;

              for (int i = 0; i < MAX_WATCHED; i++)
                if (watched[i].window != 0 && watched[i].damage == damage->damage)
                  {
                    if (watched[i].frames == 0)
                      printf ("damage %ld 0x%lx %lld %lld\n", watched[i].pid, watched[i].window, t,
                              watched[i].pid > 0 ? cpu_ns (watched[i].pid) : -1);
                    watched[i].frames++;

                    /* Only the first drawing counts, unless frames are saved. */
                    if (frames_dir != NULL && watched[i].frames <= MAX_FRAMES)
                      {
                        XDamageSubtract (display, watched[i].damage, None, None);
                        save_frame (display, &watched[i], frames_dir, t);
                      }
                    else
                      {
                        XDamageDestroy (display, watched[i].damage);
                        watched[i].window = 0;
                      }
                  }
            }
          fflush (stdout);
        }
    }

  XCloseDisplay (display);
  return 0;
}
