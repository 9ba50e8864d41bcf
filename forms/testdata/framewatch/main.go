// Command framewatch measures how long a window takes to show the result
// of a key press or a click, to the millisecond.
//
//	framewatch -window ID (-key COMBO | -click X,Y [-double]) [-still 1s] [-limit 10s] [-save PREFIX]
//
// It sends the input itself through XTest, so the clock starts when the X
// server has the event, then reads the window's pixels every millisecond
// or so (a read through shared memory costs well under one) until they
// have not changed for -still. It prints one line:
//
//	shown=41.2 first=38.0 last=190.5 changes=4 read=0.5
//
// in milliseconds after the input: first, the first changed picture; last,
// the final picture; shown, the first picture that is, but for a sliver,
// the final one (see shown below: a tab highlight moving or "Preparing…"
// is not the result, a highlight still sliding beside the result is).
// changes counts the distinct pictures, read is the mean ms a read took.
// Each figure is an upper bound with about 1+read ms of resolution.
//
// -save PREFIX writes PREFIX-shown.png and PREFIX-last.png, to look at
// what was measured. Exit status 1 means nothing changed within -limit,
// 2 bad usage or a window that cannot be read.
//
// Before a click it moves the pointer there and waits for the window to
// hold still, so a hover highlight is not taken for the result.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// tolerance is how far from the final picture a picture may be to count
// as showing it: the fraction of the pixels the input changed.
const tolerance = 0.02

// sliver is how thin, in pixels, each patch that still differs from the
// final picture may be for a picture to count as showing it: a tab's
// highlight (the theme's padding, 4 px at scale 1, and its smoothed
// edges; seen in two places as it slides) or a text cursor (1 px).
const sliver = 8

func main() {
	var o options
	flag.StringVar(&o.window, "window", "", "X window id, decimal or 0x hex (xdotool search prints it)")
	flag.StringVar(&o.key, "key", "", "key combination to press, xdotool style: alt+2, ctrl+shift+p, Return")
	flag.StringVar(&o.click, "click", "", "X,Y in the window to click with the left button")
	flag.BoolVar(&o.double, "double", false, "double-click instead of a single click")
	flag.DurationVar(&o.still, "still", time.Second, "how long the pixels must hold still to count as finished")
	flag.DurationVar(&o.every, "every", time.Millisecond, "pause between reads, to leave the app the CPU")
	flag.DurationVar(&o.limit, "limit", 10*time.Second, "give up when nothing has changed after this long")
	flag.IntVar(&o.ignore, "ignore", 100, "changes of fewer pixels than this are not changes (a blinking cursor)")
	flag.StringVar(&o.save, "save", "", "write PREFIX-shown.png and PREFIX-last.png")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "framewatch:", err)
		if errors.Is(err, errNoChange) {
			os.Exit(1)
		}
		os.Exit(2)
	}
}

type options struct {
	window, key, click, save string
	double                   bool
	ignore                   int
	still, every, limit      time.Duration
}

var errNoChange = errors.New("the window did not change")

func run(o options) error {
	if o.window == "" || (o.key == "") == (o.click == "") {
		return errors.New("usage: framewatch -window ID (-key COMBO | -click X,Y [-double]) [flags]; -h lists them")
	}
	win, err := strconv.ParseUint(o.window, 0, 64)
	if err != nil {
		return fmt.Errorf("-window %q is not a window id", o.window)
	}
	d, err := openDisplay(win)
	if err != nil {
		return err
	}
	input := func() error { return d.key(o.key) }
	if o.click != "" {
		x, y, err := parsePoint(o.click)
		if err != nil {
			return err
		}
		d.moveTo(x, y)
		if _, err := watch(d, nil, o.still, o.every, o.limit, o.ignore); err != nil { // the hover drawn
			return err
		}
		n := 1
		if o.double {
			n = 2
		}
		input = func() error { d.click(n); return nil }
	}
	before, err := d.grab(nil)
	if err != nil {
		return err
	}
	t0 := time.Now()
	if err := input(); err != nil {
		return err
	}
	res, err := watch(d, &before, o.still, o.every, o.limit, o.ignore)
	if err != nil {
		return err
	}
	if len(res.changes) == 0 {
		return fmt.Errorf("%w within %v", errNoChange, o.limit)
	}
	got := shown(before, res.changes, tolerance)
	last := res.changes[len(res.changes)-1]
	fmt.Printf("shown=%.1f first=%.1f last=%.1f changes=%d read=%.1f\n",
		ms(got.at.Sub(t0)), ms(res.changes[0].at.Sub(t0)), ms(last.at.Sub(t0)), len(res.changes),
		ms(res.readTime)/float64(res.reads))
	if o.save == "" {
		return nil
	}
	if err := savePNG(o.save+"-shown.png", got.f); err != nil {
		return err
	}
	return savePNG(o.save+"-last.png", last.f)
}

// watched is what watch saw: every distinct picture after the input.
type watched struct {
	changes  []change
	reads    int
	readTime time.Duration
}

// change is a new picture and when it was on screen (an upper bound: by
// the end of the read that saw it).
type change struct {
	at time.Time
	f  frame
}

// maxChanges bounds the pictures kept (4 MB each at 1280x800): an
// animation longer than this keeps its first and latest ones.
const maxChanges = 64

