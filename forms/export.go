package forms

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/answers"
	"pactwright/app/check"
	"pactwright/app/draft"
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

// fileName joins the customer's name (when there is one) and the words
// that say what the file is: "brightside-obligations.ics", or
// "obligations.ics" before the customer is named, never "-obligations.ics".
func fileName(a answers.Answers, words ...string) string {
	if s := slug(a.Text("customer_name")); s != "" {
		words = append([]string{s}, words...)
	}
	return strings.Join(words, "-")
}

// exportName is "<Customer>-<Provider>-agreement-YYYY-MM-DD.<ext>".
func exportName(a answers.Answers, now time.Time, ext string) string {
	return exportNameFor(a, now, ExportAgreement, "", ext)
}

// exportNameFor is exportName with the kind's word and tag, which tells
// this export from the last one: "…-amendment-2-…", "…-agreement-v7-…".
func exportNameFor(a answers.Answers, now time.Time, kind ExportKind, tag, ext string) string {
	var parts []string
	for _, id := range []string{"customer_name", "provider_name"} {
		if s := slug(a.Text(id)); s != "" {
			parts = append(parts, s)
		}
	}
	parts = append(parts, kind.fileWord())
	if tag != "" {
		parts = append(parts, tag)
	}
	parts = append(parts, now.Format("2006-01-02"))
	return strings.Join(parts, "-") + "." + ext
}

// exportTag numbers an export in its file name, so a second export the
// same day (after an amendment, say) is not offered the first one's name
// to overwrite: an amendment by its number, anything else by the version
// the export becomes in History. revs is the draft's history.
func exportTag(kind ExportKind, revs []Revision) string {
	signed, last := 0, 0
	for _, r := range revs {
		if r.Kind == "signed" {
			signed++
		}
		last = max(last, r.Number)
	}
	if kind == ExportAmendment {
		// The agreement's own signature is the first signed version; each
		// signed amendment adds one, so the next amendment is No. signed.
		return strconv.Itoa(max(signed, 1))
	}
	return "v" + strconv.Itoa(last+1)
}

// exportDocs is the part of Documents an export uses.
type exportDocs interface {
	Export(req ExportRequest) (ExportResult, error)
}

// fontChecker says which characters of a draft the PDF's fonts lack.
type fontChecker interface {
	UnsupportedCharacters(d draft.Draft) []rune
}

// historyReader reads a draft's saved versions.
type historyReader interface {
	History(id int64) ([]Revision, error)
}

// fileActions are the window's ways with files: *UI has them.
type fileActions interface {
	askSaveFile(name, ext string, got func(w fyne.URIWriteCloser))
	openInBackground(path, what string)
}

// exportDialog walks the user through exporting one draft as a PDF: what
// to export once it is signed, what the PDF will lack, where to save it,
// then the PDF itself and what to do with it.
type exportDialog struct {
	win    fyne.Window
	id     int64 // the draft it was opened for
	signed bool
	// snap and report are the draft and its checklist when the dialog
	// opened: the dialogs are modal, so they stay what the user sees.
	snap   draft.Draft
	report check.Report
	fonts  fontChecker
	store  historyReader
	docs   exportDocs
	draft  draftTasks
	// saveNow saves the answers on screen without the wait dialog (the
	// export shows its own progress), then gives their version; it gives
	// errSaverStopped if the draft left the screen first.
	saveNow func(done func(version int64, err error))
	say     messages
	files   fileActions
	do      func(func()) // runs on the UI goroutine
	now     func() time.Time
	// again exports the draft once more to path, as the library holds it
	// now (UI.exportAgain).
	again func(path string, kind ExportKind, done func(error))
	// word exports a Word file for the other side to mark up instead of
	// the PDF; the use case picks the format from the file's extension.
	word bool
}

// noun names the file the dialog exports.
func (d *exportDialog) noun() string {
	if d.word {
		return "Word file"
	}
	return "PDF"
}

