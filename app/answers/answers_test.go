package answers

import "testing"

func TestCleanText(t *testing.T) {
	cases := []struct {
		in        string
		multiline bool
		want      string
	}{
		{"Acme\x00 Ltd\x07", false, "Acme Ltd"},
		{"line one\r\nline two", true, "line one\nline two"},
		{"line one\nline two", false, "line one line two"},
		{"a\tb", false, "a b"},
		{"\ufeffBOM", false, "BOM"},
		{"plain", false, "plain"},
	}
	for _, c := range cases {
		if got := CleanText(c.in, c.multiline); got != c.want {
			t.Errorf("CleanText(%q, %v) = %q, want %q", c.in, c.multiline, got, c.want)
		}
	}
}

func TestBlankAndEqual(t *testing.T) {
	if !(Value{Text: "  "}).IsBlank() {
		t.Error("spaces should be blank")
	}
	if (Value{Rows: []Row{{"a": "x"}}}).IsBlank() {
		t.Error("a row with text is not blank")
	}
	v := Value{Text: "1", Unit: "days", Items: []string{"a"}, Rows: []Row{{"c": "1"}}}
	w := v.Clone()
	if !v.Equal(w) {
		t.Error("clone should be equal")
	}
	w.Rows[0]["c"] = "2"
	if v.Equal(w) || v.Rows[0]["c"] != "1" {
		t.Error("clone must not alias rows")
	}
}
