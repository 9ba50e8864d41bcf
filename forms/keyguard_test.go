package forms

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/template"
)

// pressKey sends one key press as the real window does (Fyne's GLFW
// driver, processKeyPressed then processCharInput): the key to whatever
// has the focus (or the canvas, when nothing has), then, for a key that
// types a character, the character to whatever has the focus after the
// key was handled.
func typeKey(w fyne.Window, k fyne.KeyName) {
	c := unguarded(w.Canvas())
	ev := &fyne.KeyEvent{Name: k}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if on := c.(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey(); on != nil {
		on(ev)
	}
	if k != fyne.KeySpace {
		return
	}
	if f := c.Focused(); f != nil {
		f.TypedRune(' ')
	} else if on := c.(interface{ OnTypedRune() func(rune) }).OnTypedRune(); on != nil {
		on(' ')
	}
}

// dialogHarness is the usual harness with an engine that has the credit
// calculator and the calendar, so that every dialog can open.
func dialogHarness(t *testing.T) (*harness, *editor) {
	a := test.NewTempApp(t)
	tpl := template.CallCentre()
	h := &harness{t: t, store: NewMemStore(tpl), r: &fakeRenderer{}}
	h.ui = New(Options{App: a, Template: tpl, Store: h.store, Renderer: &creditsRenderer{}, Documents: fakeDocs{h.store, h.r},
		Do: h.do, SaveDelay: 50 * time.Millisecond, PreviewDelay: 10 * time.Millisecond})
	e := h.openExample()
	t.Cleanup(e.stop)
	e.ui.win.Resize(fyne.NewSize(1280, 800))
	return h, e
}

// Every dialog, opened over a text field that has the keyboard: Space
// and Enter on its dismiss button and Escape wherever its focus is must
// change no answer, Escape must close it, and the field behind must have
// the keyboard again once it has closed.
func TestNoKeyReachesTheFieldBehindADialog(t *testing.T) {
	h, e := dialogHarness(t)
	w := e.ui.win
	dialogs := []struct {
		name string
		open func()
	}{
		{"Save version", e.saveVersion},
		{"History", e.showHistory},
		{"Compare versions", e.showCompare},
		{"Mark as signed", e.markSigned},
		{"Amend (not signed yet)", e.amend},
		{"Service credits", e.showCredits},
		{"Calendar of obligations", e.showCalendar},
		{"Market position", e.showMarket},
		{"Import (open file dialog)", func() { e.ui.fileOpenDialog([]string{".json"}, func(string, []byte) {}) }},
		{"Export JSON (save file dialog)", e.exportJSON},
		{"Settings", e.ui.showSettings},
		{"an error", func() { e.ui.showError(errors.New("something went wrong")) }},
		{"a message", func() { e.ui.inform("Saved", "The version was saved.") }},
		{"PDF exported", func() {
			done := false
			e.exportDialog().exportTo(&memWriter{}, "/tmp/agreement.pdf", ExportAgreement, func(error) { done = true })
			h.waitFor("the export", func() bool { return done })
		}},
	}
	// Fyne's save dialog gives its file name field, a plain Fyne entry
	// that takes no Escape, the keyboard.
	const noEscape = "Export JSON (save file dialog)"
	const field = "provider_signatory_title"
	title := e.field(field).focus
	for _, d := range dialogs {
		for _, key := range []fyne.KeyName{fyne.KeySpace, fyne.KeyReturn, fyne.KeyEscape} {
			if key == fyne.KeyEscape && d.name == noEscape {
				continue
			}
			e.showGroup(e.groupOf(field))
			w.Canvas().Focus(title)
			h.drain()
			before := e.d.Answers.Clone()
			text := e.entry(t, field).Text

			d.open()
			h.waitFor(d.name+" to open", func() bool { return w.Canvas().Overlays().Top() != nil })
			h.drain()
			top := w.Canvas().Overlays().Top()
			if key != fyne.KeyEscape {
				// On the button that closes the dialog, as a keyboard
				// user who tabbed to it.
				if b, ok := dismissButton(top).(fyne.Focusable); ok {
					w.Canvas().Focus(b)
				} else if w.Canvas().Focused() == nil {
					t.Fatalf("%s: no button to press %s on", d.name, key)
				}
			}
			typeKey(w, key)
			h.drain()
			if key == fyne.KeyEscape && w.Canvas().Overlays().Top() == top {
				t.Errorf("%s: Escape did not close it", d.name)
			}
			if got := e.entry(t, field).Text; got != text {
				t.Errorf("%s, %s: the field behind became %q, was %q", d.name, key, got, text)
			}
			if !reflect.DeepEqual(e.d.Answers, before) {
				t.Errorf("%s, %s: the answers changed", d.name, key)
			}
			// Whatever the key left open (Enter does not press Fyne's
			// own buttons) is closed by Escape, once the focus has left
			// those buttons, which take no Escape.
			for range 3 {
				if w.Canvas().Overlays().Top() == nil {
					break
				}
				w.Canvas().Unfocus()
				typeKey(w, fyne.KeyEscape)
				h.drain()
			}
			if w.Canvas().Overlays().Top() != nil {
				t.Fatalf("%s, %s: Escape does not close it", d.name, key)
			}
			if w.Canvas().Focused() != title {
				t.Errorf("%s, %s: the field behind does not have the keyboard back (%T has)", d.name, key, w.Canvas().Focused())
			}
		}
	}
}

// A Space that opens a dialog does not type into the dialog's first
// field: the dialog takes the keyboard once the key press is over.
func TestTheKeyThatOpensADialogStaysOutOfIt(t *testing.T) {
	h, e := dialogHarness(t)
	w := e.ui.win
	opener := widget.NewButton("Save version…", e.saveVersion)
	e.ui.screens.Add(opener) // on the canvas, so it can take the focus
	w.Canvas().Focus(opener)
	typeKey(w, fyne.KeySpace)
	h.drain()
	note, ok := w.Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatalf("the dialog's note does not have the keyboard: %T has", w.Canvas().Focused())
	}
	if note.Text != "" {
		t.Fatalf("the Space that opened the dialog typed %q into its note", note.Text)
	}
}
