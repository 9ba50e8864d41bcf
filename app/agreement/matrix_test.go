package agreement

import (
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/check"
	"pactwright/app/compose"
	"pactwright/app/template"
	"pactwright/app/variants"
	"pactwright/assets"
	"pactwright/render"
)

// TestMatrixCoversTheAnswersThatChangeTheWording: the generated drafts
// take every value the issue names, so the render test below sees them.
func TestMatrixCoversTheAnswersThatChangeTheWording(t *testing.T) {
	tpl := template.CallCentre()
	matrix := variants.Matrix(tpl)
	if len(matrix) < variants.MinDrafts {
		t.Fatalf("matrix has %d drafts, want at least %d", len(matrix), variants.MinDrafts)
	}
	covers := func(id string, v answers.Value) {
		if !variants.Covered(tpl, matrix, id, v) {
			t.Errorf("no draft has %s = %+v while it applies", id, v)
		}
	}
	for _, id := range []string{"customer_entity", "provider_entity", "governing_law", "service_credits", "final_forum", "offshore", "card_payments", "call_recording", "outbound_compliance"} {
		f, _ := tpl.Field(id)
		for _, v := range variants.Values(f, answers.Value{}) {
			covers(id, v)
		}
	}
	// Boundary values: 1 and the largest allowed, and 0 where it is allowed,
	// for every quantity.
	for _, g := range tpl.Groups {
		for _, f := range g.Fields {
			if f.Kind != template.Number && f.Kind != template.Duration {
				continue
			}
			unit := ""
			if f.Kind == template.Duration {
				unit = f.Units[0]
			}
			for _, n := range []int64{0, 1, *f.Max} {
				if n >= *f.Min {
					covers(f.ID, answers.Value{Text: strconv.FormatInt(n, 10), Unit: unit})
				}
			}
		}
	}
}

var (
	doubled       = regexp.MustCompile(`%%|[^.]\.\.(?:[^.]|$)|,,|;;|££|\$\$| [,.;:](?:\s|$)`)
	article       = regexp.MustCompile(`(?:^|[^\w-])([Aa]n?) ([A-Za-z][\w-]*)`)
	onePlural     = regexp.MustCompile(`(?:^|[^\d.,£$€])1 (days|months|years|hours|minutes|seconds|weeks|times|calls|agents|full-time agents|business days|consecutive months)\b`)
	clauseNumber  = regexp.MustCompile(`\bclause (\d+(?:\.\d+)?)`)
	scheduleNum   = regexp.MustCompile(`\bSchedule (\d+)`)
	definedInFile = regexp.MustCompile(`(?m)^"([^"]+)" means`)
)

// TestEveryVariantReadsCleanly renders every draft of the matrix and reads
// the PDF back as a person would: no doubled symbols, the right article,
// singular units with 1, no bracketed note or marker in a complete draft,
// every reference pointing at a clause that exists, every defined term
// used defined.
func TestEveryVariantReadsCleanly(t *testing.T) {
	e := engine(t)
	src, err := fs.ReadFile(assets.Clauses(), "definitions.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	var terms []string
	for _, m := range definedInFile.FindAllStringSubmatch(string(src), -1) {
		terms = append(terms, m[1])
	}
	for _, d := range variants.Matrix(e.Template()) {
		// Every group confirmed, so a complete variant without open
		// HIGH findings is signable and the checks below apply to it.
		d.Confirm(e.Template())
		t.Run(d.Title, func(t *testing.T) {
			composed, err := e.composer.Compose(d)
			if err != nil {
				t.Fatal(err)
			}
			pdf, _, err := e.renderer.PDF(composed.Document)
			if err != nil {
				t.Fatal(err)
			}
			text := pdfText(t, pdf)
			complain := func(what, match string) {
				i := strings.Index(text, match)
				t.Errorf("%s %q in: …%s…", what, match, text[max(0, i-60):min(len(text), i+len(match)+60)])
			}
			for _, m := range doubled.FindAllString(text, -1) {
				complain("doubled symbol", m)
			}
			for _, m := range article.FindAllStringSubmatch(text, -1) {
				// In a clause set in capitals every word looks like an
				// initialism ("an MOT"): read as a word, it may be right.
				capitals := m[1] == strings.ToUpper(m[1]) && strings.EqualFold(m[1], template.Article(strings.ToLower(m[2])))
				if want := template.Article(m[2]); !strings.EqualFold(m[1], want) && !capitals {
					complain("wrong article", m[1]+" "+m[2])
				}
			}
			for _, m := range onePlural.FindAllString(text, -1) {
				complain("plural after 1", m)
			}
			r := check.ForDraft(e.Template(), d)
			complete := r.Complete()
			if r.Signable() != !composed.Document.Draft {
				t.Errorf("signable = %v (%v) but document draft = %v", r.Signable(), r.Blockers(), composed.Document.Draft)
			}
			if complete && strings.ContainsAny(text, "[]") {
				complain("bracketed note or marker in a complete draft", text[strings.IndexAny(text, "[]"):][:1])
			}
			if r.Signable() && strings.Contains(text, "DRAFT") {
				t.Error("a signable draft is marked DRAFT")
			}
			if r.Signable() && strings.Contains(text, "not yet reviewed") {
				t.Error("a signable draft's checklist carries review notes")
			}
			numbers := map[string]bool{}
			schedules := 0
			for _, s := range composed.Document.Sections {
				numbers[s.Number] = true
				if strings.HasPrefix(s.Number, "Schedule") {
					schedules++
				}
				for _, b := range s.Blocks {
					if b.Kind == render.Clause {
						numbers[b.Number] = true
					}
				}
			}
			for _, m := range clauseNumber.FindAllStringSubmatch(text, -1) {
				if !numbers[m[1]] {
					complain("reference to a clause that does not exist", m[0])
				}
			}
			for _, m := range scheduleNum.FindAllStringSubmatch(text, -1) {
				if n, _ := strconv.Atoi(m[1]); n < 1 || n > schedules {
					complain("reference to a schedule that does not exist", m[0])
				}
			}
			for _, term := range terms {
				if compose.Uses(text, term) && !strings.Contains(text, fmt.Sprintf("%q means", term)) {
					t.Errorf("%q is used but not defined", term)
				}
			}
		})
	}
}
