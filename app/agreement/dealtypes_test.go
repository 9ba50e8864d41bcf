package agreement

import (
	"os"
	"path/filepath"
	"testing"

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
