package render

import (
	"strings"
	"testing"
)

// TestWrap: lines fit the width, breaks fall at spaces when possible, and
// joining the lines gives back every non-space character in order.
func TestWrap(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	f := r.fonts.faces[regular]
	cases := []struct {
		text  string
		width float64
		want  []string
	}{
		{"", 100, nil},
		{"one two three", 1000, []string{"one two three"}},
		{"one two three", 45, []string{"one two", "three"}},
		{"line\nbreak", 1000, []string{"line", "break"}},
		{"a\n\nb", 1000, []string{"a", "", "b"}},
		{"MMMMMMM", 20, []string{"MM", "MM", "MM", "M"}},
		{"well-known term", 60, []string{"well-known", "term"}},
		{"well-known", 30, []string{"well-", "known"}},
		{"x", 0, []string{"x"}},
	}
	for _, c := range cases {
		got := wrap(f, 10, c.width, c.text)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrap(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
	}

	long := strings.Repeat("Service credits apply monthly; supercalifragilisticexpialidocious ", 300)
	lines := wrap(f, 10, 200, long)
	for _, ln := range lines {
		if w := f.width(ln, 10); w > 200 {
			t.Fatalf("line %q is %.1f wide, limit 200", ln, w)
		}
	}
	nospace := func(s string) string { return strings.ReplaceAll(s, " ", "") }
	if nospace(strings.Join(lines, "")) != nospace(long) {
		t.Error("wrapping lost or reordered characters")
	}
}

// TestFaceMatchesGopdf: our measurements must equal gopdf's, or wrapped
// lines would overflow their columns.
func TestFaceMatchesGopdf(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	l := &layout{faces: r.fonts.faces}
	gp := newTestGoPdf(t, r)
	for _, st := range []textStyle{bodyStyle, headingStyle, noteStyle} {
		l.gp = gp
		l.setText(st)
		s := "Quality assurance — 99.5% «Ünïcödé» WAVE fi"
		want, err := gp.MeasureTextWidth(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.width(st, s); got != want {
			t.Errorf("style %v: width %v, gopdf says %v", st.font, got, want)
		}
	}
}
