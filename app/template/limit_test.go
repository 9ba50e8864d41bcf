package template

import (
	"strings"
	"testing"

	"pactwright/app/answers"
)

func TestLongTextOverItsLimitIsRefusedWithTheCount(t *testing.T) {
	f := longText("services_description", "What the agents do", "")
	if err := f.Validate(answers.Value{Text: strings.Repeat("a", LongTextLimit)}); err != nil {
		t.Fatalf("text at the limit refused: %v", err)
	}
	err := f.Validate(answers.Value{Text: strings.Repeat("word ", 700)})
	if err == nil || !strings.Contains(err.Error(), "is 3,499 characters long, over the limit of 3,000 characters: shorten it by 499 characters") {
		t.Fatalf("3,499 characters: %v", err)
	}
	if got := f.LimitSentence(); got != "Up to 3,000 characters (about a page)." {
		t.Fatalf("the help states the limit as %q", got)
	}
	short := text("x", "X", "")
	if s := short.LimitSentence(); s != "" {
		t.Fatalf("a short text field states a limit: %q", s)
	}
}

func TestCutToLimitEndsOnAWholeWord(t *testing.T) {
	f := longText("call_types", "Types of contact handled", "")
	typed := strings.Repeat("printed catalogue orders ", 200) // 5,000 characters
	got, cut := f.CutToLimit(typed)
	if !cut || len([]rune(got)) > LongTextLimit || !strings.HasPrefix(typed, got) {
		t.Fatalf("cut %v to %d characters", cut, len([]rune(got)))
	}
	if next := typed[len(got)]; next != ' ' || strings.HasSuffix(got, " ") {
		t.Fatalf("the cut text ends %q, followed by %q: not a whole word", got[len(got)-12:], next)
	}
	if same, cut := f.CutToLimit("short"); cut || same != "short" {
		t.Fatalf("text within the limit changed to %q", same)
	}
}
