package render

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// TestPDFReadsAsAContract checks what a reader sees in the fixture: every
// heading, the SLA table, page numbers with the right total, the doc ID,
// checklist statuses and the signatories.
func TestPDFReadsAsAContract(t *testing.T) {
	need(t, "pdftotext", "pdfinfo")
	doc := fixture()
	path, _, warnings := renderTo(t, doc)
	if len(warnings) != 0 {
		t.Errorf("warnings for a clean document: %q", warnings)
	}
	pages := pageTexts(t, path)
	n := pageCount(t, path)
	if len(pages) != n {
		t.Fatalf("pdftotext found %d pages, pdfinfo %d", len(pages), n)
	}
	all := squeeze(strings.Join(pages, "\n"))

	want := []string{doc.Title, doc.Subtitle, "Document ID: " + doc.ID}
	for _, p := range doc.Cover.Parties {
		want = append(want, p.Role, p.Name)
	}
	for _, k := range doc.Cover.KeyTerms {
		want = append(want, k.Label, k.Value)
	}
	for _, s := range doc.Sections {
		want = append(want, s.Number+" "+s.Heading)
		for _, b := range s.Blocks {
			if b.Kind == Clause {
				want = append(want, b.Number)
			}
		}
	}
	for _, row := range slaRows {
		for _, cell := range row {
			// Cells wrap inside their column; check each word is there.
			want = append(want, strings.Fields(cell)...)
		}
	}
	want = append(want, "Service Level", "Target", "Measured", "Service Credit")
	want = append(want, "Clause checklist", "Customer initials", "Provider initials", "Signatures")
	for _, g := range doc.Checklist.Groups {
		want = append(want, g.Name)
		for _, e := range g.Elements {
			want = append(want, e.Name)
			want = append(want, strings.Fields(e.Status)...)
		}
	}
	for _, s := range doc.Signing.Signatories {
		want = append(want, s.Party, s.Role)
		if s.Name != "" {
			want = append(want, s.Name, s.Title)
		}
	}
	want = append(want, "Name:", "Title:", "Date:", "Signature")
	for _, w := range want {
		if !strings.Contains(all, squeeze(w)) {
			t.Errorf("text %q not found in the PDF", w)
		}
	}

	for i, p := range pages {
		p = squeeze(p)
		if pn := fmt.Sprintf("Page %d of %d", i+1, n); !strings.Contains(p, pn) {
			t.Errorf("page %d: footer %q missing", i+1, pn)
		}
		for _, w := range []string{"Doc ID " + doc.ID, doc.Title, "Initials"} {
			if !strings.Contains(p, w) {
				t.Errorf("page %d: footer lacks %q", i+1, w)
			}
		}
	}
	if !strings.Contains(squeeze(pages[len(pages)-1]), "Signatures") {
		t.Error("the last page is not the signature page")
	}
}

// TestQPDFCheck: the file must pass qpdf's structural check cleanly,
// including the appended signature-field update.
func TestQPDFCheck(t *testing.T) {
	need(t, "qpdf")
	path, _, _ := renderTo(t, fixture())
	out, stderr, err := runRaw("qpdf", "--check", path)
	if err != nil {
		t.Fatalf("qpdf --check: %v\n%s%s", err, out, stderr)
	}
	if strings.Contains(strings.ToLower(out+stderr), "warning") {
		t.Errorf("qpdf --check warns:\n%s%s", out, stderr)
	}
	if !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check output unexpected:\n%s", out)
	}
}

// TestFontsEmbeddedSubset: every font must be embedded and subset, or the
// contract looks different on the other side's machine.
func TestFontsEmbeddedSubset(t *testing.T) {
	need(t, "pdffonts")
	path, _, _ := renderTo(t, fixture())
	lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", path)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", strings.Join(lines, "\n"))
	}
	for _, ln := range lines[2:] {
		fs := strings.Fields(ln)
		// name type... encoding emb sub uni object ID
		if len(fs) < 7 {
			t.Fatalf("unexpected pdffonts line %q", ln)
		}
		emb, sub := fs[len(fs)-5], fs[len(fs)-4]
		if emb != "yes" || sub != "yes" || !regexp.MustCompile(`^[A-Z]{6}\+`).MatchString(fs[0]) {
			t.Errorf("font not embedded as a subset: %q", ln)
		}
	}
}

// TestMetadata: title and author show in file managers and title bars.
func TestMetadata(t *testing.T) {
	need(t, "pdfinfo")
	doc := fixture()
	path, _, _ := renderTo(t, doc)
	info := run(t, "pdfinfo", path)
	for _, w := range []string{
		"Title:           " + doc.Title,
		"Subject:         " + doc.Subtitle,
		"Author:          Harbour Lane Bakery Ltd and Callwise Contact Solutions Ltd",
		"Creator:         " + doc.Creator,
		"CreationDate:    Fri Mar 14 09:30:00 2025 UTC",
		"Page size:       595 x 842 pts (A4)",
	} {
		if !strings.Contains(info, w) {
			t.Errorf("pdfinfo lacks %q:\n%s", w, info)
		}
	}
}

