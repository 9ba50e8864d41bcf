package draft

import (
	"fmt"
	"strconv"
)

// MaxNesting is how deep lists and objects may sit inside one another in
// a draft file. The deepest real draft value (a table of rows) is four
// deep; the limit leaves room and keeps a hostile file, such as a value
// nested 20,000 deep, from costing seconds and gigabytes to decode.
const MaxNesting = 32

// CheckNesting refuses JSON whose lists and objects nest deeper than
// limit, naming the byte offset where the limit is passed. It reads the
// bytes once, before any decoder builds anything from them.
func CheckNesting(data []byte, limit int) error {
	depth, inString, escaped := 0, false, false
	for i, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > limit {
				return fmt.Errorf("lists and objects are nested more than %d deep (at byte offset %d); a draft never needs more, so the file is refused", limit, i)
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return nil
}

// quoted quotes text from a file for a message, cut to 60 characters so
// that a huge key or value cannot fill the screen.
func quoted(s string) string {
	if r := []rune(s); len(r) > 60 {
		return strconv.Quote(string(r[:60])) + "…"
	}
	return strconv.Quote(s)
}
