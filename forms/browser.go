package forms

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/draft"
)

// browser lists the drafts in the library and starts, opens, copies,
// renames, deletes and imports them.
type browser struct {
	ui       *UI
	search   *widget.Entry
	list     *widget.List
	items    []Summary
	selected int
	empty    fyne.CanvasObject
	stack    *fyne.Container
	actions  []*widget.Button // need a selection
	content  fyne.CanvasObject
}

func newBrowser(u *UI) *browser {
	b := &browser{ui: u, selected: -1}
	b.search = widget.NewEntry()
	b.search.SetPlaceHolder("Search by title, customer or provider")
	b.search.OnChanged = func(string) { b.reload() }

	b.list = widget.NewList(
		func() int { return len(b.items) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("detail")
			detail.Truncation = fyne.TextTruncateEllipsis
			detail.Importance = widget.LowImportance
			return container.NewVBox(title, detail)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := b.items[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(s.Title)
			box.Objects[1].(*widget.Label).SetText(describe(s))
		})
	b.list.OnSelected = func(i widget.ListItemID) { b.selected = i; b.enable() }
	b.list.OnUnselected = func(widget.ListItemID) { b.selected = -1; b.enable() }

	newBlank := widget.NewButtonWithIcon("New blank", theme.DocumentCreateIcon(), b.newBlank)
	newBlank.Importance = widget.HighImportance
	newExample := widget.NewButtonWithIcon("New from example", theme.ContentCopyIcon(), b.newExample)
	open := widget.NewButtonWithIcon("Open", theme.FolderOpenIcon(), func() { b.open() })
	dup := widget.NewButtonWithIcon("Duplicate", theme.ContentCopyIcon(), b.duplicate)
	rename := widget.NewButtonWithIcon("Rename", theme.DocumentIcon(), b.rename)
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), b.delete)
	imp := widget.NewButtonWithIcon("Import JSON…", theme.UploadIcon(), u.importDialog)
	b.actions = []*widget.Button{open, dup, rename, del}
	b.enable()

	startExample := widget.NewButtonWithIcon("Start from the example agreement", theme.DocumentCreateIcon(), b.newExample)
	startExample.Importance = widget.HighImportance
	startBlank := widget.NewButton("Start a blank agreement", b.newBlank)
	welcome := widget.NewLabel("Welcome to Pactwright. You have no agreements yet.\n\n" +
		"The quickest way to start is the example: a complete call centre agreement between a retailer and " +
		"its outsourced customer service provider. Change the names and the terms that differ for you; " +
		"every question explains itself, and the checklist on the right shows what is still missing.\n\n" +
		"Or start blank, with only sensible defaults filled in.")
	welcome.Wrapping = fyne.TextWrapWord
	b.empty = container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 360),
		container.NewVBox(widget.NewLabelWithStyle("Your agreements", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			welcome, startExample, startBlank)))
	b.stack = container.NewStack(b.list, b.empty)

	toolbar := container.NewHBox(newBlank, newExample, widget.NewSeparator(), open, dup, rename, del, widget.NewSeparator(), imp)
	top := container.NewVBox(toolbar, b.search)
	b.content = container.NewBorder(top, nil, nil, nil, b.stack)
	return b
}

func describe(s Summary) string {
	parties := strings.TrimSpace(s.Customer)
	if s.Provider != "" {
		if parties == "" {
			parties = "(customer not named)"
		}
		parties += " ↔ " + s.Provider
	}
	if parties == "" {
		parties = "Parties not named yet"
	}
	status := string(s.Status)
	if status == "" {
		status = "draft"
	}
	changed := ""
	if !s.Changed.IsZero() {
		changed = " · changed " + s.Changed.Local().Format("2 Jan 2006 15:04")
	}
	return fmt.Sprintf("%s · %s · %d%% complete%s", parties, status, s.Percent, changed)
}

