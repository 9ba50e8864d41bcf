package template

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// LongTextLimit is how many characters a long text answer may hold: about
// a page of the agreement. A clause that needs more belongs in a schedule
// of its own; without a limit, a field could hold more than the window
// re-wraps quickly on each keystroke.
const LongTextLimit = 3000

// CharLimit is how many characters an answer to f may hold, or 0 for no
// limit of its own.
func (f *Field) CharLimit() int {
	if f.Kind == LongText {
		return LongTextLimit
	}
	return 0
}

// LimitSentence states f's limit for its help text, or "" if it has none.
func (f *Field) LimitSentence() string {
	if n := f.CharLimit(); n > 0 {
		return fmt.Sprintf("Up to %s (about a page).", Count(n, "characters"))
	}
	return ""
}

// checkLimit refuses text longer than f's limit, saying by how much.
func (f *Field) checkLimit(text string) error {
	n, limit := utf8.RuneCountInString(text), f.CharLimit()
	if limit == 0 || n <= limit {
		return nil
	}
	return fmt.Errorf("is %s long, over the limit of %s: shorten it by %s, or put the detail in a schedule attached to the agreement",
		Count(n, "characters"), Count(limit, "characters"), Count(n-limit, "characters"))
}

// CutToLimit shortens text to f's limit at the end of the last whole word
// that fits, so that the agreement never ends a clause mid-word. It
// reports whether it cut anything.
func (f *Field) CutToLimit(text string) (string, bool) {
	limit := f.CharLimit()
	if limit == 0 || utf8.RuneCountInString(text) <= limit {
		return text, false
	}
	runes := []rune(text)
	end := limit
	if !unicode.IsSpace(runes[end]) { // the limit falls inside a word: drop that word
		for end > 0 && !unicode.IsSpace(runes[end-1]) {
			end--
		}
		if end == 0 { // one word longer than the limit: cut it
			end = limit
		}
	}
	return strings.TrimRightFunc(string(runes[:end]), unicode.IsSpace), true
}
