package agreement

import (
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/check"
	"pactwright/app/draft"
)

const unreviewedMark = "Suggested value, not yet reviewed"

// The PDF's checklist tells a suggested rate nobody confirmed from an
// agreed one; once the group is reviewed, or the value changed, it reads
// complete.
func TestPDFChecklistMarksUnreviewedSuggestions(t *testing.T) {
	e := engine(t)
	d := draft.Example(e.Template())
	pdf, _, err := e.RenderPDF(d)
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, pdf); !strings.Contains(text, "Pricing model and rates "+unreviewedMark) {
		t.Fatalf("the example's unreviewed charges are not marked:\n%s", excerpt(text, "Pricing model and rates"))
	}

	for _, g := range e.Template().Groups {
		d.Reviewed = append(d.Reviewed, g.ID)
	}
	pdf, _, err = e.RenderPDF(d)
	if err != nil {
		t.Fatal(err)
	}
	// A signable agreement shows only complete and not applicable: no
	// row, and not even the introduction, speaks of unreviewed values.
	if text := pdfText(t, pdf); strings.Contains(text, unreviewedMark) || strings.Contains(text, "DRAFT") {
		t.Fatalf("a reviewed, signable agreement still says %q or DRAFT:\n%s", unreviewedMark, excerpt(text, unreviewedMark))
	}
}

func TestReviewStatuses(t *testing.T) {
	tpl := engine(t).Template()
	d := draft.Example(tpl)
	status := func(reviewed []string) (group, element check.Status) {
		r := check.Check(tpl, d.Answers)
		r.Review(tpl, d.Answers, reviewed, nil)
		for _, g := range r.Groups {
			if g.ID == "pricing" {
				return g.Status, g.Elements[0].Status
			}
		}
		t.Fatal("no pricing group")
		return "", ""
	}
	if g, el := status(nil); g != check.ToReview || el != check.ToReview {
		t.Fatalf("unreviewed example pricing: group %s, charges %s; want both to review", g, el)
	}
	d.Answers["rate"] = answers.Value{Text: "26.00", Unit: "GBP"}
	d.Answers["setup_fee"] = answers.Value{Text: "4000.00", Unit: "GBP"}
	if g, _ := status(nil); g != check.ToReview {
		t.Fatalf("a group nobody confirmed is %s, want to review", g)
	}
	if g, _ := status([]string{"pricing"}); g != check.Complete {
		t.Fatalf("confirmed pricing is %s, want complete", g)
	}
	blank := draft.New(tpl)
	r := check.Check(tpl, blank.Answers)
	r.Review(tpl, blank.Answers, nil, nil)
	for _, g := range r.Groups {
		if g.ID == "pricing" && g.Status != check.Incomplete {
			t.Fatalf("a blank agreement's pricing is %s, want incomplete (the rate is empty)", g.Status)
		}
	}
}

func excerpt(text, near string) string {
	i := strings.Index(text, near)
	if i < 0 {
		return text[:min(len(text), 600)]
	}
	return text[max(0, i-200):min(len(text), i+400)]
}
