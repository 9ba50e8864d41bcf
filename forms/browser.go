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
	"pactwright/app/template"
)

// shelf is what the drafts browser needs of the library: listing drafts
// and the trash, and the actions on a whole draft. Store has it all.
type shelf interface {
	List(query string) ([]Summary, error)
	Trash() ([]Summary, error)
	Create(d draft.Draft) (int64, error)
	Duplicate(id int64) (int64, error)
	Rename(id int64, title string) error
	Delete(id int64) error
	Undelete(id int64) error
	Purge(id int64) error
}

// browserDeps is what the drafts browser is given by the window.
type browserDeps struct {
	shelf    shelf // nil when the library could not be opened
	noShelf  error // why it could not be opened
	template *template.Template
	win      fyne.Window
	// do runs f on the UI goroutine (Options.Do). Every library call runs
	// off it: SQLite may wait seconds for a lock, and the list must not
	// freeze meanwhile.
	do func(f func())
	// open shows a stored draft in the editor, or says why it cannot.
	open func(id int64)
	// importFile asks for a file and imports it (File ▸ Import).
	importFile func()
	// chosen, if set, hears which draft the list selects: the one the
	// user will probably open next (UI.readyFor).
	chosen func(id int64)
}

// browser lists the drafts in the library and starts, opens, copies,
// renames, deletes and imports them. Its trash view lists deleted drafts,
// to restore them or delete them for good.
type browser struct {
	browserDeps
	search   *searchEntry
	list     *draftList
	items    []Summary
	selected int
	empty    fyne.CanvasObject // first run: no drafts at all
	stack    *fyne.Container
	actions  []*widget.Button // need a selection
	content  fyne.CanvasObject

	inTrash      bool
	cover        *listCover      // hides what is beneath the list, when shown
	toolbar      *fyne.Container // New, Import and Trash
	trashBar     *fyne.Container // Back to the agreements, in the trash
	draftButtons *fyne.Container // Open, Duplicate, Rename, Delete, beside the search
	trashButtons *fyne.Container // Restore, Delete forever, there in the trash
	trashEmpty   fyne.CanvasObject
	trashActions []*widget.Button // need a selection in the trash

	// loads counts list reads started; only the newest one's answer is
	// shown, so a slow read for an old search cannot overwrite a new one.
	loads, loaded int
	// working is true while an action's library call runs: a second
	// click does not start a second create.
	working bool
}

// newBrowser is the drafts browser of the window u.
func newBrowser(u *UI) *browser {
	deps := browserDeps{
		noShelf:    u.opts.StoreErr,
		template:   u.t,
		win:        u.win,
		do:         u.opts.Do,
		importFile: u.importDialog,
		chosen:     u.readyFor,
		open: func(id int64) {
			if err := u.OpenDraft(id); err != nil {
				u.showError(err)
			}
		},
	}
	if u.opts.Store != nil {
		deps.shelf = u.opts.Store
	}
	return newBrowserScreen(deps)
}