func (b *browser) enable() {
	for _, a := range b.actions {
		if b.selected >= 0 && b.selected < len(b.items) {
			a.Enable()
		} else {
			a.Disable()
		}
	}
}

func (b *browser) reload() {
	st := b.ui.opts.Store
	if st == nil {
		b.items = nil
	} else {
		items, err := st.List(b.search.Text)
		if err != nil {
			b.ui.showError(fmt.Errorf("list drafts: %w", err))
		}
		b.items = items
	}
	b.selected = -1
	b.list.UnselectAll()
	b.list.Refresh()
	if len(b.items) == 0 && b.search.Text == "" {
		b.empty.Show()
		b.list.Hide()
	} else {
		b.empty.Hide()
		b.list.Show()
	}
	b.enable()
}

func (b *browser) current() (Summary, bool) {
	if b.selected < 0 || b.selected >= len(b.items) {
		return Summary{}, false
	}
	return b.items[b.selected], true
}

func (b *browser) create(d draft.Draft) {
	if b.ui.opts.Store == nil {
		b.ui.showError(fmt.Errorf("cannot create a draft: %w", b.ui.opts.StoreErr))
		return
	}
	id, err := b.ui.opts.Store.Create(d)
	if err != nil {
		b.ui.showError(fmt.Errorf("create draft: %w", err))
		return
	}
	if err := b.ui.OpenDraft(id); err != nil {
		b.ui.showError(err)
	}
}

func (b *browser) newBlank() {
	d := draft.New(b.ui.t)
	d.Title = "New agreement"
	b.create(d)
}

func (b *browser) newExample() { b.create(draft.Example(b.ui.t)) }

func (b *browser) open() {
	if s, ok := b.current(); ok {
		if err := b.ui.OpenDraft(s.ID); err != nil {
			b.ui.showError(err)
		}
	}
}

func (b *browser) duplicate() {
	s, ok := b.current()
	if !ok {
		return
	}
	if _, err := b.ui.opts.Store.Duplicate(s.ID); err != nil {
		b.ui.showError(fmt.Errorf("duplicate %q: %w", s.Title, err))
	}
	b.reload()
}

func (b *browser) rename() {
	s, ok := b.current()
	if !ok {
		return
	}
	entry := widget.NewEntry()
	entry.SetText(s.Title)
	dialog.ShowForm("Rename agreement", "Rename", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Title", entry)}, func(ok bool) {
			if !ok || strings.TrimSpace(entry.Text) == "" {
				return
			}
			if err := b.ui.opts.Store.Rename(s.ID, strings.TrimSpace(entry.Text)); err != nil {
				b.ui.showError(fmt.Errorf("rename %q: %w", s.Title, err))
			}
			b.reload()
		}, b.ui.win)
}

func (b *browser) delete() {
	s, ok := b.current()
	if !ok {
		return
	}
	if err := b.ui.opts.Store.Delete(s.ID); err != nil {
		b.ui.showError(fmt.Errorf("delete %q: %w", s.Title, err))
		return
	}
	b.reload()
	// Deleting moves the draft to the trash; the undo is one click away.
	dialog.ShowCustomConfirm("Agreement deleted", "Undo", "OK",
		widget.NewLabel(fmt.Sprintf("%q was moved to the trash.", s.Title)), func(undo bool) {
			if !undo {
				return
			}
			if err := b.ui.opts.Store.Undelete(s.ID); err != nil {
				b.ui.showError(fmt.Errorf("undo delete of %q: %w", s.Title, err))
			}
			if b.ui.browser == b {
				b.reload()
			}
		}, b.ui.win)
}

// importDialog asks for a draft JSON file and opens it as a new draft.
func (u *UI) importDialog() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		data, err := io.ReadAll(r)
		if err != nil {
			u.showError(fmt.Errorf("import %s: %w", r.URI().Name(), err))
			return
		}
		if _, err := u.importBytes(r.URI().Name(), data); err != nil {
			u.showError(err)
		}
	}, u.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	fd.Show()
}
