package draft_test

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"pactwright/app/draft"
	"pactwright/app/template"
)

// deepDraft is a valid draft file whose first answer is replaced by a
// value nested depth lists deep.
func deepDraft(t testing.TB, depth int) []byte {
	t.Helper()
	tpl := template.CallCentre()
	b, err := draft.Marshal(tpl, draft.Example(tpl))
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(b, []byte(`"answers": {`))
	if i < 0 {
		i = bytes.Index(b, []byte(`"answers":{`))
	}
	if i < 0 {
		t.Fatalf("no answers in %s", b)
	}
	i = bytes.IndexByte(b[i:], '{') + i + 1
	deep := `"x_deep": ` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + ","
	return append(append(append([]byte{}, b[:i]...), deep...), b[i:]...)
}

// TestDeepValueRefused: a draft with a value nested 20,000 deep is
// refused, naming the limit, with little memory spent.
func TestDeepValueRefused(t *testing.T) {
	data := deepDraft(t, 20000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := draft.Unmarshal(template.CallCentre(), data)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "nested more than 32 deep") {
		t.Fatalf("err = %v, want the nesting limit named", err)
	}
	if spent := after.TotalAlloc - before.TotalAlloc; spent > 200<<20 {
		t.Errorf("refusing it allocated %d MB, want under 200", spent>>20)
	}
}

// TestNestingIgnoresBracketsInText: brackets inside strings, escaped
// quotes included, are text, not nesting.
func TestNestingIgnoresBracketsInText(t *testing.T) {
	text := `{"a": "` + strings.Repeat(`[{\"`, 100) + `"}`
	if err := draft.CheckNesting([]byte(text), 2); err != nil {
		t.Errorf("brackets in a string counted: %v", err)
	}
	if err := draft.CheckNesting([]byte(`{"a": [[1]]}`), 2); err == nil {
		t.Error("three levels passed a limit of 2")
	}
}

// BenchmarkRefuseDeepValue: refusing a 20,000-deep value.
func BenchmarkRefuseDeepValue(b *testing.B) {
	data := deepDraft(b, 20000)
	tpl := template.CallCentre()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := draft.Unmarshal(tpl, data); err == nil {
			b.Fatal("accepted")
		}
	}
}

// TestMessagesQuoteAtMost60Characters: a huge key or value in a draft
// file is quoted cut short in the message, not whole.
func TestMessagesQuoteAtMost60Characters(t *testing.T) {
	huge := strings.Repeat("k", 1<<20)
	for _, data := range []string{
		`{"format": "` + huge + `"}`,
		`{"answers": {}, "` + huge + `": 1, "` + huge + `": 2}`,
	} {
		_, err := draft.Unmarshal(template.CallCentre(), []byte(data))
		if err == nil || len(err.Error()) > 300 {
			t.Errorf("message of %d characters: %.200v", len(fmt.Sprint(err)), err)
		}
	}
}