func newBrowserScreen(deps browserDeps) *browser {
	b := &browser{browserDeps: deps, selected: -1}
	b.search = newSearchEntry(b)
	b.search.SetPlaceHolder("Search by title, customer or provider")
	b.search.OnChanged = func(string) { b.reload() }

	b.list = newDraftList(b)
	b.list.OnSelected = func(i widget.ListItemID) {
		b.selected = i
		b.enable()
		if b.chosen != nil && !b.inTrash && i < len(b.items) {
			b.chosen(b.items[i].ID)
		}
	}
	b.list.OnUnselected = func(widget.ListItemID) { b.selected = -1; b.enable() }

	newBlank := widget.NewButtonWithIcon("New blank", theme.DocumentCreateIcon(), b.newBlank)
	newBlank.Importance = widget.HighImportance
	newExample := widget.NewButtonWithIcon("New from example", theme.ContentCopyIcon(), b.newExample)
	open := widget.NewButtonWithIcon("Open", theme.FolderOpenIcon(), b.openSelected)
	dup := widget.NewButtonWithIcon("Duplicate", theme.ContentCopyIcon(), b.duplicate)
	rename := widget.NewButtonWithIcon("Rename", theme.DocumentIcon(), b.rename)
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), b.delete)
	imp := widget.NewButtonWithIcon("Import JSON…", theme.UploadIcon(), b.importFile)
	b.actions = []*widget.Button{open, dup, rename, del}
	trash := widget.NewButtonWithIcon("Trash", theme.DeleteIcon(), func() { b.showTrash(true) })

	back := widget.NewButtonWithIcon("Back to agreements", theme.NavigateBackIcon(), func() { b.showTrash(false) })
	restore := widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), b.restore)
	restore.Importance = widget.HighImportance
	purge := widget.NewButtonWithIcon("Delete forever…", theme.DeleteIcon(), b.purge)
	purge.Importance = widget.DangerImportance
	b.trashActions = []*widget.Button{restore, purge}
	trashTitle := widget.NewLabelWithStyle("Trash: deleted agreements", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	b.trashBar = container.NewHBox(back, widget.NewSeparator(), trashTitle)
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
	// Until the first read (show), the list shows blank: not the welcome
	// and the empty trash drawn over each other for a frame.
	b.empty.Hide()
	b.trashEmpty.Hide()

	// Two rows, so that the list fits an 800×600 screen (one row of every
	// button was 918 px wide): what makes or brings in an agreement, and
	// the way to the trash; then the search, and what acts on the draft
	// chosen in the list, beside it.
	b.toolbar = container.NewHBox(newBlank, newExample, imp, layout.NewSpacer(), trash)
	b.draftButtons = container.NewHBox(open, dup, rename, del)
	b.trashButtons = container.NewHBox(restore, purge)
	b.trashButtons.Hide()
	top := container.NewVBox(container.NewStack(b.toolbar, b.trashBar),
		container.NewBorder(nil, nil, nil, container.NewStack(b.draftButtons, b.trashButtons), b.search))
	keys := widget.NewLabel(browserKeysHelp)
	keys.Wrapping = fyne.TextWrapWord
	keys.SizeName = theme.SizeNameCaptionText
	// Shown only while the editor warms up beneath the list (warmup.go):
	// painting a rectangle the size of the window costs every frame.
	b.cover = newListCover()
	b.cover.Hide()
	b.content = container.NewStack(b.cover, container.NewBorder(top, keys, nil, nil, b.stack))
	return b
}

// statusWords says what last happened to a draft, in the drafts list:
// the library's "final" is a draft exported for signature, and its
// "amendment" a signed agreement being changed.
func statusWords(s Status) string {
	switch s {
	case "final":
		return "sent for signature"
	case "signed":
		return "signed"
	case "amendment":
		return "amendment in progress"
	}
	return "draft"
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
	status := statusWords(s.Status)
	changed := ""
	if !s.Changed.IsZero() {
		changed = " · changed " + s.Changed.Local().Format("2 Jan 2006 15:04")
	}
	return fmt.Sprintf("%s · %s · %d%% complete%s", parties, status, s.Percent, changed)
}

// enable enables the buttons that act on a draft when one is selected
// and no other action is under way.
func (b *browser) enable() {
	has := b.selected >= 0 && b.selected < len(b.items) && !b.working
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
		b.draftButtons.Hide()
		b.trashBar.Show()
		b.trashButtons.Show()
		b.search.SetPlaceHolder("Search the trash by title, customer or provider")
	} else {
		b.trashBar.Hide()
		b.trashButtons.Hide()
		b.toolbar.Show()
		b.draftButtons.Show()
		b.search.SetPlaceHolder("Search by title, customer or provider")
	}
	b.reload()
}

// reload reads the drafts (or the trash) matching the search off the UI
// goroutine and shows them when they come.
func (b *browser) reload() {
	b.loads++
	load, query, inTrash, sh := b.loads, b.search.Text, b.inTrash, b.shelf
	go func() {
		var items []Summary
		var err error
		switch {
		case sh == nil:
		case inTrash:
			items, err = sh.Trash()
			items = slices.DeleteFunc(items, func(s Summary) bool { return !matches(s, query) })
		default:
			items, err = sh.List(query)
		}
		b.do(func() {
			if load != b.loads {
				return // a newer read is under way
			}
			b.loaded = load
			if err != nil {
				b.showError(fmt.Errorf("list drafts: %w", err))
			}
			b.show(items)
		})
	}()
}

// idle reports whether the list shows the newest read and no action is
// under way (the tests wait for it).
func (b *browser) idle() bool { return b.loaded == b.loads && !b.working }

// show puts items on screen: the list, or the welcome or the empty trash.
func (b *browser) show(items []Summary) {
	b.items = items
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
	// The keyboard starts in the list, unless the user is typing a search.
	if show == b.list && b.onScreen() && b.win.Canvas().Focused() == nil {
		b.win.Canvas().Focus(b.list)
	}
}

