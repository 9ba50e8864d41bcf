package forms_test

import (
	"image"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/library/pgtest"
	"pactwright/app/template"
	"pactwright/forms"
	"pactwright/forms/adapt"
)

// TestNameInSettingsShowsInHistory: Ann types her name in File ▸
// Settings…; what she saves from then on is recorded under it, History
// in her window says who made each version (hers and a colleague's, saved
// through a second connection), and the next start passes the name on.
func TestNameInSettingsShowsInHistory(t *testing.T) {
	ui, lib, id, q := realUI(t)
	lib.SetAuthor("") // the computer login until a name is set
	ui.ShowSettings()
	if text := forms.OverlayLabels(ui.Window()); !strings.Contains(text, "Your name (shown in History to your colleagues)") {
		t.Fatalf("Settings lacks the name field:\n%s", text)
	}
	ui.TypeInSetting(t, "  Ann Owner ")
	forms.TapOverlayButton(t, ui.Window(), "Close")
	if _, err := lib.SaveRevision(id, "ann's look"); err != nil {
		t.Fatal(err)
	}
	bob, err := library.Open(lib.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer bob.Close()
	bob.SetAuthor("Bob Ops")
	if _, err := bob.SaveRevision(id, "bob's look"); err != nil {
		t.Fatal(err)
	}

	ui.ShowHistory()
	waitOverlay(t, ui, q, "bob's look")
	text := forms.OverlayText(ui.Window())
	for _, want := range []string{"by Ann Owner · ann's look", "by Bob Ops · bob's look"} {
		if !strings.Contains(text, want) {
			t.Errorf("History lacks %q:\n%s", want, text)
		}
	}
	forms.TapOverlayButton(t, ui.Window(), "Close")

	// The next start: the stored name reaches the library before anything is saved.
	lib.SetAuthor("")
	forms.New(forms.Options{App: ui.App(), Template: template.CallCentre(), Store: adapt.Store{L: lib}, SetAuthor: lib.SetAuthor, Do: q.do})
	if got := lib.Author(); got != "Ann Owner" {
		t.Errorf("after a restart the library records changes as %q", got)
	}
}

// TestColleaguesDraftAppearsLive: with the drafts list on screen, a
// colleague (a second connection to the library) creates a draft and
// renames another; the list shows both without the user doing anything.
// On PostgreSQL the server announces the change (run under .ci/pg-cluster).
func TestColleaguesDraftAppearsLive(t *testing.T) {
	for name, loc := range map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return filepath.Join(t.TempDir(), "library.db") },
		"postgres": func(t *testing.T) string { return pgtest.Location(t) },
	} {
		t.Run(name, func(t *testing.T) { colleaguesDraftAppearsLive(t, loc(t)) })
	}
}

func colleaguesDraftAppearsLive(t *testing.T, loc string) {
	lib, err := library.Open(loc)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	tpl := template.CallCentre()
	first, err := lib.Create(draft.Example(tpl))
	if err != nil {
		t.Fatal(err)
	}
	q := &uiQueue{}
	ui := forms.New(forms.Options{App: test.NewTempApp(t), Template: tpl, Store: adapt.Store{L: lib}, Watch: lib.Watch, Do: q.do})
	defer ui.StopWatch()
	waitUI(t, q, "the drafts list", func() bool { return len(ui.ListedTitles()) == 1 })

	bob, err := library.Open(loc)
	if err != nil {
		t.Fatal(err)
	}
	defer bob.Close()
	theirs := draft.New(tpl)
	theirs.Title = "Bob's new agreement"
	if _, err := bob.Create(theirs); err != nil {
		t.Fatal(err)
	}
	if err := bob.Rename(first, "Renamed by Bob"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	waitUI(t, q, "the colleague's drafts in the list", func() bool {
		got := strings.Join(ui.ListedTitles(), "|")
		return strings.Contains(got, "Bob's new agreement") && strings.Contains(got, "Renamed by Bob")
	})
	// The file is checked twice a second; a loaded machine may add a little.
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("the list took %v to show a colleague's changes", took)
	}
}

