package forms_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/template"
	"pactwright/app/usecase"
	"pactwright/forms"
	"pactwright/forms/adapt"
)

// teamConflict opens Ann's window on a draft, types answers into it, and
// has Bob save first from a second connection, so that Ann's save lost
// the race and the window asks what to do.
func teamConflict(t *testing.T, mine, bobs map[string]string) (*forms.UI, *library.Library, int64, *uiQueue) {
	t.Helper()
	loc := filepath.Join(t.TempDir(), "library.db")
	lib, err := library.Open(loc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	lib.SetAuthor("Ann Owner")
	tpl := template.CallCentre()
	id, err := lib.Create(draft.Example(tpl))
	if err != nil {
		t.Fatal(err)
	}
	q := &uiQueue{}
	ui := forms.New(forms.Options{App: test.NewTempApp(t), Template: tpl, Store: adapt.Store{L: lib},
		Documents: adapt.Documents{S: &usecase.Service{Library: lib}}, Do: q.do,
		SaveDelay: 300 * time.Millisecond, PreviewDelay: time.Hour})
	t.Cleanup(ui.StopEditor)
	if err := ui.OpenDraft(id); err != nil {
		t.Fatal(err)
	}
	waitUI(t, q, "the editor to open", func() bool { _, open := ui.OpenID(); return open })
	bob, err := library.Open(loc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bob.Close() })
	bob.SetAuthor("Bob Ops")
	for _, f := range sortedKeys(mine) {
		ui.SetField(t, f, mine[f])
	}
	d, err := bob.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	c := d.Content
	c.Answers = c.Answers.Clone()
	for f, v := range bobs {
		c.Answers[f] = answers.Value{Text: v}
	}
	if _, err := bob.Autosave(id, c, d.Version); err != nil {
		t.Fatal(err)
	}
	waitOverlay(t, ui, q, "Bob Ops saved this draft at ")
	return ui, lib, id, q
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// TestMergeInTheWindow: after Bob saved first, Ann chooses Merge…, sees
// each answer that differs with both values and who changed it (her own
// change alone already chosen), takes her answer for the one they both
// changed, and saves: the form shows the merged answers, History has the
// merge, and her conflict copy is still in the library.
func TestMergeInTheWindow(t *testing.T) {
	ui, lib, id, q := teamConflict(t,
		map[string]string{"customer_name": "Mine Ltd", "provider_name": "My Provider Ltd"},
		map[string]string{"customer_name": "Bob's Customer Ltd", "customer_contact_name": "Bob Ops"})
	if !strings.Contains(forms.OverlayText(ui.Window()), "Merge… lets you choose, answer by answer") {
		t.Errorf("the conflict message does not offer the merge:\n%s", forms.OverlayText(ui.Window()))
	}
	forms.TapOverlayButton(t, ui.Window(), "Merge…")
	waitOverlay(t, ui, q, "3 answer(s) differ between their version and yours")
	text := forms.OverlayText(ui.Window())
	for _, want := range []string{
		"Customer: legal name (Parties & Term)\nTheirs: Bob's Customer Ltd\nYours: Mine Ltd\nYou both changed this.",
		"Customer: contact for notices (Parties & Term)\nTheirs: Bob Ops\n",
		"Only they changed this.",
		"Provider: legal name (Parties & Term)\nTheirs: Northpoint Contact Solutions Ltd\n",
		"Yours: My Provider Ltd\nOnly you changed this.",
		"Your conflict copy, draft 2, stays as it is.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the merge dialog lacks %q:\n%s", want, text)
		}
	}
	if got := forms.MergeChoices(ui.Window()); !slices.Equal(got, []string{"Keep theirs", "Keep theirs", "Take yours"}) {
		t.Errorf("the choices start as %q, want theirs where they changed it and yours where only you did", got)
	}
	forms.TapMergeChoice(t, ui.Window(), 0, "Take yours")
	if shot := os.Getenv("PACTWRIGHT_SHOT"); shot != "" {
		writePNG(t, strings.TrimSuffix(shot, ".png")+"-merge.png", ui.Window().Canvas().Capture())
	}
	forms.TapOverlayButton(t, ui.Window(), "Save merged answers")
	waitOverlay(t, ui, q, "merged draft 1 as revision 1: your answers taken for Customer: legal name; Provider: legal name, theirs kept for 1 other field")
	for field, want := range map[string]string{"customer_name": "Mine Ltd", "provider_name": "My Provider Ltd", "customer_contact_name": "Bob Ops"} {
		if got := ui.FieldText(t, field); got != want {
			t.Errorf("after the merge %s shows %q, want %q", field, got, want)
		}
	}
	hist, err := lib.History(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 1 || hist[0].Author != "Ann Owner" || !strings.HasPrefix(hist[0].Note, "merged with conflict copy 2") {
		t.Errorf("History after the merge: %+v", hist)
	}
	if kept, err := lib.Get(2); err != nil || kept.Customer != "Mine Ltd" {
		t.Errorf("the conflict copy: %+v, %v", kept.Summary, err)
	}
}

// TestKeepMyVersionKeepsTheirsInHistory: after Bob saved first, Ann
// chooses Keep my version: her answers are saved, and History in her
// window shows Bob's save as a version of its own, under his name.
func TestKeepMyVersionKeepsTheirsInHistory(t *testing.T) {
	ui, lib, id, q := teamConflict(t, map[string]string{"customer_name": "Mine Ltd"}, map[string]string{"customer_name": "Bob's Customer Ltd"})
	forms.TapOverlayButton(t, ui.Window(), "Keep my version")
	waitUI(t, q, "Ann's answers saved", func() bool {
		d, err := lib.Get(id)
		return err == nil && d.Customer == "Mine Ltd"
	})
	ui.ShowHistory()
	waitOverlay(t, ui, q, "by Bob Ops · saved ")
	if text := forms.OverlayText(ui.Window()); !strings.Contains(text, "; Ann Owner then kept their own version over it") {
		t.Errorf("History does not say what happened to Bob's save:\n%s", text)
	}
	hist, err := lib.History(id)
	if err != nil || len(hist) != 1 {
		t.Fatalf("History %+v, %v", hist, err)
	}
	if theirs, err := lib.RevisionContent(id, hist[0].Number); err != nil || theirs.Answers.Text("customer_name") != "Bob's Customer Ltd" {
		t.Errorf("the version kept in History: %v, %v", theirs.Answers["customer_name"], err)
	}
}