// onScreen reports whether this browser is what the window shows: a
// browser left is hidden (UI.show).
func (b *browser) onScreen() bool { return b.content.Visible() }

func (b *browser) showError(err error) { dialog.ShowError(err, b.win) }

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

// run makes one library call off the UI goroutine, then runs then on it
// with the call's error. Only one runs at a time: while it does, the
// buttons that act on a draft are disabled and a second action (a
// second click on New, say) is ignored.
func (b *browser) run(call func(sh shelf) error, then func(err error)) {
	if b.working {
		return
	}
	sh := b.shelf
	if sh == nil {
		b.showError(fmt.Errorf("the drafts library could not be opened: %w", b.noShelf))
		return
	}
	b.working = true
	b.enable()
	go func() {
		err := call(sh)
		b.do(func() {
			b.working = false
			b.enable()
			then(err)
		})
	}()
}

// create stores d as a new draft and opens it.
func (b *browser) create(d draft.Draft) {
	var id int64
	b.run(func(sh shelf) (err error) {
		id, err = sh.Create(d)
		return err
	}, func(err error) {
		switch {
		case err != nil:
			b.showError(fmt.Errorf("create draft: %w", err))
		case b.onScreen():
			b.open(id)
		}
	})
}

func (b *browser) newBlank() {
	d := draft.New(b.template)
	d.Title = placeholderTitle
	b.create(d)
}

func (b *browser) newExample() { b.create(draft.Example(b.template)) }

// openSelected opens the selected draft (Open, Enter, a double click).
func (b *browser) openSelected() {
	if s, ok := b.current(); ok && !b.working {
		b.open(s.ID)
	}
}

// act runs call on the draft s, then reloads the list; a failure is
// reported as what it failed to do, naming the draft.
func (b *browser) act(what string, s Summary, call func(sh shelf) error) {
	b.run(call, func(err error) {
		if err != nil {
			b.showError(fmt.Errorf("%s %q: %w", what, s.Title, err))
		}
		b.reload()
	})
}

func (b *browser) duplicate() {
	if s, ok := b.current(); ok {
		b.act("duplicate", s, func(sh shelf) error { _, err := sh.Duplicate(s.ID); return err })
	}
}

func (b *browser) rename() {
	s, ok := b.current()
	if !ok || b.working {
		return
	}
	entry := newDialogEntry("")
	entry.SetText(s.Title)
	askForm(b.win, "Rename agreement", "Rename", []formField{{"Title", entry}}, func(ok bool) {
		title := strings.TrimSpace(entry.Text)
		if !ok || title == "" {
			return
		}
		b.act("rename", s, func(sh shelf) error { return sh.Rename(s.ID, title) })
	})
}

func (b *browser) delete() {
	s, ok := b.current()
	if !ok {
		return
	}
	b.run(func(sh shelf) error { return sh.Delete(s.ID) }, func(err error) {
		if err != nil {
			b.showError(fmt.Errorf("delete %q: %w", s.Title, err))
			return
		}
		b.reload()
		b.offerUndelete(s)
	})
}

// offerUndelete says where a deleted draft went, with its undo one key
// away: deleting only moves a draft to the trash.
func (b *browser) offerUndelete(s Summary) {
	dialog.ShowCustomConfirm("Agreement deleted", "Undo", "OK",
		widget.NewLabel(fmt.Sprintf("%q was moved to the trash.\nTrash, at the top right, lists deleted agreements to restore them later.", s.Title)), func(undo bool) {
			if undo {
				b.act("undo delete of", s, func(sh shelf) error { return sh.Undelete(s.ID) })
			}
		}, b.win)
}

// restore takes the selected draft out of the trash.
func (b *browser) restore() {
	if s, ok := b.current(); ok {
		b.act("restore", s, func(sh shelf) error { return sh.Undelete(s.ID) })
	}
}

// purge deletes the selected draft in the trash for good, once the user
// has confirmed it: this is the one action in the app that loses work.
func (b *browser) purge() {
	s, ok := b.current()
	if !ok || b.working {
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("%q will be deleted forever, with all its saved versions and its record of exports and signatures.\n\n"+
		"This cannot be undone. PDFs you exported stay where you saved them, but Pactwright will no longer recognise them.", s.Title))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Delete forever?", "Delete forever", "Cancel", msg, func(ok bool) {
		if ok {
			b.act("delete forever", s, func(sh shelf) error { return sh.Purge(s.ID) })
		}
	}, b.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
}
