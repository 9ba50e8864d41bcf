package forms

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/draft"
)

// browser lists the drafts in the library and starts, opens, copies,
// renames, deletes and imports them. Its trash view lists deleted drafts,
// to restore them or delete them for good.
type browser struct {
	ui       *UI
	search   *widget.Entry
	list     *widget.List
	items    []Summary
	selected int
	empty    fyne.CanvasObject // first run: no drafts at all
	stack    *fyne.Container
	actions  []*widget.Button // need a selection
	content  fyne.CanvasObject

	inTrash      bool
	toolbar      *fyne.Container // New, Open, … and Trash
	trashBar     *fyne.Container // Back, Restore, Delete forever
	trashEmpty   fyne.CanvasObject
	trashActions []*widget.Button // need a selection in the trash
}

func newBrowser(u *UI) *browser {
	b := &browser{ui: u, selected: -1}
	b.search = widget.NewEntry()
	b.search.SetPlaceHolder("Search by title, customer or provider")
	b.search.OnChanged = func(string) { b.reload() }

	b.list = widget.NewList(
		func() int { return len(b.items) },
		func() fyne.CanvasObject {
			return newDraftRow(b.list, func() {
				if !b.inTrash {
					b.open()
				}
			})
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := b.items[i]
			r := o.(*draftRow)
			r.id = i
			r.title.SetText(s.Title)
			r.detail.SetText(describe(s))
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
	trash := widget.NewButtonWithIcon("Trash", theme.DeleteIcon(), func() { b.showTrash(true) })

	back := widget.NewButtonWithIcon("Back to agreements", theme.NavigateBackIcon(), func() { b.showTrash(false) })
	restore := widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), b.restore)
	restore.Importance = widget.HighImportance
	purge := widget.NewButtonWithIcon("Delete forever…", theme.DeleteIcon(), b.purge)
	purge.Importance = widget.DangerImportance
	b.trashActions = []*widget.Button{restore, purge}
	trashTitle := widget.NewLabelWithStyle("Trash: deleted agreements", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	b.trashBar = container.NewHBox(back, widget.NewSeparator(), trashTitle, widget.NewSeparator(), restore, purge)
	b.trashBar.Hide()
	b.trashEmpty = container.NewCenter(widget.NewLabel("The trash is empty. Deleted agreements wait here until you restore them or delete them forever."))
	b.enable()

	startExample := widget.NewButtonWithIcon("Start from the example agreement", theme.DocumentCreateIcon(), b.newExample)
	startExample.Importance = widget.HighImportance
	startBlank := widget.NewButton("Start a blank agreement", b.newBlank)
	welcome := widget.NewLabel("Welcome to Pactwright. You have no agreements yet.\n\n" +
		"The quickest way to start is the example: a complete call centre agreement between a retailer and " +
		"its outsourced customer service provider. Change the names and the terms that differ for you; " +
		"every question explains itself, and the checklist on the right shows what is still missing.\n\n" +
		"Or start blank: the usual terms are filled in, and the prices, caps and service targets are left for you, " +
		"with the typical value suggested beside each.")
	welcome.Wrapping = fyne.TextWrapWord
	b.empty = container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 360),
		container.NewVBox(widget.NewLabelWithStyle("Your agreements", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			welcome, startExample, startBlank)))
	b.stack = container.NewStack(b.list, b.empty, b.trashEmpty)

	b.toolbar = container.NewHBox(newBlank, newExample, widget.NewSeparator(), open, dup, rename, del, widget.NewSeparator(), imp,
		layout.NewSpacer(), trash)
	top := container.NewVBox(container.NewStack(b.toolbar, b.trashBar), b.search)
	b.content = container.NewBorder(top, nil, nil, nil, b.stack)
	return b
}