// TestBookmarks: each section, the checklist and the signature page have
// an outline entry pointing at the page where they start.
func TestBookmarks(t *testing.T) {
	need(t, "qpdf", "pdftotext")
	doc := fixture()
	path, _, _ := renderTo(t, doc)
	var js struct {
		Outlines []struct {
			Title string `json:"title"`
			Page  int    `json:"destpageposfrom1"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=outlines", path)), &js); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, s := range doc.Sections {
		want = append(want, s.Number+" "+s.Heading)
	}
	want = append(want, "Clause checklist", "Signatures")
	if len(js.Outlines) != len(want) {
		t.Fatalf("got %d bookmarks, want %d: %+v", len(js.Outlines), len(want), js.Outlines)
	}
	pages := pageTexts(t, path)
	for i, o := range js.Outlines {
		if o.Title != want[i] {
			t.Errorf("bookmark %d = %q, want %q", i, o.Title, want[i])
		}
		if o.Page < 1 || o.Page > len(pages) || !strings.Contains(squeeze(pages[o.Page-1]), want[i]) {
			t.Errorf("bookmark %q points at page %d, which does not show it", o.Title, o.Page)
		}
	}
}

// markerText is n runes of letters that appear nowhere else in
// longDoc, so counting them in the extracted text counts what survived.
func markerText(rng *rand.Rand, n int, spaces bool) string {
	const letters = "qxzQXZ"
	var b strings.Builder
	word := 0
	for i := 0; i < n; i++ {
		if spaces && word > 0 && rng.IntN(8) == 0 {
			b.WriteByte(' ')
			word = 0
			continue
		}
		b.WriteByte(letters[rng.IntN(len(letters))])
		word++
	}
	return b.String()
}

func markers(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("qxzQXZ", r) {
			return r
		}
		return -1
	}, s)
}

// longDoc is a minimal document whose own words avoid the marker letters.
func longDoc(blocks ...Block) Document {
	return Document{
		Title: "Long Body Check", ID: "LT-1", Parties: []string{"A Ltd", "B Ltd"},
		Sections: []Section{{Number: "1", Heading: "Terms", Blocks: blocks}},
		Signing: Signing{Signatories: []Signatory{
			{Party: "For A Ltd", Role: "Customer", Name: "Ann", FieldName: "A"},
		}},
	}
}

// TestLongTextSurvives: 100,000 characters, with and without spaces, in a
// paragraph, a clause and a table cell must all reach the page, in order.
func TestLongTextSurvives(t *testing.T) {
	need(t, "pdftotext", "qpdf")
	rng := rand.New(rand.NewPCG(1, 2))
	cases := map[string]Block{
		"paragraph without spaces": para(markerText(rng, 100_000, false)),
		"paragraph with spaces":    para(markerText(rng, 100_000, true)),
		"clause":                   clause("1.1", markerText(rng, 30_000, true)),
		"table cell":               {Kind: TableBlock, Table: &Table{Columns: []string{"Item", "Detail"}, Rows: [][]string{{"one", markerText(rng, 30_000, false)}, {"two", "end"}}}},
	}
	for name, b := range cases {
		t.Run(name, func(t *testing.T) {
			input := b.Text
			if b.Table != nil {
				input = b.Table.Rows[0][1]
			}
			path, _, _ := renderTo(t, longDoc(b))
			got := markers(run(t, "pdftotext", path, "-"))
			want := markers(input)
			if got != want {
				t.Errorf("extracted %d marker letters, want %d (first difference at %d)",
					len(got), len(want), firstDiff(got, want))
			}
			run(t, "qpdf", "--check", path)
		})
	}
}

func firstDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestUnsupportedCharacters: runes outside the font are reported by name
// and printed as "?", never silently blanked.
func TestUnsupportedCharacters(t *testing.T) {
	need(t, "pdftotext")
	doc := fixture()
	doc.Sections[0].Blocks[0].Text = "Snow ☃ and a smile 😀 and snow again ☃; café is fine."
	doc.Cover.KeyTerms[0].Value = "Hearts ♥ and ✓ marks"

	got := UnsupportedCharacters(doc)
	want := []rune{'☃', '✓', '😀'} // sorted by code point
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("UnsupportedCharacters = %q, want %q", got, want)
	}

	path, _, warnings := renderTo(t, doc)
	if len(warnings) != 1 {
		t.Fatalf("want one warning, got %q", warnings)
	}
	for _, w := range []string{`"☃" (U+2603)`, `"😀" (U+1F600)`, `"✓" (U+2713)`, "cannot show"} {
		if !strings.Contains(warnings[0], w) {
			t.Errorf("warning %q does not mention %s", warnings[0], w)
		}
	}
	text := squeeze(run(t, "pdftotext", path, "-"))
	if !strings.Contains(text, "Snow ? and a smile ? and snow again ?; café is fine.") {
		t.Errorf("unsupported runes not shown as ?:\n%s", text)
	}
	if !strings.Contains(text, "Hearts ♥ and ? marks") {
		t.Error("supported ♥ or replaced ✓ missing from the key terms")
	}
}

// TestControlCharactersAndLineBreaks: controls vanish, tabs become spaces,
// "\n" breaks the line.
func TestControlCharactersAndLineBreaks(t *testing.T) {
	need(t, "pdftotext")
	doc := longDoc(para("First\x00 line\x07 with\ta tab\r\nSecond line\x1b"))
	if u := UnsupportedCharacters(doc); len(u) != 0 {
		t.Errorf("control characters reported as unsupported: %q", u)
	}
	path, _, warnings := renderTo(t, doc)
	if len(warnings) != 0 {
		t.Errorf("warnings: %q", warnings)
	}
	lines := strings.Split(run(t, "pdftotext", "-layout", path, "-"), "\n")
	var first, second bool
	for _, ln := range lines {
		ln = squeeze(ln)
		first = first || ln == "First line with a tab"
		second = second || ln == "Second line"
	}
	if !first || !second {
		t.Errorf("want the two lines separately, got:\n%s", strings.Join(lines, "\n"))
	}
}

// TestNoStrandedHeadings: over many section lengths, no page ends with a
// section heading whose text starts on the next page.
func TestNoStrandedHeadings(t *testing.T) {
	need(t, "pdftotext")
	doc := longDoc()
	doc.Sections = nil
	var headings []string
	for i := 1; i <= 40; i++ {
		s := Section{Number: fmt.Sprint(i), Heading: fmt.Sprintf("Heading number %d", i)}
		for j := 1; j <= i%4+1; j++ {
			s.Blocks = append(s.Blocks, clause(fmt.Sprintf("%d.%d", i, j),
				strings.Repeat("Words to fill the clause so that it wraps. ", (i*7+j)%9+1)))
		}
		if i%6 == 0 {
			s.Blocks = append([]Block{subhead("A subheading")}, s.Blocks...)
		}
		doc.Sections = append(doc.Sections, s)
		headings = append(headings, s.Number+" "+s.Heading)
	}
	path, _, _ := renderTo(t, doc)
	for i, p := range pageTexts(t, path) {
		var body []string
		for _, ln := range strings.Split(p, "\n") {
			ln = squeeze(ln)
			if ln == "" || strings.HasPrefix(ln, "Long Body Check") || strings.HasPrefix(ln, "Page ") {
				continue // footer
			}
			body = append(body, ln)
		}
		if len(body) == 0 {
			continue
		}
		last := body[len(body)-1]
		for _, h := range append(headings, "A subheading") {
			if last == h {
				t.Errorf("page %d ends with heading %q", i+1, h)
			}
		}
	}
}

// TestTableHeaderRepeats: a table running over pages repeats its header
// row on each page, and loses no row.
func TestTableHeaderRepeats(t *testing.T) {
	need(t, "pdftotext")
	tbl := &Table{Columns: []string{"Metric", "Target", "Remedy"}, Widths: []float64{2, 1, 2}}
	for i := range 90 {
		tbl.Rows = append(tbl.Rows, []string{fmt.Sprintf("Row %03d metric", i), "95%", "Credit of one percent of the monthly fee"})
	}
	path, _, _ := renderTo(t, longDoc(Block{Kind: TableBlock, Table: tbl}))
	pages := pageTexts(t, path)
	seen := 0
	for i, p := range pages {
		rows := regexp.MustCompile(`Row \d{3} metric`).FindAllString(p, -1)
		if len(rows) == 0 {
			continue
		}
		seen += len(rows)
		if !strings.Contains(squeeze(p), "Metric Target Remedy") {
			t.Errorf("page %d has table rows but no header", i+1)
		}
	}
	if seen != 90 {
		t.Errorf("found %d rows, want 90", seen)
	}
}

// TestRendererIsSafeForConcurrentUse: one Renderer, many exports at once
// (run with -race); each output must equal a sequential render.
func TestRendererIsSafeForConcurrentUse(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	r.Now = fixedNow
	want, _, err := r.PDF(fixture())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got, _, err := r.PDF(fixture())
			if err != nil || string(got) != string(want) {
				t.Errorf("concurrent render differs (err %v)", err)
			}
		})
	}
	wg.Wait()
}

// TestInputNotModified: rendering must not rewrite the caller's document.
func TestInputNotModified(t *testing.T) {
	doc := fixture()
	doc.Sections[0].Blocks[0].Text = "tab\there ☃"
	doc.Signing.Signatories[0].FieldName = "bad name!"
	before := fmt.Sprintf("%#v", doc)
	if _, _, err := PDF(doc); err != nil {
		t.Fatal(err)
	}
	if after := fmt.Sprintf("%#v", doc); after != before {
		t.Error("PDF modified its input")
	}
}

// TestEmptyDocument: a document with nothing filled in still renders.
func TestEmptyDocument(t *testing.T) {
	need(t, "qpdf")
	path, pdf, _ := renderTo(t, Document{})
	if !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatal("not a PDF")
	}
	run(t, "qpdf", "--check", path)
}
