package render

import (
	"strings"
	"testing"
)

// TestCoverKeepsHeadingWithParties: a party name long enough to push the
// parties onto the next page takes the "Parties" heading with it, instead
// of leaving the heading alone at the bottom of the first page.
func TestCoverKeepsHeadingWithParties(t *testing.T) {
	mustHave(t, "pdftotext")
	// Names from a third of a page to nearly a page tall: somewhere in
	// this range the row no longer fits below the heading.
	for words := 30; words <= 75; words += 5 {
		doc := fixture()
		doc.Cover.Parties[0].Name = strings.TrimSpace(strings.Repeat("Harbour Lane Bakery Holdings ", words)) + " Ltd"
		path, _, _ := renderTo(t, doc)
		headingKeptWithParty(t, pageTexts(t, path), words)
	}
}

func headingKeptWithParty(t *testing.T, pages []string, words int) {
	t.Helper()
	heading := -1
	for i, p := range pages {
		if strings.Contains(p, "PARTIES") || strings.Contains(p, "Parties") {
			heading = i
			break
		}
	}
	if heading < 0 {
		t.Fatalf("%d words: no Parties heading on any page", words)
	}
	if !strings.Contains(squeeze(pages[heading]), "Harbour Lane Bakery Holdings") {
		t.Errorf("%d words: the Parties heading is on page %d, its first party is not:\n%s", words, heading+1, pages[heading])
	}
}
