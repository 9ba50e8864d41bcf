package render

import (
	"strings"
	"testing"
)

// TestPlainText: the preview carries the same content as the PDF.
func TestPlainText(t *testing.T) {
	doc := fixture()
	doc.Sections[0].Blocks[0].Text = "Snow ☃\tand\x00 more"
	txt := PlainText(doc)
	want := []string{
		doc.Title, doc.Subtitle, "Customer: Harbour Lane Bakery Ltd",
		"Initial term: 24 months", "Document ID: " + doc.ID,
		"1  Definitions and Interpretation", "Snow ☃ and more",
		"3.2  If the Provider misses a Service Level",
		"Schedule 1  Service Levels",
		"Service Level | Target | Measured | Service Credit",
		"Calls answered within 20 seconds | 80% of offered calls | Monthly | 2% of monthly fee per point below target",
		"Clause checklist", "[x] Both parties identified with company numbers — Complete",
		"[ ] Persistent failure termination right — Incomplete: choose the number of months",
		"Customer initials", "Provider initials",
		"Signatures", "For and on behalf of Harbour Lane Bakery Ltd", "Name:      Eleanor Marsh",
		"Title:     Managing Director", "Name:      ______",
	}
	for _, w := range want {
		if !strings.Contains(txt, w) {
			t.Errorf("plain text lacks %q", w)
		}
	}
	if strings.Contains(txt, "\x00") || strings.Contains(txt, "\n\n\n\n") {
		t.Error("plain text has control characters or runs of blank lines")
	}
	if PlainText(Document{}) == "" {
		t.Error("empty document gives empty text; want at least the checklist and signature headings")
	}
}
