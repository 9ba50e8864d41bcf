package forms

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/template"
)

// Options wires the UI to its dependencies.
type Options struct {
	App      fyne.App
	Template *template.Template
	Store    Store    // nil when the library could not be opened
	StoreErr error    // why the library could not be opened, shown to the user
	Renderer Renderer // the agreement engine
	// Documents exports, marks signed, amends and imports PDFs: the use
	// cases the command line shares.
	Documents Documents

	// Do runs f on the UI goroutine. It defaults to fyne.Do; tests replace
	// it with a queue they drain, so widget access stays on one goroutine.
	Do func(func())
	// SaveDelay is the pause in typing before an autosave (default 800 ms).
	SaveDelay time.Duration
	// PreviewDelay is the pause before the preview is recomputed (default 300 ms).
	PreviewDelay time.Duration
	// WorkArea is the screen's work area (the screen less panels and
	// docks) in Fyne's units, zero if unknown: the window opens within it
	// (windowSize).
	WorkArea fyne.Size
	// BuildAhead builds every clause group's form in the background once
	// a draft opens, so that a first visit only draws (buildahead.go).
	// It costs memory; off, each form is built on its first visit.
	BuildAhead bool
	// SetAuthor, when set, gives the library the name the user set in
	// Settings (teamauthor.go); "" means the library's default.
	SetAuthor func(name string)
	// Watch, when set, calls changed whenever another window or process
	// changes the library, until ctx is done (teamwatch.go).
	Watch func(ctx context.Context, changed func(id int64)) error
	// OpenLibrary, when set, opens another library for File ▸ Open
	// library… (libraryopen.go), returning it and where to remember it.
	OpenLibrary func(location, password string) (Library, string, error)
}

// Preference keys for the remembered window size.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
)

// UI is the main window: the drafts browser or one draft's editor.
type UI struct {
	opts    Options
	t       *template.Template
	win     fyne.Window // guard, as every dialog must see it
	guard   *guardedWindow
	browser *browser
	watch   *watcher // nil when the library is not watched
	// closeLibrary closes a library File ▸ Open library… opened, when
	// another replaces it.
	closeLibrary func() error
	editor       *editor
	// kept is the editor last closed, kept to show the next draft in:
	// reusing its built forms makes opening a draft quick (editor.open).
	kept *editor
	// chosen is the draft last selected in the drafts list (readyFor).
	chosen int64
	// screens is the window's content: the drafts browser and the editor,
	// one of them shown (show).
	screens *fyne.Container
	// nav counts the moves between screens (opening a draft, showing the
	// list): a draft read off the UI goroutine is shown only if no later
	// move was asked for meanwhile. On the UI goroutine.
	nav int

	// The wait for a save (aftersave.go); all on the UI goroutine.
	busy        bool          // a save or store call an action waits for is under way
	closeWanted bool          // the window was asked to close during it
	closeAsk    dialog.Dialog // "close and lose them?", while on screen
	busyDelay   time.Duration // before the wait's dialog shows
	// warmUpLimit ends a warm-up whose frame never comes (warmup.go).
	warmUpLimit time.Duration

	// openFile asks for a file with one of exts and hands got its name
	// and bytes, once chosen and read. Tests replace it: a file dialog
	// cannot be driven headless.
	openFile func(exts []string, got func(name string, data []byte))
	// openPath opens a file or folder in the desktop's program for it
	// (openWithSystem); tests replace it.
	openPath func(path string) error
}

