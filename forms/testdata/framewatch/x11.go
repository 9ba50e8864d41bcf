package main

// The X11 half of framewatch: XTest to press keys and click, MIT-SHM (or
// plain XGetImage where shared memory is refused) to read the window's
// pixels. Kept in C because a read must cost a few milliseconds at most:
// a 1280x800 window is 4 MB, and through the socket it would cost tens.

/*
#cgo LDFLAGS: -lX11 -lXext -lXtst
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/keysym.h>
#include <X11/extensions/XShm.h>
#include <X11/extensions/XTest.h>

typedef struct {
	Display *dpy;
	Window win;
	int width, height;
	XImage *img;        // shared-memory image, or NULL
	XShmSegmentInfo shm;
	int use_shm;
	int x_error;
} watcher;

static int x_error_code;
static int on_error(Display *d, XErrorEvent *e) { x_error_code = e->error_code; return 0; }

static watcher *fw_open(unsigned long win) {
	Display *dpy = XOpenDisplay(NULL);
	if (!dpy) return NULL;
	XSetErrorHandler(on_error);
	watcher *w = calloc(1, sizeof *w);
	w->dpy = dpy;
	w->win = (Window)win;
	return w;
}

static void fw_free_shm(watcher *w) {
	if (!w->img) return;
	XShmDetach(w->dpy, &w->shm);
	XDestroyImage(w->img);
	shmdt(w->shm.shmaddr);
	w->img = NULL;
}

// fw_grab reads the window into buf (width*height*4 bytes, BGRX) and
// returns 0, or returns -1 when the window cannot be read.
static int fw_grab(watcher *w, int *width, int *height, char **data) {
	XWindowAttributes a;
	x_error_code = 0;
	if (!XGetWindowAttributes(w->dpy, w->win, &a) || x_error_code) return -1;
	if (a.width != w->width || a.height != w->height) {
		fw_free_shm(w);
		w->width = a.width;
		w->height = a.height;
		w->use_shm = XShmQueryExtension(w->dpy);
		if (w->use_shm) {
			w->img = XShmCreateImage(w->dpy, a.visual, a.depth, ZPixmap, NULL, &w->shm, a.width, a.height);
			w->shm.shmid = shmget(IPC_PRIVATE, w->img->bytes_per_line * w->img->height, IPC_CREAT | 0600);
			w->shm.shmaddr = w->img->data = shmat(w->shm.shmid, 0, 0);
			w->shm.readOnly = False;
			x_error_code = 0;
			XShmAttach(w->dpy, &w->shm);
			XSync(w->dpy, False);
			shmctl(w->shm.shmid, IPC_RMID, 0); // freed once both sides detach
			if (x_error_code) { // a server in another container: no shared memory
				shmdt(w->shm.shmaddr);
				w->img->data = NULL;
				XDestroyImage(w->img);
				w->img = NULL;
				w->use_shm = 0;
			}
		}
	}
	*width = w->width;
	*height = w->height;
	if (w->use_shm) {
		x_error_code = 0;
		if (!XShmGetImage(w->dpy, w->win, w->img, 0, 0, AllPlanes) || x_error_code) return -1;
		*data = w->img->data;
		return 0;
	}
	XImage *img = XGetImage(w->dpy, w->win, 0, 0, w->width, w->height, AllPlanes, ZPixmap);
	if (!img) return -1;
	size_t n = (size_t)img->bytes_per_line * img->height;
	char *copy = malloc(n);
	memcpy(copy, img->data, n);
	XDestroyImage(img);
	*data = copy; // the caller frees it (fw_owned says so)
	return 0;
}

static int fw_owned(watcher *w) { return !w->use_shm; }

// fw_key presses or releases the key of keysym name; 0 when it has no key.
static int fw_key(watcher *w, const char *name, int press) {
	KeySym sym = XStringToKeysym(name);
	if (sym == NoSymbol) return 0;
	KeyCode code = XKeysymToKeycode(w->dpy, sym);
	if (!code) return 0;
	XTestFakeKeyEvent(w->dpy, code, press, CurrentTime);
	return 1;
}

static void fw_move(watcher *w, int x, int y) {
	Window child;
	int rx, ry;
	XTranslateCoordinates(w->dpy, w->win, DefaultRootWindow(w->dpy), x, y, &rx, &ry, &child);
	XTestFakeMotionEvent(w->dpy, -1, rx, ry, CurrentTime);
}

static void fw_button(watcher *w, int press) { XTestFakeButtonEvent(w->dpy, 1, press, CurrentTime); }
static void fw_sync(watcher *w) { XSync(w->dpy, False); }
static int fw_has_xtest(watcher *w) { int a, b, c, d; return XTestQueryExtension(w->dpy, &a, &b, &c, &d); }
*/
import "C"

