package forms

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/answers"
)

func (u *UI) now() time.Time { return time.Now() }

// slug makes a name safe for a file name: letters and digits, words joined by "-".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// exportName is "<Customer>-<Provider>-agreement-YYYY-MM-DD.<ext>".
func exportName(a answers.Answers, now time.Time, ext string) string {
	var parts []string
	for _, id := range []string{"customer_name", "provider_name"} {
		if s := slug(a.Text(id)); s != "" {
			parts = append(parts, s)
		}
	}
	parts = append(parts, "agreement", now.Format("2006-01-02"))
	return strings.Join(parts, "-") + "." + ext
}

// exportPDF walks the user through the checks, then asks where to save.
func (e *editor) exportPDF() {
	snap := e.snapshot()
	askFile := func() {
		fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil {
				e.ui.showError(err)
				return
			}
			if w == nil {
				return
			}
			e.exportTo(w, w.URI().Path(), nil)
		}, e.ui.win)
		fd.SetFileName(exportName(snap.Answers, e.ui.now(), "pdf"))
		fd.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
		fd.Show()
	}
	checkChars := func() {
		bad := e.ui.opts.Renderer.UnsupportedCharacters(snap)
		if len(bad) == 0 {
			askFile()
			return
		}
		var shown []string
		for _, r := range bad {
			shown = append(shown, fmt.Sprintf("%q (U+%04X)", r, r))
		}
		dialog.ShowConfirm("Characters the PDF cannot show",
			"These characters are not in the PDF's fonts and would print as blanks:\n\n"+strings.Join(shown, ", ")+
				"\n\nCancel to change them first, or export anyway.", func(ok bool) {
				if ok {
					askFile()
				}
			}, e.ui.win)
	}
	if e.report.Complete() {
		checkChars()
		return
	}
	var missing []string
	for _, p := range e.report.Problems() {
		missing = append(missing, "• "+p.String())
	}
	more := ""
	if len(missing) > 12 {
		more = fmt.Sprintf("\n… and %d more", len(missing)-12)
		missing = missing[:12]
	}
	l := widget.NewLabel("This agreement is not complete. The PDF will show gaps where these answers belong:\n\n" + strings.Join(missing, "\n") + more)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Export an incomplete agreement?", "Export anyway", "Keep editing", container.NewVScroll(l), func(ok bool) {
		if ok {
			checkChars()
		}
	}, e.ui.win)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}

// exportTo renders the PDF off the UI goroutine behind a progress dialog,
// writes it to w, records the export and offers to open it. done, if set,
// runs on the UI goroutine at the end (tests use it).
func (e *editor) exportTo(w io.WriteCloser, path string, done func(error)) {
	snap := e.snapshot()
	progress := dialog.NewCustomWithoutButtons("Exporting PDF", container.NewVBox(
		widget.NewLabel("Preparing the agreement…"), widget.NewProgressBarInfinite()), e.ui.win)
	progress.Show()
	store, r, do, id, saver := e.ui.opts.Store, e.ui.opts.Renderer, e.ui.opts.Do, e.id, e.saver
	go func() {
		err := func() error {
			pdf, _, err := r.RenderPDF(snap)
			if err != nil {
				w.Close()
				return fmt.Errorf("render PDF: %w", err)
			}
			if _, err := w.Write(pdf); err != nil {
				w.Close()
				return fmt.Errorf("write %s: %w", path, err)
			}
			if err := w.Close(); err != nil {
				return fmt.Errorf("write %s: %w", path, err)
			}
			// The library records the export with its copy of the answers,
			// so the last keystrokes must reach it first.
			if err := saver.Flush(); err != nil {
				return fmt.Errorf("the PDF was saved to %s, but the answers could not be saved to record the export: %w", path, err)
			}
			if _, err := store.RecordExport(id, path, pdf); err != nil {
				return fmt.Errorf("the PDF was saved to %s, but recording the export in the library failed: %w", path, err)
			}
			return nil
		}()
		do(func() {
			progress.Hide()
			if err != nil {
				e.ui.showError(err)
			} else {
				e.offerOpen(path)
			}
			if done != nil {
				done(err)
			}
		})
	}()
}

func (e *editor) offerOpen(path string) {
	app := e.ui.opts.App
	openPDF := widget.NewButton("Open PDF", func() { app.OpenURL(&url.URL{Scheme: "file", Path: path}) })
	openPDF.Importance = widget.HighImportance
	folder := widget.NewButton("Show folder", func() { app.OpenURL(&url.URL{Scheme: "file", Path: filepath.Dir(path)}) })
	msg := widget.NewLabel("The agreement was saved to\n" + path + "\n\nIt is ready to sign, digitally or on paper.")
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("PDF exported", "Close", container.NewVBox(msg, container.NewHBox(openPDF, folder)), e.ui.win)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
}
