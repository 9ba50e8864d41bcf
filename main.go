// Command pactwright drafts call centre outsourcing agreements. With no
// arguments, `open ID|FILE.json` or only `--library PATH` it opens the
// window; any other subcommand runs headless (see app/cli).
package main

import (
	_ "0init/earlylocale"             // before Fyne reads the locale: see the package
	_ "0init/earlylocale/texturelife" // before Fyne reads its texture lifetime: see the package

	_ "embed"
	"fmt"
	"math"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"github.com/go-gl/glfw/v3.3/glfw"

	"pactwright/app/agreement"
	"pactwright/app/cli"
	"pactwright/app/console"
	"pactwright/app/library"
	"pactwright/app/template"
	"pactwright/app/version"
	"pactwright/forms"
	"pactwright/forms/adapt"
)

// fyneAppToml holds the version (FyneApp.toml is its one source).
//
//go:embed FyneApp.toml
var fyneAppToml []byte

// Stamped by the Makefile: -ldflags "-X main.commit=... -X main.buildDate=...".
var commit, buildDate string

func main() {
	args := os.Args[1:]
	w, gui := cli.WindowRequest(args)
	if !gui {
		// On Windows this exe has no console of its own (a double-click
		// must not open one); a command typed in cmd or PowerShell prints
		// there all the same.
		console.AttachParent()
		// A command lives for milliseconds and its heap stays small:
		// collecting a quarter as often saves a fifth of a render's CPU
		// time (hyperfine, `render`: 34 -> 27 ms of CPU).
		gcPercent(400)
		if version.Requested(args) {
			os.Exit(printVersion())
		}
		os.Exit(cli.Run(args, os.Stdin, os.Stdout, os.Stderr))
	}
	if why := cli.NoDisplay(runtime.GOOS, os.Getenv); why != "" {
		fmt.Fprintln(os.Stderr, why)
		os.Exit(1)
	}
	defer func() {
		// Fyne panics when the display it was given cannot be used.
		if r := recover(); r != nil {
			fmt.Fprintln(os.Stderr, cli.WindowFailed(r))
			os.Exit(1)
		}
	}()
	// The window's live heap is about 30 MB (mostly Fyne's fonts and
	// widgets); the default GOGC lets it double before collecting. Half of
	// that keeps the app near 185 MB rather than 195 MB, at a cost of a few
	// more short collections that no one typing can notice.
	gcPercent(50)
	t := template.CallCentre()
	const appID = "app.pactwright.desktop"
	forms.DropEmptySettings(appID)
	a := app.NewWithID(appID)
	opts := forms.Options{App: a, Template: t, BuildAhead: true, WorkArea: workArea(a)}
	e, engineErr := agreement.NewEngine(t)
	if engineErr == nil {
		opts.Renderer = &adapt.Renderer{E: e}
	} else {
		e = nil
		fmt.Fprintln(os.Stderr, "pactwright: preview and export unavailable:", engineErr)
	}
	opts.OpenLibrary = adapt.OpenLibrary(e)
	// --library, else $PACTWRIGHT_LIBRARY, else the library last chosen
	// with File ▸ Open library…, else the default file.
	if w.Library == "" && os.Getenv(library.EnvLibrary) == "" {
		w.Library = forms.RememberedLibrary(a)
	}
	path, err := library.ResolvePath(w.Library)
	if err == nil {
		var l *library.Library
		if l, err = library.Open(path); err == nil {
			defer l.Close()
			lib := adapt.Wire(l, e)
			opts.Store, opts.Documents, opts.SetAuthor, opts.Watch = lib.Store, lib.Documents, lib.SetAuthor, lib.Watch
		}
	}
	opts.StoreErr = err
	ui := forms.New(opts)
	exitAfterSignal(exitGrace)
	if w.Open != "" {
		ui.OpenTarget(w.Open)
	}
	ui.Window().ShowAndRun()
}

// workArea is the primary screen's work area (the screen less panels and
// docks) in Fyne's units, or zero if the screen cannot be asked: the
// first window is sized to fit it (forms.Options.WorkArea). Fyne offers
// no screen size, so GLFW, which Fyne runs on, is asked; its Init does
// nothing when called again by Fyne. The scale is worked out as Fyne's
// window does it (internal/driver/glfw scale.go and window_desktop.go in
// v2.7.1): the monitor's DPI over 96 on Linux, times FYNE_SCALE or the
// scale chosen in Fyne's settings.
func workArea(a fyne.App) fyne.Size {
	if err := glfw.Init(); err != nil {
		return fyne.Size{}
	}
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}
	}
	_, _, w, h := m.GetWorkarea()
	system := float32(1)
	switch runtime.GOOS {
	case "darwin": // sizes are in points already
	case "windows":
		system, _ = m.GetContentScale()
	default:
		if mm, _ := m.GetPhysicalSize(); mm > 0 && os.Getenv("FYNE_DISABLE_DPI_DETECTION") == "" {
			if mode := m.GetVideoMode(); mode != nil {
				if dpi := float32(mode.Width) / (float32(mm) / 25.4); dpi >= 10 && dpi <= 1000 {
					system = max(1, dpi/96)
				}
			}
		}
	}
	user := float32(1)
	if env, err := strconv.ParseFloat(os.Getenv("FYNE_SCALE"), 32); err == nil && env > 0 {
		user = float32(env)
	} else if s := a.Settings().Scale(); s > 0 {
		user = s
	}
	scale := float32(math.Round(float64(system*user*10)) / 10)
	if w <= 0 || h <= 0 || scale <= 0 {
		return fyne.Size{}
	}
	return fyne.NewSize(float32(w)/scale, float32(h)/scale)
}

// exitGrace is how long the process may take to end after SIGTERM or
// SIGINT.
const exitGrace = 5 * time.Second

// exitAfterSignal ends the process grace after SIGTERM or SIGINT if it has
// not ended by then. Fyne quits on those signals itself, but its shutdown
// can hang for good (seen here with Fyne 2.7.1: the lifecycle queue waits
// for a main loop that has already stopped), leaving a process with no
// window that a logout or `kill` cannot end. Autosaved answers are already
// in the library: a save is one SQLite transaction.
func exitAfterSignal(grace time.Duration) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-sig
		time.Sleep(grace)
		fmt.Fprintln(os.Stderr, "pactwright: still running", grace, "after being asked to stop; ending now")
		os.Exit(1)
	}()
}

func printVersion() int {
	v, err := version.New(fyneAppToml, commit, buildDate)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pactwright:", err)
		return 1
	}
	fmt.Println(v)
	return 0
}

// gcPercent sets how much the heap may grow between collections, unless
// GOGC in the environment says otherwise.
func gcPercent(p int) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(p)
	}
}
