package agreement

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"pactwright/app/check"
	"pactwright/app/draft"
	"pactwright/app/variants"
)

// Every deal type of the legal review is complete and signable as built:
// what the reviewer reads is what a user would sign. With
// PACTWRIGHT_REVIEW_DIR set, the drafts are also written there as JSON,
// for `pactwright check` and `render` to make the reviewer's pack.
func TestDealTypesAreSignable(t *testing.T) {
	e := engine(t)
	dir := os.Getenv("PACTWRIGHT_REVIEW_DIR")
	for _, deal := range variants.Deals(e.Template()) {
		acceptRisks(t, e, &deal)
		r := check.ForDraft(e.Template(), deal.Draft)
		if !r.Signable() {
			t.Errorf("%s is not signable: %v %v", deal.Name, r.Blockers(), r.Problems())
		}
		if dir == "" {
			continue
		}
		b, err := draft.Marshal(e.Template(), deal.Draft)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, deal.Key+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// acceptRisks accepts the HIGH findings the deal type keeps, as its user
// would in the app, so that the draft records them with their reason.
func acceptRisks(t *testing.T, e *Engine, deal *variants.Deal) {
	t.Helper()
	keep := variants.AcceptedRisks(deal.Key)
	for _, f := range check.Findings(e.Template(), deal.Draft.Answers) {
		if reason, ok := keep[f.Field]; ok && f.Severity == check.High {
			if err := deal.Draft.AcceptRisk(f.Field, f.Message, reason, time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)); err != nil {
				t.Fatal(err)
			}
		}
	}
}
