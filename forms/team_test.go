package forms_test

import (
	"strings"
	"testing"

	"pactwright/app/library"
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