func describe(s Summary) string {
	parties := strings.TrimSpace(s.Customer)
	if s.Provider != "" {
		if parties == "" {
			parties = "(customer not named)"
		}
		parties += " and " + s.Provider
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
	has := b.selected >= 0 && b.selected < len(b.items)
	for _, a := range append(slices.Clip(b.actions), b.trashActions...) {
		if has {
			a.Enable()
		} else {
			a.Disable()
		}
	}
}

// showTrash switches between the agreements and the trash.
func (b *browser) showTrash(on bool) {
	b.inTrash = on
	if on {
		b.toolbar.Hide()
		b.trashBar.Show()
		b.search.SetPlaceHolder("Search the trash by title, customer or provider")
	} else {
		b.trashBar.Hide()
		b.toolbar.Show()
		b.search.SetPlaceHolder("Search by title, customer or provider")
	}
	b.reload()
}

func (b *browser) reload() {
	st := b.ui.opts.Store
	var err error
	switch {
	case st == nil:
		b.items = nil
	case b.inTrash:
		b.items, err = st.Trash()
		b.items = slices.DeleteFunc(b.items, func(s Summary) bool { return !matches(s, b.search.Text) })
	default:
		b.items, err = st.List(b.search.Text)
	}
	if err != nil {
		b.ui.showError(fmt.Errorf("list drafts: %w", err))
	}
	b.selected = -1
	b.list.UnselectAll()
	b.list.Refresh()
	show := fyne.CanvasObject(b.list)
	switch {
	case len(b.items) > 0 || b.search.Text != "":
	case b.inTrash:
		show = b.trashEmpty
	default:
		show = b.empty
	}
	for _, o := range b.stack.Objects {
		if o == show {
			o.Show()
		} else {
			o.Hide()
		}
	}
	b.enable()
}

// matches reports whether query is in the draft's title or party names,
// ignoring case, as the library's search does.
func matches(s Summary, query string) bool {
	q := strings.ToLower(strings.TrimSpace(query))
	return q == "" || strings.Contains(strings.ToLower(s.Title+"\n"+s.Customer+"\n"+s.Provider), q)
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
	d.Title = placeholderTitle
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
	entry := newDialogEntry("")
	entry.SetText(s.Title)
	b.ui.askForm("Rename agreement", "Rename", []formField{{"Title", entry}}, func(ok bool) {
		if !ok || strings.TrimSpace(entry.Text) == "" {
			return
		}
		if err := b.ui.opts.Store.Rename(s.ID, strings.TrimSpace(entry.Text)); err != nil {
			b.ui.showError(fmt.Errorf("rename %q: %w", s.Title, err))
		}
		b.reload()
	})
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
		widget.NewLabel(fmt.Sprintf("%q was moved to the trash.\nTrash, at the top right, lists deleted agreements to restore them later.", s.Title)), func(undo bool) {
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

// restore takes the selected draft out of the trash.
func (b *browser) restore() {
	s, ok := b.current()
	if !ok {
		return
	}
	if err := b.ui.opts.Store.Undelete(s.ID); err != nil {
		b.ui.showError(fmt.Errorf("restore %q: %w", s.Title, err))
	}
	b.reload()
}

// purge deletes the selected draft in the trash for good, once the user
// has confirmed it: this is the one action in the app that loses work.
func (b *browser) purge() {
	s, ok := b.current()
	if !ok {
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("%q will be deleted forever, with all its saved versions and its record of exports and signatures.\n\n"+
		"This cannot be undone. PDFs you exported stay where you saved them, but Pactwright will no longer recognise them.", s.Title))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Delete forever?", "Delete forever", "Cancel", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := b.ui.opts.Store.Purge(s.ID); err != nil {
			b.ui.showError(fmt.Errorf("delete %q forever: %w", s.Title, err))
		}
		if b.ui.browser == b {
			b.reload()
		}
	}, b.ui.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
}

// importDialog asks for a draft JSON file and opens it as a new draft.
func (u *UI) importDialog() {
	u.openFile([]string{".json", ".pdf"}, func(name string, data []byte) {
		if _, err := u.importBytes(name, data); err != nil {
			u.showError(err)
		}
	})
}