// TestColleaguesSaveReloadsAnUneditedDraft: a colleague saves the draft
// the user has open. With nothing typed since it was loaded, the window
// shows their answers; once the user has typed something not yet saved,
// a colleague's save leaves what the user typed on screen.
func TestColleaguesSaveReloadsAnUneditedDraft(t *testing.T) {
	loc := filepath.Join(t.TempDir(), "library.db")
	lib, err := library.Open(loc)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	tpl := template.CallCentre()
	id, err := lib.Create(draft.Example(tpl))
	if err != nil {
		t.Fatal(err)
	}
	q := &uiQueue{}
	ui := forms.New(forms.Options{App: test.NewTempApp(t), Template: tpl, Store: adapt.Store{L: lib}, Watch: lib.Watch, Do: q.do,
		SaveDelay: time.Hour, PreviewDelay: time.Hour})
	defer ui.StopEditor()
	defer ui.StopWatch()
	if err := ui.OpenDraft(id); err != nil {
		t.Fatal(err)
	}
	waitUI(t, q, "the editor to open", func() bool { _, open := ui.OpenID(); return open })

	bob, err := library.Open(loc)
	if err != nil {
		t.Fatal(err)
	}
	defer bob.Close()
	bobSaves := func(name string) {
		t.Helper()
		d, err := bob.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		c := d.Content
		c.Answers = c.Answers.Clone()
		c.Answers["customer_name"] = answers.Value{Text: name}
		if _, err := bob.Autosave(id, c, d.Version); err != nil {
			t.Fatal(err)
		}
	}
	bobSaves("Bob's Customer Ltd")
	waitUI(t, q, "the colleague's answer on screen", func() bool {
		_, open := ui.OpenID()
		return open && ui.FieldText(t, "customer_name") == "Bob's Customer Ltd"
	})

	ui.SetField(t, "customer_name", "Mine Ltd") // typed, not saved yet
	bobSaves("Bob Again Ltd")
	for end := time.Now().Add(1500 * time.Millisecond); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		q.drain()
	}
	if got := ui.FieldText(t, "customer_name"); got != "Mine Ltd" {
		t.Errorf("a colleague's save replaced what the user typed: the field shows %q", got)
	}
}

// TestOpenAnotherLibrary: File ▸ Open library… switches the window to
// another library file, then to one on PostgreSQL whose password is typed
// apart: the drafts list shows that library's drafts, and what is
// remembered for the next start has no password.
func TestOpenAnotherLibrary(t *testing.T) {
	ui, _, _, q := realUI(t)
	defer ui.StopWatch()
	ui.ShowOpenLibrary()
	if text := forms.OverlayLabels(ui.Window()); !strings.Contains(text, "Library file or connection string") || !strings.Contains(text, "Password") {
		t.Fatalf("the dialog says:\n%s", text)
	}
	forms.TapOverlayButton(t, ui.Window(), "Cancel")

	openWith := func(location, password string) {
		t.Helper()
		var result error
		finished := false
		ui.OpenLibraryWith(location, password, func(err error) { result, finished = err, true })
		waitUI(t, q, "the library to open", func() bool { return finished })
		if result != nil {
			t.Fatal(result)
		}
	}
	seed := func(loc, title string) {
		t.Helper()
		l, err := library.Open(loc)
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		d := draft.New(template.CallCentre())
		d.Title = title
		if _, err := l.Create(d); err != nil {
			t.Fatal(err)
		}
	}
	listShows := func(title string) {
		t.Helper()
		waitUI(t, q, "the list to show "+title, func() bool {
			got := ui.ListedTitles()
			return len(got) == 1 && got[0] == title
		})
	}

	second := filepath.Join(t.TempDir(), "second.db")
	seed(second, "In the second library")
	openWith(second, "")
	listShows("In the second library")
	if got := forms.RememberedLibrary(ui.App()); got != second {
		t.Errorf("remembered %q", got)
	}

	shared := pgtest.Location(t)
	seed(shared, "On the server")
	u, err := url.Parse(shared)
	if err != nil {
		t.Fatal(err)
	}
	password, _ := u.User.Password()
	u.User = url.User(u.User.Username())
	openWith(u.String(), password)
	listShows("On the server")
	remembered := forms.RememberedLibrary(ui.App())
	if password == "" || strings.Contains(remembered, password) || !strings.HasPrefix(remembered, "postgres") {
		t.Errorf("remembered %q (the password must not be kept)", library.Redact(remembered))
	}
	if strings.Contains(ui.Window().Title(), password) {
		t.Errorf("the window title shows the password")
	}
}

// TestConflictSaysWhoSavedFirst: the user typed an answer while a
// colleague saved the same draft; the window's conflict message names the
// colleague, when they saved and the conflict copy holding the user's
// answers, and offers the ways out.
func TestConflictSaysWhoSavedFirst(t *testing.T) {
	ui, _, _, q := teamConflict(t, map[string]string{"customer_name": "Mine Ltd"}, map[string]string{"customer_name": "Bob's Customer Ltd"})
	text := forms.OverlayText(ui.Window())
	for _, want := range []string{"UTC on ", ", after you opened it, in another window or on another computer.", "Your answers on screen are kept, too, as draft", "conflict copy, ", "yours stay in that copy"} {
		if !strings.Contains(text, want) {
			t.Errorf("the conflict message lacks %q:\n%s", want, text)
		}
	}
	if shot := os.Getenv("PACTWRIGHT_SHOT"); shot != "" {
		writePNG(t, shot, ui.Window().Canvas().Capture())
	}
	forms.TapOverlayButton(t, ui.Window(), "Load their version")
	waitUI(t, q, "their answers", func() bool { return ui.FieldText(t, "customer_name") == "Bob's Customer Ltd" })
}

// writePNG saves img at path (screenshots for the documentation).
func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
