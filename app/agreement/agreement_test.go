package agreement

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/check"
	"pactwright/app/compose"
	"pactwright/app/draft"
	"pactwright/app/template"
)

func needTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed (make test installs it)", name)
	}
}

// pdfText extracts the text of a PDF with pdftotext, footers dropped and
// whitespace folded, so that wrapped lines compare as prose.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	return strings.Join(strings.Fields(withoutFooters(pageText(t, pdf))), " ")
}

// footerLine matches the lines every page repeats (footer, draft mark), which
// pdftotext interleaves with text that runs across pages.
var footerLine = regexp.MustCompile(`^(.* · Doc ID PW-[0-9A-F-]+|Page \d+ of \d+|Initials|DRAFT – NOT FOR SIGNATURE)$`)

func withoutFooters(text string) string {
	var keep []string
	for _, line := range strings.Split(text, "\n") {
		if !footerLine.MatchString(strings.TrimSpace(line)) {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}

// pageText is the raw extracted text, footers included.
func pageText(t *testing.T, pdf []byte) string {
	t.Helper()
	needTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func engine(t testing.TB) *Engine {
	t.Helper()
	e, err := NewEngine(template.CallCentre())
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestExamplePDFReadsComplete(t *testing.T) {
	e := engine(t)
	example := draft.Example(e.Template())
	example.Confirm(e.Template())
	pdf, warnings, err := e.RenderPDF(example)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("example should render without warnings: %v", warnings)
	}
	text := pdfText(t, pdf)
	for _, g := range e.Template().Groups[:8] {
		if !strings.Contains(text, g.Name) {
			t.Errorf("PDF lacks the group heading %q", g.Name)
		}
	}
	for _, want := range []string{
		"Call Centre Services Agreement", "Brightside Home Goods Ltd", "Northpoint Contact Solutions Ltd",
		"80% within 20 seconds", "Average speed of answer at most 30 seconds", "Abandoned calls at most 5%",
		"Schedule 1 Service Levels", "Schedule 2 Charges", "Schedule 3 Exit Plan", "Clause checklist",
		"Customer initials", "Provider initials", "Daniel Okafor", "Fiona MacLeod", "£24.50",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	pages := regexp.MustCompile(`Page 1 of (\d+)`).FindStringSubmatch(pageText(t, pdf))
	if pages == nil {
		t.Fatal(`no "Page 1 of N" in the PDF`)
	}
	if !strings.Contains(pageText(t, pdf), "Page "+pages[1]+" of "+pages[1]) {
		t.Errorf("last page %s is not numbered", pages[1])
	}
	if strings.Contains(text, "[to be completed") {
		t.Errorf("complete example has a gap marker: %s", text[strings.Index(text, "[to be completed"):][:80])
	}
	if strings.Contains(text, "DRAFT") {
		t.Error("a complete agreement must not be marked DRAFT")
	}
	id, _ := compose.DocumentID(e.Template(), example)
	if !strings.Contains(text, id) {
		t.Errorf("document id %s not printed", id)
	}
}

func TestEmptyDraftMarksEveryGap(t *testing.T) {
	e := engine(t)
	empty := draft.Draft{Answers: answers.Answers{}}
	pdf, _, err := e.RenderPDF(empty)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	report := check.Check(e.Template(), empty.Answers)
	for _, p := range report.Problems() {
		if !strings.Contains(text, compose.Marker(p.Label, "")) {
			t.Errorf("required field %s has no marker %q", p.Field, compose.Marker(p.Label, ""))
		}
	}
	if !strings.Contains(text, "DRAFT") {
		t.Error("an incomplete agreement must say DRAFT on the cover")
	}
}

func TestEachMissingRequiredFieldIsMarked(t *testing.T) {
	e := engine(t)
	tpl := e.Template()
	base := draft.Example(tpl)
	// Remove required fields one group at a time and look for each marker.
	for _, g := range tpl.Groups {
		d := draft.Draft{Title: base.Title, Answers: base.Answers.Clone()}
		var removed []*template.Field
		for i := range g.Fields {
			f := &g.Fields[i]
			if f.Required && tpl.Visible(f.ID, d.Answers) {
				removed = append(removed, f)
			}
		}
		for _, f := range removed {
			delete(d.Answers, f.ID)
		}
		pdf, _, err := e.RenderPDF(d)
		if err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, pdf)
		for _, f := range removed {
			if !tpl.Visible(f.ID, d.Answers) {
				continue // its condition depended on another removed field
			}
			if !strings.Contains(text, compose.Marker(f.Label, "")) {
				t.Errorf("%s: missing %s is not marked in the PDF", g.Name, f.ID)
			}
		}
	}
}

func TestBadValuesAreMarked(t *testing.T) {
	e := engine(t)
	d := draft.Example(e.Template())
	d.Answers["agents"] = answers.Value{Text: "-4"}
	d.Answers["effective_date"] = answers.Value{Text: "2027-02-30"}
	d.Answers["rate"] = answers.Value{Text: "twelve", Unit: "GBP"}
	d.Answers["sla_metrics"] = answers.Value{Rows: []answers.Row{{"metric": "asa", "target": "fast", "unit": "seconds", "window": "monthly", "credit": "2"}}}
	pdf, _, err := e.RenderPDF(d)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{
		"[to be completed: Number of agents, -4 is too small",
		"[to be completed: Start date, 30 February 2027 does not exist",
		`[to be completed: Main rate, amount "twelve" is not a number`,
		`Target, "fast"`, // a narrow table cell: pdftotext interleaves the marker with its neighbours
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

func TestHugeFieldWrapsAcrossPagesAndLosesNothing(t *testing.T) {
	e := engine(t)
	d := draft.Example(e.Template())
	var b strings.Builder
	for i := 0; b.Len() < 100_000; i++ {
		b.WriteString("word")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteByte(' ')
	}
	huge := strings.TrimSpace(b.String())
	// A long text answer holds at most template.LongTextLimit characters;
	// a one-line answer has no limit of its own, so it carries the test.
	d.Answers["systems"] = answers.Value{Text: huge}
	pdf, _, err := e.RenderPDF(d)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	if !strings.Contains(strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(huge, " ", "")) {
		t.Error("the 100,000-character field did not survive intact")
	}
}

func TestUnsupportedCharactersAreReported(t *testing.T) {
	e := engine(t)
	d := draft.Example(e.Template())
	d.Answers["customer_contact_name"] = answers.Value{Text: "Chen 陈 ☃"}
	runes, err := e.UnsupportedCharacters(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.ContainsRune(string(runes), '☃') || !strings.ContainsRune(string(runes), '陈') {
		t.Errorf("UnsupportedCharacters = %q, want ☃ and 陈", string(runes))
	}
	_, warnings, err := e.RenderPDF(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(warnings, "\n"), "U+2603") {
		t.Errorf("render warnings do not name the snowman: %v", warnings)
	}
}

func TestQPDFCheckPasses(t *testing.T) {
	needTool(t, "qpdf")
	e := engine(t)
	for name, d := range map[string]draft.Draft{"example": draft.Example(e.Template()), "empty": {}} {
		pdf, _, err := e.RenderPDF(d)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), name+".pdf")
		os.WriteFile(path, pdf, 0o600)
		out, err := exec.Command("qpdf", "--check", path).CombinedOutput()
		if err != nil || bytes.Contains(out, []byte("WARNING")) {
			t.Errorf("%s: qpdf --check failed: %v\n%s", name, err, out)
		}
	}
}

func TestExampleSize(t *testing.T) {
	e := engine(t)
	pdf, _, err := e.RenderPDF(draft.Example(e.Template()))
	if err != nil {
		t.Fatal(err)
	}
	if len(pdf) > 150*1024 {
		t.Errorf("example PDF is %d bytes, budget is 150 KB", len(pdf))
	}
}

func BenchmarkRender(b *testing.B) {
	e := engine(b)
	d := draft.Example(e.Template())
	b.ReportAllocs()
	var size int
	for b.Loop() {
		pdf, _, err := e.RenderPDF(d)
		if err != nil {
			b.Fatal(err)
		}
		size = len(pdf)
	}
	b.ReportMetric(float64(size)/1024, "KB/pdf")
}

func BenchmarkPreview(b *testing.B) {
	e := engine(b)
	d := draft.Example(e.Template())
	for b.Loop() {
		if _, err := e.Preview(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompose is composition alone (wording, numbering, references,
// definitions), without the PDF writer.
func BenchmarkCompose(b *testing.B) {
	e := engine(b)
	d := draft.Example(e.Template())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Document(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewEngine is building the engine: parsing and checking the
// wording and loading the fonts, what every command-line call pays.
func BenchmarkNewEngine(b *testing.B) {
	tpl := template.CallCentre()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewEngine(tpl); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstRender is what one `pactwright render` process pays after
// start-up: build the template, parse the clause wording and the fonts,
// then render the example once.
func BenchmarkFirstRender(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		e, err := NewEngine(template.CallCentre())
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := e.RenderPDF(draft.Example(e.Template())); err != nil {
			b.Fatal(err)
		}
	}
}
