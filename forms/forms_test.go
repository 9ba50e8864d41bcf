package forms

import (
	"bytes"
	"errors"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/check"
	"pactwright/app/draft"
	"pactwright/app/template"
)

// harness runs the UI with an in-memory store. Work that the UI hands to
// Do is queued and run by drain on the test goroutine, as fyne.Do would
// run it on the UI goroutine, so the race detector sees one UI thread.
type harness struct {
	t     *testing.T
	ui    *UI
	store *MemStore
	r     *fakeRenderer

	mu    sync.Mutex
	queue []func()
}

type fakeRenderer struct {
	pdf    []byte
	during func() // if set, runs inside RenderPDF, off the UI goroutine
}

func (f *fakeRenderer) Preview(d draft.Draft) string { return "AGREEMENT " + d.Title }

// RenderPDF makes a "PDF" naming the customer, so tests can tell which
// answers it was made from.
func (f *fakeRenderer) RenderPDF(d draft.Draft) ([]byte, []string, error) {
	if f.during != nil {
		f.during()
	}
	return append([]byte("%PDF-1.7\n"+d.Answers.Text("customer_name")+"\n%%EOF\n"), f.pdf...), nil, nil
}
func (f *fakeRenderer) UnsupportedCharacters(draft.Draft) []rune { return nil }

func newHarness(t *testing.T) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	tpl := template.CallCentre()
	h := &harness{t: t, store: NewMemStore(tpl), r: &fakeRenderer{}}
	h.ui = New(Options{App: a, Template: tpl, Store: h.store, Renderer: h.r, Documents: fakeDocs{h.store, h.r}, Do: h.do,
		SaveDelay: 50 * time.Millisecond, PreviewDelay: 10 * time.Millisecond})
	t.Cleanup(func() {
		if h.ui.editor != nil {
			h.ui.editor.stop()
		}
	})
	return h
}

func (h *harness) do(f func()) {
	h.mu.Lock()
	h.queue = append(h.queue, f)
	h.mu.Unlock()
}