// watch reads the window until it has held still for still (and, given a
// picture from before, has changed from it), or until limit passes. It
// pauses every between reads so that it leaves the app most of the CPU.
// A change of fewer than ignore pixels since the last change counted is
// not one: a text cursor blinks forever.
func watch(d *display, before *frame, still, every, limit time.Duration, ignore int) (watched, error) {
	var res watched
	start := time.Now()
	var counted, seen, cur frame // the last change counted, the last read and this one
	if before != nil {
		counted, seen = clone(*before), clone(*before)
	}
	countedAt := start
	for {
		t := time.Now()
		f, err := d.grab(cur.pix)
		res.readTime += time.Since(t)
		res.reads++
		if err != nil {
			return res, err
		}
		cur = f
		now := time.Now()
		switch {
		case seen.pix == nil:
			counted, seen = clone(cur), clone(cur)
		case same(cur, seen):
			if now.Sub(countedAt) >= still && (before == nil || len(res.changes) > 0) {
				return res, nil
			}
		default:
			seen, cur = cur, seen
			if differing(seen, counted) <= ignore {
				break
			}
			counted, countedAt = clone(seen), now
			if len(res.changes) == maxChanges {
				res.changes = slices.Delete(res.changes, 1, 2)
			}
			res.changes = append(res.changes, change{now, counted})
		}
		if now.Sub(start) > limit {
			if before == nil {
				return res, fmt.Errorf("the window did not hold still for %v within %v", still, limit)
			}
			return res, nil // no changes: the caller reports it
		}
		time.Sleep(every)
	}
}

// shown is the first change whose picture shows the final one but for
// slivers: of the pixels the input changed in the end, no more than
// tolerance of them still differ, or each patch that still differs is a
// strip at most sliver pixels thin. A frame that only moved a tab's
// highlight, or shows "Loading…", is far from the final picture; one
// that shows the new content while a highlight still slides into place,
// or a text cursor has blinked since, is not. Fyne's tab highlight
// slides for 150 ms (canvas.DurationShort), and beside the Preview's
// monospaced lines its strip alone is more than 2% of the pixels the text
// changed.
func shown(before frame, changes []change, tolerance float64) change {
	final := changes[len(changes)-1].f
	total := differing(before, final)
	for _, c := range changes {
		n := differing(c.f, final)
		if float64(n) <= tolerance*float64(total) || onlySlivers(patches(c.f, final)) {
			return c
		}
	}
	return changes[len(changes)-1]
}

// onlySlivers reports whether every patch is at most sliver pixels thin.
func onlySlivers(patches []image.Rectangle) bool {
	for _, p := range patches {
		if min(p.Dx(), p.Dy()) > sliver {
			return false
		}
	}
	return true
}

// patchCell is the side, in pixels, of the squares patches groups the
// differing pixels by: differences closer than that are one patch.
const patchCell = 16

// patches gives the rectangles around each patch of pixels that differ
// between a and b (one rectangle, the whole picture, when their sizes
// differ): differing pixels are grouped by patchCell squares, and
// squares that touch, corners too, make one patch.
func patches(a, b frame) []image.Rectangle {
	if a.width != b.width || a.height != b.height {
		return []image.Rectangle{image.Rect(0, 0, max(a.width, b.width), max(a.height, b.height))}
	}
	cols, rows := (a.width+patchCell-1)/patchCell, (a.height+patchCell-1)/patchCell
	cells := make([]image.Rectangle, cols*rows) // the differing pixels' bounds in each square
	for i := 0; i+3 < len(a.pix); i += 4 {
		if a.pix[i] != b.pix[i] || a.pix[i+1] != b.pix[i+1] || a.pix[i+2] != b.pix[i+2] {
			x, y := (i/4)%a.width, (i/4)/a.width
			c := &cells[y/patchCell*cols+x/patchCell]
			*c = c.Union(image.Rect(x, y, x+1, y+1))
		}
	}
	var out []image.Rectangle
	seen := make([]bool, len(cells))
	for start := range cells {
		if seen[start] || cells[start].Empty() {
			continue
		}
		var box image.Rectangle
		todo := []int{start}
		seen[start] = true
		for len(todo) > 0 {
			k := todo[len(todo)-1]
			todo = todo[:len(todo)-1]
			box = box.Union(cells[k])
			cx, cy := k%cols, k/cols
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					nx, ny := cx+dx, cy+dy
					if nx < 0 || ny < 0 || nx >= cols || ny >= rows {
						continue
					}
					if n := ny*cols + nx; !seen[n] && !cells[n].Empty() {
						seen[n] = true
						todo = append(todo, n)
					}
				}
			}
		}
		out = append(out, box)
	}
	return out
}

// differing counts the pixels that differ between two pictures (all of
// them when their sizes differ).
func differing(a, b frame) int {
	if a.width != b.width || a.height != b.height {
		return max(a.width*a.height, b.width*b.height)
	}
	n := 0
	for i := 0; i+3 < len(a.pix); i += 4 {
		if a.pix[i] != b.pix[i] || a.pix[i+1] != b.pix[i+1] || a.pix[i+2] != b.pix[i+2] {
			n++
		}
	}
	return n
}

func same(a, b frame) bool {
	return a.width == b.width && a.height == b.height && bytes.Equal(a.pix, b.pix)
}

func clone(f frame) frame { f.pix = append([]byte(nil), f.pix...); return f }

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func parsePoint(s string) (int, int, error) {
	xs, ys, ok := strings.Cut(s, ",")
	x, err1 := strconv.Atoi(xs)
	y, err2 := strconv.Atoi(ys)
	if !ok || err1 != nil || err2 != nil {
		return 0, 0, fmt.Errorf("-click %q: want X,Y in pixels, such as 200,140", s)
	}
	return x, y, nil
}

// savePNG writes a picture read from the window (BGRX) as a PNG.
func savePNG(path string, f frame) error {
	img := image.NewNRGBA(image.Rect(0, 0, f.width, f.height))
	for i := 0; i+3 < len(f.pix) && i+3 < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = f.pix[i+2], f.pix[i+1], f.pix[i], 255
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(out, img); err != nil {
		out.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return out.Close()
}