func (e *editor) exportDialog() *exportDialog {
	s, u := e.shown(), e.ui
	return &exportDialog{win: u.win, id: s.id, signed: e.signed, snap: e.snapshot(), report: e.report,
		fonts: u.opts.Renderer, store: u.opts.Store, docs: u.opts.Documents, draft: s, saveNow: s.saveNow,
		say: u, files: u, do: u.opts.Do, now: u.now,
		again: func(path string, kind ExportKind, done func(error)) { u.exportAgain(s.id, path, kind, done) }}
}

func (e *editor) exportPDF() { e.exportDialog().chooseKind() }

// exportWord is File ▸ Export Word for markup: the same choices and
// checks, then a .docx (see docs/word.md).
func (e *editor) exportWord() {
	d := e.exportDialog()
	d.word = true
	d.chooseKind()
}

// chooseKind asks what to export when the agreement is signed (the
// agreement, an amendment, a redline or the conformed copy), walks the
// user through the checks, then asks where to save.
func (d *exportDialog) chooseKind() {
	if !d.signed {
		d.exportKind(ExportAgreement)
		return
	}
	kinds := []ExportKind{ExportAmendment, ExportRedline, ExportConformed, ExportAgreement}
	labels := make([]string, len(kinds))
	for i, k := range kinds {
		labels[i] = k.label()
	}
	choice := widget.NewRadioGroup(labels, nil)
	choice.SetSelected(labels[0])
	msg := widget.NewLabel("This agreement has been signed. What would you like to export?")
	msg.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomConfirm("Export "+d.noun(), "Next…", "Cancel", container.NewVBox(msg, choice), func(ok bool) {
		if !ok {
			return
		}
		for i, l := range labels {
			if l == choice.Selected {
				d.exportKind(kinds[i])
			}
		}
	}, d.win)
	dlg.Resize(fyne.NewSize(620, 320))
	dlg.Show()
}

// exportKind runs the checks, then the save dialog, for one kind. The
// file name it suggests is numbered from the draft's history, read off
// the UI goroutine.
func (d *exportDialog) exportKind(kind ExportKind) {
	d.check(func() {
		var revs []Revision
		d.draft.inBackground(func() (err error) {
			revs, err = d.store.History(d.id)
			return err
		}, func(err error) {
			tag := ""
			if err == nil {
				tag = exportTag(kind, revs) // without it, the name is only less precise
			}
			ext := "pdf"
			if d.word {
				ext = "docx"
			}
			name := exportNameFor(d.snap.Answers, d.now(), kind, tag, ext)
			d.files.askSaveFile(name, "."+ext, func(w fyne.URIWriteCloser) { d.exportTo(w, w.URI().Path(), kind, nil) })
		})
	})
}

// askSaveFile asks where to save a file with extension ext, suggesting
// name, and hands got the file opened for writing.
func (u *UI) askSaveFile(name, ext string, got func(w fyne.URIWriteCloser)) {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w != nil {
			got(w)
		}
	}, u.win)
	fd.SetFileName(name)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	fd.Show()
}

// saveFile asks where to save data, suggesting name (whose extension it
// keeps), and writes it there; what names the action in an error.
func (u *UI) saveFile(name, what string, data []byte) {
	u.askSaveFile(name, filepath.Ext(name), func(w fyne.URIWriteCloser) {
		_, err := w.Write(data)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			u.showError(fmt.Errorf("%s to %s: %w", what, w.URI().Path(), err))
		}
	})
}