// New builds the main window showing the drafts browser.
func New(o Options) *UI {
	if o.Do == nil {
		o.Do = fyne.Do
	}
	if o.SaveDelay == 0 {
		o.SaveDelay = 800 * time.Millisecond
	}
	if o.PreviewDelay == 0 {
		o.PreviewDelay = 300 * time.Millisecond
	}
	if o.Template == nil {
		o.Template = template.CallCentre()
	}
	if o.Renderer == nil {
		o.Renderer = noRenderer{}
	}
	if o.Documents == nil {
		o.Documents = noDocuments{}
	}
	u := &UI{opts: o, t: o.Template, busyDelay: busyDelay, warmUpLimit: warmUpLimit}
	u.openFile = u.fileOpenDialog
	u.openPath = u.openWithSystem
	u.applyTheme(u.themeChoice())
	u.applyAuthorName()
	// Every dialog is made over the guarded window, so no key that opens,
	// confirms or closes one reaches a widget behind it (keyguard.go).
	u.guard = guardWindow(o.App.NewWindow("Pactwright"), o.Do)
	u.win = u.guard
	p := o.App.Preferences()
	u.win.Resize(windowSize(fyne.NewSize(float32(p.FloatWithFallback(prefWidth, 0)), float32(p.FloatWithFallback(prefHeight, 0))), o.WorkArea))
	u.screens = container.NewStack()
	u.win.SetContent(u.screens)
	u.win.SetCloseIntercept(u.close)
	u.win.SetMainMenu(u.mainMenu())
	u.addShortcuts()
	u.ShowBrowser()
	u.startWatch()
	if o.StoreErr != nil {
		dialog.ShowError(fmt.Errorf("The drafts library could not be opened, so nothing can be saved: %w", o.StoreErr), u.win)
	}
	return u
}

// The window's size on a first start, when the screen has room for it.
const defaultWidth, defaultHeight = 1280, 800

// windowSize is the size the window opens at: the size it had when last
// closed (remembered, zero on a first start), or the default size but at
// most 90% of the screen's work area; either way no larger than the work
// area, so that the window never opens partly off a smaller screen (a
// laptop of 1366×768, a remembered size from a larger monitor). An
// unknown work area (zero) leaves the size as it is.
func windowSize(remembered, workArea fyne.Size) fyne.Size {
	size, limit := remembered, workArea
	if size.Width <= 0 || size.Height <= 0 {
		size, limit = fyne.NewSize(defaultWidth, defaultHeight), fyne.NewSize(workArea.Width*0.9, workArea.Height*0.9)
	}
	if workArea.Width <= 0 || workArea.Height <= 0 {
		return size
	}
	return size.Min(limit)
}

// Window returns the main window.
func (u *UI) Window() fyne.Window { return u.win }

// OpenID reports whether a draft is open in the editor, and its id.
func (u *UI) OpenID() (int64, bool) {
	if u.editor == nil {
		return 0, false
	}
	return u.editor.id, true
}

// ShowBrowser leaves the editor, once its answers are saved, and shows
// the drafts list. If they cannot be saved, the editor stays and says why.
func (u *UI) ShowBrowser() { u.showBrowser(nil) }

// showBrowser is ShowBrowser that runs then, if set, once the list shows.
func (u *UI) showBrowser(then func()) {
	u.nav++
	u.leaveEditor(func() {
		u.win.SetTitle("Pactwright")
		u.browser = newBrowser(u)
		u.show(u.browser.content)
		u.browser.reload()
		if u.opts.BuildAhead && u.kept == nil {
			u.prepareEditor()
		}
		if then != nil {
			then()
		}
	})
}

// OpenDraft shows the editor for a stored draft, once the answers of the
// draft open now are saved (the editor stays if they cannot be). The draft
// is read off the UI goroutine: the window shows what it showed until the
// editor is ready, and says so if the draft cannot be read.
func (u *UI) OpenDraft(id int64) error { return u.openDraft(id, nil) }

// openDraft is OpenDraft that runs then, if set, once the editor shows.
func (u *UI) openDraft(id int64, then func()) error {
	if u.opts.Store == nil {
		return fmt.Errorf("open draft %d: %w", id, u.opts.StoreErr)
	}
	u.nav++
	nav := u.nav
	go func() {
		sd, err := u.opts.Store.Get(id)
		u.opts.Do(func() {
			if u.nav != nav {
				return // the user has moved on
			}
			if err != nil {
				u.showError(fmt.Errorf("open draft %d: %w", id, err))
				return
			}
			u.showDraft(sd, then)
		})
	}()
	return nil
}

// showDraft shows the editor for a draft read from the store, once the
// answers of the draft open now are saved, and runs then, if set.
func (u *UI) showDraft(sd StoredDraft, then func()) {
	u.leaveEditor(func() {
		u.browser = nil
		e := u.kept
		if e == nil {
			e = newEditor(u)
		}
		u.kept, u.editor = nil, e
		e.open(sd)
		u.show(u.editor.content)
		u.editor.updateTitle()
		if u.opts.BuildAhead {
			e.buildAhead()
		}
		if then != nil {
			then()
		}
	})
}

