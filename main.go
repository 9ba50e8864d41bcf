// Command pactwright drafts call centre outsourcing agreements. With no
// arguments, `open ID|FILE.json` or only `--library PATH` it opens the
// window; any other subcommand runs headless (see app/cli).
package main

import (
	_ "0init/earlylocale" // before Fyne reads the locale: see the package

	"fmt"
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2/app"

	"pactwright/app/agreement"
	"pactwright/app/cli"
	"pactwright/app/library"
	"pactwright/app/template"
	"pactwright/app/usecase"
	"pactwright/forms"
	"pactwright/forms/adapt"
)

func main() {
	w, gui := cli.WindowRequest(os.Args[1:])
	if !gui {
		os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	// The window's live heap is about 30 MB (mostly Fyne's fonts and
	// widgets); the default GOGC lets it double before collecting. Half of
	// that keeps the app near 185 MB rather than 195 MB, at a cost of a few
	// more short collections that no one typing can notice. GOGC in the
	// environment still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	t := template.CallCentre()
	opts := forms.Options{App: app.NewWithID("app.pactwright.desktop"), Template: t}
	var l *library.Library
	path, err := library.ResolvePath(w.Library)
	if err == nil {
		if l, err = library.Open(path); err == nil {
			defer l.Close()
			opts.Store = adapt.Store{L: l}
		}
	}
	opts.StoreErr = err
	if e, err := agreement.NewEngine(t); err == nil {
		opts.Renderer = &adapt.Renderer{E: e}
		if l != nil {
			opts.Documents = adapt.Documents{S: &usecase.Service{Library: l, Engine: e}}
		}
	} else {
		fmt.Fprintln(os.Stderr, "pactwright: preview and export unavailable:", err)
	}
	ui := forms.New(opts)
	if w.Open != "" {
		ui.OpenTarget(w.Open)
	}
	ui.Window().ShowAndRun()
}
