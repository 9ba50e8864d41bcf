package render

import (
	"strings"
	"testing"
)

// TestDraftIsMarkedOnEveryPageAndCannotBeSigned: a document with terms
// still to be completed says so on every page, and has no signature
// fields for a signing tool to offer.
func TestDraftIsMarkedOnEveryPageAndCannotBeSigned(t *testing.T) {
	need(t, "pdftotext", "pdfsig")
	doc := fixture()
	doc.Draft = true
	path, pdf, _ := renderTo(t, doc)
	pages := pageTexts(t, path)
	if len(pages) < 3 {
		t.Fatalf("fixture should run to several pages, got %d", len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(p, draftMark) {
			t.Errorf("page %d lacks %q:\n%s", i+1, draftMark, p)
		}
	}
	if strings.Contains(string(pdf), "/FT /Sig") {
		t.Error("a draft has signature fields")
	}
	if out, _, _ := runRaw("pdfsig", path); !strings.Contains(out, "does not contain any signatures") {
		t.Errorf("pdfsig finds signature fields in a draft:\n%s", out)
	}
	if text := PlainText(doc); !strings.Contains(text, draftMark) {
		t.Errorf("plain text lacks %q", draftMark)
	}
	// Printed, a draft's signature boxes say not to sign in them.
	const doNotSign = "DRAFT – do not sign"
	if last := pages[len(pages)-1]; strings.Count(last, doNotSign) != len(doc.Signing.Signatories) {
		t.Errorf("a draft's signature page has %d boxes saying %q, want one per signatory:\n%s", strings.Count(last, doNotSign), doNotSign, last)
	}

	doc.Draft = false
	path, _, _ = renderTo(t, doc)
	for i, p := range pageTexts(t, path) {
		if strings.Contains(p, draftMark) || strings.Contains(p, doNotSign) {
			t.Errorf("page %d of a final document says %q or %q", i+1, draftMark, doNotSign)
		}
	}
}
