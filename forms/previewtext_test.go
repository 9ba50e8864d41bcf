package forms

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"pactwright/app/draft"
)

// customerPreview is a renderer whose preview names the customer, so a
// test can tell which answers a preview was made from.
type customerPreview struct{ fakeRenderer }

func (*customerPreview) Preview(d draft.Draft) string {
	return "AGREEMENT with " + d.Answers.Text("customer_name")
}

func TestPreviewUpdatesOffUIGoroutine(t *testing.T) {
	h := newHarness(t)
	h.ui.opts.Renderer = &customerPreview{}
	e := h.openExample()
	if e.preview.Text() != "" {
		t.Fatalf("preview filled while its tab is hidden: %q", e.preview.Text())
	}
	e.sideTabs.Select(e.previewItem)
	h.waitFor("preview", func() bool { return strings.HasPrefix(e.preview.Text(), "AGREEMENT") })
	test.Type(e.entry(t, "customer_name"), "!")
	h.waitFor("preview after typing", func() bool { return strings.Contains(e.preview.Text(), "!") })

	// Typing with the checklist showing makes no preview; opening the
	// preview again shows the last one at once, then the new one.
	e.sideTabs.SelectIndex(0)
	test.Type(e.entry(t, "customer_name"), "?")
	e.sideTabs.Select(e.previewItem)
	if !strings.Contains(e.preview.Text(), "!") || strings.Contains(e.preview.Text(), "?") {
		t.Fatalf("reopened, the preview shows %q, not the last one", e.preview.Text())
	}
	h.waitFor("preview after reopening", func() bool { return strings.Contains(e.preview.Text(), "?") })
}

func TestPreviewWrapsToItsWidth(t *testing.T) {
	test.NewTempApp(t)
	p := newPreviewText()
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(300, 400))
	para := strings.Repeat("The Provider shall answer every call promptly. ", 20)
	p.SetText("1. SERVICES\n\n  " + para)
	if p.columns < 20 {
		t.Fatalf("%d columns in 300 px", p.columns)
	}
	if len(p.lines) < 10 {
		t.Fatalf("a %d-character paragraph took %d lines at %d columns", len(para), len(p.lines), p.columns)
	}
	for _, l := range p.lines {
		if n := utf8.RuneCountInString(l); n > p.columns {
			t.Fatalf("line of %d characters in %d columns: %q", n, p.columns, l)
		}
	}
	narrow := p.columns
	w.Resize(fyne.NewSize(600, 400))
	if p.columns <= narrow {
		t.Fatalf("wider window: %d columns, was %d", p.columns, narrow)
	}
}

func TestWrapLine(t *testing.T) {
	for _, c := range []struct {
		para    string
		columns int
		want    []string
	}{
		{"short", 10, []string{"short"}},
		{"", 10, []string{""}},
		{"one two three four", 9, []string{"one two", "three", "four"}},
		{"  (a) one two three", 10, []string{"  (a) one", "  two", "  three"}},
		{"abcdefghijklm", 5, []string{"abcde", "fghij", "klm"}},
		{"x abcdefghij", 5, []string{"x", "abcde", "fghij"}},
		{"                      ", 5, []string{""}},
		{"£24.50 per hour", 6, []string{"£24.50", "per", "hour"}},
	} {
		got := wrapLine(nil, c.para, c.columns)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrapLine(%q, %d) = %q, want %q", c.para, c.columns, got, c.want)
		}
	}
}

// FuzzWrapLine: whatever the text, lines fit and no word is lost.
func FuzzWrapLine(f *testing.F) {
	f.Add("  (a) the Provider shall answer 80% of calls within 20 seconds", 12)
	f.Add("£24.50", 3)
	f.Add("a\tb  c", 1)
	f.Fuzz(func(t *testing.T, para string, columns int) {
		if !utf8.ValidString(para) || strings.Contains(para, "\n") || columns < 1 || columns > 500 {
			return
		}
		lines := wrapLine(nil, para, columns)
		if len(lines) == 0 {
			t.Fatal("no line for a paragraph")
		}
		for _, l := range lines {
			if n := utf8.RuneCountInString(l); n > columns && len(lines) > 1 {
				t.Fatalf("line %q longer than %d", l, columns)
			}
		}
		if len(lines) == 1 {
			return // kept whole
		}
		if got, want := strings.Join(strings.Fields(strings.Join(lines, "")), ""), strings.Join(strings.Fields(para), ""); got != want {
			t.Fatalf("wrapped text %q is not the paragraph %q", got, want)
		}
	})
}