func (h *harness) drain() {
	for {
		h.mu.Lock()
		q := h.queue
		h.queue = nil
		h.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}

// waitFor drains UI work until cond holds.
//
// The test waits for the event itself, however long the machine takes;
// the limit only stops a test whose event never comes, so it is far
// longer than any save or render should need on a loaded machine.
func (h *harness) waitFor(what string, cond func() bool) {
	h.t.Helper()
	h.waitWithin(time.Minute, what, cond)
}

// waitWithin is waitFor with another time limit.
func (h *harness) waitWithin(limit time.Duration, what string, cond func() bool) {
	h.t.Helper()
	deadline := time.Now().Add(limit)
	for {
		h.drain()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (h *harness) openExample() *editor {
	h.t.Helper()
	return h.openDraft(draft.Example(h.ui.t))
}

// openConfirmedExample opens the example with every group confirmed as
// reviewed: complete, and signable.
func (h *harness) openConfirmedExample() *editor {
	h.t.Helper()
	d := draft.Example(h.ui.t)
	d.Confirm(h.ui.t)
	return h.openDraft(d)
}

func (h *harness) openDraft(d draft.Draft) *editor {
	h.t.Helper()
	id, err := h.store.Create(d)
	if err != nil {
		h.t.Fatal(err)
	}
	if err := h.ui.OpenDraft(id); err != nil {
		h.t.Fatal(err)
	}
	h.waitFor("the editor", func() bool { return h.ui.editor != nil })
	return h.ui.editor
}

func (e *editor) entry(t *testing.T, id string) *widget.Entry {
	t.Helper()
	en, ok := e.field(id).focus.(*formEntry)
	if !ok {
		t.Fatalf("field %s has no entry", id)
	}
	return &en.Entry
}

func (e *editor) groupIndex(id string) int {
	for i, g := range e.t.Groups {
		if g.ID == id {
			return i
		}
	}
	return -1
}

func hasFinding(r check.Report, field string, sev check.Severity) bool {
	for _, f := range r.Findings {
		if f.Field == field && f.Severity == sev {
			return true
		}
	}
	return false
}

func TestTypingUpdatesAnswersChecklistAndFindings(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	conf := e.groupIndex("confidentiality")
	// Complete but not yet confirmed by the user, then confirmed.
	if got := e.tabItems[conf].Text; !strings.HasSuffix(got, " ?") {
		t.Fatalf("example tab label = %q, want to review", got)
	}
	e.setReviewed(conf, true)
	if got := e.tabItems[conf].Text; !strings.HasSuffix(got, "✓") {
		t.Fatalf("example tab label = %q, want complete", got)
	}

	hours := e.entry(t, "breach_notice_hours")
	hours.SetText("")
	test.Type(hours, "96")
	if got := e.d.Answers.Text("breach_notice_hours"); got != "96" {
		t.Fatalf("answer = %q, want 96", got)
	}
	if !hasFinding(e.report, "breach_notice_hours", check.High) {
		t.Fatal("no high finding for a 96 hour breach notice")
	}
	found := false
	for _, o := range e.side.findingsBox.Objects {
		for _, l := range test.LaidOutObjects(o) {
			if tl, ok := l.(*tapLabel); ok && strings.Contains(tl.Text, "96 hours") {
				found = true
			}
		}
	}
	if !found {
		t.Fatal("the findings panel does not show the breach finding")
	}

	// Clearing a required field: the tab counts one missing element, the
	// checklist marks it, and the inline message says why.
	name := e.entry(t, "customer_name")
	name.SetText("")
	parties := e.groupIndex("parties")
	if got := e.tabItems[parties].Text; got != "Parties (1)" {
		t.Fatalf("tab label = %q, want \"Parties (1)\"", got)
	}
	if st := e.side.elements[parties][0].status; st != check.Incomplete {
		t.Fatalf("customer element status = %s", st)
	}
	if p := e.field("customer_name").problem; !p.Visible() || !strings.Contains(p.Text, "missing") {
		t.Fatalf("inline problem = %q visible=%v", p.Text, p.Visible())
	}
	test.Type(name, "Acme Ltd")
	if got := e.tabItems[parties].Text; got != "Parties ?" {
		t.Fatalf("tab label after fix = %q, want complete but to review", got)
	}
	e.setReviewed(parties, true)
	if got := e.tabItems[parties].Text; got != "Parties ✓" {
		t.Fatalf("tab label after fix = %q", got)
	}
	if e.field("customer_name").problem.Visible() {
		t.Fatal("problem still shown after fixing the field")
	}

	// Invalid input is reported while typing.
	email := e.entry(t, "customer_contact_email")
	email.SetText("")
	test.Type(email, "not-an-email")
	if p := e.field("customer_contact_email").problem; !p.Visible() || !strings.Contains(p.Text, "email") {
		t.Fatalf("email problem = %q", p.Text)
	}
}

func TestConditionalFieldsShowAndHide(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	pci := e.field("pci_dss")
	if pci.box.Visible() {
		t.Fatal("PCI DSS field visible without card payments")
	}
	radio := findRadio(t, e.field("card_payments").box)
	radio.SetSelected("Yes")
	if e.d.Answers.Text("card_payments") != "yes" {
		t.Fatalf("card_payments = %q", e.d.Answers.Text("card_payments"))
	}
	if !pci.box.Visible() || !e.field("card_capture").box.Visible() {
		t.Fatal("PCI fields hidden after card payments = yes")
	}
	radio.SetSelected("No")
	if pci.box.Visible() {
		t.Fatal("PCI field still visible after card payments = no")
	}
}

func findRadio(t *testing.T, o fyne.CanvasObject) *widget.RadioGroup {
	t.Helper()
	var walk func(fyne.CanvasObject) *widget.RadioGroup
	walk = func(o fyne.CanvasObject) *widget.RadioGroup {
		if r, ok := o.(*widget.RadioGroup); ok {
			return r
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, x := range c.Objects {
				if r := walk(x); r != nil {
					return r
				}
			}
		}
		return nil
	}
	if r := walk(o); r != nil {
		return r
	}
	t.Fatal("no radio group")
	return nil
}

func TestClickingFindingJumpsToField(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	e.entry(t, "breach_notice_hours").SetText("96")
	e.tabs.SelectIndex(0)
	e.jump("breach_notice_hours")
	if got := e.tabs.SelectedIndex(); got != e.groupIndex("confidentiality") {
		t.Fatalf("selected tab %d", got)
	}
	if h.ui.win.Canvas().Focused() != e.field("breach_notice_hours").focus {
		t.Fatal("field not focused after jump")
	}
}

func TestAutosaveAfterPauseAndOnClose(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	before := h.store.SaveCount()
	name := e.entry(t, "customer_name")
	name.SetText("")
	test.Type(name, "Acme Group Ltd")
	if e.status.Text != "Saving…" {
		h.drain()
	}
	h.waitFor("autosave after the pause", func() bool { return h.store.SaveCount() > before && e.status.Text == "Saved" })
	sd, _ := h.store.Get(e.id)
	if got := sd.Content.Answers.Text("customer_name"); got != "Acme Group Ltd" {
		t.Fatalf("saved name = %q", got)
	}

	// A keystroke followed at once by closing the window is saved before it closes.
	e.entry(t, "provider_name").SetText("Northpoint Contact Solutions Ltd!")
	h.ui.close()
	h.waitFor("the window to close", func() bool { return h.ui.editor == nil })
	sd, _ = h.store.Get(sd.ID)
	if got := sd.Content.Answers.Text("provider_name"); got != "Northpoint Contact Solutions Ltd!" {
		t.Fatalf("saved on close = %q", got)
	}
}

func TestSaveFailureKeepsAnswersAndRetries(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	h.store.SetFail(errors.New("disk full"))
	test.Type(e.entry(t, "customer_name"), "X")
	h.waitFor("error shown", func() bool { return strings.Contains(e.status.Text, "disk full") })
	if !e.saver.Dirty() {
		t.Fatal("answers dropped after a failed save")
	}
	h.store.SetFail(nil)
	h.waitFor("retry succeeds", func() bool { return e.status.Text == "Saved" })
	sd, _ := h.store.Get(e.id)
	if !strings.Contains(sd.Content.Answers.Text("customer_name"), "X") {
		t.Fatal("retried save did not write the answer")
	}
}

func TestConflictIsReported(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	other, _ := h.store.Get(e.id)
	if _, err := h.store.Autosave(e.id, other.Content, other.Version, nil); err != nil {
		t.Fatal(err)
	}
	test.Type(e.entry(t, "customer_name"), "Y")
	h.waitFor("conflict", func() bool { return strings.Contains(e.status.Text, "another window") })
	e.saver.Overwrite()
	h.waitFor("overwrite", func() bool { return e.status.Text == "Saved" })
}

func TestTabsAreBuiltOnFirstView(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	if _, ok := e.fields["breach_notice_hours"]; ok {
		t.Fatal("the confidentiality tab was built before it was opened")
	}
	conf := e.groupIndex("confidentiality")
	e.tabs.SelectIndex(conf)
	fv, ok := e.fields["breach_notice_hours"]
	if !ok {
		t.Fatal("selecting the tab did not build its form")
	}
	if got := fv.focus.(*formEntry).Text; got != e.d.Answers.Text("breach_notice_hours") {
		t.Fatalf("built field shows %q, want the stored answer", got)
	}
}

type memWriter struct {
	bytes.Buffer
	closed bool
}

func (w *memWriter) Close() error { w.closed = true; return nil }

func TestExportWritesPDFAndRecordsIt(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	w := &memWriter{}
	var result error = errors.New("not done")
	e.exportDialog().exportTo(w, "/tmp/x.pdf", ExportAgreement, func(err error) { result = err })
	h.waitFor("export", func() bool { return result == nil })
	if !bytes.HasPrefix(w.Bytes(), []byte("%PDF")) || !w.closed {
		t.Fatalf("writer got %q closed=%v", w.Bytes(), w.closed)
	}
	if ex := h.store.ExportList(); len(ex) != 1 || !bytes.HasPrefix(ex[0], []byte("%PDF")) {
		t.Fatal("export not recorded")
	}
}

func TestExportName(t *testing.T) {
	a := draft.Example(template.CallCentre()).Answers
	got := exportName(a, time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC), "pdf")
	if got != "Brightside-Home-Goods-Ltd-Northpoint-Contact-Solutions-Ltd-agreement-2027-01-04.pdf" {
		t.Fatal(got)
	}
}

func TestBrowserFirstRunAndActions(t *testing.T) {
	h := newHarness(t)
	h.browserIdle()
	b := h.ui.browser
	if !b.empty.Visible() {
		t.Fatal("first run does not show the welcome")
	}
	b.newExample()
	h.waitFor("the editor", func() bool { return h.ui.editor != nil })
	if h.ui.editor == nil {
		t.Fatal("new from example did not open the editor")
	}
	if got := h.ui.win.Title(); got != "Pactwright — Brightside customer service outsourcing" {
		t.Fatalf("title %q", got)
	}
	h.showBrowser()
	b = h.ui.browser
	if b.empty.Visible() || len(b.items) != 1 {
		t.Fatalf("browser shows %d items", len(b.items))
	}
	if !strings.Contains(describe(b.items[0]), "Brightside Home Goods Ltd and Northpoint") {
		t.Fatal(describe(b.items[0]))
	}
	b.list.Select(0)
	b.duplicate()
	h.browserIdle()
	if len(b.items) != 2 {
		t.Fatalf("after duplicate %d items", len(b.items))
	}
	b.list.Select(0)
	b.delete()
	h.browserIdle()
	if len(b.items) != 1 {
		t.Fatalf("after delete %d items", len(b.items))
	}
	test.Type(b.search, "nothing matches")
	h.browserIdle()
	if len(b.items) != 0 || b.empty.Visible() {
		t.Fatal("search")
	}
}

func TestTableRowsAddRemoveMove(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	tf := e.field("sla_metrics").table
	rows := func() int { return len(e.d.Answers["sla_metrics"].Rows) }
	n := rows()
	first := e.d.Answers["sla_metrics"].Rows[0]["metric"]
	tf.move(0, 1)
	if got := e.d.Answers["sla_metrics"].Rows[1]["metric"]; got != first {
		t.Fatalf("after move down row 2 is %q, want %q", got, first)
	}
	tf.rows = append(tf.rows, map[string]string{})
	tf.rebuild()
	tf.emit()
	if rows() != n+1 || len(tf.body.Objects) != n+1 {
		t.Fatalf("after add: %d rows", rows())
	}
	tf.rows = tf.rows[:n]
	tf.rebuild()
	tf.emit()
	if rows() != n {
		t.Fatalf("after remove: %d rows", rows())
	}
}

// TestFormsReachesNoSQLOrPDF: forms draws and asks; SQL and PDF writing
// sit behind the interfaces it declares. The check follows every package
// forms depends on, directly or through others, so a helper package that
// pulled in gopdf or SQLite would fail it too. Test files are left out:
// the end-to-end test wires the real library on purpose.
func TestFormsReachesNoSQLOrPDF(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "pactwright/forms") || !slices.Contains(deps, "fyne.io/fyne/v2") {
		t.Fatalf("go list did not list forms and its dependencies:\n%s", out)
	}
	forbidden := []string{"database/sql", "github.com/mattn/go-sqlite3", "github.com/signintech/gopdf",
		"fyne.io/fyne/v2/app", "pactwright/app/library", "pactwright/app/agreement", "pactwright/render"}
	for _, dep := range deps {
		for _, f := range forbidden {
			if dep == f || strings.HasPrefix(dep, f+"/") {
				t.Errorf("forms depends on %s", dep)
			}
		}
	}
}

// BenchmarkTabSwitch selects each clause-group tab in turn.
func BenchmarkTabSwitch(b *testing.B) {
	a := test.NewTempApp(b)
	tpl := template.CallCentre()
	st := NewMemStore(tpl)
	u := New(Options{App: a, Template: tpl, Store: st, Renderer: &fakeRenderer{}, Do: func(func()) {}})
	id, _ := st.Create(draft.Example(tpl))
	openNow(b, u, st, id)
	u.win.Resize(fyne.NewSize(1280, 800))
	n := len(tpl.Groups)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u.editor.tabs.SelectIndex(i % n)
		u.win.Canvas().Refresh(u.editor.tabs)
	}
	b.StopTimer()
	u.editor.stop()
}

// BenchmarkKeystroke is one edit: answers, checklist, tab labels, side panel.
func BenchmarkKeystroke(b *testing.B) {
	a := test.NewTempApp(b)
	tpl := template.CallCentre()
	st := NewMemStore(tpl)
	u := New(Options{App: a, Template: tpl, Store: st, Renderer: &fakeRenderer{}, Do: func(func()) {}, PreviewDelay: time.Hour, SaveDelay: time.Hour})
	id, _ := st.Create(draft.Example(tpl))
	openNow(b, u, st, id)
	en := &u.editor.fields["customer_name"].focus.(*formEntry).Entry
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		en.SetText("Acme " + strconv.Itoa(i%10))
	}
	b.StopTimer()
	u.editor.stop()
}