// checkBeforeExport runs next once the user has accepted what the PDF will
// lack: answers still missing, and characters its fonts cannot show.
func (d *exportDialog) check(next func()) {
	checkChars := func() {
		bad := d.fonts.UnsupportedCharacters(d.snap)
		if len(bad) == 0 || d.word { // Word shows any character with the reader's fonts
			next()
			return
		}
		var shown []string
		for _, r := range bad {
			shown = append(shown, fmt.Sprintf("%q (U+%04X)", r, r))
		}
		msg := widget.NewLabel("These characters are not in the PDF's fonts and would print as question marks (?):\n\n" +
			strings.Join(shown, ", ") + "\n\nCancel to change them first, or export anyway.")
		msg.Wrapping = fyne.TextWrapWord
		dlg := dialog.NewCustomConfirm("Characters the PDF cannot show", "Export anyway", "Cancel", msg, func(ok bool) {
			if ok {
				next()
			}
		}, d.win)
		dlg.Resize(fyne.NewSize(520, 260))
		dlg.Show()
	}
	if d.report.Signable() {
		checkChars()
		return
	}
	var missing []string
	for _, p := range d.report.Problems() {
		missing = append(missing, "• "+p.String())
	}
	for _, g := range d.report.Groups {
		if g.Status == check.ToReview {
			missing = append(missing, "• "+g.Name+": not yet confirmed as reviewed (the Confirm button at the end of its tab)")
		}
	}
	for _, f := range d.report.OpenRisks() {
		missing = append(missing, "• High risk: "+f.Message+" Fix it, or use \"Accept this risk…\" under it in Findings.")
	}
	more := ""
	if len(missing) > 12 {
		more = fmt.Sprintf("\n… and %d more", len(missing)-12)
		missing = missing[:12]
	}
	l := widget.NewLabel("This agreement is not ready for signature, so the PDF will be a DRAFT – NOT FOR SIGNATURE: every page is marked DRAFT and it has no signature fields. Still to do:\n\n" + strings.Join(missing, "\n") + more)
	l.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomConfirm("Export a draft, not for signature?", "Export anyway", "Keep editing", container.NewVScroll(l), func(ok bool) {
		if ok {
			checkChars()
		}
	}, d.win)
	dlg.Resize(fyne.NewSize(640, 420))
	dlg.Show()
}

// exportTo saves the answers and renders the PDF off the UI goroutine
// behind a progress dialog, writes it to w, records the export and offers
// to open it. done, if set, runs on the UI goroutine at the end (tests use it).
func (d *exportDialog) exportTo(w io.WriteCloser, path string, kind ExportKind, done func(error)) {
	step := widget.NewLabel("Saving your changes…")
	progress := dialog.NewCustomWithoutButtons("Exporting "+d.noun(), container.NewVBox(
		step, widget.NewProgressBarInfinite()), d.win)
	progress.Show()
	// The library records the export against a version of its working copy,
	// so the answers on screen must reach it first; their version goes with
	// the PDF, and the record is refused if the draft moves on meanwhile.
	d.saveNow(func(version int64, saveErr error) {
		if errors.Is(saveErr, errSaverStopped) {
			// Closed while saving (the window's close waits for the same save).
			progress.Hide()
			w.Close()
			if done != nil {
				done(errSaverStopped)
			}
			return
		}
		step.SetText("Preparing the " + d.noun() + "…")
		d.render(w, ExportRequest{ID: d.id, Kind: kind, Version: version, Path: path}, saveErr, progress, done)
	})
}

// render is the part of exportTo after the save: Documents makes the PDF
// off the UI goroutine from the saved draft at req.Version and records it,
// unless saveErr says the answers could not be saved.
//
// What became of the file is told even if the draft has left the screen
// meanwhile: the file was written, or not, either way.
func (d *exportDialog) render(w io.WriteCloser, req ExportRequest, saveErr error, progress dialog.Dialog, done func(error)) {
	go func() {
		stale := false
		var res ExportResult
		err := func() error {
			if saveErr != nil {
				w.Close()
				return fmt.Errorf("the answers could not be saved, so nothing was exported: %w", saveErr)
			}
			written := false
			req.Write = func(pdf []byte) error {
				written = true
				if _, err := w.Write(pdf); err != nil {
					w.Close()
					return fmt.Errorf("write %s: %w", req.Path, err)
				}
				if err := w.Close(); err != nil {
					return fmt.Errorf("write %s: %w", req.Path, err)
				}
				return nil
			}
			var err error
			res, err = d.docs.Export(req)
			if !written {
				w.Close()
			}
			stale = errors.Is(err, ErrConflict)
			return err
		}()
		d.do(func() {
			progress.Hide()
			switch {
			case stale:
				d.offerExportAgain(req.Path, req.Kind, done)
			case err != nil:
				d.say.showError(err)
			default:
				d.offerOpen(req.Path, res)
			}
			if done != nil {
				done(err)
			}
		})
	}()
}

