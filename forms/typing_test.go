package forms

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/template"
)

// typedWords is n characters of prose, words and spaces, as typed.
func typedWords(n int) string {
	return strings.Repeat("The agents answer printed catalogue orders and track deliveries. ", n/64+1)[:n]
}

// 5,000 characters typed one by one into a long field: the field keeps
// the first whole words that fit its 3,000, says why the rest was not
// added, and what is saved, and so printed, is exactly what it shows.
func TestTypingPastALongFieldsLimit(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	const id = "services_description"
	e.tabs.SelectIndex(e.groupOf(id))
	fv := e.field(id)
	en := fv.focus.(*formEntry)
	en.SetText("")
	typed := typedWords(5000)
	test.Type(en, typed)

	got := en.Text
	if n := len([]rune(got)); n > template.LongTextLimit || n < template.LongTextLimit-20 {
		t.Fatalf("the field holds %d characters after 5,000 typed, want up to %d", n, template.LongTextLimit)
	}
	if !strings.HasPrefix(typed, got) || typed[len(got)] != ' ' || strings.HasSuffix(got, " ") {
		diff := 0
		for diff < len(got) && diff < len(typed) && got[diff] == typed[diff] {
			diff++
		}
		t.Fatalf("the field ends %q: not the typed text up to a whole word (%d characters, the same as typed for %d: %q)",
			got[len(got)-20:], len(got), diff, got[max(0, diff-20):min(len(got), diff+20)])
	}
	var note string
	walk(fv.box, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && strings.Contains(l.Text, "not added") {
			note = l.Text
		}
	})
	want := `⚠ What the agents do holds up to 3,000 characters: what you typed or pasted after "…track deliveries. The agents" was not added.`
	if note != want {
		t.Fatalf("under the field: %q\nwant %q", note, want)
	}
	if !strings.Contains(fv.box.Objects[len(fv.box.Objects)-2].(*widget.Label).Text, "Up to 3,000 characters") {
		t.Errorf("the help does not state the limit: %q", fv.box.Objects[len(fv.box.Objects)-2].(*widget.Label).Text)
	}
	h.waitFor("the save", func() bool {
		sd, err := h.store.Get(e.id)
		return err == nil && sd.Content.Answers.Text(id) == got
	})

	// Shortened, the field takes text again and the note goes.
	test.Type(en, "") // focus
	en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if note := fv.box.Objects[1].(*fyne.Container).Objects[1]; note.Visible() {
		t.Error("the note still shows after the text was shortened")
	}
}

// BenchmarkKeystrokeLongField is one keystroke's UI work at the end of a
// long field holding nearly its limit: the entry's own update, the
// answers, checklist, findings and tab labels, and handing the draft to
// the saver (the write itself waits for a pause in typing, off the UI
// goroutine). Each op is one keystroke, a character typed or taken back.
// Fyne re-wraps the paragraph being typed in on each keystroke, so the
// cost grows with that paragraph's length: the sub-benchmarks give the
// text in paragraphs of 300 and 1,000 characters, and as one paragraph.
func BenchmarkKeystrokeLongField(b *testing.B) {
	for _, para := range []int{300, 1000, template.LongTextLimit} {
		b.Run(fmt.Sprintf("paragraphs-of-%d", para), func(b *testing.B) {
			u, id := speedUI(b)
			openNow(b, u, u.opts.Store, id)
			const field = "services_description"
			u.editor.tabs.SelectIndex(u.editor.groupOf(field))
			en := u.editor.fields[field].focus.(*formEntry)
			setTextCursorAtEnd(&en.Entry, paragraphs(template.LongTextLimit-10, para))
			u.win.Canvas().Focus(en)
			back := &fyne.KeyEvent{Name: fyne.KeyBackspace}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%2 == 0 {
					en.TypedRune('x')
				} else {
					en.TypedKey(back)
				}
			}
			b.StopTimer()
			u.editor.stop()
		})
	}
}

// paragraphs is n characters of prose in paragraphs of about para.
func paragraphs(n, para int) string {
	var b strings.Builder
	for b.Len() < n {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(strings.TrimSpace(typedWords(min(para, n-b.Len()))))
	}
	return b.String()
}

// A space typed where a line wraps stays between its words: Fyne's
// word-wrapped entry left the cursor before it, so the next word was
// typed in front of it ("catalogueorders").
func TestSpacesTypedWhereLinesWrapStay(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("typing")
	en := newFormEntry(true, nil)
	w.SetContent(en)
	w.Resize(fyne.NewSize(700, 300))
	typed := typedWords(1200)
	test.Type(en, typed)
	if en.Text != typed {
		i := 0
		for i < len(en.Text) && en.Text[i] == typed[i] {
			i++
		}
		t.Fatalf("the field differs from what was typed at character %d: %q", i, en.Text[max(0, i-20):min(len(en.Text), i+10)])
	}
}
