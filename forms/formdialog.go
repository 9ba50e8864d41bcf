package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// dialogEntry is a one-line entry for a form dialog: Enter submits the
// dialog and Escape cancels it, as in every other desktop program. Fyne's
// own Entry ignores Escape, and its form dialog does not submit on Enter.
type dialogEntry struct {
	widget.Entry
	onEscape func()
}

func newDialogEntry(placeholder string) *dialogEntry {
	e := &dialogEntry{}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(placeholder)
	return e
}

// TypedKey cancels on Escape; every other key is the Entry's.
func (e *dialogEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// formField is one labelled entry of askForm.
type formField struct {
	label string
	entry *dialogEntry
}

// askForm shows a form dialog of entries, the first focused so the user
// can type at once; Enter in any entry submits, Escape cancels. done gets
// true when the user confirmed.
func askForm(win fyne.Window, title, confirm string, fields []formField, done func(ok bool)) *dialog.FormDialog {
	items := make([]*widget.FormItem, len(fields))
	for i, f := range fields {
		items[i] = widget.NewFormItem(f.label, f.entry)
	}
	d := dialog.NewForm(title, confirm, "Cancel", items, done, win)
	for _, f := range fields {
		f.entry.OnSubmitted = func(string) { d.Submit() }
		f.entry.onEscape = d.Hide
	}
	d.Resize(fyne.NewSize(480, d.MinSize().Height))
	d.Show()
	if len(fields) > 0 {
		win.Canvas().Focus(fields[0].entry)
	}
	return d
}

// keyButton is a dialog's only button, focused when the dialog opens so
// a keyboard user can answer it: Enter or Space presses it, and Escape
// closes the dialog (the button's own Escape handler).
type keyButton struct {
	widget.Button
	onEscape func()
}

func newKeyButton(label string, tapped func()) *keyButton {
	b := &keyButton{}
	b.ExtendBaseWidget(b)
	b.Text, b.OnTapped = label, tapped
	b.Importance = widget.HighImportance
	return b
}

// TypedKey presses the button on Enter and Space and closes on Escape.
func (b *keyButton) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		b.Tapped(nil)
	case fyne.KeyEscape:
		if b.onEscape != nil {
			b.onEscape()
		}
	}
}
