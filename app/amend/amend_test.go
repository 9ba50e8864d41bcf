package amend_test

import (
	"strings"
	"testing"
	"time"

	"pactwright/app/agreement"
	"pactwright/app/amend"
	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/template"
	"pactwright/render"
)

// versions composes the example and the example with the price and the
// headline service level changed: the two changes of the story.
func versions(tb testing.TB) (*agreement.Engine, render.Document, render.Document) {
	tb.Helper()
	tp := template.CallCentre()
	e, err := agreement.NewEngine(tp)
	if err != nil {
		tb.Fatal(err)
	}
	old := draft.Example(tp)
	signed, err := e.Document(old)
	if err != nil {
		tb.Fatal(err)
	}
	changed := draft.Example(tp)
	changed.Answers["rate"] = answers.Value{Text: "26.00", Unit: "GBP"}
	rows := changed.Answers["sla_metrics"].Rows
	for i, r := range rows {
		if r["metric"] == "service_level" {
			rows[i] = answers.Row{"metric": r["metric"], "target": "85", "unit": r["unit"], "window": r["window"], "credit": r["credit"]}
		}
	}
	amended, err := e.Document(changed)
	if err != nil {
		tb.Fatal(err)
	}
	return e, signed, amended
}

func TestCompareNamesOnlyWhatChanged(t *testing.T) {
	_, signed, amended := versions(t)
	changes := amend.Compare(signed, amended)
	var texts []string
	for _, c := range changes {
		texts = append(texts, c.Text)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Clause 4.1 is deleted and replaced with", "£26.00", "In Schedule 1, the row", "85%", "In Schedule 2, the row “Main rate” is replaced with"} {
		if !strings.Contains(all, want) {
			t.Errorf("changes lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "£24.50") || strings.Contains(all, "exit plan") {
		t.Errorf("changes quote unchanged or old wording:\n%s", all)
	}
	if len(amend.Compare(signed, signed)) != 0 {
		t.Error("a document compared with itself has changes")
	}
}

func TestCompareDeletedAndInsertedClauses(t *testing.T) {
	doc := func(blocks ...render.Block) render.Document {
		return render.Document{Sections: []render.Section{{Key: "termination", Number: "6", Heading: "Termination", Blocks: blocks}}}
	}
	cl := func(key, n, text string) render.Block {
		return render.Block{Kind: render.Clause, Key: key, Number: n, Text: text}
	}
	old := doc(cl("t.a", "6.5", "Hand back."), cl("t.b", "6.6", "Staff transfer."))
	new := doc(cl("t.a", "6.5", "Hand back."), cl("t.c", "6.6", "No poaching."))
	var got []string
	for _, c := range amend.Compare(old, new) {
		got = append(got, c.Text)
	}
	want := []string{"Clause 6.6 is deleted.", "The following is inserted after clause 6.5:\n“No poaching.”"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestAmendmentRefusesBadDateAndNoChanges(t *testing.T) {
	_, signed, amended := versions(t)
	base := amend.Amendment{Number: 1, Original: amend.Original{Title: "X", Signed: time.Now()}, Signed: signed, Amended: amended}
	bad := base
	bad.Effective = "2027-02-30"
	if _, _, err := amend.Document(bad); err == nil || !strings.Contains(err.Error(), "effective date") {
		t.Errorf("a date that does not exist: %v", err)
	}
	same := base
	same.Effective, same.Amended = "2027-03-01", signed
	if _, _, err := amend.Document(same); err != amend.ErrNoChanges {
		t.Errorf("no changes: %v", err)
	}
}

func TestRedlineMarksWords(t *testing.T) {
	_, signed, amended := versions(t)
	doc, changes := amend.Redline(signed, amended, "the signed version", "the current answers")
	if len(changes) == 0 {
		t.Fatal("no changes")
	}
	var del, ins []string
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			for _, r := range b.Runs {
				switch r.Kind {
				case render.Deleted:
					del = append(del, r.Text)
				case render.Inserted:
					ins = append(ins, r.Text)
				}
			}
		}
	}
	// The rate is printed twice (the charge, and what overage replaces);
	// each time only the amount is marked.
	for _, pair := range []struct {
		runs []string
		want string
	}{{del, "£24.50"}, {ins, "£26.00"}} {
		if len(pair.runs) != 2 {
			t.Fatalf("deleted %q, inserted %q: want the rate changed in two places", del, ins)
		}
		for _, r := range pair.runs {
			if strings.Trim(r, " .") != pair.want {
				t.Fatalf("deleted %q, inserted %q", del, ins)
			}
		}
	}
}

// twoChanges is the example before and after two changes (price, payment
// days), for the benchmarks, which compose both versions each time.
func twoChanges(b *testing.B) (e *agreement.Engine, old, changed draft.Draft) {
	e, _, _ = versions(b)
	old, changed = draft.Example(e.Template()), draft.Example(e.Template())
	changed.Answers["rate"] = answers.Value{Text: "26.00", Unit: "GBP"}
	changed.Answers["payment_days"] = answers.Value{Text: "45", Unit: "days"}
	return e, old, changed
}

// BenchmarkAmendment: Amendment No. 1 for the example with two changes,
// composed from both versions and rendered (target ≤ 40 ms).
func BenchmarkAmendment(b *testing.B) {
	e, old, changed := twoChanges(b)
	for b.Loop() {
		signed, _ := e.Document(old)
		amended, _ := e.Document(changed)
		doc, _, err := amend.Document(amend.Amendment{Number: 1, Effective: "2027-06-01", Original: amend.Original{Title: signed.Title, Signed: time.Now()}, Signed: signed, Amended: amended})
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := e.RenderDocument(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRedline: the redline of the same two versions (target ≤ 40 ms).
func BenchmarkRedline(b *testing.B) {
	e, old, changed := twoChanges(b)
	for b.Loop() {
		a, _ := e.Document(old)
		c, _ := e.Document(changed)
		doc, _ := amend.Redline(a, c, "the signed version", "the current answers")
		if _, _, err := e.RenderDocument(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCompareRowsThatShareAName: two price-list rows with the same first
// cell are told apart, so changing the first is never hidden behind the
// second.
func TestCompareRowsThatShareAName(t *testing.T) {
	tp := template.CallCentre()
	e, err := agreement.NewEngine(tp)
	if err != nil {
		t.Fatal(err)
	}
	withRows := func(first string) render.Document {
		d := draft.Example(tp)
		d.Answers["additional_services"] = answers.Value{Rows: []answers.Row{
			{"service": "Training", "price": first, "basis": "per day"},
			{"service": "Training", "price": "800.00", "basis": "per week"},
		}}
		doc, err := e.Document(d)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	changes := amend.Compare(withRows("100.00"), withRows("120.00"))
	if len(changes) != 1 {
		t.Fatalf("%d changes, want 1: %+v", len(changes), changes)
	}
	if !strings.Contains(changes[0].Text, "£120.00") || strings.Contains(changes[0].Text, "£800.00") {
		t.Errorf("the change to the first Training row reads: %s", changes[0].Text)
	}
}