// offerExportAgain explains that the draft changed while its PDF was being
// made, so the file was not recorded, and offers to make it again.
func (d *exportDialog) offerExportAgain(path string, kind ExportKind, done func(error)) {
	msg := widget.NewLabel("The draft was changed while the PDF was being made (in another window, from the command line, " +
		"or by restoring a version). The file\n" + path + "\nwas written, but it may not match the saved draft, so it was " +
		"not recorded as an export. Do not send it for signature.\n\n" +
		"Export again makes a new PDF of the draft as it is saved now and writes it to the same file.")
	msg.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomConfirm("The draft changed while exporting", "Export again", "Not now", msg, func(again bool) {
		if again {
			d.again(path, kind, done)
		}
	}, d.win)
	dlg.Resize(fyne.NewSize(560, 300))
	dlg.Show()
}

// exportAgain repeats an export to path with the draft as the library now
// holds it. If another window saved meanwhile, what this editor shows is
// out of date, so the draft is reloaded first: the PDF must show what is saved.
//
// It belongs to the UI, not to one editor's dialog: the draft may have
// left the screen meanwhile, and is then opened again to export it.
func (u *UI) exportAgain(id int64, path string, kind ExportKind, done func(error)) {
	again := func() {
		cur := u.editor
		if cur == nil {
			return // reloading failed and said why
		}
		d := cur.exportDialog()
		d.check(func() {
			w, err := storage.Writer(storage.NewFileURI(path))
			if err != nil {
				u.showError(fmt.Errorf("export again to %s: %w", path, err))
				return
			}
			d.exportTo(w, path, kind, done)
		})
	}
	cur := u.editor
	if cur == nil || cur.id != id {
		// The editor was closed or moved to another draft while exporting.
		if err := u.openDraft(id, again); err != nil {
			u.showError(err)
		}
		return
	}
	cur.flushThen(false, func(v int64, err error) {
		if err != nil {
			again() // the export says the answers could not be saved
			return
		}
		var sd StoredDraft
		cur.inBackground(func() (err error) {
			sd, err = u.opts.Store.Get(cur.id)
			return err
		}, func(err error) {
			if err == nil && sd.Version != v {
				u.closeEditor()        // no answers are pending: they were just saved
				u.showDraft(sd, again) // the draft as the library holds it now
				return
			}
			again()
		})
	})
}

func (d *exportDialog) offerOpen(path string, res ExportResult) {
	noun := d.noun()
	if strings.EqualFold(filepath.Ext(path), ".docx") { // a Word name typed in the PDF's file dialog
		noun = "Word file"
	}
	openPDF := widget.NewButton("Open "+noun, func() { d.files.openInBackground(path, noun) })
	openPDF.Importance = widget.HighImportance
	folder := widget.NewButton("Show folder", func() { d.files.openInBackground(filepath.Dir(path), "folder") })
	// The message's first line says where the file went, as the command
	// line needs; the window says it once, as a name in a folder, and
	// keeps the rest: the next step, or why it is a draft.
	text := fmt.Sprintf("The %s was saved as %s in %s.", noun, filepath.Base(path), filepath.Dir(path))
	if _, rest, ok := strings.Cut(res.Message, "\n"); ok {
		text += "\n\n" + rest
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustom(noun+" exported", "Close", container.NewVBox(msg, container.NewHBox(openPDF, folder)), d.win)
	dlg.Resize(fyne.NewSize(520, 240))
	dlg.Show()
}