import (
	"errors"
	"fmt"
	"strings"
	"unsafe"
)

// display is a connection to the X server watching one window.
type display struct{ w *C.watcher }

func openDisplay(win uint64) (*display, error) {
	w := C.fw_open(C.ulong(win))
	if w == nil {
		return nil, errors.New("cannot open the X display (is DISPLAY set?)")
	}
	d := &display{w}
	if C.fw_has_xtest(w) == 0 {
		return nil, errors.New("the X server has no XTEST extension")
	}
	return d, nil
}

// frame is one read of the window: its size and pixels (4 bytes each).
type frame struct {
	width, height int
	pix           []byte
}

// grab reads the window's pixels, copying them into buf's storage.
func (d *display) grab(buf []byte) (frame, error) {
	var w, h C.int
	var data *C.char
	if C.fw_grab(d.w, &w, &h, &data) != 0 {
		return frame{}, errors.New("cannot read the window (closed?)")
	}
	n := int(w) * int(h) * 4
	buf = append(buf[:0], unsafe.Slice((*byte)(unsafe.Pointer(data)), n)...)
	if C.fw_owned(d.w) != 0 {
		C.free(unsafe.Pointer(data))
	}
	return frame{int(w), int(h), buf}, nil
}

// keysyms maps xdotool's short names to X keysym names.
var keysyms = map[string]string{
	"alt": "Alt_L", "ctrl": "Control_L", "control": "Control_L", "shift": "Shift_L", "super": "Super_L",
	"enter": "Return", "pagedown": "Next", "pageup": "Prior",
}

// key presses a combination such as "alt+2" or "ctrl+shift+p" and releases
// it, modifiers last, the way a person's fingers do.
func (d *display) key(combo string) error {
	var names []string
	for _, k := range strings.Split(combo, "+") {
		if s, ok := keysyms[strings.ToLower(k)]; ok {
			k = s
		}
		names = append(names, k)
	}
	for i, n := range names {
		cs := C.CString(n)
		ok := C.fw_key(d.w, cs, 1)
		C.free(unsafe.Pointer(cs))
		if ok == 0 {
			for _, m := range names[:i] {
				d.press(m, false)
			}
			return fmt.Errorf("key %q: no key on this keyboard makes %q", combo, n)
		}
	}
	for i := len(names) - 1; i >= 0; i-- {
		d.press(names[i], false)
	}
	C.fw_sync(d.w)
	return nil
}

func (d *display) press(name string, down bool) {
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	p := C.int(0)
	if down {
		p = 1
	}
	C.fw_key(d.w, cs, p)
}

// moveTo puts the pointer at x, y in the window, and waits for the server.
func (d *display) moveTo(x, y int) {
	C.fw_move(d.w, C.int(x), C.int(y))
	C.fw_sync(d.w)
}

// click presses and releases the left button n times where the pointer is.
func (d *display) click(n int) {
	for range n {
		C.fw_button(d.w, 1)
		C.fw_button(d.w, 0)
	}
	C.fw_sync(d.w)
}