// prepareEditor makes the editor while the drafts list shows, once the
// list has been drawn, and builds its forms ahead in short turns
// (buildahead.go): opening the first draft then only fills in its
// answers (editor.open), where making the editor was most of the wait.
func (u *UI) prepareEditor() {
	time.AfterFunc(buildAheadStart, func() {
		u.opts.Do(func() {
			if u.editor != nil || u.kept != nil {
				return // a draft opened meanwhile: its editor is made
			}
			e := newEditor(u)
			e.content.Hide()
			u.kept = e
			// Beneath the list, hidden, laid out at the window's size.
			u.screens.Objects = append([]fyne.CanvasObject{e.content}, u.screens.Objects...)
			u.layoutScreens()
			e.buildAhead()
		})
	})
}

// show makes screen, the browser's content or the editor's, the one the
// window shows. The window's content is a stack of the two: the editor
// stays in it, hidden, while the browser shows, kept for the next draft
// (editor.open). Switching is Hide and Show, where SetContent laid the
// whole editor out twice, at its minimum size and then at the window's:
// most of the wait when opening a draft. A browser left is dropped.
func (u *UI) show(screen fyne.CanvasObject) {
	u.win.Canvas().Unfocus() // nothing hidden may keep the keyboard
	var editor fyne.CanvasObject
	if e := u.editor; e != nil {
		editor = e.content
	} else if e := u.kept; e != nil {
		editor = e.content
	}
	for _, o := range u.screens.Objects {
		if o != screen {
			o.Hide()
		}
	}
	screen.Show()
	// The editor stays, hidden, beneath the browser; a browser left is
	// dropped.
	objects := []fyne.CanvasObject{screen}
	if editor != nil && editor != screen {
		objects = []fyne.CanvasObject{editor, screen}
	}
	if !slices.Equal(objects, u.screens.Objects) {
		u.screens.Objects = objects
		u.layoutScreens()
	}
	u.win.Canvas().Refresh(u.screens)
}

// layoutScreens gives each screen the window's size. Not Refresh, which
// would also refresh everything inside every screen.
func (u *UI) layoutScreens() {
	u.screens.Layout.Layout(u.screens.Objects, u.screens.Size())
}

// ImportFile reads a draft JSON file into the library and opens it.
func (u *UI) ImportFile(path string) (int64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, fmt.Errorf("import %s: %w", path, err)
	}
	return u.importBytes(path, data)
}

func (u *UI) quit() {
	size := u.win.Canvas().Size()
	if size.Width > 200 && size.Height > 200 {
		p := u.opts.App.Preferences()
		p.SetFloat(prefWidth, float64(size.Width))
		p.SetFloat(prefHeight, float64(size.Height))
	}
	u.stopWatch()
	if u.closeLibrary != nil {
		u.closeLibrary() // a library File ▸ Open library… opened
	}
	u.win.Close()
}

func (u *UI) showError(err error) { dialog.ShowError(err, u.win) }

// inform shows a message too long for dialog.ShowInformation's one
// unwrapped line. Its OK button has the focus, so Enter, Space or Escape
// closes it.
func (u *UI) inform(title, text string) {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons(title, l, u.win)
	ok := newKeyButton("OK", d.Hide)
	ok.onEscape = d.Hide
	d.SetButtons([]fyne.CanvasObject{ok})
	d.Resize(fyne.NewSize(540, l.MinSize().Height+120))
	d.Show()
	u.win.Canvas().Focus(ok)
}

// fileOpenDialog is openFile with Fyne's file dialog.
func (u *UI) fileOpenDialog(exts []string, got func(name string, data []byte)) {
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
			u.showError(fmt.Errorf("read %s: %w", r.URI().Name(), err))
			return
		}
		got(r.URI().Name(), data)
	}, u.win)
	fd.SetFilter(storage.NewExtensionFileFilter(exts))
	fd.Show()
}

// OpenTarget opens a draft given on the command line: a library id, or a
// draft JSON file or exported PDF, which is imported first. Errors are shown in the window.
func (u *UI) OpenTarget(target string) {
	if id, err := strconv.ParseInt(target, 10, 64); err == nil {
		if err := u.OpenDraft(id); err != nil {
			u.showError(err)
		}
		return
	}
	if _, err := u.ImportFile(target); err != nil {
		u.showError(err)
	}
}
